"""Language: dates, numbers and theme strings follow `language` in portfolio.yaml, and a
target's `language` for its pack; English output is what it has always been.

Builds a copy of the sample in every language the base theme has a catalog for
(themes/base/i18n: German, Spanish, French, Portuguese, Chinese, Japanese, Arabic), and
one whose promotion target is German in an English project; checks that each catalog
covers every string the base theme and the views ask for, and nothing else, with its
placeholders and its language's plural forms; that no page is left in English; that an
unknown language is an error naming its file and line, with a suggestion; that a child
theme can reword one string.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import string
from collections.abc import Callable
from pathlib import Path

import babel.numbers
import pypdf
import pytest
import yaml
from babel import Locale
from markupsafe import Markup

from conftest import REPO, copy_sample, run
from portfolio.content.dates import PartialDate
from portfolio.content.language import (
    N_,
    UnknownLanguage,
    check_language,
    format_date,
    format_number,
    format_percent,
    verbatim,
    with_unit,
)
from portfolio.errors import BuildError
from portfolio.site.themes import Catalog, Theme, catalog, environment

BASE = REPO / "themes" / "base"
CATALOG = BASE / "i18n" / "de.yaml"
CATALOGS = sorted((BASE / "i18n").glob("*.yaml"))
LANGUAGES = [path.stem for path in CATALOGS]
# How the tests write each language in portfolio.yaml: Portuguese as Babel spells it,
# which the site writes the BCP 47 way, `pt-BR`.
SPELLING = {"pt": "pt_BR"}
TAGS = {"pt": "pt-BR"}
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


def _targets(root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in (root / "content" / "targets").glob("*.yaml")]


def _entries(language: str) -> dict[str, str | dict[str, str]]:
    """The base theme's catalog for a language, as plain YAML."""
    entries = yaml.safe_load((BASE / "i18n" / f"{language}.yaml").read_text(encoding="utf-8"))
    assert isinstance(entries, dict)
    return entries


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The sample built without PDFs in a language, its packs too, once per language:
    its root."""
    roots: dict[str, Path] = {}

    def build(language: str) -> Path:
        if language not in roots:
            root = copy_sample(tmp_path_factory.mktemp(f"sample-{language}"))
            for file in ["portfolio.yaml", *sorted(_targets(root))]:
                _set(root, file, "language", SPELLING.get(language, language))
            roots[language] = _build(root, "--no-pdf")
        return roots[language]

    return build


@pytest.fixture(scope="module")
def german(built: Callable[[str], Path]) -> Path:
    """The sample with `language: de`: its site."""
    return built("de") / "site"


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


# --- every language --------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translated_string_is_left_in_english(
    built: Callable[[str], Path], language: str
) -> None:
    """A theme string printed through a filter or joined as text would stay English:
    none of three words or more is on any page of the site or of a pack (the sample's
    content is English, and so are the goal audit's notes)."""
    loud = [
        k
        for k, v in _entries(language).items()
        if isinstance(v, str) and v != k and "{" not in k and len(k.split()) >= 3
    ]
    root = built(language)
    pages = sorted([*(root / "site").rglob("*.html"), *(root / "packs").rglob("*.html")])
    assert len(pages) > 20
    for page in pages:
        text = _text(page, findings=False)
        left = [k for k in loud if k in text]
        assert not left, f"{page.relative_to(root)}: {left}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_and_the_resume_speak_the_language(
    built: Callable[[str], Path], language: str
) -> None:
    words = {k: v for k, v in _entries(language).items() if isinstance(v, str)}
    site = built(language) / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    direction = ' dir="rtl"' if language == "ar" else ""  # only right to left says it
    assert f'<html lang="{TAGS.get(language, language)}"{direction}>' in home
    for nav in ("Resume", "Goals", "Evidence"):
        assert f">{words[nav]}</a>" in home and f">{nav}</a>" not in home
    text = _text(site / "index.html")
    for source in ("Read the resume", "Selected impact", "What I am working towards"):
        assert words[source] in text and source not in text
    resume = (site / "resume" / "index.html").read_text(encoding="utf-8")
    for heading in ("Summary", "Experience", "Skills", "Education", "Languages"):
        for said, wanted in ((words[heading], True), (heading, False)):
            found = re.search(rf"<h2[^>]*>\s*{re.escape(said)}\s*</h2>", resume)
            assert bool(found) == wanted, f"<h2>{said}</h2>"
    start = format_date(PartialDate(2022, 3), language)  # the current position
    assert words["{start} – present"].format(start=start) in _text(site / "resume" / "index.html")


@pytest.mark.parametrize(
    ("language", "as_of"),
    [
        ("fr", "À jour au 22 nov. 2026"),
        ("es", "Actualizado a 22 nov 2026"),
        ("ja", "2026年11月22日時点"),
        ("zh", "截至2026年11月22日"),
        ("ar", "آخر تحديث: 22 نوفمبر 2026"),
    ],
)
def test_dates_and_numbers_on_the_page_follow_cldr(
    built: Callable[[str], Path], language: str, as_of: str
) -> None:
    text = _text(built(language) / "site" / "index.html")
    assert as_of in text  # the footer: the catalog's words around CLDR's date
    spend = with_unit(41200, "EUR", language)  # a featured metric, CLDR's way
    change = f"−{format_percent(0.35, language)}"  # its change, CLDR's percent
    for said in (spend, change):
        assert " ".join(said.split()) in text  # _text() reads no-break spaces as spaces


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


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalog_covers_every_string_and_only_those(language: str) -> None:
    asked = _asked()
    entries = _entries(language)
    missing = sorted(set(asked) - set(entries))
    unused = sorted(set(entries) - set(asked))
    assert not missing, f"not in {language}.yaml: {[(s, asked[s]) for s in missing]}"
    assert not unused, f"in {language}.yaml but asked for nowhere: {unused}"
    plurals = {s for s, where in asked.items() if where.endswith("(_n)")}
    assert {s for s, v in entries.items() if isinstance(v, dict)} == plurals
    assert len(asked) > 200  # the regexes found the strings, not nothing
    assert not [s for s, v in entries.items() if not v], "an empty translation"


def test_there_are_the_catalogs_the_theme_promises() -> None:
    assert set(LANGUAGES) >= {"de", "es", "fr", "pt", "zh", "ja", "ar"}


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _single(language: str, category: str) -> bool:
    """True if a plural category holds one count only (Arabic `zero`, `one`, `two`):
    its form may say the number in words rather than print `{n}`."""
    rule = Locale.parse(language).plural_form
    return len([n for n in range(1000) if rule(n) == category]) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_translation_keeps_its_placeholders(language: str) -> None:
    """Every placeholder of the source string, and no other (a plural may add `{n}`);
    only a plural form for one count may say the number in words: `دليلان`, not `{n}`."""
    wrong = []
    for source, entry in _entries(language).items():
        forms = entry.items() if isinstance(entry, dict) else [("", entry)]
        for category, text in forms:
            needed = _names(source)
            allowed = needed | {"n"} if isinstance(entry, dict) else needed
            if category and _single(language, category):
                needed = needed - {"n"}
            if not needed <= _names(text) <= allowed:
                wrong.append((source, category, text))
    assert not wrong


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_plural_has_its_language_s_categories(language: str) -> None:
    """The CLDR categories Babel gives the language, each: French `one`, `many`,
    `other`; Arabic six; Chinese and Japanese `other` alone."""
    wanted = set(Locale.parse(language).plural_form.tags) | {"other"}
    wrong = {
        source: sorted(forms)
        for source, forms in _entries(language).items()
        if isinstance(forms, dict) and set(forms) != wanted
    }
    assert not wrong, f"{language} plurals need exactly {sorted(wanted)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalog_says_its_glossary(language: str) -> None:
    head = (BASE / "i18n" / f"{language}.yaml").read_text(encoding="utf-8").split("\n\n")[0]
    assert head.startswith("# ") and "Words used throughout" in head


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("fr", {0: "0\u00a0preuve", 1: "1\u00a0preuve", 2: "2\u00a0preuves"}),
        ("es", {0: "0 evidencias", 1: "1 evidencia", 1000000: "1000000 de evidencias"}),
        ("ja", {1: "実績1件", 7: "実績7件"}),
        (
            "ar",
            {0: "لا توجد أدلة", 1: "دليل واحد", 2: "دليلان", 3: "3 أدلة", 11: "11 دليلًا",
             100: "100 دليل", 103: "103 أدلة"},
        ),
    ],
)  # fmt: skip
def test_a_count_takes_its_language_s_plural_form(language: str, counts: dict[int, str]) -> None:
    strings = catalog(Theme("base", (BASE,)), language)
    said = {
        n: strings.ngettext("{n} piece of evidence", "{n} pieces of evidence", n) for n in counts
    }
    assert said == counts


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


@pytest.mark.parametrize(
    ("language", "date", "month", "number"),
    [
        ("es", "15 mar 2026", "mar 2026", "41.200,5"),
        ("fr", "15 mars 2026", "mars 2026", "41\u202f200,5"),
        ("pt", "15 de mar. de 2026", "mar. de 2026", "41.200,5"),
        ("zh", "2026年3月15日", "2026年3月", "41,200.5"),
        ("ja", "2026年3月15日", "2026年3月", "41,200.5"),
        ("ar", "15 مارس 2026", "مارس 2026", "41,200.5"),
    ],
)
def test_dates_and_numbers_follow_cldr_in_each_catalog_s_language(
    language: str, date: str, month: str, number: str
) -> None:
    assert format_date(dt.date(2026, 3, 15), language) == date
    assert format_date(PartialDate(2026, 3), language) == month
    assert format_number(41200.5, language) == number
    assert format_number(41200.5, language) == babel.numbers.format_decimal(
        41200.5, locale=language
    )


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
