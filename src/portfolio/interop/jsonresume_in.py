"""A JSON Resume, mapped onto the shapes of the content format.

`Mapper` turns the sections into a profile and a list of evidence files: each work
highlight an achievement under its position; volunteering, awards, certificates,
publications, references and projects each a kind of evidence. Every value is read
through `jsonresume_read.Reader`, which checks it and reports what it leaves out: the
summaries and the bullets of a body as Markdown (HTML in them made Markdown), every
other text plain.

JSON Resume has no place for who wrote a reference, when, or about which position.
An entry of `references` may say so in an `x-portfolio` object (`EXTENSION`), which
the importers of LinkedIn and RenderCV write and any JSON Resume may hold:
`{"role": "CTO, Globex", "date": "2021-07-02", "work": 0}` gives the endorsement its
author's role and date, and, by the index of an entry of `work`, puts it on the
evidence of that position (its organization, role and dates). A project of `type`
`course` is a course.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from portfolio.content.ids import unique_id
from portfolio.interop.jsonresume_read import MisreadDate, Reader

EXTENSION = "x-portfolio"  # what a JSON Resume entry says that JSON Resume cannot

# Where a profile lives when a resume gives only the username.
PROFILES = {
    "github": "https://github.com/{}", "gitlab": "https://gitlab.com/{}",
    "twitter": "https://twitter.com/{}", "x": "https://x.com/{}",
    "linkedin": "https://www.linkedin.com/in/{}", "instagram": "https://www.instagram.com/{}",
    "soundcloud": "https://soundcloud.com/{}", "medium": "https://medium.com/@{}",
    "dribbble": "https://dribbble.com/{}", "behance": "https://www.behance.net/{}",
}  # fmt: skip


def _profile_url(network: str | None, username: str | None) -> str | None:
    pattern = PROFILES.get((network or "").casefold())
    if not pattern or not username or not re.fullmatch(r"[\w.-]+", username.lstrip("@")):
        return None
    return pattern.format(username.lstrip("@"))


def _clean(mapping: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty values, so the files hold only what the resume said."""
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}


def _bullets(lines: list[str]) -> str:
    return "".join(f"- {line}\n" for line in lines)


@dataclass
class NewEvidence:
    id: str
    meta: dict[str, Any]
    body: str = ""


class Mapper:
    def __init__(self, taken: set[str]) -> None:
        self.read = Reader()
        self.taken = set(taken)
        self.evidence: list[NewEvidence] = []
        self.jobs: dict[str, dict[str, Any]] = {}  # `work[0]` -> its position, mapped

    def add(self, title: str, meta: dict[str, Any], body: str = "") -> str:
        new_id = unique_id(title, self.taken, "evidence")
        self.taken.add(new_id)
        self.evidence.append(NewEvidence(new_id, _clean({"title": title, **meta}), body))
        return new_id

    def dates(self, node: dict[str, Any], where: str) -> dict[str, Any]:
        start = self.read.date(node, "startDate", where)
        end = self.read.date(node, "endDate", where)
        return {"start": start, "end": end}

    def link(self, node: dict[str, Any], where: str, label: str) -> list[dict[str, str]]:
        url = self.read.url(node, "url", where)
        return [{"label": label, "url": url}] if url else []

    def profile(self, data: dict[str, Any]) -> dict[str, Any]:
        r = self.read
        raw = data.get("basics")
        basics: dict[str, Any] = raw if isinstance(raw, dict) else {}
        if raw is not None and not isinstance(raw, dict):
            r.dropped.append("basics: not an object")
        r.nodes.append(("basics", basics))
        links = []
        if website := r.url(basics, "url", "basics"):
            links.append({"label": "Website", "url": website})
        for where, item in r.items(basics, "profiles", "basics."):
            network = r.text(item, "network", where)
            username = r.text(item, "username", where)
            label = network or username or "Profile"
            if url := r.url(item, "url", where) or _profile_url(network, username):
                if network and username and username not in url:
                    label = f"{network} ({username})"  # the link alone would lose the name
                links.append({"label": label, "url": url})
            elif username:
                r.dropped.append(f"{where}: a profile without a `url` cannot be linked")
        if r.text(basics, "image", "basics"):
            r.dropped.append("basics.image: the format holds no photo")
        phone = r.text(basics, "phone", "basics")
        return _clean(
            {
                "name": r.text(basics, "name", "basics"),
                "headline": r.text(basics, "label", "basics"),
                "email": r.email(basics, "email", "basics"),
                "phone": phone,
                "location": self.location(r.value(basics, "location")),
                "links": links,
                "summary": r.prose(basics, "summary", "basics"),
                "private": ["phone"] if phone else [],
                "languages": [
                    _clean({"name": r.text(x, "language", w), "level": r.text(x, "fluency", w)})
                    for w, x in r.items(data, "languages")
                    if r.text(x, "language", w)
                ],
                "skills": [
                    _clean(
                        {
                            "name": r.text(x, "name", w),
                            "level": r.text(x, "level", w),
                            "keywords": r.texts(x, "keywords", w),
                        }
                    )
                    for w, x in r.items(data, "skills")
                    if r.text(x, "name", w)
                ],
                "interests": [
                    _clean({"name": r.text(x, "name", w), "keywords": r.texts(x, "keywords", w)})
                    for w, x in r.items(data, "interests")
                    if r.text(x, "name", w)
                ],
                "experience": [self.job(w, x) for w, x in r.items(data, "work")],
                "education": [self.school(w, x) for w, x in r.items(data, "education")],
            }
        )

    def location(self, node: Any) -> str | None:
        """`City, Region, CC`: the street address and postcode stay out of a public site."""
        if node is None:
            return None
        if isinstance(node, str):
            return node.strip() or None
        if not isinstance(node, dict):
            self.read.dropped.append("basics.location: not an object")
            return None
        self.read.nodes.append(("basics.location", node))
        for key in ("address", "postalCode"):
            if self.read.text(node, key, "basics.location"):
                self.read.dropped.append(
                    f"basics.location.{key}: the format holds a place, not a postal address"
                )
        parts = [
            self.read.text(node, k, "basics.location") for k in ("city", "region", "countryCode")
        ]
        return ", ".join(p for p in parts if p) or None

    def job(self, where: str, item: dict[str, Any]) -> dict[str, Any]:
        """A position, kept by its path for the references that speak of it."""
        self.jobs[where] = self.position(where, item)
        return self.jobs[where]

    def position(self, where: str, item: dict[str, Any]) -> dict[str, Any]:
        r = self.read
        organization = r.text(item, "name", where) or r.text(item, "company", where) or "Unknown"
        title = r.text(item, "position", where) or "Position"
        summary = r.prose(item, "summary", where)
        achievement = {"kind": "achievement", "organization": organization, "role": title}
        highlights = [  # a link in a highlight is kept among the evidence's links
            self.add(text, {**achievement, "links": links})
            for text, links in r.titles(item, "highlights", where)
        ]
        return _clean(
            {
                "organization": organization,
                "title": title,
                "location": r.text(item, "location", where),
                "description": r.text(item, "description", where),
                "url": r.url(item, "url", where),
                **self.dates(item, where),
                "summary": summary,
                "highlights": highlights,
            }
        )

    def school(self, where: str, item: dict[str, Any]) -> dict[str, Any]:
        r = self.read
        return _clean(
            {
                "institution": r.text(item, "institution", where) or "Unknown",
                "degree": r.text(item, "studyType", where),
                "area": r.text(item, "area", where),
                **self.dates(item, where),
                "score": r.text(item, "score", where),
                "courses": r.texts(item, "courses", where),
                "url": r.url(item, "url", where),
            }
        )

    def sections(self, data: dict[str, Any]) -> None:
        """Every section that is evidence: one file per entry."""
        r = self.read
        for section, (kind, title_key, fallback, fields, label) in SIMPLE.items():
            for w, x in r.items(data, section):
                meta: dict[str, Any] = {"kind": kind, "links": self.link(x, w, label)}
                for ours, theirs in fields.items():
                    if ours == "summary":  # one line of Markdown
                        meta[ours] = r.prose(x, theirs, w, inline=True)
                        continue
                    meta[ours] = r.date(x, theirs, w) if ours == "date" else r.text(x, theirs, w)
                self.add(r.text(x, title_key, w) or fallback, meta)
        for w, x in r.items(data, "volunteer"):
            org, role = r.text(x, "organization", w), r.text(x, "position", w)
            meta = {"kind": "volunteer", **self.dates(x, w), "organization": org, "role": role}
            meta |= {"summary": r.prose(x, "summary", w, inline=True)}
            meta |= {"links": self.link(x, w, "Website")}
            title = ", ".join(t for t in (role, org) if t) or "Volunteering"
            self.add(title, meta, _bullets(r.proses(x, "highlights", w)))
        for w, x in r.items(data, "references"):
            name, quote = r.text(x, "name", w) or "A colleague", r.text(x, "reference", w)
            if quote:
                self.add(f"Reference from {name}", self.endorsement(w, x, name, quote))
            else:
                r.dropped.append(f"{w}: a reference without its words")
        for w, x in r.items(data, "projects"):
            self.project(w, x)

    def endorsement(
        self, where: str, item: dict[str, Any], name: str, quote: str
    ) -> dict[str, Any]:
        """A reference as an endorsement; with its `x-portfolio`, the author's role,
        the date, and the position it speaks of (see the module's docstring)."""
        r = self.read
        more = r.value(item, EXTENSION)
        if more is not None and not isinstance(more, dict):
            r.dropped.append(f"{where}.{EXTENSION}: not an object")
        extra: dict[str, Any] = more if isinstance(more, dict) else {}
        w = f"{where}.{EXTENSION}"
        r.nodes.append((w, extra))
        said = {"by": name, "role": r.text(extra, "role", w), "date": r.date(extra, "date", w)}
        work = r.value(extra, "work")
        job = self.jobs.get(f"work[{work}]") if type(work) is int else None
        if work is not None and job is None:
            r.dropped.append(f"{w}.work: `{work}` is not the index of an entry of `work`")
        on: dict[str, Any] = {}
        if job is not None:  # the position's dates: a date misread there is explained there
            on = {"organization": job["organization"], "role": job["title"]}
            on |= {k: v for k, v in job.items() if k in ("start", "end")
                   and not isinstance(v, MisreadDate)}  # fmt: skip
        return {"kind": "endorsement", **on, "endorsements": [_clean({**said, "quote": quote})]}

    def project(self, where: str, item: dict[str, Any]) -> None:
        r = self.read
        kind_of = (r.text(item, "type", where) or "").lower()
        kind = PROJECT_TYPES.get(kind_of, "project")
        if kind_of and kind_of not in PROJECT_TYPES:
            r.dropped.append(f"{where}.type: `{kind_of}` (kept as a project)")
        dates = self.dates(item, where)
        if kind == "talk" and not dates["end"]:  # a talk is given on a day, not ongoing
            dates = {"date": dates["start"]}
        meta = {
            "kind": kind,
            **dates,
            "organization": r.text(item, "entity", where),
            "role": ", ".join(r.texts(item, "roles", where)) or None,
            "summary": r.prose(item, "description", where, inline=True),
            "skills": r.texts(item, "keywords", where),
            "links": self.link(item, where, "Project"),
        }
        name = r.text(item, "name", where) or "Project"
        self.add(name, meta, _bullets(r.proses(item, "highlights", where)))


# section -> (kind, the key of its title, a title if it has none, our key -> theirs, link label)
SIMPLE: dict[str, tuple[str, str, str, dict[str, str], str]] = {
    "awards": (
        "award",
        "title",
        "Award",
        {"date": "date", "organization": "awarder", "summary": "summary"},
        "Award",
    ),
    "certificates": (
        "certification",
        "name",
        "Certificate",
        {"date": "date", "organization": "issuer"},
        "Certificate",
    ),
    "publications": (
        "publication",
        "name",
        "Publication",
        {"date": "releaseDate", "organization": "publisher", "summary": "summary"},
        "Read it",
    ),
}
PROJECT_TYPES = {
    "talk": "talk",
    "presentation": "talk",
    "conference": "talk",
    "volunteering": "volunteer",
    "course": "course",
}  # any other type (`application`, `library`) is a project, and the word itself is not kept
