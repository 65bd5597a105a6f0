"""Timing a command as a whole process: wall time and the peak memory of the process
tree's largest member, over several runs, with a setup step before each run."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Result:
    name: str
    times: list[float] = field(default_factory=list)
    peak_kb: int = 0
    failed: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def low(self) -> float:
        return min(self.times) if self.times else float("nan")

    @property
    def high(self) -> float:
        return max(self.times) if self.times else float("nan")


def run(
    name: str,
    argv: Sequence[str | Path],
    runs: int,
    cwd: Path | None = None,
    before: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
) -> Result:
    """Run `argv` `runs` times (after `before`, untimed, each time)."""
    result = Result(name)
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(a) for a in argv],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            result.failed = error.strip().splitlines()[-1] if error.strip() else "failed"
            break
        result.times.append(elapsed)
        # ru_maxrss is the largest resident set among the process and its children, in KB.
        result.peak_kb = max(result.peak_kb, usage.ru_maxrss)
    return result
