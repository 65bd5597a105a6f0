"""`portfolio init`: a new project that builds at once, copied from `starter/`."""

from __future__ import annotations

import shutil
from pathlib import Path

STARTER = Path(__file__).parent / "starter"
RENAMES = {"gitignore": ".gitignore"}  # stored without the dot so packaging keeps it


class ScaffoldError(Exception):
    """The folder cannot take a new project."""


def create_project(directory: Path) -> list[Path]:
    """Copy the starter project into `directory`; refuse to touch a non-empty folder."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ScaffoldError(f"{directory} already exists and is not empty; choose a new folder")
    written = []
    for source in sorted(STARTER.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        rel = source.relative_to(STARTER)
        dest = directory / rel.parent / RENAMES.get(rel.name, rel.name)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        written.append(dest)
    return written
