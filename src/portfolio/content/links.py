"""Where content may point: the one rule for every link and image, in every output.

Content is untrusted, and a link is the one piece of it a reader acts on. So a link
leads to a web page (`http:`, `https:`), an email address (`mailto:`) or a phone
number (`tel:`), and nothing else: not `javascript:`, not `file:` (the author's own
disk, in a PDF), not `smb:`, `ftp:`, `intent:` or `data:`. Everything that writes a
link asks here: the models (front matter), the Markdown renderer (bodies), the
JSON Resume import, and the PDF renderer, which drops any link annotation that
breaks the rule whatever wrote it.

Front matter and bodies differ only in what a relative address means. A body is a
page of the site, so `files/report.pdf` or `../other-evidence/` lead somewhere; a
front matter address is also printed in PDFs and exported to JSON Resume, where a
relative one has nothing to be relative to, so it must be whole.

Standard library only: the models, the Markdown renderer and the PDF workers all
import it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LINK_SCHEMES = ("http", "https", "mailto", "tel")
WEB_SCHEMES = ("http", "https")
# Images inline in a body (what markdown-it has always allowed): raster formats only,
# since an SVG can carry script.
_DATA_IMAGE = re.compile(r"^data:image/(?:gif|png|jpeg|webp);", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Browsers drop ASCII control characters and spaces anywhere in a URL's scheme
# (`java\tscript:` is `javascript:`), so the scheme is read with them removed.
_IGNORED = re.compile(r"[\x00-\x20\x7f]")
# `github.com/ada`: a web address written without its `https://`.
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)*\.[a-z]{2,}(:\d+)?([/?#]\S*)?$", re.IGNORECASE)

ALLOWED = "an https://, http://, mailto: or tel: address"


def scheme(url: str) -> str | None:
    """The scheme a browser reads in `url`, lowercase; None for a relative address."""
    match = _SCHEME.match(_IGNORED.sub("", url).lower())
    return match.group(1) if match else None


def _within_site(url: str) -> bool:
    """A relative address (`files/a.pdf`, `../x/`, `#notes`), but not `//host/x`:
    that one names another host and takes its scheme from the page (`file:` in a PDF)."""
    squeezed = _IGNORED.sub("", url).replace("\\", "/")  # browsers read `\` as `/`
    return scheme(url) is None and not squeezed.startswith("//")


def link_allowed(url: str) -> bool:
    """May a body link to `url`? A web, mail or phone address, or a page of the site."""
    found = scheme(url)
    return found in LINK_SCHEMES if found else _within_site(url)


def leads_out_allowed(url: str) -> bool:
    """May a document with no site around it (a PDF) link to `url`, which its renderer
    has made absolute? A relative link has become `file:` there, and a PDF is read far
    from the author's disk, so only a web, mail or phone address."""
    return scheme(url) in LINK_SCHEMES


def image_allowed(url: str) -> bool:
    """May a body show the image at `url`? A web image (the site shows it; a PDF fetches
    nothing and says so), a file of the project by a relative path (a PDF reads only the
    project), or a raster image inline as `data:`."""
    found = scheme(url)
    if found is None:
        return _within_site(url)
    return found in WEB_SCHEMES or (found == "data" and bool(_DATA_IMAGE.match(url.strip())))


def any_allowed(url: str) -> bool:
    """What markdown-it may parse as a link or an image; the renderer then holds each
    to its own rule (a reference definition does not know which it will be)."""
    return link_allowed(url) or image_allowed(url)


class LinkRefused(ValueError):
    """A front matter address that breaks the rule; `hint` says how to write it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def check_address(url: str) -> str:
    """A whole address, as front matter must give it, stripped; LinkRefused if not."""
    found = scheme(url)
    address = url.strip()
    if found is None:
        if (whole := completed(address)) != address:
            hint = f"write the whole address: `{whole}`"
        else:
            hint = "write the whole address, starting with https://, mailto: or tel:"
        raise LinkRefused(
            f"`{url}` is not a whole address: a link here is also printed in PDFs and "
            "exported, where a relative address leads nowhere",
            hint,
        )
    if found not in LINK_SCHEMES:
        raise LinkRefused(
            f"`{url}` is not an allowed link: use {ALLOWED}",
            "links may only point to web pages, email addresses or phone numbers",
        )
    if found in WEB_SCHEMES and not _host(address):
        raise LinkRefused(
            f"`{url}` names no web site",
            "write it as https://example.com/page",
        )
    return address


def completed(url: str) -> str:
    """`github.com/ada` as the web address it means, `https://github.com/ada`; any
    other text as it is."""
    return f"https://{url}" if _DOMAIN.match(url) else url


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # a malformed IPv6 host, `https://[::1`
        return ""
