"""Page keys (cache/fingerprint.py): equal values give equal keys in any process,
whatever its hash seed; a changed field gives another key; a model's body counts
only where asked; and a value that cannot be pickled is never taken as unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from portfolio.cache.fingerprint import Fingerprints
from portfolio.content.config import Target
from portfolio.content.models import Evidence, Goal
from portfolio.content.views import MetricView

HANG = 300  # seconds: a guard against a hang (conftest's; not imported, so that the
# processes below, which import this module, start without the command line)


def key(value: Any, bodyless: bool = False) -> str:
    """The key a fresh build (a new `Fingerprints`) gives `value`."""
    return Fingerprints().key(value, bodyless=bodyless)


def evidence(**changes: Any) -> Evidence:
    fields: dict[str, Any] = {
        "id": "migration",
        "source": "content/evidence/migration.md",
        "body": "We moved every merchant.",
        "title": "Led the payments migration",
        "date": "2025-06",
        "skills": ("payments", "stakeholder management"),
        "metrics": ({"name": "Failures", "before": 4.1, "after": 1.2, "better": "lower"},),
    }
    return Evidence(**(fields | changes))


def values() -> dict[str, Any]:
    """Values like the ones pages are made from, made afresh on each call (and in
    another process, by the test below)."""
    ev = evidence()
    goal = Goal(
        id="lead",
        source="content/goals/lead.md",
        title="Lead a team",
        milestones=({"title": "Pilot", "evidence": ("migration",)},),
        indicators=({"name": "Hires", "type": "lagging", "values": {"2025-01": 1}},),
    )
    target = Target(id="job", source="t.yaml", title="A role", keywords=("payments", "b2b"))
    return {
        "evidence": ev,
        "goal": goal,
        "target": target,
        "view": MetricView.of(ev.metrics[0]),
        "context": {"evidence": ev, "items": (ev, goal), "title": "Work", "n": 3, "x": 1.5},
        "atoms": ("text", b"bytes", 7, 7.0, True, None),
    }


def keys() -> dict[str, list[str]]:
    return {name: [key(v), key(v, bodyless=True)] for name, v in values().items()}


def test_equal_values_made_apart_give_equal_keys() -> None:
    assert keys() == keys()
    assert key(evidence()) == key(evidence())


def test_the_order_fields_were_given_in_does_not_matter() -> None:
    ev = evidence()
    fields = ev.model_dump()
    backwards = Evidence(**dict(reversed(list(fields.items()))))
    assert key(backwards) == key(Evidence(**fields))


def test_a_field_given_differs_from_the_same_value_by_default() -> None:
    """`Target.explicit_outputs` reads which fields were given: a page can differ."""
    given = Target(id="job", source="t.yaml", title="A role", max_evidence=8)
    default = Target(id="job", source="t.yaml", title="A role")
    assert given == default
    assert key(given) != key(default)


@dataclass(frozen=True)
class Pair:
    first: str
    second: str


def test_equal_strings_count_the_same_whether_one_object_or_two() -> None:
    """A pickle's memo writes a string met twice as a back-reference: the key must
    not depend on whether two equal strings are one object."""
    one = "payments " * 3
    other = "".join(["payments "] * 3)
    assert one == other and one is not other
    assert key(Pair(one, one)) == key(Pair(one, other))
    assert key(evidence(title=one, summary=one)) == key(evidence(title=one, summary=other))


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Led the payments migration!"},
        {"date": "2025-07"},
        {"skills": ("payments",)},
        {"skills": ("stakeholder management", "payments")},  # order is content
        {"metrics": ({"name": "Failures", "before": 4.1, "after": 1.3, "better": "lower"},)},
        {"featured": True},
        {"visibility": "private"},
    ],
)
def test_a_changed_field_changes_the_key_with_bodies_or_without(change: dict[str, Any]) -> None:
    assert key(evidence(**change)) != key(evidence())
    assert key(evidence(**change), bodyless=True) != key(evidence(), bodyless=True)


def test_a_changed_body_changes_only_the_key_that_counts_bodies() -> None:
    edited = evidence(body="We moved every merchant, in a week.")
    assert key(edited) != key(evidence())
    assert key(edited, bodyless=True) == key(evidence(), bodyless=True)
    nested = {"items": (evidence(),)}
    assert key({"items": (edited,)}) != key(nested)
    assert key({"items": (edited,)}, bodyless=True) == key(nested, bodyless=True)


def test_values_of_different_types_never_share_a_key() -> None:
    found = [key(v) for v in (1, 1.0, True, "1", b"1", None, "None", [1], (1,), {1: 1})]
    assert len(set(found)) == len(found)
    prints = Fingerprints()
    assert prints.key("a", "b") != prints.key("ab") != prints.key(("a", "b"))


def test_a_list_is_read_again_each_time_it_is_asked_for() -> None:
    """Lists are mutable, so never remembered within a build."""
    prints = Fingerprints()
    items = ["a"]
    first = prints.key(items)
    items.append("b")
    assert prints.key(items) != first


@dataclass(frozen=True)
class WithSet:
    ids: frozenset[str]


SET = WithSet(frozenset("abcdefghij"))


@pytest.fixture(scope="module")
def elsewhere() -> dict[str, Any]:
    """What `keys()` and the key of `SET` are in processes with string hash seeds 1
    and 2 (each build is a process of its own, with its own seed)."""
    script = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); "
        "from test_fingerprint import SET, key, keys; "
        "print(json.dumps({'keys': keys(), 'set': key(SET)}))"
    )
    found = {}
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", script, str(Path(__file__).parent)],
            capture_output=True, text=True, timeout=HANG, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        found[seed] = json.loads(done.stdout)
    return found


def test_equal_values_give_equal_keys_in_processes_with_other_hash_seeds(
    elsewhere: dict[str, Any],
) -> None:
    """A key that depended on the seed (a pydantic model's set of fields given is a
    set) would never match the previous build's."""
    here = keys()
    for seed, found in elsewhere.items():
        assert found["keys"] == here, f"PYTHONHASHSEED={seed}"


@dataclass(frozen=True)
class Holder:
    """A view holding something that cannot be pickled (a function made for one page)."""

    name: str
    call: Callable[[], str]


def test_a_value_that_cannot_be_pickled_is_never_taken_as_unchanged() -> None:
    def local() -> str:
        return "made for one page"

    for value in (Holder("page", lambda: "x"), Holder("page", local), {"view": Holder("p", local)}):
        assert key(value) != key(value)  # two builds: made again every time
        prints = Fingerprints()  # within one build, the same object keeps its key
        assert prints.key(value) == prints.key(value)


def test_a_set_gives_the_same_key_in_processes_with_other_hash_seeds(
    elsewhere: dict[str, Any],
) -> None:
    assert elsewhere["1"]["set"] == elsewhere["2"]["set"]
