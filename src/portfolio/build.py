"""The build, in the order it happens: the table of contents of the program."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from portfolio.audit import Finding, audit
from portfolio.catalog import Portfolio, assemble, public_view
from portfolio.dates import build_date
from portfolio.errors import BuildError, ContentError, Problem
from portfolio.load import SourceFile, find_reference, load_project
from portfolio.markdown import Markdown, renderer
from portfolio.options import chart_colours, declared, resolve_options
from portfolio.pack import Pack, build_pack
from portfolio.render import Output, render_resume_print, render_site
from portfolio.render_pack import render_pack, render_pack_print
from portfolio.themes import Theme, resolve
from portfolio.validate import suggest
from portfolio.write import recover, write_tree

if TYPE_CHECKING:
    from portfolio.pdf import Embedded


@dataclass(frozen=True)
class PackReport:
    target: str
    out: Path
    files: int
    pdfs: int


@dataclass(frozen=True)
class BuildReport:
    out: Path | None  # None: the site was not built (`--target`)
    pages: int
    pdfs: int
    files: int
    seconds: float
    packs: tuple[PackReport, ...] = ()


def load(root: Path) -> tuple[Portfolio, Theme]:
    """Read, validate and link the project, and resolve its theme: every problem at once."""
    sources, problems = load_project(root)
    portfolio = assemble(root, sources, problems, build_date())
    config_src = next((s for s in sources if s.kind == "config"), None)
    line, col = config_src.doc.where(("theme",)) if config_src else (1, 1)
    name = portfolio.config.theme if portfolio else _theme_name(config_src)
    theme = resolve(name, root, ("portfolio.yaml", line, col))
    if isinstance(theme, Problem):
        problems.append(theme)
    else:
        given = config_src.doc.data.get("theme_options") if config_src else None
        values, found = resolve_options(
            declared(theme.folders), given, config_src.doc if config_src else None, name
        )
        problems += found
        colours = chart_colours(theme.folders)
        theme = replace(theme, options=tuple(values.items()), chart=tuple(colours.items()))
    if portfolio is None or problems or isinstance(theme, Problem):
        raise ContentError(problems)
    return portfolio, theme


def check(root: Path) -> tuple[Portfolio, list[Finding]]:
    """Validate the project as `build` does, then audit every goal, public or private."""
    portfolio, _ = load(root)
    return portfolio, audit(portfolio)


def export_resume(root: Path, include_private: bool = False) -> dict[str, Any]:
    """The project as a JSON Resume: the public view unless `include_private`."""
    from portfolio.exporter import export_jsonresume

    portfolio, _ = load(root)
    return export_jsonresume(portfolio if include_private else public_view(portfolio))


def _theme_name(config: SourceFile | None) -> str:
    """The theme named in a config file that has other errors, so it is checked too."""
    value = config.doc.data.get("theme") if config else None
    return value if isinstance(value, str) and value else "classic"


Progress = Callable[[str], None]


def _quiet(step: str) -> None:
    """The default progress callback: say nothing."""


def build(
    root: Path,
    out: Path,
    *,
    packs: Path | None = None,
    base_url: str | None = None,
    pdf: bool = True,
    targets: tuple[str, ...] | None = None,
    with_packs: bool = True,
    progress: Progress = _quiet,
) -> BuildReport:
    """Build the public site of the project at `root` into `out`, and every target's
    pack into `packs/<id>/`. With `targets`, build only those packs and not the site;
    without `with_packs`, only the site (what a CI that publishes it needs).

    Everything is rendered in memory first; files are written only once all of it
    has worked, so a failure leaves what was built before untouched. `progress` hears
    of each step as it starts, for a terminal to show.
    """
    started = time.perf_counter()
    recover(out)  # a build killed mid-swap left the previous site beside it: put it back
    progress("reading and checking the content")
    portfolio, theme = load(root)
    if base_url is not None:
        portfolio = _with_base_url(portfolio, base_url)
    packs = packs or root / "packs"
    _check_apart(out, packs)
    chosen = targets if targets is not None else tuple(portfolio.targets) if with_packs else ()
    _check_targets(chosen, portfolio)
    site = site_outputs(portfolio, theme, pdf, progress) if targets is None else []
    pack_outputs = {}
    md = renderer(portfolio.config.unsafe_html)
    for target in chosen:
        progress(f"the pack for {target}")
        pack = build_pack(portfolio, portfolio.targets[target])
        pack_outputs[target] = _pack(pack, theme, md, pdf, progress)
    progress("writing the files")
    if targets is None:
        write_tree(out, site)
    reports = []
    for target_id, outputs in pack_outputs.items():
        write_tree(packs / target_id, outputs)
        reports.append(PackReport(target_id, packs / target_id, len(outputs), _count_pdfs(outputs)))
    return BuildReport(
        out if targets is None else None,
        sum(1 for o in site if o.path.endswith(".html")),
        _count_pdfs(site),
        len(site),
        time.perf_counter() - started,
        tuple(reports),
    )


def site_outputs(
    portfolio: Portfolio, theme: Theme, pdf: bool, progress: Progress = _quiet
) -> list[Output]:
    """Every file of the public site, in memory: what `build` writes and `serve` serves."""
    public = public_view(portfolio)
    md = renderer(portfolio.config.unsafe_html)
    progress("the site's pages")
    site = render_site(public, theme, md, with_pdf=pdf)
    if pdf:
        progress("resume.pdf")
        site.append(_resume_pdf(public, theme, md))
    return site


def _check_targets(chosen: tuple[str, ...], portfolio: Portfolio) -> None:
    """`--target` names targets that exist; a typo gets the nearest id."""
    for target in chosen:
        if target not in portfolio.targets:
            close = suggest(target, portfolio.targets)
            known = ", ".join(portfolio.targets) or "none: add one in content/targets/"
            raise BuildError(
                f"no target with id `{target}` in content/targets/; "
                + (f"did you mean `{close}`?" if close else f"the targets are: {known}")
            )


def _count_pdfs(outputs: list[Output]) -> int:
    return sum(1 for o in outputs if o.path.endswith(".pdf") and o.data is not None)


def _check_apart(site: Path, packs: Path) -> None:
    """Packs are private: they may never be written into the site, nor the site into them."""
    site, packs = site.resolve(), packs.resolve()
    if packs.is_relative_to(site) or site.is_relative_to(packs):
        raise BuildError(
            f"the site ({site}) and the packs ({packs}) must be separate folders: "
            "packs are private and must never be published"
        )


def _pack(pack: Pack, theme: Theme, md: Markdown, pdf: bool, progress: Progress) -> list[Output]:
    """Every file of one target's pack, PDFs included."""
    outputs = render_pack(pack, theme, md, with_pdf=pdf)
    if not pdf:
        return outputs
    from portfolio.pdf import Embedded  # WeasyPrint costs half a second to import

    documents = [d for d in ("resume", "promotion-case", "evidence-pack") if d in pack.outputs]
    folder = pack.p.root / "content" / "evidence"
    for document in documents:
        html = render_pack_print(pack, theme, md, document)
        embed = []
        if document == "evidence-pack":
            embed = [
                Embedded(folder / a.source, a.name, f"{c.view.ev.title}: {a.name}")
                for c in pack.chosen
                for a in c.view.attachments
            ]
        name = f"{document}.pdf"
        progress(f"packs/{pack.target.id}/{name}")
        data = _render_pdf(html, pack.p, theme, f"packs/{pack.target.id}/{name}", embed)
        outputs.append(Output(name, data))
    return outputs


def _resume_pdf(public: Portfolio, theme: Theme, md: Markdown) -> Output:
    html = render_resume_print(public, theme, md)
    return Output("resume.pdf", _render_pdf(html, public, theme, "resume.pdf"))


def _render_pdf(
    html: str, p: Portfolio, theme: Theme, name: str, embed: Sequence[Embedded] = ()
) -> bytes:
    """One PDF, reading only the project and the theme. A refused URL becomes a
    located problem in the content file that names it."""
    from portfolio import pdf  # WeasyPrint costs half a second to import: only when needed

    try:
        return pdf.render_pdf(
            html,
            [p.root, *theme.folders],
            base_url=p.root.as_uri() + "/",
            variant=p.config.pdf_variant,
            embed=embed,
        )
    except pdf.PdfError as exc:
        files = ["content/profile.yaml"]
        files += [g.source for g in p.goals.values()] + [e.source for e in p.evidence.values()]
        where = find_reference(p.root, files, exc.url) if exc.url else None
        if where is None:
            raise BuildError(f"{name}: {exc}") from None
        raise ContentError(
            [
                Problem(
                    *where,
                    f"{name} cannot be made: {exc}",
                    "use an image or file inside content/evidence/ and name it with a "
                    "relative path, or make it a plain link",
                )
            ]
        ) from None


def _with_base_url(p: Portfolio, base_url: str) -> Portfolio:
    config = p.config.model_validate(
        {**p.config.model_dump(exclude_unset=True), "base_url": base_url}
    )
    return replace(p, config=config)
