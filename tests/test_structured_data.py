"""JSON-LD: read by extruct as search engines do, expanded by pyld (with a local schema.org
context: nothing is fetched), and every URL in it is a page or file of the site."""

from __future__ import annotations

import json
from pathlib import Path

import extruct
import pytest
from pyld import jsonld

from briefsite.site.build import build_site

from .conftest import FIXTURES
from .sitepages import page

BASE = "https://briefs.example.org"
SCHEMA_ORG = json.loads((FIXTURES / "schemaorg-context.jsonld").read_text(encoding="utf-8"))
URL_KEYS = ("@id", "url", "item", "isBasedOn")


def local_loader(url: str, options=None) -> dict:
    """pyld's document loader: schema.org's context from the fixture, anything else refused."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_ORG}
    raise AssertionError(f"pyld tried to fetch {url}")


def documents(site: Path, url: str) -> list[dict]:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return extruct.extract(html, base_url=f"{BASE}/{url}", syntaxes=["json-ld"])["json-ld"]


def of_type(docs: list[dict], kind: str) -> list[dict]:
    return [d for d in docs if d.get("@type") == kind]


def urls_in(value) -> list[str]:
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k in URL_KEYS and isinstance(v, str)]
        return found + [u for v in value.values() for u in urls_in(v)]
    if isinstance(value, list):
        return [u for v in value for u in urls_in(v)]
    return []


def exists(site: Path, url: str) -> bool:
    path = site / url.lstrip("/")
    return (path / "index.html").is_file() if url.endswith("/") else path.is_file()


def site_urls(site: Path, kind: str) -> list[str]:
    return sorted(f"{kind}/{p.parent.name}/" for p in (site / kind).glob("*/index.html"))


def test_each_bulletin_page_is_exactly_one_report_with_its_people_places_and_forum(built_site):
    for url in site_urls(built_site, "bulletins"):
        (report,) = of_type(documents(built_site, url), "Report")
        assert report["url"] == f"/{url}"
        assert report["publisher"]["@type"] == "Organization" and report["datePublished"]
        assert all(place["@type"] == "Place" for place in report["about"])
    slug = "collaborative-agglomeration-new-cities-and-new-spaces"
    (report,) = of_type(documents(built_site, f"bulletins/{slug}/"), "Report")
    assert report["datePublished"] == "2021-06-16"
    assert report["reportNumber"] == "No. 10, Vol. 145"
    assert report["recordedAt"] == {
        "@type": "Event",
        "name": "2021 Pujiang Innovation Forum – The Regional & Urban Forum",
    }
    wu = next(p for p in report["contributor"] if p["name"] == "Wu Zhiqiang")
    assert wu["@type"] == "Person" and wu["url"] == "/experts/wu-zhiqiang/"
    assert wu["jobTitle"].startswith("Academician of Chinese Academy of Engineering")
    assert {"@type": "Place", "@id": "/regions/yangtze-river-delta/", "name": "Yangtze River Delta",
            "url": "/regions/yangtze-river-delta/"} in report["about"]  # fmt: skip
    assert report["author"] == [
        {"@type": "Person", "name": "Chen Zhu", "familyName": "Chen", "givenName": "Zhu"}
    ]


def test_each_expert_page_is_a_profile_page_of_one_person(built_site):
    for url in site_urls(built_site, "experts"):
        (profile,) = of_type(documents(built_site, url), "ProfilePage")
        assert profile["mainEntity"]["@type"] == "Person"
        assert profile["mainEntity"]["url"] == f"/{url}"
    (profile,) = of_type(documents(built_site, "experts/wu-zhiqiang/"), "ProfilePage")
    assert profile["mainEntity"]["name"] == "Wu Zhiqiang"
    assert profile["mainEntity"]["familyName"] == "Wu"


def test_each_region_page_is_a_place_within_and_around_others(built_site):
    for url in site_urls(built_site, "regions"):
        assert len(of_type(documents(built_site, url), "Place")) == 1
    (delta,) = of_type(documents(built_site, "regions/yangtze-river-delta/"), "Place")
    assert delta["containedInPlace"] == [
        {
            "@type": "Place",
            "@id": "/regions/yangtze-river-economic-belt/",
            "name": "Yangtze River Economic Belt",
            "url": "/regions/yangtze-river-economic-belt/",
        }
    ]
    (belt,) = of_type(documents(built_site, "regions/yangtze-river-economic-belt/"), "Place")
    assert "/regions/yangtze-river-delta/" in {p["url"] for p in belt["containsPlace"]}


def test_every_page_with_json_ld_has_breadcrumbs_from_home(built_site):
    (crumbs,) = of_type(documents(built_site, "experts/wu-zhiqiang/"), "BreadcrumbList")
    assert [(i["position"], i["name"], i["item"]) for i in crumbs["itemListElement"]] == [
        (1, "Home", "/"),
        (2, "Experts", "/experts/"),
        (3, "Wu Zhiqiang", "/experts/wu-zhiqiang/"),
    ]


def test_no_url_in_the_json_ld_dangles(built_site):
    checked = 0
    for kind in ("bulletins", "experts", "regions"):
        for url in site_urls(built_site, kind):
            for document in documents(built_site, url):
                for link in urls_in(document):
                    assert exists(built_site, link), f"{url}: {link} is not in the site"
                    checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    "url",
    [
        "bulletins/collaborative-agglomeration-new-cities-and-new-spaces/",
        "experts/wu-zhiqiang/",
        "regions/yangtze-river-delta/",
    ],
)
def test_pyld_expands_the_json_ld_without_fetching_anything(built_site, url):
    for document in documents(built_site, url):
        expanded = jsonld.expand(
            document, {"documentLoader": local_loader, "base": f"{BASE}/{url}"}
        )
        assert expanded and expanded[0]["@type"][0].startswith("https://schema.org/")


def test_production_json_ld_urls_are_absolute(production_site):
    url = "bulletins/collaborative-agglomeration-new-cities-and-new-spaces/"
    html = (production_site / url / "index.html").read_text(encoding="utf-8")
    docs = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    assert all(link.startswith(f"{BASE}/") for d in docs for link in urls_in(d))


def test_metadata_cannot_break_out_of_the_json_ld_or_the_meta_tags(project):
    bulletin = project.bulletins / "collaborative-agglomeration-new-cities-and-new-spaces.md"
    evil = 'Cities </script><script>alert(1)</script> & "quotes" <!--'
    text = bulletin.read_text(encoding="utf-8")
    bulletin.write_text(
        text.replace(
            'title: "Collaborative Agglomeration: New Cities and New Spaces"',
            "title: " + json.dumps(evil),
        ),
        encoding="utf-8",
    )
    site = build_site(project, project.root / "pelicanconf.py").output
    url = "bulletins/collaborative-agglomeration-new-cities-and-new-spaces/"
    soup = page(site, url)
    scripts = soup.find_all("script")
    assert scripts and all(s.get("type") == "application/ld+json" for s in scripts)
    assert "alert(1)" not in [s.get_text() for s in scripts]
    (report,) = of_type(documents(site, url), "Report")
    assert report["name"] == evil
    assert soup.find("meta", attrs={"name": "citation_title"})["content"] == evil
    assert soup.find("meta", property="og:title")["content"] == evil
