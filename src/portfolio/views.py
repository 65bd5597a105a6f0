"""What the templates show, computed once in Python: progress, deltas, labels.

Templates hold no logic beyond loops and conditionals; every number a page shows
(how far a goal has come, by how much a metric improved) is named and computed here.

Language: dates and numbers are formatted here, in the portfolio's language (a pack's
portfolio carries its target's language), with Babel's CLDR data; English keeps the
day-month-year dates the site has always shown. Words are not translated here: a view
says *what* to say as a `Msg` (an English source string, see `N_`), and the theme's
catalog says it in the page's language when the template prints it (`themes.Catalog`).
So views need no theme, and a pack is built before any theme is involved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_skeleton
from babel.numbers import format_decimal

from portfolio.catalog import Portfolio
from portfolio.dates import PartialDate
from portfolio.models import Evidence, Goal, Indicator, Metric, Milestone

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Msg:
    """A theme string computed in Python, said in the page's language when it is shown.

    `text` is the English source string (the catalog's key); `args` fill its `{name}`
    placeholders, and may be messages themselves. `lookup=False` marks text that is
    already in the page's language (a formatted date, a name): only its args are
    translated. `str()` gives the English, for code that wants plain text.
    """

    text: str
    args: tuple[tuple[str, Msg | str], ...] = ()
    lookup: bool = True

    def say(self, translate: Callable[[str], str]) -> str:
        """The message in the language of `translate` (English source -> translation)."""
        text = translate(self.text) if self.lookup else self.text
        if not self.args:
            return text
        values = {k: v.say(translate) if isinstance(v, Msg) else v for k, v in self.args}
        return text.format(**values)

    def __str__(self) -> str:
        return self.say(lambda text: text)

    def __bool__(self) -> bool:
        return bool(self.text)


def N_(text: str, **args: Msg | str) -> Msg:
    """An English theme string to translate where it is shown (gettext's `N_`).

    tests/test_i18n.py finds every call by this name: each needs a catalog entry.
    """
    return Msg(text, tuple(sorted(args.items())))


def verbatim(text: str, **args: Msg | str) -> Msg:
    """Text already in the page's language, or a pattern of no words (`{a} · {b}`)."""
    return Msg(text, tuple(sorted(args.items())), lookup=False)


NOTHING = verbatim("")  # an empty message: false in a template's `if`


@cache
def babel_locale(tag: str) -> Locale:
    """The CLDR locale for a BCP 47 tag: the tag, else its base language, else English,
    so that `tlh` or `en-XX` builds in English rather than failing."""
    for candidate in (tag, tag.split("-")[0]):
        try:
            return Locale.parse(candidate, sep="-")
        except (ValueError, UnknownLocaleError):
            continue
    return Locale("en")


def og_locale(tag: str) -> str:
    """`language_TERRITORY` as Open Graph wants it: `de` -> `de_DE`, `en` -> `en_US`."""
    loc = babel_locale(tag)
    territory = loc.territory
    if not territory:
        likely = get_global("likely_subtags").get(loc.language, "")
        territory = likely.rsplit("_", 1)[-1] if likely.count("_") else ""
    return f"{loc.language}_{territory}" if territory else loc.language


def plural_form(tag: str, n: float) -> str:
    """The CLDR plural category of `n` (`one`, `few`, `other`...) in the language."""
    return babel_locale(tag).plural_form(n)


def format_date(value: PartialDate | dt.date | None, language: str = "en") -> str:
    """`2021` -> 2021, `2021-03` -> Mar 2021, `2021-03-15` -> 15 Mar 2021 in English;
    other languages by their CLDR pattern (German: 15. März 2021, März 2021)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        value = PartialDate(value.year, value.month, value.day)
    loc = babel_locale(language)
    if loc.language != "en":
        day = dt.date(value.year, value.month or 1, value.day or 1)
        skeleton = "yMMMd" if value.day else ("yMMM" if value.month else "y")
        return str(format_skeleton(skeleton, day, locale=loc))
    if not value.month:
        return str(value.year)
    month = MONTHS[value.month - 1]
    return f"{value.day} {month} {value.year}" if value.day else f"{month} {value.year}"


def format_range(start: PartialDate | None, end: PartialDate | None, language: str = "en") -> Msg:
    """`Mar 2021 – Jun 2022`; an open end is `Mar 2021 – present` (German: `seit März 2021`)."""
    if not start:
        return verbatim(format_date(end, language))
    if end:
        return verbatim(f"{format_date(start, language)} – {format_date(end, language)}")
    return N_("{start} – present", start=format_date(start, language))


def format_number(value: float | None, language: str = "en") -> str:
    """Numbers as people write them: 4 not 4.0, 12,000 not 12000 (German: 12.000, 4,1);
    at most two decimals."""
    if value is None:
        return ""
    rounded = round(value, 2)
    number: float | int = int(rounded) if float(rounded).is_integer() else rounded
    return str(format_decimal(number, locale=babel_locale(language)))


def format_percent(share: float, language: str = "en") -> str:
    """A whole percentage, `share` 0.62 -> 62% (German: 62 %). Never grouped: 1250%."""
    return _percent_sign(str(round(share * 100)), language)


def _percent_sign(number: str, language: str) -> str:
    """`number` with the percent sign where the language puts it (`71%`, `71 %`, `%71`)."""
    loc = babel_locale(language)
    pattern = loc.percent_formats[None]
    sign = loc.number_symbols["latn"]["percentSign"]
    return f"{pattern.prefix[0].replace('%', sign)}{number}{pattern.suffix[0].replace('%', sign)}"


def _currency(number: str, unit: str, language: str) -> str:
    """`$41,200`, `EUR 41,200`; German `41.200 €`: the symbol or code goes where the
    language's currency pattern puts it."""
    pattern = babel_locale(language).currency_formats["standard"]
    prefix, suffix = str(pattern.prefix[0]), str(pattern.suffix[0])
    if "¤" in suffix:
        return number + suffix.replace("¤", unit)
    gap = " " if unit.isalpha() and not prefix.endswith(("\xa0", " ")) else ""
    return prefix.replace("¤", unit) + gap + number


def with_unit(value: float | None, unit: str, language: str = "en") -> str:
    """A value with its unit, the number in the language's format: `EUR 41,200`,
    `1,200,000 meters`, `4.1%`; German `41.200 EUR`, `1.200.000 meters`, `4,1 %`."""
    if value is None:
        return ""
    number = format_number(value, language)
    if value == 1 and babel_locale(language).language == "en":
        unit = _singular(unit)
    if not unit:
        return number
    if unit in ("$", "€", "£", "¥") or (unit.isalpha() and unit.isupper() and len(unit) == 3):
        return _currency(number, unit, language)  # a symbol, or an ISO 4217 code: EUR, USD
    if unit == "%":
        return _percent_sign(number, language)
    return f"{number}{unit}" if unit in ("x", "×") else f"{number} {unit}"


def _singular(unit: str) -> str:
    """`1 interview`, not `1 interviews`: a plural word unit loses its `s` after a 1.
    Symbols and abbreviations (`ms`, `pts`, `kWh`) are left alone. English only."""
    if len(unit) <= 3 or not unit.isalpha() or not unit.islower() or not unit.endswith("s"):
        return unit
    if unit.endswith("ies"):
        return unit[:-3] + "y"
    return unit if unit.endswith("ss") else unit[:-1]


# Labels of the format's values, as the pages show them: English source strings that
# the theme's catalog translates.
KIND_LABELS = {
    "project": N_("Project"), "achievement": N_("Achievement"),
    "certification": N_("Certification"), "endorsement": N_("Endorsement"), "talk": N_("Talk"),
    "publication": N_("Publication"), "course": N_("Course"), "award": N_("Award"),
    "volunteer": N_("Volunteering"),
}  # fmt: skip
GOAL_KINDS = {"goal": N_("Goal"), "aspiration": N_("Aspiration")}
CATEGORIES = {
    "advancement": N_("Advancement"), "leadership": N_("Leadership"),
    "education": N_("Education"), "personal": N_("Personal"), "pivot": N_("Pivot"),
    "mobility": N_("Mobility"),
}  # fmt: skip
HORIZONS = {"short": N_("short term"), "long": N_("long term")}
STATUSES = {  # in a heading's eyebrow
    "active": N_("Active"), "achieved": N_("Achieved"), "paused": N_("Paused"),
    "dropped": N_("Dropped"),
}  # fmt: skip
STATUS_WORDS = {  # inside a line of text
    "active": N_("active"), "achieved": N_("achieved"), "paused": N_("paused"),
    "dropped": N_("dropped"),
}  # fmt: skip
FRAMEWORKS = {
    "evidence-ladder": N_("Evidence Ladder"), "pivot-bridge": N_("Pivot Bridge"),
    "mobility-playbook": N_("Mobility Playbook"),
}  # fmt: skip
BETTER = {"higher": N_("higher is better"), "lower": N_("lower is better")}
INDICATOR_TYPES = {"leading": N_("leading"), "lagging": N_("lagging")}
SEVERITIES = {"error": N_("Error"), "warning": N_("Warning"), "hint": N_("Hint")}


@dataclass(frozen=True)
class MetricView:
    """A before/after measurement and whether it moved the right way."""

    name: str
    before: str
    after: str
    better: str  # higher | lower
    improved: bool | None  # None: no before value, or no change
    change: Msg  # "−71%", "+3 pts" or "no change"; empty without a before value

    @property
    def better_label(self) -> Msg:
        return BETTER[self.better]

    @classmethod
    def of(cls, m: Metric, language: str = "en") -> MetricView:
        improved: bool | None = None
        change = NOTHING
        if m.before is not None and m.after == m.before:
            change = N_("no change")
        elif m.before is not None:
            improved = (m.after > m.before) == (m.better == "higher")
            delta = m.after - m.before
            if m.before and m.unit != "%":
                ratio = delta / abs(m.before)
                sign = "−" if ratio < 0 else "+"
                change = verbatim(sign + format_percent(abs(ratio), language))
            else:
                sign = "+" if delta > 0 else "−"
                number = f"{sign}{format_number(abs(delta), language)}"
                if m.unit == "%":
                    change = N_("{delta} pts", delta=number)
                else:
                    change = verbatim(f"{number} {m.unit}" if m.unit else number)
        return cls(
            m.name,
            with_unit(m.before, m.unit, language),
            with_unit(m.after, m.unit, language),
            m.better,
            improved,
            change,
        )


@dataclass(frozen=True)
class Ref:
    """A link to another page: enough to name it and point at it."""

    title: str
    path: str  # site path, e.g. "goals/lead-team/"
    meta: Msg = NOTHING  # a short description: "Project · Jun 2025"


@dataclass(frozen=True)
class IndicatorView:
    name: str
    type: str
    baseline: str
    target: str
    latest: str
    latest_date: str
    better: str
    progress: float | None  # 0..1 of the way from baseline to target
    values: tuple[tuple[str, str], ...]
    indicator: Indicator  # the raw numbers, for the chart
    key: str  # unique on its page: ids of the chart's title and description
    start: dt.date | None = None  # the goal's start and due dates frame the chart
    due: dt.date | None = None
    today: dt.date | None = None
    language: str = "en"  # of the chart's numbers and dates

    @property
    def type_label(self) -> Msg:
        return INDICATOR_TYPES[self.type]

    @property
    def better_label(self) -> Msg:
        return BETTER[self.better]

    @classmethod
    def of(
        cls,
        ind: Indicator,
        key: str,
        start: dt.date | None = None,
        due: dt.date | None = None,
        today: dt.date | None = None,
        language: str = "en",
    ) -> IndicatorView:
        ordered = sorted(ind.values.items())
        latest = ordered[-1] if ordered else None
        progress = None
        origin = ind.baseline if ind.baseline is not None else (ordered[0][1] if ordered else None)
        if latest and ind.target is not None and origin is not None and ind.target != origin:
            progress = max(0.0, min(1.0, (latest[1] - origin) / (ind.target - origin)))
        return cls(
            ind.name,
            ind.type,
            with_unit(ind.baseline, ind.unit, language),
            with_unit(ind.target, ind.unit, language),
            with_unit(latest[1], ind.unit, language) if latest else "",
            format_date(latest[0], language) if latest else "",
            ind.better,
            progress,
            tuple((format_date(d, language), with_unit(v, ind.unit, language)) for d, v in ordered),
            ind,
            key,
            start,
            due,
            today,
            language,
        )


@dataclass(frozen=True)
class MilestoneView:
    title: str
    due: str
    done: str
    overdue: bool
    evidence: tuple[Ref, ...]


def _milestone(
    m: Milestone, today: dt.date, evidence: dict[str, Evidence], language: str
) -> MilestoneView:
    overdue = m.done is None and m.due is not None and m.due.last_day < today
    refs = tuple(Ref(evidence[e].title, f"evidence/{e}/") for e in m.evidence if e in evidence)
    due, done = format_date(m.due, language), format_date(m.done, language)
    return MilestoneView(m.title, due, done, overdue, refs)


@dataclass(frozen=True)
class GoalView:
    goal: Goal
    path: str
    serves: Ref | None
    serving: tuple[Ref, ...]  # for an aspiration: the goals that serve it
    evidence: tuple[Ref, ...]
    milestones: tuple[MilestoneView, ...]
    milestones_done: int
    time_progress: float | None  # share of the time from started to due that has passed
    indicators: tuple[IndicatorView, ...]
    started: str
    due: str
    reviewed: str

    @property
    def overdue(self) -> int:
        """How many milestones are past due and not done."""
        return sum(1 for m in self.milestones if m.overdue)

    @property
    def milestone_progress(self) -> float | None:
        return self.milestones_done / len(self.milestones) if self.milestones else None

    @property
    def kind_label(self) -> Msg:
        return GOAL_KINDS[self.goal.kind]

    @property
    def category_label(self) -> Msg | None:
        return CATEGORIES[self.goal.category] if self.goal.category else None

    @property
    def horizon_label(self) -> Msg | None:
        return HORIZONS[self.goal.horizon] if self.goal.horizon else None

    @property
    def status_label(self) -> Msg:
        return STATUSES[self.goal.status]

    @property
    def status_word(self) -> Msg:
        return STATUS_WORDS[self.goal.status]

    @property
    def framework_label(self) -> Msg | None:
        return FRAMEWORKS[self.goal.framework] if self.goal.framework else None


def evidence_meta(ev: Evidence, language: str = "en") -> Msg:
    """`Project · Jun 2025`: what a piece of evidence is, and when."""
    when = format_date(ev.when, language)
    kind = KIND_LABELS[ev.kind]
    return verbatim("{kind} · {when}", kind=kind, when=when) if when else kind


def goal_view(p: Portfolio, goal: Goal) -> GoalView:
    language = p.config.language
    time_progress = None
    if goal.started and goal.due and goal.due.last_day > goal.started.first_day:
        span = (goal.due.last_day - goal.started.first_day).days
        passed = (p.today - goal.started.first_day).days
        time_progress = max(0.0, min(1.0, passed / span))
    serves = p.goals.get(goal.serves) if goal.serves else None
    milestones = tuple(_milestone(m, p.today, p.evidence, language) for m in goal.milestones)
    return GoalView(
        goal=goal,
        path=f"goals/{goal.id}/",
        serves=Ref(serves.title, f"goals/{serves.id}/") if serves else None,
        serving=tuple(
            Ref(p.goals[g].title, f"goals/{g}/") for g in p.goals_serving.get(goal.id, ())
        ),
        evidence=tuple(
            Ref(p.evidence[e].title, f"evidence/{e}/", evidence_meta(p.evidence[e], language))
            for e in sort_evidence(p, p.goal_evidence.get(goal.id, ()))
        ),
        milestones=milestones,
        milestones_done=sum(1 for m in goal.milestones if m.done),
        time_progress=time_progress,
        indicators=tuple(
            IndicatorView.of(
                ind,
                f"{goal.id}-{n}",
                goal.started.first_day if goal.started else None,
                goal.due.last_day if goal.due else None,
                p.today,
                language,
            )
            for n, ind in enumerate(goal.indicators)
        ),
        started=format_date(goal.started, language),
        due=format_date(goal.due, language),
        reviewed=format_date(goal.reviewed, language),
    )


@dataclass(frozen=True)
class Attachment:
    name: str
    path: str  # site path of the copy
    source: str  # relative to content/evidence/
    size: str


@dataclass(frozen=True)
class EvidenceView:
    ev: Evidence
    path: str
    kind: Msg
    when: Msg
    goals: tuple[Ref, ...]
    metrics: tuple[MetricView, ...]
    attachments: tuple[Attachment, ...]


def _size(n: int, language: str) -> str:
    if n >= 1_000_000:
        megabytes = format_decimal(round(n / 1_000_000, 1), "0.0", locale=babel_locale(language))
        return f"{megabytes} MB"
    return f"{max(1, round(n / 1000))} KB"


def evidence_view(p: Portfolio, ev: Evidence) -> EvidenceView:
    language = p.config.language
    folder = p.root / "content" / "evidence"
    attachments = tuple(
        Attachment(
            name=rel.rsplit("/", 1)[-1],
            path=f"evidence/{ev.id}/files/{rel.rsplit('/', 1)[-1]}",
            source=rel,
            size=_size((folder / rel).stat().st_size, language),
        )
        for rel in ev.attachments
    )
    if ev.start:
        when = format_range(ev.start, ev.end, language)
    else:
        when = verbatim(format_date(ev.date or ev.end, language))
    return EvidenceView(
        ev=ev,
        path=f"evidence/{ev.id}/",
        kind=KIND_LABELS[ev.kind],
        when=when,
        goals=tuple(Ref(p.goals[g].title, f"goals/{g}/") for g in p.evidence_goals.get(ev.id, ())),
        metrics=tuple(MetricView.of(m, language) for m in ev.metrics),
        attachments=attachments,
    )


def sort_evidence(p: Portfolio, ids: tuple[str, ...] | list[str]) -> list[str]:
    """Newest first; undated last; ties by id, so the order never depends on the disk."""

    def key(e: str) -> tuple[int, int, str]:
        when = p.evidence[e].when
        return (0, -when.first_day.toordinal(), e) if when else (1, 0, e)

    return sorted(ids, key=key)
