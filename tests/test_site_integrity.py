"""Whole-site properties: links resolve, feeds are valid Atom, builds are reproducible,
metadata is escaped, and a bad bulletin fails the build without touching the last site."""

from __future__ import annotations

import filecmp
from xml.etree import ElementTree

import pytest

from briefsite.cli import main
from briefsite.errors import ContentError
from briefsite.publish.linkcheck import broken_links
from briefsite.site.build import build_site

from .sitepages import page

ATOM = "{http://www.w3.org/2005/Atom}"


def test_no_internal_link_is_broken(built_site):
    assert broken_links(built_site) == []


def test_production_build_has_no_broken_links_with_absolute_urls(production_site):
    assert broken_links(production_site, siteurl="https://briefs.example.org") == []


def test_a_site_published_in_a_folder_of_its_host_links_inside_that_folder(project):
    siteurl = "https://example.org/briefs"
    settings = project.root / "publishconf.py"
    site = build_site(project, settings, SITEURL=siteurl, FEED_DOMAIN=siteurl).output
    assert broken_links(site, siteurl=siteurl) == []
    # every page's own links (cards, entity links, feeds) name the folder
    expert = (site / "experts" / "wu-zhiqiang" / "index.html").read_text(encoding="utf-8")
    assert 'href="/' not in expert


@pytest.mark.parametrize(
    "feed",
    [
        "feeds/all.atom.xml",
        "feeds/experts/wu-zhiqiang.atom.xml",
        "feeds/regions/yangtze-river-delta.atom.xml",
        "feeds/themes/regional-coordination.atom.xml",
    ],
)
def test_feeds_are_atom_with_absolute_links_in_production(production_site, feed):
    root = ElementTree.parse(production_site / feed).getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        assert entry.find(f"{ATOM}title").text
        assert entry.find(f"{ATOM}id").text
        assert entry.find(f"{ATOM}updated").text
        assert (
            entry.find(f"{ATOM}link")
            .get("href")
            .startswith("https://briefs.example.org/bulletins/")
        )
    self_link = [a.get("href") for a in root.findall(f"{ATOM}link") if a.get("rel") == "self"]
    assert self_link == [f"https://briefs.example.org/{feed}"]


def test_region_feed_holds_exactly_its_bulletins(production_site):
    root = ElementTree.parse(
        production_site / "feeds/regions/yangtze-river-delta.atom.xml"
    ).getroot()
    assert len(root.findall(f"{ATOM}entry")) == 4
    root = ElementTree.parse(production_site / "feeds/experts/wen-yuyuan.atom.xml").getroot()
    assert [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")] == [
        "Adapting to Differentiated Layouts and Exploring Diversified Development Paths for Urban "
        "Agglomerations"
    ]


def test_two_builds_of_the_same_content_are_byte_identical(project, tmp_path):
    first = build_site(
        project, project.root / "pelicanconf.py", output=str(tmp_path / "one")
    ).output
    second = build_site(
        project, project.root / "pelicanconf.py", output=str(tmp_path / "two")
    ).output
    comparison = filecmp.dircmp(first, second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert comparison.left_only == comparison.right_only == []


def test_markup_in_metadata_and_body_is_shown_as_text(project):
    bulletin = project.bulletins / "collaborative-agglomeration-new-cities-and-new-spaces.md"
    text = bulletin.read_text(encoding="utf-8")
    text = text.replace(
        'title: "Collaborative Agglomeration: New Cities and New Spaces"',
        'title: "New <script>alert(1)</script> Cities"',
    )
    text = text.replace(
        'role: "Vice President of Chongqing Academy of Social Sciences"',
        'role: "<img src=x onerror=alert(2)> Vice President"',
    )
    text = text.replace(
        "The world today is undergoing", "<script>alert(3)</script> The world today is"
    )
    bulletin.write_text(text, encoding="utf-8")
    site = build_site(project, project.root / "pelicanconf.py").output
    soup = page(site, "bulletins/collaborative-agglomeration-new-cities-and-new-spaces/")
    assert soup.h1.get_text() == "New <script>alert(1)</script> Cities"
    # JSON-LD is data, with every "<" escaped; no other script, no image
    data = soup.select("script[type='application/ld+json']")
    assert data and all("<" not in script.string for script in data)
    assert len(soup.select("script")) == len(data) and not soup.select("img")
    assert "<img src=x onerror=alert(2)> Vice President" in soup.select_one(".speakers").get_text()
    assert soup.find(id="p2").get_text().startswith("<script>alert(3)</script> The world")
    expert = page(site, "experts/zhang-bo/")
    # his one stated role is the page's opening line
    lead = expert.select_one(".entity-header .lead").get_text()
    assert not expert.select("main img") and "<img src=x" in lead


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_bad_bulletin_fails_the_build_and_leaves_the_last_site_as_it_was(project, capsys):
    assert main(["--root", str(project.root), "build"]) == 0
    output = project.root / "output"
    before = _snapshot(output)
    bulletin = project.bulletins / "shaping-new-engines-and-new-strengths-in-development.md"
    text = bulletin.read_text(encoding="utf-8")
    bulletin.write_text(
        text.replace("  - {id: wu-jun,", "  - {id: wu-jnu,").replace(
            "date: 2023-09-22", "date: 2023-09-31"
        ),
        encoding="utf-8",
    )
    capsys.readouterr()

    assert main(["--root", str(project.root), "build"]) == 1

    captured = capsys.readouterr()
    path = "content/bulletins/shaping-new-engines-and-new-strengths-in-development.md"
    assert (
        f"{path}:3:7: error: date '2023-09-31' does not exist (day is out of range for month)"
        in captured.out
    )
    assert (
        f"{path}:16:10: error: unknown expert 'wu-jnu'\n    hint: did you mean 'wu-jun'?"
        in captured.out
    )
    assert "Error: 2 problem(s) in the content; nothing was built" in captured.err
    assert "Traceback" not in captured.out + captured.err
    assert _snapshot(output) == before
    assert sorted(p.name for p in project.root.iterdir() if p.name.startswith("output")) == [
        "output"
    ]


def test_pelican_run_directly_also_refuses_bad_content(project):
    from pelican import Pelican
    from pelican.settings import read_settings

    bulletin = project.bulletins / "yangtze-river-delta-city-group-from-homogenization.md"
    bulletin.write_text(
        bulletin.read_text(encoding="utf-8").replace('title: "Yangtze', 'titel: "Yangtze'),
        encoding="utf-8",
    )
    settings = read_settings(str(project.root / "pelicanconf.py"))
    with pytest.raises(ContentError) as raised:
        Pelican(settings)
    messages = [d.format() for d in raised.value.diagnostics]
    assert any("unknown field 'titel'\n    hint: did you mean 'title'?" in m for m in messages)
    assert any("missing required field 'title'" in m for m in messages)


def test_a_build_writes_nothing_outside_its_output_folder(project, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    site = build_site(project, project.root / "pelicanconf.py").output
    assert list(elsewhere.iterdir()) == []
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
