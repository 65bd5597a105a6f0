"""The project on disk and the machine it is built on: one definition of each place
the program looks, and of how many cores it may use. Standard library only: the
cache's quick check (cache/store.py) needs it before anything heavy is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).parent

CONFIG = "portfolio.yaml"
PROFILE = "content/profile.yaml"
# Each kind of content file: its folder, and the endings that make a file of it.
SOURCES = {
    "goal": ("content/goals", (".md",)),
    "evidence": ("content/evidence", (".md",)),
    "target": ("content/targets", (".yaml", ".yml")),
}
ATTACHMENTS = "content/evidence"  # attachments and images are named relative to it
OUTPUT_MARKER = ".portfolio-output"  # in every folder a build wrote: an output, not input


def is_source(rel: str) -> bool:
    """Whether the project file `rel` (relative, with forward slashes) is one the
    loader parses: the config, the profile, a goal, a piece of evidence or a target."""
    if rel in (CONFIG, PROFILE):
        return True
    folder, _, name = rel.rpartition("/")
    return any(folder == where and name.endswith(ends) for where, ends in SOURCES.values())


def cores() -> int:
    """How many processes may work at once: `PORTFOLIO_WORKERS` (1 makes everything
    run one after another, for comparison), else the cores this process may use."""
    asked = os.environ.get("PORTFOLIO_WORKERS", "").strip()
    if asked.isdigit() and int(asked) > 0:
        return int(asked)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def shipped_themes() -> Path:
    """Where the shipped themes are: inside the installed package, or in the checkout."""
    packaged = PACKAGE / "themes"
    if packaged.is_dir():
        return packaged
    return PACKAGE.resolve().parents[1] / "themes"


def cache_home() -> Path:
    """Where build caches live: `PORTFOLIO_CACHE`, else the user's cache folder.

    Never inside a project: a cache holds pickles, and loading a pickle can run code,
    so it must not be something a cloned repository can bring with it."""
    asked = os.environ.get("PORTFOLIO_CACHE", "").strip()
    if asked:
        return Path(asked).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "portfolio"
