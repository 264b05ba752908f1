"""What a page says about itself in its ``<head>``: canonical URL, citation and sharing tags.

Bulletin pages carry Highwire Press ``citation_*`` tags, as Google Scholar and Zotero's
Embedded Metadata translator read them: ``citation_technical_report_institution`` makes
Zotero save a report, ``citation_technical_report_number`` its number, and each
``citation_author`` is "Family, Given" (a bulletin without compilers has no
``citation_author``: its publisher is the institution). Every page with a ``PageMeta`` also
gets OpenGraph and Twitter card tags (no image: the site has none of its own to offer).
Templates write these values with autoescape on; only the JSON-LD is pre-escaped
(``structured_data.script_data``).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .citation import CitationRecord


@dataclass(frozen=True)
class MetaTag:
    attribute: str  # "name" or "property" (OpenGraph)
    key: str
    content: str


@dataclass(frozen=True)
class PageMeta:
    canonical: str
    tags: tuple[MetaTag, ...]
    jsonld: tuple[Markup, ...]  # each the text of one application/ld+json block
    source_text: str = ""  # the raw text as received, as a link rel="alternate"


def sharing_tags(
    title: str, description: str, url: str, kind: str, site_name: str
) -> tuple[MetaTag, ...]:
    """OpenGraph and Twitter card tags (a summary card, without an image)."""
    return (
        MetaTag("property", "og:type", kind),
        MetaTag("property", "og:title", title),
        MetaTag("property", "og:description", description),
        MetaTag("property", "og:url", url),
        MetaTag("property", "og:site_name", site_name),
        MetaTag("name", "twitter:card", "summary"),
        MetaTag("name", "twitter:title", title),
        MetaTag("name", "twitter:description", description),
    )


def citation_tags(record: CitationRecord) -> tuple[MetaTag, ...]:
    """Highwire Press tags, in the order Google Scholar documents them."""
    tags = [MetaTag("name", "citation_title", record.title)]
    tags += [
        MetaTag("name", "citation_author", f"{a.family}, {a.given}" if a.given else a.family)
        for a in record.authors
    ]
    tags += [
        MetaTag("name", "citation_publication_date", record.date.replace("-", "/")),
        MetaTag("name", "citation_date", record.date.replace("-", "/")),
        MetaTag("name", "citation_technical_report_institution", record.institution),
        MetaTag("name", "citation_publisher", record.institution),
    ]
    if record.report_number:
        tags.append(MetaTag("name", "citation_technical_report_number", record.report_number))
    if record.series:
        tags.append(MetaTag("name", "citation_series_title", record.series))
    tags += [
        MetaTag("name", "citation_abstract", record.abstract),
        MetaTag("name", "citation_language", record.language),
        MetaTag("name", "citation_public_url", record.url),
        MetaTag("name", "citation_abstract_html_url", record.url),
        MetaTag("name", "DC.source", record.source_url),
    ]
    return tuple(tags)


def description(text: str, limit: int = 200) -> str:
    """A summary shortened at a word to ``limit`` characters, for sharing cards."""
    if len(text) <= limit:
        return text
    return text[: limit - 3].rsplit(" ", 1)[0] + "..."


def bulletin_meta(record: CitationRecord, site_name: str, jsonld: tuple) -> PageMeta:
    summary = description(record.abstract)
    tags = citation_tags(record) + sharing_tags(
        record.title, summary, record.url, "article", site_name
    )
    return PageMeta(record.url, tags, jsonld, record.source_url)


def entity_meta(
    title: str, summary: str, url: str, jsonld: tuple, kind: str, site_name: str
) -> PageMeta:
    return PageMeta(url, sharing_tags(title, summary, url, kind, site_name), jsonld)
