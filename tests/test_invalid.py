"""Every folder under projects/invalid/ is a project with one kind of mistake, and
expected.txt is the exact report a user must see: file, line, column, what and how."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROJECTS, run

CASES = sorted(p for p in (PROJECTS / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_invalid_project_reports_located_error(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run("build", str(case), "--out", str(out), "--no-pdf")
    assert result.exit_code == 1
    assert result.stderr == (case / "expected.txt").read_text(encoding="utf-8")
    assert "Traceback" not in result.output
    assert not out.exists(), "a failed build must write nothing"


def test_every_case_names_file_line_and_column() -> None:
    for case in CASES:
        first = (case / "expected.txt").read_text(encoding="utf-8").splitlines()[0]
        path, line, column, message = first.split(":", 3)
        assert (case / path).exists() or "missing" in message, case.name
        assert int(line) >= 1 and int(column) >= 1, case.name


def test_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    good = PROJECTS / "minimal"
    out = tmp_path / "site"
    assert run("build", str(good), "--out", str(out), "--no-pdf").exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    bad = PROJECTS / "invalid" / "many-errors"
    assert run("build", str(bad), "--out", str(out), "--no-pdf").exit_code == 1
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert before == after
