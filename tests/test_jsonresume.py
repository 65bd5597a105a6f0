"""JSON Resume in and out: the official sample imported, built, exported, validated
against the official schema and compared; messy resumes imported without a traceback;
nothing overwritten without --force; nothing private exported without asking."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import jsonschema
import pytest
import yaml

from conftest import REPO, front_matter, run

DATA = Path(__file__).parent / "data" / "jsonresume"
SAMPLE = DATA / "sample.resume.json"
# What the content format cannot hold, and so cannot give back (docs/FORMAT.md).
DROPPED = {"basics.location.address", "basics.location.postalCode", "projects[0].type"}


def _validator() -> jsonschema.Draft7Validator:
    schema = json.loads((DATA / "schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def _imported(tmp_path: Path, source: Path = SAMPLE) -> Path:
    root = tmp_path / "resume"
    result = run("import", "jsonresume", str(source), str(root))
    assert result.exit_code == 0, result.output
    return root


def _export(root: Path, *flags: str) -> dict[str, Any]:
    result = run("export", "jsonresume", str(root), *flags)
    assert result.exit_code == 0, result.output
    return cast(dict[str, Any], json.loads(result.stdout))


def test_the_official_sample_is_imported_as_a_project_that_builds(tmp_path: Path) -> None:
    root = _imported(tmp_path)
    assert (root / "portfolio.yaml").is_file() and (root / ".gitignore").is_file()
    assert (root / "schemas" / "evidence.schema.json").is_file()
    evidence = {p.stem: front_matter(p) for p in (root / "content" / "evidence").glob("*.md")}
    kinds = sorted(e["kind"] for e in evidence.values())
    assert kinds == sorted(["achievement"] * 3 + ["volunteer", "award", "publication",
                                                  "endorsement", "project"])  # fmt: skip
    check = run("check", str(root), "--format", "json")
    assert json.loads(check.stdout)["counts"]["error"] == 0
    build = run("build", str(root), "--no-pdf")
    assert build.exit_code == 0, build.output
    resume = (root / "site" / "resume" / "index.html").read_text(encoding="utf-8")
    for text in ("Richard Hendriks", "Pied Piper", "Successfully won Techcrunch Disrupt",
                 "University of Oklahoma", "Digital Compression Pioneer Award"):  # fmt: skip
        assert text in resume
    assert "(912) 555-4321" not in resume, "an imported phone number starts private"


def test_the_round_trip_keeps_everything_the_format_can_hold(tmp_path: Path) -> None:
    original = json.loads(SAMPLE.read_text(encoding="utf-8"))
    exported = _export(_imported(tmp_path), "--include-private")
    assert not list(_validator().iter_errors(exported))
    lost = set()
    for section, value in original.items():
        if section in ("$schema", "meta"):
            continue
        lost |= _differences(value, exported.get(section), section)
    assert lost == DROPPED


def _differences(before: Any, after: Any, where: str) -> set[str]:
    """The paths where `after` lost or changed something `before` had."""
    if isinstance(before, dict):
        after = after if isinstance(after, dict) else {}
        return {d for k, v in before.items() for d in _differences(v, after.get(k), f"{where}.{k}")}
    if isinstance(before, list) and before and isinstance(before[0], dict):
        after = after if isinstance(after, list) else []
        return {
            d
            for i, v in enumerate(before)
            for d in _differences(v, after[i] if i < len(after) else None, f"{where}[{i}]")
        }
    return set() if before in ("", None) or before == after else {where}


def test_the_import_report_names_what_it_could_not_keep(tmp_path: Path) -> None:
    result = run("import", "jsonresume", str(SAMPLE), str(tmp_path / "r"))
    for path in ("basics.location.address", "basics.location.postalCode", "projects[0].type"):
        assert path in result.output


def test_the_sample_portfolio_exports_valid_json_resume_without_private_things() -> None:
    data = _export(REPO)
    assert not list(_validator().iter_errors(data))
    text = json.dumps(data, ensure_ascii=False)
    assert data["basics"]["name"] == "Inês Salgueiro"
    assert "phone" not in data["basics"] and "double-dispatch" not in text.lower()
    assert "Dutch" not in text  # the private A2 course
    work = {w["name"]: w for w in data["work"]}
    assert any("31 of 40 depots" in h for h in work["Rotaverde Logistics"]["highlights"])
    with_private = _export(REPO, "--include-private")
    assert "phone" in with_private["basics"]
    assert "Dutch" in json.dumps(with_private, ensure_ascii=False)


def test_export_writes_a_file_with_output(tmp_path: Path) -> None:
    out = tmp_path / "resume.json"
    assert run("export", "jsonresume", str(REPO), "-o", str(out)).exit_code == 0
    assert not list(_validator().iter_errors(json.loads(out.read_text(encoding="utf-8"))))


def test_an_edited_profile_is_not_overwritten_without_force(tmp_path: Path) -> None:
    """The import goes on and leaves the edited profile as it is, naming it, with its
    own version beside it to merge; --force replaces it."""
    root = _imported(tmp_path)
    profile = root / "content" / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "# my edit\n", encoding="utf-8")
    before = profile.read_bytes()
    result = run("import", "jsonresume", str(SAMPLE), str(root))
    assert result.exit_code == 0, result.output
    assert profile.read_bytes() == before
    assert "content/profile.yaml: edited since the last import" in result.output
    assert "--force replaces it" in result.output
    new = root / "content" / "profile.yaml.new"
    assert new.read_bytes() == before.removesuffix(b"# my edit\n")
    assert run("import", "jsonresume", str(SAMPLE), str(root), "--force").exit_code == 0
    assert b"# my edit" not in profile.read_bytes()


MESSY = {
    "basics": {
        "name": "Ana Messy",
        "email": "not an email",
        "website": "ana.example.org",
        "picture": "me.jpg",
        "location": "Porto, Portugal",
        "profiles": [
            {"network": "GitHub", "username": "anamessy"},
            {"network": "Forum", "username": "ana"},
            "not an object",
        ],
        "nickname": "A.",
    },
    "work": [
        {"company": "Old Co", "position": "Engineer", "startDate": "2015-01-01T00:00:00",
         "endDate": "Present", "highlights": ["Shipped it", 42, None, {"x": 1}]},
        {"name": "Bad Dates", "position": "Lead", "startDate": "someday", "endDate": "2019-13"},
    ],
    "education": {"institution": "Not a list"},
    "skills": [{"name": "Python", "keywords": "not a list"}, {"keywords": ["nameless"]}],
    "projects": [{"name": "Talk at PyCon", "type": "talk", "startDate": "2019"}],
    "references": [{"name": "Someone"}],
    "hobbies": ["chess"],
}  # fmt: skip


def test_a_messy_resume_imports_with_a_report_and_no_traceback(tmp_path: Path) -> None:
    source = tmp_path / "messy.json"
    source.write_text(json.dumps(MESSY), encoding="utf-8")
    root = tmp_path / "messy"
    result = run("import", "jsonresume", str(source), str(root))
    assert result.exit_code == 0, result.output
    for reported in ("basics.email", "basics.image", "basics.profiles[1]",
                     "basics.profiles[2]", "basics.nickname", "work[1].startDate",
                     "work[1].endDate", "education: not a list", "skills[0].keywords",
                     "references[0]", "hobbies"):  # fmt: skip
        assert reported in result.output, reported
    profile = (root / "content" / "profile.yaml").read_text(encoding="utf-8")
    assert "https://ana.example.org" in profile and "https://github.com/anamessy" in profile
    assert "start: 2015-01-01" in profile and "Present" not in profile
    talk = front_matter(root / "content" / "evidence" / "talk-at-pycon.md")
    assert talk["kind"] == "talk"
    assert run("check", str(root)).exit_code == 0
    assert run("build", str(root), "--no-pdf").exit_code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a JSON file"),
        ("[1, 2]", "this is not a JSON Resume"),
        ('{"basics": [], "profiles": {}}', "nothing to import: basics: not an object"),
        ('{"basics": {"email": "nope"}}', "`nope` is not an email address"),
        ("[" * 100_000 + "]" * 100_000, "not a JSON Resume: nested more than 32 levels deep"),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested more than 32 levels deep"),
        ('{"basics": ' + "[" * 40 + "]" * 40 + "}", "nested more than 32 levels deep"),
    ],
)
def test_what_cannot_be_imported_is_said_plainly(
    tmp_path: Path, content: str, message: str
) -> None:
    source = tmp_path / "in.json"
    source.write_text(content, encoding="utf-8")
    result = run("import", "jsonresume", str(source), str(tmp_path / "out"))
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_titles_in_any_script_and_pasted_html_import_as_readable_files(tmp_path: Path) -> None:
    """Chinese, Russian and Persian titles made files named `evidence`, `evidence-2`...
    and `40`; HTML in summaries and highlights printed as tags on the resume. Now each
    file is named by its title, transliterated, and the HTML is Markdown."""
    root = tmp_path / "fang"
    result = run("import", "jsonresume", str(DATA / "scripts-and-html.resume.json"), str(root))
    assert result.exit_code == 0, result.output
    evidence = {p.stem: front_matter(p) for p in (root / "content" / "evidence").glob("*.md")}
    assert sorted(evidence) == [
        "built-a-tool-used-by-3-teams",  # `Built <a href=...>a tool</a> used by 3&nbsp;teams`
        "jayzh-bhtryn-mhnds",  # جایزه بهترین مهندس
        "jiang-di-zhi-fu-yan-chi-40",  # 降低支付延迟40%
        "loved-it-3-and-a-b-list-string-too",
        "mentor-code-club",
        "proekt-alfa",  # Проект «Альфа»
        "rukovoditel-gruppy-razrabotki",  # Руководитель группы разработки, twice
        "rukovoditel-gruppy-razrabotki-2",
    ]
    tool = evidence["built-a-tool-used-by-3-teams"]
    assert tool["title"] == "Built a tool used by 3 teams"
    assert tool["links"] == [{"label": "a tool", "url": "https://github.com/fang/tool"}]
    assert evidence["loved-it-3-and-a-b-list-string-too"]["title"] == (
        "Loved it <3 and a < b, List<String> too"
    )
    assert evidence["jayzh-bhtryn-mhnds"]["summary"] == "For *outstanding* work"
    assert evidence["proekt-alfa"]["summary"] == "A **tool** for data"
    body = (root / "content" / "evidence" / "mentor-code-club.md").read_text(encoding="utf-8")
    assert body.endswith("---\n- Ran **20** sessions\n- Click here\n")
    profile = yaml.safe_load((root / "content" / "profile.yaml").read_text(encoding="utf-8"))
    assert profile["name"] == "王芳 (Wang Fang)"
    assert profile["headline"] == "Senior Engineer & Lead"
    assert profile["summary"] == (
        "Engineer with **10 years** in payments & data.\n\n"
        "Speaks Chinese, Russian & Persian.\\\nBased in Berlin."
    )
    [tencent, yandex] = profile["experience"]
    assert tencent["title"] == "高级软件工程师"
    assert tencent["summary"] == (
        "Led the *payments* team.\n\nHired **six** engineers:\n\n"
        "- Cut latency by 40%\n- Wrote [the post](https://example.org/post)"
    )
    assert yandex["highlights"] == [
        "rukovoditel-gruppy-razrabotki",
        "rukovoditel-gruppy-razrabotki-2",
    ]
    report = result.output.split("Not kept")[1]
    for line in (
        "basics.summary: left out of its HTML: <script> and what it holds",
        "work[0].summary: left out of its HTML: the `target` attribute",
        "awards[0].summary: left out of its HTML: <img> (an image of “badge”)",
        "volunteer[0].summary: left out of its HTML: the `style` attribute, <span>",
        "volunteer[0].highlights[1]: left out of its HTML: the link to `javascript:alert(1)`",
    ):
        assert f"  - {line}" in report, line
    assert json.loads(run("check", str(root), "--format", "json").stdout)["counts"]["error"] == 0
    build = run("build", str(root), "--no-pdf")
    assert build.exit_code == 0, build.output
    resume = (root / "site" / "resume" / "index.html").read_text(encoding="utf-8")
    for shown in ("&lt;br", "&lt;p", "&lt;b", "&lt;/", "&lt;a", "&lt;script", "&amp;amp;"):
        assert shown not in resume, shown  # a tag or an entity printed as text
    assert "Engineer with <strong>10 years</strong> in payments &amp; data." in resume
    assert "Speaks Chinese, Russian &amp; Persian.<br />\nBased in Berlin." in resume
    assert '<li>Wrote <a href="https://example.org/post">the post</a></li>' in resume
    assert "Loved it &lt;3 and a &lt; b, List&lt;String&gt; too" in resume
