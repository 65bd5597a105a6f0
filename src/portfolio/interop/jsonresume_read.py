"""Reading values out of an untrusted JSON Resume, each checked.

Real resumes are messy: sections may be missing or of the wrong type, dates may read
"2015-01-01T00:00:00" or "Present", keys may come from an older version of the schema.
`Reader` returns a clean value or None for every field, notes what it had to leave out
(with its path, for the import report), and knows which keys it never read, so that
nothing is lost without a word.
"""

from __future__ import annotations

import re
from typing import Any

from portfolio.content.dates import PartialDate
from portfolio.content.links import LinkRefused, check_address, completed

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
