"""What a pack argues, as data: the promotion case (the Evidence Ladder) and the pitch.

Both are made from the chosen evidence (packs/ranking.py) and the target's goal: the
case lays out baseline, stretch work and its measured results, endorsements and the
narrative; the pitch the results, the plan, the fit with the job's responsibilities
and, for a pivot or a move, what carries over and what the move involves.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from portfolio.content.config import Target
from portfolio.content.kinds import WORK_KINDS
from portfolio.content.language import N_, Msg, format_date, verbatim
from portfolio.content.models import Metric, Requirement
from portfolio.content.portfolio import Portfolio
from portfolio.content.views import (
    EvidenceView,
    GoalView,
    IndicatorView,
    Item,
    MetricView,
    MilestoneView,
    evidence_view,
    pack_item,
    sort_evidence,
)
from portfolio.packs.ranking import Chosen

RESULTS = 3  # measured results in a pitch
METRICS_PER_RESULT = 2
WORK_MODES = {"onsite": N_("onsite"), "hybrid": N_("hybrid"), "remote": N_("remote")}


@dataclass(frozen=True)
class RequirementView:
    kind: str  # skill | credential
    name: str
    evidence: tuple[Item, ...]


@dataclass(frozen=True)
class EndorsementView:
    by: str
    role: str
    date: str
    quote: str
    item: Item


@dataclass(frozen=True)
class PromotionCase:
    goal: GoalView
    baseline: str  # Markdown: the goal's baseline
    baseline_evidence: tuple[EvidenceView, ...]  # dated before the goal started
    stretch: tuple[EvidenceView, ...]  # measured work since the goal started
    endorsements: tuple[EndorsementView, ...]
    narrative: str  # Markdown: the goal's body
    indicators: tuple[IndicatorView, ...]
    requirements: tuple[RequirementView, ...]


@dataclass(frozen=True)
class Result:
    item: Item
    summary: str
    metrics: tuple[MetricView, ...]


@dataclass(frozen=True)
class RoleFit:
    """A responsibility of the job description, and the evidence of having done it."""

    responsibility: str
    evidence: tuple[Item, ...]


@dataclass(frozen=True)
class MobilityFacts:
    facts: tuple[tuple[Msg, Msg], ...]  # (label, value)
    plan: str  # Markdown: the goal's `mobility`


@dataclass(frozen=True)
class Pitch:
    goal: GoalView
    results: tuple[Result, ...]
    plan: tuple[MilestoneView, ...]  # open milestones, soonest first
    role_fit: tuple[RoleFit, ...]
    transferable: tuple[RequirementView, ...]  # pivot-bridge: skills that carry over
    to_learn: tuple[RequirementView, ...]  # pivot-bridge: what the bridge still needs
    mobility: MobilityFacts | None  # mobility-playbook


def _linked(p: Portfolio, goal_id: str) -> set[str]:
    return set(p.goal_evidence.get(goal_id, ()))


def build_case(p: Portfolio, g: GoalView, chosen: tuple[Chosen, ...]) -> PromotionCase:
    """The Evidence Ladder for goal `g`: evidence from before the goal started as the
    baseline, the chosen measured work since as the stretch, then what others said."""
    goal = g.goal
    linked = _linked(p, goal.id)
    chosen_ids = [c.view.ev.id for c in chosen]
    started = goal.started.first_day if goal.started else None

    def before_start(e: str) -> bool:
        when = p.evidence[e].when
        return started is not None and when is not None and when.last_day < started

    baseline = [e for e in sort_evidence(p, list(linked | set(chosen_ids))) if before_start(e)]
    stretch = [
        c.view
        for c in chosen
        if c.view.ev.id in linked
        and not before_start(c.view.ev.id)
        and c.view.ev.kind in WORK_KINDS
        and c.view.ev.metrics
    ]
    quotes = [(q, c.item) for c in chosen for q in c.view.ev.endorsements]
    quotes.sort(key=lambda qi: (-qi[0].date.first_day.toordinal() if qi[0].date else 1, qi[0].by))
    endorsements = [
        EndorsementView(q.by, q.role or "", format_date(q.date, p.config.language), q.quote, item)
        for q, item in quotes
    ]
    return PromotionCase(
        goal=g,
        baseline=goal.baseline or "",
        baseline_evidence=tuple(evidence_view(p, p.evidence[e]) for e in baseline),
        stretch=tuple(stretch),
        endorsements=tuple(endorsements),
        narrative=goal.body,
        indicators=g.indicators,
        requirements=_requirements(p, goal.requires, chosen_ids),
    )


def _requirements(
    p: Portfolio, requires: tuple[Requirement, ...], prefer: list[str]
) -> tuple[RequirementView, ...]:
    """Each requirement with the evidence that covers it: chosen items first."""
    order = prefer + [e for e in sort_evidence(p, list(p.evidence)) if e not in prefer]
    return tuple(
        RequirementView(
            "skill" if r.skill else "credential",
            r.label,
            tuple(
                pack_item(p.evidence[e], p.config.language)
                for e in order
                if r.backed_by(p.evidence[e])
            ),
        )
        for r in requires
    )


def _gain(m: Metric) -> float:
    """How far a metric moved the right way, relative to where it started."""
    if m.before is None or not m.improved:
        return 0.0
    return abs(m.after - m.before) / abs(m.before) if m.before else 1.0


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z0-9+#-]*[a-z0-9+#]", text.lower()) if len(w) > 3}


def build_pitch(p: Portfolio, target: Target, g: GoalView, chosen: tuple[Chosen, ...]) -> Pitch:
    """The two-part answer to "what are your career goals?": the chosen evidence's best
    measured results, and the goal's open milestones as the plan."""
    goal = g.goal
    results = measured_results(p, chosen)
    plan = open_milestones(g)
    role_fit = fit_to_role(p, target, chosen)
    transferable: tuple[RequirementView, ...] = ()
    to_learn: tuple[RequirementView, ...] = ()
    if goal.framework == "pivot-bridge":
        asked = list(goal.requires) + [
            Requirement(skill=k)
            for k in target.keywords
            if not any(r.label.casefold() == k.casefold() for r in goal.requires)
        ]
        views = _requirements(p, tuple(asked), [c.view.ev.id for c in chosen])
        transferable = tuple(v for v in views if v.evidence)
        to_learn = tuple(v for v in views if not v.evidence)
    mobility = None
    if goal.framework == "mobility-playbook":
        mobility = _mobility(p, target, goal.mobility or "")
    return Pitch(g, results, plan, role_fit, transferable, to_learn, mobility)


def measured_results(p: Portfolio, chosen: tuple[Chosen, ...]) -> tuple[Result, ...]:
    """The evidence part of the pitch and of the cover letter: the first chosen items
    (in the ranking's order) with a metric that moved the right way, each with its
    metrics that moved furthest. Never a result the content does not hold."""
    results = []
    for c in chosen:
        ranked = sorted((m for m in c.view.ev.metrics if _gain(m) > 0), key=lambda m: -_gain(m))
        if ranked:
            metrics = ranked[:METRICS_PER_RESULT]
            views = tuple(MetricView.of(m, p.config.language) for m in metrics)
            results.append(Result(c.item, c.view.ev.summary, views))
    return tuple(results[:RESULTS])


def open_milestones(g: GoalView) -> tuple[MilestoneView, ...]:
    """The plan part: the goal's milestones not done yet, soonest first (undated last)."""
    goal = g.goal
    open_ones = [(m, v) for m, v in zip(goal.milestones, g.milestones, strict=True) if not m.done]
    open_ones.sort(key=lambda mv: mv[0].due.first_day if mv[0].due else dt.date.max)
    return tuple(v for _, v in open_ones)


def fit_to_role(p: Portfolio, target: Target, chosen: tuple[Chosen, ...]) -> tuple[RoleFit, ...]:
    """Each responsibility of the job description, with the (at most two) chosen items
    that share at least two significant words with it, best match first."""
    job = p.jobs.get(target.id) or {}
    role_fit = []
    for line in job.get("responsibilities") or []:
        wanted = _words(str(line))
        matches = [
            (len(wanted & _words(c.view.ev.title + " " + c.view.ev.summary + " "
                                 + " ".join(c.view.ev.skills))), c)
            for c in chosen
        ]  # fmt: skip
        best = [c.item for n, c in sorted(matches, key=lambda x: (-x[0], x[1].rank)) if n >= 2]
        role_fit.append(RoleFit(str(line), tuple(best[:2])))
    return tuple(role_fit)


def _mobility(p: Portfolio, target: Target, plan: str) -> MobilityFacts:
    facts: list[tuple[Msg, Msg]] = []
    if target.location:
        facts.append((N_("This role"), verbatim(target.location)))
    m = p.profile.mobility
    if m is not None:
        facts.append((N_("Open to relocation"), N_("yes") if m.open_to_relocation else N_("no")))
        if m.regions:
            facts.append((N_("Regions"), verbatim(", ".join(m.regions))))
        if m.work_authorization:
            facts.append((N_("Authorised to work in"), verbatim(", ".join(m.work_authorization))))
        if m.remote:
            facts.append((N_("Works"), WORK_MODES[m.remote]))
    if p.profile.location:
        facts.append((N_("Based in"), verbatim(p.profile.location)))
    if p.profile.languages:
        facts.append((
            N_("Languages"),
            verbatim(", ".join(f"{lang.name} ({lang.level})" if lang.level else lang.name
                               for lang in p.profile.languages)),
        ))  # fmt: skip
    return MobilityFacts(tuple(facts), plan)
