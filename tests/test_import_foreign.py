"""What the importers of other formats share: the `x-portfolio` extension of a JSON
Resume reference (who wrote it, when, about which position), a project of type
`course`, and report lines that name where the source has each thing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from conftest import front_matter, run
from portfolio.interop.foreign import Converted

RESUME = {
    "basics": {"name": "Ana Example"},
    "work": [
        {"name": "Globex", "position": "Engineer", "startDate": "2019-03", "endDate": "2022-06"},
        {"name": "Initech", "position": "Lead", "startDate": "someday"},
    ],
    "references": [
        {"name": "Jo Boss", "reference": "Ana shipped.",
         "x-portfolio": {"role": "CTO, Globex", "date": "2022-07-01", "work": 0}},
        {"name": "Sam Peer", "reference": "Steady.", "x-portfolio": {"work": 1}},
        {"name": "Al Client", "reference": "Good.", "x-portfolio": {"work": 7, "mood": "x"}},
        {"name": "Bo Other", "reference": "Fine.", "x-portfolio": "CTO"},
        {"name": "Cy Plain", "reference": "Plain JSON Resume."},
    ],
    "projects": [{"name": "Distributed Algorithms", "type": "course"}],
}  # fmt: skip


def test_a_reference_may_say_who_wrote_it_when_and_about_which_position(tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(RESUME), encoding="utf-8")
    root = tmp_path / "ana"
    result = run("import", "jsonresume", str(source), str(root))
    assert result.exit_code == 0, result.output
    evidence = root / "content" / "evidence"
    jo = front_matter(evidence / "reference-from-jo-boss.md")
    assert (jo["organization"], jo["role"], jo["start"], jo["end"]) == (
        "Globex", "Engineer", "2019-03", "2022-06"
    )  # fmt: skip
    assert jo["endorsements"] == [
        {
            "by": "Jo Boss",
            "role": "CTO, Globex",
            "date": dt.date(2022, 7, 1),
            "quote": "Ana shipped.",
        }
    ]
    sam = front_matter(evidence / "reference-from-sam-peer.md")
    assert (sam["organization"], sam["role"]) == ("Initech", "Lead")
    assert "start" not in sam, "a date misread on the position is explained there only"
    for plain in ("al-client", "bo-other", "cy-plain"):
        said = front_matter(evidence / f"reference-from-{plain}.md")
        assert "organization" not in said and said["kind"] == "endorsement"
    for line in (
        "references[2].x-portfolio.work: `7` is not the index of an entry of `work`",
        "references[2].x-portfolio.mood: not part of JSON Resume 1.x",
        "references[3].x-portfolio: not an object",
    ):
        assert f"  - {line}" in result.output, line
    assert front_matter(evidence / "distributed-algorithms.md")["kind"] == "course"
    assert run("check", str(root)).exit_code == 0


def test_report_lines_name_where_the_source_has_each_thing() -> None:
    converted = Converted(
        {},
        origins={
            "work[0]": "Positions.csv line 2",
            "work[0].endDate": "Positions.csv line 2, Finished On",
            "basics.name": "cv.name",
        },
    )
    assert converted.relocate("work[0].endDate: `x` is not a date") == (
        "Positions.csv line 2, Finished On: `x` is not a date"
    )
    assert converted.relocate("work[0].highlights[3]: not text") == (
        "Positions.csv line 2: not text"
    )
    assert converted.relocate("the resume has no `basics.name`: set it") == (
        "the resume has no `cv.name`: set it"
    )
    kept = "work[1].endDate: and the work of projects.x, basics.email"
    assert converted.relocate(kept) == kept, "a path of unknown origin is kept as it is"
