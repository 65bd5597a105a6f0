"""Fuzzing the front door: whatever a content file holds (random keys, types, nesting,
unicode, control characters, broken YAML, invalid UTF-8), `build` ends in a site or in
located errors with exit status 1, never a traceback and never a hang."""

from __future__ import annotations

import os
import re
import shutil
import string
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PROJECTS, hang_guard, run

pytestmark = pytest.mark.slow  # a build per example

LOCATED = re.compile(r"^(content/|portfolio\.yaml)[^:\n]*:\d+:\d+: \S", re.MULTILINE)
KEYS = [
    *("title", "kind", "date", "start", "end", "goals", "skills", "metrics", "links"),
    *("endorsements", "attachments", "visibility", "featured", "summary", "organization"),
    *("role", "before", "after", "unit", "better", "name", "url", "label", "quote", "by"),
]
SETTINGS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["yes", "no", "on", "2025-02-30", "2025-13", "0x1f", "1e400", "~", "-"]),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=12))
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=20,
)
yamlish = st.text(
    alphabet=st.sampled_from(list(string.printable) + list(":-[]{}&*!|>#'\"\t\x00\x1b\u2028é€𝄞")),
    max_size=200,
)


def _project(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    shutil.copytree(PROJECTS / "minimal", root)
    return root


def _build(root: Path) -> None:
    with hang_guard():
        result = run("build", str(root), "--no-pdf", "--out", str(root / "site"))
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert LOCATED.search(result.stderr), result.stderr
        assert "Traceback" not in result.output
        assert not (root / "site").exists(), "a failed build writes nothing"
    else:
        assert (root / "site" / "index.html").is_file()


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@SETTINGS
@given(front=st.dictionaries(keys, documents, max_size=8), body=st.text(max_size=200))
def test_random_front_matter(tmp_path_factory: Any, front: dict[Any, Any], body: str) -> None:
    root = _project(tmp_path_factory.mktemp("fuzz"), "p")
    text = yaml.safe_dump(front, allow_unicode=True, default_flow_style=False)
    _write(root / "content" / "evidence" / "fuzzed.md", f"---\n{text}---\n{body}".encode())
    _build(root)


@SETTINGS
@given(text=yamlish)
def test_random_yaml_text(tmp_path_factory: Any, text: str) -> None:
    root = _project(tmp_path_factory.mktemp("fuzz"), "p")
    _write(root / "content" / "goals" / "fuzzed.md", f"---\n{text}\n---\nBody\n".encode())
    _write(root / "content" / "targets" / "fuzzed.yaml", text.encode())
    _build(root)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_random_bytes(tmp_path_factory: Any, data: bytes) -> None:
    root = _project(tmp_path_factory.mktemp("fuzz"), "p")
    _write(root / "content" / "profile.yaml", data)
    _write(root / "content" / "evidence" / "fuzzed.md", b"---\n" + data + b"\n---\n")
    _build(root)


@SETTINGS
@given(config=st.dictionaries(keys | st.sampled_from(["theme", "base_url", "language",
                                                      "paper", "today", "cname"]),
                              documents, max_size=6))  # fmt: skip
def test_random_site_settings(tmp_path_factory: Any, config: dict[Any, Any]) -> None:
    root = _project(tmp_path_factory.mktemp("fuzz"), "p")
    _write(root / "portfolio.yaml", yaml.safe_dump(config, allow_unicode=True).encode())
    _build(root)
