"""A saved web page: its main text found by trafilatura, without the page's furniture
(navigation, share buttons, captions, related links, footer)."""

from __future__ import annotations

import logging
import re

from ...errors import SourceError
from .layout import is_running_text
from .markup import html_to_text, page_title

log = logging.getLogger(__name__)

_MARKUP = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_MIN_WORDS = 30
# trafilatura and lxml log at WARNING about pages they cannot parse; we say it ourselves
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def detect(data: bytes) -> bool:
    """HTML markup near the start of the file (after a byte-order mark or blank lines)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_MARKUP.search(head[:1024])) or (head[:5].lower() == b"<?xml" and b"<html" in head)


def read(data: bytes, label: str) -> str:
    import trafilatura  # imported when needed: it takes a second

    markup = _decode(data)
    try:
        main = trafilatura.extract(
            markup,
            output_format="html",
            include_formatting=True,
            include_comments=False,
            include_images=False,
            include_tables=True,
            deduplicate=False,
        )
        metadata = trafilatura.extract_metadata(markup)
    except Exception as error:  # any failure of the parser is a bad page
        log.debug("trafilatura failed on %s: %r", label, error)
        main, metadata = None, None
    text = html_to_text(main or "")
    if len(text.split()) < _MIN_WORDS:  # a menu, a footer, a cookie notice: not a bulletin
        title = page_title(markup)
        raise SourceError(
            label,
            "no main text found in the web page" + (f" '{title}'" if title else ""),
            "save the page of the bulletin itself (not a list or a search result), or copy "
            "its text into a .txt file",
        )
    title = (metadata.title if metadata else "") or ""
    first = text.split("\n", 1)[0].replace("**", "")
    if title and _plain(title) not in _plain(text) and _plain(first) not in _plain(title):
        # the page's heading was left out of its main text: it goes where the plain-text
        # sources have their title, after the short lines above the text (series, date)
        paragraphs = text.split("\n\n")
        at = next((i for i, p in enumerate(paragraphs) if is_running_text(p)), 0)
        text = "\n\n".join([*paragraphs[:at], title, *paragraphs[at:]])
    return _with_published_date(text, markup)


def _with_published_date(text: str, markup: str) -> str:
    """Pages often show the date of publication beside the article, not in it: when the
    first lines of the main text give no date, the date the page's markup declares
    (``article:published_time``, ``<time datetime>``, ...; read by htmldate, never guessed
    from the address or the copyright line) goes under the title."""
    from htmldate import find_date as declared_date

    from ..fields import find_date

    head, _, rest = text.partition("\n\n")
    opening = [p for p in rest.split("\n\n")[:6] if len(p) < 80]
    if any(find_date(line) for line in [head, *opening]):
        return text
    try:
        published = declared_date(markup, original_date=True, extensive_search=False)
    except Exception as error:  # htmldate on a page it cannot parse: no date, then
        log.debug("htmldate failed: %r", error)
        published = None
    return f"{head}\n\n{published}\n\n{rest}" if published else text


def _plain(text: str) -> str:
    return " ".join(text.replace("**", "").split()).casefold()


def _decode(data: bytes) -> str:
    """Web pages declare their encoding; lxml and trafilatura want text, so decode it here."""
    declared = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", data[:4096], re.I)
    for encoding in (declared.group(1).decode("ascii") if declared else "", "utf-8", "cp1252"):
        if not encoding:
            continue
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")
