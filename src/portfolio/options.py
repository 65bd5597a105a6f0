"""What a build is asked to make: one value, from the command line, the bench or a
test. Standard library only: the command line uses it to ask the cache whether
anything needs making before it imports the rest of the program."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portfolio.errors import BuildError


@dataclass(frozen=True)
class BuildOptions:
    """Where to build what. `targets`: only those packs, and not the site; without
    `with_packs`, only the site (what a CI that publishes it needs)."""

    root: Path
    out: Path  # the public site
    packs: Path  # one folder per target: private, never inside the site
    base_url: str | None = None  # overrides portfolio.yaml's
    pdf: bool = True
    targets: tuple[str, ...] | None = None
    with_packs: bool = True
    cache: bool = True  # keep what has not changed since the last build

    @classmethod
    def of(
        cls, root: Path, out: Path | None = None, packs: Path | None = None, **rest: Any
    ) -> BuildOptions:
        """The options for the project at `root`, its folders made absolute (`site/`
        and `packs/` inside it unless given) and checked to be apart."""
        root = root.resolve()
        made = cls(
            root, (out or root / "site").resolve(), (packs or root / "packs").resolve(), **rest
        )
        made.check_apart()
        return made

    def check_apart(self) -> None:
        """Packs are private: never written into the site, nor the site into them."""
        site, packs = self.out.resolve(), self.packs.resolve()
        if packs.is_relative_to(site) or site.is_relative_to(packs):
            raise BuildError(
                f"the site ({site}) and the packs ({packs}) must be separate folders: "
                "packs are private and must never be published"
            )

    def folders(self, target_ids: Iterable[str]) -> list[Path]:
        """The folders this build writes, the site first, given the project's targets."""
        if self.targets:
            return [self.packs / t for t in self.targets]
        packs = [self.packs / t for t in target_ids] if self.with_packs else []
        return [self.out, *packs]
