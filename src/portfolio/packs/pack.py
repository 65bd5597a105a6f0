"""A target's pack as data: what each of its documents argues, computed once.

The pack is built from the target's view of the portfolio (`pack_view`, in
content/portfolio.py), so nothing it may not use is even in reach. Templates lay these
objects out; every choice (which evidence, which endorsements, which milestones) is
made here and in packs/arguments.py, which makes the promotion case and the pitch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from portfolio.content.config import Target
from portfolio.content.language import format_date
from portfolio.content.portfolio import Portfolio, pack_view
from portfolio.content.resume import Resume, build_resume
from portfolio.content.views import GoalView, Item, evidence_view, goal_view, pack_item
from portfolio.packs.arguments import Pitch, PromotionCase, build_case, build_pitch
from portfolio.packs.letter import Letter, build_letter
from portfolio.packs.ranking import Chosen, Selection, select


@dataclass(frozen=True)
class Coverage:
    """A keyword or a job skill, and the evidence that backs it."""

    term: str
    chosen: tuple[Item, ...]  # chosen evidence that backs it
    unchosen: tuple[Item, ...]  # evidence that backs it but was not chosen

    @property
    def backed(self) -> bool:
        return bool(self.chosen)


@dataclass(frozen=True)
class Pack:
    target: Target
    p: Portfolio  # the pack's view: what this target may use
    goal: GoalView | None
    selection: Selection
    chosen: tuple[Chosen, ...]
    resume: Resume
    case: PromotionCase | None
    pitch: Pitch | None
    letter: Letter | None
    keywords: tuple[Coverage, ...]
    job_skills: tuple[Coverage, ...]
    outputs: tuple[str, ...]  # what is made, in the order the pack presents it
    paper: str
    language: str

    @property
    def job(self) -> Mapping[str, Any] | None:
        return self.p.jobs.get(self.target.id)

    @property
    def as_of(self) -> str:
        return format_date(self.p.today, self.language)


def outputs_for(target: Target, p: Portfolio) -> tuple[str, ...]:
    """What the pack makes. Named outputs are made as named (assembling the portfolio
    has checked they fit the goal); the default set leaves out what the goal cannot support."""
    goal = p.goals.get(target.goal) if target.goal else None
    wanted = list(target.outputs)
    if not target.explicit_outputs:
        if goal is None or goal.framework != "evidence-ladder":
            wanted = [o for o in wanted if o != "promotion-case"]
        if goal is None:
            wanted = [o for o in wanted if o != "pitch"]
    order = (
        "cover-letter", "cover-letter-docx", "cover-letter-text", "resume", "resume-docx",
        "resume-text", "resume-markdown", "promotion-case", "pitch", "evidence-pack",
    )  # fmt: skip
    return tuple(o for o in order if o in wanted)


def build_pack(full: Portfolio, target: Target) -> Pack:
    """Everything one target's pack shows, from the whole portfolio."""
    p = pack_view(full, target)
    selection = select(p, target)
    chosen = tuple(
        Chosen(i + 1, evidence_view(p, s.evidence), s, p.config.language)
        for i, s in enumerate(selection.chosen)
    )
    goal = p.goals.get(target.goal) if target.goal else None
    gview = goal_view(p, goal) if goal else None
    outputs = outputs_for(target, full)
    resume = build_resume(p, [c.view.ev.id for c in chosen], target.keywords)
    case = build_case(p, gview, chosen) if gview and "promotion-case" in outputs else None
    pitch = build_pitch(p, target, gview, chosen) if gview and "pitch" in outputs else None
    letter = build_letter(p, target, gview, chosen, outputs) if "cover-letter" in outputs else None
    terms = [*target.keywords]
    job_skills = list(selection.job.skills)
    return Pack(
        target=target,
        p=p,
        goal=gview,
        selection=selection,
        chosen=chosen,
        resume=resume,
        case=case,
        pitch=pitch,
        letter=letter,
        keywords=tuple(_coverage(p, selection, t) for t in terms),
        job_skills=tuple(_coverage(p, selection, t) for t in job_skills),
        outputs=outputs,
        paper=target.paper or full.config.paper,
        language=p.config.language,  # the target's, if it names one (pack_view)
    )


def _coverage(p: Portfolio, selection: Selection, term: str) -> Coverage:
    language = p.config.language
    return Coverage(
        term,
        tuple(pack_item(p.evidence[e], language) for e in selection.backing(term)),
        tuple(pack_item(p.evidence[e], language) for e in selection.backing(term, chosen=False)),
    )
