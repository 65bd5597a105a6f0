"""Where the tool's own files are: standard library only (cache/store.py needs them early)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).parent


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
