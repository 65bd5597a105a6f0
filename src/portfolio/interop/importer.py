"""`portfolio import jsonresume`: a JSON Resume (schema 1.x) as a portfolio project.

The mapping lives in `interop/jsonresume_in.py`; this module decides what is written where,
and refuses to overwrite anything without `--force`.

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

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from portfolio.content.schema import modeline, write_schemas
from portfolio.errors import UserError
from portfolio.interop.jsonresume_in import Mapper, NewEvidence
from portfolio.interop.jsonresume_layout import imported_layout
from portfolio.interop.jsonresume_read import MisreadDate


class ImportFailed(UserError):
    """The resume cannot be imported as asked (not JSON Resume, or files would be
    overwritten without --force)."""


@dataclass
class Report:
    """What an import wrote, and what it could not keep."""

    written: list[Path] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # "basics.image: ...", with the reason
    notes: list[str] = field(default_factory=list)


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


def import_resume(data: Any, root: Path, force: bool = False) -> Report:
    """Write the project files for a parsed JSON Resume into `root`.

    Nothing is written if a file would be overwritten without `force`."""
    if not isinstance(data, dict) or not any(k in data for k in SECTIONS):
        raise ImportFailed(
            "this is not a JSON Resume: expected an object with sections such as "
            "`basics`, `work` or `education`"
        )
    imp = Mapper(set())
    profile = imp.profile(data)
    imp.sections(data)
    if layout := imported_layout(data, profile, [(ev.id, ev.meta) for ev in imp.evidence]):
        profile["resume"] = layout
    unknown = [f"{k}: not a JSON Resume section" for k in data if k not in (*SECTIONS, *IGNORED)]
    if not imp.evidence and set(profile) <= {"name", "private"}:
        problems = "; ".join(dict.fromkeys([*imp.read.dropped, *unknown])) or "it is empty"
        raise ImportFailed(
            f"nothing to import: {problems} (the format: https://jsonresume.org/schema)"
        )
    dropped = [*imp.read.dropped, *imp.read.unread(), *unknown]
    report = Report(dropped=list(dict.fromkeys(dropped)))
    if "name" not in profile:
        profile = {"name": "Your Name", **profile}
        report.notes.append("the resume has no `basics.name`: set `name` in content/profile.yaml")
    files = {root / "content" / "profile.yaml": _profile_file(profile)}
    report.notes += _date_notes(profile, "content/profile.yaml")
    for ev in imp.evidence:
        files[root / "content" / "evidence" / f"{ev.id}.md"] = _evidence_file(ev)
        report.notes += _date_notes(ev.meta, f"content/evidence/{ev.id}.md")
    title = _yaml_line(profile["name"])
    extra = {
        root / "portfolio.yaml": f"{modeline('portfolio', 'schemas')}\ntitle: {title}\n",
        root / ".gitignore": "site/\npacks/\n",
    }
    files |= {path: text for path, text in extra.items() if not path.exists()}
    clashes = sorted(p.relative_to(root).as_posix() for p in files if p.exists())
    if clashes and not force:
        shown = ", ".join(clashes[:5]) + (
            f" and {len(clashes) - 5} more" if len(clashes) > 5 else ""
        )
        raise ImportFailed(f"would overwrite {shown}; use --force to replace them")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        report.written.append(path)
    if not (root / "schemas").is_dir():
        report.written += write_schemas(root / "schemas")
    if profile.get("private"):
        report.notes.append(
            "the phone number is marked private: remove `phone` from "
            "`private:` in content/profile.yaml to publish it"
        )
    return report


def _yaml_line(text: str) -> str:
    """One scalar, quoted only if YAML needs it."""
    return yaml.dump(text, Dumper=_Dumper, allow_unicode=True).removesuffix("...\n").strip()


def _profile_file(profile: dict[str, Any]) -> str:
    return f"{modeline('profile', '../schemas')}\n{_yaml(profile)}"


def _evidence_file(ev: NewEvidence) -> str:
    front = _yaml({**ev.meta, "goals": []})
    return f"---\n{modeline('evidence', '../../schemas')}\n{front}---\n{ev.body}"
