"""Two builds of one project at once (two terminals, an editor's build-on-save beside
a manual build, `serve` beside `build`): one waits for the other, neither removes the
other's work, and the cache never records a folder that is not what was built."""

from __future__ import annotations

import re
import signal
import subprocess
import urllib.request
from pathlib import Path

import pytest

from conftest import (
    HANG,
    build_process,
    copy_sample,
    finish,
    leftovers,
    run,
    serving,
    snapshot,
    start_build,
    stopped,
)
from portfolio.site.write import recover
from portfolio.system.locks import claim, release


def _edit(root: Path, n: int) -> None:
    file = root / "content" / "evidence" / "warehouse-cost-reduction.md"
    text = file.read_text(encoding="utf-8")
    file.write_text(re.sub(r"\nEdit \d+\.\n|$", f"\nEdit {n}.\n", text, count=1), "utf-8")


def _reference(tmp_path: Path, n: int) -> dict[str, str]:
    """What one build alone makes of the sample after edit `n`."""
    root = copy_sample(tmp_path / f"reference-{n}")
    _edit(root, n)
    assert finish(start_build(root, "--no-pdf"))[0] == 0
    return snapshot(root)


def _waiting(process: subprocess.Popen[bytes]) -> str:
    """Read the build's messages until it says it is waiting for another build."""
    assert process.stderr is not None
    said = b""
    while b"waiting" not in said:
        line = process.stderr.readline()
        assert line, f"the build ended without waiting: {said.decode()}"
        said += line
    return said.decode()


@pytest.mark.slow  # builds in processes
def test_a_second_build_waits_and_leaves_the_first_ones_work_alone(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    assert finish(start_build(root, "--no-pdf"))[0] == 0
    _edit(root, 1)
    first = start_build(root, "--no-pdf", stop_at="staged:site")  # its new site is written
    stopped(first)
    staging = [p for p in root.iterdir() if p.name.startswith(".site.new-")]
    assert len(staging) == 1
    second = start_build(root, "--no-pdf")
    assert "Another build of this project is running" in _waiting(second)
    recover(root / "site")  # a clean-up from anywhere (say, a build of another project)
    assert staging[0].is_dir(), "a staging folder in use was removed"
    first.send_signal(signal.SIGCONT)
    assert finish(first)[0] == 0
    code, err = finish(second)
    assert code == 0, err
    assert snapshot(root) == _reference(tmp_path, 1)
    assert leftovers(root) == []


@pytest.mark.slow  # builds in processes
def test_two_builds_at_once_many_times(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    expected = {n: _reference(tmp_path, n) for n in (0, 1)}
    for round_ in range(6):
        _edit(root, round_ % 2)
        builds = [start_build(root, "--no-pdf"), start_build(root, "--no-pdf")]
        for build in builds:
            code, err = finish(build)
            assert code == 0, err
        wanted = expected[round_ % 2]
        assert snapshot(root) == wanted, f"round {round_}: not what one build alone makes"
        assert leftovers(root) == []
        again = build_process(root, "--no-pdf")
        assert "Up to date" in again.stdout, "the cache did not record the finished build"
        assert snapshot(root) == wanted


@pytest.mark.slow  # builds in processes
def test_serve_beside_build(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    with serving(root) as (serve, url):
        for n in range(2):
            _edit(root, n)
            assert finish(start_build(root, "--no-pdf"))[0] == 0
            assert snapshot(root) == _reference(tmp_path, n)
        with urllib.request.urlopen(url, timeout=HANG) as page:
            assert page.status == 200
        assert serve.poll() is None, "serve stopped while a build ran beside it"
    assert leftovers(root) == []


def test_recovery_removes_only_abandoned_staging_folders(tmp_path: Path) -> None:
    out = tmp_path / "site"
    busy, left = tmp_path / ".site.new-busy", tmp_path / ".site.new-left"
    busy.mkdir()
    left.mkdir()
    held = claim(busy)  # this process is writing it
    assert held is not None
    try:
        recover(out)
        assert busy.is_dir() and not left.exists()
    finally:
        release(held)
    recover(out)
    assert not busy.exists()


def test_a_file_system_without_locks_builds_unguarded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NFS refuses an exclusive flock on a folder (it needs one open for writing): the
    build goes on as before there were locks, and leaves nothing beside its output."""
    import errno

    def refuse(fd: int, operation: int) -> None:
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr("portfolio.system.locks.fcntl.flock", refuse)
    root = copy_sample(tmp_path / "project")
    for _ in range(2):
        result = run("build", str(root), "--no-pdf", "--no-cache")
        assert result.exit_code == 0, result.output
    assert leftovers(root) == []
