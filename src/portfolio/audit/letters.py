"""The cover letter's questions for `portfolio check`: does it name a measured result,
does it fit on one page, is any placeholder text left in it?

A letter is made in the packs room, above this one, so what is measured there comes
in as `LetterFacts` (build.py's `check` makes them with the pack); the placeholders
are looked for here, in the target file's own words and in what the letter takes
from it (the organization, the role, the contact), each finding at its line.

A page is judged by an estimate from the letter's length (packs/letter_text.py):
`check` lays out no PDF, so the finding says "about", and the PDF has the last word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from portfolio.audit.audit import Finding, Loc
from portfolio.content.config import Target
from portfolio.content.portfolio import Portfolio

# What is left of a template: a marker (TODO), a slot ([Company], <hiring manager>,
# {{ role }}, {company}), filler (lorem ipsum) or the starter project's wording
# (`portfolio init`: Example Corp, Senior Role; `new evidence`: Jane Doe). Markers in
# capitals only: `todo` is a word in Portuguese and Spanish. A Markdown link's words
# (`[case study](...)`, `[the report][r]`), its reference and a checkbox are no slot.
PLACEHOLDER = re.compile(
    r"\b(?:TODO|TBD|TBC|FIXME|XXX+)\b"
    r"|(?<!\])\[[A-Za-z][^\]\n]{0,40}\](?![(\[:])"
    r"|<(?:[A-Z][\w' -]{0,40}|[a-z][\w'-]*(?: [\w'-]+)+)>"
    r"|\{\{[^}\n]*\}\}|\{[A-Za-z_][\w ]{0,30}\}"
    r"|(?i:\blorem ipsum\b|\bexample corp\b|\bsenior role\b|\bjane doe\b)"
)
# A number that is not a year: a letter's own evidence that holds none names no result.
_NUMBER = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class LetterFacts:
    """What the pack measured of one target's letter."""

    target: Target
    results: int  # measured results its made evidence paragraph names
    lines: int  # about how many lines it takes
    page_lines: int  # about how many a page holds
    paper: str  # A4 | Letter


def letter_findings(p: Portfolio, facts: LetterFacts) -> list[Finding]:
    """The findings for one target's cover letter."""
    target = facts.target
    doc = p.docs.get(target.source)
    found: list[Finding] = []

    def add(loc: Loc, rule: str, message: str) -> None:
        line, column = doc.where(loc, key=len(loc) == 1) if doc else (1, 1)
        found.append(Finding(target.source, line, column, rule, message, target.id))

    own = target.letter
    outputs: Loc = ("outputs", target.outputs.index("cover-letter"))
    if own and own.evidence:
        if not _NUMBER.search(_YEAR.sub("", own.evidence)):
            add(
                ("letter", "evidence"),
                "letter-no-result",
                "the cover letter's own `evidence` paragraph holds no number, so it names "
                "no measured result",
            )
    elif facts.results == 0:
        add(
            outputs,
            "letter-no-result",
            "the cover letter names no measured result: no evidence it draws on has a "
            "metric that moved the right way",
        )
    if facts.lines > facts.page_lines:
        add(
            ("letter",) if own else outputs,
            "letter-too-long",
            f"the cover letter comes to about {facts.lines} lines by an estimate from its "
            f"length; one {facts.paper} page holds about {facts.page_lines}, laid out tighter",
        )
    for loc, text in _words(target):
        if match := PLACEHOLDER.search(text):
            where = ".".join(str(k) for k in loc)
            add(
                loc,
                "letter-placeholder",
                f"the cover letter still holds placeholder text in `{where}`: `{match.group(0)}`",
            )
    return found


def _words(target: Target) -> Iterator[tuple[Loc, str]]:
    """Each text of the target file that the letter prints, where it was written."""
    for key in ("title", "organization", "role", "location"):
        if text := getattr(target, key):
            yield (key,), text
    if target.contact:
        for key in ("name", "title", "surname"):
            if text := getattr(target.contact, key):
                yield ("contact", key), text
        for i, line in enumerate(target.contact.address):
            yield ("contact", "address", i), line
    if target.letter:
        for key in ("place", "subject", "salutation", "opening", "evidence", "plan",
                    "closing", "sign_off"):  # fmt: skip
            if text := getattr(target.letter, key):
                yield ("letter", key), text
