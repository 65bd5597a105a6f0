"""The assembled portfolio and the renderer's shared context cannot change once made:
assigning into any of their mappings raises, and they still pickle and fingerprint
as the build cache needs."""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from conftest import REPO
from portfolio.build import load
from portfolio.cache.fingerprint import Fingerprints
from portfolio.content.frozen import FrozenDict
from portfolio.content.markdown import Markdown
from portfolio.content.portfolio import Portfolio, pack_view, public_view
from portfolio.packs.pack import build_pack
from portfolio.packs.pages import _pack_renderer
from portfolio.site.render import Renderer

CHANGES: list[Callable[[Any], object]] = [
    lambda m: m.__setitem__("new", 1),
    lambda m: m.__delitem__(next(iter(m))),
    lambda m: m.update(new=1),
    lambda m: m.setdefault("new", 1),
    lambda m: m.pop(next(iter(m))),
    lambda m: m.popitem(),
    lambda m: m.clear(),
    lambda m: m.__ior__({"new": 1}),
]


@pytest.fixture(scope="module")
def sample() -> tuple[Portfolio, Any]:
    return load(REPO)


def _mappings(p: Portfolio) -> dict[str, Mapping[Any, Any]]:
    found = {
        f.name: getattr(p, f.name)
        for f in dataclasses.fields(p)
        if isinstance(getattr(p, f.name), Mapping)
    }
    found["config.theme_options"] = p.config.theme_options
    values = [ind.values for g in p.goals.values() for ind in g.indicators if ind.values]
    found["indicator values"] = values[0]
    return found


def _assert_frozen(mapping: Mapping[Any, Any]) -> None:
    before = dict(mapping)
    for change in CHANGES:
        if not mapping and change is not CHANGES[0]:
            continue
        with pytest.raises(TypeError, match="cannot be changed"):
            change(mapping)
    assert dict(mapping) == before


def test_every_mapping_of_the_portfolio_refuses_changes(sample: tuple[Portfolio, Any]) -> None:
    full, _ = sample
    target = next(t for t in full.targets.values() if t.job)
    for p in (full, public_view(full), pack_view(full, target)):
        mappings = _mappings(p)
        assert {"goals", "evidence", "targets", "jobs", "docs"} <= set(mappings)
        for name, mapping in mappings.items():
            assert isinstance(mapping, FrozenDict), name
            _assert_frozen(mapping)


def test_a_job_description_is_frozen_all_the_way_down(sample: tuple[Portfolio, Any]) -> None:
    full, _ = sample
    job = next(iter(full.jobs.values()))
    _assert_frozen(job)
    lists = [v for v in job.values() if isinstance(v, tuple)]
    assert lists, "the sample's job description has lists: they become tuples"
    nested = [x for v in lists for x in v if isinstance(x, Mapping)]
    for inner in nested:
        _assert_frozen(inner)


def test_frozen_dicts_pickle_and_fingerprint_as_the_dicts_they_were(
    sample: tuple[Portfolio, Any],
) -> None:
    full, _ = sample
    again = pickle.loads(pickle.dumps(full, protocol=5))
    assert type(again.goals) is FrozenDict
    assert again.goals == full.goals
    assert again.jobs == full.jobs
    kinds = {"a": 1}
    data: dict[str, object] = {"title": "x", "kinds": kinds, "n": (1, 2)}
    frozen = FrozenDict({**data, "kinds": FrozenDict(kinds)})
    assert Fingerprints().of(frozen) == Fingerprints().of(data)


def test_the_shared_context_is_complete_and_frozen_once_made(
    sample: tuple[Portfolio, Any],
) -> None:
    full, theme = sample
    md = Markdown(False)
    site = Renderer(public_view(full), theme, md, has_pdf=False).site
    assert site["has_pdf"] is False
    for name in ("kinds", "severities", "options"):
        _assert_frozen(site[name])
    _assert_frozen(site)
    target = next(iter(full.targets.values()))
    pack = build_pack(full, target)
    r = _pack_renderer(pack, theme, md, with_pdf=True)
    assert r.site["title"] == f"{full.profile.name}: {target.title}"
    assert (r.site["language"], r.site["paper"], r.site["has_pdf"]) == (
        pack.language,
        pack.paper,
        True,
    )
    assert list(r.site) == list(site)  # the same keys, in the same order
    _assert_frozen(r.site)
