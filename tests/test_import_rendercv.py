"""`portfolio import rendercv`: a made-up person's RenderCV file and the same person's
JSON Resume import to the same content; every entry type under titles in several
languages; design, locale and settings named with what comes closest here; broken
and foreign files refused at their line, never with a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import front_matter, run
from portfolio.interop.rendercv_titles import section_kind

DATA = Path(__file__).parent / "data" / "rendercv"
TOMAS = DATA / "tomas.yaml"
TOMAS_JSON = DATA / "tomas.resume.json"


def _content(root: Path) -> dict[str, bytes]:
    content = root / "content"
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*.*")}


def _import(tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """Import `text` as `cv.yaml`, from its folder (the report names it `cv.yaml`)."""
    (tmp_path / "cv.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "out"
    result = run("import", "rendercv", "cv.yaml", str(root))
    assert result.exit_code == 0, result.output
    return root, result.output


def test_the_same_person_imports_alike_from_rendercv_and_json_resume(tmp_path: Path) -> None:
    rendercv = run("import", "rendercv", str(TOMAS), str(tmp_path / "a"))
    assert rendercv.exit_code == 0, rendercv.output
    jsonresume = run("import", "jsonresume", str(TOMAS_JSON), str(tmp_path / "b"))
    assert jsonresume.exit_code == 0, jsonresume.output
    ours, theirs = _content(tmp_path / "a"), _content(tmp_path / "b")
    assert sorted(ours) == sorted(theirs) and len(ours) == 10
    assert ours == theirs
    profile = yaml.safe_load(ours["profile.yaml"])
    assert profile["name"] == "Tomás Aranda Vela" and profile["private"] == ["phone"]
    assert [e["organization"] for e in profile["experience"]] == [
        "Naranja Logística",
        "Red Eléctrica Levante",
    ]
    evidence = {
        k: yaml.safe_load(v.split(b"---")[1]) for k, v in ours.items() if k != "profile.yaml"
    }
    kinds = {
        k.removeprefix("evidence/").removesuffix(".md"): e["kind"] for k, e in evidence.items()
    }
    assert kinds == {
        "reduje-el-coste-de-rutas-un-12-con-un-modelo-de-demanda": "achievement",
        "migre-40-informes-a-un-unico-almacen-de-datos": "achievement",
        "automatice-la-prevision-de-consumo-horario": "achievement",
        "voluntario-de-logistica-banco-de-alimentos-de-valencia": "volunteer",
        "premio-a-la-innovacion-logistica": "award",
        "google-cloud-professional-data-engineer": "certification",
        "rutas-abiertas": "project",
        "datos-que-mueven-camiones": "talk",
        "prevision-de-demanda-en-redes-de-almacenes": "publication",
    }
    demand = evidence["evidence/reduje-el-coste-de-rutas-un-12-con-un-modelo-de-demanda.md"]
    assert demand["links"] == [{"label": "modelo de demanda", "url": "https://example.es/demanda"}]
    publication = evidence["evidence/prevision-de-demanda-en-redes-de-almacenes.md"]
    assert publication["links"][0]["url"] == "https://doi.org/10.1234/rla.2023.042"
    check = run("check", str(tmp_path / "a"), "--format", "json")
    assert json.loads(check.stdout)["counts"]["error"] == 0
    assert run("build", str(tmp_path / "a"), "--no-pdf").exit_code == 0


def test_design_locale_and_settings_are_named_with_what_comes_closest(tmp_path: Path) -> None:
    result = run("import", "rendercv", str(TOMAS), str(tmp_path / "a"))
    shown = str(TOMAS)
    for line in (
        f"{shown}:62, Publicaciones entry 1, authors: the content format has no place for it",
        f"{shown}:82, design.theme: `sb2nov` is RenderCV's theme; the closest here is `ledger`: "
        "write `theme: ledger` in portfolio.yaml",
        f"{shown}:83, design.colors: RenderCV's colours, not kept; the closest option here is "
        'the accent: write `theme_options: {accent: "#004f90"}` in portfolio.yaml',
        f"{shown}:86, design.page.size: `a4`: write `paper: A4` in portfolio.yaml",
        f"{shown}:87, design.page.top_margin: not kept: the theme sets the type",
        f"{shown}:89, locale.language: `spanish`: write `language: es` in portfolio.yaml",
        f"{shown}:90, locale.present: not kept",
        f"{shown}:92, settings.current_date: write `today: 2025-06-01` in portfolio.yaml",
        f"{shown}:93, settings.bold_keywords: RenderCV's own settings, not kept",
    ):
        assert f"  - {line}" in result.output, line
    assert f"Note: section `Voluntariado` ({shown}:40): its entries are read as volunteering" \
           in result.output  # fmt: skip


SHAPES = """\
cv:
  name: "**Ana** Ruiz"
  headline: Engineer
  email: [ana@example.org, ana.old@example.org]
  website: [https://ana.example.org, https://blog.ana.example.org]
  photo: ana.jpg
  social_networks:
    - {network: Mastodon, username: "@ana@fosstodon.org"}
    - {network: ORCID, username: 0000-0002-1825-0097}
  custom_connections:
    - {placeholder: Book a call, url: "https://cal.example.org/ana", fontawesome_icon: phone}
    - {placeholder: Available for relocation, fontawesome_icon: plane}
  nickname: Annie
  sections:
    Berufserfahrung:
      - company: Acme
        position: Lead
        date: 2019 – 2021
        revenue: 5M
        highlights:
          - Led the move - Planned it - Ran it
      - company: Initech
        position: Consultant
        end_date: 2018-06
      - company: Globex
        position: Intern
        date: Fall 2016
    Ausbildung:
      - institution: TU Wien
        area: Informatik
        degree: MSc
        location: Wien
        highlights: ["GPA: 1.3", "Thesis: Graphs"]
    Auszeichnungen:
      - bullet: Best paper 2020
    Interests:
      - label: Outdoors
        details: climbing; cycling
    Projekte:
      - name: Tool
        highlights: ["Fast - 10x - cheap"]
    Vorträge:
      - reversed_number: Keynote at PyCon (2022)
    Welcome:
      - This file is a sample.
      - It says *hello*.
    Patente:
      - number: A patent
"""


def test_every_entry_type_under_titles_in_any_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, output = _import(tmp_path, SHAPES, monkeypatch)
    profile = yaml.safe_load((root / "content" / "profile.yaml").read_text(encoding="utf-8"))
    assert profile["name"] == "Ana Ruiz" and profile["email"] == "ana@example.org"
    assert profile["links"] == [
        {"label": "Website", "url": "https://ana.example.org"},
        {"label": "Website", "url": "https://blog.ana.example.org"},
        {"label": "Mastodon (@ana@fosstodon.org)", "url": "https://fosstodon.org/@ana"},
        {"label": "ORCID", "url": "https://orcid.org/0000-0002-1825-0097"},
        {"label": "Book a call", "url": "https://cal.example.org/ana"},
    ]
    acme, initech, globex = profile["experience"]
    assert (acme["start"], acme["end"]) == ("2019", "2021")  # a range in `date`
    assert (initech["start"], initech["end"]) == ("2018-06", "2018-06")  # `end_date` alone
    assert "start" not in globex and "end" not in globex  # `Fall 2016`: kept in a comment
    text = (root / "content" / "profile.yaml").read_text(encoding="utf-8")
    assert '# start: imported as "Fall 2016", which is not a date' in text
    assert profile["education"] == [{"institution": "TU Wien", "degree": "MSc",
                                      "area": "Informatik", "score": "1.3"}]  # fmt: skip
    assert profile["interests"] == [{"name": "Outdoors", "keywords": ["climbing", "cycling"]}]
    assert profile["summary"] == ("**Welcome**\n\nThis file is a sample.\n\nIt says *hello*.")
    evidence = {p.stem: front_matter(p) for p in (root / "content" / "evidence").glob("*.md")}
    assert evidence["best-paper-2020"]["kind"] == "award"
    assert evidence["keynote-at-pycon-2022"]["kind"] == "talk"
    assert evidence["a-patent"]["kind"] == "publication"
    assert (
        evidence["led-the-move-planned-it-ran-it"]["title"] == "Led the move - Planned it - Ran it"
    )
    tool = (root / "content" / "evidence" / "tool.md").read_text(encoding="utf-8")
    assert tool.endswith("---\n- Fast\n  - 10x\n  - cheap\n")
    for line in (
        "cv.yaml:4, cv.email: `ana.old@example.org`, not kept: the profile holds one address",
        "cv.yaml:6, cv.photo: the format holds no photo",
        "cv.yaml:12, cv.custom_connections: `Available for relocation`, text with no link",
        "cv.yaml:13, cv.nickname: not part of RenderCV's `cv`, not kept",
        "cv.yaml:19, Berufserfahrung entry 1, revenue: not a field of RenderCV's, not kept",
        "cv.yaml:32, Ausbildung entry 1, location: the content format has no place for it",
        "cv.yaml:33, Ausbildung entry 1, highlights: `Thesis: Graphs`: the content format",
    ):
        assert f"  - {line}" in output, line
    # A date kept in a comment is a change, listed with the others, where the file has it.
    assert '  - cv.yaml:27, Berufserfahrung entry 3, date: "Fall 2016" is not a date' in output
    for note in (
        "Note: cv.yaml:21, Berufserfahrung entry 1: the sub-bullets of a highlight are part "
        "of its evidence's title",
        "Note: section `Auszeichnungen` (cv.yaml:34): its entries are read as awards",
        "Note: section `Interests` (cv.yaml:36): its entries are read as interests",
        "Note: section `Vorträge` (cv.yaml:42): its entries are read as talks",
        "Note: section `Welcome` (cv.yaml:44): its 2 entries are in the summary",
        "Note: section `Patente` (cv.yaml:47): its entries are read as publications",
    ):
        assert note in output, note
    assert run("check", str(root)).exit_code == 0


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Experience", "experience"), ("Berufserfahrung", "experience"), ("職歴", "experience"),
        ("Honors & Awards", "awards"), ("Premios", "awards"), ("受賞", "awards"),
        ("Certifications", "certificates"), ("Zertifikate", "certificates"),
        ("Volunteer Experience", "volunteer"), ("Bénévolat", "volunteer"),
        ("invited_talks", "talks"), ("Доклады", "talks"), ("Formation", "education"),
        ("Programming Languages", "skills"), ("Langues", "languages"), ("Hobbies", "interests"),
        ("Über mich", "summary"), ("Reward programs", None), ("Miscellaneous", None),
    ],
)  # fmt: skip
def test_section_titles_are_read_in_several_languages(title: str, kind: str | None) -> None:
    assert section_kind(title) == kind


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("cv:\n  name: [unclosed\n", "cv.yaml:3:1: YAML syntax error"),
        ("cv:\n\tname: Ana\n", "cv.yaml:2:1: YAML syntax error"),
        ("cv: [1, 2]\n", "cv.yaml:1:1: `cv` is not a mapping"),
        ("cv:\n", "cv.yaml:1:1: nothing to import: `cv` is empty"),
        ("cv:\n  name: Ana\n", "cv.yaml:1:1: nothing to import: `cv` has no sections"),
        ("design:\n  theme: classic\n", "cv.yaml:1: not a RenderCV file: it has no `cv:`"),
        ("- just\n- a list\n", "cv.yaml:1: not a RenderCV file"),
        ('{"basics": {"name": "Ana"}, "work": []}',
         "this looks like a JSON Resume: use `portfolio import jsonresume"),
        ("cv:\n  <<: {name: Ana}\n", "cv.yaml:2:3: YAML merge keys (`<<`) are not supported"),
    ],
)  # fmt: skip
def test_broken_and_foreign_files_are_said_plainly_at_their_line(
    tmp_path: Path, content: str, message: str
) -> None:
    source = tmp_path / "cv.yaml"
    source.write_text(content, encoding="utf-8")
    result = run("import", "rendercv", str(source), str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert message.replace("cv.yaml", str(source)) in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_wrong_types_and_a_missing_name_import_with_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, output = _import(tmp_path, """\
cv:
  headline: [not, text]
  social_networks: not a list
  sections:
    Experience:
      - company: Acme
        position: {not: text}
        highlights: not a list
      - 42
      - null
    Skills: not a list
    Empty:
""", monkeypatch)  # fmt: skip
    for said in (
        "cv.yaml:2, cv.headline: not text",
        "cv.yaml:3, cv.social_networks: not a list, not kept",
        "cv.yaml:7, Experience entry 1, position: not text",
        "cv.yaml:8, Experience entry 1, highlights: not a list",
        "cv.yaml:9, Experience entry 2: not an entry RenderCV knows, not kept",
        "cv.yaml:11, section `Skills`: not a list of entries, not kept",
        "Note: the resume has no `cv.name`: set `name` in content/profile.yaml",
    ):
        assert said in output, said
    profile = yaml.safe_load((root / "content" / "profile.yaml").read_text(encoding="utf-8"))
    assert profile["experience"] == [{"organization": "Acme", "title": "Position"}]


def test_rendercv_given_to_the_json_resume_import_says_which_to_use(tmp_path: Path) -> None:
    as_json = tmp_path / "tomas.json"  # converted to JSON, as the user tried
    as_json.write_text(json.dumps(yaml.safe_load(TOMAS.read_text(encoding="utf-8"))))
    for source in (TOMAS, as_json):
        result = run("import", "jsonresume", str(source), str(tmp_path / "out"))
        assert result.exit_code == 1
        assert f"this looks like a RenderCV file: use `portfolio import rendercv {source}`" \
               in result.stderr  # fmt: skip
    result = run("import", "linkedin", str(TOMAS), str(tmp_path / "out"))
    assert "this looks like a RenderCV file: use `portfolio import rendercv" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_file_that_is_not_text_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "cv.yaml"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    result = run("import", "rendercv", str(source), str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "not a text file: a RenderCV file is YAML" in result.stderr
