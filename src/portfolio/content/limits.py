"""How much one Markdown text may hold, so that no file costs minutes in a PDF.

The site's HTML is cheap whatever the text; a PDF is not. WeasyPrint lays out every
element as a box, at about a millisecond each on one core (measured with WeasyPrint 70
on the development machine, one worker, an evidence pack with one body): a table
cell 0.85 ms, a list item 2 ms, an emphasis or a link 0.75 ms, a line after a hard
break 1.4 ms. A 300 x 300 table (182 KB, well under the 1 MB file limit) took 46 s and
1.2 GB; a table pads short rows to the header's width, so a few KB of `|` can ask for
65,536 cells. The limits sit far above what a career document holds (the sample's
bodies make 15 to 28 elements, and no table) and cap one text at a few seconds:

- a table may have TABLE_CELLS cells (100 rows of 10: about 0.9 s in a PDF);
- a text may make ELEMENTS elements: paragraphs, headings, list items, table cells,
  quotes, links, emphasis, images, code, line breaks (about 1.5 to 3 s).

Every Markdown field is held to them (a model names its own in `MARKDOWN`), on every
build, with or without PDFs: the same content is valid or not whatever is built.
Each problem names the line of the file where the table starts or where the text
crosses the limit (front matter fields: the line of the field).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markdown_it.token import Token
from pydantic import BaseModel

from portfolio.content.markdown import renderer
from portfolio.content.read import SourceFile, read_text, split_front_matter
from portfolio.errors import Problem

TABLE_CELLS = 1_000
ELEMENTS = 2_000
# Elements that are one token each (the others open with a token of nesting 1).
_LEAVES = {"image", "hardbreak", "hr", "code_inline", "fence", "code_block", "html_block",
           "html_inline", "footnote_ref"}  # fmt: skip
# Every element needs one of these characters of its own (a line, a marker, a bracket),
# and makes at most three tokens (`- ` opens a list, an item and its paragraph); only
# tables do better, by padding rows. So a text with no `|` and few of these is light
# without being parsed, which is most texts: parsing all of them would add a parse of
# every text to every build.
_MARKS = re.compile(r"[\n>*_\[`~<\\+\-.)!:^]")


@dataclass(frozen=True)
class Excess:
    """A text over a limit: where (0-based line within the text) and what to do."""

    line: int
    message: str
    hint: str


def most_elements(text: str) -> int | None:
    """At most how many elements `text` makes, known without parsing it; None if it may
    hold a table (whose padding no count of characters bounds)."""
    return None if "|" in text else 3 * (len(_MARKS.findall(text)) + 1)


def excesses(text: str) -> list[Excess]:
    """Every limit `text` goes over: each table too large, and the text as a whole."""
    bound = most_elements(text)
    if bound is not None and bound <= ELEMENTS:
        return []
    found: list[Excess] = []
    elements = 0
    crossed: int | None = None  # the line where the text went over ELEMENTS
    line = 0
    table: list[int] = []  # in a table: its line, rows, cells and the elements before it
    for token in renderer(False).parse(text):
        line = token.map[0] if token.map else line
        if token.type == "table_open":
            table = [line, 0, 0, elements]
        elif token.type == "tr_open":
            table[1] += 1
        elif token.type in ("th_open", "td_open"):
            table[2] += 1
        elements += _elements(token)
        if token.type == "table_close":
            start, rows, cells, before = table
            table = []
            if cells > TABLE_CELLS:  # refused as a table, so not counted again as text
                found.append(_table(start, rows, cells))
                elements = before
        if not table and crossed is None and elements > ELEMENTS:
            crossed = line
    if crossed is not None:
        found.append(
            Excess(
                crossed,
                f"this text makes {elements:,} elements (paragraphs, list items, table "
                f"cells, links, emphasis...) and goes over the limit of {ELEMENTS:,} here",
                "a PDF lays out about a thousand elements a second: split the text into "
                "several files, or attach the long material as a file (`attachments:`)",
            )
        )
    return found


def _elements(token: Token) -> int:
    own = token.nesting == 1 or token.type in _LEAVES
    return int(own) + sum(_elements(child) for child in token.children or ())


def _table(line: int, rows: int, cells: int) -> Excess:
    columns = cells // rows if rows else cells
    return Excess(
        line,
        f"this table has {cells:,} cells ({rows:,} rows of {columns:,}); the limit is "
        f"{TABLE_CELLS:,}",
        "a PDF lays out about a thousand table cells a second: attach the data as a file "
        "(`attachments: [files/data.csv]`) and keep a short summary table here",
    )


def markdown_texts(
    model: BaseModel, loc: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(where, text) of every Markdown field of `model` and the models inside it."""
    for name in getattr(model, "MARKDOWN", ()):
        if text := getattr(model, name):
            yield (*loc, name), text
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, tuple) else (value,)
        for i, item in enumerate(items):
            if isinstance(item, BaseModel):
                at = (*loc, name, i) if isinstance(value, tuple) else (*loc, name)
                yield from markdown_texts(item, at)


def check_texts(root: Path, source: SourceFile, model: BaseModel) -> list[Problem]:
    """A located problem for every limit a file's Markdown goes over."""
    problems = []
    for loc, text in markdown_texts(model):
        for excess in excesses(text):
            if loc == ("body",):
                line, column = _body_line(root, source) + excess.line, 1
                message = excess.message
            else:
                line, column = source.doc.where(loc)
                message = f"`{loc[-1]}`: {excess.message}"
            problems.append(Problem(source.path, line, column, message, excess.hint))
    return problems


def _body_line(root: Path, source: SourceFile) -> int:
    """The line of the file where the body starts: read again, on this error path only
    (a source file keeps its body, not where it was)."""
    text = read_text(root / source.path, root, [])
    split = split_front_matter(text, source.path) if text is not None else None
    return split[2] if isinstance(split, tuple) else 1
