"""The build, in the order it happens: the table of contents of the program.

    load     read, check and link the content; resolve the theme      (content/, site/)
    views    the public portfolio; each target's pack                 (content/, packs/)
    pages    every page in memory                                     (site/, packs/)
    files    the resume as Word, plain text and Markdown              (documents/)
    PDFs     laid out by worker processes while the pages render      (pdf/)
    write    each folder written aside, then swapped in whole         (site/write.py)
    remember what was made from what, for the next build              (cache/)

The command line (`build`, `check`, `export`) and the live preview (`serve`) call
these functions; none of them restates the pipeline.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from portfolio.audit.audit import Finding, audit
from portfolio.audit.letters import letter_findings
from portfolio.cache.memos import Memos
from portfolio.cache.store import Cache, settings
from portfolio.content.dates import build_date
from portfolio.content.glyphs import unprintable
from portfolio.content.markdown import renderer
from portfolio.content.portfolio import Portfolio, assemble, public_view
from portfolio.content.read import load_project
from portfolio.content.validate import suggest
from portfolio.errors import BuildError, ContentError, Problem
from portfolio.layout import CONFIG
from portfolio.options import BuildOptions
from portfolio.output import BuildReport, Output, Preview, report, summary
from portfolio.packs.letter_text import measure
from portfolio.packs.pack import build_pack
from portfolio.packs.pages import pack_jobs, render_pack
from portfolio.pdf.pool import Pdfs, expected_pdfs, pool_for
from portfolio.pdf.queue import PdfQueue
from portfolio.site.render import offers, render_site, resume_job
from portfolio.site.theme_options import configured
from portfolio.site.write import keep_files, recover, write_tree
from portfolio.system.checkpoints import reached
from portfolio.system.locks import project_lock

Progress = Callable[[str], None]
Trees = dict[Path, list[Output]]  # each folder a build writes, and its files


def _quiet(step: str) -> None:
    """The default progress callback: say nothing."""


def build(
    options: BuildOptions,
    *,
    progress: Progress = _quiet,
    cache: Cache | None = None,
    pool: Pdfs | None = None,
    warnings: list[Problem] | None = None,
) -> BuildReport:
    """Build what `options` asks for: the public site, and each target's private pack.

    One build of a project at a time (system/locks.py). Everything is made in memory
    first and written only once all of it has worked, so a failure leaves what was
    built before untouched. `progress` hears of each step as it starts. With `cache`,
    what has not changed since the last build is kept rather than made again. `pool`:
    PDF workers started earlier (the command line starts them before it imports this
    module); the build closes it. `warnings` hears of what was skipped (a named pipe
    where a file should be), even when the build then fails.
    """
    with project_lock(options.root, lambda: progress("waiting for another build of this project")):
        started = time.perf_counter()
        cache = cache or Cache(options.root, enabled=False)
        recover(options.out)  # a build killed mid-swap left the previous site beside it
        if options.pdf and pool is None:
            pool = pool_for(expected_pdfs(options.root, options.targets, options.with_packs))
        try:
            trees, pdfs, memos = make(options, progress, cache, pool, warnings)
        except BaseException:
            if pool:  # the build has failed: stop the PDFs under way rather than wait for them
                pool.close(abandon=True)
            raise
        if pool:
            pool.close()
        progress("writing the files")
        write(trees, memos)
        counts = {folder: pdfs.count(folder) for folder in trees}
        remember(cache, options, trees, counts, warnings or ())
        out = options.out if options.targets is None else None
        seconds = time.perf_counter() - started
        return report(out, trees, counts, memos.made, memos.kept, seconds)


def make(
    options: BuildOptions,
    progress: Progress,
    cache: Cache,
    pool: Pdfs | None,
    warnings: list[Problem] | None,
) -> tuple[Trees, PdfQueue, Memos]:
    """Every output in memory: the site's pages, each pack's, and their PDFs."""
    progress("reading and checking the content")
    portfolio, theme = load(options.root, cache, warnings, glyphs=True)
    reached("loaded")
    if options.base_url is not None:
        portfolio = _with_base_url(portfolio, options.base_url)
    md = renderer(portfolio.config.unsafe_html)
    memos = Memos(cache)
    pdfs = PdfQueue(memos, pool, progress)
    trees: Trees = {}
    if options.targets is None:
        public = public_view(portfolio)
        if options.pdf and offers(theme, "resume_pdf"):  # first: laid out while pages render
            pdfs.add(options.out, [resume_job(public, theme, md)])
        progress("the site's pages")
        memo = memos(options.out)
        trees[options.out] = render_site(public, theme, md, with_pdf=options.pdf, memo=memo)
    for target in _targets(options, portfolio):
        progress(f"the pack for {target}")
        pack = build_pack(portfolio, portfolio.targets[target])
        folder = options.packs / target
        if options.pdf:
            pdfs.add(folder, pack_jobs(pack, theme, md))
        trees[folder] = render_pack(pack, theme, md, with_pdf=options.pdf, memo=memos(folder))
    for folder, outputs in pdfs.finish(portfolio).items():
        trees[folder] += outputs
    return trees, pdfs, memos


def load(
    root: Path,
    cache: Cache | None = None,
    warnings: list[Problem] | None = None,
    *,
    glyphs: bool = False,
) -> tuple[Portfolio, Any]:
    """Read, validate and link the project, and resolve its theme: every problem at once.
    With `cache`, files unchanged since the last build are not parsed again, and what
    was parsed is left in `cache.loaded` for the next one. What was skipped (a named
    pipe where a file should be) goes into `warnings`, and with `glyphs` (a build) each
    character of the content that no font draws (content/glyphs.py)."""
    known = cache.sources() if cache is not None else {}
    sources, problems = load_project(root, known, warnings)
    if cache is not None:
        cache.loaded = {s.path: s for s in sources if s.readable}
        cache.parsed = sum(1 for s in sources if known.get(s.path) is not s)
    portfolio = assemble(root, sources, problems, build_date())
    config = next((s.doc for s in sources if s.kind == "config"), None)
    theme = configured(portfolio.config.theme if portfolio else None, config, root, problems,
                       warnings)  # fmt: skip
    if portfolio is None or theme is None or problems:
        raise ContentError(problems)
    if glyphs and warnings is not None:
        warnings += unprintable(root, sources, theme.folders)
    return portfolio, theme


def write(trees: Trees, memos: Memos) -> None:
    """Each folder written aside and swapped in whole; copies the last build made of
    files unchanged since are linked, not copied again."""
    for folder, outputs in trees.items():
        tree = memos(folder)
        write_tree(folder, keep_files(tree, outputs) if tree is not None else outputs)


def remember(
    cache: Cache,
    options: BuildOptions,
    trees: Trees,
    pdfs: dict[Path, int],
    warnings: list[Problem] | tuple[()],
) -> None:
    """What this build read and made, for the next one to keep what has not changed."""
    if not cache.enabled:
        return
    reached("cache")
    wanted = settings(options.base_url, options.pdf)
    made = {folder: (wanted, summary(outputs, pdfs[folder])) for folder, outputs in trees.items()}
    cache.save(cache.loaded, made, warnings)


def preview(root: Path, cache: Cache, out: Path) -> Preview:
    """The public site without its PDF and its Word file, in memory, for the live
    preview: what `build` writes to site/, made again only where `cache` (kept in
    memory) says it changed."""
    portfolio, theme = load(root, cache)
    public = public_view(portfolio)
    md = renderer(portfolio.config.unsafe_html)
    tree = Memos(cache)(out)
    outputs = render_site(public, theme, md, with_pdf=False, memo=tree, with_docx=False)
    outputs = keep_files(tree, outputs) if tree is not None else outputs
    watched = (root / "content", root / CONFIG, *theme.folders)
    return Preview(outputs, portfolio.config.base_url, watched)


def check(root: Path, warnings: list[Problem] | None = None) -> tuple[Portfolio, list[Finding]]:
    """Validate the project as `build` does, then audit every goal, public or private,
    and every target's cover letter."""
    portfolio, theme = load(root, warnings=warnings)
    findings = audit(portfolio)
    md = renderer(portfolio.config.unsafe_html)
    for target in portfolio.targets.values():
        if "cover-letter" in target.outputs:
            facts = measure(build_pack(portfolio, target), theme, md)
            findings += letter_findings(portfolio, facts)
    return portfolio, sorted(findings)


def export_resume(root: Path, include_private: bool = False) -> dict[str, Any]:
    """The project as a JSON Resume: the public view unless `include_private`."""
    from portfolio.interop.jsonresume_out import export_jsonresume

    portfolio, _ = load(root)
    return export_jsonresume(portfolio if include_private else public_view(portfolio))


def _targets(options: BuildOptions, portfolio: Portfolio) -> tuple[str, ...]:
    """The packs to make; `--target` must name targets that exist (a typo gets the
    nearest id)."""
    if options.targets is None:
        return tuple(portfolio.targets) if options.with_packs else ()
    for target in options.targets:
        if target not in portfolio.targets:
            close = suggest(target, portfolio.targets)
            known = ", ".join(portfolio.targets) or "none: add one in content/targets/"
            raise BuildError(
                f"no target with id `{target}` in content/targets/; "
                + (f"did you mean `{close}`?" if close else f"the targets are: {known}")
            )
    return options.targets


def _with_base_url(p: Portfolio, base_url: str) -> Portfolio:
    config = p.config.model_validate(
        {**p.config.model_dump(exclude_unset=True), "base_url": base_url}
    )
    return replace(p, config=config)
