"""Write the output: the only module that writes files.

Everything is written to a fresh folder beside the target and swapped in at the
end, so a build that fails (or is killed) leaves the previous output whole. On Linux
the swap is one atomic `renameat2(RENAME_EXCHANGE)`: there is no instant at which
`site/` is missing. Elsewhere it is two renames, and a build that dies between them
leaves the old folder beside the target, which the next build puts back first. The
build marks its folder with `OUTPUT_MARKER` and refuses to replace a folder that holds
anything it did not make: `--out ~` must never empty a home directory.

A staging folder is locked by the build writing it (system/locks.py), and recovery removes
only the ones whose builds have ended: a build never deletes another's work in
progress, even a build of another project that writes to the same folder.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from portfolio.cache.store import Tree
from portfolio.errors import BuildError
from portfolio.layout import OUTPUT_MARKER
from portfolio.output import Output
from portfolio.system.checkpoints import reached
from portfolio.system.locks import abandoned, claim, release

LARGE = 500  # folders: a replaced output this large is deleted in the background


class UnsafeOutput(BuildError):
    """The output folder holds files this tool did not make."""


def check_target(out: Path) -> None:
    """Refuse to replace `out` unless it is missing, empty, or ours."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise UnsafeOutput(f"{out} is not a folder this tool made; choose another --out")
    if out.is_dir() and any(out.iterdir()) and not (out / OUTPUT_MARKER).is_file():
        raise UnsafeOutput(
            f"{out} is not empty and was not made by portfolio (no {OUTPUT_MARKER} file in it); "
            "choose an empty or new folder with --out"
        )


def write_tree(out: Path, outputs: Iterable[Output]) -> int:
    """Write `outputs` into a new folder and swap it in for `out`. Returns bytes written."""
    recover(out)
    check_target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging, owned = _staging(out)
    total = 0
    folders = {staging}
    try:
        for number, item in enumerate(outputs):
            if number == 1:  # one file is in: a build stopped now leaves a partial folder
                reached(f"staging:{out.name}")
            dest = staging / item.path
            if dest.parent not in folders:
                dest.parent.mkdir(parents=True, exist_ok=True)
                folders.add(dest.parent)
            if item.kept and item.source is not None and _link(item.source, dest):
                continue  # the previous build's file, unchanged: linked, not written
            if item.source is not None:
                shutil.copyfile(item.source, dest)
                total += dest.stat().st_size
            else:
                dest.write_bytes(item.data or b"")
                total += len(item.data or b"")
        (staging / OUTPUT_MARKER).write_text(
            "made by portfolio; safe to delete\n", encoding="utf-8"
        )
        os.chmod(staging, 0o755)
        reached(f"staged:{out.name}")
        _swap(staging, out, large=len(folders) > LARGE)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        release(owned)
    return total


def _staging(out: Path) -> tuple[Path, int]:
    """A new staging folder beside `out`, claimed (locked) by this build."""
    for _ in range(3):
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
        owned = claim(staging)
        if owned is not None:
            return staging, owned
        shutil.rmtree(staging, ignore_errors=True)  # if a recovery has not yet
    raise BuildError(f"could not claim a folder beside {out}: another program keeps removing them")


def _link(source: Path, dest: Path) -> bool:
    """Hard-link a file of the previous output into the new one. Safe because no build
    ever changes a written file in place: each writes a new folder. False where the
    system cannot link (another file system); the file is then copied."""
    try:
        os.link(source, dest)
    except OSError:
        return False
    return True


def _swap(staging: Path, out: Path, large: bool = False) -> None:
    """Put `staging` where `out` is; the old folder is removed only once replaced."""
    if not out.exists():
        staging.rename(out)
        return
    if _exchange(staging, out):
        reached(f"swapped:{out.name}")
        _remove(staging, large)  # it now holds the old output
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    old.rmdir()
    held = claim(out)  # so that no recovery puts it back while the new one moves in
    try:
        out.rename(old)
        staging.rename(out)
    finally:
        if held is not None:
            release(held)
    reached(f"swapped:{out.name}")
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux `renameat2`); False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # not glibc 2.28+: no renameat2
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(done == 0)


def _remove(old: Path, large: bool) -> None:
    """Delete a replaced output. A large one (deleting takes time in proportion to its
    folders) is deleted by a detached process, so the build ends when its output is in
    place; if that process is stopped, the next build's `recover` finishes the job."""
    if large and hasattr(os, "fork") and threading.active_count() == 1:
        pid = os.fork()
        if pid == 0:  # detach (a grandchild, so nobody has to wait for it), then delete
            try:
                if os.fork() == 0:
                    os.setsid()
                    null = os.open(os.devnull, os.O_RDWR)
                    for fd in (0, 1, 2):  # let go of the caller's pipes and terminal
                        os.dup2(null, fd)
                    os.closerange(3, 1024)
                    shutil.rmtree(old, ignore_errors=True)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        return
    shutil.rmtree(old, ignore_errors=True)  # a recovery may be removing it too


def recover(out: Path) -> None:
    """Undo what a killed build left beside `out`: a staging folder is dropped; an old
    output whose replacement never arrived is put back (the two-rename fallback).
    Only what was abandoned: a folder another build is still working on is left be."""
    if not out.parent.is_dir():
        return
    for leftover in sorted(out.parent.glob(f".{out.name}.new-*")):
        if leftover.is_dir() and not leftover.is_symlink():
            with abandoned(leftover) as free:
                if free:
                    shutil.rmtree(leftover, ignore_errors=True)
    for old in sorted(out.parent.glob(f".{out.name}.old-*")):
        if not old.is_dir() or old.is_symlink() or not (old / OUTPUT_MARKER).is_file():
            continue
        with abandoned(old) as free:
            if free and out.exists():
                shutil.rmtree(old, ignore_errors=True)
            elif free:
                old.rename(out)


def sync_tree(out: Path, outputs: Iterable[Output], before: set[str]) -> list[str]:
    """Make the folder `out` (ours, e.g. `serve`'s) hold exactly `outputs`, writing only
    the files whose bytes changed and removing the ones no longer made. Returns the
    paths that changed, so a live preview reloads only when something did. `before`:
    what `out` holds (what the last call was given; nothing, the first time), so that
    finding what to remove does not list the whole folder. Each file is written under
    a temporary name beside it and renamed into place, which is atomic: someone
    reading `out` meanwhile (serve's requests) gets the old file or the new one, never
    an empty or half-written one."""
    out.mkdir(parents=True, exist_ok=True)
    changed = []
    wanted = set()
    for item in outputs:
        wanted.add(item.path)
        dest = out / item.path
        if item.kept and item.source == dest:
            continue  # kept by the cache: the file already there is this output
        data = item.data if item.source is None else item.source.read_bytes()
        if not dest.is_file() or dest.read_bytes() != (data or b""):
            dest.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".new", dir=dest.parent)
            try:
                with os.fdopen(fd, "wb") as stream:
                    stream.write(data or b"")
                os.replace(temp, dest)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
            changed.append(item.path)
    for rel in sorted(before - wanted):
        file = out / rel
        file.unlink(missing_ok=True)
        changed.append(rel)
        for folder in file.parents:  # and the folders it leaves empty
            if folder == out or any(folder.iterdir()):
                break
            folder.rmdir()
    return changed


def keep_files(tree: Tree, outputs: list[Output]) -> list[Output]:
    """Copied files (attachments, theme assets) whose source is as it was, and bytes
    that are as they were written, are linked from the previous output; every file is
    recorded in `tree` for the next build."""
    kept = []
    for o in outputs:
        if o.source is not None and not o.kept:
            try:
                st = o.source.stat()
            except OSError:
                kept.append(o)
                continue
            o = _keep(tree, o, f"file {o.source} {st.st_size} {st.st_mtime_ns} {st.st_ino}")
        elif o.path not in tree.made and o.data is not None:
            # Bytes made without a page's key (the cascaded stylesheets, CNAME): kept
            # when they are the bytes written last time.
            o = _keep(tree, o, "data " + hashlib.sha256(o.data).hexdigest())
        elif o.path not in tree.made:
            tree.made[o.path] = None
        kept.append(o)
    return kept


def _keep(tree: Tree, o: Output, key: str) -> Output:
    """`o` as the previous build's file if that was made from `key`; else `o`, recorded
    under `key` for the next build."""
    old = tree.reuse(o.path, key)
    if old is None:
        tree.made[o.path] = key
        return o
    tree.reused -= 1  # a file kept is not a page kept
    return Output(o.path, source=old, kept=True)
