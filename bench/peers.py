"""The peers, each installed into a virtual environment of its own under bench/.peers/
(git-ignored), at the versions the issue's figures were measured with."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HOME = Path(__file__).parent / ".peers"
PEERS = {
    "mkdocs": ("mkdocs==1.6.1",),
    "pelican": ("pelican[markdown]==4.12.0",),
    "rendercv": ("rendercv[full]==2.3", "click"),  # typer no longer brings click along
}


def command(name: str) -> Path:
    """The peer's executable, installing it on first use."""
    venv = HOME / name
    exe = venv / "bin" / name
    if not exe.is_file():
        HOME.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", *PEERS[name]], check=True)
    return exe


def version(name: str) -> str:
    venv = HOME / name
    done = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            f"import importlib.metadata as m; print(m.version({name!r}))",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "?"
