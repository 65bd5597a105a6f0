"""The build, in the order it happens: the table of contents of the program."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from portfolio.catalog import Portfolio, assemble, public_view
from portfolio.dates import source_date
from portfolio.errors import ContentError, Problem
from portfolio.load import SourceFile, load_project
from portfolio.markdown import renderer
from portfolio.render import Output, render_resume_print, render_site
from portfolio.themes import Theme, resolve
from portfolio.write import write_tree


@dataclass(frozen=True)
class BuildReport:
    out: Path
    pages: int
    pdfs: int
    files: int
    seconds: float


def default_today() -> dt.date:
    """The build date: `SOURCE_DATE_EPOCH` if set (reproducible builds), else today."""
    stamp = source_date()
    return stamp.date() if stamp else dt.date.today()


def load(root: Path) -> tuple[Portfolio, Theme]:
    """Read, validate and link the project, and resolve its theme: every problem at once."""
    sources, problems = load_project(root)
    portfolio = assemble(root, sources, problems, default_today())
    config_src = next((s for s in sources if s.kind == "config"), None)
    line, col = config_src.doc.where(("theme",)) if config_src else (1, 1)
    name = portfolio.config.theme if portfolio else _theme_name(config_src)
    theme = resolve(name, root, ("portfolio.yaml", line, col))
    if isinstance(theme, Problem):
        problems.append(theme)
    if portfolio is None or isinstance(theme, Problem):
        raise ContentError(problems)
    return portfolio, theme


def _theme_name(config: SourceFile | None) -> str:
    """The theme named in a config file that has other errors, so it is checked too."""
    value = config.doc.data.get("theme") if config else None
    return value if isinstance(value, str) and value else "classic"


def build(root: Path, out: Path, *, base_url: str | None = None, pdf: bool = True) -> BuildReport:
    """Build the public site of the project at `root` into `out`."""
    started = time.perf_counter()
    portfolio, theme = load(root)
    if base_url is not None:
        portfolio = _with_base_url(portfolio, base_url)
    public = public_view(portfolio)
    md = renderer(portfolio.config.unsafe_html)
    outputs = render_site(public, theme, md, with_pdf=pdf)
    if pdf:
        outputs.append(_resume_pdf(public, theme, md))
    write_tree(out, outputs)
    pages = sum(1 for o in outputs if o.path.endswith(".html"))
    pdfs = sum(1 for o in outputs if o.path.endswith(".pdf") and o.data is not None)
    return BuildReport(out, pages, pdfs, len(outputs), time.perf_counter() - started)


def _resume_pdf(public: Portfolio, theme: Theme, md: object) -> Output:
    from portfolio import pdf  # WeasyPrint costs half a second to import: only when needed

    html = render_resume_print(public, theme, md)  # type: ignore[arg-type]
    roots = [public.root, *theme.folders]
    data = pdf.render_pdf(
        html, roots, base_url=public.root.as_uri() + "/", variant=public.config.pdf_variant
    )
    return Output("resume.pdf", data)


def _with_base_url(p: Portfolio, base_url: str) -> Portfolio:
    from dataclasses import replace

    config = p.config.model_validate(
        {**p.config.model_dump(exclude_unset=True), "base_url": base_url}
    )
    return replace(p, config=config)
