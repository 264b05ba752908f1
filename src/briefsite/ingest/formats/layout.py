"""The text layout every reader writes: the one the plain-text sources have."""

from __future__ import annotations

import re

_RUNNING_TEXT = re.compile(r"[.!?。！？”\"’)…:;]\**$")
_MIN_WORDS = 8


def raw_text(paragraphs: list[str]) -> str:
    """Paragraphs -> raw-bulletin text: a blank line between paragraphs, and a paragraph of
    running text (a sentence of eight words or more) indented, as newspaper sources write
    theirs, so that ingest tells it from the short header lines (title, date, series) above
    it even where every paragraph is short."""
    out = []
    for paragraph in paragraphs:
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        first = paragraph.split("\n", 1)[0]
        running = len(paragraph.split()) >= _MIN_WORDS and _RUNNING_TEXT.search(first)
        out.append(f"  {paragraph}" if running else paragraph)
    return "\n\n".join(out) + "\n" if out else ""
