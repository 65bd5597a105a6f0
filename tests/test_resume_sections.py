"""Every section reaches the resume, in the order its author gives: the profile's
`resume:` block, the sections' usual order, the JSON Resume round trip that keeps the
order of a file's sections and entries, references on request, English job titles."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from conftest import REPO, run
from portfolio.build import load
from portfolio.content.portfolio import public_view
from portfolio.content.profile import ResumeLayout
from portfolio.content.resume import build_resume, job_title, section_order
from portfolio.interop.importer import import_resume
from portfolio.interop.jsonresume_out import export_jsonresume
from portfolio.packs.pack import build_pack


def _resume(data: dict[str, Any], root: Path) -> dict[str, Any]:
    import_resume(data, root)
    p, _ = load(root)
    assert p is not None
    resume = build_resume(public_view(p))
    return {"resume": resume, "export": export_jsonresume(public_view(p)), "root": root}


STUDENT: dict[str, Any] = {
    "basics": {"name": "Ada Student", "summary": "Student who builds things."},
    "projects": [
        {"name": "Zeta compiler", "startDate": "2024-01", "description": "A compiler."},
        {"name": "Alpha app", "startDate": "2025-03", "description": "An app."},
    ],
    "education": [{"institution": "Some University", "studyType": "BSc", "area": "CS"}],
    "volunteer": [{"organization": "Code Club", "position": "Tutor", "startDate": "2024-10"}],
    "skills": [{"name": "Python"}],
}


def test_the_usual_order_and_a_person_without_a_job() -> None:
    usual = section_order(ResumeLayout(), has_jobs=True)
    assert usual[:4] == ("summary", "experience", "projects", "volunteering")
    assert usual.index("education") < usual.index("skills") and usual[-1] == "references"
    student = section_order(ResumeLayout(), has_jobs=False)
    assert student[:2] == ("summary", "education")


def test_sections_named_come_first_hidden_ones_never() -> None:
    layout = ResumeLayout(sections=("skills", "education"), hide=("interests", "talks"))
    order = section_order(layout, has_jobs=True)
    assert order[:3] == ("skills", "education", "summary")
    assert "interests" not in order and "talks" not in order
    assert len(order) == len(set(order))


def test_a_student_s_projects_and_volunteering_reach_the_resume_in_the_file_s_order(
    tmp_path: Path,
) -> None:
    made = _resume(STUDENT, tmp_path)
    resume = made["resume"]
    assert resume.jobs == ()
    # The file lists the older project first: that order is the author's and is kept.
    assert [e.ev.title for e in resume.projects] == ["Zeta compiler", "Alpha app"]
    assert [e.ev.role for e in resume.volunteering] == ["Tutor"]
    assert resume.sections == ("summary", "projects", "education", "volunteering", "skills")
    profile = yaml.safe_load((tmp_path / "content" / "profile.yaml").read_text("utf-8"))
    assert profile["resume"]["sections"] == ["summary", "projects", "education", "volunteering",
                                             "skills"]  # fmt: skip
    assert profile["resume"]["order"] == ["zeta-compiler", "alpha-app"]
    export = made["export"]
    keys = [k for k in export if k not in ("$schema", "basics", "meta")]
    assert keys == ["projects", "education", "volunteer", "skills"]
    assert [p["name"] for p in export["projects"]] == ["Zeta compiler", "Alpha app"]


def test_a_file_in_the_usual_order_gets_no_resume_block(tmp_path: Path) -> None:
    data = {
        "basics": {"name": "Ben Usual"},
        "work": [{"name": "Acme", "position": "Engineer", "startDate": "2020-01"}],
        "projects": [
            {"name": "New", "startDate": "2024-01"},
            {"name": "Old", "startDate": "2019-01"},
        ],
        "education": [{"institution": "A University"}],
    }
    import_resume(data, tmp_path)
    profile = yaml.safe_load((tmp_path / "content" / "profile.yaml").read_text("utf-8"))
    assert "resume" not in profile


def test_references_are_listed_when_the_resume_had_them(tmp_path: Path) -> None:
    data = {
        "basics": {"name": "Cleo Refs"},
        "work": [{"name": "Acme", "position": "Engineer", "startDate": "2020-01"}],
        "references": [{"name": "Dana Boss", "reference": "Cleo shipped every quarter."}],
    }
    resume = _resume(data, tmp_path)["resume"]
    assert resume.sections[-1] == "references"
    assert [(r.by, r.quote) for r in resume.references] == [
        ("Dana Boss", "Cleo shipped every quarter.")
    ]
    result = run("build", str(tmp_path), "--no-pdf")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "resume" / "index.html").read_text("utf-8")
    assert "Dana Boss" in page and "Cleo shipped every quarter." in page


def test_references_on_request_and_hidden_sections(tmp_path: Path) -> None:
    import_resume(STUDENT, tmp_path)
    profile_file = tmp_path / "content" / "profile.yaml"
    profile = yaml.safe_load(profile_file.read_text("utf-8"))
    profile["resume"] = {"references": "on-request", "hide": ["volunteering"]}
    profile_file.write_text(yaml.safe_dump(profile, allow_unicode=True), "utf-8")
    result = run("build", str(tmp_path), "--no-pdf")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "resume" / "index.html").read_text("utf-8")
    headings = re.findall(r"<h2>([^<]+)</h2>", page)
    assert headings == ["Summary", "Education", "Projects", "Skills", "References"]
    assert "References available on request." in page and "Code Club" not in page


def test_an_unknown_id_in_resume_order_is_a_located_error(tmp_path: Path) -> None:
    import_resume(STUDENT, tmp_path)
    profile_file = tmp_path / "content" / "profile.yaml"
    text = profile_file.read_text("utf-8").replace("[zeta-compiler,", "[zeta-compiler-x,")
    profile_file.write_text(text, "utf-8")
    result = run("build", str(tmp_path), "--no-pdf")
    assert result.exit_code != 0
    assert "content/profile.yaml:" in result.output and "zeta-compiler-x" in result.output
    assert "Traceback" not in result.output


def test_public_evidence_no_position_lists_stands_in_its_own_section(tmp_path: Path) -> None:
    data = {
        "basics": {"name": "Eve Kinds"},
        "work": [{"name": "Acme", "position": "Engineer", "highlights": ["Shipped X"]}],
        "awards": [{"title": "Best paper", "date": "2023-05"}],
        "publications": [{"name": "On things", "releaseDate": "2022-01"}],
        "certificates": [{"name": "CKA", "date": "2021-01"}],
        "projects": [{"name": "Keynote", "type": "talk", "startDate": "2024-02-02"}],
    }
    resume = _resume(data, tmp_path)["resume"]
    assert [e.ev.summary or e.ev.title for e in resume.jobs[0].highlights] == ["Shipped X"]
    assert [e.ev.title for e in resume.awards] == ["Best paper"]
    assert [e.ev.title for e in resume.publications] == ["On things"]
    assert [e.ev.title for e in resume.certifications] == ["CKA"]
    assert [e.ev.title for e in resume.talks] == ["Keynote"]
    assert resume.projects == ()  # the highlight stands under its position, once


def test_a_tailored_resume_shows_only_the_target_s_choice_most_relevant_first() -> None:
    p, _ = load(REPO)
    assert p is not None
    target = p.targets["polderlicht-ml-platform"]
    pack = build_pack(p, target)
    chosen = [c.view.ev.id for c in pack.chosen]
    resume = pack.resume
    shown = [e.ev.id for job in resume.jobs for e in job.highlights]
    shown += [e.ev.id for s in ("projects", "volunteering", "certifications", "awards",
                                "publications", "talks") for e in getattr(resume, s)]  # fmt: skip
    assert sorted(shown) == sorted(e for e in chosen if p.evidence[e].kind != "endorsement")
    for job in resume.jobs:  # under each position, the target's ranking decides the order
        ids = [e.ev.id for e in job.highlights]
        assert ids == sorted(ids, key=chosen.index)
    assert resume.sections[0] == "summary" and "experience" in resume.sections


def test_english_job_titles_read_in_title_case() -> None:
    assert job_title("Independent web developer", "en") == "Independent Web Developer"
    assert job_title("head of data", "en-GB") == "Head of Data"
    assert job_title("full-stack developer", "en") == "Full-Stack Developer"
    assert job_title("iOS developer at SRE team", "en") == "iOS Developer at SRE Team"
    assert job_title("Responsable de projet", "fr") == "Responsable de projet"


def test_a_section_past_the_limit_says_how_many_more_the_site_lists(tmp_path: Path) -> None:
    """A resume is no archive: 60 projects show 50 (the usual limit), the first 50 in
    the author's order (here the file's), and say "… and 10 more", linked to the
    evidence pages on the site; the Word and text files say it too."""
    data = {
        "basics": {"name": "Many Projects"},
        "projects": [
            {"name": f"Project {i:02d}", "startDate": f"{2000 + i // 12}-{i % 12 + 1:02d}"}
            for i in range(60)
        ],
    }
    resume = _resume(data, tmp_path)["resume"]
    assert len(resume.projects) == 50 and resume.extra("projects") == 10
    assert resume.projects[0].ev.title == "Project 00"  # the file's order, kept
    result = run("build", str(tmp_path), "--no-pdf")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "resume" / "index.html").read_text("utf-8")
    assert '<a href="../evidence/">… and 10 more</a>' in page
    assert "Project 49" in page and "Project 50" not in page
    assert "… and 10 more" in (tmp_path / "site" / "resume.txt").read_text("utf-8")
    evidence = (tmp_path / "site" / "evidence" / "index.html").read_text("utf-8")
    assert "Project 59" in evidence  # the site lists them all
