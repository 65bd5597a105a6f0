"""`portfolio serve` as a user runs it: a real process on loopback, under the site's
base path; a change to a file shows in the page, a content error is pushed to the
page while the last good site stays up, and Ctrl-C stops it cleanly."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import copy_sample

EVIDENCE = "content/evidence/warehouse-cost-reduction.md"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _until(predicate, seconds: float = 15) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    root = copy_sample(tmp_path / "project")
    config = root / "portfolio.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "base_url: https://portfolio.ines-salgueiro.example/",
            "base_url: https://ines.github.io/career/",
        ),
        encoding="utf-8",
    )
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "portfolio", "serve", str(root), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    assert _until(lambda: _ready(base)), process.stderr.read() if process.poll() else "timeout"
    yield root, base, process
    if process.poll() is None:
        process.kill()
        process.wait()


def _ready(base: str) -> bool:
    try:
        return _get(base + "/career/")[0] == 200
    except OSError:
        return False


def test_serves_under_the_base_path_and_reloads_on_change(
    served: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    root, base, _ = served
    status, home = _get(base + "/career/")
    assert status == 200 and "Inês Salgueiro" in home
    assert "EventSource" in home, "the page listens for rebuilds"
    assert _get(base + "/career/assets/style.css")[0] == 200
    status, _ = _get(base + "/career/goals/staff-engineer-promotion/")
    assert status == 200
    assert _get(base + "/career/no-such-page/")[0] == 404
    page = base + "/career/evidence/warehouse-cost-reduction/"
    assert "without slowing a single dashboard" in _get(page)[1]

    events = urllib.request.urlopen(base + "/__portfolio/events?v=-1", timeout=10)
    assert events.readline().startswith(b"event: reload")  # the page is out of date
    file = root / EVIDENCE
    file.write_text(
        file.read_text(encoding="utf-8").replace(
            "without slowing a single dashboard", "and kept every dashboard fast"
        ),
        encoding="utf-8",
    )
    assert _until(lambda: "and kept every dashboard fast" in _get(page)[1])
    assert not (root / "site").exists(), "serve never writes into site/"


def test_a_content_error_is_pushed_to_the_page_and_the_last_site_stays(
    served: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    root, base, _ = served
    page = base + "/career/evidence/warehouse-cost-reduction/"
    _, html = _get(page)
    version = html.split("events?v=", 1)[1].split('"', 1)[0]
    file = root / EVIDENCE
    file.write_text(
        file.read_text(encoding="utf-8").replace("kind: achievement", "kind: achievment"),
        encoding="utf-8",
    )
    deadline = time.monotonic() + 30
    with urllib.request.urlopen(f"{base}/__portfolio/events?v={version}", timeout=20) as events:
        line = events.readline()
        while line != b"event: problem\n" and time.monotonic() < deadline:
            line = events.readline()  # a reload first, if the page was behind; heartbeats
        assert line == b"event: problem\n"
        data = events.readline().decode("utf-8")
    assert "content/evidence/warehouse-cost-reduction.md:" in data
    assert "did you mean `achievement`?" in data
    status, html = _get(page)
    assert status == 200 and "without slowing a single dashboard" in html


def test_ctrl_c_stops_it_cleanly(served: tuple[Path, str, subprocess.Popen[str]]) -> None:
    _, base, process = served
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert out.strip().endswith("Stopped.")
    with pytest.raises(OSError):
        _get(base + "/career/")


def test_a_busy_port_is_a_clear_error(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "portfolio", "serve", str(root), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert done.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_rebuilds_are_incremental_and_equal_a_fresh_build(tmp_path: Path) -> None:
    """The preview keeps its build cache in memory: an edit re-renders only the pages
    that depend on it, and after every kind of change (a body, a title, a new file, a
    removed file, a setting, an error and its fix) the served folder holds exactly
    what a build from nothing makes."""
    from portfolio.serve import Live

    root = copy_sample(tmp_path / "project")
    live = Live(root, tmp_path / "live")
    live.rebuild()
    assert live.problem is None

    def same_as_fresh() -> None:
        fresh = Live(root, tmp_path / f"fresh-{len(list(tmp_path.iterdir()))}")
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
