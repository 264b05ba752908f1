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


# --- personal names --------------------------------------------------------------------

# Common Chinese family names in pinyin, to tell "Wang Yuan" (family first) from "Bruno Dercon".
CHINESE_FAMILY_NAMES = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
    zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu
    jiang cai jia ding wei xue ye yan lu du dai xia zhong fu shen ren yao tan liao zou
    xiong jin hao kong bai cui kang mao qiu qin shi gu hou shao meng long wan duan lei
    qian tang yin yi chang wen fang tu ni niu""".split()
)


@dataclass(frozen=True)
class PersonName:
    """A name as a display form and its family and given parts (given may be empty)."""

    display: str
    family: str
    given: str


def split_name(name: str, family: str = "") -> PersonName:
    """Family and given name of ``name``, by one rule everywhere (ingest, citations):

    1. a known ``family`` name (the registry's) is the family part, the rest the given;
    2. else a word in capitals is the family name, as the sources write it: ``WU Zhiqiang``;
    3. else two or three words starting with a common Chinese family name are family-first:
       ``Chen Zhu``;
    4. else the last word is the family name: ``Bruno Dercon``.
    """
    tokens = name.split()
    upper = [t for t in tokens if t.isupper() and len(t) > 1 and "." not in t]
    display = " ".join(t.title() if t in upper else t for t in tokens)
    if family and family.casefold() in (t.casefold() for t in tokens):
        pass
    elif upper:
        family = upper[0].title()
    elif len(tokens) in (2, 3) and tokens[0].lower() in CHINESE_FAMILY_NAMES:
        family = tokens[0]
    else:
        family = tokens[-1] if tokens else ""
    words = display.split()
    at = next((n for n, t in enumerate(words) if t.casefold() == family.casefold()), None)
    rest = words if at is None else words[:at] + words[at + 1 :]  # once: "Liu Liu"
    return PersonName(display, family, " ".join(rest))


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
            step = " +" if char == " " else re.escape(char)
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
        return _SPACES.sub(" ", text.translate(_FOLD)).casefold()

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
