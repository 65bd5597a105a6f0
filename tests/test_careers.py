"""Real careers, made up: each JSON Resume in tests/data/careers/ reproduces a pattern
the sample never shows (a student with no job, a freelancer with 40 clients, 70
skills, a very long employer and place, dates as people write them, HTML pasted into
a summary, Chinese, Cyrillic and Persian text). Each is imported and built as a new
user would, and what reaches the resume PDF is read back page by page: every
position, project, volunteer role and school, and no page left holding a line or two.
The Word and plain-text resumes are read the same way, as a tracking system extracts
their text.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from conftest import REPO, run, word_text

pytestmark = pytest.mark.slow  # each builds a PDF

HERE = REPO / "tests" / "data" / "careers"
CAREERS = sorted(p for p in HERE.glob("*.json") if p.name != "languages.json")
# The language each person would set in portfolio.yaml (JSON Resume has no field for it).
LANGUAGES: dict[str, str] = json.loads((HERE / "languages.json").read_text("utf-8"))


def _norm(text: str) -> str:
    """Spaces collapsed, case folded, and no format characters (a zero-width non-joiner
    shapes Persian letters but is no glyph: it is not in a PDF's text). The lam-alef
    ligature is one glyph for two letters, which text extraction gives back in either
    order or out of place: both letters are left out of both sides."""
    shown = "".join(c for c in text if unicodedata.category(c) != "Cf")
    shown = shown.replace("\u0644\u0627", "").replace("\u0627\u0644", "")
    return re.sub(r"\s+", " ", shown).strip().casefold()


def _pages(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def _expected(data: dict[str, Any]) -> list[str]:
    """What must reach the resume: each position's title and employer, each project's
    name, each volunteer role, each school (as the resume shows them)."""
    wanted = []
    for job in data.get("work", []):
        wanted += [job["position"], job["name"]]
    wanted += [p["name"] for p in data.get("projects", [])]
    wanted += [v.get("position") or v["organization"] for v in data.get("volunteer", [])]
    wanted += [school["institution"] for school in data.get("education", [])]
    return wanted


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each career imported into a new folder and built with its PDFs."""
    projects = {}
    for source in CAREERS:
        project = tmp_path_factory.mktemp(source.stem)
        result = run("import", "jsonresume", str(source), str(project), "--force")
        assert result.exit_code == 0, result.output
        if source.stem in LANGUAGES:
            config = project / "portfolio.yaml"
            text = config.read_text(encoding="utf-8")
            language = f"language: {LANGUAGES[source.stem]}\n"
            config.write_text(text.replace("language: en\n", language), encoding="utf-8")
        result = run("build", str(project))
        assert result.exit_code == 0, f"{source.name}: {result.output}"
        projects[source.stem] = project
    return projects


@pytest.mark.parametrize("career", [c.stem for c in CAREERS])
def test_everything_the_career_holds_reaches_the_resume_pdf(
    built: dict[str, Path], career: str
) -> None:
    data = json.loads((REPO / "tests" / "data" / "careers" / f"{career}.json").read_text("utf-8"))
    text = _norm(" ".join(_pages(built[career] / "site" / "resume.pdf")))
    missing = [w for w in _expected(data) if _norm(w) not in text]
    assert not missing, f"{career}: not on the resume: {missing}"


@pytest.mark.parametrize("career", [c.stem for c in CAREERS])
def test_everything_the_career_holds_reaches_the_word_and_text_resumes(
    built: dict[str, Path], career: str
) -> None:
    data = json.loads((REPO / "tests" / "data" / "careers" / f"{career}.json").read_text("utf-8"))
    site = built[career] / "site"
    texts = {
        "resume.docx": word_text(site / "resume.docx"),
        "resume.txt": (site / "resume.txt").read_text(encoding="utf-8"),
        "resume.md": (site / "resume.md").read_text(encoding="utf-8").replace("\\", ""),
    }
    for name, said in texts.items():
        missing = [w for w in _expected(data) if _norm(w) not in _norm(said)]
        assert not missing, f"{career}: not in {name}: {missing}"


@pytest.mark.parametrize("career", [c.stem for c in CAREERS])
def test_no_page_of_the_resume_holds_only_a_line_or_two(
    built: dict[str, Path], career: str
) -> None:
    pages = _pages(built[career] / "site" / "resume.pdf")
    lines = [len([line for line in page.splitlines() if line.strip()]) for page in pages]
    assert all(n >= 4 for n in lines), f"{career}: lines per page {lines}"


def test_a_freelancer_keeps_all_forty_clients(built: dict[str, Path]) -> None:
    text = _norm(" ".join(_pages(built["freelancer"] / "site" / "resume.pdf")))
    data = json.loads((REPO / "tests" / "data" / "careers" / "freelancer.json").read_text("utf-8"))
    clients = {p["entity"] for p in data["projects"]}
    assert len(data["projects"]) == 40
    assert all(_norm(c) in text for c in clients)


def test_a_student_without_a_job_gets_a_resume_that_starts_with_school(
    built: dict[str, Path],
) -> None:
    text = _norm(" ".join(_pages(built["student"] / "site" / "resume.pdf")))
    order = [text.index(h) for h in ("summary", "education", "projects", "volunteering")]
    assert order == sorted(order), text
    assert "experience" not in text.split("summary", 1)[1][:40]


def test_seventy_skills_and_a_long_employer_fit_one_page(built: dict[str, Path]) -> None:
    """The engineer's resume overflowed one page by a few lines: it is tightened to
    one, and a place too long to share the organisation's line gets its own line."""
    pages = _pages(built["engineer"] / "site" / "resume.pdf")
    assert len(pages) == 1
    lines = [_norm(line) for line in pages[0].splitlines()]
    place = _norm("Kraków, Lesser Poland Voivodeship, Poland (hybrid, two days a week on site)")
    assert place in lines, "the long place is not on a line of its own"
    assert all(_norm(s) in _norm(pages[0]) for s in ("Hiring", "Mentoring", "GitLab CI"))


def test_an_overflow_too_long_to_tighten_keeps_its_pages(built: dict[str, Path]) -> None:
    """The freelancer's three pages are full: tightening would not save one, so the
    layout is the usual one."""
    pages = _pages(built["freelancer"] / "site" / "resume.pdf")
    assert len(pages) == 3
    assert all(len(p.splitlines()) > 20 for p in pages)


HEADINGS = re.compile(
    r"^(SUMMARY|EXPERIENCE|PROJECTS|VOLUNTEERING|EDUCATION|CERTIFICATIONS|AWARDS|"
    r"PUBLICATIONS|TALKS|SKILLS|LANGUAGES|INTERESTS|REFERENCES)$"
)


@pytest.mark.parametrize("career", [c.stem for c in CAREERS])
def test_no_page_ends_on_a_heading(built: dict[str, Path], career: str) -> None:
    for number, page in enumerate(_pages(built[career] / "site" / "resume.pdf"), 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = [line for line in lines if not re.search(r"Page \d+ of \d+", line)]
        assert body and not HEADINGS.match(body[-1]), f"{career}: page {number} ends on {body[-1]}"


@pytest.mark.parametrize("theme", ["base", "ledger"])
def test_the_long_resume_fits_one_page_in_every_shipped_theme(
    built: dict[str, Path], theme: str, tmp_path: Path
) -> None:
    project = tmp_path / "engineer"
    shutil.copytree(built["engineer"] / "content", project / "content")
    config = (built["engineer"] / "portfolio.yaml").read_text("utf-8")
    config = config.replace("theme: classic\n", f"theme: {theme}\n")
    (project / "portfolio.yaml").write_text(config, "utf-8")
    result = run("build", str(project), "--no-packs")
    assert result.exit_code == 0, result.output
    assert len(_pages(project / "site" / "resume.pdf")) == 1


def test_a_persian_portfolio_reads_right_to_left(built: dict[str, Path]) -> None:
    site = built["persian"] / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        assert '<html lang="fa" dir="rtl">' in page.read_text("utf-8"), page
    text = " ".join(_pages(site / "resume.pdf"))
    assert "سارا احمدی" in text


def test_left_to_right_portfolios_say_no_direction(built: dict[str, Path]) -> None:
    for career in ("chinese", "russian", "student"):
        home = (built[career] / "site" / "index.html").read_text("utf-8")
        assert 'dir="rtl"' not in home.split("<head>")[0]
