"""The content format as frozen, typed models (FORMAT.md is the contract).

No I/O here: `load.py` reads files and hands plain data to these models. Field names
are the YAML keys; `id`, `source` and `body` are filled in by the loader from the file
name, its path and its Markdown body.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from portfolio.dates import PartialDate

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Number = float  # ints are accepted and shown without a decimal point

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")


def _check_url(url: str) -> str:
    """Links are content, and content is untrusted: only web, mail and phone links.

    Browsers ignore control characters and spaces inside a scheme (`java\tscript:`),
    so the scheme is read with them removed.
    """
    squeezed = re.sub(r"[\x00-\x20\x7f]", "", url).lower()
    match = _SCHEME.match(squeezed)
    if match and match.group(1) not in SAFE_SCHEMES:
        raise ValueError(
            f"`{url}` is not an allowed link: use an https://, http://, mailto: or tel: address"
        )
    return url.strip()


Url = Annotated[str, AfterValidator(_check_url)]


class Model(BaseModel):
    """Frozen, strict about unknown keys, lenient only where YAML is ambiguous."""

    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class Link(Model):
    label: Text = Field(description="What the link is, as shown.", examples=["GitHub"])
    url: Url = Field(description="An https:, http:, mailto: or tel: address.")


# --- portfolio.yaml ---------------------------------------------------------------

Paper = Literal["A4", "Letter"]
PDF_VARIANTS = (
    "pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/a-4u", "pdf/a-1a",
    "pdf/a-2a", "pdf/a-3a", "pdf/a-4e", "pdf/a-4f", "pdf/ua-1", "pdf/ua-2",
)  # fmt: skip


class SiteConfig(Model):
    """`portfolio.yaml`: every key has a default, so the file is optional."""

    title: Text | None = Field(None, description="Site title; defaults to the profile's name.")
    base_url: str = Field(
        "/",
        description="Where the site is served.",
        examples=["https://ada.github.io/portfolio/"],
        pattern=r"^(https?://[^\s/]+)?/[^\s]*$",
    )
    theme: Slug = Field("classic", description="A theme in themes/ or shipped with portfolio.")
    language: str = Field(
        "en", pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="BCP 47 language tag."
    )
    paper: Paper = Field("A4", description="Paper size of the PDFs.")
    today: PartialDate | None = Field(None, description="The date 'overdue' is measured against.")
    unsafe_html: StrictBool = Field(False, description="Let raw HTML in Markdown through.")
    cname: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$",
        description="Custom domain, written to site/CNAME.",
    )
    pdf_variant: Literal[PDF_VARIANTS] | None = Field(  # type: ignore[valid-type]
        None, description="WeasyPrint PDF variant for every PDF.", examples=["pdf/a-3u"]
    )


# --- content/profile.yaml ---------------------------------------------------------


class Mobility(Model):
    open_to_relocation: StrictBool = False
    regions: tuple[Text, ...] = ()
    work_authorization: tuple[Text, ...] = ()
    remote: Literal["onsite", "hybrid", "remote"] | None = None


class Language(Model):
    name: Text
    level: Text | None = None


class Skill(Model):
    name: Text
    level: Text | None = None
    keywords: tuple[Text, ...] = ()


class Position(Model):
    organization: Text
    title: Text
    location: Text | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    summary: str = ""
    highlights: tuple[Slug, ...] = ()


class Education(Model):
    institution: Text
    degree: Text | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None


PrivateField = Literal[
    "headline",
    "email",
    "phone",
    "location",
    "links",
    "summary",
    "mobility",
    "languages",
    "skills",
    "experience",
    "education",
]


class Profile(Model):
    name: Text
    headline: Text | None = None
    email: Text | None = None
    phone: Text | None = None
    location: Text | None = None
    links: tuple[Link, ...] = ()
    summary: str = ""
    private: tuple[PrivateField, ...] = ()
    mobility: Mobility | None = None
    languages: tuple[Language, ...] = ()
    skills: tuple[Skill, ...] = ()
    experience: tuple[Position, ...] = ()
    education: tuple[Education, ...] = ()


# --- content/goals/<id>.md --------------------------------------------------------


class Requirement(Model):
    skill: Text | None = None
    credential: Text | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Requirement:
        if (self.skill is None) == (self.credential is None):
            raise ValueError("a requirement names either `skill` or `credential`, not both")
        return self

    @property
    def label(self) -> str:
        return self.skill or self.credential or ""


class Indicator(Model):
    name: Text
    type: Literal["leading", "lagging"]
    unit: str = ""
    baseline: Number | None = None
    target: Number | None = None
    better: Literal["higher", "lower"] = "higher"
    values: dict[PartialDate, Number] = Field(default_factory=dict)


class Milestone(Model):
    title: Text
    due: PartialDate | None = None
    done: PartialDate | None = None
    evidence: tuple[Slug, ...] = ()


class Goal(Model):
    id: Slug
    source: str
    body: str = ""
    title: Text
    kind: Literal["aspiration", "goal"] = "goal"
    horizon: Literal["short", "long"] | None = None
    category: (
        Literal["advancement", "leadership", "education", "personal", "pivot", "mobility"] | None
    ) = None
    serves: Slug | None = None
    framework: Literal["evidence-ladder", "pivot-bridge", "mobility-playbook"] | None = None
    status: Literal["active", "achieved", "paused", "dropped"] = "active"
    visibility: Literal["private", "public"] = "private"
    started: PartialDate | None = None
    due: PartialDate | None = None
    review_every: int = Field(90, gt=0)
    reviewed: PartialDate | None = None
    feedback: tuple[Text, ...] = ()
    mobility: str | None = None
    baseline: str | None = None
    requires: tuple[Requirement, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    milestones: tuple[Milestone, ...] = ()

    @property
    def public(self) -> bool:
        return self.visibility == "public"


# --- content/evidence/<id>.md -----------------------------------------------------

EvidenceKind = Literal[
    "project",
    "achievement",
    "certification",
    "endorsement",
    "talk",
    "publication",
    "course",
    "award",
    "volunteer",
]


class Metric(Model):
    name: Text
    before: Number | None = None
    after: Number
    unit: str = ""
    better: Literal["higher", "lower"] = "higher"


class Endorsement(Model):
    by: Text
    role: Text | None = None
    date: PartialDate | None = None
    quote: Text


class Evidence(Model):
    id: Slug
    source: str
    body: str = ""
    title: Text
    kind: EvidenceKind = "project"
    date: PartialDate | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    organization: Text | None = None
    role: Text | None = None
    summary: str = ""
    goals: tuple[Slug, ...] = ()
    skills: tuple[Text, ...] = ()
    metrics: tuple[Metric, ...] = ()
    endorsements: tuple[Endorsement, ...] = ()
    links: tuple[Link, ...] = ()
    attachments: tuple[Text, ...] = ()
    visibility: Literal["public", "private"] = "public"
    featured: StrictBool = False

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


# --- content/targets/<id>.yaml ----------------------------------------------------

Output = Literal["resume", "evidence-pack", "promotion-case", "pitch"]


class Target(Model):
    id: Slug
    source: str
    title: Text
    organization: Text | None = None
    role: Text | None = None
    location: Text | None = None
    goal: Slug | None = None
    keywords: tuple[Text, ...] = ()
    job: Text | None = None
    paper: Paper | None = None
    language: str | None = Field(None, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    include_private: StrictBool = False
    max_evidence: int = Field(8, gt=0)
    outputs: tuple[Output, ...] = ("resume", "evidence-pack", "promotion-case", "pitch")
    pin: tuple[Slug, ...] = Field(
        (), description="Evidence ids always chosen for this target, whatever their score."
    )
    exclude: tuple[Slug, ...] = Field((), description="Evidence ids never chosen for this target.")

    @property
    def explicit_outputs(self) -> bool:
        """True if the file names its outputs (else the default set is adapted to the goal)."""
        return "outputs" in self.model_fields_set
