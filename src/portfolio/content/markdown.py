"""The one Markdown renderer: CommonMark plus tables, footnotes and typography.

Content is untrusted, so raw HTML is escaped unless the project sets
`unsafe_html: true`, and every link and image is held to content/links.py's rule: a link that
breaks it is shown as text, never as a link. (Raw HTML let through by `unsafe_html`
is the author's own and is not rewritten; a PDF still drops any link outside the
rule.) Headings are shifted down one level so that a body's `#` sits under the
page's own title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from portfolio.content.links import any_allowed, image_allowed, link_allowed


def _shift_heading(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    level = min(int(token.tag[1]) + 1, 6)
    token.tag = f"h{level}"
    return self.renderToken(tokens, idx, options, env)


def _hold_to_the_rule(state: StateCore) -> None:
    """Each link and image held to its own rule. markdown-it asks one question of
    both (`validateLink`, answered with what either may use, since a reference
    definition does not know which it will serve); here a link to an image-only
    address (`data:image/...`) loses its link, and an image from a link-only address
    (`mailto:`) becomes its alt text."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children = block.children
        refused = False
        for i, token in enumerate(children):
            if token.type == "link_open":
                refused = not link_allowed(str(token.attrGet("href") or ""))
                if refused:
                    children[i] = Token("text", "", 0)
            elif token.type == "link_close" and refused:
                children[i] = Token("text", "", 0)
                refused = False
            elif token.type == "image" and not image_allowed(str(token.attrGet("src") or "")):
                children[i] = Token("text", "", 0, content=token.content)


BLOCKS_KEPT = 256  # bodies remembered (a pack shows some again), not every body of a project


class Markdown:
    """Renders Markdown to safe HTML, remembering what it has rendered."""

    def __init__(self, unsafe_html: bool) -> None:
        self.unsafe_html = unsafe_html
        self._md = (
            MarkdownIt("commonmark", {"html": unsafe_html, "typographer": True})
            .enable(["table", "strikethrough", "replacements", "smartquotes"])
            .use(footnote_plugin)
            .use(deflist_plugin)
        )
        self._md.validateLink = any_allowed  # type: ignore[method-assign]
        self._md.core.ruler.before("text_join", "links_rule", _hold_to_the_rule)
        self._md.add_render_rule("heading_open", _shift_heading)
        self._md.add_render_rule("heading_close", _shift_heading)
        self._cache: dict[str, Markup] = {}
        self._inline: dict[str, Markup] = {}

    def __call__(self, text: Any) -> Markup:
        """Render a block of Markdown (the filter `markdown` in templates)."""
        if not text:
            return Markup("")
        text = str(text)
        html = self._cache.get(text)
        if html is None:
            html = Markup(self._md.render(text))
            if len(self._cache) >= BLOCKS_KEPT:  # a body shows once on the site: keep a few
                self._cache.pop(next(iter(self._cache)))
            self._cache[text] = html
        return html

    def parse(self, text: str) -> list[Token]:
        """The tokens of a block of Markdown, as `__call__` would render them (for the
        limits on what a text may hold, content/limits.py)."""
        return self._md.parse(text)

    def inline(self, text: Any) -> Markup:
        """Render one line of Markdown without a wrapping paragraph."""
        if not text:
            return Markup("")
        text = str(text)
        if text not in self._inline:  # a summary shows on a list, a card and its page
            self._inline[text] = Markup(self._md.renderInline(text))
        return self._inline[text]


_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|cite|code|del|em|i|ins|kbd|mark|q|s|small|span|strong|sub|sup|u)(?:\s[^>]*)?>"
)


def unmarked(html: Any) -> Markup:
    """Rendered Markdown without its inline markup (emphasis, links, code), blocks
    kept: each line one run of text. The resume's PDF prints its prose so, because a
    tracking system's parser joins the words on either side of a bold word without
    their space ("for1.2 million homes"). Only tags are removed: the text stays
    escaped as it was."""
    return Markup(_INLINE_TAG.sub("", str(html)))


@cache
def renderer(unsafe_html: bool) -> Markdown:
    """One renderer per process and setting: building the parser costs more than a page."""
    return Markdown(unsafe_html)
