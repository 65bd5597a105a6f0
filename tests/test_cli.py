"""The command line as a newcomer meets it: help, init, and refusals that protect data."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import yaml

from conftest import PROJECTS, run


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "build" in result.output and "init" in result.output
    assert "--base-url" in run("build", "--help").output


def test_init_creates_a_project_that_builds(tmp_path: Path) -> None:
    project = tmp_path / "career"
    assert run("init", str(project)).exit_code == 0
    assert "site/" in (project / ".gitignore").read_text(encoding="utf-8")
    assert "packs/" in (project / ".gitignore").read_text(encoding="utf-8")
    result = run("build", str(project), "--no-pdf")
    assert result.exit_code == 0, result.output
    assert (project / "site" / "goals" / "first-goal" / "index.html").is_file()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", str(tmp_path))
    assert result.exit_code == 1
    assert "not empty" in result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_build_refuses_to_replace_a_folder_it_did_not_make(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.tex").write_text("years of work", encoding="utf-8")
    result = run("build", str(PROJECTS / "minimal"), "--out", str(home), "--no-pdf")
    assert result.exit_code == 1
    assert "was not made by portfolio" in result.stderr
    assert (home / "thesis.tex").read_text(encoding="utf-8") == "years of work"


def test_build_replaces_its_own_output(tmp_path: Path) -> None:
    out = tmp_path / "site"
    for _ in range(2):
        assert run("build", str(PROJECTS / "minimal"), "--out", str(out), "--no-pdf").exit_code == 0
    assert (out / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "no staging folders left"


def test_bad_base_url_is_refused() -> None:
    result = run("build", str(PROJECTS / "minimal"), "--base-url", "not a url", "--no-pdf")
    assert result.exit_code == 2
    assert "--base-url" in result.stderr


def test_quiet_prints_nothing_and_verbose_prints_every_step(tmp_path: Path) -> None:
    project = tmp_path / "career"
    assert run("init", str(project)).exit_code == 0
    quiet = run("build", str(project), "--no-pdf", "-q", "--no-cache")
    assert quiet.exit_code == 0 and quiet.output == ""
    verbose = run("build", str(project), "--no-pdf", "-v")
    assert verbose.exit_code == 0
    assert "reading and checking the content" in verbose.stderr
    assert "the pack for next-role" in verbose.stderr
    assert "packs/next-role/: " in verbose.stdout
    last = verbose.stdout.strip().splitlines()[-1]
    assert last.startswith("Built ") and last.endswith(" s.")


def test_init_writes_a_github_pages_workflow_that_builds_the_site_only(tmp_path: Path) -> None:
    project = tmp_path / "career"
    assert run("init", str(project)).exit_code == 0
    workflow = yaml.safe_load((project / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    steps = workflow["jobs"]["build"]["steps"] + workflow["jobs"]["deploy"]["steps"]
    uses = {s["uses"].split("@")[0] for s in steps if "uses" in s}
    assert {"actions/configure-pages", "actions/upload-pages-artifact",
            "actions/deploy-pages"} <= uses  # fmt: skip
    build = next(s["run"] for s in steps if "portfolio build" in s.get("run", ""))
    assert '--base-url "${{ steps.pages.outputs.base_url }}/"' in build
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert "{{" not in next(s["run"] for s in steps if "pip install" in s.get("run", ""))
    # The same command, with what configure-pages reports for a project site:
    pages = "https://ada.github.io/career"  # what configure-pages reports, no final slash
    args = shlex.split(build.replace("${{ steps.pages.outputs.base_url }}", pages))[2:]
    result = run("build", str(project), "--no-pdf", *args)
    assert result.exit_code == 0, result.output
    assert not (project / "packs").exists(), "a published build makes no private packs"
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://ada.github.io/career/goals/</loc>" in sitemap


@pytest.mark.slow  # builds a PDF
def test_verbose_says_when_the_fast_font_subsetter_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import portfolio.pdf.queue

    project = tmp_path / "career"
    assert run("init", str(project)).exit_code == 0
    monkeypatch.setattr(portfolio.pdf.queue, "fast_subsetter", lambda: False)
    result = run("build", str(project), "--no-packs", "-v")
    assert result.exit_code == 0, result.output
    assert "libharfbuzz-subset is missing" in result.stderr
    assert "libharfbuzz-subset0" in result.stderr
