"""`portfolio import linkedin`: LinkedIn's export of a person's data, as a JSON Resume.

Each file that describes the person becomes its JSON Resume section, which the JSON
Resume import then writes (interop/foreign.py says why): Profile.csv, Email
Addresses.csv and PhoneNumbers.csv the `basics`; Positions.csv `work`, the bullet
lines of a description its highlights and the other lines its summary; Education.csv
`education`; Skills.csv `skills`; Languages.csv `languages`; Certifications.csv
`certificates`; Honors.csv `awards`; Publications.csv `publications`;
Volunteering.csv `volunteer`; Projects.csv and Courses.csv `projects` (a course as
the type `course`); and Recommendations_Received.csv `references`, each with its
author's role and date and, where one is found, the position it speaks of (by the
recommender's company, else a company its words name, then by the date it was
written), so that it becomes an endorsement on the evidence of that position.

Every column that is not kept is named in the report, with the lines that had
something in it; so is every file that is not read. The phone number starts private
(the JSON Resume import marks it so), and a postal address (Profile.csv's Address and
Zip Code) is never imported: the profile's `location` is a place, Geo Location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portfolio.content.dates import PartialDate
from portfolio.content.profile import ResumeLayout
from portfolio.content.resume import section_order
from portfolio.interop.foreign import Converted
from portfolio.interop.importer import ImportFailed
from portfolio.interop.jsonresume_in import EXTENSION
from portfolio.interop.jsonresume_layout import KEYS
from portfolio.interop.linkedin_read import Export, Table, unread_files

# A line of a description that is a bullet: `• Led...`, `- Led...`, `1. Led...`.
_BULLET = re.compile(r"^\s*(?:[•·▪►‣◦✓✔]\s*|[-*–]\s+|\d{1,2}[.)]\s+)(?=\S)")
# Recommendations_Received.csv's Creation Date: `07/21/09, 12:11 PM`, month first
# (LinkedIn writes this file the American way, whatever the member's language).
_WRITTEN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:,?\s.*)?")
# Profile.csv's Websites: `[PORTFOLIO:https://ana.dev,BLOG:https://blog.ana.dev]`.
_TAGGED = re.compile(r"([A-Z_]+):(?!//)(.+)")
WEBSITES = {"PERSONAL": "Website", "OTHER": "Website", "COMPANY": "Company website",
            "BLOG": "Blog", "PORTFOLIO": "Portfolio", "RSS": "RSS feed"}  # fmt: skip
NO_PLACE = "the content format has no place for it"
PROFILE_DROPPED = {
    "Address": "a postal address: the profile keeps the place you live in (Geo Location), "
    "never a street address",
    "Zip Code": "a postal code: the profile keeps the place you live in (Geo Location)",
    "Birth Date": "a resume is better without it",
    "Maiden Name": NO_PLACE,
    "Industry": NO_PLACE,
    "Instant Messengers": NO_PLACE,
}


# Each of LinkedIn's files of entries: its JSON Resume section, each key's column,
# and why the columns not kept are not (NO_PLACE unless said).
FILES: dict[str, tuple[str, dict[str, str], dict[str, str]]] = {
    "Positions.csv": ("work", {
        "name": "Company Name", "position": "Title", "location": "Location",
        "startDate": "Started On", "endDate": "Finished On", "summary": "Description"}, {}),
    "Projects.csv": ("projects", {
        "name": "Title", "description": "Description", "url": "Url",
        "startDate": "Started On", "endDate": "Finished On"}, {}),
    "Volunteering.csv": ("volunteer", {
        "organization": "Company Name", "position": "Role", "startDate": "Started On",
        "endDate": "Finished On", "summary": "Description"}, {}),
    "Education.csv": ("education", {
        "institution": "School Name", "studyType": "Degree Name", "area": "Field Of Study",
        "startDate": "Start Date", "endDate": "End Date"}, {}),
    "Certifications.csv": ("certificates", {
        "name": "Name", "issuer": "Authority", "date": "Started On", "url": "Url"},
        {"Finished On": "when it expires: " + NO_PLACE}),
    "Courses.csv": ("projects", {"name": "Name"}, {"Number": "the course's number: " + NO_PLACE}),
    "Honors.csv": ("awards", {
        "title": "Title", "date": "Issued On", "awarder": "Issuer", "summary": "Description"},
        {}),
    "Publications.csv": ("publications", {
        "name": "Name", "publisher": "Publisher", "releaseDate": "Published On", "url": "Url",
        "summary": "Description"}, {}),
    "Skills.csv": ("skills", {"name": "Name"}, {}),
    "Languages.csv": ("languages", {"language": "Name", "fluency": "Proficiency"}, {}),
}  # fmt: skip
# The key whose Description is split: its bullet lines are the entry's highlights.
DESCRIBED = {"work": "summary", "projects": "description", "volunteer": "summary"}


@dataclass
class _Job:
    """A position, as a recommendation is matched to it."""

    index: int
    company: str
    title: str
    start: PartialDate | None
    end: PartialDate | None


def convert(path: Path) -> Converted:
    """The export at `path` (a zip, or the folder it unzips to) as a JSON Resume, with
    what it did not keep; ImportFailed if it is not a LinkedIn export."""
    export = Export(path)
    try:
        out = _Conversion(export).run()
    finally:
        export.close()
    if set(out.resume) <= {"basics"} and set(out.resume.get("basics", {})) <= {"name"}:
        said = "; ".join(export.problems) or "its Profile.csv and Positions.csv hold no rows"
        raise ImportFailed(f"{path}: nothing to import: {said}")
    return out


class _Conversion:
    def __init__(self, export: Export) -> None:
        self.export = export
        self.out = Converted({})
        self.basics: dict[str, Any] = {}
        self.jobs: list[_Job] = []

    def run(self) -> Converted:
        self.profile()
        self.contact()
        self.positions()
        self.sections()
        self.recommendations()
        resume = self.out.resume
        if self.basics:
            resume["basics"] = self.basics
        usual = section_order(ResumeLayout(), bool(resume.get("work")))
        keys = {section: key for key, section in KEYS.items()}
        order = ["basics", *(keys[s] for s in usual if s in keys)]
        self.out.resume = {k: resume[k] for k in sorted(resume, key=order.index)}
        self.out.dropped = [*self.export.problems, *self.out.dropped, *unread_files(self.export)]
        return self.out

    # Reading ---------------------------------------------------------------------

    def rows(
        self, own: str, kept: tuple[str, ...], dropped: dict[str, str] | None = None
    ) -> list[tuple[str, dict[str, str]]]:
        """The rows of LinkedIn's file `own`, each with where it is (`Positions.csv
        line 4`); the columns other than `kept` are reported (why: `dropped`)."""
        table = self.export.table(own, kept)
        if table is None:
            return []
        self.unkept(table, kept, dropped or {})
        return [(f"{table.name} line {line}", row) for line, row in table.rows]

    def unkept(self, table: Table, kept: tuple[str, ...], dropped: dict[str, str]) -> None:
        for column in table.columns:
            if column in kept or not column:
                continue
            lines = [str(line) for line, row in table.rows if row.get(column)]
            if not lines:
                continue
            shown = ", ".join(lines[:5]) + (f" and {len(lines) - 5} more" if len(lines) > 5 else "")
            where = f"line {shown}" if len(lines) == 1 else f"lines {shown}"
            self.out.dropped.append(
                f"{table.name}, {column} ({where}): {dropped.get(column, NO_PLACE)}"
            )

    def add(self, section: str, where: str, fields: dict[str, tuple[str, Any]]) -> int:
        """Add an entry to `section` from a row: `fields` gives each JSON Resume key
        its column and value. Returns the entry's index."""
        entries = self.out.resume.setdefault(section, [])
        path = f"{section}[{len(entries)}]"
        self.out.origins[path] = where
        entry = {}
        for key, (column, value) in fields.items():
            if value not in (None, "", []):
                entry[key] = value
                self.out.origins[f"{path}.{key}"] = f"{where}, {column}"
        entries.append(entry)
        return len(entries) - 1

    def field(self, key: str, where: str, column: str, value: Any) -> None:
        """Set a key of `basics`, remembering where it came from."""
        if value not in (None, "", []):
            self.basics[key] = value
            self.out.origins[f"basics.{key}"] = f"{where}, {column}"

    # The files -------------------------------------------------------------------

    def profile(self) -> None:
        kept = ("First Name", "Last Name", "Headline", "Summary", "Geo Location", "Websites",
                "Twitter Handles")  # fmt: skip
        rows = self.rows("Profile.csv", kept, PROFILE_DROPPED)
        for where, _ in rows[1:]:
            self.out.dropped.append(f"{where}: a second profile, not kept (the first is)")
        self.out.origins["basics.name"] = "Profile.csv, First Name and Last Name"
        if rows:
            where, row = rows[0]
            name = " ".join(p for p in (row.get("First Name"), row.get("Last Name")) if p)
            self.field("name", where, "First Name and Last Name", name)
            self.field("label", where, "Headline", row.get("Headline"))
            self.field("location", where, "Geo Location", row.get("Geo Location"))
            self.field("summary", where, "Summary", row.get("Summary"))
            profiles = [
                {
                    "network": WEBSITES.get(tag, tag.replace("_", " ").title() or "Website"),
                    "url": url,
                }
                for tag, url in _websites(row.get("Websites", ""))
            ] + [
                {"network": "Twitter", "username": handle.lstrip("@")}
                for _, handle in _websites(row.get("Twitter Handles", ""))
            ]
            for i, profile in enumerate(profiles):
                column = "Twitter Handles" if "username" in profile else "Websites"
                self.out.origins[f"basics.profiles[{i}]"] = f"{where}, {column}"
            self.field("profiles", where, "Websites", profiles)
        summaries = self.rows("Profile Summary.csv", ("Profile Summary", "Summary"))
        for where, row in summaries[:1]:
            text = row.get("Profile Summary") or row.get("Summary")
            if "summary" not in self.basics:
                self.field("summary", where, "Profile Summary", text)
            elif text and text != self.basics["summary"]:
                self.out.dropped.append(f"{where}: a second summary, not kept (Profile.csv's is)")

    def contact(self) -> None:
        emails = self.rows("Email Addresses.csv", ("Email Address", "Primary", "Confirmed"),
                           {"Updated On": "when LinkedIn recorded the address"})  # fmt: skip
        emails = [(w, r) for w, r in emails if r.get("Email Address")]
        emails.sort(key=lambda e: (e[1].get("Primary") != "Yes", e[1].get("Confirmed") == "No"))
        for i, (where, row) in enumerate(emails):
            if i == 0:
                self.field("email", where, "Email Address", row["Email Address"])
            else:
                self.out.dropped.append(
                    f"{where}: `{row['Email Address']}`, not kept: the profile holds one "
                    f"address, {emails[0][1]['Email Address']}"
                )
        phones = self.rows("PhoneNumbers.csv", ("Number", "Extension", "Type"))
        phones = [(w, r) for w, r in phones if r.get("Number")]
        phones.sort(key=lambda p: p[1].get("Type", "").casefold() != "mobile")
        for i, (where, row) in enumerate(phones):
            number = row["Number"] + (f" ext. {row['Extension']}" if row.get("Extension") else "")
            if i == 0:
                self.field("phone", where, "Number", number)
            else:
                self.out.dropped.append(
                    f"{where}: `{number}`, not kept: the profile holds one phone number"
                )

    def positions(self) -> None:
        for where, row in self.rows("Positions.csv", tuple(FILES["Positions.csv"][1].values())):
            index = self.entry("Positions.csv", where, row)
            start, end = _date(row.get("Started On")), _date(row.get("Finished On"))
            company, title = row.get("Company Name", ""), row.get("Title", "")
            self.jobs.append(_Job(index, company, title, start, end))

    def sections(self) -> None:
        for own, (_, columns, dropped) in FILES.items():
            if own != "Positions.csv":
                for where, row in self.rows(own, tuple(columns.values()), dropped):
                    self.entry(own, where, row)

    def entry(self, own: str, where: str, row: dict[str, str]) -> int:
        """The JSON Resume entry of a row of LinkedIn's file `own` (`FILES`)."""
        section, columns, _ = FILES[own]
        fields: dict[str, tuple[str, Any]] = {k: (c, row.get(c)) for k, c in columns.items()}
        if (key := DESCRIBED.get(section)) and key in fields:
            summary, highlights = _split(row.get("Description", ""))
            fields |= {key: ("Description", summary), "highlights": ("Description", highlights)}
        if own == "Courses.csv":
            fields["type"] = ("Name", "course")
        return self.add(section, where, fields)

    def recommendations(self) -> None:
        kept = ("First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date",
                "Status")  # fmt: skip
        for where, row in self.rows("Recommendations_Received.csv", kept):
            name = " ".join(p for p in (row.get("First Name"), row.get("Last Name")) if p)
            status = row.get("Status", "").upper()
            if status not in ("", "VISIBLE"):
                self.out.dropped.append(
                    f"{where}: the recommendation from {name or 'someone'} is "
                    f"{status.lower()} on LinkedIn, so it is not imported"
                )
                continue
            raw = row.get("Creation Date", "")
            when = _written(raw)
            if raw and when is None:
                self.out.dropped.append(
                    f"{where}, Creation Date: `{raw}` is not a date LinkedIn writes, so the "
                    "endorsement is undated"
                )
            job = _position(self.jobs, row.get("Company", ""), row.get("Text", ""), when)
            extra = {
                "role": ", ".join(p for p in (row.get("Job Title"), row.get("Company")) if p),
                "date": when.iso() if when else None,
                "work": job.index if job else None,
            }
            index = self.add("references", where, {
                "name": ("First Name and Last Name", name),
                "reference": ("Text", row.get("Text")),
                EXTENSION: ("Job Title, Company and Creation Date",
                            {k: v for k, v in extra.items() if v not in (None, "")}),
            })  # fmt: skip
            if job:
                self.out.notes.append(
                    f"the recommendation from {name or 'someone'} ({where}) is an endorsement "
                    f"of your work as {job.title or 'a position'} at {job.company or 'a company'}"
                )
            self.out.origins[f"references[{index}]"] = where


def _websites(raw: str) -> list[tuple[str, str]]:
    """`[TAG:address,TAG:address]` (or one bare address) as (tag, address) pairs."""
    text = raw.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    found = []
    for part in (p.strip() for p in text.split(",")):
        if match := _TAGGED.fullmatch(part):
            found.append((match[1], match[2].strip()))
        elif part:
            found.append(("", part))
    return found


def _split(description: str) -> tuple[str | None, list[str]]:
    """A description as its summary (the lines that are not bullets) and its
    highlights (the bullets, each with the indented lines that continue it)."""
    prose: list[str] = []
    bullets: list[str] = []
    for line in description.splitlines():
        if match := _BULLET.match(line):
            bullets.append(line[match.end() :].strip())
        elif bullets and line[:1] in (" ", "\t") and line.strip():
            bullets[-1] += " " + line.strip()
        else:
            prose.append(line.rstrip())
    summary = re.sub(r"\n{3,}", "\n\n", "\n".join(prose)).strip()
    return summary or None, bullets


def _date(raw: str | None) -> PartialDate | None:
    try:
        return PartialDate.parse(raw) if raw else None
    except ValueError:
        return None


def _written(raw: str) -> PartialDate | None:
    """A recommendation's Creation Date (`07/21/09, 12:11 PM`: month, day, year)."""
    if match := _WRITTEN.fullmatch(raw.strip()):
        month, day, year = int(match[1]), int(match[2]), int(match[3])
        year += 2000 if year < 100 else 0
        try:
            return PartialDate.parse(f"{year:04d}-{month:02d}-{day:02d}")
        except ValueError:
            return None
    return _date(raw.split(",")[0].strip())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _position(jobs: list[_Job], company: str, text: str, when: PartialDate | None) -> _Job | None:
    """The position a recommendation speaks of: at the recommender's company (or a
    company its words name), the one it was written during, else the last one that
    had begun by then; None if no position is at such a company."""
    theirs = _words(company)
    said = f" {' '.join(_words(text))} "
    same = [j for j in jobs if theirs and _same(_words(j.company), theirs)]
    if not same:
        same = [j for j in jobs if _words(j.company) and f" {' '.join(_words(j.company))} " in said]
    if len(same) > 1:  # the title it names, if it names one
        named = [j for j in same if _words(j.title) and f" {' '.join(_words(j.title))} " in said]
        same = named or same
    if not same or when is None:
        return same[0] if same else None
    during = [
        j for j in same
        if (j.start is None or j.start.first_day <= when.last_day)
        and (j.end is None or when.first_day <= j.end.last_day)
    ]  # fmt: skip
    if during:
        return during[0]
    begun = [j for j in same if j.start is not None and j.start.first_day <= when.last_day]
    return max(begun, key=lambda j: j.start or when) if begun else same[0]


def _same(ours: list[str], theirs: list[str]) -> bool:
    """The same company: the same words, or one name the start of the other
    (`Globex` and `Globex Corporation`)."""
    short, long = sorted((ours, theirs), key=len)
    return bool(short) and long[: len(short)] == short
