"""What day the build is for: standard library only, so the cache's quick check
(cache/store.py), which runs before anything heavy is imported, agrees with the build."""

from __future__ import annotations

import datetime as dt
import os

from portfolio.errors import UserError

# The last second a date can name (9999-12-31T23:59:59Z), as clang and others allow.
LATEST = 253_402_300_799


class BadSourceDate(UserError, ValueError):
    """`SOURCE_DATE_EPOCH` is set to something that names no moment. The reproducible
    builds specification asks a build to stop rather than guess, and any guess
    (today's date) would make a build that looks reproducible but is not."""


def source_date() -> dt.datetime | None:
    """The moment `SOURCE_DATE_EPOCH` fixes for reproducible builds; None if it is unset
    or empty; BadSourceDate unless it is a whole number of seconds from 0 to LATEST."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not (epoch.isascii() and epoch.isdigit() and len(epoch) <= len(str(LATEST))) or (
        int(epoch) > LATEST
    ):
        shown = epoch if len(epoch) <= 40 else epoch[:40] + "..."
        raise BadSourceDate(
            f"SOURCE_DATE_EPOCH is `{shown}`: it must be a whole number of seconds since "
            f"1970-01-01 UTC, from 0 to {LATEST} (the end of the year 9999)"
        )
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)


def build_date() -> dt.date:
    """The build date: `SOURCE_DATE_EPOCH` if set (reproducible builds), else today."""
    stamp = source_date()
    return stamp.date() if stamp else dt.date.today()
