"""Who ingest counts as a speaker, with which role; on texts other than the four sources."""

import pytest

from briefsite.ingest.speakers import as_person_name, find_mentions, group_people, parse_subject


def speakers(*paragraphs: str) -> list[tuple[str, str]]:
    return [(person.name, person.role) for person in group_people(find_mentions(list(paragraphs)))]


def test_name_comma_role_comma_verb():
    text = (
        "Sun Dong, Academician of the Canadian Academy of Engineering and Secretary for "
        "Innovation, Technology and Industry, Hong Kong SAR Government, thought that ..."
    )
    assert speakers(text) == [
        (
            "Sun Dong",
            "Academician of the Canadian Academy of Engineering "
            "and Secretary for Innovation, Technology and Industry, Hong Kong "
            "SAR Government",
        )
    ]


def test_honorific_before_the_name_is_part_of_the_role():
    text = (
        "Researcher Wang Yuan, chairman of the China Finance Promotion Association, said that ..."
    )
    assert speakers(text) == [
        ("Wang Yuan", "Researcher, chairman of the China Finance Promotion Association")
    ]


def test_organisation_before_the_name_is_the_role():
    text = (
        "“Quote.” Zhejiang Academy of Development Strategy Research Institute Liu Liu said that ..."
    )
    assert speakers(text) == [
        ("Liu Liu", "Zhejiang Academy of Development Strategy Research Institute")
    ]


def test_title_and_name_without_commas():
    text = '"The US Silicon Valley co-investment chairman and CEO Russell Hancock believes that ...'
    assert speakers(text) == [
        ("Russell Hancock", "US Silicon Valley co-investment chairman and CEO")
    ]


def test_name_alone_before_verb():
    assert speakers("Wang Jixiang thought that innovation keeps pushing boundaries.") == [
        ("Wang Jixiang", "")
    ]


def test_bold_name_and_bold_name_with_role():
    text = (
        "According to **WU Zhiqiang**, the cities ... **Wu Jun, member of the CPC Group and "
        "Deputy Director of the Department of Science and Technology of Hubei Province,** "
        "pointed out that ..."
    )
    assert speakers(text) == [
        ("WU Zhiqiang", ""),
        (
            "Wu Jun",
            "Member of the CPC Group and Deputy Director of the Department of Science and "
            "Technology of Hubei Province",
        ),
    ]


def test_guest_list_gives_each_guest_and_role_in_order():
    text = (
        "¹ Participating guests include: LI Wei, Professor of Hohai University; Maria Rossi, "
        "Senior Adviser of the OECD; CHEN Hong, Director of the Changjiang Commission."
    )
    assert speakers(text) == [
        ("LI Wei", "Professor of Hohai University"),
        ("Maria Rossi", "Senior Adviser of the OECD"),
        ("CHEN Hong", "Director of the Changjiang Commission"),
    ]


def test_same_person_in_two_capitalisations_is_one_speaker_with_the_explicit_role():
    text = (
        "According to **LI Wei**, the river ... Li Wei, Professor of Hohai University, "
        "added that ..."
    )
    assert speakers(text) == [("LI Wei", "Professor of Hohai University")]


def test_news_style_said_after_the_quote():
    text = '"Nobody can afford it alone," said Zhou Ling, a professor at Sun Yat-sen University.'
    assert speakers(text) == [("Zhou Ling", "Professor at Sun Yat-sen University")]


def test_possessive_view_and_cue_phrases():
    assert speakers("In Luo Dajin's view, competitiveness is ...") == [("Luo Dajin", "")]
    assert speakers("As pointed out by Anthony G.O. Yeh, the delta ...") == [
        ("Anthony G.O. Yeh", "")
    ]


def test_interview_credit_line():
    text = (
        "(Translated excerpts from the views of WEN Yuyuan, Researcher at the National Academy "
        "of Development and Strategy, during an interview with Economic Daily.)"
    )
    assert speakers(text) == [
        ("WEN Yuyuan", "Researcher at the National Academy of Development and Strategy")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tongji University thought about this long ago.",
        "Hong Kong said nothing about the plan.",
        "The State Council stressed that integration matters.",
        "Chery Automobile is headquartered in Wuhu, Anhui.",
        "**The guests present agreed that we should gain new development drivers.**",
        "Chinese and foreign experts have said that the region should integrate.",
        "He pointed out that the Greater Bay Area must cooperate.",
        "Summarized by Chen Zhu",
    ],
)
def test_organisations_places_pronouns_and_plain_capitals_are_not_speakers(text):
    assert speakers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WU Zhiqiang", "WU Zhiqiang"),
        ("Anthony G.O. Yeh", "Anthony G.O. Yeh"),
        ("Maria van der Berg", "Maria van der Berg"),
        ("Hong Kong", ""),
        ("CEO Russell", ""),
        ("Jinhua City", ""),
        ("Shanghai", ""),
    ],
)
def test_what_counts_as_a_person_name(text, expected):
    assert as_person_name(text) == expected


def test_parse_subject_rejects_a_name_that_starts_a_longer_phrase():
    assert parse_subject("Hong Kong Special Administrative Region Government") == ("", "", 0)
