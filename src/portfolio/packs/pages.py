"""A target's pack as files: its web pages, `selection.json`, and the HTML of its PDFs.

Built on the same `Renderer` as the site, with the pack's own navigation, language
and paper; the pages are private (no canonical URL, no social tags). The PDFs
themselves are made from this HTML by the PDF workers (pdf/pool.py, pdf/weasy.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from portfolio.cache.store import Tree
from portfolio.content.language import (
    N_,
)
from portfolio.content.markdown import Markdown
from portfolio.content.views import Item
from portfolio.layout import ATTACHMENTS
from portfolio.output import Output
from portfolio.packs.letter_text import letter_document, letter_text, plain_letter
from portfolio.packs.pack import Pack
from portfolio.pdf.jobs import Embedded, PdfJob, project_job
from portfolio.site.render import (
    RESUME_FILES,
    Renderer,
    ResumeFile,
    assets,
    document_files,
    resume_files,
    stylesheets,
)
from portfolio.site.themes import Theme

PACK_PAGES = (
    ("cover-letter", "cover-letter.html", N_("Cover letter")),
    ("resume", "resume.html", N_("Resume")),
    ("promotion-case", "promotion-case.html", N_("Promotion case")),
    ("pitch", "pitch.html", N_("Pitch")),
)
PDF_PARTS = (
    ("resume", N_("Resume")),
    ("promotion-case", N_("Promotion case")),
    ("pitch", N_("Pitch")),
)


def _pack_renderer(
    pack: Pack, theme: Theme, md: Markdown, with_pdf: bool, memo: Tree | None = None
) -> Renderer:
    pages = [(file, title) for name, file, title in PACK_PAGES if name in pack.outputs]
    nav = (("", N_("Overview")), *pages)
    site = {
        "title": f"{pack.p.profile.name}: {pack.target.title}",
        "language": pack.language,
        "paper": pack.paper,
    }
    return Renderer(
        pack.p, theme, md, nav=nav, private=True, memo=memo, has_pdf=with_pdf, site=site
    )


@dataclass(frozen=True)
class ItemHref:
    """`item_href(item)` in pack templates: the link to a chosen item, or None. A value,
    not a closure, so a page that uses it can be fingerprinted (cache/fingerprint.py)."""

    prefix: str | None  # `index.html#` on the web pages, `#` inside the evidence pack
    chosen: tuple[str, ...]

    def __call__(self, item: Any) -> str | None:
        if self.prefix is None or item.id not in self.chosen:
            return None
        return f"{self.prefix}{item.anchor}"


@dataclass(frozen=True)
class RefHref:
    """`ref_href(path)`: the same for a site path such as `evidence/x/`."""

    item_href: ItemHref

    def __call__(self, path: str) -> str | None:
        evidence_id = path.removeprefix("evidence/").rstrip("/")
        return self.item_href(Item(evidence_id, ""))


def _pack_context(pack: Pack, item_prefix: str | None) -> dict[str, Any]:
    """What every pack template gets; `item_prefix` is where chosen items are anchored
    (`index.html#` on the web pages, `#` inside the evidence pack, None: no links)."""
    item_href = ItemHref(item_prefix, tuple(sorted(c.view.ev.id for c in pack.chosen)))
    ref_href = RefHref(item_href)
    return {
        "pack": pack,
        "case": pack.case,
        "pitch": pack.pitch,
        "letter": pack.letter,
        "resume": pack.resume,
        "item_href": item_href,
        "ref_href": ref_href,
    }


def render_pack(
    pack: Pack, theme: Theme, md: Markdown, with_pdf: bool, memo: Tree | None = None
) -> list[Output]:
    """The HTML pages, `selection.json`, the tailored resume as Word, text and Markdown
    (as `outputs` names them) and the assets of one target's pack (PDFs apart)."""
    r = _pack_renderer(pack, theme, md, with_pdf, memo)
    formats = [f for f in RESUME_FILES if f.output in pack.outputs]
    files = resume_files(r, pack.resume, formats, keywords=pack.target.keywords)
    letter = letter_files(pack, r, md)
    context = _pack_context(pack, "index.html#") | {
        "has_pdf": with_pdf,
        "resume_files": tuple(f for f, _ in files),
        "letter_files": tuple(f for f, _ in letter),
    }
    out = [r.page("index.html", "pack/index.html", **context)]
    out += [
        r.page(file, f"pack/{file}", **context)
        for name, file, _ in PACK_PAGES
        if name in pack.outputs
    ]
    out.append(Output("selection.json", selection_json(pack)))
    out += [o for _, o in files]
    out += [o for _, o in letter]
    out += assets(theme)
    return out


# The cover letter's files besides its page and PDF, as the index links them.
LETTER_FILES = (
    ResumeFile("", "cover-letter-docx", "cover-letter.docx", N_("Word"), "docx"),
    ResumeFile("", "cover-letter-text", "cover-letter.txt", N_("Plain text"), "text"),
)


def letter_files(pack: Pack, r: Renderer, md: Markdown) -> list[tuple[ResumeFile, Output]]:
    """The cover letter as a Word file and as plain text (wrapped at 76 columns), as
    the target's `outputs` name them; the Word file is kept from the last build when
    nothing in the letter changed, like the resume's."""
    if pack.letter is None:
        return []
    wanted = [f for f in LETTER_FILES if f.output in pack.outputs]
    if not wanted:
        return []
    plain = plain_letter(pack.letter, r.strings.say, md, pack.language, pack.paper)
    out: list[tuple[ResumeFile, Output]] = []
    for f in wanted:
        if f.kind == "text":
            out.append((f, Output(f.path, letter_text(plain).encode("utf-8"))))
        else:
            made = document_files(r, [(f.path, f.kind)], lambda: letter_document(plain), plain)
            out.append((f, made[0]))
    return out


def render_pack_print(pack: Pack, theme: Theme, md: Markdown, document: str) -> str:
    """`resume`, `promotion-case`, `cover-letter` or `evidence-pack` of a pack, as HTML
    for the PDF."""
    r = _pack_renderer(pack, theme, md, with_pdf=True)
    printed = [sheet.as_uri() for sheet in stylesheets(theme, "print.css")]
    sheets = printed + [sheet.as_uri() for sheet in stylesheets(theme, "pack.css")]
    common = {"site": r.site, "profile": pack.p.profile}
    if document == "resume":  # the resume as the site prints it: print.css alone
        return r.render("resume-print.html", **common, resume=pack.resume, stylesheets=printed)
    if document in ("promotion-case", "cover-letter"):
        return r.render(
            f"pack/{document}-print.html",
            **common,
            **_pack_context(pack, None),
            stylesheets=sheets,
        )
    parts = [
        {"name": name, "title": title, "anchor": f"part-{name}"}
        for name, title in PDF_PARTS
        if name in pack.outputs
    ]
    parts.append({"name": "evidence", "title": N_("Evidence"), "anchor": "part-evidence"})
    return r.render(
        "pack/evidence-pack.html",
        **common,
        **_pack_context(pack, "#"),
        stylesheets=sheets,
        parts=parts,
        attachments=[a for c in pack.chosen for a in c.view.attachments],
    )


def selection_json(pack: Pack) -> bytes:
    """The ranking as data: every item, its score and reasons, and the coverage."""
    from portfolio.packs.ranking import WEIGHTS

    sel = pack.selection
    chosen = {s.evidence.id for s in sel.chosen}
    data = {
        "target": pack.target.id,
        "goal": pack.target.goal,
        "as_of": pack.p.today.isoformat(),
        "max_evidence": pack.target.max_evidence,
        "include_private": pack.target.include_private,
        "chosen": [s.evidence.id for s in sel.chosen],
        "ranked": [
            {
                "id": s.evidence.id,
                "title": s.evidence.title,
                "visibility": s.evidence.visibility,
                "score": s.score,
                "chosen": s.evidence.id in chosen,
                "pinned": s.pinned,
                "reasons": [{"points": r.points, "why": str(r.why)} for r in s.reasons],
                "keywords": list(s.keywords),
                "job_skills": list(s.job_skills),
            }
            for s in sel.ranked
        ],
        "excluded": list(sel.excluded),
        "keywords": {
            c.term: {"chosen": [i.id for i in c.chosen], "not_chosen": [i.id for i in c.unchosen]}
            for c in pack.keywords
        },
        "gaps": list(sel.gaps),
        "job_skills": {
            c.term: {"chosen": [i.id for i in c.chosen], "not_chosen": [i.id for i in c.unchosen]}
            for c in pack.job_skills
        },
        "weights": WEIGHTS,
    }
    return (_json_lines(data) + "\n").encode("utf-8")


def _json_lines(data: dict[str, Any]) -> str:
    """`data` as JSON with one top-level key per line, and each element of a list
    or object under it on a line of its own: an item's ranking reads (and diffs) as
    one line. Standard JSON, written by the json module's C encoder; its pretty
    printer (`indent=`) is pure Python, and much slower."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = []
    for key, value in data.items():
        if isinstance(value, dict) and value:
            inner = [f"    {dump(k)}: {dump(v)}" for k, v in value.items()]
            lines.append(f"  {dump(key)}: {{\n" + ",\n".join(inner) + "\n  }")
        elif isinstance(value, list) and value:
            inner = [f"    {dump(v)}" for v in value]
            lines.append(f"  {dump(key)}: [\n" + ",\n".join(inner) + "\n  ]")
        else:
            lines.append(f"  {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(lines) + "\n}"


def pack_jobs(pack: Pack, theme: Theme, md: Markdown) -> list[PdfJob]:
    """The PDFs of one target's pack, as jobs for the worker pool: the evidence pack
    embeds the attachments of the evidence it chose."""
    folder = pack.p.root / ATTACHMENTS
    jobs = []
    for document in ("cover-letter", "resume", "promotion-case", "evidence-pack"):
        if document not in pack.outputs:
            continue
        embed: tuple[Embedded, ...] = ()
        if document == "evidence-pack":
            embed = tuple(
                Embedded(folder / a.source, a.name, f"{c.view.ev.title}: {a.name}")
                for c in pack.chosen
                for a in c.view.attachments
            )
        html = render_pack_print(pack, theme, md, document)
        name = f"packs/{pack.target.id}/{document}.pdf"
        variant = pack.p.config.pdf_variant
        fit = document in ("resume", "cover-letter")
        jobs.append(project_job(name, html, pack.p.root, theme.folders, variant, embed, fit))
    return jobs
