"""The words and line shapes that cue a construction: closed classes, each named.

Who is a person is the language model's call; these say what *presents* a person as
a speaker (a verb of speaking, a talk noun, a list cue) or rules them out (a reporter's
title, an institution's head word).
"""

from __future__ import annotations

import re

from ...names import TITLES

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
    launch officiate""".split()
)


# Verbs that make their subject a host only with guests for object: "met the guests",
# "received the delegation" (but not "met the targets").
HOSTING_VERBS = frozenset({"meet", "receive", "greet"})
GUEST_NOUNS = frozenset({"guest", "delegation", "delegate", "visitor"})


# Verbs of speaking only with their particle: "kicked off the programme", "weighed in".
PHRASAL_SPEAKING_VERBS = frozenset(
    {("kick", "off"), ("weigh", "in"), ("sum", "up"), ("wrap", "up"), ("speak", "up")}
)


# Nouns of a talk: "delivered a keynote", "gave a speech", "accepted an interview".
TALK_NOUNS = frozenset(
    """speech keynote address remark presentation talk lecture interview report toast
    welcome briefing view opinion word analysis argument suggestion comment insight
    excerpt perspective observation discussion conversation dialogue debate overview
    testimony response""".split()
)


# A leader's words cited as guidance, not said at the event: "guided by the spirit of the
# speech delivered by X", "studied and implemented the important speeches of X".
GUIDANCE_NOUNS = frozenset("spirit guidance instruction directive thought teaching".split())
FOLLOWING_VERBS = frozenset("study implement learn follow apply".split())


# What is said, as a verb's object only: "offered first-hand accounts", "exchanged ideas"
# (never with a preposition: "the idea of X" is not X speaking).
SAID_NOUNS = frozenset("account idea thought statement message recommendation proposal".split())


# "In the presence of X", "with the participation of X": taking part.
ATTENDANCE_NOUNS = frozenset("presence participation attendance".split())


# "X and Y were also present": taking part, said with an adjective.
ATTENDANCE_ADJECTIVES = frozenset({"present"})


# "A discussion between X and Y", "a debate among ...": the talk's parties.
PARTY_PREPOSITIONS = frozenset({"with", "of", "from", "by", "between", "among", "amongst"})


# Verbs of a sentence that lists people: "Speakers included ...", "They were ...", "a
# panel consisting of ...".
LIST_VERBS = frozenset({"include", "feature", "comprise", "consist", "be"})


# Pronouns that stand for people introduced before: "They are A, ROLE, and B, ROLE."
PLURAL_PRONOUNS = frozenset({"they", "these", "those"})


# "In X's view": what one person thinks (not "X's important speeches", recalled).
VIEW_NOUNS = frozenset("view opinion word perspective observation analysis argument".split())


# Words before a name that make its bearer the one who reports, not one who speaks.
REPORTER_NOUNS = frozenset(
    "reporter reporters journalist journalists correspondent editor photographer".split()
)


# Words of roles, never of names ("Honorary Fellow" is not a person).
ROLE_WORDS = TITLES | frozenset(
    """fellow honorary member officer deputy vice executive chief senior emeritus associate
    assistant head founder partner adviser advisor counsellor convener convenor coordinator
    manager trustee ceo""".split()
)


# The last word of a place's, an institution's or an event's name, never of a person's.
INSTITUTION_HEADS = frozenset(
    """district county province city prefecture municipality region zone area property
    properties group company bank university institute college committee commission
    council office bureau ministry department center centre association foundation forum
    hall square street road park airport port station paper daily news times post press
    journal herald review magazine agency tribune hotel hôtel llp ltd limited inc plc llc
    corp corporation gmbh bookstore library museum academy school hospital auditorium
    building theatre theater shimbun expo fair summit festival exhibition conference
    congress""".split()
)


# What an apposition after a role describes when it is not the person but the body just
# named: "CEO of SenseTime, a forefront AI software company", "mayor of Hefei, the capital".
BODY_NOUNS = INSTITUTION_HEADS | frozenset(
    """firm lobby organisation organization body startup start-up developer maker operator
    provider giant conglomerate network alliance coalition nonprofit non-profit charity
    platform consultancy think-tank tank capital hub metropolis""".split()
)


# Items of an agenda that read like names on a line of their own ("Coffee Break").
AGENDA_ITEMS = frozenset(
    """break lunch luncheon dinner breakfast reception registration networking recess
    adjourn adjournment""".split()
)


# A speech's salutation, not a list of speakers ("Chief Executive Mrs Lam, ..., Ladies
# and Gentlemen,").
SALUTATION = re.compile(
    r"(?i)\b(?:ladies\s+and\s+gentlemen|excellenc(?:y|ies)|dear\s+(?:friends|colleagues|guests))\b"
)


# Nouns that introduce a list of people who take part.


LIST_NOUNS = frozenset(
    """speaker guest panelist panellist participant attendee moderator presenter keynote
    discussant chair host co-chair judge panel lineup line-up expert figure official leader
    scholar representative delegate dignitary economist academic luminary invitee
    headliner""".split()
)


# The part a person plays at the event, which a card may give beside the name ("Prof.
# Liugang Sheng (Moderator)") with the person's position on the line below.
EVENT_PARTS = frozenset(
    "moderator chair co-chair chairperson host co-host speaker panelist panellist discussant "
    "respondent presenter facilitator".split()
)


# What a speaker leads ("led the conversation", "led a delegation"), as against what
# anyone may lead ("led the coordination efforts").
LED_THINGS = (
    TALK_NOUNS
    | LIST_NOUNS
    | GUEST_NOUNS
    | frozenset("session forum panel tour visit team workshop seminar symposium roundtable".split())
)


# ... and the events whose lists they are ("the forum featured", "the session included")
CUE_NOUNS = LIST_NOUNS | frozenset(
    """event forum session delegation summit conference meeting symposium seminar
    roundtable webinar dialogue gathering""".split()
)


# The nouns of a label or a heading over a list of people: "Speakers:", "Panelists".
LABEL_NOUNS = frozenset(
    """speaker guest panelist panellist participant attendee moderator presenter discussant
    chair host panel lineup line-up""".split()
)


LIST_CUE = re.compile(
    rf"(?i)\b(?:(?:participating\s+|keynote\s+|guest\s+)?(?:{'|'.join(sorted(LABEL_NOUNS))})s?"
    r"|in\s+attendance|present)"
    r"(?:\s+(?:include[sd]?|are|were|was|is))?\s*(?:[:：]|\s[–—]\s)\s*"
)


# A programme line that names a session's speakers after it: "Roundtable on Water,
# featuring A, B and C", "Opening Plenary Session with speakers A, B and C".
FEATURING = re.compile(
    r"(?i)(?:,\s*featuring|\bwith\s+(?:(?:keynote\s+)?speakers?|panel(?:l)?ists?|guests?))\s+"
)


# A photo caption that names the people pictured at the event, in order: "Left to
# right: A, ROLE; B, ROLE", "(From left) A, ROLE; B, ROLE".
PICTURED = re.compile(
    r"(?i)^\(?(?:pictured\s*)?\(?(?:from\s+left(?:\s+to\s+right)?|left\s+to\s+right|l\s*[-–]\s*r)"
    r"\)?\s*[:,)]\s*"
)


QA_QUESTION = re.compile(r"^(?:Q|Question|Reporter|Journalist|Interviewer)\s*[:：]")


QA_ANSWER = re.compile(r"^(?:A|Answer)\s*[:：]")


# A speaker's label in a transcript, their words after it ("Ma Xingrui: Thanks for the
# question") or, for TURN_ALONE, in the paragraphs below it.
_TURN_LABEL = r"(?P<name>[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'.-]*){0,3})\s*[:：]"
TURN = re.compile(rf"^{_TURN_LABEL}\s*(?P<rest>\S.*)$")
TURN_ALONE = re.compile(rf"^{_TURN_LABEL}$")


PRONOUNS = frozenset({"he", "she"})
