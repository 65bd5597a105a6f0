"""The command line: thin click commands that call the pipeline and report."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import click

from portfolio import __version__
from portfolio.dates import PartialDate
from portfolio.errors import BuildError, ContentError
from portfolio.newfile import KINDS, project_today

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
def build(
    project: Path,
    out: Path | None,
    base_url: str | None,
    packs: Path | None,
    no_pdf: bool,
    targets: tuple[str, ...],
) -> None:
    """Validate PROJECT, build its public site (HTML and PDF) and, for every target in
    content/targets/, its private pack: tailored resume, promotion case, pitch and
    evidence pack."""
    from portfolio.build import build as run_build

    root = project.resolve()
    target = (out or root / "site").resolve()
    packs_dir = (packs or root / "packs").resolve()
    try:
        report = run_build(
            root,
            target,
            packs=packs_dir,
            base_url=base_url,
            pdf=not no_pdf,
            targets=targets or None,
        )
    except ContentError as exc:
        click.echo(exc.format(), err=True)
        sys.exit(1)
    except BuildError as exc:
        click.echo(f"error: {exc}\nnothing was written.", err=True)
        sys.exit(1)
    except OSError as exc:  # a full disk, a read-only folder: not a bug, not the content
        click.echo(f"error: {exc.strerror or exc}: {exc.filename or target}", err=True)
        sys.exit(1)
    if report.out is not None:
        pdfs = f", {_count(report.pdfs, 'PDF')}" if report.pdfs else ""
        click.echo(f"Built {report.pages} pages{pdfs} into {_shown(report.out)}")
    for pack in report.packs:
        pdfs = f", {_count(pack.pdfs, 'PDF')}" if pack.pdfs else ""
        click.echo(
            f"Built the pack for {pack.target} ({pack.files} files{pdfs}) into {_shown(pack.out)}"
        )
    click.echo(f"Done in {report.seconds:.1f} s.")


SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "hint": "cyan", "title": "bright_white"}


def _style(text: str, kind: str) -> str:
    """Colour for a terminal; click removes it when the output is not one."""
    return click.style(text, fg=SEVERITY_COLOURS.get(kind), bold=kind in ("error", "title"))


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
    from portfolio import report
    from portfolio.build import check as run_check

    try:
        portfolio, findings = run_check(project.resolve())
    except ContentError as exc:
        click.echo(
            report.problems_json(exc.problems) if fmt == "json" else exc.format(), err=fmt == "text"
        )
        sys.exit(1)
    except BuildError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if review:
        from portfolio.review import review as run_review

        reviews = run_review(portfolio, findings)
        text = report.review_json(portfolio, reviews) if fmt == "json" else None
        click.echo(text or report.review_text(portfolio, reviews, _style))
    elif fmt == "json":
        click.echo(report.findings_json(portfolio, findings))
    else:
        click.echo(report.findings_text(portfolio, findings, _style))
    failing = {"error", "warning"} if strict else {"error"}
    sys.exit(1 if any(f.severity in failing for f in findings) else 0)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a new project in DIRECTORY, with a small sample that builds at once."""
    from portfolio.scaffold import ScaffoldError, create_project

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


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        raise click.BadParameter(f"{exc}; write YYYY-MM-DD, YYYY-MM or YYYY") from None


NEW_PROJECT = click.option(
    "--project",
    "-p",
    default=".",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The project to add the file to.  [default: .]",
)
FILE_ID = click.option("--id", "file_id", metavar="ID", help="The file's id (default: from TITLE).")


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
    from portfolio.schema import write_schemas

    written = write_schemas(out)
    click.echo(f"Wrote {len(written)} schemas into {_shown(out.resolve())}")


@main.group("import")
def import_() -> None:
    """Bring content in from another format."""


@import_.command("jsonresume")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("project", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace files that already exist.")
def import_jsonresume(file: Path, project: Path, force: bool) -> None:
    """Turn a JSON Resume (FILE, schema 1.x) into PROJECT's profile.yaml and evidence
    files; PROJECT is created if it does not exist. Nothing is overwritten without --force."""
    import json

    from portfolio.build import check as run_check
    from portfolio.importer import ImportFailed, import_resume

    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f":{exc.lineno}:{exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        click.echo(f"error: {file}{where}: not a JSON file ({exc})", err=True)
        sys.exit(1)
    root = project.resolve()
    try:
        report = import_resume(data, root, force=force)
    except ImportFailed as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    evidence = sum(1 for p in report.written if p.parent.name == "evidence")
    click.echo(
        f"Imported {file.name} into {_shown(root)}: content/profile.yaml and "
        f"{_count(evidence, 'evidence file')}."
    )
    if report.dropped:
        click.echo("Not kept (the content format has no place for it, or it was unreadable):")
        click.echo("".join(f"  - {line}\n" for line in report.dropped), nl=False)
    for note in report.notes:
        click.echo(f"Note: {note}.")
    try:
        run_check(root)
    except ContentError as exc:  # a bug in the import: say so, with the details
        click.echo(f"The imported files do not validate:\n{exc.format()}", err=True)
        sys.exit(1)
    click.echo(f"Next: link the evidence to your goals, then `portfolio build {project}`.")


@main.group("export")
def export() -> None:
    """Write the portfolio in another format."""


@export.command("jsonresume")
@PROJECT
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)  # fmt: skip
@click.option(
    "--include-private", is_flag=True, help="Include private evidence and profile fields."
)
def export_jsonresume(project: Path, output: Path | None, include_private: bool) -> None:
    """Write PROJECT as a JSON Resume (schema 1.0) that other resume tools can read:
    public content only, unless --include-private."""
    import json

    from portfolio.build import export_resume

    try:
        data = export_resume(project.resolve(), include_private)
    except ContentError as exc:
        click.echo(exc.format(), err=True)
        sys.exit(1)
    except BuildError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {output}", err=True)


@main.group()
def new() -> None:
    """Start a goal, a piece of evidence or a target from a template that passes
    `portfolio check` (it then tells you what is still to fill in)."""


def _created(root: Path, path: Path) -> None:
    rel = path.relative_to(root).as_posix()
    click.echo(f"Created {rel}. Edit it, then run `portfolio check` to see what is missing.")


@new.command("goal")
@click.argument("title")
@NEW_PROJECT
@click.option(
    "--framework",
    type=click.Choice(["evidence-ladder", "pivot-bridge", "mobility-playbook"]),
    default="evidence-ladder",
    show_default=True,
    help="Evidence Ladder (a promotion), Pivot Bridge (a new field), Mobility Playbook "
    "(a new place): the framework's steps become the milestones.",
)
@click.option("--due", callback=_date, metavar="DATE", help="Due date.  [default: in a year]")
@click.option("--serves", metavar="ID", help="The aspiration this goal serves.")
@click.option("--public", is_flag=True, help="Show it on the public site (goals are private).")
@FILE_ID
def new_goal(
    title: str,
    project: Path,
    framework: str,
    due: PartialDate | None,
    serves: str | None,
    public: bool,
    file_id: str | None,
) -> None:
    """Write content/goals/<id>.md for TITLE, an outcome such as "Lead a team of six"."""
    from portfolio.newfile import new_goal as write

    root = project.resolve()
    _run_new(
        root,
        lambda: write(root, title, framework, project_today(root), due, serves, public, file_id),
    )


@new.command("evidence")
@click.argument("title")
@NEW_PROJECT
@click.option("--kind", type=click.Choice(KINDS), default="project", show_default=True)
@click.option("--goal", "goals", multiple=True, metavar="ID", help="A goal it advances (repeat).")
@click.option("--private", is_flag=True, help="Keep it off the public site.")
@FILE_ID
def new_evidence(
    title: str, project: Path, kind: str, goals: tuple[str, ...], private: bool, file_id: str | None
) -> None:
    """Write content/evidence/<id>.md for TITLE, dated today."""
    from portfolio.newfile import new_evidence as write

    root = project.resolve()
    _run_new(root, lambda: write(root, title, project_today(root), kind, goals, private, file_id))


@new.command("target")
@click.argument("title")
@NEW_PROJECT
@click.option("--goal", metavar="ID", help="The goal this application or promotion serves.")
@FILE_ID
def new_target(title: str, project: Path, goal: str | None, file_id: str | None) -> None:
    """Write content/targets/<id>.yaml for TITLE, an application or a promotion round."""
    from portfolio.newfile import new_target as write

    root = project.resolve()
    _run_new(root, lambda: write(root, title, goal, file_id))


def _run_new(root: Path, write: Callable[[], Path]) -> None:
    from portfolio.newfile import NewFileError

    try:
        path = write()
    except NewFileError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    _created(root, path)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd())) + "/"
    except ValueError:
        return str(path) + "/"
