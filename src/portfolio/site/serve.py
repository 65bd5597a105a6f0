"""`portfolio serve`: the site on loopback under its base path, rebuilt as you edit.

The site is built in memory (HTML only; PDFs take seconds) into a private temporary
folder, never into `site/`. A watcher (watchfiles) rebuilds on every change to
`content/`, `portfolio.yaml` or a theme, incrementally: the build cache (cache/store.py)
is kept in memory, so only the files that changed are parsed again and only the pages
that depend on them are rendered again, and only the files whose bytes changed are
rewritten. Each HTML page is served with a small script that listens on an event
stream: the page reloads when the site changed, and shows an overlay with the file
and line when the content has an error (or the theme fails), while the last good site
keeps being served. The web server itself is site/server.py.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from portfolio.cache.store import Cache, settings
from portfolio.errors import BuildError, ContentError
from portfolio.output import Preview
from portfolio.site.server import Server, handler
from portfolio.site.write import sync_tree

Pipeline = Callable[[Path, Cache, Path], Preview]  # (project, cache, folder) -> the site
Report = Callable[[list[str], str | None], None]  # (files changed, problem) -> said


@dataclass
class Live:
    """The state a server shares between its request threads and the watcher."""

    root: Path
    out: Path
    pipeline: Pipeline  # build.preview: the site in memory, redone where the cache says
    version: int = 0
    problem: str | None = None
    prefix: str = "/"  # the base URL's path, decoded: the site is served under it
    watched: list[Path] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)
    cache: Cache | None = None  # the last good build's, in memory
    written: set[str] = field(default_factory=set)  # what `out` holds (a new folder)

    def rebuild(self) -> list[str]:
        """Build, redoing only what changed; write what changed. On any error keep the
        last site (and the cache that made it), and say what went wrong instead."""
        try:
            return self._rebuild()
        except ContentError as exc:
            return self._fail(exc.format())
        except BuildError as exc:
            return self._fail(f"error: {exc}")
        except Exception as exc:
            # The one broad catch, at serve's edge: a theme is code being edited while
            # the preview runs, and its bug (or ours) must show in the page and leave
            # the watcher watching, not kill it and leave a page that never reloads.
            # `build` lets the same bug crash loudly.
            return self._fail(crashed(exc, self.root))

    def _rebuild(self) -> list[str]:
        cache = Cache(self.root, in_memory=True, after=self.cache)
        site = self.pipeline(self.root, cache, self.out)
        outputs = site.outputs
        try:
            changed = sync_tree(self.out, outputs, self.written)
        except BaseException:
            # `out` may hold part of this build: remember every file it may hold, and
            # trust none of it to be the last build's output (no cache: all is remade).
            self.written |= {o.path for o in outputs}
            self.cache = None
            raise
        path = unquote(urlsplit(site.base_url).path) or "/"
        self.prefix = path if path.endswith("/") else path + "/"
        self.watched = list(site.watched)
        self.written = {o.path for o in outputs}
        cache.save(cache.loaded, {self.out: (settings(None, False), {})})
        self.cache = cache
        with self.changed:
            if changed or self.problem:
                self.version += 1
            self.problem = None
            self.changed.notify_all()
        return changed

    def _fail(self, text: str) -> list[str]:
        with self.changed:
            self.problem = text
            self.version += 1
            self.changed.notify_all()
        return []


def crashed(exc: Exception, root: Path) -> str:
    """A bug met while rebuilding, in a few lines for the overlay and the terminal: what
    was raised, and where. Frames in templates (Jinja reports them as frames of the
    template's file) say where in a theme; without any, the innermost Python ones."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = [f for f in frames if not f.filename.endswith(".py")] or frames[-3:]
    lines = []
    for frame in where[-6:]:
        file = Path(frame.filename)
        shown = file.relative_to(root) if file.is_relative_to(root) else file
        lines.append(f"    {shown.as_posix()}:{frame.lineno}, in {frame.name}")
    what = traceback.format_exception_only(exc)[-1].strip()
    return "\n".join([f"error: the site could not be rebuilt: {what}", *lines])


def watch(live: Live, stop: threading.Event, report: Report) -> None:
    """Rebuild on every change until `stop` is set; `report(changed, problem)` says how
    it went. `live.rebuild` raises nothing but an interrupt, so this keeps watching."""
    from watchfiles import watch as changes

    while not stop.is_set():
        paths = [p for p in live.watched if p.exists()] or [live.root]
        catch_up = True  # files may have changed before the watcher was in place
        for found in changes(*paths, stop_event=stop, debounce=150, raise_interrupt=False,
                             yield_on_timeout=True, rust_timeout=500):  # fmt: skip
            if not found and not catch_up:
                continue  # the watcher's heartbeat: nothing changed
            catch_up = False
            before = list(live.watched)
            changed = live.rebuild()
            if changed or live.problem:
                report(changed, live.problem)
            if live.watched != before:
                break  # the theme changed: watch its folders instead


def start(root: Path, port: int, pipeline: Pipeline) -> tuple[Server, Live]:
    """Listen on `port`, then build once with `pipeline` (not yet serving): raises
    OSError if the port is taken. Whatever fails (the port, an interrupt during the
    first build) leaves nothing behind: no socket open, no copy of the site in the
    temporary folder."""
    live = Live(root, Path(tempfile.mkdtemp(prefix="portfolio-serve-")), pipeline)
    server: Server | None = None
    try:
        server = Server(("127.0.0.1", port), handler(live))
        live.rebuild()
    except BaseException:
        if server is not None:
            server.server_close()
        cleanup(live)
        raise
    return server, live


def cleanup(live: Live) -> None:
    shutil.rmtree(live.out, ignore_errors=True)
