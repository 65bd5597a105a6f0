"""`portfolio check`: the goal audit, as text for a person or JSON for an editor."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from portfolio.cli.params import PROJECT, outcome, warn
from portfolio.cli.terminal import style
from portfolio.errors import ContentError, Problem


@click.command()
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
@outcome("the goals were not audited.")
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
        if fmt != "json":
            raise  # said by the one handler, like every other mistake
        click.echo(report.problems_json(exc.problems))  # the shape editors read
        sys.exit(1)
    finally:
        warn(warnings)
    if review:
        from portfolio.audit.review import review as run_review

        reviews = run_review(portfolio, findings)
        text = report.review_json(portfolio, reviews) if fmt == "json" else None
        click.echo(text or report.review_text(portfolio, reviews, style))
    elif fmt == "json":
        click.echo(report.findings_json(portfolio, findings))
    else:
        click.echo(report.findings_text(portfolio, findings, style, str(project)))
    failing = {"error", "warning"} if strict else {"error"}
    sys.exit(1 if any(f.severity in failing for f in findings) else 0)
