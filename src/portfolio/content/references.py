"""Whether what each file names exists and fits: the checks `assemble` runs between
the files once each is valid on its own.

A dangling id, a `serves` that names a goal rather than an aspiration, an attachment
outside content/evidence/, a target's pin that is also excluded, an output its goal
cannot support, a job description that cannot be read: each a located problem with
its fix, all of them reported at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portfolio.content.config import Target
from portfolio.content.job import Unreadable, read_job
from portfolio.content.models import Evidence, Goal
from portfolio.content.read import SourceFile, inside
from portfolio.content.validate import suggest
from portfolio.errors import Problem
from portfolio.system import regular


class Refs:
    """Checks that every id a file names exists, with a located 'did you mean'."""

    def __init__(self, ids: dict[str, set[str]], problems: list[Problem]) -> None:
        self.ids = ids
        self.problems = problems

    def check(self, source: SourceFile, loc: tuple[str | int, ...], ref: str, kind: str) -> bool:
        if ref in self.ids[kind]:
            return True
        line, col = source.doc.where(loc)
        close = suggest(ref, self.ids[kind])
        folder = {"goal": "content/goals", "evidence": "content/evidence"}[kind]
        hint = f"did you mean `{close}`?" if close else f"create {folder}/{ref}.md or fix the id"
        self.problems.append(Problem(source.path, line, col, f"no {kind} with id `{ref}`", hint))
        return False


def check_goal(goal: Goal, src: SourceFile, refs: Refs, goals: dict[str, Goal]) -> None:
    serves = goal.serves
    if (
        serves
        and refs.check(src, ("serves",), serves, "goal")
        and serves in goals
        and (goals[serves].kind != "aspiration")
    ):
        line, col = src.doc.where(("serves",))
        refs.problems.append(
            Problem(
                src.path,
                line,
                col,
                f"`serves` names `{goal.serves}`, which is not an aspiration",
                f"set `kind: aspiration` in `{goal.serves}` or name an aspiration",
            )
        )
    for m, milestone in enumerate(goal.milestones):
        for i, ref in enumerate(milestone.evidence):
            refs.check(src, ("milestones", m, "evidence", i), ref, "evidence")


def check_evidence(ev: Evidence, src: SourceFile, refs: Refs, root: Path) -> None:
    for i, ref in enumerate(ev.goals):
        refs.check(src, ("goals", i), ref, "goal")
    folder = root / "content" / "evidence"
    for i, rel in enumerate(ev.attachments):
        file = folder / rel
        line, col = src.doc.where(("attachments", i))
        if rel.startswith("/") or not inside(file, folder):
            refs.problems.append(
                Problem(
                    src.path,
                    line,
                    col,
                    f"attachment `{rel}` is outside content/evidence/",
                    "put the file in content/evidence/files/ and name it "
                    "relative to content/evidence/",
                )
            )
        elif kind := regular.kind_of(file):
            refs.problems.append(
                Problem(
                    src.path, line, col, f"attachment `{rel}` is {kind}, not a file",
                    f"put a regular file at content/evidence/{rel}",
                )
            )  # fmt: skip
        elif not file.is_file():
            refs.problems.append(
                Problem(
                    src.path,
                    line,
                    col,
                    f"attachment `{rel}` not found",
                    f"put the file at content/evidence/{rel}",
                )
            )


def check_target(
    target: Target,
    src: SourceFile,
    refs: Refs,
    root: Path,
    goals: dict[str, Goal],
    evidence: dict[str, Evidence],
) -> dict[str, Any] | None:
    """Check what a target names; return its job description, if it has a valid one."""
    problems = refs.problems

    def problem(loc: tuple[str | int, ...], message: str, hint: str) -> None:
        line, col = src.doc.where(loc)
        problems.append(Problem(src.path, line, col, message, hint))

    goal = goals.get(target.goal) if target.goal else None
    if target.goal:
        refs.check(src, ("goal",), target.goal, "goal")
    for key in ("pin", "exclude"):
        for i, ref in enumerate(getattr(target, key)):
            if not refs.check(src, (key, i), ref, "evidence") or ref not in evidence:
                continue
            if key == "pin" and ref in target.exclude:
                problem((key, i), f"`{ref}` is both pinned and excluded", "remove it from one list")
            elif key == "pin" and not evidence[ref].public and not target.include_private:
                problem(
                    (key, i),
                    f"`{ref}` is private evidence, and this target has `include_private: false`",
                    "set `include_private: true` or unpin it",
                )
    if target.explicit_outputs:
        for i, output in enumerate(target.outputs):
            if output == "promotion-case" and goal is None and target.goal in refs.ids["goal"]:
                continue  # the goal's file has errors of its own, already reported
            if output == "promotion-case" and (goal is None or goal.framework != "evidence-ladder"):
                framework = goal.framework if goal else None
                problem(
                    ("outputs", i),
                    "a promotion case needs a goal with `framework: evidence-ladder`"
                    + (f"; `{goal.id}` uses {framework or 'no framework'}" if goal else ""),
                    "remove `promotion-case` from `outputs`, or name an evidence-ladder goal",
                )
            elif output == "pitch" and not target.goal:
                problem(
                    ("outputs", i),
                    "a pitch needs the goal it answers for",
                    "add `goal: <goal id>`, or remove `pitch` from `outputs`",
                )
    if not target.job:
        return None
    job = (root / src.path).parent / target.job
    if not inside(job, root) or not job.is_file():
        problem(
            ("job",),
            f"job description `{target.job}` not found",
            "name a JSON file relative to this target file",
        )
        return None
    try:
        return read_job(job)
    except Unreadable as exc:
        problem(("job",), f"job description `{target.job}` {exc}", exc.hint)
        return None
