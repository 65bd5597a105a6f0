"""The one rule for links and images (content/links.py), as front matter, Markdown bodies and
PDFs apply it: web, mail and phone addresses only; in a body, also a page of the site."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from portfolio.content.links import LinkRefused, check_address, image_allowed, link_allowed
from portfolio.content.markdown import Markdown


class _Targets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key in ("href", "src"):
                self.found.append((tag, value or ""))


def _targets(html: str) -> list[tuple[str, str]]:
    parser = _Targets()
    parser.feed(html)
    return parser.found


REFUSED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "vbscript:msgbox",
    "file:///etc/passwd",
    "smb://host/share",
    "ftp://files.example/x",
    "intent://scan/#Intent;scheme=zxing;end",
    "data:text/html;base64,PHNjcmlwdD4=",
    "//evil.example/x",
    "\\\\evil.example\\x",
]


@pytest.mark.parametrize("url", REFUSED)
def test_a_body_never_links_outside_the_rule(url: str) -> None:
    assert not link_allowed(url)
    assert not image_allowed(url)


@pytest.mark.parametrize(
    "url",
    ["https://example.com/x", "http://example.com", "mailto:ada@example.com", "tel:+4420",
     "files/report.pdf", "../other/", "/about/", "#notes", "?page=2"],
)  # fmt: skip
def test_a_body_links_to_the_web_mail_phone_or_the_site(url: str) -> None:
    assert link_allowed(url)


def test_images_are_web_project_files_or_inline_rasters() -> None:
    assert image_allowed("https://example.com/chart.png")
    assert image_allowed("files/chart.png")
    assert image_allowed("data:image/png;base64,iVBORw0KGgo=")
    assert not image_allowed("data:image/svg+xml;base64,PHN2Zz4=")
    assert not image_allowed("mailto:ada@example.com")
    assert not link_allowed("data:image/png;base64,iVBORw0KGgo=")


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        ("me/", "starting with https://"),
        ("github.com/ada", "`https://github.com/ada`"),
        ("//github.com/ada", "starting with https://"),
        ("smb://host/share", "web pages, email addresses or phone numbers"),
        ("https://", "https://example.com/page"),
    ],
)
def test_front_matter_needs_a_whole_allowed_address(url: str, hint: str) -> None:
    with pytest.raises(LinkRefused) as refused:
        check_address(url)
    assert hint in refused.value.hint


def test_front_matter_addresses_are_kept_as_written() -> None:
    for url in ("https://github.com/ada", "mailto:ada@example.com", "tel:+44 20 7946 0000"):
        assert check_address(f" {url} ") == url


@pytest.mark.parametrize("unsafe_html", [False, True])
def test_a_refused_link_in_a_body_is_text(unsafe_html: bool) -> None:
    md = Markdown(unsafe_html)
    html = md(
        "[share](smb://host/share) [ftp](ftp://x/y) [app](intent://x#Intent;end) "
        "[pic](data:image/png;base64,iVBORw0KGgo=) [far](//evil.example/x) "
        "<smb://host/autolink> [ref][r] ![mail](mailto:a@example.com)\n\n"
        "[site](../other/) [web](https://example.com/) ![inline](data:image/png;base64,AAAA) "
        "![chart](files/chart.png)\n\n[r]: ftp://files.example/by-reference\n"
    )
    assert _targets(html) == [
        ("a", "../other/"),
        ("a", "https://example.com/"),
        ("img", "data:image/png;base64,AAAA"),
        ("img", "files/chart.png"),
    ]
    assert "share" in html and "pic" in html and "mail" in html  # the words stay
    assert _targets(md.inline("[x](ftp://a) [y](https://b)")) == [("a", "https://b")]


def test_the_import_keeps_only_whole_allowed_addresses() -> None:
    from portfolio.interop.jsonresume_read import Reader

    reader = Reader()
    node = {"a": "github.com/ada", "b": "me/", "c": "smb://host/x", "d": "mailto:a@b.example"}
    found = [reader.url(node, key, "basics") for key in "abcd"]
    assert found == ["https://github.com/ada", None, None, "mailto:a@b.example"]
    assert len(reader.dropped) == 2
