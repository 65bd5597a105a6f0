"""Characters no font can draw: a warning with the file and the line, never a silent
box in a page or a PDF.

The build looks at the distinct characters of the text it prints: the values of the
content's YAML (not its keys or comments, which print nothing) and its Markdown
bodies. ASCII is drawn by any font, and most content is ASCII, so a file that is all
ASCII costs one `str.isascii()`; the rest asks fontconfig, once per process, which
characters its installed fonts cover (`Coverage`, through ctypes: no WeasyPrint, no
Pango, a few milliseconds), and then the theme's own font files (fontTools, only for
what fontconfig lacks). Characters that need no glyph (spaces, joiners, variation
selectors, controls) are never reported. Only when something is missing is the file
read again, to find the line the character is written on.

Where fontconfig cannot be loaded (a system without it), nothing is checked.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from portfolio.content.read import SourceFile, split_front_matter
from portfolio.errors import Problem

FONT_FILES = (".ttf", ".otf", ".ttc", ".woff", ".woff2")

# What a character needs no glyph for: a control, a format character (ZWJ, ZWNJ,
# the direction marks, a soft hyphen, emoji tags), a space or a line separator; and
# the marks that only choose how the character before them looks.
_NO_GLYPH_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}
_SELECTORS = re.compile("[\u034f\u180b-\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def needs_glyph(char: str) -> bool:
    """Whether `char` is drawn: False for spaces, joiners, selectors and controls."""
    if unicodedata.category(char) in _NO_GLYPH_CATEGORIES:
        return False
    return not _SELECTORS.match(char)


class Coverage:
    """The characters the installed fonts cover, as fontconfig knows them: the union of
    every font's charset, made once and asked one character at a time."""

    def __init__(self, lib: Any, charset: int) -> None:
        self._lib = lib
        self._charset = charset
        self._known: dict[str, bool] = {}

    def __contains__(self, char: str) -> bool:
        known = self._known.get(char)
        if known is None:
            known = bool(self._lib.FcCharSetHasChar(self._charset, ord(char)))
            self._known[char] = known
        return known


@cache
def installed() -> Coverage | None:
    """What the installed fonts cover, or None where fontconfig cannot be loaded.

    FcFontSort gives the union of the charsets of every font it sorts (about half a
    millisecond); listing every font's charset (FcFontList) took 85 ms."""
    name = ctypes.util.find_library("fontconfig") or "libfontconfig.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    p = ctypes.c_void_p
    lib.FcPatternCreate.restype = p
    lib.FcConfigSubstitute.argtypes = [p, p, ctypes.c_int]
    lib.FcDefaultSubstitute.argtypes = [p]
    lib.FcFontSort.restype = p
    lib.FcFontSort.argtypes = [p, p, ctypes.c_int, ctypes.POINTER(p), ctypes.POINTER(ctypes.c_int)]
    lib.FcFontSetDestroy.argtypes = [p]
    lib.FcPatternDestroy.argtypes = [p]
    lib.FcCharSetHasChar.argtypes = [p, ctypes.c_uint32]
    pattern = lib.FcPatternCreate()
    if not pattern:
        return None
    lib.FcConfigSubstitute(None, pattern, 0)  # FcMatchPattern
    lib.FcDefaultSubstitute(pattern)
    union, result = p(), ctypes.c_int()
    fonts = lib.FcFontSort(None, pattern, 1, ctypes.byref(union), ctypes.byref(result))
    lib.FcPatternDestroy(pattern)
    if not fonts or not union:
        return None
    lib.FcFontSetDestroy(fonts)  # the union stays, for as long as the process runs
    return Coverage(lib, union.value or 0)


def _in_files(folders: Sequence[Path], chars: set[str]) -> set[str]:
    """Which of `chars` a font file in the theme's folders draws (the faces a theme
    bundles, which fontconfig does not know)."""
    files = sorted(
        f for folder in folders for f in folder.rglob("*") if f.suffix.lower() in FONT_FILES
    )
    if not files:
        return set()
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # WeasyPrint's

    found: set[str] = set()
    for file in files:
        try:
            cmap = TTFont(file, fontNumber=0, lazy=True).getBestCmap() or {}
        except Exception:  # not a font after all: it draws nothing
            continue
        found |= {c for c in chars if ord(c) in cmap}
    return found


Where = tuple[str | int, ...]  # a value's path in its YAML document


def _strings(value: Any, path: Where = ()) -> Iterator[tuple[Where, str]]:
    """Every string value of a YAML document with its path (not its keys)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _strings(item, (*path, n))


def _printed(source: SourceFile) -> Iterator[tuple[Where | None, str]]:
    """The text of `source` that the build prints: its values, then its body (None)."""
    yield from _strings(source.doc.data)
    if source.body:
        yield None, source.body


def unprintable(
    root: Path, sources: Iterable[SourceFile], theme_folders: Sequence[Path] = ()
) -> list[Problem]:
    """A warning for each character of the printed text that no installed font (nor a
    font file of the theme) draws, at the first line of each file that writes it."""
    wanted: dict[str, list[tuple[SourceFile, Where | None]]] = {}
    for source in sources:
        for where, text in _printed(source):
            if text.isascii():
                continue
            for char in set(text):
                if ord(char) > 0x7F:
                    wanted.setdefault(char, []).append((source, where))
    if not wanted:
        return []
    coverage = installed()
    if coverage is None:
        return []
    missing = {c for c in wanted if needs_glyph(c) and c not in coverage}
    if missing:
        missing -= _in_files(theme_folders, missing)
    problems = []
    for char in sorted(missing):
        seen = set()
        for source, where in wanted[char]:
            if source.path in seen:
                continue
            seen.add(source.path)
            line, column = _locate(root, source, where, char)
            problems.append(Problem(source.path, line, column, _message(char), _hint(char)))
    return problems


def _locate(root: Path, source: SourceFile, where: Where | None, char: str) -> tuple[int, int]:
    """The line and column where `char` is first written in the value at `where` (its
    body: None), reading the file again: this runs only for a missing character."""
    try:
        text = (root / source.path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 1, 1
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if where is None:
        split = split_front_matter(text, source.path)
        start = split[2] if isinstance(split, tuple) else 1
    else:
        start = source.doc.where(where)[0]
    for number in range(start, len(lines) + 1):
        column = lines[number - 1].find(char)
        if column >= 0:
            return number, column + 1
    return start, 1


def _message(char: str) -> str:
    return f"no installed font has U+{ord(char):04X} ({char}); it prints as a box"


def _hint(char: str) -> str:
    """What to install, by the character's kind; or what to write instead."""
    category = unicodedata.category(char)
    if category == "Co":
        return (
            "it is a private-use character, which no standard font draws: replace it with "
            "the character you meant (or install the font it was made for)"
        )
    if category == "Cn":
        return "it is not a character Unicode has assigned: replace it with the one you meant"
    name = unicodedata.name(char, "")
    if (category == "So" and ord(char) >= 0x1F000) or "EMOJI" in name:
        package = "fonts-noto-color-emoji"
    elif any(w in name for w in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO")):
        package = "fonts-noto-cjk"
    else:
        package = "fonts-noto-core"
    return f"install a font that has it (Debian, Ubuntu: `apt-get install {package}`) or replace it"
