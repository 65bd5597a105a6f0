"""Reading values out of an untrusted JSON Resume, each checked.

Real resumes are messy: sections may be missing or of the wrong type, dates may read
"2015-01-01T00:00:00" or "Present", keys may come from an older version of the schema.
`Reader` returns a clean value or None for every field, notes what it had to leave out
(with its path, for the import report), and knows which keys it never read, so that
nothing is lost without a word. A date it cannot read is never None (an end date left
out reads "present"): it is a `MisreadDate`, which the writer keeps with a comment.
HTML pasted into a text (`<br>`, `<b>`, `&amp;`) is read by interop/html.py: as
Markdown in prose (`prose`), as plain text everywhere else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from portfolio.content.dates import DateError, PartialDate
from portfolio.content.links import LinkRefused, check_address, completed
from portfolio.interop.html import Converted, has_html, to_inline, to_markdown, to_text

# `2015-01-01T00:00:00Z`, `2015-01-01 09:30`: a date with the time of day after it.
_TIME_OF_DAY = re.compile(
    r"(?<=[0-9])[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?(Z|[+-][0-9:]+)?$"
)


# Keys of older JSON Resume versions (0.x) that mean the same as today's.
ALIASES = {"name": ("company",), "score": ("gpa",), "url": ("website",), "image": ("picture",)}
_ONGOING = {"present", "current", "now", "today", "ongoing"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class MisreadDate(str):
    """A date the resume gives in a form that is not a date (`2024-09-31`, `2019-13`,
    `until recently`): as text, what to write (the part that is certain, `2024-09`, or
    the original if nothing is), with where it came from and why it is not a date, so
    that the writer can keep it with a comment and the report can name it."""

    where: str  # `work[0].endDate`
    raw: str  # as the resume wrote it
    why: str  # `is not a date: September 2024 has 30 days`
    certain: PartialDate | None

    def __new__(cls, where: str, raw: str, why: str, certain: PartialDate | None) -> MisreadDate:
        self = super().__new__(cls, certain.iso() if certain else raw)
        self.where, self.raw, self.why, self.certain = where, raw, why, certain
        return self


class Reader:
    """Reads values out of untrusted JSON, noting what it has to leave out, what it
    changed on the way (HTML made Markdown, a timestamp cut to its date), and which keys
    it never read (so nothing is lost or changed without a word)."""

    def __init__(self) -> None:
        self.dropped: list[str] = []
        self.changed: list[tuple[str, str]] = []  # (what was done, `work[0].summary`)
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

    def _raw(self, node: Any, key: str, where: str) -> str | None:
        value = self.value(node, key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.dropped.append(f"{where}.{key}: not text")
            return None
        return str(value)

    def _raws(self, node: Any, key: str, where: str) -> list[tuple[str, str]]:
        """The texts of a list, each with its path."""
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
            else:
                found.append((f"{where}.{key}[{i}]", str(item)))
        return found

    def _converted(self, raw: str, path: str, how: Callable[[str], Converted]) -> Converted:
        """The text with its HTML read, and what that left out in the report."""
        converted = how(raw)
        if has_html(raw) and converted.text != raw:
            made = "plain text" if how is to_text else "Markdown"
            self.changed.append((f"HTML made {made}", path))
        if converted.dropped:
            self.dropped.append(f"{path}: left out of its HTML: {', '.join(converted.dropped)}")
        return converted

    def _line(self, raw: str, path: str) -> str | None:
        converted = self._converted(raw, path, to_text)
        for _, url in converted.links:
            self.dropped.append(f"{path}: the link to `{url}` (the field is plain text)")
        return converted.text or None

    def text(self, node: Any, key: str, where: str) -> str | None:
        """Plain text on one line: any HTML's tags left out, its entities decoded."""
        raw = self._raw(node, key, where)
        return None if raw is None else self._line(raw, f"{where}.{key}")

    def texts(self, node: Any, key: str, where: str) -> list[str]:
        found = (self._line(raw, path) for path, raw in self._raws(node, key, where))
        return [text for text in found if text]

    def prose(self, node: Any, key: str, where: str, inline: bool = False) -> str | None:
        """Markdown: any HTML as its Markdown (`<b>` -> `**`); on one line if `inline`."""
        raw = self._raw(node, key, where)
        if raw is None:
            return None
        how = to_inline if inline else to_markdown
        return self._converted(raw, f"{where}.{key}", how).text or None

    def proses(self, node: Any, key: str, where: str) -> list[str]:
        """Lines of Markdown (bullets)."""
        found = (
            self._converted(raw, path, to_inline) for path, raw in self._raws(node, key, where)
        )
        return [c.text for c in found if c.text]

    def titles(self, node: Any, key: str, where: str) -> list[tuple[str, list[dict[str, str]]]]:
        """Titles in plain text, each with the links its HTML held (`label`, `url`)."""
        found = []
        for path, raw in self._raws(node, key, where):
            converted = self._converted(raw, path, to_text)
            links = [{"label": label or "Link", "url": url} for label, url in converted.links]
            if converted.text:
                found.append((converted.text, links))
        return found

    def date(self, node: Any, key: str, where: str) -> str | None:
        """`2015`, `2015-01`, `2015-01-31` or any form the content format reads
        (`2015/01`, `Jan 2015`); a timestamp is cut to its date, and "Present" means
        no end date. A date that cannot be read as written comes back as a
        `MisreadDate`, holding the part that is certain, for the writer to keep and
        explain: never None, which would turn a finished job into a current one."""
        value = self.value(node, key)
        raw = self.text(node, key, where)
        if raw is None or raw.casefold() in _ONGOING:
            return None
        try:
            written = value if isinstance(value, float) else _TIME_OF_DAY.sub("", raw)
            if written != raw and not isinstance(value, float):
                self.changed.append(("the time of day cut from a date", f"{where}.{key}"))
            return PartialDate.parse(written).iso()
        except DateError as exc:
            return MisreadDate(f"{where}.{key}", raw, exc.why, exc.certain)

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
