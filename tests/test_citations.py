"""Citations: the meta tags Zotero and Google Scholar read, "Cite this bulletin", and the
BibTeX, RIS and CSL-JSON downloads, each read back by a real parser."""

from __future__ import annotations

import json

import pytest
import rispy
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string

from briefsite.names import split_name

from .sitepages import page

SITEURL = "https://briefs.example.org"

# What Zotero should save from each real bulletin page: (authors as (family, given), date,
# institution, report number).
EXPECTED = {
    "collaborative-agglomeration-new-cities-and-new-spaces": (
        [("Chen", "Zhu")],
        "2021/06/16",
        "Shanghai Center for Pujiang Innovation Forum",
        "No. 10, Vol. 145",
    ),
    "shaping-new-engines-and-new-strengths-in-development": (
        [("Jiang", "Jiaoyan"), ("Zhou", "Shaodan")],
        "2023/09/22",
        "Shanghai Center for Pujiang Innovation Forum",
        "No. 6, Vol. 167",
    ),
    "yangtze-river-delta-city-group-from-homogenization": (
        [("Xu", "Qimin")],
        "2018/06/23",
        "Wen Wei Paper",
        None,
    ),
    "adapting-to-differentiated-layouts-and-exploring": (
        [],
        "2024/07/31",
        "Economic Daily",
        None,
    ),
}


def zotero_item(soup) -> dict:
    """The item Zotero's Embedded Metadata translator makes of a page's Highwire tags: a
    report when citation_technical_report_institution is present; each citation_author
    with a comma is "last, first"."""

    def meta(name: str) -> list[str]:
        return [tag["content"] for tag in soup.find_all("meta", attrs={"name": name})]

    def first(name: str) -> str | None:
        values = meta(name)
        return values[0] if values else None

    item_type = "report" if first("citation_technical_report_institution") else "webpage"
    creators = [tuple(part.strip() for part in a.split(",", 1)) for a in meta("citation_author")]
    return {
        "itemType": item_type,
        "title": first("citation_title"),
        "creators": creators,
        "date": first("citation_publication_date") or first("citation_date"),
        "institution": first("citation_technical_report_institution"),
        "reportNumber": first("citation_technical_report_number"),
        "abstractNote": first("citation_abstract"),
        "language": first("citation_language"),
        "url": first("citation_public_url"),
    }


@pytest.fixture(scope="session")
def bulletins(registry):
    from briefsite.content.check import check_project
    from briefsite.content.paths import ProjectPaths

    from .conftest import ROOT

    return {b.slug: b for b in check_project(ProjectPaths(ROOT)).bulletins}


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_zotero_saves_each_real_bulletin_as_a_report_with_every_field(
    production_site, bulletins, slug
):
    authors, date, institution, number = EXPECTED[slug]
    item = zotero_item(page(production_site, f"bulletins/{slug}/"))
    assert item == {
        "itemType": "report",
        "title": bulletins[slug].title,
        "creators": authors,
        "date": date,
        "institution": institution,
        "reportNumber": number,
        "abstractNote": bulletins[slug].summary,
        "language": "en",
        "url": f"{SITEURL}/bulletins/{slug}/",
    }


def test_the_page_names_its_canonical_url_and_raw_source(production_site):
    soup = page(production_site, "bulletins/collaborative-agglomeration-new-cities-and-new-spaces/")
    url = f"{SITEURL}/bulletins/collaborative-agglomeration-new-cities-and-new-spaces/"
    assert soup.find("link", rel="canonical")["href"] == url
    source = f"{SITEURL}/sources/000_89123bde5553aad6.txt"
    assert soup.find("meta", attrs={"name": "DC.source"})["content"] == source
    assert soup.find("link", rel="alternate", type="text/plain")["href"] == source
    assert (production_site / "sources" / "000_89123bde5553aad6.txt").is_file()


def test_sharing_cards_carry_title_description_and_url(production_site):
    soup = page(production_site, "bulletins/shaping-new-engines-and-new-strengths-in-development/")
    og = {t["property"]: t["content"] for t in soup.find_all("meta", property=True)}
    twitter = {
        t["name"]: t["content"]
        for t in soup.find_all("meta", attrs={"name": lambda n: n and n.startswith("twitter:")})
    }
    title = "Shaping new engines and new strengths in development through technological innovation"
    assert og["og:title"] == twitter["twitter:title"] == title
    assert (
        og["og:url"] == f"{SITEURL}/bulletins/shaping-new-engines-and-new-strengths-in-development/"
    )
    assert og["og:type"] == "article" and twitter["twitter:card"] == "summary"
    assert og["og:description"] == twitter["twitter:description"]
    assert 0 < len(og["og:description"]) <= 200
    assert "og:image" not in og  # none generated


def test_cite_this_bulletin_shows_apa_and_chicago_formatted_by_citeproc(production_site):
    soup = page(production_site, "bulletins/collaborative-agglomeration-new-cities-and-new-spaces/")
    box = soup.select_one("section.cite")
    assert box.h2.get_text() == "Cite this bulletin"
    styles = {dd["data-style"]: dd for dd in box.select("dd.citation")}
    url = f"{SITEURL}/bulletins/collaborative-agglomeration-new-cities-and-new-spaces/"
    assert styles["apa"].get_text() == (
        "Chen, Z. (2021). Collaborative Agglomeration: New Cities and New Spaces (No. 10, "
        "Vol. 145; Pujiang Innovation Forum Bulletin). Shanghai Center for Pujiang Innovation "
        f"Forum. {url}"
    )
    assert styles["chicago-author-date-16th-edition"].get_text() == (
        "Chen, Zhu. 2021. Collaborative Agglomeration: New Cities and New Spaces. No. 10, "
        "Vol. 145. Pujiang Innovation Forum Bulletin. Shanghai Center for Pujiang Innovation "
        f"Forum. {url}."
    )
    assert [i.get_text() for i in styles["apa"].find_all("i")] == [
        "Collaborative Agglomeration: New Cities and New Spaces"
    ]
    assert [dt.get_text() for dt in box.select("dt")] == [
        "APA (7th edition)",
        "Chicago author-date (16th edition)",
    ]


def test_the_downloads_are_linked_and_written_beside_the_page(built_site):
    slug = "shaping-new-engines-and-new-strengths-in-development"
    links = page(built_site, f"bulletins/{slug}/").select("section.cite .downloads a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("BibTeX", f"/bulletins/{slug}/cite.bib"),
        ("RIS", f"/bulletins/{slug}/cite.ris"),
        ("CSL-JSON", f"/bulletins/{slug}/cite.json"),
    ]
    for a in links:
        assert (built_site / a["href"].lstrip("/")).is_file()


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_bibtex_download_parses_with_pybtex_to_the_same_fields(production_site, bulletins, slug):
    authors, date, institution, number = EXPECTED[slug]
    text = (production_site / "bulletins" / slug / "cite.bib").read_text(encoding="utf-8")
    entry = parse_string(text, "bibtex").entries[slug]
    assert entry.type == "techreport"
    assert entry.fields["title"] == bulletins[slug].title
    assert entry.fields["institution"] == institution
    assert entry.fields["year"] == date[:4]
    assert entry.fields["date"] == date.replace("/", "-")
    assert entry.fields.get("number") == number
    assert entry.fields["url"] == f"{SITEURL}/bulletins/{slug}/"
    people = [(" ".join(p.last_names), " ".join(p.first_names)) for p in entry.persons["author"]]
    assert people == (authors or [("{" + institution + "}", "")])


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_ris_download_parses_with_rispy_to_the_same_fields(production_site, bulletins, slug):
    authors, date, institution, number = EXPECTED[slug]
    text = (production_site / "bulletins" / slug / "cite.ris").read_text(encoding="utf-8")
    (entry,) = rispy.loads(text)
    assert entry["type_of_reference"] == "RPRT"
    assert entry["title"] == bulletins[slug].title
    assert entry["authors"] == ([f"{f}, {g}" for f, g in authors] or [institution])
    assert entry["date"] == date and entry["year"] == date[:4]
    assert entry["publisher"] == institution
    assert entry.get("volume") == number
    assert entry["abstract"] == bulletins[slug].summary
    assert entry["urls"] == [f"{SITEURL}/bulletins/{slug}/"]


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_csl_json_download_reads_into_citeproc_with_the_same_fields(
    production_site, bulletins, slug
):
    authors, date, institution, number = EXPECTED[slug]
    items = json.loads((production_site / "bulletins" / slug / "cite.json").read_text("utf-8"))
    reference = CiteProcJSON(items)[slug]
    assert reference.type == "report"
    assert str(reference.title) == bulletins[slug].title
    assert str(reference.publisher) == institution
    issued = reference.issued
    assert (issued.year, issued.month, issued.day) == tuple(int(p) for p in date.split("/"))
    names = [(str(n.family), str(n.given)) for n in reference.author if "family" in n]
    assert names == authors
    if not authors:
        assert [str(n.literal) for n in reference.author] == [institution]
    assert (str(reference.number) if "number" in reference else None) == number


@pytest.mark.parametrize(
    "name, family, expected",
    [
        ("Chen Zhu", "", ("Chen", "Zhu")),  # a common Chinese family name comes first
        ("WU Zhiqiang", "", ("Wu", "Zhiqiang")),  # capitals mark the family name
        ("Bruno Dercon", "", ("Dercon", "Bruno")),  # otherwise the last word
        ("Anthony G.O. Yeh", "Yeh", ("Yeh", "Anthony G.O.")),  # the registry's family name
        ("Liu Liu", "Liu", ("Liu", "Liu")),
    ],
)
def test_names_split_into_family_and_given_by_one_rule(name, family, expected):
    parts = split_name(name, family)
    assert (parts.family, parts.given) == expected
