"""What the templates show, computed once in Python: progress, deltas, labels.

Templates hold no logic beyond loops and conditionals; every number a page shows
(how far a goal has come, by how much a metric improved) is named and computed here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from portfolio.catalog import Portfolio
from portfolio.dates import PartialDate
from portfolio.models import Evidence, Goal, Indicator, Metric, Milestone

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
KIND_LABELS = {
    "project": "Project", "achievement": "Achievement", "certification": "Certification",
    "endorsement": "Endorsement", "talk": "Talk", "publication": "Publication",
    "course": "Course", "award": "Award", "volunteer": "Volunteering",
}  # fmt: skip


def format_date(value: PartialDate | dt.date | None) -> str:
    """`2021` -> 2021, `2021-03` -> Mar 2021, `2021-03-15` -> 15 Mar 2021."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        value = PartialDate(value.year, value.month, value.day)
    if not value.month:
        return str(value.year)
    month = MONTHS[value.month - 1]
    return f"{value.day} {month} {value.year}" if value.day else f"{month} {value.year}"


def format_range(
    start: PartialDate | None, end: PartialDate | None, ongoing: str = "present"
) -> str:
    if not start:
        return format_date(end)
    return f"{format_date(start)} – {format_date(end) if end else ongoing}"


def format_number(value: float | None) -> str:
    """Numbers as people write them: 4 not 4.0, 12,000 not 12000."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def with_unit(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    number = format_number(value)
    if value == 1:
        unit = _singular(unit)
    if not unit:
        return number
    if unit in ("$", "€", "£", "¥"):
        return f"{unit}{number}"
    if unit.isalpha() and unit.isupper() and len(unit) == 3:  # EUR, USD: ISO 4217 codes
        return f"{unit} {number}"
    return f"{number}{unit}" if unit in ("%", "x", "×") else f"{number} {unit}"


def _singular(unit: str) -> str:
    """`1 interview`, not `1 interviews`: a plural word unit loses its `s` after a 1.
    Symbols and abbreviations (`ms`, `pts`, `kWh`) are left alone."""
    if len(unit) <= 3 or not unit.isalpha() or not unit.islower() or not unit.endswith("s"):
        return unit
    if unit.endswith("ies"):
        return unit[:-3] + "y"
    return unit if unit.endswith("ss") else unit[:-1]


@dataclass(frozen=True)
class MetricView:
    """A before/after measurement and whether it moved the right way."""

    name: str
    before: str
    after: str
    better: str  # higher | lower
    improved: bool | None  # None: no before value, or no change
    change: str  # "-71%" or "+3 pts"; "" without a before value

    @classmethod
    def of(cls, m: Metric) -> MetricView:
        improved: bool | None = None
        change = ""
        if m.before is not None and m.after == m.before:
            change = "no change"
        elif m.before is not None:
            improved = (m.after > m.before) == (m.better == "higher")
            delta = m.after - m.before
            if m.before and m.unit != "%":
                change = f"{delta / abs(m.before):+.0%}".replace("-", "−")
            else:
                suffix = " pts" if m.unit == "%" else (f" {m.unit}" if m.unit else "")
                change = f"{'+' if delta > 0 else '−'}{format_number(abs(delta))}{suffix}"
        return cls(
            m.name,
            with_unit(m.before, m.unit),
            with_unit(m.after, m.unit),
            m.better,
            improved,
            change,
        )


@dataclass(frozen=True)
class Ref:
    """A link to another page: enough to name it and point at it."""

    title: str
    path: str  # site path, e.g. "goals/lead-team/"
    meta: str = ""  # a short description: "Project · Jun 2025"


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

    @classmethod
    def of(
        cls,
        ind: Indicator,
        key: str,
        start: dt.date | None = None,
        due: dt.date | None = None,
        today: dt.date | None = None,
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
            with_unit(ind.baseline, ind.unit),
            with_unit(ind.target, ind.unit),
            with_unit(latest[1], ind.unit) if latest else "",
            format_date(latest[0]) if latest else "",
            ind.better,
            progress,
            tuple((format_date(d), with_unit(v, ind.unit)) for d, v in ordered),
            ind,
            key,
            start,
            due,
            today,
        )


@dataclass(frozen=True)
class MilestoneView:
    title: str
    due: str
    done: str
    overdue: bool
    evidence: tuple[Ref, ...]


def _milestone(m: Milestone, today: dt.date, evidence: dict[str, Evidence]) -> MilestoneView:
    overdue = m.done is None and m.due is not None and m.due.last_day < today
    refs = tuple(Ref(evidence[e].title, f"evidence/{e}/") for e in m.evidence if e in evidence)
    return MilestoneView(m.title, format_date(m.due), format_date(m.done), overdue, refs)


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


def evidence_meta(ev: Evidence) -> str:
    """`Project · Jun 2025`: what a piece of evidence is, and when."""
    when = format_date(ev.when)
    return f"{KIND_LABELS[ev.kind]} · {when}" if when else KIND_LABELS[ev.kind]


def goal_view(p: Portfolio, goal: Goal) -> GoalView:
    time_progress = None
    if goal.started and goal.due and goal.due.last_day > goal.started.first_day:
        span = (goal.due.last_day - goal.started.first_day).days
        passed = (p.today - goal.started.first_day).days
        time_progress = max(0.0, min(1.0, passed / span))
    serves = p.goals.get(goal.serves) if goal.serves else None
    milestones = tuple(_milestone(m, p.today, p.evidence) for m in goal.milestones)
    return GoalView(
        goal=goal,
        path=f"goals/{goal.id}/",
        serves=Ref(serves.title, f"goals/{serves.id}/") if serves else None,
        serving=tuple(
            Ref(p.goals[g].title, f"goals/{g}/") for g in p.goals_serving.get(goal.id, ())
        ),
        evidence=tuple(
            Ref(p.evidence[e].title, f"evidence/{e}/", evidence_meta(p.evidence[e]))
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
            )
            for n, ind in enumerate(goal.indicators)
        ),
        started=format_date(goal.started),
        due=format_date(goal.due),
        reviewed=format_date(goal.reviewed),
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
    kind: str
    when: str
    goals: tuple[Ref, ...]
    metrics: tuple[MetricView, ...]
    attachments: tuple[Attachment, ...]


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{max(1, round(n / 1000))} KB"


def evidence_view(p: Portfolio, ev: Evidence) -> EvidenceView:
    folder = p.root / "content" / "evidence"
    attachments = tuple(
        Attachment(
            name=rel.rsplit("/", 1)[-1],
            path=f"evidence/{ev.id}/files/{rel.rsplit('/', 1)[-1]}",
            source=rel,
            size=_size((folder / rel).stat().st_size),
        )
        for rel in ev.attachments
    )
    when = format_range(ev.start, ev.end) if ev.start else format_date(ev.date or ev.end)
    return EvidenceView(
        ev=ev,
        path=f"evidence/{ev.id}/",
        kind=KIND_LABELS[ev.kind],
        when=when,
        goals=tuple(Ref(p.goals[g].title, f"goals/{g}/") for g in p.evidence_goals.get(ev.id, ())),
        metrics=tuple(MetricView.of(m) for m in ev.metrics),
        attachments=attachments,
    )


def sort_evidence(p: Portfolio, ids: tuple[str, ...] | list[str]) -> list[str]:
    """Newest first; undated last; ties by id, so the order never depends on the disk."""

    def key(e: str) -> tuple[int, int, str]:
        when = p.evidence[e].when
        return (0, -when.first_day.toordinal(), e) if when else (1, 0, e)

    return sorted(ids, key=key)
