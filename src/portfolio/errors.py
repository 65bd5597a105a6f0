"""User errors: located, actionable, collected all at once.

A `UserError` is anything the person running the program can fix: their content, a
command's arguments, their machine (a full disk, a port taken). Every one of them is
said in words by one handler (cli/main.py), never shown as a traceback; anything else
is a bug, and crashes loudly.

A `Problem` is a mistake in the user's content: it knows the file, the line and
column, what is wrong and how to fix it. Stages collect problems instead of raising on
the first, so one run reports every mistake (`ContentError` carries them all).
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


class UserError(Exception):
    """A mistake the user can fix; its message says what and how."""

    def report(self, outcome: str = "") -> str:
        """What the command prints: the error, then what came of it (`outcome`, such
        as "nothing was written.")."""
        return f"error: {self}" + (f"\n{outcome}" if outcome else "")


class ContentError(UserError):
    """Raised by a stage that cannot go on: carries every problem found so far."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} problem(s) in the content")

    def format(self, outcome: str = "nothing was written.") -> str:
        """Every problem, then how many and what came of it (`outcome`)."""
        count = len(self.problems)
        body = "\n".join(p.format() for p in self.problems)
        return f"{body}\n{count} error{'s' if count != 1 else ''}: {outcome}"

    def report(self, outcome: str = "") -> str:
        return self.format(outcome or "nothing was written.")


class BuildError(UserError):
    """A build that cannot finish for a reason the user can fix (not a content problem)."""
