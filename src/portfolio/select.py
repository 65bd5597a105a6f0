"""Which evidence argues best for a target, and why: a ranking a person can check.

Every point an item scores comes with the reason it was given, so the pack can show
the user why an item was chosen (or not) and what to change: link it to the goal,
add the skill, measure the result. The weights are deliberately simple and visible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from portfolio.catalog import Portfolio
from portfolio.models import Evidence, Target

GOAL_DIRECT = 40  # the evidence names the target's goal
GOAL_MILESTONE = 30  # a milestone of the target's goal names the evidence
KEYWORD_IN_SKILLS = 10
KEYWORD_IN_TEXT = 5
JOB_TERM = 3  # a skill or keyword of the job description
JOB_TERMS_CAP = 15
IMPROVED_METRIC = 6
MEASURED_METRIC = 2
METRICS_CAP = 18
ENDORSEMENT = 5
ENDORSEMENTS_CAP = 10
RECENCY_MAX = 10  # fades by 2.5 points a year
FEATURED = 5

_STOP = set(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on", "or", "our", "the", "to", "with", "we", "you", "your", "will", "who", "their", "this", "that", "able", "strong", "experience", "years", "plus", "team", "teams", "work"]
)


@dataclass(frozen=True)
class Reason:
    points: int
    why: str


@dataclass(frozen=True)
class Scored:
    evidence: Evidence
    reasons: tuple[Reason, ...]
    keywords: tuple[str, ...]  # target keywords this item backs

    @property
    def score(self) -> int:
        return sum(r.points for r in self.reasons)


@dataclass(frozen=True)
class Selection:
    """The ranked evidence for one target, and how its keywords are covered."""

    target: Target
    ranked: tuple[Scored, ...]  # every eligible item, best first
    chosen: tuple[Scored, ...]  # the top `max_evidence`
    coverage: dict[str, tuple[str, ...]] = field(default_factory=dict)  # keyword -> ids
    job_terms: tuple[str, ...] = ()

    @property
    def gaps(self) -> tuple[str, ...]:
        return tuple(k for k, ids in self.coverage.items() if not ids)


def _text(ev: Evidence) -> str:
    parts = [ev.title, ev.summary, ev.body, ev.organization or "", ev.role or ""]
    parts += [m.name for m in ev.metrics] + [e.quote for e in ev.endorsements]
    return " ".join(parts).lower()


def _mentions(haystack: str, term: str) -> bool:
    """True if `term` occurs as whole words (case-insensitive) in lowercase `haystack`."""
    return re.search(rf"(?<![\w-]){re.escape(term.lower())}(?![\w-])", haystack) is not None


def job_terms(job: dict[str, Any] | None) -> tuple[str, ...]:
    """The terms a JSON Resume job description asks for: skill names and keywords,
    and the significant words of its qualifications and responsibilities."""
    if not job:
        return ()
    terms: list[str] = []
    for skill in job.get("skills") or []:
        if isinstance(skill, dict):
            terms += [str(skill.get("name", ""))] + [str(k) for k in skill.get("keywords") or []]
    for line in (job.get("qualifications") or []) + (job.get("responsibilities") or []):
        terms += [w for w in re.findall(r"[a-z][a-z0-9+#.-]{2,}", str(line).lower())
                  if w not in _STOP]
    seen: dict[str, None] = {}
    for term in terms:
        if term.strip():
            seen.setdefault(term.strip().lower().rstrip("."), None)
    return tuple(seen)


def _score(p: Portfolio, ev: Evidence, target: Target, terms: tuple[str, ...]) -> Scored:
    reasons: list[Reason] = []
    goal = p.goals.get(target.goal) if target.goal else None
    if goal is not None:
        if goal.id in ev.goals:
            reasons.append(Reason(GOAL_DIRECT, f"advances the goal “{goal.title}”"))
        elif any(ev.id in m.evidence for m in goal.milestones):
            reasons.append(Reason(GOAL_MILESTONE, f"proves a milestone of “{goal.title}”"))
    skills = " | ".join(s.lower() for s in ev.skills)
    text = _text(ev)
    in_skills = [k for k in target.keywords if _mentions(skills, k)]
    in_text = [k for k in target.keywords if k not in in_skills and _mentions(text, k)]
    if in_skills:
        reasons.append(Reason(KEYWORD_IN_SKILLS * len(in_skills),
                              "skills match keywords: " + ", ".join(in_skills)))
    if in_text:
        reasons.append(Reason(KEYWORD_IN_TEXT * len(in_text),
                              "mentions keywords: " + ", ".join(in_text)))
    matched = [t for t in terms if _mentions(skills, t) or _mentions(text, t)]
    if matched:
        points = min(JOB_TERMS_CAP, JOB_TERM * len(matched))
        reasons.append(Reason(points, "matches the job description: " + ", ".join(matched[:8])))
    improved = sum(1 for m in ev.metrics if m.before is not None and m.before != m.after
                   and (m.after > m.before) == (m.better == "higher"))
    measured = len(ev.metrics) - improved
    if ev.metrics:
        points = min(METRICS_CAP, IMPROVED_METRIC * improved + MEASURED_METRIC * measured)
        reasons.append(Reason(points, f"{improved} measured improvement"
                              f"{'s' if improved != 1 else ''}" if improved
                              else f"{len(ev.metrics)} measured result(s)"))
    if ev.endorsements:
        n = len(ev.endorsements)
        reasons.append(Reason(min(ENDORSEMENTS_CAP, ENDORSEMENT * n),
                              f"{n} endorsement{'s' if n != 1 else ''}"))
    when = ev.when
    if when is not None:
        years = max(0.0, (p.today - when.last_day).days / 365.25)
        points = round(max(0.0, RECENCY_MAX - 2.5 * years))
        if points:
            reasons.append(Reason(points, f"recent ({when.iso()})"))
    if ev.featured:
        reasons.append(Reason(FEATURED, "featured"))
    keywords = tuple(in_skills + in_text)
    return Scored(ev, tuple(reasons), keywords)


def select(p: Portfolio, target: Target, job: dict[str, Any] | None = None) -> Selection:
    """Rank the evidence this target may use and keep the best `max_evidence`."""
    terms = job_terms(job)
    eligible = [ev for ev in p.evidence.values() if ev.public or target.include_private]
    scored = [_score(p, ev, target, terms) for ev in eligible]
    ranked = tuple(sorted(scored, key=lambda s: (-s.score, s.evidence.id)))
    chosen = ranked[: target.max_evidence]
    coverage = {k: tuple(s.evidence.id for s in chosen if k in s.keywords)
                for k in target.keywords}
    return Selection(target, ranked, chosen, coverage, terms)
