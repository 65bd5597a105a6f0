"""Dates as people write them on a resume: a year, a month, or a day.

`2021`, `2021-03` and `2021-03-15` are the canonical forms; the forms people copy from
an old CV are read too, each at the precision it gives: `2021/03`, `2021.03`,
`03/2021`, `Mar 2021`, `March 2021`, `Sept 2021`, `15 March 2021`, `March 15, 2021`.
A position that started in March 2021 must not pretend to know the day. `PartialDate`
keeps the precision, orders naturally and formats for display at the precision it
was given; `iso()` is its one canonical spelling.

Nothing is guessed: `03/04/2020` is 3 April in Lisbon and 4 March in Boston, so a
day and month both in numbers are refused with the ISO spellings to choose from, and
an impossible date (`2024-09-31`) says what is wrong with it. `DateError` carries a
hint for the person, and the part of the date that is certain (`2024-09`), for the
JSON Resume import, which keeps that part rather than drop the date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from portfolio.clock import build_date, source_date

# English, whatever the machine's locale (calendar.month_name follows LC_TIME).
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# A month's word is its name, its first three letters, or `Sept`: its first three say which.
MONTHS = {name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, 1)}
HINT = "write a real date as YYYY-MM-DD, YYYY-MM or YYYY"


def _any_case(word: str) -> str:
    """`may` -> `[Mm][Aa][Yy]`: a JSON Schema pattern has no flags, so the one pattern
    that both the parser and the schema use spells out its case-insensitivity."""
    return "".join(f"[{c.upper()}{c}]" for c in word)


_YEAR = r"([0-9]{4})"
_NUM = r"([0-9]{1,2})"  # ASCII: `\d` is any script's digit in Python, not in JavaScript


def _month(name: str) -> str:
    """`[Jj][Aa][Nn](?:[Uu][Aa][Rr][Yy])?`: the name or its abbreviation, any case."""
    short, rest = _any_case(name[:3].lower()), _any_case(name[3:].lower())
    if name == "September":
        rest = f"{_any_case('t')}(?:{_any_case('ember')})?"
    return f"{short}(?:{rest})?" if rest else short


_NAME = "(" + "|".join(_month(name) for name in MONTH_NAMES) + r")\.?"
_WORD = r"([A-Za-z]+)\.?"  # where a month name goes, to say "`Mai` is not a month"
_ORDINAL = "(?:" + "|".join(_any_case(s) for s in ("st", "nd", "rd", "th")) + ")?"


def _forms(name: str) -> tuple[tuple[str, str], ...]:
    """Every accepted form: its pattern, and what its groups hold in order (year,
    month as a number, month as a name, day)."""
    return (
        (rf"{_YEAR}(?:-{_NUM}(?:-{_NUM})?)?", "ymd"),  # 2021, 2021-07, 2021-07-15
        (rf"{_YEAR}/{_NUM}(?:/{_NUM})?", "ymd"),  # 2021/07, 2021/07/15
        (rf"{_YEAR}\.{_NUM}(?:\.{_NUM})?", "ymd"),  # 2021.07, 2021.07.15
        (rf"{_NUM}[-/.]{_YEAR}", "my"),  # 07/2021
        # Jul 2021, July 2021, Sept. 2021, July 15, 2021, Jul 15th 2021
        (rf"{name}\s+(?:{_NUM}{_ORDINAL},?\s+)?{_YEAR}", "ndy"),
        (rf"{_NUM}{_ORDINAL}\s+{name},?\s+{_YEAR}", "dny"),  # 15 July 2021, 15th Jul 2021
    )


_FORMS = tuple((re.compile(p), order) for p, order in _forms(_NAME))
_WORD_FORMS = tuple((re.compile(p), order) for p, order in _forms(_WORD) if "n" in order)
_NUMERIC_DAY_MONTH = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})")
# The JSON Schema's pattern: exactly the forms above (it cannot know September's 30 days).
PATTERN = "^(?:" + "|".join(p for p, _ in _forms(_NAME)) + ")$"


class DateError(ValueError):
    """A value that is not a date the format reads.

    `why` completes "`value` ..." (`is not a date: September 2024 has 30 days`), `hint`
    says how to write it, and `certain` is the part of the date the value does give
    (`2024-09` of `2024-09-31`), or None."""

    def __init__(self, text: str, why: str, hint: str, certain: PartialDate | None) -> None:
        super().__init__(f"`{text}` {why}")
        self.text = text
        self.why = why
        self.hint = hint
        self.certain = certain


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int = 0  # 0: unknown
    day: int = 0  # 0: unknown

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Read a date in any of the accepted forms, at the precision it gives;
        DateError (a ValueError) says what is wrong and how to write it."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, float):
            return cls._from_number(value)
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ValueError("expected a date written YYYY-MM-DD, YYYY-MM or YYYY")
        text = " ".join(str(value).split())
        for pattern, order in _FORMS:
            if match := pattern.fullmatch(text):
                parts = dict(zip(order, match.groups(), strict=True))
                month = MONTHS[parts["n"][:3].lower()] if "n" in parts else _number(parts["m"])
                return cls._checked(text, int(parts["y"]), month, _number(parts.get("d")))
        raise cls._unread(text)

    @classmethod
    def _checked(cls, text: str, year: int, month: int | None, day: int | None) -> PartialDate:
        """The date, if the calendar has it (None: not given)."""
        if year < 1:
            raise DateError(text, "is not a date: there is no year 0", HINT, None)
        if month is None:
            return cls(year)
        if not 1 <= month <= 12:
            raise DateError(text, f"is not a date: there is no month {month}", HINT, cls(year))
        if day is None:
            return cls(year, month)
        if not _real(year, month, day):
            last = calendar.monthrange(year, month)[1]
            why = f"is not a date: {MONTH_NAMES[month - 1]} {year} has {last} days"
            raise DateError(text, why, HINT, cls(year, month))
        return cls(year, month, day)

    @classmethod
    def _unread(cls, text: str) -> DateError:
        """Why `text`, in none of the forms, is refused: a day and month in numbers, a
        word that is not a month, or nothing like a date."""
        match = _NUMERIC_DAY_MONTH.fullmatch(text)
        if match and int(match[4]) >= 1:
            a, b, y = int(match[1]), int(match[3]), int(match[4])
            readings = sorted(
                {cls(y, m, d) for d, m in ((a, b), (b, a)) if 1 <= m <= 12 and _real(y, m, d)}
            )
            if len(readings) == 2:
                said = " or ".join(f"{r.day} {MONTH_NAMES[r.month - 1]}" for r in readings)
                spelled = " or ".join(f"`{r.iso()}`" for r in readings)
                why = f"could be {said} {y}: day and month in numbers are not guessed"
                return DateError(text, why, f"write {spelled}", cls(y))
            if readings:
                why = "gives day and month in numbers, which countries read in different orders"
                return DateError(text, why, f"write `{readings[0].iso()}`", readings[0])
            return DateError(text, "is not a date", HINT, cls(y))
        for pattern, order in _WORD_FORMS:
            if match := pattern.fullmatch(text):
                word = dict(zip(order, match.groups(), strict=True))["n"]
                return DateError(
                    text,
                    f"is not a date: `{word}` is not a month",
                    "write the month in English, like `Jan 2020` or `January 2020`, or as YYYY-MM",
                    None,
                )
        return DateError(text, "is not a date", HINT, None)

    @classmethod
    def _from_number(cls, value: float) -> PartialDate:
        """`2021.07` unquoted is a number to YAML and JSON: the month is its decimals,
        unless they are `.1`, which is also what `2021.10` becomes."""
        text = repr(value) if math.isfinite(value) else str(value)
        year, _, decimals = text.partition(".")
        if decimals == "1" and year.isdigit() and len(year) == 4:
            why = f"is a number, so it could be January or October {year}"
            raise DateError(text, why, f"write `{year}-01` or `{year}-10`", cls(int(year)))
        return cls.parse(text)

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
        """`2021`, `2021-07` or `2021-07-15`: the canonical spelling, at the precision known."""
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
            "type": ["string", "number"],
            "pattern": PATTERN,
            "description": (
                "A date: YYYY-MM-DD, YYYY-MM or YYYY; also 2021/07, 2021.07, 07/2021, "
                "Jul 2021, July 2021, 15 July 2021 or July 15, 2021. A number is read as "
                "YYYY or YYYY.MM; a day and month both in numbers (03/04/2020) are not."
            ),
        }


class SameDate(ValueError):
    """Two keys of a mapping by date that name one date."""

    hint = "keep one of the two"


def one_key_a_date(values: Any) -> Any:
    """A mapping by date (an indicator's `values`) before it is read: `2025-01` and
    `Jan 2025` are one date, and the second would silently replace the first."""
    if isinstance(values, dict):
        seen: dict[PartialDate, Any] = {}
        for key in values:
            try:
                date = PartialDate.parse(key)
            except ValueError:
                continue  # said by the key's own check
            if date in seen:
                raise SameDate(f"`{seen[date]}` and `{key}` are the same date")
            seen[date] = key
    return values


def _real(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _number(digits: str | None) -> int | None:
    return None if digits is None else int(digits)


# build_date and source_date: the day, from clock.py
__all__ = ["PATTERN", "DateError", "PartialDate", "build_date", "one_key_a_date", "source_date"]
