"""A bulletin body as HTML: CommonMark with footnotes, anchors, first mentions linked."""

from bs4 import BeautifulSoup

from briefsite.site.body import render_body


def body(markdown, registry, prefer=()):
    rendered = render_body(markdown, registry, "", prefer)
    return BeautifulSoup(rendered.html, "html.parser"), rendered.paragraphs


def test_a_name_wrapped_across_lines_is_linked_and_quoted_on_one_line(registry):
    soup, paragraphs = body("As WU\nZhiqiang said, the Yangtze River\nDelta grows.", registry)
    links = {a["href"]: a.get_text() for a in soup.select("a.mention")}
    assert links == {
        "/experts/wu-zhiqiang/": "WU\nZhiqiang",
        "/regions/yangtze-river-delta/": "Yangtze River\nDelta",
    }
    assert paragraphs[0].text == "As WU Zhiqiang said, the Yangtze River Delta grows."


def test_no_mention_is_linked_inside_links_code_headings_or_footnotes(registry):
    soup, paragraphs = body(
        "## WU Zhiqiang on the Yangtze River Delta\n\n"
        "See [WU Zhiqiang](https://example.org/) and `Yangtze River Delta`.[^1]\n\n"
        "[^1]: WU Zhiqiang, Tongji University.\n",
        registry,
    )
    assert not soup.select("a.mention")
    assert [(p.anchor, p.section) for p in paragraphs] == [
        ("p1", "WU Zhiqiang on the Yangtze River Delta")
    ]
    # the footnote mark is not part of the quoted text
    assert paragraphs[0].text == "See WU Zhiqiang and Yangtze River Delta."


def test_each_section_links_its_own_first_mention(registry):
    soup, _ = body(
        "WU Zhiqiang spoke. WU Zhiqiang spoke again.\n\n## Next\n\nThen WU Zhiqiang.", registry
    )
    assert [a.find_parent("p")["id"] for a in soup.select("a.mention")] == ["p1", "p2"]


def test_tight_list_items_are_linked_but_only_paragraphs_get_anchors(registry):
    soup, paragraphs = body("Intro.\n\n- WU Zhiqiang\n- Yangtze River Delta\n\nEnd.", registry)
    assert [p["id"] for p in soup.find_all("p")] == ["p1", "p2"]
    assert [p.text for p in paragraphs] == ["Intro.", "End."]
    assert len(soup.select("li a.mention")) == 2


def test_raw_html_is_text(registry):
    soup, _ = body('<script>alert(1)</script>\n\nA <b onclick="x()">bold</b> claim.', registry)
    assert not soup.find("script") and not soup.find("b")
    assert soup.get_text().startswith("<script>alert(1)</script>")


def test_mentions_are_placed_in_the_quoted_text_and_regions_counted(registry):
    _, (paragraph,) = body(
        "First,   as WU Zhiqiang put it,\nand then FANG  Chuanglin, the Yangtze River Delta"
        " and the **Yangtze River Delta** again.",
        registry,
    )
    assert paragraph.text == (
        "First, as WU Zhiqiang put it, and then FANG Chuanglin, the Yangtze River Delta"
        " and the Yangtze River Delta again."
    )
    assert [(paragraph.text[at:].split(",")[0], expert) for at, expert in paragraph.experts] == [
        ("WU Zhiqiang put it", "wu-zhiqiang"),
        ("FANG Chuanglin", "fang-chuanglin"),
    ]
    assert [region for _, region in paragraph.regions] == [
        "yangtze-river-delta",
        "yangtze-river-delta",
    ]


def test_heading_ids_are_short_unique_and_never_the_pages_own(registry):
    rendered = render_body("## Main\n\ntext\n\n## P1\n\n## Speakers heading\n\n## Main\n", registry)
    assert [h.id for h in rendered.headings] == [
        "section-main",
        "section-p1",
        "section-speakers-heading",
        "section-main-2",
    ]
    soup = BeautifulSoup(rendered.html, "html.parser")
    assert [h["id"] for h in soup.select("h2")] == [h.id for h in rendered.headings]
