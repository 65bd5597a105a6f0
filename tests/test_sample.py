"""The shipped sample, built as a user would: every page, the PDF's text, the links."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pypdf
import pytest
import yaml

from conftest import REPO, copy_sample, front_matter, run

TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(TYPOGRAPHY)).strip()


def _public_evidence() -> dict[str, dict[str, Any]]:
    found = {}
    for file in sorted((REPO / "content" / "evidence").glob("*.md")):
        data = front_matter(file)
        if data.get("visibility", "public") == "public":
            found[file.stem] = data
    return found


def _public_goals() -> list[str]:
    return [
        f.stem
        for f in sorted((REPO / "content" / "goals").glob("*.md"))
        if front_matter(f).get("visibility") == "public"
    ]


def test_every_page_is_written(sample_site: Path) -> None:
    expected = [
        "index.html",
        "resume/index.html",
        "resume.pdf",
        "goals/index.html",
        "evidence/index.html",
        "sitemap.xml",
        ".nojekyll",
        "assets/style.css",
    ]
    expected += [f"goals/{g}/index.html" for g in _public_goals()]
    expected += [f"evidence/{e}/index.html" for e in _public_evidence()]
    missing = [p for p in expected if not (sample_site / p).is_file()]
    assert not missing


def test_goal_and_evidence_pages_link_to_each_other(sample_site: Path) -> None:
    for ev, data in _public_evidence().items():
        page = (sample_site / "evidence" / ev / "index.html").read_text(encoding="utf-8")
        for goal in data.get("goals", []):
            if goal in _public_goals():
                assert f'href="../../goals/{goal}/"' in page
                goal_page = (sample_site / "goals" / goal / "index.html").read_text("utf-8")
                assert f'href="../../evidence/{ev}/"' in goal_page


def test_resume_pdf_text_has_name_headings_and_highlights_in_order(sample_site: Path) -> None:
    reader = pypdf.PdfReader(sample_site / "resume.pdf")
    text = _plain(" ".join(page.extract_text() for page in reader.pages))
    profile = yaml.safe_load((REPO / "content" / "profile.yaml").read_text(encoding="utf-8"))
    assert text.startswith(profile["name"])
    evidence = _public_evidence()
    wanted = ["Summary", "Experience"]
    for job in profile["experience"]:  # the sample lists positions newest first
        wanted.append(job["title"])
        wanted += [
            _plain(evidence[h].get("summary") or evidence[h]["title"])
            for h in job.get("highlights", [])
            if h in evidence
        ]
    # The rest in the order of the profile's `resume.sections`, then the usual order.
    wanted += ["Volunteering", "Education", "Certifications", "Talks", "Skills", "Languages"]
    wanted += ["References"]
    position = 0
    for item in wanted:
        found = text.lower().find(item.lower(), position)
        assert found >= 0, f"{item!r} missing or out of order"
        position = found + len(item)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.urls.append(value)
            if name == "id" and value:
                self.ids.add(value)


def test_every_internal_link_works_under_a_sub_path(sample_site: Path) -> None:
    base = "https://example.github.io/portfolio/"
    pages = {p.relative_to(sample_site).as_posix(): p for p in sample_site.rglob("*.html")}
    parsed = {}
    for rel, file in pages.items():
        parser = _Links()
        parser.feed(file.read_text(encoding="utf-8"))
        parsed[rel] = parser
    broken = []
    for rel, parser in parsed.items():
        if rel == "404.html":  # served at any depth: links from base_url's path (test_web.py)
            continue
        page_url = base + rel.removesuffix("index.html")
        for url in parser.urls:
            if urlsplit(url).scheme in ("http", "https", "mailto", "tel"):
                continue
            target = urljoin(page_url, url)
            parts = urlsplit(target)
            if not target.startswith(base):
                broken.append((rel, url, "leaves the sub-path"))
                continue
            path = unquote(parts.path)[len("/portfolio/") :]
            file = sample_site / path
            if file.is_dir() or path == "" or path.endswith("/"):
                file = file / "index.html"
            if not file.is_file():
                broken.append((rel, url, "no such file"))
            elif parts.fragment:
                key = file.relative_to(sample_site).as_posix()
                if parts.fragment not in parsed[key].ids:
                    broken.append((rel, url, "no such anchor"))
    assert not broken


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    outs = []
    for name in ("one", "two"):
        out = tmp_path / name
        assert run("build", str(root), "--out", str(out), "--no-pdf").exit_code == 0
        outs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert outs[0] == outs[1]


def test_base_url_reaches_sitemap_and_canonical(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    out = tmp_path / "site"
    url = "https://someone.github.io/career/"
    assert run("build", str(root), "--out", str(out), "--no-pdf", "--base-url", url).exit_code == 0
    assert f"<loc>{url}resume/</loc>" in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{url}goals/">' in (out / "goals" / "index.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.slow  # builds in a process
def test_real_subprocess_builds_the_sample(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    done = subprocess.run(
        [sys.executable, "-m", "portfolio", "build", str(root), "--no-pdf"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(
        r"Built .+/site/ \(\d+ pages\) and 2 packs in .+/packs/ in [\d.]+ s\.\n",
        done.stdout,
    ), done.stdout
    assert done.stderr == "", "no progress lines when the output is not a terminal"
    assert (root / "site" / "index.html").is_file()
