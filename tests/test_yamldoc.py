"""The YAML reader: YAML 1.2 scalars, duplicate keys, positions, no aliases."""

from __future__ import annotations

from portfolio.content.dates import PartialDate
from portfolio.content.yamldoc import parse_yaml


def test_only_true_and_false_are_booleans() -> None:
    doc, problems = parse_yaml("a: yes\nb: no\nc: on\nd: true\ne: False\nf: 'true'\n", "x.yaml")
    assert not problems
    assert doc.data == {"a": "yes", "b": "no", "c": "on", "d": True, "e": False, "f": "true"}


def test_dates_stay_text_for_the_models() -> None:
    doc, _ = parse_yaml("due: 2027-01-31\nstart: 2021-03\nyear: 2012\n", "x.yaml")
    assert doc.data == {"due": "2027-01-31", "start": "2021-03", "year": 2012}
    assert PartialDate.parse(doc.data["start"]) == PartialDate(2021, 3)


def test_duplicate_key_names_both_lines() -> None:
    _, problems = parse_yaml("title: A\nkind: goal\ntitle: B\n", "g.md", line_offset=1)
    assert [(p.line, p.column, p.message) for p in problems] == [
        (4, 1, "duplicate key `title`: also on line 2")
    ]


def test_positions_point_at_keys_and_values() -> None:
    doc, _ = parse_yaml("metrics:\n  - name: x\n    after: 3\n", "e.md", line_offset=1)
    assert doc.where(("metrics", 0, "after")) == (4, 12)
    assert doc.where(("metrics", 0, "after"), key=True) == (4, 5)
    assert doc.where(("metrics", 0, "missing")) == (3, 5)


def test_aliases_are_refused_so_a_billion_laughs_cannot_explode() -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    _, problems = parse_yaml(bomb, "x.yaml")
    assert problems and "aliases" in problems[0].message


def test_python_tags_are_refused() -> None:
    _, problems = parse_yaml("a: !!python/object:os.system x\n", "x.yaml")
    assert problems and "tag" in problems[0].message


def test_syntax_error_is_located() -> None:
    _, problems = parse_yaml("title: a: b\n", "x.yaml", line_offset=1)
    assert (problems[0].line, problems[0].column) == (2, 9)
