"""The offline export, unzipped and opened from file:// in a real browser."""

from briefsite.publish.export import export_site
from briefsite.publish.linkcheck import broken_links

from ..conftest import copy_project

BULLETIN_2023 = "bulletins/shaping-new-engines-and-new-strengths-in-development/index.html"


def test_the_zip_is_the_same_for_the_same_content(tmp_path):
    paths = copy_project(tmp_path / "project")
    first = export_site(paths, paths.root / "publishconf.py", dist=tmp_path / "a").zip_path
    second = export_site(paths, paths.root / "publishconf.py", dist=tmp_path / "b").zip_path
    assert first.name == "agglomeration-briefs-offline.zip"
    assert first.read_bytes() == second.read_bytes()


def test_no_link_is_broken_when_resolved_as_file_urls(offline_copy):
    assert broken_links(offline_copy, siteurl="https://briefs.example.org", file_urls=True) == []


def test_feeds_keep_absolute_urls(offline_copy):
    feed = (offline_copy / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert 'href="https://briefs.example.org/bulletins/' in feed


def test_home_renders_with_its_styles(page, offline_copy):
    page.goto((offline_copy / "index.html").as_uri())
    assert page.inner_text("h1") == "Agglomeration Briefs"
    header = page.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(243, 245, 248)", "site.css is loaded"
    assert page.failures == [] and page.errors == []


def test_following_links_home_region_bulletin_expert(page, offline_copy):
    page.goto((offline_copy / "index.html").as_uri())
    page.click("#directory-heading ~ ul.directory a:text-is('Yangtze River Delta')")
    page.wait_for_url("**/regions/yangtze-river-delta/index.html")
    assert page.inner_text("h1") == "Yangtze River Delta 长江三角洲"
    page.click(
        ".card-title:text-is('Shaping new engines and new strengths in development "
        "through technological innovation')"
    )
    page.wait_for_url(f"**/{BULLETIN_2023}")
    page.click(".speakers a:text-is('Erik Solheim')")
    page.wait_for_url("**/experts/erik-solheim/index.html")
    assert page.inner_text("h1") == "Erik Solheim"
    assert all(url.startswith("file://") for url in page.requests), page.requests
    assert page.failures == [] and page.errors == []


def offline_results(page) -> list[str]:
    page.wait_for_selector(".search-count")
    return page.eval_on_selector_all(".search-hits .card-title", "a => a.map(e => e.textContent)")


def test_offline_search_finds_a_bulletin_and_its_link_opens(page, offline_copy):
    page.goto((offline_copy / "search" / "index.html").as_uri() + "?q=siphon")
    assert offline_results(page) == [
        "Shaping new engines and new strengths in development through technological innovation"
    ]
    page.click(".search-hits .card-title")
    page.wait_for_url(f"**/{BULLETIN_2023}")
    assert all(url.startswith("file://") for url in page.requests)
    assert page.failures == [] and page.errors == []


def test_offline_search_from_the_header_box_with_a_region_filter(page, offline_copy):
    page.goto((offline_copy / "about" / "index.html").as_uri())
    page.fill("#site-search", "innovation")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search/index.html?q=innovation")
    assert len(offline_results(page)) == 3
    page.check("input[data-facet=region][value='Yellow River Basin']")
    assert offline_results(page) == [
        "Shaping new engines and new strengths in development through technological innovation"
    ]


def test_offline_search_finds_chinese_names(page, offline_copy):
    page.goto((offline_copy / "search" / "index.html").as_uri() + "?q=志强")
    assert len(offline_results(page)) == 2


def test_offline_results_show_the_words_in_context_highlighted_and_the_url_follows(
    page, offline_copy
):
    page.goto((offline_copy / "search" / "index.html").as_uri() + "?q=siphon")
    page.wait_for_selector(".search-excerpt mark")
    excerpt = page.inner_text(".search-hits .search-excerpt")
    assert "siphon" in excerpt and excerpt.startswith("… ")
    assert (
        page.eval_on_selector_all(".search-excerpt mark", "m => m.map(e => e.textContent)")[0]
        .lower()
        .startswith("siphon")
    )
    assert page.inner_text(".search-hits .card-meta") == "22 September 2023"
    page.fill("#search-query", "corridor")
    page.wait_for_function("() => location.search.includes('corridor')")
    assert "corridor" in page.inner_text(".search-hits .search-excerpt mark").lower()


def test_offline_filters_are_folded_on_a_phone(browser, offline_copy):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    phone = context.new_page()
    phone.goto((offline_copy / "search" / "index.html").as_uri() + "?q=innovation")
    phone.wait_for_selector(".search-count")
    assert phone.eval_on_selector("#search-filters-box", "box => box.open") is False
    assert not phone.is_visible("#search-filters input[type=checkbox]")
    context.close()
