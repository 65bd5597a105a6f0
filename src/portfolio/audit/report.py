"""What `portfolio check` prints: text for people, JSON for editors and CI.

The JSON shape is a published contract (docs/CHECK.md): `version` changes only if a
key is removed or changes meaning; new keys may be added.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from portfolio.audit.audit import Finding, counts
from portfolio.audit.review import Change, GoalReview
from portfolio.audit.rules import SEVERITIES
from portfolio.content.language import format_date
from portfolio.content.portfolio import Portfolio
from portfolio.errors import Problem

JSON_VERSION = 1
Style = Callable[[str, str], str]  # (text, severity or kind) -> text, e.g. coloured


def plain(text: str, _: str) -> str:
    return text


def findings_text(p: Portfolio, findings: list[Finding], style: Style = plain) -> str:
    """Each finding as `path:line:col: severity: message [rule]` and its fix, then a count."""
    lines = []
    for f in findings:
        head = f"{f.path}:{f.line}:{f.column}: {style(f.severity, f.severity)}: {f.message}"
        lines += [f"{head} [{f.rule}]", f"    fix: {f.fix}"]
    lines.append(summary(p, findings))
    return "\n".join(lines)


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
