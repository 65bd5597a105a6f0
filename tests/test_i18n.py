"""Language: dates, numbers and theme strings follow `language` in portfolio.yaml, and a
target's `language` for its pack; English output is what it has always been.

Builds a copy of the sample in German, and one whose promotion target is German in
an English project; checks that the German catalog covers every string the base
theme and the views ask for, and nothing else; that an unknown language is an error
naming its file and line, with a suggestion; that a child theme can reword one string.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import babel.numbers
import pypdf
import pytest
import yaml
from markupsafe import Markup

from conftest import REPO, copy_sample, run
from portfolio.content.dates import PartialDate
from portfolio.content.language import (
    N_,
    UnknownLanguage,
    check_language,
    format_date,
    format_number,
    verbatim,
    with_unit,
)
from portfolio.errors import BuildError
from portfolio.site.themes import Catalog, Theme, catalog, environment

BASE = REPO / "themes" / "base"
CATALOG = BASE / "i18n" / "de.yaml"
TARGET = "rotaverde-staff-promotion"
# `_("...")` and `_n("...", ...)` in templates; `N_("...")` in Python: the first string.
STRING = r"""\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')"""
IN_TEMPLATES = re.compile(r"(?<![\w.])(_n?)\(" + STRING)
IN_PYTHON = re.compile(r"(?<![\w.])N_\(" + STRING)


def _set(root: Path, file: str, key: str, value: str) -> None:
    """Set a top-level `key` of a YAML file, keeping the rest of it as written."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    line = f"{key}: {value}"
    text, found = re.subn(rf"(?m)^{key}:.*$", line, text)
    path.write_text(text if found else f"{text.rstrip()}\n{line}\n", encoding="utf-8")


def _text(page: Path, findings: bool = True) -> str:
    """What a reader sees: tags and inline SVG removed, entities decoded, spaces joined;
    without `findings`, the goal audit's notes (which stay English) are left out."""
    source = re.sub(r"<(svg|script|style)\b.*?</\1>", " ", page.read_text("utf-8"), flags=re.S)
    if not findings:
        source = re.sub(r'<span class="finding-(message|fix)">.*?</span>', " ", source)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", source))).strip()


def _build(root: Path, *args: str) -> Path:
    result = run("build", str(root), *args)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with `language: de`: its site."""
    root = copy_sample(tmp_path_factory.mktemp("german"))
    _set(root, "portfolio.yaml", "language", "de")
    return _build(root, "--no-pdf") / "site"


@pytest.fixture(scope="module")
def german_target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English sample with one German target: the site, and that pack with PDFs."""
    root = copy_sample(tmp_path_factory.mktemp("german-target"))
    _set(root, f"content/targets/{TARGET}.yaml", "language", "de")
    _build(root, "--no-pdf")
    return _build(root, "--target", TARGET)


# --- a German site ---------------------------------------------------------------


def test_the_german_home_page(german: Path) -> None:
    page = (german / "index.html").read_text(encoding="utf-8")
    text = _text(german / "index.html")
    assert '<html lang="de">' in page and '<meta property="og:locale" content="de_DE">' in page
    for nav in ("Portfolio", "Lebenslauf", "Ziele", "Nachweise"):
        assert f">{nav}</a>" in page
    for words in ("Ausgewählte Ergebnisse", "Woran ich arbeite", "Lebenslauf lesen"):
        assert words in text
    assert "Stand: 22. Nov. 2026" in text  # the footer: dates in German
    assert "41.200 EUR" in text and "−35 %" in text  # numbers, currency, percent
    assert "Projekt · 9. Juli 2026" in text  # a kind label and a date, computed in Python
    assert "niedriger ist besser" in text and "Selected impact" not in text


def test_the_german_resume(german: Path) -> None:
    text = _text(german / "resume" / "index.html")
    for heading in ("Profil", "Berufserfahrung", "Kompetenzen", "Ausbildung", "Sprachen"):
        assert f" {heading} " in text
    assert "seit März 2022" in text  # the current position: an open range
    assert "Jan. 2019 – Feb. 2022" in text
    assert "Experience" not in text and "Summary" not in text


def test_the_german_goals_dashboard(german: Path) -> None:
    text = _text(german / "goals" / "index.html")
    for words in ("Laufende Ziele", "Wie jedes Ziel gemessen wird", "Vom Fernziel zum Nachweis"):
        assert words in text
    assert "Meilensteine" in text and "Zeit" in text
    assert re.search(r"\d von \d erledigt", text)
    assert re.search(r"\d+ % der Zeit bis \d+\. \w+\.? 20\d\d", text)
    assert "Frühindikator" in text and "Spätindikator" in text
    assert re.search(r"\d initiatives zum \d+\. \w+\.? 20\d\d · Zielwert 3 initiatives", text)
    assert "Hinweis aus der Zielprüfung" in text  # a plural form, and a severity: "Hinweis"
    svg = (german / "goals" / "index.html").read_text(encoding="utf-8")
    assert ">heute</text>" in svg and "Zielwert " in svg  # the charts speak German too


def test_the_german_404_page(german: Path) -> None:
    text = _text(german / "404.html")
    assert "Seite nicht gefunden" in text and "Zum Portfolio" in text


def test_a_german_evidence_page(german: Path) -> None:
    text = _text(german / "evidence" / "warehouse-cost-reduction" / "index.html")
    assert "Erfolg · 5. Okt. 2026" in text
    assert "Gemessene Wirkung" in text and "Ziele, auf die es einzahlt" in text
    assert "41.200 EUR" in text and "4.800 ms" in text and "Besser" in text


def test_no_translated_string_is_left_in_english(german: Path) -> None:
    """A theme string printed through a filter or joined as text would stay English."""
    entries = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    loud = [
        k
        for k, v in entries.items()
        if isinstance(v, str) and v != k and "{" not in k and len(k.split()) >= 3
    ]
    for page in sorted(german.rglob("*.html")):
        text = _text(page, findings=False)
        left = [k for k in loud if k in text]
        assert not left, f"{page.relative_to(german)}: {left}"


# --- a German pack in an English project -------------------------------------------


@pytest.mark.slow  # a pack built with PDFs
def test_a_target_language_makes_its_pack_german_and_only_its_pack(german_target: Path) -> None:
    pack = german_target / "packs" / TARGET
    index = (pack / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in index
    assert "Unterlagen" in _text(pack / "index.html")
    assert "Ausgangslage: wo ich angefangen habe" in _text(pack / "promotion-case.html")
    assert "Berufserfahrung" in _text(pack / "resume.html")
    site = german_target / "site"
    assert '<html lang="en">' in (site / "index.html").read_text(encoding="utf-8")
    home = _text(site / "index.html")
    assert "Read the resume" in home and "Lebenslauf" not in home
    assert "As of 22 Nov 2026" in home


@pytest.mark.slow  # a pack built with PDFs
def test_a_target_language_reaches_its_pdfs(german_target: Path) -> None:
    pack = german_target / "packs" / TARGET
    resume = " ".join(p.extract_text() for p in pypdf.PdfReader(pack / "resume.pdf").pages)
    resume = re.sub(r"\s+", " ", resume)
    # The resume's headings print in capitals (a tracking system's parser finds them so).
    assert "BERUFSERFAHRUNG" in resume and "seit März 2022" in resume
    assert "EXPERIENCE" not in resume
    case = pypdf.PdfReader(pack / "evidence-pack.pdf")
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in case.pages[:2]))
    assert "NACHWEISMAPPE" in text.upper() and "Inhalt" in text  # the cover, the contents
    assert "Seite 2 von" in text and "Page" not in text  # the running footer
    assert [o.title for o in case.outline if not isinstance(o, list)][:2] == [
        "Inês Salgueiro",
        "Inhalt",
    ]


def _top_bookmarks(pdf: Path) -> list[str]:
    return [o.title or "" for o in pypdf.PdfReader(pdf).outline if not isinstance(o, list)]


GERMAN_PARTS = ["Inês Salgueiro", "Inhalt", "Lebenslauf", "Beförderungsantrag", "Nachweise"]


def test_a_german_pack_s_bookmarks_are_german(german_target: Path) -> None:
    """Every part's bookmark comes from the translated text of the page (the resume's
    from its part's `data-title`: its heading is the person's name)."""
    assert _top_bookmarks(german_target / "packs" / TARGET / "evidence-pack.pdf") == GERMAN_PARTS


def test_a_german_pack_s_bookmarks_with_a_theme_that_extends_base(tmp_path: Path) -> None:
    """A project theme on base alone gets base's pack.css, which holds no English: the
    bookmarks say `Lebenslauf`, not `Resume`."""
    root = copy_sample(tmp_path / "project")
    theme = root / "themes" / "plain"
    (theme / "static").mkdir(parents=True)
    (theme / "theme.yaml").write_text("extends: base\n", encoding="utf-8")
    (theme / "static" / "style.css").write_text(":root { --accent: #7a3b00; }\n", "utf-8")
    _set(root, "portfolio.yaml", "theme", "plain")
    _set(root, f"content/targets/{TARGET}.yaml", "language", "de")
    _build(root, "--target", TARGET)
    assert _top_bookmarks(root / "packs" / TARGET / "evidence-pack.pdf") == GERMAN_PARTS


# --- the catalog -------------------------------------------------------------------


def _asked() -> dict[str, str]:
    """Every string the base theme and the views ask to translate, with where."""
    asked: dict[str, str] = {}
    for path in sorted((BASE / "templates").rglob("*")):
        if path.is_file():
            for m in IN_TEMPLATES.finditer(path.read_text(encoding="utf-8")):
                asked.setdefault(m.group(2) or m.group(3), f"{path.name} ({m.group(1)})")
    for path in sorted((REPO / "src" / "portfolio").rglob("*.py")):
        for m in IN_PYTHON.finditer(path.read_text(encoding="utf-8")):
            asked.setdefault(m.group(1) or m.group(2), path.name)
    return asked


def test_the_german_catalog_covers_every_string_and_only_those() -> None:
    asked = _asked()
    entries = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    missing = sorted(set(asked) - set(entries))
    unused = sorted(set(entries) - set(asked))
    assert not missing, f"not in {CATALOG.name}: {[(s, asked[s]) for s in missing]}"
    assert not unused, f"in {CATALOG.name} but asked for nowhere: {unused}"
    plurals = {s for s, where in asked.items() if where.endswith("(_n)")}
    assert {s for s, v in entries.items() if isinstance(v, dict)} == plurals
    assert len(asked) > 200  # the regexes found the strings, not nothing


def test_the_catalog_loads_and_checks_itself() -> None:
    strings = catalog(Theme("base", (BASE,)), "de-CH")  # de-CH: no file, so `de`
    assert strings.gettext("Goals") == "Ziele"
    assert strings.gettext("As of {date}", date="1. März 2026") == "Stand: 1. März 2026"
    assert strings.ngettext("{n} item", "{n} items", 1) == "1 Nachweis"
    assert strings.ngettext("{n} item", "{n} items", 3) == "3 Nachweise"
    assert strings.gettext("Not a theme string") == "Not a theme string"
    assert strings.gettext(N_("{start} – present", start="März 2022")) == "seit März 2022"
    assert catalog(Theme("base", (BASE,)), "en").entries == ()


def test_a_catalog_mistake_names_its_file_and_line(tmp_path: Path) -> None:
    theme = tmp_path / "mine"
    (theme / "i18n").mkdir(parents=True)
    (theme / "i18n" / "de.yaml").write_text(
        '"Goals": "Ziele"\n"As of {date}": "Stand: {datum}"\n', encoding="utf-8"
    )
    with pytest.raises(BuildError, match=r"de\.yaml:2:\d+: .*\{datum\}"):
        catalog(Theme("mine", (theme,)), "de")


def test_markup_arguments_stay_markup_and_text_is_escaped() -> None:
    strings = Catalog("de", (("Serves {goal}", "Dient <{goal}>"),))
    link = Markup('<a href="x">A &amp; B</a>')
    assert strings.gettext("Serves {goal}", goal=link) == 'Dient &lt;<a href="x">A &amp; B</a>&gt;'
    env = environment((str(BASE / "templates"),), strings)
    rendered = env.from_string('{{ _("Serves {goal}", goal="<b>") }}').render()
    assert rendered == "Dient &lt;&lt;b&gt;&gt;"  # plain text: Jinja escapes the whole


def test_computed_messages_are_translated_where_they_are_printed() -> None:
    strings = catalog(Theme("base", (BASE,)), "de")
    env = environment((str(BASE / "templates"),), strings)
    meta = verbatim("{kind} · {when}", kind=N_("Project"), when="Juni 2025")
    assert env.from_string("{{ m }}").render(m=meta) == "Projekt · Juni 2025"
    assert str(meta).startswith("Project")  # str() is the English


# --- dates and numbers ---------------------------------------------------------------


def test_english_dates_and_numbers_are_what_they_always_were() -> None:
    assert format_date(dt.date(2026, 3, 15)) == "15 Mar 2026"
    assert format_date(PartialDate(2026, 3)) == "Mar 2026"
    assert format_date(PartialDate(2026)) == "2026"
    assert format_number(41200) == "41,200" and format_number(4.1) == "4.1"
    assert format_number(4.125) == "4.12" and format_number(2.0) == "2"
    assert with_unit(41200, "EUR") == "EUR 41,200"
    assert with_unit(1200000, "meters") == "1,200,000 meters"
    assert with_unit(3.5, "%") == "3.5%" and with_unit(5, "$") == "$5"
    assert with_unit(1, "interviews") == "1 interview"
    assert format_date(dt.date(2026, 3, 15), "en-GB") == "15 Mar 2026"


def test_german_dates_and_numbers_follow_cldr() -> None:
    assert format_date(dt.date(2026, 3, 15), "de") == "15. März 2026"
    assert format_date(PartialDate(2026, 3), "de") == "März 2026"
    assert format_date(PartialDate(2026), "de") == "2026"
    assert format_number(41200, "de") == "41.200" and format_number(4.1, "de") == "4,1"
    assert with_unit(41200, "EUR", "de") == "41.200\xa0EUR"
    assert with_unit(1200000, "meters", "de") == "1.200.000 meters"
    assert with_unit(3.5, "%", "de") == "3,5\xa0%"
    assert with_unit(1, "Gespräche", "de") == "1 Gespräche"  # no English singular rule
    # Swiss German groups thousands with an apostrophe; which one (’ or ') is CLDR's
    # data, and changed between Babel releases: ask the library, do not pin its data.
    swiss = babel.numbers.format_decimal(41200, locale="de_CH")
    assert format_number(41200, "de-CH") == swiss and swiss[2] in "’'"


def test_a_tag_that_skipped_the_check_falls_back_to_its_language_then_english() -> None:
    """What `check_language` lets through builds in the language without its region
    (`fr-US`, `zh-Hant-US` keeps its script); what it stops still builds in English."""
    assert format_date(dt.date(2026, 3, 15), "fr-US") == "15 mars 2026"
    assert format_date(dt.date(2026, 3, 15), "de-XX") == "15. März 2026"
    assert format_date(dt.date(2026, 3, 15), "zh-Hant-US") == "2026年3月15日"
    assert format_date(dt.date(2026, 3, 15), "tlh") == "15 Mar 2026"
    assert format_number(41200, "tlh") == "41,200"


# --- checking `language:` ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "tag"),
    [
        ("en", "en"), ("de-CH", "de-CH"), ("pt_BR", "pt-BR"), ("PT-br", "pt-BR"),
        ("zh-Hant-TW", "zh-Hant-TW"), ("zh_hans", "zh-Hans"), ("es-419", "es-419"),
        ("fr-US", "fr-US"), ("de-CH-1996", "de-CH-1996"), ("no", "no"),
    ],
)  # fmt: skip
def test_a_known_language_is_accepted_and_spelt_the_bcp_47_way(written: str, tag: str) -> None:
    assert check_language(written) == tag


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        ("German", "`German` is not a language tag", "did you mean `de` (German)?"),
        ("Deutsch", "`Deutsch` is not a language tag", "did you mean `de` (German)?"),
        ("français", "not a language tag", "did you mean `fr` (French)?"),
        ("Portuguese (Brazil)", "not a language tag", "did you mean `pt-BR`"),
        ("日本語", "not a language tag", "did you mean `ja` (Japanese)?"),
        ("Deutch", "not a language tag", "did you mean `de` (German)?"),
        ("xx", "`xx` is not a language Babel knows", "write a BCP 47 language tag like `en`"),
        ("dee", "`dee` is not a language Babel knows", "did you mean `de` (German)?"),
        ("tlh", "no CLDR data for Klingon", "like `en`"),
        ("eng", "`eng` is an old or long code for English", "did you mean `en` (English)?"),
        ("iw", "old or long code for Hebrew", "did you mean `he` (Hebrew)?"),
        ("jp", "`jp` is the code of a region, not of a language", "did you mean `ja`"),
        ("en-XX", "`XX` in `en-XX` is not the code of a region", "did you mean `en` (English)?"),
        ("en-UK", "`UK` in `en-UK` is not a region's code", "did you mean `en-GB`"),
        ("zh-Hanz", "CLDR does not write Chinese in `Hanz`", "did you mean `zh-Hant`"),
        ("en-US-x-twain", "not a language tag", "write a BCP 47 language tag"),
        (" ", "the language is empty", "or remove the key"),
    ],
)
def test_an_unknown_language_says_what_to_write(written: str, message: str, hint: str) -> None:
    with pytest.raises(UnknownLanguage) as caught:
        check_language(written)
    assert message in str(caught.value) and hint in caught.value.hint


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_wrong_language_is_reported_with_every_other_mistake(
    tmp_path: Path, command: str
) -> None:
    root = copy_sample(tmp_path / "project")
    _set(root, "portfolio.yaml", "language", "Deutsch")
    _set(root, "portfolio.yaml", "paper", "A5")
    _set(root, f"content/targets/{TARGET}.yaml", "language", "en-XX")

    def line(file: str, key: str) -> int:
        lines = (root / file).read_text(encoding="utf-8").splitlines()
        return next(i for i, text in enumerate(lines, 1) if text.startswith(f"{key}:"))

    target = f"content/targets/{TARGET}.yaml"
    result = run(command, str(root), *(["--no-pdf"] if command == "build" else []))
    assert result.exit_code == 1 and "Traceback" not in result.output
    said = result.output
    assert f"portfolio.yaml:{line('portfolio.yaml', 'language')}:11: `language`: `Deutsch`" in said
    assert "hint: did you mean `de` (German)?" in said
    assert f"portfolio.yaml:{line('portfolio.yaml', 'paper')}:8: `paper` cannot be `A5`" in said
    assert f"{target}:{line(target, 'language')}:11: `language`: `XX` in `en-XX`" in said
    assert "3 errors" in said
    assert not (root / "site").exists()


def test_a_child_theme_rewords_one_string(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    theme = root / "themes" / "mine"
    (theme / "i18n").mkdir(parents=True)
    (theme / "theme.yaml").write_text("extends: classic\n", encoding="utf-8")
    (theme / "i18n" / "de.yaml").write_text('"Goals": "Vorhaben"\n', encoding="utf-8")
    _set(root, "portfolio.yaml", "theme", "mine")
    _set(root, "portfolio.yaml", "language", "de-AT")
    site = _build(root, "--no-pdf") / "site"
    page = (site / "index.html").read_text(encoding="utf-8")
    assert ">Vorhaben</a>" in page and ">Ziele</a>" not in page  # the child's entry wins
    assert ">Lebenslauf</a>" in page  # the rest still comes from base's de.yaml
    assert '<html lang="de-AT">' in page
