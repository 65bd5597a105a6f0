"""Markdown prose as a document's blocks: paragraphs and bulleted lists of plain words.

The resume's PDF prints its prose without inline markup (content/markdown.py's
`unmarked`), because a tracking system's parser runs the words on either side of a bold
word together; a Word file and a plain-text resume are read by the same parsers, so
their prose is plain words too: a link keeps its words, an image its description,
code its text, and raw HTML only the words between its tags. Lists, numbered or not,
nested or not, become bullets; a table becomes a line per row, its cells apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from portfolio.content.markdown import Markdown
from portfolio.documents.model import Block, Bullets, Paragraph, Span, Text, joined, text

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def prose(md: Markdown, source: str) -> list[Block]:
    """The blocks of a Markdown text, in order."""
    if not source.strip():
        return []
    blocks: list[Block] = []
    bullets: list[Text] = []
    depth = 0  # inside how many list items
    item_open = False  # the current list item has its first paragraph
    row: list[Text] = []

    def end_list() -> None:
        if bullets:
            blocks.append(Bullets(tuple(bullets)))
            bullets.clear()

    def add(words: Text, strong: bool = False) -> None:
        nonlocal item_open
        if not words:
            return
        if strong:
            words = tuple(Span(s.text, strong=True) for s in words)
        if depth:
            if item_open and bullets:  # a second paragraph of one item joins the first
                bullets[-1] = (*bullets[-1], Span(" "), *words)
            else:
                bullets.append(words)
                item_open = True
            return
        end_list()
        blocks.append(Paragraph(words))

    tokens = md.parse(source)
    for i, token in enumerate(tokens):
        kind = token.type
        if kind == "list_item_open":
            depth += 1
            item_open = False
        elif kind == "list_item_close":
            depth -= 1
            item_open = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            add(joined(row))
        elif kind == "inline":
            words = inline(token.children or [])
            opener = tokens[i - 1].type if i else ""
            if opener in ("th_open", "td_open"):
                row.append(words)
            else:
                add(words, strong=opener == "heading_open")
        elif kind in ("fence", "code_block", "html_block"):
            said = _TAG.sub(" ", token.content) if kind == "html_block" else token.content
            add(text(_words(said)))
    end_list()
    return blocks


def inline(children: Sequence[Token]) -> Text:
    """One line of Markdown's inline tokens as plain words."""
    words = []
    for child in children:
        if child.type in ("text", "code_inline"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
        elif child.type == "image":
            words.append(child.content)  # its description
    return text(_words("".join(words)))


def line(md: Markdown, source: str) -> Text:
    """A one-line Markdown text (an evidence's summary) as plain words; a text of
    several paragraphs is joined into one line."""
    out: list[Span] = []
    for block in prose(md, source):
        parts: tuple[Text, ...] = ()
        if isinstance(block, Bullets):
            parts = block.items
        elif isinstance(block, Paragraph):
            parts = (block.text,)
        for words in parts:
            if out:
                out.append(Span(" "))
            out.extend(Span(s.text) for s in words)
    return tuple(out)


def _words(value: str) -> str:
    return _SPACE.sub(" ", value).strip()
