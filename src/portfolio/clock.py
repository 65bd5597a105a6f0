"""What day the build is for: standard library only, so the cache's quick check
(cache.py), which runs before anything heavy is imported, agrees with the build."""

from __future__ import annotations

import datetime as dt
import os


def source_date() -> dt.datetime | None:
    """The moment `SOURCE_DATE_EPOCH` fixes for reproducible builds, if it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)


def build_date() -> dt.date:
    """The build date: `SOURCE_DATE_EPOCH` if set (reproducible builds), else today."""
    stamp = source_date()
    return stamp.date() if stamp else dt.date.today()
