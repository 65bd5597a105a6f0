"""Dates are honest: every written form is read at the precision it gives, nothing is
guessed, an impossible date is a located error, and the pages never add a day or a
"present" that the person did not write."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from conftest import PROJECTS, run
from portfolio.content.dates import PATTERN, DateError, PartialDate
from portfolio.content.language import format_date, format_range

D = PartialDate

READ = [
    ("2019", D(2019)),
    (2019, D(2019)),
    ("2021-07", D(2021, 7)),
    ("2021-7", D(2021, 7)),
    ("2021-07-15", D(2021, 7, 15)),
    ("2021/07", D(2021, 7)),
    ("2021.07", D(2021, 7)),
    ("07/2021", D(2021, 7)),
    ("7/2021", D(2021, 7)),
    ("07.2021", D(2021, 7)),
    ("07-2021", D(2021, 7)),
    ("2021/07/15", D(2021, 7, 15)),
    ("2021.07.15", D(2021, 7, 15)),
    ("Jan 2020", D(2020, 1)),
    ("January 2020", D(2020, 1)),
    ("jan 2020", D(2020, 1)),
    ("JANUARY 2020", D(2020, 1)),
    ("Jan. 2020", D(2020, 1)),
    ("Sept 2019", D(2019, 9)),
    ("Sept. 2019", D(2019, 9)),
    ("Sep 2019", D(2019, 9)),
    ("September 2019", D(2019, 9)),
    ("March 2019", D(2019, 3)),
    ("May 2019", D(2019, 5)),
    ("June 2019", D(2019, 6)),
    ("15 March 2019", D(2019, 3, 15)),
    ("15 Mar 2019", D(2019, 3, 15)),
    ("15th March 2019", D(2019, 3, 15)),
    ("1st Feb 2019", D(2019, 2, 1)),
    ("March 15, 2019", D(2019, 3, 15)),
    ("March 15 2019", D(2019, 3, 15)),
    ("Mar 15th, 2019", D(2019, 3, 15)),
    ("  March   15,  2019 ", D(2019, 3, 15)),
    ("29 Feb 2024", D(2024, 2, 29)),
    # YAML and JSON read an unquoted 2021.07 as a number
    (2021.07, D(2021, 7)),
    (2021.12, D(2021, 12)),
    (2021.5, D(2021, 5)),
]


@pytest.mark.parametrize(("written", "date"), READ, ids=[str(w) for w, _ in READ])
def test_every_written_form_is_read_at_its_precision(written: object, date: PartialDate) -> None:
    assert PartialDate.parse(written) == date
    assert PartialDate.parse(date.iso()) == date, "iso() is read back as the same date"


REFUSED = [
    # value, the message, the hint, the part that is certain
    ("2024-09-31", "`2024-09-31` is not a date: September 2024 has 30 days", "YYYY-MM-DD",
     D(2024, 9)),
    ("31 September 2024", "is not a date: September 2024 has 30 days", "YYYY-MM-DD", D(2024, 9)),
    ("September 31, 2024", "is not a date: September 2024 has 30 days", "YYYY-MM-DD", D(2024, 9)),
    ("2024/09/31", "is not a date: September 2024 has 30 days", "YYYY-MM-DD", D(2024, 9)),
    ("29 Feb 2023", "is not a date: February 2023 has 28 days", "YYYY-MM-DD", D(2023, 2)),
    ("2024-13", "`2024-13` is not a date: there is no month 13", "YYYY-MM", D(2024)),
    ("13/2024", "is not a date: there is no month 13", "YYYY-MM", D(2024)),
    ("2024.13.01", "is not a date: there is no month 13", "YYYY-MM", D(2024)),
    ("2024-00", "is not a date: there is no month 0", "YYYY-MM", D(2024)),
    ("2024-01-00", "is not a date: January 2024 has 31 days", "YYYY-MM", D(2024, 1)),
    ("0000", "is not a date: there is no year 0", "YYYY", None),
    ("03/04/2020", "could be 4 March or 3 April 2020", "write `2020-03-04` or `2020-04-03`",
     D(2020)),
    ("03.04.2020", "could be 4 March or 3 April 2020", "`2020-03-04` or `2020-04-03`", D(2020)),
    ("20/06/2025", "gives day and month in numbers", "write `2025-06-20`", D(2025, 6, 20)),
    ("06/20/2025", "gives day and month in numbers", "write `2025-06-20`", D(2025, 6, 20)),
    ("04/04/2020", "gives day and month in numbers", "write `2020-04-04`", D(2020, 4, 4)),
    ("31/31/2020", "`31/31/2020` is not a date", "YYYY-MM-DD", D(2020)),
    ("Mai 2020", "is not a date: `Mai` is not a month", "in English", None),
    ("15 Janu 2020", "is not a date: `Janu` is not a month", "in English", None),
    ("Septe 2019", "is not a date: `Septe` is not a month", "in English", None),
    ("next year", "`next year` is not a date", "YYYY-MM-DD", None),
    ("2021/07-15", "is not a date", "YYYY-MM-DD", None),
    ("2015-01-01T00:00:00", "is not a date", "YYYY-MM-DD", None),
    ("٢٠٢١", "is not a date", "YYYY-MM-DD", None),  # digits, but not ASCII ones
    (2021.1, "`2021.1` is a number, so it could be January or October 2021",
     "write `2021-01` or `2021-10`", D(2021)),
    (2021.0, "there is no month 0", "YYYY-MM", D(2021)),
    (42, "`42` is not a date", "YYYY-MM-DD", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "message", "hint", "certain"), REFUSED, ids=[str(r[0]) for r in REFUSED]
)
def test_what_is_not_a_date_says_why_and_how_to_write_it(
    value: object, message: str, hint: str, certain: PartialDate | None
) -> None:
    with pytest.raises(DateError) as caught:
        PartialDate.parse(value)
    assert message in str(caught.value)
    assert hint in caught.value.hint
    assert caught.value.certain == certain
    assert str(caught.value) == f"`{caught.value.text}` {caught.value.why}"


@pytest.mark.parametrize("value", [True, None, [2020], {"year": 2020}])
def test_a_value_of_another_type_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match="expected a date"):
        PartialDate.parse(value)


def _matches(text: str) -> bool:
    return re.search(PATTERN, text) is not None


def test_the_schema_pattern_accepts_exactly_the_forms_the_parser_reads() -> None:
    """The editor's check and `portfolio check` agree: every string the parser reads
    matches the schema, and every one it refuses does not, except the calendar's own
    limits (31 September, month 13), which a pattern cannot know."""
    written = [w for w, _ in READ if isinstance(w, str)]
    refused = [v for v, *_ in REFUSED if isinstance(v, str)]
    limits = re.compile(r"days|month \d|year 0")
    calendar = {v for v, m, *_ in REFUSED if isinstance(v, str) and limits.search(m)}
    for text in written:
        assert _matches(text.strip()), text
    for text in refused:
        assert _matches(text) == (text in calendar), text
    schema = {"type": "string", "pattern": PATTERN}
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors("Sept. 2019"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors("03/04/2020"))


def test_the_pattern_is_one_javascript_reads_the_same() -> None:
    """No flags, named groups or `\\d` (any script's digit in Python): VS Code reads the
    schema's pattern with JavaScript's RegExp."""
    assert "(?P<" not in PATTERN and "(?i" not in PATTERN and "\\d" not in PATTERN


def test_partial_dates_sort_by_what_is_known() -> None:
    """A month sorts with its first day but never becomes one: `2021-07` stays a month."""
    dates = [D(2021, 7, 15), D(2021), D(2020, 12, 31), D(2021, 7)]
    assert sorted(dates) == [D(2020, 12, 31), D(2021), D(2021, 7), D(2021, 7, 15)]
    assert D(2021, 7).iso() == "2021-07" and str(D(2021)) == "2021"
    assert format_date(PartialDate.parse("July 2021")) == "Jul 2021"
    assert format_date(PartialDate.parse("Sept 2019"), "de") == "Sept. 2019"


RANGES = [
    (D(2022, 3), None, "en", "Mar 2022 – present"),
    (D(2019, 1), D(2022, 2), "en", "Jan 2019 – Feb 2022"),
    (D(2023, 10), D(2025, 12, 13), "en", "Oct 2023 – 13 Dec 2025"),
    (D(2020, 1, 14), D(2020, 1, 14), "en", "14 Jan 2020"),
    (D(2020, 1), D(2020, 1), "en", "Jan 2020"),
    (D(2020), D(2020), "en", "2020"),
    (D(2020, 1, 14), D(2020, 1, 16), "en", "14–16 Jan 2020"),
    (D(2020, 1, 14), D(2020, 2, 3), "en", "14 Jan – 3 Feb 2020"),
    (D(2022, 3), D(2022, 6), "en", "Mar – Jun 2022"),
    (D(2019), D(2020), "en", "2019 – 2020"),
    (D(2020, 3), D(2020, 3, 14), "en", "Mar 2020 – 14 Mar 2020"),  # precisions differ
    (D(2020, 6), D(2020, 3), "en", "Jun 2020 – Mar 2020"),  # backwards: as written
    (None, D(2020, 3), "en", "Mar 2020"),
    (D(2020, 1, 14), D(2020, 1, 14), "de", "14. Jan. 2020"),
    (D(2020, 1, 14), D(2020, 1, 16), "de", "14.–16. Jan. 2020"),
    (D(2020, 1, 14), D(2020, 2, 3), "de", "14. Jan. – 3. Feb. 2020"),
    (D(2022, 3), D(2022, 6), "fr", "mars–juin 2022"),
    (D(2019, 1), D(2022, 2), "de", "Jan. 2019 – Feb. 2022"),
]


@pytest.mark.parametrize(("start", "end", "language", "shown"), RANGES)
def test_a_range_reads_naturally(
    start: PartialDate | None, end: PartialDate | None, language: str, shown: str
) -> None:
    assert str(format_range(start, end, language)) == shown


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(PROJECTS / "minimal", root)
    return root


def _set(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_content_files_read_the_written_forms(tmp_path: Path) -> None:
    root = _project(tmp_path)
    evidence = root / "content" / "evidence" / "launch.md"
    _set(evidence, "date: 2025-06-20", 'start: March 15, 2025\nend: "2025.06.20"')
    profile = root / "content" / "profile.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8")
        + "experience:\n  - {organization: Acme, title: PM, start: 2021/07, end: Sept 2024}\n"
        + "education:\n  - {institution: Uni, start: 2015.09, end: 07/2019}\n",
        encoding="utf-8",
    )
    assert run("build", str(root), "--no-pdf").exit_code == 0
    resume = (root / "site" / "resume" / "index.html").read_text(encoding="utf-8")
    assert "Jul 2021 – Sep 2024" in resume and "Sep 2015 – Jul 2019" in resume
    page = (root / "site" / "evidence" / "launch" / "index.html").read_text(encoding="utf-8")
    assert "15 Mar – 20 Jun 2025" in page


@pytest.mark.parametrize(
    ("file", "old", "new", "error"),
    [
        (
            "content/evidence/launch.md", "date: 2025-06-20", "date: 31 September 2024",
            "content/evidence/launch.md:3:7: `date`: `31 September 2024` is not a date: "
            "September 2024 has 30 days\n    hint: write a real date as YYYY-MM-DD",
        ),
        (
            "content/evidence/launch.md", "date: 2025-06-20", "date: 2024/13",
            "content/evidence/launch.md:3:7: `date`: `2024/13` is not a date: there is no month 13",
        ),
        (
            "content/evidence/launch.md", "date: 2025-06-20", "date: 03/04/2020",
            "content/evidence/launch.md:3:7: `date`: `03/04/2020` could be 4 March or 3 April "
            "2020: day and month in numbers are not guessed\n"
            "    hint: write `2020-03-04` or `2020-04-03`",
        ),
        (
            "content/evidence/launch.md", "date: 2025-06-20", "date: 2025.10",
            "content/evidence/launch.md:3:7: `date`: `2025.1` is a number, so it could be "
            "January or October 2025\n    hint: write `2025-01` or `2025-10`",
        ),
        (
            "content/evidence/launch.md", "date: 2025-06-20", "date: Juin 2025",
            "content/evidence/launch.md:3:7: `date`: `Juin 2025` is not a date: `Juin` is not "
            "a month\n    hint: write the month in English",
        ),
        (
            "content/profile.yaml", "headline: Product Manager",
            "headline: Product Manager\nexperience:\n  - organization: Acme\n    title: PM\n"
            "    start: 2021-07\n    end: 2024-09-31",
            "content/profile.yaml:7:10: `end`: `2024-09-31` is not a date: "
            "September 2024 has 30 days",
        ),
        (
            "content/goals/lead-team.md", "due: 2027-01-31",
            "due: 2027-01-31\nindicators:\n  - name: Reports\n    type: leading\n"
            "    values: {2025-01: 1, Jan 2025: 2}",
            "content/goals/lead-team.md:8:13: `values`: `2025-01` and `Jan 2025` "
            "are the same date\n    hint: keep one of the two",
        ),
    ],
    ids=["impossible-day", "month-13", "ambiguous", "number-1-or-10", "not-english",
         "profile-end", "same-date-twice"],
)  # fmt: skip
def test_a_date_that_is_not_one_is_a_located_error(
    tmp_path: Path, file: str, old: str, new: str, error: str
) -> None:
    root = _project(tmp_path)
    _set(root / file, old, new)
    result = run("check", str(root))
    assert result.exit_code == 1
    assert error in result.stderr, result.stderr
    assert "Traceback" not in result.output
