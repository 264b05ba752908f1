"""Helpers for reading a built site the way a reader (or a link checker) would."""

from __future__ import annotations

import filecmp
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


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ, or exist on one side only, between two folders."""
    found: list[str] = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in comparison.left_only + comparison.right_only)
        found.extend(prefix + name for name in comparison.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(
            comparison.left, comparison.right, comparison.common_files, shallow=False
        )
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(found)
