"""Speakers shown by the layout of the lines: speaker cards, labels, agendas, transcripts,
and the credit lines that name reporters and photographers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...content.registry import Registry
from ...names import GENERATIONS, POST_NOMINALS, chinese_name, is_name_shaped, split_title
from ...text import name_key
from .cues import (
    AGENDA_ITEMS,
    EVENT_PARTS,
    FEATURING,
    INSTITUTION_HEADS,
    LABEL_NOUNS,
    LIST_CUE,
    LIST_NOUNS,
    LIST_VERBS,
    PICTURED,
    QA_ANSWER,
    QA_QUESTION,
    ROLE_WORDS,
    SALUTATION,
    TALK_NOUNS,
    TURN,
)
from .people import person_spans, place_alone, reads_as_person, unknown_words_name
from .records import CARD, Mention
from .roles import clean_role, role_at, title_starts

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_LABEL = re.compile(
    r"^(?P<label>(?:[A-Z][\w&’'-]*\s+){0,3}?(?:and\s+)?(?i:moderator|moderated by|chair|"
    r"chaired by|host|hosted by|speakers?|keynote(?:\s+speakers?)?|panel(?:l)?ists?|guests?|"
    r"presenters?|discussants?|welcome(?:\s+remarks)?|opening(?:\s+remarks)?|closing"
    r"(?:\s+remarks)?|remarks|introduction|respondents?|interviewee|participants?|"
    r"key-?note|address|speech|presentation|lecture|talk)(?:\s+[IVX\d]{1,4})?)"  # Key-note II
    r"\s*[:：]\s*(?P<rest>.*)$"
)


_TIME = re.compile(r"^\(?\d{1,2}[:.：]\d{2}\b")


# A numbered or bulleted item of a programme: "1. Seoul: e-Government: NAME, ROLE".
_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[•·▪]|-)\s+(?P<rest>.+)$")


# A heading that names the speaker of the talk below it: "Remarks by Commissioner Liu
# Xianfa of the Ministry ...", "Keynote Speech by Professor Anna Berg".
_TALK_HEADING = re.compile(
    r"^(?:[A-Z][\w-]*\s+){0,2}(?i:remarks|speech|address|statement|keynote|lecture|"
    r"reflections|presentation|talk|introduction|comments|response)"
    r"\s+(?:by|of|from)\s+[A-Z]"
)


# A turn of a recorded transcript (podcast, video call): the name and a timestamp on a
# line of their own, the words below: "Robert Yaro  00:07", "Jeff Wood (1m 32s):".
_TIMESTAMPED_TURN = re.compile(
    r"^(?P<name>[^\d:：]{3,60}?)\s+\(?(?:(?:\d{1,2}:)?\d{1,2}:\d{2}|(?:\d+h\s*)?(?:\d+m\s*)?\d+s)"
    r"\)?[:：]?$"
)


_CREDIT = re.compile(
    r"(?i)^\(?\s*(?:by|photo(?:graph(?:y|ed))?(?:\s+by)?|reporter|reported\s+by|editor|"
    r"edited\s+by|written\s+by|translated\s+by|compiled\s+by|summari[sz]ed\s+by|author|"
    r"source|credit|xinhua|text)\b\s*[:：/]?\s*"
)


_DATELINE_CREDIT = re.compile(r"^[^()]{0,80}\d{1,2}\s*\((?P<credit>[^)]{3,120})\)")


_BIO = re.compile(
    r"^(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})\s+(?:is|serves\s+as|was)\s+"
    r"(?P<role>(?:an?\s+|the\s+)?[^.;]{3,160}?)(?:[.;]|\s+(?:where|who|and\s+is)\b)"
)
_LABELLED_TURN = re.compile(r"^(?P<label>[^:：]{5,200},[^:：]{3,200})[:：]\s*(?P<words>\S.*)$")


def _introduces_a_list(line: str, nlp: Language) -> bool:
    """``Officials attending the Summit included:``: a line that ends with a colon and
    says who come next (a word such as "speakers" or "officials", or a verb that lists)."""
    return any(
        t.lemma_.lower() in LIST_NOUNS or (t.pos_ == "VERB" and t.lemma_.lower() in LIST_VERBS)
        for t in nlp(line)
    )


_CARD_SEPARATOR = re.compile(r"\s*(?:,|–|—|\s-\s|\||\(|：|:)\s*")


def credited_names(lines: Sequence[str]) -> set[str]:
    """Names in credit lines (``By X``, ``Photography: X``, ``(Reporter X)``) and in a
    dateline's brackets (``China News Service, Beijing, October 27 (A, B and C)``)."""
    credited: set[str] = set()
    for line in lines:
        text = _plain(line)
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
    text = _card_text(text)
    if not text or len(text.split()) > 40 or text.endswith("?") or SALUTATION.search(text):
        return None
    parts = _CARD_SEPARATOR.split(text, maxsplit=1)
    parts = _after_honours(parts[0]) or parts  # "Len Duvall OBE AM Chair of the Assembly"
    head = parts[0].strip()
    role = parts[1].strip() if len(parts) > 1 else ""
    generation, _, rest = role.partition(" ")
    if generation.rstrip(",") in GENERATIONS and (generation.endswith(",") or not rest):
        # "Mr. Ed Wolking, Jr., Executive Director" (not "André Bald, Sr. Urban Specialist")
        head, role = f"{head} {generation.rstrip(',')}", rest.strip()
    titles, words = split_title(head.split())
    head = " ".join(words)
    if any(_singular(w) & (AGENDA_ITEMS | TALK_NOUNS) for w in words):
        return None  # "Coffee Break", "Keynote Speeches": an item of the programme
    if 4 < len(words) <= 12:  # "New York Governor Kathy Hochul", "... Senator X, 11th District"
        sentence_end = text.endswith((".", "!")) and words[-1] not in GENERATIONS
        if not all(w[:1].isupper() for w in words[-2:]) or sentence_end:
            return None  # a name ends the line, or it is not this kind of card
        return _role_then_name(head, role, nlp(head), 0, titles)
    if not 2 <= len(words) <= 4:
        return None
    if len(text.split()) > 25 or (text.endswith(".") and len(text.split()) > 12):
        return None  # a sentence, not a card
    known = bool(registry.experts_named(head))
    if role and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in nlp(role)):
        return None  # "Wang Fang, a planner, opened the session": prose, not a card
    if not known and chinese_name(head) and place_alone(head, nlp):
        return None  # shaped like a Chinese name, but a place: "Hong Kong"
    if not known and not chinese_name(head):
        if not is_name_shaped(head) or {words[0].lower(), words[-1].lower()} & INSTITUTION_HEADS:
            return None
        doc = nlp(text)
        at = text.find(head)
        named = [e for e in doc.ents if e.start_char < at + len(head) and at < e.end_char]
        # the line's own tagging, else the name asked alone in a sentence (the model tags a
        # card line poorly: "Polly Trottenberg, Commissioner, ..." may come out an ORG)
        if not any(e.label_ == "PERSON" and e.start_char <= at for e in named) and (
            not reads_as_person(head, nlp)
        ):
            return _role_then_name(head, role, doc, at, titles)
    return _Card(head, clean_role(role), tuple(titles))


def _speakers_heading(text: str) -> bool:
    """A heading over speaker cards: "Speakers", "Keynote speakers", "Meet our panelists",
    "List of events and speakers"."""
    words = text.rstrip(":").lower().split()
    return 0 < len(words) <= 6 and (words[-1] in LABEL_NOUNS or words[-1][:-1] in LABEL_NOUNS)


def _after_honours(head: str) -> list[str]:
    """A card's name and role where honours set them apart instead of a comma: "Len
    Duvall OBE AM Chair of the London Assembly" -> ["Len Duvall OBE AM", "Chair of ..."]."""
    words = head.split()
    for n in range(2, min(len(words) - 1, 5)):
        if words[n] in POST_NOMINALS:
            end = n
            while end < len(words) and words[end] in POST_NOMINALS:
                end += 1
            if end < len(words) and words[end][:1].isupper():
                return [" ".join(words[:end]), " ".join(words[end:])]
            return []
    return []


def _date_line(text: str, nlp: Language) -> bool:
    """A line that is a date ("February 19th, 2020"), as the model reads it."""
    dates = [e for e in nlp(text).ents if e.label_ == "DATE"]
    return bool(dates) and sum(len(e.text) for e in dates) >= 0.8 * len(text.strip())


def _programme_item(text: str) -> bool:
    """A heading of a programme that names a talk ("Welcome Speech", "Keynote Speeches",
    "Panel Discussion"): the cards below it are its speakers."""
    words = text.split()
    return (
        len(words) <= 5
        and words[0][:1].isupper()
        and text[-1:].isalpha()
        and bool(_singular(words[-1]) & TALK_NOUNS)
    )


def _singular(word: str) -> set[str]:
    """The word, lower case, and what it is without a plural ending."""
    word = word.lower()
    return {word, word.removesuffix("s"), word.removesuffix("es")}


def _role_then_name(head: str, role: str, doc: Doc, at: int, titles: list[str]) -> _Card | None:
    """``Michigan Governor Gretchen Whitmer``: a card whose role comes before the name,
    which the model marks as a PERSON ending the card's head, after a role's word."""
    end = at + len(head)
    generation = head.split()[-1] if head.split()[-1] in GENERATIONS else ""
    for entity in doc.ents:
        # the name ends the head, or comes right before its "Jr." (which the model may leave out)
        ends = entity.end_char == end or (
            generation and entity.end_char == end - len(generation) - 1
        )
        if entity.label_ != "PERSON" or not ends or entity.start_char <= at:
            continue
        inside, name = split_title(entity.text.split())  # "Assemblymember Ash Kalra"
        before = " ".join([doc.text[at : entity.start_char].strip(), *inside]).strip()
        if len(name) >= 2 and any(w.lower().strip(".") in ROLE_WORDS for w in before.split()):
            stated = ", ".join(part for part in (before, role) if part)
            name_text = " ".join([*name, generation] if entity.end_char < end else name)
            return _Card(name_text, clean_role(stated), tuple(titles))
    return None


def _card_shaped(text: str) -> _Card | None:
    """``Polly Trottenberg, Commissioner, New York City DOT``: a line of a card's shape,
    a name-shaped head and a role with a role's word after the first separator."""
    parts = _CARD_SEPARATOR.split(text.strip("•·*-–— "), maxsplit=1)
    if len(parts) < 2 or len(text.split()) > 25:
        return None
    titles, words = split_title(parts[0].split())
    role = parts[1].strip(" °")
    if not 2 <= len(words) <= 4 or not is_name_shaped(" ".join(words)):
        return None
    if any(w.lower().strip(".") in ROLE_WORDS | INSTITUTION_HEADS for w in words):
        return None
    if not _role_words(role):
        return None
    return _Card(" ".join(words), clean_role(role), tuple(titles))


def _next_text(lines: Sequence[str], number: int) -> str:
    """The next line that is not blank, as the layout readers see it."""
    return next((_plain(line) for line in lines[number + 1 :] if line.strip()), "")


def _role_words(text: str) -> bool:
    """Does the text hold a role's word ("Professor", "Director,")?"""
    words = [w.lower().strip(",.;") for w in text.split()]
    return any(w in ROLE_WORDS or w.split("-")[0] in ROLE_WORDS for w in words)  # Vice-Président


def _role_line(text: str) -> bool:
    """A short line naming a role, as printed above a name on a quotation card
    ("Secretary of the CPC Rongchang District Committee")."""
    words = text.split()
    return (
        len(words) <= 15
        and not text.endswith((".", "?", "!", ":", '"', "”"))
        and words[0][:1].isupper()
        and _role_words(text)
    )


def _people_with_roles(
    text: str, nlp: Language, registry: Registry
) -> list[tuple[str, str, tuple[str, ...]]]:
    """The people a line names, each with the role beside them, read as prose."""
    people = person_spans(nlp(text), registry, nlp)
    starts = frozenset().union(*(title_starts(span) for span, _ in people))
    found = []
    for span, titles in people:
        role, _ = role_at(span, titles, starts - title_starts(span))
        found.append((span.text, role, tuple(titles)))
    return found


# A field of a card line after " | " that is no part of the role: "| Contact: ...",
# "| Written Testimony", a telephone number.
_FURNITURE_FIELD = re.compile(
    r"(?i)^(?:contact|e-?mail|tel|phone|fax|web(?:site)?|twitter|linkedin|written testimony|"
    r"bio(?:graphy)?|download|read more|\+?[\d() -]{7,}$)"
)


def _plain(line: str) -> str:
    """A line as the layout readers see it: without surrounding space and bold marks."""
    return line.strip().replace("**", "")


def _card_text(line: str) -> str:
    """A line as a card: without bullets, bold and the furniture fields after " | "."""
    fields = line.strip().strip("•·*-–— ").replace("**", "").split(" | ")
    kept = []
    for field in fields:
        if kept and _FURNITURE_FIELD.match(field.strip()):
            break
        kept.append(field)
    return " | ".join(kept).strip()


def line_texts(lines: Sequence[str]) -> list[str]:
    """The lines the layout readers will ask the model about, as they ask (to parse them
    in one batch first): those short enough to be a card, a label or a date."""
    texts = []
    for line in lines:
        text = _plain(line)
        words = len(text.split())
        if text and (words <= 12 or (words <= 25 and not text.endswith("."))):
            texts += [text, _card_text(text)]
    return texts


def layout_mentions(
    lines: Sequence[str], nlp: Language, registry: Registry, offset: int
) -> list[Mention]:
    """Speakers shown by the layout: cards, labels, agendas, transcripts."""
    mentions: list[Mention] = []
    cue = False  # under a heading such as "Speakers" or an agenda time
    after_quote = False
    run: list[tuple[int, _Card, str]] = []
    pending: list[tuple[int, _Card, str]] = []  # card-shaped lines right before a run
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

    card_ended = False  # a blank line after a card: the next line does not continue it
    role_above = ""  # the line before, when it reads as a role (a quotation card)
    turns: list[Mention] = []  # "NAME: words": a transcript only where there are several
    for number, line in enumerate(lines):
        text = _plain(line)
        if not any(c.isalnum() for c in text):  # blank, or a page's rule: "|", "* * *"
            card_ended = bool(run)
            continue
        above, role_above = role_above, ""  # only the line right before is above this one
        if QA_QUESTION.match(text):
            questions += 1
            close_run()
            continue
        if QA_ANSWER.match(text):
            answers += 1
            close_run()
            continue
        if answers == 0 and questions == 0:
            framing.append(text)
        pictured = PICTURED.match(text)
        listing = LIST_CUE.match(text.lstrip("¹²³⁴⁵⁶⁷⁸⁹⁰* ")) or pictured
        if listing:  # "Participating guests include: A, ROLE; B, ROLE"
            close_run()
            rest = text.lstrip("¹²³⁴⁵⁶⁷⁸⁹⁰* ")[listing.end() :]
            if not rest.strip():  # "Moderator:" over the cards below it
                cue = True
                continue
            why = "listed after a cue such as 'Participating guests include:'"
            if pictured:
                why = "pictured at the event in a role ('Left to right: NAME, ROLE; ...')"
            if pictured and ";" not in rest:  # "L – R: Moderator A of X, B, CEO, C": prose
                mentions += [
                    Mention(name, offset + number, role, CARD, why, text, titles)
                    for name, role, titles in _people_with_roles(rest, nlp, registry)
                    if role
                ]
                continue
            for entry in re.split(r"\s*;\s*(?:and\s+)?", rest.rstrip(". ")):
                card = _card(entry, nlp, registry)
                if card and (card.role or not pictured):
                    mentions.append(
                        Mention(card.name, offset + number, card.role, CARD, why, text, card.titles)
                    )
            continue
        featuring = FEATURING.search(text) if len(text.split()) <= 60 else None
        if featuring and not text[: featuring.start()].rstrip().endswith((".", "!", "?")):
            close_run()  # "Roundtable on Water, featuring A, B and C": the session's speakers
            why = f"a session's speakers ('{featuring.group().strip(' ,')}')"
            mentions += [
                Mention(name, offset + number, role, CARD, why, text, titles)
                for name, role, titles in _people_with_roles(text[featuring.end() :], nlp, registry)
            ]
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
        if _TIME.match(text) or _programme_item(text):
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
            if _introduces_a_list(text, nlp):  # "Officials attending the Summit included:"
                close_run()
                cue = True
                continue
        if _TALK_HEADING.match(text) and len(text.split()) <= 25:
            doc = nlp(text)
            people = person_spans(doc, registry, nlp)
            if people:
                span, titles = people[0]
                role, strength = role_at(span, titles)
                why = "named in the heading of their talk ('Remarks by ...')"
                mentions.append(Mention(span.text, offset + number, role, strength, why, text))
        stamped = _TIMESTAMPED_TURN.match(text)
        card = _card(stamped.group("name"), nlp, registry) if stamped else None
        if card:
            close_run()
            turns.append(
                Mention(card.name, offset + number, card.role, CARD, "a turn in a transcript", text)
            )
            continue
        labelled = _LABELLED_TURN.match(text)
        if labelled and " | " in labelled.group("label"):
            labelled = None  # "NAME, Jr. | Contact: ...": a card's fields, not a turn
        card = _card(labelled.group("label"), nlp, registry) if labelled else None
        if card and card.role and len(labelled.group("words").split()) > 3:
            # "Yang Xiannong, NPC Deputy and Honorary Dean of ...: The cooperation ..."
            close_run()
            why = "a turn in a transcript"
            turns.append(Mention(card.name, offset + number, card.role, CARD, why, text))
            continue
        turn = TURN.match(text)
        if turn and " " not in turn.group("name") and len(turn.group("rest").split()) > 3:
            # "Feng: ..." a turn labelled by surname: the person named in full before
            if not turn.group("rest").rstrip().endswith("?"):
                why = "a turn in a transcript"
                turns.append(Mention(turn.group("name"), offset + number, "", 0, why, text))
            continue
        if turn and not text.startswith(("http", "Source", "Note")):
            card = _card(turn.group("name"), nlp, registry)
            label = turn.group("name").split()
            _, words = split_title(list(label))
            if not card and len(label) > 1 and len(words) == 1 and words[0][:1].isupper():
                # "DR. KIM: ...": a title and a surname, the person named in full before
                surname = words[0].title() if words[0].isupper() else words[0]
                card = _Card(surname, "", tuple(label[:-1]))
            if card and len(turn.group("rest").split()) > 3:
                close_run()
                if not turn.group("rest").rstrip().endswith("?"):
                    why = "a turn in a transcript"
                    turns.append(
                        Mention(card.name, offset + number, card.role, 0, why, text, card.titles)
                    )
                continue
        item = _ITEM.match(text)
        if item and ":" in item.group("rest"):  # "1. Seoul: e-Government: NAME, ROLE; ..."
            people = item.group("rest").rsplit(":", 1)[1]
            listed = [_card(e, nlp, registry) for e in re.split(r"\s*;\s*(?:and\s+)?", people)]
            if listed and all(c and c.role for c in listed):
                close_run()
                why = "the speakers of an item of a programme ('1. TITLE: NAME, ROLE')"
                mentions += [
                    Mention(c.name, offset + number, c.role, CARD, why, text, c.titles)
                    for c in listed
                    if c
                ]
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
            if not card.role and not run and above:  # the role printed above the name
                card = _Card(card.name, clean_role(above), card.titles)
            if not run and pending and pending[-1][0] == number - 1:
                run.extend(pending)  # lines of the card's shape above it open the run
            pending.clear()
            run.append((number, card, text))
            card_ended = False
            continue
        role_above = text if _role_line(text) else ""
        bio = _BIO.match(text) if cue else None
        if bio:  # under "Speakers": "Jane Doe is the director of the Urban Lab. She ..."
            card = _card(bio.group("name"), nlp, registry)
            if card:
                close_run()
                why = "a speaker's biography under a heading such as 'Speakers'"
                role = clean_role(bio.group("role"))
                mentions.append(Mention(card.name, offset + number, role, CARD, why, text))
                continue
        shaped = _card_shaped(text) if run else None
        if shaped:  # in a run of cards, a line of their shape is one more, whatever the
            run.append((number, shaped, text))  # model makes of the name on its own
            card_ended = False
            continue
        if (
            (run or cue)
            and _role_words(_next_text(lines, number))
            and unknown_words_name(text, nlp)
        ):
            run.append((number, _Card(text, "", ()), text))  # "Hiroo Ichikawa" above roles
            card_ended = False
            continue
        part = bool(run) and run[-1][1].role.lower() in EVENT_PARTS  # "NAME (Moderator)"
        if (
            run
            and not (
                card_ended and run[-1][1].role and not part
            )  # after a blank line, only a card's first role line
            and (len(text.split()) <= 12 or (len(text.split()) <= 25 and _role_words(text)))
            and not text.endswith((".", "?", "!", ":", "："))  # a sentence, a heading
            and not text.startswith(("•", "·", "- ", "* ", "– "))  # a new entry of a list
            and not _date_line(text, nlp)  # a byline's date, not a role
        ):
            number_, card_, line_ = run[-1]  # a role continued on the next line
            joint = ";" if part else "" if card_.role.endswith("/") else ","  # "Author /"
            role = f"{card_.role}{joint} {text}" if card_.role else text
            run[-1] = (number_, _Card(card_.name, clean_role(role), card_.titles), line_)
            continue
        shaped = None if run else _card_shaped(text)
        if shaped:  # "Alain Thierstein, Professor of ...": a card if a run follows
            if pending and pending[-1][0] != number - 1:
                pending.clear()
            pending.append((number, shaped, text))
            continue
        close_run()
        after_quote = text.startswith(("“", '"')) or text.endswith(("”", '"'))
        if len(text.split()) > 25:
            cue = False
        elif _speakers_heading(text):
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
    credited = credited_names(framing)
    for number, text in enumerate(framing):
        doc = nlp(text)
        for span, titles in person_spans(doc, registry, nlp):
            if name_key(span.text) in credited or len(span.text.split()) < 2:
                continue
            role, strength = role_at(span, titles)
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
