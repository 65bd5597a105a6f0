"""The rooms of the package import downward only: each room may import the rooms
listed before it (README, Development), never one after it, so the structure the
README shows is the structure the code has."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "portfolio"
ROOMS = [
    "errors", "clock", "layout", "options", "output", "system", "cache", "content", "pdf",
    "documents", "audit", "site", "packs", "interop", "build", "cli",
]  # fmt: skip


def _imports(file: Path) -> list[tuple[int, str]]:
    """Every `portfolio.x...` this file imports (at any depth), with its line."""
    found = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "portfolio":
                found += [(node.lineno, alias.name) for alias in node.names]
            elif node.module.startswith("portfolio."):
                found.append((node.lineno, node.module.removeprefix("portfolio.")))
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, a.name.removeprefix("portfolio."))
                for a in node.names
                if a.name.startswith("portfolio.")
            ]
    return found


def test_every_module_lives_in_a_room() -> None:
    for file in PACKAGE.rglob("*.py"):
        room = file.relative_to(PACKAGE).parts[0].removesuffix(".py")
        assert room in ROOMS or room in ("__init__", "__main__"), f"{file}: not in a room"


def test_no_room_imports_one_after_it() -> None:
    upward = []
    for file in sorted(PACKAGE.rglob("*.py")):
        room = file.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if room not in ROOMS:
            continue
        for line, target in _imports(file):
            other = target.split(".")[0]
            if other in ROOMS and ROOMS.index(other) > ROOMS.index(room):
                upward.append(f"{file.relative_to(PACKAGE)}:{line} imports {target}")
    assert not upward, "\n".join(upward)


def test_the_readme_shows_the_rooms_in_this_order() -> None:
    readme = (PACKAGE.parents[1] / "README.md").read_text(encoding="utf-8")
    tree = readme[readme.index("src/portfolio/\n") :]
    places = [tree.index(f"{room}.py" if (PACKAGE / f"{room}.py").exists() else f"{room}/")
              for room in ROOMS]  # fmt: skip
    assert places == sorted(places), "the README lists the rooms in another order"
