"""`portfolio new goal|evidence|target`: a new content file that passes `check`.

A goal starts from one of the three frameworks of the seed documents; its milestones
are the framework's steps, dated evenly from today to the due date, and its
indicators a leading and lagging starter set. What only the user can know (targets,
who gives feedback) is left as a comment to fill in; `portfolio check` then says what
is still missing. Nothing existing is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from portfolio.content.dates import PartialDate, build_date
from portfolio.content.ids import ID_LENGTH, slug
from portfolio.content.schema import modeline, write_schemas
from portfolio.content.validate import suggest
from portfolio.content.yamldoc import parse_yaml
from portfolio.errors import UserError


class NewFileError(UserError):
    """The file cannot be written: it exists, or it names something that does not."""


@dataclass(frozen=True)
class Framework:
    category: str
    steps: tuple[str, ...]  # milestone titles, in order
    indicators: tuple[tuple[str, str, str], ...]  # (name, type, unit)
    body: str


FRAMEWORKS = {
    "evidence-ladder": Framework(
        "advancement",
        (
            "Baseline impact written down: my responsibilities and results today",
            "Stretch project delivered, with before and after metrics",
            "Stakeholder validation: endorsements from the people who decide",
            "Narrative synthesis: the case written and reviewed by my manager",
        ),
        (
            ("Cross-team initiatives led", "leading", "initiatives"),
            ("Endorsements from decision makers", "leading", "endorsements"),
            ("Measured impact of my stretch project", "lagging", ""),
        ),
        "Evidence Ladder: show the impact you have now (baseline), take on work one level "
        "up (stretch), have the people who decide say so (validation), and tell it as one "
        "story (narrative).",
    ),
    "pivot-bridge": Framework(
        "pivot",
        (
            "Transferable skills mapped to the new field",
            "Credibility acquired: a credential or a project in the new field",
            "Network proof: people in the field who vouch for my work",
            "Applications made selectively, to roles that fit the bridge",
        ),
        (
            ("Hours a week on work in the new field", "leading", "h"),
            ("Projects delivered in the new field", "lagging", "projects"),
            ("Interviews for roles in the new field", "lagging", "interviews"),
        ),
        "Pivot Bridge: map what carries over, earn credibility in the new field, get "
        "people there to vouch for you, then apply where the bridge holds.",
    ),
    "mobility-playbook": Framework(
        "mobility",
        (
            "Regulatory scan done: work rights, permits, recognition of credentials",
            "Market positioning: where my profile is in demand there",
            "Local network: people in the new place who know my work",
            "Transition plan agreed: dates, money, the people who move with me",
        ),
        (
            ("Applications to employers there", "leading", "applications"),
            ("Conversations with people working there", "leading", "conversations"),
            ("Offers with relocation support", "lagging", "offers"),
        ),
        "Mobility Playbook: learn the rules of the new place, position yourself in its "
        "market, build a local network, and plan the move with everyone it affects.",
    ),
}


def project_today(root: Path) -> dt.date:
    """`today` from portfolio.yaml if it is set and valid, else the build date."""
    config = root / "portfolio.yaml"
    if config.is_file():
        doc, _ = parse_yaml(config.read_text(encoding="utf-8"), "portfolio.yaml")
        if isinstance(doc.data, dict) and doc.data.get("today"):
            try:
                return PartialDate.parse(doc.data["today"]).first_day
            except ValueError:
                pass
    return build_date()


# Letters that Unicode does not decompose into a base letter and an accent.
_PLAIN = re.compile(r"[A-Za-z][\w ,.'()/&+-]*", re.UNICODE)
_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false", "null"}


def _quoted(text: str) -> str:
    """The text as a YAML scalar: plain when that reads back as the same string, else
    double-quoted (JSON's string syntax is valid YAML)."""
    if _PLAIN.fullmatch(text) and text.lower() not in _WORDS and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def _ids(root: Path, folder: str) -> list[str]:
    found = (root / "content" / folder).glob("*.md" if folder != "targets" else "*.y*ml")
    return sorted(p.stem for p in found)


def _require(root: Path, folder: str, ref: str | None, option: str) -> None:
    if ref is None or ref in _ids(root, folder):
        return
    close = suggest(ref, _ids(root, folder))
    hint = f"did you mean `{close}`?" if close else f"no such file in content/{folder}/"
    raise NewFileError(f"{option} {ref}: {hint}")


def _destination(root: Path, folder: str, title: str, file_id: str | None, suffix: str) -> Path:
    name = file_id or slug(title)
    if not name:
        raise NewFileError(
            "the title has no letters or digits to make an id of: give one with --id"
        )
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
        raise NewFileError(f"`{name}` is not a valid id: use lowercase letters, digits, hyphens")
    if len(name) > ID_LENGTH:
        raise NewFileError(
            f"the id is {len(name):,} characters long; an id has at most {ID_LENGTH}, so that "
            "its file name stays readable: give a shorter --id"
        )
    path = root / "content" / folder / f"{name}{suffix}"
    if path.exists():
        raise NewFileError(f"{path.relative_to(root)} already exists: choose --id or a new title")
    return path


def _write(root: Path, path: Path, text: str) -> Path:
    """Write the file; the project's schemas too, if it has none yet, so the
    `yaml-language-server` line in the file points at something."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if not (root / "schemas").is_dir():
        write_schemas(root / "schemas")
    return path


def new_goal(
    root: Path,
    title: str,
    framework: str,
    today: dt.date,
    due: PartialDate | None = None,
    serves: str | None = None,
    public: bool = False,
    file_id: str | None = None,
) -> Path:
    """Write a goal whose milestones are the framework's steps, dated to the due date."""
    _require(root, "goals", serves, "--serves")
    path = _destination(root, "goals", title, file_id, ".md")
    fw = FRAMEWORKS[framework]
    end = due.last_day if due else today + dt.timedelta(days=365)
    if end <= today:
        raise NewFileError(f"--due {due} is not after today ({today.isoformat()})")
    step = (end - today) / len(fw.steps)
    milestones = "\n".join(
        f"  - title: {_quoted(s)}\n    due: {(today + step * (i + 1)).isoformat()}"
        for i, s in enumerate(fw.steps)
    )
    indicators = "\n".join(
        f"  - name: {_quoted(name)}\n    type: {kind}\n    unit: {_quoted(unit)}\n"
        "    baseline: 0\n    # target: the value that means done\n    values: {}"
        for name, kind, unit in fw.indicators
    )
    lines = [
        "---",
        modeline("goal", "../../schemas"),
        f"title: {_quoted(title)}  # an outcome, not an activity",
        "kind: goal",
        f"category: {fw.category}",
        *([f"serves: {serves}"] if serves else ["# serves: <the id of the aspiration it serves>"]),
        f"framework: {framework}",
        "status: active",
        f"visibility: {'public' if public else 'private'}  # private goals never reach site/",
        f"started: {today.isoformat()}",
        f"due: {end.isoformat()}",
        "review_every: 90",
        'feedback: []  # who gives honest feedback, e.g. "Jane Doe (mentor)"',
        *(
            ['mobility: ""  # where, work rights, remote or on-site, who moves with you']
            if framework == "mobility-playbook"
            else []
        ),
        'baseline: ""  # where you stand today, in a sentence or two',
        "requires: []  # e.g. [{skill: people management}, {credential: PMP}]",
        "indicators:",
        indicators,
        "milestones:",
        milestones,
        "---",
        f"{fw.body}\n\n## Why it matters\n\n## Non-negotiables\n\n## The plan\n",
    ]
    return _write(root, path, "\n".join(lines))


def new_evidence(
    root: Path,
    title: str,
    today: dt.date,
    kind: str = "project",
    goals: tuple[str, ...] = (),
    private: bool = False,
    file_id: str | None = None,
) -> Path:
    """Write a piece of evidence dated today, linked to `goals`."""
    for goal in goals:
        _require(root, "goals", goal, "--goal")
    path = _destination(root, "evidence", title, file_id, ".md")
    lines = [
        "---",
        modeline("evidence", "../../schemas"),
        f"title: {_quoted(title)}",
        f"kind: {kind}",
        f"date: {today.isoformat()}  # or start: and end:",
        "# organization: Where it happened",
        "# role: Your role in it",
        'summary: ""  # one line for the resume, with a number in it',
        f"goals: [{', '.join(goals)}]",
        "skills: []",
        "metrics: []  # e.g. [{name: Lead time, before: 10, after: 4, unit: days, better: lower}]",
        'endorsements: []  # e.g. [{by: Jane Doe, role: VP, date: 2026-01-31, quote: "..."}]',
        "links: []",
        "attachments: []  # files under content/evidence/, e.g. files/certificate.pdf",
        f"visibility: {'private' if private else 'public'}",
        "featured: false",
        "---",
        "## Context\n\n## What I did\n\n## Result\n",
    ]
    return _write(root, path, "\n".join(lines))


def new_target(root: Path, title: str, goal: str | None = None, file_id: str | None = None) -> Path:
    """Write an application or promotion round, private by default."""
    _require(root, "goals", goal, "--goal")
    path = _destination(root, "targets", title, file_id, ".yaml")
    lines = [
        modeline("target", "../../schemas"),
        "# One application or promotion round: its pack goes to packs/, never to site/.",
        f"title: {_quoted(title)}",
        "# organization: Example Corp",
        "# role: Senior Engineer",
        "# location: Berlin, DE",
        f"goal: {goal}" if goal else "# goal: <the id of the goal this serves>",
        "keywords: []  # the words of the job ad your evidence should back",
        "# job: example-job.json  # a JSON Resume job description, beside this file",
        "include_private: false",
        "max_evidence: 8",
        "",
    ]
    return _write(root, path, "\n".join(lines))
