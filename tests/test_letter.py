"""The cover letter: the conventions of English and German letters, a body that makes
the two-part pitch from the content and says nothing the content does not hold, the
person's own paragraphs in place of the made ones, the text version, `check`'s three
questions, one page, privacy and the same bytes from the same input.

The sample's letters (content/targets) and a fixture small enough to read in full
(projects/letter: a named contact with an address from the job description, a German
target with nobody named, a target whose evidence has no metric, and one in the
person's own words).
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pypdf
import pytest

from conftest import PROJECTS, REPO, copy_sample, run, word_text
from portfolio.build import load
from portfolio.content.language import format_date, with_unit
from portfolio.content.markdown import renderer
from portfolio.packs.letter import Letter
from portfolio.packs.letter_text import (
    PAGE_LINES,
    WIDTH,
    estimate_lines,
    letter_text,
    markdown_blocks,
    plain_letter,
)
from portfolio.packs.pack import Pack, build_pack
from portfolio.site.themes import catalog

FIXTURE = PROJECTS / "letter"
SAMPLE = "polderlicht-ml-platform"
LETTER_FILES = {"cover-letter.html", "cover-letter.docx", "cover-letter.txt"}


def _built(tmp_path: Path, source: Path, *args: str) -> Path:
    root = tmp_path / "project"
    if source == REPO:
        copy_sample(root)
    else:
        shutil.copytree(source, root)
    result = run("build", str(root), *args)
    assert result.exit_code == 0, result.output
    return root


def _set_language(root: Path, target: str, language: str) -> None:
    path = root / "content" / "targets" / f"{target}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^language: \w+$", f"language: {language}", text), "utf-8")


def _pack(root: Path, target: str) -> Pack:
    portfolio, _ = load(root)
    return build_pack(portfolio, portfolio.targets[target])


def _letter(root: Path, target: str) -> Letter:
    letter = _pack(root, target).letter
    assert letter is not None
    return letter


def _text(root: Path, target: str) -> str:
    """The letter as the text writer says it, in the pack's language."""
    portfolio, theme = load(root)
    pack = build_pack(portfolio, portfolio.targets[target])
    assert pack.letter is not None
    strings = catalog(theme, pack.language)
    plain = plain_letter(pack.letter, strings.say, renderer(False), pack.language, pack.paper)
    return letter_text(plain)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- the sample: English ----------------------------------------------------------


def test_the_sample_s_english_letter_follows_english_conventions(tmp_path: Path) -> None:
    root = _built(tmp_path, REPO, "--no-pdf", "--target", SAMPLE)
    text = (root / "packs" / SAMPLE / "cover-letter.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:4] == [
        "Inês Salgueiro",
        "Lisbon, Portugal",
        "ines.salgueiro@example.com",
        "+351 912 000 417",
    ]
    assert "\n24 November 2026\n" in text  # the date alone: `letter.date`, said in full
    assert "Lisbon, 24 November" not in text
    recipient = text.split("24 November 2026\n\n")[1].split("\n\n")[0].splitlines()
    assert recipient == [
        "Ms Maartje de Vries",
        "Head of Forecasting Platform",
        "Polderlicht Energy B.V.",
        "Keizersgracht 123",
        "1015 CJ Amsterdam",
        "Netherlands",
    ]
    flat = _flat(text)
    assert "Application for the role of Senior ML Platform Engineer, Forecasting" in flat
    assert "Dear Ms de Vries," in flat
    assert "Yours sincerely, Inês Salgueiro" in flat  # a named recipient: sincerely
    assert "Enclosures: Resume, Evidence pack" in flat
    # Her own opening and plan; the evidence and closing made from the content.
    assert "those two halves of my work meet" in flat
    assert "Model monitoring for drift would be new ground for me" in flat
    assert "I am applying to Polderlicht" not in flat
    assert "What I have delivered, in measured results:" in flat
    assert "Time to release a retrained model: from 72 h to 4 h" in flat
    assert "Based in Lisbon, Portugal, I am open to relocation." in flat
    assert all(len(line) <= WIDTH for line in lines)


def test_the_pack_index_lists_the_letter_in_each_format(tmp_path: Path) -> None:
    root = _built(tmp_path, REPO, "--no-pdf", "--target", SAMPLE)
    pack = root / "packs" / SAMPLE
    assert {p.name for p in pack.iterdir()} >= LETTER_FILES
    index = (pack / "index.html").read_text(encoding="utf-8")
    for file in sorted(LETTER_FILES):
        assert f'href="{file}"' in index
    assert 'href="cover-letter.pdf"' not in index  # built without PDFs: none to link
    page = (pack / "cover-letter.html").read_text(encoding="utf-8")
    assert '<p class="letter-salutation">Dear Ms de Vries,</p>' in page
    assert 'href="cover-letter.txt"' in page


def test_a_pack_without_the_output_has_no_letter(tmp_path: Path) -> None:
    root = _built(tmp_path, FIXTURE, "--no-pdf")
    assert _pack(root, "globex").letter is not None
    portfolio, _ = load(root)
    target = portfolio.targets["globex"].model_copy(update={"outputs": ("resume",)})
    assert build_pack(portfolio, target).letter is None


# --- German ------------------------------------------------------------------------


def test_the_sample_s_letter_in_german(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    _set_language(root, SAMPLE, "de")
    text = _text(root, SAMPLE)
    flat = _flat(text)
    assert "\nLisbon, 24. November 2026\n" in text  # place and date, `letter.place`
    recipient = text.split("2026\n\n")[1].split("\n\n")[0].splitlines()
    assert recipient[:3] == [
        "Polderlicht Energy B.V.",  # DIN 5008: the organization first
        "Frau Maartje de Vries",
        "Head of Forecasting Platform",
    ]
    assert "Bewerbung als Senior ML Platform Engineer, Forecasting" in flat
    assert "\nSehr geehrte Frau de Vries,\n" in text
    assert "\nMit freundlichen Grüßen\n" in text  # no comma after it
    assert "Anlagen: Lebenslauf, Nachweismappe" in flat
    assert "Was ich erreicht habe, in gemessenen Ergebnissen:" in flat
    assert "von 72 h auf 4 h" in flat and "von 6,2 % auf 0,8 %" in flat
    assert "Dear" not in flat and "Yours" not in flat


def test_a_german_letter_to_nobody_named(tmp_path: Path) -> None:
    text = _text(FIXTURE, "umbrella-de")
    flat = _flat(text)
    assert "\nLeeds, 1. Juni 2026\n" in text  # the place: the profile's, its first part
    assert "\nUmbrella GmbH\nBerlin, DE\n" in text  # no address: the target's location
    assert "\nSehr geehrte Damen und Herren,\n\nhiermit bewerbe ich mich bei Umbrella GmbH" in text
    assert "Derzeit arbeite ich bei Acme Payments als Product Manager." in flat
    assert "Mein Ziel: Lead a product team of six, bis 31. Jan. 2027." in flat
    assert "\nMit freundlichen Grüßen\n" in text
    assert "Anlagen" not in flat  # the pack encloses nothing


def test_an_english_letter_to_nobody_named_ends_kind_regards(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    _set_language(root, "umbrella-de", "en")
    flat = _flat(_text(root, "umbrella-de"))
    assert "Dear Hiring Manager," in flat
    assert "Kind regards, Ada Example" in flat
    assert "1 June 2026" in flat and "Leeds, 1 June" not in flat


# --- the fixture: made from the content -----------------------------------------------


def test_a_contact_greeted_as_mr_with_the_job_description_s_address() -> None:
    text = _text(FIXTURE, "globex")
    assert "\nMr Hank Scorpio\nChief Executive\nGlobex Corporation Ltd.\n" in text
    assert "\n1 Cypress Creek Road\n90210 Cypress Creek\n" in text
    assert "\nDear Mr Scorpio,\n" in text
    flat = _flat(text)
    assert "I am applying to Globex Corporation Ltd. for the role of Head of Product." in flat
    assert "Ltd.." not in flat  # no sentence ends on the organization's full stop
    assert "Enclosures: Resume" in flat


def test_full_name_greets_by_the_whole_name() -> None:
    assert "\nDear Bill Lumbergh,\n" in _text(FIXTURE, "initech-no-metrics")


def test_the_plan_names_the_goal_its_next_milestones_and_the_role() -> None:
    flat = _flat(_text(FIXTURE, "globex"))
    assert "My goal: Lead a product team of six, by 31 Jan 2027." in flat
    # Open milestones not yet overdue, soonest first: not the one done, not the one
    # past due (15 May 2026, before `today`).
    assert (
        "The next milestones on the way: Ship the first team roadmap by 30 Sep 2026; "
        "Run the first quarterly review by 15 Dec 2026." in flat
    )
    assert "Hire two engineers" not in flat and "Agree the team charter" not in flat
    assert (
        "For “Own the payments roadmap across the checkout teams”, I would build on "
        "“Rebuilt the checkout with the payments team”." in flat
    )


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d[\d,.]*\d|\d", text))


def test_every_number_the_made_letter_says_is_in_the_content() -> None:
    """A made sentence is a template over facts: each number in the made paragraphs is
    a metric's value, a year of the evidence, or a date of the goal."""
    portfolio, theme = load(FIXTURE)
    pack = build_pack(portfolio, portfolio.targets["globex"])
    assert pack.letter is not None
    strings = catalog(theme, "en")
    made = " ".join(
        strings.say(s) for p in pack.letter.paragraphs for s in (*p.sentences, *p.items)
    )
    allowed: set[str] = set()
    for ev in portfolio.evidence.values():
        for m in ev.metrics:
            allowed |= _numbers(with_unit(m.before, m.unit) + " " + with_unit(m.after, m.unit))
        allowed |= _numbers(format_date(ev.when))
    goal = portfolio.goals["lead-team"]
    for date in (goal.due, *(m.due for m in goal.milestones)):
        allowed |= _numbers(format_date(date))
    said = _numbers(made)
    assert said and said <= allowed, said - allowed


def test_evidence_with_no_metric_gets_no_invented_result(tmp_path: Path) -> None:
    letter = _letter(FIXTURE, "initech-no-metrics")
    assert letter.results == 0
    evidence = next(p for p in letter.paragraphs if p.part == "evidence")
    assert not evidence.items
    flat = _flat(_text(FIXTURE, "initech-no-metrics"))
    paragraph = flat.split("My recent work includes ")[1].split(".")[0]
    assert paragraph == "“Wrote the team charter with the engineering lead”"
    assert not re.search(r"\d", paragraph)
    assert "measured results" not in flat
    result = run("check", str(FIXTURE), "--format", "json")
    findings = json.loads(result.output)["findings"]
    assert [(f["subject"], f["rule"]) for f in findings if f["rule"].startswith("letter-")] == [
        ("initech-no-metrics", "letter-no-result")
    ]


# --- the person's own words ------------------------------------------------------------


def test_own_paragraphs_replace_the_made_ones() -> None:
    letter = _letter(FIXTURE, "own-words")
    assert [p.part for p in letter.paragraphs] == ["opening", "evidence", "plan", "closing"]
    assert all(p.own and not p.sentences and not p.items for p in letter.paragraphs)
    text = _text(FIXTURE, "own-words")
    flat = _flat(text)
    assert "\n3 June 2026\n" in text  # `letter.date`; English names no place
    assert "\nProduct Lead, reference 42\n\nDear Gavin,\n" in text
    # Markdown flattened: emphasis dropped, a link's address after its words, a list.
    assert "I read about the role on your careers page (https://hooli.example.com/jobs)." in flat
    assert "\nTwo results:\n\n- checkout failures from 4.1% to 1.2%\n- a team charter" in text
    assert "\nWarm wishes,\n\nAda Example\n" in text
    for made in ("I am applying", "My goal:", "What I have delivered", "I would welcome"):
        assert made not in flat
    assert "Enclosures: Evidence pack" in flat


def test_own_paragraphs_print_as_markdown_on_the_page(tmp_path: Path) -> None:
    root = _built(tmp_path, FIXTURE, "--no-pdf")
    page = (root / "packs" / "own-words" / "cover-letter.html").read_text(encoding="utf-8")
    assert '<a href="https://hooli.example.com/jobs">careers page</a>' in page
    assert "<li>checkout failures from 4.1% to 1.2%</li>" in page


def test_one_made_paragraph_can_be_replaced_alone(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    path = root / "content" / "targets" / "globex.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "letter:\n  closing: I can start in September.\n", "utf-8")
    flat = _flat(_text(root, "globex"))
    assert "I can start in September." in flat
    assert "I would welcome the chance" not in flat and "open to relocation" not in flat
    assert "I am applying to Globex" in flat and "What I have delivered" in flat


def test_markdown_blocks_are_plain_paragraphs_and_lists() -> None:
    md = renderer(False)
    text = "One **bold** line\nand more.\n\n1. first\n2. `second`\n\n## A head"
    blocks = markdown_blocks(md, text)
    assert [(b.text, b.items) for b in blocks] == [
        ("One bold line and more.", ()),
        ("", ("first", "second")),
        ("A head", ()),
    ]


def test_a_letter_date_must_be_a_day(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    path = root / "content" / "targets" / "own-words.yaml"
    path.write_text(path.read_text("utf-8").replace("2026-06-03", "2026-06"), "utf-8")
    result = run("check", str(root))
    assert result.exit_code == 1
    assert "own-words.yaml:11:" in result.stderr
    assert "a letter is dated to the day: `2026-06` is not one" in result.stderr


def test_a_letter_paragraph_is_held_to_the_limits_of_any_text(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    path = root / "content" / "targets" / "globex.yaml"
    items = "\n".join(f"    - item {i}" for i in range(1100))
    path.write_text(path.read_text("utf-8") + f"letter:\n  plan: |\n{items}\n", "utf-8")
    result = run("check", str(root))
    assert result.exit_code == 1
    assert "globex.yaml:12:9: `plan`: this text makes 2,201 elements" in result.stderr


# --- check ------------------------------------------------------------------------------


def _check(root: Path) -> list[dict[str, Any]]:
    findings = json.loads(run("check", str(root), "--format", "json").output)["findings"]
    return [f for f in findings if f["rule"].startswith("letter-")]


def test_the_sample_s_letters_raise_no_finding() -> None:
    assert _check(REPO) == []


@pytest.mark.parametrize(
    ("evidence", "warned"),
    [
        ("I shipped a great deal in 2024 and 2025.", True),  # years are not results
        ("Failures fell from 4.1% to 1.2% in 2025.", False),
    ],
)
def test_own_evidence_that_holds_no_number_names_no_result(
    tmp_path: Path, evidence: str, warned: bool
) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    path = root / "content" / "targets" / "globex.yaml"
    path.write_text(path.read_text("utf-8") + f"letter:\n  evidence: {evidence}\n", "utf-8")
    found = [(f["rule"], f["line"]) for f in _check(root) if f["subject"] == "globex"]
    assert found == ([("letter-no-result", 12)] if warned else [])


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("Dear [Hiring Manager], TODO", "[Hiring Manager]"),
        ("I would join <company name> gladly.", "<company name>"),
        ("I admire {{ company }}.", "{{ company }}"),
        ("I admire Example Corp.", "Example Corp"),
        ("Lorem ipsum dolor.", "Lorem ipsum"),
        ("Done, XXX.", "XXX"),
    ],
)
def test_placeholder_text_is_found_where_it_was_written(
    tmp_path: Path, text: str, placeholder: str
) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    path = root / "content" / "targets" / "globex.yaml"
    path.write_text(path.read_text("utf-8") + f"letter:\n  plan: {text}\n", "utf-8")
    found = [f for f in _check(root) if f["rule"] == "letter-placeholder"]
    assert [(f["line"], f["column"]) for f in found] == [(12, 9)]
    assert found[0]["message"].endswith(f"in `letter.plan`: `{placeholder}`")


@pytest.mark.parametrize(
    "text",
    [
        "See the [case study](https://example.com/case) and [the report][r].\n\n"
        "[r]: https://example.com/r",
        "Todo o trabalho foi medido.",  # Portuguese `todo`: all
        "A <b>bold</b> claim, and [ ] a box.",
    ],
)
def test_links_and_ordinary_words_are_no_placeholders(tmp_path: Path, text: str) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    path = root / "content" / "targets" / "globex.yaml"
    block = "\n".join("    " + line for line in text.splitlines())
    path.write_text(path.read_text("utf-8") + f"letter:\n  plan: |\n{block}\n", "utf-8")
    assert [f for f in _check(root) if f["rule"] == "letter-placeholder"] == []


def test_a_placeholder_in_the_contact_is_found_too(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    path = root / "content" / "targets" / "globex.yaml"
    text = path.read_text("utf-8").replace("name: Hank Scorpio", 'name: "[Name]"')
    path.write_text(text, "utf-8")
    found = [f for f in _check(root) if f["rule"] == "letter-placeholder"]
    assert [f["message"] for f in found] == [
        "the cover letter still holds placeholder text in `contact.name`: `[Name]`"
    ]


def test_the_estimate_grows_with_the_letter() -> None:
    portfolio, theme = load(FIXTURE)
    pack = build_pack(portfolio, portfolio.targets["globex"])
    assert pack.letter is not None
    plain = plain_letter(pack.letter, catalog(theme, "en").say, renderer(False), "en", "A4")
    short = estimate_lines(plain)
    assert 25 < short < PAGE_LINES["A4"]
    longer = plain.__class__(**{**plain.__dict__, "body": plain.body * 3})
    assert estimate_lines(longer) > PAGE_LINES["A4"]
    letter_paper = plain.__class__(**{**plain.__dict__, "paper": "Letter"})
    assert estimate_lines(letter_paper) <= short


# --- PDFs: one page, and the estimate agrees -----------------------------------------------


def _pages(pdf: Path) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)


@pytest.mark.slow  # PDFs
def test_the_sample_s_letters_are_one_page_pdfs_with_their_words(tmp_path: Path) -> None:
    root = _built(tmp_path, REPO)
    for target in ("polderlicht-ml-platform", "rotaverde-staff-promotion"):
        pdf = root / "packs" / target / "cover-letter.pdf"
        assert _pages(pdf) == 1, target
        reader = pypdf.PdfReader(pdf)
        words = _flat(reader.pages[0].extract_text())
        assert "Inês Salgueiro" in words
        assert reader.metadata is not None and "Cover letter" in str(reader.metadata.title)
        index = (root / "packs" / target / "index.html").read_text(encoding="utf-8")
        assert 'href="cover-letter.pdf"' in index
    page = pypdf.PdfReader(root / "packs" / SAMPLE / "cover-letter.pdf").pages[0]
    words = _flat(page.extract_text())
    assert "Dear Ms de Vries," in words and "Yours sincerely," in words


@pytest.mark.slow  # PDFs
def test_a_letter_check_calls_too_long_runs_past_a_page(tmp_path: Path) -> None:
    """The audit fixture `letter-too-long`: check warns, and the PDF has two pages; the
    fixture's own letter, which check passes, has one."""
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "audit" / "clean", root)
    shutil.copytree(PROJECTS / "audit" / "letter-too-long" / "content", root / "content",
                    dirs_exist_ok=True)  # fmt: skip
    assert [f["rule"] for f in _check(root)] == ["letter-too-long"]
    assert run("build", str(root)).exit_code == 0
    assert _pages(root / "packs" / "globex" / "cover-letter.pdf") == 2
    built = _built(tmp_path / "fixture", FIXTURE)
    for target in ("globex", "umbrella-de", "own-words"):
        assert _pages(built / "packs" / target / "cover-letter.pdf") == 1


# --- privacy and reproducibility ---------------------------------------------------------


@pytest.mark.slow  # the fixture built with PDFs
def test_a_letter_holds_nothing_private_unless_its_target_allows(tmp_path: Path) -> None:
    """The sentinel fixture with a target that may use public evidence only: its letter,
    in every format, names no private goal or evidence. The profile's private fields
    (email, phone, place) are the sender's address, which a pack may print."""
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "private-sentinels", root)
    (root / "content" / "targets" / "public-letter.yaml").write_text(
        "title: PUBLIC-ROLE at PUBLIC-ORG\norganization: PUBLIC-ORG\nrole: PUBLIC-ROLE\n"
        "goal: public-goal\noutputs: [cover-letter, cover-letter-docx, cover-letter-text]\n",
        encoding="utf-8",
    )
    assert run("build", str(root)).exit_code == 0
    planted = set(re.findall(r"SENTINEL-[A-Z0-9-]+[A-Z0-9]", "".join(
        f.read_text("utf-8") for f in (PROJECTS / "private-sentinels").rglob("*") if f.is_file()
    )))  # fmt: skip
    sender = {"SENTINEL-EMAIL", "SENTINEL-PHONE", "SENTINEL-LOCATION"}
    pack = root / "packs" / "public-letter"
    texts = {
        name: (pack / name).read_text(encoding="utf-8")
        for name in ("cover-letter.html", "cover-letter.txt")
    }
    texts["cover-letter.pdf"] = _flat(
        pypdf.PdfReader(pack / "cover-letter.pdf").pages[0].extract_text()
    )
    texts["cover-letter.docx"] = word_text(pack / "cover-letter.docx")
    for name, text in texts.items():
        leaked = {s for s in planted if s in text} - sender
        assert not leaked, (name, leaked)
        assert "PUBLIC-EVIDENCE-TITLE" in text and "PUBLIC-GOAL-TITLE" in text, name


@pytest.mark.slow  # PDFs
def test_the_same_letter_twice_is_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    one = _built(tmp_path / "one", FIXTURE, "--target", "globex")
    two = _built(tmp_path / "elsewhere" / "two", FIXTURE, "--target", "globex")
    for name in ("cover-letter.pdf", "cover-letter.txt", "cover-letter.html", "cover-letter.docx"):
        a = (one / "packs" / "globex" / name).read_bytes()
        assert a == (two / "packs" / "globex" / name).read_bytes(), name


def test_the_letter_as_a_word_file_reads_in_order_in_word_styles(tmp_path: Path) -> None:
    """The Word file: the letterhead, the recipient, the date, the subject, the
    salutation, the body and the signature, in the order of the PDF, in Word's own
    paragraph styles and with the letter's title and author as its properties."""
    import docx

    root = _built(tmp_path, REPO, "--no-pdf", "--target", SAMPLE)
    path = root / "packs" / SAMPLE / "cover-letter.docx"
    document = docx.Document(str(path))
    assert document.core_properties.title.startswith("Inês Salgueiro: Cover letter, Senior ML")
    assert document.core_properties.author == "Inês Salgueiro"
    assert not document.tables
    paragraphs = [
        (p.style.name if p.style else "", p.text) for p in document.paragraphs if p.text.strip()
    ]
    assert paragraphs[0] == ("Heading 1", "Inês Salgueiro")
    said = [t for _, t in paragraphs]
    order = ["Ms Maartje de Vries", "Keizersgracht 123", "24 November 2026",
             "Application for the role of Senior ML Platform Engineer, Forecasting",
             "Dear Ms de Vries,", "I am applying for the role", "Yours sincerely,"]  # fmt: skip
    found = [next(i for i, t in enumerate(said) if w in t) for w in order]
    assert found == sorted(found), said
    assert paragraphs[-2] == ("Signature", "Inês Salgueiro")
    bullets = [t.replace("\xa0", " ") for style, t in paragraphs if style == "List Bullet"]
    assert len(bullets) == 3 and "from 72 h to 4 h" in bullets[0]  # no-break spaces in units
    assert "from 72\xa0h to 4\xa0h" in word_text(path)
