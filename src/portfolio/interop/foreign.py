"""What the importers of other formats share, and how to tell the formats apart.

Each importer of another format (interop/linkedin.py, interop/rendercv_in.py) turns
its file into a JSON Resume (schema 1.x) in memory, which interop/importer.py then
writes as it writes any JSON Resume: so the same person's LinkedIn export, RenderCV
file and JSON Resume import to the same content, by construction. `Converted` holds
that resume, what the conversion itself could not keep, and where each part of the
resume came from, so that the import report names `Positions.csv row 3, Finished On`
or `cv.yaml:12, Experience entry 1, end_date`: never a JSON Resume path the person
never saw.

`guess` says which of the three formats a file (or a folder) looks like, from its
first bytes and its top-level keys, so that a command handed another one's file says
which command to use instead of failing on it.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from portfolio.content.job import TooDeep, parse_json
from portfolio.content.read import MAX_BYTES
from portfolio.content.yamldoc import parse_yaml
from portfolio.interop.jsonresume_layout import KEYS
from portfolio.system import regular

SECTIONS = ("basics", *KEYS)  # JSON Resume's sections
# A JSON Resume path as the mapper's report writes it: `work[2].endDate`, `basics.email`.
_PATH = re.compile(rf"(?<![\w.\-/])(?:{'|'.join(SECTIONS)})(?:\[\d+\]|\.[A-Za-z_$][\w$-]*)*")
_STEP = re.compile(r"(?:\[\d+\]|\.[A-Za-z_$][\w$-]*)$")


@dataclass
class Converted:
    """A file of another format as a JSON Resume (`resume`), with the report lines of
    the conversion (`dropped`: what it did not keep, and why; `notes`: what it
    changed) and where each JSON Resume path came from (`origins`)."""

    resume: dict[str, Any]
    dropped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)

    def relocate(self, line: str) -> str:
        """`line` with each JSON Resume path in it named by where it came from: the
        longest part of the path whose origin is known (`work[0].highlights[2]` is
        the Description of its position's row); a path of unknown origin is kept."""

        def source(match: re.Match[str]) -> str:
            path = match.group(0)
            while path:
                if path in self.origins:
                    return self.origins[path]
                cut = _STEP.search(path)
                if cut is None:
                    break
                path = path[: cut.start()]
            return match.group(0)

        return _PATH.sub(source, line)


LINKEDIN_FILES = ("profile.csv", "positions.csv")  # what every LinkedIn export has
COMMANDS = {
    "jsonresume": ("a JSON Resume", "portfolio import jsonresume"),
    "rendercv": ("a RenderCV file", "portfolio import rendercv"),
    "linkedin": ("a LinkedIn export", "portfolio import linkedin"),
}


def file_key(name: str) -> str:
    """A file's name in an export, compared without folder, case, spaces or `_`:
    LinkedIn has written `Email Addresses.csv` and `Email_Addresses.csv`."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return re.sub(r"[\s_]+", "", base.casefold())


def kind_of_data(data: Any) -> str | None:
    """`rendercv` or `jsonresume`, by the top-level keys of parsed JSON or YAML."""
    if not isinstance(data, dict):
        return None
    if "cv" in data and not any(k in data for k in SECTIONS):
        return "rendercv"
    if any(k in data for k in SECTIONS):
        return "jsonresume"
    return None


def guess(path: Path) -> str | None:
    """`linkedin`, `rendercv` or `jsonresume`: what `path` looks like, or None. A folder
    or a zip holding Profile.csv or Positions.csv is a LinkedIn export; a file of JSON
    or YAML is told by its top-level keys. Nothing but the names of a zip's files is
    read from it."""
    if path.is_dir():
        try:
            names = [p.name for p in path.iterdir()]
        except OSError:
            return None
        return "linkedin" if any(file_key(n) in LINKEDIN_FILES for n in names) else None
    if regular.kind_of(path) is not None:
        return None
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
            return "linkedin" if any(file_key(n) in LINKEDIN_FILES for n in names) else None
        raw = regular.read_bytes(path) if path.stat().st_size <= MAX_BYTES else b""
    except (OSError, zipfile.BadZipFile):
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    try:
        return kind_of_data(parse_json(text))
    except (ValueError, TooDeep):
        pass
    doc, problems = parse_yaml(text, path.name)
    return None if problems else kind_of_data(doc.data)


def use_instead(path: Path, expected: str, data: Any = None) -> str | None:
    """ "this looks like a RenderCV file: use `portfolio import rendercv FILE`" if `path`
    (or the JSON already read from it, `data`) looks like another format than
    `expected`; None if it does not."""
    found = guess(path) if data is None else kind_of_data(data)
    if found is None or found == expected:
        return None
    what, command = COMMANDS[found]
    return f"this looks like {what}: use `{command} {path}`"
