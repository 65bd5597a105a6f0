"""The build cache: what the last build read and made, so the next one redoes only
what changed.

A build records, per project, every file of the project it could have read (size,
times, inode and SHA-256), the day and settings it ran with, and every file it wrote
with the key it was made from. The next build then:

- says "up to date" and stops (`Cache.fresh`) when no file changed and every file it
  wrote is still in place, having imported nothing but the standard library;
- otherwise redoes what changed: a content file whose bytes are the same is not
  parsed again (content/read.py); a page whose inputs hash the same (cache/fingerprint.py) and a
  PDF whose HTML and files hash the same are hard-linked from the previous output
  instead of being made again; everything else is made as in a full build.

A file is taken as unchanged when its size, modification and change times and inode
are those recorded, unless it changed within `RACY_NS` of the recorded scan (a time
stamp can be coarser than the edit); then, and whenever the stat differs, its bytes
are hashed. Keys are computed from content, never from time stamps, so a file that is
touched but not changed costs a hash and nothing else.

The cache lives outside the project (locations.cache_home), one folder per project
path, and deleting it is always safe: the next build is a full one. Nothing here
imports more than the standard library: `portfolio build` checks freshness before it
loads the rest of the program.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import pickle
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from portfolio import __version__
from portfolio.cache import sealed
from portfolio.clock import build_date, source_date
from portfolio.errors import Problem
from portfolio.layout import (
    OUTPUT_MARKER,
    PACKAGE,
    SOURCES,
    cache_home,
    is_source,
    shipped_themes,
)
from portfolio.system import regular

VERSION = 2
RACY_NS = 2_000_000_000
SKIP = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}
# What decides the bytes a build writes besides the project: these libraries' files.
LIBRARIES = (
    "jinja2", "markupsafe", "markdown_it", "mdit_py_plugins", "yaml", "pydantic",
    "pydantic_core", "babel", "weasyprint", "pydyf", "tinycss2", "cssselect2", "fontTools",
    "docx", "lxml",
)  # fmt: skip

if TYPE_CHECKING:
    from portfolio.cache.fingerprint import Fingerprints

Stat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def _stat(st: os.stat_result) -> Stat:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _walk(
    folder: Path, skip: frozenset[Path] = frozenset(), special: dict[str, str] | None = None
) -> Iterator[tuple[str, Stat]]:
    """Every file under `folder` (relative path, stat), links not followed; output
    folders, version control, virtual environments and `skip` left out, and so is
    what is not a file, a folder or a link (a named pipe: see system/regular.py), which goes
    into `special` (path -> what it is) instead."""
    stack = [(folder, "")]
    while stack:
        path, prefix = stack.pop()
        try:
            entries = list(os.scandir(path))
        except OSError:
            continue
        names = {e.name for e in entries}
        if prefix and (OUTPUT_MARKER in names or "pyvenv.cfg" in names):
            continue
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                if entry.name in SKIP or ".new-" in entry.name or ".old-" in entry.name:
                    continue
                if Path(entry.path) in skip:
                    continue
                stack.append((Path(entry.path), rel + "/"))
            else:
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                kind = regular.special(st.st_mode)
                if kind is None:
                    yield rel, _stat(st)
                elif special is not None:
                    special[rel] = kind


def _sha(path: Path) -> str:
    try:
        return regular.sha256(path)
    except OSError:  # NotRegular among them: a link to a named pipe is never opened
        return "unreadable"


def tool_fingerprint() -> str:
    """This program, its shipped themes, Python and the libraries that shape the
    output: a change to any of them means no earlier result is trusted."""
    h = hashlib.sha256(f"{VERSION} {__version__} {sys.version} {sys.prefix}".encode())
    for folder in (PACKAGE, shipped_themes()):
        for rel, st in sorted(_walk(folder)):
            if not rel.endswith((".pyc", ".pyo")):
                h.update(f"{rel} {st}\n".encode())
    for name in LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec and spec.origin else None
        try:
            mark = _stat(os.stat(origin)) if origin else None
        except OSError:
            mark = None
        h.update(f"{name} {origin} {mark}\n".encode())
    return h.hexdigest()


def settings(base_url: str | None, pdf: bool) -> dict[str, Any]:
    """What, besides the files, decides an output tree's bytes: the day, and the
    moment `SOURCE_DATE_EPOCH` stamps into PDFs (it can change within a day)."""
    stamp = source_date()
    epoch = stamp.isoformat() if stamp else None
    return {"base_url": base_url, "pdf": pdf, "date": build_date().isoformat(), "epoch": epoch}


@dataclass
class Tree:
    """One output folder (the site, or one pack): what it was made of and holds."""

    path: Path
    previous: dict[str, list[Any]]  # rel -> [key, size, mtime_ns, inode] as last written
    made: dict[str, str | None] = field(default_factory=dict)  # rel -> key, this build
    reused: int = 0
    rendered: int = 0
    salt: str = ""  # what all its pages share that the cache tracks: the theme's files
    prints: Fingerprints | None = None  # the build's digests (cache/fingerprint.py)

    def previous_key(self, rel: str) -> str | None:
        """The key `rel` was made from last time, if it was made."""
        old = self.previous.get(rel)
        return str(old[0]) if old and old[0] is not None else None

    def reuse(self, rel: str, key: str) -> Path | None:
        """The previous output's file for `rel`, if it was made from `key` and is still
        as it was written; else None (and `rel` must be made)."""
        old = self.previous.get(rel)
        if old is None or old[0] != key:
            return None
        file = self.path / rel
        try:
            st = file.stat()
        except OSError:
            return None
        if [st.st_size, st.st_mtime_ns, st.st_ino] != old[1:]:
            return None
        self.made[rel] = key
        self.reused += 1
        return file

    def record(self, rel: str, key: str | None) -> None:
        self.made[rel] = key
        self.rendered += key is not None


class Cache:
    """One build's view of the cache: opened before the build, saved after it."""

    def __init__(
        self,
        root: Path,
        skip: Iterable[Path] = (),
        enabled: bool = True,
        *,
        after: Cache | None = None,
        in_memory: bool = False,
    ) -> None:
        """`in_memory`: nothing is read from or written to disk; what the build before
        it (`after`, in the same process) saved is the state. `serve` rebuilds so."""
        self.root = root
        self.in_memory = in_memory
        # Why the cache folder cannot be trusted (cache/sealed.py): the build goes on without it.
        self.refused = sealed.refusal() if enabled and not in_memory else None
        self.enabled = enabled = enabled and self.refused is None
        self.folder = cache_home() / hashlib.sha256(os.fsencode(root)).hexdigest()[:24]
        self.tool = tool_fingerprint() if enabled else ""
        # What save() kept, in memory: the state and the parsed sources, by path.
        self.saved: tuple[dict[str, Any], dict[str, tuple[str, Any]]] = ({}, {})
        self._after_sources = after.saved[1] if after is not None else {}
        if in_memory:
            self.state: dict[str, Any] = after.saved[0] if after is not None else {}
        else:
            self.state = self._read() if enabled else {}
        if self.state.get("version") != VERSION or self.state.get("tool") != self.tool:
            self.state = {}
        self.scanned = time.time_ns()
        skipped = frozenset(Path(p) for p in skip)
        # What is not a file, folder or link, by path: skipped, but part of the digest.
        self.special: dict[str, str] = {}
        self.stats: dict[str, Stat] = dict(_walk(root, skipped, self.special)) if enabled else {}
        self._shas: dict[str, str] = {}
        self.trees: dict[Path, Tree] = {}
        self.pickled: set[str] = set()  # the sources the pickle held
        self.parsed = 0  # content files parsed this build (content/read.py counts)
        self.loaded: dict[str, Any] = {}  # path -> SourceFile, as this build read them

    # What the project holds now

    def _read(self) -> dict[str, Any]:
        raw = sealed.read(self.folder / "state.json")
        if raw is None:
            return {}
        data = json.loads(raw)  # sealed: written by this user's own builds
        return data if isinstance(data, dict) else {}

    def sha(self, rel: str) -> str:
        """The file's SHA-256: the recorded one if its stat says it cannot have changed."""
        if rel in self._shas:
            return self._shas[rel]
        st = self.stats.get(rel)
        old = self.state.get("files", {}).get(rel)
        safe_before = self.state.get("scanned", 0) - RACY_NS
        if old and st and list(st) == old[:4] and max(st[1], st[2]) < safe_before:
            digest = str(old[4])
        else:
            digest = _sha(self.root / rel)
        self._shas[rel] = digest
        return digest

    def unchanged(self, rel: str) -> bool:
        old = self.state.get("files", {}).get(rel)
        return bool(old) and rel in self.stats and self.sha(rel) == old[4]

    def changed(self) -> list[str]:
        """Files added, removed or changed since the last build recorded them."""
        before = self.state.get("files", {})
        gone = [rel for rel in before if rel not in self.stats]
        return sorted(gone + [rel for rel in self.stats if not self.unchanged(rel)])

    def targets(self) -> list[str]:
        """The ids of the targets a full build makes packs for: the target files found,
        by the rule content/read.py reads them by (named pipes and folders are not files)."""
        found = {rel for rel in self.stats if rel.startswith(SOURCES["target"][0] + "/")}
        return sorted({Path(rel).stem for rel in found if is_source(rel)})

    def digest(self, only: str = "") -> str:
        """One hash of every file of the project (under `only`, if given), and of what
        was skipped (a named pipe appearing is a change: the build warns about it)."""
        h = hashlib.sha256()
        for rel in sorted(self.stats):
            if rel.startswith(only):
                h.update(f"{rel}\0{self.sha(rel)}\n".encode())
        for rel, kind in sorted(self.special.items()):
            if rel.startswith(only):
                h.update(f"{rel}\0skipped: {kind}\n".encode())
        return h.hexdigest()

    def warnings(self) -> list[Problem]:
        """What the build that saved this cache warned about (what it skipped): an
        up-to-date build says it again rather than judge it by another rule."""
        return [Problem(*w) for w in self.state.get("warnings", [])]

    def assets_digest(self) -> str:
        """Every file that is not a content source: images, attachments, themes; what a
        PDF can read besides its HTML."""
        h = hashlib.sha256()
        for rel in sorted(self.stats):
            if not is_source(rel):
                h.update(f"{rel}\0{self.sha(rel)}\n".encode())
        return h.hexdigest()

    # The quick answer

    def fresh(self, trees: dict[Path, dict[str, Any]]) -> list[dict[str, Any]] | None:
        """If every tree in `trees` (path -> its settings) was made from exactly these
        files and settings and is untouched since: what each holds; else None."""
        if not self.enabled or not self.state or not trees:
            return None
        recorded = self.state.get("trees", {})
        found = []
        digest = None
        for path, wanted in trees.items():
            tree = recorded.get(str(path))
            if not tree or tree.get("settings") != wanted:
                return None
            if digest is None:
                if self.changed():
                    return None
                digest = self.digest()
            if tree.get("inputs") != digest:
                return None
            for rel, (_, size, mtime, inode) in tree.get("outputs", {}).items():
                try:
                    st = os.stat(path / rel)
                except OSError:
                    return None
                if (st.st_size, st.st_mtime_ns, st.st_ino) != (size, mtime, inode):
                    return None
            found.append({"path": path, **tree.get("summary", {})})
        return found

    # What a build reuses and records

    def tree(self, path: Path) -> Tree:
        if path not in self.trees:
            old = self.state.get("trees", {}).get(str(path), {}).get("outputs", {})
            self.trees[path] = Tree(path, old if self.enabled else {})
        return self.trees[path]

    def sources(self) -> dict[str, Any]:
        """Parsed content files (load.SourceFile) whose bytes have not changed."""
        if not self.enabled or not self.state:
            return {}
        kept: dict[str, tuple[str, Any]]
        if self.in_memory:
            kept = self._after_sources
        else:
            raw = sealed.read(self.folder / "sources.pickle")
            if raw is None:
                return {}
            try:  # sealed: pickled by this user's own builds, maybe by an older version
                kept = pickle.loads(raw)
            except (pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                return {}
        self.pickled = set(kept)
        return {rel: src for rel, (sha, src) in kept.items() if self.sha(rel) == sha}

    def save(
        self,
        sources: dict[str, Any],
        written: dict[Path, tuple[dict[str, Any], dict[str, Any]]],
        warnings: Iterable[Problem] = (),
    ) -> None:
        """Record this build: the files, the parsed sources, each tree written
        (path -> (settings, summary)) and what it warned about. A cache that cannot be
        written is no error."""
        if not self.enabled:
            return
        files = {rel: [*st, self.sha(rel)] for rel, st in sorted(self.stats.items())}
        digest = self.digest()
        trees = dict(self.state.get("trees", {}))
        for path, (wanted, summary) in written.items():
            outputs = _as_written(path, self.tree(path).made)
            if outputs is None:  # not all there: nothing about this folder can be trusted
                trees.pop(str(path), None)
                continue
            trees[str(path)] = {
                "settings": wanted,
                "inputs": digest,
                "summary": summary,
                "outputs": outputs,
            }
        state = {
            "version": VERSION,
            "tool": self.tool,
            "root": str(self.root),
            "scanned": self.scanned,
            "files": files,
            "trees": trees,
            "warnings": [astuple(w) for w in sorted(set(warnings))],
        }
        kept = {rel: (self.sha(rel), src) for rel, src in sources.items() if rel in self.stats}
        if self.in_memory:
            self.saved = (state, kept)
            return
        try:
            if self.parsed or set(kept) != self.pickled:  # else the pickle holds just these
                sealed.write(self.folder / "sources.pickle", pickle.dumps(kept, protocol=5))
            sealed.write(self.folder / "state.json", json.dumps(state).encode())
        except OSError:
            pass


def _as_written(path: Path, made: dict[str, str | None]) -> dict[str, list[Any]] | None:
    """Each file of the folder `path` as written (key, size, mtime, inode), or None if
    any is missing: a folder that is not what this build made is never recorded."""
    outputs = {}
    for rel, key in made.items():
        try:
            st = os.stat(path / rel)
        except OSError:
            return None
        outputs[rel] = [key, st.st_size, st.st_mtime_ns, st.st_ino]
    return outputs
