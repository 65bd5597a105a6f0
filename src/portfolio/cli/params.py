"""What the commands share: the PROJECT argument, options' checks, what a command says
when it fails, and how warnings are printed."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from portfolio.errors import Problem

F = TypeVar("F", bound=Callable[..., Any])
OUTCOME = "portfolio.outcome"  # in the context's meta: what a failed command says came of it

PROJECT = click.argument(
    "project", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path)
)


def base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--base-url`: a path or a web address, ending in a slash."""
    if value is None:
        return None
    if not re.fullmatch(r"(https?://[^\s/]+)?/\S*|https?://[^\s/]+", value):
        raise click.BadParameter("give a path like /portfolio/ or a URL like https://ada.dev/")
    return value if value.endswith("/") else value + "/"


def outcome(text: str) -> Callable[[F], F]:
    """What a command that fails with a user error says came of it ("nothing was
    written."), after the error: the one handler (cli/main.py) prints both."""

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def said(*args: Any, **kwargs: Any) -> Any:
            click.get_current_context().meta[OUTCOME] = text
            return command(*args, **kwargs)

        return said  # type: ignore[return-value]

    return decorate


def warn(warnings: list[Problem]) -> None:
    """What a command skipped, each with its file and what to do."""
    for warning in sorted(set(warnings)):
        head = f"{warning.path}:{warning.line}:{warning.column}: warning: {warning.message}"
        click.echo(head + (f"\n    hint: {warning.hint}" if warning.hint else ""), err=True)
