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

_held: dict[str, list[int]] = {}  # project path -> [fd, depth]: a build may nest its lock
_claims: set[int] = set()  # fds of the staging folders this process is writing


def _forget_in_child() -> None:
    """A forked child holds none of its parent's locks (see the module's docstring)."""
    for fd, _ in _held.values():
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
    another build holds it, before this one waits for it."""
    key = str(root.resolve())
    if key in _held or fcntl is None:
        if key in _held:
            _held[key][1] += 1
        try:
            yield
        finally:
            if key in _held:
                _held[key][1] -= 1
        return
    fd = _take(root, waiting)
    if fd is None:  # a file system without locks: build unguarded, as before
        yield
        return
    _held[key] = [fd, 1]
    try:
        yield
    finally:
        _held.pop(key, None)
        os.close(fd)  # closing the only open file gives the lock up


def _take(root: Path, waiting: Callable[[], None]) -> int | None:
    """The project folder, open and locked; None where it cannot be locked."""
    assert fcntl is not None
    try:
        fd = _open_folder(root)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException as exc:
        os.close(fd)
        if isinstance(exc, OSError) and not isinstance(exc, BlockingIOError):
            return None
        raise
    return fd


def claim(folder: Path) -> int | None:
    """Lock a folder this process has just made and will write; None if it is gone
    (another process's recovery took it between its making and this claim)."""
    if fcntl is None:
        return -1
    try:
        fd = _open_folder(folder)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if not os.path.samestat(os.fstat(fd), os.stat(folder)):
            raise FileNotFoundError(folder)
    except OSError:
        os.close(fd)
        return None
    _claims.add(fd)
    return fd


def release(fd: int) -> None:
    """Let go of a claimed folder."""
    if fd >= 0 and fd in _claims:
        _claims.discard(fd)
        os.close(fd)


def abandoned(folder: Path) -> bool:
    """Whether nobody is working on `folder`: its lock is free (its maker has ended or
    let go). Where locks are missing, a leftover is taken as abandoned, as before."""
    if fcntl is None:
        return True
    try:
        fd = _open_folder(folder)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # a file system without locks: nobody can be holding one
        return True
    finally:
        os.close(fd)
    return True
