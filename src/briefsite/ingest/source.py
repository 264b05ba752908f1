"""Reading a raw bulletin: bytes as received -> clean lines of text, or a clear refusal."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError


@dataclass(frozen=True)
class Line:
    """One line of the raw text: 1-based number, text without indentation, and whether it
    was indented (newspaper sources mark each paragraph by indenting it)."""

    number: int
    text: str
    indented: bool


def read_source(path: Path) -> list[Line]:
    """Decode and normalise a raw bulletin; refuse files that are not text."""
    label = str(path)
    if not path.is_file():
        raise SourceError(label, "no such file", "give the path of a raw bulletin (.txt)")
    data = path.read_bytes()
    if not data.strip():
        raise SourceError(label, "the file is empty", "is this the right file?")
    if b"\x00" in data[:4096]:
        raise SourceError(label, "this is a binary file, not text", "ingest reads plain text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(
            label,
            f"line {line}: the file is not UTF-8 text",
            "convert it first, e.g. 'iconv -f GB18030 -t UTF-8 FILE > FILE.utf8'",
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        # NFKC would turn footnote markers (¹) into digits; normalise spaces only.
        clean = "".join(" " if unicodedata.category(c) == "Zs" else c for c in raw).rstrip()
        stripped = clean.lstrip()
        lines.append(Line(number, stripped, indented=bool(stripped) and stripped != clean))
    return lines
