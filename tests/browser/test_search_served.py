"""Search on the served site (Pagefind), in a real browser."""

from urllib.parse import urlsplit

from playwright.sync_api import expect

BULLETIN_2023 = "/bulletins/shaping-new-engines-and-new-strengths-in-development/"


# the title link of each result (sub-results of one page have links of their own)
RESULT_LINKS = (
    ".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title"
    " > .pagefind-ui__result-link"
)


def results(page) -> list[str]:
    """The result links, once all of them are shown: Pagefind UI fills the list one result
    at a time after it prints "N results for ...", so wait until N are in the page."""
    page.wait_for_function(
        """selector => {
            const message = document.querySelector('.pagefind-ui__message');
            const count = message && parseInt(message.textContent, 10);
            return count > 0 && document.querySelectorAll(selector).length === count;
        }""",
        arg=RESULT_LINKS,
        timeout=15000,
    )
    return page.eval_on_selector_all(
        RESULT_LINKS, "links => links.map(a => a.getAttribute('href'))"
    )


def test_a_word_from_the_middle_of_a_bulletin_finds_it(page, served_site):
    # "siphon" occurs once, mid-way through the 2023 bulletin's section I
    page.goto(f"{served_site}/search/?q=siphon")
    assert results(page) == [BULLETIN_2023]
    assert page.failures == [] and page.errors == []


def test_the_header_search_box_leads_to_results(page, served_site):
    page.goto(f"{served_site}/experts/")
    page.fill("#site-search", "Solheim")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search/?q=Solheim")
    assert results(page) == [BULLETIN_2023]


def test_a_region_filter_narrows_the_results(page, served_site):
    page.goto(f"{served_site}/search/?q=innovation")
    everything = results(page)
    assert len(everything) == 3 and BULLETIN_2023 in everything
    page.click("summary.pagefind-ui__filter-name >> text='Region'")  # open the group
    page.check("input[name=region][value='Yellow River Basin']")
    expect(page.locator(".pagefind-ui__result")).to_have_count(1)
    assert results(page) == [BULLETIN_2023]


def test_clicking_a_result_opens_the_bulletin(page, served_site):
    page.goto(f"{served_site}/search/?q=Hancock")
    (link,) = results(page)
    page.click(f".pagefind-ui__result-link[href='{link}']")
    page.wait_for_url(f"**{link}")
    assert urlsplit(page.url).path == link
    assert page.inner_text("h1").startswith("Yangtze River Delta City Group")


def test_chinese_names_are_searchable(page, served_site):
    page.goto(f"{served_site}/search/?q=吴志强")
    assert sorted(results(page)) == sorted(
        [BULLETIN_2023, "/bulletins/collaborative-agglomeration-new-cities-and-new-spaces/"]
    )


def test_only_our_own_host_is_contacted(page, served_site):
    page.goto(f"{served_site}/search/?q=delta")
    results(page)
    hosts = {urlsplit(url).netloc for url in page.requests}
    assert hosts == {urlsplit(served_site).netloc}


def excerpts(page) -> list[str]:
    return page.eval_on_selector_all(
        ".pagefind-ui__result-excerpt", "nodes => nodes.map(n => n.textContent)"
    )


def test_excerpts_hold_body_text_not_metadata_labels(page, served_site):
    page.goto(f"{served_site}/search/?q=siphon")
    results(page)
    found = excerpts(page)
    assert found and any("siphon" in e for e in found)
    for excerpt in found:
        for label in ("Published", "Publisher", "Speakers", "Source", "raw text as received"):
            assert label not in excerpt, excerpt


def test_sub_results_are_the_real_sections_with_dates_as_the_site_writes_them(page, served_site):
    page.goto(f"{served_site}/search/?q=siphon")
    results(page)
    nested = page.eval_on_selector_all(
        ".pagefind-ui__result-nested .pagefind-ui__result-link", "links => links.map(a => a.href)"
    )
    assert nested and all("#i-grasp-new-trends" in href for href in nested)
    tags = page.eval_on_selector_all(
        ".pagefind-ui__result-tag", "tags => tags.map(t => t.textContent)"
    )
    assert "Date: 22 September 2023" in [" ".join(t.split()) for t in tags]
    assert page.input_value("#site-search") == "siphon", "the header box keeps the query"
