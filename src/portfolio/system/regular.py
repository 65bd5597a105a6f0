"""Only regular files are read.

A named pipe in a project, or a link to a device, is a file name like any other, but
opening it waits for a writer that never comes, and reading `/dev/zero` never ends:
a build (or the cache's hashing) would hang for good. So files are opened without
blocking and read only if they are regular; anything else is skipped, and the stage
that would have used it says so. Standard library only: the cache uses it before the
rest of the program is imported.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from portfolio.errors import Problem

KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


class NotRegular(OSError):
    """The path names something other than a regular file (after links)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(0, f"{kind}, not a regular file", str(path))
        self.kind = kind


def special(mode: int) -> str | None:
    """What a stat's mode names, if it is neither a file, a folder nor a link."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode):
        return None
    return KINDS.get(stat.S_IFMT(mode), "not a regular file")


def kind_of(path: Path) -> str | None:
    """What `path` is, following links, if it is not a regular file or a folder:
    "a named pipe", "a device", "a socket", or "a link to nothing"."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a link to nothing" if path.is_symlink() else None
    except OSError:
        return None
    return special(mode)


def _open(path: Path) -> int:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotRegular(path, special(mode) or "a folder")
    return fd


def read_bytes(path: Path) -> bytes:
    """The bytes of the regular file `path`; NotRegular (an OSError) for anything else."""
    with os.fdopen(_open(path), "rb") as file:
        return file.read()


def sha256(path: Path) -> str:
    """The SHA-256 of the regular file `path`; NotRegular (an OSError) for anything else."""
    with os.fdopen(_open(path), "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def skipped_warning(rel: str, kind: str) -> Problem:
    """The warning for what is not a file where the build reads files."""
    return Problem(
        rel, 1, 1, f"skipped: this is {kind}, not a file",
        "remove it, or put a regular file in its place",
    )  # fmt: skip
