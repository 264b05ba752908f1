"""The text layout every reader writes: the one the plain-text sources have."""

from __future__ import annotations

import re

_NOTE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s")
_RUNNING_TEXT = re.compile(r"[.!?。！？”\"’)…:;]\**$")
_MIN_WORDS = 8


def raw_text(paragraphs: list[str]) -> str:
    """Paragraphs -> raw-bulletin text: a blank line between paragraphs, and a paragraph of
    running text (a sentence of eight words or more) indented, as newspaper sources write
    theirs, so that ingest tells it from the short header lines (title, date, series) above
    it even where every paragraph is short."""
    out = []
    for paragraph in _notes_after_their_markers([p.strip() for p in paragraphs if p.strip()]):
        first = paragraph.split("\n", 1)[0]
        running = len(paragraph.split()) >= _MIN_WORDS and _RUNNING_TEXT.search(first)
        out.append(f"  {paragraph}" if running else paragraph)
    return "\n\n".join(out) + "\n" if out else ""


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
    for paragraph in paragraphs:
        marker = _NOTE.match(paragraph)
        if marker and marker.group(1) in marked:
            continue  # placed after the paragraph that marks it
        ordered.append(paragraph)
        for number in sorted(n for n in marked if _marks(paragraph, n)):
            ordered.append(notes[number])
            marked.discard(number)
    return ordered


def _marks(paragraph: str, marker: str) -> bool:
    return bool(re.search(rf"(?<=[^\s⁰¹²³⁴⁵⁶⁷⁸⁹]){marker}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])", paragraph))
