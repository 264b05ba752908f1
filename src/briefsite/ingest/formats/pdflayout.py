"""Putting a PDF's text back together from the positions of its words (pdfplumber's).

- rows of words (a superscript footnote marker belongs to the row it is raised above);
- running headers and footers (a row at the top or bottom of the page that repeats on other
  pages, digits aside, or is set much smaller than the text) and page numbers are dropped;
- two columns are read left then right (a gutter that the rows of a page share);
- lines broken by the width of the column are joined (a line ends early, deliberately, when
  the next line's first word would have fit after it); a line that ends a column or a page
  full width continues on the next, so page ends and column ends do not break paragraphs;
  a wider gap between lines than the usual one starts a paragraph, and so does an indent;
- words set in a bold font are written ``**bold**``, and small raised digits ``¹``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .layout import raw_text
from .markup import superscript

_BAND = 0.09  # the top and bottom 9% of a page hold running headers and footers
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"[-–—\s]*(page\s+)?\d{1,4}(\s*(/|of)\s*\d{1,4})?[-–—\s]*|[ivxlc]{1,6}", re.IGNORECASE
)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})

Page = tuple[list[list["_Row"]], float]  # a page's lines (each as its pieces), its height


@dataclass
class _Word:
    """A word as pdfplumber places it (points from the top left of the page); ``raised``:
    a footnote marker set small above the line."""

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
    """Words on one line (or one piece of a line, where a gutter splits it), left to right;
    its top and size are those of its text, not of a raised footnote marker."""

    words: list[_Word] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in (self._body or self.words))

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def _body(self) -> list[_Word]:
        return [w for w in self.words if not w.raised]

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
    notes: bool = False  # footnotes from the foot of a page: never joined to the text


def text_of(pages: list[Page]) -> str:
    """The text of the pages, as a raw bulletin: furniture dropped, columns in order."""
    furniture = _running_rows(pages)
    body_size = _body_size(pages)
    columns: list[_Column] = []
    notes: list[_Column] = []
    for number, (lines, height) in enumerate(pages):
        first_page = number == 0
        kept = [
            line
            for line in lines
            if not _is_furniture(_joined(line), height, furniture, body_size, first_page)
        ]
        kept, foot = _footnote_area(kept, height, body_size)
        columns += _columns(kept)
        if foot:
            rows = [_joined(line) for line in foot]
            notes.append(_Column(rows, min(r.x0 for r in rows), max(r.x1 for r in rows), True))
    # the notes after the text, so that a paragraph running on to the next page stays whole
    return _paragraphs(columns + notes)


def _footnote_area(
    lines: list[list[_Row]], height: float, body_size: float
) -> tuple[list[list[_Row]], list[list[_Row]]]:
    """Split a page's lines into its text and the footnotes at its foot: from the first line
    in the lower half that starts with a raised number and is set smaller than the text, to
    the end of the page."""
    for index, line in enumerate(lines):
        first = line[0]
        if (
            first.top > height / 2
            and first.words[0].raised
            and first.words[0].text.isdigit()
            and first.size < 0.92 * body_size
        ):
            return lines[:index], lines[index:]
    return lines, []


# --- rows and page furniture -------------------------------------------------------------


def page_rows(page) -> tuple[list[list[_Row]], float]:
    """The page's lines, top to bottom, each as the pieces a wide gap separates (two
    columns side by side), and the page's height. A small raised number is a footnote
    marker of the piece it touches."""
    words = [
        _Word(
            str(w["text"]).translate(_LIGATURES),
            float(w["x0"]),
            float(w["x1"]),
            float(w["top"]),
            float(w["bottom"]),
            float(w.get("size") or 0) or 1.0,
            bool(_BOLD_FONT.search(str(w.get("fontname", "")))),
        )
        for w in page.extract_words(extra_attrs=["fontname", "size"], x_tolerance=2.5)
        if str(w["text"]).strip()
    ]
    baselines: list[list[_Word]] = []
    for word in sorted(words, key=lambda w: (w.bottom, w.x0)):
        if baselines and abs(baselines[-1][-1].bottom - word.bottom) <= 1.0:
            baselines[-1].append(word)
        else:
            baselines.append([word])
    pieces = [
        piece for line in baselines for piece in _segments(_Row(sorted(line, key=lambda w: w.x0)))
    ]
    markers = [p for p in pieces if _is_marker(p, pieces)]
    for marker in markers:
        target = _marked(marker, pieces)
        if target is not None:
            for word in marker.words:
                word.raised = True
            target.words = sorted(target.words + marker.words, key=lambda w: w.x0)
            pieces.remove(marker)
    lines: list[list[_Row]] = []
    for piece in sorted(pieces, key=lambda p: (p.bottom, p.x0)):
        if lines and abs(lines[-1][-1].bottom - piece.bottom) <= 1.0:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return lines, float(page.height)


def _is_marker(piece: _Row, pieces: list[_Row]) -> bool:
    return all(w.text.isdigit() and len(w.text) <= 3 for w in piece.words) and (
        _marked(piece, pieces) is not None
    )


def _marked(marker: _Row, pieces: list[_Row]) -> _Row | None:
    """The piece of text a small raised number touches: right after its last word (a
    marker in the text) or right before its first (the marker that starts a note)."""
    middle = (marker.words[0].top + marker.words[0].bottom) / 2
    for piece in pieces:
        if piece is marker or piece.size * 0.85 <= marker.words[0].size:
            continue
        if not piece.top - 1 <= middle <= piece.bottom - 0.15 * piece.size:
            continue
        after_word = any(-1.5 <= marker.x0 - word.x1 <= 1.5 for word in piece.words)
        if after_word or -0.5 <= piece.x0 - marker.x1 <= 0.6 * piece.size:
            return piece
    return None


def _shape(row: _Row) -> str:
    return re.sub(r"\d+", "#", row.text.casefold())


def _in_band(row: _Row, height: float) -> bool:
    return row.bottom < height * _BAND or row.top > height * (1 - _BAND)


def _joined(line: list[_Row]) -> _Row:
    return _Row([word for piece in line for word in piece.words])


def _running_rows(pages: list[tuple[list[list[_Row]], float]]) -> set[str]:
    """Lines in the header or footer band that repeat on other pages (digits aside)."""
    seen: Counter[str] = Counter()
    for lines, height in pages:
        seen.update({_shape(_joined(line)) for line in lines if _in_band(_joined(line), height)})
    return {shape for shape, count in seen.items() if count >= 2}


def _body_size(pages: list[tuple[list[list[_Row]], float]]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for lines, _ in pages:
        for line in lines:
            for piece in line:
                for word in piece.words:
                    sizes[round(word.size, 1)] += len(word.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _is_furniture(
    row: _Row, height: float, running: set[str], body_size: float, first_page: bool
) -> bool:
    """A running header or footer: at the top or bottom of the page, and repeated on other
    pages, or a page number, or set much smaller than the text (on a one-page PDF)."""
    if not _in_band(row, height):
        return False
    at_bottom = row.top > height * (1 - _BAND)
    return (
        _shape(row) in running
        or (bool(_PAGE_NUMBER.fullmatch(row.text)) and (at_bottom or not first_page))
        or row.size < 0.8 * body_size
    )


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


def _columns(lines: list[list[_Row]]) -> list[_Column]:
    """The page's lines in reading order: full-width lines as they come, and a run of lines
    set in two columns as its left column, then its right column."""
    if not lines:
        return []
    pieces = [piece for line in lines for piece in line]
    left = min(p.x0 for p in pieces)
    right = max(p.x1 for p in pieces)
    gutter = _gutter(pieces, left, right)
    if gutter is None:
        return [_Column([_joined(line) for line in lines], left, right)]
    columns: list[_Column] = []
    band: tuple[list[_Row], list[_Row]] | None = None
    for line in lines:
        if any(p.x0 < gutter < p.x1 for p in line):  # across the gutter: full width
            if band:
                columns += _band_columns(band, left, right)
                band = None
            columns.append(_Column([_joined(line)], left, right))
            continue
        band = band or ([], [])
        for piece in line:
            band[0 if piece.x1 <= gutter else 1].append(piece)
    if band:
        columns += _band_columns(band, left, right)
    return _merge_full_width(columns)


def _gutter(pieces: list[_Row], left: float, right: float) -> float | None:
    """The x of a gap between two columns: in the middle half of the text, crossed by few
    pieces of text, with many on either side."""
    width = right - left
    xs = [left + width * step / 200 for step in range(50, 151)]
    crossings = [sum(1 for p in pieces if p.x0 < x < p.x1) for x in xs]
    fewest = min(crossings)
    runs: list[list[float]] = []  # runs of neighbouring x that as few pieces cross
    for x, crossing in zip(xs, crossings, strict=True):
        if crossing != fewest:
            runs.append([])
        elif runs and runs[-1]:
            runs[-1].append(x)
        else:
            runs.append([x])
    widest = max(runs, key=len)
    x = (widest[0] + widest[-1]) / 2
    crossing = fewest
    lefts = sum(1 for p in pieces if p.x1 <= x)
    rights = sum(1 for p in pieces if p.x0 >= x)
    if min(lefts, rights) >= 5 and crossing <= 0.1 * len(pieces):
        return x
    return None


def _band_columns(band, left: float, right: float) -> list[_Column]:
    """A run of lines beside the gutter: two columns if there is text on both sides, else
    short full-width lines (a header's lines are shorter than half the page)."""
    left_rows, right_rows = band
    if not left_rows or not right_rows:
        return [_Column(sorted(left_rows + right_rows, key=lambda r: r.top), left, right)]
    return [
        _Column(left_rows, left, max(r.x1 for r in left_rows)),
        _Column(right_rows, min(r.x0 for r in right_rows), right),
    ]


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
    # the gap between lines of a paragraph is the small one that recurs: paragraph gaps
    # are wider, and in a short bulletin of short paragraphs they may be as many
    return sorted(gaps)[len(gaps) // 5] if gaps else 0.0


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
            before = None
            for word in row.words:
                if before is None:
                    words.append((separator, word))
                else:  # pdfplumber splits a word where its font changes: "guests" "¹" ","
                    close = word.x0 - before.x1 < 0.05 * row.size
                    words.append(("" if close else " ", word))
                before = word
            previous, previous_column = row, column
    text = "\n".join(line.rstrip() for line in _render(words).split("\n"))
    return raw_text(text.split("\n\n"))


def _separator(
    previous: _Row, previous_column: _Column, row: _Row, column: _Column, index: int, usual: float
) -> str:
    size = row.size
    indented = row.x0 - column.left > 1.2 * size
    if row.words[0].raised and row.words[0].text.isdigit() and column.notes:
        return "\n\n"  # the next note
    if index > 0 and row.top - previous.bottom > usual + 0.35 * size:
        return "\n\n"  # a paragraph gap
    first_word = row.words[0]
    room = previous_column.right - previous.x1
    wrapped = room < (first_word.x1 - first_word.x0) + 0.6 * size
    if (index == 0 and (not wrapped or column.notes)) or indented:
        return "\n\n"  # a new column or page after a line that ended early, or an indent
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
