"""Golden output: the sample's pages compared byte for byte with tests/golden/sample/.

Any change to the output, intended or not, fails here. When the change is intended,
refresh the files on purpose with `pytest tests/test_golden.py --update-golden` and
review the diff in git like any other change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import copy_sample, run

GOLDEN = Path(__file__).resolve().parent / "golden" / "sample"
COMPARED = (".html", ".xml", "CNAME", ".nojekyll")


def _pages(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name.endswith(COMPARED)
    }


def test_sample_html_matches_golden(tmp_path: Path, update_golden: bool) -> None:
    root = copy_sample(tmp_path / "project")
    out = tmp_path / "site"
    assert run("build", str(root), "--out", str(out), "--no-pdf").exit_code == 0
    built = _pages(out)
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in built.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
    golden = _pages(GOLDEN)
    assert sorted(built) == sorted(golden), "pages added or removed"
    changed = [rel for rel in built if built[rel] != golden[rel]]
    assert not changed, f"output changed: {changed}; refresh with --update-golden if intended"
