"""What a RenderCV file says beside its `cv`: `design`, `locale`, `settings` (and
`rendercv_settings`, its name before RenderCV 2.4). None of it is content, so none of
it is imported; the report names each part, and where this project has a setting that
comes close, the line to write in portfolio.yaml: the theme that looks most alike,
the accent colour, the paper size, the site's language, its fixed date.
"""

from __future__ import annotations

import re
from typing import Any

from portfolio.content.dates import PartialDate
from portfolio.content.yamldoc import YamlDoc

# RenderCV's themes, and this project's theme that looks most like each: serif, a
# coloured name and rules (`classic`), or one plain sans face in black (`ledger`).
CLOSEST_THEME = {
    "classic": "classic", "moderncv": "classic", "harvard": "classic", "ink": "classic",
    "ember": "classic", "sb2nov": "ledger", "engineeringresumes": "ledger",
    "engineeringclassic": "ledger", "opal": "ledger",
}  # fmt: skip
# RenderCV's colours, the one that is most an accent first.
ACCENTS = ("section_titles", "name", "links", "headline", "connections")
PAPER = {"a4": "A4", "us-letter": "Letter"}
# RenderCV's locales (2.4 on) by name; earlier versions gave the code itself.
LANGUAGES = {
    "english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
    "portuguese": "pt", "dutch": "nl", "danish": "da", "norwegian_bokmål": "nb",
    "norwegian_nynorsk": "nn", "russian": "ru", "turkish": "tr", "hungarian": "hu",
    "hindi": "hi", "indonesian": "id", "japanese": "ja", "korean": "ko",
    "mandarin_chinese": "zh", "vietnamese": "vi", "arabic": "ar", "hebrew": "he",
    "persian": "fa",
}  # fmt: skip
_RGB = re.compile(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,[^)]*)?\)")
_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
KNOWN = ("cv", "design", "locale", "settings", "rendercv_settings")


def hex_colour(value: Any) -> str | None:
    """`rgb(0, 79, 144)`, `#004f90` or `004F90` as `#004f90`; None for anything else."""
    text = str(value).strip()
    if match := _RGB.fullmatch(text):
        parts = [int(n) for n in match.groups()]
        return "#" + "".join(f"{n:02x}" for n in parts) if max(parts) <= 255 else None
    if match := _HEX.fullmatch(text):
        digits = match[1] if len(match[1]) == 6 else "".join(c * 2 for c in match[1])
        return "#" + digits.lower()
    return None


def not_kept(doc: YamlDoc, shown: str) -> list[str]:
    """The report's lines for every top-level part of the file but `cv`."""
    data = doc.data
    lines: list[str] = []

    def at(*loc: str | int) -> str:
        return f"{shown}:{doc.where(loc, key=True)[0]}"

    for key, value in data.items():
        if key == "design":
            lines += _design(value, at)
        elif key == "locale":
            lines += _locale(value, at)
        elif key in ("settings", "rendercv_settings"):
            lines += _settings(key, value, at)
        elif key != "cv":
            lines.append(f"{at(key)}, {key}: not part of a RenderCV file, not kept")
    return lines


def _design(design: Any, at: Any) -> list[str]:
    if not isinstance(design, dict):
        return [] if design is None else [f"{at('design')}, design: not kept"]
    lines = []
    rest = [k for k in design if k not in ("theme", "colors", "page")]
    if "theme" in design:
        theme = str(design["theme"])
        ours = CLOSEST_THEME.get(theme)
        said = f"{at('design', 'theme')}, design.theme: `{theme}` is RenderCV's theme; "
        if ours is None:
            said += "no theme here is like it (`classic` is the default)"
        elif ours == "classic":
            said += "the closest here is `classic`, the default"
        else:
            said += f"the closest here is `{ours}`: write `theme: {ours}` in portfolio.yaml"
        lines.append(said)
    colors = design.get("colors")
    if isinstance(colors, dict) and colors:
        given = [hex_colour(colors[k]) for k in ACCENTS if colors.get(k) is not None]
        accent = next((c for c in given if c), None)
        said = f"{at('design', 'colors')}, design.colors: RenderCV's colours, not kept; "
        if accent:
            said += (
                f'the closest option here is the accent: write `theme_options: {{accent: "'
                f'{accent}"}}` in portfolio.yaml'
            )
        else:
            said += 'the theme\'s accent is the closest: write it as `"#rrggbb"`'
        lines.append(said)
    elif colors is not None:
        rest.append("colors")
    page = design.get("page")
    if isinstance(page, dict):
        size = str(page.get("size", "")).casefold()
        paper = PAPER.get(size)
        if size:
            said = f"{at('design', 'page', 'size')}, design.page.size: `{size}`: "
            said += (
                f"write `paper: {paper}` in portfolio.yaml"
                if paper
                else "the pages here are A4 or Letter (`paper:` in portfolio.yaml)"
            )
            lines.append(said)
        rest += [f"page.{k}" for k in page if k != "size"]
    elif page is not None:
        rest.append("page")
    if rest:
        listed = ", ".join(f"design.{k}" for k in rest)
        lines.append(
            f"{at('design', *rest[0].split('.'))}, {listed}: not kept: the theme sets the "
            "type, the spacing and the layout"
        )
    return lines


def _locale(locale: Any, at: Any) -> list[str]:
    if not isinstance(locale, dict):
        return [] if locale is None else [f"{at('locale')}, locale: not kept"]
    lines = []
    if "language" in locale:
        name = str(locale["language"]).strip()
        code = LANGUAGES.get(name.casefold()) or (
            name if re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", name) else None
        )
        said = f"{at('locale', 'language')}, locale.language: `{name}`: "
        if code == "en":
            said += "English is the default here"
        elif code:
            said += (
                f"write `language: {code}` in portfolio.yaml (dates, numbers and the "
                "theme's words follow it)"
            )
        else:
            said += "set the site's `language:` in portfolio.yaml"
        lines.append(said)
    rest = [k for k in locale if k != "language"]
    if rest:
        listed = ", ".join(f"locale.{k}" for k in rest)
        lines.append(
            f"{at('locale', rest[0])}, {listed}: not kept: the site's `language` sets its "
            "words and how it writes dates"
        )
    return lines


def _settings(key: str, settings: Any, at: Any) -> list[str]:
    if not isinstance(settings, dict):
        return [] if settings is None else [f"{at(key)}, {key}: not kept"]
    lines = []
    date = settings.get("current_date", settings.get("date"))
    named = "current_date" if "current_date" in settings else "date"
    rest = [k for k in settings if not (k == named and date is not None)]
    if date is not None:
        try:
            today = PartialDate.parse(date)
        except ValueError:
            today = None
        said = f"{at(key, named)}, {key}.{named}: "
        if today and today.day:
            said += f"write `today: {today.iso()}` in portfolio.yaml to fix the date the same way"
        else:
            said += "not kept: the build's date is today"
        lines.append(said)
    if rest:
        listed = ", ".join(f"{key}.{k}" for k in rest)
        lines.append(f"{at(key, rest[0])}, {listed}: RenderCV's own settings, not kept")
    return lines
