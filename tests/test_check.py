"""`portfolio check`: one fixture per audit rule, each triggering exactly that rule;
the sample's findings and review against golden files; the JSON contract.

A rule fixture under `projects/audit/<rule>/` holds only the files that differ from
`projects/audit/clean/` (a project with no finding at all) and `expected.txt`, the
exact findings `check` must print.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import PROJECTS, REPO, copy_sample, run
from portfolio.audit.rules import RULES

AUDIT = PROJECTS / "audit"
CASES = sorted(p.name for p in AUDIT.iterdir() if p.is_dir() and p.name != "clean")
GOLDEN = Path(__file__).parent / "golden" / "check"


def _project(tmp_path: Path, case: str | None = None) -> Path:
    root = tmp_path / "project"
    shutil.copytree(AUDIT / "clean", root)
    if case:
        shutil.copytree(AUDIT / case / "content", root / "content", dirs_exist_ok=True)
    return root


def test_every_rule_has_a_fixture_and_every_fixture_a_rule() -> None:
    assert sorted(RULES) == CASES


def test_the_clean_project_has_no_finding(tmp_path: Path) -> None:
    result = run("check", str(_project(tmp_path)), "--strict")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(": 0 errors, 0 warnings, 0 hints.")


@pytest.mark.parametrize("case", CASES)
def test_each_rule_fixture_triggers_exactly_that_rule(tmp_path: Path, case: str) -> None:
    root = _project(tmp_path, case)
    result = run("check", str(root), "--format", "json")
    findings = json.loads(result.output)["findings"]
    assert {f["rule"] for f in findings} == {case}
    expected = (AUDIT / case / "expected.txt").read_text(encoding="utf-8")
    text = run("check", str(root)).output
    assert text.rsplit("\n", 2)[0] + "\n" == expected
    severity = RULES[case].severity
    assert run("check", str(root)).exit_code == (1 if severity == "error" else 0)
    assert run("check", str(root), "--strict").exit_code == (0 if severity == "hint" else 1)


def test_findings_point_at_the_line_to_change(tmp_path: Path) -> None:
    root = _project(tmp_path, "milestone-overdue")
    finding = json.loads(run("check", str(root), "--format", "json").output)["findings"][0]
    lines = (root / finding["path"]).read_text(encoding="utf-8").splitlines()
    line = lines[finding["line"] - 1]
    assert line[finding["column"] - 1 :].startswith("Hire two engineers")


def _golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"refresh with --update-golden: {name}"


def test_sample_findings_match_golden(update_golden: bool) -> None:
    result = run("check", str(REPO))
    assert result.exit_code == 0
    _golden("sample.txt", result.output, update_golden)
    data = run("check", str(REPO), "--format", "json").output
    _golden("sample.json", data, update_golden)


def test_sample_review_matches_golden(update_golden: bool) -> None:
    result = run("check", str(REPO), "--review")
    assert result.exit_code == 0
    _golden("sample-review.txt", result.output, update_golden)
    assert "Living in Amsterdam" in result.output, "private goals are reviewed too"


def test_json_shape_is_the_documented_contract() -> None:
    data = json.loads(run("check", str(REPO), "--format", "json").output)
    assert set(data) == {"version", "valid", "today", "counts", "findings"}
    assert data["version"] == 1 and data["valid"] is True
    assert set(data["counts"]) == {"error", "warning", "hint"}
    for finding in data["findings"]:
        assert set(finding) == {
            "path", "line", "column", "severity", "rule", "message", "fix", "subject"
        }  # fmt: skip
        assert finding["rule"] in RULES
    review = json.loads(run("check", str(REPO), "--review", "--format", "json").output)
    assert {g["id"] for g in review["goals"]} >= {"staff-engineer-promotion", "move-to-amsterdam"}


def test_invalid_content_is_reported_in_both_formats(tmp_path: Path) -> None:
    case = PROJECTS / "invalid" / "unknown-key"
    text = run("check", str(case))
    assert text.exit_code == 1
    assert "unknown key `titel`" in text.stderr and "Traceback" not in text.output
    data = json.loads(run("check", str(case), "--format", "json").stdout)
    assert data["valid"] is False and data["counts"]["error"] >= 1
    assert all(f["rule"] == "invalid" and f["severity"] == "error" for f in data["findings"])


def test_docs_list_every_rule() -> None:
    docs = (REPO / "docs" / "CHECK.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", docs, flags=re.MULTILINE))
    assert documented == set(RULES)


def test_a_private_goal_s_findings_never_reach_the_site(tmp_path: Path) -> None:
    """The site shows the audit of the public view: the profile's private `mobility`
    must not leak through a finding such as "open to relocation"."""
    root = copy_sample(tmp_path / "project")
    assert run("build", str(root), "--no-pdf").exit_code == 0
    for page in (root / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "open to relocation" not in text.lower(), page
        assert "Dutch B1" not in text, page


def test_invalid_content_says_the_goals_were_not_audited(tmp_path: Path) -> None:
    """`check` writes nothing in any case: its summary of errors says what did not
    happen instead (build's says nothing was written)."""
    root = copy_sample(tmp_path / "project")
    path = root / "content" / "evidence" / "warehouse-cost-reduction.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("kind: achievement", "kind: acheivement", 1), "utf-8")
    result = run("check", str(root))
    assert result.exit_code == 1
    assert "warehouse-cost-reduction.md:4:7" in result.stderr
    assert "1 error: the goals were not audited." in result.stderr
    assert "nothing was written" not in result.stderr
