"""Work shared with forked copies of this process: many pages on every core.

Rendering many pages is as many independent pieces of pure Python: processes on other
cores share the work, and the time falls nearly in proportion. The copies are forked
once everything is loaded, so they start with the portfolio, the views and the
compiled templates already in memory, and only the results (bytes) travel back.

Only where forking is safe: on a system that has `fork`, from a process with no
other thread (a build making PDFs has the PDF pool's thread, and its cores are busy
with WeasyPrint anyway). Elsewhere, and for little work, everything runs here.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from portfolio.errors import BuildError
from portfolio.layout import cores

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def share(work: Callable[[T], R], items: Sequence[T], least: int = 64) -> list[R]:
    """`[work(i) for i in items]`, the items dealt round-robin to this process and to
    forked copies of it (one per core) when there are at least `least` per process.
    An exception in a copy is raised here, as it would have been."""
    workers = min(cores(), len(items) // max(1, least))
    if workers < 2 or not can_fork():
        return [work(item) for item in items]
    children: list[tuple[int, int]] = []
    for n in range(1, workers):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the copy: do its share, send it back, and leave without cleanup
            os.close(read)
            _child(work, items[n::workers], write)
        os.close(write)
        children.append((pid, read))
    shares: list[list[R]] = []
    try:
        shares.append([work(item) for item in items[0::workers]])
        while children:
            pid, read = children[0]
            with os.fdopen(read, "rb") as pipe:
                children.pop(0)
                try:
                    kind, value = pickle.load(pipe)
                except (EOFError, pickle.UnpicklingError):
                    kind, value = "error", BuildError("a worker process died rendering pages")
            os.waitpid(pid, 0)
            if kind == "error":
                raise value
            shares.append(value)
    finally:
        for pid, read in children:  # after a failure here: stop the others
            os.close(read)
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
    results: list[R] = [None] * len(items)  # type: ignore[list-item]
    for n, part in enumerate(shares):
        results[n::workers] = part
    return results


def _child(work: Callable[[T], R], items: Sequence[T], write: int) -> None:
    status = 0
    try:
        result: Any = ("ok", [work(item) for item in items])
    except BaseException as exc:  # everything goes back to the parent
        result, status = ("error", _portable(exc)), 1
    try:
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(result, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        os._exit(status)


def _portable(exc: BaseException) -> BaseException:
    """The exception, or a BuildError saying what it was if it cannot be pickled."""
    try:
        pickle.dumps(exc)
    except Exception:
        return BuildError(f"{type(exc).__name__}: {exc}")
    return exc
