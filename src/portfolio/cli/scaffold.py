"""`portfolio init`: a new project that builds at once, copied from `starter/`.

What the starter holds, and how its dates are filled in, is in interop/starter.py,
which `import` uses too: an import into a new folder writes the same project files
(portfolio.yaml, .gitignore, the Pages workflow, the schemas), and an import into a
project that still holds the untouched starter replaces its sample.
"""

from __future__ import annotations

from pathlib import Path

from portfolio.content.dates import build_date
from portfolio.content.schema import write_schemas
from portfolio.errors import UserError
from portfolio.interop.starter import rendered, templates


class ScaffoldError(UserError):
    """The folder cannot take a new project."""


def create_project(directory: Path) -> list[Path]:
    """Copy the starter project into `directory`; refuse to touch a non-empty folder."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ScaffoldError(f"{directory} already exists and is not empty; choose a new folder")
    today = build_date()
    written = []
    for rel in templates():
        dest = directory / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(rendered(rel, today), encoding="utf-8")
        written.append(dest)
    return written + write_schemas(directory / "schemas")  # for the editor: see content/schema.py
