"""Builds of one project exclude each other, and a folder being written says so.

Two builds at once are ordinary (two terminals, an editor's build-on-save beside a
manual build). Each writes a staging folder beside `site/` and swaps it in, and each
cleans up what a killed build left; unguarded, one build's clean-up deleted the other's
staging folder while it was being swapped in. So:

- A build holds an exclusive lock on the project folder for its whole run: `flock` on
  the folder itself, so no lock file ever appears in the user's repository. A second
  build says that it is waiting, and waits.
- A staging folder is locked by the build that made it for as long as that build works
  on it. Recovery removes only a staging folder whose lock it can take, which the
  kernel gives up when its maker ends, however it ends (SIGKILL included): a staging
  folder is removed by the build that made it, or when provably abandoned.

A lock belongs to an open file, which forked children (the PDF workers, the parallel
renderers, the detached remover) share: they let go of it as they start, so that a
killed build's lock is free as soon as the build is gone. Standard library only: the
command line takes the lock before it looks at the cache.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: builds are not guarded against each other there
    fcntl = None  # type: ignore[assignment]

_held: dict[str, int] = {}  # project path -> its locked fd: a build may nest its lock
_claims: set[int] = set()  # fds of the staging folders this process is writing
UNGUARDED = -1  # a claim where locks are missing (not POSIX, or NFS): nothing to release


def _forget_in_child() -> None:
    """A forked child holds none of its parent's locks (see the module's docstring)."""
    for fd in _held.values():
        os.close(fd)
    for fd in _claims:
        os.close(fd)
    _held.clear()
    _claims.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def _open_folder(folder: Path) -> int:
    return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


@contextmanager
def project_lock(root: Path, waiting: Callable[[], None]) -> Iterator[None]:
    """Hold the project's build lock for the block; `waiting()` is called once if
    another build holds it, before this one waits for it. Where the file system has
    no locks (some network ones), builds go unguarded, as they did before locks."""
    key = str(root.resolve())
    if key in _held or fcntl is None:  # this process holds it already, or no locks here
        yield
        return
    fd = _locked(root, waiting)
    if fd is None:
        yield
        return
    _held[key] = fd
    try:
        yield
    finally:
        _held.pop(key, None)
        os.close(fd)  # closing the only open file gives the lock up


def _locked(folder: Path, waiting: Callable[[], None] | None) -> int | None:
    """`folder`, open and exclusively locked: waiting for it after `waiting()`, or, with
    no `waiting`, not at all (BlockingIOError). None where it cannot be locked."""
    assert fcntl is not None
    try:
        fd = _open_folder(folder)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return fd
    except BlockingIOError:
        if waiting is None:
            os.close(fd)
            raise
    except OSError:  # no locks on this file system (NFS refuses flock on a folder)
        os.close(fd)
        return None
    try:
        waiting()
        fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(fd)
        raise
    return fd


def claim(folder: Path) -> int | None:
    """Lock a folder this process has just made and will write: its fd, UNGUARDED
    where there are no locks, or None if another process's recovery took the folder
    between its making and this claim."""
    if fcntl is None:
        return UNGUARDED
    try:
        fd = _locked(folder, None)
    except BlockingIOError:  # a recovery holds it, about to remove it
        return None
    if fd is None:
        return None if not folder.is_dir() else UNGUARDED
    try:
        same = os.path.samestat(os.fstat(fd), os.stat(folder))
    except OSError:
        same = False
    if not same:
        os.close(fd)
        return None
    _claims.add(fd)
    return fd


def release(fd: int) -> None:
    """Let go of a claimed folder."""
    if fd in _claims:
        _claims.discard(fd)
        os.close(fd)


@contextmanager
def abandoned(folder: Path) -> Iterator[bool]:
    """Whether nobody is working on `folder` (its maker has ended or let go), holding
    its lock for the block so that nobody can start on it while it is removed. Where
    locks are missing, a leftover is taken as abandoned, as before locks."""
    if fcntl is None:
        yield True
        return
    try:
        fd = _locked(folder, None)
    except BlockingIOError:
        yield False
        return
    if fd is None:
        yield folder.is_dir()
        return
    try:
        yield True
    finally:
        os.close(fd)
