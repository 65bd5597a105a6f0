"""Hostile content: every fixture under projects/hostile/ is refused with a located
error or neutralised, and no output holds its payload.

A fixture holds only the files that differ from projects/minimal/ and `expect.yaml`:
`outcome` (error or neutralised), the exact first line of the error, the warnings, and
what the test must set up that git cannot carry (a symlink out of the project, a named
pipe, a 50 MB file, a loopback server that must receive no request).
"""

from __future__ import annotations

import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pypdf
import pytest
import yaml

from conftest import PROJECTS, build_process, run, serving

HOSTILE = PROJECTS / "hostile"


def _case(name: str) -> Any:
    """A case whose expectations need PDFs is slow."""
    expect = yaml.safe_load((HOSTILE / name / "expect.yaml").read_text(encoding="utf-8"))
    return pytest.param(name, marks=pytest.mark.slow) if expect.get("pdf") else name


CASES = [_case(p.name) for p in sorted(HOSTILE.iterdir()) if p.is_dir()]
SECRET = "HOSTILE-SECRET-7f3a"  # what a file outside the project holds
PAYLOADS = (SECRET, "root:x:0:0", "alert('HOSTILE')", "alert(&#39;HOSTILE&#39;)")


class _Markup(HTMLParser):
    """Every element and attribute of a page, to check what a browser would run."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


def _elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Markup()
    parser.feed(html)
    return parser.elements


class _Counter(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.requests.append(self.path)
        self.send_error(404)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[int]:
    """A loopback server that records any request: the build must send none."""
    _Counter.requests = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    # Polled often, so that shutting it down after each case takes no noticeable time.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield int(httpd.server_address[1])
    httpd.shutdown()


def _project(tmp_path: Path, case: str, port: int) -> tuple[Path, dict[str, Any]]:
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "minimal", root)
    shutil.copytree(HOSTILE / case, root, dirs_exist_ok=True)
    expect = yaml.safe_load((root / "expect.yaml").read_text(encoding="utf-8"))
    for file in root.rglob("*"):
        if file.is_file() and file.suffix in (".md", ".yaml", ".html"):
            text = file.read_text(encoding="utf-8")
            file.write_text(text.replace("{PORT}", str(port)), encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text(f"{SECRET}\nroot:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    if link := expect.get("link"):
        target = root / link["from"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(target if link["to"] == "LOOP" else outside)
    for fifo in expect.get("fifo", []):
        (root / fifo).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(root / fifo)
    if huge := expect.get("huge"):
        with (root / huge).open("w", encoding="utf-8") as f:
            f.write("---\ntitle: Huge\n")
            f.write(f"summary: {SECRET} " + "x" * (50 * 1024 * 1024 - 40) + "\n---\n")
        (root / huge).write_bytes((root / huge).read_bytes()[: 50 * 1024 * 1024])
    return root, expect


def _outputs(root: Path) -> dict[str, str]:
    """Every built file as text (PDFs as their text and attachments too)."""
    found = {}
    for folder in (root / "site", root / "packs"):
        for file in folder.rglob("*") if folder.exists() else []:
            if not file.is_file():
                continue
            rel = file.relative_to(root).as_posix()
            found[rel] = file.read_bytes().decode("utf-8", errors="replace")
            if file.suffix == ".pdf":
                reader = pypdf.PdfReader(file)
                found[rel] += "\n".join(page.extract_text() for page in reader.pages)
                found[rel] += "".join(
                    data.decode("utf-8", "replace")
                    for items in reader.attachments.values()
                    for data in items
                )
    return found


@pytest.mark.parametrize("case", CASES)
def test_hostile_content_is_refused_or_neutralised(tmp_path: Path, case: str, server: int) -> None:
    root, expect = _project(tmp_path, case, server)
    flags = [] if expect.get("pdf") else ["--no-pdf"]
    result = run("build", str(root), *flags)
    output = result.output
    assert "Traceback" not in output
    if expect["outcome"] == "error":
        assert result.exit_code == 1, output
        assert output.startswith(expect["message"].replace("{PORT}", str(server))), output
        for part in expect.get("message_contains", []):
            assert part in output, output
        assert not (root / "site").exists() and not (root / "packs").exists()
    else:
        assert result.exit_code == 0, output
        _check_neutralised(root, expect)
    for warning in expect.get("warnings_contain", []):
        assert warning in result.stderr, result.stderr
    for payload in PAYLOADS[:2]:
        assert payload not in output, "an error message must not quote what it refused"
    assert _Counter.requests == [], "nothing is fetched from the network"


def pdf_links(pdf: Path) -> list[str]:
    """The target of every link annotation in a PDF: a URI, or `#name` within it."""
    found = []
    for page in pypdf.PdfReader(pdf).pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if action is not None and action.get_object().get("/S") == "/URI":
                found.append(str(action.get_object()["/URI"]))
            elif annotation.get("/Subtype") == "/Link":
                found.append(f"#{annotation.get('/Dest') or ''}")
    return found


def _check_neutralised(root: Path, expect: dict[str, Any]) -> None:
    outputs = _outputs(root)
    assert outputs
    made = [*root.glob("site/resume.pdf"), *root.glob("packs/*/*.pdf")]  # not attachments
    for pdf in made:
        for target in pdf_links(pdf):
            assert target.startswith(("#", "https://", "http://", "mailto:", "tel:")), (pdf, target)
    for name, text in outputs.items():
        for payload in PAYLOADS[:2]:
            assert payload not in text, (name, payload)
        if not name.endswith(".html"):
            continue
        for tag, attrs in _elements(text):
            assert tag not in ("iframe", "object", "embed", "style"), (name, tag)
            assert not any(k.startswith("on") for k in attrs), (name, tag, attrs)
            if tag == "script":
                assert attrs.get("type") == "application/ld+json", (name, attrs)
            for key in ("href", "src", "action", "formaction"):
                value = re.sub(r"[\x00-\x20]", "", attrs.get(key, "")).lower()
                for scheme in expect.get("no_url_scheme", ["javascript"]):
                    assert not value.startswith(f"{scheme}:"), (name, tag, key, value)
        assert "<script>alert" not in text


@pytest.mark.slow  # builds and serves in processes
def test_named_pipes_hang_neither_serve_nor_a_second_build(tmp_path: Path, server: int) -> None:
    """The live preview hashes the project too; a rebuild with nothing changed says so."""
    root, expect = _project(tmp_path, "special-files", server)
    first = build_process(root, "--no-pdf")
    assert first.returncode == 0, first.stderr
    second = build_process(root, "--no-pdf")
    assert "Up to date" in second.stdout, second.stdout + second.stderr
    for warning in expect["warnings_contain"]:  # said again, though nothing was built
        assert warning in second.stderr, second.stderr
    with serving(root) as (serve, _):
        assert serve.poll() is None
