"""What to make from the content: the site (`portfolio.yaml`) and the targets
(`content/targets/<id>.yaml`), each one private pack.

Settings of the outputs rather than facts about the person, so they sit apart from the
content models (content/models.py, content/profile.py); the same frozen `Model` base.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StrictBool, WithJsonSchema

from portfolio.content.dates import PartialDate
from portfolio.content.frozen import FrozenDict
from portfolio.content.language import check_language
from portfolio.content.models import Model, Slug, Text

# --- portfolio.yaml ---------------------------------------------------------------

# A BCP 47 tag whose language Babel has CLDR data for (content/language.py checks it and
# spells it as usual: `pt_BR` -> `pt-BR`). The schema holds an editor to the BCP 47
# spelling, `pt-BR`, and checks the form only.
Language = Annotated[
    str,
    AfterValidator(check_language),
    WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"}),
]

Paper = Literal["A4", "Letter"]
# Read-only once validated, as every mapping of the assembled portfolio (content/frozen.py).
ThemeOptions = Annotated[dict[str, str | bool | int | float], AfterValidator(FrozenDict)]
PDF_VARIANTS = (
    "pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/a-4u", "pdf/a-1a",
    "pdf/a-2a", "pdf/a-3a", "pdf/a-4e", "pdf/a-4f", "pdf/ua-1", "pdf/ua-2",
)  # fmt: skip


class SiteConfig(Model):
    """`portfolio.yaml`: every key has a default, so the file is optional."""

    title: Text | None = Field(
        None, description="Site title; defaults to the profile's name.", examples=["Ada Lovelace"]
    )
    base_url: str = Field(
        "/",
        description="Where the site is served.",
        examples=["https://ada.github.io/portfolio/"],
        pattern=r"^(https?://[^\s/]+)?/[^\s]*$",
    )
    theme: Slug = Field(
        "classic", description="A theme in themes/ or shipped with portfolio.", examples=["classic"]
    )
    language: Language = Field(
        "en",
        description="BCP 47 language tag: dates and theme strings.",
        examples=["en", "de"],
    )
    paper: Paper = Field("A4", description="Paper size of the PDFs.", examples=["Letter"])
    today: PartialDate | None = Field(
        None,
        description="The date 'overdue' is measured against; fix it for reproducible builds.",
        examples=["2026-11-22"],
    )
    unsafe_html: StrictBool = Field(
        False,
        description="Let raw HTML in Markdown through (content is untrusted).",
        examples=[False],
    )
    cname: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$",
        description="Custom domain, written to site/CNAME.",
        examples=["ada.example.com"],
    )
    theme_options: ThemeOptions = Field(
        default_factory=FrozenDict,
        description="Values for the options the theme declares in its theme.yaml.",
        examples=[{"color_scheme": "dark", "accent": "#7a3b00", "audit_notes": False}],
    )
    pdf_variant: Literal[PDF_VARIANTS] | None = Field(  # type: ignore[valid-type]
        None, description="WeasyPrint PDF variant for every PDF.", examples=["pdf/a-3u"]
    )


# --- content/targets/<id>.yaml ----------------------------------------------------

# What a pack makes: `resume` is the tailored resume's page and PDF; `resume-docx`,
# `resume-text` and `resume-markdown` the same resume as a Word file, plain text to
# paste into a form, and Markdown (added in version 1).
Output = Literal[
    "resume",
    "resume-docx",
    "resume-text",
    "resume-markdown",
    "evidence-pack",
    "promotion-case",
    "pitch",
]


class Target(Model):
    """`content/targets/<id>.yaml`: one application or promotion round, and its pack."""

    id: Slug
    source: str
    title: Text = Field(description="What it is.", examples=["Senior Product Manager at Globex"])
    organization: Text | None = Field(None, description="The employer.", examples=["Globex"])
    role: Text | None = Field(None, description="The role.", examples=["Senior Product Manager"])
    location: Text | None = Field(None, description="Where the role is.", examples=["Berlin, DE"])
    goal: Slug | None = Field(
        None, description="The goal this application serves.", examples=["lead-team-of-six"]
    )
    keywords: tuple[Text, ...] = Field(
        (),
        description="What the role asks for: evidence backing them ranks higher.",
        examples=[["payments", "roadmapping", "B2B"]],
    )
    job: Text | None = Field(
        None,
        description="A JSON Resume job description, relative to this file.",
        examples=["globex-job.json"],
    )
    paper: Paper | None = Field(None, description="Paper size of this pack's PDFs.")
    language: Language | None = Field(
        None,
        description="BCP 47 language of this pack.",
        examples=["de"],
    )
    include_private: StrictBool = Field(
        False, description="May private evidence go into this pack?", examples=[True]
    )
    max_evidence: int = Field(8, gt=0, description="How many evidence items to choose.")
    outputs: tuple[Output, ...] = Field(
        (
            "resume",
            "resume-docx",
            "resume-text",
            "resume-markdown",
            "evidence-pack",
            "promotion-case",
            "pitch",
        ),
        description="What the pack makes: the tailored resume (page and PDF) and its "
        "Word, plain-text and Markdown files, the evidence pack, the promotion case, "
        "the pitch.",
        examples=[["resume", "resume-docx", "resume-text", "evidence-pack", "pitch"]],
    )
    pin: tuple[Slug, ...] = Field(
        (), description="Evidence ids always chosen for this target, whatever their score."
    )
    exclude: tuple[Slug, ...] = Field((), description="Evidence ids never chosen for this target.")

    @property
    def explicit_outputs(self) -> bool:
        """True if the file names its outputs (else the default set is adapted to the goal)."""
        return "outputs" in self.model_fields_set
