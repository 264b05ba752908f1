"""Speakers in running text: the constructions of the parse, quotations and turns."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ...content.registry import Registry
from ...names import COURTESY, TITLES, chinese_name
from .cues import (
    ATTENDANCE_ADJECTIVES,
    ATTENDANCE_NOUNS,
    CUE_NOUNS,
    LIST_CUE,
    LIST_NOUNS,
    LIST_VERBS,
    PARTY_PREPOSITIONS,
    PICTURED,
    PLURAL_PRONOUNS,
    PRONOUNS,
    QA_ANSWER,
    QA_QUESTION,
    REPORTER_NOUNS,
    ROLE_WORDS,
    SPEAKING_VERBS,
    TALK_NOUNS,
    TURN,
    TURN_ALONE,
    VIEW_NOUNS,
)
from .parse import cited, climb, recalled, speaking
from .people import person_spans
from .records import APPOSITION, TITLE, Mention
from .roles import ROLE_TOKENS, clean_role, compound_title, group_title, role_at, title_starts

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


def turn_label(doc: Doc) -> bool:
    """Does the paragraph open with a speaker's label: ``A:`` or a person's ``NAME:``,
    their words after it or in the paragraphs below?"""
    if QA_ANSWER.match(doc.text):
        return True
    turn = TURN.match(doc.text) or TURN_ALONE.match(doc.text.strip())
    if not turn:
        return False
    label = turn.group("name")
    return bool(chinese_name(label)) or any(
        e.label_ == "PERSON" and e.start_char == 0 and e.end_char >= len(label) - 1
        for e in doc.ents
    )


def turns(docs: Sequence[Doc]) -> list[bool]:
    """For a transcript (several paragraphs open with ``NAME:`` or ``A:``), whether each
    paragraph continues a speaker's turn: what a turn names, the speaker reports."""
    labelled = [turn_label(doc) for doc in docs]
    if sum(labelled) < 2:
        return [False] * len(docs)
    continues, inside = [], False
    for doc, label in zip(docs, labelled, strict=True):
        if QA_QUESTION.match(doc.text):
            inside = False
        elif label:
            inside = True
            continues.append(False)  # the label's own paragraph: handled as a turn
            continue
        continues.append(inside)
    return continues


# A photo's caption in running text: "Photo shows the Governor, Mr Ma Xingrui (left); ..."
_PHOTO_SHOWS = re.compile(r"(?i)^(?:the\s+)?(?:photos?|pictures?)\s+shows?\b|^pictured\b")


_AFTER_QUOTE = re.compile(r"[,.!?]?[”\"]\s*(?:[—–]\s*)?$")  # “...,” Zhang Wei said; ” — X


_QUOTES = (("“", "”"), ('"', '"'), ("«", "»"), ("「", "」"))


_BOLD = re.compile(r"\*\*(?P<inner>[^*]+?)\*\*")


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


# Words of one who speaks for themselves or to the reader: a quotation holds them.
_SPEAKERS_OWN_WORDS = frozenset("i me my mine we us our ours you your yours".split())


def _quoted_excerpt(doc: Doc) -> bool:
    """Is a paragraph wholly in quotation marks an excerpt of another report, not anyone's
    words? An aggregator quotes the story it links to: long, and in the third person
    ("Participants included A, ROLE; B, ROLE"), with no one's "I", "we" or "you"."""
    text = doc.text.strip()
    if not (text[:1] in ("“", '"') and text[-1:] in ("”", '"')) or len(doc) < 40:
        return False
    inner = text[1:-1]
    if any(closing in inner for _, closing in _QUOTES):
        return False  # quotations inside, or two quotations side by side
    return not any(t.lower_ in _SPEAKERS_OWN_WORDS for t in doc)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def prose_mentions(
    paragraph: str,
    doc: Doc,
    offset: int,
    registry: Registry,
    nlp: Language,
    in_turn: bool = False,
) -> list[Mention]:
    plain = doc.text
    quotes = [] if _quoted_excerpt(doc) else _quote_spans(plain)
    if in_turn:  # the rest of a speaker's turn in a transcript: as a quotation
        quotes.append((-1, len(plain) + 1))
    turn = TURN.match(plain) or QA_ANSWER.match(plain)
    if turn:  # a speaker's turn: whoever it names is reported by them, as in a quotation
        quotes.append((turn.end() - 1, len(plain) + 1))
    bold = _bold_spans(paragraph)
    lists = [m.end() for m in LIST_CUE.finditer(plain)]
    mentions = []
    people = person_spans(doc, registry, nlp)
    starts = frozenset().union(*(title_starts(span) for span, _ in people))
    by_root = {span.root.i: _construction(span) for span, _ in people}
    name_ends = {span.end - 1: span for span, _ in people}
    names = frozenset(i for span, _ in people for i in range(span.start, span.end))
    fronted = _role_first_list([span for span, _ in people])
    for span, titles in people:
        name = " ".join(span.text.split())
        sentence = span.sent.text.strip()
        construction = by_root[span.root.i] or _coordinated(span, by_root)
        excluded = ""
        if _names_themselves(span):  # "Moderator: ... My name is Khaldon Azhari."
            construction = "names themselves ('My name is ...')"
        elif _inside(span.start_char, quotes):
            subject = climb(span.root)
            opens_here = any(
                start + 1 == subject.left_edge.idx for start, _ in quotes
            ) and construction.startswith("subject")
            excluded = "" if opens_here else "named inside a quotation"
        if _in_a_role_bracket(span, name_ends):  # "Xiao Geng (Professor, CUHK Shenzhen)"
            construction, excluded = "", "a word of another person's role in brackets"
        if not construction and any(s <= span.start_char and span.end_char <= e for s, e in bold):
            construction = "a bold name"
        if not construction and _AFTER_QUOTE.search(plain[: span.start_char]):
            construction = "named right after a quotation"
        if not construction:
            construction = _inverted_speaking(span)
        if not construction and any(
            span.sent.start_char <= cue <= span.start_char for cue in lists
        ):
            construction = "listed after a cue such as 'Speakers:'"
        if not construction:
            construction = (
                _in_a_list_sentence(span)
                or _in_a_verbless_list(span)
                or _in_a_semicolon_list(span, starts)
            )
        role, strength = role_at(span, titles, starts - title_starts(span))
        entry_role = _role_before_in_entry(span)
        if entry_role and not role.startswith(entry_role):  # "; ROLE, Mr NAME;"
            role, strength = entry_role, APPOSITION
        if span.start in fronted:  # "Governor of Wisconsin, Scott Walker, Premier of ..."
            role, strength = fronted[span.start], APPOSITION
            if not construction and not any(t.pos_ in ("VERB", "AUX") for t in span.sent):
                construction = "a caption: a list of people in their roles, without a verb"
        shared = group_title(span, names)  # "city leaders A, B, C": each a "city leader"
        if shared and (not role or role.lower().startswith(shared.lower())):
            role, strength = clean_role(shared), TITLE
        if not construction and role and _PHOTO_SHOWS.match(sentence):
            construction = "pictured at the event in a role ('Photo shows ...')"
        if not construction and PICTURED.match(sentence):
            construction = "pictured at the event ('From left to right: ...')"
        if _called_reporter(span):
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
    mentions = _interviewers(_between_entries([span for span, _ in people], mentions))
    mentions += _pronoun_mentions(doc, offset, quotes)
    named = {m.position - offset for m in mentions}
    for token in doc:  # "Wang said": a surname the model did not mark, resolved later
        if (
            token.dep_ == "nsubj"
            and token.tag_ == "NNP"
            and token.idx not in named
            and token.ent_type_ != "PERSON"
            and speaking(token.head)
            and not _inside(token.idx, quotes)
        ):
            construction = f"subject of '{speaking(token.head)}'"
            sentence = token.sent.text.strip()
            mentions.append(Mention(token.text, offset + token.idx, "", 0, construction, sentence))
    return mentions


def _in_a_role_bracket(span: Span, name_ends: dict[int, Span]) -> bool:
    """Is the "name" inside the brackets that give another person's role, right after
    that person's name ("Prof. Xiao Geng (Professor of Practice, CUHK Shenzhen; ...)")?
    Not the name given again ("Alain Bertaud (Bertaud)")."""
    doc = span.doc
    for index in range(span.start - 1, max(span.sent.start, span.start - ROLE_TOKENS) - 1, -1):
        if doc[index].text == ")":
            return False
        if doc[index].text == "(":
            before = name_ends.get(index - 1)
            return before is not None and not {t.lower_ for t in span} <= {t.lower_ for t in before}
    return False


def _role_first_list(spans: list[Span]) -> dict[int, str]:
    """The roles of a list that sets each role before its name, with commas: "Governor of
    Wisconsin, Scott Walker, Lieutenant Governor of Ohio, Mary Taylor, and the Premier of
    Ontario, Kathleen Wynne." The sentence opens with a role, and no role follows the
    last name (a list of "NAME, ROLE" entries ends with one). Where the start of a name
    in the doc -> the role before it."""
    roles: dict[int, str] = {}
    by_sentence: dict[int, list[Span]] = {}
    for span in spans:
        by_sentence.setdefault(span.sent.start, []).append(span)
    for group in by_sentence.values():
        if len(group) < 3:
            continue
        doc, sentence = group[0].doc, group[0].sent
        ends = [sentence.start] + [span.end for span in group[:-1]]
        pieces = [doc[end : span.start] for end, span in zip(ends, group, strict=True)]
        tail = doc[group[-1].end : sentence.end]
        entries = [_fronted_role(piece, first=n == 0) for n, piece in enumerate(pieces)]
        if all(entries) and not _role_words_in(tail):
            roles.update((span.start, role) for span, role in zip(group, entries, strict=True))
    return roles


def _fronted_role(piece: Span, first: bool) -> str:
    """The role set before a name in a role-first list: ", ROLE, " (the first entry opens
    the sentence); "" when the piece is not one."""
    words = [t for t in piece if not t.is_space]
    if not first:
        if len(words) < 3 or words[0].text != "," or words[-1].text != ",":
            return ""
        words = words[1:-1]
    elif words and words[-1].text == ",":
        words = words[:-1]
    return _role_piece(words)


def _role_piece(words: list[Token]) -> str:
    """The words set before a name as its role: a role's word, no verb, no quotation, a
    few words (an article or "and" before them dropped); "" when they are not one."""
    while words and words[0].lower_ in ("and", "the"):
        words = words[1:]
    if (
        not words
        or len(words) > 24
        or not _role_words_in(words)
        or any(t.pos_ in ("VERB", "AUX") or t.text in (";", ":", '"', "“") for t in words)
    ):
        return ""
    return clean_role("".join(t.text_with_ws for t in words))


def _role_words_in(words: Sequence[Token] | Span) -> bool:
    return any(t.lower_.rstrip(".") in ROLE_WORDS for t in words)


def _between_entries(spans: list[Span], mentions: list[Mention]) -> list[Mention]:
    """A name between two speakers of one list ("participated by President A, ROLE B,
    ROLE Mr. C, ROLE D and E"), which the parse of a long list attached nowhere: an
    entry of the list when only names, roles and separators stand between them."""
    counted = [bool(m.construction) and not m.excluded for m in mentions]
    found = list(mentions)
    for k, (span, mention) in enumerate(zip(spans, mentions, strict=True)):
        if mention.construction or mention.excluded:
            continue
        before = next((j for j in range(k - 1, -1, -1) if counted[j]), None)
        after = next((j for j in range(k + 1, len(spans)) if counted[j]), None)
        if before is None or after is None:
            continue
        first, last = spans[before], spans[after]
        if not (first.sent.start == span.sent.start == last.sent.start):
            continue
        doc = span.doc
        gaps = doc[first.end : span.start], doc[span.end : last.start]
        opening = doc[max(span.start - 2, 0) : span.start]
        if any(t.text == ";" for gap in gaps for t in gap) and ";" not in opening.text:
            continue  # "...; ROLE Hoi Chi Leong; ...": entries of a semicolon list open after one
        if _list_gap(gaps[0]) and _list_gap(gaps[1]):
            found[k] = replace(
                mention, construction=f"an entry of the list of {first.text} and {last.text}"
            )
    return found


def _list_gap(words: Span) -> bool:
    """Do only roles and separators stand between two names: a comma, a semicolon or
    "and", and no verb, pronoun, quotation mark or clause?"""
    return any(t.text in (",", ";") or t.lower_ == "and" for t in words) and not any(
        (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound"))
        or t.pos_ == "PRON"
        or t.text in ('"', "“", "”", ":", "(")
        for t in words
    )


def _called_reporter(span: Span) -> bool:
    """Is the name introduced as a reporter's ("Global Times reporter Wang Yi"), alone or
    as one of several ("the GT reporters Bai Yunyi and Wang Yi")?"""
    if any(w.lower() in REPORTER_NOUNS for w in compound_title(span)):
        return True
    first, doc = span.root, span.doc
    while (
        first.dep_ == "conj"
        and first.head.i < first.i
        and [t.lower_ for t in doc[first.head.i + 1 : first.left_edge.i]] in (["and"], ["&"])
    ):
        first = first.head
    if first.dep_ == "appos" and first.head.lower_ in REPORTER_NOUNS:
        return True  # "the reporters, Bai Yunyi and Wang Yi"
    before = doc[min(first.left_edge.i, span.start) : first.i]
    return any(t.lower_ in REPORTER_NOUNS for t in before)


def _names_themselves(span: Span) -> bool:
    """ "My name is X", "I am X": a speaker introducing themselves in their own words."""
    token = climb(span.root)
    verb = token.head
    return (
        token.dep_ == "attr"
        and verb.lemma_ == "be"
        and any(
            c.dep_ == "nsubj"
            and (
                c.lower_ == "i"
                or (c.lower_ == "name" and any(g.lower_ == "my" for g in c.children))
            )
            for c in verb.children
        )
    )


def _interviewers(mentions: list[Mention]) -> list[Mention]:
    """In "according to Henry Tang, ..., in an exclusive interview with Tian Wei", the
    party to the interview whose words are not reported asks the questions."""

    def interview(mention: Mention) -> bool:  # "'interview with'", "'Interview with'"
        return mention.construction.lower().startswith("'interview")

    speaking_in = {
        m.sentence for m in mentions if m.construction and not interview(m) and not m.excluded
    }
    return [
        replace(m, excluded="the interviewer: the sentence reports another person's words")
        if interview(m) and m.sentence in speaking_in
        else m
        for m in mentions
    ]


def _bold_spans(paragraph: str) -> list[tuple[int, int]]:
    """Bold runs, in the coordinates of the paragraph without its ``**`` markers."""
    spans, removed = [], 0
    for match in _BOLD.finditer(paragraph):
        start = match.start() - removed
        spans.append((start, start + len(match.group("inner"))))
        removed += 4
    return spans


def _construction(span: Span) -> str:
    """The construction that makes the person named by ``span`` a speaker, or ''."""
    token = climb(_name_root(span))
    head = token.head
    role_of_the_day = _in_the_chair_or_for_a_talk(span)
    if role_of_the_day:
        return role_of_the_day
    if token.dep_ == "nsubjpass":  # "X is scheduled to release", "Y was invited to speak"
        for child in head.children:
            if child.dep_ == "xcomp" and speaking(child):
                return f"'{head.text} to {speaking(child)}'"
    if token.dep_ in ("nsubj", "csubj"):
        verb = speaking(head)
        if verb:
            return f"subject of '{verb}'"
        if head.lemma_ == "be" and any(
            c.lemma_.lower() in LIST_NOUNS | {"attendance"} for c in head.subtree
        ):
            return "listed as taking part"
        if head.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lower_ in ATTENDANCE_ADJECTIVES for c in head.children
        ):
            return f"'{head.text} present'"  # "X and Y were also present"
    if token.dep_ == "attr" and head.lemma_ == "be" and head.i < token.i:
        fronted = head.head  # "Officiated at the opening ceremony were X, ROLE, and Y"
        if fronted.i < head.i and fronted.tag_ in ("VBN", "VBG") and speaking(fronted):
            return f"'{fronted.text} ... {head.text}'"
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.pos_ == "VERB" and speaking(after):
        # "Vice-Chairman of the National Committee of the CPPCC Leung Chun-ying delivered a
        # speech": the name ends the subject, though the parse buried it inside the title
        for subject in after.children:
            if subject.dep_ == "nsubj" and subject.left_edge.i <= span.start:
                return f"subject of '{speaking(after)}'"
    if token.dep_ == "pobj":
        preposition = head.lower_
        governor = head.head
        if preposition == "by" and _participle_of_speaking(governor):
            return "" if cited(governor.head) else f"'{governor.text} by'"
        if preposition == "by" and governor.pos_ == "VERB":  # "began with addresses by X"
            talks = [
                o
                for c in governor.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for o in c.children
                if o.dep_ == "pobj" and o.lemma_.lower() in TALK_NOUNS
            ]
            if talks:
                return f"'{governor.text} with {talks[0].text} by'"
            made = [  # "A luncheon presentation will be made by X"
                c
                for c in governor.children
                if c.dep_ == "nsubjpass" and c.lemma_.lower() in TALK_NOUNS
            ]
            if made:
                return f"'{made[0].text} ... {governor.text} by'"
        if preposition == "to" and governor.lower_ == "according":
            return "'according to'"
        if preposition == "from" and governor.lemma_.lower() in ("hear", "listen"):
            return f"'{governor.text} from'"  # "We heard from Mayor X and Mayor Y"
        if preposition in PARTY_PREPOSITIONS and governor.lemma_.lower() in TALK_NOUNS:
            return "" if cited(governor) else f"'{governor.text} {preposition}'"
        if preposition == "of" and governor.lemma_.lower() in ATTENDANCE_NOUNS:
            return f"'{governor.text} of'"  # "in the presence of", "with the participation of"
    if (
        token.dep_ == "pobj"
        and head.lower_ in ("including", "like", "as")
        and head.head.lemma_.lower() in LIST_NOUNS | TALK_NOUNS | ATTENDANCE_NOUNS
    ):
        return f"listed ('{head.head.text} {head.text}')"  # "in attendance including X"
    if token.dep_ == "pobj" and head.lower_ == "including" and speaking(head.head):
        return f"listed ('{head.head.text}, including')"  # "leaders participated, including X"
    if token.dep_ == "nsubjpass" and head.lemma_.lower() in ("invite", "select", "name"):
        for child in head.children:  # "X and Y were invited as guest speakers"
            if child.lower_ == "as" and any(t.lemma_.lower() in LIST_NOUNS for t in child.subtree):
                return f"'{head.text} as {child.right_edge.text}'"
    for clause in token.children:  # "Stuart Andrew, who spoke on ..."
        if clause.dep_ == "relcl" and speaking(clause):
            return f"'who {speaking(clause)}'"
    if token.dep_ == "poss" and head.lemma_.lower() in VIEW_NOUNS and head.tag_ == "NN":
        return f"'{span.text}'s {head.text}'"
    if (
        token.dep_ == "poss"
        and head.lemma_.lower() in TALK_NOUNS | {"conference"}
        and head.head.lower_ == "of"
        and head.head.head.lemma_.lower() in ("text", "transcript")
    ):
        return f"'{head.head.head.text} of {span.text}'s {head.text}'"  # a published talk
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
        if token.dep_ == "dobj" and head.lemma_.lower() in ("interview", "invite", "host"):
            return f"object of '{head.text}'"
        if token.dep_ == "dobj" and head.lemma_.lower() == "join":
            for phrase in head.children:  # "Mayor Johnson joined Mayor A and B in signing"
                doing = [c for c in phrase.children if c.dep_ == "pcomp" and speaking(c)]
                if phrase.dep_ == "prep" and phrase.lower_ == "in" and doing:
                    return f"'{head.text} ... in {doing[0].text}'"
        if token.dep_ == "dobj" and head.lemma_.lower() in ("have", "welcome"):
            # "honoured to have X to give a keynote speech", "to have A, B and C joining
            # our event" (the parse may attach the participle to "honoured")
            above = list(head.head.children) if head.dep_ == "xcomp" else []
            for clause in [*head.children, *above]:
                if (
                    clause.dep_ in ("xcomp", "advcl", "acl")
                    and clause.i > token.i
                    and speaking(clause)
                ):
                    return f"'{head.text} ... {clause.text}'"
    return _before_a_verb_without_subject(span)


_NOMINAL = frozenset({"nsubj", "nsubjpass", "appos", "conj", "dobj", "pobj", "attr", "compound"})


def _name_root(span: Span) -> Token:
    """The word of a name that fills its place in the sentence. The parse may attach
    another word of the name elsewhere ("Miss Linda So": "So" read as an adverb), so a
    word in a noun's place is preferred."""
    outside = [t for t in span if not span.start <= t.head.i < span.end]
    nominal = [t for t in outside if t.dep_ in _NOMINAL]
    return span.root if span.root.dep_ in _NOMINAL or not nominal else nominal[0]


def _before_a_verb_without_subject(span: Span) -> str:
    """``Whereas the sub-venue was in X, Professor A, ROLE, B, and C, ROLE attended the
    meeting``, ``Secretary Chen Long delivered a speech, city leaders A, B, C attended``:
    a long list of names and roles the parse could not make the subject of the verb of
    the sentence (or of a clause joined to it), which it leaves with none. The names
    right before that verb are its subject, unless a preposition or a possessive takes
    them."""
    if span.root.dep_ in ("pobj", "poss"):
        return ""
    sentence, root = span.sent, span.sent.root
    clauses = [root, *(t for t in sentence if t.dep_ == "conj" and t.head.i == root.i)]
    for verb in clauses:
        if (
            verb.pos_ != "VERB"
            or span.end > verb.i
            or (verb is not root and span.start < verb.head.i)
            or any(t.pos_ in ("VERB", "AUX") for t in span.doc[span.end : verb.i])
            or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
        ):
            continue
        said = speaking(verb)
        return f"before '{said}', which has no subject in the parse" if said else ""
    return ""


_COORDINATION = frozenset({"conj", "appos", "pobj", "prep", "compound", "cc", "npadvmod"})


def _in_the_chair_or_for_a_talk(span: Span) -> str:
    """``with Peter Hogg, ROLE, in the chair`` (or ``in attendance``); ``thanks to Micah
    Weinberg for moderating``, ``X for the keynote``: a phrase attached to the name, or
    beside the preposition that governs it, that gives the person the chair or a talk."""
    root = span.root
    phrases = [c for c in root.children if c.dep_ == "prep"]
    if root.dep_ == "pobj":  # "to X for moderating": a sibling of "to"
        phrases += [c for c in root.head.head.children if c.dep_ == "prep" and c.i > root.i]
    for phrase in phrases:
        objects = [c for c in phrase.children if c.dep_ in ("pcomp", "pobj")]
        for thing in objects if phrase.lower_ == "in" else ():  # "with X in attendance"
            if thing.lemma_.lower() in ("chair", "attendance"):
                return f"'in {'the ' if thing.lower_ == 'chair' else ''}{thing.text}'"
        if phrase.lower_ == "for":
            for thing in objects:
                if thing.lemma_.lower() in SPEAKING_VERBS or any(
                    t.lemma_.lower() in TALK_NOUNS for t in thing.subtree
                ):
                    return f"'for {thing.text}'"
    return ""


def _in_a_list_sentence(span: Span) -> str:
    """``Panelists included A, B and C``, ``They are A, ROLE, and B, ROLE``: a sentence
    whose verb lists people, whose subject names who they are (a cue noun, or a pronoun
    for people introduced before). Every person after the verb is listed, however the
    parse attached them in a long list, unless a clause or a preposition of its own
    governs them ("Guests included Li, a student of Professor Wang": Wang is not; the
    "of" of a proper name is part of a role: "Dept. of Commerce Secretary Rebecca Blank").
    The list may also hang from a cue noun: "the panel consisting of A, B and C"."""
    verb = next((v for v in _listing_verbs(span.sent) if v.i < span.start), None)
    if verb is None:
        return ""
    token = span.root
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp") or (
            token.dep_ == "prep"
            and token.lower_ not in ("including", "as")
            and not (token.lower_ == "of" and token.head.tag_ == "NNP")  # "Dept. of Commerce"
            and not (token.lower_ == "of" and token.head.i == verb.i)  # "consisting of"
        ):
            return ""
        token = token.head
    return f"listed ('{verb.text}')"


def _in_a_verbless_list(span: Span) -> str:
    """``Special invitees: A of X, B, ROLE, C``: a sentence without a verb whose head is
    the plural of a cue noun lists the people after it."""
    sentence = span.sent
    root = sentence.root
    if (
        root.tag_ == "NNS"
        and root.lemma_.lower() in LIST_NOUNS
        and root.i < span.start
        and not any(t.pos_ in ("VERB", "AUX") for t in sentence)
    ):
        return f"listed under '{root.text}'"
    return ""


def _listing_verbs(sentence: Span) -> list[Token]:
    """The sentence's verbs that list people: its main verb with a subject that names
    who they are (a cue noun, or a pronoun for people introduced before), or a participle
    of a cue noun ("a panel consisting of", "guests including"); the last first."""
    verbs = []
    root = sentence.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if root.lemma_.lower() in LIST_VERBS and any(
        s.lower_ in PLURAL_PRONOUNS or any(t.lemma_.lower() in CUE_NOUNS for t in s.subtree)
        for s in subjects
    ):
        verbs.append(root)
    verbs += [
        t
        for t in sentence
        if t.dep_ == "acl"
        and t.lemma_.lower() in LIST_VERBS - {"be"}
        and t.head.lemma_.lower() in CUE_NOUNS
    ]
    return sorted(verbs, key=lambda v: -v.i)


def _inverted_speaking(span: Span) -> str:
    """``Adaptation, urged Peggy Shepard, ROLE, must not ...``, ``..., said Li, ...``: a
    verb of speaking set between commas before the name, which the parse often attaches
    elsewhere."""
    doc = span.doc
    if span.start < 2:
        return ""
    verb, before = doc[span.start - 1], doc[span.start - 2]
    if (
        verb.tag_ in ("VBD", "VBZ")
        and verb.lemma_.lower() in SPEAKING_VERBS
        and before.text in (",", "“", "”", '"')
        and not recalled(verb)
    ):
        return f"'{verb.text} {span.text}', set between commas"
    return ""


def _participle_of_speaking(token: Token) -> bool:
    """``moderated`` in "X was moderated by Y", and in "Moderated by Y, the panel ...",
    where the model, at the head of a sentence, takes it for a proper noun."""
    if token.lemma_.lower() in SPEAKING_VERBS:
        return True
    word = token.lower_
    return word.endswith("ed") and (word[:-1] in SPEAKING_VERBS or word[:-2] in SPEAKING_VERBS)


def _in_a_semicolon_list(span: Span, starts: frozenset[int]) -> str:
    """``... featured a discussion between A, ROLE; B, ROLE; and C, ROLE``: entries of a
    ``NAME, ROLE`` (or ``NAME (ROLE)``, or ``ROLE, NAME``) list, separated by semicolons,
    after words that present speakers (a talk noun, a list noun, a verb of speaking or
    listing) before the first name."""
    sentence, doc = span.sent, span.doc
    if sum(t.text == ";" for t in sentence) < 2:
        return ""
    first = min((s for s in starts if sentence.start <= s < sentence.end), default=span.start)
    cues = TALK_NOUNS | LIST_NOUNS | SPEAKING_VERBS | (LIST_VERBS - {"be"})
    if not any(t.lemma_.lower() in cues for t in doc[sentence.start : first]):
        return ""
    if _role_before_in_entry(span):
        return "an entry of a 'ROLE, NAME; ROLE, NAME' list"
    if span.end >= sentence.end or doc[span.end].text not in (",", "("):
        return ""  # "NAME, ROLE;" or "NAME (ROLE);"
    entry = max([first] + [t.i + 1 for t in doc[first : span.start] if t.text == ";"])
    lead = [t for t in doc[entry : span.start] if t.lower_.rstrip(".") not in _ENTRY_LEAD]
    return "" if lead else "an entry of a 'NAME, ROLE; NAME, ROLE' list"


def _role_before_in_entry(span: Span) -> str:
    """The role of an entry of a list that sets each role before its name, the entries
    separated by semicolons: "Other speakers include Managing Director, Nigerian
    Breweries PLC, Jordi Borrut Bel; Academic Director, Lagos Business School, Prof. Yinka
    David-West; and ...". "" when the name is not the end of such an entry."""
    sentence, doc = span.sent, span.doc
    semicolons = [t.i for t in sentence if t.text == ";"]
    after = doc[span.end] if span.end < sentence.end else None
    if len(semicolons) < 2 or not (
        after is None or after.text in (";", ".") or after.lower_ == "and"
    ):
        return ""
    before = [i for i in semicolons if i < span.start]
    if not before:  # the first entry: its role starts after the list's verb or cue
        cue = next(
            (t.i for t in reversed(doc[sentence.start : span.start]) if t.pos_ in ("VERB", "AUX")),
            None,
        )
        before = [cue] if cue is not None else []
    if not before:
        return ""
    lead = list(doc[before[-1] + 1 : span.start])
    names = [n for n, t in enumerate(lead) if t.ent_type_ == "PERSON"]
    if names:  # "...; ROLE, Ayoola Olukanni and ROLE, Muda Yusuf.": the last entry
        lead = lead[names[-1] + 1 :]
        if not lead or lead[0].lower_ != "and":
            return ""  # "Bob Keefe, ROLE, ROLE, Brad Smith;": whose role, cannot tell
    while lead and lead[-1].lower_.rstrip(".") in COURTESY | {"prof", "professor"}:
        lead.pop()  # "..., Prof. Yinka David-West": the name's courtesy
    return _role_piece(lead[:-1]) if lead and lead[-1].text == "," else ""


_ENTRY_LEAD = TITLES | COURTESY | {"and"}  # "; and Dr. Nadia Hassan, ..."


def _coordinated(span: Span, constructions: dict[int, str]) -> str:
    """The construction of a person this one is coordinated with in one noun phrase
    ("Vice Chairman Lin Nianxiu and Director General of the Department ... Guo Lanfeng –
    also spoke"), where the parse attached the second name below the first. A name
    joined by a conjunction may hang far down a long list of names and roles ("A, ROLE
    of B, C, ROLE, and D, ROLE, delivered speeches"); any other name, only close by."""
    token = span.root
    if token.dep_ == "pobj" and token.head.head.tag_ in ("NN", "NNS"):
        return ""  # "Ma Rui, a student of Professor Anna Berg": a relation, not a list
    for _ in range(16 if token.dep_ == "conj" else 6):
        if token.dep_ not in _COORDINATION or token.head.i == token.i:
            return ""
        token = token.head
        if constructions.get(token.i):
            return f"{constructions[token.i]}, with {token.text}"
    return ""


def _pronoun_mentions(doc: Doc, offset: int, quotes: list[tuple[int, int]]) -> list[Mention]:
    """``He said``, ``she noted``: a speaker referred to by a pronoun."""
    mentions = []
    for token in doc:
        if token.lower_ in PRONOUNS and token.dep_ == "nsubj" and not _inside(token.idx, quotes):
            verb = speaking(token.head)
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
