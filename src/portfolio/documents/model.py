"""A small neutral document: what a resume or a letter says, in reading order, before
it is written as Word, plain text or Markdown.

Four kinds of block, each meaning the same thing in every writer:

    Heading(text, level)     1: the document's title (a person's name), 2: a section,
                             3: a sub-heading without a date
    Entry(text, date, ...)   one line with something on the right (a date, a place):
                             `heading=True` makes it an entry's title (a level-3 heading,
                             a job), else its plain second line (the organisation)
    Paragraph(text, role)    prose; `role` says how it stands: `body`, `lead` (the line
                             under a name), `contact` (items apart), `note` (smaller)
    Bullets(items)           a bulleted list, one line of text per item

Text is a tuple of `Span`s: plain words, a link (`url`, web, mail or phone), words in
bold (`strong`), or a separator between items (`sep`) that a writer may break a line
at and never starts one with. `text("...")` makes one plain span and `joined` puts
separators between items. Everything is a frozen value, so a document can be
fingerprinted by the build cache and written again only when it changes.

Writers (documents/word.py, text.py, markdown.py) take a `Document` and return bytes
or text; none of them reads a file, the clock or the environment: the caller passes
the moment to stamp (Word) and the fonts and colour (`Look`). A letter, say:

    letter = Document(
        title="Ada Lovelace: Letter to Globex", author="Ada Lovelace", language="en",
        paper="A4", blocks=(
            Heading("Ada Lovelace", 1),
            Paragraph(joined([text("ada@example.com"), text("London")]), "contact"),
            Entry(text("Globex, Berlin"), "22 Nov 2026"),
            Paragraph(text("Dear Ms Doe,")),
            Paragraph(text("I am writing about the role of ...")),
        ),
    )
    as_docx(letter, look, stamp); as_text(letter); as_markdown(letter)

In a build, site/render.py's `document_files(renderer, files, make, *inputs)` writes
one document as files of a site or a pack, kept from the last build when its inputs
have not changed; `resume_files` is the resume's use of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

SEPARATOR = " · "


@dataclass(frozen=True)
class Span:
    """A run of text: plain, a link, bold, or a separator between items."""

    text: str
    url: str | None = None  # a web, mail or phone link (content/links.py's rule holds)
    strong: bool = False
    sep: bool = False  # a separator: a line may break after it, never begin with it


Text = tuple[Span, ...]


def text(*parts: str | Span) -> Text:
    """Spans from strings (plain) and spans, the empty strings left out."""
    return tuple(p if isinstance(p, Span) else Span(p) for p in parts if p)


def joined(items: Iterable[Text], separator: str = SEPARATOR) -> Text:
    """The items one after the other, a separator between each two."""
    out: list[Span] = []
    for item in items:
        if not item:
            continue
        if out:
            out.append(Span(separator, sep=True))
        out.extend(item)
    return tuple(out)


def plain(spans: Text) -> str:
    """The words of `spans`, as one string."""
    return "".join(s.text for s in spans)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 1: the document's title; 2: a section; 3: a sub-heading


@dataclass(frozen=True)
class Entry:
    """A line with a right-hand part: `Senior Engineer ........ Mar 2022 – present`."""

    text: Text
    date: str = ""  # what stands on the right: a date, or a place or grade
    heading: bool = False  # the entry's title (a level-3 heading), else a plain line


# body: prose; lead: the headline; contact: the contact line; note: smaller, muted;
# letter: a letter's paragraph, a line's space after it; signature: the name under the
# room to sign.
Role = Literal["body", "lead", "contact", "note", "letter", "signature"]


@dataclass(frozen=True)
class Paragraph:
    text: Text
    role: Role = "body"


@dataclass(frozen=True)
class Bullets:
    items: tuple[Text, ...]


Block = Heading | Entry | Paragraph | Bullets


@dataclass(frozen=True)
class Document:
    """A document and its properties (Word shows them under File > Info)."""

    title: str  # "Ada Lovelace: Resume"
    author: str
    blocks: tuple[Block, ...]
    subject: str = ""  # a headline, or what a letter is about
    keywords: tuple[str, ...] = ()
    language: str = "en"  # BCP 47
    paper: str = "A4"  # A4 or Letter


@dataclass(frozen=True)
class Look:
    """How a Word document looks: the theme's fonts and accent (theme.yaml's
    `document:`, with the site's `accent` option over it), as Word can show them."""

    heading_font: str = "Arial"
    body_font: str = "Arial"
    accent: str = "#0b57d0"  # #rrggbb
    ink: str = "#1d1d1f"
    muted: str = "#5f6368"
