"""Shared fixtures: the repository's sample project, and a way to build any project."""

from __future__ import annotations

import contextlib
import hashlib
import html
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from portfolio.cli.main import main

# Builds keep a cache in the user's cache folder: the tests keep theirs apart, and
# every process they start (a subprocess build, a server) inherits this.
os.environ["PORTFOLIO_CACHE"] = tempfile.mkdtemp(prefix="portfolio-test-cache-")

REPO = Path(__file__).resolve().parents[1]
PROJECTS = Path(__file__).resolve().parent / "projects"


def _tree(folder: Path) -> set[str]:
    return {f.relative_to(folder).as_posix() for f in folder.rglob("*")}


@pytest.fixture(scope="session", autouse=True)
def _repository_stays_clean() -> Iterator[None]:
    """Tests build copies of the fixtures, never the fixtures themselves: a build writes
    `site/` and `packs/` beside the content, and those must not land in the repository."""
    watched = [PROJECTS, REPO / "content"]
    before = {folder: _tree(folder) for folder in watched}
    yield
    shutil.rmtree(os.environ["PORTFOLIO_CACHE"], ignore_errors=True)
    for folder in watched:
        added = sorted(_tree(folder) - before[folder])
        assert not added, f"tests wrote into {folder}: {added[:5]}"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files from the current output",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the session's build of the sample (`sample_root`, `sample_site`)
    is slow: that build makes every PDF, and the first test to ask for it pays for it.
    Marked here, so that a new test asking for it never slows `pytest -m "not slow"`."""
    for item in items:
        if "sample_root" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


def run(*args: str) -> Result:
    """Run the CLI in-process, as a user would type it."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def cli() -> Callable[..., Result]:
    return run


def front_matter(path: Path) -> dict[str, Any]:
    """The YAML front matter of a Markdown content file, read independently of the tool."""
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    assert isinstance(data, dict)
    return data


def word_text(path: Path) -> str:
    """A Word file's text as a tracking system extracts it (docx2txt's way): the text
    of the runs of word/document.xml in order, a tab as a tab, each paragraph a line."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    xml = xml[xml.index("<w:body>") :].replace("<w:tab/>", "\t").replace("</w:p>", "\n")
    return html.unescape(re.sub(r"<[^>]+>", "", xml))


def copy_sample(dest: Path) -> Path:
    """A private copy of the sample project (the repository's portfolio.yaml and content/)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "portfolio.yaml", dest / "portfolio.yaml")
    shutil.copytree(REPO / "content", dest / "content")
    return dest


@pytest.fixture(scope="session")
def sample_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample, built once per test session with every PDF: its site in
    `site/`, its packs in `packs/`."""
    root = copy_sample(tmp_path_factory.mktemp("sample"))
    result = run("build", str(root))
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="session")
def sample_site(sample_root: Path) -> Path:
    return sample_root / "site"


# Builds as processes, stopped at a named moment (system/checkpoints.py) and killed there.

HANG = 300  # seconds: only ever a guard against a hang, never a measure of speed


def snapshot(root: Path) -> dict[str, str]:
    """Every file of site/ and packs/, by path, as a hash of its bytes."""
    found = {}
    for folder in ("site", "packs"):
        for file in sorted((root / folder).rglob("*")):
            if file.is_file():
                rel = file.relative_to(root).as_posix()
                found[rel] = hashlib.sha256(file.read_bytes()).hexdigest()
    return found


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith((".site.", ".packs.")))


def start_build(root: Path, *flags: str, stop_at: str = "") -> subprocess.Popen[bytes]:
    """A build as a process; with `stop_at`, it stops itself at that moment of the build
    (system/checkpoints.py) until it is killed or continued."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "PORTFOLIO_STOP_AT": stop_at}
    return subprocess.Popen(
        [sys.executable, "-m", "portfolio", "build", str(root), *flags],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


def stopped(process: subprocess.Popen[bytes]) -> None:
    """Wait until `process` has stopped itself at its checkpoint (an event, not a time)."""
    _, status = os.waitpid(process.pid, os.WUNTRACED)
    assert os.WIFSTOPPED(status), "the build ended before it reached its checkpoint"


def kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait()
    if process.stderr:
        process.stderr.close()


def finish(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    _, err = process.communicate(timeout=HANG)
    return process.returncode, err.decode()


@contextlib.contextmanager
def hang_guard(seconds: int = HANG) -> Iterator[None]:
    """Fail, rather than wait forever, if the block hangs: a guard, not a measure of
    speed (no test asserts how long anything takes)."""

    def hung(signum: int, frame: object) -> None:
        raise AssertionError(f"hung for {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def build_process(root: Path, *flags: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`portfolio build ROOT FLAGS` as a process of its own, with `env` added."""
    return subprocess.run(
        [sys.executable, "-m", "portfolio", "build", str(root), *flags],
        capture_output=True, text=True, timeout=HANG, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600", **env},
    )  # fmt: skip


@contextlib.contextmanager
def serving(root: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`portfolio serve ROOT` on a free port: the process and the site's address, once
    it says it is serving; stopped with Ctrl-C afterwards."""
    serve = subprocess.Popen(
        [sys.executable, "-m", "portfolio", "serve", str(root), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert serve.stdout is not None
        line = serve.stdout.readline().decode()
        found = re.search(r"http://127\.0\.0\.1:\d+\S*", line)
        assert found, line + (serve.stderr.read().decode() if serve.stderr else "")
        yield serve, found.group(0)
    finally:
        serve.send_signal(signal.SIGINT)
        serve.communicate(timeout=HANG)
