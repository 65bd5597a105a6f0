"""A document as Markdown that reads well on GitHub and as it is.

`#` for the title, `##` for a section, `###` for an entry's title with its date after
a separator (Markdown has no right-hand side); an entry's second line and every
paragraph a paragraph of its own; `-` bullets; links as `[words](address)`; bold as
`**words**`. Every character Markdown would read as markup is escaped, so a title
such as `C# *and* [Go]` shows as written.
"""

from __future__ import annotations

import re

from portfolio.documents.model import SEPARATOR, Bullets, Document, Entry, Heading, Paragraph, Text

_SPECIAL = re.compile(r"([\\`*_\[\]<>~|]|&(?=#?\w+;))")
_LINE_START = re.compile(r"^(\s*)([#>+=-])")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")


def escape(value: str) -> str:
    """`value` as Markdown that shows it as written, at the start of a line."""
    return _start(_SPECIAL.sub(r"\\\1", value))


def _start(line: str) -> str:
    """What would open a heading, a quote or a list at the start of a line, escaped."""
    line = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)
    return _NUMBERED.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)


def inline(spans: Text) -> str:
    """Spans as one line of Markdown, starting a line."""
    return _start(_inline(spans))


def _inline(spans: Text) -> str:
    out = []
    for s in spans:
        words = _SPECIAL.sub(r"\\\1", s.text) if not s.sep else s.text
        if s.url:
            address = s.url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            words = f"[{words}]({address})"
        if s.strong and words.strip():
            lead, core, trail = _strip(words)
            words = f"{lead}**{core}**{trail}"
        out.append(words)
    return "".join(out)


def _strip(value: str) -> tuple[str, str, str]:
    core = value.strip()
    start = value.index(core)
    return value[:start], core, value[start + len(core) :]


def as_markdown(doc: Document) -> str:
    """The document as Markdown."""
    parts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * block.level} {escape(block.text)}")
        elif isinstance(block, Entry):
            said = inline(block.text)
            if block.date:
                date = _SPECIAL.sub(r"\\\1", block.date)
                said = f"{said}{SEPARATOR}{date}" if said else _start(date)
            parts.append(f"### {said}" if block.heading else said)
        elif isinstance(block, Paragraph):
            said = inline(block.text)
            parts.append(f"*{said}*" if block.role == "note" and said else said)
        elif isinstance(block, Bullets):
            parts.append("\n".join(f"- {inline(item)}" for item in block.items))
    return "\n\n".join(p for p in parts if p) + "\n"
