"""How a metric's before and after are shown and judged (content/views.py): the
numbers in the page's language, whether it moved the right way, and the change as a
share, in points for a percentage, or as a difference when there is no base to divide
by. And how far an indicator has come, the same way."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from portfolio.content.language import BETTER
from portfolio.content.models import Indicator, Metric
from portfolio.content.views import IndicatorView, MetricView


def view(language: str = "en", **fields: Any) -> MetricView:
    return MetricView.of(Metric(name="Measure", **fields), language)


@pytest.mark.parametrize(
    ("fields", "improved"),
    [
        ({"before": 10, "after": 13}, True),
        ({"before": 13, "after": 10}, False),
        ({"before": 5, "after": 1, "better": "lower"}, True),
        ({"before": 1, "after": 5, "better": "lower"}, False),
        ({"before": -2, "after": -1}, True),
        ({"before": 3, "after": 3}, None),  # no change: neither
        ({"after": 7}, None),  # nothing to compare with
    ],
)
def test_improved_follows_the_direction_that_is_better(
    fields: dict[str, Any], improved: bool | None
) -> None:
    assert view(**fields).improved is improved


@pytest.mark.parametrize(
    ("fields", "change"),
    [
        ({"before": 100, "after": 29, "better": "lower"}, "−71%"),  # a share of the before
        ({"before": 10, "after": 13, "unit": "users"}, "+30%"),
        ({"before": 1000, "after": 13500}, "+1250%"),  # never grouped
        ({"before": -2, "after": -1}, "+50%"),  # against the size of the before
        ({"before": 4.1, "after": 1.2, "unit": "%", "better": "lower"}, "−2.9 pts"),
        ({"before": 20, "after": 30, "unit": "%"}, "+10 pts"),
        ({"before": 0, "after": 5, "unit": "users"}, "+5 users"),  # no share of nothing
        ({"before": 0, "after": 5}, "+5"),
        ({"before": 3, "after": 3}, "no change"),
        ({"after": 7, "unit": "ms"}, ""),
    ],
)
def test_the_change_is_a_share_points_or_a_difference(fields: dict[str, Any], change: str) -> None:
    assert str(view(**fields).change) == change


def test_no_change_is_said_in_the_pages_language_and_no_before_says_nothing() -> None:
    unchanged = view(before=3, after=3).change
    assert unchanged.lookup and unchanged.text == "no change"  # translated where shown
    assert not view(after=7).change  # false in a template's `if`: nothing is shown
    assert view(before=10, after=13).change.lookup is False  # a number: already in place


@pytest.mark.parametrize(
    ("fields", "before", "after"),
    [
        ({"before": 4.1, "after": 1.2, "unit": "%"}, "4.1%", "1.2%"),
        ({"before": 41200, "after": 50000, "unit": "EUR"}, "EUR 41,200", "EUR 50,000"),
        ({"before": 1, "after": 1.5, "unit": "x"}, "1x", "1.5x"),
        ({"before": 2, "after": 1, "unit": "interviews"}, "2 interviews", "1 interview"),
        ({"before": 12000.0, "after": 4.567}, "12,000", "4.57"),  # at most two decimals
        ({"after": 7, "unit": "ms"}, "", "7 ms"),
    ],
)
def test_before_and_after_are_shown_with_their_unit(
    fields: dict[str, Any], before: str, after: str
) -> None:
    shown = view(**fields)
    assert (shown.before, shown.after) == (before, after)


def test_numbers_follow_the_pages_language() -> None:
    german = view("de", before=41200, after=50000, unit="EUR")
    assert (german.before, german.after) == ("41.200\xa0EUR", "50.000\xa0EUR")
    assert str(german.change) == "+21\xa0%"
    percent = view("de", before=4.1, after=1.2, unit="%", better="lower")
    assert (percent.before, str(percent.change)) == ("4,1\xa0%", "−2,9 pts")


def test_the_direction_is_kept_and_labelled() -> None:
    shown = view(before=5, after=1, better="lower")
    assert shown.better == "lower" and shown.better_label is BETTER["lower"]
    assert view(before=1, after=5).better_label is BETTER["higher"]


def indicator(**fields: Any) -> Indicator:
    return Indicator(name="Initiatives led", type="leading", **fields)


@pytest.mark.parametrize(
    ("fields", "progress"),
    [
        ({"baseline": 0, "target": 4, "values": {"2025-01": 1, "2025-06": 3}}, 0.75),  # latest
        ({"baseline": 10, "target": 2, "values": {"2025-06": 8}}, 0.25),  # lower is the aim
        ({"baseline": 0, "target": 4, "values": {"2025-06": 9}}, 1.0),  # past it: done
        ({"baseline": 0, "target": 4, "values": {"2025-06": -3}}, 0.0),  # behind: not negative
        ({"target": 10, "values": {"2025-01": 2, "2025-06": 6}}, 0.5),  # from the first value
        ({"baseline": 0, "target": 4}, None),  # nothing measured
        ({"baseline": 4, "target": 4, "values": {"2025-06": 4}}, None),  # no distance to go
        ({"baseline": 0, "values": {"2025-06": 4}}, None),  # no target
    ],
)
def test_an_indicators_progress_runs_from_its_baseline_to_its_target(
    fields: dict[str, Any], progress: float | None
) -> None:
    assert IndicatorView.of(indicator(**fields), key="k").progress == progress


def test_an_indicators_values_are_shown_in_date_order_with_the_latest_apart() -> None:
    shown = IndicatorView.of(
        indicator(unit="initiatives", values={"2025-06-30": 3, "2025-01-31": 1}),
        key="k",
        today=dt.date(2025, 7, 1),
    )
    assert shown.values == (("31 Jan 2025", "1 initiative"), ("30 Jun 2025", "3 initiatives"))
    assert (shown.latest, shown.latest_date) == ("3 initiatives", "30 Jun 2025")
