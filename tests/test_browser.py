"""The sample site in a real browser (Debian's Chromium driven by Playwright), served
on loopback under a sub-path as GitHub Pages serves a project site: every page loads
with no console error and no failed request, every internal link and anchor resolves,
and axe-core finds no serious or critical accessibility violation.

Needs Chromium at /usr/bin/chromium (Debian: `apt-get install chromium`) and the test
extras (Playwright's Python package; no browser download). Without them the tests are
skipped, with that message.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from conftest import copy_sample, run

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
