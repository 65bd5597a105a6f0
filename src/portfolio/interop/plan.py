"""What an import does to each file of a project: the rule that keeps a person's own
files safe, decided before anything is written.

For each file the import makes (the profile, one file per piece of evidence, and
portfolio.yaml where it is the import's or the starter's):

- absent: it is written;
- holding exactly what the import would write: it is left, unchanged;
- holding what the last import wrote there (the manifest's hash), or the untouched
  starter's file: it is replaced;
- anything else (edited since the last import, or never the import's): it is left as
  it is, and named; `--force` replaces it. The profile holds the whole history, so
  when it is left the import's version is written beside it, `content/profile.yaml.new`,
  to compare and merge.

And what the import no longer makes: a file the last import made that the source no
longer has is removed if nobody edited it, else left and named (it is the person's
from then on); the starter's sample goals, evidence and target are removed while
untouched, and left, named, once edited. Nothing is removed that a file staying in the
project still refers to by its id (a goal's milestone, a kept profile's highlights),
so an import never leaves a broken reference behind. `--force` never removes anything.
A symbolic link is never written through or removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from portfolio.interop import starter
from portfolio.interop.manifest import Manifest
from portfolio.layout import SOURCES
from portfolio.system.regular import read_bytes

PROFILE_NEW = "content/profile.yaml.new"


@dataclass
class Plan:
    """What to do with each file, by its path in the project."""

    write: dict[str, str] = field(default_factory=dict)  # created, updated or replaced
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # the last import's, unedited
    starter: list[str] = field(default_factory=list)  # the starter's, untouched: replaced
    forced: list[str] = field(default_factory=list)  # someone's own, replaced with --force
    unchanged: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)  # the last import's, gone from the source
    remove_starter: list[str] = field(default_factory=list)
    left: dict[str, str] = field(default_factory=dict)  # path -> why it was left
    disowned: list[str] = field(default_factory=list)  # left, and the person's from now on
    side: dict[str, str] = field(default_factory=dict)  # profile.yaml.new, when it is left


def plan(root: Path, files: dict[str, str], manifest: Manifest, force: bool) -> Plan:
    """What to do with `files` (path -> the text the import makes) and with what the
    last import made, in `root`."""
    p = Plan()
    for rel, text in files.items():
        _place(p, root, rel, text, manifest, force)
    for rel in manifest.files:
        if rel in files or not rel.startswith("content/"):
            continue
        data = _bytes(root / rel)
        if data is None:
            continue  # already gone, or not a file: nothing of the import's is there
        if manifest.holds(rel, data):
            p.remove.append(rel)
        else:
            p.left[rel] = (
                "the source no longer has it, but it was edited since the last import: "
                "yours from now on; delete it if it should go"
            )
            p.disowned.append(rel)
    for rel in starter.SAMPLE:
        data = _bytes(root / rel)
        if data is None or rel in p.remove:
            continue
        if starter.untouched(rel, data):
            p.remove_starter.append(rel)
        else:
            p.left[rel] = "the starter's, edited: yours from now on"
    _keep_what_is_referred_to(p, root)
    return p


def _place(p: Plan, root: Path, rel: str, text: str, manifest: Manifest, force: bool) -> None:
    path = root / rel
    if path.is_symlink():
        p.left[rel] = "a symbolic link: an import never writes through one"
        return
    if not path.exists():
        p.write[rel] = text
        p.created.append(rel)
        return
    data = _bytes(path)
    if data is None:
        p.left[rel] = "not a regular file"
        return
    if data.replace(b"\r\n", b"\n") == text.encode("utf-8"):
        p.unchanged.append(rel)
    elif manifest.holds(rel, data):
        p.write[rel] = text
        p.updated.append(rel)
    elif starter.untouched(rel, data):
        p.write[rel] = text
        p.starter.append(rel)
    elif force:
        p.write[rel] = text
        p.forced.append(rel)
    else:
        why = "edited since the last import" if rel in manifest.files else "not made by an import"
        if rel == starter.PROFILE:
            why = f"{why}; the import's version is in {PROFILE_NEW}, to compare and merge"
            p.side[PROFILE_NEW] = text
        p.left[rel] = f"{why} (--force replaces it)"


def _bytes(path: Path) -> bytes | None:
    """The bytes of a regular file that is no link; None for anything else."""
    if path.is_symlink():
        return None
    try:
        return read_bytes(path)
    except OSError:
        return None


def _keep_what_is_referred_to(p: Plan, root: Path) -> None:
    """Take back from the removals every file whose id a file that stays names, until
    none is left to take back: removing it would break that file's reference."""
    going = set(p.remove) | set(p.remove_starter)
    staying = {rel: text for rel in content_files(root) if rel not in going and rel not in p.write
               if (text := _text(root / rel)) is not None}  # fmt: skip
    staying |= {rel: text for rel, text in p.write.items() if rel.startswith("content/")}
    changed = True
    while changed:
        changed = False
        for rel in sorted(going):
            stem = rel.rsplit("/", 1)[-1].split(".", 1)[0]
            named = re.compile(rf"(?<![\w-]){re.escape(stem)}(?![\w-])")
            by = next(
                (other for other, text in sorted(staying.items()) if named.search(text)), None
            )
            if by is None:
                continue
            going.discard(rel)
            staying[rel] = _text(root / rel) or ""
            if rel in p.remove:
                p.remove.remove(rel)
                p.left[rel] = f"the source no longer has it, but {by} refers to it"
            else:
                p.remove_starter.remove(rel)
                p.left[rel] = f"the starter's, untouched, but {by} refers to it"
            changed = True


def content_files(root: Path) -> list[str]:
    """The project's content files, by their path in it."""
    found = [starter.PROFILE] if (root / starter.PROFILE).is_file() else []
    for folder, endings in SOURCES.values():
        if (root / folder).is_dir():
            found += sorted(
                f"{folder}/{f.name}"
                for f in (root / folder).iterdir()
                if f.name.endswith(endings) and not f.is_symlink()
            )
    return found


def _text(path: Path) -> str | None:
    data = _bytes(path)
    return None if data is None else data.decode("utf-8", errors="replace")
