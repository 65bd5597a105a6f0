"""Themes: a project overrides a shipped theme template by template; Jinja escapes;
raw HTML in Markdown is escaped unless the project opts in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PROJECTS, run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "minimal", root)
    return root


def _build(root: Path) -> Path:
    result = run("build", str(root), "--no-pdf")
    assert result.exit_code == 0, result.output
    return root / "site"


def test_a_project_template_overrides_only_that_template(project: Path) -> None:
    templates = project / "themes" / "classic" / "templates"
    templates.mkdir(parents=True)
    (templates / "home.html").write_text(
        '{% extends "layout.html" %}{% block content %}<p>MY OWN HOME</p>{% endblock %}',
        encoding="utf-8",
    )
    site = _build(project)
    assert "MY OWN HOME" in (site / "index.html").read_text(encoding="utf-8")
    resume = (site / "resume" / "index.html").read_text(encoding="utf-8")
    assert "MY OWN HOME" not in resume and "Ada Example" in resume


def test_a_project_static_file_wins_and_the_rest_are_kept(project: Path) -> None:
    static = project / "themes" / "classic" / "static"
    static.mkdir(parents=True)
    (static / "style.css").write_text("/* mine */", encoding="utf-8")
    site = _build(project)
    assert (site / "assets" / "style.css").read_text(encoding="utf-8") == "/* mine */"
    assert (site / "assets" / "print.css").is_file()


def test_a_new_theme_extends_a_shipped_one(project: Path) -> None:
    theme = project / "themes" / "mine"
    (theme / "static").mkdir(parents=True)
    (theme / "theme.yaml").write_text("extends: classic\n", encoding="utf-8")
    (theme / "static" / "extra.css").write_text("/* extra */", encoding="utf-8")
    config = project / "portfolio.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "theme: mine\n", encoding="utf-8")
    site = _build(project)
    assert (site / "assets" / "extra.css").is_file()
    classic_css = Path(__file__).resolve().parents[1] / "themes" / "classic" / "static"
    assert (site / "assets" / "style.css").read_bytes() == (classic_css / "style.css").read_bytes()


def test_raw_html_in_markdown_is_escaped_by_default(project: Path) -> None:
    ev = project / "content" / "evidence" / "launch.md"
    ev.write_text(
        "---\ntitle: <b>Bold</b> launch\nsummary: <i>x</i>\n---\n"
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
        "[click](javascript:alert(1))\n",
        encoding="utf-8",
    )
    page = (_build(project) / "evidence" / "launch" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="javascript:' not in page
    assert "&lt;b&gt;Bold&lt;/b&gt; launch" in page


def test_unsafe_html_lets_raw_html_through(project: Path) -> None:
    config = project / "portfolio.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "unsafe_html: true\n", encoding="utf-8")
    ev = project / "content" / "evidence" / "launch.md"
    ev.write_text('---\ntitle: Launch\n---\n<aside class="note">Kept</aside>\n', encoding="utf-8")
    page = (_build(project) / "evidence" / "launch" / "index.html").read_text(encoding="utf-8")
    assert '<aside class="note">Kept</aside>' in page


def test_markdown_headings_sit_below_the_page_title(project: Path) -> None:
    goal = project / "content" / "goals" / "lead-team.md"
    goal.write_text(
        "---\ntitle: Lead\nvisibility: public\n---\n# Why\n\n## Plan\n", encoding="utf-8"
    )
    page = (_build(project) / "goals" / "lead-team" / "index.html").read_text(encoding="utf-8")
    assert "<h2>Why</h2>" in page and "<h3>Plan</h3>" in page
    assert page.count("<h1") == 1


def test_a_broken_theme_template_is_reported_with_its_line(project: Path) -> None:
    templates = project / "themes" / "classic" / "templates"
    templates.mkdir(parents=True)
    (templates / "home.html").write_text(
        '{% extends "layout.html" %}\n{% block content %}\n{{ no_such_thing.title }}\n'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    result = run("build", str(project), "--no-pdf")
    assert result.exit_code == 1
    assert "home.html:3: 'no_such_thing' is undefined" in result.stderr
    (templates / "home.html").write_text("{% if %}", encoding="utf-8")
    result = run("build", str(project), "--no-pdf")
    assert result.exit_code == 1 and "home.html:1:" in result.stderr
    assert "Traceback" not in result.output
