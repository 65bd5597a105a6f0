"""Whether a text mentions a term: whole words, singular or plural, case aside.

The one rule that says a skill is listed, a credential is named, or a keyword appears,
for the audit's evidence gaps and the packs' ranking alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[\w-]+")


@lru_cache(maxsize=2048)
def _words(haystack: str) -> frozenset[str]:
    """The runs of word characters and hyphens in `haystack`. Remembered: each
    target's ranking asks about the same texts, term after term."""
    return frozenset(_WORD.findall(haystack))


@lru_cache(maxsize=1024)
def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(stem)}(?:s|es)?(?![\w-])")


def mentions(haystack: str, term: str) -> bool:
    """True if `term` occurs as whole words in lowercase `haystack`, singular or plural."""
    words = term.lower().strip()
    if not words:
        return False
    stem = words[:-1] if words.endswith("s") and not words.endswith("ss") else words
    if _WORD.fullmatch(stem):  # one word: the pattern can only match a whole run
        runs = _words(haystack)
        return stem in runs or stem + "s" in runs or stem + "es" in runs
    # Most terms are absent: a plain substring test says so without the pattern.
    return stem in haystack and _pattern(stem).search(haystack) is not None
