"""What a page's templates read of the content, as they render it.

The build cache (cache/store.py) keys each page by everything in its context. For most
pages that is far more than they show: the evidence list shows every item's card,
not its story, yet its context holds every item's `body` (the Markdown text), so an
edit to one story would make the whole list again. While a page renders, this
module notes whether a `body` was read, or a model was used whole (printed,
compared, iterated, or one of its methods called), which could read it. A page
that read none has its key taken without the bodies (cache/fingerprint.py) and is not
made again when only a body changed.

This is sound because a page is a function of its context: if no body was read on
the way to its output, no body decided it, and the next time, with only bodies
changed, the template takes the same way and writes the same bytes. Everything that
could read a body is watched: the sandbox's attribute and item lookups (site/themes.py),
and the model methods that see every field (content/models.py). Python code run during a
render (filters) is given strings and views, never a model it could read a body of.
"""

from __future__ import annotations


class Watch:
    """One page's render."""

    def __init__(self) -> None:
        self.bodies = False


watching: Watch | None = None


def body_read() -> None:
    """A body, or a whole model, was read by the page being rendered (if any)."""
    if watching is not None:
        watching.bodies = True
