"""The validated portfolio: every file as a model, cross-linked both ways.

`assemble` is where untrusted files become one trusted, frozen `Portfolio`: it
validates every file, checks every reference between them (content/references.py),
and computes the links in both directions (a goal knows its evidence, evidence knows
its goals).
`public_view` is the only door to the public site: private items are removed, and
so is every reference to them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portfolio.content.config import SiteConfig, Target
from portfolio.content.frozen import FrozenDict, freeze
from portfolio.content.limits import check_texts
from portfolio.content.models import Evidence, Goal, Model
from portfolio.content.profile import Profile
from portfolio.content.read import SourceFile
from portfolio.content.references import Refs, check_evidence, check_goal, check_target
from portfolio.content.validate import to_model
from portfolio.content.yamldoc import YamlDoc
from portfolio.errors import Problem


@dataclass(frozen=True)
class Portfolio:
    """Everything in a project, valid and linked. Mappings are ordered by id.

    Frozen all the way down: the models are frozen, and each mapping is a FrozenDict
    (a job description's JSON too), so no view, page or cache key made from it can be
    made stale by a later change to it. Only `docs`, the parser's record of where each
    value was written, holds plain data.
    """

    root: Path
    config: SiteConfig
    profile: Profile
    goals: Mapping[str, Goal]
    evidence: Mapping[str, Evidence]
    targets: Mapping[str, Target]
    today: dt.date
    goal_evidence: Mapping[str, tuple[str, ...]]  # goal id -> evidence ids
    evidence_goals: Mapping[str, tuple[str, ...]]  # evidence id -> goal ids
    goals_serving: Mapping[str, tuple[str, ...]]  # aspiration id -> goal ids
    evidence_position: Mapping[str, int]  # evidence id -> index in profile.experience
    jobs: Mapping[str, Mapping[str, Any]]  # target id -> its JSON Resume job description
    docs: Mapping[str, YamlDoc]  # source path -> where each of its values was written

    @property
    def title(self) -> str:
        return self.config.title or self.profile.name


def _link(
    root: Path,
    config: SiteConfig,
    profile: Profile,
    goals: Mapping[str, Goal],
    evidence: Mapping[str, Evidence],
    targets: Mapping[str, Target],
    today: dt.date,
    jobs: Mapping[str, Mapping[str, Any]],
    docs: Mapping[str, YamlDoc],
) -> Portfolio:
    """Compute the two-way indexes from the models (references already checked), and
    freeze every mapping."""
    pairs: set[tuple[str, str]] = set()
    for ev in evidence.values():
        pairs.update((g, ev.id) for g in ev.goals if g in goals)
    for goal in goals.values():
        for milestone in goal.milestones:
            pairs.update((goal.id, e) for e in milestone.evidence if e in evidence)
    by_goal: dict[str, list[str]] = {g: [] for g in goals}
    by_evidence: dict[str, list[str]] = {e: [] for e in evidence}
    for goal_id, ev_id in pairs:  # one pass: 10,000 items must not be quadratic
        by_goal[goal_id].append(ev_id)
        by_evidence[ev_id].append(goal_id)
    goal_evidence = {g: tuple(sorted(found)) for g, found in by_goal.items()}
    evidence_goals = {e: tuple(sorted(found)) for e, found in by_evidence.items()}
    serving: dict[str, tuple[str, ...]] = {
        a.id: () for a in goals.values() if a.kind == "aspiration"
    }
    for goal in goals.values():
        if goal.serves in serving:
            serving[goal.serves] += (goal.id,)
    position = {
        ev: i for i, job in enumerate(profile.experience) for ev in job.highlights if ev in evidence
    }
    return Portfolio(
        root,
        config,
        profile,
        FrozenDict(goals),
        FrozenDict(evidence),
        FrozenDict(targets),
        today,
        FrozenDict(goal_evidence),
        FrozenDict(evidence_goals),
        FrozenDict(serving),
        FrozenDict(position),
        FrozenDict(jobs),
        FrozenDict(docs),
    )


def assemble(
    root: Path, sources: list[SourceFile], problems: list[Problem], build_date: dt.date
) -> Portfolio | None:
    """Validate every source and link them; None if any problem was found."""
    config = SiteConfig()
    profile: Profile | None = None
    goals: dict[str, Goal] = {}
    evidence: dict[str, Evidence] = {}
    targets: dict[str, Target] = {}
    origin: dict[tuple[str, str], SourceFile] = {}
    for src in sources:
        if not src.readable:
            continue
        extra: dict[str, Any] = {"id": src.id, "source": src.path}
        if src.kind in ("goal", "evidence"):
            extra["body"] = src.body
        if src.kind == "config":
            config = to_model(src, SiteConfig, {}, problems) or config
        elif src.kind == "profile":
            profile = to_model(src, Profile, {}, problems)
        elif src.kind == "goal" and (goal := to_model(src, Goal, extra, problems)):
            goals[goal.id] = goal
        elif src.kind == "evidence" and (ev := to_model(src, Evidence, extra, problems)):
            evidence[ev.id] = ev
        elif src.kind == "target" and (target := to_model(src, Target, extra, problems)):
            if target.id in targets:
                problems.append(
                    Problem(
                        src.path,
                        1,
                        1,
                        f"a second target with id `{target.id}`",
                        "keep one of the .yaml and .yml files",
                    )
                )
            targets[target.id] = target
        origin[(src.kind, src.id)] = src

    texts: list[tuple[Model, SourceFile]] = []
    texts += [(profile, origin[("profile", "profile")])] if profile else []
    texts += [(goal, origin[("goal", goal.id)]) for goal in goals.values()]
    texts += [(ev, origin[("evidence", ev.id)]) for ev in evidence.values()]
    texts += [(target, origin[("target", target.id)]) for target in targets.values()]
    for model, src in texts:  # what would cost minutes in a PDF
        problems += check_texts(root, src, model)
    # A reference to a file that exists but has its own errors is not dangling.
    known = {kind: {s.id for s in sources if s.kind == kind} for kind in ("goal", "evidence")}
    refs = Refs(known, problems)
    for goal in goals.values():
        check_goal(goal, origin[("goal", goal.id)], refs, goals)
    for ev in evidence.values():
        check_evidence(ev, origin[("evidence", ev.id)], refs, root)
    jobs: dict[str, Mapping[str, Any]] = {}
    for target in targets.values():
        ad = check_target(target, origin[("target", target.id)], refs, root, goals, evidence)
        if ad is not None:
            jobs[target.id] = freeze(ad)
    if profile is not None:
        src = origin[("profile", "profile")]
        for j, job in enumerate(profile.experience):
            for i, ref in enumerate(job.highlights):
                refs.check(src, ("experience", j, "highlights", i), ref, "evidence")
        for i, ref in enumerate(profile.resume.order):
            refs.check(src, ("resume", "order", i), ref, "evidence")
    if problems or profile is None:
        return None
    today = config.today.first_day if config.today else build_date
    docs = {src.path: src.doc for src in sources}
    return _link(root, config, profile, goals, evidence, targets, today, jobs, docs)


def public_view(p: Portfolio) -> Portfolio:
    """The portfolio as the world may see it: nothing private, no link to anything private."""
    return _restricted(
        p,
        goals={k for k, g in p.goals.items() if g.public},
        evidence={k for k, e in p.evidence.items() if e.public},
        hidden_profile=p.profile.private,
        targets={},
    )


def pack_view(p: Portfolio, target: Target) -> Portfolio:
    """The portfolio as one target's pack may use it.

    A pack is private, but it is handed to someone: an employer, a committee. It may
    name the public goals and the target's own goal, never another private goal ("leave
    my employer" must not reach a promotion case); private evidence only if the target
    says `include_private: true`. Private profile fields (a phone number) may be used.
    The pack speaks the target's `language`, if it names one: every date, number and
    theme string made from this view follows its config.
    """
    view = _restricted(
        p,
        goals={k for k, g in p.goals.items() if g.public or k == target.goal},
        evidence={k for k, e in p.evidence.items() if e.public or target.include_private},
        hidden_profile=(),
        targets={target.id: target},
    )
    if not target.language:
        return view
    from dataclasses import replace

    return replace(view, config=p.config.model_copy(update={"language": target.language}))


def _restricted(
    p: Portfolio,
    goals: set[str],
    evidence: set[str],
    hidden_profile: tuple[str, ...],
    targets: dict[str, Target],
) -> Portfolio:
    """`p` with only the named goals and evidence, and no reference to anything else."""
    kept_goals = {
        k: g.model_copy(
            update={
                "serves": g.serves if g.serves in goals else None,
                "milestones": tuple(
                    m.model_copy(update={"evidence": tuple(e for e in m.evidence if e in evidence)})
                    for m in g.milestones
                ),
            }
        )
        for k, g in p.goals.items()
        if k in goals
    }
    kept_evidence = {
        k: e.model_copy(update={"goals": tuple(g for g in e.goals if g in goals)})
        for k, e in p.evidence.items()
        if k in evidence
    }
    hidden: dict[str, Any] = {
        f: Profile.model_fields[f].get_default(call_default_factory=True) for f in hidden_profile
    }
    profile = p.profile.model_copy(update=hidden)
    profile = profile.model_copy(
        update={
            "experience": tuple(
                job.model_copy(
                    update={"highlights": tuple(h for h in job.highlights if h in evidence)}
                )
                for job in profile.experience
            ),
            "resume": profile.resume.model_copy(
                update={"order": tuple(e for e in profile.resume.order if e in evidence)}
            ),
        }
    )
    jobs = {k: v for k, v in p.jobs.items() if k in targets}
    return _link(
        p.root, p.config, profile, kept_goals, kept_evidence, targets, p.today, jobs, p.docs
    )
