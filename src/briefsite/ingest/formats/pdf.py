"""A PDF with a text layer, read with pdfplumber (pdfminer.six).

A PDF knows glyphs and where they sit, not paragraphs; this module puts the bulletin back
together from the positions pdfplumber gives:

- rows of words (a superscript footnote marker belongs to the row it is raised above);
- running headers and footers (a row at the top or bottom of the page that repeats on other
  pages, digits aside) and page numbers are dropped;
- two columns are read left then right (a gutter that the rows of a page share);
- lines broken by the width of the column are joined (a line ends early, deliberately, when
  the next line's first word would have fit after it); a line that ends a column or a page
  full width continues on the next, so page ends and column ends do not break paragraphs;
  a wider gap between lines than the usual one starts a paragraph, and so does an indent;
- words set in a bold font are written ``**bold**``, and small raised digits ``¹``.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from ...errors import SourceError
from .markup import superscript

log = logging.getLogger(__name__)

MAX_PAGES = 500
_BAND = 0.09  # the top and bottom 9% of a page hold running headers and footers
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"[-–—\s]*(page\s+)?\d{1,4}(\s*(/|of)\s*\d{1,4})?[-–—\s]*|[ivxlc]{1,6}", re.IGNORECASE
)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})
_HINT_DAMAGED = "ask for the file again, or print it to a new PDF"
for _noisy in ("pdfminer", "pdfplumber"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)


def detect(data: bytes) -> bool:
    """PDF files start with ``%PDF-`` (some tools put a few bytes before it)."""
    return b"%PDF-" in data[:1024]


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    raised: bool = False


@dataclass
class _Row:
    words: list[_Word] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words if not w.raised) if self._body else self._top

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def _body(self) -> list[_Word]:
        return [w for w in self.words if not w.raised]

    @property
    def _top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def size(self) -> float:
        sizes = Counter(round(w.size, 1) for w in (self._body or self.words))
        return sizes.most_common(1)[0][0]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class _Column:
    """Rows read in order, with the right edge their lines are justified to."""

    rows: list[_Row]
    left: float
    right: float


def read(data: bytes, label: str) -> str:
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            if len(document.pages) > MAX_PAGES:
                raise SourceError(
                    label,
                    f"the PDF has {len(document.pages)} pages, more than ingest reads "
                    f"({MAX_PAGES})",
                    "is this a bulletin? ingest the bulletin's own pages",
                )
            pages = [_page_rows(page) for page in document.pages]
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
    if not any(rows for rows, _ in pages):
        raise SourceError(
            label,
            "the PDF has no text layer (a scanned image?): ingest does not do OCR",
            "ask for a PDF with text, or run OCR first (e.g. 'ocrmypdf IN.pdf OUT.pdf')",
        )
    furniture = _running_rows(pages)
    columns: list[_Column] = []
    for rows, height in pages:
        kept = [row for row in rows if not _is_furniture(row, height, furniture)]
        columns += _columns(kept)
    return _paragraphs(columns)


def _is_encrypted(error: BaseException) -> bool:
    while error is not None:
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


# --- rows and page furniture -------------------------------------------------------------


def _page_rows(page) -> tuple[list[_Row], float]:
    """The rows of words on a page, top to bottom, and the page's height."""
    words = [
        _Word(
            (w["text"]).translate(_LIGATURES),
            float(w["x0"]),
            float(w["x1"]),
            float(w["top"]),
            float(w["bottom"]),
            float(w.get("size") or 0) or 1.0,
            bool(_BOLD_FONT.search(str(w.get("fontname", "")))),
        )
        for w in page.extract_words(extra_attrs=["fontname", "size"], x_tolerance=1.5)
        if str(w["text"]).strip()
    ]
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: (w.bottom, w.x0)):
        middle = (word.top + word.bottom) / 2
        row = next(
            (r for r in reversed(rows[-4:]) if r.words[0].top - 1 <= middle <= r.bottom + 1),
            None,
        )
        if row is None:
            rows.append(_Row([word]))
        else:
            row.words.append(word)
    for row in rows:
        row.words.sort(key=lambda w: w.x0)
        size = row.size
        for word in row.words:
            word.raised = (
                word.size < 0.8 * size
                and word.bottom < max(w.bottom for w in row.words) - 0.15 * size
            )
    rows.sort(key=lambda r: r.top)
    return rows, float(page.height)


def _shape(row: _Row) -> str:
    return re.sub(r"\d+", "#", row.text.casefold())


def _in_band(row: _Row, height: float) -> bool:
    return row.bottom < height * _BAND or row.top > height * (1 - _BAND)


def _running_rows(pages: list[tuple[list[_Row], float]]) -> set[str]:
    """Rows in the header or footer band that repeat on other pages (digits aside)."""
    seen: Counter[str] = Counter()
    for rows, height in pages:
        seen.update({_shape(row) for row in rows if _in_band(row, height)})
    return {shape for shape, count in seen.items() if count >= 2}


def _is_furniture(row: _Row, height: float, running: set[str]) -> bool:
    if not _in_band(row, height):
        return False
    return _shape(row) in running or bool(_PAGE_NUMBER.fullmatch(row.text))


# --- columns -----------------------------------------------------------------------------


def _segments(row: _Row) -> list[_Row]:
    """A row split where a gap wider than a gutter separates its words."""
    parts = [_Row([row.words[0]])]
    for word in row.words[1:]:
        previous = parts[-1].words[-1]
        if word.x0 - previous.x1 > 1.5 * row.size:
            parts.append(_Row([word]))
        else:
            parts[-1].words.append(word)
    return parts


def _columns(rows: list[_Row]) -> list[_Column]:
    """The page's rows in reading order: full-width rows as they come, and a run of rows
    set in two columns as its left column, then its right column."""
    if not rows:
        return []
    left = min(r.x0 for r in rows)
    right = max(r.x1 for r in rows)
    splits = []
    for row in rows:
        parts = _segments(row)
        if len(parts) == 2:
            splits.append((parts[0].x1 + parts[1].x0) / 2)
    gutter = statistics.median(splits) if len(splits) >= 3 else None
    if gutter is None or not left + (right - left) * 0.25 < gutter < left + (right - left) * 0.75:
        return [_Column(rows, left, right)]

    columns: list[_Column] = []
    band: tuple[list[_Row], list[_Row]] | None = None
    for row in rows:
        parts = _segments(row)
        sides = [p for p in parts if p.x1 <= gutter or p.x0 >= gutter]
        if len(sides) != len(parts):  # a row across the gutter: full width
            if band:
                columns += _band_columns(band, left, right, gutter)
                band = None
            columns.append(_Column([row], left, right))
            continue
        band = band or ([], [])
        for part in parts:
            band[0 if part.x1 <= gutter else 1].append(part)
    if band:
        columns += _band_columns(band, left, right, gutter)
    return _merge_full_width(columns)


def _band_columns(band, left: float, right: float, gutter: float) -> list[_Column]:
    left_rows, right_rows = band
    out = []
    if left_rows:
        out.append(_Column(left_rows, left, max(r.x1 for r in left_rows)))
    if right_rows:
        out.append(_Column(right_rows, min(r.x0 for r in right_rows), right))
    return out


def _merge_full_width(columns: list[_Column]) -> list[_Column]:
    merged: list[_Column] = []
    for column in columns:
        last = merged[-1] if merged else None
        if last and (last.left, last.right) == (column.left, column.right):
            last.rows += column.rows
        else:
            merged.append(column)
    return merged


# --- paragraphs --------------------------------------------------------------------------


def _usual_gap(columns: list[_Column]) -> float:
    gaps = [
        round(b.top - a.bottom, 1)
        for column in columns
        for a, b in zip(column.rows, column.rows[1:], strict=False)
        if b.top > a.bottom - 0.5
    ]
    return Counter(gaps).most_common(1)[0][0] if gaps else 0.0


def _paragraphs(columns: list[_Column]) -> str:
    """Join the rows of all columns into the text of a raw bulletin."""
    usual = _usual_gap(columns)
    words: list[tuple[str, _Word]] = []  # (what separates it from the word before, word)
    previous: _Row | None = None
    previous_column: _Column | None = None
    for column in columns:
        for index, row in enumerate(column.rows):
            separator = ""
            if previous is not None and previous_column is not None:
                separator = _separator(previous, previous_column, row, column, index, usual)
            for position, word in enumerate(row.words):
                words.append((separator if position == 0 else " ", word))
            previous, previous_column = row, column
    text = _render(words)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip() + "\n"


def _separator(
    previous: _Row, previous_column: _Column, row: _Row, column: _Column, index: int, usual: float
) -> str:
    size = row.size
    indented = row.x0 - column.left > 1.2 * size
    if index > 0 and row.top - previous.bottom > usual + 0.35 * size:
        return "\n\n"  # a paragraph gap
    first_word = row.words[0]
    room = previous_column.right - previous.x1
    wrapped = room < (first_word.x1 - first_word.x0) + 0.6 * size
    if index == 0 and not wrapped:
        return "\n\n"  # a new column or page, after a line that ended early
    if indented:
        return "\n  "
    if not wrapped:
        return "\n"
    return "" if previous.words[-1].text.endswith("-") else " "


def _render(words: list[tuple[str, _Word]]) -> str:
    """Words with their separators: bold runs in ``**`` (closed at a paragraph's end), raised
    digits as ``¹`` after their word (or before the note, at the start of a footnote)."""
    out: list[str] = []
    bold = False
    for separator, word in words:
        starts_paragraph = not out or "\n" in separator
        if word.raised and word.text.isdigit():
            if bold:
                out.append("**")
                bold = False
            out.append(separator if starts_paragraph else "")
            out.append(superscript(word.text) + (" " if starts_paragraph else ""))
            continue
        if bold and (not word.bold or "\n\n" in separator):
            out.append("**")
            bold = False
        if out and not out[-1].endswith((" ", "\n")):
            out.append(separator)
        elif "\n" in separator:
            out.append(separator.lstrip(" "))
        if word.bold and not bold:
            out.append("**")
            bold = True
        out.append(word.text)
    if bold:
        out.append("**")
    return "".join(out)
