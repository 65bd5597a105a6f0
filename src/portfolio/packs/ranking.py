"""Which evidence argues best for a target, and why: a ranking a person can check.

Every point an item scores comes with the reason it was given, so the pack can show
the user why an item was chosen (or not) and what to change: link it to the goal,
add the skill, measure the result, or pin it in the target file. The weights are
deliberately simple and visible (`WEIGHTS`), and written into `selection.json`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from portfolio.content.config import Target
from portfolio.content.language import N_, Msg, verbatim
from portfolio.content.models import Evidence
from portfolio.content.portfolio import Portfolio
from portfolio.content.views import EvidenceView, Item, pack_item
from portfolio.content.words import mentions

GOAL_DIRECT = 40  # the evidence names the target's goal
GOAL_MILESTONE = 30  # a milestone of the target's goal names the evidence
KEYWORD_IN_SKILLS = 10  # per target keyword among the evidence's skills
KEYWORD_IN_TEXT = 5  # per target keyword in its title, summary, story, metrics, quotes
JOB_SKILL = 4  # per skill or skill keyword of the job description
JOB_SKILLS_CAP = 16
JOB_WORD = 1  # per significant word of the job's qualifications and responsibilities
JOB_WORDS_CAP = 6
IMPROVED_METRIC = 6  # per metric that moved the right way
MEASURED_METRIC = 2  # per other measured result
METRICS_CAP = 18
ENDORSEMENT = 5
ENDORSEMENTS_CAP = 10
RECENCY_MAX = 10  # this year's evidence; fades by 2.5 points a year
FEATURED = 5

WEIGHTS = {
    "goal (evidence names it)": GOAL_DIRECT,
    "goal (a milestone names the evidence)": GOAL_MILESTONE,
    "target keyword in skills": KEYWORD_IN_SKILLS,
    "target keyword in text": KEYWORD_IN_TEXT,
    "job skill or skill keyword (at most 16)": JOB_SKILL,
    "job qualification or responsibility word (at most 6)": JOB_WORD,
    "improved metric (metrics at most 18)": IMPROVED_METRIC,
    "other measured result": MEASURED_METRIC,
    "endorsement (at most 10)": ENDORSEMENT,
    "recency (at most, fading 2.5 a year)": RECENCY_MAX,
    "featured": FEATURED,
}

# Words of a job ad that say nothing about the work.
_STOP = frozenset(
    """a an and any are as at be by can for from has have in into is it its of on or our
    the to with we you your will who their this that these those able strong experience
    years year plus team teams work working role join looking ensure related field degree
    bachelor's master's understanding knowledge skills skill good great excellent own
    main across while more than other new using use used based level senior junior
    mid-level comfortable willingness requirement not""".split()  # noqa: SIM905
)

# A qualification about a degree or years served: its words ("science") are not skills.
_FORMAL = re.compile(r"\b(degree|bachelor|master|phd|diploma|years?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reason:
    points: int
    why: Msg  # said in the pack's language; str() is the English, for selection.json


@dataclass(frozen=True)
class Scored:
    evidence: Evidence
    reasons: tuple[Reason, ...]
    keywords: tuple[str, ...]  # target keywords this item backs
    job_skills: tuple[str, ...]  # job skills and skill keywords it backs
    pinned: bool = False

    @property
    def score(self) -> int:
        return sum(r.points for r in self.reasons)


@dataclass(frozen=True)
class JobTerms:
    """What a JSON Resume job description asks for."""

    skills: tuple[str, ...] = ()  # skill names and their keywords, as written
    words: tuple[str, ...] = ()  # significant words of qualifications and responsibilities


@dataclass(frozen=True)
class Selection:
    """The ranked evidence for one target, and how its keywords are covered."""

    target: Target
    ranked: tuple[Scored, ...]  # every item the target may use, best first
    chosen: tuple[Scored, ...]  # pinned items, then the best, up to `max_evidence`
    excluded: tuple[str, ...]  # ids the target excludes
    job: JobTerms

    @cached_property
    def chosen_ids(self) -> frozenset[str]:
        """The ids of the chosen items, for membership tests that must not be quadratic."""
        return frozenset(s.evidence.id for s in self.chosen)

    def backing(self, term: str, *, chosen: bool = True) -> tuple[str, ...]:
        """The ids (chosen, or ranked but not chosen) that back a keyword or job skill."""
        pool = (
            self.chosen
            if chosen
            else [s for s in self.ranked if s.evidence.id not in self.chosen_ids]
        )
        return tuple(s.evidence.id for s in pool if term in s.keywords or term in s.job_skills)

    @property
    def gaps(self) -> tuple[str, ...]:
        """Target keywords that no chosen evidence backs."""
        return tuple(k for k in self.target.keywords if not self.backing(k))


@dataclass(frozen=True)
class Chosen:
    """A chosen piece of evidence with its place in the ranking."""

    rank: int
    view: EvidenceView
    scored: Scored
    language: str = "en"

    @property
    def item(self) -> Item:
        return pack_item(self.view.ev, self.language)


def _text(ev: Evidence) -> str:
    parts = [ev.title, ev.summary, ev.body, ev.organization or "", ev.role or ""]
    parts += [m.name for m in ev.metrics] + [e.quote for e in ev.endorsements]
    return " ".join(parts).lower()


def job_terms(job: Mapping[str, Any] | None) -> JobTerms:
    """The skills (names and keywords) and significant words a job description asks for."""
    if not job:
        return JobTerms()
    skills: dict[str, None] = {}
    for skill in job.get("skills") or []:
        if isinstance(skill, dict):
            for term in [skill.get("name"), *(skill.get("keywords") or [])]:
                if isinstance(term, str) and term.strip():
                    skills.setdefault(term.strip(), None)
    words: dict[str, None] = {}
    lower_skills = {s.lower() for s in skills}
    for key in ("qualifications", "responsibilities"):
        for line in job.get(key) or []:
            if key == "qualifications" and _FORMAL.search(str(line)):
                continue  # "a degree in Computer Science" says nothing about the work
            for word in re.findall(r"[a-z][a-z0-9+#'-]*[a-z0-9+#]", str(line).lower()):
                if len(word) > 2 and word not in _STOP and word not in lower_skills:
                    words.setdefault(word, None)
    return JobTerms(tuple(skills), tuple(words))


def _terms(terms: list[str]) -> Msg:
    return verbatim(", ".join(terms))


def _score(p: Portfolio, ev: Evidence, target: Target, job: JobTerms) -> Scored:
    reasons: list[Reason] = []
    goal = p.goals.get(target.goal) if target.goal else None
    if goal is not None:
        if goal.id in ev.goals:
            reasons.append(Reason(GOAL_DIRECT, N_("advances the goal “{title}”", title=goal.title)))
        elif any(ev.id in m.evidence for m in goal.milestones):
            why = N_("proves a milestone of “{title}”", title=goal.title)
            reasons.append(Reason(GOAL_MILESTONE, why))
    skills = " | ".join(s.lower() for s in ev.skills)
    text = _text(ev)
    in_skills = [k for k in target.keywords if mentions(skills, k)]
    in_text = [k for k in target.keywords if k not in in_skills and mentions(text, k)]
    if in_skills:
        why = N_("skills match: {terms}", terms=_terms(in_skills))
        reasons.append(Reason(KEYWORD_IN_SKILLS * len(in_skills), why))
    if in_text:
        why = N_("mentions: {terms}", terms=_terms(in_text))
        reasons.append(Reason(KEYWORD_IN_TEXT * len(in_text), why))
    job_skills = [t for t in job.skills if mentions(skills, t) or mentions(text, t)]
    if job_skills:
        points = min(JOB_SKILLS_CAP, JOB_SKILL * len(job_skills))
        reasons.append(Reason(points, N_("job skills: {terms}", terms=_terms(job_skills))))
    job_words = [w for w in job.words if mentions(skills, w) or mentions(text, w)]
    if job_words:
        points = min(JOB_WORDS_CAP, JOB_WORD * len(job_words))
        why = N_("job ad words: {terms}", terms=_terms(job_words[:JOB_WORDS_CAP]))
        reasons.append(Reason(points, why))
    if ev.metrics:
        improved = sum(1 for m in ev.metrics if m.improved)
        measured = len(ev.metrics) - improved
        points = min(METRICS_CAP, IMPROVED_METRIC * improved + MEASURED_METRIC * measured)
        if improved:
            why = (
                N_("{n} measured improvement", n="1")
                if improved == 1
                else N_("{n} measured improvements", n=str(improved))
            )
        else:
            why = (
                N_("{n} measured result", n="1")
                if measured == 1
                else N_("{n} measured results", n=str(measured))
            )
        reasons.append(Reason(points, why))
    if ev.endorsements:
        n = len(ev.endorsements)
        why = N_("{n} endorsement", n="1") if n == 1 else N_("{n} endorsements", n=str(n))
        reasons.append(Reason(min(ENDORSEMENTS_CAP, ENDORSEMENT * n), why))
    when = ev.when
    if when is not None:
        years = max(0.0, (p.today - when.last_day).days / 365.25)
        points = round(max(0.0, RECENCY_MAX - 2.5 * years))
        if points:
            reasons.append(Reason(points, N_("recent ({date})", date=when.iso())))
    if ev.featured:
        reasons.append(Reason(FEATURED, N_("featured")))
    return Scored(
        ev, tuple(reasons), tuple(in_skills + in_text), tuple(job_skills), ev.id in target.pin
    )


def select(p: Portfolio, target: Target) -> Selection:
    """Rank the evidence `p` holds for `target` and choose up to `max_evidence` items.

    `p` is the pack's view of the portfolio (`pack_view`, in content/portfolio.py), so
    private evidence is only there when the target allows it. Pinned items are chosen first,
    whatever their score; excluded items are not ranked at all.
    """
    job = job_terms(p.jobs.get(target.id))
    scored = [
        _score(p, ev, target, job) for ev in p.evidence.values() if ev.id not in target.exclude
    ]
    ranked = tuple(sorted(scored, key=lambda s: (-s.score, s.evidence.id)))
    pinned = [s for s in ranked if s.pinned]
    rest = [s for s in ranked if not s.pinned]
    chosen = tuple(pinned + rest)[: max(target.max_evidence, len(pinned))]
    picked = {s.evidence.id for s in chosen}
    chosen = tuple(s for s in ranked if s.evidence.id in picked)  # back in rank order
    excluded = tuple(e for e in target.exclude if e in p.evidence)
    return Selection(target, ranked, chosen, excluded, job)
