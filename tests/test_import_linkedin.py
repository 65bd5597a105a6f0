"""`portfolio import linkedin`: a made-up person's export (tests/data/linkedin/export/,
zipped here as LinkedIn sends it) imported into a project that builds; recommendations
on the evidence of their position; every file and column not kept named; other
people's files never opened; broken and foreign archives refused in words."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import front_matter, run
from portfolio.interop.linkedin_read import READ
from portfolio.system import regular

EXPORT = Path(__file__).parent / "data" / "linkedin" / "export"
RENDERCV = Path(__file__).parent / "data" / "rendercv" / "tomas.yaml"
SENTINEL = "SENTINEL-OTHER-PEOPLE"  # in every file of other people's data, and nowhere else
OTHERS = ["Connections.csv", "Endorsement_Received_Info.csv", "Invitations.csv",
          "messages.csv", "Recommendations_Given.csv"]  # fmt: skip


def _zip(
    dest: Path, wrap: str = "", drop: tuple[str, ...] = (), files: dict[str, bytes] | None = None
) -> Path:
    """The fixture export as a zip (its files under `wrap`, if given), without the
    files named in `drop`, with `files` added or replaced."""
    files = files or {}
    with zipfile.ZipFile(dest, "w") as archive:
        for file in sorted(EXPORT.rglob("*")):
            name = file.relative_to(EXPORT).as_posix()
            if file.is_file() and name not in drop and name not in files:
                archive.write(file, wrap + name)
        for name, data in files.items():
            archive.writestr(wrap + name, data)
    return dest


def _imported(tmp_path: Path, source: Path | None = None) -> tuple[Path, str]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    root = tmp_path / "ilse"
    result = run("import", "linkedin", str(source or _zip(tmp_path / "export.zip")), str(root))
    assert result.exit_code == 0, result.output
    return root, result.output


def _evidence(root: Path) -> dict[str, dict[str, Any]]:
    return {p.stem: front_matter(p) for p in (root / "content" / "evidence").glob("*.md")}


def _tree(root: Path) -> dict[str, bytes]:
    content = root / "content"
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*.md")} | {
        "profile.yaml": (content / "profile.yaml").read_bytes()
    }


def test_an_export_imports_as_a_project_that_builds(tmp_path: Path) -> None:
    root, output = _imported(tmp_path)
    profile = yaml.safe_load((root / "content" / "profile.yaml").read_text(encoding="utf-8"))
    assert profile["name"] == "Ilse Brandvold"
    assert profile["headline"] == "Staff Engineer · Payments"
    assert profile["location"] == "Oslo, Norway"
    assert profile["email"] == "ilse@example.no", "the primary address"
    assert profile["phone"] == "+47 912 34 567" and profile["private"] == ["phone"]
    assert profile["summary"].startswith("Engineer who makes payments boring.\n\nI lead")
    assert [link["label"] for link in profile["links"]] == ["Portfolio", "Blog", "Twitter"]
    assert profile["links"][2]["url"] == "https://twitter.com/ibrandvold"
    assert [s["name"] for s in profile["skills"]] == ["Payments", "Distributed systems", "Kotlin"]
    assert profile["languages"][0] == {
        "name": "Norwegian",
        "level": "Native or bilingual proficiency",
    }
    fjordpay, nordbank, first = profile["experience"]
    assert fjordpay["start"] == "2021-03" and "end" not in fjordpay
    assert fjordpay["summary"] == "Leads the card platform team."
    assert fjordpay["highlights"] == ["moved-40-million-card-payments-a-month-to-the-new-ledger",
                                      "cut-settlement-failures-from-2-1-to-0-3"]  # fmt: skip
    assert nordbank["highlights"] == ["built-the-bank-s-first-event-pipeline",
                                      "mentored-six-engineers"]  # fmt: skip
    assert (first["start"], first["end"]) == ("2014-08", "2016-12")
    assert profile["education"][0]["degree"] == "MSc Computer Science"
    evidence = _evidence(root)
    assert evidence["distributed-algorithms"]["kind"] == "course"
    assert evidence["certified-kubernetes-administrator"]["organization"] == "The Linux Foundation"
    assert evidence["engineering-excellence-award"]["date"] == "2022-12"
    assert evidence["mentor-code-club-oslo"]["kind"] == "volunteer"
    assert evidence["settlement-without-tears"]["kind"] == "publication"
    ledger = (root / "content" / "evidence" / "open-ledger-toolkit.md").read_text(encoding="utf-8")
    assert ledger.endswith("---\n- Used by three fintechs\n")
    for written in (root / "content").rglob("*"):
        if written.is_file():
            assert "Storgata" not in written.read_text(encoding="utf-8"), "no street address"
    check = run("check", str(root), "--format", "json")
    assert json.loads(check.stdout)["counts"]["error"] == 0
    assert run("build", str(root), "--no-pdf").exit_code == 0
    resume = (root / "site" / "resume" / "index.html").read_text(encoding="utf-8")
    assert "Moved 40 million card payments a month to the new ledger" in resume
    assert "Ilse led the ledger migration end to end." in resume
    assert "912 34 567" not in resume, "the phone number starts private"
    assert "Private: `phone`, until you remove it from `private:`" in output


def test_recommendations_become_endorsements_on_the_evidence_of_their_position(
    tmp_path: Path,
) -> None:
    root, output = _imported(tmp_path)
    evidence = _evidence(root)
    kari = evidence["reference-from-kari-nordmann"]
    assert kari["kind"] == "endorsement"
    assert (kari["organization"], kari["role"], kari["start"]) == ("Fjordpay", "Staff Engineer",
                                                                   "2021-03")  # fmt: skip
    assert kari["endorsements"] == [{
        "by": "Kari Nordmann", "role": "CTO, Fjordpay", "date": dt.date(2023, 5, 14),
        "quote": "Ilse led the ledger migration end to end.\n"
                 "Nobody noticed the switch, which was the point.",
    }]  # fmt: skip
    ola = evidence["reference-from-ola-hansen"]  # `Nordbank ASA`, while a Senior Engineer
    assert (ola["organization"], ola["role"]) == ("Nordbank", "Senior Engineer")
    assert (ola["start"], ola["end"]) == ("2017-01", "2021-02")
    per = evidence["reference-from-per-olsen"]  # a client: on no position
    assert (
        "organization" not in per and per["endorsements"][0]["role"] == "Partner, Acme Consulting"
    )
    assert not any("Nils" in str(e) for e in evidence.values()), "hidden on LinkedIn"
    assert "the recommendation from Nils Berg is hidden on LinkedIn" in output
    assert "Kari Nordmann (Recommendations_Received.csv line 5) is an endorsement of your " \
           "work as Staff Engineer at Fjordpay" in output  # fmt: skip


def test_the_report_names_every_file_and_column_not_kept(tmp_path: Path) -> None:
    _, output = _imported(tmp_path)
    report = output.split("Not kept")[1].split("\nNote:")[0]
    for line in (
        "Profile.csv, Address (line 2): a postal address",
        "Profile.csv, Zip Code (line 2)",
        "Profile.csv, Birth Date (line 2)",
        "Profile.csv, Industry (line 2)",
        "Email Addresses.csv, Updated On (lines 2, 3)",
        "Email Addresses.csv line 2: `ilse.old@example.com`, not kept",
        "Education.csv, Notes (line 2)",
        "Education.csv, Activities (line 2)",
        "Certifications.csv, Finished On (line 2): when it expires",
        "Certifications.csv, License Number (line 2)",
        "Volunteering.csv, Cause (line 2)",
        "Courses.csv, Number (line 2)",
        f"other people's data, never opened: {', '.join(OTHERS)}",
        "not read (nothing in them is imported): Ad_Targeting.csv, Articles/ (1 file), Logins.csv",
    ):
        assert f"  - {line}" in report, line


def test_other_peoples_files_are_never_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(name if isinstance(name, str) else name.filename)
        return real_open(self, name, *args, **kwargs)

    archive = _zip(tmp_path / "export.zip")
    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    root, output = _imported(tmp_path, archive)
    assert opened and set(opened) <= set(READ), opened
    read: list[str] = []
    real_read = regular.read_bytes

    def read_spy(path: Path) -> bytes:
        read.append(path.name)
        return real_read(path)

    monkeypatch.setattr(regular, "read_bytes", read_spy)
    folder, _ = _imported(tmp_path / "folder", EXPORT)  # the export, unzipped
    assert "Positions.csv" in read and not set(read) & {*OTHERS, "Ad_Targeting.csv", "Logins.csv"}
    assert SENTINEL not in output
    for project in (root, folder):
        for file in project.rglob("*"):
            if file.is_file():
                assert SENTINEL not in file.read_text(encoding="utf-8", errors="replace"), file


def test_a_zip_the_folder_it_unzips_to_and_a_wrapped_zip_import_alike(tmp_path: Path) -> None:
    zipped, _ = _imported(tmp_path / "a")
    folder, _ = _imported(tmp_path / "b", EXPORT)
    wrapped_zip = _zip(tmp_path / "c.zip", wrap="Basic_LinkedInDataExport_01-30-2026/")
    wrapped, output = _imported(tmp_path / "c", wrapped_zip)
    assert _tree(zipped) == _tree(folder) == _tree(wrapped)
    assert "Articles/ (1 file)" in output and "Basic_LinkedInDataExport" not in output


def test_messy_files_are_read_as_far_as_they_can_be(tmp_path: Path) -> None:
    """A byte order mark, a `Notes:` preamble, Windows line ends, a file in another
    encoding, a file without its header, a date that is none, missing files."""
    positions = (
        '\ufeffNotes:\r\n"Your positions."\r\n\r\n'
        "Company Name,Title,Description,Location,Started On,Finished On\r\n"
        'Fjordpay,Staff Engineer,"Line one\r\n\r\n• A bullet",Oslo,Mar 2021,Someday\r\n'
    )
    archive = _zip(
        tmp_path / "messy.zip",
        drop=("Education.csv", "Projects.csv", "Courses.csv", "Recommendations_Received.csv"),
        files={"Positions.csv": positions.encode("utf-8"),
           "Profile.csv": "First Name,Last Name\nJosé,Ñúñez\n".encode("latin-1"),
           "Skills.csv": b"Payments\nKotlin\n",
           "Honors.csv": b"Title,Issued On\n\n\n,\n"},
    )  # fmt: skip
    result = run("import", "linkedin", str(archive), str(tmp_path / "messy"))
    assert result.exit_code == 0, result.output
    assert "Profile.csv: not UTF-8 text, so nothing of it is kept" in result.output
    assert "Skills.csv: no header row with LinkedIn's columns (Name)" in result.output
    assert "Positions.csv line 5, Finished On: Someday is not a date" in result.output
    assert "Note: the resume has no `Profile.csv, First Name and Last Name`" in result.output
    profile = (tmp_path / "messy" / "content" / "profile.yaml").read_text(encoding="utf-8")
    assert "summary: Line one" in profile and "# end: imported as Someday" in profile
    assert run("check", str(tmp_path / "messy")).exit_code == 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "notes.txt", "notes.txt: not a zip archive"),
        (lambda d: RENDERCV, "this looks like a RenderCV file: use `portfolio import rendercv"),
        (
            lambda d: d / "other.zip",
            "other.zip: not a LinkedIn export: no Profile.csv or Positions.csv",
        ),
        (lambda d: d / "folder", "folder: not a LinkedIn export: no Profile.csv or Positions.csv"),
        (lambda d: d / "broken.zip", "broken.zip: not a zip archive"),
        (
            lambda d: d / "empty.zip",
            "empty.zip: nothing to import: its Profile.csv and Positions.csv hold no rows",
        ),
    ],
)
def test_what_is_not_a_linkedin_export_is_said_plainly(
    tmp_path: Path, make: Any, message: str
) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "other.zip", "w") as archive:
        archive.writestr("notes.txt", "hello")
    (tmp_path / "folder").mkdir()
    with zipfile.ZipFile(tmp_path / "empty.zip", "w") as archive:
        archive.writestr("Profile.csv", "First Name,Last Name\n")
        archive.writestr("Connections.csv", SENTINEL)
    (tmp_path / "broken.zip").write_bytes(_zip(tmp_path / "x.zip").read_bytes()[:300])
    result = run("import", "linkedin", str(make(tmp_path)), str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert message in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_an_export_given_to_another_importer_says_which_to_use(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "export.zip")
    for command in ("jsonresume", "rendercv"):
        result = run("import", command, str(archive), str(tmp_path / "out"))
        assert result.exit_code == 1
        assert f"this looks like a LinkedIn export: use `portfolio import linkedin {archive}`" \
               in result.stderr  # fmt: skip
    assert not (tmp_path / "out").exists()
