"""The raw text "as received" reads right on a plain static host, which sends it as
text/plain with no charset: the published copy starts with a UTF-8 byte order mark."""

RAW = "/sources/000_89123bde5553aad6.txt"


def test_raw_text_served_without_charset_shows_no_mojibake(page, served_site):
    response = page.goto(f"{served_site}{RAW}")
    assert "charset" not in response.headers["content-type"], "the host names no charset"
    text = page.inner_text("body")
    assert "Pujiang Innovation Forum – The Regional & Urban Forum" in text
    assert "â€" not in text


def test_raw_text_from_file_urls_shows_no_mojibake(page, built_site):
    page.goto((built_site / RAW.lstrip("/")).as_uri())
    text = page.inner_text("body")
    assert "–" in text and "â€" not in text
