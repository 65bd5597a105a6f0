"""Timing a command as a whole process: wall time and the peak memory of the process
tree's largest member, over several runs, with a setup step before each run."""

from __future__ import annotations

import http.client
import os
import socket
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


def live_edits(
    name: str,
    argv: Sequence[str | Path],
    runs: int,
    edit: Callable[[], None],
    env: dict[str, str] | None = None,
    events: str = "/__portfolio/events",
) -> Result:
    """Start `portfolio serve` (`argv`, without `--port`), then `runs` times: `edit`,
    and time until the server tells the open pages to reload. That is what the person
    at the editor waits for: the watcher noticing, the rebuild, the event."""
    result = Result(name)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [*(str(a) for a in argv), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    try:
        first = process.stdout.readline() if process.stdout else ""
        if not first.startswith("Serving"):
            error = process.stderr.read() if process.stderr else ""
            result.failed = (error.strip().splitlines() or ["serve did not start"])[-1]
            return result
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", events)
        stream = connection.getresponse()

        def next_reload() -> None:
            while True:
                line = stream.readline()
                if not line:
                    raise RuntimeError("the event stream closed")
                if line.strip() == b"event: problem":
                    raise RuntimeError("the edit made the content invalid")
                if line.strip() == b"event: reload":
                    stream.readline()  # its data line
                    return

        next_reload()  # a new page is told at once that the site has moved on
        for _ in range(runs):
            edit()
            started = time.perf_counter()
            next_reload()
            result.times.append(time.perf_counter() - started)
        status = Path(f"/proc/{process.pid}/status")
        if status.is_file():
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    result.peak_kb = int(line.split()[1])
        connection.close()
    except (OSError, RuntimeError) as exc:
        result.failed = str(exc)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return result
