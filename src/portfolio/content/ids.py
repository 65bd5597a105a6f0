"""Ids: what names a goal, a piece of evidence or a target, and how a title becomes one.

An id is a file's stem, so it must be a file name every system accepts, and a part of
every URL that shows it: lowercase ASCII letters, digits and single hyphens.
"""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                          "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th",
                          "ð": "d", "ı": "i"})  # fmt: skip


ID_LENGTH = 60  # a file name to read at a glance, far within every file system's limit


def slug(title: str) -> str:
    """The id a title gives: ASCII, lowercase, hyphens, at most ID_LENGTH characters,
    cut after a whole word (a first word longer than that is cut where the limit falls).
    A title of any length makes a file name the file system accepts."""
    spelled = title.translate(_LETTERS)
    ascii_title = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > ID_LENGTH:
            if not kept:
                kept.append(word[:ID_LENGTH])
            break
        kept.append(word)
    return "-".join(kept)
