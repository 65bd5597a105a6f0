"""The output in memory: one file of a site or a pack, before anything is written.

Below rendering, so that what writes files (write.py) does not import Jinja, the
renderer or the audit to know what a file is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Output:
    """One file of the output: rendered bytes, or a file to copy."""

    path: str  # relative to the output folder, with forward slashes
    data: bytes | None = None
    source: Path | None = None
    kept: bool = False  # `source` is the previous build's copy, still good: link to it
