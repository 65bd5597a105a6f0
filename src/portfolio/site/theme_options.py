"""Theme options: what a theme lets a site choose in `portfolio.yaml`.

A theme declares its options, with their defaults, in `theme.yaml`:

    options:
      color_scheme: {default: auto, choices: [auto, light, dark], description: ...}
      accent: {default: "", pattern: "^(#[0-9a-fA-F]{6})?$"}
      audit_notes: true            # a plain value: the default, and its type

A child theme inherits its parents' options and may change a default by naming it
again. A site sets them under `theme_options:`; an option the theme does not have, a
value of the wrong type, outside `choices` or not matching `pattern` is a located
error in `portfolio.yaml`, with a "did you mean".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from portfolio.content.validate import suggest
from portfolio.content.yamldoc import YamlDoc, parse_yaml
from portfolio.errors import BuildError, Problem
from portfolio.layout import CONFIG
from portfolio.site.themes import Theme, resolve

Scalar = str | bool | int | float


@dataclass(frozen=True)
class Option:
    name: str
    default: Scalar
    choices: tuple[Scalar, ...] = ()
    pattern: str | None = None
    description: str = ""


@dataclass(frozen=True)
class Meta:
    """One theme's theme.yaml, read once for all it declares (options, chart colours,
    the Word files' look)."""

    path: Path
    data: dict[str, Any]
    broken: bool  # it has YAML problems


def metas(folders: tuple[Path, ...]) -> list[Meta]:
    """The theme.yaml of each theme of a chain (`folders` most specific first) that has
    one, base first, so that a child's values come after its parent's."""
    found = []
    for folder in reversed(folders):
        meta = folder / "theme.yaml"
        if meta.is_file():
            doc, problems = parse_yaml(meta.read_text(encoding="utf-8"), str(meta))
            data = doc.data if isinstance(doc.data, dict) else {}
            found.append(Meta(meta, data, bool(problems)))
    return found


def declared(chain: list[Meta]) -> dict[str, Option]:
    """Every option of a theme chain (`metas`); a child's plain value replaces only its
    parent's default."""
    found: dict[str, Option] = {}
    for m in chain:
        meta, data = m.path, m.data
        spec = data.get("options") or {}
        if m.broken or not isinstance(spec, dict):
            raise BuildError(f"{meta}: `options` must be a mapping of name: default")
        for name, value in spec.items():
            found[name] = _option(meta, name, value, found.get(name))
    return found


def _option(meta: Path, name: str, value: Any, parent: Option | None) -> Option:
    if not isinstance(value, dict):
        value = {"default": value}
    default = value.get("default", parent.default if parent else None)
    if not isinstance(default, Scalar):
        raise BuildError(f"{meta}: option `{name}` needs a default: text, a number or a boolean")
    base = parent or Option(name, default)
    return replace(
        base,
        default=default,
        choices=tuple(value.get("choices", base.choices)),
        pattern=value.get("pattern", base.pattern),
        description=str(value.get("description", base.description)),
    )


def resolve_options(
    options: dict[str, Option], given: Any, doc: YamlDoc | None, theme: str
) -> tuple[dict[str, Scalar], list[Problem]]:
    """The options' values for a site: its `theme_options`, checked, over the defaults."""
    values: dict[str, Scalar] = {o.name: o.default for o in options.values()}
    problems: list[Problem] = []
    path = doc.path if doc else "portfolio.yaml"

    def problem(key: str, message: str, hint: str, at_key: bool = False) -> None:
        line, col = doc.where(("theme_options", key), key=at_key) if doc else (1, 1)
        problems.append(Problem(path, line, col, message, hint))

    for key, value in (given or {}).items():
        option = options.get(key)
        if option is None:
            close = suggest(key, options)
            hint = f"did you mean `{close}`?" if close else "options: " + ", ".join(options)
            problem(key, f"theme `{theme}` has no option `{key}`", hint, at_key=True)
        elif (message := _wrong(option, value)) is not None:
            problem(key, f"theme option `{key}`: {message}", _hint(option))
        else:
            values[key] = value
    return values, problems


def _wrong(option: Option, value: Any) -> str | None:
    want = type(option.default)
    if isinstance(option.default, bool) != isinstance(value, bool):
        return f"`{value}` is not {'true or false' if want is bool else 'of that kind'}"
    if want in (int, float) and not isinstance(value, int | float):
        return f"`{value}` is not a number"
    if want is str and not isinstance(value, str):
        return f"`{value}` is not text"
    if option.choices and value not in option.choices:
        return f"`{value}` is not one of the choices"
    if option.pattern and not re.fullmatch(option.pattern, str(value)):
        return f"`{value}` is not in the expected form"
    return None


def _hint(option: Option) -> str:
    if isinstance(option.default, bool):
        return f"write `true` or `false`: {option.description or option.name}"
    if option.choices:
        return "use one of: " + ", ".join(f"`{c}`" for c in option.choices)
    return option.description or f"the default is `{option.default}`"


def chart_colours(chain: list[Meta]) -> dict[str, str]:
    """The colours a theme chain (`metas`) gives its charts under `chart:` in theme.yaml
    (the most specific theme wins, colour by colour)."""
    colours: dict[str, str] = {}
    for m in chain:
        found = m.data.get("chart") or {}
        if not isinstance(found, dict) or not all(
            isinstance(v, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", v) for v in found.values()
        ):
            raise BuildError(f"{m.path}: `chart` maps names to colours written #rrggbb")
        colours.update(found)
    return colours


# What theme.yaml's `document:` may set (documents/model.py's `Look`): fonts by name,
# colours as #rrggbb.
DOCUMENT_FONTS = ("heading_font", "body_font")
DOCUMENT_COLOURS = ("accent", "ink", "muted")
_FONT_NAME = re.compile(r"[^\x00-\x1f\x7f\"<>&]{1,64}")


def document_look(chain: list[Meta]) -> dict[str, str]:
    """The fonts and colours a theme chain (`metas`) gives its Word files under
    `document:` in theme.yaml (the most specific theme wins, key by key)."""
    look: dict[str, str] = {}
    for m in chain:
        meta = m.path
        found = m.data.get("document") or {}
        if not isinstance(found, dict):
            keys = ", ".join(DOCUMENT_FONTS + DOCUMENT_COLOURS)
            raise BuildError(f"{meta}: `document` maps {keys} to fonts and colours")
        for key, value in found.items():
            if key in DOCUMENT_FONTS:
                if not (isinstance(value, str) and _FONT_NAME.fullmatch(value.strip())):
                    raise BuildError(f"{meta}: `document.{key}` is a font's name, like Inter")
                look[key] = value.strip()
            elif key in DOCUMENT_COLOURS:
                if not (isinstance(value, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", value)):
                    raise BuildError(f"{meta}: `document.{key}` is a colour written #rrggbb")
                look[key] = value
            else:
                close = suggest(str(key), DOCUMENT_FONTS + DOCUMENT_COLOURS)
                hint = f"; did you mean `{close}`?" if close else ""
                raise BuildError(f"{meta}: `document` has no key `{key}`{hint}")
    return look


def configured(
    name: str | None,
    config: YamlDoc | None,
    root: Path,
    problems: list[Problem],
    warnings: list[Problem] | None = None,
) -> Theme | None:
    """The theme portfolio.yaml names, with its options set: `name` from the validated
    config, or None where the config has other errors (then the name it writes is
    checked too, so all mistakes show at once). None, with the problems added to
    `problems`, if the theme cannot be used."""
    data = config.data if config is not None and isinstance(config.data, dict) else {}
    if name is None:
        written = data.get("theme")
        name = written if isinstance(written, str) and written else "classic"
    line, col = config.where(("theme",)) if config is not None else (1, 1)
    theme = resolve(name, root, (CONFIG, line, col), warnings)
    if isinstance(theme, Problem):
        problems.append(theme)
        return None
    chain = metas(theme.folders)  # each theme.yaml read once
    values, found = resolve_options(declared(chain), data.get("theme_options"), config, name)
    problems += found
    colours = chart_colours(chain)
    look = document_look(chain)
    return replace(
        theme,
        options=tuple(values.items()),
        chart=tuple(colours.items()),
        document=tuple(look.items()),
    )
