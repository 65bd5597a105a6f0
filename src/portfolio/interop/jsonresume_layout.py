"""The order of a JSON Resume's sections and entries, kept through import and export.

A JSON Resume says what comes first by the order of its keys and of each section's
entries. On import, that order becomes the profile's `resume:` (only where it differs
from the usual one, so a file in the usual order gets no `resume:` at all); on export,
`resume:` orders the keys and the entries again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from portfolio.content.dates import PartialDate
from portfolio.content.profile import ResumeLayout, SectionName
from portfolio.content.resume import KIND_SECTIONS, section_order
from portfolio.content.views import newest_first

# JSON Resume's sections and ours (`basics.summary` is the summary).
KEYS: dict[str, SectionName] = {
    "work": "experience",
    "projects": "projects",
    "volunteer": "volunteering",
    "education": "education",
    "awards": "awards",
    "certificates": "certifications",
    "publications": "publications",
    "skills": "skills",
    "languages": "languages",
    "interests": "interests",
    "references": "references",
}


def _newest_first(entry: tuple[str, Mapping[str, Any]]) -> tuple[int, int, str]:
    """The resume's usual order (content/views.py `newest_first`) of an entry not yet a
    model: its date, else its end, else its start, as `Evidence.when` reads them."""
    ev_id, meta = entry
    for key in ("date", "end", "start"):
        try:
            when = PartialDate.parse(meta[key]) if meta.get(key) else None
        except ValueError:
            when = None
        if when is not None:
            return newest_first(ev_id, when)
    return newest_first(ev_id, None)


def imported_layout(
    data: Mapping[str, Any],
    profile: Mapping[str, Any],
    evidence: Sequence[tuple[str, Mapping[str, Any]]],
) -> dict[str, Any]:
    """The profile's `resume:` for a JSON Resume `data` whose profile and evidence
    (id, front matter; in the order of the file) were mapped: empty if the file's
    order is the usual one and it has no references."""
    basics = data.get("basics")
    given: list[SectionName] = []
    for key, value in data.items():
        if key == "basics" and isinstance(basics, dict) and basics.get("summary"):
            given.append("summary")
        elif key in KEYS and value and KEYS[key] not in given:
            given.append(KEYS[key])
    has_jobs = bool(profile.get("experience"))
    usual = [s for s in section_order(ResumeLayout(), has_jobs) if s in given]
    listed = {h for job in profile.get("experience", ()) for h in job.get("highlights", ())}
    order: list[str] = []
    for section in dict.fromkeys(KIND_SECTIONS.values()):
        entries = [
            (ev_id, meta)
            for ev_id, meta in evidence
            if KIND_SECTIONS.get(meta.get("kind", "")) == section and ev_id not in listed
        ]
        if entries != sorted(entries, key=_newest_first):
            order += [ev_id for ev_id, _ in entries]
    references = any(meta.get("kind") == "endorsement" for _, meta in evidence)
    layout: dict[str, Any] = {
        "sections": given if given != usual else [],
        "order": order,
        "references": "list" if references else None,
    }
    return {k: v for k, v in layout.items() if v}


def exported_keys(layout: ResumeLayout, has_jobs: bool) -> list[str]:
    """JSON Resume's section keys in the order of the resume's sections (those the
    resume hides too: an export keeps everything)."""
    shown = section_order(layout.model_copy(update={"hide": ()}), has_jobs)
    ours = {section: key for key, section in KEYS.items()}
    keys = [ours[s] for s in shown if s in ours]
    return keys + [k for k in KEYS if k not in keys]
