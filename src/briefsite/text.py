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


# Letters that print as nothing although Unicode does not class them as spaces or formats.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def is_blank(text: str) -> bool:
    """True when nothing of ``text`` would show: only spaces, zero-width characters (ZWSP,
    BOM, direction marks), control characters or blank letters. Linear in the text."""
    return all(
        c.isspace() or c in _BLANK_LETTERS or unicodedata.category(c) in _INVISIBLE for c in text
    )


def strip_controls(text: str) -> tuple[str, int]:
    """``text`` without control characters (C0, DEL, C1); tabs and line ends become spaces.

    Returns the text and how many characters were removed. Front-matter must not carry
    them: YAML refuses most of them unquoted, and none of them is meant to be shown.
    """
    if text.isprintable():
        return text, 0
    kept = []
    removed = 0
    for char in text:
        if char in "\t\n\r":
            kept.append(" ")
        elif unicodedata.category(char) == "Cc":
            removed += 1
        else:
            kept.append(char)
    return "".join(kept), removed


def name_key(name: str) -> str:
    """How two spellings of a name are compared: case, spacing and dots do not count.

    ``WU Zhiqiang`` and ``Wu Zhiqiang`` are one person; so are ``Anthony G.O. Yeh`` and
    ``Anthony G. O. Yeh``.
    """
    return slugify(name)


# --- personal names --------------------------------------------------------------------


# --- sentences -------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    """no vol dr mr mrs ms prof st vs etc e.g i.e u.s u.k co ltd inc jr sr fig pp approx""".split()
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z0-9\u4e00-\u9fff])")


_LOOKBACK = 64  # longer than any abbreviation or run of initials


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping initials (``G.O. Yeh``) and ``No. 10`` intact."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # only the last word before the stop matters: look back a bounded stretch, so that
        # a long run of abbreviations stays linear ("Dr. Dr. Dr. ...")
        window = text[max(start, match.start() - _LOOKBACK) : match.start()]
        before = window.rsplit(None, 1)
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


# Sources mix typographic and plain dashes and apostrophes; both sides are compared with these
# folded to one form. Each replacement is one character for one, so positions still match.
_FOLD = str.maketrans({"–": "-", "‐": "-", "’": "'", "\n": " ", "\t": " ", "\r": " "})


def _trie_pattern(words: list[str]) -> str:
    """One regex for many alternatives, shaped as a trie so each position is tried once.

    A regex alternation of hundreds of aliases is tried alternative by alternative at every
    position of the text, which made matching the slowest step of a build; the trie shares
    common prefixes ("Yangtze River" + " Delta" / " Economic Belt") instead.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = []
        for char in sorted(c for c in node if c):
            step = {" ": " +", "-": " ?- ?"}.get(char, re.escape(char))
            branches.append(step + pattern(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if ends else body

    return pattern(trie)


def _alternatives(words: list[str]) -> re.Pattern[str]:
    """Any of ``words``, as whole words."""
    # Before a word character, \b means (?<!\w), and Python's re finds it about 30% faster.
    start = r"\b" if all(_WORD_START.match(word) for word in words) else r"(?<!\w)"
    return re.compile(rf"{start}{_trie_pattern(words)}(?!\w)")


_WORD_START = re.compile(r"\w")
_SPACES = re.compile(" +")
_HYPHEN_SPACES = re.compile(" ?- ?")


class AliasMatcher:
    """Finds mentions of registry entities in text by their aliases, longest alias first.

    Aliases of two or more words match in any case (sources write ``middle Yangtze River``
    and ``Middle Yangtze River``); a single word or an acronym (``Kanto``, ``GBA``) must match
    its case, so that ``gba`` inside other text never counts. Spacing, dashes and apostrophes
    may vary.
    """

    def __init__(self, aliases: Iterable[tuple[str, str]]) -> None:
        """``aliases`` pairs each spelling with the id of an entity it names.

        A spelling may name several entities (namesakes): a mention of it counts only where
        the caller's ``prefer`` set singles one of them out.
        """
        self._ids: dict[str, tuple[str, ...]] = {}
        folded: set[str] = set()  # multi-word aliases, matched ignoring case
        exact: set[str] = set()  # single words, matched as written
        for alias, entity in aliases:
            key = self.key(alias)
            if entity not in self._ids.get(key, ()):
                self._ids[key] = (*self._ids.get(key, ()), entity)
            if len(alias.split()) > 1:
                folded.add(key)
            else:
                exact.add(alias.translate(_FOLD))
        # Case-insensitive matching runs on lowercased text (much faster in Python's re than
        # re.IGNORECASE); ``key`` casefolds, so lowercase the aliases the same way here.
        self._lower = _alternatives(sorted({w.lower() for w in folded})) if folded else None
        self._exact = _alternatives(sorted(exact)) if exact else None

    @staticmethod
    def key(text: str) -> str:
        """Spellings compared: spaces, dashes (and stray spaces around them) and case
        folded (``Beijing-Tianjin -Hebei`` is ``Beijing-Tianjin-Hebei``)."""
        return _HYPHEN_SPACES.sub("-", _SPACES.sub(" ", text.translate(_FOLD))).casefold()

    def candidates(self, text: str) -> tuple[str, ...]:
        """Every entity this exact spelling may name."""
        return self._ids.get(self.key(text), ())

    def finditer(self, text: str, prefer: Collection[str] = ()) -> Iterator[AliasMatch]:
        """Mentions in text order; where two overlap, the earlier (then longer) one wins."""
        folded = text.translate(_FOLD)
        lowered = folded.lower()
        if len(lowered) != len(folded):  # a rare letter whose lowercase is longer (İ)
            lowered = folded
        matches = []
        if self._lower is not None:
            matches += self._lower.finditer(lowered)
        if self._exact is not None:
            matches += self._exact.finditer(folded)
        found = sorted((match.start(), -match.end(), match.end()) for match in matches)
        end = 0
        for start, _, stop in found:
            if start < end:
                continue
            candidates = self.candidates(folded[start:stop])
            if len(candidates) > 1:
                candidates = tuple(c for c in candidates if c in prefer)
            if len(candidates) == 1:
                end = stop
                yield AliasMatch(candidates[0], start, stop, text[start:stop])

    def ids_in_order(self, texts: Iterable[str], prefer: Collection[str] = ()) -> list[str]:
        """Ids of the entities mentioned, in order of first mention."""
        seen: dict[str, None] = {}
        for text in texts:
            for match in self.finditer(text, prefer):
                seen.setdefault(match.entity_id, None)
        return list(seen)


def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Any of a theme's cue words or phrases, as whole words, ignoring case (as ingest counts
    them): how a theme page finds the passages on it."""
    longest_first = sorted(cues, key=len, reverse=True)
    alternatives = "|".join(re.escape(cue.casefold()) for cue in longest_first)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
