"""The catalogue of audit rules: what each asks, how severe it is, and the fix.

Kept apart from `audit/audit.py` (which applies them) because it is also the contract of
`portfolio check --format json` and of docs/CHECK.md: a rule id, once published, is
never renamed.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Severity = Literal["error", "warning", "hint"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "hint")


class Rule(NamedTuple):
    severity: Severity
    question: str  # what the rule asks, for docs/CHECK.md and `check --rules`
    fix: str  # the one-line fix shown with every finding


RULES: dict[str, Rule] = {
    "activity-title": Rule(
        "warning",
        "Is the title an outcome rather than an activity?",
        "name the result it should bring: “Lead the ML platform team”, "
        "not “Read three MLOps books”",
    ),
    "few-indicators": Rule(
        "warning",
        "Are there at least three measurable indicators?",
        "add indicators: leading ones you control, lagging ones that show the outcome",
    ),
    "no-leading-indicator": Rule(
        "warning",
        "Is there a leading indicator, an action you control?",
        "add one with `type: leading` (design reviews written, interviews practised)",
    ),
    "no-lagging-indicator": Rule(
        "warning",
        "Is there a lagging indicator, the outcome itself?",
        "add one with `type: lagging` (offers received, incidents per quarter)",
    ),
    "indicator-no-target": Rule(
        "warning",
        "Does every indicator have a target?",
        "add `target:` with the value that means done",
    ),
    "indicator-no-values": Rule(
        "warning",
        "Has every indicator been measured by the first review?",
        "add `values: {YYYY-MM-DD: n}` at each review",
    ),
    "target-wrong-direction": Rule(
        "error",
        "Is every target better than its baseline?",
        "swap `better: higher` and `lower`, or correct the target",
    ),
    "vanity-metric": Rule(
        "warning",
        "Does an activity count stand beside an outcome it should move?",
        "measure the outcome it should move (interviews, offers, incidents) as a lagging "
        "indicator, and keep the count as a leading one",
    ),
    "no-due": Rule(
        "warning", "Is there a due date?", "add `due: YYYY-MM-DD`: a goal without a date is a wish"
    ),
    "due-before-start": Rule("error", "Is it due after it starts?", "correct `started` or `due`"),
    "few-milestones": Rule(
        "warning",
        "Are there at least three dated checkpoints?",
        "add milestones with `due:` dates spread to the goal's due date",
    ),
    "milestone-overdue": Rule(
        "warning",
        "Is every milestone past its date done?",
        "mark it `done:`, or move its `due:` and say why in the body, or drop it",
    ),
    "done-in-future": Rule(
        "error", "Is every milestone done by today?", "remove `done:` until it is done"
    ),
    "review-overdue": Rule(
        "warning",
        "Was the goal reviewed within `review_every` days?",
        "review it with `portfolio check --review`, then set `reviewed:` to today",
    ),
    "no-feedback": Rule(
        "warning",
        "Who gives honest feedback on it?",
        'add `feedback: ["Name (mentor)"]`',
    ),
    "no-mobility": Rule(
        "warning",
        "Does the plan account for a move, where one is involved?",
        "add `mobility:` (where, visas, remote or on-site, who moves with you)",
    ),
    "skill-gap": Rule(
        "hint",
        "Which required skills and credentials have no evidence yet?",
        "plan how to get it, then add evidence that names it (in `skills`, or as the "
        "title of a certification or course)",
    ),
    "goal-no-evidence": Rule(
        "warning",
        "Is any evidence linked to the goal?",
        "add `goals: [<this goal's id>]` to evidence, or list it under a milestone",
    ),
    "orphan-evidence": Rule(
        "hint",
        "Does the evidence serve a goal?",
        "add `goals: [<goal id>]`, or list it under a milestone's `evidence`",
    ),
    "letter-no-result": Rule(
        "warning",
        "Does the cover letter name a measured result?",
        "add `metrics:` with a `before` and an `after` to the evidence the letter draws on "
        "(the pack's first choices), or name a result in `letter.evidence`",
    ),
    "letter-too-long": Rule(
        "warning",
        "Does the cover letter fit on one page?",
        "shorten the paragraphs under `letter:`, or write a shorter one in place of a "
        "made one; the PDF in the pack shows the real length",
    ),
    "letter-placeholder": Rule(
        "warning",
        "Is the cover letter free of placeholder text?",
        "write what the placeholder stands for, or remove it",
    ),
    "aspiration-unserved": Rule(
        "warning",
        "Does a goal serve the aspiration?",
        "write a goal that serves it: `portfolio new goal TITLE --serves <this id>`",
    ),
}
