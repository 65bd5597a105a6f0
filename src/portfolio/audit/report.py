"""What `portfolio check` prints: text for people, JSON for editors and CI.

The JSON shape is a published contract (docs/CHECK.md): `version` changes only if a
key is removed or changes meaning; new keys may be added.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from typing import Any

from portfolio.audit.audit import Finding, counts
from portfolio.audit.review import Change, GoalReview
from portfolio.audit.rules import RULES, SEVERITIES
from portfolio.content.language import format_date
from portfolio.content.portfolio import Portfolio
from portfolio.errors import Problem

JSON_VERSION = 1
Style = Callable[[str, str], str]  # (text, severity or kind) -> text, e.g. coloured


def plain(text: str, _: str) -> str:
    return text


def findings_text(
    p: Portfolio, findings: list[Finding], style: Style = plain, project: str | None = None
) -> str:
    """What to do first, when the project is new to goals; then each finding as
    `path:line:col: severity: message [rule]` and its fix, those of a rule found in
    many files as one group; then a count. `project` is the folder as the person gave
    it, for the commands the first steps suggest."""
    lines = []
    if steps := first_steps(p, project):
        lines += ["What to do first:", *(f"  {i}. {step}" for i, step in enumerate(steps, 1)), ""]
    grouped = _grouped_rules(findings)
    said: set[str] = set()
    for f in findings:
        if f.rule in grouped:
            if f.rule not in said:
                said.add(f.rule)
                lines += _group(p, f.rule, grouped[f.rule], style)
            continue
        head = f"{f.path}:{f.line}:{f.column}: {style(f.severity, f.severity)}: {f.message}"
        lines += [f"{head} [{f.rule}]", f"    fix: {f.fix}"]
    lines.append(summary(p, findings))
    return "\n".join(lines)


GROUP_FILES = 5  # a rule found in this many files or more is said once, as a group
GROUP_SHOWN = 3  # the places a group names before "and N more"
# A rule's findings as one sentence, by how many there are.
GROUPED = {
    "activity-title": "{n} goals name an activity, not an outcome",
    "few-indicators": "{n} goals have fewer than three indicators",
    "no-leading-indicator": "{n} goals have no leading indicator",
    "no-lagging-indicator": "{n} goals have no lagging indicator",
    "indicator-no-target": "{n} indicators have no target",
    "indicator-no-values": "{n} indicators have never been measured",
    "target-wrong-direction": "{n} indicators have a target worse than their baseline",
    "vanity-metric": "{n} indicators count activity, not an outcome",
    "no-due": "{n} goals have no due date",
    "due-before-start": "{n} goals are due before they start",
    "few-milestones": "{n} goals have fewer than three dated milestones",
    "milestone-overdue": "{n} milestones are past their due date",
    "done-in-future": "{n} milestones are marked done after today",
    "review-overdue": "{n} goals are overdue for a review",
    "no-feedback": "{n} goals name nobody to give feedback",
    "no-mobility": "{n} goals say nothing about place, where a move is involved",
    "skill-gap": "{n} required skills and credentials have no evidence yet",
    "goal-no-evidence": "{n} goals have no evidence linked yet",
    "orphan-evidence": "{n} pieces of evidence advance no goal",
    "aspiration-unserved": "{n} aspirations have no goal serving them yet",
}


def _grouped_rules(findings: list[Finding]) -> dict[str, list[Finding]]:
    """The findings of each rule found in `GROUP_FILES` files or more."""
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    return {
        rule: found
        for rule, found in by_rule.items()
        if len({f.path for f in found}) >= GROUP_FILES
    }


def _group(p: Portfolio, rule: str, found: list[Finding], style: Style) -> list[str]:
    """One rule's findings in many files: what they have in common, a few of the
    places and how many more, and the fix."""
    severity = RULES[rule].severity
    n = len(found)
    said = GROUPED.get(rule, "{n} findings: " + RULES[rule].question).format(n=n)
    places = [f"    {f.path}:{f.line}:{f.column}" for f in found[:GROUP_SHOWN]]
    if n > GROUP_SHOWN:
        places.append(f"    and {n - GROUP_SHOWN} more")
    fix = RULES[rule].fix
    if rule == "orphan-evidence":
        fix = (
            "link each to the goal it advances: `goals: [<goal id>]` in its front matter"
            if _goals(p)
            else "link them once you have goals: `goals: [<goal id>]` in each one's front matter"
        )
    return [
        f"{style(severity, severity)}: {said} [{rule}]",
        *places,
        f"    fix: {fix}",
    ]


def _goals(p: Portfolio) -> int:
    return sum(1 for g in p.goals.values() if g.kind == "goal")


def first_steps(p: Portfolio, project: str | None = None) -> list[str]:
    """What to do first in a project with no goal yet, or none that evidence serves (as
    right after an import): set a goal, link the evidence that serves it, pick what to
    feature. Empty for a project under way."""
    linked = [ev for ev in p.evidence.values() if p.evidence_goals.get(ev.id)]
    if _goals(p) and (linked or not p.evidence):
        return []
    where = f" --project {_quoted(project)}" if project not in (None, ".") else ""
    steps = []
    if not _goals(p):
        steps.append(
            f'Set a goal: `portfolio new goal "Lead a team of six"{where} --framework '
            "evidence-ladder` for a promotion (`pivot-bridge` for a new field, "
            "`mobility-playbook` for a new place)."
        )
    if p.evidence:
        steps.append(
            "Link the evidence that serves it: `goals: [<goal id>]` in the front matter of "
            "each piece (for new evidence, `portfolio new evidence TITLE"
            f"{where} --goal <goal id>`)."
        )
        if not any(ev.featured for ev in p.evidence.values()):
            steps.append(
                "Pick what your home page features: `featured: true` in the front matter "
                "of your three to five strongest pieces of evidence."
            )
    return steps


def _quoted(text: str | None) -> str:
    """A folder as a shell reads it back: quoted if it holds anything but a plain name."""
    return shlex.quote(text or ".")


def summary(p: Portfolio, findings: list[Finding]) -> str:
    goals = sum(1 for g in p.goals.values() if g.kind == "goal")
    aspirations = len(p.goals) - goals
    n = counts(findings)
    found = ", ".join(_count(n[s], s) for s in SEVERITIES)
    checked = f"{_count(goals, 'goal')}, {_count(aspirations, 'aspiration')}"
    return f"Checked {checked} and {_count(len(p.evidence), 'piece')} of evidence: {found}."


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "severity": f.severity,
        "rule": f.rule,
        "message": f.message,
        "fix": f.fix,
        "subject": f.subject,
    }


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "severity": "error",
        "rule": "invalid",
        "message": problem.message,
        "fix": problem.hint,
        "subject": None,
    }


def findings_json(p: Portfolio, findings: list[Finding]) -> str:
    n = counts(findings)
    return _dump(
        {
            "version": JSON_VERSION,
            "valid": True,
            "today": p.today.isoformat(),
            "counts": n,
            "findings": [_finding(f) for f in findings],
        }
    )


def problems_json(problems: list[Problem]) -> str:
    """The shape of `findings_json` when the content does not validate."""
    return _dump(
        {
            "version": JSON_VERSION,
            "valid": False,
            "today": None,
            "counts": {"error": len(problems), "warning": 0, "hint": 0},
            "findings": [_problem(p) for p in problems],
        }
    )


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


MARKS = {"evidence": "+", "milestone": "✓", "indicator": "~", "due": "-", "overdue": "!"}


def review_text(p: Portfolio, reviews: list[GoalReview], style: Style = plain) -> str:
    """The review in one screen: a block per active goal."""
    out = [f"Review as of {format_date(p.today)}: {_count(len(reviews), 'active goal')}"]
    for r in reviews:
        out += ["", style(r.goal.title, "title")]
        last = f"reviewed {r.since}" if r.reviewed else f"never reviewed (started {r.since})"
        late = style(" (review overdue)", "warning") if r.overdue_review else ""
        out.append(f"  {r.goal.source} · {last}{late} · next review by {r.next_review}")
        out.append(f"  since {r.since or 'the start'}:")
        out += [_change(c, style) for c in r.changes] or ["    nothing new"]
        out.append(f"  due by {r.next_review}:")
        out += [_change(c, style) for c in r.upcoming] or ["    no milestone"]
        if r.findings:
            n = counts(list(r.findings))
            found = ", ".join(_count(n[s], s) for s in SEVERITIES if n[s])
            out.append(f"  check: {found} (portfolio check)")
    return "\n".join(out)


def _change(c: Change, style: Style) -> str:
    mark = MARKS[c.kind]
    if c.better is not None:
        mark = "▲" if c.better else "▼"
    line = f"    {mark} {c.title}: {c.detail}"
    if c.kind == "overdue" or c.better is False:
        return style(line, "warning")
    return line


def review_json(p: Portfolio, reviews: list[GoalReview]) -> str:
    return _dump(
        {
            "version": JSON_VERSION,
            "today": p.today.isoformat(),
            "goals": [
                {
                    "id": r.goal.id,
                    "title": r.goal.title,
                    "path": r.goal.source,
                    "since": r.goal.reviewed.iso() if r.goal.reviewed else None,
                    "review_overdue": r.overdue_review,
                    "changes": [_change_data(c) for c in r.changes],
                    "upcoming": [_change_data(c) for c in r.upcoming],
                    "findings": [_finding(f) for f in r.findings],
                }
                for r in reviews
            ],
        }
    )


def _change_data(c: Change) -> dict[str, Any]:
    return {"kind": c.kind, "title": c.title, "detail": c.detail, "better": c.better}
