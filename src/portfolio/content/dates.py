"""Dates as people write them on a resume: a year, a month, or a day.

`2021`, `2021-03` and `2021-03-15` are all valid in the format; a position that
started in March 2021 must not pretend to know the day. `PartialDate` keeps the
precision, orders naturally and formats for display at the precision it was given.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from portfolio.clock import build_date, source_date

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int = 0  # 0: unknown
    day: int = 0  # 0: unknown

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; ValueError says what is wrong."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ValueError("expected a date written YYYY-MM-DD, YYYY-MM or YYYY")
        text = str(value).strip()
        match = _DATE.fullmatch(text)
        if not match:
            raise ValueError(f"`{text}` is not a date")
        year, month, day = (int(g) if g else 0 for g in match.groups())
        if match.group(2) and not 1 <= month <= 12:
            raise ValueError(f"`{text}` is not a date: there is no month {month}")
        if match.group(3):
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                name = calendar.month_name[month]
                raise ValueError(f"`{text}` is not a date: {name} {year} has {last} days")
        return cls(year, month, day)

    @property
    def first_day(self) -> dt.date:
        """The earliest day the date can mean (for starts and comparisons)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day the date can mean (for deadlines: `due: 2027` is the year's end)."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": ["string", "integer"],
            "pattern": PATTERN,
            "description": "A date: YYYY-MM-DD, YYYY-MM or YYYY.",
        }


__all__ = ["PATTERN", "PartialDate", "build_date", "source_date"]  # the day: clock.py
