"""A target's pack as data: what each of its documents argues, computed once.

The pack is built from the target's view of the portfolio (`catalog.pack_view`), so
nothing it may not use is even in reach. Templates lay these objects out; every
choice (which evidence, which endorsements, which milestones) is made here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from portfolio.content.portfolio import Portfolio, pack_view
from portfolio.content.language import N_, NOTHING, Msg, format_date, verbatim
from portfolio.content.config import Target
from portfolio.content.kinds import WORK_KINDS
from portfolio.content.models import Evidence, Metric, Requirement
from portfolio.content.resume import Resume, build_resume
from portfolio.packs.ranking import Scored, Selection, select
from portfolio.content.views import (
    evidence_meta,
    evidence_view,
    EvidenceView,
    goal_view,
    GoalView,
    IndicatorView,
    Item,
    MetricView,
    MilestoneView,
    pack_item,
    sort_evidence,
)

RESULTS = 3  # measured results in a pitch
METRICS_PER_RESULT = 2
WORK_MODES = {"onsite": N_("onsite"), "hybrid": N_("hybrid"), "remote": N_("remote")}


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


@dataclass(frozen=True)
class Coverage:
    """A keyword or a job skill, and the evidence that backs it."""

    term: str
    chosen: tuple[Item, ...]  # chosen evidence that backs it
    unchosen: tuple[Item, ...]  # evidence that backs it but was not chosen

    @property
    def backed(self) -> bool:
        return bool(self.chosen)


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


@dataclass(frozen=True)
class Pack:
    target: Target
    p: Portfolio  # the pack's view: what this target may use
    goal: GoalView | None
    selection: Selection
    chosen: tuple[Chosen, ...]
    resume: Resume
    case: PromotionCase | None
    pitch: Pitch | None
    keywords: tuple[Coverage, ...]
    job_skills: tuple[Coverage, ...]
    outputs: tuple[str, ...]  # what is made, in the order the pack presents it
    paper: str
    language: str

    @property
    def job(self) -> Mapping[str, Any] | None:
        return self.p.jobs.get(self.target.id)

    @property
    def as_of(self) -> str:
        return format_date(self.p.today, self.language)


def outputs_for(target: Target, p: Portfolio) -> tuple[str, ...]:
    """What the pack makes. Named outputs are made as named (the catalog has checked
    they fit the goal); the default set leaves out what the goal cannot support."""
    goal = p.goals.get(target.goal) if target.goal else None
    wanted = list(target.outputs)
    if not target.explicit_outputs:
        if goal is None or goal.framework != "evidence-ladder":
            wanted = [o for o in wanted if o != "promotion-case"]
        if goal is None:
            wanted = [o for o in wanted if o != "pitch"]
    order = ("resume", "promotion-case", "pitch", "evidence-pack")
    return tuple(o for o in order if o in wanted)


def build_pack(full: Portfolio, target: Target) -> Pack:
    """Everything one target's pack shows, from the whole portfolio."""
    p = pack_view(full, target)
    selection = select(p, target)
    chosen = tuple(
        Chosen(i + 1, evidence_view(p, s.evidence), s, p.config.language)
        for i, s in enumerate(selection.chosen)
    )
    goal = p.goals.get(target.goal) if target.goal else None
    gview = goal_view(p, goal) if goal else None
    outputs = outputs_for(target, full)
    resume = build_resume(p, [c.view.ev.id for c in chosen], target.keywords)
    case = _promotion_case(p, gview, chosen) if gview and "promotion-case" in outputs else None
    pitch = _pitch(p, target, gview, chosen) if gview and "pitch" in outputs else None
    terms = [*target.keywords]
    job_skills = list(selection.job.skills)
    return Pack(
        target=target,
        p=p,
        goal=gview,
        selection=selection,
        chosen=chosen,
        resume=resume,
        case=case,
        pitch=pitch,
        keywords=tuple(_coverage(p, selection, t) for t in terms),
        job_skills=tuple(_coverage(p, selection, t) for t in job_skills),
        outputs=outputs,
        paper=target.paper or full.config.paper,
        language=p.config.language,  # the target's, if it names one (pack_view)
    )


def _coverage(p: Portfolio, selection: Selection, term: str) -> Coverage:
    language = p.config.language
    return Coverage(
        term,
        tuple(pack_item(p.evidence[e], language) for e in selection.backing(term)),
        tuple(pack_item(p.evidence[e], language) for e in selection.backing(term, chosen=False)),
    )


def _linked(p: Portfolio, goal_id: str) -> set[str]:
    return set(p.goal_evidence.get(goal_id, ()))


def _promotion_case(p: Portfolio, g: GoalView, chosen: tuple[Chosen, ...]) -> PromotionCase:
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


def _pitch(p: Portfolio, target: Target, g: GoalView, chosen: tuple[Chosen, ...]) -> Pitch:
    goal = g.goal
    results = []
    for c in chosen:
        ranked = sorted((m for m in c.view.ev.metrics if _gain(m) > 0), key=lambda m: -_gain(m))
        if ranked:
            results.append(
                Result(
                    c.item,
                    c.view.ev.summary,
                    tuple(MetricView.of(m, p.config.language) for m in ranked[:METRICS_PER_RESULT]),
                )
            )
    open_ones = [(m, v) for m, v in zip(goal.milestones, g.milestones, strict=True) if not m.done]
    open_ones.sort(key=lambda mv: mv[0].due.first_day if mv[0].due else dt.date.max)
    plan = tuple(v for _, v in open_ones)
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
    return Pitch(
        g, tuple(results[:RESULTS]), plan, tuple(role_fit), transferable, to_learn, mobility
    )


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
