"""The resume as data: sections in reading order, each line computed here.

One column and plain headings so that applicant tracking systems read it the way a
person does. The public resume uses public evidence; a target's resume (later) hands
in its own ranked selection.
"""

from __future__ import annotations

from dataclasses import dataclass

from portfolio.catalog import Portfolio
from portfolio.dates import PartialDate
from portfolio.models import Education, Language, Link, Position, Skill
from portfolio.views import EvidenceView, evidence_view, format_range, sort_evidence

CREDENTIAL_KINDS = ("certification", "course")
RECOGNITION_KINDS = ("award", "talk", "publication")


@dataclass(frozen=True)
class Job:
    position: Position
    dates: str
    highlights: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class School:
    education: Education
    dates: str


@dataclass(frozen=True)
class Resume:
    name: str
    headline: str | None
    contact: tuple[str, ...]  # email, phone, location: whatever is public
    email: str | None
    links: tuple[Link, ...]
    summary: str
    jobs: tuple[Job, ...]
    credentials: tuple[EvidenceView, ...]
    recognition: tuple[EvidenceView, ...]
    skills: tuple[Skill, ...]
    education: tuple[School, ...]
    languages: tuple[Language, ...]


def _recency(job: Position) -> tuple[bool, PartialDate, PartialDate]:
    """Current positions first, then by end, then by start date."""
    never = PartialDate(1)
    return (job.end is None, job.end or job.start or never, job.start or never)


def build_resume(p: Portfolio, chosen: list[str] | None = None) -> Resume:
    """The resume from `p`, with highlights limited to `chosen` evidence ids if given."""
    allowed = set(p.evidence) if chosen is None else set(chosen)
    profile = p.profile
    jobs = []
    for job in sorted(profile.experience, key=_recency, reverse=True):
        ids = [h for h in job.highlights if h in allowed]
        jobs.append(
            Job(
                job,
                format_range(job.start, job.end),
                tuple(evidence_view(p, p.evidence[h]) for h in ids),
            )
        )
    ordered = sort_evidence(p, [e for e in p.evidence if e in allowed])
    by_kind = [p.evidence[e] for e in ordered]
    contact = tuple(c for c in (profile.phone, profile.location) if c)
    return Resume(
        name=profile.name,
        headline=profile.headline,
        contact=contact,
        email=profile.email,
        links=profile.links,
        summary=profile.summary,
        jobs=tuple(jobs),
        credentials=tuple(evidence_view(p, e) for e in by_kind if e.kind in CREDENTIAL_KINDS),
        recognition=tuple(evidence_view(p, e) for e in by_kind if e.kind in RECOGNITION_KINDS),
        skills=profile.skills,
        education=tuple(School(e, format_range(e.start, e.end)) for e in profile.education),
        languages=profile.languages,
    )
