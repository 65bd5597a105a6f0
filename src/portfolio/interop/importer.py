"""`portfolio import jsonresume`: a JSON Resume (schema 1.x) as a portfolio project.

The mapping lives in `interop/jsonresume_in.py`; this module makes the files' text and
the report, and writes them by the rule of `interop/plan.py`: what the last import made
(`.portfolio/import.json`, interop/manifest.py) and nobody edited is updated or
removed, the untouched starter of `portfolio init` is replaced (interop/starter.py),
a folder that is not a project yet becomes one, and everything the person made or
edited is left as it is and named, unless `--force`.

The profile takes what describes the person (basics, work, education, skills,
languages, interests); everything that is a piece of evidence becomes a file of its
own: each work highlight an achievement under its position, and volunteering, awards,
certificates, publications, references and projects their own kinds. What the format
cannot hold (a photo, a street address) is named in the report, never dropped
silently.

Real resumes are messy: sections may be missing, of the wrong type, or hold dates
like "2015-01-01T00:00:00" or "Present". Nothing here assumes the input is valid; a
value that cannot be read is reported and left out, except a date, which is kept as
far as it is certain, with the original in a comment beside it (`end: 2024-09  #
imported as 2024-09-31, ...`): a dropped end date would make a finished job current.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from portfolio.content.dates import build_date
from portfolio.content.ids import slug
from portfolio.content.schema import modeline, write_schemas
from portfolio.errors import UserError
from portfolio.interop import starter
from portfolio.interop.jsonresume_in import Mapper, NewEvidence
from portfolio.interop.jsonresume_layout import imported_layout
from portfolio.interop.jsonresume_read import MisreadDate
from portfolio.interop.manifest import MANIFEST, Manifest, digest
from portfolio.interop.manifest import load as load_manifest
from portfolio.interop.manifest import save as save_manifest
from portfolio.interop.plan import Plan, content_files, plan
from portfolio.system.regular import read_bytes

PROFILE = starter.PROFILE


class ImportFailed(UserError):
    """The resume cannot be imported as asked (not JSON Resume, or files would be
    overwritten without --force)."""


@dataclass
class Report:
    """What an import kept, changed and could not keep, and what it did to each file."""

    written: list[Path] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # "basics.image: ...", with the reason
    notes: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # "content/profile.yaml: name, 3 positions"
    changed: list[str] = field(default_factory=list)  # "HTML made Markdown: basics.summary"
    private: list[str] = field(default_factory=list)  # profile fields marked private
    scaffold: list[str] = field(default_factory=list)  # a new project's files, if it was one
    yours: list[str] = field(default_factory=list)  # content files the import had no part in
    plan: Plan = field(default_factory=Plan)  # what was done to each file


SECTIONS = (
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)
IGNORED = ("$schema", "meta", "_id")  # about the file, not the person


class _Dumper(yaml.SafeDumper):
    """YAML as a person would write it: multi-line text as a `|` block, and dates
    unquoted (the loader reads YAML 1.2, where `2015-01-31` is text, not a timestamp)."""

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's own class attribute
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _misread(dumper: yaml.SafeDumper, value: MisreadDate) -> yaml.ScalarNode:
    """The certain part of a misread date; a placeholder where nothing is certain, whose
    line `_with_date_notes` turns into a comment."""
    if value.certain and not value.certain.month:
        return dumper.represent_int(value.certain.year)  # `2019`, as a person writes it
    return dumper.represent_scalar("tag:yaml.org,2002:str", value if value.certain else "?")


def _mapping(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.MappingNode:
    """A mapping that holds a misread date is written one key a line, so that the
    date's comment has a line of its own to go on, and never first (after a `- `)."""
    if not any(isinstance(v, MisreadDate) for v in data.values()):
        return dumper.represent_dict(data)
    items = list(data.items())
    sure = [kv for kv in items if not isinstance(kv[1], MisreadDate) or kv[1].certain]
    if sure and items[0] != sure[0]:
        items.remove(sure[0])
        items.insert(0, sure[0])
    return dumper.represent_mapping("tag:yaml.org,2002:map", dict(items), flow_style=False)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(MisreadDate, _misread)
_Dumper.add_representer(dict, _mapping)


def _yaml(data: dict[str, Any]) -> str:
    text = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88, default_flow_style=None
    )
    return _with_date_notes(text, data)


def _shown(raw: str) -> str:
    """A resume's text, safe on one line of a comment or a terminal: no line breaks or
    control characters, at most 60 characters."""
    text = "".join(c if c.isprintable() else "\ufffd" for c in " ".join(raw.split()))
    text = text if len(text) <= 60 else text[:59] + "…"
    return f'"{text}"' if " " in text else text


def _with_date_notes(text: str, data: dict[str, Any]) -> str:
    """`text`, the YAML of `data`, with each misread date explained where it is written:
    `end: 2024-09  # imported as 2024-09-31, which is not a date: ...`, or, where no
    part of it is certain, a comment line in place of the key."""
    lines = text.splitlines(keepends=True)

    def walk(node: yaml.Node, value: Any) -> None:
        if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
            for key, item in node.value:
                if isinstance(value.get(key.value), MisreadDate):
                    lines[key.start_mark.line] = _date_line(key, value[key.value])
                else:
                    walk(item, value.get(key.value))
        elif isinstance(node, yaml.SequenceNode) and isinstance(value, list):
            for item, member in zip(node.value, value, strict=True):
                walk(item, member)

    def _date_line(key: yaml.Node, date: MisreadDate) -> str:
        line = lines[key.start_mark.line].rstrip("\n")
        note = f"imported as {_shown(date.raw)}, which {date.why}"
        if date.certain:
            return f"{line}  # {note}\n"
        if key.value == "end":
            note += ": write when it ended; until then it reads as current"
        return f"{' ' * key.start_mark.column}# {key.value}: {note}\n"

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root, data)
    return "".join(lines)


def _date_notes(data: Any, file: str) -> list[str]:
    """The report's line for each misread date in a file's data."""
    if isinstance(data, list):
        return [note for item in data for note in _date_notes(item, file)]
    if not isinstance(data, dict):
        return []
    notes = []
    for key, value in data.items():
        if not isinstance(value, MisreadDate):
            notes += _date_notes(value, file)
            continue
        said = f"{value.where}: {_shown(value.raw)} {value.why}"
        if value.certain:
            notes.append(f"{said}; {file} keeps `{key}: {value}`, the original in a comment")
        elif key == "end":
            notes.append(
                f"{said}; {file} has no `end` for it, so it reads as current until you write "
                "when it ended (the original is in a comment there)"
            )
        else:
            notes.append(f"{said}; left out of {file}, the original in a comment there")
    return notes


def import_resume(
    data: Any,
    root: Path,
    force: bool = False,
    *,
    source: str = "jsonresume",
    dropped: Sequence[str] = (),
    changed: Sequence[str] = (),
) -> Report:
    """Write the project files for a parsed JSON Resume into `root`, by the rule of
    interop/plan.py: what the last import made and nobody edited is updated or removed,
    the untouched starter is replaced, and everything else is left as it is and named
    (`force` replaces files that the import makes, never removes any).

    `source` names the format in the manifest; an importer of another format, which
    converts it to a JSON Resume first, gives in `dropped` and `changed` the report's
    lines for what that conversion left out or changed."""
    if not isinstance(data, dict) or not any(k in data for k in SECTIONS):
        raise ImportFailed(
            "this is not a JSON Resume: expected an object with sections such as "
            "`basics`, `work` or `education`"
        )
    manifest = load_manifest(root)
    hand_made = set() if force else _hand_made_evidence(root, data, manifest)
    imp = Mapper(hand_made)
    profile = imp.profile(data)
    imp.sections(data)
    if layout := imported_layout(data, profile, [(ev.id, ev.meta) for ev in imp.evidence]):
        profile["resume"] = layout
    unknown = [f"{k}: not a JSON Resume section" for k in data if k not in (*SECTIONS, *IGNORED)]
    if not imp.evidence and set(profile) <= {"name", "private"}:
        problems = "; ".join(dict.fromkeys([*dropped, *imp.read.dropped, *unknown]))
        raise ImportFailed(
            f"nothing to import: {problems or 'it is empty'} "
            "(the format: https://jsonresume.org/schema)"
        )
    report = Report(dropped=list(dict.fromkeys([*dropped, *imp.read.dropped,
                                                *imp.read.unread(), *unknown])))  # fmt: skip
    if "name" not in profile:
        profile = {"name": "Your Name", **profile}
        report.notes.append("the resume has no `basics.name`: set `name` in content/profile.yaml")
    report.private = _private(profile)
    report.notes += _public_addresses(profile)
    files = {PROFILE: _profile_file(profile)}
    report.changed += [*changed, *_date_notes(profile, PROFILE)]
    for ev in imp.evidence:
        files[f"content/evidence/{ev.id}.md"] = _evidence_file(ev)
        report.changed += _date_notes(ev.meta, f"content/evidence/{ev.id}.md")
    report.changed += _grouped(imp.read.changed)
    report.kept = _kept(profile, imp.evidence)
    title = _yaml_line(profile["name"])
    scaffold = _project_files(root, title, report)
    if config := _config(root, title, manifest):
        files[starter.CONFIG] = config
    todo = plan(root, files, manifest, force)
    for ev in imp.evidence:
        if (same := slug(str(ev.meta["title"])) or "evidence") != ev.id and same in hand_made:
            todo.left.setdefault(
                f"content/evidence/{same}.md",
                f"not made by an import; the import's piece of the same title is "
                f"content/evidence/{ev.id}.md (--force replaces this one instead)",
            )
    _write(root, todo, scaffold, report)
    kept = {rel: manifest.files[rel] for rel in todo.left
            if rel in manifest.files and rel not in todo.disowned}  # fmt: skip
    made = {rel: digest(files[rel].encode("utf-8")) for rel in [*todo.write, *todo.unchanged]}
    save_manifest(root, Manifest(source, kept | made))
    report.yours = [rel for rel in content_files(root) if rel not in kept | made | todo.left]
    if not (root / "schemas").is_dir():
        report.written += write_schemas(root / "schemas")
    return report


def _hand_made_evidence(root: Path, data: dict[str, Any], manifest: Manifest) -> set[str]:
    """The ids of the evidence files that are not the import's: an imported piece of
    evidence takes another (`shipped-it-2`), so that it never lands on one of them.

    A file is the import's if the manifest says so, or if it holds exactly what this
    import makes of the resume (an import by a version of portfolio that kept no
    manifest, or one whose manifest was deleted)."""
    folder = root / "content" / "evidence"
    if not folder.is_dir():
        return set()
    found = {
        f.stem
        for f in folder.iterdir()
        if f.suffix == ".md" and f"content/evidence/{f.name}" not in manifest.files
    }
    if found:
        trial = Mapper(set())
        trial.profile(data)
        trial.sections(data)
        for ev in trial.evidence:
            path = folder / f"{ev.id}.md"
            if ev.id in found and not path.is_symlink():
                with contextlib.suppress(OSError):
                    if read_bytes(path).replace(b"\r\n", b"\n") == _evidence_file(ev).encode():
                        found.discard(ev.id)
    return found


def _project_files(root: Path, title: str, report: Report) -> dict[str, str]:
    """A folder that is not a project yet (no portfolio.yaml) gets what `init` writes
    beside the content: portfolio.yaml titled after the person (placed with the
    content), .gitignore and the Pages workflow, where they are absent."""
    if (root / starter.CONFIG).exists() or (root / starter.CONFIG).is_symlink():
        return {}
    today = build_date()
    extra = [rel for rel in starter.PROJECT_FILES if rel != starter.CONFIG]
    found = {rel: starter.rendered(rel, today) for rel in extra if not (root / rel).exists()}
    report.scaffold = [starter.CONFIG, *found]
    return found


def _config(root: Path, title: str, manifest: Manifest) -> str | None:
    """portfolio.yaml titled after the person: the starter's in a new project, else
    the one there, if it is still the starter's or an import's; None if it is the
    person's (it holds their site's settings: never replaced, even with --force)."""
    path = root / starter.CONFIG
    made = starter.titled(starter.rendered(starter.CONFIG, build_date()), title)
    if not path.exists() and not path.is_symlink():
        return made
    if path.is_symlink() or not path.is_file():
        return None
    try:
        data = read_bytes(path).replace(b"\r\n", b"\n")
    except OSError:
        return None
    if manifest.holds(starter.CONFIG, data) or starter.untouched(starter.CONFIG, data):
        return starter.titled(data.decode("utf-8"), title)
    return made if data == made.encode("utf-8") else None  # an import's, manifest or not


def _write(root: Path, todo: Plan, scaffold: dict[str, str], report: Report) -> None:
    """Carry out the plan, and say what was done in the report. Nothing is written
    if a file would land outside the project (a folder of it that links elsewhere)."""
    inside = root.resolve()
    every = [*todo.write, *scaffold, *todo.side, *todo.remove, *todo.remove_starter, MANIFEST]
    for rel in every:
        if not (root / rel).parent.resolve().is_relative_to(inside):
            raise ImportFailed(
                f"{rel}: its folder links outside {root}; an import writes only inside "
                "the project: make the folder a real one"
            )
    for rel, text in (todo.write | scaffold | todo.side).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        report.written.append(path)
    for rel in (*todo.remove, *todo.remove_starter):
        (root / rel).unlink()
    report.plan = todo
    config = root / starter.CONFIG
    if starter.CONFIG not in todo.write and config.is_file() and not config.is_symlink():
        text = config.read_text(encoding="utf-8", errors="replace")
        if re.search(r"^title: My portfolio\s*$", text, re.MULTILINE):
            report.notes.append(
                "portfolio.yaml is yours, and still titles the site “My portfolio”: "
                "set its `title:` to your name"
            )


def _private(profile: dict[str, Any]) -> list[str]:
    """Mark private what a resume says of where its person can be found: the phone
    number (the mapping does), and the location when it is a street address rather
    than a place. Returns the fields marked."""
    private: list[str] = list(profile.get("private", []))
    location = profile.get("location")
    if isinstance(location, str) and _ADDRESS.search(location) and "location" not in private:
        private.append("location")
    if private:
        profile["private"] = private
    return private


def _public_addresses(profile: dict[str, Any]) -> list[str]:
    """A note for each position whose place reads as a street address: a position's
    place is always public."""
    return [
        f"content/profile.yaml: the place of “{_shown(job['title'])}” at "
        f"{_shown(job['organization'])} looks like a street address ({_shown(job['location'])}), "
        "and a position's place is public: shorten it to the city"
        for job in profile.get("experience", [])
        if isinstance(job.get("location"), str) and _ADDRESS.search(job["location"])
    ]


# A street address rather than a place: a house number or a postcode (a digit), or
# the word for a street.
_ADDRESS = re.compile(
    r"\d|\b(?:street|road|avenue|boulevard|lane|drive|straße|strasse|rue|calle|rua|via)\b",
    re.IGNORECASE,
)


def _grouped(changes: list[tuple[str, str]]) -> list[str]:
    """`HTML made Markdown: basics.summary, work[0].summary and 3 more`."""
    by_what: dict[str, list[str]] = {}
    for what, where in changes:
        by_what.setdefault(what, []).append(where)
    return [f"{what}: {_some(wheres)}" for what, wheres in by_what.items()]


def _some(items: Sequence[str], shown: int = 5) -> str:
    """The first few of `items`, and how many more."""
    if len(items) <= shown + 1:
        return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]
    return f"{', '.join(items[:shown])} and {len(items) - shown} more"


PROFILE_PARTS = {  # key -> (one, many), for the report's list of what was kept
    "links": ("link", "links"), "experience": ("position", "positions"),
    "education": ("school", "schools"), "skills": ("skill", "skills"),
    "languages": ("language", "languages"), "interests": ("interest", "interests"),
}  # fmt: skip
KIND_WORDS = {"volunteer": ("volunteering", "volunteering"), "course": ("course", "courses")}


def _kept(profile: dict[str, Any], evidence: list[NewEvidence]) -> list[str]:
    """What the project holds of the resume: the profile's parts, the evidence by kind."""
    parts = []
    for key, value in profile.items():
        if key in ("private", "resume"):
            continue
        if key in PROFILE_PARTS and isinstance(value, list):
            one, many = PROFILE_PARTS[key]
            parts.append(f"{len(value)} {one if len(value) == 1 else many}")
        else:
            parts.append(key)
    kept = [f"content/profile.yaml: {', '.join(parts)}"]
    kinds: dict[str, int] = {}
    for ev in evidence:
        kinds[ev.meta["kind"]] = kinds.get(ev.meta["kind"], 0) + 1
    if evidence:
        words = []
        for kind, n in kinds.items():
            one, many = KIND_WORDS.get(kind, (kind, f"{kind}s"))
            words.append(f"{n} {one if n == 1 else many}")
        n = len(evidence)
        kept.append(f"content/evidence/: {n} {'file' if n == 1 else 'files'}, {', '.join(words)}")
    return kept


def _yaml_line(text: str) -> str:
    """One scalar, quoted only if YAML needs it."""
    return yaml.dump(text, Dumper=_Dumper, allow_unicode=True).removesuffix("...\n").strip()


def _profile_file(profile: dict[str, Any]) -> str:
    return f"{modeline('profile', '../schemas')}\n{_yaml(profile)}"


def _evidence_file(ev: NewEvidence) -> str:
    front = _yaml({**ev.meta, "goals": []})
    return f"---\n{modeline('evidence', '../../schemas')}\n{front}---\n{ev.body}"
