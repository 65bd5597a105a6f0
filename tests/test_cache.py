"""The build cache: a rebuild makes again only what changed, and what it makes is
byte for byte what a full build makes."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import copy_sample, run

Edit = Callable[[Path], None]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _evidence(root: Path, name: str) -> Path:
    return root / "content" / "evidence" / f"{name}.md"


def _body(root: Path) -> None:
    path = _evidence(root, "warehouse-cost-reduction")
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more *paragraph*.\n", "utf-8")


def _title(root: Path) -> None:
    _replace(_evidence(root, "streaming-tracking-award"), "Builder of the Year", "Builder of 2024")


def _private(root: Path) -> None:
    article = _evidence(root, "late-meter-data-article")
    _replace(article, "\ngoals:", "\nvisibility: private\ngoals:")


def _goal(root: Path) -> None:
    goal = root / "content" / "goals" / "staff-engineer-promotion.md"
    _replace(goal, "\ntitle: ", "\ntitle: Renamed - ")


def _profile(root: Path) -> None:
    _replace(root / "content" / "profile.yaml", "\nheadline: ", "\nheadline: Now ")


def _config(root: Path) -> None:
    _replace(root / "portfolio.yaml", 'title: "Inês Salgueiro:', 'title: "Inês S.:')


def _new(root: Path) -> None:
    _evidence(root, "brand-new-talk").write_text(
        "---\ntitle: A brand new talk\nkind: talk\ndate: 2025-05-05\n"
        "summary: A talk given *yesterday*.\ngoals: [staff-engineer-promotion]\n"
        "---\nIt went well.\n",
        "utf-8",
    )


def _removed(root: Path) -> None:
    _replace(root / "content" / "profile.yaml", "      - streaming-tracking-award\n", "")
    _evidence(root, "streaming-tracking-award").unlink()


def _attachment(root: Path) -> None:
    path = root / "content" / "evidence" / "files" / "mlops-engineering-certificate.pdf"
    path.write_bytes(path.read_bytes() + b"\n% appended\n")


def _theme(root: Path) -> None:
    folder = root / "themes" / "classic" / "templates"
    folder.mkdir(parents=True)
    shipped = Path(__file__).resolve().parents[1] / "themes" / "base" / "templates"
    text = (shipped / "evidence.html").read_text(encoding="utf-8")
    edited = text.replace("</article>", "<p>theme edit</p></article>", 1)
    (folder / "evidence.html").write_text(edited, encoding="utf-8")


EDITS: dict[str, Edit] = {
    "an evidence body": _body,
    "an evidence title": _title,
    "evidence made private": _private,
    "a goal's title": _goal,
    "the profile": _profile,
    "portfolio.yaml": _config,
    "a new evidence file": _new,
    "an evidence file removed": _removed,
    "an attachment's bytes": _attachment,
    "a project theme template": _theme,
}


def _files(folder: Path) -> dict[str, bytes]:
    return {
        f.relative_to(folder).as_posix(): f.read_bytes()
        for f in sorted(folder.rglob("*"))
        if f.is_file() and f.name != ".portfolio-output"
    }


def _build(root: Path, *extra: str) -> str:
    result = run("build", str(root), *extra)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = copy_sample(tmp_path / "project")
    _build(root, "--no-pdf")
    return root


def _first_fast(cases: dict[str, Any]) -> list[Any]:
    """Each case builds the sample a few times: the first is in the fast set
    (`-m "not slow"`), the rest in the full run."""
    return [
        pytest.param(case, id=name, marks=() if n == 0 else pytest.mark.slow)
        for n, (name, case) in enumerate(cases.items())
    ]


@pytest.mark.parametrize("edit", _first_fast(EDITS))
def test_a_rebuild_after_an_edit_is_what_a_full_build_makes(
    project: Path, tmp_path: Path, edit: Edit
) -> None:
    edit(project)
    assert not _build(project, "--no-pdf").startswith("Up to date")
    _build(project, "--no-pdf", "--no-cache", "--out", str(tmp_path / "full"),
           "--packs", str(tmp_path / "full-packs"))  # fmt: skip
    assert _files(project / "site") == _files(tmp_path / "full")
    assert _files(project / "packs") == _files(tmp_path / "full-packs")


def test_an_edit_makes_again_only_the_pages_that_show_it(project: Path) -> None:
    site = project / "site"
    before = {rel: (site / rel).stat().st_ino for rel in _files(site)}
    _body(project)
    output = _build(project, "--no-pdf")
    assert re.search(r"[\d,]+ made again, [\d,]+ unchanged since the last build", output), output
    after = {rel: (site / rel).stat().st_ino for rel in _files(site)}
    made = {rel for rel in after if after[rel] != before.get(rel)}
    assert "evidence/warehouse-cost-reduction/index.html" in made
    assert "evidence/smart-meter-pipeline/index.html" not in made  # another item's page
    assert "goals/staff-engineer-promotion/index.html" not in made  # links it by title only
    assert "evidence/index.html" not in made  # shows its card, not its story (cache/reads.py)
    assert "index.html" not in made
    assert "assets/style.css" not in made
    pages = [rel for rel in after if rel.endswith(".html")]
    assert len(made) < len(pages) / 2, sorted(made)


# Ways a theme can read a body (or a whole model) from the evidence list; each makes the
# list depend on the edited story, so the list must be made again (cache/reads.py).
READS = {
    "an attribute": "{{ e.ev.body | length }}",
    "an item": '{{ e.ev["body"] | length }}',
    "the attr filter": '{{ e.ev | attr("body") | length }}',
    "map(attribute=)": '{{ [e] | map(attribute="ev.body") | first | length }}',
    "the model printed": "{{ e.ev | string | length }}",
    "the model iterated": '{% for k, v in e.ev %}{% if k == "body" %}{{ v | length }}{% endif %}'
    "{% endfor %}",
    "a model method": '{{ e.ev.model_dump()["body"] | length }}',
    "dict() of the model": '{{ dict(e.ev)["body"] | length }}',
}


@pytest.mark.parametrize("snippet", _first_fast(READS))
def test_a_page_that_reads_bodies_is_made_again_when_one_changes(
    tmp_path: Path, snippet: str
) -> None:
    root = copy_sample(tmp_path / "project")
    folder = root / "themes" / "classic" / "templates"
    folder.mkdir(parents=True)
    shipped = Path(__file__).resolve().parents[1] / "themes" / "base" / "templates"
    text = (shipped / "evidence-list.html").read_text(encoding="utf-8")
    card = "{{ ui.evidence_card(e, url, 'h2') }}"
    assert card in text
    (folder / "evidence-list.html").write_text(
        text.replace(card, card + f"<span class=read>{snippet}</span>"), encoding="utf-8"
    )
    _build(root, "--no-pdf")
    _body(root)
    _build(root, "--no-pdf")
    full = tmp_path / "full"
    _build(root, "--no-pdf", "--no-cache", "--out", str(full), "--packs", str(tmp_path / "p"))
    page = "evidence/index.html"
    assert (root / "site" / page).read_bytes() == (full / page).read_bytes()
    assert _files(root / "site") == _files(full)


def test_nothing_changed_means_up_to_date_and_nothing_written(project: Path) -> None:
    site = project / "site"
    before = {rel: (site / rel).stat().st_mtime_ns for rel in _files(site)}
    for file in (project / "content").rglob("*"):
        os.utime(file)  # touched, not changed: a hash says so
    output = _build(project, "--no-pdf")
    assert output.startswith("Up to date: "), output
    assert {rel: (site / rel).stat().st_mtime_ns for rel in _files(site)} == before


def test_other_settings_are_not_up_to_date(project: Path) -> None:
    assert not _build(project, "--no-pdf", "--base-url", "/career/").startswith("Up to date")
    assert 'href="/career/assets/style.css"' in (project / "site" / "404.html").read_text()
    assert _build(project, "--no-pdf", "--base-url", "/career/").startswith("Up to date")


def test_an_output_changed_by_hand_is_made_again(project: Path) -> None:
    page = project / "site" / "index.html"
    good = page.read_bytes()
    page.write_bytes(b"<p>changed by hand</p>")
    output = _build(project, "--no-pdf")
    assert not output.startswith("Up to date"), output
    assert page.read_bytes() == good


def test_a_same_size_edit_with_the_old_time_stamp_is_seen(project: Path) -> None:
    """Size and modification time can both stay the same (a coarse clock, a tool that
    restores times); the change time and the hash still tell."""
    path = _evidence(project, "warehouse-cost-reduction")
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("warehouse", "WAREHOUSE", 1), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    _build(project, "--no-pdf")
    page = project / "site" / "evidence" / "warehouse-cost-reduction" / "index.html"
    assert "WAREHOUSE" in page.read_text(encoding="utf-8")


def test_no_cache_builds_everything_and_keeps_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("PORTFOLIO_CACHE", str(cache))
    root = copy_sample(tmp_path / "project")
    _build(root, "--no-pdf", "--no-cache")
    assert not cache.exists()
    assert "unchanged" not in _build(root, "--no-pdf", "--no-cache")
    _build(root, "--no-pdf")
    assert cache.is_dir() and not any(p.is_relative_to(root) for p in cache.rglob("*"))
    assert sorted(p.name for p in root.iterdir()) == ["content", "packs", "portfolio.yaml", "site"]


def test_a_damaged_cache_is_a_full_build(project: Path) -> None:
    cache = Path(os.environ["PORTFOLIO_CACHE"])
    for file in cache.rglob("*"):
        if file.name in ("state.json", "sources.pickle"):
            file.write_bytes(b"\x80garbage")
    _body(project)
    output = _build(project, "--no-pdf")
    assert "unchanged" not in output
    assert "One more <em>paragraph</em>" in (
        project / "site" / "evidence" / "warehouse-cost-reduction" / "index.html"
    ).read_text(encoding="utf-8")


@pytest.mark.slow  # builds PDFs
def test_pdfs_are_kept_unless_what_they_show_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")
    root = copy_sample(tmp_path / "project")
    _build(root)
    pdfs = sorted([*root.glob("site/*.pdf"), *root.glob("packs/*/*.pdf")])
    before = {p: p.stat().st_ino for p in pdfs}
    _build(root, "--target", "rotaverde-staff-promotion")  # nothing changed: all kept
    assert {p: p.stat().st_ino for p in pdfs} == before
    _replace(root / "content" / "profile.yaml", "name: Inês Salgueiro", "name: Inês M. Salgueiro")
    _build(root)  # the name is on every PDF
    assert all(p.stat().st_ino != before[p] for p in pdfs)
    shutil.rmtree(tmp_path / "full", ignore_errors=True)
    _build(root, "--no-cache", "--out", str(tmp_path / "full"), "--packs", str(tmp_path / "fp"))
    assert _files(root / "site") == _files(tmp_path / "full")
    assert _files(root / "packs") == _files(tmp_path / "fp")


@pytest.mark.slow  # builds PDFs
def test_a_new_source_date_epoch_within_the_day_remakes_the_pdfs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SOURCE_DATE_EPOCH is stamped into PDFs (their embedded files' dates): an hour
    later on the same day is another moment, and the rebuild must equal a full build."""
    root = copy_sample(tmp_path / "project")
    target = "rotaverde-staff-promotion"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22 00:00 UTC
    _build(root, "--target", target)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1795305600 + 3600))
    _build(root, "--target", target)
    _build(root, "--no-cache", "--target", target, "--packs", str(tmp_path / "full"))
    assert _files(root / "packs" / target) == _files(tmp_path / "full" / target)


@pytest.mark.slow  # builds in processes
def test_pages_are_kept_across_processes(tmp_path: Path) -> None:
    """Keys depend on values only: not on a process's string hashing (the order of a
    set) nor on which equal objects are shared."""
    import subprocess
    import sys

    root = copy_sample(tmp_path / "project")

    def build(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "portfolio", "build", str(root), "--no-pdf", "--no-packs"],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    build("1")
    _body(root)
    found = re.search(r"([\d,]+) made again, ([\d,]+) unchanged", build("2"))
    assert found, "nothing was kept"
    made, kept = (int(n.replace(",", "")) for n in found.groups())
    # only the item's page: the list, the home page and the resume show its card and
    # title, not its story (cache/reads.py)
    assert made == 1 and kept >= 18, found.group(0)


@pytest.mark.slow
def test_pack_pages_are_kept_across_processes(tmp_path: Path) -> None:
    """A pack's pages hold the ranking, which holds a set of the chosen ids: its key must
    not follow the order a process's string hashing gives that set."""
    import subprocess
    import sys

    root = copy_sample(tmp_path / "project")

    def build(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "portfolio", "build", str(root), "--no-pdf"],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    build("1")
    (root / "site" / "index.html").unlink()  # one page to make again, nothing changed
    found = re.search(r"([\d,]+) made again, ([\d,]+) unchanged", build("2"))
    assert found, "nothing was kept"
    made, kept = (int(n.replace(",", "")) for n in found.groups())
    packs = sum(1 for _ in (root / "packs").rglob("*.html"))
    assert made == 1 and kept >= packs, found.group(0)
