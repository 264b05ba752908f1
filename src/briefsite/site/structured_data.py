"""JSON-LD (schema.org) for bulletin, expert and region pages, and their breadcrumbs.

A bulletin is a ``Report`` (its publisher, date, the regions it is about as ``Place``, its
speakers as ``Person`` contributors with the role the bulletin states, the forum as the
``Event`` it was recorded at); an expert page is a ``ProfilePage`` whose main entity is a
``Person``; a region page is a ``Place`` with ``containedInPlace`` and ``containsPlace``.
Every page also gets a ``BreadcrumbList``. Each is one ``<script type="application/ld+json">``
block: data, not a script, so the site's Content-Security-Policy (no inline scripts) allows
it. Every URL in it is one of the site's own pages or files.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from markupsafe import Markup

from .citation import CitationRecord
from .views import BulletinView, EntityRef, ExpertView, RegionView

CONTEXT = "https://schema.org"
LIST_TITLES = {"bulletins": "Bulletins", "experts": "Experts", "regions": "Regions"}


def script_data(document: dict) -> Markup:
    """``document`` as JSON that is safe inside ``<script>``: ``<``, ``>`` and ``&`` are
    written as ``\\u`` escapes, so no value can close the element or open a comment."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(escaped)


def _url(siteurl: str, url: str) -> str:
    return f"{siteurl}/{url}"


def breadcrumbs(siteurl: str, trail: Sequence[tuple[str, str]]) -> dict:
    """A ``BreadcrumbList`` from home through ``trail`` ((name, site URL) pairs)."""
    steps = [("Home", ""), *trail]
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": _url(siteurl, url)}
            for n, (name, url) in enumerate(steps, start=1)
        ],
    }


def _place(siteurl: str, ref: EntityRef) -> dict:
    url = _url(siteurl, ref.url)
    return {"@type": "Place", "@id": url, "name": ref.name, "url": url}


def report(view: BulletinView, record: CitationRecord, siteurl: str) -> dict:
    bulletin = view.bulletin
    if record.authors:
        authors = [
            {"@type": "Person", "name": a.display, "familyName": a.family, "givenName": a.given}
            for a in record.authors
        ]
    else:
        authors = [{"@type": "Organization", "name": record.institution}]
    document = {
        "@context": CONTEXT,
        "@type": "Report",
        "@id": record.url,
        "url": record.url,
        "name": record.title,
        "headline": record.title,
        "abstract": record.abstract,
        "datePublished": record.date,
        "inLanguage": record.language,
        "author": authors,
        "publisher": {"@type": "Organization", "name": record.institution},
        "about": [_place(siteurl, ref) for ref in view.regions],
        "contributor": [
            {
                "@type": "Person",
                "@id": _url(siteurl, speaker.expert.url),
                "name": speaker.expert.name,
                "url": _url(siteurl, speaker.expert.url),
                **({"jobTitle": speaker.role} if speaker.role else {}),
            }
            for speaker in view.speakers
        ],
        "keywords": [ref.name for ref in view.themes],
        "isBasedOn": record.source_url,
    }
    if record.report_number:
        document["reportNumber"] = record.report_number
    if bulletin.series:
        document["isPartOf"] = {"@type": "CreativeWorkSeries", "name": bulletin.series}
    if bulletin.event:
        document["recordedAt"] = {"@type": "Event", "name": bulletin.event}
    return document


def bulletin_documents(view: BulletinView, record: CitationRecord, siteurl: str) -> tuple:
    trail = [(LIST_TITLES["bulletins"], "bulletins/"), (view.ref.title, view.ref.url)]
    return (script_data(report(view, record, siteurl)), script_data(breadcrumbs(siteurl, trail)))


def expert_documents(view: ExpertView, siteurl: str) -> tuple:
    expert, url = view.expert, _url(siteurl, view.ref.url)
    person = {
        "@type": "Person",
        "@id": url,
        "name": expert.name,
        "familyName": expert.family_name,
        "url": url,
    }
    others = [alias for alias in expert.aliases if alias != expert.name]
    if expert.name_zh:
        others.append(expert.name_zh)
    if others:
        person["alternateName"] = others
    if expert.country:
        person["nationality"] = {"@type": "Country", "name": expert.country}
    if view.roles:  # the newest role stated
        person["jobTitle"] = view.roles[0].role
    page = {"@context": CONTEXT, "@type": "ProfilePage", "url": url, "mainEntity": person}
    trail = [(LIST_TITLES["experts"], "experts/"), (view.ref.name, view.ref.url)]
    return (script_data(page), script_data(breadcrumbs(siteurl, trail)))


def region_documents(view: RegionView, siteurl: str) -> tuple:
    region = view.region
    place = {"@context": CONTEXT, **_place(siteurl, view.ref)}
    others = [alias for alias in region.aliases if alias != region.name]
    if others:
        place["alternateName"] = others
    place["description"] = region.kind
    if view.parents:
        place["containedInPlace"] = [_place(siteurl, ref) for ref in view.parents]
    if view.children:
        place["containsPlace"] = [_place(siteurl, ref) for ref in view.children]
    trail = [(LIST_TITLES["regions"], "regions/"), (view.ref.name, view.ref.url)]
    return (script_data(place), script_data(breadcrumbs(siteurl, trail)))
