"""Ids: what names a goal, a piece of evidence or a target, and how a title becomes one.

An id is a file's stem, so it must be a file name every system accepts, and a part of
every URL that shows it: lowercase ASCII letters, digits and single hyphens.

A title in any script gives a readable id. Each character is spelled in ASCII on its
own, so an id is a pure function of its title (the same on every machine, in every
build) and a title's first words always give its id's first words:
- what Unicode decomposes into a base letter (`é` -> `e`, `ễ` -> `e`, fullwidth `Ａ`)
  and the few letters it does not (`ø` -> `o`, `ß` -> `ss`) are spelled as they always
  were, so a Latin title keeps the id it had;
- any other letter, mark or digit is transliterated by `anyascii`: Cyrillic, Greek,
  Arabic and Persian (their alef spelled `a`), Hebrew, Indic scripts, Korean, Japanese
  kana, and Latin letters that do not decompose (`Þ` -> `th`, `ə` -> `e`, `ŋ` -> `ng`).
  A Chinese character (also a Japanese kanji, read in Mandarin: something readable, if
  not the Japanese reading) is its pinyin syllable, a word of its own: `中文简历` ->
  `zhong-wen-jian-li`;
- punctuation of other scripts separates words (`、` `・` `،` `।`); what is not a letter
  or a digit, emoji among them, is left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from functools import lru_cache

from anyascii import anyascii

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                          "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th",
                          "ð": "d", "ı": "i"})  # fmt: skip
# Where anyascii spells nothing but a reader expects a letter: Arabic script's alef
# (`سلام` reads `slam`, not `slm`; `تهران`, `thran`).
_SPELLINGS = {"\u0627": "a", "\u0623": "a", "\u0625": "i", "\u0671": "a"}
# Marks that stand inside a word of their script: Hebrew geresh and gershayim.
_INSIDE_A_WORD = frozenset("\u05f3\u05f4")

ID_LENGTH = 60  # a file name to read at a glance, far within every file system's limit


@lru_cache(maxsize=4096)
def _spelled(char: str) -> str:
    """One character of a title in ASCII: letters and digits, or a space between words."""
    decomposed = unicodedata.normalize("NFKD", char.translate(_LETTERS))
    plain = decomposed.encode("ascii", "ignore").decode()
    if plain:
        return plain
    category = unicodedata.category(char)
    if category[0] in "LMN":
        letters = _SPELLINGS.get(char) or re.sub(r"[^A-Za-z0-9]", "", anyascii(char))
        han = unicodedata.name(char, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEO"))
        return f" {letters} " if han else letters
    other_script = ord(char) >= 0x370 and not 0x2000 <= ord(char) <= 0x206F
    if category[0] in "PZ" and other_script and char not in _INSIDE_A_WORD:
        return " "
    return ""  # a symbol, an emoji, a joiner, Latin punctuation (`Don’t` -> `dont`)


def _words(title: str) -> list[str]:
    spelled = "".join(_spelled(char) for char in unicodedata.normalize("NFC", title))
    return re.findall(r"[a-z0-9]+", spelled.lower())


def slug(title: str, limit: int = ID_LENGTH) -> str:
    """The id a title gives: ASCII, lowercase, hyphens, at most `limit` characters,
    cut after a whole word (a first word longer than that is cut where the limit falls).
    A title of any length makes a file name the file system accepts."""
    kept: list[str] = []
    for word in _words(title):
        if len("-".join([*kept, word])) > limit:
            if not kept:
                kept.append(word[:limit])
            break
        kept.append(word)
    return "-".join(kept)


def unique_id(title: str, taken: Container[str], fallback: str) -> str:
    """The title's id, or `fallback` if it has no letter or digit to spell; with `-2`,
    `-3`... if that is taken, the id cut after a word so that the suffix fits. The same
    titles in the same order give the same ids."""
    base = slug(title) or fallback
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate, n = slug(base, ID_LENGTH - len(suffix)) + suffix, n + 1
    return candidate
