"""The content format as frozen, typed models (FORMAT.md is the contract): the base
every model shares, goals and evidence. The profile is in content/profile.py; the site's
settings and the targets, which say what to make of the content, in content/config.py.

No I/O here: `content/read.py` reads files and hands plain data to these models. Field names
are the YAML keys; `id`, `source` and `body` are filled in by the loader from the file
name, its path and its Markdown body.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from portfolio.cache.reads import body_read
from portfolio.content.dates import PartialDate, one_key_a_date
from portfolio.content.frozen import FrozenDict
from portfolio.content.ids import SLUG_PATTERN
from portfolio.content.kinds import CREDENTIAL_KINDS, EvidenceKind
from portfolio.content.links import check_address
from portfolio.content.words import mentions

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class NotFinite(ValueError):
    hint = "write the value in digits, like `42` or `4.2`"


def _finite(value: float) -> float:
    """A measurement is a number: YAML's `.nan` and `.inf` are floats, but no value a
    page can show or a chart can draw ("NaN%", "−inf pts")."""
    if not math.isfinite(value):
        raise NotFinite(f"`{value}` is not a value a measurement can have")
    return value


# ints are accepted and shown without a decimal point
Number = Annotated[float, AfterValidator(_finite)]

Url = Annotated[str, AfterValidator(check_address)]
# Measurements by date, read-only once validated (content/frozen.py): models are frozen
# all the way down.
Values = Annotated[
    dict[PartialDate, Number], BeforeValidator(one_key_a_date), AfterValidator(FrozenDict)
]


class Model(BaseModel):
    """Frozen, strict about unknown keys, lenient only where YAML is ambiguous."""

    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)
    # The fields whose text is Markdown: held to the limits of content/limits.py.
    MARKDOWN: ClassVar[tuple[str, ...]] = ()

    # What sees every field, `body` included, tells cache/reads.py (see there): a template
    # that prints, compares or iterates a whole model depends on its body.
    def __str__(self) -> str:
        body_read()
        return super().__str__()

    def __repr__(self) -> str:
        body_read()
        return super().__repr__()

    def __format__(self, spec: str) -> str:
        body_read()
        return super().__format__(spec)

    def __iter__(self) -> Any:
        body_read()
        return super().__iter__()

    def __eq__(self, other: object) -> bool:
        body_read()
        return super().__eq__(other)

    def __hash__(self) -> int:  # as pydantic's for frozen models: the field values
        body_read()
        return hash(tuple(self.__dict__.values()))


class Link(Model):
    label: Text = Field(description="What the link is, as shown.", examples=["GitHub"])
    url: Url = Field(
        description="A whole https:, http:, mailto: or tel: address.",
        examples=["https://github.com/ada"],
    )


Direction = Literal["higher", "lower"]


class Directed(Model):
    """A measure whose `better` field says which way is progress: a metric, an indicator."""

    if TYPE_CHECKING:
        better: Direction  # a field of each measure, described in its own words

    def moved_better(self, start: Number | None, end: Number) -> bool | None:
        """Whether going from `start` to `end` is progress: the one rule behind whether a
        metric improved (its page, the pack's ranking and results), how an indicator
        moved since the last review, and a target on the wrong side of its baseline.

        None when there is no direction to tell: no start, no change, or a value with no
        order (NaN, which YAML's `.nan` gives).
        """
        if start is None or not (end > start or end < start):
            return None
        return (end > start) == (self.better == "higher")


# --- content/goals/<id>.md --------------------------------------------------------


class Requirement(Model):
    """What the target role expects: a skill or a credential (one of the two)."""

    skill: Text | None = Field(
        None,
        description="Covered by evidence that lists it in `skills`.",
        examples=["people management"],
    )
    credential: Text | None = Field(
        None,
        description="Covered by a certification, course or award whose title names it.",
        examples=["PMP"],
    )

    @model_validator(mode="after")
    def _one_of(self) -> Requirement:
        if (self.skill is None) == (self.credential is None):
            raise ValueError("a requirement names either `skill` or `credential`, not both")
        return self

    def backed_by(self, ev: Evidence) -> bool:
        """FORMAT.md: a skill is covered by evidence listing it in `skills`; a credential
        by a certification, course or award whose title names it."""
        if self.skill:
            return any(mentions(s.lower(), self.skill) for s in ev.skills)
        name = self.credential or ""
        return ev.kind in CREDENTIAL_KINDS and mentions(ev.title.lower(), name)

    @property
    def label(self) -> str:
        return self.skill or self.credential or ""


class Indicator(Directed):
    """A measure of progress: leading (an action you control) or lagging (an outcome)."""

    name: Text = Field(
        description="What is measured.", examples=["Cross-functional initiatives led"]
    )
    type: Literal["leading", "lagging"] = Field(
        description="leading: actions you control; lagging: outcomes.", examples=["leading"]
    )
    unit: str = Field("", description="Shown after numbers.", examples=["initiatives", "%", "EUR"])
    baseline: Number | None = Field(None, description="The value at the start.", examples=[0])
    target: Number | None = Field(None, description="The value that means done.", examples=[3])
    better: Direction = Field(
        "higher", description="Which direction is progress.", examples=["higher"]
    )
    values: Values = Field(
        default_factory=FrozenDict,
        description="Measurements by date.",
        examples=[{"2025-03-31": 0, "2025-09-30": 1}],
    )


class Milestone(Model):
    """A dated checkpoint on the way to the goal."""

    title: Text = Field(
        description="The checkpoint.", examples=["Lead the payments migration pilot"]
    )
    due: PartialDate | None = Field(None, description="When it is due.", examples=["2025-06-30"])
    done: PartialDate | None = Field(
        None, description="When it was done; absent while open.", examples=["2025-06-20"]
    )
    evidence: tuple[Slug, ...] = Field(
        (), description="Evidence ids that prove it.", examples=[["payments-migration"]]
    )


class Goal(Model):
    """`content/goals/<id>.md` front matter: an aspiration, or a goal that serves one."""

    MARKDOWN: ClassVar[tuple[str, ...]] = ("body", "baseline", "mobility")

    id: Slug
    source: str
    body: str = ""
    title: Text = Field(
        description="An outcome, not an activity.", examples=["Lead a product team of six"]
    )
    kind: Literal["aspiration", "goal"] = Field(
        "goal", description="aspiration: the long-range destination; goal: a time-bound step."
    )
    horizon: Literal["short", "long"] | None = Field(
        None, description="short: 3-12 months; long: 2-5+ years.", examples=["long"]
    )
    category: (
        Literal["advancement", "leadership", "education", "personal", "pivot", "mobility"] | None
    ) = Field(None, description="What kind of goal.", examples=["leadership"])
    serves: Slug | None = Field(
        None, description="The id of the aspiration it serves.", examples=["become-vp-product"]
    )
    framework: Literal["evidence-ladder", "pivot-bridge", "mobility-playbook"] | None = Field(
        None,
        description="evidence-ladder (a promotion), pivot-bridge (a new field), "
        "mobility-playbook (a new place).",
        examples=["evidence-ladder"],
    )
    status: Literal["active", "achieved", "paused", "dropped"] = Field(
        "active", description="Where it stands."
    )
    visibility: Literal["private", "public"] = Field(
        "private", description="Goals are private unless marked public.", examples=["public"]
    )
    started: PartialDate | None = Field(None, description="When it began.", examples=["2025-01-15"])
    due: PartialDate | None = Field(None, description="When it is due.", examples=["2027-01-31"])
    review_every: int = Field(90, gt=0, description="Days between reviews.", examples=[90])
    reviewed: PartialDate | None = Field(
        None, description="The date of the last review.", examples=["2026-10-01"]
    )
    feedback: tuple[Text, ...] = Field(
        (), description="Who gives honest feedback on it.", examples=[["Jane Doe (mentor)"]]
    )
    mobility: str | None = Field(
        None,
        description="How the plan accounts for place.",
        examples=["Open to Berlin or Amsterdam; needs visa sponsorship."],
    )
    baseline: str | None = Field(
        None, description="Markdown: the responsibilities and results at the start."
    )
    requires: tuple[Requirement, ...] = Field(
        (),
        description="Skills and credentials the target role expects.",
        examples=[[{"skill": "people management"}, {"credential": "PMP"}]],
    )
    indicators: tuple[Indicator, ...] = Field((), description="At least three measures.")
    milestones: tuple[Milestone, ...] = Field((), description="At least three checkpoints.")

    @property
    def public(self) -> bool:
        return self.visibility == "public"


# --- content/evidence/<id>.md -----------------------------------------------------


class Metric(Directed):
    """A before/after measurement of the result."""

    name: Text = Field(description="What was measured.", examples=["Checkout failure rate"])
    before: Number | None = Field(None, description="The value before.", examples=[4.1])
    after: Number = Field(description="The value after.", examples=[1.2])
    unit: str = Field("", description="Shown after numbers.", examples=["%"])
    better: Direction = Field(
        "higher", description="Which direction is an improvement.", examples=["lower"]
    )

    @property
    def improved(self) -> bool | None:
        """Whether the result moved the right way; None without a before value or a change."""
        return self.moved_better(self.before, self.after)


class Endorsement(Model):
    """Someone else's words about the work."""

    by: Text = Field(description="Who said it.", examples=["Jane Doe"])
    role: Text | None = Field(None, description="Their role.", examples=["VP Engineering"])
    date: PartialDate | None = Field(None, description="When.", examples=["2025-07-01"])
    quote: Text = Field(
        description="What they said.", examples=["Ada ran the migration end to end."]
    )


class Evidence(Model):
    """`content/evidence/<id>.md` front matter: something done, with its proof."""

    MARKDOWN: ClassVar[tuple[str, ...]] = ("body", "summary")

    id: Slug
    source: str
    body: str = ""
    title: Text = Field(
        description="What you did.", examples=["Led the payments platform migration"]
    )
    kind: EvidenceKind = Field(
        "project", description="What sort of evidence.", examples=["project"]
    )
    date: PartialDate | None = Field(
        None, description="When; or give `start` and `end`.", examples=["2025-06-20"]
    )
    start: PartialDate | None = Field(None, description="When it started.", examples=["2024-09"])
    end: PartialDate | None = Field(None, description="When it ended.", examples=["2025-06"])
    organization: Text | None = Field(None, description="Where.", examples=["Acme Payments"])
    role: Text | None = Field(None, description="Your role in it.", examples=["Product Manager"])
    summary: str = Field(
        "",
        description="One line for the resume.",
        examples=["Cut checkout failures from 4.1% to 1.2%."],
    )
    goals: tuple[Slug, ...] = Field(
        (), description="The goals it advances.", examples=[["lead-team-of-six"]]
    )
    skills: tuple[Text, ...] = Field(
        (), description="Skills it shows.", examples=[["stakeholder management", "payments"]]
    )
    metrics: tuple[Metric, ...] = Field((), description="Before/after measurements.")
    endorsements: tuple[Endorsement, ...] = Field((), description="What others said.")
    links: tuple[Link, ...] = Field((), description="Where to see more.")
    attachments: tuple[Text, ...] = Field(
        (),
        description="Files inside content/evidence/, embedded in evidence packs.",
        examples=[["files/migration-report.pdf"]],
    )
    visibility: Literal["public", "private"] = Field(
        "public", description="Private evidence never reaches the site.", examples=["private"]
    )
    featured: StrictBool = Field(False, description="Show it on the home page.", examples=[True])

    @field_validator("start", "end")
    @classmethod
    def _one_kind_of_date(cls, value: PartialDate | None, info: ValidationInfo) -> Any:
        if value is not None and info.data.get("date") is not None:
            raise ValueError("give either `date`, or `start` and `end`, not both")
        return value

    @property
    def public(self) -> bool:
        return self.visibility == "public"

    @property
    def when(self) -> PartialDate | None:
        """The date the evidence counts from: its date, else its end, else its start."""
        return self.date or self.end or self.start
