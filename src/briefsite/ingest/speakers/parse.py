"""Reading the dependency parse: where a name sits in its clause, and what the clause's
verb does."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cues import (
    EVENT_PARTS,
    FOLLOWING_VERBS,
    GUEST_NOUNS,
    GUIDANCE_NOUNS,
    HOSTING_VERBS,
    LED_THINGS,
    LIST_NOUNS,
    PHRASAL_SPEAKING_VERBS,
    SAID_NOUNS,
    SPEAKING_VERBS,
    TALK_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def climb(token: Token) -> Token:
    """From a name to the place it fills in the sentence, across coordination and
    apposition (``Zhao Lan, director of X, and Tom Reyes`` -> ``Zhao Lan``)."""
    seen = 0
    while token.dep_ in ("conj", "appos", "compound") and token.head.i != token.i and seen < 20:
        token, seen = token.head, seen + 1
    return token


RECALL_WORDS = 12
_RECALLED = re.compile(r"(?i)\b(?:ago|last|previous|earlier|(?:19|20)\d\d)\b")


def recalled(verb: Token) -> bool:
    """``Three years ago, X announced ...``: a statement recalled, not made at the event;
    a verb coordinated with it shares its time ("... announced A, and he instructed B")."""
    if verb.dep_ == "conj" and verb.head.i != verb.i and recalled(verb.head):
        return True
    for child in verb.children:
        if child.dep_ not in ("npadvmod", "prep", "advmod"):
            continue
        if child.right_edge.i - child.left_edge.i > RECALL_WORDS:
            continue  # a time adverbial is short ("three years ago"); never walk a long one
        words = list(child.subtree)
        if any(t.ent_type_ == "DATE" for t in words) and _RECALLED.search(
            " ".join(t.text for t in words)
        ):
            return True
    return False


def cited(talk: Token) -> bool:
    """Is a talk noun a leader's words cited as guidance? "guided by the spirit of the
    speech delivered by X", "studied the important speeches and instructions of X": the
    talk hangs from a noun of guidance, is the object of a verb of following, or is
    several talks coordinated with a noun of guidance."""
    if talk.tag_ == "NNS" and any(c.lemma_.lower() in GUIDANCE_NOUNS for c in talk.conjuncts):
        return True
    token = talk
    for _ in range(4):
        if token.lemma_.lower() in GUIDANCE_NOUNS and token.i != talk.i:
            return True
        if token.dep_ == "dobj" and token.head.lemma_.lower() in FOLLOWING_VERBS:
            return True
        if token.head.i == token.i:
            break
        token = token.head
    return False


def speaking(verb: Token) -> str:
    """The verb (or the talk noun it takes) that presents its subject as a speaker."""
    if recalled(verb):
        return ""
    for candidate in (verb, *verb.conjuncts):
        particle = next((c.text for c in candidate.children if c.dep_ == "prt"), "")
        if candidate.lemma_.lower() == "lead" and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in LED_THINGS for c in candidate.children
        ):
            continue  # "led the conversation", "led a delegation"; not "led the efforts"
        if candidate.lemma_.lower() in SPEAKING_VERBS or (
            (candidate.lemma_.lower(), particle.lower()) in PHRASAL_SPEAKING_VERBS
        ):
            return f"{candidate.text} {particle}".strip()
        objects = [c for c in candidate.children if c.dep_ == "dobj"]
        if candidate.lemma_.lower() == "take" and any(o.lower_ == "part" for o in objects):
            return f"{candidate.text} part"  # "will also take part in the panel"
        part = _part_played(candidate)
        if part:
            return part
        for phrase in (*candidate.children, *(g for o in objects for g in o.children)):
            if phrase.dep_ == "prep" and phrase.lower_ == "with":  # "closed it with remarks"
                talks = [o for o in phrase.children if o.lemma_.lower() in TALK_NOUNS]
                if talks:
                    return f"{candidate.text} ... with {talks[0].text}"
        guests = [o for o in objects if o.lemma_.lower() in GUEST_NOUNS]
        invited = [o for o in objects if o.lemma_.lower() in GUEST_NOUNS | LIST_NOUNS]
        if guests and candidate.lemma_.lower() in HOSTING_VERBS:
            return f"{candidate.text} ... {guests[0].text}"
        if invited and candidate.lemma_.lower() == "invite":  # "invited nine panellists"
            return f"{candidate.text} ... {invited[0].text}"
        for child in candidate.children:
            said = child.dep_ == "dobj" and child.lemma_.lower() in SAID_NOUNS
            if said or (
                child.dep_ in ("dobj", "attr", "pobj") and child.lemma_.lower() in TALK_NOUNS
            ):
                return f"{candidate.text} ... {child.text}"
        if objects:
            continue  # "encouraged Guangxi to participate": the object takes part
        for child in candidate.children:
            if child.dep_ in ("xcomp", "ccomp") and child.lemma_.lower() in SPEAKING_VERBS:
                return child.text
    return ""


_PLAYING_VERBS = frozenset({"serve", "act", "play", "function"})


def _part_played(verb: Token) -> str:
    """ "served as moderator", "acted as the host", "played host to", "played a deft
    moderator": a verb that gives its subject a part at the event."""
    if verb.lemma_.lower() not in _PLAYING_VERBS:
        return ""
    for child in verb.children:
        parts = [child] if child.dep_ in ("dobj", "attr") and verb.lemma_ == "play" else []
        if child.dep_ == "prep" and child.lower_ == "as":
            parts = [o for o in child.children if o.dep_ == "pobj"]
        for part in parts:
            of = any(c.dep_ == "prep" and c.lower_ == "of" for c in part.children)
            if of and part.lemma_.lower() in ("chair", "co-chair", "chairperson", "host"):
                continue  # "served as chair of the board", "host of a podcast": a post
            if part.lemma_.lower() in EVENT_PARTS | {"emcee", "keynote", "rapporteur"}:
                return f"{verb.text} {'as ' if child.lower_ == 'as' else ''}{part.text}"
    return ""
