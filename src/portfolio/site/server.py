"""The live preview's web server: the site folder under its base path, the event
stream that tells open pages to reload or to show a problem, and the rules that keep
anything but this machine's own browser out.

Only this machine should see the preview, which shows what the content holds while it
is being edited (the error overlay can name private goals). Listening on loopback is
not enough: a page on another site can rebind its own host name to 127.0.0.1 and read
the answers (DNS rebinding), so a request is answered only when its Host names the
address and port the server listens on. Anything it cannot parse gets a 400, never a
traceback; a connection that sends nothing is dropped.
"""

from __future__ import annotations

import json
import re
import socket
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import parse_qs, quote, unquote

if TYPE_CHECKING:
    from portfolio.site.serve import Live

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
