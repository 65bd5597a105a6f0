"""`.portfolio/import.json`: what the last import made, and the hash of what it wrote.

A second import needs to know which files are its own to update or remove, and which
the person made or edited since: a file is the import's while its bytes still hash to
what the import wrote (line endings aside, so a checkout that turns them into CRLF
edits nothing). The manifest names only files an import makes (the profile, evidence
files, portfolio.yaml), so one that came with a cloned repository cannot point an
import at anything else; it is outside `content/`, and no build reads it.

```json
{
  "version": 1,
  "source": "jsonresume",
  "files": {"content/evidence/shipped-it.md": "<sha256>", "content/profile.yaml": "<sha256>"}
}
```
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from portfolio.errors import UserError
from portfolio.system.regular import read_bytes

MANIFEST = ".portfolio/import.json"
VERSION = 1
# The only files an import writes, so the only ones a manifest may name.
_OURS = re.compile(r"portfolio\.yaml|content/profile\.yaml|content/evidence/[a-z0-9-]+\.md")


class BadManifest(UserError):
    """The manifest is not one an import wrote."""


@dataclass
class Manifest:
    """The files the last import wrote, each with the SHA-256 of its bytes."""

    source: str | None = None
    files: dict[str, str] = field(default_factory=dict)

    def holds(self, rel: str, data: bytes) -> bool:
        """Whether `data`, the bytes of `rel` now, are what the import wrote there."""
        return self.files.get(rel) == digest(data)


def digest(data: bytes) -> str:
    """The SHA-256 of a text file's bytes, line endings made `\\n` first."""
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def load(root: Path) -> Manifest:
    """The project's manifest; an empty one if no import has written it."""
    path = root / MANIFEST
    if not path.exists():
        return Manifest()
    fix = (
        "restore it from git, or delete it (the next import then takes every file it "
        "finds for yours, and leaves it as it is)"
    )
    try:
        data = json.loads(read_bytes(path).decode("utf-8"))
    except json.JSONDecodeError as exc:
        raise BadManifest(
            f"{MANIFEST}:{exc.lineno}:{exc.colno}: not JSON ({exc.msg}); {fix}"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadManifest(f"{MANIFEST}: cannot be read ({exc}); {fix}") from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(files, dict):
        raise BadManifest(f"{MANIFEST}: not a manifest of version {VERSION}; {fix}")
    for rel, sha in files.items():
        if not _OURS.fullmatch(rel) or not isinstance(sha, str):
            raise BadManifest(f"{MANIFEST}: `{rel}` is not a file an import makes; {fix}")
    source = data.get("source")
    return Manifest(source if isinstance(source, str) else None, dict(files))


def save(root: Path, manifest: Manifest) -> Path:
    """Write the manifest, its files sorted so that a change reads well in a diff."""
    path = root / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "version": VERSION,
        "source": manifest.source,
        "files": dict(sorted(manifest.files.items())),
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
