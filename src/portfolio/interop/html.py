"""HTML pasted into a JSON Resume, as the Markdown or the plain text of our content.

Resumes written in web editors carry HTML in their summaries and highlights (`<br>`,
`<p>`, `<b>`, `<a href>`, `<ul><li>`, `&amp;`, `&nbsp;`), since the themes that render
them let it through their Markdown. Our prose is Markdown with raw HTML escaped, so an
imported `<br>` would print as itself. `to_markdown` turns what has a Markdown meaning
into Markdown (`<b>` -> `**`, `<a href=x>t</a>` -> `[t](x)`, lists, paragraphs, line
breaks, entities decoded) and leaves out, naming it, what has none (`<script>` and
`<style>` with what they hold, `<img>`, tags such as `<span>`, attributes). `to_inline`
does the same on one line (an evidence's `summary`), and `to_text` gives plain text
(titles, names, positions), keeping the address of each link aside.

A text is read as Markdown that may hold HTML, as those themes read it: its own line
breaks and Markdown stay as written, and a text without a tag or an entity is returned
as it is. Only a complete tag of an HTML element counts as a tag: `a < b`, `<3` and
`List<String>` are text. The standard library's `html.parser` reads the tags; this
module hands it only whole tags and entities (every other `<` and `&` escaped first),
so what it makes of broken HTML does not depend on the Python version.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from portfolio.content.links import LinkRefused, check_address, completed


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The elements of HTML, the obsolete ones still pasted from old editors among them.
# A name in lowercase or in capitals (`<br>`, `<BR>`) is a tag; `<String>` is text.
ELEMENTS = _names(
    """a abbr acronym address area article aside audio b bdi bdo big blockquote body br
    button canvas caption center cite code col colgroup data datalist dd del details dfn
    dialog dir div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4
    h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main
    map mark menu meta meter nav nobr noscript object ol optgroup option output p param
    picture pre progress q rp rt ruby s samp script section select small source span
    strike strong style sub summary sup svg math table tbody td template textarea tfoot
    th thead time title tr track tt u ul var video wbr"""
)
_VOID = _names("area br col embed hr img input link meta param source track wbr")
# Left out with everything they hold: code, styles, forms, media, a document's head.
_DROPPED = _names(
    """script style template head title meta link iframe object embed svg math canvas
    audio video picture form button input select textarea noscript"""
)
_BLOCKS = _names(
    """address article aside blockquote body center details dialog dir div dl dd dt
    fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu
    nav ol p pre section summary table tbody tfoot thead tr ul"""
)
# Blocks read as paragraphs without a word; other blocks keep their text, and are named.
_PLAIN_BLOCKS = _names("p div body html")
_EMPHASIS = {"b": "**", "strong": "**", "i": "*", "em": "*", "s": "~~", "del": "~~",
             "strike": "~~"}  # fmt: skip
_CODE = _names("code tt kbd samp")
_MEANINGFUL = frozenset(
    [*_EMPHASIS, *_CODE, *_PLAIN_BLOCKS, "a", "br", "ul", "ol", "li", "blockquote", "pre",
     "hr", "h1", "h2", "h3", "h4", "h5", "h6"]
)  # fmt: skip
# Named through the element that holds them (`<table>`, `<dl>`), not one by one.
_PARTS = _names("tbody thead tfoot tr td th caption dt dd")
_KEPT_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
_DEEPEST = 64  # elements within elements: deeper ones are read as their text

_ATTRIBUTE = r"""(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*"""
_TAG = re.compile(rf"<(/?)([A-Za-z][A-Za-z0-9]*)(?=[\s/>]){_ATTRIBUTE}>")
_OTHER = re.compile(r"<![A-Za-z][^<>]*>|<\?[^<>]*>")  # `<!DOCTYPE html>`, `<?xml ...?>`
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BREAK = "\x00"  # a <br>, until its paragraph decides what it becomes
# A `<` Markdown would read as HTML, but not an autolink (`<https://x.org>`, `<a@b.org>`).
_OPENS_HTML = re.compile(r"<(?=[A-Za-z/!?])(?![A-Za-z][\w+.-]{1,31}:[^\s<>]*>|[^\s<>@]+@[^\s<>]+>)")
_STARTS_A_BLOCK = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:\s|$)|#{1,6}(?:\s|$)|>|```|~~~")


def _comments(text: str) -> set[int]:
    """Where each whole `<!-- ... -->` starts (found in one pass: a regular expression
    would read to the end of the text from each `<!--` that is never closed)."""
    found, at = set(), text.find("<!--")
    while at != -1 and (end := text.find("-->", at + 4)) != -1:
        found.add(at)
        at = text.find("<!--", end + 3)
    return found


def _tags(text: str) -> set[int]:
    """Where each tag of an HTML element, comment or declaration starts."""
    comments = _comments(text)
    found = set()
    for opening in re.finditer("<", text):
        at = opening.start()
        if match := _TAG.match(text, at):
            name = match.group(2)
            if (name.islower() or name.isupper()) and name.lower() in ELEMENTS:
                found.add(at)
        elif at in comments or _OTHER.match(text, at):
            found.add(at)
    return found


def has_html(text: str) -> bool:
    """Whether `text` holds a tag of an HTML element, a comment or an entity."""
    return bool(_ENTITY.search(text) or _tags(text))


def _escaped_strays(text: str) -> str:
    """Every `<` that does not open a tag and every `&` that does not open an entity,
    escaped: the parser sees text as text, whatever its version makes of broken HTML."""
    text = text.replace(_BREAK, "")
    tags = _tags(text)

    def escape(match: re.Match[str]) -> str:
        at = match.start()
        if match.group() == "<":
            return "<" if at in tags else "&lt;"
        return "&" if _ENTITY.match(text, at) else "&amp;"

    return re.sub(r"[<&]", escape, text)


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    children: list[_Element | str] = field(default_factory=list)


class _Tree(HTMLParser):
    """The elements of a fragment as a tree, closed as a browser would close them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("", {})
        self.open = [self.root]

    def _close(self, tag: str, within: frozenset[str] = frozenset()) -> None:
        """Close the innermost open `tag` unless one of `within` is opened after it."""
        for i in range(len(self.open) - 1, 0, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                return
            if self.open[i].tag in within:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self._close("li", frozenset({"ul", "ol"}))
        if tag in _BLOCKS:
            self._close("p", frozenset({"li", "blockquote", "td", "th", "div"}))
        if len(self.open) > _DEEPEST:
            return
        element = _Element(tag, {k: v or "" for k, v in attrs})
        self.open[-1].children.append(element)
        if tag not in _VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # `<br/>`; `<b/>` opens a `<b>`, as in a browser

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # `</br>`, which browsers read as `<br>`
            self.handle_starttag("br", [])
        self._close(tag)

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


@dataclass
class Converted:
    """A text made from HTML, what it left out, and (plain text) its links aside."""

    text: str
    dropped: list[str] = field(default_factory=list)  # "<img>", "the style attribute"...
    links: list[tuple[str, str]] = field(default_factory=list)  # (its words, its address)


class _Writer:
    """Writes a tree as Markdown (`blocks`) or on one line (`line`), noting what it
    leaves out."""

    def __init__(self, markup: bool) -> None:
        self.markup = markup  # Markdown's inline markup, or plain text
        self.dropped: dict[str, None] = {}
        self.links: list[tuple[str, str]] = []
        self.marks: list[str] = []  # the emphasis the text is inside of

    def note(self, what: str) -> None:
        self.dropped.setdefault(what, None)

    def visit(self, element: _Element) -> bool:
        """Note what of the element is left out; False if all of it is."""
        if element.tag in _DROPPED:
            self.note(f"<{element.tag}> and what it holds")
            return False
        if element.tag == "img":
            alt = element.attrs.get("alt", "").strip()
            self.note(f"<img> (an image{f' of “{alt}”' if alt else ''})")
            return False
        for name in element.attrs if self.markup else ():
            if name not in _KEPT_ATTRIBUTES.get(element.tag, ()):
                self.note(f"the `{name}` attribute")
        if self.markup and element.tag not in (*_MEANINGFUL, *_PARTS):
            self.note(f"<{element.tag}>")
        return True

    # Inline: one run of text, with _BREAK for each <br>.

    def inline(self, nodes: list[_Element | str]) -> str:
        return "".join(self.phrase(node) for node in nodes)

    def phrase(self, node: _Element | str) -> str:
        if isinstance(node, str):
            return self.words(node)
        if not self.visit(node):
            return ""
        tag = node.tag
        if tag == "br":
            return _BREAK
        if tag == "a":
            return self.link(node)
        if tag in _CODE:
            return self.code(_text_of(node))
        if tag in _EMPHASIS and self.markup and _EMPHASIS[tag] not in self.marks:
            self.marks.append(_EMPHASIS[tag])
            inner = self.inline(node.children)
            self.marks.pop()
            return _wrapped(inner, _EMPHASIS[tag])
        if tag in ("ul", "ol", "dir", "menu"):  # on one line: `one; two; three`
            items = [" ".join(self.phrase(c).split()) for c in node.children]
            joined = ""
            for item in filter(None, items):
                joined += "; " if joined and joined[-1] not in ".;:,!?" else " "
                joined += item
            return f" {joined} "
        inner = self.inline(node.children)
        if tag in _BLOCKS or tag in ("td", "th"):
            return f" {inner} "
        return inner

    def words(self, text: str) -> str:
        text = text.replace("\xa0", " ")
        if self.markup:  # a `<` that would open HTML in Markdown, as text
            text = _OPENS_HTML.sub(r"\\<", text)
        return text

    def code(self, text: str) -> str:
        text = " ".join(text.replace(_BREAK, " ").split())
        if not self.markup or not text:
            return text
        fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
        pad = " " if text.startswith("`") or text.endswith("`") else ""
        return f"{fence}{pad}{text}{pad}{fence}"

    def link(self, element: _Element) -> str:
        words = self.inline(element.children)
        href = element.attrs.get("href", "").strip()
        if not href:
            return words
        try:
            address = check_address(completed(href))
        except LinkRefused:
            self.note(f"the link to `{href}` (not a whole web, mail or phone address)")
            return words
        address = re.sub(r"[\s()<>]", lambda m: f"%{ord(m.group()):02X}", address)
        label = " ".join(words.replace(_BREAK, " ").split())
        if not self.markup:
            self.links.append((label, address))
            return words
        label = re.sub(r"([\[\]])", r"\\\1", label)
        return f"[{label or address}]({address})"

    def line(self, nodes: list[_Element | str]) -> str:
        return " ".join(self.inline(nodes).replace(_BREAK, " ").split())

    # Blocks: Markdown paragraphs, lists, headings, quotes, code.

    def blocks(self, nodes: list[_Element | str]) -> list[str]:
        found: list[str] = []
        run: list[_Element | str] = []

        def flush() -> None:
            if paragraph := _paragraph(self.inline(run)):
                found.append(paragraph)
            run.clear()

        for node in nodes:
            if isinstance(node, str) or node.tag not in _BLOCKS:
                run.append(node)
                continue
            flush()
            if self.visit(node):
                found += self.block(node)
        flush()
        return found

    def block(self, element: _Element) -> list[str]:
        tag = element.tag
        if tag in ("ul", "ol", "li", "dir", "menu"):
            items: list[_Element | str] = element.children if tag != "li" else [element]
            return [self.listing(items, tag == "ol", element.attrs.get("start", ""))]
        if tag[0] == "h" and tag[1:].isdigit():
            heading = self.line(element.children)
            return [f"{'#' * int(tag[1])} {heading}"] if heading else []
        if tag == "blockquote":
            inner = "\n\n".join(self.blocks(element.children))
            return [_prefixed(inner, "> ", ">")] if inner else []
        if tag == "pre":
            text = _text_of(element).strip("\n").replace(_BREAK, "\n")
            fence = "`" * max([3, *(len(r) + 1 for r in re.findall("`{3,}", text))])
            return [f"{fence}\n{text}\n{fence}"] if text.strip() else []
        if tag == "hr":
            return ["***"]
        if tag == "tr":  # a row of a table, one line
            cells = [self.line([c]) for c in element.children if isinstance(c, _Element)]
            line = " · ".join(c for c in cells if c)
            return [line] if line else []
        return self.blocks(element.children)

    def listing(self, nodes: list[_Element | str], ordered: bool, start: str) -> str:
        number = int(start) if start.isdigit() and len(start) < 9 else 1
        items: list[list[str]] = []
        for node in nodes:
            if isinstance(node, _Element) and node.tag == "li":
                if self.visit(node):
                    items.append(self.blocks(node.children))
            elif isinstance(node, _Element) and node.tag in ("ul", "ol") and items:
                if self.visit(node):  # a list put straight into a list: its last item's
                    items[-1] += self.block(node)
            elif isinstance(node, str) and not node.strip():
                continue
            else:
                items.append(self.blocks([node]))
        lines = []
        for item in (i for i in items if i):
            marker = f"{number}. " if ordered else "- "
            number += 1
            body = item[0]
            for before, block in itertools.pairwise(item):
                nested = bool(re.match(r"(?:-|\d+\.) ", block)) and "\n\n" not in before
                body += ("\n" if nested else "\n\n") + block
            lines.append(marker + _prefixed(body, " " * len(marker), "", first=False))
        return "\n".join(lines)


def _text_of(element: _Element) -> str:
    """The text an element holds, tags and all left out (code, a preformatted block)."""
    return "".join(
        c if isinstance(c, str) else (_BREAK if c.tag == "br" else _text_of(c))
        for c in element.children
        if isinstance(c, str) or c.tag not in _DROPPED
    )


def _wrapped(inner: str, mark: str) -> str:
    """`**bold**`, its spaces and breaks outside the marks (`** x **` is no emphasis)."""
    edges = f" \t\n{_BREAK}"
    core = inner.strip(edges)
    if not core:
        return inner
    start = inner[: len(inner) - len(inner.lstrip(edges))]
    end = inner[len(inner.rstrip(edges)) :]
    return f"{start}{mark}{core}{mark}{end}"


def _prefixed(text: str, prefix: str, blank: str, first: bool = True) -> str:
    lines = text.split("\n")
    return "\n".join(
        line if i == 0 and not first else (prefix + line if line else blank)
        for i, line in enumerate(lines)
    )


def _paragraph(text: str) -> str:
    """A run of inline Markdown as paragraphs: spaces collapsed, a blank line or two
    <br> a new paragraph, one <br> a hard line break (`\\` at the line's end), or a plain
    one before a line that starts a list, a heading or a quote."""
    parts = re.split(f"(\n|{_BREAK})", re.sub(r"[ \t]+", " ", text))
    out: list[str] = []
    breaks, blank = 0, False
    for i in range(0, len(parts), 2):
        line = parts[i].strip()
        separator = parts[i + 1] if i + 1 < len(parts) else ""
        if line:
            if out:
                if breaks >= 2 or blank:
                    out.append("\n\n")
                elif breaks == 1 and not _STARTS_A_BLOCK.match(line):
                    out.append("\\\n")
                else:
                    out.append("\n")
            out.append(line)
            breaks, blank = 0, False
        elif i > 0 and parts[i - 1] == "\n" and separator == "\n":
            blank = True
        if separator == _BREAK:
            breaks += 1
    return "".join(out)


def _tree(text: str) -> _Element:
    parser = _Tree()
    parser.feed(_escaped_strays(text))
    parser.close()
    return parser.root


def to_markdown(text: str) -> Converted:
    """Markdown blocks: a profile's or a position's summary, an evidence's body."""
    if not has_html(text):
        return Converted(text.strip())
    writer = _Writer(markup=True)
    markdown = "\n\n".join(writer.blocks(_tree(text).children))
    return Converted(markdown, list(writer.dropped))


def to_inline(text: str) -> Converted:
    """One line of Markdown: an evidence's `summary`, a bullet of its body."""
    if not has_html(text):
        return Converted(text.strip())
    writer = _Writer(markup=True)
    return Converted(writer.line(_tree(text).children), list(writer.dropped))


def to_text(text: str) -> Converted:
    """Plain text on one line: a title, a name, a position; the links' addresses aside."""
    if not has_html(text):
        return Converted(text.strip())
    writer = _Writer(markup=False)
    line = writer.line(_tree(text).children)
    return Converted(line, list(writer.dropped), writer.links)
