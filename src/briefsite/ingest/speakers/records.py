"""What the speaker finder passes between its steps: mentions, then people."""

from __future__ import annotations

from dataclasses import dataclass, field

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
