"""The language of a page: dates, numbers and units in its locale, and the words the
pages show as messages to translate.

Dates and numbers are formatted in the portfolio's language (a pack's portfolio carries
its target's language) with Babel's CLDR data; English keeps the day-month-year dates
the site has always shown. Words are not translated here: code says *what* to say as a
`Msg` (an English source string, see `N_`), and the theme's catalog says it in the
page's language when the template prints it (`themes.Catalog`). So views need no
theme, and a pack is built before any theme is involved.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date as babel_format_date
from babel.dates import format_interval, format_skeleton
from babel.localedata import locale_identifiers
from babel.numbers import format_decimal

from portfolio.content.dates import PartialDate
from portfolio.content.kinds import EvidenceKind

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Msg:
    """A theme string computed in Python, said in the page's language when it is shown.

    `text` is the English source string (the catalog's key); `args` fill its `{name}`
    placeholders, and may be messages themselves. `lookup=False` marks text that is
    already in the page's language (a formatted date, a name): only its args are
    translated. `str()` gives the English, for code that wants plain text.
    """

    text: str
    args: tuple[tuple[str, Msg | str], ...] = ()
    lookup: bool = True

    def say(self, translate: Callable[[str], str]) -> str:
        """The message in the language of `translate` (English source -> translation)."""
        text = translate(self.text) if self.lookup else self.text
        if not self.args:
            return text
        values = {k: v.say(translate) if isinstance(v, Msg) else v for k, v in self.args}
        return text.format(**values)

    def __str__(self) -> str:
        return self.say(lambda text: text)

    def __bool__(self) -> bool:
        return bool(self.text)


def N_(text: str, **args: Msg | str) -> Msg:
    """An English theme string to translate where it is shown (gettext's `N_`).

    tests/test_i18n.py finds every call by this name: each needs a catalog entry.
    """
    return Msg(text, tuple(sorted(args.items())))


def verbatim(text: str, **args: Msg | str) -> Msg:
    """Text already in the page's language, or a pattern of no words (`{a} · {b}`)."""
    return Msg(text, tuple(sorted(args.items())), lookup=False)


NOTHING = verbatim("")  # an empty message: false in a template's `if`


@cache
def babel_locale(tag: str) -> Locale:
    """The CLDR locale for a BCP 47 tag: the tag, else its language and script, else its
    language (`fr-US` is French, `zh-Hant-US` Traditional Chinese), else English, so a tag
    that never met `check_language` (a test's, a library's) builds rather than fails."""
    if TAG.match(tag):
        language, script, region = _subtags(tag)
        for candidate in ((language, script, region), (language, script, None)):
            if found := _known(*candidate):
                return found
        if found := _known(language, None, None):
            return found
    return Locale("en")


# --- checking a `language:` -----------------------------------------------------------

# A BCP 47 tag as far as a site uses one: language, script, region, variants. `_`, the
# separator of Babel and of POSIX locales (`pt_BR`), is read as `-`.
TAG = re.compile(
    r"(?P<language>[A-Za-z]{2,3})(?:[-_](?P<script>[A-Za-z]{4}))?"
    r"(?:[-_](?P<region>[A-Za-z]{2}|[0-9]{3}))?"
    r"(?P<variants>(?:[-_](?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*)"
)
EXAMPLES = "write a BCP 47 language tag like `en`, `de`, `en-GB` or `pt-BR`"


class UnknownLanguage(ValueError):
    """A `language:` that is no tag Babel has CLDR data for; `hint` says what to write."""

    def __init__(self, message: str, hint: str = EXAMPLES) -> None:
        super().__init__(message)
        self.hint = hint


def check_language(value: str) -> str:
    """`value` as a BCP 47 tag whose language Babel's CLDR data knows, in its usual
    spelling (`pt_BR`, `PT-br` -> `pt-BR`); else `UnknownLanguage`, with a did-you-mean
    from the tags and the language names CLDR knows (`German`, `Deutsch` -> `de`).

    A real region CLDR has no locale for in that language (`fr-US`) is accepted: it
    builds with the language's conventions (`fr`). A region that is none (`en-XX`), an
    old or long code (`en-UK`, `eng`) and a script CLDR does not write the language in
    are errors. Variants (`de-CH-1996`) are kept as written, and change nothing.
    """
    text = value.strip()
    if not text:
        raise UnknownLanguage("the language is empty", f"{EXAMPLES}, or remove the key")
    m = TAG.fullmatch(text)
    if not m:
        raise UnknownLanguage(f"`{text}` is not a language tag", _did_you_mean(text))
    language, script, region = _subtags(text)
    if not _known(language, None, None):
        raise _unknown_language(text, language)
    if script and not _known(language, script, None):
        tags = _close(f"{language}-{script}", _tags(language)) or [language]
        message = f"CLDR does not write {_english_name(language)} in `{script}` (`{text}`)"
        raise UnknownLanguage(message, _suggestion(tags[0]))
    base = "-".join(filter(None, (language, script)))
    if region and not _known(language, script, region):
        alias = get_global("territory_aliases").get(region, [])
        if alias and _known(language, script, alias[0]):  # `en-UK`
            name = Locale("en").territories.get(alias[0], alias[0])
            message = f"`{region}` in `{text}` is not a region's code ({name}: `{alias[0]}`)"
            raise UnknownLanguage(message, _suggestion(f"{base}-{alias[0]}"))
        if region not in _regions():  # `en-XX`, `de-EN`
            likely = get_global("likely_subtags").get(language, "").rsplit("_", 1)[-1]
            example = f", like `{base}-{likely}`" if likely in _regions() else ""
            message = f"`{region}` in `{text}` is not the code of a region"
            raise UnknownLanguage(
                message, f"{_suggestion(base)} A region CLDR knows goes after it{example}."
            )
    variants = m.group("variants").replace("_", "-").lower()
    return "-".join(filter(None, (base, region))) + variants


def _subtags(tag: str) -> tuple[str, str | None, str | None]:
    """Language, script and region of a tag that matches `TAG`, each in its usual case."""
    m = TAG.match(tag)
    assert m is not None
    language, script, region = m.group("language", "script", "region")
    return language.lower(), script.title() if script else None, region.upper() if region else None


def _known(language: str, script: str | None, region: str | None) -> Locale | None:
    """Babel's locale for exactly these subtags, or None: not one it reaches through an
    alias (`eng` -> `en`, `en-UK` -> `en-GB`) or by changing the script (`zh-Hant-SG`)."""
    try:
        return Locale(language, territory=region, script=script)
    except (ValueError, UnknownLocaleError):
        pass
    found = _parse("_".join(filter(None, (language, script, region))))
    if found is None or found.language != language:
        return None
    if (script and found.script != script) or (region and found.territory != region):
        return None
    return found


def _parse(identifier: str) -> Locale | None:
    try:
        return Locale.parse(identifier)
    except (ValueError, UnknownLocaleError):
        return None


@cache
def _regions() -> frozenset[str]:
    """Every region CLDR names by its current code (`DE`, `US`, `419`; not `UK`)."""
    return frozenset(Locale("en").territories) - set(get_global("territory_aliases"))


@cache
def _all_tags() -> tuple[str, ...]:
    """Every locale Babel has data for, as a BCP 47 tag (`pt-BR`, `zh-Hant-TW`)."""
    return tuple(sorted(i.replace("_", "-") for i in locale_identifiers()))


def _tags(language: str) -> list[str]:
    """The tags Babel knows for one language."""
    return [t for t in _all_tags() if t == language or t.startswith(f"{language}-")]


def _english_name(tag: str) -> str:
    """`German`, `British English`: how CLDR names a tag in English."""
    identifier = tag.replace("-", "_")
    loc = _parse(identifier)
    name = Locale("en").languages.get(identifier) or (loc.english_name if loc else None)
    return str(name or tag)


@cache
def _names() -> dict[str, str]:
    """Language names -> tags, casefolded: in English (`german`, `brazilian portuguese`,
    `portuguese (brazil)`) and in the language itself (`deutsch`, `português`, `日本語`).
    Read from every locale's data: about a second, and only for a mistake."""
    english = Locale("en")
    names: dict[str, str] = {}
    for identifier in sorted(locale_identifiers(), key=lambda i: (i.count("_"), i)):
        loc = _parse(identifier)
        if loc is None:
            continue
        tag = identifier.replace("_", "-")
        for name in (
            english.languages.get(identifier), loc.english_name,
            loc.languages.get(identifier), loc.display_name,
        ):  # fmt: skip
            if name:
                names.setdefault(str(name).casefold(), tag)
    return names


def _close(word: str, choices: list[str]) -> list[str]:
    """The closest of `choices`, one that starts like `word` first (`dee`: `de`, not `ee`)."""
    close = difflib.get_close_matches(word, choices, n=5, cutoff=0.75)
    return [c for c in close if c[:1] == word[:1]][:1] or close[:1]


def _suggestion(tag: str) -> str:
    return f"did you mean `{tag}` ({_english_name(tag)})?"


def _did_you_mean(text: str) -> str:
    """For what is no tag at all: a language's name (`German`, `Deutsch`, `français`,
    `Portuguese (Brazil)`), spelt right or nearly."""
    names = _names()
    word = " ".join(text.casefold().split())
    name = word if word in names else next(iter(_close(word, list(names))), None)
    return _suggestion(names[name]) if name else EXAMPLES


def _unknown_language(text: str, language: str) -> UnknownLanguage:
    """Why a language subtag is none Babel has data for, and what to write instead."""
    alias = _parse(language)
    if alias is not None:  # `eng`, `ger`, `iw`
        better = str(alias.language)
        message = f"`{text}` is an old or long code for {_english_name(better)}"
        return UnknownLanguage(message, _suggestion(better))
    spoken = get_global("territory_languages").get(language.upper(), {})
    official = [c for c, about in spoken.items() if about.get("official_status") == "official"]
    if official and _parse(official[0]):  # `jp`, `cn`, `dk`: a country, not a language
        message = f"`{text}` is the code of a region, not of a language"
        return UnknownLanguage(message, _suggestion(official[0].replace("_", "-")))
    name = Locale("en").languages.get(language)
    if name:  # `tlh`: a language CLDR names but has no locale data for
        message = f"Babel has no CLDR data for {name} (`{text}`): no dates or numbers in it"
        return UnknownLanguage(message, "write the closest language it has, like `en`")
    codes = sorted({t.split("-")[0] for t in _all_tags()})
    close = _close(language, codes)
    message = f"`{text}` is not a language Babel knows"
    return UnknownLanguage(message, _suggestion(close[0]) if close else EXAMPLES)


@cache
def direction(tag: str) -> str:
    """`rtl` for a language written right to left (Arabic, Persian, Hebrew, Urdu...),
    else `ltr`: CLDR's character order for the tag, as `<html dir>` wants it."""
    return "rtl" if babel_locale(tag).character_order == "right-to-left" else "ltr"


def og_locale(tag: str) -> str:
    """`language_TERRITORY` as Open Graph wants it: `de` -> `de_DE`, `en` -> `en_US`."""
    loc = babel_locale(tag)
    territory = loc.territory
    if not territory:
        likely = get_global("likely_subtags").get(loc.language, "")
        territory = likely.rsplit("_", 1)[-1] if likely.count("_") else ""
    return f"{loc.language}_{territory}" if territory else loc.language


def plural_form(tag: str, n: float) -> str:
    """The CLDR plural category of `n` (`one`, `few`, `other`...) in the language."""
    return babel_locale(tag).plural_form(n)


@lru_cache(maxsize=8192)  # a portfolio repeats its dates and numbers; Babel is slow
def format_date(value: PartialDate | dt.date | None, language: str = "en") -> str:
    """`2021` -> 2021, `2021-03` -> Mar 2021, `2021-03-15` -> 15 Mar 2021 in English;
    other languages by their CLDR pattern (German: 15. März 2021, März 2021)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        value = PartialDate(value.year, value.month, value.day)
    loc = babel_locale(language)
    if loc.language != "en":
        day = dt.date(value.year, value.month or 1, value.day or 1)
        skeleton = "yMMMd" if value.day else ("yMMM" if value.month else "y")
        return str(format_skeleton(skeleton, day, locale=loc))
    if not value.month:
        return str(value.year)
    month = MONTHS[value.month - 1]
    return f"{value.day} {month} {value.year}" if value.day else f"{month} {value.year}"


def format_long_date(value: dt.date, language: str = "en") -> str:
    """A day with its month in full, as a letter is dated: `30 November 2026` in English
    (`November 30, 2026` in `en-US`), `30. November 2026` in German, by CLDR elsewhere."""
    loc = babel_locale(language)
    if loc.language == "en" and loc.territory != "US":
        return (
            f"{value.day} {babel_locale('en').months['format']['wide'][value.month]} {value.year}"
        )
    return str(babel_format_date(value, "long", locale=loc))


def format_range(start: PartialDate | None, end: PartialDate | None, language: str = "en") -> Msg:
    """`Mar 2021 – Jun 2022`; an open end is `Mar 2021 – present` (German: `seit März 2021`).

    A range that starts and ends on the same date is that one date, and one inside a
    year says the year once: `14–16 Jan 2020`, `14 Jan – 3 Feb 2020`, `Mar – Jun 2022`
    (other languages by their CLDR interval formats)."""
    if not start or start == end:
        return verbatim(format_date(end or start, language))
    if not end:
        return N_("{start} – present", start=format_date(start, language))
    return verbatim(_within_year(start, end, language) or _span(start, end, language))


def _span(start: PartialDate, end: PartialDate, language: str) -> str:
    return f"{format_date(start, language)} – {format_date(end, language)}"


@lru_cache(maxsize=1024)
def _within_year(start: PartialDate, end: PartialDate, language: str) -> str | None:
    """The range said with its year once, if both ends are in one year at the same
    precision (month or day) and in order; else None."""
    same_precision = bool(start.day) == bool(end.day) and bool(start.month) == bool(end.month)
    if start.year != end.year or not start.month or not same_precision or start > end:
        return None
    loc = babel_locale(language)
    if loc.language != "en":
        skeleton = "yMMMd" if start.day else "yMMM"
        text = str(format_interval(start.first_day, end.first_day, skeleton, locale=loc))
        return text.replace("\u2009–\u2009", " – ")  # spaced like the ranges across years
    first, last = MONTHS[start.month - 1], MONTHS[end.month - 1]
    if not start.day:
        return f"{first} – {last} {end.year}"
    if start.month == end.month:
        return f"{start.day}–{end.day} {last} {end.year}"
    return f"{start.day} {first} – {end.day} {last} {end.year}"


@lru_cache(maxsize=8192)
def format_number(value: float | None, language: str = "en") -> str:
    """Numbers as people write them: 4 not 4.0, 12,000 not 12000 (German: 12.000, 4,1);
    at most two decimals."""
    if value is None:
        return ""
    rounded = round(value, 2)
    number: float | int = int(rounded) if float(rounded).is_integer() else rounded
    return str(format_decimal(number, locale=babel_locale(language)))


def format_percent(share: float, language: str = "en") -> str:
    """A whole percentage, `share` 0.62 -> 62% (German: 62 %). Never grouped: 1250%."""
    return _percent_sign(str(round(share * 100)), language)


def _percent_sign(number: str, language: str) -> str:
    """`number` with the percent sign where the language puts it (`71%`, `71 %`, `%71`)."""
    loc = babel_locale(language)
    pattern = loc.percent_formats[None]
    sign = loc.number_symbols["latn"]["percentSign"]
    return f"{pattern.prefix[0].replace('%', sign)}{number}{pattern.suffix[0].replace('%', sign)}"


def _currency(number: str, unit: str, language: str) -> str:
    """`$41,200`, `EUR 41,200`; German `41.200 €`: the symbol or code goes where the
    language's currency pattern puts it."""
    pattern = babel_locale(language).currency_formats["standard"]
    prefix, suffix = str(pattern.prefix[0]), str(pattern.suffix[0])
    if "¤" in suffix:
        return number + suffix.replace("¤", unit)
    gap = " " if unit.isalpha() and not prefix.endswith(("\xa0", " ")) else ""
    return prefix.replace("¤", unit) + gap + number


def with_unit(value: float | None, unit: str, language: str = "en") -> str:
    """A value with its unit, the number in the language's format: `EUR 41,200`,
    `1,200,000 meters`, `4.1%`; German `41.200 EUR`, `1.200.000 meters`, `4,1 %`."""
    if value is None:
        return ""
    number = format_number(value, language)
    if value == 1 and babel_locale(language).language == "en":
        unit = _singular(unit)
    if not unit:
        return number
    if unit in ("$", "€", "£", "¥") or (unit.isalpha() and unit.isupper() and len(unit) == 3):
        return _currency(number, unit, language)  # a symbol, or an ISO 4217 code: EUR, USD
    if unit == "%":
        return _percent_sign(number, language)
    return f"{number}{unit}" if unit in ("x", "×") else f"{number} {unit}"


def _singular(unit: str) -> str:
    """`1 interview`, not `1 interviews`: a plural word unit loses its `s` after a 1.
    Symbols and abbreviations (`ms`, `pts`, `kWh`) are left alone. English only."""
    if len(unit) <= 3 or not unit.isalpha() or not unit.islower() or not unit.endswith("s"):
        return unit
    if unit.endswith("ies"):
        return unit[:-3] + "y"
    return unit if unit.endswith("ss") else unit[:-1]


# Labels of the format's values, as the pages show them: English source strings that
# the theme's catalog translates. One label for each of content/kinds.py's kinds (a test
# holds them in step).
KIND_LABELS: dict[EvidenceKind, Msg] = {
    "project": N_("Project"), "achievement": N_("Achievement"),
    "certification": N_("Certification"), "endorsement": N_("Endorsement"), "talk": N_("Talk"),
    "publication": N_("Publication"), "course": N_("Course"), "award": N_("Award"),
    "volunteer": N_("Volunteering"),
}  # fmt: skip
GOAL_KINDS = {"goal": N_("Goal"), "aspiration": N_("Aspiration")}
CATEGORIES = {
    "advancement": N_("Advancement"), "leadership": N_("Leadership"),
    "education": N_("Education"), "personal": N_("Personal"), "pivot": N_("Pivot"),
    "mobility": N_("Mobility"),
}  # fmt: skip
HORIZONS = {"short": N_("short term"), "long": N_("long term")}
STATUSES = {  # in a heading's eyebrow
    "active": N_("Active"), "achieved": N_("Achieved"), "paused": N_("Paused"),
    "dropped": N_("Dropped"),
}  # fmt: skip
STATUS_WORDS = {  # inside a line of text
    "active": N_("active"), "achieved": N_("achieved"), "paused": N_("paused"),
    "dropped": N_("dropped"),
}  # fmt: skip
FRAMEWORKS = {
    "evidence-ladder": N_("Evidence Ladder"), "pivot-bridge": N_("Pivot Bridge"),
    "mobility-playbook": N_("Mobility Playbook"),
}  # fmt: skip
BETTER = {"higher": N_("higher is better"), "lower": N_("lower is better")}
INDICATOR_TYPES = {"leading": N_("leading"), "lagging": N_("lagging")}
SEVERITIES = {"error": N_("Error"), "warning": N_("Warning"), "hint": N_("Hint")}
