"""The goals dashboard: an accessible SVG chart per indicator, progress, overdue flags,
the audit's notes and the aspiration tree, on the site and in the promotion case PDF."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pypdf
import pytest

from conftest import REPO, copy_sample, front_matter, run
from portfolio.content.dates import PartialDate
from portfolio.content.models import Indicator
from portfolio.content.views import IndicatorView
from portfolio.site.charts import chart

SVG = "{http://www.w3.org/2000/svg}"


def _public_goals() -> dict[str, dict[str, Any]]:
    found = {}
    for file in sorted((REPO / "content" / "goals").glob("*.md")):
        data = front_matter(file)
        if data.get("visibility") == "public" and data.get("kind", "goal") == "goal":
            found[file.stem] = data
    return found


def _svgs(html: str) -> list[ElementTree.Element]:
    return [ElementTree.fromstring(s) for s in re.findall(r"<svg class=\"chart\".*?</svg>", html)]


@pytest.mark.parametrize("goal", sorted(_public_goals()))
def test_each_goal_page_draws_every_indicator_accessibly(sample_site: Path, goal: str) -> None:
    html = (sample_site / "goals" / goal / "index.html").read_text(encoding="utf-8")
    indicators = _public_goals()[goal]["indicators"]
    svgs = _svgs(html)
    assert len(svgs) == len(indicators)
    for svg, ind in zip(svgs, indicators, strict=True):
        assert svg.get("role") == "img"
        title = svg.find(f"{SVG}title")
        desc = svg.find(f"{SVG}desc")
        assert title is not None and (title.text or "").startswith(ind["name"])
        assert desc is not None and "better" in (desc.text or "")
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert len(svg.findall(f"{SVG}circle")) == len(ind["values"])
        labels = [t.text or "" for t in svg.iter(f"{SVG}text")]
        assert any(label.startswith("Target") for label in labels)
        assert "today" in labels
    # every value, for screen readers, in a table beside the chart
    tables = re.findall(r'<table class="visually-hidden">.*?</table>', html, flags=re.S)
    assert len(tables) == len(indicators)
    assert all(
        t.count("<tr>") == len(i["values"]) + 1 for t, i in zip(tables, indicators, strict=True)
    )


def test_the_dashboard_shows_progress_charts_notes_and_the_tree(sample_site: Path) -> None:
    html = (sample_site / "goals" / "index.html").read_text(encoding="utf-8")
    goals = _public_goals()
    assert len(_svgs(html)) == sum(len(g["indicators"]) for g in goals.values())
    assert html.count('class="bar-track"') >= 2 * len(goals)  # milestones and time
    assert "1 milestone overdue" in html
    assert "Notes from the goal audit" in html and "milestone-overdue" not in html
    assert "“2027 data platform strategy signed off by the CTO” was due 31 Oct 2026" in html
    tree = html[html.index('id="tree-heading"') :]
    for goal in goals.values():
        assert goal["title"] in tree
        for milestone in goal["milestones"]:
            assert milestone["title"] in tree
    assert "../evidence/data-contracts-rollout/" in tree


def test_the_promotion_case_pdf_draws_the_indicators(sample_root: Path) -> None:
    pdf = sample_root / "packs" / "rotaverde-staff-promotion" / "promotion-case.pdf"
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Target 12" in text and "Baseline 41,200" in text and "today" in text


def _view(**kwargs: object) -> IndicatorView:
    fields = {"name": "Offers", "type": "lagging"} | kwargs
    return IndicatorView.of(
        Indicator.model_validate(fields),
        "t",
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
        dt.date(2026, 6, 1),
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"target": 1},
        {"baseline": 0, "target": 0, "values": {"2026-02-01": 0}},
        {"values": {"2026-03": 5}},
        {"baseline": -3, "target": 4, "better": "higher", "values": {"2026-03-01": -1}},
        {"baseline": 0.02, "target": 0.5, "values": {"2026-03-01": 0.1, "2026-05-01": 0.3}},
        {"baseline": 1e6, "target": 2e6, "values": {"2026-03-01": 1.5e6}},
    ],
)
def test_charts_draw_any_indicator_as_well_formed_svg(fields: dict[str, Any]) -> None:
    svg = ElementTree.fromstring(str(chart(_view(**fields))))
    coords = [float(v) for el in svg.iter() for k, v in el.attrib.items() if k in ("x", "y", "cx")]
    assert all(-1 <= c <= 480 for c in coords), "everything inside the picture"


def test_a_chart_with_nothing_to_draw_is_empty() -> None:
    assert str(chart(_view())) == ""


def test_chart_text_is_escaped() -> None:
    svg = str(chart(_view(name="<script>alert(1)</script>", target=3)))
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_partial_dates_in_values_are_placed_at_the_end_of_their_month() -> None:
    view = _view(target=3, values={"2026-03": 1, "2026-03-15": 2})
    svg = ElementTree.fromstring(str(chart(view)))
    points = sorted(
        (float(c.attrib["cx"]), float(c.attrib["cy"])) for c in svg.iter(f"{SVG}circle")
    )
    (_, mid_march), (_, end_of_march) = points
    assert end_of_march > mid_march, "the month-only value (1, lower) is drawn last"
    assert PartialDate.parse("2026-03").last_day == dt.date(2026, 3, 31)


def test_a_private_goal_has_no_dashboard_and_its_notes_stay_home(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "project")
    assert run("build", str(root), "--no-pdf").exit_code == 0
    html = (root / "site" / "goals" / "index.html").read_text(encoding="utf-8")
    assert "Amsterdam" not in html and "Dutch" not in html


def test_a_chart_s_axis_says_the_goal_s_dates_at_their_own_precision(tmp_path: Path) -> None:
    """A goal started `2024-01` and due `2031` frames its charts with those dates: the
    axis says "Jan 2024" and "2031", never a first or last day the goal did not name."""
    root = copy_sample(tmp_path / "project")
    goal = root / "content" / "goals" / "staff-engineer-promotion.md"
    text = goal.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^started: .*$", "started: 2024-01", text)
    goal.write_text(re.sub(r"(?m)^due: .*$", "due: 2031", text), encoding="utf-8")
    result = run("build", str(root), "--no-pdf", "--no-packs")
    assert result.exit_code == 0, result.output
    page = (root / "site" / "goals" / "staff-engineer-promotion" / "index.html").read_text("utf-8")
    axis = re.findall(r'class="chart-axis"[^>]*>([^<]+)<', page)
    assert axis and "Jan 2024" in axis and "2031" in axis, axis
    assert not any(label in ("1 Jan 2024", "31 Dec 2031") for label in axis), axis
