"""`portfolio new`: goals from the three frameworks, evidence and targets, each a file
that passes `portfolio check` without errors; and `init`'s starter passes it cleanly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import front_matter, run
from portfolio.cli.newfile import FRAMEWORKS
from portfolio.content.ids import slug

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22
    root = tmp_path / "career"
    assert run("init", str(root)).exit_code == 0
    return root


def _check(root: Path) -> dict[str, Any]:
    result = run("check", str(root), "--format", "json")
    data: dict[str, Any] = json.loads(result.stdout)
    assert data["valid"], data["findings"]
    return data


def test_init_s_starter_passes_check_but_for_its_letter_s_placeholders(project: Path) -> None:
    """The starter's goals and evidence pass as they are; its target makes a cover
    letter to `Senior Role at Example Corp`, and check says to write what those stand
    for before the letter goes out: nothing else."""
    result = run("check", str(project))
    assert result.exit_code == 0, result.output
    assert "0 errors, 3 warnings, 0 hints" in result.output
    findings = [line for line in result.output.splitlines() if "warning:" in line]
    assert len(findings) == 3
    assert all("[letter-placeholder]" in line for line in findings)
    assert all(line.startswith("content/targets/next-role.yaml:") for line in findings)


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_a_new_goal_has_the_framework_s_steps_dated_to_its_due_date(
    project: Path, framework: str
) -> None:
    title = "Lead the data platform: a team of six"
    result = run("new", "goal", title, "--project", str(project), "--framework", framework,
                 "--due", "2027-11-30", "--serves", "where-i-am-heading")  # fmt: skip
    assert result.exit_code == 0, result.output
    path = project / "content" / "goals" / "lead-the-data-platform-a-team-of-six.md"
    assert f"Created {path.relative_to(project).as_posix()}" in result.output
    goal = front_matter(path)
    assert goal["title"] == title and goal["framework"] == framework
    steps = [m["title"] for m in goal["milestones"]]
    assert steps == list(FRAMEWORKS[framework].steps)
    dues = [m["due"] for m in goal["milestones"]]
    assert dues == sorted(dues) and dues[-1] == dt.date(2027, 11, 30)
    gaps = [(b - a).days for a, b in zip([TODAY, *dues], dues, strict=False)]
    assert max(gaps) - min(gaps) <= 1, "spread evenly from today to the due date"
    kinds = {i["type"] for i in goal["indicators"]}
    assert kinds == {"leading", "lagging"}
    data = _check(project)
    rules = {f["rule"] for f in data["findings"] if f["subject"] == path.stem}
    assert data["counts"]["error"] == 0
    assert "indicator-no-target" in rules  # what only the user knows is left to fill in
    assert not rules & {"few-milestones", "few-indicators", "no-due", "activity-title"}
    assert run("check", str(project)).exit_code == 0


def test_new_evidence_and_target_pass_check(project: Path) -> None:
    assert run("new", "evidence", "Shipped the billing rewrite", "-p", str(project),
               "--goal", "first-goal", "--kind", "achievement").exit_code == 0  # fmt: skip
    assert run("new", "target", "Staff Engineer at Ørsted", "-p", str(project),
               "--goal", "first-goal").exit_code == 0  # fmt: skip
    evidence = front_matter(project / "content" / "evidence" / "shipped-the-billing-rewrite.md")
    assert evidence["goals"] == ["first-goal"] and evidence["kind"] == "achievement"
    target = project / "content" / "targets" / "staff-engineer-at-orsted.yaml"
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["title"] == "Staff Engineer at Ørsted"
    assert _check(project)["counts"]["error"] == 0
    build = run("build", str(project), "--no-pdf")
    assert build.exit_code == 0, build.output
    assert (project / "packs" / "staff-engineer-at-orsted" / "index.html").is_file()


def test_new_never_overwrites_and_names_what_is_wrong(project: Path) -> None:
    goal = project / "content" / "goals" / "first-goal.md"
    before = goal.read_bytes()
    result = run("new", "goal", "First goal", "-p", str(project))
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert goal.read_bytes() == before
    result = run("new", "evidence", "X", "-p", str(project), "--goal", "frist-goal")
    assert result.exit_code == 1 and "did you mean `first-goal`?" in result.stderr
    result = run("new", "goal", "Y", "-p", str(project), "--due", "2027-02-30")
    assert result.exit_code == 2 and "February 2027 has 28 days" in result.output
    result = run("new", "goal", "Z", "-p", str(project), "--id", "Not An Id")
    assert result.exit_code == 1 and "not a valid id" in result.stderr


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Líder de equipo en Zürich", "lider-de-equipo-en-zurich"),
        ("  Staff engineer: platform  ", "staff-engineer-platform"),
        ("A" * 10 + " " + "b" * 60, "aaaaaaaaaa"),
        ("Word " * 1_000, "-".join(["word"] * 12)),  # 59 characters, cut after a word
        ("supercalifragilistic" * 250, ("supercalifragilistic" * 3)[:60]),  # one long word
        ("日本語", "ri-ben-yu"),  # other scripts: tests/test_ids.py
        ("🚀 🎉", ""),
    ],
)
def test_slugs(title: str, expected: str) -> None:
    assert slug(title) == expected


def test_a_title_of_any_length_makes_a_file_the_system_accepts(project: Path) -> None:
    """A 5,000-character title made a file name too long for the file system (a
    traceback); now its id is cut after a word, and the title is kept as written."""
    title = "Lead " + "the platform team " * 280
    assert len(title) > 5_000
    result = run("new", "goal", title, "-p", str(project))
    assert result.exit_code == 0, result.output
    [path] = (project / "content" / "goals").glob("lead-the-platform-team-*.md")
    assert len(path.stem) <= 60
    assert front_matter(path)["title"] == title
    assert run("check", str(project)).exit_code == 0
    result = run("new", "goal", "X", "-p", str(project), "--id", "a" * 300)
    assert result.exit_code == 1
    assert result.stderr == (
        "error: the id is 300 characters long; an id has at most 60, so that its file name "
        "stays readable: give a shorter --id\n"
    )
    result = run("new", "goal", "🚀 🎉", "-p", str(project))
    assert result.exit_code == 1 and "give one with --id" in result.stderr


def test_a_title_in_another_script_makes_a_readable_file_name(project: Path) -> None:
    """`portfolio new` named a Chinese or Russian title's file nothing (an error asking
    for --id); now its id is the title, transliterated, and the title is kept as written."""
    for title, stem in (("提升团队交付速度", "ti-sheng-tuan-dui-jiao-fu-su-du"),
                        ("Руководитель группы", "rukovoditel-gruppy")):  # fmt: skip
        result = run("new", "evidence", title, "-p", str(project))
        assert result.exit_code == 0, result.output
        path = project / "content" / "evidence" / f"{stem}.md"
        assert front_matter(path)["title"] == title
    result = run("new", "evidence", "提升团队交付速度", "-p", str(project))
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert run("check", str(project)).exit_code == 0
