"""What to make from the content: the site (`portfolio.yaml`) and the targets
(`content/targets/<id>.yaml`), each one private pack.

Settings of the outputs rather than facts about the person, so they sit apart from the
content models (content/models.py, content/profile.py); the same frozen `Model` base.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, get_args

from pydantic import AfterValidator, Field, StrictBool, WithJsonSchema, field_validator

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
# paste into a form, and Markdown; `cover-letter` the letter's page and PDF,
# `cover-letter-docx` and `cover-letter-text` the letter as Word and plain text
# (all added in version 1).
Output = Literal[
    "resume",
    "resume-docx",
    "resume-text",
    "resume-markdown",
    "evidence-pack",
    "promotion-case",
    "pitch",
    "cover-letter",
    "cover-letter-docx",
    "cover-letter-text",
]


# Without `outputs`, a pack makes all but the cover letter, which is made only when named.
DEFAULT_OUTPUTS: tuple[Output, ...] = tuple(
    o for o in get_args(Output) if not o.startswith("cover-letter")
)


class Contact(Model):
    """Who a cover letter is addressed to: the recipient block and the salutation."""

    name: Text | None = Field(
        None, description="The person the letter goes to.", examples=["Maartje de Vries"]
    )
    title: Text | None = Field(
        None, description="Their job title, under their name.", examples=["Head of Forecasting"]
    )
    greet_as: Literal["ms", "mr", "full-name"] = Field(
        "full-name",
        description="How the salutation names them: `ms` (Dear Ms de Vries, Sehr geehrte "
        "Frau de Vries), `mr` (Dear Mr de Vries, Sehr geehrter Herr de Vries) or "
        "`full-name` (Dear Maartje de Vries, Guten Tag Maartje de Vries).",
        examples=["ms"],
    )
    surname: Text | None = Field(
        None,
        description="The name after Ms or Mr; defaults to `name` without its first word.",
        examples=["de Vries"],
    )
    address: tuple[Text, ...] = Field(
        (),
        description="Lines of the postal address, under the organization.",
        examples=[["Keizersgracht 123", "1015 CJ Amsterdam", "Netherlands"]],
    )

    @property
    def family_name(self) -> str:
        """The name a salutation uses after Ms or Mr."""
        if self.surname:
            return self.surname
        words = (self.name or "").split(maxsplit=1)
        return words[-1] if words else ""


class Letter(Model):
    """`letter:` of a target: what the cover letter says in the person's own words. Each
    paragraph given replaces the one the letter would make from the content."""

    MARKDOWN: ClassVar[tuple[str, ...]] = ("opening", "evidence", "plan", "closing")

    place: Text | None = Field(
        None,
        description="Where the letter is written, in the date line of languages that "
        "name it (German: `Lisbon, 30. November 2026`); defaults to the first part of the "
        "profile's `location`.",
        examples=["Lisbon"],
    )
    date: PartialDate | None = Field(
        None, description="The letter's date; defaults to today.", examples=["2026-11-30"]
    )
    subject: Text | None = Field(
        None,
        description="The subject line; defaults to the application for the role.",
        examples=["Application: Senior ML Platform Engineer (ref. 2026-117)"],
    )
    salutation: Text | None = Field(
        None,
        description="The salutation; defaults to one that names `contact` (Dear Ms de Vries,) "
        "or to the language's for nobody named (Dear Hiring Manager,).",
        examples=["Dear members of the promotion committee,"],
    )
    opening: Text | None = Field(
        None, description="Markdown: the first paragraph, what you apply for and who you are."
    )
    evidence: Text | None = Field(
        None, description="Markdown: the evidence, the results you have delivered."
    )
    plan: Text | None = Field(
        None,
        description="Markdown: the plan, where you are going and what you will do in the role.",
    )
    closing: Text | None = Field(None, description="Markdown: the last paragraph.")
    sign_off: Text | None = Field(
        None,
        description="The closing formula; defaults to the language's (Yours sincerely, Kind "
        "regards, Mit freundlichen Grüßen).",
        examples=["Best regards,"],
    )

    @field_validator("date")
    @classmethod
    def _a_day(cls, value: PartialDate | None) -> PartialDate | None:
        if value is not None and not value.day:
            raise ValueError(
                f"a letter is dated to the day: `{value.iso()}` is not one; write YYYY-MM-DD"
            )
        return value


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
        DEFAULT_OUTPUTS,
        description="What the pack makes: the tailored resume (page and PDF) and its "
        "Word, plain-text and Markdown files, the evidence pack, the promotion case, "
        "the pitch; the cover letter (page and PDF, Word, text) only when named.",
        examples=[["resume", "resume-docx", "resume-text", "evidence-pack", "pitch"]],
    )

    @field_validator("outputs")
    @classmethod
    def _letter_formats_need_the_letter(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in ("cover-letter-docx", "cover-letter-text"):
            if name in value and "cover-letter" not in value:
                raise ValueError(
                    f"`{name}` is the cover letter in another format: add `cover-letter` "
                    "to `outputs` too"
                )
        return value

    contact: Contact | None = Field(None, description="Who the cover letter is addressed to.")
    letter: Letter | None = Field(
        None, description="The cover letter's date, subject and paragraphs in your own words."
    )
    pin: tuple[Slug, ...] = Field(
        (), description="Evidence ids always chosen for this target, whatever their score."
    )
    exclude: tuple[Slug, ...] = Field((), description="Evidence ids never chosen for this target.")

    @property
    def explicit_outputs(self) -> bool:
        """True if the file names its outputs (else the default set is adapted to the goal)."""
        return "outputs" in self.model_fields_set
