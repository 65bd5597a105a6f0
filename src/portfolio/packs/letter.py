"""A target's cover letter as data: the letter conventions of its language, and a body
that makes the two-part pitch from the content.

The letter is plain data (sender, date line, recipient, subject, salutation, paragraphs,
sign-off, signature, enclosures), so that every format is a thin writer over it: the
HTML page and the PDF (pack templates), the text and, through the same said-out form
(packs/letter_text.py), a DOCX writer. Words are `Msg`s, said in the pack's language
when a writer prints them.

Every sentence made here is a template over facts the content holds: the target and
its job description, the profile, the results the pitch ranks first (packs/arguments.py:
`measured_results`, the same ones the pitch shows), the goal's open milestones, the
job's responsibilities the chosen evidence matches. Nothing is said that the content
does not support: with no measured result, the evidence paragraph names the work and
no number, and `check` says so. Any paragraph the person writes under `letter:` in the
target file replaces the one made here.

Conventions (German and English; the other languages take their words from the
theme's catalog and their dates from CLDR):

- the date line: German, French, Spanish, Portuguese, Italian and Dutch put the place
  before the date (`Lisbon, 30. November 2026`); English, Chinese, Japanese and Arabic
  the date alone (`30 November 2026`; `November 30, 2026` in `en-US`);
- the recipient: German puts the organization first, then the person (`Frau Maartje
  de Vries`), as DIN 5008 does; the other languages the person, their title, then
  the organization; then the address;
- the salutation names the contact if the target names one (`Dear Ms de Vries,`,
  `Sehr geehrte Frau de Vries,`; `greet_as: full-name`: `Dear Maartje de Vries,`,
  `Guten Tag Maartje de Vries,`), else `Dear Hiring Manager,` (`Sehr geehrte Damen
  und Herren,`);
- the sign-off: `Yours sincerely,` to a named person, `Kind regards,` otherwise
  (German: `Mit freundlichen Grüßen`, without a comma, either way); `letter.salutation`
  and `letter.sign_off` replace them. German goes on in lower case after the
  salutation's comma: its catalog starts the opening so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from portfolio.content.config import Contact, Target
from portfolio.content.language import (
    N_,
    NOTHING,
    Msg,
    babel_locale,
    format_long_date,
    verbatim,
)
from portfolio.content.portfolio import Portfolio
from portfolio.content.views import GoalView
from portfolio.packs.letter_body import PARTS, Paragraph, joined, made_paragraphs
from portfolio.packs.ranking import Chosen

PLACE_FIRST = {"de": "{place}, {date}", "fr": "{place}, le {date}", "es": "{place}, {date}",
               "pt": "{place}, {date}", "it": "{place}, {date}",
               "nl": "{place}, {date}"}  # fmt: skip
ORGANIZATION_FIRST = {"de"}  # DIN 5008: the organization, then the person
ENCLOSED = {"resume": N_("Resume"), "promotion-case": N_("Promotion case"),
            "evidence-pack": N_("Evidence pack")}  # fmt: skip


@dataclass(frozen=True)
class Letter:
    """A cover letter from the top of the page to the bottom; `said` in the pack's
    language by the templates, or as plain strings by packs/letter_text.py."""

    title: Msg  # of the document: "Inês Salgueiro: Cover letter, <target title>"
    sender: tuple[str, ...]  # the name first, then where, email, phone
    date_line: Msg
    recipient: tuple[Msg, ...]
    subject: Msg
    salutation: Msg
    paragraphs: tuple[Paragraph, ...]
    sign_off: Msg
    signature: str
    enclosures: Msg  # NOTHING when the pack encloses nothing
    results: int  # measured results the made evidence paragraph names (0 if it is own)


def build_letter(
    p: Portfolio,
    target: Target,
    goal: GoalView | None,
    chosen: tuple[Chosen, ...],
    outputs: tuple[str, ...],
) -> Letter:
    """The cover letter for `target`, from its pack's view of the portfolio."""
    language = p.config.language
    job = p.jobs.get(target.id) or {}
    own = target.letter
    contact = target.contact or _job_contact(job)
    named = bool(contact and contact.name)
    organization = target.organization or _text(job.get("company"))
    role = target.role or _text(job.get("title"))
    made = made_paragraphs(p, target, goal, chosen, role, organization)
    paragraphs = []
    for part in PARTS:
        text = getattr(own, part) if own else None
        if text:
            paragraphs.append(Paragraph(part, own=text))
        elif made[part].sentences:
            paragraphs.append(made[part])
    results = len(made["evidence"].items) if not (own and own.evidence) else 0
    if own and own.subject:
        subject = verbatim(own.subject)
    elif role:
        subject = N_("Application for the role of {role}", role=role)
    else:
        subject = N_("Application: {title}", title=target.title)
    if own and own.sign_off:
        sign_off = verbatim(own.sign_off)
    else:
        sign_off = N_("Yours sincerely,") if named else N_("Kind regards,")
    enclosed = [ENCLOSED[o] for o in outputs if o in ENCLOSED]
    profile = p.profile
    return Letter(
        title=N_("{name}: Cover letter, {target}", name=profile.name, target=target.title),
        sender=tuple(
            s for s in (profile.name, profile.location, profile.email, profile.phone) if s
        ),
        date_line=_date_line(p, target),
        recipient=_recipient(target, job, contact, organization, language),
        subject=subject,
        salutation=verbatim(own.salutation) if own and own.salutation else _salutation(contact),
        paragraphs=tuple(paragraphs),
        sign_off=sign_off,
        signature=profile.name,
        enclosures=N_("Enclosures: {documents}", documents=joined(enclosed, ", "))
        if enclosed
        else NOTHING,
        results=results,
    )


def _text(value: Any) -> str | None:
    """A string from a job description's JSON, or None for anything else."""
    return (value.strip() or None) if isinstance(value, str) else None


def _job_contact(job: Mapping[str, Any]) -> Contact | None:
    """A `contact: {name}` in the job description (not JSON Resume's, but some carry it)."""
    found = job.get("contact")
    name = _text(found.get("name")) if isinstance(found, Mapping) else None
    return Contact(name=name) if name else None


def _date_line(p: Portfolio, target: Target) -> Msg:
    own = target.letter
    day = own.date.first_day if own and own.date else p.today
    date = format_long_date(day, p.config.language)
    pattern = PLACE_FIRST.get(babel_locale(p.config.language).language)
    place = (own.place if own else None) or (p.profile.location or "").split(",")[0].strip()
    if pattern and place:
        return verbatim(pattern, place=place, date=date)
    return verbatim(date)


def _recipient(
    target: Target,
    job: Mapping[str, Any],
    contact: Contact | None,
    organization: str | None,
    language: str,
) -> tuple[Msg, ...]:
    person: list[Msg] = []
    if contact and contact.name:
        if contact.greet_as == "ms":
            person.append(N_("Ms {name}", name=contact.name))
        elif contact.greet_as == "mr":
            person.append(N_("Mr {name}", name=contact.name))
        else:
            person.append(verbatim(contact.name))
        if contact.title:
            person.append(verbatim(contact.title))
    company = [verbatim(organization)] if organization else []
    first = babel_locale(language).language in ORGANIZATION_FIRST
    lines = company + person if first else person + company
    if contact and contact.address:
        address = list(contact.address)
    else:
        address = _job_address(job) or ([target.location] if target.location else [])
    return tuple(lines + [verbatim(line) for line in address])


def _job_address(job: Mapping[str, Any]) -> list[str]:
    """The street and town of a JSON Resume job's `location`, if it gives a street or
    postal code (a town alone says less than the target's `location`)."""
    where = job.get("location")
    if not isinstance(where, Mapping):
        return []
    street, code, city = (_text(where.get(k)) for k in ("address", "postalCode", "city"))
    if not (street or code):
        return []
    town = " ".join(s for s in (code, city) if s)
    return [s for s in (street, town) if s]


def _salutation(contact: Contact | None) -> Msg:
    if not contact or not contact.name:
        return N_("Dear Hiring Manager,")
    if contact.greet_as == "ms":
        return N_("Dear Ms {surname},", surname=contact.family_name)
    if contact.greet_as == "mr":
        return N_("Dear Mr {surname},", surname=contact.family_name)
    return N_("Dear {name},", name=contact.name)
