"""The built site, page by page, as a reader sees it (HTML parsed, not grepped)."""

import pytest

from briefsite.bench.corpus import generate
from briefsite.content.paths import ProjectPaths
from briefsite.site.build import build_site
from briefsite.site.views import STATEMENTS_PER_BULLETIN, STATEMENTS_SHOWN

from .sitepages import links, page, texts

BULLETIN_2021 = "bulletins/collaborative-agglomeration-new-cities-and-new-spaces/"
BULLETIN_2023 = "bulletins/shaping-new-engines-and-new-strengths-in-development/"
BULLETIN_2018 = "bulletins/yangtze-river-delta-city-group-from-homogenization/"
BULLETIN_INTERVIEW = "bulletins/adapting-to-differentiated-layouts-and-exploring/"
ALL_BULLETINS = [BULLETIN_2021, BULLETIN_2023, BULLETIN_2018, BULLETIN_INTERVIEW]


@pytest.mark.parametrize(
    "url",
    [
        "",
        "bulletins/",
        "experts/",
        "regions/",
        "themes/",
        "search/",
        "about/",
        "experts/wu-zhiqiang/",
        "experts/anthony-g-o-yeh/",
        "regions/yangtze-river-delta/",
        "regions/beijing-tianjin-hebei/",
        "regions/greater-bay-area/",
        "regions/pearl-river-delta/",
        "regions/chengdu-chongqing/",
        "regions/middle-yangtze-river/",
        "regions/yangtze-river-economic-belt/",
        "themes/collaborative-innovation/",
        *ALL_BULLETINS,
    ],
)
def test_every_page_of_the_url_scheme_exists_with_a_heading(built_site, url):
    assert page(built_site, url).h1.get_text(strip=True)


@pytest.mark.parametrize(
    "path",
    [
        "feeds/all.atom.xml",
        "feeds/experts/wu-zhiqiang.atom.xml",
        "feeds/regions/yangtze-river-delta.atom.xml",
        "feeds/themes/collaborative-innovation.atom.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "theme/css/site.css",
    ],
)
def test_feeds_sitemap_robots_404_and_styles_exist(built_site, path):
    assert (built_site / path).is_file()


def test_bulletin_page_shows_its_facts(built_site):
    soup = page(built_site, BULLETIN_2021)
    assert soup.h1.get_text() == "Collaborative Agglomeration: New Cities and New Spaces"
    assert texts(soup, ".kicker") == ["Pujiang Innovation Forum Bulletin No. 10, Vol. 145"]
    facts = dict(zip(texts(soup, ".facts dt"), texts(soup, ".facts dd"), strict=True))
    assert facts == {
        "Published": "16 June 2021",
        "Publisher": "Shanghai Center for Pujiang Innovation Forum",
        "Event": "2021 Pujiang Innovation Forum – The Regional & Urban Forum",
        "Compiled by": "Chen Zhu",
        "Source": "raw text as received",
    }
    assert links(soup, ".facts a") == [
        {"href": "/sources/000_89123bde5553aad6.txt", "text": "raw text as received"}
    ]


@pytest.mark.parametrize("url", ALL_BULLETINS)
def test_each_bulletin_links_each_of_its_speakers_with_the_stated_role(built_site, url):
    soup = page(built_site, url)
    speakers = soup.select(".speakers li")
    assert speakers
    for item in speakers:
        link = item.a["href"]
        assert link.startswith("/experts/") and link.endswith("/")
        assert (built_site / link.lstrip("/") / "index.html").is_file()


def test_speaker_roles_are_the_ones_this_bulletin_states(built_site):
    soup = page(built_site, BULLETIN_2023)
    roles = {
        li.a.get_text(): li.select_one(".role").get_text() for li in soup.select(".speakers li")
    }
    assert roles["Wu Zhiqiang"].startswith(
        "Academician of the Chinese Academy of Engineering, Chief Scientist"
    )
    assert list(roles) == ["Sun Dong", "Wang Jixiang", "Wu Zhiqiang", "Wu Jun", "Erik Solheim"]


def test_every_paragraph_has_an_anchor_and_first_mentions_are_linked_per_section(built_site):
    soup = page(built_site, BULLETIN_2021)
    body = soup.select_one(".body")
    paragraphs = body.find_all("p", recursive=False)
    assert [p["id"] for p in paragraphs] == [f"p{n}" for n in range(1, len(paragraphs) + 1)]
    # WU Zhiqiang is named three times in section I but linked once there, once in section III
    wu = [a for a in body.select("a.mention") if a["href"] == "/experts/wu-zhiqiang/"]
    assert [a.find_parent("p")["id"] for a in wu] == ["p3", "p11"]
    assert not body.select("h2 a"), "headings are never auto-linked"
    yrd = [a.get_text() for a in body.select('a[href="/regions/yangtze-river-delta/"]')]
    assert yrd[0] == "Yangtze River Delta"


def test_footnotes_are_kept_and_link_back(built_site):
    soup = page(built_site, BULLETIN_2021)
    mark = soup.select_one(".body sup a")
    assert mark.get_text() == "1"
    note = soup.find(id=mark["href"].removeprefix("#"))
    assert note.name == "li"
    assert (
        note.get_text().strip().startswith("Participating guests include: WU Zhiqiang, Academician")
    )
    back = note.select_one("a.footnote-backref")
    assert back["aria-label"] == "Back to the text"
    assert soup.find(id=back["href"].removeprefix("#")) is mark
    # the note names experts but is not where their first mention gets linked
    assert not note.select("a.mention")


def test_bulletin_links_regions_themes_related_and_neighbours(built_site):
    soup = page(built_site, BULLETIN_2023)
    assert {"href": "/regions/yangtze-river-delta/", "text": "Yangtze River Delta"} in links(
        soup, ".tags a"
    )
    assert {
        "href": "/themes/collaborative-innovation/",
        "text": "Collaborative innovation",
    } in links(soup, ".tags a")
    related = links(soup, ".related a")
    assert related and all(r["href"] in ["/" + u for u in ALL_BULLETINS] for r in related)
    assert links(soup, ".pager a") == [
        {
            "href": "/" + BULLETIN_2021,
            "text": "← Older: Collaborative Agglomeration: New Cities and New Spaces",
        },
        {
            "href": "/" + BULLETIN_INTERVIEW,
            "text": "Newer: Adapting to Differentiated Layouts and "
            "Exploring Diversified Development Paths for Urban Agglomerations →",
        },
    ]


def test_editor_supplied_date_is_shown_as_such(built_site):
    soup = page(built_site, BULLETIN_INTERVIEW)
    assert "(date supplied by the editor)" in texts(soup, ".facts dd")[0]


def test_expert_page_lists_both_bulletins_with_their_different_roles(built_site):
    soup = page(built_site, "experts/wu-zhiqiang/")
    assert soup.h1.get_text(" ", strip=True) == "Wu Zhiqiang 吴志强"
    # "WU Zhiqiang" differs from the name only in case: not worth a line
    assert texts(soup, ".aliases") == []
    bulletins = links(soup, "#bulletins-heading + .cards .card-title")
    assert [b["href"] for b in bulletins] == ["/" + BULLETIN_2023, "/" + BULLETIN_2021]
    roles = soup.select(".roles li")
    assert len(roles) == 2
    assert (
        roles[0]
        .select_one(".role")
        .get_text()
        .startswith(
            "Academician of the Chinese Academy of Engineering, Chief Scientist of the CIUC"
        )
    )
    assert (
        "23 September 2023" not in roles[0].get_text()
        and "22 September 2023" in roles[0].get_text()
    )
    assert (
        roles[1]
        .select_one(".role")
        .get_text()
        .startswith("Academician of Chinese Academy of Engineering, Academician of German")
    )
    assert "16 June 2021" in roles[1].get_text()


def test_expert_statements_quote_paragraphs_and_link_to_their_anchors(built_site):
    soup = page(built_site, "experts/wu-zhiqiang/")
    statements = soup.select(".statements li")
    assert len(statements) >= 5
    first_link = statements[0].select_one(".source a")["href"]
    assert first_link.startswith("/" + BULLETIN_2023 + "#p")
    anchor = first_link.split("#")[1]
    paragraph = page(built_site, BULLETIN_2023).find(id=anchor).get_text()
    quote = statements[0].blockquote.get_text(" ", strip=True)
    assert quote.split(",")[0] in paragraph and "Wu Zhiqiang" in quote
    # a statement stops where the text turns to another speaker
    assert all("Wu Jun" not in s.blockquote.get_text() for s in statements)


def test_expert_page_shows_regions_themes_and_peers(built_site):
    soup = page(built_site, "experts/wu-zhiqiang/")
    regions = texts(soup, "#regions-heading + .chips li")
    assert "Yangtze River Delta 2 bulletins" in regions
    peers = [a["text"] for a in links(soup, "#peers-heading + .chips a")]
    assert "Tu Qiyu" in peers and "Erik Solheim" in peers and "Wu Zhiqiang" not in peers
    assert soup.select_one(
        'link[type="application/atom+xml"][href="/feeds/experts/wu-zhiqiang.atom.xml"]'
    )


def test_region_page_lists_all_four_bulletins_with_mention_counts(built_site):
    soup = page(built_site, "regions/yangtze-river-delta/")
    cards = soup.select("#bulletins-heading + .cards .card")
    assert [c.a["href"] for c in cards] == [
        "/" + BULLETIN_INTERVIEW,
        "/" + BULLETIN_2023,
        "/" + BULLETIN_2021,
        "/" + BULLETIN_2018,
    ]
    counts = [c.select_one(".card-meta").get_text() for c in cards]
    assert all("named" in c for c in counts)
    assert "named 1 time" in counts[0]
    facts = dict(zip(texts(soup, ".facts dt"), texts(soup, ".facts dd"), strict=True))
    assert facts["Provinces and cities"] == "Shanghai, Jiangsu, Zhejiang, Anhui"
    assert facts["Part of"] == "Yangtze River Economic Belt"
    spoke = texts(soup, "#experts-heading + .chips li")
    assert "Wu Zhiqiang 2 bulletins" in spoke
    # Luo Dajin speaks in a bulletin on the delta, but no passage of his names it
    assert not any(t.startswith("Luo Dajin") for t in spoke)
    assert any(
        t.startswith("Beijing-Tianjin-Hebei 3 bulletins")
        for t in texts(soup, "#alongside-heading + .chips li")
    )


def test_parent_region_lists_its_children(built_site):
    soup = page(built_site, "regions/yangtze-river-economic-belt/")
    facts = dict(zip(texts(soup, ".facts dt"), texts(soup, ".facts dd"), strict=True))
    assert facts["Includes"] == "Chengdu-Chongqing Middle Yangtze River Yangtze River Delta"


def test_theme_page(built_site):
    soup = page(built_site, "themes/collaborative-innovation/")
    assert soup.h1.get_text() == "Collaborative innovation"
    assert texts(soup, ".lead")[0].startswith("Cities, provinces, universities and firms")
    assert soup.select("#bulletins-heading + .cards .card")
    # what was said on it: passages with its cue words, linked to their paragraphs
    quotes = soup.select("#said-heading ~ .speaker-statements .statements li")
    assert quotes
    for quote in quotes:
        text = quote.blockquote.get_text(" ", strip=True).lower()
        assert any(
            cue in text
            for cue in (
                "innovation system",
                "collaborative innovation",
                "coordinated innovation",
                "innovation community",
                "innovation resources",
                "innovation vouchers",
                "technological innovation",
                "innovation center",
                "innovation centre",
            )
        )
        url, anchor = quote.select_one(".source a")["href"].lstrip("/").split("#")
        assert page(built_site, url).find(id=anchor).name == "p"


def test_experts_index_is_a_to_z_by_family_name(built_site):
    soup = page(built_site, "experts/")
    letters = texts(soup, "main section h2")
    assert letters == sorted(letters)
    w = soup.find(id="letter-W").find_next("ul")
    assert [a.get_text() for a in w.select("a")] == [
        "Wang Jixiang",
        "Wang Yuan",
        "Wen Yuyuan",
        "Wu Jun",
        "Wu Zhiqiang",
    ]


def test_regions_index_groups_by_kind_and_bulletins_index_by_year(built_site):
    kinds = texts(page(built_site, "regions/"), "main section h2")
    assert kinds[0] == "Urban agglomerations"
    assert "International agglomerations" in kinds and "Corridor" in kinds
    assert texts(page(built_site, "bulletins/"), "main section h2") == [
        "2024",
        "2023",
        "2021",
        "2018",
    ]


def test_home_page_has_latest_directory_and_top_experts(built_site):
    soup = page(built_site, "")
    latest = links(soup, "#latest-heading + .cards .card-title")
    assert [link["href"] for link in latest] == [
        "/" + u for u in [BULLETIN_INTERVIEW, BULLETIN_2023, BULLETIN_2021, BULLETIN_2018]
    ]
    directory = soup.select("#directory-heading ~ ul.directory li")
    assert len(directory) == 19, "the 19 urban agglomerations of the 14th Five-Year Plan"
    assert texts(soup, "#directory-heading ~ h3") == [
        "To optimise and upgrade",
        "To develop and strengthen",
        "To foster",
    ]
    top = texts(soup, "#experts-heading + .directory li")
    assert top[0] == "Wu Zhiqiang 2 bulletins"


def test_navigation_marks_the_current_section(built_site):
    soup = page(built_site, "experts/")
    assert links(soup, 'nav a[aria-current="page"]') == [{"href": "/experts/", "text": "Experts"}]
    assert soup.select_one("a.skip-link")["href"] == "#main"


def test_sitemap_lists_every_page_with_dates_from_content(built_site):
    from xml.etree import ElementTree

    root = ElementTree.parse(built_site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in root.findall("s:url/s:loc", ns)]
    assert "/" + BULLETIN_2021 in locs and "/experts/wu-zhiqiang/" in locs and "/" in locs
    lastmods = {
        e.findtext("s:loc", namespaces=ns): e.findtext("s:lastmod", namespaces=ns)
        for e in root.findall("s:url", ns)
    }
    assert lastmods["/" + BULLETIN_2021] == "2021-06-16"
    assert lastmods["/experts/wu-zhiqiang/"] == "2023-09-22"


def test_no_page_loads_anything_from_another_host(built_site):
    for html_file in built_site.rglob("*.html"):
        soup = page(built_site, str(html_file.relative_to(built_site)))
        for element in soup.select("script[src], link[href], img[src], iframe[src]"):
            reference = element.get("src") or element.get("href")
            assert not reference.startswith(("http:", "https:", "//")), (html_file, reference)


def test_a_prolific_experts_page_quotes_the_newest_statements(tmp_path):
    corpus = generate(tmp_path / "corpus", 60, seed=3)
    site = build_site(ProjectPaths(corpus.root), corpus.root / "pelicanconf.py").output
    capped = [
        soup
        for url in sorted(p.parent.name for p in (site / "experts").glob("*/index.html"))
        if (soup := page(site, f"experts/{url}/")).select_one("p.more")
    ]
    assert capped, "the synthetic corpus has experts quoted more often than a page shows"
    for soup in capped:
        quotes = soup.select(".statements li")
        # the newest STATEMENTS_SHOWN, at most STATEMENTS_PER_BULLETIN of each bulletin
        assert len(quotes) <= STATEMENTS_SHOWN
        for group in soup.select(".statement-group"):
            assert len(group.select(".statements li")) <= STATEMENTS_PER_BULLETIN
        total = int(soup.select_one("p.more").get_text().split(" of ")[1].split()[0])
        assert total > STATEMENTS_SHOWN
        # newest first: the first quote comes from the expert's newest bulletin
        newest = soup.select_one("section[aria-labelledby=bulletins-heading] .cards a")["href"]
        assert quotes[0].select_one(".source a")["href"].split("#")[0] == newest


def test_region_page_quotes_what_speakers_said_naming_it_with_links_to_paragraphs(built_site):
    soup = page(built_site, "regions/yangtze-river-delta/")
    quotes = soup.select("#said-heading ~ .speaker-statements .statements li")
    assert len(quotes) >= 5
    pages = {}
    for quote in quotes:
        href = quote.select_one(".source a")["href"]
        url, anchor = href.lstrip("/").split("#")
        bulletin = pages.setdefault(url, page(built_site, url))
        paragraph = bulletin.find(id=anchor)
        assert paragraph is not None and paragraph.name == "p", href
        text = quote.blockquote.get_text(" ", strip=True)
        # the passage is the paragraph's, and names the region by one of its names
        assert " ".join(text.split()[:6]) in " ".join(paragraph.get_text().split())
        assert any(name in text for name in ("Yangtze River Delta", "YRD", "Changjiang Delta"))
    speakers = texts(soup, ".speaker-statements h3")
    assert "Wu Zhiqiang" in speakers and "Luo Dajin" not in speakers


def test_region_page_opens_with_a_lead_its_names_and_chinese_name(built_site):
    soup = page(built_site, "regions/yangtze-river-delta/")
    assert soup.h1.get_text(" ", strip=True) == "Yangtze River Delta 长江三角洲"
    lead = texts(soup, ".entity-header .lead")[0]
    assert lead.startswith("The Yangtze River Delta is an urban agglomeration in China, spanning")
    assert "among the five urban agglomerations to optimise and upgrade" in lead
    assert texts(soup, ".aliases") == [
        "Also called: Yangtze River Delta City Group, Yangtze River Delta urban agglomeration,"
        " Changjiang Delta, YRD, Yangtze Delta"
    ]


def test_a_region_no_bulletin_names_is_a_gazetteer_entry(built_site):
    soup = page(built_site, "regions/central-yunnan/")
    assert texts(soup, "#gazetteer-heading") == ["A gazetteer entry"]
    assert not soup.select("#bulletins-heading, #said-heading, #experts-heading, .empty")
    facts = dict(zip(texts(soup, ".facts dt"), texts(soup, ".facts dd"), strict=True))
    assert facts["Core cities"] == "Kunming"
    index = page(built_site, "regions/")
    entry = index.select_one('a[href="/regions/central-yunnan/"]').parent
    assert "0 bulletins" not in entry.get_text()


def test_expert_page_says_who_they_are_and_groups_statements_by_bulletin(built_site):
    soup = page(built_site, "experts/wu-zhiqiang/")
    assert texts(soup, ".entity-header .lead")[0].startswith(
        "Academician of the Chinese Academy of Engineering, Chief Scientist of the CIUC"
    )
    assert "22 September 2023" in texts(soup, ".entity-header .source")[0]
    groups = soup.select(".statement-group")
    assert [g.h3.a["href"] for g in groups] == ["/" + BULLETIN_2023, "/" + BULLETIN_2021]
    for group in groups:
        assert len(group.select(".role")) == 1  # the role said once per bulletin
        assert not group.select(".statements .role")
    yeh = page(built_site, "experts/anthony-g-o-yeh/")
    # spellings that differ beyond case are shown, each once
    assert texts(yeh, ".aliases") == ["Also written: Anthony Yeh, Anthony Gar-On Yeh"]


def test_a_lone_speakers_page_says_so_instead_of_none_yet(built_site):
    soup = page(built_site, "experts/wen-yuyuan/")
    assert "None yet." not in soup.get_text()
    assert texts(soup, "#peers-heading + .empty")[0].startswith("No one else")


def test_bulletin_headings_have_ids_the_contents_list_links_to(built_site):
    for url in ALL_BULLETINS:
        soup = page(built_site, url)
        headings = soup.select(".body h2, .body h3")
        contents = [a["href"] for a in soup.select(".toc a")]
        assert contents == ["#" + h["id"] for h in headings], url
        ids = [element["id"] for element in soup.select("[id]")]
        assert len(ids) == len(set(ids)), url
    soup = page(built_site, BULLETIN_2021)
    assert texts(soup, ".toc li")[0] == (
        "I. Urban Agglomerations have become an Important Driving Force for Innovation-Driven"
        " National and Regional Development"
    )
    assert soup.select_one(".toc a")["href"] == "#i-urban-agglomerations-have-become"


def test_related_bulletins_say_why_and_the_page_gives_a_citation(built_site):
    soup = page(built_site, BULLETIN_2023)
    reasons = texts(soup, ".related .reason")
    assert reasons and all(r.startswith("Shared: ") for r in reasons)
    assert any("Wu Zhiqiang" in r or "shared experts" in r for r in reasons)
    citation = texts(soup, ".cite dd.citation")[0]
    assert "Shaping New Engines" in citation or "Shaping new engines" in citation
    assert texts(soup, ".cite .cite-url")[0].endswith("/" + BULLETIN_2023)


def test_published_raw_text_is_the_source_after_a_byte_order_mark(built_site):
    from .conftest import ROOT

    published = (built_site / "sources" / "000_89123bde5553aad6.txt").read_bytes()
    received = (ROOT / "sources" / "000_89123bde5553aad6.txt").read_bytes()
    assert published == b"\xef\xbb\xbf" + received
