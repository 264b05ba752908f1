"""Who ingest counts as a speaker, with which role, and why; on texts other than the sources.

Each test is one construction of the kind real texts use (the module docstring of
``briefsite.ingest.speakers`` lists them), run through the real language model.
"""

import pytest

from briefsite.ingest import language
from briefsite.ingest.speakers import find_speakers


@pytest.fixture(scope="module")
def nlp():
    return language.load()


@pytest.fixture
def speakers(nlp, registry):
    def run(*paragraphs: str, lines: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        finding = find_speakers(list(paragraphs), list(lines), nlp, registry)
        return [(p.name, p.role) for p in finding.people if p.counted]

    return run


def test_name_comma_role_comma_verb(speakers):
    text = (
        "Sun Dong, Academician of the Canadian Academy of Engineering and Secretary for "
        "Innovation, Technology and Industry, Hong Kong SAR Government, thought that cities "
        "must work together."
    )
    assert speakers(text) == [
        (
            "Sun Dong",
            "Academician of the Canadian Academy of Engineering and Secretary for Innovation, "
            "Technology and Industry, Hong Kong SAR Government",
        )
    ]


def test_title_before_the_name_is_the_role(speakers):
    text = "The US Silicon Valley chairman and CEO Russell Hancock believes that plans matter."
    assert speakers(text) == [("Russell Hancock", "US Silicon Valley chairman and CEO")]


def test_event_verbs_and_coordinated_subjects(speakers):
    text = (
        "Li Ming, vice-mayor of Hefei, attended and delivered a keynote speech. "
        "Zhao Lan, director of the Port Office, and Tom Reyes, CEO of Harbour Lines, signed "
        "the agreement."
    )
    assert speakers(text) == [
        ("Li Ming", "Vice-mayor of Hefei"),
        ("Zhao Lan", "Director of the Port Office"),
        ("Tom Reyes", "CEO of Harbour Lines"),
    ]


def test_the_agent_of_a_passive_and_according_to_in_any_case(speakers):
    assert speakers("The session was presided over by Professor Anna Berg.") == [
        ("Anna Berg", "Professor")
    ]
    assert speakers("The ports, according to WU Zhiqiang, must cooperate.") == [("WU Zhiqiang", "")]


def test_news_style_said_after_the_quote(speakers):
    text = '"Nobody can afford it alone," said Zhou Ling, a professor at Sun Yat-sen University.'
    assert speakers(text) == [("Zhou Ling", "Professor at Sun Yat-sen University")]


def test_later_references_belong_to_the_full_name(speakers):
    text = (
        "Li Ming, vice-mayor of Hefei, met the delegates in the morning. "
        "Li said the corridor would open next year."
    )
    assert speakers(text) == [("Li Ming", "Vice-mayor of Hefei")]


def test_two_people_of_one_surname_stay_apart_and_ingest_says_so(nlp, registry):
    text = (
        "Wang Fang, a planner, and Wang Jun, an economist, visited the port. "
        "Wang said the port must grow."
    )
    finding = find_speakers([text], [], nlp, registry)
    assert [p.name for p in finding.people] == ["Wang Fang", "Wang Jun"]
    assert not any(p.counted for p in finding.people)
    assert any("may be Wang Fang or Wang Jun" in w for w in finding.warnings)


def test_a_leader_named_inside_a_quotation_is_not_a_speaker(nlp, registry):
    text = (
        '"As President Xi Jinping said, the delta must integrate," said Chen Hong, a '
        "professor at Fudan University."
    )
    finding = find_speakers([text], [], nlp, registry)
    counted = {p.name: p.counted for p in finding.people}
    assert counted == {"Xi Jinping": False, "Chen Hong": True}
    assert finding.people[0].not_counted == "named inside a quotation"


def test_a_statement_recalled_from_years_ago_is_not_speaking(speakers):
    text = "Three years ago, President Xi Jinping announced support for the delta."
    assert speakers(text) == []


def test_a_list_of_fifteen_speakers_with_roles(speakers):
    names = [
        "Zhang Wei", "Mary Lee", "Tom Hu", "Anna Berg", "Li Na", "Peter Grant", "Chen Hong",
        "Sara Kim", "Liu Yang", "John Doe", "Zhao Lei", "Maria Rossi", "Sun Li", "Paul Weber",
        "Huang Min",
    ]  # fmt: skip
    entries = "; ".join(f"{name}, director of Institute {n}" for n, name in enumerate(names))
    found = speakers(
        f"Participating guests include: {entries}.",
        lines=(f"Participating guests include: {entries}.",),
    )
    assert [name for name, _ in found] == names
    assert found[3] == ("Anna Berg", "Director of Institute 3")


def test_speaker_cards_under_a_heading(speakers):
    lines = ("Speakers:", "Tim Campbell,", "Chairman,", "Urban Age Institute", "", "Saskia Sassen,",
             "Professor of Sociology,", "Columbia University")  # fmt: skip
    assert speakers(lines=lines) == [
        ("Tim Campbell", "Chairman, Urban Age Institute"),
        ("Saskia Sassen", "Professor of Sociology, Columbia University"),
    ]


def test_a_transcript_counts_who_answers_not_who_asks(speakers):
    lines = (
        "Reporter: What will the new district change for the region?",
        "Wang Fang: The district will join the ports of the delta into one system.",
        "Reporter: When?",
        "Wang Fang: Within five years, if the plan holds.",
    )
    assert speakers(*lines, lines=lines) == [("Wang Fang", "")]


def test_q_and_a_interviewee_is_named_in_the_framing(speakers):
    lines = (
        "Yao Xiang, general manager of Goldland Electronics, came to Pingshan in 2005.",
        "Photography: Sun Yuchen",
        "Q: What was Pingshan like at the time?",
        "A: There were few people in Pingshan at the time.",
    )
    assert speakers(*lines, lines=lines) == [
        ("Yao Xiang", "General manager of Goldland Electronics")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tongji University thought about this long ago.",
        "Hong Kong said nothing about the plan.",
        "The State Council stressed that integration matters.",
        "The Harbour Expo held in May attracted 300 firms.",
        "Silicon Valley Bank said it would lend more.",
        "Chinese and foreign experts have said that the region should integrate.",
        "He pointed out that the Greater Bay Area must cooperate.",
    ],
)
def test_organisations_places_events_and_pronouns_alone_are_not_speakers(speakers, text):
    assert speakers(text) == []


def test_credited_reporters_and_photographers_are_not_speakers(nlp, registry):
    lines = ("By Chen Jing", "Zhang Wei, a planner, said the port must grow.")
    finding = find_speakers([lines[1]], list(lines), nlp, registry)
    assert [(p.name, p.counted) for p in finding.people] == [("Zhang Wei", True)]
    finding = find_speakers(["Chen Jing said the port must grow."], list(lines), nlp, registry)
    assert finding.people[0].not_counted == "credited as author, reporter or photographer"


def test_in_the_chair_and_thanked_for_moderating(speakers):
    text = (
        "A panel on offices followed, with Peter Hogg, London City Executive, Arcadis, in the "
        "chair. Thanks to Micah Weinberg for moderating the discussion."
    )
    assert [name for name, _ in speakers(text)] == ["Peter Hogg", "Micah Weinberg"]


def test_biographies_under_a_speakers_heading(speakers):
    lines = (
        "Speakers",
        "",
        "Jane Doe is the director of the Urban Lab at Fudan University. She studies ports.",
        "",
        "Li Wei is a professor of planning at Tongji University, where he leads a studio.",
    )
    assert speakers(lines=lines) == [
        ("Jane Doe", "Director of the Urban Lab at Fudan University"),
        ("Li Wei", "Professor of planning at Tongji University"),
    ]
