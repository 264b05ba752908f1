"""One reader per format of raw bulletin, each turning the file as received into text.

Every reader returns the text in the form the plain-text sources have: the title first,
a blank line between paragraphs, speakers' names in ``**bold**`` where the document has them
bold, footnote markers as superscript digits (``¹``) and the notes at the end, each a
paragraph starting with its marker. ``detect`` tells the format from the file's content
(magic bytes and markup), not from its name.

Limits (so that ingest answers at once on a file that is not a bulletin): a file larger than
``MAX_FILE_BYTES`` is refused before it is read, and a text longer than ``MAX_TEXT_CHARS``
once it is extracted (the longest bulletin so far is 33,000 characters, a 40-page report
about 150,000; ingest of the limit takes about 3 s).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...errors import SourceError
from . import docx, html, pdf, text
from .text import SUPPORTED

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TEXT_CHARS = 200_000

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "SUPPORTED",
    "Extracted",
    "check_size",
    "extract",
]


@dataclass(frozen=True)
class Format:
    """A kind of file ingest reads: its name for messages, how to recognise it, its reader."""

    name: str
    detect: Callable[[bytes], bool]
    read: Callable[[bytes, str], str]


# In the order they are tried: the binary formats by their magic bytes, then markup, then
# text (which accepts what is left, or refuses it as binary or not UTF-8).
FORMATS = (
    Format("pdf", pdf.detect, pdf.read),
    Format("docx", docx.detect, docx.read),
    Format("html", html.detect, html.read),
    Format("text", text.detect, text.read),
)


@dataclass(frozen=True)
class Extracted:
    """The text of one raw file, and the format it was read as."""

    format: str
    text: str


def detect(data: bytes) -> Format:
    """The format of a file from its first bytes."""
    return next(f for f in FORMATS if f.detect(data))


def extract(data: bytes, label: str) -> Extracted:
    """The text of a raw bulletin given as bytes; ``label`` names it in messages."""
    if len(data) > MAX_FILE_BYTES:
        raise SourceError(
            label,
            f"the file is {_size(len(data))}, more than ingest reads ({_size(MAX_FILE_BYTES)})",
            "is this a bulletin? a long one is well under 1 MB",
        )
    if not data.strip():
        raise SourceError(label, "the file is empty", "is this the right file?")
    kind = detect(data)
    extracted = kind.read(data, label)
    if len(extracted) > MAX_TEXT_CHARS:
        raise SourceError(
            label,
            f"the text is {len(extracted):,} characters long, more than ingest reads "
            f"({MAX_TEXT_CHARS:,})",
            "is this a bulletin? the longest so far is 33,000 characters",
        )
    if not extracted.strip():
        raise SourceError(label, "no text found in the file", "is this the right file?")
    return Extracted(kind.name, extracted)


def check_size(size: int, label: str) -> None:
    """Refuse a file too large to be a bulletin, before reading it."""
    if size > MAX_FILE_BYTES:
        raise SourceError(
            label,
            f"the file is {_size(size)}, more than ingest reads ({_size(MAX_FILE_BYTES)})",
            "is this a bulletin? a long one is well under 1 MB",
        )


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MB"
