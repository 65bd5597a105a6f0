"""PDFs in a pool of worker processes.

WeasyPrint is slow to import and to lay out (the bench's PDF scenarios say how slow),
and one document cannot be split across cores. So a build that will make PDFs
starts its workers first: they import WeasyPrint while the main process reads the
content and renders the HTML, and then each lays out whole documents, the largest
first, so that the cores finish together. The main process never imports WeasyPrint.

Workers are forked where the system allows it (Linux): they start at once and share
what the main process has already imported. `PORTFOLIO_WORKERS` sets how many (1 to
make PDFs one after another, for comparison).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from portfolio.errors import BuildError
from portfolio.layout import SOURCES, cores
from portfolio.pdf.jobs import PdfError, PdfFailure, PdfJob
from portfolio.system.checkpoints import reached


def _warm() -> None:
    """Runs once in each worker as it starts: the import is the slow part, and the
    first document pays for setting up fonts and the user-agent style sheet."""
    _import()
    from portfolio.pdf.weasy import warm_up

    warm_up()


def _import() -> None:
    """Runs once in each worker as it starts (alone when a document will be waiting
    for it: a warm-up would only delay it, by more than it saves the document)."""
    _leave_with_parent()
    import portfolio.pdf.weasy  # noqa: F401


def _leave_with_parent() -> None:
    """End this worker when the build that started it is gone: a build killed
    outright (SIGKILL, a closed terminal's SIGHUP) cannot stop its workers, which
    would otherwise wait for work forever, each holding its memory."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(0.25)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="portfolio-parent-watch", daemon=True).start()


def _render(job: PdfJob) -> bytes:
    from portfolio.pdf.weasy import render_pdf

    reached("pdf")  # in the worker, as it starts on a document
    # A layout makes millions of short-lived objects and no cycles worth collecting
    # mid-document: the collector's passes would be time spent for nothing.
    gc.disable()
    try:
        return render_pdf(job.html, job.roots, job.base_url, job.variant, job.embed, job.fit)
    finally:
        gc.enable()


def _ready() -> bool:
    return True


SUBSETTER = ("libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib", "libharfbuzz-subset-0.dll")


def fast_subsetter() -> bool:
    """Whether WeasyPrint will find HarfBuzz's font subsetter. Without it, it falls
    back to fontTools, silently, and a two-page resume takes about twice as long."""
    import ctypes
    import ctypes.util

    for name in (*SUBSETTER, ctypes.util.find_library("harfbuzz-subset")):
        if not name:
            continue
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return True
    return False


def expected_pdfs(root: Path, targets: tuple[str, ...] | None, with_packs: bool) -> int:
    """About how many PDFs a build will make, before reading anything: the pool's size."""
    if targets is not None:
        return 3 * len(targets)
    folder, endings = SOURCES["target"]
    packs = 0
    if with_packs and (root / folder).is_dir():
        packs = sum(1 for f in (root / folder).iterdir() if f.name.endswith(endings))
    return 1 + 3 * packs


def pool_for(jobs: int) -> Pdfs:
    """A pool for about `jobs` documents. One document (a site's resume) is ready
    before its worker has imported WeasyPrint, so that worker does not warm up."""
    return Pdfs(workers_wanted(jobs), warm=jobs > 1)


def workers_wanted(jobs: int) -> int:
    """How many workers for about `jobs` documents: one per core, at most one per job
    (unless PORTFOLIO_WORKERS asks for a number)."""
    asked = os.environ.get("PORTFOLIO_WORKERS", "").strip()
    return cores() if asked.isdigit() and int(asked) > 0 else max(1, min(cores(), jobs))


_TRY = (
    "try again with fewer workers at once (PORTFOLIO_WORKERS=1), or with --no-pdf to "
    "build everything else"
)


def _worker_lost() -> BuildError:
    """A worker process ended in the middle of its work: killed (SIGKILL, or by the
    system for want of memory). The pool cannot go on without it, and cannot say which
    document it was on, so every PDF under way is lost."""
    return BuildError(
        "a PDF worker stopped unexpectedly (it was killed, perhaps by the system for want "
        f"of memory), so the PDFs could not be made; {_TRY}"
    )


class Pdfs:
    """A pool started early and given documents later (`submit`). Its workers
    start at once and import WeasyPrint while the build reads the content; a build
    that ends up needing no PDF (all kept from the last one) stops them rather than
    waiting for that import to finish."""

    def __init__(self, workers: int, warm: bool = True) -> None:
        self.workers = workers
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_warm if warm else _import,
        )
        # The pool starts a process per submitted task up to its size: start them now.
        try:
            for _ in range(workers):
                self.pool.submit(_ready)
        except BrokenProcessPool:  # the first worker died as it started
            raise _worker_lost() from None
        self.used = False
        self._futures: dict[str, Future[bytes]] = {}

    def submit(self, job: PdfJob) -> None:
        """Start on `job` now; `results` gives it back. A build submits each PDF as
        soon as its HTML exists, so the workers lay out while it renders the rest."""
        self.used = True
        try:
            self._futures[job.name] = self.pool.submit(_render, job)
        except BrokenProcessPool:  # a worker died before this job: while warming up
            raise _worker_lost() from None

    def results(self) -> dict[str, bytes]:
        """Every submitted job's PDF by name, once all are done. A failure is raised as
        soon as it happens, without waiting for the rest: of those failed by then, the
        first submitted."""
        futures, self._futures = self._futures, {}
        wait(futures.values(), return_when=FIRST_EXCEPTION)
        for name, future in futures.items():
            failure = future.exception() if future.done() else None
            if isinstance(failure, PdfError):
                raise PdfFailure(name, failure)
            if isinstance(failure, BrokenProcessPool):  # the whole pool is gone with it
                raise _worker_lost() from None
            if isinstance(failure, MemoryError):
                raise BuildError(f"{name}: a PDF worker ran out of memory; {_TRY}") from None
        return {name: future.result() for name, future in futures.items()}

    def close(self, abandon: bool = False) -> None:
        """Wait for the workers to finish, or stop them at once: when they were only
        warming up, or when `abandon` (the build failed and wants no PDF)."""
        if abandon or not self.used:
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)
