"""`portfolio export jsonresume`: the portfolio as a JSON Resume (schema 1.x).

The reverse of `interop/jsonresume_in.py`, so a round trip keeps what both formats hold: the
profile becomes `basics`, `work`, `education`, `skills`, `languages`, `interests`;
each piece of evidence goes to the section of its kind, and a position's highlights
are its evidence's resume lines. Goals have no place in JSON Resume and stay out. The
caller decides what the export may see (the public view, unless asked otherwise).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from portfolio.content.dates import PartialDate
from portfolio.content.models import Evidence, Link
from portfolio.content.portfolio import Portfolio
from portfolio.content.resume import resume_order
from portfolio.interop.jsonresume_layout import exported_keys

SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
WEBSITE = ("website", "homepage", "home page", "web", "blog", "site")
_LABEL = re.compile(r"^(?P<network>.+?) \((?P<username>[^()]+)\)$")


def _clean(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}


def _iso(value: PartialDate | None) -> str | None:
    return value.iso() if value else None


def _bullets(body: str) -> list[str]:
    """A body that is a plain list of `- ` lines reads back as highlights."""
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    if lines and all(line.startswith(("- ", "* ")) for line in lines):
        return [line[2:].strip() for line in lines]
    return []


def _profile_link(link: Link) -> dict[str, str]:
    match = _LABEL.match(link.label)
    network, username = (match["network"], match["username"]) if match else (link.label, None)
    if username is None:
        tail = urlsplit(link.url).path.rstrip("/").rsplit("/", 1)[-1]
        username = tail.lstrip("@") or None
    return _clean({"network": network, "username": username, "url": link.url})


def _location(text: str | None) -> dict[str, str] | None:
    """`City, Region, CC` back into its parts; anything else as the city."""
    if not text:
        return None
    parts = [p.strip() for p in text.split(",")]
    if len(parts) >= 2 and re.fullmatch(r"[A-Z]{2}", parts[-1]):
        return _clean(
            {"city": parts[0], "region": ", ".join(parts[1:-1]), "countryCode": parts[-1]}
        )
    return {"city": text}


def _basics(p: Portfolio) -> dict[str, Any]:
    pr = p.profile
    websites = [link for link in pr.links if link.label.casefold() in WEBSITE]
    return _clean(
        {
            "name": pr.name,
            "label": pr.headline,
            "email": pr.email,
            "phone": pr.phone,
            "url": websites[0].url if websites else None,
            "summary": pr.summary.strip(),
            "location": _location(pr.location),
            "profiles": [_profile_link(link) for link in pr.links if link not in websites[:1]],
        }
    )


def _dates(ev: Evidence) -> dict[str, str | None]:
    if ev.date:
        return {"startDate": _iso(ev.date)}
    return {"startDate": _iso(ev.start), "endDate": _iso(ev.end)}


def _url(ev: Evidence) -> str | None:
    return ev.links[0].url if ev.links else None


def _line(ev: Evidence) -> str:
    """How a piece of evidence reads as a highlight: its resume line, else its title."""
    return ev.summary.strip() or ev.title


def _work(p: Portfolio) -> list[dict[str, Any]]:
    return [
        _clean(
            {
                "name": job.organization,
                "location": job.location,
                "description": job.description,
                "position": job.title,
                "url": job.url,
                "startDate": _iso(job.start),
                "endDate": _iso(job.end),
                "summary": job.summary.strip(),
                "highlights": [_line(p.evidence[e]) for e in job.highlights if e in p.evidence],
            }
        )
        for job in p.profile.experience
    ]


def _education(p: Portfolio) -> list[dict[str, Any]]:
    return [
        _clean(
            {
                "institution": s.institution,
                "url": s.url,
                "area": s.area,
                "studyType": s.degree,
                "startDate": _iso(s.start),
                "endDate": _iso(s.end),
                "score": s.score,
                "courses": list(s.courses),
            }
        )
        for s in p.profile.education
    ]


def _entry(section: str, ev: Evidence) -> dict[str, Any]:
    """One piece of evidence as an entry of a JSON Resume section."""
    summary = ev.summary.strip()
    when = _iso(ev.when)
    entries: dict[str, dict[str, Any]] = {
        "volunteer": {"organization": ev.organization, "position": ev.role, "url": _url(ev),
                      **_dates(ev), "summary": summary, "highlights": _bullets(ev.body)},
        "awards": {"title": ev.title, "date": when, "awarder": ev.organization,
                   "summary": summary},
        "certificates": {"name": ev.title, "date": when, "issuer": ev.organization,
                         "url": _url(ev)},
        "publications": {"name": ev.title, "publisher": ev.organization, "releaseDate": when,
                         "url": _url(ev), "summary": summary},
        "projects": {"name": ev.title, "description": summary, "highlights": _bullets(ev.body),
                     "keywords": list(ev.skills), **_dates(ev), "url": _url(ev),
                     "roles": [r.strip() for r in (ev.role or "").split(",") if r.strip()],
                     "entity": ev.organization, "type": "talk" if ev.kind == "talk" else None},
    }  # fmt: skip
    return _clean(entries[section])


SECTIONS = {
    "volunteer": ("volunteer",),
    "awards": ("award",),
    "certificates": ("certification", "course"),
    "publications": ("publication",),
    "projects": ("project", "achievement", "talk"),
}


def export_jsonresume(p: Portfolio) -> dict[str, Any]:
    """The JSON Resume of `p`: its sections in the order of the resume's (the official
    schema's order where the profile gives none), entries in the resume's order."""
    placed = {e for job in p.profile.experience for e in job.highlights}
    in_order = [p.evidence[e] for e in resume_order(p, list(p.evidence))]
    sections = {
        name: [
            _entry(name, ev)
            for ev in in_order
            if ev.kind in kinds and not (name == "projects" and ev.id in placed)
        ]
        for name, kinds in SECTIONS.items()
    }
    profile = p.profile
    body: dict[str, Any] = {
        "work": _work(p),
        "volunteer": sections["volunteer"],
        "education": _education(p),
        "awards": sections["awards"],
        "certificates": sections["certificates"],
        "publications": sections["publications"],
        "skills": [
            _clean({"name": s.name, "level": s.level, "keywords": list(s.keywords)})
            for s in profile.skills
        ],
        "languages": [
            _clean({"language": lang.name, "fluency": lang.level}) for lang in profile.languages
        ],
        "interests": [
            _clean({"name": i.name, "keywords": list(i.keywords)}) for i in profile.interests
        ],
        "references": [
            _clean({"name": e.by, "reference": e.quote}) for ev in in_order for e in ev.endorsements
        ],
        "projects": sections["projects"],
    }
    keys = exported_keys(profile.resume, bool(profile.experience))
    return _clean(
        {
            "$schema": SCHEMA,
            "basics": _basics(p),
            **{key: body[key] for key in keys},
            "meta": {"version": "v1.0.0", "lastModified": p.today.isoformat()},
        }
    )
