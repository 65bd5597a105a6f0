"""The resume's PDF prints its prose without inline markup (`unmarked`): a tracking
system's parser joins the words on either side of a bold word without their space.
The layout around it (title and organisation apart, headings in capitals, skills as a
bulleted list, the footer's name drawn first on each page) is held by the golden HTML
and scored on the PDF by `../shared/tools/ats/`, outside the suite: it fetches from npm."""

from __future__ import annotations

from markupsafe import Markup

from portfolio.content.markdown import renderer, unmarked


def test_unmarked_drops_inline_tags_and_keeps_blocks_and_escapes() -> None:
    md = renderer(False)
    html = md(
        "Pipelines for **1.2 million homes**, see [the post](https://x.example/) & `code`.\n\nTwo."
    )
    out = unmarked(html)
    assert isinstance(out, Markup)
    assert out == "<p>Pipelines for 1.2 million homes, see the post &amp; code.</p>\n<p>Two.</p>\n"


def test_unmarked_does_not_unescape_what_was_escaped() -> None:
    out = unmarked(renderer(False)("a <strong>b</strong> **c**"))
    assert "&lt;strong&gt;b&lt;/strong&gt;" in out and "<strong>" not in out
