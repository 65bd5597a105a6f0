"""The benchmark harness runs: its smallest size, once, without peers or PDFs (the
full run, with MkDocs, Pelican and RenderCV installed beside it, is `python -m bench`)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HANG, REPO

pytestmark = pytest.mark.slow  # builds in processes


def test_the_smoke_run_measures_every_html_scenario(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=HANG, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Benchmark results") and "Machine: " in text
    for scenario in (
        "portfolio --help",
        "full HTML build, 10 items",
        "no-op rebuild, 10 items",
        "rebuild after one edit, 10 items",
        "check, 10 items",
        "sample resume as Word (in process)",
        "sample resume as plain text and Markdown (in process)",
    ):
        row = next((line for line in text.splitlines() if f"| {scenario} |" in line), None)
        assert row is not None, f"no row for {scenario}:\n{text}"
        assert re.search(r"\| \d+\.\d{3} s \(", row), row  # a time, not "failed"
