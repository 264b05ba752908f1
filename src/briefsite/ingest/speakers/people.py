"""The people a paragraph names: the model's PERSON entities, the registry's aliases and
Chinese names by their structure, without their titles."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...content.registry import Registry
from ...names import (
    CHINESE_FAMILY_NAMES,
    COURTESY,
    TITLES,
    chinese_name,
    hyphenated_given_name,
    is_name_shaped,
    split_title,
)
from .cues import INSTITUTION_HEADS, ROLE_WORDS, SPEAKING_VERBS
from .parse import speaking

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


def person_spans(doc: Doc, registry: Registry, nlp: Language) -> list[tuple[Span, list[str]]]:
    """People named in ``doc``: PERSON entities, registry aliases and Chinese names the
    model missed, without titles; longest first where they overlap."""
    found: list[tuple[Span, list[str]]] = []
    taken: set[int] = set()
    others = [e for e in doc.ents if e.label_ != "PERSON"]

    def add(span: Span | None) -> None:
        if span is None:
            return
        span = _with_cantonese_given_name(_whole_hyphenated(span))
        texts = [t.text for t in span]
        titles, words = split_title(list(texts))
        while len(words) > 2 and words[0].lower().rstrip(".") in ROLE_WORDS:
            titles.append(words.pop(0))  # "Emeritus Shigeru Moriji": a role's word
        if _acronym_before(words) or _word_before_a_chinese_name(words, span, nlp):
            words.pop(0)  # "MOFCOM Li Guanghui", "Local Mo Xiaohuan": not the name's
        # where the name starts once titles before it and honours after it are off
        start = span.start + next(
            k for k in range(len(texts)) if texts[k : k + len(words)] == words
        )
        while words and words[-1] in ("’s", "'s", "’", "'", ",", "."):
            words.pop()
        if len(words) > 2 and _capitalised_verb(words[-1]):
            words.pop()  # "Prime Minister Dr. Manmohan Singh Chaired the meeting"
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
        return all(
            t.text == "-"
            or (
                (t.tag_ in ("NNP", "NNPS") or _ELIDED.match(t.text))
                and t.lower_.rstrip(".") not in ROLE_WORDS
            )
            for t in person
        )

    for match in registry.expert_matcher.finditer(doc.text):
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is not None:
            known.add(span.start)
        add(span)
    for start in _after_courtesies(doc):  # "Mr. Pantazis THERIANOS": the model saw a firm
        candidate = _name_run(doc, start)
        if candidate is not None:
            known.add(candidate.start)
            add(candidate)
    for entity in doc.ents:
        if entity.label_ == "PERSON" and not (
            _participial_clause(entity, nlp) or _portfolio(entity) or _named_chair(entity)
        ):
            add(_with_given_names(entity))
    for token in doc:  # "Angus Ng Hok-ming, chairman of ..., says": a name the model missed
        if token.dep_ == "nsubj" and speaking(token.head) and token.i < token.head.i:
            left = token.left_edge.i
            comma = next((t.i for t in doc[left : token.head.i] if t.text == ","), None)
            if comma is not None and comma > left:
                candidate = doc[left:comma]
                overlapped = any(
                    e.start < candidate.end and candidate.start < e.end for e in doc.ents
                )
                if _name_shaped(candidate) and (
                    (
                        not overlapped
                        and (chinese_name(candidate.text) or reads_as_person(candidate.text, nlp))
                    )
                    or _named_before_a_role(candidate, nlp)  # "Pankaj Kumar, Secretary, ..."
                ):
                    known.add(candidate.start)
                    add(candidate)
    for comma in [t.i for t in doc if t.text == ","]:  # "..., Ahn Sang-so, Mayor of Incheon"
        end = next((t.i for t in doc[comma + 1 : comma + 8] if t.text == ","), None)
        candidate = doc[comma + 1 : end] if end is not None else None
        if (
            candidate is not None
            and not any(i in taken for i in range(candidate.start, candidate.end))
            and _name_shaped(candidate)
            and _named_before_a_role(candidate, nlp)
        ):
            known.add(candidate.start)
            add(candidate)
    for token in doc:  # "... of the Hong Kong SAR Carrie Lam said": the name ends a title
        if token.pos_ == "VERB" and speaking(token):
            add(_name_ending_a_title(doc[token.sent.start : token.i], taken, nlp))
    for start in range(len(doc) - 1):  # Chinese names the model did not mark
        for size in (3, 2):
            span = doc[start : start + size]
            if (
                span.end <= len(doc)
                and chinese_name(span.text)
                and all(t.is_title or t.is_upper for t in span)
                and _not_another_entity(span, others)
                and not any(i in taken for i in range(span.start, span.end))
                and not place_alone(span.text, nlp)  # "Hong Kong"
            ):
                add(span)
    return _joined_hong_kong_names(sorted(found, key=lambda item: item[0].start))


_COURTESY_ANCHORS = frozenset(c.rstrip(".") for c in COURTESY) | {"prof", "professor"}


def _after_courtesies(doc: Doc) -> list[int]:
    """Where a name starts after a courtesy or "Prof." ("Mr. W F Leung", "Prof. SHEN
    Minghao"): a courtesy is followed by a name, whatever the model makes of it."""
    return [
        t.i + 1
        for t in doc[:-2]
        if t.lower_.rstrip(".") in _COURTESY_ANCHORS and "\n" not in t.whitespace_
    ]


def _name_run(doc: Doc, start: int) -> Span | None:
    """The name-shaped words from ``start``: two to four capitalised words, words in
    capitals or initials, on one line; never a role's or an institution's word."""
    end, words = start, 0
    while end < len(doc) and words < 4:
        word = doc[end]
        initial = len(word.text.rstrip(".")) == 1 and word.text[:1].isupper()
        if not ((word.is_alpha and (word.is_title or word.is_upper)) or initial):
            break
        if word.lower_ in ROLE_WORDS | INSTITUTION_HEADS:
            break
        end, words = end + 1, words + 1
        while end + 1 < len(doc) and joined_by_hyphen(doc, end):
            end += 2  # "Siu-kay": one word of the name
        if "\n" in doc[end - 1].whitespace_:
            break
    run = doc[start:end]
    if len(run) < 2 or not (is_name_shaped(run.text) or chinese_name(run.text)):
        return None
    return run


def _capitalised_verb(word: str) -> bool:
    """Is a capitalised word a verb of speaking in the past or third person ("Chaired",
    "Says"), which a name the model tagged runs on into?"""
    lower = word.lower()
    if not word[:1].isupper():
        return False
    if lower == "said":
        return True
    stems = [lower[: -len(end)] for end in ("ed", "d", "es", "s") if lower.endswith(end)]
    return any(stem in SPEAKING_VERBS for stem in stems)


def joined_by_hyphen(doc: Doc, index: int) -> bool:
    """Is ``doc[index]`` a hyphen between two words, with no space ("Siu-kay")?"""
    return (
        doc[index].text == "-"
        and not doc[index - 1].whitespace_
        and not doc[index].whitespace_
        and doc[index + 1].is_alpha
    )


def _word_before_a_chinese_name(words: list[str], span: Span, nlp: Language) -> bool:
    """Does an English word open the "name" before a whole Chinese name ("Local Mo
    Xiaohuan", "Villager Wang Fang"), where the model took the two as one?"""
    if len(words) != 3 or not chinese_name(" ".join(words[1:])) or chinese_name(words[0]):
        return False
    first = next(t for t in span if t.text == words[0])
    return first.lower_ not in CHINESE_FAMILY_NAMES and _english_word(first, nlp)


def _acronym_before(words: list[str]) -> bool:
    """Does an organisation's acronym open the name ("MOFCOM Li Guanghui", where a role
    "of ..., MOFCOM" ends right before the name)? Not a family name in capitals ("ZHANG
    Wei Ming"): the acronym is three letters or more and the rest a name of two words or
    more in ordinary case."""
    return (
        len(words) > 2
        and len(words[0]) > 2
        and words[0].isupper()
        and words[0].isalpha()
        and not chinese_name(" ".join(words[:2]))
        and not any(w.isupper() for w in words[1:])
    )


def _joined_hong_kong_names(found: list[tuple[Span, list[str]]]) -> list[tuple[Span, list[str]]]:
    """One name where the model split a Hong Kong full name in two: "Carrie Lam" and
    "Cheng Yuet-ngor" are "Carrie Lam Cheng Yuet-ngor" (English given name, family name,
    the husband's family name, the Chinese given name)."""
    joined: list[tuple[Span, list[str]]] = []
    for span, titles in found:
        if joined:
            before, before_titles = joined[-1]
            words = span.text.split()
            if (
                before.end == span.start
                and len(before.text.split()) == 2
                and len(words) == 2
                and hyphenated_given_name(words[-1])  # "Yuet-ngor"
            ):
                joined[-1] = (span.doc[before.start : span.end], before_titles)
                continue
        joined.append((span, titles))
    return joined


_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})


# A family name with an elided particle, which the model may tag as an adjective: O’Grady.
_ELIDED = re.compile(r"^[A-Z][’'][A-Z][a-z]+$")


def _name_ending_a_title(before: Span, taken: set[int], nlp: Language) -> Span | None:
    """The name that ends a long title right before a verb ("The World Bank's country
    director for China, Mongolia and Korea Klaus Rohland remarked"), which the model
    misses after many capitalised words. The name is two words (three for a Chinese
    name), set off from the title by a role word, an institution's head word or another
    entity (a place, an organisation), on the title's line; not a place, no word of an
    organisation, and not two English words."""
    for size in (3, 2):
        name = before[len(before) - size :] if len(before) > size else None
        if name is None or any(t.i in taken for t in name):
            continue
        boundary = before.doc[name.start - 1]
        if any("\n" in t.whitespace_ for t in before.doc[boundary.i : name.end - 1]):
            continue  # a title and its name are written on one line
        if not all(t.is_alpha and (t.is_title or t.is_upper) for t in name):
            continue
        if any(t.lower_ in ROLE_WORDS | INSTITUTION_HEADS or t.ent_type_ in _PLACES for t in name):
            continue
        sets_off = boundary.lower_.rstrip(".") in ROLE_WORDS | INSTITUTION_HEADS or (
            boundary.ent_type_ and boundary.ent_type_ != "PERSON"
        )
        if not sets_off:
            continue
        if chinese_name(name.text):
            return None if place_alone(name.text, nlp) else name
        if (
            size == 2
            and is_name_shaped(name.text)
            and not all(_english_word(t, nlp) for t in name)  # not "Economic Circle"
            and not any(t.ent_type_ == "ORG" for t in name)
            and label_alone(name.text, nlp) not in _PLACES
        ):
            return name
    return None


def _name_shaped(span: Span) -> bool:
    """Is the text shaped like a name, a hyphenated one included ("Ahn Sang - so")?"""
    return is_name_shaped(span.text.replace(" - ", "-").replace(" -", "-"))


def _lemma_table(nlp: Language, name: str) -> dict | None:
    """A table of the pipeline's lemmatizer ("lemma_index": WordNet's words by part of
    speech; "lemma_exc": irregular forms), or None for a pipeline without one."""
    try:
        return nlp.get_pipe("lemmatizer").lookups.get_table(name)
    except (KeyError, AttributeError):
        return None


def _english_word(token: Token, nlp: Language) -> bool:
    """Is the word an English noun, verb, adjective or adverb of the pipeline's lemma
    index (WordNet's)? A name has at least one word that is not ("Klaus Rohland", "Carrie
    Lam"); "Economic Circle" and "Metropolitan Government" have none. A pipeline without
    the index counts every word as English, which turns this fallback off."""
    index = _lemma_table(nlp, "lemma_index")
    if index is None:
        return True
    return any(token.lemma_.lower() in words for words in index.values())


def _named_before_a_role(candidate: Span, nlp: Language) -> bool:
    """Is the name-shaped text between commas a person's name, however the model tags it,
    because a role follows it ("Pankaj Kumar, Secretary, Ministry of ...", "Ahn Sang-so,
    Mayor of Incheon")? Not when it reads as a place or an organisation, or holds a
    role's or an institution's word itself."""
    doc = candidate.doc
    after = candidate.end + 1
    if after < len(doc) and doc[after].dep_ == "det":
        after += 1
    return (
        after < len(doc)
        and doc[candidate.end].text == ","
        and doc[after].lower_.rstrip(".") in ROLE_WORDS
        and not any(t.lower_ in ROLE_WORDS | INSTITUTION_HEADS for t in candidate)
        and label_alone(candidate.text, nlp) not in _PLACES | {"ORG", "EVENT", "FAC"}
    )


def _named_chair(entity: Span) -> bool:
    """Is the "name" that of a chair a professor holds ("Robert S. Lynd Professor of
    Sociology", "the Victor and William Fung Professor in Economics")? A role's words:
    the name, maybe more names joined to it, then "Professor" or "Chair" of something."""
    doc = entity.doc
    index = entity.end - 1 if entity[-1].text in _CHAIRS else entity.end
    while index < min(len(doc), entity.end + 6) and doc[index].text not in _CHAIRS:
        if not (doc[index].is_title or doc[index].lower_ in ("and", "&")):
            return False
        index += 1
    return (
        index + 1 < len(doc)
        and doc[index].text in _CHAIRS
        and doc[index + 1].lower_ in ("of", "in", "for")
    )


_CHAIRS = frozenset({"Professor", "Chair", "Professorship"})


def _portfolio(entity: Span) -> bool:
    """Is the "name" what a role or an institution is of ("Minister of Jal Shakti",
    "Ministry of Jal Shakti")? A portfolio or a place, not a person."""
    head = entity.root.head
    return (
        entity.root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.i == entity.start - 1  # right after "of": not the end of a long title
        and head.head.lower_ in ROLE_WORDS | INSTITUTION_HEADS
    )


def _participial_clause(entity: Span, nlp: Language) -> bool:
    """Is the "name" a participle and its object, opening the sentence ("Quoting
    Aristotle, Mayor Eric Garcetti described ...")? The model may read the two as one
    name, and the object as the subject of the verb after the comma."""
    first, doc = entity[0], entity.doc
    return (
        len(entity) > 1
        and first.is_sent_start
        and entity.end < len(doc)
        and doc[entity.end].text == ","
        and _participle(first.text, nlp)
    )


def _participle(word: str, nlp: Language) -> bool:
    """Is the word the -ing form of an English verb of the pipeline's lemma index
    ("Quoting", "Citing", "Thanking")? Short words are left alone: "Bing" is a name."""
    word = word.lower()
    index, irregular = _lemma_table(nlp, "lemma_index"), _lemma_table(nlp, "lemma_exc")
    if len(word) < 6 or not word.endswith("ing") or index is None or irregular is None:
        return False
    verbs = index.get("verb", ())
    return word in irregular.get("verb", {}) or any(word[:-3] + end in verbs for end in ("", "e"))


def _not_another_entity(span: Span, others: list[Span]) -> bool:
    """Does a Chinese-shaped name lie outside the model's other entities? One the model
    tagged as an organisation, alone ("and Du Min, Party Secretary of ...") or as the end
    of one ("Vice Chairman of the Provincial Committee of the CPPCC Gao Wen"), or whose
    surname it took for a people ("Han" in "Han Jun"), is still asked alone, by the
    caller: a place asked alone is a place."""
    overlapping = [e for e in others if e.start < span.end and span.start < e.end]
    if len(overlapping) != 1:
        return not overlapping
    entity = overlapping[0]
    if span.start < entity.start and entity.end <= span.end:
        return True  # "Zhang Xiaoqiang" whose given name the model took for a place
    if entity.label_ == "NORP":
        return span.start <= entity.start and entity.end < span.end
    return entity.label_ == "ORG" and entity.end == span.end and entity.start <= span.start


def _with_cantonese_given_name(span: Span) -> Span:
    """A Hong Kong name the model cut after its English part: "William Wong" of "William
    Wong Kam-fai", "Carrie Lam" of "Carrie Lam Cheng Yuet-ngor" (an English given name, the
    family name, maybe a second family name, and the hyphenated Chinese given name)."""
    doc, end = span.doc, span.end
    if len(span) != 2 or chinese_name(span.text) or not span[-1].whitespace_:
        return span
    for size in (3, 4):  # "Kam - fai", "Cheng Yuet - ngor"
        words = doc[end : end + size]
        if (
            len(words) == size
            and joined_by_hyphen(doc, words[-2].i)
            and hyphenated_given_name(words[-3:].text.replace(" ", ""))
            and all(t.is_title for t in words[:-2])
            and not any("\n" in t.whitespace_ for t in doc[end - 1 : end + size - 1])
        ):
            return doc[span.start : end + size]
    return span


def _whole_hyphenated(span: Span) -> Span:
    """The whole of a hyphenated name where the model's span stops at a hyphen: ``Lip-Bu
    Tan`` for ``Bu Tan``, ``Ng Hok-ming`` for ``Ng Hok``."""
    doc, start, end = span.doc, span.start, span.end

    def joined(left: int) -> bool:  # doc[left] "-" doc[left + 2], with no space between
        return (
            left >= 0
            and left + 2 < len(doc)
            and doc[left].is_alpha
            and joined_by_hyphen(doc, left + 1)
        )

    while start >= 2 and joined(start - 2) and doc[start - 2].is_title:
        start -= 2
    while end + 1 < len(doc) and joined(end - 1):
        end += 2
    return doc[start:end] if (start, end) != (span.start, span.end) else span


def _titles_before(span: Span) -> list[str]:
    """Role titles written just before the name but outside the entity (``Professor``)."""
    titles = []
    index = span.start - 1
    while index >= 0 and span.doc[index].text.lower().rstrip(".") in TITLES:
        titles.insert(0, span.doc[index].text)
        index -= 1
    return titles


def place_alone(name: str, nlp: Language) -> bool:
    """Is a name shaped like a Chinese name a place ("Hong Kong", "Jiang Su")? Asked alone,
    the model calls a place a place; a person it may call an organisation ("Cao Qingyao")."""
    return label_alone(name, nlp) in _PLACES


def label_alone(name: str, nlp: Language) -> str:
    """The model's label for a name asked alone in a sentence: "Hong Kong said so." GPE."""
    doc = nlp(f"{name} said so.")
    covering = [e for e in doc.ents if e.start_char == 0 and e.end_char >= len(name)]
    return covering[0].label_ if covering else ""


def unknown_words_name(name: str, nlp: Language) -> bool:
    """Is a name-shaped line made only of words that are not English, and not a place?
    The model knows few Japanese or Indian names ("Hiroo Ichikawa said so." is no PERSON
    to it); on a card whose role lines follow, such a line can only be a name."""
    if not is_name_shaped(name):
        return False
    doc = nlp(name)
    return not any(_english_word(t, nlp) for t in doc) and not place_alone(name, nlp)


def reads_as_person(name: str, nlp: Language) -> bool:
    """Is a name alone on a line (a speaker card) a person's? Asked of the model in the
    context it knows best, a sentence: "Anthony C. Hood said so." (an organisation's
    name, "Urban Age Institute said so.", is not a PERSON there)."""
    # "JOHN DONNELLY", "Dirk AHNER" read as names only in their usual case
    name = " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in name.split())
    doc = nlp(f"{name} said so.")
    return any(
        e.label_ == "PERSON" and e.start_char == 0 and e.end_char == len(name) for e in doc.ents
    )


def _with_given_names(entity: Span) -> Span:
    """A PERSON entity with the capitalised given names the model left before it
    (``Micah`` of ``Micah Weinberg``, ``Durga`` of ``Durga Shanker Mishra``: compounds of
    the same name in the parse): two for a one-word entity, one for a two-word entity
    that opens its phrase."""
    doc, start = entity.doc, entity.start
    reach = {1: 2, 2: 1}.get(len(entity), 0)

    def given(token: Token) -> bool:
        return (
            token.dep_ == "compound"
            and token.head.i == entity.root.i
            and token.tag_ == "NNP"
            and token.is_title
            and token.lower_.rstrip(".") not in ROLE_WORDS
            and not token.ent_type_
        )

    while start > 0 and start > entity.start - reach and given(doc[start - 1]):
        start -= 1
    if (
        len(entity) == 2
        and 0 < start < entity.start
        and not (doc[start - 1].is_punct or doc[start].is_sent_start)
    ):
        start = entity.start  # "... Bank Shanker Mishra": the word before may be a title
    return doc[start : entity.end] if start < entity.start else entity
