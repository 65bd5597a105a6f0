"""The content commands: `import` (JSON Resume, LinkedIn, RenderCV), `export` (JSON
Resume) and `new` (a goal, a piece of evidence or a target). Thin click commands; the
work is in interop/importer.py (with interop/linkedin.py and interop/rendercv_in.py,
which make a JSON Resume of the others), interop/jsonresume_out.py and cli/newfile.py."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from portfolio.cli.params import PROJECT
from portfolio.cli.terminal import shown
from portfolio.errors import ContentError, UserError

if TYPE_CHECKING:
    from portfolio.content.dates import PartialDate
    from portfolio.interop.foreign import Converted
    from portfolio.interop.importer import Report


class _KindChoice(click.Choice[str]):
    """The evidence kinds as a choice, read from the model only when a command needs
    them, so that `portfolio --help` does not pay for importing pydantic and the models."""

    def __init__(self) -> None:
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:
        import typing

        from portfolio.content.kinds import EvidenceKind

        return typing.get_args(EvidenceKind)

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        """Click's own __init__ would set them; they come from the model instead."""


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> PartialDate | None:
    from portfolio.content.dates import PartialDate

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


@click.group("import")
def import_() -> None:
    """Bring content in from another format."""


@import_.command("jsonresume")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("project", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--force", is_flag=True, help="Replace the files it makes even where you edited them."
)
def import_jsonresume(file: Path, project: Path, force: bool) -> None:
    """Turn a JSON Resume (FILE, schema 1.x) into PROJECT's profile.yaml and evidence
    files. A new folder becomes a whole project; a project that still holds `init`'s
    untouched sample gets yours in its place. Importing again updates what the last
    import made; files you made or edited are left as they are (and named) unless
    --force."""
    import json

    from portfolio.content.job import TooDeep, parse_json
    from portfolio.interop.importer import ImportFailed, import_resume

    try:
        data = parse_json(file.read_text(encoding="utf-8-sig"))
    except TooDeep as exc:
        raise UserError(f"{file}: not a JSON Resume: {exc} (a resume nests four)") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        if hint := _use_instead(file, "jsonresume"):
            raise UserError(f"{file}: {hint}") from None
        where = f":{exc.lineno}:{exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise UserError(f"{file}{where}: not a JSON file ({exc})") from None
    if hint := _use_instead(file, "jsonresume", data):
        raise UserError(f"{file}: {hint}")
    root = project.resolve()
    try:
        report = import_resume(data, root, force=force)
    except ImportFailed as exc:  # say which file: the message speaks of its content
        raise ImportFailed(f"{file}: {exc}") from None
    say_imported(file, project, report)


def say_imported(file: Path, project: Path, report: Report) -> None:
    """What an import did, for any format: what it kept, changed and could not keep,
    what it did to the files, then the first steps. Exits 1 if the files it wrote do not
    validate (a bug in the import: the details say where)."""
    from portfolio.audit.report import first_steps
    from portfolio.build import check as run_check

    root = project.resolve()
    done = report.plan
    into = shown(root)
    if report.scaffold:
        made = ", ".join([*report.scaffold, "schemas/"])
        click.echo(f"Imported {file.name} into {into}, a new project ({made}).")
    else:
        click.echo(f"Imported {file.name} into {into}.")
    _list("Kept:", report.kept)
    changed = list(report.changed)
    if done.starter:
        changed.append(f"the starter's files replaced: {', '.join(done.starter)}")
    if done.remove_starter:
        changed.append(f"the starter's sample removed: {', '.join(done.remove_starter)}")
    if done.updated:
        changed.append(f"updated from the source: {_some(done.updated)}")
    if done.remove:
        changed.append(f"removed, as the source no longer has them: {_some(done.remove)}")
    if done.forced:
        changed.append(f"replaced with --force: {', '.join(done.forced)}")
    _list("Changed:", changed)
    if report.private:
        fields = " and ".join(f"`{name}`" for name in report.private)
        click.echo(
            f"Private: {fields}, until you remove {'it' if len(report.private) == 1 else 'them'}"
            " from `private:` in content/profile.yaml."
        )
    _list(
        "Not kept (the content format has no place for it, or it was unreadable):", report.dropped
    )
    new = len(done.created)
    click.echo(
        f"Files: {len(done.write)} written ({new} new), "
        f"{len(done.remove) + len(done.remove_starter)} removed, {len(done.unchanged)} unchanged"
        + (f"; {len(report.yours)} of yours not touched." if report.yours else ".")
    )
    _list("Left as they were:", [f"{rel}: {why}" for rel, why in sorted(done.left.items())])
    for note in report.notes:
        click.echo(f"Note: {note}.")
    try:
        portfolio, _ = run_check(root)
    except ContentError as exc:  # a bug in the import, or a file left as it was
        click.echo(f"The project does not validate:\n{exc.format()}", err=True)
        sys.exit(1)
    if steps := first_steps(portfolio, str(project)):
        click.echo("What to do first:")
        click.echo("".join(f"  {i}. {step}\n" for i, step in enumerate(steps, 1)), nl=False)
    where = shlex.quote(str(project))
    click.echo(f"Then `portfolio build {where}` makes the site, and `portfolio check {where}` "
               "says what is still missing.")  # fmt: skip


def _list(heading: str, lines: list[str]) -> None:
    if lines:
        click.echo(heading)
        click.echo("".join(f"  - {line}\n" for line in lines), nl=False)


def _some(items: list[str], shown: int = 5) -> str:
    """The first few of `items`, and how many more."""
    if len(items) <= shown + 1:
        return ", ".join(items)
    return f"{', '.join(items[:shown])} and {len(items) - shown} more"


def _use_instead(file: Path, expected: str, data: object = None) -> str | None:
    from portfolio.interop.foreign import use_instead

    return use_instead(file, expected, data)


@import_.command("linkedin")
@click.argument("archive", type=click.Path(exists=True, path_type=Path))
@click.argument("project", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace files that already exist.")
def import_linkedin(archive: Path, project: Path, force: bool) -> None:
    """Turn LinkedIn's copy of your data (ARCHIVE: the zip from "Get a copy of your
    data", or the folder it unzips to) into PROJECT's profile.yaml and evidence files.
    Only the files about you are read: connections, messages and invitations are never
    opened. Nothing is overwritten without --force."""
    from portfolio.interop.linkedin import convert

    _import_converted(archive, convert(archive), project, force, "linkedin")


@import_.command("rendercv")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("project", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace files that already exist.")
def import_rendercv(file: Path, project: Path, force: bool) -> None:
    """Turn a RenderCV 2.x file (FILE, its `cv`) into PROJECT's profile.yaml and evidence
    files; `design`, `locale` and `settings` are named with the settings here that come
    closest. Nothing is overwritten without --force."""
    from portfolio.interop.rendercv_in import load

    _import_converted(file, load(file), project, force, "rendercv")


def _import_converted(
    file: Path, converted: Converted, project: Path, force: bool, source: str
) -> None:
    """Import the JSON Resume another format was made into, as `import jsonresume`
    does (the starter replaced, a new folder made a project, a second import updating
    the first), reporting what it did not keep where the source has it (`Positions.csv
    line 3`, `cv.yaml:12`), never by its JSON Resume path."""
    from portfolio.interop.importer import ImportFailed, import_resume

    root = project.resolve()
    try:
        report = import_resume(converted.resume, root, force=force, source=source)
    except ImportFailed as exc:
        raise ImportFailed(converted.relocate(str(exc))) from None
    report.dropped = [
        *converted.dropped, *(converted.relocate(line) for line in report.dropped)
    ]  # fmt: skip
    report.changed = [converted.relocate(line) for line in report.changed]
    report.notes = [*converted.notes, *(converted.relocate(line) for line in report.notes)]
    say_imported(file, project, report)


@click.group("export")
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

    data = export_resume(project.resolve(), include_private)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {output}", err=True)


@click.group()
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
    from portfolio.cli.newfile import new_goal as write
    from portfolio.cli.newfile import project_today

    root = project.resolve()
    _run_new(
        root,
        lambda: write(root, title, framework, project_today(root), due, serves, public, file_id),
    )


@new.command("evidence")
@click.argument("title")
@NEW_PROJECT
@click.option("--kind", type=_KindChoice(), default="project", show_default=True)
@click.option("--goal", "goals", multiple=True, metavar="ID", help="A goal it advances (repeat).")
@click.option("--private", is_flag=True, help="Keep it off the public site.")
@FILE_ID
def new_evidence(
    title: str, project: Path, kind: str, goals: tuple[str, ...], private: bool, file_id: str | None
) -> None:
    """Write content/evidence/<id>.md for TITLE, dated today."""
    from portfolio.cli.newfile import new_evidence as write
    from portfolio.cli.newfile import project_today

    root = project.resolve()
    _run_new(root, lambda: write(root, title, project_today(root), kind, goals, private, file_id))


@new.command("target")
@click.argument("title")
@NEW_PROJECT
@click.option("--goal", metavar="ID", help="The goal this application or promotion serves.")
@FILE_ID
def new_target(title: str, project: Path, goal: str | None, file_id: str | None) -> None:
    """Write content/targets/<id>.yaml for TITLE, an application or a promotion round."""
    from portfolio.cli.newfile import new_target as write

    root = project.resolve()
    _run_new(root, lambda: write(root, title, goal, file_id))


def _run_new(root: Path, write: Callable[[], Path]) -> None:
    _created(root, write())
