"""Nothing lost: a build that fails, or is killed with a real SIGKILL at any moment,
leaves the previous site/ and packs/ byte for byte (or, killed after the swap, the
complete new ones), and the next build cleans up after it."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import copy_sample, run

EVIDENCE = "content/evidence/warehouse-cost-reduction.md"


def _snapshot(root: Path) -> dict[str, str]:
    """Every file of site/ and packs/, by path, as a hash of its bytes."""
    found = {}
    for folder in ("site", "packs"):
        for file in sorted((root / folder).rglob("*")):
            if file.is_file():
                rel = file.relative_to(root).as_posix()
                found[rel] = hashlib.sha256(file.read_bytes()).hexdigest()
    return found


def _edit(root: Path) -> None:
    file = root / EVIDENCE
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("35%", "36%", 1), encoding="utf-8")


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith((".site.", ".packs.")))


def _start(root: Path, *flags: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.Popen(
        [sys.executable, "-m", "portfolio", "build", str(root), *flags],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


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
    before = _snapshot(root)
    file = root / EVIDENCE
    file.write_text(file.read_text(encoding="utf-8").replace("kind: achievement", "kind: x"))
    result = run("build", str(root), "--no-pdf")
    assert result.exit_code == 1 and "nothing was written" in result.stderr
    assert _snapshot(root) == before
    assert _leftovers(root) == []


def test_sigkill_during_the_pdfs_leaves_the_previous_output(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    assert _start(root).wait() == 0
    before = _snapshot(root)
    assert any(p.endswith(".pdf") for p in before)
    _edit(root)
    process = _start(root)
    time.sleep(2.5)  # well inside the PDFs, which take several seconds
    assert process.poll() is None, "the build finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _snapshot(root) == before
    if Path("/proc/self/cmdline").exists():  # its PDF workers notice and end too
        deadline = time.monotonic() + 5
        while _processes_building(root) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _processes_building(root) == [], "PDF workers outlived the killed build"
    assert _start(root, "--no-pdf").wait() == 0
    assert _leftovers(root) == [], "the next build removes what the killed one left"


@pytest.mark.parametrize("delay", [0.15, 0.3, 0.45, 0.6, 0.75, 0.9])
def test_sigkill_at_any_moment_leaves_the_old_or_the_new_output_whole(
    tmp_path: Path, delay: float
) -> None:
    root = copy_sample(tmp_path / "project")
    assert _start(root, "--no-pdf").wait() == 0
    old = _snapshot(root)
    _edit(root)
    reference = copy_sample(tmp_path / "reference")
    _edit(reference)
    assert _start(reference, "--no-pdf").wait() == 0
    new = {k: v for k, v in _snapshot(reference).items()}
    process = _start(root, "--no-pdf")
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    after = _snapshot(root)
    site = {k: v for k, v in after.items() if k.startswith("site/")}
    assert site in (
        {k: v for k, v in old.items() if k.startswith("site/")},
        {k: v for k, v in new.items() if k.startswith("site/")},
    ), "site/ is either the old build or the new one, never a mix or missing"
    for target in ("polderlicht-ml-platform", "rotaverde-staff-promotion"):
        pack = {k: v for k, v in after.items() if k.startswith(f"packs/{target}/")}
        assert pack in (
            {k: v for k, v in old.items() if k.startswith(f"packs/{target}/")},
            {k: v for k, v in new.items() if k.startswith(f"packs/{target}/")},
        )
    assert _start(root, "--no-pdf").wait() == 0
    assert _snapshot(root) == new and _leftovers(root) == []


def test_a_swap_interrupted_between_two_renames_is_put_back(tmp_path: Path) -> None:
    """Where the atomic exchange is missing, the swap is two renames; a kill between
    them leaves the old output as `.site.old-*`. The next build restores it even if
    that build itself fails."""
    root = copy_sample(tmp_path / "project")
    assert run("build", str(root), "--no-pdf").exit_code == 0
    before = {k: v for k, v in _snapshot(root).items() if k.startswith("site/")}
    (root / "site").rename(root / ".site.old-x1y2z3")
    (root / "content" / "profile.yaml").write_text("name: [broken\n", encoding="utf-8")
    assert run("build", str(root), "--no-pdf").exit_code == 1
    assert {k: v for k, v in _snapshot(root).items() if k.startswith("site/")} == before
    assert _leftovers(root) == []


def _kill_self(*args: object) -> bytes:
    os.kill(os.getpid(), signal.SIGKILL)
    return b""


def _out_of_memory(*args: object) -> bytes:
    raise MemoryError


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
    before = _snapshot(root)
    monkeypatch.setattr(f"portfolio.pdfpool.{where}", replacement)
    monkeypatch.setenv("PORTFOLIO_WORKERS", "2")
    result = run("build", str(root), "--no-cache")
    assert result.exit_code == 1
    assert message in result.stderr and "PORTFOLIO_WORKERS=1" in result.stderr
    assert result.stderr.endswith("nothing was written.\n")
    assert "Traceback" not in result.output
    assert _snapshot(root) == before


def test_a_pdf_worker_killed_from_outside_ends_the_build_with_an_error(tmp_path: Path) -> None:
    """The real thing: SIGKILL to one worker of a build under way (the system's
    out-of-memory killer does the same)."""
    root = copy_sample(tmp_path / "project")
    env = {**os.environ, "PORTFOLIO_WORKERS": "2"}
    process = subprocess.Popen(
        [sys.executable, "-m", "portfolio", "build", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + 10
    workers: list[int] = []
    while not workers and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = [p for p in _processes_building(root) if p != process.pid]
    time.sleep(0.5)  # into the PDFs, which take seconds
    assert process.poll() is None, "the build finished before a worker could be killed"
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1
    assert stderr.decode().startswith("error: a PDF worker stopped unexpectedly"), stderr
    assert not (root / "site").exists()
