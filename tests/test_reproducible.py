"""Same input, same bytes: the sample built from two copies in different folders, at
different times and with different file dates, gives byte-identical site/ and packs
(PDFs and Word files included: both carry dates, a Word file in its properties and in
each of its zip entries) when SOURCE_DATE_EPOCH is set."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import copy_sample, run


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow  # builds PDFs
def test_two_copies_at_two_times_build_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first = copy_sample(tmp_path / "one" / "portfolio")
    second = copy_sample(tmp_path / "elsewhere" / "deeper" / "clone")
    for file in second.rglob("*"):
        os.utime(file, (1_600_000_000, 1_600_000_000))  # another checkout, other file dates
    first_second = int(time.time())
    assert run("build", str(first)).exit_code == 0
    while int(time.time()) == first_second:  # wait for the clock's next second
        time.sleep(0.01)
    assert run("build", str(second)).exit_code == 0
    for folder in ("site", "packs"):
        a, b = _tree(first / folder), _tree(second / folder)
        assert a.keys() == b.keys()
        different = [name for name in a if a[name] != b[name]]
        assert not different, different
    assert any(name.endswith(".pdf") for name in _tree(first / "packs"))
    assert any(name.endswith("cover-letter.pdf") for name in _tree(first / "packs"))
    for name in (
        "site/resume.docx",
        "site/resume.txt",
        "packs/polderlicht-ml-platform/resume.docx",
    ):
        assert (first / name).is_file() and (second / name).is_file(), name
    stamp = dt.datetime.fromtimestamp(1767225600, dt.UTC)
    with zipfile.ZipFile(first / "site" / "resume.docx") as word:
        assert {i.date_time for i in word.infolist()} == {stamp.timetuple()[:6]}
        assert stamp.strftime("%Y-%m-%dT%H:%M:%SZ") in word.read("docProps/core.xml").decode()


SOURCE_DATE_ERROR = (
    "error: SOURCE_DATE_EPOCH is `{}`: it must be a whole number of seconds since "
    "1970-01-01 UTC, from 0 to 253402300799 (the end of the year 9999)\n"
)


@pytest.mark.parametrize("value", ["99999999999999999", "-5", "1.5", "1767225600s", "٣"])
@pytest.mark.parametrize("command", [["build", "--no-pdf"], ["check"], ["new", "goal", "A"]])
def test_a_source_date_epoch_that_names_no_moment_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, command: list[str]
) -> None:
    """Out of range, negative or not a whole number: the build stops, as the
    reproducible builds specification asks, rather than guess a date."""
    root = copy_sample(tmp_path / "project")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    monkeypatch.chdir(root)
    result = run(*command, *([] if command[0] == "new" else [str(root)]))
    assert result.exit_code == 1
    assert result.stderr == SOURCE_DATE_ERROR.format(value)
    assert not (root / "site").exists()


@pytest.mark.parametrize(("value", "day"), [("0", "1970-01-01"), ("253402300799", "9999-12-31")])
def test_the_ends_of_the_range_and_an_empty_value_are_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, day: str
) -> None:
    from portfolio.clock import build_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", f" {value} ")
    assert build_date().isoformat() == day
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert build_date() == dt.date.today()


def test_an_out_of_range_source_date_epoch_in_a_real_process(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "99999999999999999"}
    done = subprocess.run(
        [sys.executable, "-m", "portfolio", "build", str(root)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr == SOURCE_DATE_ERROR.format("99999999999999999")
