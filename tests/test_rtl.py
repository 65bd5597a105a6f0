"""Right to left: a site or pack in Arabic, Persian or Hebrew says `dir="rtl"` on every
page and in every PDF, and the themes' stylesheets say inline-start and inline-end
rather than left and right, so that its layout mirrors. The fixture `persian` is a
fictional Persian portfolio with one English title among the Persian ones."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from conftest import PROJECTS, REPO, run
from portfolio.content.language import direction

STYLESHEETS = sorted((REPO / "themes").glob("*/static/*.css"))


def test_the_direction_comes_from_the_language() -> None:
    for tag in ("fa", "ar", "he", "ur", "fa-IR", "ar-EG", "ps", "yi"):
        assert direction(tag) == "rtl", tag
    for tag in ("en", "de", "pt-PT", "el", "ru", "zh-Hant", "ja", "tlh"):
        assert direction(tag) == "ltr", tag


def _persian(tmp_path: Path) -> Path:
    root = tmp_path / "persian"
    shutil.copytree(PROJECTS / "persian", root)
    return root


def test_a_persian_site_and_pack_say_rtl_on_every_page(tmp_path: Path) -> None:
    root = _persian(tmp_path)
    result = run("build", str(root), "--no-pdf")
    assert result.exit_code == 0, result.output
    pages = sorted((root / "site").rglob("*.html")) + sorted((root / "packs").rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        head = page.read_text(encoding="utf-8")[:300]
        assert '<html lang="fa" dir="rtl"' in head, page
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="person-name" dir="auto">نسرین کاویانی</h1>' in home
    # The English title among Persian ones is isolated, so it reads left to right.
    evidence = (root / "site" / "evidence" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="card-title" dir="auto"><a [^>]*>Streaming pipeline', evidence)


def test_an_english_site_is_left_to_right_as_html_is_by_default(tmp_path: Path) -> None:
    root = tmp_path / "minimal"
    shutil.copytree(PROJECTS / "minimal", root)
    assert run("build", str(root), "--no-pdf").exit_code == 0
    assert '<html lang="en">' in (root / "site" / "index.html").read_text("utf-8")


@pytest.mark.slow
def test_a_persian_resume_pdf_is_right_to_left_with_its_persian_words(tmp_path: Path) -> None:
    root = _persian(tmp_path)
    result = run("build", str(root))
    assert result.exit_code == 0, result.output
    for pdf in (root / "site" / "resume.pdf", root / "packs" / "team-lead" / "resume.pdf"):
        text = unicodedata.normalize(
            "NFKC", "".join(page.extract_text() for page in PdfReader(pdf).pages)
        )
        for word in ("نسرین", "کاویانی", "مهندس", "ارشد", "ایران"):
            assert word in text, (pdf.name, word)
    # The documents the PDFs are made from say so too (WeasyPrint lays them out rtl).
    assert "Noto" in _fonts(root / "site" / "resume.pdf")


def _fonts(pdf: Path) -> str:
    """The names of the fonts a PDF embeds, joined."""
    names = []
    for page in PdfReader(pdf).pages:
        resources: Any = page["/Resources"]
        fonts: Any = resources.get_object().get("/Font", {})
        names += [str(font.get_object()["/BaseFont"]) for font in fonts.values()]
    return " ".join(names)


# Physical left/right where CSS has a logical property: margin-left, padding-right,
# border-left(-color), left:/right: offsets, text-align/float/clear left or right,
# and corner radii named by left or right.
_PHYSICAL = re.compile(
    r"(?<![\w-])(?:(?:margin|padding|border)-(?:left|right)(?:-\w+)?|"
    r"border-(?:top|bottom)-(?:left|right)-radius|left|right)\s*:"
    r"|(?<![\w-])(?:text-align(?:-last)?|float|clear)\s*:\s*(?:left|right)\b"
)
_BOX = re.compile(r"(?<![\w-])(margin|padding)\s*:\s*([^;{}]+?)\s*[;}]")


def _declarations(css: str) -> list[tuple[int, str]]:
    """Each line of `css` with its comments blanked out (line numbers kept)."""
    css = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), css, flags=re.S)
    return list(enumerate(css.split("\n"), start=1))


@pytest.mark.parametrize("sheet", STYLESHEETS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_stylesheets_say_inline_start_and_end_not_left_and_right(sheet: Path) -> None:
    """An exception is allowed where a comment on the line says `physical` and why."""
    raw = sheet.read_text(encoding="utf-8").split("\n")
    found = []
    for number, line in _declarations(sheet.read_text(encoding="utf-8")):
        if "physical" in raw[number - 1]:
            continue
        if _PHYSICAL.search(line):
            found.append(f"{sheet.parts[-3]}/{sheet.name}:{number}: {line.strip()}")
        for match in _BOX.finditer(line):
            values = re.findall(r"[^\s(]+(?:\([^)]*\))?", match.group(2).replace("!important", ""))
            if len(values) == 4 and values[1] != values[3]:  # right and left differ
                found.append(f"{sheet.parts[-3]}/{sheet.name}:{number}: {match.group(0)}")
    assert not found, "use logical properties:\n" + "\n".join(found)


def test_every_document_template_says_its_direction() -> None:
    """A template that opens a document (a page or a PDF) sets `dir` from the language:
    a new one (the cover letter's PDF) cannot forget it."""
    themes = Path(__file__).resolve().parents[1] / "themes"
    for template in sorted(themes.rglob("*.html")):
        for line in template.read_text("utf-8").splitlines():
            if line.lstrip().startswith("<html"):
                assert "site.dir" in line, f"{template}: {line}"
