"""The resume as a Word file, plain text and Markdown (src/portfolio/documents/).

The sample is built without PDFs (these files need no WeasyPrint), and each file is
read back the way its readers read it: the Word file with python-docx (every
position, organisation, date and bullet in order; real Word styles; no table, text
box or header; its properties and paper) and as a tracking system extracts it (the
text of its paragraphs); the text for its width and its dates; the Markdown with a
Markdown parser. The writers are also tried on a document of their own: the escapes,
the width of Chinese, the same bytes whatever the clock says.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import shutil
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from conftest import PROJECTS, copy_sample, run, word_text
from portfolio.build import load
from portfolio.content.portfolio import public_view
from portfolio.content.resume import Resume, build_resume
from portfolio.documents.markdown import as_markdown
from portfolio.documents.model import (
    Bullets,
    Document,
    Entry,
    Heading,
    Look,
    Paragraph,
    Span,
    joined,
    text,
)
from portfolio.documents.text import WIDTH, as_text, columns, wrap
from portfolio.documents.word import as_docx

POLDERLICHT = "polderlicht-ml-platform"
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
STYLES = {
    "Heading 1", "Heading 2", "Heading 3", "Entry", "Normal", "Subtitle", "Contact", "Note",
    "List Bullet",
}  # fmt: skip


def _plain(value: str) -> str:
    return re.sub(r"\s+", " ", value.translate(TYPOGRAPHY)).strip()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, built without PDFs: its root."""
    root = copy_sample(tmp_path_factory.mktemp("documents") / "project")
    result = run("build", str(root), "--no-pdf")
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def resume(sample: Path) -> Resume:
    portfolio, _ = load(sample)
    return build_resume(public_view(portfolio))


def _wanted(resume: Resume) -> list[str]:
    """What the resume must say, in order: the name, each section's heading, each
    position's title, dates, organisation, place and highlights, each school, each
    dated item, each skill and language."""
    wanted = [resume.name]
    for section in resume.sections:
        wanted.append(section.capitalize())
        if section == "experience":
            for job in resume.jobs:
                wanted += [job.title, str(job.dates), job.position.organization]
                wanted += [job.position.location or ""]
                wanted += [h.ev.summary or h.ev.title for h in job.highlights]
        elif section == "education":
            for school in resume.education:
                wanted += [school.education.degree or "", str(school.dates)]
                wanted.append(school.education.institution)
        elif section == "volunteering":
            for e in resume.volunteering:
                wanted += [e.ev.role or e.ev.title, str(e.when)]
        elif section in ("certifications", "awards", "publications", "talks"):
            for e in getattr(resume, section):
                wanted += [e.ev.title, str(e.when)]
        elif section in ("skills", "languages"):
            wanted += [item.name for item in getattr(resume, section)]
    return [_plain(w) for w in wanted if w]


def _in_order(said: str, wanted: list[str]) -> None:
    said = _plain(said).lower()
    position = 0
    for item in wanted:
        found = said.find(item.lower(), position)
        assert found >= 0, f"{item!r} missing or out of order"
        position = found + len(item)


# --- Word --------------------------------------------------------------------------


def test_the_word_resume_reads_back_in_order(sample: Path, resume: Resume) -> None:
    word = docx.Document(str(sample / "site" / "resume.docx"))
    paragraphs = [p.text for p in word.paragraphs]
    assert paragraphs[0] == "Inês Salgueiro"
    assert len(resume.jobs) == 3 and resume.jobs[0].highlights
    _in_order("\n".join(paragraphs), _wanted(resume))


def test_a_position_s_title_and_its_dates_share_a_line_apart_by_a_tab(
    sample: Path, resume: Resume
) -> None:
    word = docx.Document(str(sample / "site" / "resume.docx"))
    lines = [p.text for p in word.paragraphs if p.style is not None and p.style.name == "Heading 3"]
    for job in resume.jobs:
        assert f"{job.title}\t{job.dates}" in lines
    heading = word.styles["Heading 3"]
    stops = list(heading.paragraph_format.tab_stops)
    section = word.sections[0]
    width = int(section.page_width or 0) - int(section.left_margin or 0)
    width -= int(section.right_margin or 0)
    assert [(str(s.alignment), s.position) for s in stops] == [("RIGHT (2)", width)]


def test_the_word_resume_uses_real_word_styles_and_nothing_else(sample: Path) -> None:
    path = sample / "site" / "resume.docx"
    word = docx.Document(str(path))
    used = [p.style.name for p in word.paragraphs if p.style is not None]
    assert set(used) <= STYLES, set(used) - STYLES
    assert used.count("Heading 1") == 1 and used[0] == "Heading 1"
    headings = [p.text for p in word.paragraphs if p.style and p.style.name == "Heading 2"]
    assert headings[:2] == ["Summary", "Experience"] and "Skills" in headings
    assert used.count("List Bullet") >= 10
    assert not word.tables
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    for layout in ("<w:tbl", "txbxContent", "<w:drawing", "<w:pict", "<w:framePr", "<v:"):
        assert layout not in xml
    names = zipfile.ZipFile(path).namelist()
    assert not [n for n in names if re.search(r"header|footer|thumbnail|customXml", n)], names
    # Capitals are the style's: the words read back as written.
    assert word.styles["Heading 2"].font.all_caps


def test_the_word_resume_s_properties_paper_fonts_and_accent(sample: Path) -> None:
    word = docx.Document(str(sample / "site" / "resume.docx"))
    props = word.core_properties
    assert props.title == "Inês Salgueiro: Resume"
    assert props.author == "Inês Salgueiro"
    assert props.subject.startswith("Senior Data Platform Engineer")
    assert "Streaming" in props.keywords.split(", ")
    assert props.language == "en"
    assert props.comments == "" and "python-docx" not in repr(vars(props))
    # No SOURCE_DATE_EPOCH: the start of the portfolio's day (portfolio.yaml's `today`).
    assert props.created == props.modified == dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    section = word.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    # classic: Source Serif 4 for the name and sections, Inter for the rest, ink blue.
    assert word.styles["Heading 1"].font.name == "Source Serif 4"
    assert word.styles["Heading 2"].font.name == "Source Serif 4"
    heading = word.styles["Heading 2"].font.color.rgb
    assert str(heading) == "1D4F86"
    defaults = zipfile.ZipFile(sample / "site" / "resume.docx").read("word/styles.xml")
    assert b'w:ascii="Inter"' in defaults.split(b"</w:docDefaults>")[0]


def test_the_paper_and_the_accent_follow_the_site(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    config = root / "portfolio.yaml"
    text_ = config.read_text(encoding="utf-8").replace("paper: A4", "paper: Letter")
    config.write_text(
        text_.replace("  audit_notes: true", '  audit_notes: true\n  accent: "#7a3b00"')
    )
    assert run("build", str(root), "--no-pdf", "--no-packs").exit_code == 0
    word = docx.Document(str(root / "site" / "resume.docx"))
    section = word.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (section.page_width.inches, section.page_height.inches) == (8.5, 11)
    assert str(word.styles["Heading 2"].font.color.rgb) == "7A3B00"


def test_a_tracking_system_reads_every_entry_of_the_word_resume(
    sample: Path, resume: Resume
) -> None:
    said = word_text(sample / "site" / "resume.docx")
    assert said.startswith("Inês Salgueiro\n")
    _in_order(said, _wanted(resume))
    lines = said.splitlines()
    for job in resume.jobs:  # the title and its dates on one line, the organisation next
        at = lines.index(f"{job.title}\t{job.dates}")
        assert lines[at + 1].startswith(job.position.organization)
    assert "ines.salgueiro@example.com · Lisbon, Portugal · github.com/ines-salgueiro" in said


def test_the_tailored_resume_is_in_its_pack_in_every_format_it_names(sample: Path) -> None:
    pack = sample / "packs" / POLDERLICHT
    for name in ("resume.docx", "resume.txt", "resume.md"):
        assert (pack / name).is_file()
    index = (pack / "index.html").read_text(encoding="utf-8")
    assert '<a href="resume.docx">Word</a> · <a href="resume.txt">Plain text</a>' in index
    other = sample / "packs" / "rotaverde-staff-promotion"
    assert (other / "resume.docx").is_file() and not (other / "resume.txt").exists()
    word = docx.Document(str(pack / "resume.docx"))
    assert "MLOps" in word.core_properties.keywords.split(", ")  # the target's keywords
    said = word_text(pack / "resume.docx")
    assert "+351 912 000 417" in said  # a pack may show what the site keeps private


def test_the_resume_page_links_each_file(sample: Path) -> None:
    page = (sample / "site" / "resume" / "index.html").read_text(encoding="utf-8")
    assert (
        '<p class="resume-formats">Download as <a href="../resume.docx">Word</a> · '
        '<a href="../resume.txt">Plain text</a> · <a href="../resume.md">Markdown</a></p>'
    ) in page


def test_a_theme_option_hides_each_file(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    config = root / "portfolio.yaml"
    options = "  audit_notes: true\n  resume_docx: false\n  resume_markdown: false"
    config.write_text(config.read_text(encoding="utf-8").replace("  audit_notes: true", options))
    assert run("build", str(root), "--no-pdf", "--no-packs").exit_code == 0
    site = root / "site"
    assert (site / "resume.txt").is_file()
    assert not (site / "resume.docx").exists() and not (site / "resume.md").exists()
    page = (site / "resume" / "index.html").read_text(encoding="utf-8")
    assert "resume.docx" not in page and "resume.md" not in page
    assert 'Download as <a href="../resume.txt">Plain text</a>' in page


# --- plain text and Markdown -------------------------------------------------------


def test_the_text_resume_fits_a_form_s_box(sample: Path, resume: Resume) -> None:
    for path in (sample / "site" / "resume.txt", sample / "packs" / POLDERLICHT / "resume.txt"):
        said = path.read_text(encoding="utf-8")
        lines = said.split("\n")
        assert max(columns(line) for line in lines) <= WIDTH
        assert not [line for line in lines if line != line.rstrip() or "\t" in line]
        assert said.endswith("\n") and "\r" not in said
    said = (sample / "site" / "resume.txt").read_text(encoding="utf-8")
    _in_order(said, _wanted(resume))
    lines = said.split("\n")
    assert lines[0] == "Inês Salgueiro"
    assert "EXPERIENCE" in lines and "SKILLS" in lines
    for job in resume.jobs:  # the dates flush right on the line of their position
        line = next(line for line in lines if line.endswith(str(job.dates)))
        assert line.startswith(job.title) and columns(line) == WIDTH
    assert [line for line in lines if line.startswith("• ")]
    assert not [line for line in lines if line.startswith(("|", "+-", "<"))]


def test_the_markdown_resume_reads_on_github(sample: Path, resume: Resume) -> None:
    said = (sample / "site" / "resume.md").read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").parse(said)
    headings = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings[0] == ("h1", "Inês Salgueiro")
    assert ("h2", "Experience") in headings
    job = resume.jobs[0]
    assert ("h3", f"{job.title} · {job.dates}") in headings
    assert not [t for t in tokens if t.type in ("html_block", "html_inline", "table_open")]
    assert sum(1 for t in tokens if t.type == "bullet_list_open") >= 3
    links = [t for t in tokens if t.type == "inline" and "](mailto:" in t.content]
    assert links, "the email is a link"
    _in_order(re.sub(r"[#*\\]", "", said), _wanted(resume))


# --- the writers on a document of their own ----------------------------------------

TRICKY = Document(
    title="Ada: Resume",
    author="Ada",
    blocks=(
        Heading("Ada", 1),
        Paragraph(
            joined(
                [
                    text(Span("ada@example.com", url="mailto:ada@example.com")),
                    text("+44 20 7946 0000"),
                    text("London"),
                ]
            ),
            "contact",
        ),
        Heading("Skills", 2),
        Entry(text(Span("C# *and* [Go] <b>", strong=True), ", R&D"), "2019 – 2021", heading=True),
        Paragraph(text("1. not a list, # not a heading, - not a bullet")),
        Bullets((text("a_b and `code` and ~x~"),)),
        Paragraph(text("数据平台工程师，负责智能电表数据管道和需求预测模型的服务路径，" * 3)),
    ),
    keywords=("C#", "Go"),
)


def test_markdown_shows_every_character_as_written() -> None:
    said = as_markdown(TRICKY)
    rendered = MarkdownIt("commonmark").enable("strikethrough").render(said)
    plain = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert "C# *and* [Go] <b>, R&D · 2019 – 2021" in plain
    assert "1. not a list, # not a heading, - not a bullet" in plain
    assert "a_b and `code` and ~x~" in plain
    assert "<strong>C# *and* [Go] &lt;b&gt;</strong>" in rendered
    assert '<a href="mailto:ada@example.com">' in rendered
    assert "<h1>Ada</h1>" in rendered and "<h2>Skills</h2>" in rendered
    assert "<ol" not in rendered and "<s>" not in rendered and "<code>" not in rendered


def test_text_breaks_a_line_of_items_between_items_and_chinese_anywhere() -> None:
    said = as_text(TRICKY, width=30)
    lines = said.split("\n")
    assert max(columns(line) for line in lines) <= 30
    assert "ada@example.com ·" in lines and "+44 20 7946 0000 · London" in lines
    chinese = [line for line in lines if any(columns(c) == 2 for c in line)]
    assert len(chinese) >= 6  # 90 wide characters, 15 to a line of 30 columns
    assert wrap("a " + "x" * 12, 5) == ["a", "xxxxx", "xxxxx", "xx"]
    assert all(unicodedata.east_asian_width(c) != "W" or columns(c) == 2 for c in "数a")


def test_word_bytes_depend_on_the_stamp_not_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    stamp = dt.datetime(2026, 1, 1, 12, 30, tzinfo=dt.UTC)
    first = as_docx(TRICKY, Look(), stamp)
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)  # another "now"
    assert as_docx(TRICKY, Look(), stamp) == first
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {i.date_time for i in archive.infolist()} == {(2026, 1, 1, 12, 30, 0)}
    props = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml").decode("utf-8")
    assert props.count("2026-01-01T12:30:00Z") == 2  # created and modified
    early = zipfile.ZipFile(io.BytesIO(as_docx(TRICKY, Look(), stamp.replace(year=1970))))
    assert {i.date_time for i in early.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def _styles_xml(document: Document) -> str:
    data = as_docx(document, Look(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    return zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode("utf-8")


def test_word_right_to_left_and_east_asian_languages() -> None:
    """Arabic paragraphs run right to left; a Japanese resume's Latin words stay
    English (set to Japanese, LibreOffice breaks them anywhere)."""
    arabic = _styles_xml(Document("ع", "ع", (Heading("خبرة", 2),), language="ar"))
    assert "<w:bidi/>" in arabic and 'w:bidi="ar"' in arabic
    japanese = _styles_xml(Document("職", "職", (Heading("職務経歴", 2),), language="ja"))
    assert 'w:eastAsia="ja"' in japanese and 'w:val="en-US"' in japanese


# --- the build ---------------------------------------------------------------------


def test_a_story_edit_keeps_the_documents_and_a_summary_edit_makes_them_again(
    sample: Path, tmp_path: Path
) -> None:
    root = tmp_path / "project"
    shutil.copytree(sample, root)
    assert run("build", str(root), "--no-pdf").exit_code == 0  # this copy's cache
    site = root / "site"
    files = ("resume.docx", "resume.txt", "resume.md")
    before = {f: (site / f).stat().st_ino for f in files}
    story = root / "content" / "evidence" / "warehouse-cost-reduction.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert run("build", str(root), "--no-pdf").exit_code == 0
    assert {f: (site / f).stat().st_ino for f in files} == before
    text_ = story.read_text(encoding="utf-8")
    story.write_text(text_.replace("summary: ", "summary: Quietly ", 1), encoding="utf-8")
    assert run("build", str(root), "--no-pdf").exit_code == 0
    assert all((site / f).stat().st_ino != before[f] for f in files)
    assert "Quietly" in (site / "resume.txt").read_text(encoding="utf-8")


@pytest.mark.slow  # starts processes
def test_python_docx_is_loaded_only_to_make_a_word_file(tmp_path: Path) -> None:
    """`--help`, a build that makes no Word file (hidden by the theme option, and no
    target asking for one) and a rebuild that keeps them never import python-docx."""
    root = copy_sample(tmp_path / "project")
    probe = (
        "import sys\nfrom portfolio.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('docx loaded' if 'docx' in sys.modules else 'docx not loaded', file=sys.stderr)\n"
    )

    def loaded(*args: str) -> bool:
        done = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=False
        )
        assert "docx " in done.stderr, done.stderr
        return "docx loaded" in done.stderr

    assert not loaded("--help")
    assert loaded("build", str(root), "--no-pdf")
    goal = root / "content" / "goals" / "ml-platform-pivot.md"
    goal.write_text(goal.read_text(encoding="utf-8") + "\nA note.\n", encoding="utf-8")
    assert not loaded("build", str(root), "--no-pdf")  # the documents are kept
    config = root / "portfolio.yaml"
    options = "  audit_notes: true\n  resume_docx: false"
    config.write_text(config.read_text(encoding="utf-8").replace("  audit_notes: true", options))
    for target in ("polderlicht-ml-platform", "rotaverde-staff-promotion"):
        path = root / "content" / "targets" / f"{target}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(cover-letter|resume)-docx,\s*", "", text), encoding="utf-8")
    assert not loaded("build", str(root), "--no-pdf", "--no-cache")


def _theme(tmp_path: Path, document: str) -> Path:
    """The minimal project with a theme of its own that extends classic."""
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "minimal", root)
    theme = root / "themes" / "mine"
    theme.mkdir(parents=True)
    (theme / "theme.yaml").write_text(f"extends: classic\n{document}", encoding="utf-8")
    config = root / "portfolio.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "\ntheme: mine\n", encoding="utf-8")
    return root


def test_a_child_theme_changes_one_font_of_the_word_file(tmp_path: Path) -> None:
    root = _theme(tmp_path, "document:\n  body_font: Georgia\n")
    assert run("build", str(root), "--no-pdf").exit_code == 0
    word = docx.Document(str(root / "site" / "resume.docx"))
    assert word.styles["Heading 1"].font.name == "Source Serif 4"  # classic's
    styles = zipfile.ZipFile(root / "site" / "resume.docx").read("word/styles.xml")
    assert b'w:ascii="Georgia"' in styles.split(b"</w:docDefaults>")[0]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("document:\n  accent: blue\n", "`document.accent` is a colour written #rrggbb"),
        ("document:\n  body_fnt: Inter\n", "`document` has no key `body_fnt`; did you mean"),
        ('document:\n  body_font: "<b>"\n', "`document.body_font` is a font's name"),
    ],
)
def test_a_wrong_document_look_names_the_theme_file(
    tmp_path: Path, document: str, message: str
) -> None:
    root = _theme(tmp_path, document)
    result = run("build", str(root), "--no-pdf")
    assert result.exit_code == 1
    assert "themes/mine/theme.yaml" in result.stderr and message in result.stderr, result.stderr


def test_the_live_preview_leaves_the_word_file_out(sample: Path) -> None:
    from portfolio.build import preview
    from portfolio.cache.store import Cache

    made = preview(sample, Cache(sample, in_memory=True), sample / "site")
    paths = {o.path for o in made.outputs}
    assert {"resume.txt", "resume.md"} <= paths and "resume.docx" not in paths
    page = next(o for o in made.outputs if o.path == "resume/index.html")
    assert page.data is not None and b"resume.docx" not in page.data
