"""The typed records that flow through the pipeline: registry entities and bulletins.

They are built once (by the readers in ``briefsite.content``) and then only read: ingest,
the Pelican plugin and the page views all take these, never the raw YAML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Expert:
    id: str
    name: str
    family_name: str
    aliases: tuple[str, ...]
    name_zh: str = ""
    country: str = ""


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    kind: str
    country: str
    aliases: tuple[str, ...]
    provinces: tuple[str, ...] = ()
    core_cities: tuple[str, ...] = ()
    part_of: tuple[str, ...] = ()
    plan: str = ""
    name_zh: str = ""  # the Chinese name, for regions in China
    # spellings that name the region only beside one of its core cities or provinces, or
    # a region inside it ("Bay Area": San Francisco's next to Oakland, Guangdong's next to
    # Shenzhen); several regions may share one
    context_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    description: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Speaker:
    """An expert as one bulletin presents them: the role is the one stated there and then."""

    id: str
    role: str = ""


@dataclass(frozen=True)
class SourceRef:
    """The raw file under ``sources/`` as received, and where it was published."""

    file: str
    url: str = ""

    @property
    def text_file(self) -> str:
        """The text ingest extracted from a raw file that is not text (a PDF, a Word
        document, a web page), kept beside it: ``NAME.pdf`` -> ``NAME.pdf.txt``; "" for a
        raw file that is text already."""
        return "" if self.file.lower().endswith((".txt", ".md")) else f"{self.file}.txt"


@dataclass(frozen=True)
class Bulletin:
    """A bulletin's front-matter, checked and typed, plus its Markdown body."""

    path: str
    slug: str
    title: str
    date: dt.date
    publisher: str
    source: SourceRef
    summary: str
    speakers: tuple[Speaker, ...]
    regions: tuple[str, ...]
    themes: tuple[str, ...]
    body: str
    body_line: int
    subtitle: str = ""
    date_source: str = "text"
    series: str = ""
    number: int | None = None
    volume: int | None = None
    event: str = ""
    compilers: tuple[str, ...] = ()
