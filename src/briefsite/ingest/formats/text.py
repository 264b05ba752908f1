"""Plain text (.txt, .md): UTF-8, with or without a byte-order mark and Windows line ends."""

from __future__ import annotations

from ...errors import SourceError

SUPPORTED = "plain text (.txt, .md), a saved web page (.html), Word (.docx) or PDF"

# Magic bytes of formats that are not text, for a message that names them.
_KNOWN_BINARY = {
    b"\xd0\xcf\x11\xe0": "an old Word document (.doc)",
    b"{\\rtf": "a Rich Text document (.rtf)",
    b"PK\x03\x04": "a ZIP archive, not a Word document",
}


def detect(data: bytes) -> bool:
    """Text is what is left when no other format recognised the file."""
    return True


def read(data: bytes, label: str) -> str:
    for magic, what in _KNOWN_BINARY.items():
        if data.startswith(magic):
            raise SourceError(
                label,
                f"this is {what}: ingest reads {SUPPORTED}",
                "open it and save it as .docx, PDF or UTF-8 text",
            )
    if b"\x00" in data[:4096]:
        raise SourceError(
            label,
            "this is a binary file, not text, HTML, Word (.docx) or PDF",
            f"ingest reads {SUPPORTED}",
        )
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(
            label,
            f"line {line}: the file is not UTF-8 text",
            "convert it first, e.g. 'iconv -f GB18030 -t UTF-8 FILE > FILE.utf8'",
        ) from None
    return decoded.removeprefix("\ufeff")
