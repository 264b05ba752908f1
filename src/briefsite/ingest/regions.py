"""Regions the registry does not know yet, proposed from how the text names them.

Known regions are found by their aliases (``Registry.region_matcher``). A region the
registry lacks can still be recognised by its form: a capitalised name followed by a kind of
region ("Harbin-Changchun urban agglomeration", "Huaihe River Economic Belt"). Such names are
proposed as new registry entries for the editor to complete; facts such as the country are
never guessed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..content.model import Region
from ..content.registry import Registry
from ..text import slugify

_KINDS = {
    "urban agglomeration": "urban agglomeration",
    "city cluster": "urban agglomeration",
    "city group": "urban agglomeration",
    "economic belt": "economic belt",
    "economic zone": "economic belt",
    "economic circle": "urban agglomeration",
    "metropolitan area": "metropolitan area",
    "metropolitan circle": "metropolitan area",
    "bay area": "bay area",
    "corridor": "corridor",
    "megalopolis": "international agglomeration",
}
_NAME_WORD = r"(?:[A-Z][\w’']*(?:-[A-Z][\w’']*)*|G\d+)"
# A region phrase is a run of name words (and 'and', 'of') before a kind of region. It is
# found from the kind backwards, a bounded number of words, so that a long line of
# capitalised words costs one pass: a regex that looks forward from every capital for a
# kind somewhere ahead tried the rest of the line from each one (quadratic).
_KIND = re.compile(rf"\s+(?P<kind>(?i:{'|'.join(sorted(_KINDS, key=len, reverse=True))}))\b")
_NAME_WORD_RE = re.compile(_NAME_WORD)
_CHAIN_WORD = re.compile(rf"{_NAME_WORD}|and|of")
_TOKEN = re.compile(r"\S+")
_MAX_NAME_WORDS = 12
_MAX_WORD = 60  # characters: a longer token is no word of a name
# For these kinds the suffix is part of the name ("Yangtze River Economic Belt"); for city
# clusters it is not ("Harbin-Changchun urban agglomeration" is the region Harbin-Changchun).
_SUFFIX_IN_NAME = frozenset(
    {
        "economic belt",
        "economic zone",
        "economic circle",
        "metropolitan area",
        "metropolitan circle",
        "bay area",
        "corridor",
    }
)
_NOT_A_REGION_START = frozenset({"The", "A", "An", "This", "That", "Each", "Every", "Our", "Its"})


def propose_regions(texts: list[str], registry: Registry) -> list[Region]:
    """New regions named in ``texts`` that no registry alias covers, in order of mention."""
    proposals: dict[str, Region] = {}
    for text in texts:
        plain = text.replace("**", "")
        known = [(m.start, m.end) for m in registry.region_matcher.finditer(plain)]
        known_starts = [s for s, _ in known]
        for match in _region_phrases(plain):
            words = match.group("name").split()
            while words and words[0] in _NOT_A_REGION_START:
                words.pop(0)
            if not words or not words[0][:1].isupper() or words[-1] in ("and", "of"):
                continue
            start = match.start("name") + match.group("name").find(words[0])
            if _overlaps(known, known_starts, start, match.end()):
                continue  # overlaps a known region's alias
            phrase = plain[start : match.end()]
            suffix = match.group("kind")
            name = " ".join(words)
            if suffix.lower() in _SUFFIX_IN_NAME:
                name = f"{name} {' '.join(w[:1].upper() + w[1:] for w in suffix.split())}"
            region_id = slugify(name)
            if region_id in registry.regions or region_id in proposals:
                continue
            kind = _KINDS[suffix.lower()]
            aliases = tuple(dict.fromkeys((name, phrase)))
            proposals[region_id] = Region(region_id, name, kind, country="", aliases=aliases)
    return list(proposals.values())


@dataclass(frozen=True)
class _Phrase:
    """A region phrase: ``name`` words before a ``kind``, with the spans of both."""

    text: str
    name_start: int
    kind_start: int
    kind_end: int

    def group(self, part: str) -> str:
        if part == "name":
            return self.text[self.name_start : self.kind_start].rstrip()
        return self.text[self.kind_start : self.kind_end]

    def start(self, part: str) -> int:
        return self.name_start if part == "name" else self.kind_start

    def end(self) -> int:
        return self.kind_end


def _region_phrases(text: str) -> Iterator[_Phrase]:
    """Each kind of region with the run of name words right before it, left to right, as
    the regex ``NAME (\\s+ (NAME|and|of))*? \\s+ KIND`` finds them."""
    floor = 0  # a run reaches back to the previous phrase's end or kind, never further
    for kind in _KIND.finditer(text):
        window = max(floor, kind.start() - _MAX_NAME_WORDS * _MAX_WORD)
        name_start = _name_start(text, window, kind.start())
        if name_start is None:
            floor = kind.start("kind")  # its own words may still be names ("the Economic
            continue  # Belt Corridor" names a corridor "Economic Belt")
        floor = kind.end()
        yield _Phrase(text, name_start, kind.start("kind"), kind.end())


def _name_start(text: str, window: int, stop: int) -> int | None:
    """Where the run of name words that ends at ``stop`` starts (at a name word), or None;
    nothing before ``window`` counts."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, window, stop)]
    start = None
    for count, (token_start, token_end) in enumerate(reversed(tokens)):
        whole = token_start > window or window == 0 or text[window - 1].isspace()
        chained = count < _MAX_NAME_WORDS and _CHAIN_WORD.fullmatch(text, token_start, token_end)
        if whole and chained:
            if _NAME_WORD_RE.fullmatch(text, token_start, token_end):
                start = token_start  # 'and' and 'of' continue a run but never start one
            continue
        # the run may start inside this token: at its longest tail that is a name word
        for position in range(max(token_start, token_end - _MAX_WORD), token_end):
            if text[position].isupper() and _NAME_WORD_RE.fullmatch(text, position, token_end):
                start = position
                break
        break
    return start


def _overlaps(known: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``start``-``end`` overlaps one of the ``known`` spans (sorted, disjoint)."""
    index = bisect.bisect_left(starts, end)  # the spans that start before ``end``
    return index > 0 and known[index - 1][1] > start
