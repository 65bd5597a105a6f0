"""The resume as data: sections in reading order, each line computed here.

One column and plain headings so that applicant tracking systems read it the way a
person does. The public resume shows the highlights the profile lists under each
position. A target's resume is tailored: its chosen evidence, best first, placed
under the position it belongs to (listed there, or same organisation and dates), the
skills the target asks for first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from portfolio.content.dates import PartialDate
from portfolio.content.kinds import CERTIFICATE_KINDS, RECOGNITION_KINDS, WORK_KINDS
from portfolio.content.language import Msg, format_range
from portfolio.content.models import Evidence, Link
from portfolio.content.portfolio import Portfolio
from portfolio.content.profile import Education, Language, Position, Skill
from portfolio.content.views import EvidenceView, evidence_view, sort_evidence


@dataclass(frozen=True)
class Job:
    position: Position
    dates: Msg  # `Mar 2022 – present`, in the resume's language
    highlights: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class School:
    education: Education
    dates: Msg


@dataclass(frozen=True)
class Resume:
    name: str
    headline: str | None
    contact: tuple[str, ...]  # email, phone, location: whatever is public
    email: str | None
    links: tuple[Link, ...]
    summary: str
    jobs: tuple[Job, ...]
    projects: tuple[EvidenceView, ...]  # tailored: chosen work that fits no position
    credentials: tuple[EvidenceView, ...]
    recognition: tuple[EvidenceView, ...]
    skills: tuple[Skill, ...]
    education: tuple[School, ...]
    languages: tuple[Language, ...]


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


def build_resume(
    p: Portfolio, chosen: Sequence[str] | None = None, keywords: Sequence[str] = ()
) -> Resume:
    """The resume from `p`.

    Without `chosen`: the public resume, highlights as the profile lists them. With
    `chosen` (evidence ids, best first): a tailored resume of that evidence only, each
    work item under its position, the rest under projects; skills that match
    `keywords` come first.
    """
    profile = p.profile
    language = p.config.language
    allowed = list(p.evidence) if chosen is None else [e for e in chosen if e in p.evidence]
    placed: dict[int, list[str]] = {}
    projects: list[str] = []
    if chosen is None:
        for i, job in enumerate(profile.experience):
            placed[i] = [h for h in job.highlights if h in p.evidence]
    else:
        for e in allowed:
            ev = p.evidence[e]
            where = p.evidence_position.get(e)
            if where is None and ev.kind in WORK_KINDS:
                where = next(
                    (i for i, job in enumerate(profile.experience) if _belongs(ev, job)), None
                )
            if where is not None:
                placed.setdefault(where, []).append(e)
            elif ev.kind in WORK_KINDS:
                projects.append(e)
    order = sorted(range(len(profile.experience)), key=lambda i: _recency(profile.experience[i]))
    jobs = tuple(
        Job(
            profile.experience[i],
            format_range(profile.experience[i].start, profile.experience[i].end, language),
            tuple(evidence_view(p, p.evidence[h]) for h in placed.get(i, ())),
        )
        for i in reversed(order)
    )
    by_kind = [p.evidence[e] for e in sort_evidence(p, allowed)]
    contact = tuple(c for c in (profile.phone, profile.location) if c)
    skills = profile.skills
    if keywords:
        skills = tuple(sorted(skills, key=lambda s: not _skill_matches(s, keywords)))
    return Resume(
        name=profile.name,
        headline=profile.headline,
        contact=contact,
        email=profile.email,
        links=profile.links,
        summary=profile.summary,
        jobs=jobs,
        projects=tuple(evidence_view(p, p.evidence[e]) for e in projects),
        credentials=tuple(evidence_view(p, e) for e in by_kind if e.kind in CERTIFICATE_KINDS),
        recognition=tuple(evidence_view(p, e) for e in by_kind if e.kind in RECOGNITION_KINDS),
        skills=skills,
        education=tuple(
            School(e, format_range(e.start, e.end, language)) for e in profile.education
        ),
        languages=profile.languages,
    )


def _skill_matches(skill: Skill, keywords: Sequence[str]) -> bool:
    names = [skill.name.casefold(), *(k.casefold() for k in skill.keywords)]
    return any(k.casefold() in names for k in keywords)
