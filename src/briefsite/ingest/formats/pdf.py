"""A PDF with a text layer, read with pdfplumber (pdfminer.six); ``pdflayout`` puts the
paragraphs back together from where the words sit. Refused: an encrypted PDF, one without
text (a scan: no OCR here), a damaged one, one of more than ``MAX_PAGES`` pages."""

from __future__ import annotations

import io
import logging

from ...errors import SourceError
from .pdflayout import page_rows, text_of

log = logging.getLogger(__name__)

MAX_PAGES = 100  # about 6 s of reading; a long bulletin has 10
_HINT_DAMAGED = "ask for the file again, or print it to a new PDF"
for _noisy in ("pdfminer", "pdfplumber"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)


def detect(data: bytes) -> bool:
    """PDF files start with ``%PDF-`` (some tools put a few bytes before it)."""
    return b"%PDF-" in data[:1024]


def read(data: bytes, label: str) -> str:
    import pdfplumber  # imported when needed: it takes a while

    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            if len(document.pages) > MAX_PAGES:
                raise SourceError(
                    label,
                    f"the PDF has {len(document.pages)} pages, more than ingest reads "
                    f"({MAX_PAGES})",
                    "is this a bulletin? ingest the bulletin's own pages",
                )
            pages = [page_rows(page) for page in document.pages]
    except SourceError:
        raise
    except Exception as error:  # pdfminer raises many kinds on bad files
        if _is_encrypted(error):
            raise SourceError(
                label,
                "the PDF is encrypted with a password",
                "ask the sender for a copy without a password (or print it to a new PDF)",
            ) from None
        log.debug("pdfplumber failed on %s: %r", label, error)
        raise SourceError(
            label, "the PDF cannot be read (damaged or incomplete)", _HINT_DAMAGED
        ) from None
    if not any(lines for lines, _ in pages):
        raise SourceError(
            label,
            "the PDF has no text layer (a scanned image?): ingest does not do OCR",
            "ask for a PDF with text, or run OCR first (e.g. 'ocrmypdf IN.pdf OUT.pdf')",
        )
    return text_of(pages)


def _is_encrypted(error: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, PDFPasswordIncorrect | PDFEncryptionError):
            return True
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            return True
        error = (
            error.__cause__
            or error.__context__
            or next((a for a in getattr(error, "args", ()) if isinstance(a, BaseException)), None)
        )
    return False
