"""Repairing a bulletin's body: paragraphs as written, not as the page breaks left them.

Raw bulletins come from PDFs and web pages: a page break splits a sentence into two
paragraphs, headings are numbered lines, footnotes are superscript digits. This module turns
the body lines into clean Markdown blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .source import Line

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_FOOTNOTE_MARK = re.compile(r"(?<=[^\s\d⁰¹²³⁴⁵⁶⁷⁸⁹])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_FOOTNOTE_DEFINITION = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(?P<text>\S.*)$")
_ROMAN_HEADING = re.compile(r"^(?P<number>[IVX]{1,5})[.、]\s+(?P<title>\S.*)$")
_TERMINAL = tuple('.!?。！？”"’:;)…')
_IMAGE_NAME = re.compile(r"(?i)\.(?:png|jpe?g|gif|webp|svg)$")
_CONTINUATION_WORDS = frozenset(
    """a an the of to in on at by for with from and or but as that which than into upon
    between among its their our his her this these those""".split()
)


@dataclass(frozen=True)
class Block:
    """A paragraph-sized piece of the body, with the line it starts on."""

    line: int
    text: str
    kind: str = "paragraph"  # paragraph | heading | subheading | footnote
    alone: bool = False  # a short line that ended without running on: never joined


def blocks_from_lines(lines: list[Line]) -> list[Block]:
    """Group lines into paragraphs.

    A blank line ends a paragraph; so does an indented line (newspaper style) and a line
    after one that ends a sentence. Lines inside a paragraph are joined with a space.
    """
    blocks: list[Block] = []
    current: list[Line] = []

    def flush(alone: bool = False) -> None:
        if current:
            text = " ".join(line.text for line in current)
            blocks.append(Block(current[0].number, text, alone=alone))
            current.clear()

    for line in lines:
        if not line.text:
            flush()
            continue
        starts_new = line.indented or (
            current
            and (current[-1].text.endswith(_TERMINAL) or _stands_alone(current[-1].text))
            and re.match(r"[\"“‘(\[]?[A-Z0-9]", line.text)
        )
        if starts_new or _ROMAN_HEADING.match(line.text) or _FOOTNOTE_DEFINITION.match(line.text):
            # a short line followed straight by the next is a line of its own (a programme)
            flush(alone=bool(current) and _stands_alone(current[-1].text))
        current.append(line)
    flush()
    return blocks


SHORT_LINE = 64  # characters: a line this short that does not go on is a line of its own


def _stands_alone(text: str) -> bool:
    """A short line that does not run on (an entry of a programme, "NAME, ROLE"): wrapped
    prose fills its lines, and a line cut short mid-phrase ends in a comma or "of"."""
    words = text.split()
    return (
        len(text) < SHORT_LINE
        and not text.endswith((",", "-", ";", "–"))
        and words[-1].lower() not in _CONTINUATION_WORDS
    )


def _is_short_title(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 14
        and not text.endswith(_TERMINAL)
        and text[:1].isupper()
        and words[-1].lower() not in _CONTINUATION_WORDS
    )


def classify(blocks: list[Block]) -> list[Block]:
    """Mark headings, sub-headings and footnote definitions."""
    classified = []
    for index, block in enumerate(blocks):
        if _ROMAN_HEADING.match(block.text):
            kind = "heading"
        elif _FOOTNOTE_DEFINITION.match(block.text):
            kind = "footnote"
        elif _is_short_title(block.text) and 0 < index < len(blocks) - 1:
            kind = "subheading"
        else:
            kind = "paragraph"
        classified.append(Block(block.line, block.text, kind, block.alone))
    return classified


def join_broken_paragraphs(blocks: list[Block]) -> list[Block]:
    """Join a paragraph that stops mid-sentence with the next one (a page break split it)."""
    joined: list[Block] = []
    parts: list[str] = []  # the texts of the paragraph being joined, joined once at its end

    def close() -> None:
        if len(parts) > 1:  # one join per paragraph: growing a string by + is quadratic
            joined[-1] = Block(joined[-1].line, " ".join(parts), "paragraph")
        parts.clear()

    last_alone = False  # the last block joined is a line of its own: nothing joins it
    for block in blocks:
        if (
            parts
            and block.kind in ("paragraph", "subheading")
            and not parts[-1].rstrip("*").endswith(_TERMINAL)
            and not _IMAGE_NAME.search(parts[-1])  # "screencap_04.png": a picture's name
            and not last_alone
        ):
            parts.append(block.text)
            last_alone = block.alone
            continue
        close()
        joined.append(block)
        if block.kind == "paragraph":
            parts.append(block.text)
        last_alone = block.alone
    close()
    return joined


def _markdown_inline(text: str) -> str:
    """Footnote markers become Markdown footnote references; a line-start ``#`` is escaped."""
    text = _FOOTNOTE_MARK.sub(lambda m: f"[^{m.group(1).translate(_SUPERSCRIPTS)}]", text)
    return re.sub(r"^([#>+]|\d+\.\s)", r"\\\1", text)


def to_markdown(blocks: list[Block]) -> tuple[str, list[str]]:
    """The body as Markdown, and warnings about footnotes that cannot be matched."""
    out: list[str] = []
    definitions: dict[str, str] = {}
    for block in blocks:
        if block.kind == "footnote":
            match = _FOOTNOTE_DEFINITION.match(block.text)
            assert match is not None
            definitions[match.group(1).translate(_SUPERSCRIPTS)] = match.group("text").strip()
        elif block.kind == "heading":
            match = _ROMAN_HEADING.match(block.text)
            assert match is not None
            title = match.group("title").strip().rstrip(".").replace("**", "")
            out.append(f"## {match.group('number')}. {title}")
        elif block.kind == "subheading":
            out.append(f"### {block.text.replace('**', '')}")
        else:
            out.append(_markdown_inline(block.text))
    body = "\n\n".join(out)
    warnings = []
    referenced = re.findall(r"\[\^(\d+)\]", body)
    for number in dict.fromkeys(referenced):
        if number not in definitions:
            definitions[number] = "The source marks a footnote here but gives no footnote text."
            warnings.append(f"footnote {number} is marked in the text but its note is missing")
    notes = []
    marked = set(referenced)
    for number, text in definitions.items():
        if number in marked:
            notes.append(f"[^{number}]: {text}")
        else:
            warnings.append(f"footnote {number} has a note but no marker; kept as a closing note")
            notes.append(f"Note {number}: {text}")
    return "\n\n".join([body, *notes]), warnings
