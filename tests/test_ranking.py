"""The packs' ranking (packs/ranking.py) on small portfolios made by hand: each weight
scores what it says and nothing else, ties fall to the id, pins and exclusions are
honoured, and `mentions` (content/words.py) matches whole words only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from portfolio.content.config import SiteConfig, Target
from portfolio.content.models import Evidence, Goal, Milestone
from portfolio.content.portfolio import Portfolio
from portfolio.content.profile import Profile
from portfolio.content.words import mentions
from portfolio.packs import ranking
from portfolio.packs.ranking import Scored, job_terms, select

TODAY = dt.date(2026, 6, 30)
OLD = "2015-01-01"  # old enough that recency gives nothing


def evidence(id: str, **fields: Any) -> Evidence:
    fields.setdefault("title", id.replace("-", " ").title())
    fields.setdefault("date", OLD)
    return Evidence(id=id, source=f"content/evidence/{id}.md", **fields)


def target(**fields: Any) -> Target:
    fields.setdefault("title", "A role")
    return Target(id="job", source="content/targets/job.yaml", **fields)


def portfolio(
    items: list[Evidence], goals: tuple[Goal, ...] = (), jobs: dict[str, Any] | None = None
) -> Portfolio:
    """Only what `select` reads is filled in: goals, evidence, job descriptions, today."""
    return Portfolio(
        root=Path("."),
        config=SiteConfig(),
        profile=Profile(name="Ada"),
        goals={g.id: g for g in goals},
        evidence={e.id: e for e in items},
        targets={},
        today=TODAY,
        goal_evidence={},
        evidence_goals={},
        goals_serving={},
        evidence_position={},
        jobs=jobs or {},
        docs={},
    )


def scored(p: Portfolio, t: Target) -> dict[str, Scored]:
    return {s.evidence.id: s for s in select(p, t).ranked}


def points(s: Scored) -> list[int]:
    return [r.points for r in s.reasons]


GOAL = Goal(
    id="lead",
    source="content/goals/lead.md",
    title="Lead a team",
    milestones=(Milestone(title="Run the pilot", evidence=("pilot", "both")),),
)


def test_an_item_with_nothing_for_the_target_scores_nothing() -> None:
    p = portfolio([evidence("plain")])
    only = scored(p, target(keywords=("payments",)))["plain"]
    assert only.reasons == () and only.score == 0 and only.keywords == ()


def test_the_goal_counts_once_named_by_the_evidence_or_by_a_milestone() -> None:
    p = portfolio(
        [evidence("direct", goals=("lead",)), evidence("pilot"), evidence("both", goals=("lead",))],
        goals=(GOAL,),
    )
    found = scored(p, target(goal="lead"))
    assert points(found["direct"]) == [ranking.GOAL_DIRECT]
    assert points(found["pilot"]) == [ranking.GOAL_MILESTONE]
    assert points(found["both"]) == [ranking.GOAL_DIRECT]  # named both ways: counted once
    assert "Lead a team" in str(found["direct"].reasons[0].why)


def test_a_target_without_a_goal_gives_no_goal_points() -> None:
    p = portfolio([evidence("direct", goals=("lead",))], goals=(GOAL,))
    assert scored(p, target())["direct"].score == 0


def test_a_keyword_in_the_skills_is_not_counted_again_in_the_text() -> None:
    p = portfolio(
        [
            evidence("skilled", skills=("Payments",), summary="Payments and roadmapping."),
            evidence("told", summary="Rebuilt the payments flow."),
        ]
    )
    found = scored(p, target(keywords=("payments", "roadmapping", "hiring")))
    assert points(found["skilled"]) == [ranking.KEYWORD_IN_SKILLS, ranking.KEYWORD_IN_TEXT]
    assert found["skilled"].keywords == ("payments", "roadmapping")
    assert points(found["told"]) == [ranking.KEYWORD_IN_TEXT]
    assert found["told"].keywords == ("payments",)


@pytest.mark.parametrize(
    ("metrics", "expected"),
    [
        ([{"name": "Uptime", "before": 90, "after": 99}], ranking.IMPROVED_METRIC),
        ([{"name": "Errors", "before": 5, "after": 1, "better": "lower"}], ranking.IMPROVED_METRIC),
        ([{"name": "Errors", "before": 1, "after": 5, "better": "lower"}], ranking.MEASURED_METRIC),
        ([{"name": "Uptime", "before": 99, "after": 99}], ranking.MEASURED_METRIC),
        ([{"name": "Users", "after": 400}], ranking.MEASURED_METRIC),
        ([{"name": f"M{n}", "before": 1, "after": 2} for n in range(5)], ranking.METRICS_CAP),
    ],
    ids=["higher-better", "lower-better", "worse", "unchanged", "no-before", "capped"],
)
def test_metrics_score_improvements_above_other_results(
    metrics: list[dict[str, Any]], expected: int
) -> None:
    p = portfolio([evidence("measured", metrics=metrics)])
    assert points(scored(p, target())["measured"]) == [expected]


def test_endorsements_score_each_up_to_their_cap() -> None:
    quotes = [{"by": f"P{n}", "quote": "Good work."} for n in range(3)]
    p = portfolio(
        [evidence("one", endorsements=quotes[:1]), evidence("three", endorsements=quotes)]
    )
    found = scored(p, target())
    assert points(found["one"]) == [ranking.ENDORSEMENT]
    assert points(found["three"]) == [ranking.ENDORSEMENTS_CAP]
    assert ranking.ENDORSEMENT * 3 > ranking.ENDORSEMENTS_CAP  # so the cap is what is tested


def test_recency_fades_with_the_years_and_then_gives_nothing() -> None:
    p = portfolio(
        [
            evidence("today", date=TODAY.isoformat()),
            evidence("two-years", date="2024-06-30"),
            evidence("undated", date=None),
            evidence("old"),
        ]
    )
    found = scored(p, target())
    assert points(found["today"]) == [ranking.RECENCY_MAX]
    assert points(found["two-years"]) == [ranking.RECENCY_MAX - 5]  # 2.5 a year
    assert found["undated"].reasons == () and found["old"].reasons == ()


def test_featured_adds_its_points() -> None:
    p = portfolio([evidence("shown", featured=True)])
    assert points(scored(p, target())["shown"]) == [ranking.FEATURED]


def test_every_weight_is_in_the_table_written_to_selection_json() -> None:
    constants = {
        ranking.GOAL_DIRECT, ranking.GOAL_MILESTONE, ranking.KEYWORD_IN_SKILLS,
        ranking.KEYWORD_IN_TEXT, ranking.JOB_SKILL, ranking.JOB_WORD, ranking.IMPROVED_METRIC,
        ranking.MEASURED_METRIC, ranking.ENDORSEMENT, ranking.RECENCY_MAX, ranking.FEATURED,
    }  # fmt: skip
    assert set(ranking.WEIGHTS.values()) == constants


def test_the_score_is_the_sum_of_the_reasons_and_the_best_comes_first() -> None:
    p = portfolio(
        [
            evidence("low", featured=True),
            evidence("high", goals=("lead",), featured=True),
            evidence("middle", skills=("payments",)),
        ],
        goals=(GOAL,),
    )
    selection = select(p, target(goal="lead", keywords=("payments",)))
    assert [s.evidence.id for s in selection.ranked] == ["high", "middle", "low"]
    for s in selection.ranked:
        assert s.score == sum(points(s))
    assert [s.score for s in selection.ranked] == [
        ranking.GOAL_DIRECT + ranking.FEATURED,
        ranking.KEYWORD_IN_SKILLS,
        ranking.FEATURED,
    ]


def test_ties_fall_to_the_id_whatever_the_order_of_the_files() -> None:
    items = [evidence(name, featured=True) for name in ("charlie", "alpha", "bravo")]
    for order in (items, items[::-1]):
        ranked = select(portfolio(order), target()).ranked
        assert [s.evidence.id for s in ranked] == ["alpha", "bravo", "charlie"]


def test_max_evidence_keeps_the_best() -> None:
    p = portfolio([evidence("a"), evidence("b", featured=True), evidence("c", featured=True)])
    selection = select(p, target(max_evidence=2))
    assert [s.evidence.id for s in selection.chosen] == ["b", "c"]
    assert selection.chosen_ids == {"b", "c"}
    assert len(selection.ranked) == 3  # the rest is ranked, to explain why it was left out


def test_a_pin_is_chosen_whatever_its_score_and_keeps_its_place_in_the_ranking() -> None:
    p = portfolio(
        [
            evidence("weak"),
            evidence("strong", featured=True),
            evidence("stronger", goals=("lead",)),
        ],
        goals=(GOAL,),
    )
    selection = select(p, target(goal="lead", max_evidence=2, pin=("weak",)))
    assert [s.evidence.id for s in selection.chosen] == ["stronger", "weak"]  # rank order
    assert [s.evidence.id for s in selection.chosen if s.pinned] == ["weak"]


def test_more_pins_than_max_evidence_are_all_chosen() -> None:
    p = portfolio([evidence("a"), evidence("b"), evidence("c", featured=True)])
    selection = select(p, target(max_evidence=1, pin=("a", "b")))
    assert {s.evidence.id for s in selection.chosen} == {"a", "b"}


def test_excluded_items_are_not_ranked_and_only_known_ids_are_reported() -> None:
    p = portfolio([evidence("kept"), evidence("dropped", featured=True)])
    selection = select(p, target(exclude=("dropped", "ghost")))
    assert [s.evidence.id for s in selection.ranked] == ["kept"]
    assert selection.excluded == ("dropped",)


def test_gaps_are_the_keywords_no_chosen_item_backs() -> None:
    p = portfolio(
        [
            evidence("chosen", skills=("payments",), featured=True),
            evidence("left-out", skills=("hiring",)),
        ]
    )
    selection = select(p, target(keywords=("payments", "hiring", "sql"), max_evidence=1))
    assert selection.gaps == ("hiring", "sql")
    assert selection.backing("payments") == ("chosen",)
    assert selection.backing("hiring", chosen=False) == ("left-out",)


JOB = {
    "skills": [{"name": "Web", "keywords": ["React", "SQL", " "]}, "not a skill"],
    "qualifications": ["A degree in Computer Science", "Strong experience with Kubernetes"],
    "responsibilities": ["Own the billing roadmap", "Work with the team on React"],
}


def test_a_job_description_gives_its_skills_and_significant_words() -> None:
    terms = job_terms(JOB)
    assert terms.skills == ("Web", "React", "SQL")
    assert "kubernetes" in terms.words and {"billing", "roadmap"} <= set(terms.words)
    assert not {"computer", "science", "degree"} & set(terms.words)  # a formal requirement
    assert not {"the", "with", "strong", "experience", "team"} & set(terms.words)  # stop words
    assert "react" not in terms.words  # a skill already
    assert job_terms(None) == job_terms({}) == ranking.JobTerms()


def test_job_skills_score_each_up_to_their_cap() -> None:
    p = portfolio([evidence("frontend", skills=("React", "SQL"))], jobs={"job": JOB})
    found = scored(p, target())["frontend"]
    assert found.job_skills == ("React", "SQL")
    assert points(found) == [2 * ranking.JOB_SKILL]
    many = [f"skill{n}" for n in range(9)]
    p = portfolio(
        [evidence("many", summary=" ".join(many))],
        jobs={"job": {"skills": [{"name": "Stack", "keywords": many}]}},
    )
    assert points(scored(p, target())["many"]) == [ranking.JOB_SKILLS_CAP]
    assert ranking.JOB_SKILL * len(many) > ranking.JOB_SKILLS_CAP


def test_job_words_score_each_up_to_their_cap() -> None:
    p = portfolio([evidence("ops", summary="Kubernetes billing roadmap.")], jobs={"job": JOB})
    assert points(scored(p, target())["ops"]) == [3 * ranking.JOB_WORD]
    wordy = " ".join(f"word{n}x" for n in range(10))
    p = portfolio([evidence("wordy", summary=wordy)], jobs={"job": {"responsibilities": [wordy]}})
    assert points(scored(p, target())["wordy"]) == [ranking.JOB_WORDS_CAP]


@pytest.mark.parametrize(
    ("haystack", "term", "expected"),
    [
        ("led the payments migration", "payments", True),
        ("led the payments migration", "payment", True),  # plural in the text
        ("one payment at a time", "payments", True),  # plural in the term
        ("fixed the boxes", "box", True),  # -es
        ("prepayments and repayment", "payment", False),  # whole words only
        ("python-based tooling", "python", False),  # a hyphen joins words
        ("built python-based tooling", "python-based", True),
        ("cross-functional teams", "Cross-Functional Team", True),  # case aside; a phrase
        ("cross functional teams", "cross-functional team", False),
        ("stakeholder management at scale", "stakeholder management", True),
        ("stakeholder managements", "stakeholder management", True),
        ("the stakeholder, management", "stakeholder management", False),
        ("access control", "access", True),  # "ss" is not a plural: kept whole
        ("acce control", "access", False),
        ("c++ and c#", "c++", True),  # not only word characters: matched as a phrase
        ("rewrote it in c++", "c#", False),
        ("anything", "", False),
        ("anything", "   ", False),
    ],
)
def test_mentions_matches_whole_words_singular_or_plural(
    haystack: str, term: str, expected: bool
) -> None:
    assert mentions(haystack, term) is expected
