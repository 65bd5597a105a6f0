"""The sample site in a real browser (Debian's Chromium driven by Playwright), served
on loopback under a sub-path as GitHub Pages serves a project site: every page loads
with no console error and no failed request, every internal link and anchor resolves,
and axe-core finds no serious or critical accessibility violation. And the colours the
browser computes: each shipped theme's dark palette when the site or the reader asks
for dark, its light one otherwise, and light in print; a theme of one's own on top.

Needs Chromium at /usr/bin/chromium (Debian: `apt-get install chromium`) and the test
extras (Playwright's Python package; no browser download). Without them the tests are
skipped, with that message.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from conftest import REPO, copy_sample, run

pytestmark = pytest.mark.slow  # a browser over the whole sample

CHROMIUM = Path(os.environ.get("PORTFOLIO_CHROMIUM", "/usr/bin/chromium"))
PREFIX = "/career/"
HOW = (
    "browser tests need Chromium at {where} (Debian: `apt-get install chromium`, or set "
    "PORTFOLIO_CHROMIUM) and Playwright (`pip install -e '.[test]'`)"
)

playwright = pytest.importorskip("playwright.sync_api", reason=HOW.format(where=CHROMIUM))
if not CHROMIUM.is_file():
    pytest.skip(HOW.format(where=CHROMIUM), allow_module_level=True)


class _SubPath(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX only, like a GitHub Pages project site."""

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if not clean.startswith(PREFIX):
            return "/nonexistent"
        return super().translate_path("/" + clean.removeprefix(PREFIX))

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_sample(tmp_path_factory.mktemp("browser") / "project")
    result = run("build", str(root), "--no-packs", "--base-url", f"https://ines.github.io{PREFIX}")
    assert result.exit_code == 0, result.output
    handler = functools.partial(_SubPath, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield chromium
        chromium.close()


def _axe() -> str:
    import axe_playwright_python

    return str(Path(axe_playwright_python.__file__).parent / "axe.min.js")


@pytest.fixture(scope="module")
def crawl(base: str, browser: Any) -> dict[str, Any]:
    """Visit every page reachable from the home page; record what went wrong."""
    page = browser.new_page()
    problems: list[str] = []

    def console(m: Any) -> None:
        if m.type == "error":
            problems.append(f"console: {m.text}")

    def response(r: Any) -> None:
        if r.status >= 400:
            problems.append(f"{r.status}: {r.url}")

    def external(route: Any) -> None:
        problems.append(f"external: {route.request.url}")
        route.abort()

    page.on("console", console)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", response)
    # Nothing may leave loopback: a request elsewhere is a failure, and is not sent.
    page.route(lambda url: not url.startswith(base.rsplit(PREFIX, 1)[0]), external)
    queue, seen, anchors, pages, files = [base], set(), [], {}, set()
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url, wait_until="load")
        links = page.eval_on_selector_all(
            "a[href], link[href], img[src], script[src]",
            "els => els.map(e => e.getAttribute('href') || e.getAttribute('src'))",
        )
        ids = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        page.add_script_tag(path=_axe())
        results = page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})"
        )
        pages[url] = {"ids": ids, "violations": results["violations"]}
        for link in links:
            target = urljoin(url, link)
            if not target.startswith(base):
                continue  # another site (GitHub, mail): not ours to visit
            bare, fragment = urldefrag(target)
            if fragment:
                anchors.append((url, bare, fragment))
            if bare.endswith((".html", "/")):
                queue.append(bare)
            else:
                files.add(bare)
    statuses = {url: page.request.get(url).status for url in sorted(files)}
    page.close()
    return {"problems": problems, "pages": pages, "anchors": anchors, "files": statuses}


def test_every_page_loads_without_errors_or_failed_requests(crawl: dict[str, Any]) -> None:
    assert len(crawl["pages"]) >= 15, sorted(crawl["pages"])
    assert crawl["problems"] == []


def test_every_linked_file_is_there(crawl: dict[str, Any]) -> None:
    assert any(url.endswith("resume.pdf") for url in crawl["files"])
    assert any("/files/" in url for url in crawl["files"]), "attachments are linked"
    assert {url: s for url, s in crawl["files"].items() if s != 200} == {}


def test_every_internal_anchor_resolves(crawl: dict[str, Any]) -> None:
    pages = crawl["pages"]
    missing = [
        (source, target, fragment)
        for source, target, fragment in crawl["anchors"]
        if target in pages and fragment not in pages[target]["ids"]
    ]
    assert missing == []


def test_no_serious_or_critical_accessibility_violation(crawl: dict[str, Any]) -> None:
    found = [
        (url, v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for url, page in crawl["pages"].items()
        for v in page["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert found == []


# --- colours as the browser computes them ------------------------------------------


def _palette(theme: str, token: str) -> tuple[str, str]:
    """A token's light and dark colour, as the theme's style.css writes it once
    (`--bg: light-dark(#faf8f4, #14161a)`), in the form getComputedStyle gives."""
    css = (REPO / "themes" / theme / "static" / "style.css").read_text(encoding="utf-8")
    found = re.search(rf"{token}: light-dark\((#[0-9a-f]{{6}}), (#[0-9a-f]{{6}})\);", css)
    assert found, f"{theme} states {token} once, as light-dark(light, dark)"
    light, dark = (
        "rgb({}, {}, {})".format(*(int(h[i : i + 2], 16) for i in (1, 3, 5)))
        for h in found.groups()
    )
    return light, dark


@pytest.fixture(scope="module")
def schemes(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The sample's home page built with each shipped theme and `color_scheme` option."""
    pages = {}
    for theme in ("classic", "ledger"):
        for option in ("auto", "light", "dark"):
            root = copy_sample(tmp_path_factory.mktemp(f"{theme}-{option}") / "project")
            config = (root / "portfolio.yaml").read_text(encoding="utf-8")
            config = config.replace("theme: classic", f"theme: {theme}")
            config = config.replace("color_scheme: auto", f"color_scheme: {option}")
            (root / "portfolio.yaml").write_text(config, encoding="utf-8")
            result = run("build", str(root), "--no-pdf", "--no-packs")
            assert result.exit_code == 0, result.output
            pages[(theme, option)] = root / "site" / "index.html"
    return pages


def _colours(browser: Any, page: Path, reader: str, media: str = "screen") -> tuple[str, str]:
    """The body's background and text colour, for a reader whose system is `reader`."""
    context = browser.new_context(color_scheme=reader)
    tab = context.new_page()
    tab.emulate_media(media=media, color_scheme=reader)
    tab.goto(page.as_uri(), wait_until="load")
    colours = tab.evaluate(
        "() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]; }"
    )
    context.close()
    return colours[0], colours[1]


@pytest.mark.parametrize("theme", ["classic", "ledger"])
@pytest.mark.parametrize(
    ("option", "reader", "dark"),
    [
        ("dark", "light", True),  # the site asks for dark: dark, whatever the reader's system
        ("auto", "dark", True),  # the reader's system is dark
        ("auto", "light", False),
        ("light", "dark", False),  # the site asks for light
    ],
)
def test_the_page_takes_the_dark_palette_when_asked_and_the_light_one_otherwise(
    schemes: dict[tuple[str, str], Path], browser: Any, theme: str, option: str, reader: str,
    dark: bool,
) -> None:  # fmt: skip
    bg, ink = _palette(theme, "--bg"), _palette(theme, "--ink")
    want = (bg[1], ink[1]) if dark else (bg[0], ink[0])
    assert _colours(browser, schemes[(theme, option)], reader) == want


@pytest.mark.parametrize("theme", ["classic", "ledger"])
def test_print_is_light_even_in_the_dark(
    schemes: dict[tuple[str, str], Path], browser: Any, theme: str
) -> None:
    light = _colours(browser, schemes[(theme, "light")], "light", media="print")
    assert _colours(browser, schemes[(theme, "dark")], "dark", media="print") == light
    assert _colours(browser, schemes[(theme, "auto")], "dark", media="print") == light


def test_a_theme_of_one_small_stylesheet_on_classic(tmp_path: Path, browser: Any) -> None:
    """Two lines on top of classic: the accent and the headings' font change, the rest
    (classic's paper, its dark palette) still applies."""
    root = copy_sample(tmp_path / "project")
    theme = root / "themes" / "mine"
    (theme / "static").mkdir(parents=True)
    (theme / "theme.yaml").write_text("extends: classic\n", encoding="utf-8")
    (theme / "static" / "style.css").write_text(
        ":root { --accent: #8a1c4a; --font-heading: Georgia, serif; }\n", encoding="utf-8"
    )
    config = (root / "portfolio.yaml").read_text(encoding="utf-8")
    (root / "portfolio.yaml").write_text(config.replace("theme: classic", "theme: mine"), "utf-8")
    result = run("build", str(root), "--no-pdf", "--no-packs")
    assert result.exit_code == 0, result.output
    home = (root / "site" / "index.html").as_uri()
    for reader in ("light", "dark"):
        context = browser.new_context(color_scheme=reader)
        tab = context.new_page()
        tab.goto(home, wait_until="load")
        link, heading, body = tab.evaluate(
            """() => [getComputedStyle(document.querySelector('.button.quiet')).color,
                      getComputedStyle(document.querySelector('h1')).fontFamily,
                      getComputedStyle(document.body).backgroundColor]"""
        )
        context.close()
        assert heading == "Georgia, serif"
        bg = _palette("classic", "--bg")
        if reader == "light":
            assert (link, body) == ("rgb(138, 28, 74)", bg[0])
        else:  # classic's dark accent is its own light blue, whatever the site's accent
            assert link != "rgb(138, 28, 74)" and body == bg[1]


@pytest.mark.parametrize("theme", ["classic", "ledger", "base"])
def test_a_pack_s_private_tag_is_readable(tmp_path: Path, browser: Any, theme: str) -> None:
    """The "Private" tag on a pack's page: light words on ink, in every shipped theme
    (classic's own `.tag` comes after base's rule and once took its background away)."""
    root = copy_sample(tmp_path / "project")
    config = (root / "portfolio.yaml").read_text(encoding="utf-8")
    (root / "portfolio.yaml").write_text(config.replace("theme: classic", f"theme: {theme}"))
    result = run("build", str(root), "--no-pdf", "--target", "polderlicht-ml-platform")
    assert result.exit_code == 0, result.output
    context = browser.new_context(color_scheme="light")
    tab = context.new_page()
    tab.goto((root / "packs" / "polderlicht-ml-platform" / "index.html").as_uri())
    colour, background = tab.evaluate(
        """() => { const s = getComputedStyle(document.querySelector('.tag-private'));
                   return [s.color, s.backgroundColor]; }"""
    )
    context.close()
    assert background == _palette(theme, "--ink")[0], (colour, background)
    assert colour != background
