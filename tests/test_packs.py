"""The targets' private packs, built from the sample as a user would build them: the
files each target asks for, the evidence pack's bookmarks, embedded attachments and
text, what private evidence may reach, and how a job description moves the ranking."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any, cast

import pypdf
import pytest
import yaml

from conftest import REPO, copy_sample, front_matter, run
from portfolio.build import load
from portfolio.packs.pack import build_pack
from portfolio.packs.ranking import Scored

JOB = Path(__file__).parent / "data" / "jsonresume" / "sample.job.json"
TARGETS = sorted(p.stem for p in (REPO / "content" / "targets").glob("*.yaml"))
FILES = {
    "cover-letter": ("cover-letter.html", "cover-letter.pdf"),
    "cover-letter-docx": ("cover-letter.docx",),
    "cover-letter-text": ("cover-letter.txt",),
    "resume": ("resume.html", "resume.pdf"),
    "promotion-case": ("promotion-case.html", "promotion-case.pdf"),
    "pitch": ("pitch.html",),
    "evidence-pack": ("evidence-pack.pdf",),
}


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def _target(target: str) -> dict[str, Any]:
    text = (REPO / "content" / "targets" / f"{target}.yaml").read_text("utf-8")
    return cast(dict[str, Any], yaml.safe_load(text))


def _selection(packs: Path, target: str) -> dict[str, Any]:
    text = (packs / target / "selection.json").read_text(encoding="utf-8")
    return cast(dict[str, Any], json.loads(text))


def _outline(reader: pypdf.PdfReader) -> list[tuple[int, str]]:
    """The bookmarks as (depth, title), in order."""
    found: list[tuple[int, str]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))

    walk(reader.outline, 0)
    return found


@pytest.fixture(scope="module")
def packs(sample_root: Path) -> Path:
    return sample_root / "packs"


def test_the_sample_has_targets_of_both_kinds() -> None:
    private = [t for t in TARGETS if _target(t).get("include_private")]
    assert private and len(private) < len(TARGETS)


@pytest.mark.parametrize("target", TARGETS)
def test_each_pack_holds_the_files_its_outputs_ask_for(packs: Path, target: str) -> None:
    outputs = _target(target)["outputs"]
    made = {p.name for p in (packs / target).iterdir()}
    assert {"index.html", "selection.json"} <= made
    for output, files in FILES.items():
        if output in outputs:
            assert set(files) <= made, f"{target} asks for {output}"
        else:
            assert not set(files) & made, f"{target} does not ask for {output}"


@pytest.mark.parametrize("target", TARGETS)
def test_evidence_pack_has_a_bookmark_per_part_and_per_chosen_item(
    packs: Path, target: str
) -> None:
    reader = pypdf.PdfReader(packs / target / "evidence-pack.pdf")
    outline = _outline(reader)
    titles = [title for _, title in outline]
    for part in ("Contents", "Resume", "Evidence"):
        assert (0, part) in outline
    chosen = _selection(packs, target)["chosen"]
    items = [t for d, t in outline[titles.index("Evidence") + 1 :] if d == 1]
    expected = [front_matter(REPO / "content" / "evidence" / f"{e}.md")["title"] for e in chosen]
    assert items == expected
    pitch_or_case = "Promotion case" if "promotion-case" in _target(target)["outputs"] else "Pitch"
    assert (0, pitch_or_case) in outline
    assert not any(re.match(r"\d", t) for t in titles), "a bookmark starts with a badge"


@pytest.mark.parametrize("target", TARGETS)
def test_evidence_pack_embeds_every_attachment_of_the_chosen_evidence(
    packs: Path, target: str
) -> None:
    reader = pypdf.PdfReader(packs / target / "evidence-pack.pdf")
    embedded = {name: data[0] for name, data in reader.attachments.items()}
    expected = {}
    for evidence in _selection(packs, target)["chosen"]:
        meta = front_matter(REPO / "content" / "evidence" / f"{evidence}.md")
        for rel in meta.get("attachments", []):
            expected[rel.rsplit("/", 1)[-1]] = (REPO / "content" / "evidence" / rel).read_bytes()
    assert expected, "the sample should give every pack something to embed"
    assert embedded == expected
    text = _plain(" ".join(page.extract_text() for page in reader.pages))
    for name in expected:
        assert name in text, f"{name} is not named in its item's section"


@pytest.mark.parametrize("target", TARGETS)
def test_evidence_pack_text_names_every_chosen_item(packs: Path, target: str) -> None:
    reader = pypdf.PdfReader(packs / target / "evidence-pack.pdf")
    text = _plain(" ".join(page.extract_text() for page in reader.pages))
    for evidence in _selection(packs, target)["chosen"]:
        title = front_matter(REPO / "content" / "evidence" / f"{evidence}.md")["title"]
        assert _plain(title) in text
    assert "Inês Salgueiro" in text
    assert re.search(r"Page \d+ of \d+", text), "page numbers in the footer"


def test_private_evidence_reaches_a_pack_only_when_the_target_allows_it(
    sample_root: Path, packs: Path
) -> None:
    private = {
        f.stem: front_matter(f)["title"]
        for f in (REPO / "content" / "evidence").glob("*.md")
        if front_matter(f).get("visibility") == "private"
    }
    assert private
    for target in TARGETS:
        allowed = _target(target).get("include_private", False)
        ranked = {r["id"] for r in _selection(packs, target)["ranked"]}
        if allowed:
            assert ranked & set(private), f"{target} may use private evidence"
        else:
            assert not ranked & set(private)
            for file in (packs / target).rglob("*"):
                if file.suffix in (".html", ".json"):
                    text = file.read_text(encoding="utf-8")
                    assert not any(t in text for t in private.values()), file
                elif file.suffix == ".pdf":
                    reader = pypdf.PdfReader(file)
                    text = _plain(" ".join(page.extract_text() for page in reader.pages))
                    assert not any(_plain(t) in text for t in private.values()), file
                    assert "double-dispatch-postmortem.pdf" not in reader.attachments
    site = sample_root / "site"
    names = {p.name for p in site.rglob("*")}
    assert "double-dispatch-postmortem.pdf" not in names
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not any(title in text for title in private.values()), page


PORTAL = """---
title: Built the customer tracking portal
kind: project
date: 2017-05
organization: Lumen Insights
skills: [JavaScript, React, Node.js, CSS]
---
A small web portal for retail clients to follow their weekly reports.
"""


def _ranking(root: Path) -> tuple[list[str], dict[str, int], dict[str, Scored]]:
    portfolio, _ = load(root)
    selection = build_pack(portfolio, portfolio.targets["web"]).selection
    order = [s.evidence.id for s in selection.ranked]
    return (
        order,
        {s.evidence.id: s.score for s in selection.ranked},
        {s.evidence.id: s for s in selection.ranked},
    )


def test_a_job_description_moves_the_ranking_the_way_its_skills_say(tmp_path: Path) -> None:
    """The official JSON Resume sample job asks for web development (HTML, CSS,
    JavaScript, React, Node.js) and databases (SQL, NoSQL, MongoDB). Naming it in a
    target must lift the evidence that shows those skills, by the points the reasons
    give, and leave the rest where the ad's words put it."""
    root = copy_sample(tmp_path / "project")
    (root / "content" / "evidence" / "customer-portal.md").write_text(PORTAL, encoding="utf-8")
    shutil.copy(JOB, root / "content" / "targets" / "web-job.json")
    target = root / "content" / "targets" / "web.yaml"
    target.write_text("title: Web Developer at Microsoft\n", encoding="utf-8")
    order_before, before, _ = _ranking(root)
    with target.open("a", encoding="utf-8") as f:
        f.write("job: web-job.json\n")
    order_after, after, scored = _ranking(root)

    portal = scored["customer-portal"]
    assert set(portal.job_skills) == {"JavaScript", "React", "Node.js", "CSS"}
    assert order_after.index("customer-portal") < order_before.index("customer-portal") - 3
    for evidence, item in scored.items():
        job_points = sum(r.points for r in item.reasons if str(r.why).startswith("job "))
        assert after[evidence] - before[evidence] == job_points, evidence
        if item.job_skills:
            assert job_points >= 4 * min(len(item.job_skills), 4)
        else:
            assert job_points <= 6, f"{evidence} names no job skill"
    sql = [e for e, item in scored.items() if "SQL" in item.job_skills]
    assert "lumen-reporting-automation" in sql  # "Python and SQL"
    assert "MongoDB" not in {skill for item in scored.values() for skill in item.job_skills}


def test_target_option_builds_one_pack_and_leaves_the_site_alone(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    result = run("build", str(root), "--no-pdf", "--target", TARGETS[0])
    assert result.exit_code == 0, result.output
    assert not (root / "site").exists()
    assert [p.name for p in (root / "packs").iterdir()] == [TARGETS[0]]
    result = run("build", str(root), "--no-pdf", "--target", "no-such-target")
    assert result.exit_code != 0
    assert "no-such-target" in result.output


def test_packs_are_never_written_into_the_site(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    site = tmp_path / "site"
    result = run("build", str(root), "--no-pdf", "--out", str(site), "--packs", str(site / "p"))
    assert result.exit_code == 1
    assert "must be separate folders" in result.output
    assert not site.exists()


@pytest.mark.slow  # builds PDFs
@pytest.mark.parametrize(
    ("image", "refused"),
    [
        ("https://example.com/chart.png", "refused to fetch `https://example.com/chart.png`"),
        ("../../../../../../../../etc/hostname", "refused to read `/etc/hostname`"),
    ],
)
def test_a_pdf_reads_nothing_outside_the_project_and_says_which_file_asked(
    tmp_path: Path, image: str, refused: str
) -> None:
    root = copy_sample(tmp_path / "project")
    evidence = root / "content" / "evidence" / "forecast-serving-platform.md"
    text = evidence.read_text(encoding="utf-8")
    evidence.write_text(text + f"\nThe forecast:\n\n![chart]({image})\n", encoding="utf-8")
    line = len(text.splitlines()) + 4
    packs = tmp_path / "packs"
    result = run("build", str(root), "--packs", str(packs), "--target", "polderlicht-ml-platform")
    assert result.exit_code == 1
    assert result.output.startswith(
        f"content/evidence/forecast-serving-platform.md:{line}:10: "
        "packs/polderlicht-ml-platform/evidence-pack.pdf cannot be made: " + refused
    )
    assert "Traceback" not in result.output
    assert not packs.exists(), "nothing was written"


def test_a_pivot_bridge_pitch_names_the_transferable_skills(tmp_path: Path) -> None:
    """The sample's pivot goal has no target of its own: give it one, and its pitch
    must map each required skill to the evidence that carries it over, and name the
    rest as still to build."""
    root = copy_sample(tmp_path / "project")
    (root / "content" / "targets" / "pivot.yaml").write_text(
        "title: ML Platform Engineer at Rotaverde\norganization: Rotaverde Logistics\n"
        "role: ML Platform Engineer\ngoal: ml-platform-pivot\nkeywords: [Rust]\n"
        "outputs: [pitch]\n",
        encoding="utf-8",
    )
    result = run("build", str(root), "--no-pdf", "--target", "pivot")
    assert result.exit_code == 0, result.output
    pitch = _plain((root / "packs" / "pivot" / "pitch.html").read_text(encoding="utf-8"))
    section = pitch[pitch.index("Transferable skills") :]
    for skill in ("MLOps", "model serving", "feature stores", "Python"):
        assert skill in section
    assert "Built the serving platform for Rotaverde&#39;s depot demand forecasts" in section
    assert re.search(r"Still to build: [^.]*Rust", section)
    assert "Mobility" not in pitch


@pytest.mark.slow  # builds PDFs
def test_a_target_s_paper_size_reaches_its_pdfs(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    target = root / "content" / "targets" / "rotaverde-staff-promotion.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("paper: A4", "paper: Letter"), "utf-8"
    )
    result = run("build", str(root), "--target", "rotaverde-staff-promotion")
    assert result.exit_code == 0, result.output
    for name in ("resume.pdf", "promotion-case.pdf", "evidence-pack.pdf"):
        page = pypdf.PdfReader(root / "packs" / "rotaverde-staff-promotion" / name).pages[0]
        assert (round(page.mediabox.width), round(page.mediabox.height)) == (612, 792), name


def test_a_goal_with_errors_does_not_also_fail_its_target(tmp_path: Path) -> None:
    """A typo in the goal's YAML is one error, not a second one on the target that
    names it ("a promotion case needs an evidence-ladder goal")."""
    root = copy_sample(tmp_path / "project")
    goal = root / "content" / "goals" / "staff-engineer-promotion.md"
    text = goal.read_text(encoding="utf-8")
    goal.write_text(text.replace("\ntitle: ", "\ntitle: Staff: ", 1), encoding="utf-8")
    result = run("build", str(root), "--no-pdf")
    assert result.exit_code == 1
    assert "staff-engineer-promotion.md:3:" in result.output
    assert "1 error: nothing was written." in result.output, result.output


def test_mentions_matches_whole_words_singular_or_plural() -> None:
    """The word-set shortcut gives the same answers as the whole-word pattern it
    replaces, for one-word and many-word terms, hyphens, plurals and Unicode."""
    import random
    import re

    from portfolio.content.words import mentions

    def reference(haystack: str, term: str) -> bool:
        words = term.lower().strip()
        if not words:
            return False
        stem = words[:-1] if words.endswith("s") and not words.endswith("ss") else words
        pattern = rf"(?<![\w-]){re.escape(stem)}(?:s|es)?(?![\w-])"
        return re.search(pattern, haystack) is not None

    vocabulary = ["data", "dashboards", "dashboard", "class", "classes", "c++", "c#",
                  "go", "node.js", "incident management", "on-call", "call", "café",
                  "kafka", "s", "es", "ss", "api", "apis", "x-ray", "-", ""]  # fmt: skip
    rng = random.Random(7)
    for _ in range(3000):
        text = " ".join(rng.choice([*vocabulary, ",", ".", "(", "/"]) for _ in range(12))
        term = rng.choice(vocabulary) + rng.choice(["", "s", " ", "es"])
        assert mentions(text, term) == reference(text, term), (text, term)
    assert mentions("we run kafka clusters", "Kafka")
    assert not mentions("on-call rota", "call")
    assert mentions("two dashboards", "dashboard") and mentions("one dashboard", "dashboards")
