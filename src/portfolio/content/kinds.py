"""The kinds of evidence, and which of them count as what: defined here once.

The model's `kind` field, its JSON Schema, the command line's choices, the labels the
pages show (content/language.py), the resume's sections and a requirement's coverage
all read these, so a new kind is added in one place and a test checks that it has a
label. Plain typing only, no pydantic: the command line reads the kinds without paying
for the models.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

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
EVIDENCE_KINDS: Final[tuple[EvidenceKind, ...]] = get_args(EvidenceKind)

# Work done: it may stand under a position on the resume (else under its projects),
# and it is what a promotion case offers as a stretch project.
WORK_KINDS: Final[tuple[EvidenceKind, ...]] = ("project", "achievement", "volunteer")
# The resume's certifications.
CERTIFICATE_KINDS: Final[tuple[EvidenceKind, ...]] = ("certification", "course")
# The resume's awards, talks and publications.
RECOGNITION_KINDS: Final[tuple[EvidenceKind, ...]] = ("award", "talk", "publication")
# What covers a goal's `credential:` requirement when its title names it (FORMAT.md):
# the certificates, and awards too. An endorsement is in no group: it is not a line
# of the resume, its words show on its page and in the packs.
CREDENTIAL_KINDS: Final[tuple[EvidenceKind, ...]] = (*CERTIFICATE_KINDS, "award")
