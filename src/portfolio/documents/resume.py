"""The resume as a neutral document: the same sections, headings, dates and separators
as the HTML and PDF resume (themes/base/templates/partials/resume-body.html), in the
same order, made once from the resume model and written as Word, text and Markdown.

Headings and the few words the resume adds ("Courses: ...", "... – present") are the
theme's strings, said in the resume's language by `say` (the theme's catalog); prose
is plain words (documents/prose.py), as the PDF prints it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from portfolio.content.language import N_, Msg
from portfolio.content.markdown import Markdown
from portfolio.content.profile import SectionName
from portfolio.content.resume import Resume
from portfolio.content.views import EvidenceView
from portfolio.documents.model import (
    Block,
    Bullets,
    Document,
    Entry,
    Heading,
    Paragraph,
    Span,
    Text,
    joined,
    text,
)
from portfolio.documents.prose import line, prose

Say = Callable[[Msg], str]

HEADINGS = {
    "summary": N_("Summary"),
    "experience": N_("Experience"),
    "projects": N_("Projects"),
    "volunteering": N_("Volunteering"),
    "education": N_("Education"),
    "certifications": N_("Certifications"),
    "awards": N_("Awards"),
    "publications": N_("Publications"),
    "talks": N_("Talks"),
    "skills": N_("Skills"),
    "languages": N_("Languages"),
    "interests": N_("Interests"),
    "references": N_("References"),
}


def resume_document(
    resume: Resume,
    say: Say,
    md: Markdown,
    *,
    language: str,
    paper: str,
    keywords: Sequence[str] = (),
) -> Document:
    """The resume as a document in `language` on `paper`; `keywords` go into its
    properties (a target's keywords, or the skills of the public resume)."""
    blocks: list[Block] = [Heading(resume.name, 1)]
    if resume.headline:
        blocks.append(Paragraph(text(resume.headline), "lead"))
    contact = [text(Span(resume.email, url=f"mailto:{resume.email}"))] if resume.email else []
    contact += [text(item) for item in resume.contact]
    contact += [text(Span(_shown(link.url), url=link.url)) for link in resume.links]
    if contact:
        blocks.append(Paragraph(joined(contact), "contact"))
    for section in resume.sections:
        blocks.append(Heading(say(HEADINGS[section]), 2))
        blocks += _section(resume, section, say, md)
    return Document(
        title=say(N_("{name}: Resume", name=resume.name)),
        author=resume.name,
        blocks=tuple(blocks),
        subject=resume.headline or "",
        keywords=tuple(keywords),
        language=language,
        paper=paper,
    )


def _shown(url: str) -> str:
    """A link as the resume prints it: without `https://`."""
    return url.replace("https://", "").replace("http://", "")


def _section(resume: Resume, section: SectionName, say: Say, md: Markdown) -> list[Block]:
    blocks = _entries(resume, section, say, md)
    if extra := resume.extra(section):  # past the profile's `resume.limit`
        blocks.append(Paragraph(text(say(N_("… and {count} more", count=str(extra)))), "note"))
    return blocks


def _entries(resume: Resume, section: SectionName, say: Say, md: Markdown) -> list[Block]:
    if section == "summary":
        return prose(md, resume.summary)
    if section == "experience":
        return _experience(resume, say, md)
    if section == "projects":
        return [Bullets(tuple(_project(e, say, md) for e in resume.projects))]
    if section == "volunteering":
        return _volunteering(resume.volunteering, say, md)
    if section == "education":
        return _education(resume, say)
    if section in ("certifications", "awards", "publications", "talks"):
        return [_dated(e, say) for e in getattr(resume, section)]
    if section == "skills":
        return _skills(resume)
    if section == "languages":
        said = (lang.name + (f" ({lang.level})" if lang.level else "") for lang in resume.languages)
        return [Paragraph(joined(text(s) for s in said))]
    if section == "interests":
        return [
            Paragraph(
                joined(
                    text(i.name + (f" ({', '.join(i.keywords)})" if i.keywords else ""))
                    for i in resume.interests
                )
            )
        ]
    if resume.references:  # references
        return [
            Bullets(
                tuple(
                    text(Span(r.by, strong=True), f", {r.role}" if r.role else "", f": “{r.quote}”")
                    for r in resume.references
                )
            )
        ]
    return [Paragraph(text(say(N_("References available on request."))))]


def _experience(resume: Resume, say: Say, md: Markdown) -> list[Block]:
    blocks: list[Block] = []
    for job in resume.jobs:
        position = job.position
        blocks.append(Entry(text(job.title), say(job.dates), heading=True))
        blocks.append(Entry(text(position.organization), position.location or ""))
        if position.description:
            blocks.append(Paragraph(text(position.description), "note"))
        blocks += prose(md, position.summary)
        if job.highlights:
            items = tuple(line(md, e.ev.summary or e.ev.title) for e in job.highlights)
            blocks.append(Bullets(items))
    return blocks


def _project(e: EvidenceView, say: Say, md: Markdown) -> Text:
    ev = e.ev
    summary = line(md, ev.summary) if ev.summary else ()
    return (
        *text(
            Span(ev.title, strong=True),
            f", {ev.organization}" if ev.organization else "",
            f" ({say(e.when)})" if e.when else "",
            ": " if summary else "",
        ),
        *summary,
    )


def _volunteering(entries: Sequence[EvidenceView], say: Say, md: Markdown) -> list[Block]:
    blocks: list[Block] = []
    for e in entries:
        ev = e.ev
        blocks.append(Entry(text(ev.role or ev.title), say(e.when) if e.when else "", heading=True))
        if ev.role and ev.organization:
            blocks.append(Entry(text(ev.organization)))
        if ev.summary:
            blocks.append(Paragraph(line(md, ev.summary)))
    return blocks


def _education(resume: Resume, say: Say) -> list[Block]:
    blocks: list[Block] = []
    for school in resume.education:
        edu = school.education
        if edu.degree or edu.area:
            joiner = f" {say(N_('in'))} " if edu.degree and edu.area else ""
            title = f"{edu.degree or ''}{joiner}{edu.area or ''}"
        else:
            title = edu.institution
        blocks.append(Entry(text(title), say(school.dates) if school.dates else "", heading=True))
        if edu.degree or edu.area or edu.score:
            where = text(edu.institution) if edu.degree or edu.area else ()
            blocks.append(Entry(where, edu.score or ""))
        if edu.courses:
            courses = say(N_("Courses: {courses}", courses=", ".join(edu.courses)))
            blocks.append(Paragraph(text(courses), "note"))
    return blocks


def _dated(e: EvidenceView, say: Say) -> Entry:
    """A certification, award, publication or talk: its name left, its date right."""
    ev = e.ev
    name = text(Span(ev.title, strong=True), f", {ev.organization}" if ev.organization else "")
    return Entry(name, say(e.when) if e.when else "")


def _skills(resume: Resume) -> list[Block]:
    """Skills with a level or keywords as bullets; those named alone on one line,
    apart, as the PDF puts them in columns."""
    blocks: list[Block] = []
    detailed = [s for s in resume.skills if s.level or s.keywords]
    bare = [s for s in resume.skills if not (s.level or s.keywords)]
    if detailed:
        blocks.append(
            Bullets(
                tuple(
                    text(
                        Span(s.name, strong=True),
                        f" ({s.level})" if s.level else "",
                        f": {', '.join(s.keywords)}" if s.keywords else "",
                    )
                    for s in detailed
                )
            )
        )
    if bare:
        blocks.append(Paragraph(joined(text(s.name) for s in bare)))
    return blocks
