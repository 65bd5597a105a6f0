"""Private stays private: every private place of the format holds a SENTINEL string
(projects/private-sentinels), and no byte of the built site may contain one."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pypdf
import pytest

from conftest import PROJECTS, run

FIXTURE = PROJECTS / "private-sentinels"
SENTINEL = re.compile(r"SENTINEL-[A-Z0-9-]+[A-Z0-9]")


def _sentinels() -> set[str]:
    """Every sentinel planted in the fixture's sources (never in anything built from them)."""
    found: set[str] = set()
    for file in FIXTURE.rglob("*"):
        if file.is_file():
            found.update(SENTINEL.findall(file.read_text(encoding="utf-8")))
    return found


def _all_text(site: Path) -> dict[str, str]:
    """Every file's bytes as text, every PDF's extracted text as well, and each part of
    every Word file (a zip: its bytes are compressed)."""
    texts = {}
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        rel = file.relative_to(site).as_posix()
        texts[rel] = file.read_bytes().decode("utf-8", errors="replace")
        if file.suffix == ".pdf":
            reader = pypdf.PdfReader(file)
            texts[rel + " (text)"] = "\n".join(page.extract_text() for page in reader.pages)
            texts[rel + " (metadata)"] = str(reader.metadata)
        if file.suffix == ".docx":
            with zipfile.ZipFile(file) as archive:
                for part in archive.namelist():
                    data = archive.read(part).decode("utf-8", errors="replace")
                    texts[f"{rel} ({part})"] = data
    return texts


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture copied out of the repository (a build writes `site/` and `packs/`
    beside the content) and built there, PDFs included."""
    root = tmp_path_factory.mktemp("private") / "project"
    shutil.copytree(FIXTURE, root)
    result = run("build", str(root))
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def site(built: Path) -> Path:
    return built / "site"


def test_the_fixture_plants_sentinels_everywhere() -> None:
    assert len(_sentinels()) >= 30


@pytest.mark.slow  # the fixture built with PDFs
def test_no_sentinel_reaches_the_site(site: Path) -> None:
    sentinels = _sentinels()
    leaks = {(name, s) for name, text in _all_text(site).items() for s in sentinels if s in text}
    assert not leaks


@pytest.mark.slow  # the fixture built with PDFs
def test_public_content_is_there(site: Path) -> None:
    texts = _all_text(site)
    joined = "\n".join(texts.values())
    for marker in (
        "PUBLIC-GOAL-TITLE",
        "PUBLIC-EVIDENCE-TITLE",
        "PUBLIC-MILESTONE",
        "PUBLIC-METRIC",
        "PUBLIC-EMPLOYER",
        "PUBLIC-SUMMARY",
    ):
        assert marker in joined
    assert "PUBLIC-NAME" in texts["resume.pdf (text)"]
    assert "PUBLIC-NAME" in texts["resume.docx (word/document.xml)"]
    assert "PUBLIC-NAME" in texts["resume.docx (docProps/core.xml)"]
    assert "PUBLIC-EMPLOYER" in texts["resume.txt"] and "PUBLIC-EMPLOYER" in texts["resume.md"]


@pytest.mark.slow  # the fixture built with PDFs
def test_private_pages_and_files_are_not_written(site: Path) -> None:
    files = {p.relative_to(site).as_posix() for p in site.rglob("*")}
    assert not any(
        "secret-win" in f
        or "leave-employer" in f
        or "secret-aspiration" in f
        or "globex" in f
        or "sentinel-attachment" in f
        for f in files
    )
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "goals/public-goal/" in sitemap and "secret" not in sitemap


@pytest.mark.slow  # the fixture built with PDFs
def test_no_sentinel_reaches_the_public_json_resume(built: Path) -> None:
    result = run("export", "jsonresume", str(built))
    assert result.exit_code == 0, result.output
    leaks = {s for s in _sentinels() if s in result.stdout}
    assert not leaks
    assert "PUBLIC-EVIDENCE-TITLE" in result.stdout


def test_no_sentinel_in_the_errors_of_a_failed_public_build(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    public = root / "content" / "evidence" / "public-win.md"
    public.write_text(
        public.read_text(encoding="utf-8").replace("date: 2025-06-20", "date: 2025-06-31"),
        encoding="utf-8",
    )
    result = run("build", str(root), "--no-pdf")
    assert result.exit_code == 1
    assert "content/evidence/public-win.md:" in result.stderr
    assert not {s for s in _sentinels() if s in result.output}
