"""What one Markdown text may hold (content/limits.py): far more than a career document needs,
far less than what costs minutes in a PDF; each excess located in its file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PROJECTS, REPO, copy_sample, run
from portfolio.content.limits import ELEMENTS, TABLE_CELLS, excesses, most_elements
from portfolio.content.markdown import renderer


def _table(rows: int, columns: int) -> str:
    head = "|" + "".join(f" c{j} |" for j in range(columns)) + "\n"
    rule = "|" + "---|" * columns + "\n"
    return head + rule + "".join("|" + " 1 |" * columns + "\n" for _ in range(rows))


def test_a_table_at_the_limit_passes_and_one_cell_more_does_not() -> None:
    assert excesses(_table(TABLE_CELLS // 10 - 1, 10)) == []  # header row included
    [excess] = excesses("Intro.\n\n" + _table(TABLE_CELLS // 10, 10))
    assert excess.line == 2
    assert f"1,010 cells ({TABLE_CELLS // 10 + 1} rows of 10)" in excess.message


@pytest.mark.slow  # parses a large table
def test_short_rows_count_as_the_cells_they_are_padded_to() -> None:
    """A few KB of `|` lines under a wide header ask for tens of thousands of cells
    (markdown-it stops padding at 65,536, and so the table)."""
    text = "|" + " a |" * 300 + "\n|" + "-|" * 300 + "\n" + "|\n" * 300
    assert len(text) < 2_500
    [excess] = excesses(text)
    assert "65,700 cells (219 rows of 300)" in excess.message


def test_a_text_of_too_many_elements_names_the_line_where_it_goes_over() -> None:
    text = "Intro.\n\n" + "".join(f"- item *{i}*\n" for i in range(ELEMENTS))
    [excess] = excesses(text)
    assert "goes over the limit of 2,000" in excess.message
    # the intro (1), the list (1), then 3 per item: the item, its paragraph, the emphasis
    assert excess.line == 2 + (ELEMENTS - 2) // 3


def test_a_refused_table_is_not_counted_again_as_text() -> None:
    [excess] = excesses(_table(300, 5))
    assert "table" in excess.message


def test_light_texts_are_not_parsed() -> None:
    """Counting marks bounds the elements: most bodies are never parsed twice."""
    for file in sorted((REPO / "content").rglob("*.md")):
        body = file.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        assert (most_elements(body) or ELEMENTS + 1) <= ELEMENTS, file.name
        assert excesses(body) == []


@pytest.mark.parametrize(
    "text",
    ["- - - - a\n" * 40, "> > > a\n" * 60, "*a* _b_ `c` [d](e) ![f](g) ~~h~~ <i>\\\n" * 40,
     "Term\n: def\n\n" * 50, "a[^1] b[^2]\n\n[^1]: x\n[^2]: y\n" * 30, "1. 2) a\n" * 80],
)  # fmt: skip
def test_the_mark_count_never_undercounts(text: str) -> None:
    def elements(tokens: list) -> int:  # type: ignore[type-arg]
        return sum(
            int(t.nesting == 1 or t.type in ("image", "hardbreak", "code_inline", "footnote_ref"))
            + elements(t.children or [])
            for t in tokens
        )

    assert elements(renderer(False).parse(text)) <= (most_elements(text) or 0)


def test_front_matter_markdown_is_held_to_the_same_limits(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "minimal", root)
    table = _table(200, 10).replace("\n", "\n      ")
    (root / "content" / "profile.yaml").write_text(
        "name: Ada Example\nexperience:\n  - organization: Acme\n    title: Engineer\n"
        f"    summary: |\n      {table}\n",
        encoding="utf-8",
    )
    result = run("build", str(root), "--no-pdf")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "content/profile.yaml:5:14: `summary`: this table has 2,010 cells"
    ), result.stderr


def test_the_sample_and_the_fixtures_are_far_within_the_limits(tmp_path: Path) -> None:
    for project in (copy_sample(tmp_path / "sample"), PROJECTS / "minimal", PROJECTS / "audit"):
        assert "the limit is" not in run("check", str(project)).output
