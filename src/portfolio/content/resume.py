"""The resume as data: sections in reading order, each line computed here.

One column and plain headings so that applicant tracking systems read it the way a
person does. Every section the person has reaches it, in the order the profile's
`resume:` gives (else the usual one): positions with the highlights the profile lists
under each, then projects, volunteering, education, certifications, awards,
publications, talks, skills, languages, interests and references. A piece of public
evidence that no position lists stands in the section of its kind, so a student's
projects and a freelancer's clients are on it. A target's resume is tailored: its
chosen evidence, best first, placed under the position it belongs to (listed there,
or same organisation and dates), the skills the target asks for first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from portfolio.content.dates import PartialDate
from portfolio.content.kinds import WORK_KINDS, EvidenceKind
from portfolio.content.language import Msg, format_range
from portfolio.content.models import Evidence, Link
from portfolio.content.portfolio import Portfolio
from portfolio.content.profile import (
    SECTIONS,
    Education,
    Interest,
    Language,
    Position,
    ResumeLayout,
    SectionName,
    Skill,
)
from portfolio.content.views import EvidenceView, evidence_view, sort_evidence


@dataclass(frozen=True)
class Job:
    position: Position
    dates: Msg  # `Mar 2022 – present`, in the resume's language
    title: str  # the position's title as the resume prints it (see `job_title`)
    highlights: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class School:
    education: Education
    dates: Msg


@dataclass(frozen=True)
class Reference:
    by: str
    role: str | None
    quote: str


@dataclass(frozen=True)
class Resume:
    name: str
    headline: str | None
    contact: tuple[str, ...]  # email, phone, location: whatever is public
    email: str | None
    links: tuple[Link, ...]
    summary: str
    jobs: tuple[Job, ...]
    projects: tuple[EvidenceView, ...]  # work that no position lists (tailored: fits none)
    volunteering: tuple[EvidenceView, ...]
    education: tuple[School, ...]
    certifications: tuple[EvidenceView, ...]
    awards: tuple[EvidenceView, ...]
    publications: tuple[EvidenceView, ...]
    talks: tuple[EvidenceView, ...]
    skills: tuple[Skill, ...]
    languages: tuple[Language, ...]
    interests: tuple[Interest, ...]
    references: tuple[Reference, ...]
    references_on_request: bool
    sections: tuple[SectionName, ...]  # the sections that have something, in order
    more: tuple[tuple[SectionName, int], ...] = ()  # entries past `resume.limit`, by section

    def extra(self, section: SectionName) -> int:
        """How many entries of `section` the resume leaves to the site (its limit)."""
        return dict(self.more).get(section, 0)

    def has(self, section: SectionName) -> bool:
        """Whether `section` has anything to show (before `resume.hide` applies)."""
        if section == "summary":
            return bool(self.summary.strip())
        if section == "experience":
            return bool(self.jobs)
        if section == "references":
            return bool(self.references) or self.references_on_request
        return bool(getattr(self, section))


# Which kind of evidence stands in which section when no position lists it.
KIND_SECTIONS: dict[EvidenceKind, SectionName] = {
    "project": "projects",
    "achievement": "projects",
    "volunteer": "volunteering",
    "certification": "certifications",
    "course": "certifications",
    "award": "awards",
    "publication": "publications",
    "talk": "talks",
}


def section_order(layout: ResumeLayout, has_jobs: bool) -> tuple[SectionName, ...]:
    """The sections in the order the person gave, the rest in the usual order, without
    those they hide. With no position, education comes right after the summary."""
    usual = list(SECTIONS)
    if not has_jobs:
        usual.remove("education")
        usual.insert(1, "education")
    named = list(dict.fromkeys(layout.sections))
    return tuple(s for s in named + [s for s in usual if s not in named] if s not in layout.hide)


# Words an English title keeps in lowercase: articles, conjunctions, short prepositions.
_MINOR = frozenset(
    ("a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
     "on", "or", "per", "the", "to", "via", "with")
)  # fmt: skip


def job_title(title: str, language: str) -> str:
    """An English job title in title case, as resumes print them: "Independent web
    developer" reads "Independent Web Developer". Tracking systems find a title by its
    capitalised words (Engineer, Developer, Manager), so a lowercase one goes unread.
    Only words written all in lowercase change (`iOS`, `SRE` and `de` in "VP de
    ventas" are the author's), minor words stay small but the first, and other
    languages keep their own rules."""
    if language.split("-")[0].lower() != "en":
        return title
    words = title.split(" ")
    for i, word in enumerate(words):
        if word.islower() and word.replace("-", "").isalpha() and (i == 0 or word not in _MINOR):
            words[i] = "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    return " ".join(words)


def _recency(job: Position) -> tuple[bool, PartialDate, PartialDate]:
    """Current positions first, then by end, then by start date."""
    never = PartialDate(1)
    return (job.end is None, job.end or job.start or never, job.start or never)


def _belongs(ev: Evidence, job: Position) -> bool:
    """Same organisation, and dated inside the position (open ends allowed)."""
    when = ev.when
    if not ev.organization or ev.organization.casefold() != job.organization.casefold():
        return False
    if when is None:
        return True
    after_start = job.start is None or when.last_day >= job.start.first_day
    before_end = job.end is None or when.first_day <= job.end.last_day
    return after_start and before_end


def resume_order(p: Portfolio, ids: Sequence[str]) -> list[str]:
    """`ids` in the order the profile's `resume.order` gives, the rest newest first."""
    given = {e: i for i, e in enumerate(p.profile.resume.order)}
    listed = sorted((e for e in ids if e in given), key=given.__getitem__)
    return listed + sort_evidence(p, [e for e in ids if e not in given])


def build_resume(
    p: Portfolio, chosen: Sequence[str] | None = None, keywords: Sequence[str] = ()
) -> Resume:
    """The resume from `p`.

    Without `chosen`: the public resume, highlights as the profile lists them and every
    other piece of evidence in the section of its kind. With `chosen` (evidence ids,
    best first): a tailored resume of that evidence only, each work item under its
    position, the rest in their sections, work in the order chosen; skills that match
    `keywords` come first.
    """
    profile = p.profile
    language = p.config.language
    placed: dict[int, list[str]] = {}
    if chosen is None:
        for i, job in enumerate(profile.experience):
            placed[i] = [h for h in job.highlights if h in p.evidence]
        listed = {e for ids in placed.values() for e in ids}
        rest = resume_order(p, [e for e in p.evidence if e not in listed])
    else:
        rest = []
        for e in (e for e in chosen if e in p.evidence):
            ev = p.evidence[e]
            where = p.evidence_position.get(e)
            if where is None and ev.kind in WORK_KINDS and ev.kind != "volunteer":
                where = next(
                    (i for i, job in enumerate(profile.experience) if _belongs(ev, job)), None
                )
            if where is not None:
                placed.setdefault(where, []).append(e)
            else:
                rest.append(e)
        work = [e for e in rest if p.evidence[e].kind in WORK_KINDS]
        rest = work + sort_evidence(p, [e for e in rest if e not in work])
    order = sorted(range(len(profile.experience)), key=lambda i: _recency(profile.experience[i]))
    jobs = tuple(
        Job(
            profile.experience[i],
            format_range(profile.experience[i].start, profile.experience[i].end, language),
            job_title(profile.experience[i].title, language),
            tuple(evidence_view(p, p.evidence[h]) for h in placed.get(i, ())),
        )
        for i in reversed(order)
    )
    layout = profile.resume
    sections: dict[SectionName, list[EvidenceView]] = {}
    more: dict[SectionName, int] = {}
    shown = [e for ids in placed.values() for e in ids]
    for e in rest:
        ev = p.evidence[e]
        if ev.kind not in KIND_SECTIONS:
            shown.append(e)
            continue
        entries = sections.setdefault(KIND_SECTIONS[ev.kind], [])
        if len(entries) < layout.limit:
            entries.append(evidence_view(p, ev))
            shown.append(e)
        else:  # a resume is no archive: the site's evidence pages list the rest
            more[KIND_SECTIONS[ev.kind]] = more.get(KIND_SECTIONS[ev.kind], 0) + 1
    references = tuple(
        Reference(said.by, said.role, said.quote)
        for e in shown
        for said in p.evidence[e].endorsements
    )
    skills = profile.skills
    if keywords:
        skills = tuple(sorted(skills, key=lambda s: not _skill_matches(s, keywords)))
    resume = Resume(
        name=profile.name,
        headline=profile.headline,
        contact=tuple(c for c in (profile.phone, profile.location) if c),
        email=profile.email,
        links=profile.links,
        summary=profile.summary,
        jobs=jobs,
        projects=tuple(sections.get("projects", ())),
        volunteering=tuple(sections.get("volunteering", ())),
        education=tuple(
            School(e, format_range(e.start, e.end, language)) for e in profile.education
        ),
        certifications=tuple(sections.get("certifications", ())),
        awards=tuple(sections.get("awards", ())),
        publications=tuple(sections.get("publications", ())),
        talks=tuple(sections.get("talks", ())),
        skills=skills,
        languages=profile.languages,
        interests=profile.interests,
        references=references if layout.references == "list" else (),
        references_on_request=layout.references == "on-request",
        sections=(),
        more=tuple(sorted(more.items())),
    )
    order_of = section_order(layout, bool(jobs))
    return replace(resume, sections=tuple(s for s in order_of if resume.has(s)))


def _skill_matches(skill: Skill, keywords: Sequence[str]) -> bool:
    names = [skill.name.casefold(), *(k.casefold() for k in skill.keywords)]
    return any(k.casefold() in names for k in keywords)
