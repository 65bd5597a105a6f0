"""`portfolio init`: a new project that builds at once, copied from `starter/`.

The starter's dates are written relative to the day it is created (`{{today-60}}` is
sixty days ago), so a new project passes `portfolio check` cleanly, not with a year of
overdue milestones.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import metadata
from pathlib import Path

from portfolio.content.dates import build_date
from portfolio.content.schema import write_schemas
from portfolio.errors import UserError
from portfolio.layout import PACKAGE

STARTER = PACKAGE / "starter"
_DATE = re.compile(r"\{\{today(?:([+-])(\d+))?\}\}")
RENAMES = {"gitignore": ".gitignore", "github": ".github"}  # stored without the dot, so
# that packaging keeps them


class ScaffoldError(UserError):
    """The folder cannot take a new project."""


def create_project(directory: Path) -> list[Path]:
    """Copy the starter project into `directory`; refuse to touch a non-empty folder."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ScaffoldError(f"{directory} already exists and is not empty; choose a new folder")
    today = build_date()
    written = []
    for source in sorted(STARTER.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        rel = source.relative_to(STARTER)
        dest = directory.joinpath(*(RENAMES.get(part, part) for part in rel.parts))
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = _dated(source.read_text(encoding="utf-8"), today)
        dest.write_text(text.replace("{{install}}", install_spec()), encoding="utf-8")
        written.append(dest)
    return written + write_schemas(directory / "schemas")  # for the editor: see content/schema.py


def install_spec() -> str:
    """What the Pages workflow installs: the same source as this copy of portfolio when
    it came from a git repository, else the released version of the same number."""
    try:
        dist = metadata.distribution("portfolio")
        direct = json.loads(dist.read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        return "portfolio"
    vcs = direct.get("vcs_info", {})
    if vcs.get("vcs") == "git" and str(direct.get("url", "")).startswith("https://"):
        return f"portfolio @ git+{direct['url']}@{vcs.get('commit_id', 'main')}"
    return f"portfolio=={dist.version}"


def _dated(text: str, today: dt.date) -> str:
    """`{{today}}`, `{{today+30}}`, `{{today-7}}` as ISO dates."""

    def date(match: re.Match[str]) -> str:
        sign, days = match.group(1), int(match.group(2) or 0)
        return (today + dt.timedelta(days=-days if sign == "-" else days)).isoformat()

    return _DATE.sub(date, text)
