"""Read-only dicts: the assembled portfolio and what every page shares cannot change
once they are made, so nothing computed from them (a view, a cache key) goes stale.

A subclass of dict rather than `types.MappingProxyType`, for the build cache: its
fingerprints (cache/fingerprint.py) digest a dict item by item, so a frozen dict
digests as the dict it was made from and the pages' keys stay as they were; and a
proxy cannot be pickled, so a page whose context held one could never be kept. Every
method that would change it raises TypeError; `dict(frozen)` or `frozen.copy()` gives
a plain dict to change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class FrozenDict(dict[K, V]):
    """A dict that cannot be changed after it is made, and pickles as one."""

    __slots__ = ()

    def _refuse(self) -> NoReturn:
        raise TypeError(f"a {type(self).__name__} cannot be changed; copy it with dict()")

    def __setitem__(self, key: K, value: V) -> NoReturn:
        self._refuse()

    def __delitem__(self, key: K) -> NoReturn:
        self._refuse()

    def __ior__(self, other: Any) -> NoReturn:  # type: ignore[misc]
        self._refuse()

    def clear(self) -> NoReturn:
        self._refuse()

    def pop(self, *args: Any) -> NoReturn:
        self._refuse()

    def popitem(self) -> NoReturn:
        self._refuse()

    def setdefault(self, *args: Any) -> NoReturn:
        self._refuse()

    def update(self, *args: Any, **kwargs: Any) -> NoReturn:
        self._refuse()

    def __reduce__(self) -> tuple[Any, ...]:
        """Made again from a plain dict: pickle's default fills a dict subclass by
        setting its items one by one, which this one refuses."""
        return (type(self), (dict(self),))


def freeze(value: Any) -> Any:
    """`value` (JSON data: dicts, lists, scalars) with every dict frozen and every list
    a tuple, all the way down."""
    if isinstance(value, Mapping):
        return FrozenDict({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value
