"""Who speaks in a bulletin, in which role, and on what evidence.

People are found by the language model (spaCy's named entities), by the registry's aliases
and by Chinese name structure (``names``); whether a person *speaks* is read from the
sentence's dependency parse or from the layout, by small named constructions:

- prose: the subject of a verb of speaking, presenting, hosting or attending (``Li Ming,
  vice-mayor of Hefei, attended and delivered a keynote``), coordinated subjects included;
  the agent of a passive (``presided over by Professor Anna Berg``); ``according to X``;
  ``X's view``, ``the views of X``, ``an interview with X``; a list introduced as speakers,
  guests, panelists or attendees; a sentence that lists people (``Panelists included A, B
  and C``, ``They are A, ROLE, and B, ROLE``); the parties to a talk in a semicolon list;
  ``were also present``; ``Officiated at the ceremony were A, B``; the guests a host
  receives, meets or invites; ``My name is X``; a name the model misses at the end of a
  long title or between commas before a role; names before a verb the parse left without
  a subject; lists that put each role before ``, Mr NAME``, before ``, NAME`` between
  semicolons, or before each name of a caption without a verb; a name between two
  speakers of one list; ``honoured to have X to give a keynote``, ``joined X in signing``,
  ``served as moderator``, ``take part``, ``a presentation made by X``; a photo's caption
  (``Photo shows ROLE, Mr NAME (left); ...``); a name after a courtesy (``Mr. Pantazis
  THERIANOS``), whatever the model makes of it;
- layout: a bold name (``**WU Zhiqiang**``), speaker cards (``NAME, ROLE`` lines under a
  heading, an agenda time or a quotation; the role above the name; ``ROLE NAME`` bullets
  under a line that introduces a list; honours between name and role), ``Moderator:
  NAME`` labels (also glued to the name by a web page: ``PanelistsRichard Bender``), a
  talk's heading (``Remarks by NAME``, ``Reflections by NAME``), a programme's numbered
  item (``1. TITLE: NAME, ROLE; ...``), a session's line (``Roundtable on Water,
  featuring A, B``), a
  photo caption (``Left to right: NAME, ROLE; ...``), transcripts (``NAME:``, ``NAME,
  ROLE:``, ``NAME  00:07`` and ``NAME (1m 32s):`` turns, a label alone above the words;
  ``Q:``/``A:`` with the interviewee named in the framing);
- later references: ``Li said``, ``Professor Berg added`` and ``she noted`` are the person
  named in full earlier, ``Bob Yaro`` is ``Robert Yaro``, ``A. Cheung`` is the one Cheung
  the initial fits, ``Carrie Lam`` is ``Carrie Lam Cheng Yuet-ngor``, and names run
  together (``Wang Hao Wang Qingxian``) are the people named apart; two people of one
  surname stay apart, and ingest says so when it cannot tell which is meant.

A person who is only mentioned, named inside a quotation or inside another person's role
in brackets, cited as guidance ("the spirit of the speech delivered by X"), the interviewer
beside the one whose words are reported, or credited as reporter, photographer or compiler
is not a speaker, but is reported, so the editor sees what was left out and why. Each
speaker keeps the role of their fullest mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ...content.registry import Registry
from ...text import name_key
from .coreference import group_people
from .layout import credited_names, layout_mentions, line_texts
from .memo import ParseOnce
from .prose import prose_mentions, turns
from .records import Evidence, Finding, Mention, Person
from .roles import trim_role

if TYPE_CHECKING:
    from spacy.language import Language


__all__ = ["Evidence", "Finding", "Person", "find_speakers"]


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
    nlp = ParseOnce(nlp)  # type: ignore[assignment]  # a Language that parses each text once
    nlp.prime(line_texts(lines))
    mentions: list[Mention] = []
    warnings: list[str] = []
    offset = 0
    plains = [paragraph.replace("**", "") for paragraph in paragraphs]
    docs = list(nlp.pipe(plains))
    in_turn = turns(docs)
    for number, (paragraph, plain, doc) in enumerate(zip(paragraphs, plains, docs, strict=True)):
        mentions += prose_mentions(paragraph, doc, offset, registry, nlp, in_turn[number])
        offset += len(plain) + 2
    mentions += layout_mentions(lines, nlp, registry, offset)
    end = offset + sum(len(line) + 1 for line in lines)
    mentions += [
        Mention(" ".join(name.split()), end, "", 0, "named as the author in the credits", name)
        for name in presented
    ]
    credited = {name_key(n) for n in not_speakers} | credited_names(lines)
    people = group_people(mentions, credited, warnings)
    for person in people:
        if person.counted:
            person.role = trim_role(person.role, nlp)
    return Finding(people, warnings)
