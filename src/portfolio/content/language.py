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
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_skeleton
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
    """The CLDR locale for a BCP 47 tag: the tag, else its base language, else English,
    so that `tlh` or `en-XX` builds in English rather than failing."""
    for candidate in (tag, tag.split("-")[0]):
        try:
            return Locale.parse(candidate, sep="-")
        except (ValueError, UnknownLocaleError):
            continue
    return Locale("en")


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


def format_range(start: PartialDate | None, end: PartialDate | None, language: str = "en") -> Msg:
    """`Mar 2021 – Jun 2022`; an open end is `Mar 2021 – present` (German: `seit März 2021`)."""
    if not start:
        return verbatim(format_date(end, language))
    if end:
        return verbatim(f"{format_date(start, language)} – {format_date(end, language)}")
    return N_("{start} – present", start=format_date(start, language))


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
