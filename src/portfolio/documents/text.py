"""A document as plain text, to paste into an application form's box.

Lines are at most `WIDTH` columns wide (a wide character, Chinese or Japanese, counts
two), so a form's box does not wrap them again in the middle; no tables and no
layout made of spaces beyond one rule: an entry's date stands on the entry's own
line (its last, if it takes several), flush right. Section headings are in capitals
with a blank line before them, bullets are the character `•` with the text after it
indented, and a line of items (the contact details, languages) breaks only between
items. UTF-8, `\\n` line ends, no trailing spaces.
"""

from __future__ import annotations

import unicodedata

from portfolio.documents.model import Block, Bullets, Document, Entry, Heading, Paragraph, Text

# A form's text box is often 60 to 80 columns; at 65 a line neither wraps in one nor
# leaves most of a wide one empty.
WIDTH = 65
BULLET = "• "
GAP = 3  # at least this many spaces between an entry and its date


def columns(value: str) -> int:
    """How many columns `value` takes in a fixed-width font: two for a wide character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def as_text(doc: Document, width: int = WIDTH) -> str:
    """The document as plain text, every line at most `width` columns."""
    lines: list[str] = []
    prev: Block | None = None
    for block in doc.blocks:
        if lines and _apart(prev, block):
            lines.append("")
        if isinstance(block, Heading):
            said = block.text.upper() if block.level == 2 else block.text
            lines += wrap(said, width)
        elif isinstance(block, Entry):
            lines += _entry(_plain(block.text), block.date, width)
        elif isinstance(block, Paragraph):
            lines += _paragraph(block.text, width)
        else:
            for item in block.items:
                lines += wrap(_plain(item), width, first=BULLET, rest=" " * columns(BULLET))
        prev = block
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _apart(prev: Block | None, block: Block) -> bool:
    """Whether a blank line stands between two blocks: before a section, before an
    entry's title unless a heading is right above it, and between two runs of prose."""
    if isinstance(block, Heading):
        return block.level > 1 and not isinstance(prev, Heading)
    if isinstance(block, Entry):
        return block.heading and not isinstance(prev, Heading)
    if isinstance(block, Paragraph):
        return block.role in ("body", "note", "letter", "signature") and isinstance(
            prev, Paragraph | Bullets
        )
    return False


def _plain(spans: Text) -> str:
    return "".join(s.text for s in spans)


def _entry(left: str, right: str, width: int) -> list[str]:
    """`left`, and `right` flush right on its line; a `left` too long to share one line
    wraps first, and `right` ends its last line, so that neither is cut by the other."""
    if not right:
        return wrap(left, width)
    room = width - columns(right) - GAP
    if room < width // 3:  # a right-hand part too long to share a line: on the next one
        return [*wrap(left, width), *wrap(right, width)]
    *lines, last = wrap(left, room) or [""]
    return [*lines, last + " " * (width - columns(last) - columns(right)) + right]


def _paragraph(spans: Text, width: int) -> list[str]:
    """Wrap at spaces; a line of items (separated) breaks between items first."""
    if not any(s.sep for s in spans):
        return wrap(_plain(spans), width)
    items: list[str] = []
    seps: list[str] = []
    current = ""
    for s in spans:
        if s.sep:
            items.append(current)
            seps.append(s.text)
            current = ""
        else:
            current += s.text
    items.append(current)
    lines: list[str] = []
    line = ""
    for n, item in enumerate(items):
        sep = seps[n - 1] if n else ""
        candidate = line + sep + item if line else item
        after = seps[n].rstrip() if n < len(seps) else ""  # kept if the line breaks here
        if columns(candidate + after) <= width or not line:
            line = candidate
        else:
            lines.append(line + sep.rstrip())
            line = item
        if columns(line) > width:  # one item wider than a line: wrapped by its words
            *done, line = wrap(line, width)
            lines += done
    if line:
        lines.append(line)
    return lines


def wrap(value: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """`value` in lines of at most `width` columns, broken at spaces; a word wider than
    a line (a long address, or Chinese, which has no spaces) is broken where it must.
    `first` starts the first line and `rest` every other (a bullet, its indent)."""
    words = value.split()
    lines: list[str] = []
    line = first
    start = first
    for word in words:
        sep = " " if line != start else ""
        if columns(line + sep + word) <= width:
            line += sep + word
            continue
        if line != start:
            lines.append(line)
            line = start = rest
        while columns(line + word) > width:  # a word too long for any line
            room = width - columns(line)
            cut = _cut(word, room)
            lines.append(line + word[:cut])
            word = word[cut:]
            line = start = rest
        line += word
    if line != start or not lines:
        lines.append(line)
    return [line for line in lines if line.strip()] or []


def _cut(word: str, room: int) -> int:
    """How many characters of `word` fit in `room` columns (at least one)."""
    used = 0
    for n, c in enumerate(word):
        used += columns(c)
        if used > room:
            return max(1, n)
    return len(word)
