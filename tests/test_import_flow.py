"""Importing as a new user does it, and again after an update: into `init`'s starter,
into a new folder, over files the person edited or made; the manifest that tells them
apart; the report; and the first `check` after an import, a plan rather than a wall.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import front_matter, run

STARTER_WORDS = ("Something you did that mattered", "Your Employer", "Example Corp",
                 "My portfolio", "Where I am heading in five years")  # fmt: skip


def _resume(highlights: list[str], **basics: Any) -> dict[str, Any]:
    return {
        "basics": {"name": "Dana Okafor", "label": "Platform Engineer",
                   "email": "dana@example.org", **basics},
        "work": [{"name": "Northwind", "position": "Platform Engineer",
                  "startDate": "2021-03", "highlights": highlights}],
        "education": [{"institution": "University of Lagos", "studyType": "BSc",
                       "area": "Computer Science", "startDate": "2014", "endDate": "2018"}],
    }  # fmt: skip


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _import(source: Path, root: Path, *flags: str) -> str:
    result = run("import", "jsonresume", str(source), str(root), *flags)
    assert result.exit_code == 0, result.output
    return result.output


def _manifest(root: Path) -> dict[str, str]:
    data = json.loads((root / ".portfolio" / "import.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["source"] == "jsonresume"
    return dict(data["files"])


def _left(output: str) -> dict[str, str]:
    """The report's "Left as they were" lines: path -> why."""
    if "Left as they were:\n" not in output:
        return {}
    block = output.split("Left as they were:\n")[1]
    lines = [line[4:] for line in block.splitlines() if line.startswith("  - ")]
    return dict(line.split(": ", 1) for line in lines)


def _site_text(root: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html"))


def test_init_then_import_replaces_the_untouched_starter(tmp_path: Path) -> None:
    """The obvious path, without --force: nothing of the sample is left, on the site, in
    the export or on disk."""
    root = tmp_path / "p"
    assert run("init", str(root)).exit_code == 0
    source = _write(tmp_path / "resume.json", _resume(["Cut deploy time from 40 to 9 minutes"]))
    output = _import(source, root)
    assert "the starter's files replaced: content/profile.yaml, portfolio.yaml" in output
    assert "the starter's sample removed: " in output
    for rel in ("content/goals/first-goal.md", "content/goals/where-i-am-heading.md",
                "content/evidence/first-win.md", "content/targets/next-role.yaml"):  # fmt: skip
        assert not (root / rel).exists(), rel
        assert rel in output
    assert sorted(p.name for p in (root / "content" / "evidence").iterdir()) == [
        "cut-deploy-time-from-40-to-9-minutes.md"
    ]
    config = yaml.safe_load((root / "portfolio.yaml").read_text(encoding="utf-8"))
    assert config["title"] == "Dana Okafor" and config["theme"] == "classic"
    assert (root / ".github" / "workflows" / "pages.yml").is_file()
    build = run("build", str(root), "--no-pdf")
    assert build.exit_code == 0, build.output
    site = _site_text(root)
    assert "<title>Dana Okafor" in site
    assert not (root / "site" / "goals" / "first-goal").exists()
    assert not (root / "packs" / "next-role").exists()
    exported = run("export", "jsonresume", str(root), "--include-private").stdout
    for words in STARTER_WORDS:
        assert words not in site, words
        assert words not in exported, words
    assert [p["name"] for p in json.loads(exported).get("projects", [])] == []


def test_import_into_a_new_folder_makes_a_whole_project(tmp_path: Path) -> None:
    root = tmp_path / "new" / "career"
    source = _write(tmp_path / "resume.json", _resume(["Led the move to Kubernetes"]))
    output = _import(source, root)
    assert "a new project (portfolio.yaml, .gitignore, .github/workflows/pages.yml" in output
    workflow = (root / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "portfolio build --no-packs" in workflow and "{{install}}" not in workflow
    assert "packs/" in (root / ".gitignore").read_text(encoding="utf-8")
    assert (root / "schemas" / "evidence.schema.json").is_file()
    config = (root / "portfolio.yaml").read_text(encoding="utf-8")
    assert "\ntitle: Dana Okafor\n" in config and "theme: classic" in config
    assert set(_manifest(root)) == {
        "portfolio.yaml",
        "content/profile.yaml",
        "content/evidence/led-the-move-to-kubernetes.md",
    }
    build = run("build", str(root), "--no-pdf")
    assert build.exit_code == 0, build.output
    assert not list((root / "site").rglob("import.json")), "the manifest is never published"
    assert ".portfolio" not in {p.name for p in (root / "site").rglob("*")}


def test_edited_starter_files_are_kept_and_named(tmp_path: Path) -> None:
    """Whatever the person touched stays, and so does what it refers to; the rest of
    the sample goes, and the project still validates."""
    root = tmp_path / "p"
    assert run("init", str(root)).exit_code == 0
    goal = root / "content" / "goals" / "first-goal.md"
    goal.write_text(goal.read_text("utf-8").replace("Lead a cross-team", "Lead my"), "utf-8")
    config = root / "portfolio.yaml"
    config.write_text(config.read_text("utf-8").replace("classic", "ledger"), "utf-8")
    before = {p: p.read_bytes() for p in (goal, config)}
    source = _write(tmp_path / "resume.json", _resume(["Ran the on-call rota for 30 engineers"]))
    output = _import(source, root)
    left = _left(output)
    assert left["content/goals/first-goal.md"] == "the starter's, edited: yours from now on"
    assert left["content/evidence/first-win.md"] == (
        "the starter's, untouched, but content/goals/first-goal.md refers to it"
    )
    assert "content/goals/where-i-am-heading.md" in left
    assert not (root / "content" / "targets" / "next-role.yaml").exists()
    assert {p: p.read_bytes() for p in before} == before
    assert "still titles the site “My portfolio”" in output
    assert "\nname: Dana Okafor\n" in (root / "content" / "profile.yaml").read_text("utf-8")
    check = run("check", str(root), "--format", "json")
    assert json.loads(check.stdout)["counts"]["error"] == 0


def test_a_hand_made_profile_is_left_and_the_import_s_goes_beside_it(tmp_path: Path) -> None:
    root = tmp_path / "p"
    assert run("init", str(root)).exit_code == 0
    profile = root / "content" / "profile.yaml"
    profile.write_text(profile.read_text("utf-8").replace("Your Name", "Dana O."), "utf-8")
    mine = profile.read_bytes()
    source = _write(tmp_path / "resume.json", _resume(["Shipped the billing rewrite"]))
    output = _import(source, root)
    assert profile.read_bytes() == mine
    assert _left(output)["content/profile.yaml"] == (
        "not made by an import; the import's version is in content/profile.yaml.new, "
        "to compare and merge (--force replaces it)"
    )
    assert "\nname: Dana Okafor\n" in (root / "content" / "profile.yaml.new").read_text("utf-8")
    assert (root / "content" / "evidence" / "first-win.md").exists(), "the profile lists it"
    build = run("build", str(root), "--no-pdf")
    assert build.exit_code == 0, build.output
    assert "profile.yaml.new" not in {p.name for p in (root / "site").rglob("*")}


def test_a_second_import_updates_removes_and_keeps_by_the_manifest(tmp_path: Path) -> None:
    root = tmp_path / "p"
    first = ["Cut costs by 30%", "Hired four engineers", "Wrote the on-call guide",
             "Migrated 12 services"]  # fmt: skip
    _import(_write(tmp_path / "v1.json", _resume(first)), root)
    evidence = root / "content" / "evidence"
    ids = {"cut-costs-by-30", "hired-four-engineers", "wrote-the-on-call-guide",
           "migrated-12-services"}  # fmt: skip
    assert {p.stem for p in evidence.iterdir()} == ids
    # the person links two pieces to a goal (an edit), and writes two of their own,
    # one of them with the title a highlight of the next resume has
    for stem in ("hired-four-engineers", "wrote-the-on-call-guide"):
        path = evidence / f"{stem}.md"
        path.write_text(path.read_text("utf-8").replace("goals: []", "goals: [lead]"), "utf-8")
    hand = {"Talk at the platform meetup": "talk-at-the-platform-meetup",
            "Ran the incident review": "ran-the-incident-review"}  # fmt: skip
    for title, stem in hand.items():
        assert run("new", "evidence", title, "--project", str(root)).exit_code == 0
        assert (evidence / f"{stem}.md").is_file()
    assert run("new", "goal", "Lead the platform team", "--project", str(root),
               "--id", "lead").exit_code == 0  # fmt: skip
    mine = {p.name: p.read_bytes() for p in evidence.iterdir() if p.stem not in ids}
    mine |= {p.name: p.read_bytes() for p in evidence.iterdir() if "lead" in p.read_text("utf-8")}
    # the updated resume: one kept, one gone unedited, one gone edited, one kept
    # edited, one new, one new whose id a hand-made file has
    second = ["Cut costs by 30%", "Hired four engineers", "Shipped the new CI",
              "Ran the incident review"]  # fmt: skip
    output = _import(_write(tmp_path / "v2.json", _resume(second, label="Staff Engineer")), root)
    assert not (evidence / "migrated-12-services.md").exists()
    removed = "removed, as the source no longer has them: content/evidence/migrated-12-services.md"
    assert removed in output
    assert (evidence / "shipped-the-new-ci.md").is_file()
    assert (evidence / "ran-the-incident-review-2.md").is_file()
    assert {p.name: p.read_bytes() for p in evidence.iterdir() if p.name in mine} == mine
    left = _left(output)
    assert left == {
        "content/evidence/hired-four-engineers.md": "edited since the last import "
        "(--force replaces it)",
        "content/evidence/ran-the-incident-review.md": "not made by an import; the import's "
        "piece of the same title is content/evidence/ran-the-incident-review-2.md (--force "
        "replaces this one instead)",
        "content/evidence/wrote-the-on-call-guide.md": "the source no longer has it, but it "
        "was edited since the last import: yours from now on; delete it if it should go",
    }
    assert "2 of yours not touched" in output  # the talk and the goal
    assert "updated from the source: content/profile.yaml" in output
    profile = yaml.safe_load((root / "content" / "profile.yaml").read_text("utf-8"))
    assert profile["headline"] == "Staff Engineer"
    manifest = _manifest(root)
    assert "content/evidence/wrote-the-on-call-guide.md" not in manifest, "yours now"
    assert "content/evidence/migrated-12-services.md" not in manifest
    assert "content/evidence/hired-four-engineers.md" in manifest, "still the import's, edited"
    assert json.loads(run("check", str(root), "--format", "json").stdout)["valid"]
    # the same resume again: nothing to do; then --force takes the edited one back
    again = _import(tmp_path / "v2.json", root)
    assert "Files: 0 written (0 new), 0 removed" in again
    forced = _import(tmp_path / "v2.json", root, "--force")
    assert "replaced with --force: content/evidence/hired-four-engineers.md" in forced
    assert front_matter(evidence / "hired-four-engineers.md")["goals"] == []
    assert (evidence / "wrote-the-on-call-guide.md").is_file(), "--force removes nothing"


def test_an_import_without_a_manifest_adopts_the_files_it_would_write(tmp_path: Path) -> None:
    """A project imported before manifests existed (or whose manifest was deleted):
    files that hold exactly what the import makes are its own, not copies to avoid."""
    root = tmp_path / "p"
    source = _write(tmp_path / "resume.json", _resume(["Cut costs by 30%"]))
    _import(source, root)
    (root / ".portfolio" / "import.json").unlink()
    output = _import(source, root)
    assert sorted(p.name for p in (root / "content" / "evidence").iterdir()) == [
        "cut-costs-by-30.md"
    ]
    assert "Files: 0 written (0 new), 0 removed, 3 unchanged." in output
    assert set(_manifest(root)) == {
        "portfolio.yaml", "content/profile.yaml", "content/evidence/cut-costs-by-30.md"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("{", ".portfolio/import.json:1:2: not JSON"),
        ('{"version": 1, "files": []}', "not a manifest of version 1"),
        ('{"version": 1, "files": {"../outside.md": "0"}}', "`../outside.md` is not a file"),
        ('{"version": 1, "files": {"content/goals/g.md": "0"}}', "`content/goals/g.md` is not"),
    ],
)
def test_a_manifest_that_no_import_wrote_is_refused(
    tmp_path: Path, manifest: str, message: str
) -> None:
    """It may come with a cloned repository: it never points an import at a file the
    import does not make, and a broken one stops the import before anything is written."""
    root = tmp_path / "p"
    (root / ".portfolio").mkdir(parents=True)
    (root / ".portfolio" / "import.json").write_text(manifest, encoding="utf-8")
    outside = tmp_path / "outside.md"
    outside.write_text("mine", encoding="utf-8")
    source = _write(tmp_path / "resume.json", _resume(["Cut costs by 30%"]))
    result = run("import", "jsonresume", str(source), str(root))
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output
    assert "delete it" in result.stderr
    assert not (root / "content").exists() and outside.read_text("utf-8") == "mine"


def test_phone_numbers_and_street_addresses_start_private(tmp_path: Path) -> None:
    data = _resume(["Cut costs by 30%"], phone="+234 801 234 5678",
                   location="14 Adeola Odeku Street, Victoria Island, Lagos")  # fmt: skip
    data["work"][0]["location"] = "Plot 5, Admiralty Way, Lekki"
    root = tmp_path / "p"
    output = _import(_write(tmp_path / "resume.json", data), root)
    profile = yaml.safe_load((root / "content" / "profile.yaml").read_text("utf-8"))
    assert profile["private"] == ["phone", "location"]
    assert "Private: `phone` and `location`, until you remove them" in output
    assert 'looks like a street address ("Plot 5, Admiralty Way, Lekki")' in output
    assert run("build", str(root), "--no-pdf").exit_code == 0
    site = _site_text(root)
    assert "Adeola Odeku" not in site and "801 234" not in site
    city = _resume(["Cut costs by 30%"], location="St. Petersburg, Russia")
    again = tmp_path / "q"
    _import(_write(tmp_path / "city.json", city), again)
    assert "private" not in yaml.safe_load((again / "content" / "profile.yaml").read_text("utf-8"))


def test_the_report_says_what_was_kept_changed_and_not_kept(tmp_path: Path) -> None:
    data = _resume(["Cut <b>costs</b> by 30%", "Hired four engineers"],
                   summary="Builds <i>platforms</i>.<br>Runs teams.", image="me.jpg")  # fmt: skip
    data["work"][0]["startDate"] = "2021-03-01T09:00:00Z"
    data["work"][0]["endDate"] = "2024-09-31"
    output = _import(_write(tmp_path / "resume.json", data), tmp_path / "p")
    kept = output.split("Kept:\n")[1].split("\nChanged:")[0]
    assert kept == (
        "  - content/profile.yaml: name, headline, email, summary, 1 position, 1 school\n"
        "  - content/evidence/: 2 files, 2 achievements"
    )
    changed = output.split("Changed:\n")[1].split("\nNot kept")[0]
    assert "  - work[0].endDate: 2024-09-31 is not a date: September 2024 has 30 days" in changed
    assert "  - HTML made Markdown: basics.summary\n" in changed
    assert "  - HTML made plain text: work[0].highlights[0]\n" in changed
    assert "  - the time of day cut from a date: work[0].startDate" in changed
    assert "  - basics.image: the format holds no photo" in output.split("Not kept")[1]


def _highlights(n: int) -> list[str]:
    verbs = ["Cut", "Shipped", "Led", "Automated", "Rebuilt", "Reduced", "Launched"]
    return [f"{verbs[i % len(verbs)]} project number {i + 1} for team {i % 5}" for i in range(n)]


def test_the_first_check_after_an_import_is_a_plan(tmp_path: Path) -> None:
    """51 highlights: one group and three steps, not 102 lines of hints; the JSON keeps
    every finding."""
    root = tmp_path / "p"
    output = _import(_write(tmp_path / "resume.json", _resume(_highlights(51))), root)
    assert "What to do first:\n  1. Set a goal: `portfolio new goal" in output
    result = run("check", str(root))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "What to do first:"
    assert lines[1].startswith(
        f'  1. Set a goal: `portfolio new goal "Lead a team of six" --project {root} '
        "--framework evidence-ladder`"
    )
    assert lines[2].startswith("  2. Link the evidence that serves it: `goals: [<goal id>]`")
    assert "`portfolio new evidence TITLE" in lines[2] and "--goal <goal id>`" in lines[2]
    assert lines[3].startswith("  3. Pick what your home page features: `featured: true`")
    assert lines[5] == "hint: 51 pieces of evidence advance no goal [orphan-evidence]"
    assert re.fullmatch(r"    content/evidence/[a-z0-9-]+\.md:3:1", lines[6])
    assert lines[9] == "    and 48 more"
    assert lines[10].startswith("    fix: link them once you have goals: `goals: [<goal id>]`")
    assert len(lines) == 12 and lines[-1].endswith("0 errors, 0 warnings, 51 hints.")
    data = json.loads(run("check", str(root), "--format", "json").stdout)
    assert len(data["findings"]) == 51
    assert {f["rule"] for f in data["findings"]} == {"orphan-evidence"}
    assert {f["message"] for f in data["findings"]} == {"this evidence serves no goal"}


def test_with_a_goal_the_plan_asks_to_link_and_feature_then_goes(tmp_path: Path) -> None:
    root = tmp_path / "p"
    _import(_write(tmp_path / "resume.json", _resume(_highlights(6))), root)
    assert run("new", "goal", "Lead the platform team", "--project", str(root),
               "--id", "lead").exit_code == 0  # fmt: skip
    lines = run("check", str(root)).output.splitlines()
    assert lines[0] == "What to do first:"
    assert lines[1].startswith("  1. Link the evidence that serves it")
    assert lines[2].startswith("  2. Pick what your home page features")
    assert "fix: link each to the goal it advances" in "\n".join(lines)
    path = next((root / "content" / "evidence").glob("*.md"))
    text = path.read_text("utf-8").replace("goals: []", "goals: [lead]")
    path.write_text(text.replace("kind: achievement", "featured: true\nkind: achievement"), "utf-8")
    output = run("check", str(root)).output
    assert "What to do first" not in output
    assert "hint: 5 pieces of evidence advance no goal [orphan-evidence]" in output


def test_nothing_is_written_through_a_folder_that_links_outside(tmp_path: Path) -> None:
    root = tmp_path / "p"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "content").mkdir(parents=True)
    (root / "content" / "evidence").symlink_to(elsewhere)
    source = _write(tmp_path / "resume.json", _resume(["Cut costs by 30%"]))
    result = run("import", "jsonresume", str(source), str(root))
    assert result.exit_code == 1 and "links outside" in result.stderr
    assert not list(elsewhere.iterdir()) and not (root / "content" / "profile.yaml").exists()
