"""Helpers for reading a built site the way a reader (or a link checker) would."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def page(site: Path, url: str) -> BeautifulSoup:
    """The parsed page at a site URL such as ``experts/wu-zhiqiang/``."""
    path = site / url
    if url.endswith("/") or not url:
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def links(soup: BeautifulSoup, selector: str = "a[href]") -> list[dict[str, str]]:
    return [
        {"href": a["href"], "text": " ".join(a.get_text().split())} for a in soup.select(selector)
    ]


def texts(soup: BeautifulSoup, selector: str) -> list[str]:
    return [" ".join(element.get_text().split()) for element in soup.select(selector)]
