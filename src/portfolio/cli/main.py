"""The command line: thin click commands that call the pipeline and report."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click

from portfolio import __version__
from portfolio.cli.content import export, import_, new
from portfolio.cli.terminal import Progress, count, pack_lines, shown, style, summary, up_to_date
from portfolio.errors import BuildError, ContentError, Problem

PROJECT = click.argument(
    "project", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path)
)


def _base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"(https?://[^\s/]+)?/\S*|https?://[^\s/]+", value):
        raise click.BadParameter("give a path like /portfolio/ or a URL like https://ada.dev/")
    return value if value.endswith("/") else value + "/"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="portfolio")
def main() -> None:
    """Build a career portfolio from goals and evidence kept in Markdown and YAML.

    A project holds portfolio.yaml and content/ (profile.yaml, goals/, evidence/,
    targets/). Start one with `portfolio init DIR`, then `portfolio build DIR`.
    """
    from portfolio.clock import BadSourceDate, source_date

    try:  # once, here: every command reads the date, some before their own error handling
        source_date()
    except BadSourceDate as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


def run() -> None:
    """The `portfolio` command: `main`, then out without tearing the interpreter down.

    Freeing every object a build made takes time in proportion to the build and helps
    nobody (the process is ending); files are closed and written by then, so the output
    is flushed and the process leaves at once with `main`'s exit status."""
    try:
        main()
        status: object = 0
    except SystemExit as exc:
        status = exc.code
    if status is not None and not isinstance(status, int):
        click.echo(status, err=True)
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status or 0)


@main.command()
@PROJECT
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the site.  [default: PROJECT/site]",
)
@click.option(
    "--base-url",
    callback=_base_url,
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

    root = project.resolve()
    progress = Progress(-1 if quiet else int(verbose))

    def waiting() -> None:
        progress.done()
        if not quiet:
            click.echo(
                "Another build of this project is running; waiting for it to finish "
                "(Ctrl-C to stop).",
                err=True,
            )

    with project_lock(root, waiting):  # before the cache: the other build may change it
        _build(root, out, base_url, packs, no_pdf, targets, no_packs, no_cache, progress)


def _build(
    root: Path,
    out: Path | None,
    base_url: str | None,
    packs: Path | None,
    no_pdf: bool,
    targets: tuple[str, ...],
    no_packs: bool,
    no_cache: bool,
    progress: Progress,
) -> None:
    from portfolio.cache.store import Cache, settings

    quiet, verbose = progress.verbosity < 0, progress.verbosity > 0
    target = (out or root / "site").resolve()
    packs_dir = (packs or root / "packs").resolve()
    if not no_cache:
        progress("looking for changes since the last build")
    cache = Cache(root, skip=(target, packs_dir), enabled=not no_cache)
    if cache.refused:
        progress.done()
        click.echo(f"warning: {cache.refused}; building everything, without a cache", err=True)
    wanted = settings(base_url, not no_pdf)
    folders = [packs_dir / t for t in targets] if targets else [target]
    if not targets and not no_packs:
        folders += [packs_dir / stem for stem in cache.targets()]
    fresh = cache.fresh({folder: wanted for folder in folders})
    if fresh is not None:
        _warn(cache.warnings())
        if not quiet:
            site = None if targets else fresh[0]
            click.echo(up_to_date(site, fresh if targets else fresh[1:]))
        return
    pool = None
    warnings: list[Problem] = []
    try:
        if not no_pdf:  # first, so the workers import WeasyPrint while this imports the rest
            from portfolio.pdf.pool import expected_pdfs, pool_for

            pool = pool_for(expected_pdfs(root, targets or None, not no_packs))
        from portfolio.build import build as run_build

        report = run_build(
            root,
            target,
            packs=packs_dir,
            base_url=base_url,
            pdf=not no_pdf,
            targets=targets or None,
            with_packs=not no_packs,
            progress=progress,
            cache=cache,
            pool=pool,
            warnings=warnings,
        )
    except (ContentError, BuildError, OSError) as exc:
        progress.done()
        _warn(warnings)
        if isinstance(exc, ContentError):
            click.echo(exc.format(), err=True)
        elif isinstance(exc, BuildError):
            click.echo(f"error: {exc}\nnothing was written.", err=True)
        else:  # a full disk, a read-only folder: not a bug, not the content
            click.echo(f"error: {exc.strerror or exc}: {exc.filename or target}", err=True)
        sys.exit(1)
    progress.done()
    _warn(warnings)
    if verbose:
        click.echo("\n".join(pack_lines(report)))
    if not quiet:
        click.echo(summary(report))


def _warn(warnings: list[Problem]) -> None:
    """What the build skipped, each with its file and what to do."""
    for warning in sorted(set(warnings)):
        head = f"{warning.path}:{warning.line}:{warning.column}: warning: {warning.message}"
        click.echo(head + (f"\n    hint: {warning.hint}" if warning.hint else ""), err=True)


@main.command()
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
        server, live = live_site.start(root, port)
    except OSError as exc:
        click.echo(f"error: cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}; "
                   "choose another --port", err=True)  # fmt: skip
        sys.exit(1)
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


@main.command()
@PROJECT
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: the stable shape documented in docs/CHECK.md, for editors and CI.",
)
@click.option("--strict", is_flag=True, help="Exit with status 1 on warnings too, not only errors.")
@click.option(
    "--review",
    is_flag=True,
    help="The quarterly review: per active goal, what changed since `reviewed` and what "
    "is due before the next review.",
)
def check(project: Path, fmt: str, strict: bool, review: bool) -> None:
    """Validate PROJECT and audit every goal, public or private, as a career coach would:
    outcomes not activities, measurable indicators, dated checkpoints, evidence gaps,
    overdue reviews. Exit status 1 on errors (and on warnings with --strict)."""
    from portfolio.audit import report
    from portfolio.build import check as run_check

    warnings: list[Problem] = []
    try:
        portfolio, findings = run_check(project.resolve(), warnings)
    except ContentError as exc:
        _warn(warnings)
        click.echo(
            report.problems_json(exc.problems)
            if fmt == "json"
            else exc.format("the goals were not audited."),
            err=fmt == "text",
        )
        sys.exit(1)
    except BuildError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    _warn(warnings)
    if review:
        from portfolio.audit.review import review as run_review

        reviews = run_review(portfolio, findings)
        text = report.review_json(portfolio, reviews) if fmt == "json" else None
        click.echo(text or report.review_text(portfolio, reviews, style))
    elif fmt == "json":
        click.echo(report.findings_json(portfolio, findings))
    else:
        click.echo(report.findings_text(portfolio, findings, style))
    failing = {"error", "warning"} if strict else {"error"}
    sys.exit(1 if any(f.severity in failing for f in findings) else 0)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a new project in DIRECTORY, with a small sample that builds at once."""
    from portfolio.cli.scaffold import ScaffoldError, create_project

    try:
        written = create_project(directory)
    except ScaffoldError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(
        f"Created {len(written)} files in {directory}/. Next:\n"
        f"  portfolio build {directory}     # then open {directory}/site/index.html\n"
        f"  portfolio check {directory}     # the goal audit\n"
        f'  portfolio new goal "Lead a team of six" --project {directory}\n'
        f"and edit {directory}/content/ to make it yours."
    )


@main.command()
@click.option(
    "--out",
    "-o",
    default="schemas",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to write the schemas into.",
)
def schema(out: Path) -> None:
    """Write the JSON Schema of each kind of file (portfolio.yaml, profile, goal, evidence,
    target), for editors: VS Code's YAML extension reads the `# yaml-language-server:
    $schema=...` line that `init` and `new` put in each file."""
    from portfolio.content.schema import write_schemas

    written = write_schemas(out)
    click.echo(f"Wrote {len(written)} schemas into {shown(out.resolve())}")


main.add_command(import_)
main.add_command(export)
main.add_command(new)
