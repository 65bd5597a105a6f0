"""The build, in the order it happens: the table of contents of the program."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from portfolio.audit.audit import Finding, audit
from portfolio.cache.fingerprint import Fingerprints
from portfolio.cache.store import Cache, Tree
from portfolio.cache.store import settings as cache_settings
from portfolio.clock import source_date
from portfolio.content.dates import build_date
from portfolio.content.markdown import Markdown, renderer
from portfolio.content.portfolio import Portfolio, assemble, public_view
from portfolio.content.read import SourceFile, find_reference, load_project
from portfolio.content.validate import suggest
from portfolio.errors import BuildError, ContentError, Problem
from portfolio.packs.pack import Pack, build_pack
from portfolio.packs.pages import render_pack, render_pack_print
from portfolio.pdf.jobs import Embedded, PdfFailure, PdfJob
from portfolio.pdf.pool import Pdfs, expected_pdfs, fast_subsetter, pool_for
from portfolio.site.output import Output
from portfolio.site.render import render_resume_print, render_site
from portfolio.site.theme_options import chart_colours, declared, resolve_options
from portfolio.site.themes import Theme, resolve
from portfolio.site.write import recover, write_tree
from portfolio.system.checkpoints import reached
from portfolio.system.locks import project_lock


@dataclass(frozen=True)
class PackReport:
    target: str
    out: Path
    files: int
    pdfs: int


@dataclass(frozen=True)
class BuildReport:
    out: Path | None  # None: the site was not built (`--target`)
    pages: int
    pdfs: int
    files: int
    seconds: float
    packs: tuple[PackReport, ...] = ()
    made: int = 0  # pages and PDFs made this time
    kept: int = 0  # pages and PDFs kept from the last build, their inputs unchanged


def load(
    root: Path, cache: Cache | None = None, warnings: list[Problem] | None = None
) -> tuple[Portfolio, Theme]:
    """Read, validate and link the project, and resolve its theme: every problem at once.
    With `cache`, files unchanged since the last build are not parsed again, and what
    was parsed is left in `cache.loaded` for the next one. What was skipped (a named
    pipe where a file should be) goes into `warnings`."""
    known = cache.sources() if cache is not None else {}
    sources, problems = load_project(root, known, warnings)
    if cache is not None:
        cache.loaded = {s.path: s for s in sources if s.readable}
        cache.parsed = sum(1 for s in sources if known.get(s.path) is not s)
    portfolio = assemble(root, sources, problems, build_date())
    config_src = next((s for s in sources if s.kind == "config"), None)
    line, col = config_src.doc.where(("theme",)) if config_src else (1, 1)
    name = portfolio.config.theme if portfolio else _theme_name(config_src)
    theme = resolve(name, root, ("portfolio.yaml", line, col), warnings)
    if isinstance(theme, Problem):
        problems.append(theme)
    else:
        given = config_src.doc.data.get("theme_options") if config_src else None
        values, found = resolve_options(
            declared(theme.folders), given, config_src.doc if config_src else None, name
        )
        problems += found
        colours = chart_colours(theme.folders)
        theme = replace(theme, options=tuple(values.items()), chart=tuple(colours.items()))
    if portfolio is None or problems or isinstance(theme, Problem):
        raise ContentError(problems)
    return portfolio, theme


def check(root: Path, warnings: list[Problem] | None = None) -> tuple[Portfolio, list[Finding]]:
    """Validate the project as `build` does, then audit every goal, public or private."""
    portfolio, _ = load(root, warnings=warnings)
    return portfolio, audit(portfolio)


def export_resume(root: Path, include_private: bool = False) -> dict[str, Any]:
    """The project as a JSON Resume: the public view unless `include_private`."""
    from portfolio.interop.jsonresume_out import export_jsonresume

    portfolio, _ = load(root)
    return export_jsonresume(portfolio if include_private else public_view(portfolio))


def _theme_name(config: SourceFile | None) -> str:
    """The theme named in a config file that has other errors, so it is checked too."""
    value = config.doc.data.get("theme") if config else None
    return value if isinstance(value, str) and value else "classic"


Progress = Callable[[str], None]


def _quiet(step: str) -> None:
    """The default progress callback: say nothing."""


def build(
    root: Path,
    out: Path,
    *,
    packs: Path | None = None,
    base_url: str | None = None,
    pdf: bool = True,
    targets: tuple[str, ...] | None = None,
    with_packs: bool = True,
    progress: Progress = _quiet,
    cache: Cache | None = None,
    pool: Pdfs | None = None,
    warnings: list[Problem] | None = None,
) -> BuildReport:
    """Build the public site of the project at `root` into `out`, and every target's
    pack into `packs/<id>/`. With `targets`, build only those packs and not the site;
    without `with_packs`, only the site (what a CI that publishes it needs).

    Everything is rendered in memory first; files are written only once all of it
    has worked, so a failure leaves what was built before untouched. PDFs are laid out
    in worker processes started before anything else (pdf/pool.py). `progress` hears
    of each step as it starts, for a terminal to show. With `cache` (cache/store.py), what
    has not changed since the last build is kept rather than made again. `pool`: PDF
    workers started even earlier (the command line starts them before it imports
    this module); the build closes it. `warnings` hears of what was skipped (a named
    pipe where a file should be), even when the build then fails.
    """
    with project_lock(root, lambda: progress("waiting for another build of this project")):
        started = time.perf_counter()
        cache = cache or Cache(root, enabled=False)
        try:
            recover(out)  # a build killed mid-swap left the previous site beside it: put it back
            if pdf and pool is None:
                pool = pool_for(expected_pdfs(root, targets, with_packs))
            progress("reading and checking the content")
            portfolio, theme = load(root, cache, warnings)
            reached("loaded")
            if base_url is not None:
                portfolio = _with_base_url(portfolio, base_url)
            packs = packs or root / "packs"
            _check_apart(out, packs)
            chosen = (
                targets if targets is not None else tuple(portfolio.targets) if with_packs else ()
            )
            _check_targets(chosen, portfolio)
            md = renderer(portfolio.config.unsafe_html)
            memos = Memos(cache)
            trees: dict[Path, list[Output]] = {}
            pdfs = _PdfQueue(memos, pool, progress)
            if targets is None:
                if pdf:  # started first: a worker lays it out while the pages are rendered
                    pdfs.add(out, [_resume_job(public_view(portfolio), theme, md)])
                trees[out] = site_outputs(portfolio, theme, pdf, progress, memos(out))
            for target in chosen:
                progress(f"the pack for {target}")
                pack = build_pack(portfolio, portfolio.targets[target])
                folder = packs / target
                if pdf:
                    pdfs.add(folder, _pack_jobs(pack, theme, md))
                trees[folder] = render_pack(pack, theme, md, with_pdf=pdf, memo=memos(folder))
            for folder, outputs in pdfs.finish(portfolio).items():
                trees[folder] += outputs
        except BaseException:
            if pool:  # the build has failed: stop the PDFs under way rather than wait for them
                pool.close(abandon=True)
            raise
        if pool:
            pool.close()
        progress("writing the files")
        pdf_counts = {folder: pdfs.count(folder) for folder in trees}
        for folder, outputs in trees.items():
            if memos.enabled:
                outputs = memos.keep_files(folder, outputs)
            write_tree(folder, outputs)
        site = trees.get(out, [])
        reports = tuple(
            PackReport(folder.name, folder, len(outputs), pdf_counts[folder])
            for folder, outputs in trees.items()
            if folder != out
        )
        pages = sum(1 for o in site if o.path.endswith(".html"))
        if memos.enabled:
            reached("cache")
            wanted = cache_settings(base_url, pdf)
            cache.save(
                cache.loaded,
                {
                    folder: (wanted, _summary(outputs, pdf_counts[folder]))
                    for folder, outputs in trees.items()
                },
                warnings or (),
            )
        return BuildReport(
            out if targets is None else None,
            pages,
            pdf_counts.get(out, 0),
            len(site),
            time.perf_counter() - started,
            reports,
            made=sum(t.rendered for t in memos.trees.values()),
            kept=sum(t.reused for t in memos.trees.values()),
        )


def _summary(outputs: list[Output], pdfs: int) -> dict[str, int]:
    """What a tree holds, for "up to date" to say without building."""
    pages = sum(1 for o in outputs if o.path.endswith(".html"))
    return {"pages": pages, "pdfs": pdfs, "files": len(outputs)}


class Memos:
    """The cache's trees for one build, with the digests they share."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self.enabled = cache.enabled
        self.prints = Fingerprints()
        self.trees: dict[Path, Tree] = {}
        self._salt: str | None = None
        self._assets: str | None = None

    def __call__(self, folder: Path) -> Tree | None:
        if not self.enabled:
            return None
        if folder not in self.trees:
            if self._salt is None:
                self._salt = self.cache.digest("themes/")
            tree = self.cache.tree(folder)
            tree.prints, tree.salt = self.prints, self._salt
            self.trees[folder] = tree
        return self.trees[folder]

    def reuse(self, folder: Path, rel: str, key: str) -> Path | None:
        tree = self(folder)
        return tree.reuse(rel, key) if tree is not None else None

    def record(self, folder: Path, rel: str, key: str) -> None:
        tree = self(folder)
        if tree is not None:
            tree.record(rel, key)

    def pdf_key(self, job: PdfJob) -> str:
        """A PDF is its HTML, its settings, the moment it is stamped with
        (`SOURCE_DATE_EPOCH`) and the files it may read: the project's images and
        attachments, and the theme's style sheets and fonts."""
        if not self.enabled:
            return ""
        if self._assets is None:
            self._assets = self.cache.assets_digest()
        return self.prints.key(
            self._assets,
            str(source_date()),
            job.name,
            job.html,
            tuple(str(r) for r in job.roots),
            job.base_url,
            job.variant,
            tuple((str(e.path), e.name, e.description) for e in job.embed),
        )

    def keep_files(self, folder: Path, outputs: list[Output]) -> list[Output]:
        """Copied files (attachments, theme assets) whose source is as it was are linked
        from the previous output; every file is recorded for the next build's check."""
        tree = self(folder)
        assert tree is not None
        kept = []
        for o in outputs:
            if o.source is not None and not o.kept:
                try:
                    st = o.source.stat()
                except OSError:
                    kept.append(o)
                    continue
                key = f"file {o.source} {st.st_size} {st.st_mtime_ns} {st.st_ino}"
                old = tree.reuse(o.path, key)
                if old is not None:
                    o = Output(o.path, source=old, kept=True)
                    tree.reused -= 1  # a copy kept is not a page kept
                else:
                    tree.made[o.path] = key
            elif o.path not in tree.made:
                tree.made[o.path] = None
            kept.append(o)
        return kept


def site_outputs(
    portfolio: Portfolio,
    theme: Theme,
    pdf: bool,
    progress: Progress = _quiet,
    memo: Tree | None = None,
) -> list[Output]:
    """Every HTML page and copied file of the public site, in memory: what `build`
    writes (with the resume PDF beside them) and `serve` serves."""
    public = public_view(portfolio)
    md = renderer(portfolio.config.unsafe_html)
    progress("the site's pages")
    return render_site(public, theme, md, with_pdf=pdf, memo=memo)


def _check_targets(chosen: tuple[str, ...], portfolio: Portfolio) -> None:
    """`--target` names targets that exist; a typo gets the nearest id."""
    for target in chosen:
        if target not in portfolio.targets:
            close = suggest(target, portfolio.targets)
            known = ", ".join(portfolio.targets) or "none: add one in content/targets/"
            raise BuildError(
                f"no target with id `{target}` in content/targets/; "
                + (f"did you mean `{close}`?" if close else f"the targets are: {known}")
            )


def _check_apart(site: Path, packs: Path) -> None:
    """Packs are private: they may never be written into the site, nor the site into them."""
    site, packs = site.resolve(), packs.resolve()
    if packs.is_relative_to(site) or site.is_relative_to(packs):
        raise BuildError(
            f"the site ({site}) and the packs ({packs}) must be separate folders: "
            "packs are private and must never be published"
        )


def _pack_jobs(pack: Pack, theme: Theme, md: Markdown) -> list[PdfJob]:
    """The PDFs of one target's pack, as jobs for the pool."""
    folder = pack.p.root / "content" / "evidence"
    jobs = []
    for document in ("resume", "promotion-case", "evidence-pack"):
        if document not in pack.outputs:
            continue
        embed: tuple[Embedded, ...] = ()
        if document == "evidence-pack":
            embed = tuple(
                Embedded(folder / a.source, a.name, f"{c.view.ev.title}: {a.name}")
                for c in pack.chosen
                for a in c.view.attachments
            )
        html = render_pack_print(pack, theme, md, document)
        name = f"packs/{pack.target.id}/{document}.pdf"
        jobs.append(_job(name, html, pack.p, theme, embed))
    return jobs


def _resume_job(public: Portfolio, theme: Theme, md: Markdown) -> PdfJob:
    return _job("resume.pdf", render_resume_print(public, theme, md), public, theme)


def _job(
    name: str, html: str, p: Portfolio, theme: Theme, embed: tuple[Embedded, ...] = ()
) -> PdfJob:
    """A PDF that may read only the project and the theme."""
    roots = (p.root, *theme.folders)
    return PdfJob(name, html, roots, p.root.as_uri() + "/", p.config.pdf_variant, embed)


class _PdfQueue:
    """The build's PDFs, each handed to the pool as soon as its HTML exists (the
    largest document of a pack first), unless the cache kept it from the last build."""

    def __init__(self, memos: Memos, pool: Pdfs | None, progress: Progress) -> None:
        self.memos, self.pool, self.progress = memos, pool, progress
        self.jobs: list[tuple[Path, PdfJob]] = []
        self.kept: list[tuple[Path, str, Path]] = []
        self.todo: list[tuple[Path, str, PdfJob, str]] = []  # folder, file, job, key

    def add(self, folder: Path, jobs: list[PdfJob]) -> None:
        for job in sorted(jobs, key=lambda j: -len(j.html)):
            self.jobs.append((folder, job))
            file = job.name.rsplit("/", 1)[-1]
            key = self.memos.pdf_key(job)
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
            raise _located(failure, p) from None
        for folder, file, job, key in self.todo:
            outputs.setdefault(folder, []).append(Output(file, made[job.name]))
            self.memos.record(folder, file, key)
        return outputs


def _located(failure: PdfFailure, p: Portfolio) -> BuildError | ContentError:
    """A PDF that failed, as an error in the content file that named what it refused."""
    exc = failure.error
    files = ["content/profile.yaml"]
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


def _with_base_url(p: Portfolio, base_url: str) -> Portfolio:
    config = p.config.model_validate(
        {**p.config.model_dump(exclude_unset=True), "base_url": base_url}
    )
    return replace(p, config=config)
