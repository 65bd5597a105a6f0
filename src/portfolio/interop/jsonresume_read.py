"""Reading values out of an untrusted JSON Resume, each checked.

Real resumes are messy: sections may be missing or of the wrong type, dates may read
"2015-01-01T00:00:00" or "Present", keys may come from an older version of the schema.
`Reader` returns a clean value or None for every field, notes what it had to leave out
(with its path, for the import report), and knows which keys it never read, so that
nothing is lost without a word.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from portfolio.content.dates import PartialDate
from portfolio.content.links import LinkRefused, check_address, completed
from portfolio.content.read import MAX_BYTES
from portfolio.system import regular

MAX_DEPTH = 32  # a JSON Resume nests four levels deep (basics.location.address); a job, two


class TooDeep(ValueError):
    """JSON nested deeper than any resume or job description: refused before anything
    walks it (Python's own parser gives up at about a thousand levels, with a traceback)."""


def parse_json(text: str) -> Any:
    """The value `text` holds; `json.JSONDecodeError` (with its line and column) if it is
    not JSON, `TooDeep` if it nests more than MAX_DEPTH levels."""
    try:
        data = json.loads(text)
    except RecursionError:
        data = None
        deep = True
    else:
        deep = _deeper_than(data, MAX_DEPTH)
    if deep:
        raise TooDeep(f"nested more than {MAX_DEPTH} levels deep")
    return data


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether arrays and objects nest more than `limit` levels (walked without recursion)."""
    todo = [(data, 1)]
    while todo:
        node, depth = todo.pop()
        if isinstance(node, dict | list):
            if depth > limit:
                return True
            children = node.values() if isinstance(node, dict) else node
            todo += [(child, depth + 1) for child in children]
    return False


class Unreadable(ValueError):
    """A JSON file that cannot be used, and how to fix it (`hint`)."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def read_job(path: Path) -> dict[str, Any]:
    """A target's JSON Resume job description (`job:`), or Unreadable saying why not."""
    try:
        size = path.stat().st_size
        raw = regular.read_bytes(path) if size <= MAX_BYTES else b""
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise Unreadable(
            f"cannot be read: {reason}", "check that it is a file you can read"
        ) from None
    if size > MAX_BYTES:
        raise Unreadable(
            f"is {size:,} bytes; the limit is {MAX_BYTES:,}",
            "keep the job description to its title, skills and responsibilities",
        )
    shape = 'use the JSON Resume job format: {"title": ..., "skills": [...]}'
    try:
        data = parse_json(raw.decode("utf-8"))
    except TooDeep as exc:
        raise Unreadable(f"is {exc}", shape) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise Unreadable(
            f"is not valid JSON: {exc}", "check the file with a JSON validator"
        ) from None
    if not isinstance(data, dict):
        raise Unreadable("is not a JSON object", shape)
    return data


_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


# Keys of older JSON Resume versions (0.x) that mean the same as today's.
ALIASES = {"name": ("company",), "score": ("gpa",), "url": ("website",), "image": ("picture",)}
_ONGOING = {"present", "current", "now", "today", "ongoing"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Reader:
    """Reads values out of untrusted JSON, noting what it has to leave out, and which
    keys it never read (so nothing is lost without a word)."""

    def __init__(self) -> None:
        self.dropped: list[str] = []
        self.read: dict[int, set[str]] = {}
        self.nodes: list[tuple[str, dict[str, Any]]] = []

    def value(self, node: Any, key: str) -> Any:
        """The raw value at `key` (or an older name for it), marked as read."""
        if not isinstance(node, dict):
            return None
        seen = self.read.setdefault(id(node), set())
        for name in (key, *ALIASES.get(key, ())):
            seen.add(name)
            if node.get(name) not in (None, ""):
                return node[name]
        return None

    def unread(self) -> list[str]:
        """`where.key` of every non-empty value that no reader asked for."""
        return [
            f"{where}.{key}: not part of JSON Resume 1.x"
            for where, node in self.nodes
            for key, value in node.items()
            if key not in self.read.get(id(node), set()) and value not in (None, "", [], {})
        ]

    def text(self, node: Any, key: str, where: str) -> str | None:
        value = self.value(node, key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.dropped.append(f"{where}.{key}: not text")
            return None
        text = str(value).strip()
        return text or None

    def texts(self, node: Any, key: str, where: str) -> list[str]:
        value = self.value(node, key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.dropped.append(f"{where}.{key}: not a list")
            return []
        found = []
        for i, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                if item not in (None, ""):
                    self.dropped.append(f"{where}.{key}[{i}]: not text")
            elif str(item).strip():
                found.append(str(item).strip())
        return found

    def date(self, node: Any, key: str, where: str) -> str | None:
        """`2015`, `2015-01` or `2015-01-31`; a timestamp is cut to its date, and
        "Present" means no end date."""
        raw = self.text(node, key, where)
        if raw is None or raw.casefold() in _ONGOING:
            return None
        match = _DATE.match(raw)
        if match:
            parts = [match.group(1)] + [f"{int(g):02d}" for g in match.groups()[1:] if g]
            try:
                return PartialDate.parse("-".join(parts)).iso()
            except ValueError:
                pass
        self.dropped.append(f"{where}.{key}: `{raw}` is not a date")
        return None

    def url(self, node: Any, key: str, where: str) -> str | None:
        """A web, mail or phone address; `example.com/x` gets its `https://`."""
        raw = self.text(node, key, where)
        if raw is None:
            return None
        try:
            return check_address(completed(raw))
        except LinkRefused:
            self.dropped.append(f"{where}.{key}: `{raw}` is not a web, mail or phone address")
            return None

    def email(self, node: Any, key: str, where: str) -> str | None:
        raw = self.text(node, key, where)
        if raw is not None and not _EMAIL.match(raw):
            self.dropped.append(f"{where}.{key}: `{raw}` is not an email address")
            return None
        return raw

    def items(
        self, data: dict[str, Any], key: str, prefix: str = ""
    ) -> list[tuple[str, dict[str, Any]]]:
        """The entries of a section, each with its path for the report."""
        value = self.value(data, key)
        key = prefix + key
        if value is None:
            return []
        if not isinstance(value, list):
            self.dropped.append(f"{key}: not a list")
            return []
        found = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                found.append((f"{key}[{i}]", item))
            else:
                self.dropped.append(f"{key}[{i}]: not an object")
        self.nodes += found
        return found
