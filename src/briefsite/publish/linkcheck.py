"""Every internal link of a built site, resolved the way a browser would.

Two ways to resolve: as a web server does (``/experts/x/`` serves ``experts/x/index.html``)
and as ``file://`` does, where a folder is not a page and a root-absolute link leaves the
site. Each ``href``/``src`` must name an existing file, and each ``#fragment`` an element id
in it. Why our own and not linkchecker: it needs a running server for the first mode and has
no notion of "a folder is not a page" for the second; this is one small, tested function.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = frozenset({"href", "src", "action", "poster"})


@dataclass(frozen=True)
class BrokenLink:
    page: str
    reference: str
    reason: str

    def format(self) -> str:
        return f"{self.page}: {self.reference} ({self.reason})"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES and not (tag == "link" and value.startswith("data:")):
                self.references.append(value)
            elif name == "srcset":
                self.references += [part.split()[0] for part in value.split(",") if part.strip()]


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path, *, siteurl: str = "", file_urls: bool = False) -> list[BrokenLink]:
    """Broken internal links of the site in ``site``; links to ``siteurl`` count as internal."""
    site = site.resolve()
    # a site published in a folder of its host (https://example.org/briefs) lives under that
    # folder: a root-absolute link outside it leaves the site
    home = urlsplit(siteurl)
    origin, folder = f"{home.scheme}://{home.netloc}", home.path.rstrip("/")
    parsed: dict[Path, _PageParser] = {}
    broken: list[BrokenLink] = []
    for page in sorted(site.rglob("*.html")):
        parser = parsed.setdefault(page, _parse(page))
        label = page.relative_to(site).as_posix()
        for reference in parser.references:
            if siteurl and reference.startswith(siteurl):
                if file_urls:
                    broken.append(BrokenLink(label, reference, "absolute link in an offline copy"))
                    continue
                reference = reference[len(origin) :] or "/"
            parts = urlsplit(reference)
            if parts.scheme or parts.netloc:
                continue  # another site, mailto:, data:
            if not parts.path:
                target = page
            elif parts.path.startswith("/"):
                if file_urls:
                    broken.append(
                        BrokenLink(label, reference, "root-absolute link leaves the copy")
                    )
                    continue
                path = unquote(parts.path)
                if folder and path != folder and not path.startswith(f"{folder}/"):
                    broken.append(BrokenLink(label, reference, f"outside the site's {folder}/"))
                    continue
                target = site / path[len(folder) :].lstrip("/")
            else:
                target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir() or parts.path.endswith("/"):
                if file_urls:
                    broken.append(BrokenLink(label, reference, "a folder is not a page"))
                    continue
                target = target / "index.html"
            if not target.is_file():
                broken.append(BrokenLink(label, reference, "no such file"))
            elif parts.fragment and target.suffix == ".html":
                ids = parsed.setdefault(target, _parse(target)).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(BrokenLink(label, reference, f"no element #{parts.fragment}"))
    return broken
