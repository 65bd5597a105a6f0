"""LinkedIn's "Get a copy of your data" export, read: the zip it sends, or the folder it
unzips to (some browsers unzip downloads by themselves).

Only the files that describe the person are ever opened (`READ`). The rest of the
archive is named in the report, never read: other people's data above all
(connections, messages, invitations, the recommendations the person gave), and what
LinkedIn records about the use of its site (logins, ads, searches).

Each file is CSV in UTF-8, perhaps after a byte order mark, perhaps after a `Notes:`
preamble of a few lines before its header row, its descriptions quoted across several
lines. A file that cannot be read (not UTF-8, no header row, too big, broken in the
zip) is named in the report and left out; only an archive that is not a LinkedIn
export at all stops the import.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from portfolio.content.read import MAX_BYTES
from portfolio.interop.foreign import LINKEDIN_FILES, file_key, use_instead
from portfolio.interop.importer import ImportFailed
from portfolio.system import regular

# The files that describe the person, as LinkedIn names them: the only ones opened.
READ = (
    "Profile.csv", "Profile Summary.csv", "Email Addresses.csv", "PhoneNumbers.csv",
    "Positions.csv", "Education.csv", "Skills.csv", "Certifications.csv", "Projects.csv",
    "Languages.csv", "Honors.csv", "Publications.csv", "Volunteering.csv", "Courses.csv",
    "Recommendations_Received.csv",
)  # fmt: skip
# Files that hold other people's data: never opened, named as such in the report.
OTHER_PEOPLE_FILES = (
    "Connections.csv", "messages.csv", "Invitations.csv", "ImportedContacts.csv",
    "Contacts.csv", "Recommendations_Given.csv", "Endorsement_Given_Info.csv",
    "Endorsement_Received_Info.csv", "Member_Follows.csv", "guide_messages.csv",
    "learning_coach_messages.csv", "learning_role_play_messages.csv", "Comments.csv",
    "Reactions.csv", "Votes.csv", "Events.csv", "Group Messages.csv",
)  # fmt: skip
OTHER_PEOPLE = frozenset(file_key(name) for name in OTHER_PEOPLE_FILES)


@dataclass
class Table:
    """One CSV file of the export: its columns, and its rows by the line each starts on."""

    name: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


class Export:
    """An opened export: the tables of the files it may read, and the names of the rest.

    `problems` are the report's lines about files that could not be read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []
        self._zip: zipfile.ZipFile | None = None
        names = self._names()
        wanted = {file_key(name): name for name in READ}
        self.found: dict[str, str] = {}  # LinkedIn's name -> the name in the archive
        self.unread: list[str] = []
        for name in names:
            own = wanted.get(file_key(name))
            if own is not None and own not in self.found:
                self.found[own] = name
            else:
                self.unread.append(name)
        if not any(file_key(n) in LINKEDIN_FILES for n in self.found):
            self.close()
            raise ImportFailed(f"{path}: not a LinkedIn export: no Profile.csv or Positions.csv")

    def _names(self) -> list[str]:
        """Every file's path in the archive, with `/` between folders."""
        if self.path.is_dir():
            found = []
            for folder, dirs, files in os.walk(self.path):
                dirs.sort()
                here = Path(folder).relative_to(self.path)
                found += [(here / f).as_posix() for f in sorted(files)]
            return found
        if (kind := regular.kind_of(self.path)) is not None:
            raise ImportFailed(f"{self.path}: this is {kind}, not a zip archive")
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as exc:
            why = "a zip archive that cannot be read" if zipfile.is_zipfile(self.path) else None
            hint = use_instead(self.path, "linkedin")
            said = hint or f"not a zip archive ({why or exc})"
            raise ImportFailed(
                f"{self.path}: {said}"
                + ("" if hint else ": LinkedIn's export is the .zip file its email links to")
            ) from None
        return [i.filename for i in self._zip.infolist() if not i.is_dir()]

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def _bytes(self, path: str, name: str) -> bytes | None:
        """The bytes of the file at `path`, or None (and a report line on `name`) if
        it cannot be read."""
        try:
            if self._zip is not None:
                info = self._zip.getinfo(path)
                size = info.file_size
                if size <= MAX_BYTES:
                    with self._zip.open(info) as member:
                        data = member.read(MAX_BYTES + 1)
                        size = max(size, len(data))
            else:
                file = self.path / path
                size = file.stat().st_size
                data = regular.read_bytes(file) if size <= MAX_BYTES else b""
        except (OSError, zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError,
                EOFError) as exc:  # fmt: skip
            self.problems.append(f"{name}: could not be read ({exc}), so nothing of it is kept")
            return None
        if size > MAX_BYTES:
            self.problems.append(
                f"{name}: {size:,} bytes, over the limit of {MAX_BYTES:,}: not read"
            )
            return None
        return data

    def table(self, own: str, columns: tuple[str, ...]) -> Table | None:
        """The rows of LinkedIn's file `own`, read from the header row that names one of
        `columns` on; None if the export has no such file, or it cannot be read."""
        path = self.found.get(own)
        if path is None:
            return None
        name = path.rsplit("/", 1)[-1]  # as the report names it
        data = self._bytes(path, name)
        if data is None:
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.problems.append(f"{name}: not UTF-8 text, so nothing of it is kept")
            return None
        try:
            table = _parse(name, text, columns)
        except csv.Error as exc:
            self.problems.append(f"{name}: not CSV ({exc}), so nothing of it is kept")
            return None
        if table is None:
            wanted = ", ".join(columns)
            self.problems.append(
                f"{name}: no header row with LinkedIn's columns ({wanted}), so nothing of it "
                "is kept"
            )
        return table


def _parse(name: str, text: str, columns: tuple[str, ...]) -> Table | None:
    """The table in `text`, from the first row that names one of `columns` (what comes
    before it is LinkedIn's `Notes:`); None if no row does."""
    reader = csv.reader(io.StringIO(text, newline=""))
    spelled = {column.casefold(): column for column in columns}
    table: Table | None = None
    line = 1
    for row in reader:
        start, line = line, reader.line_num + 1
        cells = [cell.strip() for cell in row]
        if table is None:
            if any(cell.casefold() in spelled for cell in cells):  # `Field of Study`
                table = Table(name, [spelled.get(cell.casefold(), cell) for cell in cells])
            continue
        if any(cells):
            table.rows.append((start, dict(zip(table.columns, cells, strict=False))))
    return table


def unread_files(export: Export) -> list[str]:
    """The report's lines for the files the import never opened: other people's data,
    then the rest, each by its name (a folder's files counted under the folder, and
    the folder the whole export may be wrapped in left out)."""
    everything = [*export.found.values(), *export.unread]
    tops = {n.split("/", 1)[0] for n in everything}
    wrapped = len(tops) == 1 and all("/" in n for n in everything)
    others: list[str] = []
    rest: dict[str, int] = {}
    for name in export.unread:
        shown = name.split("/", 1)[1] if wrapped else name
        if file_key(shown) in OTHER_PEOPLE:
            others.append(shown)
        else:
            top = shown.split("/", 1)[0] + "/" if "/" in shown else shown
            rest[top] = rest.get(top, 0) + 1
    lines: list[str] = []
    if others:
        listed = ", ".join(sorted(others, key=str.casefold))
        lines.append(f"other people's data, never opened: {listed}")
    if rest:
        named = [
            f"{n} ({k} file{'s' if k > 1 else ''})" if n.endswith("/") else n
            for n, k in rest.items()
        ]
        listed = ", ".join(sorted(named, key=str.casefold))
        lines.append(f"not read (nothing in them is imported): {listed}")
    return lines
