"""Who said what: the passages of a bulletin that attribute a view to each speaker.

Bulletins report views in runs of sentences: "According to WU Zhiqiang, ... He believed ...
As pointed out by FANG Chuanglin, ...". A statement starts at the sentence that names a
speaker and runs until a sentence names another one (or the paragraph ends); sentences in
between ("He pointed out ...") stay with the speaker last named. In a bulletin with a single
speaker (an interview excerpt) every paragraph is theirs.
"""

from __future__ import annotations

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


def statements(bulletin: Bulletin, paragraphs: tuple[Paragraph, ...]) -> tuple[Statement, ...]:
    speakers = [speaker.id for speaker in bulletin.speakers]
    if len(speakers) == 1:
        # an interview excerpt: every paragraph is the speaker's, but not the credit line
        credit = ("(", "Editor's Note", "Editor’s Note")
        return tuple(
            Statement(speakers[0], p.anchor, p.text)
            for p in paragraphs
            if not p.text.startswith(credit)
        )
    found: list[Statement] = []
    for paragraph in paragraphs:
        if paragraph.text.startswith(("Editor's Note", "Editor’s Note")):
            continue
        # speakers named in the paragraph, by position
        named_at = [(at, expert) for at, expert in paragraph.experts if expert in speakers]
        current: str | None = None
        quote: list[str] = []
        end = 0
        for sentence in split_sentences(paragraph.text):
            start = paragraph.text.index(sentence, end)
            end = start + len(sentence)
            named = [entity for at, entity in named_at if start <= at < end]
            if named and named[0] != current:
                if current and quote:
                    found.append(Statement(current, paragraph.anchor, " ".join(quote)))
                current, quote = named[0], []
            if current:
                quote.append(sentence)
        if current and quote:
            found.append(Statement(current, paragraph.anchor, " ".join(quote)))
    return tuple(found)


def region_mentions(paragraphs: tuple[Paragraph, ...]) -> Counter[str]:
    """How often each region is named in the body."""
    return Counter(region for paragraph in paragraphs for region in paragraph.regions)
