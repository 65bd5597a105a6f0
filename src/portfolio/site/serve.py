"""`portfolio serve`: the site on loopback under its base path, rebuilt as you edit.

The site is built in memory (HTML only; PDFs take seconds) into a private temporary
folder, never into `site/`. A watcher (watchfiles) rebuilds on every change to
`content/`, `portfolio.yaml` or a theme, incrementally: the build cache (cache/store.py)
is kept in memory, so only the files that changed are parsed again and only the pages
that depend on them are rendered again, and only the files whose bytes changed are
rewritten. Each HTML page is served with a small script that listens on an event
stream: the page reloads when the site changed, and shows an overlay with the file
and line when the content has an error (or the theme fails), while the last good site
keeps being served.

Only this machine should see the preview, which shows what the content holds while it
is being edited (the error overlay can name private goals). Listening on loopback is
not enough: a page on another site can rebind its own host name to 127.0.0.1 and read
the answers (DNS rebinding), so a request is answered only when its Host names the
address and port the server listens on.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, quote, unquote, urlsplit

from portfolio.cache.store import Cache, settings
from portfolio.errors import BuildError, ContentError
from portfolio.output import Preview
from portfolio.site.write import sync_tree

Pipeline = Callable[[Path, Cache, Path], Preview]  # (project, cache, folder) -> the site
EVENTS = "/__portfolio/events"
IDLE = 30.0  # seconds a connection may keep the server waiting for its request
HEARTBEAT = 15.0  # seconds between the event stream's "still here" comments
LONGEST = 2048  # characters of a request's address: longer is not one of ours
BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
Request = socket.socket | tuple[bytes, socket.socket]  # what socketserver hands a handler
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".svg": "image/svg+xml",
         ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml",
         ".txt": "text/plain; charset=utf-8", ".pdf": "application/pdf", ".png": "image/png",
         ".jpg": "image/jpeg", ".woff2": "font/woff2", ".ico": "image/x-icon"}  # fmt: skip
CLIENT = """<script>(function () {
  var shown = null, source = new EventSource("%(events)s?v=%(version)d");
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("problem", function (e) {
    if (!shown) {
      shown = document.createElement("pre");
      shown.setAttribute("role", "alert");
      shown.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;z-index:2147483647;" +
        "margin:0;padding:1rem 1.25rem;max-height:50vh;overflow:auto;white-space:pre-wrap;" +
        "background:#fff5f5;color:#7a1010;border:2px solid #b3261e;border-radius:8px;" +
        "font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 8px 30px #0003";
      document.body.appendChild(shown);
    }
    shown.textContent = "portfolio: the last change has errors; this is the last good " +
      "build.\\n\\n" + JSON.parse(e.data);
  });
})();</script>"""


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


class Server(ThreadingHTTPServer):
    """The HTTP server, quiet about clients that went away or stalled (a closed tab, a
    timed-out connection): they are not news. Anything else is a bug, printed."""

    daemon_threads = True

    def handle_error(self, request: Request, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


def handler(
    live: Live, idle: float = IDLE, heartbeat: float = HEARTBEAT
) -> type[BaseHTTPRequestHandler]:
    """The request handler: `idle` seconds to send a request (then the connection is
    dropped, so a client that connects and says nothing does not keep a thread), and
    a comment on the event stream every `heartbeat` seconds."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "portfolio-serve"
        timeout = idle  # the socket's; the event stream only writes, so it stays open

        def log_message(self, format: str, *args: object) -> None:
            """Requests are not news; errors and rebuilds are printed by the command."""

        def do_GET(self) -> None:
            if not self._for_us():
                return self._refuse(
                    HTTPStatus.BAD_REQUEST,
                    f"This server answers only http://127.0.0.1:{self._port()}/ and "
                    f"http://localhost:{self._port()}/.",
                )
            target = self._target()
            if target is None:
                return self._refuse(
                    HTTPStatus.BAD_REQUEST,
                    "This address cannot be read: it is too long, or holds a bad %-escape "
                    "or a control character.",
                )
            path, query = target
            if path == EVENTS:
                self._events(query)
            elif not path.startswith(live.prefix):
                self._redirect(quote(live.prefix))
            else:
                self._file(path.removeprefix(live.prefix))

        do_HEAD = do_GET  # the same headers; `_body` leaves the body out

        def _port(self) -> int:
            return cast(ThreadingHTTPServer, self.server).server_port

        def _for_us(self) -> bool:
            """Whether the one Host header names the address and port we listen on."""
            hosts = self.headers.get_all("Host") or []
            if len(hosts) != 1:
                return False
            port = self._port()
            names = {f"127.0.0.1:{port}", f"localhost:{port}"}
            if port == 80:
                names |= {"127.0.0.1", "localhost"}
            return hosts[0].strip().lower() in names

        def _target(self) -> tuple[str, str] | None:
            """The request's path (decoded) and query, or None when it is not an address
            of ours or cannot be decoded: bad or NUL escapes, not UTF-8, too long."""
            raw = self.path
            if not raw.startswith("/") or len(raw) > LONGEST or BAD_ESCAPE.search(raw):
                return None
            path, _, query = raw.partition("#")[0].partition("?")
            try:
                path = unquote(path, errors="strict")
            except UnicodeDecodeError:
                return None
            if any(ord(c) < 0x20 or c == "\x7f" for c in path):
                return None
            return path, query

        def _refuse(self, status: HTTPStatus, text: str) -> None:
            data = (text + "\n").encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            self._body(data)

        def _body(self, data: bytes) -> None:
            if self.command != "HEAD":
                self.wfile.write(data)

        def _redirect(self, where: str) -> None:
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", where)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _file(self, rel: str) -> None:
            try:
                file = (live.out / rel).resolve()
                if not file.is_relative_to(live.out.resolve()):
                    return self._missing()
                if file.is_dir():
                    if rel and not rel.endswith("/"):
                        return self._redirect(quote(live.prefix + rel + "/"))
                    file = file / "index.html"
                data = file.read_bytes()
            except (OSError, ValueError):  # no such file, a name too long, a folder
                return self._missing()
            self._send(HTTPStatus.OK, file, data)

        def _missing(self) -> None:
            page = live.out / "404.html"
            try:
                data = page.read_bytes()
            except OSError:
                return self.send_error(HTTPStatus.NOT_FOUND)
            self._send(HTTPStatus.NOT_FOUND, page, data)

        def _send(self, status: HTTPStatus, file: Path, data: bytes) -> None:
            if file.suffix == ".html":
                script = CLIENT % {"events": EVENTS, "version": live.version}
                data = data.replace(b"</body>", script.encode() + b"</body>", 1)
            self.send_response(status)
            self.send_header("Content-Type", TYPES.get(file.suffix, "application/octet-stream"))
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self._body(data)

        def _events(self, query: str) -> None:
            """Server-sent events: `reload` when the site moved past the page's version
            (`?v=`; none: any), `problem` (with the errors) while the content does not
            build."""
            try:
                given = parse_qs(query, keep_blank_values=True, strict_parsing=True,
                                 errors="strict", max_num_fields=8).get("v", ["-1"])  # fmt: skip
            except ValueError:  # a field without `=`, bad UTF-8, too many fields
                given = []
            if len(given) != 1 or not re.fullmatch(r"-?[0-9]{1,18}", given[0]):
                return self._refuse(
                    HTTPStatus.BAD_REQUEST, "The event stream's v= must be one whole number."
                )
            seen = int(given[0])
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if self.command == "HEAD":
                return
            try:
                while True:
                    version, problem = self._next(seen)
                    if version == seen:
                        message = ": still here\n\n"  # keeps proxies from closing it
                    elif problem is not None:
                        message = f"event: problem\ndata: {json.dumps(problem)}\n\n"
                    else:
                        message = "event: reload\ndata: {}\n\n"
                    self.wfile.write(message.encode())
                    self.wfile.flush()
                    seen = version
            except (ConnectionError, TimeoutError):  # gone, or stopped reading
                return

        def _next(self, seen: int) -> tuple[int, str | None]:
            """Wait (`heartbeat` seconds at most) for a version other than `seen`."""
            with live.changed:
                live.changed.wait_for(lambda: live.version != seen, timeout=heartbeat)
                return live.version, live.problem

    return Handler


Report = Callable[[list[str], str | None], None]


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
