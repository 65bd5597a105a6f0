"""`content/profile.yaml` as frozen models: who the person is, as the resume shows it.

No I/O here, as in content/models.py, whose `Model` base and field types these share.
"""

from __future__ import annotations

from typing import ClassVar, Literal, get_args

from pydantic import Field, StrictBool

from portfolio.content.dates import PartialDate
from portfolio.content.models import Link, Model, Slug, Text, Url


class Mobility(Model):
    """How the person's plans involve place: read by the audit and the pitch."""

    open_to_relocation: StrictBool = Field(
        False, description="Would you move for the right role?", examples=[True]
    )
    regions: tuple[Text, ...] = Field(
        (), description="Where you would live and work.", examples=[["Germany", "Netherlands"]]
    )
    work_authorization: tuple[Text, ...] = Field(
        (), description="Where you may work without sponsorship.", examples=[["EU"]]
    )
    remote: Literal["onsite", "hybrid", "remote"] | None = Field(
        None, description="How you want to work.", examples=["hybrid"]
    )


class Language(Model):
    name: Text = Field(description="A language you speak.", examples=["German"])
    level: Text | None = Field(None, description="How well.", examples=["B1", "native"])


class Skill(Model):
    name: Text = Field(description="A skill area.", examples=["Product strategy"])
    level: Text | None = Field(None, description="How good you are.", examples=["expert"])
    keywords: tuple[Text, ...] = Field(
        (), description="Tools and methods within it.", examples=[["roadmapping", "discovery"]]
    )


class Interest(Model):
    name: Text = Field(description="Something you care about outside work.", examples=["Cycling"])
    keywords: tuple[Text, ...] = Field((), description="Details.", examples=[["gravel", "touring"]])


class Position(Model):
    MARKDOWN: ClassVar[tuple[str, ...]] = ("summary",)

    organization: Text = Field(description="The employer.", examples=["Acme Payments"])
    title: Text = Field(description="Your job title.", examples=["Product Manager"])
    location: Text | None = Field(None, description="Where.", examples=["London"])
    description: Text | None = Field(
        None, description="What the employer does, in a line.", examples=["B2B payments, 400 staff"]
    )
    url: Url | None = Field(None, description="The employer's website.")
    start: PartialDate | None = Field(None, description="When you started.", examples=["2021-03"])
    end: PartialDate | None = Field(
        None, description="When you left; empty for your current position.", examples=[None]
    )
    summary: str = Field("", description="Markdown: what the job is about.")
    highlights: tuple[Slug, ...] = Field(
        (),
        description="Evidence ids shown under this position on the resume, in order.",
        examples=[["payments-migration"]],
    )


class Education(Model):
    institution: Text = Field(
        description="School or university.", examples=["University of London"]
    )
    degree: Text | None = Field(None, description="The degree or qualification.", examples=["BSc"])
    area: Text | None = Field(None, description="Field of study.", examples=["Mathematics"])
    start: PartialDate | None = Field(None, description="Start date.", examples=["2012-09"])
    end: PartialDate | None = Field(None, description="End date.", examples=["2015-06"])
    score: Text | None = Field(None, description="Grade or GPA.", examples=["First class"])
    courses: tuple[Text, ...] = Field((), description="Notable courses.", examples=[["Statistics"]])
    url: Url | None = Field(None, description="The institution's website.")


SectionName = Literal[
    "summary",
    "experience",
    "projects",
    "volunteering",
    "education",
    "certifications",
    "awards",
    "publications",
    "talks",
    "skills",
    "languages",
    "interests",
    "references",
]
# The resume's sections, in the order they take unless `resume.sections` says otherwise.
SECTIONS: tuple[SectionName, ...] = get_args(SectionName)


class ResumeLayout(Model):
    """`resume:` in the profile: which sections the resume shows, in what order."""

    sections: tuple[SectionName, ...] = Field(
        (),
        description="The order of the resume's sections; those not named follow in the "
        "usual order. A section with nothing in it is never shown.",
        examples=[["summary", "education", "projects", "experience", "skills"]],
    )
    hide: tuple[SectionName, ...] = Field(
        (), description="Sections the resume leaves out.", examples=[["interests"]]
    )
    order: tuple[Slug, ...] = Field(
        (),
        description="Evidence ids in the order they take within their section (projects, "
        "volunteering, awards...); the rest follow, newest first.",
        examples=[["thesis-app", "bike-map"]],
    )
    limit: int = Field(
        50,
        gt=0,
        description="At most this many entries in each section of evidence (projects, "
        "volunteering, certifications, awards, publications, talks): those in `order` "
        "first, then the newest; the resume says how many more the site lists.",
        examples=[80],
    )
    references: Literal["none", "on-request", "list"] = Field(
        "none",
        description="What the References section says: nothing, that references are "
        "available on request, or the endorsements you have, with their words.",
        examples=["on-request"],
    )


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
    "interests",
    "experience",
    "education",
]


class Profile(Model):
    """`content/profile.yaml`: who the person is."""

    MARKDOWN: ClassVar[tuple[str, ...]] = ("summary",)

    name: Text = Field(description="Your name, as on the resume.", examples=["Ada Lovelace"])
    headline: Text | None = Field(
        None, description="What you do, in a few words.", examples=["Senior Product Manager"]
    )
    email: Text | None = Field(None, description="Email address.", examples=["ada@example.com"])
    phone: Text | None = Field(None, description="Phone number.", examples=["+44 20 7946 0000"])
    location: Text | None = Field(None, description="City and country.", examples=["London, UK"])
    links: tuple[Link, ...] = Field(
        (),
        description="Your website and profiles.",
        examples=[[{"label": "GitHub", "url": "https://github.com/ada"}]],
    )
    summary: str = Field("", description="Markdown: two or three sentences about you.")
    private: tuple[PrivateField, ...] = Field(
        (),
        description="Profile fields that never reach the public site (they may reach packs).",
        examples=[["phone"]],
    )
    mobility: Mobility | None = Field(None, description="How your plans involve place.")
    languages: tuple[Language, ...] = Field((), description="Languages you speak.")
    skills: tuple[Skill, ...] = Field((), description="Your skills, grouped.")
    interests: tuple[Interest, ...] = Field((), description="Interests outside work.")
    experience: tuple[Position, ...] = Field((), description="Positions, in any order.")
    education: tuple[Education, ...] = Field((), description="Degrees and schools.")
    resume: ResumeLayout = Field(
        ResumeLayout(), description="Which sections the resume shows, in what order."
    )
