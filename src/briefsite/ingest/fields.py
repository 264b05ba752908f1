"""Recognisers for the bulletin's descriptive fields, each a small pure function.

Every function here looks at one line or one paragraph and answers one question (is this a
date? a series line? who compiled it?), so that the layout logic in ``pipeline`` stays
readable and each rule can be tested on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..text import split_sentences

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_DATE_PATTERNS = [
    # June.16 2021 / September 22, 2023 / Sept. 22nd, 2023
    re.compile(rf"\b{_MONTH}\.?\s*{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    # 16 June 2021 / 16th of June, 2021
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR}\b", re.IGNORECASE),
    # 2018-06-23 / 2018/6/23 / 2018.06.23
    re.compile(rf"\b{_YEAR}[-/.](?P<month>\d{{1,2}})[-/.](?P<day>\d{{1,2}})\b"),
    # 2021年6月16日
    re.compile(rf"{_YEAR}\s*年\s*(?P<month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日"),
]
# A day and a month with no year: "31 Jul", "Jul 31"
_PARTIAL_DATE = [
    re.compile(rf"^{_DAY}\s*{_MONTH}\.?(?![a-z])", re.IGNORECASE),
    re.compile(rf"^{_MONTH}\.?\s*{_DAY}\b(?!,?\s*\d)", re.IGNORECASE),
]
# Something that looks like a date but in a form we cannot read unambiguously: 16/06/21
_UNREADABLE_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")


@dataclass(frozen=True)
class FoundDate:
    """A date found in the text: ``value`` when complete and real, else why not."""

    text: str
    value: dt.date | None = None
    problem: str = ""


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def find_date(text: str) -> FoundDate | None:
    """The first complete date in ``text`` (any of the sources' forms), if there is one."""
    best: tuple[int, re.Match[str]] | None = None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), match)
    if best is None:
        unreadable = _UNREADABLE_DATE.search(text)
        if unreadable:
            return FoundDate(unreadable.group(0), problem="is in a form that cannot be read safely")
        return None
    match = best[1]
    try:
        value = dt.date(
            int(match.group("year")), _month_number(match.group("month")), int(match.group("day"))
        )
    except ValueError as error:
        return FoundDate(match.group(0), problem=f"is not a real date ({error})")
    return FoundDate(match.group(0), value)


def find_partial_date(text: str) -> str:
    """A day-and-month without a year at the start of ``text`` (``31`` / ``Jul``), or ''."""
    for pattern in _PARTIAL_DATE:
        match = pattern.match(text)
        if match:
            return match.group(0)
    return ""


_NUMBER_VOLUME = re.compile(
    r"^\{?\s*No\.?\s*(?P<number>\d+)\s*[,;]?\s*(?:Vol\.?|Volume)\s*(?P<volume>\d+)\s*\}?$",
    re.IGNORECASE,
)


def number_and_volume(line: str) -> tuple[int, int] | None:
    """``{No.10 Vol. 145}`` -> (10, 145)."""
    match = _NUMBER_VOLUME.match(line.strip())
    return (int(match.group("number")), int(match.group("volume"))) if match else None


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_SERIES = re.compile(
    r"^(?:(?P<year>(?:19|20)\d{2})\s+)?(?P<series>[A-Z][\w&’' -]*?\b(?:Bulletin|Brief|Briefing|"
    r"Newsletter|Digest|Report))\s*(?:No\.?\s*)?(?P<issue>[IVXLCDM]+|\d+)?$"
)


def roman_to_int(text: str) -> int:
    total = 0
    for current, following in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN[current]
        total += -value if following and _ROMAN[following] > value else value
    return total


@dataclass(frozen=True)
class SeriesLine:
    series: str
    issue: int | None
    year: int | None


def series_line(line: str) -> SeriesLine | None:
    """``2021 Pujiang Innovation Forum Bulletin X`` -> series, issue 10, year 2021."""
    match = _SERIES.match(line.strip())
    if not match:
        return None
    issue = match.group("issue")
    number = None if not issue else int(issue) if issue.isdigit() else roman_to_int(issue)
    year = int(match.group("year")) if match.group("year") else None
    return SeriesLine(match.group("series").strip(), number, year)


_ORG_WORDS = (
    r"Center|Centre|Institute|Academy|Forum|University|Association|Office|Council|Society|"
    r"Foundation|Committee|Commission|Bureau|Ministry|Department|Daily|Press|Times|News|"
    r"Post|Herald|Journal|Paper|Agency|Think Tank|Group"
)
_ORGANISATION = re.compile(rf"\b(?:{_ORG_WORDS})\b")


def looks_like_organisation(text: str) -> bool:
    """A short line naming an institution (``Shanghai Center for Pujiang Innovation Forum``)."""
    words = text.split()
    capitalised = all(w[:1].isupper() or w in {"of", "for", "and", "the", "on", "&"} for w in words)
    # the institution's word heads the name: before its first "of"/"for"/"on", or last
    head = re.split(r"\s+(?:of|for|on)\s+", text, maxsplit=1)[0]
    heads = bool(_ORGANISATION.search(head)) or bool(_ORGANISATION.fullmatch(words[-1]))
    return 1 < len(words) <= 12 and capitalised and heads


_COMPILED_BY = re.compile(
    r"^[(（]?\s*(?:Summari[sz]ed|Compiled|Edited|Written|Reported|Prepared|Collated)\s+by"
    r"\s*[:：]?\s*(?P<names>.+?)\s*[)）]?\.?$",
    re.IGNORECASE,
)
_AUTHOR = re.compile(
    r"\b(?:author|reporter|by)\s*[:：]?\s*(?P<names>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})*)\s*\.?$"
)


def split_names(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|、|\band\b|&)\s*", text.strip().rstrip("."))
    return [part for part in (p.strip() for p in parts) if part]


def compilers(line: str) -> list[str]:
    """``Summarized by Chen Zhu`` / ``Compiled by: A, B`` / ``..., author Xu Qimin``."""
    match = _COMPILED_BY.match(line.strip())
    if match:
        return split_names(match.group("names"))
    match = _AUTHOR.search(line.strip())
    if match and ("published" in line.lower() or line.lower().startswith(("author", "reporter"))):
        return split_names(match.group("names"))
    return []


_PUBLISHED_IN = re.compile(
    r"published\s+(?:in|by|on)\s+(?:the\s+)?(?P<publisher>[A-Z][\w&’' -]*?)\s*(?:,|\bon\b|\d{4}|$)"
)
_LINKAGE = re.compile(
    r"^(?:Linkage|Link|Source)\s*[:：]\s*\[(?P<publisher>[^\]]+)\]\s*"
    r"(?:(?P<who>[^:：]{2,60}?)\s*[:：]\s*)?(?P<title>.+)$",
    re.IGNORECASE,
)
_INTERVIEW_WITH = re.compile(r"interview\s+with\s+(?:the\s+)?(?P<publisher>[A-Z][\w&’' ]*[\w])")


def published_in(line: str) -> str:
    """``This article was published in Wen Wei Paper 2018-06-23`` -> ``Wen Wei Paper``."""
    match = _PUBLISHED_IN.search(line)
    return match.group("publisher").strip() if match else ""


@dataclass(frozen=True)
class Linkage:
    publisher: str
    person: str
    title: str


def linkage(line: str) -> Linkage | None:
    """``Linkage:[Economic Daily] WEN Yuyuan: Adapting ...`` -> publisher, person, title."""
    match = _LINKAGE.match(line.strip())
    if not match:
        return None
    return Linkage(
        match.group("publisher").strip(), (match.group("who") or "").strip(), match.group("title")
    )


def interview_outlet(text: str) -> str:
    match = _INTERVIEW_WITH.search(text)
    return match.group("publisher").strip() if match else ""


_EDITORS_NOTE = re.compile(r"^(?:\*\*)?Editor[’']?s\s+Note\s*[:：]\s*(?:\*\*)?\s*", re.IGNORECASE)


def editors_note(paragraph: str) -> str:
    """The text of an ``Editor's Note:`` paragraph, or '' when it is not one."""
    match = _EDITORS_NOTE.match(paragraph)
    return paragraph[match.end() :].strip() if match else ""


_EVENT_WORD = r"(?:Forum|Symposium|Conference|Summit|Congress|Seminar|Expo|Dialogue|Workshop)"
_CAP = r"[A-Z&][\w&’'-]*"
_LINK = r"(?:of|on|and|for|the|in|&)"
_EVENT_PATTERNS = [
    # Theme Forum: "Regional Innovation and Development" of the Pujiang Innovation Forum 2023
    re.compile(
        rf"(?:The\s+)?(?P<sub>{_CAP}(?:\s+{_CAP})*?\s+{_EVENT_WORD})\s*:?\s*[\"“](?P<name>[^\"”]+)"
        rf"[\"”]\s+of\s+the\s+(?P<main>{_CAP}(?:\s+{_CAP})*\s+{_EVENT_WORD}(?:\s+\d{{4}})?)"
    ),
    # In 2021 Pujiang Innovation Forum – The Regional & Urban Forum, ...
    re.compile(
        rf"\b(?:In|At|During)\s+(?:the\s+)?(?P<event>(?:\d{{4}}\s+)?{_CAP}(?:\s+(?:{_CAP}|{_LINK}))*?"
        rf"\s+{_EVENT_WORD}(?:\s+\d{{4}})?(?:\s*[–—-]\s*(?:The\s+)?{_CAP}(?:\s+(?:{_CAP}|{_LINK}))*"
        rf"\s+{_EVENT_WORD})?)"
    ),
    # ... the forum - 2018 International Symposium on Science and Technology Innovation Think Tanks
    re.compile(
        rf"(?P<event>(?:19|20)\d{{2}}\s+{_CAP}(?:\s+{_CAP})*?\s+{_EVENT_WORD}"
        rf"(?:\s+(?:on|of|for)\s+{_CAP}(?:\s+(?:{_CAP}|{_LINK}))*)?)"
    ),
]


_EVENT_SEARCH_CHARS = 1_500  # the event is named in a paragraph's first sentences


def event(text: str) -> str:
    """The forum or event a paragraph says the bulletin reports on, or ''.

    Only the paragraph's start is searched: the patterns look ahead from every capitalised
    word for an event word, which over a long run of capitalised words is quadratic."""
    text = text[:_EVENT_SEARCH_CHARS]
    for pattern in _EVENT_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        if "main" in pattern.groupindex:
            sub = re.sub(r"^The\s+", "", match.group("sub"))
            return f"{match.group('main')} – {sub} “{match.group('name')}”"
        found = re.sub(r"\s+(?:and|of|on|for|the|in|&)$", "", match.group("event").strip())
        return found.rstrip(" ,.")
    return ""


# Lines of a web page around the text, never its headline.
_FURNITURE = re.compile(
    r"(?i)^(?:print(?:\s+this\s+page)?|share(?:\s+this)?|e-?mail|tweet|facebook|wechat|weibo|"
    r"linkedin|whatsapp|home|menu|close|back|next|previous|advertisement|related(?:\s+\w+)?|"
    r"read\s+more|font\s*size|a\s*a\s*a|photo|file\s+photo|source|editor|subscribe|"
    r"log\s*in|sign\s+in|search|copyright.*|\(?\s*photo\b.*|.*\bphoto\s*:.*)\s*[:：]?$"
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.\s,’'-]{1,60}?,\s*)?(?:\w+\.?\s+\d{1,2}|\d{1,2}\s+\w+)(?:,\s*\d{4})?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-)\s*"
)
HEADLINE_WORDS = 16
_BREADCRUMB = re.compile(r"(?:\s[»>|/]\s.*){1,}|^\|.*\|$|^top of page$", re.I)
_CAPTION = re.compile(r"\[(?:photo|file photo|image|video)[^\]]*\]|\((?:file )?photo[^)]*\)", re.I)
_UPDATED = re.compile(r"\s*\|\s*(?:updated|published|source)\b.*$", re.I)


def without_furniture(line: str) -> str:
    """A line without the site's labels around it ("Title | Updated: 2023-10-25")."""
    return _UPDATED.sub("", line).strip()


def is_furniture(line: str) -> bool:
    """Navigation, share buttons, breadcrumbs, language switches, photo captions."""
    text = line.strip()
    if not text:
        return False
    if _CAPTION.search(text) or _FURNITURE.match(text):
        return True
    return bool(_BREADCRUMB.search(text)) and len(text) < 80


def headline(texts: list[str]) -> str:
    """The best headline a text without a title line offers: its first line that is not
    page furniture, a label or a date, without a dateline ("SHANGHAI, May 19 (Xinhua) --"),
    shortened to its first sentence and at most ``HEADLINE_WORDS`` words."""
    for text in texts:
        plain = " ".join(text.replace("**", "").split())
        if not plain or is_furniture(plain) or (find_date(plain) and len(plain) < 40):
            continue
        if not re.search(r"[^\W\d_]{2}", plain) or plain.endswith(":"):
            continue
        plain = _DATELINE.sub("", plain, count=1)
        sentence = split_sentences(plain)[0].rstrip(".。 ")
        words = sentence.split()
        if len(words) > HEADLINE_WORDS:
            cut = " ".join(words[:HEADLINE_WORDS]).rstrip(",;:")
            return f"{cut} …"
        return sentence
    return ""
