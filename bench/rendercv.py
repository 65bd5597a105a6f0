"""The sample's public resume as a RenderCV input file: the same name, positions,
highlights, education, certifications and skills, so `rendercv render` and
`portfolio build` typeset the same words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from portfolio.build import load
from portfolio.content.portfolio import public_view
from portfolio.content.resume import build_resume


def _date(value: Any) -> str | None:
    return value.iso() if value else None


def write(project: Path, folder: Path) -> Path:
    portfolio, _ = load(project.resolve())
    public = public_view(portfolio)
    resume = build_resume(public)
    profile = public.profile
    sections: dict[str, Any] = {"summary": [profile.summary.strip()]}
    sections["experience"] = [
        {
            "company": job.position.organization,
            "position": job.title,
            "location": job.position.location,
            "start_date": _date(job.position.start),
            "end_date": _date(job.position.end) or "present",
            "summary": job.position.summary.strip(),
            "highlights": [e.ev.summary or e.ev.title for e in job.highlights],
        }
        for job in resume.jobs
    ]
    sections["certifications"] = [
        {"name": e.ev.title, "date": _date(e.ev.when), "summary": e.ev.organization}
        for e in resume.certifications
    ]
    sections["awards_talks_and_publications"] = [
        {"name": e.ev.title, "date": _date(e.ev.when), "summary": e.ev.organization}
        for e in (*resume.awards, *resume.publications, *resume.talks)
    ]
    sections["skills"] = [
        {"label": s.name, "details": ", ".join(s.keywords)} for s in resume.skills
    ]
    sections["education"] = [
        {
            "institution": s.education.institution,
            "area": s.education.area or s.education.degree or "",
            "degree": s.education.degree,
            "start_date": _date(s.education.start),
            "end_date": _date(s.education.end),
        }
        for s in resume.education
    ]
    cv = {
        "cv": {
            "name": profile.name,
            "location": profile.location,
            "email": profile.email,
            "sections": sections,
        }
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "Resume_CV.yaml"
    path.write_text(yaml.safe_dump(_drop_none(cv), allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v not in (None, "", [])}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value
