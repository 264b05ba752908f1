"""Gate: every page kind loads only from the site's own host, and breaks no CSP rule."""

from urllib.parse import urlsplit

import pytest

from .test_accessibility import PAGES

RECORD_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def visit(page):
    page.add_init_script(RECORD_CSP)

    def load(url: str) -> tuple[set[str], list[str]]:
        page.requests.clear()
        page.goto(url)
        if "/search/" in url:
            page.wait_for_selector(".pagefind-ui__result, .search-count")
        page.wait_for_load_state("networkidle")
        hosts = {urlsplit(u).scheme + "://" + urlsplit(u).netloc for u in page.requests}
        return hosts, page.evaluate("() => window.__cspViolations")

    return load


@pytest.mark.parametrize("kind", PAGES)
def test_served_pages_contact_only_their_own_host(visit, page, served_site, kind):
    hosts, violations = visit(served_site + PAGES[kind])
    assert hosts == {served_site}
    assert violations == [] and page.failures == [] and page.errors == []


@pytest.mark.parametrize(
    "path", ["index.html", "search/index.html?q=delta", "experts/wu-zhiqiang/index.html"]
)
def test_offline_pages_load_only_local_files(visit, page, offline_copy, path):
    hosts, violations = visit(offline_copy.as_uri() + "/" + path)
    assert hosts == {"file://"}
    assert violations == [] and page.failures == [] and page.errors == []


def test_the_gate_sees_a_third_party_request_and_an_inline_script(visit, served_site, built_site):
    spy = built_site / "spy.html"
    spy.write_text(
        (built_site / "about" / "index.html")
        .read_text(encoding="utf-8")
        .replace(
            "</main>", '<img alt="" src="https://tracker.example/p.gif"><script>1</script></main>'
        ),
        encoding="utf-8",
    )
    try:
        hosts, violations = visit(f"{served_site}/spy.html")
    finally:
        spy.unlink()
    assert "https://tracker.example" in hosts
    assert any(v.startswith("img-src https://tracker.example") for v in violations)
    assert any(v.startswith("script-src-elem inline") for v in violations)


def test_json_ld_is_data_the_csp_allows_while_the_same_text_as_a_script_is_blocked(
    visit, page, served_site, built_site
):
    """JSON-LD blocks are not scripts: the CSP (no inline scripts) lets them be, and a
    browser never runs them; the same text as an inline script is refused."""
    url = "bulletins/collaborative-agglomeration-new-cities-and-new-spaces/"
    hosts, violations = visit(f"{served_site}/{url}")
    assert hosts == {served_site}
    assert page.locator("script[type='application/ld+json']").count() == 2
    assert violations == [] and page.errors == []
    csp = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "'unsafe-inline'" not in csp
    spy = built_site / "spy-jsonld.html"
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    spy.write_text(html.replace('<script type="application/ld+json">', "<script>", 1), "utf-8")
    try:
        _, violations = visit(f"{served_site}/spy-jsonld.html")
    finally:
        spy.unlink()
    assert any(v.startswith("script-src-elem inline") for v in violations)
