"""Seeded synthetic inputs: a portfolio project of N evidence items in the content format,
and the same Markdown bodies as a MkDocs site, a Pelican site and a RenderCV resume, so
the peers work on the same words."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

WORDS = """data platform pipeline team customer latency cost incident forecast model release
contract stream warehouse dashboard report migration service outage review budget
quality metric depot parcel meter grid energy schedule capacity throughput backlog
roadmap strategy design interface schema query index cache cluster node region
deploy rollout canary alert runbook postmortem mentor hiring interview onboarding
partner vendor contract invoice saving revenue margin growth churn retention
experiment feature analysis insight decision stakeholder committee review plan
""".split()  # noqa: SIM905
VERBS = "built cut led shipped reduced raised rebuilt moved automated designed ran".split()  # noqa: SIM905
KINDS = ["project"] * 5 + ["achievement"] * 3 + ["talk", "publication", "award", "course"]
SKILLS = [
    "Python",
    "SQL",
    "Kafka",
    "dbt",
    "Airflow",
    "Kubernetes",
    "Terraform",
    "Spark",
    "data contracts",
    "incident management",
    "mentoring",
    "technical strategy",
    "cost optimisation",
    "forecasting",
    "MLOps",
    "stakeholder management",
]


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    date: str
    body: str
    summary: str


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng: random.Random, words: int = 300) -> str:
    """About `words` words of Markdown: paragraphs, a heading and a short list."""
    parts, count = ["## Context\n"], 0
    while count < words * 0.45:
        paragraph = " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(3))
        parts.append(paragraph + "\n")
        count += len(paragraph.split())
    parts.append("## What I did\n")
    for _ in range(4):
        item = _sentence(rng, rng.randint(8, 14))
        parts.append(f"- **{rng.choice(VERBS)}** {item}")
        count += len(item.split()) + 1
    parts.append("\n## Result\n")
    while count < words:
        paragraph = " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(2))
        parts.append(paragraph + "\n")
        count += len(paragraph.split())
    return "\n".join(parts)


def items(n: int, seed: int = 1) -> list[Item]:
    rng = random.Random(seed)
    found = []
    for i in range(n):
        verb, a, b = rng.choice(VERBS).capitalize(), rng.choice(WORDS), rng.choice(WORDS)
        title = f"{verb} the {a} {b} ({i})"
        date = f"{rng.randint(2016, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        summary = _sentence(rng, 14)
        found.append(Item(f"item-{i:05d}", title, date, body(rng), summary))
    return found


def project(root: Path, n: int, seed: int = 1, big_target: int = 0) -> list[Item]:
    """A portfolio project: a profile, 1 aspiration and n/50 goals (at least 3), `n`
    evidence items with metrics and endorsements, and 8 targets (and one choosing
    `big_target` items, if asked)."""
    rng = random.Random(seed)
    content = root / "content"
    for folder in ("goals", "evidence", "targets"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    (root / "portfolio.yaml").write_text("today: 2026-11-22\nbase_url: /\n", encoding="utf-8")
    every = items(n, seed)
    goals = [f"goal-{g:03d}" for g in range(max(3, n // 50))]
    positions = "\n".join(
        f"  - organization: Company {p}\n    title: Engineer {p}\n    start: {2010 + 3 * p}-01\n"
        f"    end: {2013 + 3 * p}-01\n    summary: {_sentence(rng, 20)}\n"
        f"    highlights: [{', '.join(it.id for it in every[p::5][:4])}]"
        for p in range(min(5, n))
    )
    skills = "\n".join(f"  - {{name: {s}, level: advanced}}" for s in SKILLS[:8])
    (content / "profile.yaml").write_text(
        f"name: Bench Person\nheadline: Data platform engineer\nemail: bench@example.com\n"
        f"location: Lisbon, Portugal\nsummary: {_sentence(rng, 40)}\nskills:\n{skills}\n"
        f"experience:\n{positions}\n",
        encoding="utf-8",
    )
    (content / "goals" / "aspiration.md").write_text(
        "---\ntitle: Lead a data organisation\nkind: aspiration\nvisibility: public\n---\n",
        encoding="utf-8",
    )
    for g, goal in enumerate(goals):
        milestones = "\n".join(
            f"  - {{title: Milestone {m}, due: 2026-{m + 2:02d}-28, "
            f"evidence: [{every[(g * 7 + m) % n].id}]}}"
            for m in range(4)
        )
        (content / "goals" / f"{goal}.md").write_text(
            f"---\ntitle: Goal {g} for the platform\nserves: aspiration\nvisibility: public\n"
            f"framework: evidence-ladder\nstarted: 2025-01-01\ndue: 2027-06-30\n"
            f"reviewed: 2026-10-01\nfeedback: [A mentor]\nrequires: [{{skill: {SKILLS[g % 16]}}}]\n"
            f"indicators:\n"
            f"  - {{name: Incidents, type: lagging, baseline: 20, target: 5, better: lower, "
            f"values: {{2025-06-30: 15, 2026-06-30: 9}}}}\n"
            f"  - {{name: Reviews written, type: leading, baseline: 0, target: 12, "
            f"values: {{2025-06-30: 4, 2026-06-30: 9}}}}\n"
            f"  - {{name: Cost, type: lagging, unit: EUR, baseline: 40000, target: 30000, "
            f"better: lower, values: {{2026-06-30: 33000}}}}\n"
            f"milestones:\n{milestones}\n---\n{body(rng, 120)}\n",
            encoding="utf-8",
        )
    for i, it in enumerate(every):
        metrics = "".join(
            f"  - {{name: Metric {m}, before: {rng.randint(20, 90)}, after: {rng.randint(1, 19)},"
            f" unit: ms, better: lower}}\n"
            for m in range(rng.randint(0, 3))
        )
        quote = (
            f"endorsements:\n  - {{by: Person {i}, role: Manager, date: {it.date}, "
            f'quote: "{_sentence(rng, 12)}"}}\n'
            if i % 7 == 0
            else ""
        )
        picked = rng.sample(SKILLS, 3)
        (content / "evidence" / f"{it.id}.md").write_text(
            f'---\ntitle: "{it.title}"\nkind: {rng.choice(KINDS)}\ndate: {it.date}\n'
            f"organization: Company {i % 5}\nsummary: {it.summary}\n"
            f"goals: [{goals[i % len(goals)]}]\nskills: [{', '.join(picked)}]\n"
            f"metrics:\n{metrics or '  []'}\n{quote}featured: {'true' if i < 4 else 'false'}\n"
            f"---\n{it.body}\n",
            encoding="utf-8",
        )
    for t in range(8):
        keywords = ", ".join(rng.sample(SKILLS, 4))
        (content / "targets" / f"target-{t}.yaml").write_text(
            f"title: Role {t}\norganization: Employer {t}\ngoal: {goals[t % len(goals)]}\n"
            f"keywords: [{keywords}]\nmax_evidence: 8\n",
            encoding="utf-8",
        )
    if big_target:
        (content / "targets" / "big.yaml").write_text(
            f"title: A role that wants everything\ngoal: {goals[0]}\n"
            f"max_evidence: {big_target}\noutputs: [evidence-pack]\n",
            encoding="utf-8",
        )
    return every


@dataclass(frozen=True)
class MkDocs:
    """One way to configure the MkDocs peer, named for what it is in RESULTS.md."""

    key: str  # its folder in the bench's work area
    name: str
    short_nav: bool  # an explicit two-entry nav, else MkDocs' automatic one
    search: bool  # the search plugin (what MkDocs turns on when `plugins` is not given)


# With no `nav`, MkDocs lists every page in every page's sidebar, so its build grows
# with the square of the pages; someone with 1,000 pages writes a short nav instead.
# Both are timed, each with and without search, and ours is held to the faster.
MKDOCS = (
    MkDocs("auto-search", "MkDocs, automatic nav (every page in the sidebar), search", False, True),
    MkDocs("auto", "MkDocs, automatic nav (every page in the sidebar), no plugins", False, False),
    MkDocs("short-search", "MkDocs, short nav, search", True, True),
    MkDocs("short", "MkDocs, short nav, no plugins", True, False),
)


def mkdocs_site(root: Path, pages: list[Item], config: MkDocs) -> None:
    """The same bodies as a MkDocs project in the default theme: one page each, a home
    page and a page listing them all (as portfolio's evidence list does)."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(
        "# Bench\n\nThe same pages as the portfolio: [every entry](entries.md).\n", "utf-8"
    )
    listing = "\n".join(f"- [{it.title}]({it.id}.md), {it.date}: {it.summary}" for it in pages)
    (docs / "entries.md").write_text(f"# Entries\n\n{listing}\n", "utf-8")
    for it in pages:
        (docs / f"{it.id}.md").write_text(f"# {it.title}\n\n{it.summary}\n\n{it.body}\n", "utf-8")
    nav = "nav:\n  - Home: index.md\n  - Entries: entries.md\n" if config.short_nav else ""
    plugins = "" if config.search else "plugins: []\n"
    (root / "mkdocs.yml").write_text(f"site_name: Bench\n{nav}{plugins}", encoding="utf-8")


def mkdocs_missing(site: Path, pages: list[Item]) -> list[str]:
    """What a MkDocs build in `site` lacks: the home page, the list or a page (with its
    summary and the last paragraph of its body); empty when every page is there."""
    missing = [p for p in ("index.html", "entries/index.html") if not (site / p).is_file()]
    for it in pages:
        page = site / it.id / "index.html"
        html = page.read_text(encoding="utf-8") if page.is_file() else ""
        if it.summary not in html or it.body.strip().splitlines()[-1] not in html:
            missing.append(it.id)
    return missing


def pelican_site(root: Path, pages: list[Item]) -> None:
    """The same bodies as Pelican articles, with no feeds or extra output."""
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    for it in pages:
        (content / f"{it.id}.md").write_text(
            f"Title: {it.title}\nDate: {it.date}\nSummary: {it.summary}\n\n{it.body}\n", "utf-8"
        )
    (root / "pelicanconf.py").write_text(
        'AUTHOR = "Bench"\nSITENAME = "Bench"\nSITEURL = ""\nPATH = "content"\n'
        'TIMEZONE = "UTC"\nDEFAULT_LANG = "en"\nFEED_ALL_ATOM = None\n'
        "CATEGORY_FEED_ATOM = None\nTRANSLATION_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\n"
        "AUTHOR_FEED_RSS = None\nDEFAULT_PAGINATION = False\n",
        encoding="utf-8",
    )
