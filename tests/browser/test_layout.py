"""The layout as a reader sees it, measured in a real browser at desktop and phone widths."""

import pytest

BULLETIN = "/bulletins/collaborative-agglomeration-new-cities-and-new-spaces/"


@pytest.fixture
def sized(browser):
    contexts = []

    def open_at(width: int, height: int = 900):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        return context.new_page()

    yield open_at
    for context in contexts:
        context.close()


def box(page, selector: str) -> dict:
    return page.eval_on_selector(
        selector,
        "e => { const r = e.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width}; }",
    )


def test_desktop_bulletin_has_a_side_column_padding_and_headings_no_wider_than_text(
    sized, served_site
):
    page = sized(1280)
    page.goto(served_site + BULLETIN)
    header, title = box(page, ".site-header"), box(page, "h1")
    assert title.get("top") - header.get("bottom") >= 16, "main has top padding"
    body, side = box(page, ".body-column"), box(page, ".bulletin-side")
    assert side["left"] > body["right"], "facts and speakers sit beside the text"
    assert box(page, ".toc")["left"] > body["right"], "so does the contents list"
    paragraph = box(page, ".body p")
    for heading in page.query_selector_all(".body h2"):
        assert heading.bounding_box()["width"] <= paragraph["width"] + 1
    # the header is one row: name, menu and search box
    assert box(page, ".search-box")["top"] < box(page, ".site-name")["bottom"]


def test_phone_header_keeps_the_menu_on_one_row_and_the_text_starts_early(sized, served_site):
    page = sized(390, 844)
    page.goto(served_site + BULLETIN)
    tops = page.eval_on_selector_all(
        ".site-header nav a", "links => links.map(a => Math.round(a.getBoundingClientRect().top))"
    )
    assert len(set(tops)) == 1, f"the menu wraps: {tops}"
    assert page.is_visible(".speaker-names"), "speakers folded to their names"
    assert page.is_visible(".speakers .role")  # the roles are still there, after the text
    assert box(page, ".speakers")["top"] > box(page, ".body")["bottom"]
    assert box(page, "#p1")["top"] < 1.2 * 844, "the first sentence within a screen or so"


def test_print_shows_the_address_and_hides_the_menu(sized, served_site):
    page = sized(800)
    page.goto(served_site + BULLETIN)
    page.emulate_media(media="print")
    assert page.is_visible(".print-url") and page.is_visible(".citation")
    assert not page.is_visible(".site-header nav")
    decoration = page.eval_on_selector(".tags a", "a => getComputedStyle(a).textDecorationLine")
    assert decoration == "none", "entity lists are not printed as dead links"
