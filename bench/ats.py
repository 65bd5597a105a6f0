"""`python -m bench.ats`: how well a tracking system's parser reads our resume PDFs.

    python -m bench.ats --tool /tmp/ats             # a built parser (see below)
    python -m bench.ats --tool /tmp/ats --setup ../shared/tools/ats/run.sh
    python -m bench.ats --tool /tmp/ats --no-peers  # without RenderCV

The parser is OpenResume's, a heuristic one like many in real tracking systems; it is
AGPL-3.0, so it is never part of this repository: `--setup run.sh` builds the wrapper
into `--tool` (it fetches from the npm registry, which is why this is a benchmark and
not a test), and `--tool` alone uses one built before. `score.py` beside `run.sh`
compares what the parser read with our own JSON Resume export of the same person.

Scored, each built from scratch in a temporary folder: the sample's public resume and
each of its tailored resumes (scored against the full export: a tailored resume keeps
every position, school and skill), and every career in tests/data/careers/, imported
from its JSON Resume and built. RenderCV's PDF of the sample (bench/rendercv.py) is
scored the same way, for comparison. Besides the fields, every word the parser read
is checked against the words of the resume: two words read as one ("for1.2") is a
glued word, listed. Figures go into bench/RESULTS.md, between the ATS markers, so
`python -m bench` keeps them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CAREERS = REPO / "tests" / "data" / "careers"
PORTFOLIO = [sys.executable, "-m", "portfolio"]
ENV = {"SOURCE_DATE_EPOCH": "1795305600"}
START, END = "<!-- ats -->", "<!-- /ats -->"
# Words the resume prints that no JSON Resume field holds: headings, months, "present".
_WORD = re.compile(r"[^\W_]+(?:[.,'’-][^\W_]+)*", re.UNICODE)


@dataclass
class Score:
    name: str
    fields: int
    total: int
    misses: list[str]
    glued: list[str]

    @property
    def percent(self) -> float:
        return 100 * self.fields / max(1, self.total)


def _run(cmd: list[str | Path], cwd: Path | None = None, **env: str) -> str:
    done = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **ENV, **env},
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _shown(text: str) -> str:
    """Text without format characters: a zero-width non-joiner (Persian) shapes letters
    and is no glyph, so a PDF's text never has it, and its absence joins no words."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def glued(parsed: dict[str, Any], expected: dict[str, Any], pdf_text: str) -> list[str]:
    """Words the parser read that are two words of the resume run together."""
    known = {w.casefold() for s in _strings(expected) for w in _WORD.findall(_shown(s))}
    known |= {w.casefold() for w in _WORD.findall(_shown(pdf_text))}
    found = []
    for word in {w for s in _strings(parsed) for w in _WORD.findall(_shown(s))}:
        folded = word.casefold()
        if folded in known:
            continue
        if any(
            folded[:i] in known and folded[i:].lstrip(".,") in known for i in range(1, len(folded))
        ):
            found.append(word)
    return sorted(found)


def score(tool: Path, pdf: Path, expected: Path, name: str) -> Score:
    parsed_text = _run(["node", tool / "openresume-parse.js", pdf])
    parsed_file = pdf.with_suffix(".parsed.json")
    parsed_file.write_text(parsed_text, encoding="utf-8")
    scorer = tool / "score.py"
    out = _run([sys.executable, scorer, parsed_file, expected, "--detail"])
    match = re.search(r"ats fields: (\d+)/(\d+)", out)
    if not match:
        raise SystemExit(f"score.py printed no score for {name}:\n{out}")
    misses = [line[6:] for line in out.splitlines() if line.startswith("miss: ")]
    pdf_text = _run(["pdftotext", "-layout", pdf, "-"]) if shutil.which("pdftotext") else ""
    parsed = json.loads(parsed_text)
    words = glued(parsed, json.loads(expected.read_text(encoding="utf-8")), pdf_text)
    return Score(name, int(match[1]), int(match[2]), misses, words)


def _sample(work: Path, tool: Path) -> list[Score]:
    project = work / "sample"
    shutil.copytree(REPO, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "packs", "bench", "tests", "node_modules", "*.egg-info"
    ))  # fmt: skip
    _run([*PORTFOLIO, "build", project])
    expected = work / "sample.json"
    _run([*PORTFOLIO, "export", "jsonresume", project, "-o", expected])
    scores = [score(tool, project / "site" / "resume.pdf", expected, "sample: public resume")]
    for pdf in sorted((project / "packs").glob("*/resume.pdf")):
        scores.append(score(tool, pdf, expected, f"sample: tailored, {pdf.parent.name}"))
    return scores


def _careers(work: Path, tool: Path) -> list[Score]:
    scores = []
    languages = json.loads((CAREERS / "languages.json").read_text(encoding="utf-8"))
    for source in sorted(p for p in CAREERS.glob("*.json") if p.name != "languages.json"):
        project = work / source.stem
        _run([*PORTFOLIO, "import", "jsonresume", source, project])
        if source.stem in languages:  # as the person would set it: JSON Resume has no field
            config = project / "portfolio.yaml"
            text = config.read_text(encoding="utf-8")
            language = f"language: {languages[source.stem]}\n"
            config.write_text(text.replace("language: en\n", language), encoding="utf-8")
        _run([*PORTFOLIO, "build", project])
        expected = work / f"{source.stem}.json"
        _run([*PORTFOLIO, "export", "jsonresume", project, "-o", expected])
        pdf = project / "site" / "resume.pdf"
        scores.append(score(tool, pdf, expected, f"tests/data/careers/{source.name}"))
    return scores


def _rendercv(work: Path, tool: Path) -> Score:
    from bench import peers, rendercv

    cv = rendercv.write(REPO, work / "rendercv")
    # Typst's packages come from bench/typst/, as in `python -m bench`: no network.
    _run([peers.command("rendercv"), "render", cv.name], cwd=cv.parent, XDG_DATA_HOME=str(HERE))
    pdf = next((cv.parent / "rendercv_output").glob("*.pdf"))
    return score(tool, pdf, work / "sample.json", "RenderCV 2.3, the sample (peer)")


def table(scores: list[Score]) -> str:
    lines = [
        START,
        "## Tracking systems: how a parser reads the resume PDF",
        "",
        "Run: `python -m bench.ats --tool DIR` (OpenResume's parser, built by",
        "`../shared/tools/ats/run.sh DIR`; score.py beside it). Fields: name, email,",
        "location, summary, each job's title and company apart and its dates, each school",
        "and degree, each skill. Glued: words the parser read run together.",
        "",
        "| resume | fields | % | glued words | misses |",
        "| --- | --- | --- | --- | --- |",
    ]
    for s in scores:
        misses = "; ".join(s.misses) or "none"
        glue = ", ".join(s.glued) or "none"
        lines.append(f"| {s.name} | {s.fields}/{s.total} | {s.percent:.0f} % | {glue} | {misses} |")
    lines.append(END)
    return "\n".join(lines) + "\n"


def record(results: Path, text: str) -> None:
    """Put the ATS table into RESULTS.md, replacing the one before."""
    old = results.read_text(encoding="utf-8") if results.is_file() else ""
    if START in old and END in old:
        head, rest = old.split(START, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        new = head + text + ("\n" + tail if tail else "")
    else:
        new = old.rstrip("\n") + "\n\n" + text
    results.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.ats",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--tool", type=Path, required=True, help="the built parser's folder")
    parser.add_argument("--setup", type=Path, help="run.sh: build the parser into --tool first")
    parser.add_argument("--no-peers", action="store_true", help="skip RenderCV")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    tool = args.tool.resolve()
    if args.setup:
        subprocess.run(["sh", str(args.setup.resolve()), str(tool)], check=True)
        shutil.copy(args.setup.resolve().parent / "score.py", tool / "score.py")
    if not (tool / "openresume-parse.js").is_file() or not (tool / "score.py").is_file():
        raise SystemExit(f"{tool}: no openresume-parse.js and score.py; build it with --setup")
    with tempfile.TemporaryDirectory(prefix="portfolio-ats-") as tmp:
        work = Path(tmp)
        scores = _sample(work, tool) + _careers(work, tool)
        if not args.no_peers:
            scores.append(_rendercv(work, tool))
    for s in scores:
        print(f"{s.name}: {s.fields}/{s.total} ({s.percent:.0f} %)", flush=True)
        for miss in s.misses:
            print(f"    miss: {miss}")
        if s.glued:
            print(f"    glued: {', '.join(s.glued)}")
    record(args.out, table(scores))
    print(f"Wrote {args.out}")


if __name__ == "__main__":
    main()
