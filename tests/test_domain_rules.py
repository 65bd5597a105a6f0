"""Domain rules defined once, on the models: the kinds of evidence and their groups,
and whether a measure moved the better way."""

from __future__ import annotations

import math

import pytest

from portfolio.content import kinds
from portfolio.content.language import KIND_LABELS
from portfolio.content.models import Evidence, Indicator, Metric, Requirement
from portfolio.content.schema import schema
from portfolio.content.views import MetricView


def _evidence(kind: str, title: str = "PMP certificate") -> Evidence:
    return Evidence.model_validate({"id": "e", "source": "e.md", "title": title, "kind": kind})


def test_every_kind_has_a_label_and_the_schema_lists_them_in_order() -> None:
    assert tuple(KIND_LABELS) == kinds.EVIDENCE_KINDS
    assert schema("evidence")["properties"]["kind"]["enum"] == list(kinds.EVIDENCE_KINDS)


def test_groups_are_kinds_and_the_resume_sections_do_not_overlap() -> None:
    groups = (kinds.WORK_KINDS, kinds.CERTIFICATE_KINDS, kinds.RECOGNITION_KINDS)
    placed = [k for group in groups for k in group]
    assert len(placed) == len(set(placed))
    assert set(placed) | {"endorsement"} == set(kinds.EVIDENCE_KINDS)
    assert set(kinds.CREDENTIAL_KINDS) <= set(kinds.EVIDENCE_KINDS)


def test_a_credential_is_covered_by_the_credential_kinds_only() -> None:
    pmp = Requirement(credential="PMP")
    covered = {k for k in kinds.EVIDENCE_KINDS if pmp.backed_by(_evidence(k))}
    assert covered == set(kinds.CREDENTIAL_KINDS) == {"certification", "course", "award"}


def _measures(before: float | None, after: float, better: str) -> tuple[Metric, Indicator]:
    metric = {"name": "m", "before": before, "after": after, "better": better}
    indicator = {"name": "i", "type": "lagging", "better": better}
    return Metric.model_validate(metric), Indicator.model_validate(indicator)


@pytest.mark.parametrize(
    ("before", "after", "better", "improved"),
    [
        (4.1, 1.2, "lower", True),
        (4.1, 1.2, "higher", False),
        (1, 3, "higher", True),
        (1, 3, "lower", False),
        (2, 2, "higher", None),  # no change
        (None, 2, "higher", None),  # nothing to compare with
    ],
)
def test_one_rule_for_moving_the_better_way(
    before: float | None, after: float, better: str, improved: bool | None
) -> None:
    metric, indicator = _measures(before, after, better)
    assert metric.improved is improved
    assert indicator.moved_better(before, after) is improved
    assert MetricView.of(metric).improved is improved


@pytest.mark.parametrize(
    ("start", "end", "better", "moved"),
    [
        (math.nan, 2, "lower", None),  # no order
        (2, math.nan, "higher", None),
        (0, math.inf, "higher", True),
    ],
)
def test_the_rule_holds_for_values_no_measurement_can_have(
    start: float, end: float, better: str, moved: bool | None
) -> None:
    """The models refuse `.nan` and `.inf` (a located error); the rule itself still
    answers for them, rather than by the comparison that happens to run first."""
    indicator = Indicator.model_validate({"name": "i", "type": "lagging", "better": better})
    assert indicator.moved_better(start, end) is moved
    with pytest.raises(ValueError, match="not a value a measurement can have"):
        _measures(start, end, better)


def test_a_target_on_the_wrong_side_of_its_baseline_is_a_step_back() -> None:
    worse = Indicator(name="Churn", type="lagging", better="lower", baseline=3, target=5)
    assert worse.moved_better(worse.baseline, worse.target or 0) is False
    level = Indicator(name="Churn", type="lagging", better="lower", baseline=3, target=3)
    assert level.moved_better(level.baseline, level.target or 0) is None
