"""Theme resolution, the theme's strings in the page's language, and the Jinja environment.

A theme is a folder with `theme.yaml` (optional: `extends: <parent>`), `templates/`,
`static/` and `i18n/`. Lookup goes, template by template: the project's
`themes/<name>/`, the shipped theme of that name, then its parents, then `base`, which
holds every template the renderer asks for. Stylesheets cascade the other way, base
first (site/render.py), so a theme can be a single small stylesheet.

Strings: templates write English and pass it through `_()`; `i18n/<lang>.yaml` maps
each English string to its translation. English needs no file; a missing entry stays
English, so a theme can translate some of its strings, or a child theme change one.
"""

from __future__ import annotations

import contextlib
import os
import re
import string
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape
from pydantic import BaseModel

from portfolio.cache import reads, sealed
from portfolio.content.language import Msg, plural_form
from portfolio.content.read import inside
from portfolio.content.validate import suggest
from portfolio.content.yamldoc import parse_yaml
from portfolio.errors import BuildError, Problem
from portfolio.layout import shipped_themes
from portfolio.system import regular


@dataclass(frozen=True)
class Theme:
    name: str
    folders: tuple[Path, ...]  # most specific first
    options: tuple[tuple[str, Any], ...] = ()  # the site's values (site/theme_options.py), as pairs
    chart: tuple[tuple[str, str], ...] = ()  # the charts' colours from theme.yaml
    document: tuple[tuple[str, str], ...] = ()  # Word files' fonts and colours, theme.yaml

    @property
    def template_dirs(self) -> list[str]:
        return [str(f / "templates") for f in self.folders if (f / "templates").is_dir()]

    @property
    def static_dirs(self) -> list[Path]:
        return [f / "static" for f in self.folders if (f / "static").is_dir()]


THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def _folders(name: str, root: Path) -> list[Path]:
    return [d for d in (root / "themes" / name, shipped_themes() / name) if d.is_dir()]


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _parent(folders: list[Path], problems: list[Problem], root: Path) -> str | None:
    for folder in folders:
        meta = folder / "theme.yaml"
        if meta.is_file():
            rel = _shown(meta, root)
            doc, found = parse_yaml(regular.read_bytes(meta).decode("utf-8"), rel)
            problems.extend(found)
            data = doc.data if isinstance(doc.data, dict) else {}
            parent = data.get("extends")
            if parent is not None and not (
                isinstance(parent, str) and THEME_NAME.fullmatch(parent)
            ):
                line, col = doc.where(("extends",))
                problems.append(_not_a_name(str(parent), (rel, line, col)))
                return None
            return parent or None
    return None


def _not_a_name(name: str, where: tuple[str, int, int]) -> Problem:
    return Problem(
        *where,
        f"`{name}` is not a theme's name",
        "name a theme (a folder in themes/, or a shipped theme such as `classic`), not a path",
    )


def _contained(folder: Path, root: Path, problems: list[Problem], warnings: list[Problem]) -> None:
    """A theme reads nothing outside its folder: a link that leads out of it is a
    problem (a theme's `static/` is published, and `/proc/self/environ` or
    `/etc/shadow` must never be); what is not a file or a folder is skipped, with a
    warning. A project's theme folder must itself lie inside the project."""
    if folder.is_relative_to(root) and not inside(folder, root):
        problems.append(_outside(_shown(folder, root), folder, "the project"))
        return
    real = folder.resolve()
    for parent, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            path = Path(parent) / name
            rel = _shown(path, root)
            if path.is_symlink() and not inside(path, real):
                problems.append(_outside(rel, path, "its theme's folder"))
                continue
            kind = regular.kind_of(path)
            if kind is not None:
                warnings.append(regular.skipped_warning(rel, kind))


def _outside(rel: str, link: Path, place: str) -> Problem:
    try:
        what = f"this is a link to {link.resolve()}, outside {place}"
    except RuntimeError:  # Python 3.11: a link that loops
        what = "this is a link that loops, leading nowhere"
    return Problem(rel, 1, 1, what, "copy the file into the theme instead of linking to it")


def _add(chain: list[Path], folders: list[Path]) -> None:
    """Add each folder once: in this repository the sample project's `themes/` are the
    shipped themes, and a folder twice in the chain would cascade its stylesheets twice."""
    for folder in folders:
        if all(folder.resolve() != known.resolve() for known in chain):
            chain.append(folder)


def resolve(
    name: str, root: Path, where: tuple[str, int, int], warnings: list[Problem] | None = None
) -> Theme | Problem:
    """The theme `name` with its parents, or a located problem if it does not exist or
    reaches outside its folders. What a theme holds that is not a file is skipped, with
    a note in `warnings`."""
    chain: list[Path] = []
    seen: list[str] = []
    current: str | None = name
    problems: list[Problem] = []
    notes: list[Problem] = []
    if not THEME_NAME.fullmatch(name):
        return _not_a_name(name, where)
    while current and current not in seen:
        folders = _folders(current, root)
        if not folders:
            known = sorted(
                {d.name for d in shipped_themes().iterdir() if d.is_dir()}
                | (
                    {d.name for d in (root / "themes").iterdir() if d.is_dir()}
                    if (root / "themes").is_dir()
                    else set()
                )
            )
            close = suggest(current, known)
            hint = f"did you mean `{close}`?" if close else "available: " + ", ".join(known)
            return Problem(*where, f"no theme named `{current}`", hint)
        seen.append(current)
        _add(chain, folders)
        for folder in folders:  # before anything in it is read
            _contained(folder, root, problems, notes)
        if problems:
            return problems[0]
        current = _parent(folders, problems, root)
    if problems:
        return problems[0]
    if "base" not in seen:
        for folder in _folders("base", root):
            _contained(folder, root, problems, notes)
        _add(chain, _folders("base", root))
        if problems:
            return problems[0]
    if warnings is not None:
        warnings += notes
    return Theme(name, tuple(chain))


PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")  # CLDR plural categories
Entry = str | tuple[tuple[str, str], ...]  # a translation, or one per plural category


@dataclass(frozen=True)
class Catalog:
    """A theme's strings in one language: English source string -> translation.

    Frozen and hashable, so the Jinja environment can be cached by it: an edited
    catalog is a new catalog. `_` and `_n` are the templates' translation functions.
    """

    language: str
    entries: tuple[tuple[str, Entry], ...] = ()

    @cached_property
    def _table(self) -> dict[str, Entry]:
        return dict(self.entries)

    def lookup(self, text: str) -> str:
        """The translation of `text`, or `text` itself (English) if there is none."""
        entry = self._table.get(text)
        return entry if isinstance(entry, str) else text

    def say(self, value: str | Msg) -> str:
        """A source string or a computed message, in the catalog's language."""
        return value.say(self.lookup) if isinstance(value, Msg) else self.lookup(value)

    def gettext(self, message: str | Msg, /, **args: Any) -> str:
        """`_("As of {date}", date=...)`: translate, then fill the placeholders.

        The result is plain text that Jinja escapes like any other; an argument that is
        markup already (a link made by a macro) is kept as markup, and then the text
        around it is escaped here instead.
        """
        return self._fill(self.say(message), args)

    def ngettext(self, singular: str, plural: str, n: int, /, **args: Any) -> str:
        """`_n("{n} item", "{n} items", count)`: the form for `n` in the language.

        A plural entry maps CLDR categories (`one`, `few`, `other`...) to translations;
        a plain one serves every count (a language without plurals); without an entry,
        English: `singular` for 1, else `plural`.
        """
        entry = self._table.get(singular)
        if isinstance(entry, tuple):
            forms = dict(entry)
            text = forms.get(plural_form(self.language, n), forms["other"])
        elif entry is not None:
            text = entry
        else:
            text = singular if n == 1 else plural
        return self._fill(text, {"n": n, **args})

    def finalize(self, value: Any) -> Any:
        """Jinja's `finalize`: a computed message printed with `{{ }}` is translated."""
        return self.say(value) if isinstance(value, Msg) else value

    def _fill(self, text: str, args: Mapping[str, Any]) -> str:
        if not args:
            return text
        values = {k: self.say(v) if isinstance(v, Msg) else v for k, v in args.items()}
        if any(isinstance(v, Markup) for v in values.values()):
            return Markup(escape(text)).format(**values)
        return text.format(**values)


def catalog(theme: Theme, language: str) -> Catalog:
    """The theme's strings for a BCP 47 tag.

    Lookup goes through the theme chain, most specific theme first, and in each theme
    from the full tag to the base language (`de-CH`, then `de`): a child theme's entry
    wins over its parent's, so a project can reword one string of a shipped theme.
    """
    subtags = language.lower().split("-")
    wanted = ["-".join(subtags[:n]) for n in range(len(subtags), 0, -1)]
    entries: dict[str, Entry] = {}
    for folder in theme.folders:
        found = {f.stem.lower(): f for f in sorted(folder.glob("i18n/*.yaml")) if f.is_file()}
        for tag in wanted:
            if tag in found:
                for key, entry in _read_catalog(found[tag]).items():
                    entries.setdefault(key, entry)
    return Catalog(language, tuple(sorted(entries.items(), key=lambda item: item[0])))


def _read_catalog(path: Path) -> dict[str, Entry]:
    """One `i18n/<lang>.yaml`, checked: a theme is code, and a mistake in it stops the
    build with its file and line rather than a half-translated site."""
    doc, problems = parse_yaml(regular.read_bytes(path).decode("utf-8"), str(path))
    if problems:
        raise BuildError(problems[0].format())
    data = doc.data if doc.data is not None else {}

    def fail(key: Any, message: str) -> BuildError:
        line, column = doc.where((key,), key=True) if key is not None else (1, 1)
        return BuildError(f"{path}:{line}:{column}: {message}")

    if not isinstance(data, dict):
        raise fail(None, "a catalog maps each English string to its translation")
    table: dict[str, Entry] = {}
    for key, value in data.items():
        if not isinstance(key, str):
            raise fail(key, f"`{key}` is not text: quote it")
        forms: tuple[tuple[str, str], ...] = ()
        allowed = _placeholders(key, path)
        if isinstance(value, dict):
            if "other" not in value or any(k not in PLURAL_FORMS for k in value):
                categories = ", ".join(PLURAL_FORMS)
                raise fail(key, f"plural forms of `{key}` are among {categories}, with `other`")
            forms = tuple(value.items())
            allowed |= {"n"}
        for text in [v for _, v in forms] if forms else [value]:
            if not isinstance(text, str):
                raise fail(key, f"the translation of `{key}` must be text")
            unknown = _placeholders(text, path) - allowed
            if unknown:
                names = ", ".join(f"{{{name}}}" for name in sorted(unknown))
                raise fail(key, f"the translation of `{key}` uses {names}, which it is not given")
        table[key] = forms or value
    return table


def _placeholders(text: str, path: Path) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError as exc:
        raise BuildError(
            f"{path}: `{text}`: {exc}; write a literal brace as {{{{ or }}}}"
        ) from None


class ThemeLoader(jinja2.FileSystemLoader):
    """Templates from the theme folders only: a symbolic link that leads out of them is
    refused, as FileSystemLoader (like `../`, which it refuses itself) would follow it."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        if not any(real.is_relative_to(Path(d).resolve()) for d in self.searchpath):
            raise SecurityError(f"`{template}` leads outside the theme folders ({real})")
        return source, filename, uptodate


class Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, with its verdict on each attribute remembered.

    The sandbox asks, for every `a.b` a template evaluates, whether `b` is safe on
    `a`; for SandboxedEnvironment the answer depends only on the type of `a` and the
    name `b` (a leading underscore, or a function's, method's, frame's or
    generator's internals), never on the value, so it is computed once per pair.
    That was a third of the time of a 1,000-item evidence list. `str.format` is
    still wrapped per value, as the sandbox does.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def getattr(self, obj: Any, attribute: str) -> Any:
        if attribute == "body":
            reads.body_read()
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            return super().getattr(obj, attribute)  # then an item, or undefined
        if isinstance(value, (types.MethodType, types.BuiltinMethodType)):
            if isinstance(obj, BaseModel):  # model_dump() and the like see every field
                reads.body_read()
            wrapped = self.wrap_str_format(value)
            if wrapped is not None:
                return wrapped
        key = (type(obj), attribute)
        safe = self._verdicts.get(key)
        if safe is None:
            safe = self._verdicts[key] = self.is_safe_attribute(obj, attribute, value)
        return value if safe else self.unsafe_undefined(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if argument == "body" or (
            isinstance(obj, BaseModel)
            and isinstance(argument, str)
            and argument not in type(obj).model_fields
        ):
            reads.body_read()  # `x["body"]`, or a model's method looked up by name
        return super().getitem(obj, argument)


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates kept between runs (compiling a theme costs more than
    rendering a page, and a rebuild may render only a few): in the user's cache
    folder, never in a project, since they are code, and sealed (cache/sealed.py),
    since loading them runs them: a planted or damaged file is compiled again, never
    loaded. Checked against each template's source; a cache that cannot be read or
    written is no error."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = sealed.read(self.folder / f"{bucket.key}.cache")
        if data is None:
            return
        try:  # sealed by this user, but perhaps by another version of Jinja or Python
            bucket.bytecode_from_string(data)
        except (ValueError, EOFError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):  # unwritable: the next run compiles again
            sealed.write(self.folder / f"{bucket.key}.cache", bucket.bytecode_to_string())


@cache
def _compiled() -> _Compiled | None:
    """The bytecode cache, or none where the cache folder cannot be trusted."""
    if sealed.refusal() is not None:
        return None
    return _Compiled(sealed.home() / "templates" / f"jinja-{jinja2.__version__}")


@cache
def environment(
    template_dirs: tuple[str, ...], strings: Catalog, unsafe_html: bool = False
) -> jinja2.Environment:
    """One Jinja environment per process, theme, language and `unsafe_html`: templates
    are compiled once, and a compiled template keeps the filters it was compiled with,
    so everything the filters depend on is part of the key (a site with
    `unsafe_html: true` must never lend its Markdown filter to one without).

    Themes are trusted to lay out pages, not to run code: the sandbox keeps templates
    away from Python's internals (`cycler.__init__.__globals__...`), and the loader
    away from files outside the theme. `_` and `_n` are globals, so imported macro
    files have them too (an import does not pass the context), and `finalize`
    translates computed messages."""
    env = Sandbox(
        loader=ThemeLoader(list(template_dirs)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=strings.finalize,
        bytecode_cache=_compiled(),
    )
    env.globals.update(_=strings.gettext, _n=strings.ngettext)
    return env
