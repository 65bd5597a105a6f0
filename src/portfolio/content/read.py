"""Read a project's files: the only place content is read from disk.

Files are read in a sorted order (so output never depends on the file system),
refused if they resolve outside the project (a symlink to `/etc`), are too large or
are not UTF-8, and split into YAML front matter and a Markdown body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin

from portfolio.content.ids import SLUG_PATTERN
from portfolio.content.yamldoc import YamlDoc, parse_yaml
from portfolio.errors import Problem
from portfolio.layout import CONFIG, PROFILE, SOURCES
from portfolio.system import regular
from portfolio.system.parallel import share

Kind = Literal["config", "profile", "goal", "evidence", "target"]
KINDS: tuple[Kind, ...] = ("goal", "evidence", "target")  # the kinds of SOURCES, in order
MAX_BYTES = 1_000_000  # a career file is a few KB; a megabyte is a mistake or an attack
_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class SourceFile:
    """One content file, parsed but not yet validated."""

    kind: Kind
    id: str  # the file's stem
    path: str  # relative to the project, with forward slashes
    doc: YamlDoc
    body: str = ""
    readable: bool = True  # False: the file exists but could not be read or parsed


def inside(path: Path, root: Path) -> bool:
    """True if `path`, with every symlink resolved, lies inside `root`; False for a link
    that loops (`a -> a`), which leads nowhere."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a loop
        return False


def read_text(file: Path, root: Path, problems: list[Problem]) -> str | None:
    """The file's text, or None with a located problem."""
    rel = file.relative_to(root).as_posix()
    if not inside(file, root):
        problems.append(
            Problem(
                rel,
                1,
                1,
                "this file is a link to a place outside the project",
                "copy the file into the project instead of linking to it",
            )
        )
        return None
    try:
        size = file.stat().st_size
    except OSError as exc:  # gone since it was listed, or not ours to read
        problems.append(_unreadable(rel, exc))
        return None
    if size > MAX_BYTES:
        problems.append(
            Problem(
                rel,
                1,
                1,
                f"file is {size:,} bytes; the limit is {MAX_BYTES:,}",
                "split the file or move large material into an attachment",
            )
        )
        return None
    try:
        data = regular.read_bytes(file)
    except OSError as exc:  # a named pipe since it was listed, or no permission
        problems.append(_unreadable(rel, exc))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(
            Problem(
                rel,
                line,
                col,
                "the file is not valid UTF-8 text",
                "save the file with UTF-8 encoding",
            )
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _unreadable(rel: str, exc: OSError) -> Problem:
    reason = exc.strerror or str(exc)
    return Problem(
        rel, 1, 1, f"cannot read this file: {reason}", "check that it is a file you can read"
    )


def split_front_matter(text: str, rel: str) -> tuple[str, str, int] | Problem:
    """Split `---` front matter from the Markdown body: (yaml, body, body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return Problem(
            rel,
            1,
            1,
            "missing front matter: the file must start with a `---` line",
            "start the file with `---`, the YAML keys (at least `title:`), and `---`",
        )
    for number, line in enumerate(lines[1:], start=1):
        if _FENCE.match(line):
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1 :]), number + 2
    return Problem(
        rel,
        1,
        1,
        "front matter opened on line 1 is never closed",
        "add a line with `---` after the last YAML key",
    )


def _stem_problem(file: Path, rel: str) -> Problem | None:
    if re.fullmatch(SLUG_PATTERN, file.stem):
        return None
    better = re.sub(r"[^a-z0-9]+", "-", file.stem.lower()).strip("-") or "my-file"
    return Problem(
        rel,
        1,
        1,
        f"`{file.stem}` is not a valid id: ids are lowercase letters, digits and hyphens",
        f"rename the file to `{better}{file.suffix}`",
    )


def _load(file: Path, kind: Kind, root: Path, problems: list[Problem]) -> SourceFile | None:
    rel = file.relative_to(root).as_posix()
    text = read_text(file, root, problems)
    if text is None:
        return None
    if kind in ("goal", "evidence", "target") and (bad := _stem_problem(file, rel)):
        problems.append(bad)
        return None
    body = ""
    offset = 0
    if kind in ("goal", "evidence"):
        split = split_front_matter(text, rel)
        if isinstance(split, Problem):
            problems.append(split)
            return SourceFile(kind, file.stem, rel, YamlDoc({}, rel), readable=False)
        text, body, _ = split
        offset = 1
    doc, found = parse_yaml(text, rel, line_offset=offset)
    problems.extend(found)
    if found:
        return SourceFile(kind, file.stem, rel, doc, readable=False)
    if not isinstance(doc.data, dict):
        line, col = doc.where(())
        problems.append(
            Problem(
                rel,
                line,
                col,
                "expected `key: value` lines at the top level",
                "write the file as a YAML mapping, one key per line",
            )
        )
        return None
    return SourceFile(kind, file.stem, rel, doc, body)


def _files(
    folder: Path, endings: tuple[str, ...], root: Path, warnings: list[Problem]
) -> list[Path]:
    """The content files in `folder`; what has their name but is not a file (a named
    pipe, a link to nothing) is skipped with a warning (system/regular.py)."""
    if not folder.is_dir():
        return []
    found = set()
    for file in {f for ending in endings for f in folder.glob(f"*{ending}")}:
        if file.is_file():
            found.add(file)
        elif kind := regular.kind_of(file):
            warnings.append(regular.skipped_warning(file.relative_to(root).as_posix(), kind))
    return sorted(found, key=lambda f: f.name)


def load_project(
    root: Path,
    known: Mapping[str, SourceFile] | None = None,
    warnings: list[Problem] | None = None,
) -> tuple[list[SourceFile], list[Problem]]:
    """Read every file of the project: parsed sources and every problem found.

    `known`: files parsed by an earlier build whose bytes have not changed since
    (cache/store.py), by path; they are taken as they are instead of being read again.
    `warnings`: what was skipped, for the caller to show."""
    known = known or {}
    skipped = warnings if warnings is not None else []
    problems: list[Problem] = []
    sources: list[SourceFile] = []
    wanted: list[tuple[Path, Kind]] = []
    if (root / CONFIG).is_file():
        wanted.append((root / CONFIG, "config"))
    if (root / PROFILE).is_file():
        wanted.append((root / PROFILE, "profile"))
    else:
        problems.append(
            Problem(
                PROFILE,
                1,
                1,
                "the profile is missing",
                f"create {PROFILE} with at least `name: Your Name`",
            )
        )
    for kind in KINDS:
        folder, endings = SOURCES[kind]
        wanted += [(f, kind) for f in _files(root / folder, endings, root, skipped)]
    found: list[SourceFile | tuple[Path, Kind]] = []
    for file, kind in wanted:
        earlier = known.get(file.relative_to(root).as_posix())
        found.append(earlier if earlier is not None and earlier.kind == kind else (file, kind))
    todo = [item for item in found if isinstance(item, tuple)]

    def read(item: tuple[Path, Kind]) -> tuple[SourceFile | None, list[Problem]]:
        said: list[Problem] = []
        return _load(*item, root=root, problems=said), said

    parsed = iter(share(read, todo, least=250))  # a thousand files parse on every core
    for item in found:
        if not isinstance(item, tuple):
            sources.append(item)
            continue
        source, said = next(parsed)
        problems += said
        if source is not None:
            sources.append(source)
    return sources, problems


# Where Markdown (or raw HTML in it) names a URL: `](dest`, `src="dest"`, `href='dest'`.
_DESTINATION = re.compile(r"\]\(\s*<?([^)\s>]+)|\b(?:src|href)\s*=\s*[\"']([^\"']+)")


def find_reference(root: Path, files: Iterable[str], url: str) -> tuple[str, int, int] | None:
    """Where a content file writes the link that resolves to `url` against the project
    root (as the PDF renderer resolves it): `(path, line, column)`, or None.

    Used on the error path only, to turn "refused to read /etc/hostname" into the file
    and line that asked for it."""
    base = root.as_uri() + "/"
    for rel in files:
        try:
            text = (root / rel).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            for match in _DESTINATION.finditer(line):
                group = 1 if match.group(1) else 2
                written = match.group(group)
                if written == url or urljoin(base, written) == url:
                    return rel, number, match.start(group) + 1
    return None
