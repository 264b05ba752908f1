"""Who said what: the passages of a bulletin that attribute a view to each speaker.

Bulletins report views in runs of sentences: "According to WU Zhiqiang, ... He believed ...
As pointed out by FANG Chuanglin, ...". A statement starts at the sentence that names a
speaker and runs until a sentence names another one (or the paragraph ends); sentences in
between ("He pointed out ...") stay with the speaker last named. Only a bulletin whose
credit line gives the whole text as one speaker's views ("Translated excerpts from the
views of WEN Yuyuan, ... during an interview") makes every paragraph theirs; a bulletin with
one speaker and no such line is read sentence by sentence like any other.

Each statement keeps the regions its own sentences name, so that a region's page can gather
what was said about it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..content.model import Bulletin
from ..text import split_sentences
from .body import Paragraph


@dataclass(frozen=True)
class Statement:
    expert_id: str
    anchor: str
    quote: str
    regions: tuple[str, ...] = ()  # the regions the quoted sentences name, first named first


_EDITORS_NOTE = ("Editor's Note", "Editor’s Note")
# A credit line that gives the whole text as the speaker's: "(Translated excerpts from the
# views of WEN Yuyuan, ...)", "(Excerpts from an interview with ...)".
_WHOLE_TEXT_CREDIT = re.compile(
    r"^\(.*\b(views of|interview|remarks of|speech by|article by|written by)\b", re.IGNORECASE
)


def whole_text_speaker(bulletin: Bulletin, paragraphs: tuple[Paragraph, ...]) -> str:
    """The one speaker whose views the whole text is, as its credit line says; or ''."""
    if len(bulletin.speakers) != 1:
        return ""
    speaker = bulletin.speakers[0].id
    for paragraph in paragraphs:
        named = {expert for _, expert in paragraph.experts}
        if _WHOLE_TEXT_CREDIT.match(paragraph.text) and speaker in named:
            return speaker
    return ""


def _regions_in(paragraph: Paragraph, start: int, end: int) -> list[str]:
    return [region for at, region in paragraph.regions if start <= at < end]


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def statements(bulletin: Bulletin, paragraphs: tuple[Paragraph, ...]) -> tuple[Statement, ...]:
    if whole := whole_text_speaker(bulletin, paragraphs):
        # an interview excerpt: every paragraph is the speaker's, but not the credit line
        return tuple(
            Statement(whole, p.anchor, p.text, _unique([r for _, r in p.regions]))
            for p in paragraphs
            if not p.text.startswith(("(", *_EDITORS_NOTE))
        )
    speakers = {speaker.id for speaker in bulletin.speakers}
    found: list[Statement] = []
    for paragraph in paragraphs:
        if paragraph.text.startswith(_EDITORS_NOTE):
            continue
        # speakers named in the paragraph, by position
        named_at = [(at, expert) for at, expert in paragraph.experts if expert in speakers]
        current: str | None = None
        quote: list[str] = []
        regions: list[str] = []
        end = 0
        for sentence in split_sentences(paragraph.text):
            start = paragraph.text.index(sentence, end)
            end = start + len(sentence)
            named = [entity for at, entity in named_at if start <= at < end]
            if named and named[0] != current:
                if current and quote:
                    found.append(
                        Statement(current, paragraph.anchor, " ".join(quote), _unique(regions))
                    )
                current, quote, regions = named[0], [], []
            if current:
                quote.append(sentence)
                regions += _regions_in(paragraph, start, end)
        if current and quote:
            found.append(Statement(current, paragraph.anchor, " ".join(quote), _unique(regions)))
    return tuple(found)


def region_mentions(paragraphs: tuple[Paragraph, ...]) -> Counter[str]:
    """How often each region is named in the body."""
    return Counter(region for paragraph in paragraphs for _, region in paragraph.regions)
