"""Same input, same bytes: the sample built from two copies in different folders, at
different times and with different file dates, gives byte-identical site/ and packs
(PDFs included) when SOURCE_DATE_EPOCH is set."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import copy_sample, run


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


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
