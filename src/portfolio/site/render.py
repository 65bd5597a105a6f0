"""Pages in memory: every file of the public site, rendered but not yet written.

Links between pages are relative (`../../goals/x/`), so the site works under any
path: at a domain's root, under `/portfolio/` on GitHub Pages, or opened from disk.
Only the sitemap, robots.txt, canonical and Open Graph URLs use `base_url`, because
they must be absolute; and 404.html, which GitHub Pages serves at any depth, links
from the base URL's path (`/portfolio/assets/style.css`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from portfolio.audit.audit import audit, by_subject
from portfolio.cache import reads
from portfolio.cache.store import Tree
from portfolio.clock import source_date
from portfolio.content.frozen import FrozenDict
from portfolio.content.language import (
    KIND_LABELS,
    N_,
    SEVERITIES,
    Msg,
    direction,
    format_date,
    format_number,
    format_percent,
    og_locale,
)
from portfolio.content.markdown import Markdown, unmarked
from portfolio.content.portfolio import Portfolio
from portfolio.content.resume import Resume, build_resume
from portfolio.content.views import GoalView, evidence_view, goal_view, pack_item, sort_evidence
from portfolio.documents.model import Document, Look
from portfolio.documents.resume import resume_document
from portfolio.errors import BuildError
from portfolio.layout import PACKAGE, shipped_themes
from portfolio.output import Output
from portfolio.pdf.jobs import PdfJob, project_job
from portfolio.site.charts import Palette, chart
from portfolio.site.themes import Theme, catalog, environment
from portfolio.system import regular
from portfolio.system.parallel import share

NAV = (
    ("", N_("Portfolio")),
    ("resume/", N_("Resume")),
    ("goals/", N_("Goals")),
    ("evidence/", N_("Evidence")),
)


def percent(value: float | None, language: str = "en") -> str:
    return "" if value is None else format_percent(value, language)


def code_spans(text: str) -> Markup:
    """Plain text with `backticks` shown as code: escaped first, so it stays safe."""
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))


def sentence(text: str) -> str:
    """End a sentence once: `Polderlicht Energy B.V.` must not get a second full stop."""
    return text if text.rstrip().endswith((".", "!", "?")) else f"{text}."


def relative(from_page: str, target: str) -> str:
    """The link from the page at `from_page` (a file path) to the site path `target`."""
    prefix = "../" * from_page.count("/")
    return (prefix + target) or "./"


@dataclass(frozen=True)
class Page:
    """A page to make: its path in the output, its template and what it shows."""

    path: str
    template: str
    anywhere: bool = False
    context: dict[str, Any] = field(default_factory=dict)


class Renderer:
    """Renders templates with the site-wide context; one per output tree."""

    def __init__(
        self,
        p: Portfolio,
        theme: Theme,
        md: Markdown,
        nav: tuple[tuple[str, Msg], ...] = NAV,
        private: bool = False,
        memo: Tree | None = None,
        has_pdf: bool = True,
        site: Mapping[str, Any] | None = None,
    ) -> None:
        """`site`: values of the shared `site` context that differ from the portfolio's
        (a pack's title, language and paper). The context is complete and frozen once
        made: `shared()` digests it into every page's cache key, so a later change
        would not reach the keys and a stale page would be kept."""
        self.p = p
        self.nav = nav
        self.private = private
        self.memo = memo
        self.md = md
        self._shared: bytes | None = None
        language = p.config.language  # a pack's portfolio has its target's language
        self.strings = catalog(theme, language)
        self.env = environment(tuple(theme.template_dirs), self.strings, md.unsafe_html)
        self.theme = theme
        base = p.config.base_url
        self.base_url = base if base.endswith("/") else base + "/"
        self.absolute = self.base_url.startswith(("http://", "https://"))
        self.base_path = urlsplit(self.base_url).path or "/"  # `/portfolio/`
        self.filters: dict[str, Callable[..., Any]] = {
            "markdown": md,
            "inline_markdown": md.inline,
            "unmarked": unmarked,
            "date": partial(format_date, language=language),
            "number": partial(format_number, language=language),
            "percent": partial(percent, language=language),
            "sentence": sentence,
            "chart": partial(chart, say=self.strings.say, palette=Palette.of(dict(theme.chart))),
            "code": code_spans,
            "item": partial(pack_item, language=language),
        }
        shared = {
            "title": p.title,
            "language": language,
            "dir": direction(language),
            "og_locale": og_locale(language),
            "paper": p.config.paper,
            "base_url": self.base_url,
            "today": format_date(p.today, language),
            "today_iso": p.today.isoformat(),
            "has_pdf": has_pdf,
            "kinds": FrozenDict(KIND_LABELS),
            "severities": FrozenDict(SEVERITIES),
            "options": FrozenDict(theme.options),
        }
        self.site: Mapping[str, Any] = FrozenDict({**shared, **(site or {})})
        self.env.filters.update(self.filters)

    def page(self, path: str, template: str, *, anywhere: bool = False, **context: Any) -> Output:
        """Render `template` as the file at `path` (e.g. `goals/x/index.html`).

        `anywhere`: the page is served at any URL (404.html), so its links start at
        the base URL's path instead of being relative, and it has no canonical URL.
        Public pages get Open Graph tags (`social`); a pack's pages never do.
        """
        return self.pages([Page(path, template, anywhere, context)])[0]

    def pages(self, pages: list[Page]) -> list[Output]:
        """Every page, in order: the ones whose inputs are unchanged since the last
        build kept (`memo`), the rest rendered, on every core when they are many."""
        outputs: list[Output | None] = [None] * len(pages)
        todo = []
        for n, page in enumerate(pages):
            if self.memo is not None and self.memo.prints is not None:
                # A page that read no body last time is keyed without the bodies.
                before = self.memo.previous_key(page.path) or ""
                kept = self.memo.reuse(page.path, self._key(page, before.startswith("b:")))
                if kept is not None:
                    outputs[n] = Output(page.path, source=kept, kept=True)
                    continue
            todo.append(n)
        made = share(lambda n: self._watched(pages[n]), todo)
        for n, (html, read_bodies) in zip(todo, made, strict=True):
            outputs[n] = Output(pages[n].path, html)
            if self.memo is not None:
                key = None
                if self.memo.prints is not None:
                    key = self._key(pages[n], bodyless=not read_bodies)
                self.memo.record(pages[n].path, key)
        return [o for o in outputs if o is not None]

    def _key(self, page: Page, bodyless: bool) -> str:
        """The page's inputs as one key; `bodyless`: without any model's `body`."""
        assert self.memo is not None and self.memo.prints is not None
        key = self.memo.prints.key(
            self.shared(),
            page.template,
            page.path,
            page.anywhere,
            page.context,
            bodyless=bodyless,
        )
        return ("b:" if bodyless else "f:") + key

    def _watched(self, page: Page) -> tuple[bytes, bool]:
        """The page, and whether rendering it read a body (cache/reads.py)."""
        watch = reads.Watch()
        outer, reads.watching = reads.watching, watch
        try:
            return self._html(page), watch.bodies
        finally:
            reads.watching = outer

    def _html(self, page: Page) -> bytes:
        path, anywhere = page.path, page.anywhere
        url_path = path.removesuffix("index.html")

        def url(target: str) -> str:
            return self.base_path + target if anywhere else relative(path, target)

        nav = [
            {
                "title": title,
                "href": url(target),
                "current": url_path == target or (target and url_path.startswith(target)),
            }
            for target, title in self.nav
        ]
        html = self.render(
            page.template,
            site=self.site,
            profile=self.p.profile,
            nav=nav,
            page_path=url_path,
            canonical=(
                self.base_url + url_path
                if self.absolute and not self.private and not anywhere
                else None
            ),
            social=not self.private,
            url=url,
            **page.context,
        )
        return html.encode("utf-8")

    def shared(self) -> bytes:
        """The digest of what every page of this renderer sees besides its own context:
        the site, the profile, the menu, the theme and its settings (`memo.salt`: the
        digest of the project's theme files), the Markdown settings."""
        if self._shared is None:
            assert self.memo is not None and self.memo.prints is not None
            self._shared = self.memo.prints.of(
                (
                    self.memo.salt,
                    self.site,
                    self.p.profile,
                    tuple((target, str(title)) for target, title in self.nav),
                    self.private,
                    self.base_url,
                    self.theme.name,
                    tuple(str(f) for f in self.theme.folders),
                    self.theme.options,
                    self.theme.chart,
                    self.md.unsafe_html,
                )
            )
        return self._shared

    def render(self, name: str, **context: Any) -> str:
        """Render one template; a mistake in a theme becomes a located BuildError."""
        try:
            return self.env.get_template(name).render(**context)
        except jinja2.TemplateError as exc:
            raise BuildError(f"{_where(exc, name)}: {exc.message or exc}") from None
        except TEMPLATE_RUNTIME as exc:
            where = _where(exc, name)
            if where.startswith("template "):  # no line of a template ran into it: a bug here
                raise
            what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            raise BuildError(f"{where}: the template failed: {what}{_ours(exc)}") from None


def render_site(
    p: Portfolio,
    theme: Theme,
    md: Markdown,
    with_pdf: bool,
    memo: Tree | None = None,
    with_docx: bool = True,
) -> list[Output]:
    """Every HTML page and copied file of the public site, from a public portfolio;
    with `memo`, the pages whose inputs have not changed are the previous build's.
    The resume's files besides its PDF are made unless a theme option hides them;
    `with_docx=False` leaves the Word file out (the live preview's)."""
    r = Renderer(p, theme, md, memo=memo, has_pdf=with_pdf and offers(theme, "resume_pdf"))
    goals = [goal_view(p, g) for g in _goal_order(p)]
    evidence = [evidence_view(p, p.evidence[e]) for e in sort_evidence(p, list(p.evidence))]
    featured = [e for e in evidence if e.ev.featured] or evidence[:3]
    aspirations = [g for g in goals if g.goal.kind == "aspiration"]
    active_goals = [g for g in goals if g.goal.kind == "goal"]
    # `p` is the public view, so no finding can name a secret; a theme option may hide them.
    notes = by_subject(audit(p)) if dict(theme.options).get("audit_notes", True) else {}
    resume = build_resume(p)
    formats = [f for f in RESUME_FILES if offers(theme, f.option)]
    formats = [f for f in formats if with_docx or f.kind != "docx"]
    skills = tuple(s.name for s in resume.skills)
    files = resume_files(r, resume, formats, keywords=skills)
    pages = [
        Page(
            "index.html",
            "home.html",
            context=dict(
                featured=featured,
                goals=active_goals,
                recent=[e for e in evidence if e not in featured][:6],
                structured_data=profile_page(p, md, r.base_url if r.absolute else None),
            ),
        ),
        Page(
            "resume/index.html",
            "resume.html",
            context=dict(resume=resume, resume_files=tuple(f for f, _ in files)),
        ),
        Page(
            "goals/index.html",
            "goals.html",
            context=dict(
                aspirations=aspirations,
                goals=active_goals,
                tree=_tree(aspirations, active_goals),
                notes=notes,
            ),
        ),
        Page("evidence/index.html", "evidence-list.html", context=dict(evidence=evidence)),
    ]
    pages += [
        Page(f"{g.path}index.html", "goal.html", context=dict(g=g, notes=notes.get(g.goal.id, ())))
        for g in goals
    ]
    pages += [Page(f"{e.path}index.html", "evidence.html", context=dict(e=e)) for e in evidence]
    listed = [page.path.removesuffix("index.html") for page in pages]  # 404.html is not
    pages.append(Page("404.html", "404.html", anywhere=True))
    out = r.pages(pages)
    out += [o for _, o in files]
    out += [
        Output(a.path, source=p.root / "content" / "evidence" / a.source)
        for e in evidence
        for a in e.attachments
    ]
    sitemap = r.render("sitemap.xml", base_url=r.base_url, pages=listed)
    out.append(Output("sitemap.xml", sitemap.encode("utf-8")))
    robots = r.render("robots.txt", sitemap=r.base_url + "sitemap.xml" if r.absolute else None)
    out.append(Output("robots.txt", robots.encode("utf-8")))
    out.append(Output(".nojekyll", b""))
    if p.config.cname:
        out.append(Output("CNAME", f"{p.config.cname}\n".encode()))
    out += assets(theme)
    return out


def profile_page(p: Portfolio, md: Markdown, url: str | None) -> dict[str, Any]:
    """The home page as schema.org data: a `ProfilePage` about a `Person`.

    Made from the public view, so a field listed under `private:` is already empty
    and never reaches it; the template writes it with `tojson`, which escapes `<`, so
    no content can close the script element. `sameAs` lists the web links only: a
    mail or phone link is a way to reach the person, not another page about them.
    """
    profile = p.profile
    person: dict[str, Any] = {"@type": "Person", "name": profile.name}
    if profile.headline:
        person["jobTitle"] = profile.headline
    if profile.summary:
        person["description"] = md(profile.summary).striptags()
    if profile.email:
        person["email"] = profile.email
    if profile.location:
        person["homeLocation"] = {"@type": "Place", "name": profile.location}
    web = [link.url for link in profile.links if link.url.startswith(("https://", "http://"))]
    if web:
        person["sameAs"] = web
    if url:
        person["url"] = url
    page: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "dateModified": p.today.isoformat(),
        "mainEntity": person,
    }
    if url:
        page["url"] = url
    return page


def render_resume_print(p: Portfolio, theme: Theme, md: Markdown) -> str:
    """The resume as a standalone HTML document for the PDF renderer."""
    r = Renderer(p, theme, md)
    html = r.render(
        "resume-print.html",
        site=r.site,
        profile=p.profile,
        resume=build_resume(p),
        stylesheets=[sheet.as_uri() for sheet in stylesheets(theme, "print.css")],
    )
    return html


# What a theme's template can raise as it runs, besides Jinja's own errors: Python's,
# for an operation on the wrong values (`1 // 0`, `'a' + 1`, a missing key, a filter
# given the wrong type, a macro that calls itself without end, `'x' * 10**12`). A theme
# is trusted code, but may be buggy; its user needs the template and the line.
TEMPLATE_RUNTIME = (
    ArithmeticError, LookupError, TypeError, ValueError, AttributeError, RuntimeError,
    MemoryError,
)  # fmt: skip


def _where(exc: BaseException, name: str) -> str:
    """`file:line` of the template line that failed, from Jinja's rewritten traceback."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return f"{exc.filename}:{exc.lineno}"
    tb = exc.__traceback__
    where = f"template {name}"
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml")):
            where = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def _ours(exc: BaseException) -> str:
    """Where in this package's own code (a filter or a view the template called) the
    error was raised, if it was: a template that hands a filter the wrong value, or a
    bug of ours, and the message must let a reader tell which."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return ""
    file = Path(tb.tb_frame.f_code.co_filename)
    if not file.is_relative_to(PACKAGE):
        return ""
    return f" (raised in portfolio/{file.relative_to(PACKAGE).as_posix()}:{tb.tb_lineno})"


# Stylesheets that cascade: each theme's is added after its parent's, base first, so a
# child says only what makes it different. Every other static file is replaced.
CASCADED = ("style.css", "print.css", "pack.css")


def stylesheets(theme: Theme, name: str) -> list[Path]:
    """`static/<name>` of every theme in the chain that has one, base first: the order
    the rules apply in, for the published file and the PDFs alike."""
    return [sheet for sheet, _ in _sheets(theme, name)]


def _sheets(theme: Theme, name: str) -> list[tuple[Path, bytes]]:
    """`stylesheets`, each with its bytes. A sheet with the same bytes as one before it
    is left out: a project's copy of a shipped theme (the sample in this repository is
    one, once the package is installed) would apply twice."""
    sheets: list[tuple[Path, bytes]] = []
    for folder in reversed(theme.static_dirs):
        sheet = folder / name
        if sheet.is_file() and (data := regular.read_bytes(sheet)) not in (d for _, d in sheets):
            sheets.append((sheet, data))
    return sheets


def cascade(theme: Theme, name: str) -> bytes | None:
    """The theme's stylesheets of that name as one file, base first, each headed by a
    comment naming where it came from (a path inside the project or the shipped themes,
    never the machine's: the file is published). None if no theme has one."""
    sheets = _sheets(theme, name)
    if not sheets:
        return None
    parts = []
    for sheet, data in sheets:
        folder = sheet.parent.parent
        shipped = folder.is_relative_to(shipped_themes())
        where = f"themes/{folder.name}/static/{name}" + (", shipped" if shipped else "")
        text = data.removeprefix(b"\xef\xbb\xbf").rstrip(b"\n")
        parts.append(f"/* ==== {where} ==== */\n".encode() + text + b"\n")
    return b"\n".join(parts)


def _tree(
    aspirations: list[GoalView], goals: list[GoalView]
) -> list[tuple[GoalView | None, list[GoalView]]]:
    """Aspiration -> the goals that serve it; goals serving none come last, under None."""
    tree: list[tuple[GoalView | None, list[GoalView]]] = [
        (a, [g for g in goals if g.goal.serves == a.goal.id]) for a in aspirations
    ]
    loose = [g for g in goals if g.goal.serves is None]
    return [*tree, (None, loose)] if loose else tree


def _goal_order(p: Portfolio) -> list[Any]:
    """Aspirations first, then goals by due date (soonest first), then id."""

    def key(g: Any) -> tuple[int, str, str]:
        return (0 if g.kind == "aspiration" else 1, g.due.iso() if g.due else "9999", g.id)

    return sorted(p.goals.values(), key=key)


def assets(theme: Theme) -> list[Output]:
    """The theme's static files under `assets/`: a child theme's file wins, except the
    stylesheets, which cascade (`cascade`) into one file each, so a page links one."""
    found: dict[str, Path] = {}
    for folder in theme.static_dirs:
        for file in sorted(folder.rglob("*")):
            rel = file.relative_to(folder).as_posix()
            if file.is_file() and rel not in found and rel not in CASCADED:
                found[rel] = file
    out = [Output(f"assets/{rel}", source=src) for rel, src in found.items()]
    for name in CASCADED:
        data = cascade(theme, name)
        if data is not None:
            out.append(Output(f"assets/{name}", data))
    return sorted(out, key=lambda o: o.path)


@dataclass(frozen=True)
class ResumeFile:
    """One of the resume's files besides its PDF: the theme option that may hide it on
    the site, the target `outputs` value that asks for it in a pack, its file, and
    what a link to it says."""

    option: str
    output: str
    path: str
    label: Msg
    kind: str  # docx, text or markdown


RESUME_FILES = (
    ResumeFile("resume_docx", "resume-docx", "resume.docx", N_("Word"), "docx"),
    ResumeFile("resume_text", "resume-text", "resume.txt", N_("Plain text"), "text"),
    ResumeFile("resume_markdown", "resume-markdown", "resume.md", N_("Markdown"), "markdown"),
)


def offers(theme: Theme, option: str) -> bool:
    """Whether the site offers what a theme option may hide (true unless it is false)."""
    return dict(theme.options).get(option, True) is not False


def look(theme: Theme) -> Look:
    """How the theme's Word files look: theme.yaml's `document:`, the site's `accent`
    option over its accent."""
    values = dict(theme.document)
    accent = dict(theme.options).get("accent")
    if isinstance(accent, str) and accent:
        values["accent"] = accent
    return Look(**values)


def stamp(p: Portfolio) -> dt.datetime:
    """The moment a document is dated: `SOURCE_DATE_EPOCH`, else the start (UTC) of
    the portfolio's day, as the PDFs are (so a rebuild the same day is the same)."""
    return source_date() or dt.datetime.combine(p.today, dt.time(), dt.UTC)


def resume_files(
    r: Renderer, resume: Resume, formats: Sequence[ResumeFile], keywords: Sequence[str] = ()
) -> list[tuple[ResumeFile, Output]]:
    """The resume in `formats` (Word, plain text, Markdown), each with its output."""
    paper, language = str(r.site["paper"]), str(r.site["language"])

    def make() -> Document:
        return resume_document(
            resume, r.strings.say, r.md, language=language, paper=paper, keywords=keywords
        )

    files = [(f.path, f.kind) for f in formats]
    made = document_files(r, files, make, resume, tuple(keywords))
    return list(zip(formats, made, strict=True))


def document_files(
    r: Renderer, files: Sequence[tuple[str, str]], make: Callable[[], Document], *inputs: Any
) -> list[Output]:
    """A document as files (`files`: each path and kind, `docx`, `text` or
    `markdown`), made by `make` from `inputs` (frozen values: a resume, a letter). Each
    is the previous build's file when nothing it is made from has changed (`inputs`,
    the theme's strings and look, the paper, the language, the moment it is dated),
    else made now; a Word file alone loads python-docx, and only when it is made."""
    paper, language = str(r.site["paper"]), str(r.site["language"])
    when = stamp(r.p)
    key = None
    if r.memo is not None and r.memo.prints is not None:
        key = r.memo.prints.key(  # bodyless: a document never shows a story
            r.memo.salt, inputs, r.strings, look(r.theme), paper, language, when.isoformat(),
            r.md.unsafe_html, bodyless=True,
        )  # fmt: skip
    document: Document | None = None
    out = []
    for path, kind in files:
        kept = r.memo.reuse(path, f"{key}:{path}") if key and r.memo else None
        if kept is not None:
            out.append(Output(path, source=kept, kept=True))
            continue
        document = document or make()
        out.append(Output(path, write_document(document, kind, look(r.theme), when)))
        if r.memo is not None:
            r.memo.record(path, f"{key}:{path}" if key else None)
    return out


def write_document(document: Document, kind: str, style: Look, when: dt.datetime) -> bytes:
    """A document as a file of `kind`: `docx`, `text` or `markdown`."""
    if kind == "docx":
        from portfolio.documents.word import as_docx

        return as_docx(document, style, when)
    if kind == "text":
        from portfolio.documents.text import as_text

        return as_text(document).encode("utf-8")
    from portfolio.documents.markdown import as_markdown

    return as_markdown(document).encode("utf-8")


def resume_job(public: Portfolio, theme: Theme, md: Markdown) -> PdfJob:
    """The public resume's PDF, as a job for the worker pool."""
    html = render_resume_print(public, theme, md)
    variant = public.config.pdf_variant
    return project_job("resume.pdf", html, public.root, theme.folders, variant, fit=True)
