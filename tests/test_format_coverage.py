"""The sample in content/ is our demo and our best test: it must use every key of the
format, so that everything FORMAT.md promises is loaded and rendered on every run."""

from __future__ import annotations

import typing
from pathlib import Path

import yaml
from pydantic import BaseModel

from conftest import REPO
from portfolio.content.config import SiteConfig, Target
from portfolio.content.models import Evidence, Goal
from portfolio.content.profile import Profile
from portfolio.content.validate import RESERVED, _model_class


def _keys(data: object, cls: type[BaseModel], prefix: str, found: set[str]) -> None:
    """Every `model.key` path that `data` sets, walking into nested models."""
    items = data if isinstance(data, list) else [data]
    for item in items:
        if not isinstance(item, dict):
            continue
        for key, value in item.items():
            found.add(f"{prefix}{key}")
            field = cls.model_fields.get(key)
            inner = _model_class(field.annotation) if field else None
            if inner is not None:
                _keys(value, inner, f"{prefix}{key}.", found)


def _wanted(cls: type[BaseModel], prefix: str) -> set[str]:
    wanted = set()
    for name, field in cls.model_fields.items():
        if name in RESERVED:
            continue
        wanted.add(f"{prefix}{name}")
        inner = _model_class(field.annotation)
        if inner is not None and typing.get_origin(field.annotation) is not dict:
            wanted |= _wanted(inner, f"{prefix}{name}.")
    return wanted


def _front(path: Path) -> dict[str, typing.Any]:
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    return typing.cast(dict[str, typing.Any], front)


def test_sample_uses_every_key_of_the_format() -> None:
    content = REPO / "content"
    cases: list[tuple[type[BaseModel], list[object]]] = [
        (SiteConfig, [yaml.safe_load((REPO / "portfolio.yaml").read_text(encoding="utf-8"))]),
        (Profile, [yaml.safe_load((content / "profile.yaml").read_text(encoding="utf-8"))]),
        (Goal, [_front(p) for p in (content / "goals").glob("*.md")]),
        (Evidence, [_front(p) for p in (content / "evidence").glob("*.md")]),
        (
            Target,
            [
                yaml.safe_load(p.read_text(encoding="utf-8"))
                for p in (content / "targets").glob("*.yaml")
            ],
        ),
    ]
    unused = {}
    for cls, documents in cases:
        found: set[str] = set()
        for doc in documents:
            _keys(doc, cls, "", found)
        missing = _wanted(cls, "") - found
        if missing:
            unused[cls.__name__] = sorted(missing)
    assert not unused
