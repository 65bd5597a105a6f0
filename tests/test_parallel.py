"""Large projects: files are parsed and pages rendered in forked copies of the build,
and a large replaced output is deleted in the background. The result must be the
same, byte for byte, as one process makes it; a failure in a copy must read as one."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import HANG, PROJECTS, run
from portfolio.errors import BuildError
from portfolio.system.parallel import share

ITEMS = 600  # over 2 x 250 files (parsing is shared) and 500 folders (background delete)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("large") / "project"
    shutil.copytree(PROJECTS / "minimal", root)
    evidence = root / "content" / "evidence"
    for n in range(ITEMS):
        (evidence / f"item-{n:04d}.md").write_text(
            f"---\ntitle: Item {n}\ndate: 2024-{n % 12 + 1:02d}-01\ngoals: [lead-team]\n"
            f"summary: Cut *cost* {n}%.\nmetrics:\n"
            f"  - {{name: Cost, before: {n + 100}, after: {n + 50}, unit: EUR, better: lower}}\n"
            f"---\n## What\n\nParagraph {n} with a [link](https://example.com/{n}).\n",
            encoding="utf-8",
        )
    return root


def _files(folder: Path) -> dict[str, bytes]:
    return {
        f.relative_to(folder).as_posix(): f.read_bytes()
        for f in sorted(folder.rglob("*"))
        if f.is_file()
    }


@pytest.mark.slow  # many items, in worker processes
def test_many_processes_make_what_one_makes(
    large: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTFOLIO_WORKERS", "2")
    result = run("build", str(large), "--no-pdf", "--no-cache", "--out", str(tmp_path / "two"))
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("PORTFOLIO_WORKERS", "1")
    result = run("build", str(large), "--no-pdf", "--no-cache", "--out", str(tmp_path / "one"))
    assert result.exit_code == 0, result.output
    two, one = _files(tmp_path / "two"), _files(tmp_path / "one")
    assert len(two) > ITEMS and two == one


@pytest.mark.slow  # many items, in worker processes
def test_an_error_in_a_copy_is_reported_as_if_made_here(
    large: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template that fails on one item only (rendered by the second process)."""
    monkeypatch.setenv("PORTFOLIO_WORKERS", "2")
    project = tmp_path / "project"
    shutil.copytree(large, project, ignore=shutil.ignore_patterns("site", "packs"))
    templates = project / "themes" / "classic" / "templates"
    templates.mkdir(parents=True)
    (templates / "evidence.html").write_text(
        '{% extends "layout.html" %}{% block content %}'
        "{% if e.ev.id == 'item-0301' %}{{ e.ev.no_such_field }}{% endif %}"
        "{% endblock %}",
        encoding="utf-8",
    )
    result = run("build", str(project), "--no-pdf", "--no-cache")
    assert result.exit_code == 1
    assert "evidence.html:1" in result.output and "no_such_field" in result.output
    assert not (project / "site").exists()


def test_share_keeps_order_and_raises_the_first_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTFOLIO_WORKERS", "3")
    assert share(lambda n: n * n, list(range(500)), least=10) == [n * n for n in range(500)]

    def fails_on_7(n: int) -> int:
        if n == 7:
            raise BuildError("seven")
        return n

    with pytest.raises(BuildError, match="seven"):
        share(fails_on_7, list(range(100)), least=10)


@pytest.mark.slow  # many items, in worker processes
def test_a_large_replaced_output_is_deleted_in_the_background(large: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    for _ in range(2):
        result = run("build", str(large), "--no-pdf", "--no-cache", "--out", str(out))
        assert result.exit_code == 0, result.output
    deadline = time.monotonic() + HANG  # a detached process: wait for its work, or a hang
    while any(p.name != "site" for p in tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert len(list(out.rglob("index.html"))) > ITEMS
    assert os.listdir(out / "evidence" / "item-0000") == ["index.html"]
