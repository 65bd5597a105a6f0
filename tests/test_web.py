"""The web's conventions on the public site: a title, a description, canonical and Open
Graph tags on every page, schema.org data about the person on the home page,
robots.txt, a favicon, and a 404 page that works at any depth on GitHub Pages.
Packs are private: none of it reaches them."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, cast

import pytest
import yaml

from conftest import PROJECTS, REPO, copy_sample, run
from portfolio.content.language import og_locale

BASE_URL = "https://ines.github.io/portfolio/"


class Head(HTMLParser):
    """What a crawler reads: the title, meta tags, links, JSON-LD, and every URL."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.urls: list[str] = []
        self._in: str | None = None
        self._body = False  # an SVG chart has <title>s of its own

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self._body = self._body or tag == "body"
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        if tag == "link":
            self.links[a.get("rel", "")] = a.get("href", "")
        if (tag == "title" and not self._body) or (
            tag == "script" and a.get("type") == "application/ld+json"
        ):
            self._in = tag
            if tag == "script":
                self.json_ld.append("")
        self.urls += [a[k] for k in ("href", "src") if k in a]

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.json_ld[-1] += data


def _head(page: Path) -> Head:
    head = Head()
    head.feed(page.read_text(encoding="utf-8"))
    return head


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _build(root: Path, *args: str) -> Path:
    result = run("build", str(root), "--no-pdf", *args)
    assert result.exit_code == 0, result.output
    return root / "site"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, built for a GitHub Pages project site: its root."""
    root = copy_sample(tmp_path_factory.mktemp("web"))
    _build(root, "--base-url", BASE_URL)
    return root


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECTS / "minimal", root)
    return root


def _profile() -> dict[str, Any]:
    text = (REPO / "content" / "profile.yaml").read_text(encoding="utf-8")
    return cast(dict[str, Any], yaml.safe_load(text))


# --- every page -------------------------------------------------------------------


def test_every_page_has_a_title_description_and_open_graph(sample: Path) -> None:
    site = sample / "site"
    pages = _pages(site)
    assert len(pages) > 15 and "404.html" in pages
    for rel in pages:
        head = _head(site / rel)
        assert head.title.strip(), rel
        for key in ("description", "og:title", "og:description", "og:type", "og:site_name"):
            assert head.meta.get(key, "").strip(), f"{rel}: no {key}"
        assert head.meta["og:title"] == head.title, rel
        assert head.meta["og:description"] == head.meta["description"], rel
        assert head.meta["og:locale"] == "en_US" and head.meta["twitter:card"] == "summary"
        if rel == "404.html":  # served at any address: not a page to point search at
            assert "canonical" not in head.links and "og:url" not in head.meta
            assert head.meta["robots"] == "noindex"
            continue
        url = BASE_URL + rel.removesuffix("index.html")
        assert head.links["canonical"] == url, rel
        assert head.meta["og:url"] == url, rel


def test_open_graph_types(sample: Path) -> None:
    site = sample / "site"
    for rel in _pages(site):
        kind = _head(site / rel).meta["og:type"]
        if rel == "index.html":
            assert kind == "profile"
        elif re.fullmatch(r"(goals|evidence)/[^/]+/index\.html", rel):
            assert kind == "article", rel
        else:
            assert kind == "website", rel


def test_every_page_links_the_favicon_relatively(sample: Path) -> None:
    site = sample / "site"
    assert (site / "assets" / "favicon.svg").read_bytes().startswith(b"<svg")
    for rel in _pages(site):
        href = _head(site / rel).links["icon"]
        if rel == "404.html":
            assert href == "/portfolio/assets/favicon.svg"
        else:
            assert not href.startswith(("/", "http")), rel
            assert ((site / rel).parent / href).resolve() == (site / "assets" / "favicon.svg")


def test_the_open_graph_locale_follows_the_language() -> None:
    assert og_locale("en") == "en_US" and og_locale("de") == "de_DE"
    assert og_locale("de-CH") == "de_CH" and og_locale("en-GB") == "en_GB"
    assert og_locale("tlh") == "en_US"  # built in English, so said to be English


# --- the person, as data ----------------------------------------------------------


def _person_data(site: Path) -> dict[str, Any]:
    found = _head(site / "index.html").json_ld
    assert len(found) == 1
    data = json.loads(found[0])
    assert isinstance(data, dict)
    return data


def test_the_home_page_describes_the_person(sample: Path) -> None:
    data = _person_data(sample / "site")
    profile = _profile()
    assert data["@context"] == "https://schema.org" and data["@type"] == "ProfilePage"
    person = data["mainEntity"]
    assert person["@type"] == "Person" and person["name"] == profile["name"]
    assert person["jobTitle"] == profile["headline"]
    assert person["sameAs"] == [link["url"] for link in profile["links"]]
    assert person["url"] == data["url"] == BASE_URL
    assert person["email"] == profile["email"]  # public in the sample
    assert person["homeLocation"] == {"@type": "Place", "name": profile["location"]}
    assert "**" not in person["description"] and "1.2 million homes" in person["description"]


def test_nothing_private_reaches_the_person_data(minimal: Path) -> None:
    profile = minimal / "content" / "profile.yaml"
    profile.write_text(
        "name: Ada Example\nheadline: Product Manager\nemail: ada@example.com\n"
        'phone: "+44 20 7946 0000"\nlocation: London, UK\n'
        "links:\n  - {label: GitHub, url: 'https://github.com/ada'}\n"
        "  - {label: Mail, url: 'mailto:ada@example.com'}\n"
        "private: [phone, email, location]\n",
        encoding="utf-8",
    )
    site = _build(minimal)
    found = _head(site / "index.html").json_ld[0]
    person = json.loads(found)["mainEntity"]
    assert set(person) == {"@type", "name", "jobTitle", "sameAs"}  # no url: base_url is `/`
    assert person["sameAs"] == ["https://github.com/ada"]  # web pages only, not mailto:
    for secret in ("7946", "London", "ada@example.com"):
        assert secret not in found


def test_a_name_cannot_break_out_of_the_script_element(minimal: Path) -> None:
    name = "Ada </script><script>alert(1)</script> <!-- & 'x'"
    profile = minimal / "content" / "profile.yaml"
    profile.write_text(f"name: {json.dumps(name)}\nheadline: PM\n", encoding="utf-8")
    page = (_build(minimal) / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert script is not None
    assert "<" not in script.group(1) and json.loads(script.group(1))["mainEntity"]["name"] == name
    assert page.count("</script>") == 1


# --- robots.txt, sitemap and 404 ---------------------------------------------------


def test_robots_txt_allows_all_and_names_the_sitemap(sample: Path, minimal: Path) -> None:
    robots = (sample / "site" / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: /\nSitemap: {BASE_URL}sitemap.xml\n"
    relative = (_build(minimal) / "robots.txt").read_text(encoding="utf-8")
    assert relative == "User-agent: *\nAllow: /\n"  # a sitemap must be named absolutely


def test_the_404_page_links_from_the_base_path(sample: Path) -> None:
    site = sample / "site"
    head = _head(site / "404.html")
    local = [u for u in head.urls if not u.startswith(("https://", "http://", "mailto:", "#"))]
    assert "/portfolio/assets/style.css" in local and "/portfolio/resume/" in local
    assert all(u.startswith("/portfolio/") for u in local), local
    for url in local:  # and each of them exists in the site
        target = site / url.removeprefix("/portfolio/")
        assert target.is_file() or (target / "index.html").is_file(), url
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "404" not in sitemap and f"<loc>{BASE_URL}</loc>" in sitemap


def test_the_404_page_at_a_domain_root(minimal: Path) -> None:
    page = (_build(minimal) / "404.html").read_text(encoding="utf-8")
    assert 'href="/assets/style.css"' in page and 'href="/resume/"' in page


# --- packs are private -------------------------------------------------------------


def test_packs_have_no_canonical_open_graph_or_structured_data(sample: Path) -> None:
    packs = sorted((sample / "packs").rglob("*.html"))
    assert packs
    for page in packs:
        head = _head(page)
        assert "canonical" not in head.links and not head.json_ld, page
        assert not [k for k in head.meta if k.startswith(("og:", "twitter:"))], page
        assert head.meta["robots"] == "noindex, nofollow"
