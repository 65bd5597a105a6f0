"""The quarterly review in one screen: per active goal, what changed since it was last
reviewed and what falls due before the next review.

`portfolio check --review` is the ritual from the seed documents: every three months
(or every `review_every` days), look at what moved, what got done, what slipped, and
what is next. Everything is computed here; `audit/report.py` only lays it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from portfolio.audit.audit import Finding, review_due
from portfolio.content.dates import PartialDate
from portfolio.content.language import format_date, with_unit
from portfolio.content.models import Goal, Indicator
from portfolio.content.portfolio import Portfolio
from portfolio.content.views import sort_evidence


@dataclass(frozen=True)
class Change:
    """One line of the review: what it is about, and what happened."""

    kind: str  # evidence | milestone | indicator | due | overdue
    title: str
    detail: str
    better: bool | None = None  # indicators: did it move the right way?


@dataclass(frozen=True)
class GoalReview:
    goal: Goal
    since: str  # the last review (or the start), formatted; "" if neither is known
    reviewed: bool  # False: never reviewed, `since` is the start
    next_review: str  # when the next review falls due, if this one is done today
    overdue_review: bool
    changes: tuple[Change, ...]  # since the last review
    upcoming: tuple[Change, ...]  # open milestones due before the next review, overdue first
    findings: tuple[Finding, ...]


def review(p: Portfolio, findings: list[Finding]) -> list[GoalReview]:
    """The review of every active goal in `p`, soonest due first."""
    goals = [g for g in p.goals.values() if g.kind == "goal" and g.status == "active"]
    goals.sort(key=lambda g: (g.due.last_day if g.due else dt.date.max, g.id))
    return [_review(p, g, [f for f in findings if f.subject == g.id]) for g in goals]


def _review(p: Portfolio, goal: Goal, findings: list[Finding]) -> GoalReview:
    since = goal.reviewed or goal.started
    cutoff = since.last_day if since else dt.date.min
    due = review_due(goal)
    horizon = p.today + dt.timedelta(days=goal.review_every)
    changes: list[Change] = []
    for e in sort_evidence(p, list(p.goal_evidence.get(goal.id, ()))):
        ev = p.evidence[e]
        if ev.when is not None and ev.when.first_day > cutoff:
            changes.append(Change("evidence", ev.title, f"{ev.kind}, {format_date(ev.when)}"))
    for m in goal.milestones:
        if m.done is not None and m.done.first_day > cutoff:
            changes.append(Change("milestone", m.title, f"done {format_date(m.done)}"))
    changes += [_movement(ind, cutoff) for ind in goal.indicators]
    upcoming = []
    for m in sorted(goal.milestones, key=lambda m: m.due or PartialDate(9999)):
        if m.done is None and m.due is not None and m.due.first_day <= horizon:
            late = m.due.last_day < p.today
            upcoming.append(
                Change("overdue" if late else "due", m.title, f"due {format_date(m.due)}")
            )
    upcoming.sort(key=lambda c: c.kind != "overdue")
    return GoalReview(
        goal=goal,
        since=format_date(since),
        reviewed=goal.reviewed is not None,
        next_review=format_date(horizon),
        overdue_review=due is not None and due < p.today,
        changes=tuple(changes),
        upcoming=tuple(upcoming),
        findings=tuple(findings),
    )


def _movement(ind: Indicator, cutoff: dt.date) -> Change:
    """How an indicator moved since the cutoff: its value then (or its baseline) and now."""
    values = sorted(ind.values.items())
    then = [v for d, v in values if d.last_day <= cutoff]
    now = [(d, v) for d, v in values if d.first_day > cutoff]
    start = then[-1] if then else ind.baseline
    target = f" (target {with_unit(ind.target, ind.unit)})" if ind.target is not None else ""
    if not now:
        return Change("indicator", ind.name, "not measured since" + target)
    when, latest = now[-1]
    better = ind.moved_better(start, latest)
    was = with_unit(start, ind.unit) if start is not None else "no value"
    moved = f"{was} → {with_unit(latest, ind.unit)} on {format_date(when)}{target}"
    return Change("indicator", ind.name, moved, better)
