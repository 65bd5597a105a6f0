"""A document as a Word file (DOCX), made with python-docx from its own blank template.

What Word and the tracking systems that read Word files expect: one column of real
paragraphs in real Word styles, nothing laid out with a table, a text box, a frame or
a header; the reading order is the order of the paragraphs.

    Heading 1          the person's name            (Heading(level=1))
    Subtitle           the headline under it        (Paragraph role `lead`)
    Contact            the contact line, on a rule  (Paragraph role `contact`)
    Heading 2          a section, in capitals       (Heading(level=2))
    Heading 3          an entry's title, its date on a right tab stop
    Entry              an entry's second line, or a dated item, on the same tab stop
    Normal, Note       prose; smaller, muted prose
    Letter Text        a letter's paragraph, a line's space after it  (role `letter`)
    Signature          the name under the room to sign             (role `signature`)
    List Bullet        a bullet
    Entry Date, Strong, Hyperlink   character styles: the date, bold words, a link

Capitals are the style's (`caps`), not the text's, so the words read back as written.
The theme's fonts and accent (`Look`) are the styles' and the Word theme's (Word
shows them as "(Headings)" and "(Body)" in its font list); Word embeds no font, so a
reader without the theme's fonts sees Word's substitute. The paper is the document's
(A4 or Letter).

Same input, same bytes: the template's parts that say nothing of the document (a
thumbnail of a blank page, Word 2010's second style sheet, custom XML) are left out,
its properties are the document's own, and every date in the file (the properties and
each zip entry's time) is `stamp`.

python-docx is imported here, when a Word file is made, and nowhere else: a build
that makes none never loads it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

from portfolio.content.language import direction
from portfolio.documents.model import (
    Block,
    Bullets,
    Document,
    Entry,
    Heading,
    Look,
    Paragraph,
    Text,
)

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph as WordParagraph

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CJK = ("zh", "ja", "ko")
ZIP_EARLIEST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # a zip entry's time starts in 1980

# The paragraph style of each role of a paragraph (documents/model.py), by id.
ROLES = {
    "body": "Normal",
    "lead": "Subtitle",
    "contact": "Contact",
    "note": "Note",
    "letter": "Letter Text",
    "signature": "Signature",
}

# Sizes in half-points, spacing in twentieths of a point, as Word's XML writes them.
BODY, SMALL, DATE = 20, 18, 18  # 10, 9 and 9 pt
NAME, SECTION, LEAD = 44, 21, 23  # 22, 10.5 and 11.5 pt


def as_docx(doc: Document, look: Look, stamp: dt.datetime) -> bytes:
    """The document as a DOCX file, dated `stamp` (an aware datetime)."""
    import docx

    word = docx.Document()
    _prune(word)
    _page(word, doc.paper)
    width = _text_width(word)
    rtl = direction(doc.language) == "rtl"  # CLDR's, as the pages' `dir`
    _styles(word, look, doc.language, width, rtl)
    prev: Block | None = None
    for block in doc.blocks:
        if isinstance(block, Heading):
            p = _paragraph(word, f"Heading{min(max(block.level, 1), 3)}")
            _run(p, block.text, None, rtl)
        elif isinstance(block, Entry):
            # An entry's title keeps with its next line (Heading 3's keepNext); the
            # second line does not keep with what follows: LibreOffice then breaks a
            # chain of three between the first two.
            p = _paragraph(word, "Heading3" if block.heading else "Entry")
            _spans(word, p, block.text, rtl)
            if block.date:
                _run(p, "\t", None, rtl)
                _run(p, block.date, "EntryDate", rtl)
        elif isinstance(block, Paragraph):
            p = _paragraph(word, ROLES[block.role])
            if block.role == "letter" and isinstance(prev, Bullets):
                _set(_ppr(p._p), "spacing", before="200")  # a letter's list, set apart
            _spans(word, p, block.text, rtl)
        else:
            for item in block.items:
                _spans(word, _paragraph(word, "ListBullet"), item, rtl)
        prev = block
    _properties(word, doc, stamp)
    out = io.BytesIO()
    word.save(out)
    return _stamped(out.getvalue(), stamp)


# --- the template ------------------------------------------------------------------


def _prune(word: WordDocument) -> None:
    """Leave out what python-docx's blank template holds that is not this document's:
    its thumbnail (a picture of an empty page), Word 2010's copy of the styles, custom
    XML, extended properties that name another program and count nothing, and the
    table styles (nine tenths of its style sheet; nothing here is a table)."""
    package = word.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rId]
    for rId, rel in list(word.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            del word.part.rels[rId]
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = (
                b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'extended-properties"><Application>portfolio</Application></Properties>'
            )
    styles = word.styles.element
    for style in styles.findall(f"{{{W}}}style"):  # the table styles: no table here
        if style.get(f"{{{W}}}type") == "table" and style.get(f"{{{W}}}default") != "1":
            styles.remove(style)
    settings = word.settings.element  # no thumbnail to save either
    for found in settings.findall(f"{{{W}}}savePreviewPicture"):
        settings.remove(found)


def _page(word: WordDocument, paper: str) -> None:
    """The paper, and margins as the PDF's (15 mm top, 17 mm sides and bottom)."""
    from docx.shared import Inches, Mm

    section = word.sections[0]
    if paper == "Letter":
        section.page_width, section.page_height = Inches(8.5), Inches(11)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(15)
    section.bottom_margin = section.left_margin = section.right_margin = Mm(17)


def _text_width(word: WordDocument) -> int:
    """The width between the margins, in twentieths of a point (twips)."""
    section = word.sections[0]
    emu = int(section.page_width or 0) - int(section.left_margin or 0)
    emu -= int(section.right_margin or 0)
    return emu // 635


def _theme(word: WordDocument, look: Look) -> None:
    """The Word theme's heading and body fonts and its first accent: what Word's font
    and colour pickers offer as the document's own."""
    for part in word.part.package.iter_parts():
        if part.partname == "/word/theme/theme1.xml":
            xml = part.blob.decode("utf-8")
            xml = _replace_first(xml, "<a:majorFont>", look.heading_font)
            xml = _replace_first(xml, "<a:minorFont>", look.body_font)
            xml = re.sub(
                r"(<a:accent1>\s*<a:srgbClr val=\")[0-9A-Fa-f]{6}",
                lambda m: m.group(1) + _hex(look.accent),
                xml,
                count=1,
            )
            part._blob = xml.encode("utf-8")


def _replace_first(xml: str, after: str, font: str) -> str:
    """Set the `<a:latin typeface>` that follows `after`."""
    start = xml.index(after)
    return xml[:start] + re.sub(
        r'<a:latin typeface="[^"]*"', f'<a:latin typeface="{_attr(font)}"', xml[start:], count=1
    )


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


# --- styles ------------------------------------------------------------------------


def _styles(word: WordDocument, look: Look, language: str, width: int, rtl: bool) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    _theme(word, look)
    styles = word.styles
    root = styles.element
    defaults = root.find(f"{{{W}}}docDefaults")
    assert defaults is not None
    rpr = _child(_child(defaults, "rPrDefault"), "rPr")
    _font(rpr, look.body_font)
    _set(rpr, "sz", val=str(BODY))
    _set(rpr, "szCs", val=str(BODY))
    # The language of Latin text, of Chinese and Japanese, of Arabic: a Chinese or
    # Japanese resume keeps English for its Latin words (set to Japanese, LibreOffice
    # breaks them anywhere, as it would Japanese).
    lang = {"val": "en-US", "eastAsia": "en-US", "bidi": "ar-SA"}
    family = language.split("-")[0].lower()
    lang["eastAsia" if family in CJK else "bidi" if rtl else "val"] = language
    _set(rpr, "lang", **lang)
    ppr = _child(_child(defaults, "pPrDefault"), "pPr")
    _set(ppr, "spacing", after="0", line="264", lineRule="auto")
    if rtl:
        _set(ppr, "bidi")
    ink, muted, accent = _hex(look.ink), _hex(look.muted), _hex(look.accent)

    normal = styles["Normal"].element
    _set(_rpr(normal), "color", val=ink)

    name = styles["Heading 1"].element
    _clear(name)
    _set(_ppr(name), "spacing", before="0", after="60")
    _font(_rpr(name), look.heading_font)
    _bold(name)
    _size(name, NAME)
    _set(_rpr(name), "color", val=ink)

    section = styles["Heading 2"].element
    _clear(section)
    _set(_ppr(section), "spacing", before="240", after="100")
    _border(_ppr(section), "bottom", "single", "4", "2", ink)
    _font(_rpr(section), look.heading_font)
    _bold(section)
    _set(_rpr(section), "caps")
    _set(_rpr(section), "spacing", val="10")
    _size(section, SECTION)
    _set(_rpr(section), "color", val=accent)

    entry = styles["Heading 3"].element
    _clear(entry)
    _set(_ppr(entry), "spacing", before="160", after="0")
    _tab(_ppr(entry), width)
    _bold(entry)
    _size(entry, BODY)
    _set(_rpr(entry), "color", val=ink)

    lead = styles["Subtitle"].element
    _clear(lead)
    for numbering in lead.findall(f"{{{W}}}pPr/{{{W}}}numPr"):
        numbering.getparent().remove(numbering)
    _set(_ppr(lead), "spacing", before="0", after="60")
    _size(lead, LEAD)
    _set(_rpr(lead), "color", val=accent)

    contact = _new_style(word, "Contact", WD_STYLE_TYPE.PARAGRAPH)
    contact.base_style = styles["Normal"]
    contact.next_paragraph_style = styles["Normal"]
    _set(_ppr(contact.element), "spacing", before="0", after="60")
    _border(_ppr(contact.element), "bottom", "double", "6", "6", ink)
    _size(contact.element, SMALL)

    plain = _new_style(word, "Entry", WD_STYLE_TYPE.PARAGRAPH)
    plain.base_style = styles["Normal"]
    _tab(_ppr(plain.element), width)

    note = _new_style(word, "Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = styles["Normal"]
    _size(note.element, SMALL)
    _set(_rpr(note.element), "color", val=muted)

    letter = _new_style(word, "Letter Text", WD_STYLE_TYPE.PARAGRAPH)
    letter.base_style = styles["Normal"]
    _set(_ppr(letter.element), "spacing", before="0", after="200")

    signature = _new_style(word, "Signature", WD_STYLE_TYPE.PARAGRAPH)
    signature.base_style = styles["Normal"]
    _set(_ppr(signature.element), "spacing", before="680", after="200")

    bullet = styles["List Bullet"].element
    _set(_ppr(bullet), "spacing", before="20", after="20")
    _bullets(word, look)

    date = _new_style(word, "Entry Date", WD_STYLE_TYPE.CHARACTER)
    date.base_style = styles["Default Paragraph Font"]
    _set(_rpr(date.element), "b", val="0")
    _set(_rpr(date.element), "bCs", val="0")
    _size(date.element, DATE)
    _set(_rpr(date.element), "color", val=muted)

    link = _new_style(word, "Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.base_style = styles["Default Paragraph Font"]
    _set(_rpr(link.element), "color", val=ink)


def _new_style(word: WordDocument, name: str, kind: Any) -> Any:
    """A new style (python-docx's `add_style` first compares the name with every
    style of the template's, which costs more than the rest of the file). Hyperlink is
    one of Word's own styles, which the template does not define; the others are ours."""
    from docx.styles.style import StyleFactory

    builtin = name == "Hyperlink"
    return StyleFactory(word.styles.element.add_style_of_type(name, kind, builtin))


def _bullets(word: WordDocument, look: Look) -> None:
    """List Bullet's bullet: `•` in the body font and the accent, a short indent (the
    template's is a Symbol-font glyph, which not every reader has)."""
    numbering = word.part.numbering_part.element
    for level in numbering.iter(f"{{{W}}}lvl"):
        style = level.find(f"{{{W}}}pStyle")
        if style is None or style.get(f"{{{W}}}val") != "ListBullet":
            continue
        _set(level, "lvlText", val="•")
        ppr = _child(level, "pPr")
        for tabs in ppr.findall(f"{{{W}}}tabs"):
            ppr.remove(tabs)
        _set(ppr, "ind", left="284", hanging="198")
        rpr = _child(level, "rPr")
        _font(rpr, look.body_font)
        _set(rpr, "color", val=_hex(look.accent))


# The order Word's schema gives the children of these elements: Word refuses a file
# whose properties come in another order.
ORDER = {
    "pPr": (
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
        "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
        "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
        "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
        "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
        "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    ),
    "rPr": (
        "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
        "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
        "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
        "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
        "eastAsianLayout", "specVanish", "oMath",
    ),
    "lvl": (
        "start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText",
        "lvlPicBulletId", "legacy", "lvlJc", "pPr", "rPr",
    ),
    "pBdr": ("top", "left", "bottom", "right", "between", "bar"),
    "style": (
        "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
        "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
        "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
    ),
    "r": ("rPr",),
}  # fmt: skip


def _child(parent: Any, tag: str) -> Any:
    """`parent`'s child `w:tag`, made if missing and put where Word's schema wants it."""
    from docx.oxml import OxmlElement

    found = parent.find(f"{{{W}}}{tag}")
    if found is not None:
        return found
    found = OxmlElement(f"w:{tag}")
    order = ORDER.get(parent.tag.rsplit("}", 1)[-1], ())
    later = order[order.index(tag) + 1 :] if tag in order else ()
    if parent.tag.endswith("}r"):  # a run: its properties come first
        parent.insert(0, found)
        return found
    for sibling in parent:
        if sibling.tag.rsplit("}", 1)[-1] in later:
            sibling.addprevious(found)
            return found
    parent.append(found)
    return found


def _set(parent: Any, tag: str, **attributes: str) -> Any:
    """`parent`'s child `w:tag` with these attributes only."""
    element = _child(parent, tag)
    for key in list(element.attrib):
        del element.attrib[key]
    for key, value in attributes.items():
        element.set(f"{{{W}}}{key}", value)
    return element


def _ppr(element: Any) -> Any:
    return _child(element, "pPr")


def _rpr(element: Any) -> Any:
    return _child(element, "rPr")


def _clear(style: Any) -> None:
    """Drop a template style's fonts, colour and sizes, so only ours apply."""
    rpr = style.find(f"{{{W}}}rPr")
    if rpr is not None:
        for tag in ("rFonts", "color", "sz", "szCs", "i", "iCs", "spacing", "kern", "b", "bCs"):
            for found in rpr.findall(f"{{{W}}}{tag}"):
                rpr.remove(found)


def _font(rpr: Any, font: str) -> None:
    """Latin and complex-script text in `font`; East Asian text keeps the theme's."""
    element = _child(rpr, "rFonts")
    for key in list(element.attrib):
        if not key.endswith(("eastAsiaTheme", "eastAsia")):
            del element.attrib[key]
    for key in ("ascii", "hAnsi", "cs"):
        element.set(f"{{{W}}}{key}", font)


def _bold(style: Any) -> None:
    _set(_rpr(style), "b")
    _set(_rpr(style), "bCs")


def _size(style: Any, half_points: int) -> None:
    _set(_rpr(style), "sz", val=str(half_points))
    _set(_rpr(style), "szCs", val=str(half_points))


def _border(ppr: Any, side: str, kind: str, size: str, space: str, colour: str) -> None:
    borders = _child(ppr, "pBdr")
    _set(borders, side, val=kind, sz=size, space=space, color=colour)


def _tab(ppr: Any, width: int) -> None:
    """A tab stop at the far end of the line, text aligned to it: the date's place (in
    a right-to-left paragraph the positions are mirrored, and the date ends the line
    on the left)."""
    tabs = _child(ppr, "tabs")
    _set(tabs, "tab", val="right", pos=str(width))


# --- paragraphs --------------------------------------------------------------------


def _spans(word: WordDocument, p: WordParagraph, spans: Text, rtl: bool) -> None:
    """Each span as a run: a link as a hyperlink, bold words in the Strong style."""
    for span in spans:
        if span.url:
            _link(word, p, span.text, span.url, rtl)
        else:
            _run(p, span.text, "Strong" if span.strong else None, rtl)


def _paragraph(word: WordDocument, style: str) -> WordParagraph:
    """A new paragraph in the style of that id (set by id: python-docx looks a style up
    by name through every style of the template, for each paragraph)."""
    p = word.add_paragraph()
    if style != "Normal":
        p._p.get_or_add_pPr().style = style
    return p


def _run(p: WordParagraph, words: str, style: str | None, rtl: bool) -> None:
    """A run of `words` in the character style of that id, if any."""
    run = p.add_run(words)
    if style:
        _set(_rpr(run.element), "rStyle", val=style)
    if rtl:
        _set(_rpr(run.element), "rtl")


def _link(word: WordDocument, p: WordParagraph, words: str, url: str, rtl: bool) -> None:
    """A run inside `w:hyperlink`, pointing at `url` (python-docx adds none itself)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rId = word.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rId)
    run = OxmlElement("w:r")
    _set(_rpr(run), "rStyle", val="Hyperlink")
    if rtl:
        _set(_rpr(run), "rtl")
    t = OxmlElement("w:t")
    t.text = words
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    link.append(run)
    p._p.append(link)


# --- properties and the file -------------------------------------------------------


def _properties(word: WordDocument, doc: Document, stamp: dt.datetime) -> None:
    """Title, author, subject, keywords and language; every other property emptied
    (the template's say "python-docx" and a date in 2013)."""
    props = word.core_properties
    props.title = _fit(doc.title)
    props.author = _fit(doc.author)
    props.last_modified_by = _fit(doc.author)
    props.subject = _fit(doc.subject)
    keywords = ""
    for keyword in doc.keywords:  # as many whole keywords as the property holds
        longer = f"{keywords}, {keyword}" if keywords else keyword
        if len(longer) > PROPERTY:
            break
        keywords = longer
    props.keywords = keywords
    props.language = doc.language
    props.comments = ""
    props.category = ""
    props.content_status = ""
    props.identifier = ""
    props.version = ""
    props.revision = 1
    when = stamp.astimezone(dt.UTC).replace(microsecond=0)
    props.created = when
    props.modified = when


PROPERTY = 255  # characters a core property may hold (python-docx refuses more)


def _fit(value: str) -> str:
    """`value`, cut at a space to fit a property if it is longer (a long headline)."""
    if len(value) <= PROPERTY:
        return value
    cut = value[: PROPERTY - 1].rsplit(" ", 1)[0] or value[: PROPERTY - 1]
    return cut + "…"


def _stamped(data: bytes, stamp: dt.datetime) -> bytes:
    """The zip again, every entry dated `stamp` (no earlier than 1980, the first
    moment a zip can name) and made the same way, so equal input gives equal bytes."""
    when = max(stamp.astimezone(dt.UTC), ZIP_EARLIEST)
    date_time = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
