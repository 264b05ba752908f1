"""Gate: axe-core (npm) finds no WCAG 2.1 A/AA violation; keyboard users reach everything."""

import pytest

from ..conftest import NODE_MODULES, require

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "home": "/",
    "bulletin": "/bulletins/shaping-new-engines-and-new-strengths-in-development/",
    "expert": "/experts/wu-zhiqiang/",
    "region": "/regions/yangtze-river-delta/",
    "theme": "/themes/collaborative-innovation/",
    "search": "/search/?q=delta",
    "bulletin list": "/bulletins/",
    "expert list": "/experts/",
    "region list": "/regions/",
    "theme list": "/themes/",
    "about": "/about/",
    "open data": "/data/",
    "404": "/404.html",
}


@pytest.fixture
def audit(browser):
    require(AXE.is_file(), "axe-core (npm ci)")
    # Injecting axe is an inline script, which our own CSP rightly forbids: bypass it here.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()

    def run(url: str) -> list[dict]:
        page.goto(url)
        if "/search/" in url:
            page.wait_for_selector(".pagefind-ui__result")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
        )
        return [
            {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result["violations"]
        ]

    yield run
    context.close()


@pytest.mark.parametrize("kind", PAGES)
def test_no_wcag_violations(audit, served_site, kind):
    assert audit(served_site + PAGES[kind]) == []


def test_the_gate_fails_on_an_image_without_alt_and_low_contrast(audit, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main>'
        '<img src="x.png"><p style="color:#bbb;background:#fff">faint</p>'
        "</main></body></html>",
        encoding="utf-8",
    )
    assert sorted(v["id"] for v in audit(broken.as_uri())) == ["color-contrast", "image-alt"]


FOCUSED = """() => {
    const e = document.activeElement;
    const style = getComputedStyle(e);
    const box = e.getBoundingClientRect();
    return {tag: e.tagName, href: e.getAttribute('href'), id: e.id, cls: e.className,
            outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
            top: box.top + window.scrollY};
}"""


def focus_walk(page, presses: int) -> list[dict]:
    """What has the focus after each press of Tab."""
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
    return seen


@pytest.mark.parametrize("kind", ["home", "bulletin", "expert"])
def test_keyboard_reaches_the_skip_link_search_and_every_link_with_a_visible_focus(
    page, served_site, kind
):
    page.goto(served_site + PAGES[kind])
    links = page.eval_on_selector_all(
        "a[href]",
        "links => links.filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))",
    )
    walk = focus_walk(page, len(links) + 5)
    assert walk[0]["cls"] == "skip-link" and walk[0]["top"] >= 0, (
        "the skip link comes first, visible"
    )
    assert any(stop["id"] == "site-search" for stop in walk), "the search box is reachable"
    reached = {stop["href"] for stop in walk if stop["tag"] == "A"}
    assert set(links) <= reached
    for stop in walk:
        if stop["tag"] in ("A", "INPUT", "BUTTON"):
            assert stop["outline"] != "none" and stop["outlineWidth"] >= 2, stop


def test_the_skip_link_moves_focus_to_the_content(page, served_site):
    page.goto(served_site + PAGES["bulletin"])
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    assert page.evaluate("() => document.querySelector(':target').id") == "main"
