"""Reading a raw bulletin: the file as received (text, web page, Word, PDF) -> clean lines
of text, or a clear refusal."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from .formats import Extracted, check_size, extract
from .speakers.cues import EVENT_PARTS


@dataclass(frozen=True)
class Line:
    """One line of the raw text: 1-based number, text without indentation, and whether it
    was indented (newspaper sources mark each paragraph by indenting it)."""

    number: int
    text: str
    indented: bool


def extract_source(path: Path) -> Extracted:
    """The text of a raw bulletin in any format ingest reads (see ``ingest.formats``)."""
    label = str(path)
    if not path.is_file():
        raise SourceError(
            label, "no such file", "give the path of a raw bulletin (.txt, .html, .docx, .pdf)"
        )
    stat = path.stat()
    check_size(stat.st_size, label)  # before reading it
    return _extract(path.resolve(), label, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _extract(path: Path, label: str, mtime_ns: int, size: int) -> Extracted:
    """Extraction is cached for the file as it is now (its time and size): the command line
    reads the same file again to keep its text beside the raw file."""
    del mtime_ns, size  # the cache key
    return extract(path.read_bytes(), label)


def read_source(path: Path) -> list[Line]:
    """Read and normalise a raw bulletin; refuse files that are not bulletins."""
    return lines_from_text(extract_source(path).text)


# A card's label glued to the name by a web page's extraction: "PanelistsRichard Bender".
_GLUED_LABEL = re.compile(
    rf"^(?P<label>(?i:(?:Keynote\s+)?(?:{'|'.join(sorted(EVENT_PARTS))})s?))(?=[A-Z][a-z])"
)


def _unglued(line: str) -> tuple[str, str]:
    """ "ModeratorHeizo Takenaka" -> ("Moderator", "Heizo Takenaka"); ("", line) for a line
    without a glued label."""
    match = _GLUED_LABEL.match(line)
    if not match or not match.group("label")[:1].isupper():
        return "", line
    return match.group("label"), line[match.end() :]


def lines_from_text(text: str) -> list[Line]:
    """Text -> numbered lines, with Windows line ends and unusual spaces made plain, and a
    card's label set apart on a line of its own from the name it was glued to."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        # NFKC would turn footnote markers (¹) into digits; normalise spaces only.
        clean = "".join(" " if unicodedata.category(c) == "Zs" else c for c in raw).rstrip()
        stripped = clean.lstrip()
        indented = bool(stripped) and stripped != clean
        label, rest = _unglued(stripped)
        if label:  # a card of its own: the label and the name, on lines of this number
            if lines and lines[-1].text == rest:
                lines.pop()  # the same name alone above it (a photo's caption): one card
            lines += [Line(number, "", indented=False), Line(number, label, indented=indented)]
        lines.append(Line(number, rest, indented=indented))
    return lines
