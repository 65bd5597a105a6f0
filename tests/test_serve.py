"""`portfolio serve` as a user runs it: a real process on loopback, under the site's
base path; a change to a file shows in the page, a content error (or a theme's bug) is
pushed to the page while the last good site stays up, and Ctrl-C stops it cleanly.
It answers only requests addressed to itself, and nothing a client sends gives a
traceback.

The tests wait for what the server says (its `Serving` line, the events it streams),
never for a number of seconds: HANG only keeps a broken server from hanging the suite,
and is no measure of speed."""

from __future__ import annotations

import http.client
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest

from conftest import copy_sample
from portfolio.build import preview
from portfolio.output import Output
from portfolio.site.serve import Live

EVIDENCE = "content/evidence/warehouse-cost-reduction.md"
HANG = 120.0  # seconds: a guard against a hung server, never an assertion on speed


@dataclass
class Serve:
    """A `portfolio serve` process on a port of its choosing, its output read as it
    comes, so a test can wait for a line instead of for the clock."""

    root: Path
    tmp: Path  # its TMPDIR: where its copy of the site lives while it runs
    process: subprocess.Popen[str] = field(init=False)
    lines: dict[str, queue.Queue[str]] = field(init=False)
    said: dict[str, list[str]] = field(init=False)
    pumps: list[threading.Thread] = field(init=False)
    base: str = ""  # http://127.0.0.1:PORT
    port: int = 0

    def __post_init__(self) -> None:
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "portfolio", "serve", str(self.root), "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "TMPDIR": str(self.tmp)},
        )
        self.lines = {"out": queue.Queue(), "err": queue.Queue()}
        self.said = {"out": [], "err": []}
        self.pumps = [
            threading.Thread(target=self._pump, args=(stream, name), daemon=True)
            for stream, name in ((self.process.stdout, "out"), (self.process.stderr, "err"))
        ]
        for pump in self.pumps:
            pump.start()

    def _pump(self, stream: IO[str] | None, name: str) -> None:
        assert stream is not None
        for line in stream:
            self.said[name].append(line)
            self.lines[name].put(line)
        self.lines[name].put("")  # the end

    def ready(self) -> Serve:
        """Wait for `Serving http://...`: the first build is done and it listens."""
        line = self.next_line("out")
        assert line.startswith("Serving http://"), "".join(self.said["err"]) or line
        url = line.split()[1]
        self.base = url.split("/career/")[0]
        self.port = int(self.base.rsplit(":", 1)[1])
        return self

    def next_line(self, name: str) -> str:
        try:
            return self.lines[name].get(timeout=HANG)
        except queue.Empty:
            raise AssertionError(f"serve said nothing on std{name} in {HANG} s") from None

    def wait_for(self, name: str, text: str) -> str:
        """The next line of stdout or stderr holding `text`."""
        line = self.next_line(name)
        while text not in line:
            assert line, f"serve ended without saying {text!r}"
            line = self.next_line(name)
        return line

    def stop(self) -> tuple[str, str]:
        """Ctrl-C, then everything it said."""
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=HANG)
        for pump in self.pumps:
            pump.join(timeout=HANG)
        return "".join(self.said["out"]), "".join(self.said["err"])

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


class Events:
    """The page's event stream, read event by event (heartbeats skipped)."""

    def __init__(self, base: str, version: int | str) -> None:
        url = f"{base}/__portfolio/events?v={version}"
        self.stream = urllib.request.urlopen(url, timeout=HANG)

    def next(self) -> tuple[str, str]:
        """The next event's name and data."""
        name, data = "", ""
        deadline = time.monotonic() + HANG
        while time.monotonic() < deadline:
            line = self.stream.readline().decode("utf-8")
            assert line, "the event stream ended"
            if line == "\n" and name:
                return name, data
            if line.startswith("event: "):
                name = line.removeprefix("event: ").strip()
            elif line.startswith("data: "):
                data = line.removeprefix("data: ").rstrip("\n")
        raise AssertionError(f"no event in {HANG} s")

    def __enter__(self) -> Events:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=HANG) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _raw(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send `request` as it is; the status, headers and body of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=HANG) as s:
        s.sendall(request)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    assert answer, "the server closed the connection without an answer"
    head, _, body = answer.partition(b"\r\n\r\n")
    status, *fields = head.decode("latin-1").split("\r\n")
    headers = dict(f.split(": ", 1) for f in fields)
    return int(status.split()[1]), headers, body


def _ask(port: int, target: str, host: str | None = None, method: str = "GET") -> int:
    host = f"127.0.0.1:{port}" if host is None else host
    request = f"{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    return _raw(port, request.encode("latin-1"))[0]


def _version(html: str) -> str:
    found = re.search(r"events\?v=(-?[0-9]+)", html)
    assert found, "the page listens for rebuilds"
    return found.group(1)


def _edit(file: Path, old: str, new: str) -> None:
    """Replace `old` by `new` in `file` in one step (a whole new file renamed over it,
    from beside the project, which is not watched), so the watcher never sees it
    half-written."""
    text = file.read_text(encoding="utf-8")
    assert old in text
    root = next(p for p in file.parents if (p / "portfolio.yaml").is_file())
    temp = root.parent / f".edit-{file.name}"
    temp.write_text(text.replace(old, new), encoding="utf-8")
    os.replace(temp, file)


def _project(tmp_path: Path) -> Path:
    root = copy_sample(tmp_path / "project")
    _edit(
        root / "portfolio.yaml",
        "base_url: https://portfolio.ines-salgueiro.example/",
        "base_url: https://ines.github.io/career/",
    )
    return root


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Serve]:
    serve = Serve(_project(tmp_path), tmp_path / "tmp")
    try:
        yield serve.ready()
    finally:
        serve.kill()


@pytest.mark.slow  # a serve process
def test_serves_under_the_base_path_and_reloads_on_change(served: Serve) -> None:
    base = served.base
    status, home = _get(base + "/career/")
    assert status == 200 and "Inês Salgueiro" in home
    assert _get(base + "/career/assets/style.css")[0] == 200
    status, _ = _get(base + "/career/goals/staff-engineer-promotion/")
    assert status == 200
    assert _get(base + "/career/no-such-page/")[0] == 404
    page = base + "/career/evidence/warehouse-cost-reduction/"
    _, html = _get(page)
    assert "without slowing a single dashboard" in html

    with Events(base, -1) as events:
        assert events.next()[0] == "reload"  # the page is out of date
    with Events(base, _version(html)) as events:
        _edit(
            served.root / EVIDENCE,
            "without slowing a single dashboard",
            "and kept every dashboard fast",
        )
        assert events.next()[0] == "reload"
    assert "and kept every dashboard fast" in _get(page)[1]
    assert served.wait_for("out", "Rebuilt:")
    assert not (served.root / "site").exists(), "serve never writes into site/"


@pytest.mark.slow  # a serve process
def test_a_content_error_is_pushed_to_the_page_and_the_last_site_stays(served: Serve) -> None:
    page = served.base + "/career/evidence/warehouse-cost-reduction/"
    _, html = _get(page)
    with Events(served.base, _version(html)) as events:
        _edit(served.root / EVIDENCE, "kind: achievement", "kind: achievment")
        event, data = events.next()
    assert event == "problem"
    assert "content/evidence/warehouse-cost-reduction.md:" in data
    assert "did you mean `achievement`?" in data
    status, html = _get(page)
    assert status == 200 and "without slowing a single dashboard" in html
    assert served.wait_for("err", "did you mean `achievement`?")


@pytest.mark.slow  # a serve process
def test_ctrl_c_stops_it_cleanly(served: Serve) -> None:
    out, err = served.stop()
    assert served.process.returncode == 0, err
    assert "Traceback" not in err
    assert out.strip().endswith("Stopped.")
    assert not list(served.tmp.iterdir()), "its copy of the site is removed"
    with pytest.raises(OSError):
        _get(served.base + "/career/")


@pytest.mark.slow  # a serve process
def test_a_busy_port_is_a_clear_error_and_leaves_nothing(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "portfolio", "serve", str(root), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=HANG,
            env={**os.environ, "TMPDIR": str(tmp)},
        )
    assert done.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr
    assert not list(tmp.iterdir()), "no copy of the site is left in the temporary folder"


def test_a_failed_first_build_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped during its first build, start removes its copy and frees the port."""
    import tempfile

    from portfolio.site import serve

    root = copy_sample(tmp_path / "project")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    real = serve.Live.rebuild

    def interrupted(live: serve.Live) -> list[str]:
        real(live)  # the copy is written, then Ctrl-C
        raise KeyboardInterrupt

    monkeypatch.setattr(serve.Live, "rebuild", interrupted)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(KeyboardInterrupt):
        serve.start(root, port, preview)
    assert not list(tmp.iterdir())
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))  # the server's socket was closed


@pytest.mark.slow  # a serve process
def test_only_requests_for_itself_are_answered(served: Serve) -> None:
    """DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 sends
    `Host: evil.example:PORT`; it must not read the site or the error stream."""
    port = served.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LocalHost:{port}"):
        assert _ask(port, "/career/", host) == 200, host
    strangers = [
        "evil.example",
        f"evil.example:{port}",
        f"127.0.0.1:{port + 1}",
        "127.0.0.1",
        f"localhost:{port}.evil.example",
        f"127.0.0.1:{port}@evil",
        "",
    ]
    for host in strangers:
        for target in ("/career/", "/__portfolio/events?v=-1", "/career/assets/style.css"):
            status, headers, body = _raw(
                port, f"GET {target} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("latin-1")
            )
            assert status == 400, (host, target)
            assert headers["Content-Type"].startswith("text/plain")
            assert body.startswith(b"This server answers only") and len(body) < 200
    no_host = _raw(port, b"GET /career/ HTTP/1.0\r\n\r\n")
    assert no_host[0] == 400
    two = f"GET /career/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\n\r\n"
    assert _raw(port, two.encode())[0] == 400


@pytest.mark.slow  # a serve process
def test_what_cannot_be_read_is_a_400_not_a_traceback(served: Serve) -> None:
    port = served.port
    for target in (
        "/career/%00",
        "/career/a%00b/",
        "/career/%0a",
        "/career/%zz",
        "/career/%f",
        "/career/%ff%fe/",
        "/__portfolio/events?v=abc",
        "/__portfolio/events?v=",
        "/__portfolio/events?v=1&v=2",
        "/__portfolio/events?v",
        "/__portfolio/events?v=%ff",
        "/__portfolio/events?v=" + "9" * 5000,
        "/career/" + "a" * 5000,
        f"http://127.0.0.1:{port}/career/",
        "*",
    ):
        assert _ask(port, target) == 400, target
    assert _ask(port, "/career/" + "a" * 300 + "/") == 404  # a name too long for a file
    assert _ask(port, "/career/../../../../etc/passwd") == 404
    assert _ask(port, "/career/%2e%2e/%2e%2e/etc/passwd") == 404
    _, err = served.stop()
    assert "Traceback" not in err and "Exception" not in err, err


@pytest.mark.slow  # a serve process
def test_head_is_get_without_the_body(served: Serve) -> None:
    port = served.port
    for target, status in (
        ("/career/", 200),
        ("/career/assets/style.css", 200),
        ("/career/no-such-page/", 404),
        ("/", 302),
    ):
        request = f"%s {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        got, got_headers, body = _raw(port, (request % "GET").encode())
        head, head_headers, nothing = _raw(port, (request % "HEAD").encode())
        assert got == head == status, target
        got_headers.pop("Date"), head_headers.pop("Date")
        assert head_headers == got_headers, target
        assert nothing == b"", target
        assert got_headers.get("Content-Length", "0") == str(len(body)), target
    events = f"HEAD /__portfolio/events?v=1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    status, headers, body = _raw(port, events.encode())
    assert status == 200 and headers["Content-Type"] == "text/event-stream" and body == b""


@contextmanager
def _live_server(
    root: Path, out: Path, idle: float, heartbeat: float
) -> Iterator[tuple[Live, int]]:
    """serve's server, in this process, answering for `root` (built into `out`): its
    state and its port."""
    from portfolio.site.server import Server, handler

    live = Live(root, out, preview)
    live.rebuild()
    server = Server(("127.0.0.1", 0), handler(live, idle=idle, heartbeat=heartbeat))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield live, server.server_port
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.slow  # waits out an idle timeout
def test_idle_connections_are_dropped_but_event_streams_last(tmp_path: Path) -> None:
    """A client that connects and says nothing (or half a request) is dropped after the
    idle timeout; an event stream, which only the server writes to, outlives it."""
    root = _project(tmp_path)
    idle, heartbeat = 1.0, 0.1
    with _live_server(root, tmp_path / "out", idle, heartbeat) as (live, port):
        for said in (b"", b"GET /career/ HTT"):
            with socket.create_connection(("127.0.0.1", port), timeout=HANG) as s:
                s.sendall(said)
                assert s.recv(1024) == b"", "the server closes the connection"

        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=HANG)
        connection.request("GET", f"/__portfolio/events?v={live.version}")
        stream = connection.getresponse()
        beats = 0
        while beats * heartbeat < 2 * idle:  # then it has lived past the idle timeout
            line = stream.readline()
            assert line, "the event stream ended"
            beats += line == b": still here\n"
        _edit(root / EVIDENCE, "without slowing", "without ever slowing")
        live.rebuild()
        while (line := stream.readline()) != b"event: reload\n":
            assert line, "the event stream ended"
        connection.close()


def test_a_base_path_with_escapes_is_served_and_redirects_are_escaped(tmp_path: Path) -> None:
    """The base URL's path is compared decoded, as request paths are, and sent back
    encoded: a folder whose name is not Latin-1 gets a Location a header can hold."""
    root = _project(tmp_path)
    _edit(root / "portfolio.yaml", "ines.github.io/career/", "ines.github.io/my%20career/")
    with _live_server(root, tmp_path / "out", 5.0, 5.0) as (live, port):
        assert live.prefix == "/my career/"
        (live.out / "€").mkdir()
        assert _ask(port, "/my%20career/") == 200
        status, headers, _ = _raw(
            port, f"GET /elsewhere HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
        )
        assert status == 302 and headers["Location"] == "/my%20career/"
        status, headers, _ = _raw(
            port, f"GET /my%20career/%E2%82%AC HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
        )
        assert status == 302 and headers["Location"] == "/my%20career/%E2%82%AC/"


class Strange(Exception):
    """Not an error type the build knows: any bug at all, from a theme or from us."""


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow  # a serve process
def test_a_theme_bug_is_shown_and_the_preview_goes_on(tmp_path: Path) -> None:
    """A theme that divides by zero: the page shows where, the terminal too, the last
    good site stays, and the watcher is still there to see the fix."""
    root = _project(tmp_path)
    theme = root / "themes" / "mine"
    (theme / "templates").mkdir(parents=True)
    (theme / "theme.yaml").write_text("name: mine\nextends: classic\n", encoding="utf-8")
    template = theme / "templates" / "404.html"
    template.write_text(
        '{% extends "layout.html" %}{% block content %}\n<p>Lost? {{ 6 / 3 }}</p>\n'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    _edit(root / "portfolio.yaml", "theme: classic", "theme: mine")
    serve = Serve(root, tmp_path / "tmp")
    try:
        base = serve.ready().base
        status, html = _get(base + "/career/no-such-page/")
        assert status == 404 and "Lost? 2.0" in html
        with Events(base, _version(html)) as events:
            _edit(template, "6 / 3", "6 / 0")
            event, data = events.next()
            assert event == "problem"
            assert "division by zero" in data and "themes/mine/templates/404.html" in data
            assert serve.wait_for("err", "division by zero")
            status, html = _get(base + "/career/no-such-page/")
            assert status == 404 and "Lost? 2.0" in html, "the last good site stays"
            _edit(template, "6 / 0", "6 / 2")
            event, _ = events.next()
            while event == "problem":  # the broken template again, if seen twice
                event, _ = events.next()
            assert event == "reload", "the watcher is still watching"
        assert "Lost? 3.0" in _get(base + "/career/no-such-page/")[1]
        _, err = serve.stop()
        assert serve.process.returncode == 0, err
    finally:
        serve.kill()


def test_any_error_of_a_rebuild_keeps_the_last_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a rebuild raises becomes the problem shown, with where it came from;
    the site and its cache stay the last good ones. A rebuild that failed while writing
    leaves the next one to remake everything, so the folder ends up right."""
    from portfolio.site import serve, write

    root = copy_sample(tmp_path / "project")
    live = serve.Live(root, tmp_path / "live", preview)
    live.rebuild()
    good, cache = _files(live.out), live.cache

    def strange(*args: object, **kwargs: object) -> None:
        raise Strange("the theme did something odd")

    with monkeypatch.context() as patch:
        patch.setattr(live, "pipeline", strange)
        assert live.rebuild() == []
    assert live.problem is not None
    assert "Strange: the theme did something odd" in live.problem
    assert "test_serve.py" in live.problem, "where it was raised"
    assert _files(live.out) == good and live.cache is cache

    real = write.sync_tree  # what serve calls by that name

    def full_disk(*args: Any) -> list[str]:
        real(*args)  # every file written, then the last write fails
        raise OSError(28, "No space left on device")

    evidence = root / EVIDENCE
    text = evidence.read_text(encoding="utf-8")
    extra = root / "content" / "evidence" / "a-new-talk.md"
    with monkeypatch.context() as patch:
        patch.setattr(serve, "sync_tree", full_disk)
        evidence.write_text(text + "\nOne more sentence.\n", encoding="utf-8")
        extra.write_text(
            "---\ntitle: A new talk\nkind: talk\ndate: 2026-10-01\nsummary: Said.\n---\n",
            encoding="utf-8",
        )
        live.rebuild()
    assert live.problem is not None and "No space left on device" in live.problem
    evidence.write_text(text, encoding="utf-8")  # both changes undone
    extra.unlink()
    live.rebuild()
    assert live.problem is None
    assert _files(live.out) == good


def test_sync_tree_replaces_files_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page is never rewritten in place: someone reading it meanwhile reads the old
    page whole, and a write that fails leaves the old page and no stray file."""
    from portfolio.site.write import sync_tree

    out = tmp_path / "out"
    sync_tree(out, [Output("index.html", data=b"old page")], set())
    with (out / "index.html").open("rb") as reader:
        changed = sync_tree(out, [Output("index.html", data=b"new")], {"index.html"})
        assert reader.read() == b"old page"
    assert changed == ["index.html"]
    assert _files(out) == {"index.html": b"new"}

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        sync_tree(out, [Output("index.html", data=b"newer")], {"index.html"})
    assert _files(out) == {"index.html": b"new"}


def test_rebuilds_are_incremental_and_equal_a_fresh_build(tmp_path: Path) -> None:
    """The preview keeps its build cache in memory: an edit re-renders only the pages
    that depend on it, and after every kind of change (a body, a title, a new file, a
    removed file, a setting, an error and its fix) the served folder holds exactly
    what a build from nothing makes."""
    root = copy_sample(tmp_path / "project")
    live = Live(root, tmp_path / "live", preview)
    live.rebuild()
    assert live.problem is None

    def same_as_fresh() -> None:
        fresh = Live(root, tmp_path / f"fresh-{len(list(tmp_path.iterdir()))}", preview)
        fresh.rebuild()
        assert fresh.problem is None
        assert _files(live.out) == _files(fresh.out)

    evidence = root / EVIDENCE
    text = evidence.read_text(encoding="utf-8")
    evidence.write_text(text + "\nOne more sentence about the warehouse.\n", encoding="utf-8")
    changed = live.rebuild()
    page = "evidence/warehouse-cost-reduction/index.html"
    assert changed == [page]
    assert "One more sentence" in (live.out / page).read_text(encoding="utf-8")
    assert live.cache is not None and live.cache.parsed == 1
    same_as_fresh()

    evidence.write_text(text.replace("title: Cut", "title: Halved", 1), encoding="utf-8")
    changed = live.rebuild()
    assert page in changed and "evidence/index.html" in changed
    assert len(changed) < len(_files(live.out)) / 2  # unrelated pages were kept
    same_as_fresh()

    extra = root / "content" / "evidence" / "a-new-talk.md"
    extra.write_text(
        "---\ntitle: A new talk\nkind: talk\ndate: 2026-10-01\nsummary: Said things.\n---\n",
        encoding="utf-8",
    )
    assert "evidence/a-new-talk/index.html" in live.rebuild()
    same_as_fresh()
    extra.unlink()
    assert "evidence/a-new-talk/index.html" in live.rebuild()
    assert not (live.out / "evidence" / "a-new-talk").exists()
    same_as_fresh()

    evidence.write_text(text.replace("title: ", "titel: ", 1), encoding="utf-8")
    before = live.cache
    assert live.rebuild() == [] and live.problem is not None
    assert live.cache is before  # the last good build's cache is kept
    evidence.write_text(text, encoding="utf-8")
    live.rebuild()
    assert live.problem is None
    same_as_fresh()

    config = root / "portfolio.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("theme: classic", "theme: ledger"),
        encoding="utf-8",
    )
    assert "assets/style.css" in live.rebuild()  # the same pages, in other colours
    same_as_fresh()
