"""What a page is made from, as a digest: equal digests, equal pages.

A page is its template applied to its context (views and models, all frozen values)
and to what every page shares (the site, the profile, the theme). The digest of the
context is taken from its pickle, which covers every field of every object in it, so
no list of "what a page depends on" has to be kept in step with the templates.

Two things make a pickle depend on more than the values, and both are removed: the
memo (whether two equal strings are one object or two), by pickling in fast mode;
and a pydantic model's set of fields given, a `set` whose order changes from one
process to the next, by pickling models as their fields and the sorted set.

A value that many pages share (a piece of evidence shows on its page, the list and
the home page) is pickled once per build: digests are remembered per object.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from typing import Any

from pydantic import BaseModel

_ATOMS = (str, bytes, int, float, bool, type(None))


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, BaseModel):
            fields = sorted(obj.__pydantic_fields_set__)
            return (type(obj), (), (obj.__dict__, fields))
        return NotImplemented


def _pickle(value: Any) -> bytes:
    buffer = io.BytesIO()
    pickler = _Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: the bytes depend on values only, not on identities
    pickler.dump(value)
    return buffer.getvalue()


class Fingerprints:
    """Digests of values, remembered per object for the life of one build."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Any, bytes]] = {}  # id -> (the object, kept alive; digest)

    def of(self, value: Any) -> bytes:
        if isinstance(value, _ATOMS):  # repr is exact for these, and far cheaper
            text = f"{type(value).__name__}:{value!r}"
            return hashlib.blake2b(text.encode(), digest_size=20).digest()
        if isinstance(value, list):  # mutable: never remembered
            return self._sequence(b"list", value)
        if isinstance(value, dict):
            h = hashlib.blake2b(b"dict", digest_size=20)
            for k, item in value.items():
                h.update(self.of(k))
                h.update(self.of(item))
            return h.digest()
        known = self._known.get(id(value))
        if known is not None:
            return known[1]
        if type(value) is tuple:
            digest = self._sequence(b"tuple", value)
        else:  # a view or a model: frozen
            try:
                digest = hashlib.blake2b(_pickle(value), digest_size=20).digest()
            except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
                # A value that cannot be pickled (a function made for one page) is never
                # taken as unchanged: the page is made again every time.
                digest = os.urandom(20)
        self._known[id(value)] = (value, digest)
        return digest

    def _sequence(self, kind: bytes, items: list[Any] | tuple[Any, ...]) -> bytes:
        h = hashlib.blake2b(kind, digest_size=20)
        for item in items:
            h.update(self.of(item))
        return h.digest()

    def key(self, *parts: Any) -> str:
        """One hex key for several values (a template name, a path, a context)."""
        h = hashlib.blake2b(digest_size=20)
        for part in parts:
            h.update(self.of(part))
        return h.hexdigest()
