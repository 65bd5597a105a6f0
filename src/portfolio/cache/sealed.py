"""The cache's files as data that can be trusted: the user's own, sealed, or not read.

The build cache keeps parsed content as pickles and Jinja keeps compiled templates as
marshalled code; loading either runs code. So nothing is loaded from the cache folder
unless this user wrote it:

- the folder (`locations.cache_home`) is created 0700, made 0700 again if an older
  version left it readable by others (it holds every private field), and refused,
  with the reason, when it belongs to another user or another user can write to it;
- every file in it is sealed: an HMAC-SHA256 of its name and bytes under a per-user
  key, kept 0600 beside it and made at random on first use. A file whose seal does
  not match (planted, damaged, truncated, from another key) reads as missing, and the
  build makes again what it would have kept: damage to a cache costs time, never an
  error.

Standard library only: the command line checks the cache before it imports the rest.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from functools import cache
from pathlib import Path

from portfolio.layout import cache_home

MAGIC = b"portfolio-sealed-1\n"
KEY_BYTES = 32
TAG_BYTES = hashlib.sha256().digest_size


class Unsafe(OSError):
    """The cache folder cannot be trusted or used; the message says why and what to do.
    An OSError, so that whatever writes the cache and shrugs off a full disk shrugs
    this off too."""


def _check(folder: Path) -> None:
    """Refuse a folder another user owns or can write to; close one left readable."""
    try:
        st = os.stat(folder)
    except OSError as exc:
        raise Unsafe(f"the cache folder {folder} cannot be used: {exc.strerror}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise Unsafe(f"the cache folder {folder} is not a folder")
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise Unsafe(
            f"the cache folder {folder} belongs to another user; set PORTFOLIO_CACHE to a "
            "folder of your own"
        )
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise Unsafe(
            f"other users can write to the cache folder {folder}; make it yours alone "
            f"(chmod 700 {folder}) or set PORTFOLIO_CACHE to a folder of your own"
        )
    if st.st_mode & 0o077:  # an older version made it readable: it holds private fields
        try:
            os.chmod(folder, 0o700)
        except OSError as exc:
            msg = f"the cache folder {folder} cannot be made private: {exc.strerror}"
            raise Unsafe(msg) from None


def home() -> Path:
    """The cache folder, made if missing and checked once per process; Unsafe if it
    cannot be trusted."""
    return _checked(cache_home())


@cache
def _checked(folder: Path) -> Path:
    try:
        _private_folders(folder)
    except OSError as exc:
        raise Unsafe(f"the cache folder {folder} cannot be made: {exc.strerror}") from None
    _check(folder)
    return folder


def refusal() -> str | None:
    """Why the cache cannot be used (its folder, or its key), or None if it can."""
    try:
        _key(home())
    except Unsafe as exc:
        return str(exc)
    return None


@cache
def _key(folder: Path) -> bytes:
    """The user's key: read, or made at random and put in place in one step (a link,
    which fails if another process made it first; then that one is read). Unsafe if
    it can be neither read nor made (a read-only disk)."""
    try:
        return _read_or_make_key(folder / "key")
    except Unsafe:
        raise
    except OSError as exc:
        raise Unsafe(f"the cache's key in {folder} cannot be made: {exc.strerror}") from None


def _read_or_make_key(path: Path) -> bytes:
    for _ in range(3):
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            _publish_key(path)
            continue
        except OSError:  # a link planted in its place, say: replaced below
            fd = -1
        if fd >= 0:
            with os.fdopen(fd, "rb") as file:
                st = os.fstat(file.fileno())
                data = file.read(KEY_BYTES + 1)
            ours = not hasattr(os, "getuid") or st.st_uid == os.getuid()
            if ours and stat.S_ISREG(st.st_mode) and len(data) == KEY_BYTES:
                if st.st_mode & 0o077:
                    os.chmod(path, 0o600)
                return data
        _publish_key(path, replace=True)  # damaged: a new key (everything sealed is stale)
    raise Unsafe(f"the cache's key {path} cannot be made")


def _publish_key(path: Path, replace: bool = False) -> None:
    temporary = _write_private(path, secrets.token_bytes(KEY_BYTES))
    try:
        if replace:
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)
            except FileExistsError:
                pass
            except OSError:  # no hard links here: first come, and a rare second, win
                os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _write_private(path: Path, data: bytes) -> Path:
    """`data` in a new 0600 file beside `path`; its name is returned."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    return temporary


def _tag(path: Path, data: bytes) -> bytes:
    folder = home()
    name = os.fsencode(path.relative_to(folder).as_posix())
    return hmac.new(_key(folder), name + b"\0" + data, hashlib.sha256).digest()


def write(path: Path, data: bytes) -> None:
    """Seal `data` and put it at `path` (inside the cache folder) in one step."""
    _private_folders(path.parent)
    temporary = _write_private(path, MAGIC + _tag(path, data) + data)
    try:
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def _private_folders(folder: Path) -> None:
    """Make `folder` and any missing parent 0700 (pathlib gives parents the umask's)."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for each in reversed(missing):
        each.mkdir(mode=0o700, exist_ok=True)


def read(path: Path) -> bytes | None:
    """The bytes sealed at `path`, or None if it is missing, not a regular file of this
    user's, or its seal does not match."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as file:
            st = os.fstat(file.fileno())
            if not stat.S_ISREG(st.st_mode):
                return None
            if hasattr(os, "getuid") and st.st_uid != os.getuid():
                return None
            blob = file.read()
        head = len(MAGIC) + TAG_BYTES
        if len(blob) < head or not blob.startswith(MAGIC):
            return None
        tag, data = blob[len(MAGIC) : head], blob[head:]
        if not hmac.compare_digest(tag, _tag(path, data)):
            return None
    except OSError:  # Unsafe among them: no key, no trust
        return None
    return data
