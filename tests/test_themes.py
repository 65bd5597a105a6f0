"""Themes: a project overrides a shipped theme template by template; Jinja escapes;
raw HTML in Markdown is escaped unless the project opts in."""

from __future__ import annotations

import re
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


SHIPPED = Path(__file__).resolve().parents[1] / "themes"


def _sheet(theme: str, name: str = "style.css") -> str:
    return (SHIPPED / theme / "static" / name).read_text(encoding="utf-8").rstrip("\n")


def test_a_project_static_file_wins_but_its_stylesheet_is_added(project: Path) -> None:
    """A favicon (or a font) replaces the shipped one; a stylesheet is added after the
    shipped theme's, which is added after base's."""
    static = project / "themes" / "classic" / "static"
    static.mkdir(parents=True)
    (static / "style.css").write_text("/* mine */\n", encoding="utf-8")
    (static / "favicon.svg").write_text("<svg/>", encoding="utf-8")
    site = _build(project)
    css = (site / "assets" / "style.css").read_text(encoding="utf-8")
    assert css.endswith("/* ==== themes/classic/static/style.css ==== */\n/* mine */\n")
    assert css.index(_sheet("base")) < css.index(_sheet("classic")) < css.index("/* mine */")
    assert (site / "assets" / "favicon.svg").read_text(encoding="utf-8") == "<svg/>"
    assert (site / "assets" / "print.css").is_file()


def test_a_project_copy_of_a_shipped_theme_cascades_once(project: Path) -> None:
    """A project holding copies of the shipped base and classic (as this repository's
    sample does, built with the package installed) publishes each sheet once."""
    for name in ("base", "classic"):
        shutil.copytree(SHIPPED / name, project / "themes" / name)
    css = (_build(project) / "assets" / "style.css").read_text(encoding="utf-8")
    assert css.count(_sheet("base")) == 1 and css.count(_sheet("classic")) == 1


def test_a_new_theme_extends_a_shipped_one(project: Path) -> None:
    theme = project / "themes" / "mine"
    (theme / "static").mkdir(parents=True)
    (theme / "theme.yaml").write_text("extends: classic\n", encoding="utf-8")
    (theme / "static" / "extra.css").write_text("/* extra */", encoding="utf-8")
    config = project / "portfolio.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "theme: mine\n", encoding="utf-8")
    site = _build(project)
    assert (site / "assets" / "extra.css").read_text(encoding="utf-8") == "/* extra */"
    assert (site / "assets" / "style.css").read_text(encoding="utf-8") == (
        "/* ==== themes/base/static/style.css, shipped ==== */\n"
        + _sheet("base")
        + "\n\n/* ==== themes/classic/static/style.css, shipped ==== */\n"
        + _sheet("classic")
        + "\n"
    )


def test_a_theme_of_one_small_stylesheet(project: Path) -> None:
    """A theme of one's own can be a few lines on top of classic: the published
    stylesheet is base's rules, then classic's, then the theme's, in that order, and
    the pages link that one file."""
    theme = project / "themes" / "mine"
    (theme / "static").mkdir(parents=True)
    (theme / "theme.yaml").write_text("extends: classic\n", encoding="utf-8")
    mine = ':root { --accent: #8a1c4a; --font-serif: "Iowan Old Style", Georgia, serif; }\n'
    (theme / "static" / "style.css").write_text(mine, encoding="utf-8")
    _config(project, "theme: mine\n")
    site = _build(project)
    css = (site / "assets" / "style.css").read_text(encoding="utf-8")
    heads = [line for line in css.splitlines() if line.startswith("/* ==== ")]
    assert heads == [
        "/* ==== themes/base/static/style.css, shipped ==== */",
        "/* ==== themes/classic/static/style.css, shipped ==== */",
        "/* ==== themes/mine/static/style.css ==== */",
    ]
    assert css.index(_sheet("base")) < css.index(_sheet("classic")) < css.index(mine)
    assert css.endswith(mine)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('rel="stylesheet"') == 1 and 'href="assets/style.css"' in home
    for name in ("print.css", "pack.css"):  # the theme has none: base's and classic's
        printed = (site / "assets" / name).read_text(encoding="utf-8")
        assert printed.index(_sheet("base", name)) < printed.index(_sheet("classic", name))


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


@pytest.mark.parametrize(
    ("expression", "error"),
    [
        ("1 // 0", "ZeroDivisionError: integer division or modulo by zero"),
        ("'a' + 1", 'TypeError: can only concatenate str (not "int") to str'),
        ("{}.pop('x')", "KeyError: 'x'"),
        ("'a'.index('b')", "ValueError: substring not found"),
        ("'%d' % 'x'", "TypeError: %d format: a real number is required, not str"),
        ("'x' | date", "AttributeError: 'str' object has no attribute 'month'"),
        ("profile | tojson", "TypeError: Object of type Profile is not JSON serializable"),
        ("'x' * 10**12", "MemoryError"),
    ],
)
def test_a_theme_that_fails_as_it_runs_is_reported_with_its_line(
    project: Path, expression: str, error: str
) -> None:
    """A theme is trusted code, but may be buggy: whatever its template raises, the
    user is told which template, which line, and what went wrong, not a traceback."""
    templates = project / "themes" / "classic" / "templates"
    templates.mkdir(parents=True)
    (templates / "home.html").write_text(
        f'{{% extends "layout.html" %}}\n{{% block content %}}\n{{{{ {expression} }}}}\n'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    result = run("build", str(project), "--no-pdf")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: "), result.stderr
    # A filter of ours that the template handed a wrong value says where it raised, so
    # that a reader can tell the theme's mistake from a bug of ours.
    ours = r" \(raised in portfolio/content/language\.py:\d+\)" if "date" in expression else ""
    said = rf"home\.html:3: the template failed: {re.escape(error)}{ours}\nnothing was written\.\n"
    assert re.search(said, result.stderr), result.stderr
    assert not (project / "site").exists()


def test_a_runtime_error_names_the_template_it_happened_in(project: Path) -> None:
    """In a macro of another file, in a pack's template, or in a macro that calls itself."""
    templates = project / "themes" / "classic" / "templates"
    (templates / "pack").mkdir(parents=True)
    (templates / "home.html").write_text(
        '{% extends "layout.html" %}{% import "boom.html" as b %}'
        "{% block content %}{{ b.boom() }}{% endblock %}",
        encoding="utf-8",
    )
    (templates / "boom.html").write_text("{% macro boom() %}\n{{ 1 / 0 }}{% endmacro %}")
    result = run("build", str(project), "--no-pdf")
    assert "boom.html:2: the template failed: ZeroDivisionError: division by zero" in result.stderr
    (templates / "boom.html").write_text("{% macro boom() %}{{ boom() }}{% endmacro %}")
    result = run("build", str(project), "--no-pdf")
    assert "boom.html:1: the template failed: RecursionError" in result.stderr
    (templates / "home.html").unlink()
    (templates / "pack" / "pitch.html").write_text("{{ [1].pop(5) }}")
    (project / "content" / "targets").mkdir()
    (project / "content" / "targets" / "job.yaml").write_text("title: A job\ngoal: lead-team\n")
    result = run("build", str(project), "--no-pdf")
    assert result.exit_code == 1
    assert "pack/pitch.html:1: the template failed: IndexError: pop index out of range" in (
        result.stderr
    )
    assert "Traceback" not in result.output


def _config(project: Path, text: str) -> None:
    (project / "portfolio.yaml").write_text("today: 2026-06-01\n" + text, encoding="utf-8")


def test_theme_options_reach_the_pages(project: Path) -> None:
    _config(project, "theme_options:\n  color_scheme: dark\n  accent: '#7a3b00'\n")
    home = (_build(project) / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en" data-color-scheme="dark">' in home
    assert '<meta name="color-scheme" content="dark">' in home
    assert "--accent: #7a3b00;" in home


def test_the_default_follows_the_reader_s_system(project: Path) -> None:
    home = (_build(project) / "index.html").read_text(encoding="utf-8")
    assert "data-color-scheme" not in home
    assert '<meta name="color-scheme" content="light dark">' in home
    css = (project / "site" / "assets" / "style.css").read_text(encoding="utf-8")
    assert "color-scheme: light dark;" in css and '[data-color-scheme="dark"]' in css


@pytest.mark.parametrize("theme", ["base", "classic", "ledger"])
@pytest.mark.parametrize("name", ["style.css", "print.css", "pack.css"])
def test_no_stylesheet_holds_words(theme: str, name: str) -> None:
    """Text a stylesheet adds (a bookmark's label, a unit after a number) would stay
    English in a German pack: it comes from the page's translated text instead
    (`attr(data-title)`, `attr(data-unit)`)."""
    values = re.findall(r"(?:content|bookmark-label|string-set)\s*:([^;{}]*)", _sheet(theme, name))
    words = [
        text for v in values for text in re.findall(r'"([^"]*)"', v) if re.search(r"[^\W\d_]", text)
    ]
    assert words == []


@pytest.mark.parametrize("theme", ["base", "classic", "ledger"])
def test_each_colour_is_written_once_with_its_dark_value(theme: str) -> None:
    """No second palette for the dark: every colour token of a theme's style.css is
    stated once, `light-dark(light, dark)`, outside print (which is always light; the
    browser tests check the colours the pages get). An `@supports` block may give a
    better formula for a colour where the browser has it (ledger's dark accent)."""
    css = re.sub(r"@media print \{.*", "", _sheet(theme), flags=re.S)
    css = re.sub(r"@supports [^{]*\{\s*:root \{[^}]*\}\s*\}", "", css)
    assert "prefers-color-scheme" not in css
    tokens = re.findall(r"^\s*(--[\w-]+):", css, flags=re.M)
    assert len(tokens) == len(set(tokens)), sorted(t for t in tokens if tokens.count(t) > 1)
    assert re.search(r"--bg: light-dark\(", css) and re.search(r"--ink: light-dark\(", css)


def test_audit_notes_can_be_switched_off(project: Path) -> None:
    goal = project / "content" / "goals" / "lead-team.md"
    assert "Notes from the goal audit" in (
        _build(project) / "goals" / "lead-team" / "index.html"
    ).read_text(encoding="utf-8")
    _config(project, "theme_options: {audit_notes: false}\n")
    page = (_build(project) / "goals" / "lead-team" / "index.html").read_text(encoding="utf-8")
    assert "Notes from the goal audit" not in page
    assert goal.is_file()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("{colour_scheme: dark}", "portfolio.yaml:3:17: theme `classic` has no option "
         "`colour_scheme`\n    hint: did you mean `color_scheme`?"),
        ("{color_scheme: night}", "portfolio.yaml:3:31: theme option `color_scheme`: `night` "
         "is not one of the choices\n    hint: use one of: `auto`, `light`, `dark`"),
        ("{audit_notes: 'no'}", "portfolio.yaml:3:30: theme option `audit_notes`: `no` is not "
         "true or false\n    hint: write `true` or `false`"),
        ("{accent: blue}", "portfolio.yaml:3:25: theme option `accent`: `blue` is not in the "
         "expected form"),
    ],
)  # fmt: skip
def test_a_wrong_theme_option_is_a_located_error(project: Path, options: str, message: str) -> None:
    _config(project, f"# options\ntheme_options: {options}\n")
    result = run("build", str(project), "--no-pdf")
    assert result.exit_code == 1
    assert result.stderr.startswith(message), result.stderr


def test_a_child_theme_inherits_options_and_changes_a_default(project: Path) -> None:
    theme = project / "themes" / "mine"
    theme.mkdir(parents=True)
    (theme / "theme.yaml").write_text(
        "extends: classic\noptions:\n  color_scheme: light\n  compact: {default: false}\n",
        encoding="utf-8",
    )
    _config(project, "theme: mine\ntheme_options: {compact: true}\n")
    home = (_build(project) / "index.html").read_text(encoding="utf-8")
    assert 'data-color-scheme="light"' in home


def test_the_sandbox_remembers_verdicts_without_weakening_them() -> None:
    """The sandbox's verdict per (type, attribute) is remembered for speed; an unsafe
    attribute stays refused on every access, and `str.format` stays sandboxed."""
    import jinja2
    from jinja2.exceptions import SecurityError

    from portfolio.site.themes import Sandbox

    env = Sandbox(undefined=jinja2.StrictUndefined)

    def helper() -> None: ...

    safe = env.from_string("{{ x.real }} {{ x.real }}")
    assert safe.render(x=3) == "3 3"
    unsafe = env.from_string("{{ f.__globals__ }}")
    for _ in range(2):
        with pytest.raises(SecurityError):
            unsafe.render(f=helper)
    fmt = env.from_string("{{ s.format(f) }}")
    with pytest.raises(SecurityError):
        fmt.render(s="{0.__globals__}", f=helper)
    assert env.from_string("{{ s.format(1) }}").render(s="n={0}") == "n=1"
