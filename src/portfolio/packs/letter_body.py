"""The body of a cover letter: four paragraphs that make the two-part pitch from the
content (DESIGN.md), each a tuple of sentences that are templates over facts.

- opening: what the letter applies for (the target's role and organization, else its
  job description's), and where the person works now (the current position);
- evidence: the results the ranking put first, each with its measured change
  (packs/arguments.py: `measured_results`, the pitch's own); with none, the chosen work
  by its titles and no number;
- plan: the goal and its next milestones not yet overdue, and the job's
  responsibilities that the chosen work matches (`fit_to_role`, the pitch's);
- closing: where the person lives and that they would move (the profile's `mobility`),
  and a request to talk.

A sentence never ends on an organization's name, which may end in a full stop
(`Polderlicht Energy B.V.`).
"""

from __future__ import annotations

from dataclasses import dataclass

from portfolio.content.config import Target
from portfolio.content.kinds import WORK_KINDS
from portfolio.content.language import N_, Msg, verbatim
from portfolio.content.portfolio import Portfolio
from portfolio.content.views import GoalView
from portfolio.packs.arguments import fit_to_role, measured_results, open_milestones
from portfolio.packs.ranking import Chosen

PARTS = ("opening", "evidence", "plan", "closing")
MILESTONES = 3  # open milestones the plan names
ROLE_FIT = 2  # responsibilities of the job the plan answers
WORK = 3  # chosen items named when none has a measured result


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body: sentences made from the content (with a list after
    them: the measured results), or the person's own Markdown in their place."""

    part: str  # opening | evidence | plan | closing
    sentences: tuple[Msg, ...] = ()
    items: tuple[Msg, ...] = ()
    own: str = ""  # Markdown from `letter.<part>`: replaces sentences and items


def joined(parts: list[Msg], separator: str) -> Msg:
    """Messages said one after the other with `separator` between them."""
    pattern = separator.join(f"{{p{i}}}" for i in range(len(parts)))
    return verbatim(pattern, **{f"p{i}": part for i, part in enumerate(parts)})


def made_paragraphs(
    p: Portfolio,
    target: Target,
    goal: GoalView | None,
    chosen: tuple[Chosen, ...],
    role: str | None,
    organization: str | None,
) -> dict[str, Paragraph]:
    """Each part of the body as the content makes it (empty if it has nothing to say)."""
    return {
        "opening": _opening(p, target, role, organization),
        "evidence": _evidence(p, chosen),
        "plan": _plan(p, target, goal, chosen, role, organization),
        "closing": _closing(p, organization),
    }


def _opening(p: Portfolio, target: Target, role: str | None, organization: str | None) -> Paragraph:
    """What the letter is for, and where the person works now. Each sentence ends on a
    role or a title, not on an organization, whose name may end in a full stop (B.V.)."""
    current = next((j for j in p.profile.experience if j.end is None), None)
    inside = bool(current and organization and _same(current.organization, organization))
    if role and organization and not inside:
        applying = N_("I am applying to {organization} for the role of {role}.", role=role,
                      organization=organization)  # fmt: skip
    elif role:
        applying = N_("I am applying for the role of {role}.", role=role)
    else:
        applying = N_("I am applying for {title}.", title=target.title)
    sentences = [applying]
    if current and inside:
        sentences.append(N_("I currently work here as {title}.", title=current.title))
    elif current:
        sentences.append(
            N_("At {organization}, I currently work as {title}.", title=current.title,
               organization=current.organization)
        )  # fmt: skip
    return Paragraph("opening", tuple(sentences))


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _evidence(p: Portfolio, chosen: tuple[Chosen, ...]) -> Paragraph:
    """The results the ranking put first, each with its measured change; with none, the
    work itself, and no number."""
    results = measured_results(p, chosen)
    if not results:
        titles = [verbatim(c.view.ev.title) for c in chosen[:WORK]]
        if not titles:
            return Paragraph("evidence")
        quoted = [N_("“{title}”", title=t) for t in titles]
        work = N_("My recent work includes {work}.", work=joined(quoted, ", "))
        return Paragraph("evidence", (work,))
    items = []
    for r in results:
        ev = p.evidence[r.item.id]
        when = ev.when
        context = [s for s in (ev.organization, str(when.year) if when else "") if s]
        measured = [
            N_("{metric}: from {before} to {after}", metric=m.name, before=_kept(m.before),
               after=_kept(m.after))
            for m in r.metrics
        ]  # fmt: skip
        items.append(
            verbatim(
                "{title} ({context}): {metrics}." if context else "{title}: {metrics}.",
                title=ev.title,
                context=", ".join(context),
                metrics=joined(measured, "; "),
            )
        )
    return Paragraph("evidence", (N_("What I have delivered, in measured results:"),), tuple(items))


def _kept(value: str) -> str:
    """A value and its unit kept on one line: `4 h`, not `4` at the end of a line."""
    return value.replace(" ", "\u00a0")


def _plan(
    p: Portfolio,
    target: Target,
    goal: GoalView | None,
    chosen: tuple[Chosen, ...],
    role: str | None,
    organization: str | None,
) -> Paragraph:
    """Where the person is going (the goal, its next milestones) and what they would do
    in the role (the job's responsibilities the chosen evidence matches)."""
    sentences: list[Msg] = []
    if goal is not None:
        title = goal.goal.title
        if goal.due:
            sentences.append(N_("My goal: {goal}, by {date}.", goal=title, date=goal.due))
        else:
            sentences.append(N_("My goal: {goal}.", goal=title))
        if role and organization and role.casefold() not in title.casefold():
            sentences.append(
                N_("The {role} role at {organization} is the next step on it.", role=role,
                   organization=organization)
            )  # fmt: skip
        ahead = [m for m in open_milestones(goal) if not m.overdue][:MILESTONES]
        if ahead:
            steps = [N_("{milestone} by {date}", milestone=m.title, date=m.due) if m.due
                     else verbatim(m.title) for m in ahead]  # fmt: skip
            sentences.append(N_("The next milestones on the way: {milestones}.",
                                milestones=joined(steps, "; ")))  # fmt: skip
    used: set[str] = set()  # each piece of work answers one responsibility
    for fit in fit_to_role(p, target, chosen):
        work = [i for i in fit.evidence
                if p.evidence[i.id].kind in WORK_KINDS and i.id not in used]  # fmt: skip
        if not work or len(used) == ROLE_FIT:
            continue
        responsibility, item = fit.responsibility, work[0]
        used.add(item.id)
        sentences.append(
            N_("For “{responsibility}”, I would build on “{evidence}”.",
               responsibility=responsibility.rstrip("."), evidence=item.title)
        )  # fmt: skip
    return Paragraph("plan", tuple(sentences))


def _closing(p: Portfolio, organization: str | None) -> Paragraph:
    sentences: list[Msg] = []
    mobility = p.profile.mobility
    if mobility and mobility.open_to_relocation and p.profile.location:
        sentences.append(N_("Based in {place}, I am open to relocation.",
                            place=p.profile.location))  # fmt: skip
    if organization:
        sentences.append(
            N_("I would welcome the chance to talk with {organization} about the role.",
               organization=organization)
        )  # fmt: skip
    else:
        sentences.append(N_("I would welcome the chance to talk about the role."))
    return Paragraph("closing", tuple(sentences))
