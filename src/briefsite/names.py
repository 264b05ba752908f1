"""What a person's name looks like: titles around it, Chinese name structure, family names.

Shared by ingest (who is named, proposed registry entries) and the site (citations split
names into family and given by ``split_name``). The language model finds the people in a
text (``ingest.speakers``); this module knows the conventions it does not: which words
before a name are a courtesy (``Mr``, dropped) or a title that is part of the role
(``Professor``, kept as role), and how a Chinese name is built (a family name and one or
two pinyin syllables, in either order and any case: ``WU Zhiqiang``, ``Zhiqiang Wu``,
``Zhang Xi'an``), so that ``Harbour Expo`` is not a name and ``Zhang Xi'an`` is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Dropped before a name: they say nothing about the person's role.
COURTESY = frozenset(
    """mr mr. mrs mrs. ms ms. miss madam madame sir dame dr dr. mx hon hon. rt rt. honorable
    honourable ir ir. lord lady baroness baron""".split()
)
# Titles that stand before a name and belong to the role ("Professor Anna Berg").
TITLES = frozenset(
    """professor prof prof. academician researcher president vice-president chairman
    chairwoman chairperson chair secretary secretary-general minister mayor vice-mayor
    governor premier director dean ambassador commissioner consul senator representative
    congressman congresswoman councillor councilor chancellor provost principal
    lecturer economist expert scholar general host moderator presenter spokesman spokeswoman
    spokesperson sen rep gov assemblymember assemblyman assemblywoman councilmember
    councilman councilwoman supervisor alderman alderwoman""".split()
)
# Words of Western names that are written in lower case inside a name.
PARTICLES = frozenset("van von de der den da di du bin al la le".split())

# Common Chinese family names, in pinyin.
CHINESE_FAMILY_NAMES = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
    zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang
    cai jia ding wei xue ye yan lu du dai xia zhong fu shen ren yao tan liao zou xiong jin
    hao kong bai cui kang mao qiu qin shi gu hou shao meng long wan duan lei qian yin yi
    chang wen fang tu ni niu fan ji lv lyu bo geng hua jiao mu ouyang shu su tao wei xing
    yue zhan zhuang an bao bian che chu dang gan gong guan hong ke lai lan lou mei miao
    ning pang pei qi rao sha shang si tong wu xiang xin yao yong you zang zhai mo""".split()
)
_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|"
    r"vn|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)"
)
_SYLLABLE = _INITIAL + _FINAL
_GIVEN_NAME = re.compile(rf"^{_SYLLABLE}(?:[-'’]?{_SYLLABLE})?$")
_UP, _LOW = "A-ZÀ-ÖØ-ÞĀ-Ž", "a-zß-öø-ÿā-ž"  # Latin letters, accented ones included
_WORD = re.compile(
    rf"^(?:(?:[{_UP}](?:[{_LOW}]+|[’'][{_UP}][{_LOW}]+)|Ma?c[{_UP}][{_LOW}]+"  # O’Grady, McLean
    rf"|[{_UP}][{_LOW}]{{2,}}[{_UP}][{_LOW}]+"  # MarySue, MaryAnn (not AmCham)
    rf"|(?:D[aeiu]|L[ae]|Van|Von|Del|St)[{_UP}][{_LOW}]+)"  # LaHood, DeGood, DiNapoli
    rf"(?:[-'’][{_UP}{_LOW}][{_LOW}]*)*|[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?|(?:[{_UP}]\.){{1,3}}[{_UP}]?\.?)$"
)
# Honours written after a name: "Peter Eversden MBE", "Andrew Boff AM", "Jane Doe PhD".
# After a family name, part of the name: "Ed Wolking, Jr.", "John Smith III".
GENERATIONS = frozenset("Jr. Jr Sr. Sr II III IV".split())
POST_NOMINALS = frozenset(
    "MBE OBE CBE KBE DBE AM MP MEP MSP JP GBM GBS SBS BBS PDSM PMSM PhD MBA FRS QC KC SC CH".split()
)


@dataclass(frozen=True)
class ChineseName:
    family: str
    given: str
    family_first: bool  # as written in the text


def _cap(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


# Hong Kong, Macao and Taiwan romanisations join the given name's syllables with a hyphen:
# "Ng Hok-ming", "Tsai Ing-wen", "Angus Ng Hok-ming" (an English name first).
_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]{1,5}-[a-zA-Z][a-z]{1,5}$")
_SHORT_FAMILY = re.compile(r"^[A-Z][a-z]{0,5}$|^[A-Z]{2,6}$")


def hyphenated_given_name(word: str) -> bool:
    """Is the word a given name of Hong Kong, Macao or Taiwan romanisation, its syllables
    joined by a hyphen ("Yuet-ngor", "Kam-fai", "Ing-wen")?"""
    return bool(_HYPHENATED_GIVEN.match(word))


def chinese_name(name: str) -> ChineseName | None:
    """``name`` read as a Chinese name (family name + pinyin given name, or a family name
    + a hyphenated given name), or None."""
    tokens = name.split()
    if 2 <= len(tokens) <= 3 and hyphenated_given_name(tokens[-1]):
        family = tokens[-2]
        if _SHORT_FAMILY.match(family) and (len(tokens) == 2 or tokens[0][:1].isupper()):
            return ChineseName(_cap(family), tokens[-1], True)
    if not 2 <= len(tokens) <= 3:
        return None
    for family_first in (True, False):
        family = tokens[0] if family_first else tokens[-1]
        given = tokens[1:] if family_first else tokens[:-1]
        joined = "".join(given).lower().replace("’", "'")
        if family.lower() in CHINESE_FAMILY_NAMES and _GIVEN_NAME.match(joined.replace("-", "")):
            return ChineseName(_cap(family), _cap(" ".join(given)).replace(" ", ""), family_first)
    return None


def is_name_shaped(name: str) -> bool:
    """Two to four words, each capitalised (or an initial, or a particle inside the name)."""
    tokens = name.split()
    if len(tokens) > 2 and tokens[-1] in GENERATIONS:
        tokens.pop()
    if not 2 <= len(tokens) <= 4:
        return False
    for index, token in enumerate(tokens):
        middle = 0 < index < len(tokens) - 1
        if middle and token.lower() in PARTICLES:
            continue  # "de la"
        if (middle or (index == 0 and len(tokens) > 2)) and re.fullmatch(f"[{_UP}]", token):
            continue  # an initial written without its dot: "David R Miller", "C Y Leung"
        if not _WORD.match(token):
            return False
    return not (tokens[-1].endswith(".") and len(tokens[-1]) <= 3)  # ends in an initial


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Leading courtesy and role titles off a name, and honours after it: (role titles,
    name words)."""
    titles = []
    if len(words) > 2 and words[0].lower() == "the" and words[1].lower().rstrip(".") in COURTESY:
        words.pop(0)  # "The Hon Chun-ying Leung", "The Rt Hon ..."
    while words and (words[0].lower() in COURTESY or words[0].lower().rstrip(".") in TITLES):
        word = words.pop(0)
        if word.lower() not in COURTESY:
            titles.append(word)
    while len(words) > 1 and words[-1].strip(",") in POST_NOMINALS:
        words.pop()
    return titles, words


@dataclass(frozen=True)
class PersonName:
    """A name as a display form and its family and given parts (given may be empty)."""

    display: str
    family: str
    given: str


def split_name(name: str, family: str = "") -> PersonName:
    """Family and given name of ``name``, by one rule everywhere (ingest, citations):

    1. a known ``family`` name (the registry's) is the family part, the rest the given;
    2. else a Chinese name by its structure (``Wu Zhiqiang``, ``Qiuling Chen``,
       ``Angus Ng Hok-ming``), written with an all-capitals family name or not;
    3. else a word in capitals is the family name, as the sources write it;
    4. else the last word is the family name: ``Bruno Dercon``.

    The display form writes an all-capitals family name in title case: ``Wu Zhiqiang``.
    """
    tokens = name.split()
    upper = [t for t in tokens if t.isupper() and len(t) > 1 and "." not in t]
    display = " ".join(t.title() if t in upper else t for t in tokens)
    chinese = chinese_name(display)
    if family and family.casefold() in (t.casefold() for t in tokens):
        pass
    elif chinese:
        family = chinese.family
    elif upper:
        family = upper[0].title()
    else:
        family = tokens[-1] if tokens else ""
    words = display.split()
    at = next((n for n, t in enumerate(words) if t.casefold() == family.casefold()), None)
    rest = words if at is None else words[:at] + words[at + 1 :]  # once: "Liu Liu"
    return PersonName(display, family, " ".join(rest))
