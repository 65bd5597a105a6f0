"""The cache is data, not code: nothing in it is loaded unless this user's own builds
sealed it, its folder is private, and any damage to it costs a rebuild, never an error.
Each build here is a process of its own, with a cache folder of its own."""

from __future__ import annotations

import marshal
import os
import pickle
import random
import stat
import subprocess
from pathlib import Path

import jinja2
import pytest

from conftest import build_process, copy_sample
from portfolio.cache import sealed


def _build(root: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return build_process(root, "--no-pdf", PORTFOLIO_CACHE=str(cache))


def _files(folder: Path) -> dict[str, bytes]:
    return {
        f.relative_to(folder).as_posix(): f.read_bytes()
        for f in sorted(folder.rglob("*"))
        if f.is_file()
    }


def _edit(root: Path, words: str) -> None:
    file = root / "content" / "evidence" / "warehouse-cost-reduction.md"
    file.write_text(file.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


class _Plant:
    """A pickle that, if it were ever loaded, would leave a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    root = copy_sample(tmp_path / "project")
    cache = tmp_path / "cache"
    done = _build(root, cache)
    assert done.returncode == 0, done.stderr
    return root, cache


@pytest.mark.slow  # builds in processes
def test_the_cache_folder_and_its_files_are_private(built: tuple[Path, Path]) -> None:
    _, cache = built
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    files = [f for f in cache.rglob("*") if f.is_file()]
    assert any(f.name == "sources.pickle" for f in files)
    assert any(f.suffix == ".cache" for f in files), "compiled templates are cached"
    for file in files:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    for folder in (f for f in cache.rglob("*") if f.is_dir()):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


@pytest.mark.slow  # builds in processes
def test_a_planted_pickle_is_never_loaded(built: tuple[Path, Path], tmp_path: Path) -> None:
    root, cache = built
    marker = tmp_path / "pickle-ran"
    planted = pickle.dumps({"content/profile.yaml": ("x", _Plant(marker))})
    for file in cache.rglob("sources.pickle"):
        file.write_bytes(planted)
    _edit(root, "A new paragraph.")
    done = _build(root, cache)
    assert done.returncode == 0, done.stderr
    assert not marker.exists(), "a pickle from the cache folder was loaded unchecked"
    assert "A new paragraph." in (
        root / "site" / "evidence" / "warehouse-cost-reduction" / "index.html"
    ).read_text(encoding="utf-8")


@pytest.mark.slow  # builds in processes
def test_planted_template_bytecode_is_never_run(built: tuple[Path, Path], tmp_path: Path) -> None:
    """Jinja's compiled templates are marshalled code objects: loading one runs it."""
    root, cache = built
    marker = tmp_path / "bytecode-ran"
    code = compile(f"open({str(marker)!r}, 'w').close()", "<planted>", "exec")
    planted = list(cache.rglob("*.cache"))
    assert planted
    for file in planted:  # each with its template's checksum, as an attacker can compute
        data = file.read_bytes()
        if data.startswith(sealed.MAGIC):
            data = data[len(sealed.MAGIC) + sealed.TAG_BYTES :]
        checksum = pickle.loads(data[len(jinja2.bccache.bc_magic) :])
        magic = jinja2.bccache.bc_magic
        file.write_bytes(magic + pickle.dumps(checksum, 2) + marshal.dumps(code))
    _edit(root, "Another paragraph.")
    done = _build(root, cache)
    assert done.returncode == 0, done.stderr
    assert not marker.exists(), "compiled code from the cache folder ran unchecked"


@pytest.mark.slow  # a fuzz loop
def test_any_damage_to_any_cache_file_is_a_rebuild(built: tuple[Path, Path]) -> None:
    root, cache = built
    expected = _files(root / "site")
    chance = random.Random(20261129)
    for file in sorted(f for f in cache.rglob("*") if f.is_file()):
        data = bytearray(file.read_bytes())
        how = chance.choice(["flip", "truncate", "extend", "empty"])
        if how == "flip" and data:
            data[chance.randrange(len(data))] ^= 1 << chance.randrange(8)
        elif how == "truncate":
            del data[chance.randrange(len(data) + 1) :]
        elif how == "extend":
            data += chance.randbytes(100)
        else:
            data = bytearray()
        file.write_bytes(bytes(data))
    (root / "site" / "index.html").write_text("tampered", encoding="utf-8")
    done = _build(root, cache)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert _files(root / "site") == expected
    again = _build(root, cache)
    assert "Up to date" in again.stdout, "the cache is whole again after one build"


@pytest.mark.slow  # a fuzz loop
def test_three_thousand_damaged_cache_files_read_as_missing(built: tuple[Path, Path]) -> None:
    """What the loader does with a damaged file, fuzzed in-process: never an error."""
    _, cache = built
    os.environ["PORTFOLIO_CACHE"], saved = str(cache), os.environ["PORTFOLIO_CACHE"]
    try:
        chance = random.Random(3000)
        files = sorted(f for f in cache.rglob("*") if f.is_file() and f.name != "key")
        originals = {f: f.read_bytes() for f in files}
        for file in files:
            assert sealed.read(file) is not None, f"{file} was written sealed"
        for n in range(3000):
            file = files[n % len(files)]
            data = bytearray(originals[file])
            for _ in range(chance.randint(1, 4)):
                data[chance.randrange(len(data))] ^= chance.randrange(1, 256)
            if n % 7 == 0:
                del data[chance.randrange(len(data)) :]
            if bytes(data) == originals[file]:  # two flips of one byte undid each other
                continue
            file.write_bytes(bytes(data))
            assert sealed.read(file) is None
        for file, original in originals.items():
            file.write_bytes(original)
    finally:
        os.environ["PORTFOLIO_CACHE"] = saved


@pytest.mark.slow  # builds in processes
def test_a_cache_folder_others_can_write_is_refused(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    cache = tmp_path / "shared-cache"
    cache.mkdir()
    cache.chmod(0o777)
    done = _build(root, cache)
    assert done.returncode == 0, done.stderr
    assert "other users can write to the cache folder" in done.stderr
    assert "chmod 700" in done.stderr
    assert list(cache.iterdir()) == [], "nothing is written into a folder others can write"
    assert (root / "site" / "index.html").is_file()


@pytest.mark.slow  # builds in processes
def test_a_cache_folder_left_readable_is_made_private(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    cache = tmp_path / "old-cache"
    cache.mkdir()
    cache.chmod(0o755)  # as an earlier version made it
    done = _build(root, cache)
    assert done.returncode == 0 and "warning" not in done.stderr, done.stderr
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


@pytest.mark.slow  # builds in processes
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_a_cache_folder_of_another_user_is_refused(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    cache = tmp_path / "their-cache"
    cache.mkdir(mode=0o700)
    os.chown(cache, 4242, 4242)
    done = _build(root, cache)
    assert done.returncode == 0, done.stderr
    assert "belongs to another user" in done.stderr


def test_a_cache_whose_key_cannot_be_made_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only disk, say: the build goes on without a cache, and says why."""
    import errno

    from conftest import run

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setenv("PORTFOLIO_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(sealed, "_publish_key", read_only)
    root = copy_sample(tmp_path / "project")
    result = run("build", str(root), "--no-pdf")
    assert result.exit_code == 0, result.output
    assert "cannot be made: Read-only file system" in result.stderr
    assert (root / "site" / "index.html").is_file()
