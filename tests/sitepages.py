"""Helpers for reading a built site the way a reader (or a link checker) would."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

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


def resolve(
    site: Path, from_file: Path, reference: str, siteurl: str = ""
) -> tuple[Path, str] | None:
    """The file and fragment a link points to inside the site, or None if it leaves the site."""
    if siteurl and reference.startswith(siteurl):
        reference = "/" + reference[len(siteurl) :].lstrip("/")
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return from_file, parts.fragment
    base = site if parts.path.startswith("/") else from_file.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def broken_links(site: Path, siteurl: str = "") -> list[str]:
    """Every internal href/src in every HTML page whose file or #fragment does not exist."""
    broken = []
    ids: dict[Path, set[str]] = {}
    for html_file in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("[href], [src]"):
            reference = element.get("href") or element.get("src")
            found = resolve(site, html_file, reference, siteurl)
            if found is None:
                continue
            target, fragment = found
            if not target.is_file():
                broken.append(f"{html_file.relative_to(site)}: {reference} (no file)")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids:
                    target_soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                    ids[target] = {e["id"] for e in target_soup.select("[id]")}
                if fragment not in ids[target]:
                    broken.append(f"{html_file.relative_to(site)}: {reference} (no #{fragment})")
    return broken
