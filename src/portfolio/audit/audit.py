"""The goal audit: what a good career coach asks of every goal, as located findings.

Each rule is one question from the seed checklist (is the title an outcome? are there
three measurable indicators, leading and lagging? dated checkpoints? who gives
feedback? does the plan account for a move?) or a sign that a plan has drifted
(milestones past due, a review overdue, evidence serving nothing). A finding names
its rule, its severity, the file and line to change, and the one-line fix.

Errors are contradictions that make a goal unmeasurable (a target on the wrong side
of its baseline); warnings are what a coach would push back on; hints are gaps to
plan for (a required skill with no evidence yet).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from portfolio.audit.rules import RULES, SEVERITIES, Severity
from portfolio.content.language import format_date, format_number
from portfolio.content.models import Evidence, Goal, Indicator
from portfolio.content.portfolio import Portfolio

# A title that starts with one of these describes something to do, not a result.
_ACTIVITY = re.compile(
    r"^(read|attend|take|complete|finish|do|learn|study|watch|listen|join|network|apply"
    r"|send|practi[cs]e|try|start|begin|research|explore|look into|reach out|contact"
    r"|meet|post|register|sign up|enrol|enroll|go to|visit|work on|keep|continue)\b",
    re.IGNORECASE,
)
# An indicator whose name counts activity: it can rise while nothing changes.
_VANITY = re.compile(
    r"\b(sent|messages?|posts?|posted|followers?|likes?|views?|impressions|connections?"
    r"|applications?|emails?|dms?|calls? made|coffee chats?|hours (spent|logged|studied)"
    r"|courses? (taken|started|completed)|books? read|videos? watched"
    r"|(meetups?|events?) attended)\b",
    re.IGNORECASE,
)

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Finding:
    """One thing to change, located to the line: sorted by file, then line."""

    path: str
    line: int
    column: int
    rule: str
    message: str
    subject: str  # the id of the goal or evidence it is about

    @property
    def severity(self) -> Severity:
        return RULES[self.rule].severity

    @property
    def fix(self) -> str:
        return RULES[self.rule].fix


class _Audit:
    def __init__(self, p: Portfolio) -> None:
        self.p = p
        self.findings: list[Finding] = []

    def add(self, item: Goal | Evidence, loc: Loc, rule: str, message: str) -> None:
        """A finding at `loc` in the item's file (a key alone points at the key)."""
        doc = self.p.docs.get(item.source)
        line, col = doc.where(loc, key=len(loc) == 1) if doc else (1, 1)
        self.findings.append(Finding(item.source, line, col, rule, message, item.id))


def audit(p: Portfolio) -> list[Finding]:
    """Every finding for every goal, aspiration and piece of evidence in `p`."""
    a = _Audit(p)
    for goal in p.goals.values():
        if goal.kind == "aspiration":
            _aspiration(a, goal)
        else:
            _goal(a, goal)
    for ev in p.evidence.values():
        if not p.evidence_goals.get(ev.id):
            a.add(ev, ("title",), "orphan-evidence", "this evidence serves no goal")
    return sorted(a.findings)


def _aspiration(a: _Audit, goal: Goal) -> None:
    _title(a, goal)
    if not a.p.goals_serving.get(goal.id) and goal.status == "active":
        a.add(goal, ("title",), "aspiration-unserved", "no goal serves this aspiration yet")


def _goal(a: _Audit, goal: Goal) -> None:
    """Contradictions for every goal; the coach's questions for goals still in play."""
    _contradictions(a, goal)
    if goal.status in ("achieved", "dropped"):
        return
    _title(a, goal)
    _indicators(a, goal)
    _dates(a, goal)
    _support(a, goal)
    if goal.status == "active":
        _drift(a, goal)


def _title(a: _Audit, goal: Goal) -> None:
    if match := _ACTIVITY.match(goal.title):
        verb = match.group(1).lower()
        a.add(goal, ("title",), "activity-title", f"“{goal.title}” names an activity (`{verb}`)")


def _contradictions(a: _Audit, goal: Goal) -> None:
    for i, ind in enumerate(goal.indicators):
        if ind.target is not None and ind.moved_better(ind.baseline, ind.target) is False:
            a.add(
                goal,
                ("indicators", i, "target"),
                "target-wrong-direction",
                f"“{ind.name}”: the target {format_number(ind.target)} is worse than the "
                f"baseline {format_number(ind.baseline)}, as {ind.better} is better",
            )
    if goal.started and goal.due and goal.due.last_day < goal.started.first_day:
        due, started = format_date(goal.due), format_date(goal.started)
        a.add(goal, ("due",), "due-before-start", f"due {due}, before it starts on {started}")
    for i, m in enumerate(goal.milestones):
        if m.done and m.done.first_day > a.p.today:
            a.add(
                goal,
                ("milestones", i, "done"),
                "done-in-future",
                f"“{m.title}” is marked done on {format_date(m.done)}, "
                f"after today ({format_date(a.p.today)})",
            )


def _indicators(a: _Audit, goal: Goal) -> None:
    inds = goal.indicators
    if len(inds) < 3:
        a.add(
            goal,
            ("indicators",) if inds else ("title",),
            "few-indicators",
            f"{_count(len(inds), 'indicator')}: progress needs at least three measures",
        )
    if inds and not any(i.type == "leading" for i in inds):
        a.add(
            goal,
            ("indicators",),
            "no-leading-indicator",
            "no leading indicator: nothing measures what you do each week",
        )
    if inds and not any(i.type == "lagging" for i in inds):
        a.add(
            goal,
            ("indicators",),
            "no-lagging-indicator",
            "no lagging indicator: nothing shows the outcome has happened",
        )
    outcomes = [i for i in inds if i.type == "lagging" and not _VANITY.search(i.name)]
    for n, ind in enumerate(inds):
        at = ("indicators", n, "name")
        if ind.target is None:
            a.add(goal, at, "indicator-no-target", f"“{ind.name}” has no target")
        if not ind.values and _first_review_passed(goal, a.p.today):
            a.add(goal, at, "indicator-no-values", f"“{ind.name}” has never been measured")
        if _vanity(ind, outcomes):
            why = (
                "yet stands as the outcome (`lagging`)"
                if ind.type == "lagging"
                else ("and no outcome stands beside it")
            )
            a.add(goal, at, "vanity-metric", f"“{ind.name}” counts activity, {why}")


def _first_review_passed(goal: Goal, today: dt.date) -> bool:
    """A new goal is measured at its first review, not before: until then an indicator
    with no values is a plan, not a lapse."""
    return (
        goal.started is None
        or goal.started.first_day + dt.timedelta(days=goal.review_every) <= today
    )


def _vanity(ind: Indicator, outcomes: list[Indicator]) -> bool:
    """An activity count is vain when it poses as the outcome, or stands with none."""
    return bool(_VANITY.search(ind.name)) and (ind.type == "lagging" or not outcomes)


def _dates(a: _Audit, goal: Goal) -> None:
    if goal.due is None:
        a.add(goal, ("title",), "no-due", "the goal has no due date")
    dated = sum(1 for m in goal.milestones if m.due)
    if dated < 3:
        loc: Loc = ("milestones",) if goal.milestones else ("title",)
        a.add(
            goal,
            loc,
            "few-milestones",
            f"{_count(dated, 'dated milestone')}: three checkpoints show if you are on track",
        )


def _support(a: _Audit, goal: Goal) -> None:
    p = a.p
    if not goal.feedback:
        a.add(goal, ("title",), "no-feedback", "nobody is named to give feedback on this goal")
    relocating = p.profile.mobility is not None and p.profile.mobility.open_to_relocation
    if not (goal.mobility or "").strip() and (goal.category == "mobility" or relocating):
        why = "a mobility goal" if goal.category == "mobility" else "open to relocation"
        a.add(goal, ("title",), "no-mobility", f"{why}, yet the goal says nothing about place")
    for i, req in enumerate(goal.requires):
        if not any(req.backed_by(ev) for ev in p.evidence.values()):
            kind = "skill" if req.skill else "credential"
            a.add(
                goal,
                ("requires", i),
                "skill-gap",
                f"required {kind} “{req.label}” has no evidence yet",
            )
    if not p.goal_evidence.get(goal.id):
        a.add(goal, ("title",), "goal-no-evidence", "no evidence is linked to this goal yet")


def _drift(a: _Audit, goal: Goal) -> None:
    today = a.p.today
    for i, m in enumerate(goal.milestones):
        if m.done is None and m.due is not None and m.due.last_day < today:
            days = (today - m.due.last_day).days
            a.add(
                goal,
                ("milestones", i, "title"),
                "milestone-overdue",
                f"“{m.title}” was due {format_date(m.due)}, {_count(days, 'day')} ago",
            )
    due = review_due(goal)
    if due is not None and due < today:
        last = goal.reviewed or goal.started
        what = "last reviewed" if goal.reviewed else "never reviewed since it started"
        a.add(
            goal,
            ("reviewed",) if goal.reviewed else ("title",),
            "review-overdue",
            f"{what} on {format_date(last)}; a review was due {format_date(due)}",
        )


def review_due(goal: Goal) -> dt.date | None:
    """When the next review of `goal` falls due: `review_every` days after the last
    (or after it started, if it was never reviewed)."""
    last = goal.reviewed or goal.started
    return last.last_day + dt.timedelta(days=goal.review_every) if last else None


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def counts(findings: list[Finding]) -> dict[Severity, int]:
    """How many findings of each severity."""
    return {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}


def by_subject(findings: list[Finding]) -> dict[str, list[Finding]]:
    """Findings grouped by the goal or evidence they are about, for the dashboard."""
    grouped: dict[str, list[Finding]] = {}
    for f in findings:
        grouped.setdefault(f.subject, []).append(f)
    return grouped
