"""One output folder's record in the build cache (cache/store.py `Tree`): a file is
reused only if it was made from the same key and is still, on disk, the file that was
written; what a build makes is recorded for the next one, through the cache's save."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from portfolio.cache.store import Cache, Tree

SETTINGS = {"base_url": None, "pdf": False}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project of one file, with a cache folder of its own."""
    monkeypatch.setenv("PORTFOLIO_CACHE", str(tmp_path / "cache"))
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (root / "portfolio.yaml").write_text("title: T\n", encoding="utf-8")
    return root


def write(out: Path, rel: str, data: bytes) -> None:
    (out / rel).parent.mkdir(parents=True, exist_ok=True)
    (out / rel).write_bytes(data)


def build(root: Path, out: Path, pages: dict[str, tuple[str | None, bytes]]) -> Cache:
    """What a build does with a tree: reuse what it can, write and record the rest,
    then save. `pages`: path -> (key, bytes)."""
    cache = Cache(root)
    tree = cache.tree(out)
    for rel, (key, data) in pages.items():
        if key is not None and tree.reuse(rel, key) is not None:
            continue
        write(out, rel, data)
        tree.record(rel, key)
    cache.save({}, {out: (SETTINGS, {})})
    return cache


def test_nothing_is_reused_from_a_tree_never_made(tmp_path: Path) -> None:
    tree = Tree(tmp_path / "site", previous={})
    assert tree.reuse("index.html", "k1") is None
    assert tree.previous_key("index.html") is None
    assert (tree.made, tree.reused, tree.rendered) == ({}, 0, 0)


def test_record_counts_what_was_made_with_a_key() -> None:
    tree = Tree(Path("site"), previous={})
    tree.record("index.html", "k1")
    tree.record("style.css", None)  # copied, not made from a key
    assert tree.made == {"index.html": "k1", "style.css": None}
    assert tree.rendered == 1


def test_what_a_build_recorded_is_reused_by_the_next_with_the_same_key(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(project, out, {"index.html": ("k1", b"home"), "a/page.html": ("k2", b"page")})
    tree = Cache(project).tree(out)
    assert tree.previous_key("a/page.html") == "k2"
    assert tree.reuse("a/page.html", "k2") == out / "a" / "page.html"
    assert tree.reuse("index.html", "another key") is None  # its inputs changed
    assert tree.reuse("new.html", "k3") is None
    assert tree.made == {"a/page.html": "k2"} and tree.reused == 1


def test_a_file_changed_on_disk_is_not_reused(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    pages: dict[str, tuple[str | None, bytes]] = {
        "edited.html": ("k1", b"page one"),
        "touched.html": ("k2", b"page two"),
        "replaced.html": ("k3", b"page three"),
        "removed.html": ("k4", b"page four"),
        "kept.html": ("k5", b"page five"),
    }
    build(project, out, pages)
    edited = out / "edited.html"
    stat = edited.stat()
    edited.write_bytes(b"page ONE")  # the same size
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    touched = out / "touched.html"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 1_000_000))
    replaced, other = out / "replaced.html", out / "other"
    other.write_bytes(b"page three")  # the same bytes and time, another file
    mtime = replaced.stat().st_mtime_ns
    os.utime(other, ns=(mtime, mtime))
    other.replace(replaced)
    (out / "removed.html").unlink()

    tree = Cache(project).tree(out)
    for rel in ("edited.html", "touched.html", "replaced.html", "removed.html"):
        assert tree.reuse(rel, str(pages[rel][0])) is None, rel
    assert tree.reuse("kept.html", "k5") == out / "kept.html"


def test_a_folder_not_whole_as_made_is_not_recorded(project: Path, tmp_path: Path) -> None:
    """A build whose output lost a file before the save: nothing in it is trusted."""
    out = tmp_path / "site"
    cache = Cache(project)
    tree = cache.tree(out)
    for rel in ("a.html", "b.html"):
        write(out, rel, rel.encode())
        tree.record(rel, "k-" + rel)
    (out / "b.html").unlink()
    cache.save({}, {out: (SETTINGS, {})})
    assert Cache(project).tree(out).reuse("a.html", "k-a.html") is None


def test_a_cache_turned_off_reuses_nothing(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out, {"index.html": ("k1", b"home")})
    assert Cache(project, enabled=False).tree(out).reuse("index.html", "k1") is None
    assert Cache(project).tree(out).reuse("index.html", "k1") is not None


def test_the_next_build_reuses_what_it_can_and_makes_the_rest(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(project, out, {"a.html": ("k1", b"a"), "b.html": ("k2", b"b")})
    second = build(project, out, {"a.html": ("k1", b"a"), "b.html": ("k2b", b"B")})
    tree = second.tree(out)
    assert (tree.reused, tree.rendered) == (1, 1)
    assert tree.made == {"a.html": "k1", "b.html": "k2b"}
    assert (out / "b.html").read_bytes() == b"B"
    third = Cache(project).tree(out)
    assert third.reuse("b.html", "k2b") is not None  # the new file, as recorded
