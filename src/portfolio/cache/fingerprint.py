"""What a page is made from, as a digest: equal digests, equal pages.

A page is its template applied to its context (views and models, all frozen values)
and to what every page shares (the site, the profile, the theme). The digest of the
context is taken from its pickle, which covers every field of every object in it, so
no list of "what a page depends on" has to be kept in step with the templates.

Three things make a pickle depend on more than the values, and all are removed: the
memo (whether two equal strings are one object or two), by pickling in fast mode; a
pydantic model's set of fields given, a `set` whose order changes from one process to
the next, by pickling models as their fields and the sorted set; and a set held by a
view, sorted the same way.

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
    """Pickles models as their fields and sorted set of fields given, each `body` left
    out and kept aside in `bodies` (in the order met), so one pass gives the digest
    of a value without its bodies and, with them, the digest of the whole."""

    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=5)
        self.fast = True  # no memo: the bytes depend on values only, not on identities
        self.bodies: list[str] = []

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, BaseModel):
            fields = sorted(obj.__pydantic_fields_set__)
            state = obj.__dict__
            if "body" in state:
                self.bodies.append(str(state["body"]))
                state = {k: v for k, v in state.items() if k != "body"}
            return (type(obj), (), (state, fields))
        if isinstance(obj, type):  # a class is pickled by its name
            return NotImplemented
        attributes = getattr(obj, "__dict__", None)
        if attributes and any(type(v) in _SETS for v in attributes.values()):
            # A view holding a set (a cached frozenset of ids): pickled in hash order,
            # which changes from one process to the next; the pickler never calls this
            # for a bare set, so the sets of a view's attributes are sorted here.
            return (type(obj), (), {k: _sorted(v) for k, v in attributes.items()})
        return NotImplemented


_SETS = (set, frozenset)


def _sorted(value: Any) -> Any:
    return tuple(sorted(value, key=repr)) if type(value) in _SETS else value


def _digests(value: Any) -> tuple[bytes, bytes]:
    """The digest of `value` with its models' bodies, and without them."""
    buffer = io.BytesIO()
    pickler = _Pickler(buffer)
    pickler.dump(value)
    bodyless = hashlib.blake2b(buffer.getvalue(), digest_size=20).digest()
    whole = hashlib.blake2b(bodyless, digest_size=20)
    for body in pickler.bodies:
        data = body.encode()
        whole.update(len(data).to_bytes(8, "big"))
        whole.update(data)
    return whole.digest(), bodyless


class Fingerprints:
    """Digests of values, remembered per object for the life of one build. `bodyless`
    digests leave out every model's `body`: the key of a page that reads none."""

    def __init__(self) -> None:
        # id -> (the object, kept alive; digest), with bodies and without
        self._known: dict[bool, dict[int, tuple[Any, bytes]]] = {False: {}, True: {}}

    def of(self, value: Any, bodyless: bool = False) -> bytes:
        if isinstance(value, _ATOMS):  # repr is exact for these, and far cheaper
            text = f"{type(value).__name__}:{value!r}"
            return hashlib.blake2b(text.encode(), digest_size=20).digest()
        if isinstance(value, list):  # mutable: never remembered
            return self._sequence(b"list", value, bodyless)
        if isinstance(value, dict):
            h = hashlib.blake2b(b"dict", digest_size=20)
            for k, item in value.items():
                h.update(self.of(k, bodyless))
                h.update(self.of(item, bodyless))
            return h.digest()
        known = self._known[bodyless].get(id(value))
        if known is not None:
            return known[1]
        if type(value) is tuple:
            digest = self._sequence(b"tuple", value, bodyless)
            self._known[bodyless][id(value)] = (value, digest)
            return digest
        try:  # a view or a model: frozen; both digests from one pickle
            whole, without = _digests(value)
        except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
            # A value that cannot be pickled (a function made for one page) is never
            # taken as unchanged: the page is made again every time.
            whole = without = os.urandom(20)
        self._known[False][id(value)] = (value, whole)
        self._known[True][id(value)] = (value, without)
        return without if bodyless else whole

    def _sequence(self, kind: bytes, items: list[Any] | tuple[Any, ...], bodyless: bool) -> bytes:
        h = hashlib.blake2b(kind, digest_size=20)
        for item in items:
            h.update(self.of(item, bodyless))
        return h.digest()

    def key(self, *parts: Any, bodyless: bool = False) -> str:
        """One hex key for several values (a template name, a path, a context)."""
        h = hashlib.blake2b(digest_size=20)
        for part in parts:
            h.update(self.of(part, bodyless))
        return h.hexdigest()
