"""Mentions into people: full names first, later references (a surname, a title and
surname, a pronoun) to the person named before them."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from nicknames import NickNamer

from ...names import GENERATIONS, hyphenated_given_name
from ...text import name_key
from .cues import PRONOUNS
from .records import Evidence, Mention, Person


def group_people(mentions: list[Mention], credited: set[str], warnings: list[str]) -> list[Person]:
    """Group mentions into people, in reading order: a full name makes or joins a person;
    a surname, a title and surname, or a pronoun joins the person named before it."""
    people: dict[str, Person] = {}
    last_seen: dict[str, int] = {}  # person key -> position of their latest mention
    surname_only: dict[str, str] = {}  # person key -> how the text names them
    for mention in sorted(_run_together(mentions), key=lambda m: m.position):
        if len(mention.name.split()) >= 2:
            key = _person_key(mention.name)
            if key not in people:  # "Bob Yaro" for "Robert Yaro", "A. Cheung" for "Anthony Cheung"
                key = (
                    _same_but_nickname(mention.name, people)
                    or _initialled(mention.name, people)
                    or _leading_words(mention.name, people)
                    or key
                )
            person = people.get(key)
            if person is None:
                person = people[key] = Person([mention.name], first_position=mention.position)
            elif mention.name not in person.spellings:
                _add_spelling(person, mention.name)
        else:
            key = _antecedent(mention, people, last_seen, warnings)
            if key is None and _surname_only_speaker(mention):
                # "Mr. Guardino said": a speaker not named in full before (maybe after)
                key = _person_key(mention.name)
                people.setdefault(key, Person([mention.name], first_position=mention.position))
                surname_only[key] = f"'{' '.join(mention.titles)} {mention.name}'"
            if key is None:
                continue
            person = people[key]
        last_seen[key] = mention.position
        _apply(person, mention)
    for key, label in surname_only.items():
        named_later = [k for k in _named_with(people[key].name, people) if k != key]
        if len(named_later) == 1:  # a caption's "Premier Legault", then "Francois Legault"
            _merge(people.pop(key), people[named_later[0]])
        else:
            warnings.append(
                f"{label} is named by surname only: add the full name to the registry entry"
            )
    for key, person in people.items():
        if key in credited or any(name_key(s) in credited for s in person.spellings):
            person.not_counted = "credited as author, reporter or photographer"
        elif person.evidence is None and not person.not_counted:
            person.not_counted = "only mentioned"
    return sorted(people.values(), key=lambda p: p.first_position)


def _run_together(mentions: list[Mention]) -> list[Mention]:
    """Mentions with a "name" of two or more names the text gives apart elsewhere, written
    without a separator (a headline's "Wang Hao Wang Qingxian attended"), as those names."""
    known = {_person_key(m.name) for m in mentions if len(m.name.split()) in (2, 3)}
    result = []
    for mention in mentions:
        parts = _names_in(mention.name.split(), known) if len(mention.name.split()) > 3 else None
        if not parts:
            result.append(mention)
            continue
        for number, part in enumerate(parts):
            result.append(replace(mention, name=part, position=mention.position + number, role=""))
    return result


def _names_in(words: list[str], known: set[str]) -> list[str] | None:
    """``words`` cut into names of ``known`` (two or three words each), if they are all."""
    if not words:
        return []
    for size in (2, 3):
        head = " ".join(words[:size])
        if len(words) >= size and _person_key(head) in known:
            rest = _names_in(words[size:], known)
            if rest is not None:
                return [head, *rest]
    return None


def _person_key(name: str) -> str:
    """Spellings of one person: case, dots, the order of the words and a generation
    ("Jr.") do not count."""
    words = name_key(name).split("-")
    if len(words) > 2 and words[-1] in _GENERATION_KEYS:
        words.pop()
    return " ".join(sorted(words))


_GENERATION_KEYS = frozenset(name_key(g) for g in GENERATIONS)


def _same_but_nickname(name: str, people: dict[str, Person]) -> str | None:
    """The key of the person named so but for a familiar form of the first name ("Bob
    Yaro" for "Robert Yaro", "Steve Feldstein" for "Steven Feldstein")."""
    first, *rest = name_key(name).split("-")
    for key, person in people.items():
        for spelling in person.spellings:
            other_first, *other_rest = name_key(spelling).split("-")
            if rest == other_rest and _familiar_forms(first, other_first):
                return key
    return None


def _initialled(name: str, people: dict[str, Person]) -> str | None:
    """The key of the one person whose given name the initial stands for ("Prof. A.
    Cheung" after "Anthony Cheung", though a "Peter Cheung" is also named)."""
    words = name.split()
    if len(words) != 2 or not re.fullmatch(r"[A-Z]\.", words[0]):
        return None
    initial, surname = words[0][0], words[1].casefold()

    def fits(spelling: str) -> bool:
        first, *_, last = spelling.split()
        return last.casefold() == surname and first[0] == initial and not first.endswith(".")

    matches = [
        key
        for key, person in people.items()
        if any(len(s.split()) >= 2 and fits(s) for s in person.spellings)
    ]
    return matches[0] if len(matches) == 1 else None


def _leading_words(name: str, people: dict[str, Person]) -> str | None:
    """The key of the one person named so but for the Chinese part of a Hong Kong name:
    "Carrie Lam" and "Carrie Lam Cheng Yuet-ngor", "John Lee" and "John Lee Ka-chiu"."""
    words = name.split()

    def same(spelling: str) -> bool:
        shorter, longer = sorted((words, spelling.split()), key=len)
        extra = longer[len(shorter) :]
        return (
            len(shorter) >= 2
            and longer[: len(shorter)] == shorter
            and 1 <= len(extra) <= 2
            and hyphenated_given_name(extra[-1])
        )

    matches = {key for key, person in people.items() for s in person.spellings if same(s)}
    return matches.pop() if len(matches) == 1 else None


def _add_spelling(person: Person, spelling: str) -> None:
    """Another way the text names the person; the formal first name ("Robert", not "Bob")
    is the one the person is known by, as an editor would write it."""
    first = name_key(spelling).split("-")[0]
    known = name_key(person.name).split("-")[0]
    formal = known != first and _familiar_forms(first, known) and len(first) > len(known)
    if formal or spelling.startswith(f"{person.name} "):  # "Ed Wolking Jr."
        person.spellings.insert(0, spelling)
    else:
        person.spellings.append(spelling)


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


def _familiar_forms(first: str, other: str) -> bool:
    """Whether two different given names are one and its familiar form (the
    ``nicknames`` data set: Bob and Robert, Steve and Steven, Bill and William)."""
    if first == other or len(first) < 2 or len(other) < 2:
        return False
    namer = _nicknamer()
    return other in namer.nicknames_of(first) or first in namer.nicknames_of(other)


def _named_with(word: str, people: dict[str, Person]) -> list[str]:
    """Keys of the people one of whose names has ``word`` as a whole word."""
    word = word.casefold()
    return [
        key
        for key, person in people.items()
        if any(word in s.casefold().replace("-", " ").split() for s in person.spellings)
    ]


def _merge(reference: Person, person: Person) -> None:
    """What a surname-only reference says, given to the person it turned out to be."""
    person.titles |= reference.titles
    if person.evidence is None and reference.evidence is not None:
        person.evidence, person.not_counted = reference.evidence, ""
    if (reference.role_strength, len(reference.role)) > (person.role_strength, len(person.role)):
        person.role, person.role_strength = reference.role, reference.role_strength
    person.first_position = min(person.first_position, reference.first_position)


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
        and mention.name.lower() not in PRONOUNS
        and mention.name[:1].isupper()
    )


PRONOUN_REACH = 600  # characters: how far back "he said" looks for the person it means


def _antecedent(
    mention: Mention, people: dict[str, Person], last_seen: dict[str, int], warnings: list[str]
) -> str | None:
    """The key of the person a surname or a pronoun refers to, named in full earlier."""
    if mention.name.lower() in PRONOUNS:
        # the last person presented speaking, else the last named ("Premier Li's report
        # had set the targets, she noted": she is the speaker before, not Li)
        speaking = {k: p for k, p in last_seen.items() if people[k].evidence is not None}
        for seen in (speaking, last_seen):
            key = max(seen, key=seen.__getitem__, default=None)
            if key is not None and mention.position - last_seen[key] <= PRONOUN_REACH:
                return key
        return None
    candidates = _named_with(mention.name, people)
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
