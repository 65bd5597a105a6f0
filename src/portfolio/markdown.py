"""The one Markdown renderer: CommonMark plus tables, footnotes and typography.

Content is untrusted, so raw HTML is escaped unless the project sets
`unsafe_html: true`, and markdown-it's link validation refuses `javascript:`,
`vbscript:`, `file:` and non-image `data:` URLs. Headings are shifted down one level
so that a body's `#` sits under the page's own title.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin


def _shift_heading(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    level = min(int(token.tag[1]) + 1, 6)
    token.tag = f"h{level}"
    return self.renderToken(tokens, idx, options, env)


BLOCKS_KEPT = 256  # bodies remembered (a pack shows some again); 10,000 would be 40 MB


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

    def inline(self, text: Any) -> Markup:
        """Render one line of Markdown without a wrapping paragraph."""
        if not text:
            return Markup("")
        text = str(text)
        if text not in self._inline:  # a summary shows on a list, a card and its page
            self._inline[text] = Markup(self._md.renderInline(text))
        return self._inline[text]


@cache
def renderer(unsafe_html: bool) -> Markdown:
    """One renderer per process and setting: building the parser costs more than a page."""
    return Markdown(unsafe_html)
