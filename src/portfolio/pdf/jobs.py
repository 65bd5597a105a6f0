"""What a PDF is made from, and how making one can fail: the types the build, the
worker pool and the WeasyPrint call share (so that none of them imports another's
machinery to name them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portfolio.errors import BuildError


class PdfError(BuildError):
    """A PDF could not be made for a reason the user can fix. `url` is what it asked
    for, if a refused URL was the reason, so the build can say which file names it."""

    def __init__(self, message: str, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url

    def __reduce__(self) -> tuple[Any, ...]:  # it crosses from a worker process
        return (PdfError, (str(self), self.url))


@dataclass(frozen=True)
class Embedded:
    """A file to embed in the PDF (checked by the catalog to be inside the project)."""

    path: Path
    name: str
    description: str


class PdfFailure(Exception):
    """Which job failed, and why: raised by `Pdfs.results` in the main process."""

    def __init__(self, name: str, error: PdfError) -> None:
        super().__init__(f"{name}: {error}")
        self.name = name
        self.error = error


@dataclass(frozen=True)
class PdfJob:
    name: str  # where the PDF goes, for messages: "resume.pdf", "packs/x/evidence-pack.pdf"
    html: str
    roots: tuple[Path, ...]  # the only folders it may read from
    base_url: str
    variant: str | None = None
    embed: tuple[Embedded, ...] = ()
    fit: bool = False  # tighten the layout rather than end on a page of a line or two


def project_job(
    name: str,
    html: str,
    root: Path,
    theme: tuple[Path, ...],
    variant: str | None,
    embed: tuple[Embedded, ...] = (),
    fit: bool = False,
) -> PdfJob:
    """A PDF of the project at `root` that may read only the project and the theme's
    folders, its relative addresses resolved against the project."""
    return PdfJob(name, html, (root, *theme), root.as_uri() + "/", variant, embed, fit)
