"""HTML to PDF with WeasyPrint: the only module that imports it.

Importing WeasyPrint is slow (the bench's PDF scenarios include it), so only the PDF
workers import this module (pdf/pool.py), as they start: the main process never does,
and a build without PDFs never pays for it. WeasyPrint reads what the HTML points at;
content is untrusted, so the fetcher allows `data:` URLs and files inside the project
and the theme, and stops the build on anything else (no network, no `/etc/passwd`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.document import Document
from weasyprint.formatting_structure import boxes
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from portfolio.clock import source_date
from portfolio.content.links import leads_out_allowed
from portfolio.pdf.jobs import Embedded, PdfError


class RefusedURL(FatalURLFetchingError):
    """A document asked for something outside the project or the theme."""

    def __init__(self, message: str, url: str) -> None:
        super().__init__(message)
        self.url = url


class ProjectFetcher(URLFetcher):
    """Fetches `data:` URLs and files under `roots`; refuses everything else."""

    def __init__(self, roots: Sequence[Path]) -> None:
        super().__init__(allowed_protocols=("data", "file"), fail_on_errors=True)
        self.roots = [r.resolve() for r in roots]

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> object:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlsplit(url).path)).resolve()
            if any(path.is_relative_to(root) for root in self.roots) and path.is_file():
                return super().fetch(url, headers)
            raise RefusedURL(
                f"refused to read `{path}`: only files inside the project and the theme "
                "may be used",
                url,
            )
        raise RefusedURL(f"refused to fetch `{url}`: nothing is fetched from the network", url)


def warm_up() -> None:
    """Lay out a line of text, so that the first real document does not pay for
    loading fonts and the default style sheets."""
    weasyprint.HTML(string="<p>Warm</p>").write_pdf()


# A last page with fewer lines than this (its footer included) is worth a tighter
# layout; the theme's print.css says what `html[data-fit="1"]` and `"2"` tighten.
FEW_LINES = 8
FIT_LEVELS = ("1", "2")
_HTML_TAG = re.compile(r"<html\b", re.IGNORECASE)


def _lines(page: weasyprint.Page) -> int:
    """How many lines of text a laid-out page holds: lines side by side (columns, a
    date beside a title) count once."""
    return len(
        {
            round(box.position_y)
            for box in page._page_box.descendants()
            if isinstance(box, boxes.LineBox) and box.children
        }
    )


def _layout(html: str, base_url: str, fetcher: ProjectFetcher, variant: str | None) -> Document:
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    try:
        return document.render(pdf_variant=variant, pdf_tags=True)
    except RefusedURL as exc:
        raise PdfError(str(exc), exc.url) from None


def _fitted(
    html: str, rendered: Document, base_url: str, fetcher: ProjectFetcher, variant: str | None
) -> Document:
    """`rendered`, or a tighter layout of `html` with a page fewer when the last page
    holds only a line or two: what a typesetter does before sending a page out."""
    pages = len(rendered.pages)
    if pages < 2 or _lines(rendered.pages[-1]) >= FEW_LINES:
        return rendered
    for level in FIT_LEVELS:
        tighter = _HTML_TAG.sub(f'<html data-fit="{level}"', html, count=1)
        candidate = _layout(tighter, base_url, fetcher, variant)
        if len(candidate.pages) < pages:
            return candidate
    return rendered


def render_pdf(
    html: str,
    roots: Sequence[Path],
    base_url: str,
    variant: str | None = None,
    embed: Sequence[Embedded] = (),
    fit: bool = False,
) -> bytes:
    """The PDF for `html`; PdfError if it asks for anything it may not read. With
    `fit`, a last page of a line or two is pulled onto the one before if a tighter
    layout can take it."""
    fetcher = ProjectFetcher(roots)
    rendered = _layout(html, base_url, fetcher, variant)
    if fit:
        rendered = _fitted(html, rendered, base_url, fetcher, variant)
    for page in rendered.pages:  # a link within the site became `file:///home/...` here
        page.links[:] = [
            link for link in page.links if link[0] != "external" or leads_out_allowed(link[1])
        ]
    stamp = source_date()
    if stamp is not None:
        iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
        rendered.metadata.created = rendered.metadata.created or iso
        rendered.metadata.modified = rendered.metadata.modified or iso
    identifier = None
    if stamp is not None or rendered.metadata.created:
        identifier = f"{rendered.metadata.title}|{rendered.metadata.created}".encode()
    attachments = [_attachment(e, stamp, fetcher) for e in embed]
    pdf = rendered.write_pdf(
        pdf_variant=variant,
        pdf_identifier=identifier,
        pdf_tags=True,
        attachments=attachments,
    )
    missing = [e.name for e, a in zip(embed, attachments, strict=True) if a.md5 is None]
    if missing:  # WeasyPrint logs a failed attachment and goes on; a pack must not
        raise PdfError(f"could not embed {', '.join(missing)}")
    assert isinstance(pdf, bytes)
    return pdf


def _attachment(
    e: Embedded, stamp: dt.datetime | None, fetcher: ProjectFetcher
) -> weasyprint.Attachment:
    """An embedded file with fixed dates (SOURCE_DATE_EPOCH, else the file's), so the
    same input gives the same bytes."""
    when = stamp or dt.datetime.fromtimestamp(e.path.stat().st_mtime, dt.UTC)
    when = when.replace(tzinfo=None)
    return weasyprint.Attachment(
        url=e.path.resolve().as_uri(),
        url_fetcher=fetcher,
        name=e.name,
        description=e.description,
        created=when,
        modified=when,
        relationship="Supplement",
    )
