"""HTML pasted into a JSON Resume: made Markdown in prose, plain text in a title; what has
no Markdown meaning named; text with a `<` that opens no tag kept as written."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portfolio.content.markdown import renderer
from portfolio.interop.html import has_html, to_inline, to_markdown, to_text


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("One<br>two<br/>three<BR />four", "One\\\ntwo\\\nthree\\\nfour"),
        ("One<br><br>two", "One\n\ntwo"),  # two breaks: a new paragraph
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<div>One</div><div>Two</div>", "One\n\nTwo"),
        ("<b>Led</b> a <strong>team</strong>, <i>fast</i> <em>too</em>",
         "**Led** a **team**, *fast* *too*"),
        ("<b> spaced </b>out", "**spaced** out"),  # `** spaced **` is no emphasis
        ("<b>bold <i>and <b>more</b></i></b>", "**bold *and more***"),
        ('<a href="https://x.org/a b">the post</a>', "[the post](https://x.org/a%20b)"),
        ('<a href="x.org">x</a>', "[x](https://x.org)"),  # completed, as a `url` is
        ('<a href="mailto:a@b.org">mail</a>', "[mail](mailto:a@b.org)"),
        ('<a href="https://x.org">[1] ref</a>', "[\\[1\\] ref](https://x.org)"),
        ("<ul><li>One</li><li>Two</li></ul>", "- One\n- Two"),
        ("<ol><li>One<li>Two</ol>", "1. One\n2. Two"),
        ('<ol start="3"><li>c</li></ol>', "3. c"),
        ("<ul><li>One<ul><li>Inner</li></ul></li><li>Two</li></ul>", "- One\n  - Inner\n- Two"),
        ("Did:<ul><li>X</li></ul>Then", "Did:\n\n- X\n\nThen"),
        ("Tasks:<br>- did X<br>- did Y", "Tasks:\n- did X\n- did Y"),  # a list, no `\`
        ("&amp; &lt;tag&gt; &#39;q&#39; &#x263A; a&nbsp;b", "& \\<tag> 'q' ☺ a b"),
        ("<h3>Title</h3>text", "### Title\n\ntext"),
        ("<blockquote>said<br>so</blockquote>", "> said\\\n> so"),
        ("<pre>a\n  b</pre>", "```\na\n  b\n```"),
        ("<p>Use <code>x`y</code></p>", "Use ``x`y``"),
        ("<P>Old <B>HTML</B></P>", "Old **HTML**"),
        ("<p>a < b and <b>I <3 it</b></p>", "a < b and **I <3 it**"),
        ("Markdown **kept** and <br> <https://auto.link>", "Markdown **kept** and\\\n<https://auto.link>"),
        ("<p>unclosed <b>bold<li>stray</p></i>", "unclosed **bold**\n\n- stray"),  # as a browser
    ],
)  # fmt: skip
def test_html_becomes_markdown(html: str, markdown: str) -> None:
    converted = to_markdown(html)
    assert converted.text == markdown
    assert converted.dropped == []


@pytest.mark.parametrize(
    "text",
    ["a < b", "I <3 it", "List<String> and Map<K, V>", "R&D, AT&T & Q&A", "x &c", "<>", "a<b",
     "Vec<u8>", "**Markdown** as written\n\n- a list", "Tom & Jerry &amp"],
)  # fmt: skip
def test_text_without_html_is_kept_as_written(text: str) -> None:
    assert not has_html(text)
    assert to_markdown(text).text == text
    assert to_inline(text).text == text
    assert to_text(text).text == text


def test_what_has_no_markdown_meaning_is_left_out_and_named() -> None:
    converted = to_markdown(
        "<p style='margin:0'>Hi <span class=x>there</span><script>alert(1)</script>"
        "<style>p{}</style><img src=me.png alt=Me><u>under</u></p>"
        '<a href="javascript:alert(1)">click</a> <a href="/about">about</a>'
    )
    assert converted.text == "Hi thereunder\n\nclick about"
    assert converted.dropped == [
        "the `style` attribute",
        "the `class` attribute",
        "<span>",
        "<script> and what it holds",
        "<style> and what it holds",
        "<img> (an image of “Me”)",
        "<u>",
        "the link to `javascript:alert(1)` (not a whole web, mail or phone address)",
        "the link to `/about` (not a whole web, mail or phone address)",
    ]


def test_a_single_line_field_gets_plain_text_and_its_links_aside() -> None:
    converted = to_text(
        'Built <a href="https://github.com/x/tool">a <b>tool</b></a><br>used by 3&nbsp;teams'
        "<script>x()</script>"
    )
    assert converted.text == "Built a tool used by 3 teams"
    assert converted.links == [("a tool", "https://github.com/x/tool")]
    assert converted.dropped == ["<script> and what it holds"]  # tags are no loss here
    listed = to_text("<ul><li>Python</li><li>Go.</li><li>Rust</li></ul>")
    assert listed.text == "Python; Go. Rust"
    assert to_inline("A <b>tool</b><br>for <i>data</i>").text == "A **tool** for *data*"


def test_the_markdown_renders_as_the_html_meant() -> None:
    md = renderer(False)
    html = md(
        to_markdown(
            "<p>Engineer with <b>10 years</b> &amp; more.<br>Based in Berlin.</p>"
            "<ul><li>Wrote <a href='https://x.org/p'>the post</a></li><li><i>Fast</i></li></ul>"
        ).text
    )
    assert html == (
        "<p>Engineer with <strong>10 years</strong> &amp; more.<br />\nBased in Berlin.</p>\n"
        '<ul>\n<li>Wrote <a href="https://x.org/p">the post</a></li>\n<li><em>Fast</em></li>\n'
        "</ul>\n"
    )
    escaped = to_markdown("<b>x</b> &lt;br&gt; y").text  # the author's `<br>`, as text
    assert str(md(escaped)) == "<p><strong>x</strong> &lt;br&gt; y</p>\n"


def test_broken_or_hostile_html_gives_text_and_no_traceback() -> None:
    deep = "<b>" * 10_000 + "deep" + "</b>" * 10_000
    assert to_markdown(deep).text == "**deep**"
    assert to_text("<div>" * 10_000 + "x").text == "x"
    assert to_markdown("<a href='https://x.org'>no end").text == "[no end](https://x.org)"
    assert to_markdown("<p>a <b").text == "a \\<b"  # an unfinished tag is text
    assert to_markdown("</p></b>text<!-- note --><!DOCTYPE html>").text == "text"
    assert to_text("\x00<b>x</b>").text == "x"


NAMES = ["p", "br", "b", "i", "ul", "li", "ol", "span", "script", "h2", "blockquote", "pre", "div"]
TAGS = [*(f"<{n}>" for n in NAMES), *(f"</{n}>" for n in NAMES), "<br/>", "<img src=x>",
        '<a href="https://x.org">', "</a>", "&amp;", "&nbsp;", "&#39;"]  # fmt: skip
TAG = "(?:" + "|".join([*NAMES, "a", "img"]) + r")\b"
WORDS = ["one", "two", " ", "\n", "a < b", "<3", "*", "#", "-", "1.", "`", "[x]"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TAGS + WORDS), max_size=40))
def test_no_tag_reaches_the_page(parts: list[str]) -> None:
    """Whatever mix of tags and text, the Markdown renders with no tag shown as text,
    and the plain text holds none."""
    html = "".join(parts)
    leaked = re.compile(f"&lt;/?{TAG}")
    assert not leaked.search(renderer(False)(to_markdown(html).text))
    assert not leaked.search(str(renderer(False).inline(to_inline(html).text)))
    text = to_text(html).text
    assert not re.search(f"</?{TAG}", text)
    assert "\n" not in text or not has_html(html)  # a text without HTML is as written
