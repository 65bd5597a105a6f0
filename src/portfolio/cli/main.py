"""The command line: thin click commands that call the pipeline and report, and the
one place a user's mistake is said (`Commands.invoke`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from portfolio import __version__
from portfolio.cli.check import check
from portfolio.cli.content import export, import_, new
from portfolio.cli.params import OUTCOME
from portfolio.cli.site import build, serve
from portfolio.cli.terminal import shown
from portfolio.errors import UserError


class Commands(click.Group):
    """The commands, with one handler for every user error (errors.py): what went wrong
    and what came of it, on standard error, and exit status 1. Anything else is a bug,
    and keeps its traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            said = exc.report(ctx.meta.get(OUTCOME, ""))
        except OSError as exc:  # a full disk, a read-only folder: not a bug, not the content
            where = f": {exc.filename}" if exc.filename else ""
            said = f"error: {exc.strerror or exc}{where}"
        click.echo(said, err=True)
        ctx.exit(1)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="portfolio")
def main() -> None:
    """Build a career portfolio from goals and evidence kept in Markdown and YAML.

    A project holds portfolio.yaml and content/ (profile.yaml, goals/, evidence/,
    targets/). Start one with `portfolio init DIR`, then `portfolio build DIR`.
    """
    from portfolio.clock import source_date

    source_date()  # once, here: a SOURCE_DATE_EPOCH that names no moment stops every command


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
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a new project in DIRECTORY, with a small sample that builds at once."""
    from portfolio.cli.scaffold import create_project

    written = create_project(directory)
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


main.add_command(build)
main.add_command(serve)
main.add_command(check)
main.add_command(import_)
main.add_command(export)
main.add_command(new)
