"""Regions the registry does not know yet, proposed from how the text names them.

Known regions are found by their aliases (``Registry.region_matcher``). A region the
registry lacks can still be recognised by its form: a capitalised name followed by a kind of
region ("Harbin-Changchun urban agglomeration", "Huaihe River Economic Belt"). Such names are
proposed as new registry entries for the editor to complete; facts such as the country are
never guessed.
"""

from __future__ import annotations

import re

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
_REGION_PHRASE = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|and|of))*?)\s+"
    rf"(?P<kind>(?i:{'|'.join(sorted(_KINDS, key=len, reverse=True))}))\b"
)
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
        for match in _REGION_PHRASE.finditer(plain):
            words = match.group("name").split()
            while words and words[0] in _NOT_A_REGION_START:
                words.pop(0)
            if not words or not words[0][:1].isupper() or words[-1] in ("and", "of"):
                continue
            start = match.start("name") + match.group("name").find(words[0])
            if any(s < match.end() and start < e for s, e in known):
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
