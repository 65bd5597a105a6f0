"""Indicator charts as inline SVG: one picture per indicator, for pages and PDFs alike.

Inline SVG renders the same in a browser and in WeasyPrint, needs no script and no
request, and carries its own accessible name (`<title>`) and description (`<desc>`);
a data table beside it gives screen readers every value. Each chart shows the values
over time against the baseline and the target, the straight line of the plan from the
start to the due date, and today. Colours are presentation attributes, so a PDF gets
them without CSS, and classes, so a theme can restyle them (dark mode).

Every piece of user text is escaped here: indicator names are content, and content is
untrusted. Numbers and dates are in the view's language; words are messages said by
`say` (the theme's catalog when a page is rendered, English by default).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from markupsafe import Markup, escape

from portfolio.content.language import (
    N_,
    NOTHING,
    Msg,
    format_date,
    format_number,
    verbatim,
    with_unit,
)
from portfolio.content.views import IndicatorView

WIDTH, HEIGHT = 480, 210
TOP, BOTTOM = 18, 30  # room for "today" above and the dates below
CHAR = 7.4  # the width of a character at the labels' size, near enough to make room


@dataclass(frozen=True)
class Palette:
    """The chart's colours, written into the SVG: a PDF renderer does not apply the page's
    CSS inside an inline SVG, so a theme gives its own in theme.yaml under `chart:`."""

    value: str = "#1d4f86"
    target: str = "#17643a"
    baseline: str = "#7d848e"
    plan: str = "#a9b1bb"
    grid: str = "#e3e6ea"
    muted: str = "#5f6670"
    paper: str = "#ffffff"

    @classmethod
    def of(cls, colours: dict[str, str]) -> Palette:
        return cls(**{k: v for k, v in colours.items() if k in cls.__dataclass_fields__})


DEFAULT = Palette()
DAY = dt.timedelta(days=1)
Say = Callable[[Msg], str]


def _english(message: Msg) -> str:
    return str(message)


@dataclass(frozen=True)
class _Frame:
    """Maps dates and values to the drawing area."""

    x0: dt.date
    x1: dt.date
    y0: float
    y1: float
    left: float  # the plot's edges: the value axis is left of `left`, the line labels
    right: float  # right of `right`

    def x(self, day: dt.date) -> float:
        return (
            self.left + (self.right - self.left) * (day - self.x0).days / (self.x1 - self.x0).days
        )

    def y(self, value: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (self.y1 - value) / (self.y1 - self.y0)


def _frame(view: IndicatorView, points: list[tuple[dt.date, float]], say: Say) -> _Frame:
    ind = view.indicator
    days = [d for d, _ in points] + [d for d in (view.start, view.due, view.today) if d]
    x0, x1 = min(days), max(days)
    if (x1 - x0).days < 60:
        x0, x1 = x0 - 30 * DAY, x1 + 30 * DAY
    values = [v for _, v in points] + [v for v in (ind.baseline, ind.target) if v is not None]
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or max(1.0, abs(high) * 0.2)
    low = 0.0 if 0 <= low <= pad * 3 else low - pad  # from zero when zero is near
    frame = _Frame(x0, x1, low, high + pad, 0, 0)
    axis = max(len(format_number(t, view.language)) for t in _ticks(frame))
    labels = [len(label) for label in _labels(view, say).values()] or [0]
    return replace(frame, left=axis * CHAR + 12, right=WIDTH - max(labels) * CHAR - 10)


def _labels(view: IndicatorView, say: Say) -> dict[str, str]:
    """The labels of the horizontal lines, by kind."""
    ind = view.indicator
    found = {}
    if ind.baseline is not None:
        found["baseline"] = say(
            N_("Baseline {value}", value=format_number(ind.baseline, view.language))
        )
    if ind.target is not None:
        found["target"] = say(N_("Target {value}", value=format_number(ind.target, view.language)))
    return found


def _ticks(frame: _Frame, count: int = 4) -> list[float]:
    """Round grid values: 1, 2 or 5 times a power of ten, inside the frame."""
    raw = (frame.y1 - frame.y0) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(frame.y0 / step) * step
    return [first + i * step for i in range(count + 2) if first + i * step <= frame.y1]


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _line(frame: _Frame, value: float, kind: str, label: str, palette: Palette) -> list[str]:
    """A horizontal line across the frame, labelled at its right end."""
    y = _fmt(frame.y(value))
    left, right = _fmt(frame.left), _fmt(frame.right)
    return [
        f'<line class="chart-{kind}" x1="{left}" x2="{right}" y1="{y}" y2="{y}" '
        f'stroke="{getattr(palette, kind)}" stroke-width="1.5" stroke-dasharray="5 4"/>',
        f'<text class="chart-label chart-{kind}-label" x="{_fmt(frame.right + 6)}" y="{y}" '
        f'dy="0.32em" fill="{getattr(palette, kind)}" font-size="12.5">{escape(label)}</text>',
    ]


def chart(view: IndicatorView, say: Say = _english, palette: Palette = DEFAULT) -> Markup:
    """The SVG for one indicator; empty when it has nothing to draw."""
    ind = view.indicator
    points = sorted((d.last_day if d.day == 0 else d.first_day, v) for d, v in ind.values.items())
    if not points and ind.baseline is None and ind.target is None:
        return Markup("")
    frame = _frame(view, points, say)
    unit = ind.unit
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-labelledby="chart-{view.key}-title chart-{view.key}-desc" '
        f'font-family="inherit" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-{view.key}-title">{escape(say(_title(view)))}</title>',
        f'<desc id="chart-{view.key}-desc">{escape(say(_description(view)))}</desc>',
    ]
    for tick in _ticks(frame):
        y = _fmt(frame.y(tick))
        parts.append(
            f'<line class="chart-grid" x1="{_fmt(frame.left)}" x2="{_fmt(frame.right)}" '
            f'y1="{y}" y2="{y}" stroke="{palette.grid}" stroke-width="1"/>'
            f'<text class="chart-axis" x="{_fmt(frame.left - 8)}" '
            f'y="{y}" dy="0.32em" text-anchor="end" fill="{palette.muted}" font-size="12.5">'
            f"{escape(format_number(tick, view.language))}</text>"
        )
    parts += _dates(frame, view, say, palette)
    labels = _labels(view, say)
    if ind.baseline is not None:
        parts += _line(frame, ind.baseline, "baseline", labels["baseline"], palette)
    if ind.target is not None:
        parts += _line(frame, ind.target, "target", labels["target"], palette)
    if view.start and view.due and ind.baseline is not None and ind.target is not None:
        parts.append(
            f'<line class="chart-plan" x1="{_fmt(frame.x(view.start))}" '
            f'y1="{_fmt(frame.y(ind.baseline))}" x2="{_fmt(frame.x(view.due))}" '
            f'y2="{_fmt(frame.y(ind.target))}" stroke="{palette.plan}" stroke-width="1.5" '
            f'stroke-dasharray="2 4" stroke-linecap="round"/>'
        )
    parts += _values(frame, view, points, unit, palette)
    parts.append("</svg>")
    return Markup("".join(parts))


def _dates(frame: _Frame, view: IndicatorView, say: Say, palette: Palette) -> list[str]:
    """The start and due dates under the axis, and a line for today."""
    parts = []
    base = HEIGHT - BOTTOM
    ends = ((view.start, view.start_label, "start"), (view.due, view.due_label, "end"))
    for day, label, anchor in ends:
        if day is not None:  # the goal's own words for the date, at its precision
            parts.append(
                f'<text class="chart-axis" x="{_fmt(frame.x(day))}" y="{base + 18}" '
                f'text-anchor="{anchor}" fill="{palette.muted}" font-size="12.5">'
                f"{escape(label or format_date(day, view.language))}</text>"
            )
    parts.append(
        f'<line class="chart-axis-line" x1="{_fmt(frame.left)}" x2="{_fmt(frame.right)}" '
        f'y1="{base}" y2="{base}" stroke="{palette.muted}" stroke-width="1"/>'
    )
    if view.today and frame.x0 <= view.today <= frame.x1:
        x = _fmt(frame.x(view.today))
        parts.append(
            f'<line class="chart-today" x1="{x}" x2="{x}" y1="{TOP}" y2="{base}" '
            f'stroke="{palette.muted}" stroke-width="1" stroke-dasharray="1 3"/>'
            f'<text class="chart-axis" x="{x}" y="{TOP - 4}" text-anchor="middle" '
            f'fill="{palette.muted}" font-size="11.5">{escape(say(N_("today")))}</text>'
        )
    return parts


def _values(
    frame: _Frame,
    view: IndicatorView,
    points: list[tuple[dt.date, float]],
    unit: str,
    palette: Palette,
) -> list[str]:
    """The measured values: a line from the baseline at the start, a dot per value."""
    if not points:
        return []
    ind = view.indicator
    path = [(frame.x(d), frame.y(v)) for d, v in points]
    if view.start and ind.baseline is not None and view.start < points[0][0]:
        path.insert(0, (frame.x(view.start), frame.y(ind.baseline)))
    coords = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in path)
    colour = palette.value
    parts = [
        f'<polyline class="chart-values" points="{coords}" fill="none" stroke="{colour}" '
        f'stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>'
    ]
    for day, value in points:
        parts.append(
            f'<circle class="chart-point" cx="{_fmt(frame.x(day))}" cy="{_fmt(frame.y(value))}" '
            f'r="4" fill="{colour}" stroke="#fff" stroke-width="1.5"/>'
        )
    last_day, last = points[-1]
    label = with_unit(last, unit, view.language)
    x, y = frame.x(last_day), frame.y(last)
    width = CHAR * 1.05 * len(label) + 8  # a backing, so no line runs through the label
    if x + 10 + width <= frame.right:  # beside the last point, where the future is
        left, middle = x + 8, y
    else:  # above it (below, at the top), never over the line it ends
        left = min(max(x - width / 2, frame.left), frame.right - width)
        middle = y - 16 if y - 28 > TOP else y + 18
    parts.append(
        f'<rect class="chart-latest-back" x="{_fmt(left)}" y="{_fmt(middle - 10)}" '
        f'width="{_fmt(width)}" height="19" rx="3" fill="{palette.paper}"/>'
        f'<text class="chart-latest" x="{_fmt(left + 4)}" y="{_fmt(middle)}" dy="0.35em" '
        f'fill="{colour}" font-size="13.5" font-weight="600">{escape(label)}</text>'
    )
    return parts


def _title(view: IndicatorView) -> Msg:
    target = verbatim(view.target) if view.target else N_("none")
    if view.latest:
        return N_(
            "{name}: {value} on {date}, target {target}",
            name=view.name,
            value=view.latest,
            date=view.latest_date,
            target=target,
        )
    return N_("{name}: not measured yet, target {target}", name=view.name, target=target)


TYPE_SENTENCES = {"leading": N_("Leading indicator"), "lagging": N_("Lagging indicator")}


def _description(view: IndicatorView) -> Msg:
    """`Leading indicator, higher is better. Baseline 0. 31 Mar 2025: 0; 30 Sep 2025: 1.`"""
    values = (
        verbatim("; ".join(f"{d}: {v}" for d, v in view.values))
        if view.values
        else N_("no values yet")
    )
    baseline = (
        verbatim("{line}. ", line=N_("Baseline {value}", value=view.baseline))
        if view.baseline
        else NOTHING
    )
    return verbatim(
        "{kind}, {better}. {baseline}{values}.",
        kind=TYPE_SENTENCES[view.type],
        better=view.better_label,
        baseline=baseline,
        values=values,
    )
