"""The output: one file of a site or a pack in memory, before anything is written; the
site as the live preview serves it; and the report of what a build wrote.

Below every room, so that what writes files (site/write.py) does not import Jinja,
the renderer or the audit to know what a file is, the PDF queue can hand its
documents back as outputs, and the command line can print a report without the
pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Output:
    """One file of the output: rendered bytes, or a file to copy."""

    path: str  # relative to the output folder, with forward slashes
    data: bytes | None = None
    source: Path | None = None
    kept: bool = False  # `source` is the previous build's copy, still good: link to it


@dataclass(frozen=True)
class Preview:
    """The public site in memory for the live preview (site/serve.py): its files, the
    base URL it is served under, and what to watch for changes."""

    outputs: list[Output]
    base_url: str
    watched: tuple[Path, ...]


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


def summary(outputs: list[Output], pdfs: int) -> dict[str, int]:
    """What a folder holds, for "up to date" to say without building."""
    pages = sum(1 for o in outputs if o.path.endswith(".html"))
    return {"pages": pages, "pdfs": pdfs, "files": len(outputs)}


def report(
    out: Path | None,
    trees: dict[Path, list[Output]],
    pdfs: dict[Path, int],
    made: int,
    kept: int,
    seconds: float,
) -> BuildReport:
    """What a build wrote (`out`: the site, or None if it made packs only)."""
    site = trees.get(out, []) if out is not None else []
    packs = tuple(
        PackReport(folder.name, folder, len(outputs), pdfs[folder])
        for folder, outputs in trees.items()
        if folder != out
    )
    pages = sum(1 for o in site if o.path.endswith(".html"))
    count = pdfs.get(out, 0) if out is not None else 0
    return BuildReport(out, pages, count, len(site), seconds, packs, made, kept)
