"""The starter project that `portfolio init` copies, and how to tell it from a person's
own files.

The starter lives in `starter/` as templates: its dates are written relative to the
day a project is made (`{{today-60}}` is sixty days before), so a new project passes
`portfolio check` cleanly, and the Pages workflow installs `{{install}}`, this copy of
portfolio. `init` (cli/scaffold.py) writes all of it; `import` writes its project files
(portfolio.yaml titled after the person, .gitignore, the workflow) into a folder that
is not a project yet, and replaces its sample content where it is still untouched.

"Untouched" is decided by the bytes: a file is the starter's if it is the template
with every date filled in from one same day, whichever day that was, and the install
line whatever it was. A single character changed by hand makes it the person's, and
nothing of the person's is ever replaced or removed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from importlib import metadata

from portfolio.layout import PACKAGE

STARTER = PACKAGE / "starter"
RENAMES = {"gitignore": ".gitignore", "github": ".github"}  # stored without the dot, so
# that packaging keeps them
_DATE = re.compile(r"\{\{today(?:([+-])(\d+))?\}\}")
_TOKEN = re.compile(rf"{_DATE.pattern}|\{{\{{install\}}\}}")
_TITLE = re.compile(r"^title: .*$", re.MULTILINE)

# The starter's files that are sample content: `import` removes them while untouched.
SAMPLE = (
    "content/goals/where-i-am-heading.md",
    "content/goals/first-goal.md",
    "content/evidence/first-win.md",
    "content/targets/next-role.yaml",
)
PROFILE = "content/profile.yaml"
CONFIG = "portfolio.yaml"
# What makes a folder a project, beside its content: written by `init`, and by an
# import into a folder that is not a project yet.
PROJECT_FILES = (CONFIG, ".gitignore", ".github/workflows/pages.yml")


@cache
def templates() -> dict[str, str]:
    """Each starter file, by its path in a project (`.github/...`), as a template."""
    found = {}
    for source in sorted(STARTER.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        rel = source.relative_to(STARTER)
        dest = "/".join(RENAMES.get(part, part) for part in rel.parts)
        found[dest] = source.read_text(encoding="utf-8")
    return found


def rendered(rel: str, today: dt.date) -> str:
    """The starter file `rel` as `init` writes it on `today`."""
    return _dated(templates()[rel], today).replace("{{install}}", install_spec())


def titled(config: str, title: str) -> str:
    """The text of a portfolio.yaml with its `title:` line saying `title` (a YAML
    scalar, quoted if it must be)."""
    return _TITLE.sub(lambda _: f"title: {title}", config, count=1)


def untouched(rel: str, data: bytes) -> bool:
    """Whether `data`, the bytes of the project file `rel`, are the starter's own: the
    template with its dates filled in from one same day (line endings aside)."""
    if rel not in templates():
        return False
    try:
        text = data.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return False
    pattern, offsets = _pattern(rel)
    match = pattern.fullmatch(text)
    if match is None:
        return False
    try:
        days = {
            dt.date.fromisoformat(found) - dt.timedelta(days=offset)
            for found, offset in zip(match.groups(), offsets, strict=True)
        }
    except ValueError:
        return False
    return len(days) <= 1


@cache
def _pattern(rel: str) -> tuple[re.Pattern[str], tuple[int, ...]]:
    """The template `rel` as a pattern: each date a group, with its offset in days."""
    template = templates()[rel]
    parts, offsets, end = [], [], 0
    for token in _TOKEN.finditer(template):
        parts.append(re.escape(template[end : token.start()]))
        if token.group(0) == "{{install}}":
            parts.append(r'[^"\n]*')
        else:
            parts.append(r"(\d{4}-\d{2}-\d{2})")
            days = int(token.group(2) or 0)
            offsets.append(-days if token.group(1) == "-" else days)
        end = token.end()
    parts.append(re.escape(template[end:]))
    return re.compile("".join(parts)), tuple(offsets)


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
