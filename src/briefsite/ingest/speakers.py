"""Who speaks in a bulletin, in which role, and on what evidence.

People are found by the language model (spaCy's named entities), by the registry's aliases
and by Chinese name structure (``names``); whether a person *speaks* is read from the
sentence's dependency parse or from the layout, by small named constructions:

- prose: the subject of a verb of speaking, presenting, hosting or attending (``Li Ming,
  vice-mayor of Hefei, attended and delivered a keynote``), coordinated subjects included;
  the agent of a passive (``presided over by Professor Anna Berg``); ``according to X``;
  ``X's view``, ``the views of X``, ``an interview with X``; a list introduced as speakers,
  guests, panelists or attendees;
- layout: a bold name (``**WU Zhiqiang**``), speaker cards (``NAME, ROLE`` lines under a
  heading, an agenda time or a quotation), ``Moderator: NAME`` labels, transcripts
  (``NAME:`` turns; ``Q:``/``A:`` with the interviewee named in the framing);
- later references: ``Li said``, ``Professor Berg added`` and ``she noted`` are the person
  named in full earlier; two people of one surname stay apart, and ingest says so when it
  cannot tell which is meant.

A person who is only mentioned, named inside a quotation, or credited as reporter,
photographer or compiler is not a speaker, but is reported, so the editor sees what was left
out and why. Each speaker keeps the role of their fullest mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..content.registry import Registry
from ..text import name_key
from .names import COURTESY, TITLES, chinese_name, is_name_shaped, split_title

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

# Lemmas of verbs that present a person speaking, presenting, hosting or attending.
SPEAKING_VERBS = frozenset(
    """say tell note add point stress argue believe think hold state explain introduce
    suggest emphasize emphasise remark observe mention propose put speak analyze analyse
    summarize summarise express warn predict recall urge call share highlight conclude
    address deliver give present host chair co-chair moderate preside attend unveil consider
    talk answer reply respond comment describe discuss elaborate insist maintain reiterate
    acknowledge agree admit announce welcome lead join participate accept reveal outline
    underline underscore affirm assert claim contend estimate forecast view feel reckon
    caution advise recommend praise open keynote interview convene co-host sign release
    launch""".split()
)
# Nouns of a talk: "delivered a keynote", "gave a speech", "accepted an interview".
TALK_NOUNS = frozenset(
    """speech keynote address remark presentation talk lecture interview report toast
    welcome briefing view opinion word analysis argument suggestion comment insight
    excerpt perspective observation""".split()
)
# "In X's view": what one person thinks (not "X's important speeches", recalled).
VIEW_NOUNS = frozenset("view opinion word perspective observation analysis argument".split())
# Words before a name that make its bearer the one who reports, not one who speaks.
REPORTER_NOUNS = frozenset(
    "reporter reporters journalist journalists correspondent editor photographer".split()
)
# Words of roles, never of names ("Honorary Fellow" is not a person).
ROLE_WORDS = TITLES | frozenset(
    """fellow honorary member officer deputy vice executive chief senior emeritus associate
    assistant head founder partner adviser advisor counsellor""".split()
)
# The last word of a place's or an institution's name, never of a person's.
INSTITUTION_HEADS = frozenset(
    """district county province city prefecture municipality region zone area property
    properties group company bank university institute college committee commission
    council office bureau ministry department center centre association foundation forum
    hall square street road park airport port station""".split()
)
_RECALLED = re.compile(r"(?i)\b(?:ago|last|previous|earlier|(?:19|20)\d\d)\b")
# Nouns that introduce a list of people who take part.
CUE_NOUNS_EXTRA = frozenset({"event", "forum", "session"})
LIST_NOUNS = frozenset(
    """speaker guest panelist panellist participant attendee moderator presenter keynote
    discussant chair host co-chair judge panel lineup line-up expert figure official leader
    scholar representative delegate dignitary economist academic luminary""".split()
)
CUE_NOUNS = LIST_NOUNS | CUE_NOUNS_EXTRA
_LIST_CUE = re.compile(
    r"(?i)\b(?:participating\s+guests?|keynote\s+speakers?|guest\s+speakers?|speakers?|"
    r"guests?|panel(?:l)?ists?|participants?|moderators?|attendees?|presenters?|"
    r"discussants?|chairs?|hosts?|in\s+attendance)"
    r"(?:\s+(?:include[sd]?|are|were|was|is))?\s*(?:[:：]|\s[–—]\s)\s*"
)
_LABEL = re.compile(
    r"^(?P<label>(?:[A-Z][\w&’'-]*\s+){0,3}?(?:and\s+)?(?i:moderator|moderated by|chair|"
    r"chaired by|host|hosted by|speakers?|keynote(?:\s+speakers?)?|panel(?:l)?ists?|guests?|"
    r"presenters?|discussants?|welcome(?:\s+remarks)?|opening(?:\s+remarks)?|closing"
    r"(?:\s+remarks)?|remarks|introduction|respondents?|interviewee|participants?))"
    r"\s*[:：]\s*(?P<rest>.*)$"
)
_TIME = re.compile(r"^\(?\d{1,2}[:.：]\d{2}\b")
_QA_QUESTION = re.compile(r"^(?:Q|Question|Reporter|Journalist|Interviewer)\s*[:：]")
_QA_ANSWER = re.compile(r"^(?:A|Answer)\s*[:：]")
_TURN = re.compile(r"^(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*[:：]\s*(?P<rest>\S.*)$")
_CREDIT = re.compile(
    r"(?i)^\(?\s*(?:by|photo(?:graph(?:y|ed))?(?:\s+by)?|reporter|reported\s+by|editor|"
    r"edited\s+by|written\s+by|translated\s+by|compiled\s+by|summari[sz]ed\s+by|author|"
    r"source|credit|xinhua|text)\b\s*[:：/]?\s*"
)
_DATELINE_CREDIT = re.compile(r"^[^()]{0,80}\d{1,2}\s*\((?P<credit>[^)]{3,120})\)")
_AFTER_QUOTE = re.compile(r"[,.!?][”\"]\s*$")  # “...,” Zhang Wei said
_QUOTES = (("“", "”"), ('"', '"'), ("«", "»"), ("「", "」"))
_BOLD = re.compile(r"\*\*(?P<inner>[^*]+?)\*\*")
_CARD_SEPARATOR = re.compile(r"\s*(?:,|–|—|\s-\s|\||\(|：|:)\s*")
_PRONOUNS = frozenset({"he", "she"})

# How explicit a role is: a card or list entry 3, an apposition 2, a title before the name 1.
CARD, APPOSITION, TITLE = 3, 2, 1


@dataclass(frozen=True)
class Evidence:
    """Why a person counts as a speaker: the construction and the sentence it is in."""

    construction: str
    sentence: str


@dataclass
class Person:
    """One person across all their mentions in a text."""

    spellings: list[str]
    role: str = ""
    role_strength: int = 0
    evidence: Evidence | None = None
    not_counted: str = ""  # why a person seen is not a speaker
    first_position: int = 0
    titles: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return self.spellings[0]

    @property
    def counted(self) -> bool:
        return self.evidence is not None and not self.not_counted


@dataclass(frozen=True)
class Mention:
    name: str  # as written, without titles
    position: int  # in the text as a whole, for reading order
    role: str
    strength: int
    construction: str  # '' when the text only mentions the person
    sentence: str
    titles: tuple[str, ...] = ()
    excluded: str = ""  # inside a quotation, a credit line, ...


@dataclass
class Finding:
    people: list[Person]
    warnings: list[str]


# --- the whole text ----------------------------------------------------------------------


def find_speakers(
    paragraphs: Sequence[str],
    lines: Sequence[str],
    nlp: Language,
    registry: Registry,
    not_speakers: Iterable[str] = (),
    presented: Iterable[str] = (),
) -> Finding:
    """Every person the text names, with who speaks and why. ``paragraphs`` are the body's
    blocks (Markdown bold kept), ``lines`` its raw lines (for layouts: cards, agendas,
    transcripts); ``not_speakers`` are names credited elsewhere (compilers); ``presented``
    names the credits present as the author of the views (``Linkage: [Paper] NAME: ...``)."""
    mentions: list[Mention] = []
    warnings: list[str] = []
    offset = 0
    plains = [paragraph.replace("**", "") for paragraph in paragraphs]
    docs = list(nlp.pipe(plains))
    in_turn = _turns(docs)
    for number, (paragraph, plain, doc) in enumerate(zip(paragraphs, plains, docs, strict=True)):
        mentions += _prose_mentions(paragraph, doc, offset, registry, nlp, in_turn[number])
        offset += len(plain) + 2
    mentions += _layout_mentions(lines, nlp, registry, offset)
    end = offset + sum(len(line) + 1 for line in lines)
    mentions += [
        Mention(" ".join(name.split()), end, "", 0, "named as the author in the credits", name)
        for name in presented
    ]
    credited = {name_key(n) for n in not_speakers} | _credited_names(lines)
    people = _people(mentions, credited, warnings)
    return Finding(people, warnings)


def _turn_label(doc: Doc) -> bool:
    """Does the paragraph open with a speaker's label: ``A:`` or a person's ``NAME:``?"""
    if _QA_ANSWER.match(doc.text):
        return True
    turn = _TURN.match(doc.text)
    if not turn:
        return False
    label = turn.group("name")
    return bool(chinese_name(label)) or any(
        e.label_ == "PERSON" and e.start_char == 0 and e.end_char >= len(label) - 1
        for e in doc.ents
    )


def _turns(docs: Sequence[Doc]) -> list[bool]:
    """For a transcript (several paragraphs open with ``NAME:`` or ``A:``), whether each
    paragraph continues a speaker's turn: what a turn names, the speaker reports."""
    labelled = [_turn_label(doc) for doc in docs]
    if sum(labelled) < 2:
        return [False] * len(docs)
    continues, inside = [], False
    for doc, label in zip(docs, labelled, strict=True):
        if _QA_QUESTION.match(doc.text):
            inside = False
        elif label:
            inside = True
            continues.append(False)  # the label's own paragraph: handled as a turn
            continue
        continues.append(inside)
    return continues


def _people(mentions: list[Mention], credited: set[str], warnings: list[str]) -> list[Person]:
    """Group mentions into people, in reading order: a full name makes or joins a person;
    a surname, a title and surname, or a pronoun joins the person named before it."""
    people: dict[str, Person] = {}
    last_seen: dict[str, int] = {}  # person key -> position of their latest mention
    for mention in sorted(mentions, key=lambda m: m.position):
        if len(mention.name.split()) >= 2:
            key = _person_key(mention.name)
            person = people.get(key)
            if person is None:
                person = people[key] = Person([mention.name], first_position=mention.position)
            elif mention.name not in person.spellings:
                person.spellings.append(mention.name)
        else:
            key = _antecedent(mention, people, last_seen, warnings)
            if key is None and _surname_only_speaker(mention):
                # "Mr. Guardino said": a speaker the text never names in full
                key = _person_key(mention.name)
                people[key] = Person([mention.name], first_position=mention.position)
                warnings.append(
                    f"'{' '.join(mention.titles)} {mention.name}' is named by surname only: "
                    "add the full name to the registry entry"
                )
            if key is None:
                continue
            person = people[key]
        last_seen[key] = mention.position
        _apply(person, mention)
    for key, person in people.items():
        if key in credited or any(name_key(s) in credited for s in person.spellings):
            person.not_counted = "credited as author, reporter or photographer"
        elif person.evidence is None and not person.not_counted:
            person.not_counted = "only mentioned"
    return sorted(people.values(), key=lambda p: p.first_position)


def _person_key(name: str) -> str:
    """Spellings of one person: case, dots and the order of the words do not count."""
    return " ".join(sorted(name_key(name).split("-")))


def _apply(person: Person, mention: Mention) -> None:
    person.titles.update(t.lower().rstrip(".") for t in mention.titles)
    if mention.construction and not mention.excluded and person.evidence is None:
        person.evidence = Evidence(mention.construction, mention.sentence)
        person.not_counted = ""
    if mention.role and (mention.strength, len(mention.role)) > (
        person.role_strength,
        len(person.role),
    ):
        person.role, person.role_strength = mention.role, mention.strength
    if mention.excluded and person.evidence is None and not person.not_counted:
        person.not_counted = mention.excluded


def _surname_only_speaker(mention: Mention) -> bool:
    """A title and a surname (``Mr. Guardino``, ``Professor Berg``) presented speaking."""
    return bool(
        mention.construction
        and not mention.excluded
        and mention.titles
        and mention.name.lower() not in _PRONOUNS
        and mention.name[:1].isupper()
    )


PRONOUN_REACH = 600  # characters: how far back "he said" looks for the person it means


def _antecedent(
    mention: Mention, people: dict[str, Person], last_seen: dict[str, int], warnings: list[str]
) -> str | None:
    """The key of the person a surname or a pronoun refers to, named in full earlier."""
    if mention.name.lower() in _PRONOUNS:
        # the last person presented speaking, else the last named ("Premier Li's report
        # had set the targets, she noted": she is the speaker before, not Li)
        speaking = {k: p for k, p in last_seen.items() if people[k].evidence is not None}
        for seen in (speaking, last_seen):
            key = max(seen, key=seen.__getitem__, default=None)
            if key is not None and mention.position - last_seen[key] <= PRONOUN_REACH:
                return key
        return None
    word = mention.name.casefold()
    candidates = [
        key
        for key, person in people.items()
        if any(word in s.casefold().replace("-", " ").split() for s in person.spellings)
    ]
    if len(candidates) > 1 and mention.titles:
        wanted = {t.lower().rstrip(".") for t in mention.titles}
        candidates = [k for k in candidates if wanted & people[k].titles] or candidates
    if len(candidates) > 1:
        if mention.construction:
            names = " or ".join(people[k].name for k in candidates)
            warnings.append(
                f"'{mention.name}' ({mention.construction}) may be {names}: not counted; "
                "add the speaker by hand if it is one of them"
            )
        return None
    return candidates[0] if candidates else None


# --- prose -------------------------------------------------------------------------------


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for opening, closing in _QUOTES:
        start = text.find(opening)
        while start >= 0:
            end = text.find(closing, start + 1)
            if end < 0:
                break
            spans.append((start, end + 1))
            start = text.find(opening, end + 1)
    if text[:1] in ("“", '"') and not any(start == 0 for start, _ in spans):
        spans.append((0, len(text) + 1))  # a quotation that runs on into the next paragraph
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def _prose_mentions(
    paragraph: str,
    doc: Doc,
    offset: int,
    registry: Registry,
    nlp: Language,
    in_turn: bool = False,
) -> list[Mention]:
    plain = doc.text
    quotes = _quote_spans(plain)
    if in_turn:  # the rest of a speaker's turn in a transcript: as a quotation
        quotes.append((-1, len(plain) + 1))
    turn = _TURN.match(plain) or _QA_ANSWER.match(plain)
    if turn:  # a speaker's turn: whoever it names is reported by them, as in a quotation
        quotes.append((turn.end() - 1, len(plain) + 1))
    bold = _bold_spans(paragraph)
    lists = [m.end() for m in _LIST_CUE.finditer(plain)]
    mentions = []
    people = _person_spans(doc, registry, nlp)
    starts = frozenset(noun_phrase_start(span) for span, _ in people)
    by_root = {span.root.i: _construction(span) for span, _ in people}
    for span, titles in people:
        name = " ".join(span.text.split())
        sentence = span.sent.text.strip()
        construction = by_root[span.root.i] or _coordinated(span, by_root)
        excluded = ""
        if _inside(span.start_char, quotes):
            subject = _climb(span.root)
            opens_here = any(
                start + 1 == subject.left_edge.idx for start, _ in quotes
            ) and construction.startswith("subject")
            excluded = "" if opens_here else "named inside a quotation"
        if not construction and any(s <= span.start_char and span.end_char <= e for s, e in bold):
            construction = "a bold name"
        if not construction and _AFTER_QUOTE.search(plain[: span.start_char]):
            construction = "named right after a quotation"
        if not construction and any(
            span.sent.start_char <= cue <= span.start_char for cue in lists
        ):
            construction = "listed after a cue such as 'Speakers:'"
        role, strength = _role(span, titles, starts - {noun_phrase_start(span)})
        if any(w.lower() in REPORTER_NOUNS for w in _compound_title(span)):
            excluded = "a reporter"
        mentions.append(
            Mention(
                name,
                offset + span.start_char,
                role,
                strength,
                construction,
                sentence,
                tuple(titles),
                excluded,
            )
        )
    mentions += _pronoun_mentions(doc, offset, quotes)
    named = {m.position - offset for m in mentions}
    for token in doc:  # "Wang said": a surname the model did not mark, resolved later
        if (
            token.dep_ == "nsubj"
            and token.tag_ == "NNP"
            and token.idx not in named
            and token.ent_type_ != "PERSON"
            and _speaking(token.head)
            and not _inside(token.idx, quotes)
        ):
            construction = f"subject of '{_speaking(token.head)}'"
            sentence = token.sent.text.strip()
            mentions.append(Mention(token.text, offset + token.idx, "", 0, construction, sentence))
    return mentions


def _bold_spans(paragraph: str) -> list[tuple[int, int]]:
    """Bold runs, in the coordinates of the paragraph without its ``**`` markers."""
    spans, removed = [], 0
    for match in _BOLD.finditer(paragraph):
        start = match.start() - removed
        spans.append((start, start + len(match.group("inner"))))
        removed += 4
    return spans


def _person_spans(doc: Doc, registry: Registry, nlp: Language) -> list[tuple[Span, list[str]]]:
    """People named in ``doc``: PERSON entities, registry aliases and Chinese names the
    model missed, without titles; longest first where they overlap."""
    found: list[tuple[Span, list[str]]] = []
    taken: set[int] = set()
    others = [e for e in doc.ents if e.label_ != "PERSON"]

    def add(span: Span | None) -> None:
        if span is None:
            return
        titles, words = split_title([t.text for t in span])
        start = span.start + (len(span) - len(words))
        while words and words[-1] in ("’s", "'s", "’", "'", ",", "."):
            words.pop()
        if not words or any(i in taken for i in range(span.start, span.end)):
            return
        person = doc[start : start + len(words)]
        if len(words) == 1 and not words[0][:1].isupper():
            return
        if len(words) > 1 and not (is_name_shaped(person.text) or chinese_name(person.text)):
            return
        if not model_only(person):
            return
        taken.update(range(person.start, person.end))
        found.append((person, titles + _titles_before(person)))

    known: set[int] = set()

    def model_only(person: Span) -> bool:
        """A name the model alone proposes must read as one: proper nouns, no titles."""
        if person.start in known or chinese_name(person.text):
            return True
        if person[-1].lower_ in INSTITUTION_HEADS:
            return False  # "Wujiang District", "Grosvenor Property": a place, a firm
        return all(t.tag_ == "NNP" and t.lower_.rstrip(".") not in ROLE_WORDS for t in person)

    for match in registry.expert_matcher.finditer(doc.text):
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is not None:
            known.add(span.start)
        add(span)
    for entity in doc.ents:
        if entity.label_ == "PERSON":
            add(entity)
    for token in doc:  # "Angus Ng Hok-ming, chairman of ..., says": a name the model missed
        if token.dep_ == "nsubj" and _speaking(token.head) and token.i < token.head.i:
            left = token.left_edge.i
            comma = next((t.i for t in doc[left : token.head.i] if t.text == ","), None)
            if comma is not None and comma > left:
                candidate = doc[left:comma]
                if is_name_shaped(candidate.text.replace(" - ", "-").replace(" -", "-")) and (
                    not any(e.start < candidate.end and candidate.start < e.end for e in doc.ents)
                    and (chinese_name(candidate.text) or _reads_as_person(candidate.text, nlp))
                ):
                    known.add(candidate.start)
                    add(candidate)
    for start in range(len(doc) - 1):  # Chinese names the model did not mark
        for size in (3, 2):
            span = doc[start : start + size]
            if (
                span.end <= len(doc)
                and chinese_name(span.text)
                and all(t.is_title or t.is_upper for t in span)
                and not any(e.start < span.end and span.start < e.end for e in others)
            ):
                add(span)
    return sorted(found, key=lambda item: item[0].start)


def _titles_before(span: Span) -> list[str]:
    """Role titles written just before the name but outside the entity (``Professor``)."""
    titles = []
    index = span.start - 1
    while index >= 0 and span.doc[index].text.lower().rstrip(".") in TITLES:
        titles.insert(0, span.doc[index].text)
        index -= 1
    return titles


def _climb(token: Token) -> Token:
    """From a name to the place it fills in the sentence, across coordination and
    apposition (``Zhao Lan, director of X, and Tom Reyes`` -> ``Zhao Lan``)."""
    seen = 0
    while token.dep_ in ("conj", "appos", "compound") and token.head is not token and seen < 20:
        token, seen = token.head, seen + 1
    return token


def _recalled(verb: Token) -> bool:
    """``Three years ago, X announced ...``: a statement recalled, not made at the event."""
    for child in verb.children:
        words = list(child.subtree)
        if (
            child.dep_ in ("npadvmod", "prep", "advmod")
            and any(t.ent_type_ == "DATE" for t in words)
            and _RECALLED.search(" ".join(t.text for t in words))
        ):
            return True
    return False


def _speaking(verb: Token) -> str:
    """The verb (or the talk noun it takes) that presents its subject as a speaker."""
    if _recalled(verb):
        return ""
    for candidate in (verb, *verb.conjuncts):
        if candidate.lemma_.lower() in SPEAKING_VERBS:
            particle = next((c.text for c in candidate.children if c.dep_ == "prt"), "")
            return f"{candidate.text} {particle}".strip()
        for child in candidate.children:
            if child.dep_ in ("dobj", "attr", "pobj") and child.lemma_.lower() in TALK_NOUNS:
                return f"{candidate.text} ... {child.text}"
        for child in candidate.children:
            if child.dep_ in ("xcomp", "ccomp") and child.lemma_.lower() in SPEAKING_VERBS:
                return child.text
    return ""


def _construction(span: Span) -> str:
    """The construction that makes the person named by ``span`` a speaker, or ''."""
    token = _climb(span.root)
    head = token.head
    if token.dep_ == "nsubjpass":  # "X is scheduled to release", "Y was invited to speak"
        for child in head.children:
            if child.dep_ == "xcomp" and _speaking(child):
                return f"'{head.text} to {_speaking(child)}'"
    if token.dep_ in ("nsubj", "csubj"):
        verb = _speaking(head)
        if verb:
            return f"subject of '{verb}'"
        if head.lemma_ == "be" and any(
            c.lemma_.lower() in LIST_NOUNS | {"attendance"} for c in head.subtree
        ):
            return "listed as taking part"
    if token.dep_ == "pobj":
        preposition = head.lower_
        governor = head.head
        if preposition == "by" and governor.lemma_.lower() in SPEAKING_VERBS:
            return f"'{governor.text} by'"
        if preposition == "to" and governor.lower_ == "according":
            return "'according to'"
        if preposition in ("with", "of", "from", "by") and governor.lemma_.lower() in TALK_NOUNS:
            return f"'{governor.text} {preposition}'"
    if (
        token.dep_ == "pobj"
        and head.lower_ in ("including", "like", "as")
        and head.head.lemma_.lower() in LIST_NOUNS | TALK_NOUNS
    ):
        return f"listed ('{head.head.text} {head.text}')"  # "experts ... including X"
    if token.dep_ == "nsubjpass" and head.lemma_.lower() in ("invite", "select", "name"):
        for child in head.children:  # "X and Y were invited as guest speakers"
            if child.lower_ == "as" and any(t.lemma_.lower() in LIST_NOUNS for t in child.subtree):
                return f"'{head.text} as {child.right_edge.text}'"
    for clause in token.children:  # "Stuart Andrew, who spoke on ..."
        if clause.dep_ == "relcl" and _speaking(clause):
            return f"'who {_speaking(clause)}'"
    if token.dep_ == "poss" and head.lemma_.lower() in VIEW_NOUNS and head.tag_ == "NN":
        return f"'{span.text}'s {head.text}'"
    if token.dep_ in ("dobj", "attr", "pobj", "appos", "nsubjpass"):
        clause = head if head.pos_ in ("VERB", "AUX") else head.head
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        lists = clause.lemma_.lower() in ("include", "feature", "be", "comprise", "attend")
        if (
            lists
            and any(t.lemma_.lower() in CUE_NOUNS for s in subjects for t in s.subtree)
            and (clause.lemma_.lower() != "attend" or token.dep_ == "pobj")
        ):
            return f"listed ('{clause.text}')"
        if token.dep_ == "dobj" and head.lemma_.lower() in ("interview", "invite"):
            return f"object of '{head.text}'"
    return ""


_COORDINATION = frozenset({"conj", "appos", "pobj", "prep", "compound", "cc", "npadvmod"})


def _coordinated(span: Span, constructions: dict[int, str]) -> str:
    """The construction of a person this one is coordinated with in one noun phrase
    ("Vice Chairman Lin Nianxiu and Director General of the Department ... Guo Lanfeng –
    also spoke"), where the parse attached the second name below the first."""
    token = span.root
    for _ in range(6):
        if token.dep_ not in _COORDINATION or token.head is token:
            return ""
        token = token.head
        if constructions.get(token.i):
            return f"{constructions[token.i]}, with {token.text}"
    return ""


def _pronoun_mentions(doc: Doc, offset: int, quotes: list[tuple[int, int]]) -> list[Mention]:
    """``He said``, ``she noted``: a speaker referred to by a pronoun."""
    mentions = []
    for token in doc:
        if token.lower_ in _PRONOUNS and token.dep_ == "nsubj" and not _inside(token.idx, quotes):
            verb = _speaking(token.head)
            if verb:
                mentions.append(
                    Mention(
                        token.lower_,
                        offset + token.idx,
                        "",
                        0,
                        f"'{token.text} {verb}', after the person named before",
                        token.sent.text.strip(),
                    )
                )
    return mentions


def _role(span: Span, titles: list[str], others: frozenset[int] = frozenset()) -> tuple[str, int]:
    """The role the text gives at this mention: the title before the name and an
    apposition or ``from``/``of`` phrase after it, never reaching into the noun phrase
    of another person (``others``: where their noun phrases start)."""
    doc = span.doc
    after = ""
    index = span.end
    if index < len(doc) and doc[index].text in (",", "("):
        closing = ")" if doc[index].text == "(" else ""
        after = _apposition(span, index + 1, closing, others)
    elif index < len(doc) and doc[index].lower_ in ("of", "from", "at"):
        after = " ".join(t.text_with_ws for t in doc[index].subtree).replace("  ", " ").strip()
    before = _compound_title(span) or titles  # in the order the text writes them
    before_text = " ".join(w for w in before if w.lower() not in COURTESY)
    if after and before_text:
        joiner = " " if re.match(r"^(?:of|from|at)\b", after) else ", "
        return clean_role(f"{before_text}{joiner}{after}"), APPOSITION
    if after:
        return clean_role(after), APPOSITION
    return clean_role(before_text), TITLE if before_text else 0


def noun_phrase_start(span: Span) -> int:
    """Where the noun phrase of a name starts, its titles included."""
    start = min(span.root.left_edge.i, span.start)
    head = span.root.head
    between = span.doc[head.i : span.start] if head.i < span.start else []
    if (
        span.root.dep_ == "conj"
        and head.pos_ == "NOUN"
        and between
        and all(t.text != "," for t in between)
    ):
        start = min(start, head.left_edge.i)  # "chairman and CEO Russell Hancock"
    return start


def _compound_title(span: Span) -> list[str]:
    """Words of a title written before the name in its noun phrase (``Shanghai Party
    Secretary Li Qiang``, ``The US Silicon Valley chairman and CEO Russell Hancock``)."""
    start = noun_phrase_start(span)
    words = [t for t in span.doc[start : span.start] if t.dep_ not in ("det", "poss")]
    while words and words[0].is_punct:
        words.pop(0)
    words = [t for t in words if t.text.lower().rstrip(".") not in ("mr", "ms", "mrs", "dr")]
    if len(words) > 16 or any(t.text in ("“", '"', "(", ")", ",", ";") for t in words):
        return []
    return "".join(t.text_with_ws for t in words).split()


def _apposition(
    span: Span, start: int, closing: str = "", others: frozenset[int] = frozenset()
) -> str:
    """The appositions right after a name, as the parse groups them (``Zhou Ling, a
    professor at Sun Yat-sen University``), up to the verb of the sentence; within
    brackets, everything up to the closing bracket."""
    doc = span.doc
    end = start
    if closing:
        while end < span.sent.end and doc[end].text != closing:
            end += 1
        return doc[start:end].text.strip() if end - start <= 45 else ""
    while end < span.sent.end:
        first = doc[end]
        if first.text in ("-", "–") and end > start:  # "vice-mayor": one word, three tokens
            end += 1
            continue
        if first.dep_ == "det" and end + 1 < len(doc):
            first = doc[end + 1]
        top = first
        while top.head is not top and top.head.i >= end and top.head.left_edge.i >= end:
            top = top.head
        attached = span.start <= top.head.i < end  # to the name, or to the role so far
        if (
            top.dep_ not in ("appos", "conj", "npadvmod", "attr")
            or top.left_edge.i != end
            or (end > start and not attached)
        ):
            break
        right = top.right_edge.i
        for token in doc[end : right + 1]:  # never past a relative clause or another person
            if token.dep_ == "relcl" or (token.i in others and token.i > end):
                right = token.left_edge.i - 1 if token.dep_ == "relcl" else token.i - 1
                break
        end = right + 1
        while end - 1 > start and doc[end - 1].text == ",":  # a comma closing the apposition
            end -= 1
        if end < span.sent.end and doc[end].text in ("-", "–"):  # "vice-mayor"
            end += 1
            continue
        if end < span.sent.end and doc[end].text == ")":
            end += 1
        if end < span.sent.end and doc[end].text == "," and end + 1 < span.sent.end:
            step = 2 if doc[end + 1].lower_ == "and" and end + 2 < span.sent.end else 1
            nxt = doc[end + step]
            if nxt.pos_ in ("NOUN", "PROPN", "DET", "ADJ") and nxt.i not in others:
                end += step
                continue
        break
    words = doc[start:end].text.strip()
    words = re.sub(r"(?:,|\band)\s*$", "", words).strip(" ,")
    return words if len(words.split()) <= 45 else ""


_EMBEDDED_TIME = re.compile(r"\s\d{1,2}[:.]\d{2}\b.*$")  # "... Fund 2:30 The next session"


def clean_role(role: str) -> str:
    role = _EMBEDDED_TIME.sub("", " ".join(role.split())).strip(" ,;:.)(")
    role = re.sub(r"^(?:a|an|the)\s+", "", role, flags=re.IGNORECASE)
    role = re.sub(r",?\s+(?:during|in)\s+an?\s+(?:exclusive\s+)?interview\b.*$", "", role)
    return role[:1].upper() + role[1:] if role else ""


# --- layout ------------------------------------------------------------------------------


def _credited_names(lines: Sequence[str]) -> set[str]:
    """Names in credit lines (``By X``, ``Photography: X``, ``(Reporter X)``) and in a
    dateline's brackets (``China News Service, Beijing, October 27 (A, B and C)``)."""
    credited: set[str] = set()
    for line in lines:
        text = line.strip().replace("**", "")
        match = _CREDIT.match(text)
        if match and len(text) < 120:
            credited |= {name_key(n) for n in _split_names(text[match.end() :])}
        dateline = _DATELINE_CREDIT.match(text)
        if dateline:
            credit = _CREDIT.sub("", dateline.group("credit"))
            credited |= {name_key(n) for n in _split_names(credit)}
        for bracket in re.findall(r"\((?:Reporter|By|Photo(?:graph)? by)\s+([^)]{3,60})\)", text):
            credited |= {name_key(n) for n in _split_names(bracket)}
    return credited


def _split_names(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|、|\band\b|&|/)\s*", text.strip().rstrip(".)"))
    return [p for p in (part.strip() for part in parts) if p and len(p.split()) <= 4]


@dataclass(frozen=True)
class _Card:
    name: str
    role: str
    titles: tuple[str, ...]


def _card(text: str, nlp: Language, registry: Registry) -> _Card | None:
    """``NAME, ROLE`` / ``NAME – ROLE`` / ``NAME (ROLE)`` / ``NAME`` as a whole line."""
    text = text.strip().strip("•·*-–— ").replace("**", "").strip()
    if not text or len(text.split()) > 40 or text.endswith("?"):
        return None
    parts = _CARD_SEPARATOR.split(text, maxsplit=1)
    head = parts[0].strip()
    role = parts[1].strip() if len(parts) > 1 else ""
    titles, words = split_title(head.split())
    head = " ".join(words)
    if not 2 <= len(words) <= 4:
        return None
    if len(text.split()) > 25 or (text.endswith(".") and len(text.split()) > 12):
        return None  # a sentence, not a card
    known = bool(registry.experts_named(head))
    if role and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in nlp(role)):
        return None  # "Wang Fang, a planner, opened the session": prose, not a card
    if not known and not chinese_name(head):
        if not is_name_shaped(head) or words[-1].lower() in INSTITUTION_HEADS:
            return None
        doc = nlp(text)
        at = text.find(head)
        named = [e for e in doc.ents if e.start_char < at + len(head) and at < e.end_char]
        if not any(e.label_ == "PERSON" and e.start_char <= at for e in named) and (
            named or not _reads_as_person(head, nlp)
        ):
            return None
    return _Card(head, clean_role(role), tuple(titles))


def _reads_as_person(name: str, nlp: Language) -> bool:
    """Is a name alone on a line (a speaker card) a person's? Asked of the model in the
    context it knows best, a sentence: "Anthony C. Hood said so." (an organisation's
    name, "Urban Age Institute said so.", is not a PERSON there)."""
    doc = nlp(f"{name} said so.")
    return any(
        e.label_ == "PERSON" and e.start_char == 0 and e.end_char == len(name) for e in doc.ents
    )


def _layout_mentions(
    lines: Sequence[str], nlp: Language, registry: Registry, offset: int
) -> list[Mention]:
    """Speakers shown by the layout: cards, labels, agendas, transcripts."""
    mentions: list[Mention] = []
    cue = False  # under a heading such as "Speakers" or an agenda time
    after_quote = False
    run: list[tuple[int, _Card, str]] = []
    singles: list[tuple[int, _Card, str]] = []  # cards alone between paragraphs
    answers = questions = 0
    framing: list[str] = []

    def close_run() -> None:
        if len(run) == 1 and not (cue or after_quote):
            singles.extend(run)
        elif run and (cue or len(run) >= 2 or after_quote):
            why = "a speaker card under a heading or time" if cue else "a run of speaker cards"
            if after_quote and not cue and len(run) < 2:
                why = "a speaker card under a quotation"
            for number, card, line in run:
                mentions.append(
                    Mention(card.name, offset + number, card.role, CARD, why, line, card.titles)
                )
        run.clear()

    stripped = [line.strip() for line in lines]
    card_ended = False  # a blank line after a card: the next line does not continue it
    turns: list[Mention] = []  # "NAME: words": a transcript only where there are several
    for number, line in enumerate(stripped):
        text = line.replace("**", "")
        if not text:
            card_ended = bool(run)
            continue
        if _QA_QUESTION.match(text):
            questions += 1
            close_run()
            continue
        if _QA_ANSWER.match(text):
            answers += 1
            close_run()
            continue
        if answers == 0 and questions == 0:
            framing.append(text)
        listing = _LIST_CUE.match(text.lstrip("¹²³⁴⁵⁶⁷⁸⁹⁰* "))
        if listing:  # "Participating guests include: A, ROLE; B, ROLE"
            close_run()
            rest = text.lstrip("¹²³⁴⁵⁶⁷⁸⁹⁰* ")[listing.end() :]
            for entry in re.split(r"\s*;\s*(?:and\s+)?", rest.rstrip(". ")):
                card = _card(entry, nlp, registry)
                if card:
                    why = "listed after a cue such as 'Participating guests include:'"
                    mentions.append(
                        Mention(card.name, offset + number, card.role, CARD, why, text, card.titles)
                    )
            continue
        label = _LABEL.match(text)
        if label:
            close_run()
            cue = True
            rest = label.group("rest").strip()
            for entry in re.split(r"\s*;\s*", rest) if rest else []:
                card = _card(entry, nlp, registry)
                if card:
                    why = f"listed as '{label.group('label').strip()}'"
                    mentions.append(
                        Mention(card.name, offset + number, card.role, CARD, why, text, card.titles)
                    )
            continue
        if _TIME.match(text):
            close_run()
            cue = True
            continue
        if text.endswith((":", "：")) and len(text.split()) <= 40:
            card = _card(text[:-1], nlp, registry)
            if card:  # "Jia Huili, spokesman of the Information Office:" then their words
                close_run()
                why = "a turn in a transcript"
                mentions.append(Mention(card.name, offset + number, card.role, CARD, why, text))
                continue
        turn = _TURN.match(text)
        if turn and " " not in turn.group("name") and len(turn.group("rest").split()) > 3:
            # "Feng: ..." a turn labelled by surname: the person named in full before
            if not turn.group("rest").rstrip().endswith("?"):
                why = "a turn in a transcript"
                turns.append(Mention(turn.group("name"), offset + number, "", 0, why, text))
            continue
        if turn and not text.startswith(("http", "Source", "Note")):
            card = _card(turn.group("name"), nlp, registry)
            if card and len(turn.group("rest").split()) > 3:
                close_run()
                if not turn.group("rest").rstrip().endswith("?"):
                    why = "a turn in a transcript"
                    turns.append(Mention(card.name, offset + number, card.role, 0, why, text))
                continue
        entries = [e for e in re.split(r"\s*;\s*(?:and\s+)?", text) if e] if ";" in text else []
        listed = [c for c in (_card(e, nlp, registry) for e in entries) if c]
        first = nlp(re.split(r"[,(]", entries[0])[0]) if len(listed) >= 2 else None
        if first is not None and not any(t.pos_ in ("VERB", "AUX") for t in first):
            close_run()
            for card in listed:
                why = "an entry of a 'NAME, ROLE; NAME, ROLE' list"
                mentions.append(
                    Mention(card.name, offset + number, card.role, CARD, why, text, card.titles)
                )
            continue
        card = _card(text, nlp, registry) if len(text.split()) <= 40 else None
        if card:
            run.append((number, card, text))
            card_ended = False
            continue
        if (
            run
            and not card_ended
            and len(text.split()) <= 12
            and not text.endswith((".", "?", "!"))
        ):
            number_, card_, line_ = run[-1]  # a role continued on the next line
            role = f"{card_.role}, {text}" if card_.role else text
            run[-1] = (number_, _Card(card_.name, clean_role(role), card_.titles), line_)
            continue
        close_run()
        after_quote = text.startswith(("“", '"')) or text.endswith(("”", '"'))
        if len(text.split()) > 25:
            cue = False
        elif text.rstrip(":").strip().lower() in {
            "speakers",
            "panelists",
            "panellists",
            "moderator",
            "moderators",
            "guests",
            "keynote speakers",
            "participants",
        }:
            cue = True
    close_run()
    if len(turns) >= 2:
        mentions += turns
    singles = [single for single in singles if single[1].role]
    if len(singles) >= 2:  # a round-up: each speaker's card above their words
        for number, card, line in singles:
            why = "a speaker card above their words (one of several)"
            mentions.append(Mention(card.name, offset + number, card.role, CARD, why, line))
    if answers and not any("transcript" in m.construction for m in mentions):
        mentions += _interviewee(framing, nlp, registry, offset)
    return mentions


def _interviewee(
    framing: list[str], nlp: Language, registry: Registry, offset: int
) -> list[Mention]:
    """In a ``Q:``/``A:`` transcript, the person the framing introduces answers."""
    credited = _credited_names(framing)
    for number, text in enumerate(framing):
        doc = nlp(text)
        for span, titles in _person_spans(doc, registry, nlp):
            if name_key(span.text) in credited or len(span.text.split()) < 2:
                continue
            role, strength = _role(span, titles)
            return [
                Mention(
                    span.text,
                    offset + number,
                    role,
                    strength,
                    "the interviewee of a Q&A transcript",
                    text,
                )
            ]
    return []
