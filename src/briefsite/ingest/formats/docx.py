"""A Word document (.docx), rendered by mammoth: bold, headings, footnotes and superscripts
as Word stores them, not as a copy and paste loses them."""

from __future__ import annotations

import io
import logging
import zipfile

from ...errors import SourceError
from .markup import html_to_text

log = logging.getLogger(__name__)

_ZIP = b"PK\x03\x04"
_MAX_UNPACKED = 200 * 1024 * 1024  # a ZIP "bomb" is refused before it is unpacked
_HINT = "ask for the document again, or save it once more from Word (File > Save As > .docx)"


def detect(data: bytes) -> bool:
    """A ZIP archive whose first entries name Word's parts (``word/...``), or any ZIP that
    says it is an Office document; a damaged one is still recognised, to be refused clearly."""
    return data.startswith(_ZIP) and (b"word/" in data[:65536] or b"[Content_Types].xml" in data)


def read(data: bytes, label: str) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > _MAX_UNPACKED:
            raise SourceError(
                label,
                f"the Word document unpacks to {unpacked // (1024 * 1024)} MB, more than "
                f"ingest reads ({_MAX_UNPACKED // (1024 * 1024)} MB)",
                "is this a bulletin? save its text alone as .docx",
            )
        damaged = archive.testzip()
    except SourceError:
        raise
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise SourceError(
            label, "the Word document is damaged or incomplete (not a whole ZIP archive)", _HINT
        ) from None
    except Exception as error:  # zipfile raises many kinds on broken archives
        log.debug("zipfile failed on %s: %r", label, error)
        raise SourceError(label, "the Word document is damaged or incomplete", _HINT) from None
    if damaged is not None:
        raise SourceError(label, f"the Word document is damaged (its part '{damaged}')", _HINT)
    if "word/document.xml" not in names:
        raise SourceError(
            label,
            "this is a ZIP archive but not a Word document (no word/document.xml)",
            "ingest reads Word documents saved as .docx; an .odt or .pages file must be "
            "saved as .docx first",
        )
    import mammoth  # imported when needed, like the other readers' libraries

    try:
        # images are left out: only their bytes would be read, and only to be dropped
        result = mammoth.convert_to_html(
            io.BytesIO(data), convert_image=mammoth.images.img_element(lambda image: {})
        )
    except Exception as error:  # any failure of the converter is a bad file
        log.debug("mammoth failed on %s: %r", label, error)
        raise SourceError(label, "the Word document cannot be read (damaged?)", _HINT) from None
    for message in result.messages:
        log.debug("%s: %s", label, message)
    return html_to_text(result.value)
