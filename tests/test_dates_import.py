"""`portfolio import jsonresume` and dates: every form read at its precision, and a
date that is not one kept as far as it is certain, with the original beside it in a
comment and a line in the report, so that a finished job never reads "present"."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from conftest import front_matter, run
from portfolio.content.yamldoc import parse_yaml

RESUME: dict[str, Any] = {
    "basics": {"name": "Dee Tester"},
    "work": [
        {"name": "Finished Co", "position": "Engineer", "startDate": "2021/07",
         "endDate": "2024-09-31", "highlights": ["Shipped the thing"]},
        {"name": "Earlier Co", "position": "Analyst", "startDate": "Jan 2020",
         "endDate": "2021-06-30T00:00:00.000Z"},
        {"name": "Vague Co", "position": "Intern", "startDate": "2018",
         "endDate": "until recently"},
        {"name": "Now Co", "position": "Lead", "startDate": "Oct 2024", "endDate": "Present"},
    ],
    "education": [{"institution": "Uni", "startDate": "Sept 2015", "endDate": "03/04/2019"}],
    "projects": [
        {"name": "Talk at PyCon", "type": "talk", "startDate": "2023-04-21",
         "endDate": "2023-04-21"},
        {"name": "Meetup talk", "type": "talk", "startDate": "March 15, 2022"},
        {"name": "Side project", "startDate": "someday"},
    ],
    "awards": [{"title": "Prize", "date": "15 March 2019", "awarder": "Jury"}],
    "certificates": [{"name": "Cert", "date": "2022-02-30", "issuer": "Board"}],
}  # fmt: skip


def _import(tmp_path: Path) -> tuple[Path, str]:
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(RESUME), encoding="utf-8")
    root = tmp_path / "career"
    result = run("import", "jsonresume", str(source), str(root))
    assert result.exit_code == 0, result.output
    return root, result.output


def _profile(root: Path) -> dict[str, Any]:
    """The profile as the tool reads it (YAML 1.2: dates stay text)."""
    path = root / "content" / "profile.yaml"
    doc, problems = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    assert not problems
    return dict(doc.data)


def _text(page: Path) -> str:
    markup = page.read_text(encoding="utf-8")
    markup = re.sub(r"<(style|script)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_dates_are_read_at_their_precision_and_misread_ones_kept(tmp_path: Path) -> None:
    root, _ = _import(tmp_path)
    jobs = {job["organization"]: job for job in _profile(root)["experience"]}
    assert (jobs["Finished Co"]["start"], jobs["Finished Co"]["end"]) == ("2021-07", "2024-09")
    assert (jobs["Earlier Co"]["start"], jobs["Earlier Co"]["end"]) == ("2020-01", "2021-06-30")
    assert "end" not in jobs["Now Co"] and jobs["Now Co"]["start"] == "2024-10"
    assert "end" not in jobs["Vague Co"]
    school = _profile(root)["education"][0]
    assert (school["start"], school["end"]) == ("2015-09", 2019)

    text = (root / "content" / "profile.yaml").read_text(encoding="utf-8")
    assert (
        "  end: 2024-09  # imported as 2024-09-31, which is not a date: "
        "September 2024 has 30 days\n" in text
    )
    assert (
        '  # end: imported as "until recently", which is not a date: write when it ended; '
        "until then it reads as current\n" in text
    )
    assert "  end: 2019  # imported as 03/04/2019, which could be 4 March or 3 April 2019" in text

    evidence = root / "content" / "evidence"
    cert = (evidence / "cert.md").read_text(encoding="utf-8")
    assert "\ndate: 2022-02  # imported as 2022-02-30, which is not a date: February 2022" in cert
    side = (evidence / "side-project.md").read_text(encoding="utf-8")
    assert "\n# start: imported as someday, which is not a date\n" in side
    assert "start" not in front_matter(evidence / "side-project.md")
    talk = front_matter(evidence / "talk-at-pycon.md")
    assert str(talk["start"]) == str(talk["end"]) == "2023-04-21"
    meetup = front_matter(evidence / "meetup-talk.md")
    assert str(meetup["date"]) == "2022-03-15" and "start" not in meetup, "a talk is a day"
    assert str(front_matter(evidence / "prize.md")["date"]) == "2019-03-15"


def test_the_report_names_each_misread_date_and_what_was_written(tmp_path: Path) -> None:
    _, output = _import(tmp_path)
    changed = output.split("\nChanged:\n")[1]
    notes = [line for line in changed.splitlines() if "is not a date" in line or "could be" in line]
    assert notes == [
        "  - work[0].endDate: 2024-09-31 is not a date: September 2024 has 30 days; "
        "content/profile.yaml keeps `end: 2024-09`, the original in a comment",
        '  - work[2].endDate: "until recently" is not a date; content/profile.yaml has no '
        "`end` for it, so it reads as current until you write when it ended (the original "
        "is in a comment there)",
        "  - education[0].endDate: 03/04/2019 could be 4 March or 3 April 2019: day and "
        "month in numbers are not guessed; content/profile.yaml keeps `end: 2019`, the "
        "original in a comment",
        "  - certificates[0].date: 2022-02-30 is not a date: February 2022 has 28 days; "
        "content/evidence/cert.md keeps `date: 2022-02`, the original in a comment",
        "  - projects[2].startDate: someday is not a date; left out of "
        "content/evidence/side-project.md, the original in a comment there",
    ]


def test_the_built_resume_shows_what_the_resume_said(tmp_path: Path) -> None:
    root, _ = _import(tmp_path)
    assert run("build", str(root), "--no-pdf").exit_code == 0
    resume = _text(root / "site" / "resume" / "index.html")
    assert "Engineer Jul 2021 – Sep 2024 Finished Co" in resume, "finished, not present"
    assert "Analyst Jan 2020 – 30 Jun 2021 Earlier Co" in resume
    assert "Lead Oct 2024 – present Now Co" in resume
    assert "Sep 2015 – 2019" in resume
    assert "Talk at PyCon · 21 Apr 2023" in resume, "a one-day talk shows one date"
    assert "Meetup talk · 15 Mar 2022" in resume
    assert "2023 – " not in resume and "2022 – present" not in resume
    page = _text(root / "site" / "evidence" / "talk-at-pycon" / "index.html")
    assert "21 Apr 2023" in page and "21 Apr 2023 – 21 Apr 2023" not in page


def test_a_misread_date_with_control_characters_stays_on_its_comment_line(
    tmp_path: Path,
) -> None:
    """The original goes into a comment and the terminal: one line, nothing that a
    terminal or YAML would act on."""
    messy = {"basics": {"name": "X"}, "work": [
        {"name": "Co", "position": "P", "startDate": "2019", "endDate": "soon\n---\nx: 1\x1b[2J"}
    ]}  # fmt: skip
    source = tmp_path / "r.json"
    source.write_text(json.dumps(messy), encoding="utf-8")
    result = run("import", "jsonresume", str(source), str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    text = (tmp_path / "c" / "content" / "profile.yaml").read_text(encoding="utf-8")
    assert '  # end: imported as "soon --- x: 1\ufffd[2J", which is not a date' in text
    assert "\nx: 1" not in text and _profile(tmp_path / "c")["experience"][0]["start"] == "2019"


def test_export_writes_each_date_at_its_precision(tmp_path: Path) -> None:
    """A month stays a month on the way out: `2021-07`, never `2021-07-01`."""
    root, _ = _import(tmp_path)
    result = run("export", "jsonresume", str(root))
    assert result.exit_code == 0, result.output
    work = {job["name"]: job for job in json.loads(result.stdout)["work"]}
    assert (work["Finished Co"]["startDate"], work["Finished Co"]["endDate"]) == (
        "2021-07",
        "2024-09",
    )
    assert work["Earlier Co"]["endDate"] == "2021-06-30" and "endDate" not in work["Now Co"]
    assert json.loads(result.stdout)["education"][0]["endDate"] == "2019"
