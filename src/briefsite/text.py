"""Text helpers shared by ingest and the site: slugs, sentences and alias matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from unidecode import unidecode

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lowercase ASCII with hyphens: ``Anthony G.O. Yeh`` -> ``anthony-g-o-yeh``."""
    ascii_text = unidecode(unicodedata.normalize("NFKC", text)).lower()
    return _NON_SLUG.sub("-", ascii_text).strip("-")


def name_key(name: str) -> str:
    """How two spellings of a name are compared: case, spacing and dots do not count.

    ``WU Zhiqiang`` and ``Wu Zhiqiang`` are one person; so are ``Anthony G.O. Yeh`` and
    ``Anthony G. O. Yeh``.
    """
    return slugify(name)


# --- sentences -------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    """no vol dr mr mrs ms prof st vs etc e.g i.e u.s u.k co ltd inc jr sr fig pp approx""".split()
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z0-9\u4e00-\u9fff])")


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping initials (``G.O. Yeh``) and ``No. 10`` intact."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rsplit(None, 1)
        last_word = before[-1].lower().rstrip(".") if before else ""
        is_initial = len(last_word) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]?", last_word)
        if is_initial or last_word in _ABBREVIATIONS:
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


# --- aliases ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AliasMatch:
    """One mention of a known entity in a text."""

    entity_id: str
    start: int
    end: int
    text: str


def _alias_pattern(alias: str) -> str:
    """A regex for one alias: flexible about spacing, dash and apostrophe variants.

    Aliases of two or more words match in any case (sources write ``middle Yangtze River``
    and ``Middle Yangtze River``); a single word or an acronym (``Kanto``, ``GBA``) must match
    its case, so that ``gba`` inside other text never counts.
    """
    parts = []
    for char in alias:
        if char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in "-–‐":
            parts.append(r"[-–‐]")
        elif char in "'’":
            parts.append(r"['’]")
        else:
            parts.append(re.escape(char))
    body = "".join(parts)
    return f"(?i:{body})" if len(alias.split()) > 1 else body


class AliasMatcher:
    """Finds mentions of registry entities in text by their aliases, longest alias first."""

    def __init__(self, aliases: Iterable[tuple[str, str]]) -> None:
        """``aliases`` pairs each spelling with the id of an entity it names.

        A spelling may name several entities (namesakes): a mention of it counts only where
        the caller's ``prefer`` set singles one of them out.
        """
        self._ids: dict[str, tuple[str, ...]] = {}
        spellings: set[str] = set()
        for alias, entity in aliases:
            known = self._ids.get(self.key(alias), ())
            if entity not in known:
                self._ids[self.key(alias)] = (*known, entity)
            spellings.add(alias)
        ordered = sorted(spellings, key=lambda a: (-len(a), a))
        self._regex: re.Pattern[str] | None = None
        if ordered:
            alternatives = "|".join(_alias_pattern(alias) for alias in ordered)
            self._regex = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    @staticmethod
    def key(text: str) -> str:
        text = re.sub(r"\s+", " ", text.replace("’", "'").replace("–", "-").replace("‐", "-"))
        return text.casefold()

    def candidates(self, text: str) -> tuple[str, ...]:
        """Every entity this exact spelling may name."""
        return self._ids.get(self.key(text), ())

    def finditer(self, text: str, prefer: Collection[str] = ()) -> Iterator[AliasMatch]:
        if self._regex is None:
            return
        for match in self._regex.finditer(text):
            candidates = self.candidates(match.group(0))
            if len(candidates) > 1:
                candidates = tuple(c for c in candidates if c in prefer)
            if len(candidates) == 1:
                yield AliasMatch(candidates[0], match.start(), match.end(), match.group(0))

    def ids_in_order(self, texts: Iterable[str], prefer: Collection[str] = ()) -> list[str]:
        """Ids of the entities mentioned, in order of first mention."""
        seen: dict[str, None] = {}
        for text in texts:
            for match in self.finditer(text, prefer):
                seen.setdefault(match.entity_id, None)
        return list(seen)
