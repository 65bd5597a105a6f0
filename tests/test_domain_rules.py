"""Domain rules defined once, on the models: the kinds of evidence and their groups."""

from __future__ import annotations

from portfolio.content import kinds
from portfolio.content.language import KIND_LABELS
from portfolio.content.models import Evidence, Requirement
from portfolio.content.schema import schema


def _evidence(kind: str, title: str = "PMP certificate") -> Evidence:
    return Evidence.model_validate({"id": "e", "source": "e.md", "title": title, "kind": kind})


def test_every_kind_has_a_label_and_the_schema_lists_them_in_order() -> None:
    assert tuple(KIND_LABELS) == kinds.EVIDENCE_KINDS
    assert schema("evidence")["properties"]["kind"]["enum"] == list(kinds.EVIDENCE_KINDS)


def test_groups_are_kinds_and_the_resume_sections_do_not_overlap() -> None:
    groups = (kinds.WORK_KINDS, kinds.CERTIFICATE_KINDS, kinds.RECOGNITION_KINDS)
    placed = [k for group in groups for k in group]
    assert len(placed) == len(set(placed))
    assert set(placed) | {"endorsement"} == set(kinds.EVIDENCE_KINDS)
    assert set(kinds.CREDENTIAL_KINDS) <= set(kinds.EVIDENCE_KINDS)


def test_a_credential_is_covered_by_the_credential_kinds_only() -> None:
    pmp = Requirement(credential="PMP")
    covered = {k for k in kinds.EVIDENCE_KINDS if pmp.backed_by(_evidence(k))}
    assert covered == set(kinds.CREDENTIAL_KINDS) == {"certification", "course", "award"}
