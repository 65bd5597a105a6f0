"""JSON Schemas of the content format, generated from the models.

One schema per kind of file, so an editor (VS Code with the YAML extension, through a
`# yaml-language-server: $schema=...` line) completes keys, shows each field's
description and flags mistakes as you type. The models are the single source: the
schemas committed under `schemas/` are checked against them by a test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from portfolio.content.config import SiteConfig, Target
from portfolio.content.models import Evidence, Goal
from portfolio.content.profile import Profile
from portfolio.content.validate import RESERVED

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://portfolio.invalid/schemas/"  # a stable name, not a place to fetch from

KINDS: dict[str, tuple[type[BaseModel], str, str]] = {
    "portfolio": (SiteConfig, "portfolio.yaml", "Site settings: every key is optional."),
    "profile": (Profile, "content/profile.yaml", "Who the person is."),
    "goal": (Goal, "content/goals/<id>.md (front matter)", "An aspiration or a goal."),
    "evidence": (Evidence, "content/evidence/<id>.md (front matter)", "A piece of evidence."),
    "target": (Target, "content/targets/<id>.yaml", "An application or promotion round."),
}


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def schema(kind: str) -> dict[str, Any]:
    """The schema of one kind of file, without the keys the loader fills in itself."""
    model, where, about = KINDS[kind]
    data = model.model_json_schema(mode="validation")
    for key in RESERVED:
        data.get("properties", {}).pop(key, None)
    if "required" in data:
        data["required"] = [k for k in data["required"] if k not in RESERVED]
    return {
        "$schema": DRAFT,
        "$id": BASE_ID + file_name(kind),
        "title": f"portfolio: {where}",
        **{k: v for k, v in data.items() if k != "title"},
        "description": f"{about} See FORMAT.md.",
    }


def render(kind: str) -> str:
    return json.dumps(schema(kind), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    """Write every schema into `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = out / file_name(kind)
        path.write_text(render(kind), encoding="utf-8")
        written.append(path)
    return written


def modeline(kind: str, schemas: str) -> str:
    """The comment that points the YAML language server at a schema; `schemas` is the
    path of the schemas folder relative to the file."""
    return f"# yaml-language-server: $schema={schemas}/{file_name(kind)}"
