"""The build's PDFs: each handed to the worker pool as soon as its HTML exists (the
largest document of a pack first), unless the cache kept it from the last build; and
a PDF that fails because of what it refused to read, said where the content names it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from portfolio.cache.memos import Memos
from portfolio.clock import source_date
from portfolio.content.portfolio import Portfolio
from portfolio.content.read import find_reference
from portfolio.errors import BuildError, ContentError, Problem
from portfolio.layout import PROFILE
from portfolio.output import Output
from portfolio.pdf.jobs import PdfFailure, PdfJob
from portfolio.pdf.pool import Pdfs, fast_subsetter
from portfolio.system.checkpoints import reached

Progress = Callable[[str], None]


class PdfQueue:
    """The build's PDFs, in the pool or kept, by the folder each goes to."""

    def __init__(self, memos: Memos, pool: Pdfs | None, progress: Progress) -> None:
        self.memos, self.pool, self.progress = memos, pool, progress
        self.jobs: list[tuple[Path, PdfJob]] = []
        self.kept: list[tuple[Path, str, Path]] = []
        self.todo: list[tuple[Path, str, PdfJob, str]] = []  # folder, file, job, key

    def add(self, folder: Path, jobs: list[PdfJob]) -> None:
        """Start making `jobs` (the PDFs of `folder`), or keep what the cache has."""
        for job in sorted(jobs, key=lambda j: -len(j.html)):
            self.jobs.append((folder, job))
            file = job.name.rsplit("/", 1)[-1]
            key = self._key(job)
            kept = self.memos.reuse(folder, file, key)
            if kept is not None:
                self.kept.append((folder, file, kept))
                continue
            if not self.todo and not fast_subsetter():
                self.progress(
                    "note: libharfbuzz-subset is missing, so WeasyPrint subsets fonts with "
                    "fontTools (slower); install it (Debian: libharfbuzz-subset0)"
                )
            assert self.pool is not None, "a build that makes PDFs starts its pool first"
            self.pool.submit(job)
            self.todo.append((folder, file, job, key))

    def _key(self, job: PdfJob) -> str:
        """A PDF is its HTML, its settings, the moment it is stamped with
        (`SOURCE_DATE_EPOCH`) and the files it may read: the project's images and
        attachments, and the theme's style sheets and fonts."""
        if not self.memos.enabled:
            return ""
        return self.memos.prints.key(
            self.memos.assets(),
            str(source_date()),
            job.name,
            job.html,
            tuple(str(r) for r in job.roots),
            job.base_url,
            job.variant,
            tuple((str(e.path), e.name, e.description) for e in job.embed),
        )

    def count(self, folder: Path) -> int:
        return sum(1 for f, _ in self.jobs if f == folder)

    def finish(self, p: Portfolio) -> dict[Path, list[Output]]:
        """Every PDF as an output of its folder; a refused URL becomes a located
        problem in the file that names it."""
        outputs: dict[Path, list[Output]] = {}
        for folder, file, kept in self.kept:
            outputs.setdefault(folder, []).append(Output(file, source=kept, kept=True))
        if not self.todo:
            return outputs
        assert self.pool is not None
        workers = self.pool.workers
        self.progress(f"{len(self.todo)} PDFs on {workers} worker{'s' * (workers > 1)}")
        reached("pdfs")
        try:
            made = self.pool.results()
        except PdfFailure as failure:
            raise located(failure, p) from None
        for folder, file, job, key in self.todo:
            outputs.setdefault(folder, []).append(Output(file, made[job.name]))
            self.memos.record(folder, file, key)
        return outputs


def located(failure: PdfFailure, p: Portfolio) -> BuildError | ContentError:
    """A PDF that failed, as an error in the content file that named what it refused."""
    exc = failure.error
    files = [PROFILE]
    files += [g.source for g in p.goals.values()] + [e.source for e in p.evidence.values()]
    where = find_reference(p.root, files, exc.url) if exc.url else None
    if where is None:
        return BuildError(f"{failure.name}: {exc}")
    return ContentError(
        [
            Problem(
                *where,
                f"{failure.name} cannot be made: {exc}",
                "use an image or file inside content/evidence/ and name it with a "
                "relative path, or make it a plain link",
            )
        ]
    )
