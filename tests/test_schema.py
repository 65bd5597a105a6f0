"""The JSON Schemas: generated from the models, committed under schemas/, and true to
what the loader accepts, so an editor's checks agree with `portfolio check`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import PROJECTS, REPO, run
from portfolio.content.read import split_front_matter
from portfolio.content.schema import KINDS, file_name, render, schema
from portfolio.content.yamldoc import parse_yaml

FILES = {
    "portfolio": ["portfolio.yaml"],
    "profile": ["content/profile.yaml"],
    "goal": sorted(p.relative_to(REPO).as_posix() for p in (REPO / "content/goals").glob("*.md")),
    "evidence": sorted(
        p.relative_to(REPO).as_posix() for p in (REPO / "content/evidence").glob("*.md")
    ),
    "target": sorted(
        p.relative_to(REPO).as_posix() for p in (REPO / "content/targets").glob("*.yaml")
    ),
}


def _data(path: Path) -> Any:
    """The file's YAML as the loader reads it (YAML 1.2 scalars, like the editor)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        split = split_front_matter(text, path.name)
        assert isinstance(split, tuple)
        text = split[0]
    doc, problems = parse_yaml(text, path.name)
    assert not problems
    return doc.data


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(kind))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schemas_match_the_models(kind: str) -> None:
    committed = (REPO / "schemas" / file_name(kind)).read_text(encoding="utf-8")
    assert committed == render(kind), "run `portfolio schema` and commit schemas/"


@pytest.mark.parametrize(("kind", "rel"), [(k, f) for k, files in FILES.items() for f in files])
def test_every_sample_file_is_valid_against_its_schema(kind: str, rel: str) -> None:
    errors = list(_validator(kind).iter_errors(_data(REPO / rel)))
    assert not errors, [e.message for e in errors]


@pytest.mark.parametrize(
    ("case", "rel", "kind"),
    [
        ("unknown-key", "content/goals/lead-team.md", "goal"),
        ("yes-boolean", "content/evidence/launch.md", "evidence"),
        ("bad-enum", "content/evidence/launch.md", "evidence"),
        ("wrong-type", "content/goals/lead-team.md", "goal"),
    ],
)
def test_the_schemas_catch_what_check_catches(case: str, rel: str, kind: str) -> None:
    path = PROJECTS / "invalid" / case / rel
    assert path.is_file(), path
    assert list(_validator(kind).iter_errors(_data(path)))


def _properties(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            found.append((f"{where}.{name}", prop))
        for key, value in node.items():
            if key != "properties":
                found += _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for item in node:
            found += _properties(item, where)
    return found


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_field_has_a_description_and_an_example(kind: str) -> None:
    missing = [
        name
        for name, prop in _properties(schema(kind))
        if "description" not in prop or ("examples" not in prop and "default" not in prop)
    ]
    assert not missing


def test_schema_command_writes_one_file_per_kind(tmp_path: Path) -> None:
    result = run("schema", "--out", str(tmp_path / "s"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == sorted(map(file_name, KINDS))
    data = json.loads((tmp_path / "s" / "goal.schema.json").read_text(encoding="utf-8"))
    assert data["properties"]["title"]["description"]


def test_init_and_new_point_the_editor_at_the_schemas(tmp_path: Path) -> None:
    root = tmp_path / "career"
    assert run("init", str(root)).exit_code == 0
    assert (root / "schemas" / "goal.schema.json").is_file()
    goal = (root / "content" / "goals" / "first-goal.md").read_text(encoding="utf-8")
    assert goal.splitlines()[1] == "# yaml-language-server: $schema=../../schemas/goal.schema.json"
    assert run("new", "target", "A job", "-p", str(root)).exit_code == 0
    target = (root / "content" / "targets" / "a-job.yaml").read_text(encoding="utf-8")
    line = target.splitlines()[0]
    assert line == "# yaml-language-server: $schema=../../schemas/target.schema.json"
    schema_file = (root / "content" / "targets" / line.split("=", 1)[1]).resolve()
    assert schema_file.is_file()
