"""Clean HTML (a web page's main text, a Word document as mammoth renders it) -> the text of
a raw bulletin: one paragraph per block, ``**bold**``, superscript footnote markers, and
footnotes as paragraphs at the end that start with their marker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import raw_text

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre td th dt dd figcaption caption div section "
    "article main header footer aside ul ol dl table tr tbody thead body html".split()
)
_SKIPPED = frozenset("script style noscript template head nav button form svg".split())
_BOLD = frozenset({"strong", "b"})


@dataclass
class _Run:
    text: str
    bold: bool


def superscript(digits: str) -> str:
    return digits.translate(_SUPERSCRIPT)


def html_to_text(markup: str) -> str:
    """The paragraphs of ``markup`` as raw-bulletin text; Word's footnotes (mammoth lists
    them at the end) as paragraphs that start with their marker."""
    import lxml.html

    if not markup.strip():
        return ""
    root = lxml.html.document_fromstring(markup)
    notes = _footnotes(root)
    paragraphs: list[list[_Run]] = []
    _walk(root, paragraphs, bold=False)
    return raw_text([*(_render(runs) for runs in paragraphs), *notes.values()])


def _footnotes(root) -> dict[str, str]:
    """mammoth's rendering of Word footnotes, ``<li id="footnote-1"><p>text <a>↑</a></p>``:
    each as the paragraph ``¹ text``, removed from the tree."""
    notes: dict[str, str] = {}
    for item in root.iter("li"):
        identifier = item.get("id") or ""
        if re.fullmatch(r"(foot|end)note-\d+", identifier):
            number = identifier.rsplit("-", 1)[1]
            inner: list[list[_Run]] = []
            for child in item:
                _walk(child, inner, bold=False)
            note = " ".join(t for t in (_render(runs) for runs in inner) if t)
            notes[number] = f"{superscript(number)} {note.removesuffix('↑').strip()}"
    for item in [i for i in root.iter("li") if (i.get("id") or "").split("-")[0] in _NOTES]:
        item.drop_tree()
    return notes


_NOTES = frozenset({"footnote", "endnote"})


def _walk(element, paragraphs: list[list[_Run]], bold: bool) -> None:
    """Collect runs of text into paragraphs; a block element starts a new one."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIPPED or not tag:
        return
    if tag in _BLOCKS:
        paragraphs.append([])
    bold = bold or tag in _BOLD
    if tag == "br":
        _append(paragraphs, "\n", False)
    elif tag == "sup":
        _append(paragraphs, _marker(element), False)
        return
    elif tag == "a" and (element.get("href") or "").startswith("#footnote-ref-"):
        return  # the "back to the text" arrow of a footnote
    if element.text:
        _append(paragraphs, element.text, bold)
    for child in element:
        _walk(child, paragraphs, bold)
        if child.tail:  # the text after a child belongs to this element
            _append(paragraphs, child.tail, bold)
    if tag in _BLOCKS:
        paragraphs.append([])


def _marker(element) -> str:
    """A superscript: footnote digits become ``¹``; anything else stays as it is written."""
    text = "".join(element.itertext()).strip()
    digits = text.strip("[]()")
    return superscript(digits) if digits.isdigit() else text


def _append(paragraphs: list[list[_Run]], text: str, bold: bool) -> None:
    if not paragraphs:
        paragraphs.append([])
    paragraphs[-1].append(_Run(text, bold))


def _render(runs: list[_Run]) -> str:
    """Runs -> one paragraph: spaces collapsed, explicit line breaks kept, bold marked with
    ``**`` hugging the words (``**Name**,`` rather than ``** Name **,``)."""
    merged: list[_Run] = []
    for run in runs:
        text = run.text if run.text == "\n" else re.sub(r"\s+", " ", run.text)
        bold = run.bold and bool(text.strip())
        if merged and merged[-1].bold == bold and text != "\n" and merged[-1].text != "\n":
            merged[-1].text += text
        else:
            merged.append(_Run(text, bold))
    out = []
    for run in merged:
        if run.bold:
            core = run.text.strip()
            lead = run.text[: len(run.text) - len(run.text.lstrip())]
            trail = run.text[len(run.text.rstrip()) :]
            out.append(f"{lead}**{core}**{trail}")
        else:
            out.append(run.text)
    lines = [" ".join(line.split()) for line in "".join(out).split("\n")]
    return "\n".join(line for line in lines if line)


def page_title(markup: str) -> str:
    """The ``<title>`` of a page, for messages."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    return " ".join((root.findtext(".//title") or "").split())
