"""The cache's output trees for one build, and the digests their keys share.

A build asks one `Memos` for the tree of each folder it makes (the site, each pack):
the tree says which files the last build made from which key, so a page or a PDF
whose key is the same is linked from the last output instead of being made again.
"""

from __future__ import annotations

from pathlib import Path

from portfolio.cache.fingerprint import Fingerprints
from portfolio.cache.store import Cache, Tree


class Memos:
    """The cache's trees for one build, with the digests they share."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self.enabled = cache.enabled
        self.prints = Fingerprints()
        self.trees: dict[Path, Tree] = {}
        self._salt: str | None = None
        self._assets: str | None = None

    def __call__(self, folder: Path) -> Tree | None:
        """The tree of `folder`; None when the cache is off (everything is made)."""
        if not self.enabled:
            return None
        if folder not in self.trees:
            if self._salt is None:
                self._salt = self.cache.digest("themes/")
            tree = self.cache.tree(folder)
            tree.prints, tree.salt = self.prints, self._salt
            self.trees[folder] = tree
        return self.trees[folder]

    def assets(self) -> str:
        """One digest of every file that is not a content source (images, attachments,
        themes): what a PDF may read besides its HTML."""
        if self._assets is None:
            self._assets = self.cache.assets_digest()
        return self._assets

    def reuse(self, folder: Path, rel: str, key: str) -> Path | None:
        tree = self(folder)
        return tree.reuse(rel, key) if tree is not None else None

    def record(self, folder: Path, rel: str, key: str) -> None:
        tree = self(folder)
        if tree is not None:
            tree.record(rel, key)

    @property
    def made(self) -> int:
        """Pages and PDFs made this build."""
        return sum(t.rendered for t in self.trees.values())

    @property
    def kept(self) -> int:
        """Pages and PDFs kept from the last build, their inputs unchanged."""
        return sum(t.reused for t in self.trees.values())
