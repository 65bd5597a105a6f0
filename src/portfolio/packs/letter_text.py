"""The cover letter said out in the pack's language, as plain strings: the form every
writer that is not a template takes (the text file here; a DOCX writer, see
`PlainLetter`), and the one `check` measures to say if the letter runs past a page.

The person's own paragraphs are Markdown; here they become plain blocks (paragraphs
and list items, emphasis dropped, a link's address after its words), so a writer
needs no Markdown of its own.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from markdown_it.token import Token

from portfolio.audit.letters import LetterFacts
from portfolio.content.language import Msg, babel_locale
from portfolio.content.links import link_allowed
from portfolio.content.markdown import Markdown
from portfolio.documents.model import Block as DocBlock
from portfolio.documents.model import Bullets, Document, Entry, Heading, Span, joined, text
from portfolio.documents.model import Paragraph as DocParagraph
from portfolio.packs.letter import Letter
from portfolio.packs.letter_body import Paragraph
from portfolio.packs.pack import Pack
from portfolio.site.themes import Theme, catalog

WIDTH = 76  # columns of the text version
WIDE = {"zh", "ja", "ko"}  # scripts of double-width characters written without spaces


@dataclass(frozen=True)
class Block:
    """A paragraph (`text`) or a bulleted list (`items`) of the letter's body."""

    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlainLetter:
    """The letter as a writer prints it, top to bottom, every string in the pack's
    language. A DOCX writer (documents/) lays it out as the PDF does: `sender` as the
    letterhead (the name, then the other lines), `recipient` lines at the left,
    `date_line` at the right, `subject` in bold, `salutation`, each `body` block (a
    paragraph, or a bulleted list), `sign_off`, room for a signature, `signature`,
    then `enclosures` (empty: none); one page of `paper` in `language`."""

    language: str
    paper: str  # A4 | Letter
    title: str  # the document's, for its metadata
    sender: tuple[str, ...]
    date_line: str
    recipient: tuple[str, ...]
    subject: str
    salutation: str
    body: tuple[Block, ...]
    sign_off: str
    signature: str
    enclosures: str


def plain_letter(
    letter: Letter, say: Callable[[Msg], str], md: Markdown, language: str, paper: str
) -> PlainLetter:
    """`letter` with every message said by `say` (a theme catalog's), its own Markdown
    as plain blocks."""
    body: list[Block] = []
    for paragraph in letter.paragraphs:
        body += _blocks(paragraph, say, md)
    return PlainLetter(
        language=language,
        paper=paper,
        title=say(letter.title),
        sender=letter.sender,
        date_line=say(letter.date_line),
        recipient=tuple(say(line) for line in letter.recipient),
        subject=say(letter.subject),
        salutation=say(letter.salutation),
        body=tuple(body),
        sign_off=say(letter.sign_off),
        signature=letter.signature,
        enclosures=say(letter.enclosures),
    )


def _blocks(paragraph: Paragraph, say: Callable[[Msg], str], md: Markdown) -> list[Block]:
    if paragraph.own:
        return markdown_blocks(md, paragraph.own)
    blocks = [Block(" ".join(say(s) for s in paragraph.sentences))]
    if paragraph.items:
        blocks.append(Block(items=tuple(say(i) for i in paragraph.items)))
    return blocks


def markdown_blocks(md: Markdown, text: str) -> list[Block]:
    """Markdown as plain paragraphs and lists: each list item one string; headings,
    quotes and code as paragraphs of their text."""
    blocks: list[Block] = []
    items: list[str] | None = None
    depth = 0
    for token in md.parse(text):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            items = [] if items is None else items
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0 and items is not None:
                blocks.append(Block(items=tuple(items)))
                items = None
        elif token.type == "inline":
            line = _inline(token.children or [])
            if items is not None:
                items.append(line)
            elif line:
                blocks.append(Block(line))
        elif token.type in ("code_block", "fence"):
            blocks.append(Block(token.content.rstrip("\n")))
    return blocks


def _inline(children: list[Token]) -> str:
    """The words of an inline run; a link's address in brackets after them, if it is
    one a reader can follow and not the words themselves."""
    out: list[str] = []
    href: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
        elif child.type == "image":
            out.append(child.content)
        elif child.type == "link_open":
            href.append(str(child.attrGet("href") or ""))
            out.append("\0")  # where the words of the link start
        elif child.type == "link_close" and href:
            url = href.pop()
            start = len(out) - 1 - out[::-1].index("\0")
            words = "".join(out[start + 1 :])
            out[start:] = [words]
            if link_allowed(url) and url.removeprefix("mailto:") != words:
                out.append(f" ({url.removeprefix('mailto:')})")
    return "".join(out).strip()


# --- the text version ----------------------------------------------------------------


def letter_text(letter: PlainLetter) -> str:
    """The letter as plain text, wrapped at 76 columns (38 characters in Chinese and
    Japanese, whose characters are two columns wide): what a form on a careers site
    takes, or an email."""
    wide = babel_locale(letter.language).language in WIDE
    width = WIDTH // 2 if wide else WIDTH

    def wrap(text: str, first: str = "", rest: str = "") -> list[str]:
        lines: list[str] = []
        for piece in text.split("\n"):
            lines += textwrap.wrap(
                piece, width, initial_indent=first, subsequent_indent=rest,
                break_long_words=wide, break_on_hyphens=False,
            ) or [first.rstrip()]  # fmt: skip
            first = rest
        return lines

    parts: list[list[str]] = [
        [line for s in letter.sender for line in wrap(s)],
        wrap(letter.date_line),
        [line for r in letter.recipient for line in wrap(r)],
        wrap(letter.subject),
        wrap(letter.salutation),
    ]
    for block in letter.body:
        if block.items:
            parts.append([line for item in block.items for line in wrap(item, "- ", "  ")])
        else:
            parts.append(wrap(block.text))
    parts.append([*wrap(letter.sign_off), "", *wrap(letter.signature)])
    if letter.enclosures:
        parts.append(wrap(letter.enclosures))
    return "\n\n".join("\n".join(part) for part in parts) + "\n"


# --- one page? ----------------------------------------------------------------------

# About how many lines one page of a letter holds, by `estimate_lines`: measured on the
# sample's letters in the shipped themes (10.5pt type on 1.45 leading, the margins of
# pack.css's `@page letter`), where the PDF ran onto a second page. A letter a few lines
# over is laid out tighter (pdf/weasy.py's fitting, pack.css's `data-fit`) and keeps
# to one page up to about 58 lines on A4 and 55 on Letter; the limits below leave two
# lines for the estimate's error. Characters of average prose a line takes:
PAGE_LINES = {"A4": 56, "Letter": 53}
LINE_CHARS = {"A4": 84, "Letter": 88}
FIXED_LINES = 12  # the letterhead, the gaps, the subject, the signature's room


def estimate_lines(letter: PlainLetter) -> int:
    """About how many lines the letter takes in the PDF: an estimate from the length of
    its text, since `check` lays out no PDF. Each paragraph's gap counts as half a line."""
    chars = LINE_CHARS[letter.paper]
    if babel_locale(letter.language).language in WIDE:
        chars //= 2

    def lines(text: str) -> int:
        return sum(max(1, math.ceil(len(piece) / chars)) for piece in text.split("\n"))

    body = 0.0
    for block in letter.body:
        texts = [f"• {i}" for i in block.items] if block.items else [block.text]
        body += sum(lines(t) for t in texts) + 0.5
    head = len(letter.recipient) + lines(letter.subject) + lines(letter.date_line)
    tail = lines(letter.sign_off) + lines(letter.signature) + (1 if letter.enclosures else 0)
    return FIXED_LINES + head + math.ceil(body) + tail


def measure(pack: Pack, theme: Theme, md: Markdown) -> LetterFacts:
    """What `check` asks of a pack's letter: the results it names, and its length as
    the theme's catalog says it."""
    assert pack.letter is not None
    strings = catalog(theme, pack.language)
    plain = plain_letter(pack.letter, strings.say, md, pack.language, pack.paper)
    return LetterFacts(
        target=pack.target,
        results=pack.letter.results,
        lines=estimate_lines(plain),
        page_lines=PAGE_LINES[plain.paper],
        paper=plain.paper,
    )


def letter_document(plain: PlainLetter) -> Document:
    """The letter as a neutral document (documents/model.py), for the Word file: the
    letterhead (the name as the title, the other sender lines on one line), the
    recipient's lines, the date at the right, the subject in bold, the salutation,
    the body, the sign-off, the signature and the enclosures, as the PDF lays them
    out."""
    name, *sender = plain.sender or (plain.signature,)
    blocks: list[DocBlock] = [Heading(name, level=1)]
    if sender:
        blocks.append(DocParagraph(joined(text(line) for line in sender), role="contact"))
    *lines, last = plain.recipient or ("",)
    blocks += [DocParagraph(text(line)) for line in lines]
    blocks.append(DocParagraph(text(last), role="letter"))
    blocks.append(Entry(text(), date=plain.date_line))
    if plain.subject:
        blocks.append(DocParagraph(text(Span(plain.subject, strong=True)), role="letter"))
    blocks.append(DocParagraph(text(plain.salutation), role="letter"))
    for block in plain.body:
        if block.items:
            blocks.append(Bullets(tuple(text(item) for item in block.items)))
        elif block.text:
            blocks.append(DocParagraph(text(block.text), role="letter"))
    blocks.append(DocParagraph(text(plain.sign_off), role="letter"))
    blocks.append(DocParagraph(text(plain.signature), role="signature"))
    if plain.enclosures:
        blocks.append(DocParagraph(text(plain.enclosures), role="note"))
    return Document(
        title=plain.title,
        author=plain.signature,
        blocks=tuple(blocks),
        subject=plain.subject,
        language=plain.language,
        paper=plain.paper,
    )
