"""A target's job description (`job:`, a JSON Resume job file), and JSON read safely.

A job description is content like the rest (it decides the ranking of a pack), so
it is read here, with the limits every content file has: no more than a megabyte,
and no deeper than any real job description or resume nests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from portfolio.content.read import MAX_BYTES
from portfolio.system import regular

MAX_DEPTH = 32  # a JSON Resume nests four levels deep (basics.location.address); a job, two


class TooDeep(ValueError):
    """JSON nested deeper than any resume or job description: refused before anything
    walks it (Python's own parser gives up at about a thousand levels, with a traceback)."""


def parse_json(text: str) -> Any:
    """The value `text` holds; `json.JSONDecodeError` (with its line and column) if it is
    not JSON, `TooDeep` if it nests more than MAX_DEPTH levels."""
    try:
        data = json.loads(text)
    except RecursionError:
        data = None
        deep = True
    else:
        deep = _deeper_than(data, MAX_DEPTH)
    if deep:
        raise TooDeep(f"nested more than {MAX_DEPTH} levels deep")
    return data


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether arrays and objects nest more than `limit` levels (walked without recursion)."""
    todo = [(data, 1)]
    while todo:
        node, depth = todo.pop()
        if isinstance(node, dict | list):
            if depth > limit:
                return True
            children = node.values() if isinstance(node, dict) else node
            todo += [(child, depth + 1) for child in children]
    return False


class Unreadable(ValueError):
    """A JSON file that cannot be used, and how to fix it (`hint`)."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def read_job(path: Path) -> dict[str, Any]:
    """A target's JSON Resume job description (`job:`), or Unreadable saying why not."""
    try:
        size = path.stat().st_size
        raw = regular.read_bytes(path) if size <= MAX_BYTES else b""
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise Unreadable(
            f"cannot be read: {reason}", "check that it is a file you can read"
        ) from None
    if size > MAX_BYTES:
        raise Unreadable(
            f"is {size:,} bytes; the limit is {MAX_BYTES:,}",
            "keep the job description to its title, skills and responsibilities",
        )
    shape = 'use the JSON Resume job format: {"title": ..., "skills": [...]}'
    try:
        data = parse_json(raw.decode("utf-8"))
    except TooDeep as exc:
        raise Unreadable(f"is {exc}", shape) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise Unreadable(
            f"is not valid JSON: {exc}", "check the file with a JSON validator"
        ) from None
    if not isinstance(data, dict):
        raise Unreadable("is not a JSON object", shape)
    return data
