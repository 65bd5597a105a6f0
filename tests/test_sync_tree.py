"""`sync_tree` (site/write.py), which keeps serve's folder equal to the outputs: it
writes only the files whose bytes changed, removes the ones no longer made and the
folders that leaves empty, and replaces each file whole, by a rename."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from portfolio.output import Output
from portfolio.site.write import sync_tree


def files(folder: Path) -> dict[str, bytes]:
    return {
        f.relative_to(folder).as_posix(): f.read_bytes()
        for f in sorted(folder.rglob("*"))
        if f.is_file()
    }


def folders(folder: Path) -> set[str]:
    return {f.relative_to(folder).as_posix() for f in folder.rglob("*") if f.is_dir()}


SITE = [
    Output("index.html", b"home"),
    Output("evidence/a/index.html", b"item a"),
    Output("evidence/b/index.html", b"item b"),
    Output("assets/style.css", b"body {}"),
]


def test_the_first_call_writes_everything(tmp_path: Path) -> None:
    out = tmp_path / "out"
    changed = sync_tree(out, SITE, set())
    assert sorted(changed) == sorted(o.path for o in SITE)
    assert files(out) == {o.path: o.data for o in SITE}


def test_only_the_files_whose_bytes_changed_are_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    sync_tree(out, SITE, set())
    before = {rel: (out / rel).stat() for rel in files(out)}
    edited = [o if o.path != "evidence/a/index.html" else Output(o.path, b"item A") for o in SITE]
    changed = sync_tree(out, edited, {o.path for o in SITE})
    assert changed == ["evidence/a/index.html"]
    assert (out / "evidence/a/index.html").read_bytes() == b"item A"
    for rel, stat in before.items():
        if rel != "evidence/a/index.html":  # untouched: the same file, not rewritten
            now = (out / rel).stat()
            assert (now.st_ino, now.st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns), rel
    assert sync_tree(out, edited, {o.path for o in SITE}) == []


def test_what_is_no_longer_made_is_removed_with_the_folders_it_leaves_empty(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    sync_tree(out, SITE, set())
    kept = [o for o in SITE if o.path not in ("evidence/b/index.html", "assets/style.css")]
    changed = sync_tree(out, kept, {o.path for o in SITE})
    assert sorted(changed) == ["assets/style.css", "evidence/b/index.html"]
    assert files(out) == {"index.html": b"home", "evidence/a/index.html": b"item a"}
    assert folders(out) == {"evidence", "evidence/a"}  # evidence/ still holds a/
    assert out.is_dir()
    changed = sync_tree(out, [], {o.path for o in kept})
    assert sorted(changed) == ["evidence/a/index.html", "index.html"]
    assert out.is_dir() and not any(out.iterdir())  # emptied, but still there


def test_a_folder_holding_something_else_is_not_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    sync_tree(out, SITE, set())
    (out / "evidence" / "b" / "notes.txt").write_text("not an output", encoding="utf-8")
    sync_tree(out, [o for o in SITE if o.path != "evidence/b/index.html"], {o.path for o in SITE})
    assert (out / "evidence" / "b" / "notes.txt").is_file()


def test_a_file_to_copy_is_compared_by_its_bytes(tmp_path: Path) -> None:
    out, source = tmp_path / "out", tmp_path / "photo.jpg"
    source.write_bytes(b"jpeg bytes")
    assert sync_tree(out, [Output("files/photo.jpg", source=source)], set()) == ["files/photo.jpg"]
    assert sync_tree(out, [Output("files/photo.jpg", source=source)], {"files/photo.jpg"}) == []
    source.write_bytes(b"other jpeg")
    assert sync_tree(out, [Output("files/photo.jpg", source=source)], {"files/photo.jpg"}) == [
        "files/photo.jpg"
    ]
    assert (out / "files" / "photo.jpg").read_bytes() == b"other jpeg"


def test_a_file_kept_by_the_cache_where_it_is_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    sync_tree(out, [Output("index.html", b"home")], set())
    kept = Output("index.html", source=out / "index.html", kept=True)
    assert sync_tree(out, [kept], {"index.html"}) == []
    assert files(out) == {"index.html": b"home"}


def test_no_data_is_an_empty_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert sync_tree(out, [Output(".nojekyll")], set()) == [".nojekyll"]
    assert (out / ".nojekyll").read_bytes() == b""
    assert sync_tree(out, [Output(".nojekyll", b"")], {".nojekyll"}) == []


def test_a_file_is_replaced_whole_never_rewritten_in_place(tmp_path: Path) -> None:
    """A reader that opened the old file reads it whole; the path gives the new one;
    no temporary file is left beside it."""
    out = tmp_path / "out"
    sync_tree(out, [Output("index.html", b"old page, long")], set())
    with (out / "index.html").open("rb") as reader:
        sync_tree(out, [Output("index.html", b"new")], {"index.html"})
        assert reader.read() == b"old page, long"
    assert files(out) == {"index.html": b"new"}


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    sync_tree(out, [Output("index.html", b"old")], set())
    real_fdopen = os.fdopen

    class Full:
        """A stream on a full disk: the write fails half way."""

        def __init__(self, fd: int, mode: str) -> None:
            self.stream = real_fdopen(fd, mode)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *args: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> int:
            self.stream.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Full)
    with pytest.raises(OSError, match="No space"):
        sync_tree(out, [Output("index.html", b"a new page")], {"index.html"})
    assert files(out) == {"index.html": b"old"}
