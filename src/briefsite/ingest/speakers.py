"""Finding the people a bulletin quotes, with the role the text gives them.

A person counts as a speaker only when the text presents them as one: a bold name, an entry
in the participating-guests list, a name with a verb of speech ("X, ROLE, said"), a cue
("According to X", "In X's view", "Researcher X"), or an interview credit ("excerpts from the
views of X, ROLE"). A capitalised phrase alone is never enough, and a phrase containing
words of organisations or places (``Institute``, ``Hong Kong``) is never a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import name_key, split_sentences

# Roles that can stand before a name and belong to the role, not the name.
HONORIFICS = frozenset(
    """researcher professor prof prof. dr dr. mr mr. ms ms. mrs mrs. academician director
    president chairman chairwoman chair secretary minister mayor dean fellow ceo vice
    deputy executive chief senior associate assistant""".split()
)
# Words that never occur in a person's name: organisations, places, titles, acronyms.
_NOT_NAME = frozenset(
    """university institute academy association center centre council government province
    city region delta area bay river committee ministry department bureau office daily
    paper news times group company automobile corporation bank forum park zone valley
    kong china chinese state national international world united nations republic
    economic development science technology innovation engineering sciences research
    strategy policy school college laboratory lab programme program coalition alliance
    commission federation society foundation network agency press post journal belt
    corridor circle cluster mainland east west north south eastern western northern
    southern central middle greater new old great the of and for in on at by with from
    to as according however meanwhile first second third fourth fifth finally also
    moreover furthermore in addition he she they we it this that these those there his
    her their its our yesterday today ceo cto cfo un us usa uk eu cpc prc rcep gdp cpc
    npc cppcc ciuc sar hksar mr ms dr prof january february march april may june july
    august september october november december monday tuesday wednesday thursday friday
    saturday sunday europe asia africa america japan india israel singapore germany
    france britain england london tokyo osaka shanghai beijing shenzhen guangzhou
    hangzhou nanjing wuhan chengdu chongqing tianjin hubei hunan jiangxi jiangsu
    zhejiang anhui sichuan guangdong fujian shandong henan hebei macao macau taiwan
    engineers engineer experts expert guests guest scholars scholar officials""".split()
)
SPEECH_VERBS = (
    "said",
    "says",
    "thought",
    "thinks",
    "pointed out",
    "points out",
    "believes",
    "believed",
    "stated",
    "states",
    "stressed",
    "stresses",
    "noted",
    "notes",
    "argued",
    "argues",
    "held",
    "holds",
    "added",
    "explained",
    "introduced",
    "suggested",
    "suggests",
    "emphasized",
    "emphasised",
    "remarked",
    "observed",
    "mentioned",
    "proposed",
    "put forward",
    "spoke",
    "analyzed",
    "analysed",
    "summarized",
    "summarised",
    "expressed",
    "told",
    "warned",
    "predicted",
    "recalled",
    "urged",
    "called for",
    "shared",
    "highlighted",
    "concluded",
)
_VERB = re.compile(
    r"\s+(?:also\s+|further\s+|once\s+again\s+|objectively\s+)?(?:"
    + "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)
_CUE = re.compile(
    r"(?:According\s+to|As\s+(?:pointed\s+out|noted|stressed|expressed|emphasi[sz]ed|"
    r"explained|suggested|argued|stated|mentioned|observed|introduced)\s+by|In\s+(?:the\s+)?"
    r"(?:opinion|view|words)\s+of)\s+",
)
_POSSESSIVE = re.compile(r"\bIn\s+(?P<name>[A-Z][^,;.]{2,40}?)[’']s\s+(?:view|opinion|words)\b")
_GUESTS = re.compile(
    r"(?:Participating\s+guests|Guests|Speakers|Participants|Panelists|Panellists)"
    r"(?:\s+(?:include|included|are|were))?\s*[:：]\s*(?P<list>.+)$",
    re.IGNORECASE,
)
_EXCERPTS = re.compile(
    r"(?:excerpts?|views?|remarks?|comments?)\s+(?:from|of|by)\s+(?:the\s+views\s+of\s+)?"
    r"(?P<rest>[A-Z].+?)\)?\.?\)?$"
)
_BOLD = re.compile(r"\*\*(?P<inner>[^*]+?)\*\*")

_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z]+(?:[-’'][A-Za-z][a-z]+)?|[A-Z]{2,}|(?:[A-Z]\.){1,3}[A-Z]?\.?|[A-Z]\.?)$"
)
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "bin", "al", "la"})


@dataclass(frozen=True)
class Mention:
    """A person the text presents as a speaker, where, and the role it states (if any)."""

    name: str
    role: str
    position: int
    strength: int  # how explicit the role is: guests list 3, "NAME, ROLE," 2, other 1, none 0


def _is_name_token(token: str, index: int, tokens: list[str]) -> bool:
    if token.lower().rstrip(".") in _NOT_NAME or token.lower() in HONORIFICS:
        return False
    if token.lower() in _PARTICLES:
        return 0 < index < len(tokens) - 1
    if not _NAME_TOKEN.match(token):
        return False
    if token.isupper() and len(token) > 1 and "." not in token:
        # An all-capitals family name comes first and is followed by a given name: WU Zhiqiang
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        return index == 0 and bool(re.match(r"^[A-Z][a-z]", following))
    return True


def as_person_name(text: str) -> str:
    """``text`` if it is shaped like a person's name (2-4 words), else ''."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.;:")
    tokens = text.split()
    if not 2 <= len(tokens) <= 4:
        return ""
    if not all(_is_name_token(t, i, tokens) for i, t in enumerate(tokens)):
        return ""
    if tokens[-1].endswith(".") and len(tokens[-1]) <= 3:
        return ""  # ends in an initial: a fragment, not a name
    return text


def _leading_name(words: list[str]) -> tuple[str, int]:
    """The longest person name at the start of ``words`` and how many words it takes."""
    for size in (4, 3, 2):
        candidate = " ".join(words[:size]).rstrip(",")
        if len(words) >= size and as_person_name(candidate) and not words[size - 1].endswith(":"):
            return candidate, size
    return "", 0


def _trailing_name(words: list[str]) -> tuple[str, int]:
    for size in (4, 3, 2):
        if len(words) >= size and as_person_name(" ".join(words[-size:])):
            return " ".join(words[-size:]), size
    return "", 0


def clean_role(role: str) -> str:
    role = " ".join(role.split()).strip(" ,;:.")
    role = re.sub(r"^(?:a|an|the)\s+", "", role, flags=re.IGNORECASE)
    role = re.sub(r",?\s+(?:during|in)\s+an?\s+interview\b.*$", "", role)
    return role[:1].upper() + role[1:] if role else ""


def parse_subject(subject: str) -> tuple[str, str, int]:
    """Split the words before a verb of speech into (name, stated role, strength).

    ``Researcher Wang Yuan, chairman of X,`` -> ``Wang Yuan``, ``Researcher, chairman of X``;
    ``The US Silicon Valley chairman and CEO Russell Hancock`` -> ``Russell Hancock`` with
    the words before the name as the role.
    """
    subject = subject.strip().lstrip("\"“'‘(").strip()
    subject = re.sub(
        r"^(?:[A-Z][a-z]+ly|First|Second|Third|Fourth|Finally|Meanwhile|However|"
        r"In addition|Moreover|Also|Besides|Then|Yesterday|Today),\s+",
        "",
        subject,
    )
    words = subject.split()
    honorifics: list[str] = []
    while words and words[0].lower().rstrip(",") in HONORIFICS:
        honorifics.append(words.pop(0).rstrip(","))
    name, size = _leading_name(words)
    if name:
        after = " ".join(words[size:]).strip()
        if words[size - 1].endswith(","):
            after = f", {after}"
        if after and not after.startswith(",") and not re.match(r"^(?:of|from|at)\b", after):
            return "", "", 0  # the name is the start of a longer phrase, not the subject
        role_after = after.lstrip(",").strip()
        parts = [" ".join(honorifics), role_after]
        joiner = " " if re.match(r"^(?:of|from|at)\b", role_after) else ", "
        role = joiner.join(p for p in parts if p)
        strength = 2 if role_after else 1 if honorifics else 0
        return name, clean_role(role), strength
    if honorifics:
        return "", "", 0
    name, size = _trailing_name(words)
    if name:
        before = " ".join(words[:-size])
        # Only a short descriptive phrase can be a role; a whole clause before the name is not.
        if len(before.split()) > 16 or re.search(r"[.;:!?]", before):
            return name, "", 0
        return name, clean_role(before), 1 if before else 0
    return "", "", 0


def _from_guest_list(text: str, offset: int) -> list[Mention]:
    match = _GUESTS.search(text)
    if not match:
        return []
    mentions = []
    guests = match.group("list")
    cursor = 0  # entries come in order: each is searched for after the last one
    for entry in re.split(r";\s*(?:and\s+)?", guests.rstrip(". ")):
        found = guests.find(entry, cursor)
        cursor = found + len(entry) if found >= 0 else cursor
        head, _, role = entry.partition(",")
        name = as_person_name(head)
        if name:
            position = offset + match.start("list") + max(found, 0)
            mentions.append(Mention(name, clean_role(role), position, 3))
    return mentions


def _from_bold(text: str, offset: int) -> list[Mention]:
    mentions = []
    for match in _BOLD.finditer(text):
        inner = match.group("inner").strip()
        head, comma, role = inner.partition(",")
        name = as_person_name(head)
        if not name:
            continue
        if comma and not role.strip():
            comma = ""
        mentions.append(
            Mention(
                name, clean_role(role) if comma else "", offset + match.start(), 2 if comma else 0
            )
        )
    return mentions


def _from_speech(sentence: str, offset: int) -> list[Mention]:
    mentions = []
    plain = sentence.replace("**", "")
    for verb in _VERB.finditer(plain):
        # a subject is at most 40 words: look back a bounded stretch, not to the sentence's
        # start, so that a long sentence with many verbs stays linear
        window = max(0, verb.start() - _SUBJECT_WINDOW)
        subject = plain[window : verb.start()]
        # the subject starts after the last closing quote (a quotation, then who said it)
        quote_end = max(subject.rfind("”"), subject.rfind('" '), subject.rfind("’ "))
        if quote_end >= 0:
            subject = subject[quote_end + 1 :]
        elif window > 0:
            continue  # longer than the stretch: far more than 40 words
        if len(subject.split()) > 40:
            continue
        name, role, strength = parse_subject(subject)
        if name:
            mentions.append(Mention(name, role, offset + sentence.find(name), strength))
    return mentions


_SUBJECT_WINDOW = 4000  # characters; 40 words of prose take a few hundred


_INVERTED = re.compile(
    r"[,”\"]\s*(?:said|says|added|noted|explained|stressed|argued)\s+(?P<rest>[A-Z][^.;]*)"
)


def _from_inverted_speech(text: str, offset: int) -> list[Mention]:
    """News style: ``"...," said Zhang Wei, a professor at Tsinghua University.``"""
    mentions = []
    for match in _INVERTED.finditer(text.replace("**", "")):
        words = match.group("rest").split()
        honorifics = []
        while words and words[0].lower().rstrip(",") in HONORIFICS:
            honorifics.append(words.pop(0).rstrip(","))
        name, size = _leading_name(words[:6])
        if not name:
            continue
        role = " ".join(words[size:]) if words[size - 1].endswith(",") else ""
        role = ", ".join(part for part in (" ".join(honorifics), role) if part)
        mentions.append(
            Mention(name, clean_role(role), offset + match.start("rest"), 2 if role else 1)
        )
    return mentions


def _from_cues(text: str, offset: int) -> list[Mention]:
    mentions = []
    plain = text.replace("**", "")
    for cue in _CUE.finditer(plain):
        words = plain[cue.end() :].split()
        name, size = _leading_name(words[:6])
        if not name:
            continue
        rest = " ".join(words[size:])
        if words[size - 1].endswith(","):
            rest = f", {rest}"
        role = ""
        if rest.startswith(","):
            candidate = rest[1:].split(",")[0].strip()
            first = candidate.split()[0].lower() if candidate.split() else ""
            if first in HONORIFICS or first in {"member", "head", "founder", "partner"}:
                role = candidate
        mentions.append(Mention(name, clean_role(role), offset + cue.end(), 2 if role else 0))
    for match in _POSSESSIVE.finditer(plain):
        name = as_person_name(match.group("name"))
        if name:
            mentions.append(Mention(name, "", offset + match.start("name"), 0))
    return mentions


def _from_excerpt_credit(text: str, offset: int) -> list[Mention]:
    match = _EXCERPTS.search(text)
    if not match or not text.lstrip().startswith("("):
        return []
    words = match.group("rest").split()
    name, size = _leading_name(words)
    if not name:
        return []
    role = " ".join(words[size:])
    return [Mention(name, clean_role(role), offset + match.start("rest"), 2 if role else 0)]


def find_mentions(paragraphs: list[str]) -> list[Mention]:
    """Every speaker mention in the paragraphs, in text order (positions count across them)."""
    mentions: list[Mention] = []
    offset = 0
    for paragraph in paragraphs:
        mentions += _from_guest_list(paragraph, offset)
        mentions += _from_bold(paragraph, offset)
        mentions += _from_cues(paragraph, offset)
        mentions += _from_inverted_speech(paragraph, offset)
        mentions += _from_excerpt_credit(paragraph, offset)
        cursor = 0  # sentences come in order: each is searched for after the last one
        for sentence in split_sentences(paragraph):
            found = paragraph.find(sentence, cursor)
            cursor = found + len(sentence) if found >= 0 else cursor
            mentions += _from_speech(sentence, offset + max(found, 0))
        offset += len(paragraph) + 2
    return sorted(mentions, key=lambda m: m.position)


@dataclass
class Person:
    """One person across all their mentions in a text."""

    spellings: list[str]
    role: str
    strength: int
    first_position: int

    @property
    def name(self) -> str:
        return self.spellings[0]


def group_people(mentions: list[Mention]) -> list[Person]:
    """Merge mentions of one person (``WU Zhiqiang`` = ``Wu Zhiqiang``), keeping the most
    explicit role the text states; ordered by first mention."""
    people: dict[str, Person] = {}
    for mention in mentions:
        key = name_key(mention.name)
        person = people.get(key)
        if person is None:
            people[key] = Person([mention.name], mention.role, mention.strength, mention.position)
            continue
        if mention.name not in person.spellings:
            person.spellings.append(mention.name)
        if mention.role and mention.strength > person.strength:
            person.role, person.strength = mention.role, mention.strength
    return sorted(people.values(), key=lambda p: p.first_position)
