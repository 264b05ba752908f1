"""The text layout every reader writes: the one the plain-text sources have."""

from __future__ import annotations

import re

_NOTE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s")
_RUNNING_TEXT = re.compile(r"[.!?。！？”\"’)…:;]\**$")
_MIN_WORDS = 8
_HEADING_WORDS = 20


def raw_text(paragraphs: list[str]) -> str:
    """Paragraphs -> raw-bulletin text: a blank line between paragraphs, and a paragraph of
    running text (a sentence of eight words or more) indented, as newspaper sources write
    theirs, so that ingest tells it from the short header lines (title, date, series) above
    it even where every paragraph is short."""
    out = []
    for paragraph in _notes_after_their_markers([p.strip() for p in paragraphs if p.strip()]):
        paragraph = _plain_heading(paragraph)
        out.append(f"  {paragraph}" if is_running_text(paragraph) else paragraph)
    return "\n\n".join(out) + "\n" if out else ""


def is_running_text(paragraph: str) -> bool:
    """A paragraph of sentences, not a header line (title, date, series, publisher)."""
    first = paragraph.strip().split("\n", 1)[0]
    return len(paragraph.split()) >= _MIN_WORDS and bool(_RUNNING_TEXT.search(first))


def _plain_heading(paragraph: str) -> str:
    """A short paragraph set wholly in bold is a heading (a PDF knows no headings, only a
    bold font; web pages write ``<p><strong>``): written plain, as the plain-text sources
    write headings (``I. Urban agglomerations ...``)."""
    inner = paragraph[2:-2]
    if (
        paragraph.startswith("**")
        and paragraph.endswith("**")
        and "**" not in inner
        and len(inner.split()) <= _HEADING_WORDS
        and not inner.rstrip().endswith((".", "!", "?", ";", ","))
    ):
        return inner.strip()
    return paragraph


def _notes_after_their_markers(paragraphs: list[str]) -> list[str]:
    """A footnote (a paragraph that starts with its marker, ``¹ ...``) right after the first
    paragraph that carries the marker in its text, as the plain-text sources place them;
    notes that no paragraph marks stay where they are. PDFs set notes at the foot of the
    page, web pages and Word at the end of the text."""
    notes = {m.group(1): p for p in paragraphs if (m := _NOTE.match(p))}
    marked = {
        number
        for number, note in notes.items()
        if any(_marks(p, number) for p in paragraphs if p is not note)
    }
    ordered: list[str] = []
    waiting = set(marked)
    for paragraph in paragraphs:
        marker = _NOTE.match(paragraph)
        if marker and marker.group(1) in marked:
            continue  # placed after the paragraph that marks it
        ordered.append(paragraph)
        for number in sorted(n for n in waiting if _marks(paragraph, n)):
            ordered.append(notes[number])
            waiting.discard(number)
    return ordered


def _marks(paragraph: str, marker: str) -> bool:
    return bool(re.search(rf"(?<=[^\s⁰¹²³⁴⁵⁶⁷⁸⁹]){marker}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])", paragraph))
