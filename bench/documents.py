"""`python -m bench.documents PROJECT RUNS`: how long the resume takes to write as Word,
plain text and Markdown, in the process that builds it (no PDF renderer involved).

Prints one JSON object: the seconds of each run of each step (`model`: the neutral
document from the resume; `docx`, `text`, `markdown`: each writer), the seconds to
import python-docx (paid once, by a build that makes a Word file), and the process's
peak memory in KB. `python -m bench` runs it in a process of its own, so the import
is cold, as in a build.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def timings(project: Path, runs: int) -> dict[str, object]:
    from portfolio.build import load
    from portfolio.content.markdown import renderer
    from portfolio.content.portfolio import public_view
    from portfolio.content.resume import build_resume
    from portfolio.documents.markdown import as_markdown
    from portfolio.documents.resume import resume_document
    from portfolio.documents.text import as_text
    from portfolio.site.render import look, stamp
    from portfolio.site.themes import catalog

    portfolio, theme = load(project)
    public = public_view(portfolio)
    resume = build_resume(public)
    strings = catalog(theme, public.config.language)
    md = renderer(public.config.unsafe_html)
    started = time.perf_counter()
    import docx  # noqa: F401  (what the first Word file of a build pays)

    imported = time.perf_counter() - started
    from portfolio.documents.word import as_docx

    style, when = look(theme), stamp(public)
    steps: dict[str, list[float]] = {"model": [], "docx": [], "text": [], "markdown": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        document = resume_document(
            resume, strings.say, md, language=public.config.language, paper=public.config.paper
        )
        t1 = time.perf_counter()
        as_docx(document, style, when)
        t2 = time.perf_counter()
        as_text(document)
        t3 = time.perf_counter()
        as_markdown(document)
        t4 = time.perf_counter()
        for step, seconds in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            steps[step].append(seconds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"steps": steps, "import": imported, "peak_kb": peak}


if __name__ == "__main__":
    print(json.dumps(timings(Path(sys.argv[1]), int(sys.argv[2]))))
