"""`portfolio import rendercv`: a RenderCV 2.x file, as a JSON Resume.

RenderCV's `cv` holds the header (name, headline, location, email, phone, website,
photo, social networks, custom connections) and `sections`: free-text titles in any
language, each a list of entries whose type RenderCV tells by their keys, and so does
this module (`ENTRY_TYPES`). `MAPS` says what each type becomes, and where the
section's title names a kind (interop/rendercv_titles.py), what it becomes there: an
experience entry (company, position) is a position of `work`, or volunteering; an
education entry (institution, area) is `education`; a publication entry (title,
authors) is a publication; a normal entry (name) is a project, or an award, a
certification, a publication, volunteering, a talk or a course; a one-line entry
(label, details) is a skill, a language or an interest; bullet, numbered and text
entries are the summary, or entries of the kind the title names, or, under any other
title, paragraphs of the summary under their title (the report says so). Social
networks and custom connections are the profile's links. Every field that is not
kept is named in the report, at its line.

The JSON Resume that comes out is written by the JSON Resume import (interop/foreign.py
says why). RenderCV's texts are Markdown, and stay Markdown where the content format
keeps Markdown (summaries, the bullets of a project); elsewhere they are plain text,
but for a position's highlights, which become the titles of evidence: their links are
kept as the evidence's links (handed on as HTML, which the JSON Resume reader reads).
`design`, `locale` and `settings` are not content: interop/rendercv_design.py
reports them.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from portfolio.content.dates import PartialDate
from portfolio.content.read import MAX_BYTES
from portfolio.content.yamldoc import YamlDoc, parse_yaml
from portfolio.errors import ContentError, Problem
from portfolio.interop.foreign import Converted, use_instead
from portfolio.interop.importer import ImportFailed
from portfolio.interop.rendercv_design import not_kept
from portfolio.interop.rendercv_titles import KIND_NAMES, section_kind
from portfolio.system import regular

Loc = tuple[str | int, ...]

# Each entry type by the keys only it has, in the order RenderCV tries them, and the
# fields it has. Bullet, numbered and text entries are all one thing here: a line.
ENTRY_TYPES = (
    ("one-line", ("label", "details")),
    ("normal", ("name",)),
    ("experience", ("company", "position")),
    ("education", ("institution", "area", "degree")),
    ("publication", ("title", "authors", "doi", "journal")),
    ("line", ("bullet",)),
    ("line", ("number",)),
    ("line", ("reversed_number",)),
)
DATED = ("date", "start_date", "end_date", "location", "summary", "highlights")
FIELDS = {
    "one-line": ("label", "details"),
    "normal": ("name", *DATED),
    "experience": ("company", "position", *DATED),
    "education": ("institution", "area", "degree", "grade", *DATED),
    "publication": ("title", "authors", "summary", "doi", "url", "journal", "date"),
    "line": ("text", "bullet", "number", "reversed_number"),
}
PROSE = ("summary", "highlights")  # Markdown, kept as Markdown
# What each value of MAPS takes from the entry: a field's name is the field (plain
# text, or Markdown if it is prose); `@...` is worked out; `=x` is the text `x`.
USES = {
    "@start": ("date", "start_date", "end_date"), "@end": ("date", "start_date", "end_date"),
    "@date": ("date", "start_date", "end_date"), "@url": ("name", "text"),
    "@titles": ("highlights",), "@keywords": ("details",), "@doi": ("doi", "url"),
    "@score": ("grade", "highlights"),
}  # fmt: skip
SPAN = {"startDate": "@start", "endDate": "@end"}
PROJECT = {"name": "name", **SPAN, "url": "@url", "description": "summary",
           "highlights": "highlights"}  # fmt: skip
# (entry type, the kind its section's title names) -> (JSON Resume section, its keys);
# (entry type, None) is the entry's own.
MAPS: dict[tuple[str, str | None], tuple[str, dict[str, str]]] = {
    ("experience", None): ("work", {
        "name": "company", "position": "position", "location": "location", **SPAN,
        "summary": "summary", "highlights": "@titles"}),
    ("experience", "volunteer"): ("volunteer", {
        "organization": "company", "position": "position", **SPAN, "summary": "summary",
        "highlights": "highlights"}),
    ("education", None): ("education", {
        "institution": "institution", "area": "area", "studyType": "degree", **SPAN,
        "score": "@score"}),
    ("normal", "education"): ("education", {"institution": "name", **SPAN, "score": "@score"}),
    ("publication", None): ("publications", {
        "name": "title", "publisher": "journal", "releaseDate": "@date", "url": "@doi",
        "summary": "summary"}),
    ("normal", None): ("projects", PROJECT),
    ("normal", "talks"): ("projects", {  # a talk is given on a day (one date, no end)
        "name": "name", "startDate": "@date", "url": "@url", "description": "summary",
        "highlights": "highlights", "type": "=talk"}),
    ("normal", "courses"): ("projects", {**PROJECT, "type": "=course"}),
    ("normal", "awards"): ("awards", {"title": "name", "date": "@date", "summary": "summary"}),
    ("normal", "certificates"): ("certificates", {"name": "name", "date": "@date", "url": "@url"}),
    ("normal", "publications"): ("publications", {
        "name": "name", "releaseDate": "@date", "url": "@url", "summary": "summary"}),
    ("normal", "volunteer"): ("volunteer", {
        "organization": "name", **SPAN, "url": "@url", "summary": "summary",
        "highlights": "highlights"}),
    ("one-line", None): ("skills", {"name": "label", "keywords": "@keywords"}),
    ("one-line", "languages"): ("languages", {"language": "label", "fluency": "details"}),
    ("one-line", "interests"): ("interests", {"name": "label", "keywords": "@keywords"}),
    ("line", "awards"): ("awards", {"title": "text"}),
    ("line", "certificates"): ("certificates", {"name": "text", "url": "@url"}),
    ("line", "publications"): ("publications", {"name": "text", "url": "@url"}),
    ("line", "talks"): ("projects", {"name": "text", "url": "@url", "type": "=talk"}),
    ("line", "courses"): ("projects", {"name": "text", "url": "@url", "type": "=course"}),
    ("line", "projects"): ("projects", {"name": "text", "url": "@url"}),
    ("line", "volunteer"): ("volunteer", {"organization": "text", "url": "@url"}),
    ("line", "skills"): ("skills", {"name": "text"}),
    ("line", "languages"): ("languages", {"language": "text"}),
    ("line", "interests"): ("interests", {"name": "text"}),
}  # fmt: skip
CV_KEYS = ("name", "headline", "location", "email", "phone", "website", "photo",
           "social_networks", "custom_connections", "sections")  # fmt: skip
# Where RenderCV links each social network's username (its own list, as of 2.8).
NETWORKS = {
    "linkedin": "https://linkedin.com/in/{}", "github": "https://github.com/{}",
    "gitlab": "https://gitlab.com/{}", "imdb": "https://imdb.com/name/{}",
    "instagram": "https://instagram.com/{}", "orcid": "https://orcid.org/{}",
    "stackoverflow": "https://stackoverflow.com/users/{}",
    "researchgate": "https://researchgate.net/profile/{}",
    "youtube": "https://youtube.com/@{}",
    "google scholar": "https://scholar.google.com/citations?user={}",
    "telegram": "https://t.me/{}", "whatsapp": "https://wa.me/{}",
    "leetcode": "https://leetcode.com/u/{}", "x": "https://x.com/{}",
    "bluesky": "https://bsky.app/profile/{}", "reddit": "https://reddit.com/user/{}",
}  # fmt: skip
# A range written in a free `date`: `2019 – 2021`, `Sep 2019 - present`, `2019 to 2021`.
_RANGE = re.compile(r"(.+?)\s*(?:[–—]|\s-{1,2}\s|\sto\s)\s*(.+)")
_ONGOING = ("present", "now", "today", "current", "ongoing")
_LINK = re.compile(r"\[([^\]]*)\]\(([^()\s]+)\)")
_EMPHASIS = re.compile(r"(\*\*|\*|`)(?=\S)(.+?)(?<=\S)\1")
_SCORE = re.compile(r"(?:c?gpa|grade|score)\s*:\s*(.+)", re.IGNORECASE)


def plain(value: Any) -> Any:
    """RenderCV's Markdown as plain text: a link as its words, no emphasis. Anything
    but text is left as it is, for the JSON Resume reader to report."""
    if not isinstance(value, str):
        return value
    text = _LINK.sub(lambda m: m[1], value)
    return " ".join(_EMPHASIS.sub(lambda m: m[2], text).split())


def as_html(value: Any) -> Any:
    """RenderCV's Markdown as the HTML the JSON Resume reader reads in a highlight:
    a link keeps its address, emphasis is left out."""
    if not isinstance(value, str):
        return value
    text = " ".join(_EMPHASIS.sub(lambda m: m[2], value).split())
    parts, last = [], 0
    for match in _LINK.finditer(text):
        parts.append(html.escape(text[last : match.start()], quote=False))
        parts.append(f'<a href="{html.escape(match[2])}">{html.escape(match[1], quote=False)}</a>')
        last = match.end()
    parts.append(html.escape(text[last:], quote=False))
    return "".join(parts)


def load(path: Path) -> Converted:
    """The RenderCV file at `path` as a JSON Resume; a located UserError if it is not
    YAML, not RenderCV's, or holds nothing to import."""
    if (kind := regular.kind_of(path)) is not None:
        raise ImportFailed(f"{path}: this is {kind}, not a file")
    if (size := path.stat().st_size) > MAX_BYTES:
        raise ImportFailed(
            f"{path}: {size:,} bytes; a RenderCV file is a few thousand, and the limit is "
            f"{MAX_BYTES:,}"
        )
    try:
        text = regular.read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        hint = use_instead(path, "rendercv") or "not a text file: a RenderCV file is YAML"
        raise ImportFailed(f"{path}: {hint}") from None
    doc, problems = parse_yaml(text, str(path))
    if problems:
        raise ContentError(problems)
    if not isinstance(doc.data, dict) or "cv" not in doc.data:
        found = use_instead(path, "rendercv", doc.data)
        raise ImportFailed(
            f"{path}: {found}" if found else
            f"{path}:1: not a RenderCV file: it has no `cv:` (https://docs.rendercv.com)"
        )  # fmt: skip
    return convert(doc, str(path))


def convert(doc: YamlDoc, shown: str) -> Converted:
    """The parsed RenderCV file `doc` (named `shown` in the report) as a JSON Resume."""
    cv = doc.data["cv"]
    if not isinstance(cv, dict) or not cv:
        said = "nothing to import: `cv` is empty" if cv in (None, {}) else "`cv` is not a mapping"
        raise ContentError([_problem(doc, shown, said)])
    conversion = _Conversion(doc, shown, cv)
    conversion.header()
    conversion.sections()
    out = conversion.finish()
    if set(out.resume) <= {"basics"} and set(out.resume.get("basics", {})) <= {"name"}:
        raise ContentError([_problem(doc, shown, "nothing to import: `cv` has no sections")])
    out.dropped += not_kept(doc, shown)
    return out


def _problem(doc: YamlDoc, shown: str, message: str) -> Problem:
    line, column = doc.where(("cv",), key=True)
    hint = "write the CV under `cv:` (name, sections: ...), as https://docs.rendercv.com shows"
    return Problem(shown, line, column, message, hint)


class _Conversion:
    def __init__(self, doc: YamlDoc, shown: str, cv: dict[str, Any]) -> None:
        self.doc = doc
        self.shown = shown
        self.cv = cv
        self.out = Converted({"basics": {}})
        self.basics: dict[str, Any] = self.out.resume["basics"]
        self.summary: list[str] = []

    def at(self, *loc: str | int, key: bool = False) -> str:
        """`cv.yaml:12`: the line of the value at `loc` (of its key, if `key`)."""
        return f"{self.shown}:{self.doc.where(loc, key=key)[0]}"

    def drop(self, loc: Loc, said: str) -> None:
        self.out.dropped.append(f"{self.at(*loc)}, {said}")

    def finish(self) -> Converted:
        if self.summary:
            self.basics["summary"] = "\n\n".join(self.summary)
            self.out.origins["basics.summary"] = f"{self.shown}, the summary"
        if not self.basics:
            del self.out.resume["basics"]
        self.out.origins.setdefault("basics.name", "cv.name")
        return self.out

    # The header ------------------------------------------------------------------

    def header(self) -> None:
        cv = self.cv
        for key in cv:
            if key not in CV_KEYS:
                self.drop(("cv", key), f"cv.{key}: not part of RenderCV's `cv`, not kept")
        for field, key in (("name", "name"), ("label", "headline"), ("location", "location")):
            self.set(field, key, plain(cv.get(key)))
        self.set("image", "photo", cv.get("photo"))
        profiles: list[dict[str, Any]] = []

        def link(loc: Loc, what: str, profile: dict[str, Any]) -> None:
            self.out.origins[f"basics.profiles[{len(profiles)}]"] = f"{self.at(*loc)}, {what}"
            profiles.append(profile)

        for key, field, what in (("email", "email", "address"), ("phone", "phone", "number"),
                                 ("website", "url", "website")):  # fmt: skip
            given = cv.get(key)
            values: list[Any] = given if isinstance(given, list) else [given]
            for i, value in enumerate(values):
                loc = ("cv", key, i) if isinstance(cv.get(key), list) else ("cv", key)
                if value in (None, ""):
                    continue
                if field not in self.basics:
                    self.set(field, key, value, loc)
                elif key == "website":
                    link(loc, "cv.website", {"network": "Website", "url": value})
                else:
                    self.drop(loc, f"cv.{key}: `{value}`, not kept: the profile holds one {what}")
        for i, item in enumerate(self.items("social_networks")):
            network, username = item.get("network"), item.get("username")
            url = _network_url(network, username)
            link(("cv", "social_networks", i), "cv.social_networks",
                 {"network": network, "username": username, "url": url})  # fmt: skip
        for i, item in enumerate(self.items("custom_connections")):
            loc = ("cv", "custom_connections", i)
            if item.get("url"):
                label = plain(item.get("placeholder")) or "Link"
                link(loc, "cv.custom_connections", {"network": label, "url": item["url"]})
            elif item.get("placeholder"):
                said = f"`{item['placeholder']}`, text with no link: not kept"
                self.drop(loc, f"cv.custom_connections: {said}")
        if profiles:
            self.basics["profiles"] = profiles

    def set(self, field: str, key: str, value: Any, loc: Loc | None = None) -> None:
        if value not in (None, ""):
            self.basics[field] = value
            self.out.origins[f"basics.{field}"] = f"{self.at(*(loc or ('cv', key)))}, cv.{key}"

    def items(self, key: str) -> list[dict[str, Any]]:
        """The mappings of one of `cv`'s lists; what is not one is reported."""
        value = self.cv.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.drop(("cv", key), f"cv.{key}: not a list, not kept")
            return []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.drop(("cv", key, i), f"cv.{key}: an item that is not a mapping, not kept")
        return [item if isinstance(item, dict) else {} for item in value]

    # The sections ----------------------------------------------------------------

    def sections(self) -> None:
        sections = self.cv.get("sections")
        if sections is None:
            return
        if not isinstance(sections, dict):
            self.drop(("cv", "sections"), "cv.sections: not a mapping of titles to entries")
            return
        for title, entries in sections.items():
            loc = ("cv", "sections", title)
            if entries is None:
                continue
            if not isinstance(entries, list):
                self.out.dropped.append(
                    f"{self.at(*loc, key=True)}, section `{title}`: not a list of entries, not kept"
                )
                continue
            kind = section_kind(title)
            by_title = False  # whether the title decided what any entry is
            rest: list[tuple[int, str, Any]] = []  # lines for the summary
            for i, entry in enumerate(entries):
                what, entry, key = _typed(entry)
                name = f"{title} entry {i + 1}"
                if what is None:
                    self.drop((*loc, i), f"{name}: not an entry RenderCV knows, not kept")
                elif what == "line" and (what, kind) not in MAPS:
                    rest.append((i, key, entry["text"]))
                else:
                    by_title |= kind is not None and (what, kind) in MAPS
                    self.entry(what, kind, entry, (*loc, i), name, key)
            if rest:
                self.append(title, rest, loc, titled=kind != "summary")
            if by_title and kind is not None:
                self.out.notes.append(
                    f"section `{title}` ({self.at(*loc, key=True)}): its entries are read as "
                    f"{KIND_NAMES[kind]}, as its title says"
                )

    def append(self, title: str, texts: list[tuple[int, str, Any]], loc: Loc, titled: bool) -> None:
        """Lines of the summary: a summary's own, or, under their title, those of a
        section whose title names no kind they can be."""
        lines: list[str] = []
        for i, key, text in texts:
            if not isinstance(text, str) and text is not None:
                self.drop((*loc, i), f"{title} entry {i + 1}: not text, not kept")
            elif text and text.strip():
                mark = {"": "", "number": f"{len(lines) + 1}."}.get(key, "-")
                lines.append(f"{mark} {' '.join(text.split()) if mark else text.strip()}".strip())
        joiner = "\n\n" if all(key == "" for _, key, _ in texts) else "\n"
        if lines and not titled:
            self.summary.append(joiner.join(lines))
        elif lines:
            self.summary.append(f"**{plain(title)}**\n\n" + joiner.join(lines))
            where = self.at(*loc, key=True)
            self.out.notes.append(
                f"section `{title}` ({where}): its {len(lines)} entries are in the summary in "
                "content/profile.yaml, under their title; move them where they belong"
            )

    def entry(
        self, what: str, kind: str | None, entry: dict[str, Any], loc: Loc, name: str, key: str
    ) -> None:
        """An entry as the JSON Resume entry its type and its section's title say
        (`MAPS`); every field of it that is not kept is reported."""
        section, spec = MAPS.get((what, kind)) or MAPS[(what, None)]
        used = {f for how in spec.values() for f in USES.get(how, (how,))}
        for field, value in entry.items():
            if field not in FIELDS[what]:
                self.drop((*loc, field), f"{name}, {field}: not a field of RenderCV's, not kept")
            elif field not in used and value not in (None, "", []):
                self.drop((*loc, field), f"{name}, {field}: the content format has no place "
                                         "for it here, not kept")  # fmt: skip
        dates = self.dates(entry, loc, name) if "date" in used else {}
        fields = {k: self.value(how, entry, dates, loc, name) for k, how in spec.items()}
        entries = self.out.resume.setdefault(section, [])
        path = f"{section}[{len(entries)}]"
        self.out.origins[path] = f"{self.at(*loc)}, {name}"
        made = {}
        for k, (field, value) in fields.items():
            if value not in (None, "", []):
                made[k] = value
                field = key if field == "text" else field
                self.out.origins[f"{path}.{k}"] = (
                    f"{self.at(*loc, field)}, {name}, {field}" if field else self.at(*loc)
                )
        entries.append(made)

    def value(
        self, how: str, entry: dict[str, Any], dates: dict[str, tuple[str, Any]], loc: Loc,
        name: str,
    ) -> tuple[str, Any]:  # fmt: skip
        """What `how` (a value of MAPS) takes from the entry, and the field it is in."""
        none = ("", None)
        if how.startswith("="):
            return ("", how[1:])
        if how in ("@start", "@end", "@date"):
            order = {"@start": ("start", "single"), "@end": ("end", "single"),
                     "@date": ("single", "end", "start")}[how]  # fmt: skip
            return next((dates[k] for k in order if k in dates), none)
        if how == "@url":
            words = entry.get("name", entry.get("text"))
            found = _LINK.search(words) if isinstance(words, str) else None
            return ("name" if "name" in entry else "text", found[2]) if found else none
        if how == "@titles":
            bullets = entry.get("highlights")
            if not isinstance(bullets, list):
                return ("highlights", bullets)
            for i, text in enumerate(bullets):
                if isinstance(text, str) and " - " in text:
                    self.out.notes.append(
                        f"{self.at(*loc, 'highlights', i)}, {name}: the sub-bullets of a "
                        "highlight are part of its evidence's title; move them to its body"
                    )
            return ("highlights", [as_html(b) for b in bullets])
        if how == "@keywords":
            details = entry.get("details")
            if not isinstance(details, str):
                return ("details", details)
            return (
                "details",
                [w.strip() for w in re.split(r"[,;|•·]", plain(details)) if w.strip()],
            )
        if how == "@doi":
            doi = entry.get("doi")
            if isinstance(doi, str) and doi:
                if entry.get("url"):
                    self.drop((*loc, "url"), f"{name}, url: RenderCV links the DOI instead, "
                                             "and so does the import")  # fmt: skip
                return ("doi", f"https://doi.org/{doi}")
            return ("url", entry.get("url"))
        if how == "@score":
            return self.score(entry, loc, name)
        value = entry.get(how)
        if how == "highlights" and isinstance(value, list):  # ` - ` starts a sub-bullet
            value = [b.replace(" - ", "\n  - ") if isinstance(b, str) else b for b in value]
        return (how, value if how in PROSE else plain(value))

    def score(self, entry: dict[str, Any], loc: Loc, name: str) -> tuple[str, Any]:
        """An education entry's grade, or its highlight `GPA: 3.9/4.0`; its other
        highlights are reported."""
        found: tuple[str, Any] = ("grade", plain(entry.get("grade")))
        bullets = entry.get("highlights")
        for i, text in enumerate(bullets if isinstance(bullets, list) else []):
            match = _SCORE.fullmatch(plain(text)) if isinstance(text, str) else None
            if match and found[1] in (None, ""):
                found = ("highlights", match[1])
            else:
                self.drop(
                    (*loc, "highlights", i),
                    f"{name}, highlights: `{plain(text)}`: the "
                    "content format has no place for it, not kept",
                )
        return found

    def dates(self, entry: dict[str, Any], loc: Loc, name: str) -> dict[str, tuple[str, Any]]:
        """The entry's dates as RenderCV reads them: `date` (which may be a range)
        over `start_date` and `end_date`; an `end_date` alone is the date; `present`
        (or no end) is ongoing. Each as (`start`, `end` or `single`): (field, value)."""
        date, start, end = entry.get("date"), entry.get("start_date"), entry.get("end_date")
        if date not in (None, ""):
            for key in ("start_date", "end_date"):
                if entry.get(key) not in (None, ""):
                    self.drop((*loc, key), f"{name}, {key}: RenderCV shows `date` instead, "
                                           "and so does the import")  # fmt: skip
            match = _RANGE.fullmatch(str(date).strip())
            if match and _is_date(match[1]) and (_is_date(match[2]) or _ongoing(match[2])):
                found = {"start": ("date", match[1])}
                return found if _ongoing(match[2]) else {**found, "end": ("date", match[2])}
            return {"single": ("date", date)}
        end = None if _ongoing(end) else end
        if start in (None, "") and end not in (None, ""):
            return {"single": ("end_date", end)}
        given = {"start": ("start_date", start), "end": ("end_date", end)}
        return {k: v for k, v in given.items() if v[1] not in (None, "")}


def _typed(entry: Any) -> tuple[str | None, dict[str, Any], str]:
    """An entry's type (None if RenderCV would know none), the entry (a line's text
    under `text`), and, for a line, the field its text was in (`` for a text entry)."""
    if isinstance(entry, str):
        return "line", {"text": entry}, ""
    if isinstance(entry, dict):
        for what, keys in ENTRY_TYPES:
            if found := next((k for k in keys if k in entry), None):
                if what == "line":
                    rest = {k: v for k, v in entry.items() if k != found}
                    return what, {**rest, "text": entry[found]}, found
                return what, entry, ""
    return None, {}, ""


def _ongoing(value: Any) -> bool:
    return isinstance(value, str) and value.strip().casefold() in _ONGOING


def _is_date(text: str) -> bool:
    try:
        PartialDate.parse(text.strip())
    except ValueError:
        return False
    return True


def _network_url(network: Any, username: Any) -> str | None:
    """Where RenderCV links a social network's username (Mastodon's on its server)."""
    if not isinstance(network, str) or not isinstance(username, str) or not username:
        return None
    if network.casefold() == "mastodon":
        parts = username.split("@")
        return f"https://{parts[2]}/@{parts[1]}" if len(parts) == 3 and not parts[0] else None
    pattern = NETWORKS.get(network.casefold())
    return pattern.format(username) if pattern else None
