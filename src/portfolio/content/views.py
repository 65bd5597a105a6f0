"""What the templates show, computed once in Python: progress, deltas, labels.

Templates hold no logic beyond loops and conditionals; every number a page shows
(how far a goal has come, by how much a metric improved) is named and computed here.

Words and formats in the page's language come from `content/language.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from babel.numbers import format_decimal

from portfolio.content.dates import PartialDate
from portfolio.content.language import (
    BETTER,
    CATEGORIES,
    FRAMEWORKS,
    GOAL_KINDS,
    HORIZONS,
    INDICATOR_TYPES,
    KIND_LABELS,
    N_,
    NOTHING,
    STATUS_WORDS,
    STATUSES,
    Msg,
    babel_locale,
    format_date,
    format_number,
    format_percent,
    format_range,
    verbatim,
    with_unit,
)
from portfolio.content.models import Evidence, Goal, Indicator, Metric, Milestone
from portfolio.content.portfolio import Portfolio


@dataclass(frozen=True)
class MetricView:
    """A before/after measurement and whether it moved the right way."""

    name: str
    before: str
    after: str
    better: str  # higher | lower
    improved: bool | None  # None: no before value, or no change
    change: Msg  # "−71%", "+3 pts" or "no change"; empty without a before value

    @property
    def better_label(self) -> Msg:
        return BETTER[self.better]

    @classmethod
    def of(cls, m: Metric, language: str = "en") -> MetricView:
        change = NOTHING
        if m.before is not None and m.after == m.before:
            change = N_("no change")
        elif m.before is not None:
            delta = m.after - m.before
            if m.before and m.unit != "%":
                ratio = delta / abs(m.before)
                sign = "−" if ratio < 0 else "+"
                change = verbatim(sign + format_percent(abs(ratio), language))
            else:
                sign = "+" if delta > 0 else "−"
                number = f"{sign}{format_number(abs(delta), language)}"
                if m.unit == "%":
                    change = N_("{delta} pts", delta=number)
                else:
                    change = verbatim(f"{number} {m.unit}" if m.unit else number)
        return cls(
            m.name,
            with_unit(m.before, m.unit, language),
            with_unit(m.after, m.unit, language),
            m.better,
            m.improved,
            change,
        )


@dataclass(frozen=True)
class Ref:
    """A link to another page: enough to name it and point at it."""

    title: str
    path: str  # site path, e.g. "goals/lead-team/"
    meta: Msg = NOTHING  # a short description: "Project · Jun 2025"


@dataclass(frozen=True)
class IndicatorView:
    name: str
    type: str
    baseline: str
    target: str
    latest: str
    latest_date: str
    better: str
    progress: float | None  # 0..1 of the way from baseline to target
    values: tuple[tuple[str, str], ...]
    indicator: Indicator  # the raw numbers, for the chart
    key: str  # unique on its page: ids of the chart's title and description
    start: dt.date | None = None  # the goal's start and due dates frame the chart
    due: dt.date | None = None
    today: dt.date | None = None
    language: str = "en"  # of the chart's numbers and dates
    # The start and due dates as the goal gives them (`Jan 2024`, `2031`): the chart's
    # axis says them at their own precision, never a day the goal did not name.
    start_label: str = ""
    due_label: str = ""

    @property
    def type_label(self) -> Msg:
        return INDICATOR_TYPES[self.type]

    @property
    def better_label(self) -> Msg:
        return BETTER[self.better]

    @classmethod
    def of(
        cls,
        ind: Indicator,
        key: str,
        start: dt.date | None = None,
        due: dt.date | None = None,
        today: dt.date | None = None,
        language: str = "en",
        labels: tuple[str, str] = ("", ""),
    ) -> IndicatorView:
        ordered = sorted(ind.values.items())
        latest = ordered[-1] if ordered else None
        progress = None
        origin = ind.baseline if ind.baseline is not None else (ordered[0][1] if ordered else None)
        if latest and ind.target is not None and origin is not None and ind.target != origin:
            progress = max(0.0, min(1.0, (latest[1] - origin) / (ind.target - origin)))
        return cls(
            ind.name,
            ind.type,
            with_unit(ind.baseline, ind.unit, language),
            with_unit(ind.target, ind.unit, language),
            with_unit(latest[1], ind.unit, language) if latest else "",
            format_date(latest[0], language) if latest else "",
            ind.better,
            progress,
            tuple((format_date(d, language), with_unit(v, ind.unit, language)) for d, v in ordered),
            ind,
            key,
            start,
            due,
            today,
            language,
            *labels,
        )


@dataclass(frozen=True)
class MilestoneView:
    title: str
    due: str
    done: str
    overdue: bool
    evidence: tuple[Ref, ...]


def _milestone(
    m: Milestone, today: dt.date, evidence: Mapping[str, Evidence], language: str
) -> MilestoneView:
    overdue = m.done is None and m.due is not None and m.due.last_day < today
    refs = tuple(Ref(evidence[e].title, f"evidence/{e}/") for e in m.evidence if e in evidence)
    due, done = format_date(m.due, language), format_date(m.done, language)
    return MilestoneView(m.title, due, done, overdue, refs)


@dataclass(frozen=True)
class GoalView:
    goal: Goal
    path: str
    serves: Ref | None
    serving: tuple[Ref, ...]  # for an aspiration: the goals that serve it
    evidence: tuple[Ref, ...]
    milestones: tuple[MilestoneView, ...]
    milestones_done: int
    time_progress: float | None  # share of the time from started to due that has passed
    indicators: tuple[IndicatorView, ...]
    started: str
    due: str
    reviewed: str

    @property
    def overdue(self) -> int:
        """How many milestones are past due and not done."""
        return sum(1 for m in self.milestones if m.overdue)

    @property
    def milestone_progress(self) -> float | None:
        return self.milestones_done / len(self.milestones) if self.milestones else None

    @property
    def kind_label(self) -> Msg:
        return GOAL_KINDS[self.goal.kind]

    @property
    def category_label(self) -> Msg | None:
        return CATEGORIES[self.goal.category] if self.goal.category else None

    @property
    def horizon_label(self) -> Msg | None:
        return HORIZONS[self.goal.horizon] if self.goal.horizon else None

    @property
    def status_label(self) -> Msg:
        return STATUSES[self.goal.status]

    @property
    def status_word(self) -> Msg:
        return STATUS_WORDS[self.goal.status]

    @property
    def framework_label(self) -> Msg | None:
        return FRAMEWORKS[self.goal.framework] if self.goal.framework else None


def evidence_meta(ev: Evidence, language: str = "en") -> Msg:
    """`Project · Jun 2025`: what a piece of evidence is, and when."""
    when = format_date(ev.when, language)
    kind = KIND_LABELS[ev.kind]
    return verbatim("{kind} · {when}", kind=kind, when=when) if when else kind


def goal_view(p: Portfolio, goal: Goal) -> GoalView:
    language = p.config.language
    time_progress = None
    if goal.started and goal.due and goal.due.last_day > goal.started.first_day:
        span = (goal.due.last_day - goal.started.first_day).days
        passed = (p.today - goal.started.first_day).days
        time_progress = max(0.0, min(1.0, passed / span))
    serves = p.goals.get(goal.serves) if goal.serves else None
    milestones = tuple(_milestone(m, p.today, p.evidence, language) for m in goal.milestones)
    return GoalView(
        goal=goal,
        path=f"goals/{goal.id}/",
        serves=Ref(serves.title, f"goals/{serves.id}/") if serves else None,
        serving=tuple(
            Ref(p.goals[g].title, f"goals/{g}/") for g in p.goals_serving.get(goal.id, ())
        ),
        evidence=tuple(
            Ref(p.evidence[e].title, f"evidence/{e}/", evidence_meta(p.evidence[e], language))
            for e in sort_evidence(p, p.goal_evidence.get(goal.id, ()))
        ),
        milestones=milestones,
        milestones_done=sum(1 for m in goal.milestones if m.done),
        time_progress=time_progress,
        indicators=tuple(
            IndicatorView.of(
                ind,
                f"{goal.id}-{n}",
                goal.started.first_day if goal.started else None,
                goal.due.last_day if goal.due else None,
                p.today,
                language,
                (format_date(goal.started, language), format_date(goal.due, language)),
            )
            for n, ind in enumerate(goal.indicators)
        ),
        started=format_date(goal.started, language),
        due=format_date(goal.due, language),
        reviewed=format_date(goal.reviewed, language),
    )


@dataclass(frozen=True)
class Attachment:
    name: str
    path: str  # site path of the copy
    source: str  # relative to content/evidence/
    size: str


@dataclass(frozen=True)
class EvidenceView:
    ev: Evidence
    path: str
    kind: Msg
    when: Msg
    goals: tuple[Ref, ...]
    metrics: tuple[MetricView, ...]
    attachments: tuple[Attachment, ...]


def _size(n: int, language: str) -> str:
    if n >= 1_000_000:
        megabytes = format_decimal(round(n / 1_000_000, 1), "0.0", locale=babel_locale(language))
        return f"{megabytes} MB"
    return f"{max(1, round(n / 1000))} KB"


def evidence_view(p: Portfolio, ev: Evidence) -> EvidenceView:
    language = p.config.language
    folder = p.root / "content" / "evidence"
    attachments = tuple(
        Attachment(
            name=rel.rsplit("/", 1)[-1],
            path=f"evidence/{ev.id}/files/{rel.rsplit('/', 1)[-1]}",
            source=rel,
            size=_size((folder / rel).stat().st_size, language),
        )
        for rel in ev.attachments
    )
    if ev.start:
        when = format_range(ev.start, ev.end, language)
    else:
        when = verbatim(format_date(ev.date or ev.end, language))
    return EvidenceView(
        ev=ev,
        path=f"evidence/{ev.id}/",
        kind=KIND_LABELS[ev.kind],
        when=when,
        goals=tuple(Ref(p.goals[g].title, f"goals/{g}/") for g in p.evidence_goals.get(ev.id, ())),
        metrics=tuple(MetricView.of(m, language) for m in ev.metrics),
        attachments=attachments,
    )


def newest_first(ev_id: str, when: PartialDate | None) -> tuple[int, int, str]:
    """The sort key of evidence's usual order: newest first; undated last; ties by id,
    so the order never depends on the disk."""
    return (0, -when.first_day.toordinal(), ev_id) if when else (1, 0, ev_id)


def sort_evidence(p: Portfolio, ids: tuple[str, ...] | list[str]) -> list[str]:
    """`ids` in the usual order (`newest_first`)."""
    return sorted(ids, key=lambda e: newest_first(e, p.evidence[e].when))


@dataclass(frozen=True)
class Item:
    """A piece of evidence as the pack refers to it: an anchor and a title."""

    id: str
    title: str
    meta: Msg = NOTHING  # "Project · Jun 2025"

    @property
    def anchor(self) -> str:
        return f"item-{self.id}"


def pack_item(ev: Evidence, language: str = "en") -> Item:
    """How a pack names and anchors a piece of evidence."""
    return Item(ev.id, ev.title, evidence_meta(ev, language))
