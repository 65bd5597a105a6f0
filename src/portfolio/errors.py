"""User errors: located, actionable, collected all at once.

A `Problem` is a mistake in the user's content (never a bug in the program): it
knows the file, the line and column, what is wrong and how to fix it. Stages collect
problems instead of raising on the first, so one run reports every mistake.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the user's files, located to the character."""

    path: str  # relative to the project root, with forward slashes
    line: int  # 1-based
    column: int  # 1-based
    message: str
    hint: str = ""

    def format(self) -> str:
        head = f"{self.path}:{self.line}:{self.column}: {self.message}"
        return f"{head}\n    hint: {self.hint}" if self.hint else head


class ContentError(Exception):
    """Raised by a stage that cannot go on: carries every problem found so far."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the content")

    def format(self, outcome: str = "nothing was written.") -> str:
        """Every problem, then how many and what came of it (`outcome`)."""
        count = len(self.problems)
        body = "\n".join(p.format() for p in self.problems)
        return f"{body}\n{count} error{'s' if count != 1 else ''}: {outcome}"


class BuildError(Exception):
    """A build that cannot finish for a reason the user can fix (not a content problem)."""
