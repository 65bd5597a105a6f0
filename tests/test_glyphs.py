"""A character no installed font draws is a warning with its file and line
(content/glyphs.py), never a silent box; characters that need no glyph are not."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from conftest import PROJECTS
from portfolio.content.glyphs import installed, needs_glyph, unprintable
from portfolio.content.read import load_project

PUA = "\ue000"  # private use: no standard font has it

needs_fontconfig = pytest.mark.skipif(installed() is None, reason="fontconfig is not installed")


def _minimal(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "minimal", root)
    return root


def test_characters_that_draw_nothing_need_no_glyph() -> None:
    for char in (
        " ",
        "\u00a0",
        "\t",
        "\u200d",
        "\u200c",
        "\u200f",
        "\ufe0f",
        "\u00ad",
        "\U000e0067",
    ):
        assert not needs_glyph(char), f"U+{ord(char):04X}"
    for char in ("a", "ê", "Ж", "ف", "中", "😀", PUA):
        assert needs_glyph(char), f"U+{ord(char):04X}"


@needs_fontconfig
def test_the_installed_fonts_draw_latin_but_not_private_use() -> None:
    coverage = installed()
    assert coverage is not None
    assert "a" in coverage and "ê" in coverage
    assert PUA not in coverage


@needs_fontconfig
def test_a_missing_glyph_is_a_warning_with_its_file_line_and_code_point(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    root = _minimal(tmp_path)
    profile = root / "content" / "profile.yaml"
    profile.write_text(
        "name: Ada Example\n# a comment may say anything: \ue001\nheadline: Product Manager\n"
        f"summary: |\n  Ships calmly.\n  Loves {PUA} and \u200d joiners.\n",
        encoding="utf-8",
    )
    evidence = root / "content" / "evidence" / "launch.md"
    evidence.write_text(evidence.read_text(encoding="utf-8") + f"\n\nThen {PUA} again.\n")
    result = cli("build", str(root), "--no-pdf")
    assert result.exit_code == 0, result.output
    said = result.output
    assert (
        f"content/profile.yaml:6:9: warning: no installed font has U+E000 ({PUA}); "
        "it prints as a box"
    ) in said
    assert "content/evidence/launch.md:9:6: warning: no installed font has U+E000" in said
    assert "private-use character" in said  # the hint says what to do
    assert "U+E001" not in said  # a comment is not printed
    assert "U+200D" not in said  # a joiner needs no glyph
    again = cli("build", str(root), "--no-pdf")  # up to date: the warning is said again
    assert "content/profile.yaml:6:9: warning" in again.output


@needs_fontconfig
def test_text_every_font_has_is_not_reported(tmp_path: Path) -> None:
    root = _minimal(tmp_path)
    (root / "content" / "profile.yaml").write_text(
        "name: Inês Ελληνικά Русский فارسی עברית 中文 日本語 한국어 😀\nheadline: PM\n",
        encoding="utf-8",
    )
    sources, problems = load_project(root)
    assert not problems
    assert unprintable(root, sources) == []


def test_a_build_without_pdfs_checks_glyphs_without_importing_weasyprint(tmp_path: Path) -> None:
    root = _minimal(tmp_path)
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from portfolio.build import build\nfrom portfolio.options import BuildOptions\n"
        f"build(BuildOptions.of(Path({str(root)!r}), pdf=False), warnings=[])\n"
        "assert 'weasyprint' not in sys.modules, 'weasyprint was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
