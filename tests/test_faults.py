"""Nothing lost: a build that fails, or is killed with a real SIGKILL at any moment,
leaves the previous site/ and packs/ byte for byte (or, killed after the swap, the
complete new ones), and the next build cleans up after it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import (
    HANG,
    copy_sample,
    finish,
    kill,
    leftovers,
    run,
    snapshot,
    start_build,
    stopped,
)

EVIDENCE = "content/evidence/warehouse-cost-reduction.md"


def _edit(root: Path) -> None:
    file = root / EVIDENCE
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("35%", "36%", 1), encoding="utf-8")


def _processes_building(root: Path) -> list[int]:
    """The processes whose command line names `root`: a build and its PDF workers."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            line = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if str(root).encode() in line and proc.name.isdigit():
            found.append(int(proc.name))
    return found


def test_a_failed_build_leaves_the_previous_output_byte_for_byte(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    assert run("build", str(root), "--no-pdf").exit_code == 0
    before = snapshot(root)
    file = root / EVIDENCE
    file.write_text(file.read_text(encoding="utf-8").replace("kind: achievement", "kind: x"))
    result = run("build", str(root), "--no-pdf")
    assert result.exit_code == 1 and "nothing was written" in result.stderr
    assert snapshot(root) == before
    assert leftovers(root) == []


@pytest.mark.slow  # builds PDFs
def test_sigkill_during_the_pdfs_leaves_the_previous_output(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    assert finish(start_build(root))[0] == 0
    before = snapshot(root)
    assert any(p.endswith(".pdf") for p in before)
    _edit(root)
    process = start_build(root, stop_at="pdfs")  # the PDFs are with the workers
    stopped(process)
    kill(process)
    assert snapshot(root) == before
    if Path("/proc/self/cmdline").exists():  # its PDF workers notice and end too
        deadline = time.monotonic() + HANG  # a hang guard, not a measure of speed
        while _processes_building(root) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _processes_building(root) == [], "PDF workers outlived the killed build"
    assert finish(start_build(root, "--no-pdf"))[0] == 0
    assert leftovers(root) == [], "the next build removes what the killed one left"


# Every moment of a build at which a kill leaves something different behind.
MOMENTS = [
    "loaded",
    "staging:site",
    "staged:site",
    "swapped:site",
    "staging:polderlicht-ml-platform",
    "swapped:polderlicht-ml-platform",
    "staged:rotaverde-staff-promotion",
    "cache",
]


@pytest.mark.slow  # builds in processes, killed
@pytest.mark.parametrize("moment", MOMENTS)
def test_sigkill_at_any_moment_leaves_the_old_or_the_new_output_whole(
    tmp_path: Path, moment: str
) -> None:
    root = copy_sample(tmp_path / "project")
    assert finish(start_build(root, "--no-pdf"))[0] == 0
    old = snapshot(root)
    _edit(root)
    reference = copy_sample(tmp_path / "reference")
    _edit(reference)
    assert finish(start_build(reference, "--no-pdf"))[0] == 0
    new = snapshot(reference)
    assert new != old
    process = start_build(root, "--no-pdf", stop_at=moment)
    stopped(process)
    kill(process)
    after = snapshot(root)
    for folder in ("site/", "packs/polderlicht-ml-platform/", "packs/rotaverde-staff-promotion/"):
        part = {k: v for k, v in after.items() if k.startswith(folder)}
        assert part in (
            {k: v for k, v in old.items() if k.startswith(folder)},
            {k: v for k, v in new.items() if k.startswith(folder)},
        ), f"{folder} is either the old build or the new one, never a mix or missing"
    assert finish(start_build(root, "--no-pdf"))[0] == 0
    assert snapshot(root) == new and leftovers(root) == []


def test_a_swap_interrupted_between_two_renames_is_put_back(tmp_path: Path) -> None:
    """Where the atomic exchange is missing, the swap is two renames; a kill between
    them leaves the old output as `.site.old-*`. The next build restores it even if
    that build itself fails."""
    root = copy_sample(tmp_path / "project")
    assert run("build", str(root), "--no-pdf").exit_code == 0
    before = {k: v for k, v in snapshot(root).items() if k.startswith("site/")}
    (root / "site").rename(root / ".site.old-x1y2z3")
    (root / "content" / "profile.yaml").write_text("name: [broken\n", encoding="utf-8")
    assert run("build", str(root), "--no-pdf").exit_code == 1
    assert {k: v for k, v in snapshot(root).items() if k.startswith("site/")} == before
    assert leftovers(root) == []


def _kill_self(*args: object) -> bytes:
    os.kill(os.getpid(), signal.SIGKILL)
    return b""


def _out_of_memory(*args: object) -> bytes:
    raise MemoryError


@pytest.mark.slow  # builds PDFs
@pytest.mark.parametrize(
    ("where", "replacement", "message"),
    [
        ("_render", _kill_self, "error: a PDF worker stopped unexpectedly (it was killed"),
        ("_warm", _kill_self, "error: a PDF worker stopped unexpectedly (it was killed"),
        ("_render", _out_of_memory, "ran out of memory; try again with fewer workers"),
    ],
)
def test_a_pdf_worker_that_dies_is_an_error_that_says_what_to_try(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, replacement: Any, message: str
) -> None:
    """Killed while laying out, killed while warming up, or out of memory: the workers
    are forked, so they run the replacement."""
    root = copy_sample(tmp_path / "project")
    assert run("build", str(root), "--no-pdf").exit_code == 0
    before = snapshot(root)
    monkeypatch.setattr(f"portfolio.pdf.pool.{where}", replacement)
    monkeypatch.setenv("PORTFOLIO_WORKERS", "2")
    result = run("build", str(root), "--no-cache")
    assert result.exit_code == 1
    assert message in result.stderr and "PORTFOLIO_WORKERS=1" in result.stderr
    assert result.stderr.endswith("nothing was written.\n")
    assert "Traceback" not in result.output
    assert snapshot(root) == before


def _stopped_worker(build: int, root: Path) -> int:
    """The PDF worker of `build` that has stopped itself at its checkpoint: polled from
    /proc until it is there (an event of the system's, under a hang guard)."""
    deadline = time.monotonic() + HANG
    while time.monotonic() < deadline:
        for pid in _processes_building(root):
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue
            if pid != build and stat.rsplit(")", 1)[1].split()[0] == "T":
                return pid
        time.sleep(0.02)
    raise AssertionError("no PDF worker reached its checkpoint")


@pytest.mark.slow  # builds PDFs
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_pdf_worker_killed_from_outside_ends_the_build_with_an_error(tmp_path: Path) -> None:
    """The real thing: SIGKILL to the worker of a build while it holds a document (the
    system's out-of-memory killer does the same). The worker stops itself as it starts
    on its document, so the kill lands inside the PDFs on any machine."""
    root = copy_sample(tmp_path / "project")
    env = {**os.environ, "PORTFOLIO_WORKERS": "1", "PORTFOLIO_STOP_AT": "pdf"}
    process = subprocess.Popen(
        [sys.executable, "-m", "portfolio", "build", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.kill(_stopped_worker(process.pid, root), signal.SIGKILL)
    _, stderr = process.communicate(timeout=HANG)
    assert process.returncode == 1
    assert stderr.decode().startswith("error: a PDF worker stopped unexpectedly"), stderr
    assert not (root / "site").exists()
