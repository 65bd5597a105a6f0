"""`portfolio build` and `portfolio serve`: the pipeline (build.py), from a terminal."""

from __future__ import annotations

from pathlib import Path

import click

from portfolio.cli.params import PROJECT, base_url, outcome, warn
from portfolio.cli.terminal import Progress, count, pack_lines, summary, up_to_date
from portfolio.errors import Problem, UserError
from portfolio.options import BuildOptions


@click.command()
@PROJECT
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the site.  [default: PROJECT/site]",
)
@click.option(
    "--base-url",
    callback=base_url,
    metavar="URL",
    help="Where the site will be served, e.g. https://ada.github.io/portfolio/ "
    "(overrides portfolio.yaml).",
)
@click.option(
    "--packs",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the private packs, one folder per target.  [default: PROJECT/packs]",
)
@click.option("--no-pdf", is_flag=True, help="Skip the PDFs (faster).")
@click.option(
    "--target",
    "-t",
    "targets",
    multiple=True,
    metavar="ID",
    help="Build only this target's pack (repeat for more); the site is left as it is.",
)
@click.option(
    "--no-packs", is_flag=True, help="Build only the public site (for CI that publishes it)."
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Make every page and PDF again, ignoring (and not updating) what the last build kept.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--verbose", "-v", is_flag=True, help="Print every step, and every pack.")
@outcome("nothing was written.")
def build(
    project: Path,
    out: Path | None,
    base_url: str | None,
    packs: Path | None,
    no_pdf: bool,
    targets: tuple[str, ...],
    no_packs: bool,
    no_cache: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Validate PROJECT, build its public site (HTML and PDF) and, for every target in
    content/targets/, its private pack: tailored resume, promotion case, pitch and
    evidence pack.

    Only what changed since the last build is made again; with nothing changed, it
    says so and stops. The cache is kept outside the project (see --no-cache)."""
    from portfolio.system.locks import project_lock

    options = BuildOptions.of(
        project, out, packs, base_url=base_url, pdf=not no_pdf, targets=targets or None,
        with_packs=not no_packs, cache=not no_cache,
    )  # fmt: skip
    progress = Progress(-1 if quiet else int(verbose))

    def waiting() -> None:
        progress.done()
        if not quiet:
            click.echo(
                "Another build of this project is running; waiting for it to finish "
                "(Ctrl-C to stop).",
                err=True,
            )

    with project_lock(options.root, waiting):  # before the cache: the other build may change it
        _build(options, progress)


def _build(options: BuildOptions, progress: Progress) -> None:
    """Up to date, or a build: the quick answer needs nothing but the standard library."""
    from portfolio.cache.store import Cache, settings

    quiet, verbose = progress.verbosity < 0, progress.verbosity > 0
    if options.cache:
        progress("looking for changes since the last build")
    cache = Cache(options.root, skip=(options.out, options.packs), enabled=options.cache)
    if cache.refused:
        progress.done()
        click.echo(f"warning: {cache.refused}; building everything, without a cache", err=True)
    wanted = settings(options.base_url, options.pdf)
    folders = options.folders(cache.targets())
    fresh = cache.fresh({folder: wanted for folder in folders})
    if fresh is not None:
        warn(cache.warnings())
        if not quiet:
            site = None if options.targets else fresh[0]
            click.echo(up_to_date(site, fresh if options.targets else fresh[1:]))
        return
    warnings: list[Problem] = []
    try:
        pool = None
        if options.pdf:  # first, so the workers import WeasyPrint while this imports the rest
            from portfolio.pdf.pool import expected_pdfs, pool_for

            pool = pool_for(expected_pdfs(options.root, options.targets, options.with_packs))
        from portfolio.build import build as run_build

        report = run_build(options, progress=progress, cache=cache, pool=pool, warnings=warnings)
    finally:
        progress.done()
        warn(warnings)
    if verbose:
        click.echo("\n".join(pack_lines(report)))
    if not quiet:
        click.echo(summary(report))


@click.command()
@PROJECT
@click.option(
    "--port", "-p", default=8000, show_default=True, type=click.IntRange(0, 65535),
    help="The port on 127.0.0.1 (0: any free port).",
)  # fmt: skip
def serve(project: Path, port: int) -> None:
    """Serve PROJECT's site on http://127.0.0.1:PORT under its base path, rebuild it
    whenever content/, a theme or portfolio.yaml changes, and reload the open pages.
    A content error shows in the page; the last good site stays up. Ctrl-C stops."""
    import signal
    import threading
    from urllib.parse import quote

    from portfolio.build import preview
    from portfolio.site import serve as live_site

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    def report(changed: list[str], problem: str | None) -> None:
        if problem:
            click.echo(problem, err=True)
        elif changed:
            click.echo(f"Rebuilt: {count(len(changed), 'file')} changed.")

    # From the start, so that Ctrl-C at any moment (even during the first build) stops
    # it the same way, removing its temporary copy of the site.
    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)  # even where a shell started us ignoring it
    stop = threading.Event()
    root = project.resolve()
    try:
        server, live = live_site.start(root, port, preview)
    except OSError as exc:
        raise UserError(
            f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}; choose another --port"
        ) from None
    except KeyboardInterrupt:
        click.echo("Stopped.")
        return
    watcher = threading.Thread(target=live_site.watch, args=(live, stop, report), daemon=True)
    try:
        if live.problem:
            click.echo(live.problem, err=True)
        url = f"http://127.0.0.1:{server.server_port}{quote(live.prefix)}"
        click.echo(f"Serving {url} (Ctrl-C to stop)")
        watcher.start()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
        if watcher.is_alive():  # a rebuild under way finishes before its folder goes
            watcher.join()
        live_site.cleanup(live)
    click.echo("Stopped.")
