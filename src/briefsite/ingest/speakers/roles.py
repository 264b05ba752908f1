"""The role a text gives a person at one mention: a title before the name, an apposition
or a phrase after it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...names import COURTESY, POST_NOMINALS, TITLES, chinese_name
from .cues import BODY_NOUNS, EVENT_PARTS, INSTITUTION_HEADS, ROLE_WORDS
from .people import joined_by_hyphen, place_alone
from .records import APPOSITION, TITLE

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


def role_at(span: Span, titles: list[str], others: frozenset[int] = frozenset()) -> tuple[str, int]:
    """The role the text gives at this mention: the title before the name and an
    apposition or ``from``/``of`` phrase after it, never reaching into the noun phrase
    of another person (``others``: where their noun phrases start)."""
    doc = span.doc
    after = ""
    index = span.end
    while index < len(doc) and doc[index].text in POST_NOMINALS:
        index += 1  # "Andrew Boff AM, Chair of the Planning Committee"
    index = _past_the_name_again(span, index)
    if index < len(doc) and doc[index].text in (",", "("):
        closing = ")" if doc[index].text == "(" else ""
        after = _apposition(span, index + 1, closing, others)
        rest = doc.text[doc[index].idx : span.sent.end_char]
        tail = rest[rest.find(after) + len(after) :] if after else rest
        if not closing and _COURTESY_ENTRY.match(tail) and _role_first(rest):
            after = ""  # "Mrs Lam, Vice Governor of X, Mr Ouyang": the next person's role
    elif index < len(doc) and (
        doc[index].lower_ in ("of", "from", "at") or _with_a_body(doc[index])
    ):
        words = list(doc[index].subtree)
        ends = [n for n, t in enumerate(words) if t.i in others]  # the next person's name
        after = "".join(t.text_with_ws for t in words[: ends[0] if ends else None])
        after = after.strip().rstrip(",;").strip()
    before = compound_title(span) or _fronted_apposition(span) or _courtesy_fronted(span)
    before = before or titles  # as written
    before_text = " ".join(w for w in before if w.lower() not in COURTESY)
    if after and before_text in _ABBREVIATED_TITLES:
        before_text = ""  # "Prof. Zheng Yongnian (Professor, CUHK Shenzhen; ...)": a courtesy
    if after and before_text:
        joiner = " " if re.match(r"^(?:of|from|at)\b", after) else ", "
        return clean_role(f"{before_text}{joiner}{after}"), APPOSITION
    if after:
        return clean_role(after), APPOSITION
    if before_text:
        return clean_role(before_text), TITLE
    stated = _stated_role(span)
    return (clean_role(stated), APPOSITION) if stated else ("", 0)


def _with_a_body(word: Token) -> bool:
    """ "Hannah Stone with the Emerson Collective": "with" an organisation, where one works."""
    return word.lower_ == "with" and any(t.ent_type_ == "ORG" for t in word.subtree)


# Where a person stands in a photo: "(left)", "(second from right)", "(middle in left grid)".
_PLACE_IN_PHOTO = re.compile(
    r"(?i)^(?:far\s+|front\s+|back\s+)?(?:left|right|centre|center|middle|front|back|top|"
    r"bottom|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b"
)
_CLOCK = re.compile(r"(?:\d+h\s*)?(?:\d+m\s*)?\d+s|\d{1,2}(?::\d{2}){1,2}")


# Titles abbreviated before a name, which say no more than a courtesy beside a role.
_ABBREVIATED_TITLES = frozenset({"Prof.", "Prof", "Assoc. Prof.", "Asst. Prof."})


def _past_the_name_again(span: Span, index: int) -> int:
    """Past a bracket that gives the name again, a time or a place in a photo, not a role:
    "Alain Bertaud (Bertaud), a former chief urban planner", "Li Ming (李明), director",
    a transcript's "Jeff Wood (1m 32s):", "Professor Anthony Yeh (middle in left grid)"."""
    doc = span.doc
    if index >= len(doc) or doc[index].text != "(":
        return index
    close = next((t.i for t in doc[index + 1 : index + 10] if t.text.startswith(")")), None)
    if close is None or close == index + 1:
        return index
    inside = doc[index + 1 : close]
    names = {t.lower_ for t in span}
    if (
        all(t.lower_ in names for t in inside)
        or not re.search(r"[A-Za-z]", inside.text)
        or _CLOCK.fullmatch(inside.text)
        or _PLACE_IN_PHOTO.match(inside.text)
    ):
        return close + 1
    return index


def group_title(span: Span, names: frozenset[int]) -> str:
    """The title a list of names shares, in the singular: "city leaders Xing Zhihong, Chen
    Lingling, ..." gives each "city leader"; "" when no plural noun heads the list. The
    list is names (``names``: the words of the people found) and separators only."""
    doc, index = span.doc, span.start - 1
    while index > span.sent.start and (index in names or doc[index].text in (",", "、", "and")):
        index -= 1
    noun = doc[index]
    if noun.tag_ not in ("NNS", "NNPS") or index + 1 not in names:
        return ""  # the plural noun must stand right before the first name
    if noun.lemma_.lower() in EVENT_PARTS:
        return ""  # "speakers A, B": their part at the event, not a title
    words = [t for t in doc[noun.left_edge.i : noun.i] if t.dep_ != "det" and t.i not in names]
    return " ".join([*(t.text for t in words), _singular(noun)])


def _singular(noun: Token) -> str:
    """ "leaders" -> "leader", "Academicians" -> "Academician" (the lemmatizer keeps a
    capitalised plural as it is)."""
    lemma = noun.lemma_
    if lemma == noun.text and noun.text.endswith("s") and not noun.text.endswith("ss"):
        return noun.text[:-1]
    return lemma


def _stated_role(span: Span) -> str:
    """A role the clause states rather than sets beside the name: "As the Mayor of
    Nanning, Zhou Hongbo presided ..." and "Sean Randolph is senior director of ..."."""
    token = span.root
    verb = token.head
    if token.dep_ != "nsubj":
        return ""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as" and child.i < token.i:
            phrase = [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "attr" and verb.lemma_ == "be" and child.i > token.i:
            phrase = [child]
        else:
            continue
        if phrase and phrase[0].lemma_.lower() in ROLE_WORDS:
            words = []
            for word in phrase[0].subtree:
                if word.text in (",", ";") or word.dep_ in ("relcl", "acl"):
                    break
                words.append(word.text_with_ws)
            return "".join(words).strip()
    return ""


def noun_phrase_start(span: Span) -> int:
    """Where the noun phrase of a name starts, its titles included."""
    start = min(span.root.left_edge.i, span.start)
    head = span.root.head
    between = span.doc[head.i : span.start] if head.i < span.start else []
    if span.root.dep_ == "appos" and between and not any(t.is_punct for t in between):
        start = min(start, head.left_edge.i)  # "The Chief Executive of the SAR Carrie Lam"
    if (
        span.root.dep_ == "conj"
        and head.pos_ == "NOUN"
        and between
        and all(t.text != "," for t in between)
    ):
        start = min(start, head.left_edge.i)  # "chairman and CEO Russell Hancock"
    return start


def title_starts(span: Span) -> frozenset[int]:
    """Where the title of a name may start: its noun phrase, or the run of capitalised
    words before it however the parse attached them ("..., Commissioner of the Office of
    Justice Dr. James Ding, ..."). Another person's role stops at either."""
    return frozenset({noun_phrase_start(span), _capitalised_title_start(span)})


def compound_title(span: Span) -> list[str]:
    """Words of a title written before the name in its noun phrase (``Shanghai Party
    Secretary Li Qiang``, ``The US Silicon Valley chairman and CEO Russell Hancock``)."""
    subject = _subject_title(span)  # the fuller of the two readings of the title
    title: list[str] = []
    for start in sorted(title_starts(span)):
        title = _title_from(span, start)  # the noun phrase; else the run of capitals
        if title:
            break
    return subject if len(subject) > len(title) else title


def _title_from(span: Span, start: int) -> list[str]:
    """The words from ``start`` to the name as a title; none if they run too long to be
    one or hold a quotation, a bracket or a separator."""
    words = [
        t
        for t in span.doc[start : span.start]
        if not (t.dep_ == "det" and t.i == start) and not (t.dep_ == "poss" and t.pos_ == "PRON")
    ]
    while words and (words[0].is_punct or words[0].tag_ == "POS" or words[0].dep_ == "det"):
        words.pop(0)  # "the", "his"
    words = [t for t in words if t.lower_ not in COURTESY]
    joins = [n for n, t in enumerate(words) if t.lower_ in ("and", "&")]
    if joins and all(t.lower_ in TITLES for t in words[joins[-1] + 1 :]):
        words = words[joins[-1] + 1 :]  # "on regional integration and Prof. Xiao Geng"
    if (
        span.start - start > 24  # a title is a few words; a longer run is a clause
        or len(words) > 16
        or any(t.text in ("“", '"', "(", ")", ",", ";") for t in words)
    ):
        return []
    return "".join(t.text_with_ws for t in words).split()


TITLE_TOKENS = 20  # "Commissioner of Inclusive Dispute Avoidance and Resolution Office of ..."
_JOINERS = frozenset({"of", "and", "&", "for"})
_NOT_TITLES = frozenset({"PERSON", "DATE", "TIME", "CARDINAL"})


def _capitalised_title_start(span: Span) -> int:
    """Where the run of capitalised title words right before a name starts, however the
    parse attached them: "Housing Minister Stuart Andrew MP", "Fujian Vice Governor Wang",
    "U.S. Dept. of Commerce Secretary Rebecca Blank", "RPA President and CEO Tom Wright".
    The run holds a role word and stays in the sentence and on the line; never past a
    date, a number, another person, a word in lower case, or an "and" that joins the name
    to the entry before it ("... Corporation and Tim Preston")."""
    doc, start = span.doc, span.start
    while start > span.sent.start and span.start - start < TITLE_TOKENS:
        word = doc[start - 1]
        if word.ent_type_ in _NOT_TITLES or "\n" in word.whitespace_:
            break
        capital = _capitalised(word) or (  # "Vice-president"
            word.lower_ in ROLE_WORDS and word.i > 0 and doc[word.i - 1].text == "-"
        )
        abbreviation = word.text == "." and start >= 2 and len(doc[start - 2]) <= 4
        hyphen = start >= 2 and joined_by_hyphen(doc, start - 1)  # "Vice-president"
        joiner = start < span.start and _joins_a_title(doc, start - 1)
        article = (  # "Office of the Department of Justice"
            word.lower_ == "the"
            and start >= 2
            and doc[start - 2].lower_ == "of"
            and _capitalised(doc[start])
        )
        if not (
            (capital and (word.pos_ in ("PROPN", "NOUN", "ADJ") or word.dep_ == "amod"))
            or abbreviation
            or hyphen
            or joiner
            or article
        ):
            break
        start -= 1
    while start < span.start and doc[start].lower_ in _JOINERS | {"."}:
        start += 1
    run = doc[start : span.start]
    if not any(t.lower_.rstrip(".") in ROLE_WORDS for t in run):
        return span.start
    return start


def _joins_a_title(doc: Doc, at: int) -> bool:
    """Does ``doc[at]`` ("of", "and", "&", "for") join two parts of one title ("Minister of
    Commerce", "Dept. of Labor", "Center for", "President and CEO", "Trade and Industry
    Minister"), not two entries ("Chairman and Mr. Zhou Li", "... from the Department of
    Information and Executive Secretary Yao") nor a title to what it heads ("Transcript
    of")?"""
    word, before, after = doc[at], doc[at - 1] if at else doc[at], doc[at + 1]
    if word.lower_ not in _JOINERS or after.lower_ in COURTESY:
        return False
    if not (before.is_title or before.text == "." or before.lower_ in ROLE_WORDS):
        return False
    if not (_capitalised(after) or after.lower_ == "the"):
        return False
    if word.lower_ == "of":
        return before.text == "." or before.lower_ in ROLE_WORDS | INSTITUTION_HEADS
    if word.lower_ == "for":
        return before.lower_ in INSTITUTION_HEADS
    return before.lower_ in ROLE_WORDS or after.lower_ not in ROLE_WORDS


def _capitalised(word: Token) -> bool:
    """A word of a proper name: "Justice", "CPPCC", "eBRAM"."""
    return word.is_title or (word.is_alpha and not word.is_lower)


# ", Mr Ouyang Weimin": an entry of a list that names people with a courtesy title, which
# may put each role before its name ("Secretary for X, Mr A, Director of Y, Mr B").
_LIST_COURTESIES = frozenset(c.rstrip(".") for c in COURTESY)
_COURTESY_ENTRY = re.compile(
    rf"\s*,\s*(?:and\s+)?(?i:{'|'.join(sorted(_LIST_COURTESIES, key=len, reverse=True))})\.?"
    r"\s+(?:[A-Z][\w’'-]*\s?){1,4}"
)


def _role_first(rest: str) -> bool:
    """Does a list of ", Mr NAME" entries put each role before its name? Then it ends
    with a name ("..., and President of X, Mr Jackson Chang, followed by ..."); a list
    that puts roles after names ends with a role ("..., Mrs Carrie Lam, Secretary of
    Development")."""
    entries = list(_COURTESY_ENTRY.finditer(rest))
    if not entries or rest.rstrip()[-1:] not in (".", "!", "?", ":", ";", '"', "”", ")"):
        return False  # no list, or one cut short: its end cannot tell
    after_last = rest[entries[-1].end() :].lstrip(" ,")
    first_word = after_last.split()[0].lower().strip(",.") if after_last.split() else ""
    return first_word not in ROLE_WORDS | {"the", "a", "an"}


def _courtesy_fronted(span: Span) -> list[str]:
    """The role before ", Mr NAME" back to the comma before it, in a list that puts each
    role before its name ("Apart from Mrs Lam, Secretary for Commerce and Economic
    Development, Mr Edward Yau, ... also attended")."""
    doc = span.doc
    courtesy = span.start - 1
    if courtesy < 2 or doc[courtesy].lower_.rstrip(".") not in _LIST_COURTESIES:
        return []
    if doc[courtesy - 1].text != ",":
        return []
    if not _role_first(doc.text[doc[courtesy - 1].idx : span.sent.end_char]):
        return []

    def stop(token: Token) -> bool:  # a comma, a bracket, a spaced dash, a verb, "by"
        spaced = token.whitespace_ or doc[token.i - 1].whitespace_
        return (
            token.text in (",", ";", ":", "(", "“", '"')
            or (token.text in ("-", "–", "—") and bool(spaced))
            or token.pos_ in ("VERB", "AUX", "SCONJ")
            or token.dep_ in ("prt", "mark")  # "pointed out that the Chief Executive"
            or token.lower_ == "by"
        )

    start = courtesy - 1
    while start > span.sent.start and not stop(doc[start - 1]):
        start -= 1
        if doc[start].text == ")":  # "(SAR)": inside the role
            opening = next(
                (t.i for t in reversed(doc[span.sent.start : start]) if t.text == "("), None
            )
            start = opening if opening is not None else start
    words = list(doc[start : courtesy - 1])
    while words and words[0].lower_ in ("and", "also", "the", "as", "by", "with"):
        words.pop(0)
    if not words or len(words) > 20 or not any(t.lower_ in ROLE_WORDS for t in words):
        return []
    if any(t.ent_type_ == "PERSON" and t.lower_ not in ROLE_WORDS for t in words):
        return []  # another person's name, not a role
    return "".join(t.text_with_ws for t in words).split()


def _fronted_apposition(span: Span) -> list[str]:
    """A role set before the name as its apposition: "The Chief Customer Officer for the
    MTA, Sarah Meyer, offered ...", "with its deputy mayor, Lei Yuelong, and ..."."""
    doc, head = span.doc, span.root.head
    if span.root.dep_ != "appos" or head.i >= span.start or doc[span.start - 1].text != ",":
        return []
    if not any(t.lower_.rstrip(".") in ROLE_WORDS for t in doc[head.left_edge.i : head.i + 1]):
        return []  # "the city, Li Ming": not a role
    return _title_words(list(doc[head.left_edge.i : span.start - 1]))


def _title_words(words: list[Token]) -> list[str]:
    """The words of a title before a name, without its article; none if they hold another
    person, a verb or a quotation, or run too long to be a title."""
    while words and (words[0].dep_ in ("det", "poss") or words[0].is_punct):
        words.pop(0)
    if (
        not words
        or len(words) > 24
        or any(
            t.ent_type_ == "PERSON" or t.tag_.startswith("VB") or t.text in ('"', "“", ";")
            for t in words
        )
    ):
        return []
    return "".join(t.text_with_ws for t in words).split()


def _subject_title(span: Span) -> list[str]:
    """The whole subject before a name that ends it, right before the verb: "The World
    Bank's country director for China, Mongolia and Korea Klaus Rohland remarked", where
    the parse splits the title around the name; never across another person's name."""
    doc = span.doc
    verb = doc[span.end] if span.end < len(doc) else None
    if verb is None or verb.pos_ != "VERB":
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i < span.start]
    if not subjects or subjects[0].right_edge.i != span.end - 1:
        return []
    if not (span.start <= subjects[0].i < span.end or subjects[0].lower_ in ROLE_WORDS):
        return []  # "The Institute under the leadership of Chair X convened": not X's title
    return _title_words(list(doc[subjects[0].left_edge.i : span.start]))


ROLE_TOKENS = 80


def _apposition(
    span: Span, start: int, closing: str = "", others: frozenset[int] = frozenset()
) -> str:
    """The appositions right after a name, as the parse groups them (``Zhou Ling, a
    professor at Sun Yat-sen University``), up to the verb of the sentence; within
    brackets, everything up to the closing bracket."""
    doc = span.doc
    end = start
    limit = min(span.sent.end, start + ROLE_TOKENS)  # a role is a phrase, not a page
    if closing:
        while end < limit and doc[end].text != closing:
            end += 1
        return doc[start:end].text.strip() if end - start <= 45 else ""
    while end < limit:
        if end in others:
            break  # the next person's name: "Delphine Baldé, Julien Beller, ..."
        first = doc[end]
        if first.text in ("-", "–") and end > start:  # "vice-mayor": one word, three tokens
            end += 1
            continue
        if first.dep_ == "det" and end + 1 < len(doc):
            first = doc[end + 1]
        top = first
        while top.head.i != top.i and top.head.i >= end and top.head.left_edge.i >= end:
            top = top.head
        attached = span.start <= top.head.i < end  # to the name, or to the role so far
        if end > start and _describes_the_body(top):
            break  # "CEO of SenseTime, a forefront AI software company": the firm's
        if (
            top.dep_ not in ("appos", "conj", "npadvmod", "attr")
            or top.left_edge.i != end
            or (end > start and not attached)
        ):
            break
        right = top.right_edge.i
        for token in doc[end : right + 1]:  # never past a clause or another person
            if token.dep_ == "relcl" or token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                right = (token.left_edge.i if token.dep_ == "relcl" else token.i) - 1
                break
            if token.i in others and token.i > end:
                right = token.i - 1
                break
            if token.i > end and _describes_the_body(token):  # "..., the capital of Anhui"
                right = token.left_edge.i - 1
                break
        end = right + 1
        while end - 1 > start and doc[end - 1].text == ",":  # a comma closing the apposition
            end -= 1
        if end < limit and doc[end].text in ("-", "–"):  # "vice-mayor"
            end += 1
            continue
        if end < limit and doc[end].text == ")":
            end += 1
        if (
            end < limit
            and doc[end].lower_ in ("of", "at", "from")
            and doc[end].dep_ == "prep"
            and span.start <= doc[end].head.i < span.end
        ):  # "Tomiquia Moss, Founder and CEO of All Home": "of" hung from the name
            right = doc[end].right_edge.i + 1
            end = min([right, *(i for i in others if end < i < right)])
            while doc[end - 1].text in (",", "and"):
                end -= 1  # "..., Shun Tak Holdings, Zhang Weiwei": the next entry's name
            continue
        if end < limit and doc[end].text == "," and end + 1 < limit:
            step = 2 if doc[end + 1].lower_ == "and" and end + 2 < limit else 1
            nxt = doc[end + step]
            if nxt.pos_ in ("NOUN", "PROPN", "DET", "ADJ") and nxt.i not in others:
                end += step
                continue
        break
    words = doc[start:end].text.strip()
    words = re.sub(r"(?:,|\band)\s*$", "", words).strip(" ,")
    return words if len(words.split()) <= 45 else ""


def _describes_the_body(head: Token) -> bool:
    """Is the phrase headed by ``head`` an apposition set after a comma that describes
    the body or place a role names ("a local business lobby", "the capital of Anhui"),
    not the person?"""
    doc, first = head.doc, head.left_edge
    return (
        head.lemma_.lower() in BODY_NOUNS
        and head.pos_ == "NOUN"  # not a name: "..., The University of Tokyo"
        and head.dep_ == "appos"  # not "..., the bank's president"
        and first.dep_ == "det"
        and first.is_lower
        and first.i > 0
        and doc[first.i - 1].text == ","
    )


_EMBEDDED_TIME = re.compile(r"\s\d{1,2}[:.]\d{2}\b.*$")  # "... Fund 2:30 The next session"


_DANGLING = re.compile(r"(?i)\s+(?:with|of|at|for|and|from|in|to)$")  # "Partner with"
_PARTY = re.compile(r"^[DRI](?:-[A-Z]{2})?\),?\s+(?=\S)")  # a US politician's party, state
# A courtesy the name had, left after the role: "the FHKI's Chairman Mr. Clement Chan".
_TRAILING_COURTESY = re.compile(r"(?<=\w)\s+(?:Mr|Mrs|Ms|Dr|Ir)\.?$")


def clean_role(role: str) -> str:
    role = role.split(" | ")[0]  # "Director, ... | Written Testimony": the next field
    role = _EMBEDDED_TIME.sub("", " ".join(role.split())).strip(" ,;:.(").lstrip(")")
    role = _PARTY.sub("", role)  # "Michael Nutter (D), Mayor of Philadelphia"
    words = role.split(", ")
    while len(words) > 1 and words[0] in POST_NOMINALS | {"Hon"}:
        words.pop(0)  # "John Lee, GBM, SBS, PDSM, Chief Executive": honours before the role
    while len(words) > 1 and words[-1] in POST_NOMINALS:
        words.pop()  # "Vice-Chairman of the Bar Association, SC": after it
    role = ", ".join(words)
    while role.endswith(")") and role.count(")") > role.count("("):  # "(PANYNJ)" keeps it
        role = role[:-1].rstrip(" ,;:.")
    if re.search(r"\([^()]{1,12}$", role):  # "... Studies (GRIPS": the parse left ")" out
        role += ")"
    role = re.sub(r",?\s+and\s+other\s+\w+$", "", role)  # "..., and other leaders"
    role = _DANGLING.sub("", role)
    role = _TRAILING_COURTESY.sub("", role)
    words = role.split()
    if len(words) > 1 and words[-1] in _ABBREVIATED_TITLES and words[-2].lower() in ROLE_WORDS:
        role = " ".join(words[:-1])  # "CityU's President Prof. Way Kuo": a courtesy here
    role = re.sub(r"^(?:a|an|the)\s+", "", role, flags=re.IGNORECASE)
    role = re.sub(r",?\s+(?:during|in)\s+an?\s+(?:exclusive\s+)?interview\b.*$", "", role)
    return role[:1].upper() + role[1:] if role else ""


_SEPARATORS = frozenset({",", ";", "•", "·", "and", "|"})


def _next_entry(entity: Span) -> bool:
    """Does a PERSON entity inside a role start the next ``NAME, ROLE`` entry? Between
    separators, a name without role words, then a role word ("Polly Trottenberg,
    Commissioner"); the model tags firms in a role alone as persons ("AmCham HK")."""
    doc = entity.doc
    if entity.label_ != "PERSON" or len(entity) < 2 or entity.start == 0:
        return False
    if doc[entity.start - 1].text not in _SEPARATORS or entity.end + 1 >= len(doc):
        return False
    if any(t.lower_.rstrip(".") in ROLE_WORDS for t in entity):
        return False
    following = doc[entity.end + 1]
    return doc[entity.end].text == "," and (
        following.lower_.rstrip(".") in ROLE_WORDS or following.lower_ in ("the", "a", "an")
    )


def trim_role(role: str, nlp: Language) -> str:
    """A role without what ran on past it: the next person's entry ("..., PwC, Polly
    Trottenberg, Commissioner, ...") or a clause ("..., presided over the session").
    Reading the role alone, the model sees where it ends better than in a long list."""
    if not role:
        return role
    doc = nlp(role)
    cut = len(role)
    for entity in doc.ents:
        if _next_entry(entity):
            cut = doc[entity.start - 1].idx
            break
    for token in doc[:-3]:  # "..., and Cao Qingyao, Secretary of ...": a name the model
        if token.text in _SEPARATORS:  # tags with the organisation that follows it
            for size in (3, 2):
                name = doc[token.i + 1 : token.i + 1 + size]
                if (
                    name.end < len(doc)
                    and doc[name.end].text == ","
                    and chinese_name(name.text)
                    and not place_alone(name.text, nlp)
                ):
                    cut = min(cut, token.idx)
    for token in doc[1:]:
        after_comma = doc[token.i - 1].text == ","
        if (after_comma and token.tag_ in ("VBD", "VBZ")) or (
            token.is_sent_start and doc[token.i - 1].text == "."
        ):
            cut = min(cut, token.idx)
            break
    return clean_role(role[:cut]) if cut < len(role) else role
