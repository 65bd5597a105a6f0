"""Named moments of a build, where a test can stop it: faults driven by events, not
by clocks.

A test that kills a build "during the PDFs" by sleeping for two seconds tests nothing
on a machine where the PDFs take one. Instead, with `PORTFOLIO_STOP_AT` naming one of
these moments (or several, comma-separated), the build stops itself (SIGSTOP) when it
reaches it; the test waits for the stop (`waitpid` with `WUNTRACED`), then kills the
build or lets it go on (SIGCONT). Unset, a moment costs one dictionary lookup.

The moments, in the order a build reaches them:

- `loaded`: the content is read and checked;
- `pdfs`: the PDFs are with their workers, and the build waits for them;
- `pdf`: a PDF worker starts on a document (the worker stops, not the build);
- `staging:<folder>`: the first file of a new output folder is written (`<folder>` is
  the output's name: `site`, or a target's id for its pack);
- `staged:<folder>`: the new folder is whole, not yet swapped in;
- `swapped:<folder>`: it is in place, the old one not yet removed;
- `cache`: every folder is written, the cache not yet saved.
"""

from __future__ import annotations

import os
import signal

VARIABLE = "PORTFOLIO_STOP_AT"


def reached(moment: str) -> None:
    """Stop here if a test asked to (see the module's docstring)."""
    wanted = os.environ.get(VARIABLE)
    if wanted and moment in wanted.split(",") and hasattr(signal, "SIGSTOP"):
        os.kill(os.getpid(), signal.SIGSTOP)
