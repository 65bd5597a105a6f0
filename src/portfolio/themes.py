"""Theme resolution and the one Jinja environment.

A theme is a folder with `theme.yaml` (optional: `extends: <parent>`), `templates/`
and `static/`. Lookup goes, template by template: the project's `themes/<name>/`,
the shipped theme of that name, then its parents, then `base`, which holds every
template the renderer asks for, so a theme can be a single stylesheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from portfolio.errors import Problem
from portfolio.validate import suggest
from portfolio.yamldoc import parse_yaml


def shipped_themes() -> Path:
    """Where the shipped themes are: inside the installed package, or in the checkout."""
    packaged = Path(__file__).parent / "themes"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "themes"


@dataclass(frozen=True)
class Theme:
    name: str
    folders: tuple[Path, ...]  # most specific first

    @property
    def template_dirs(self) -> list[str]:
        return [str(f / "templates") for f in self.folders if (f / "templates").is_dir()]

    @property
    def static_dirs(self) -> list[Path]:
        return [f / "static" for f in self.folders if (f / "static").is_dir()]


def _folders(name: str, root: Path) -> list[Path]:
    return [d for d in (root / "themes" / name, shipped_themes() / name) if d.is_dir()]


def _parent(folders: list[Path], problems: list[Problem], root: Path) -> str | None:
    for folder in folders:
        meta = folder / "theme.yaml"
        if meta.is_file():
            rel = meta.relative_to(root).as_posix() if meta.is_relative_to(root) else str(meta)
            doc, found = parse_yaml(meta.read_text(encoding="utf-8"), rel)
            problems.extend(found)
            data = doc.data if isinstance(doc.data, dict) else {}
            parent = data.get("extends")
            return str(parent) if parent else None
    return None


def resolve(name: str, root: Path, where: tuple[str, int, int]) -> Theme | Problem:
    """The theme `name` with its parents, or a located problem if it does not exist."""
    chain: list[Path] = []
    seen: list[str] = []
    current: str | None = name
    problems: list[Problem] = []
    while current and current not in seen:
        folders = _folders(current, root)
        if not folders:
            known = sorted(
                {d.name for d in shipped_themes().iterdir() if d.is_dir()}
                | (
                    {d.name for d in (root / "themes").iterdir() if d.is_dir()}
                    if (root / "themes").is_dir()
                    else set()
                )
            )
            close = suggest(current, known)
            hint = f"did you mean `{close}`?" if close else "available: " + ", ".join(known)
            return Problem(*where, f"no theme named `{current}`", hint)
        seen.append(current)
        chain += folders
        current = _parent(folders, problems, root)
    if problems:
        return problems[0]
    if "base" not in seen:
        chain += _folders("base", root)
    return Theme(name, tuple(chain))


@cache
def environment(template_dirs: tuple[str, ...]) -> jinja2.Environment:
    """One Jinja environment per process and theme: templates are compiled once."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(template_dirs)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
