"""What the command line prints: paths, counts, colours, progress and the summary.

Progress goes to standard error and only to a terminal (never to a pipe, a file or
CI, where a line rewritten in place is noise); `-q` silences everything but errors,
`-v` prints every step on a line of its own with the time it started.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from portfolio.output import BuildReport

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "hint": "cyan", "title": "bright_white"}


def shown(path: Path) -> str:
    """A folder as the user would type it: relative to where they are, if inside it."""
    try:
        return str(path.relative_to(Path.cwd())) + "/"
    except ValueError:
        return str(path) + "/"


def count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def style(text: str, kind: str) -> str:
    """Colour for a terminal; click removes it when the output is not one."""
    return click.style(text, fg=SEVERITY_COLOURS.get(kind), bold=kind in ("error", "title"))


class Progress:
    """Reports build steps: rewritten in place on a terminal, one per line with `-v`."""

    def __init__(self, verbosity: int) -> None:
        self.verbosity = verbosity
        self.started = time.perf_counter()
        self.live = verbosity == 0 and sys.stderr.isatty() and not os.environ.get("CI")
        self.shown = False

    def __call__(self, step: str) -> None:
        elapsed = time.perf_counter() - self.started
        if self.verbosity > 0:
            click.echo(f"{elapsed:6.2f} s  {step}", err=True)
        elif self.live:
            click.echo(f"\r\x1b[2K{elapsed:5.1f} s  {step}…", err=True, nl=False)
            self.shown = True

    def done(self) -> None:
        """Clear the line rewritten in place, so the summary starts on a clean one."""
        if self.shown:
            click.echo("\r\x1b[2K", err=True, nl=False)
            self.shown = False


def summary(report: BuildReport) -> str:
    """The one line a build ends with: what was written where, and how long it took."""
    parts = []
    if report.out is not None:
        pdfs = f", {count(report.pdfs, 'PDF')}" if report.pdfs else ""
        parts.append(f"{shown(report.out)} ({count(report.pages, 'page')}{pdfs})")
    if report.packs:
        folder = shown(report.packs[0].out.parent)
        pack_pdfs = sum(p.pdfs for p in report.packs)
        extra = f" ({count(pack_pdfs, 'PDF')})" if pack_pdfs else ""
        parts.append(f"{count(len(report.packs), 'pack')} in {folder}{extra}")
    kept = ""
    if report.kept:
        kept = f"; {report.made:,} made again, {report.kept:,} unchanged since the last build"
    return f"Built {' and '.join(parts) or 'nothing'} in {report.seconds:.1f} s{kept}."


def up_to_date(site: dict[str, Any] | None, packs: list[dict[str, Any]]) -> str:
    """What a build with nothing to do says: every folder is as the last build left it."""
    parts = []
    if site is not None:
        pdfs = f", {count(site['pdfs'], 'PDF')}" if site.get("pdfs") else ""
        parts.append(f"{shown(site['path'])} ({count(site.get('pages', 0), 'page')}{pdfs})")
    if packs:
        parts.append(f"{count(len(packs), 'pack')} in {shown(packs[0]['path'].parent)}")
    return f"Up to date: {' and '.join(parts)}; nothing changed since the last build."


def pack_lines(report: BuildReport) -> list[str]:
    """One line per pack, for `-v`."""
    return [
        f"  {shown(p.out)}: {count(p.files, 'file')}"
        + (f", {count(p.pdfs, 'PDF')}" if p.pdfs else "")
        for p in report.packs
    ]
