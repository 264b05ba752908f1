"""Each header/trailer recogniser of ingest, on the forms the sources use and others."""

import datetime as dt

import pytest

from briefsite.ingest import fields


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June.16 2021", dt.date(2021, 6, 16)),
        ("September 22, 2023", dt.date(2023, 9, 22)),
        (
            "This article was published in Wen Wei Paper 2018-06-23, author Xu Qimin",
            dt.date(2018, 6, 23),
        ),
        ("16 June 2021", dt.date(2021, 6, 16)),
        ("Sept. 3rd, 2022", dt.date(2022, 9, 3)),
        ("2021/6/16", dt.date(2021, 6, 16)),
        ("2021年6月16日", dt.date(2021, 6, 16)),
    ],
)
def test_find_date_reads_every_form_the_sources_use(text, expected):
    assert fields.find_date(text).value == expected


def test_find_date_reports_an_impossible_date():
    found = fields.find_date("February 30, 2021")
    assert found.value is None
    assert "not a real date" in found.problem


def test_find_date_refuses_an_ambiguous_numeric_date():
    found = fields.find_date("Issued 06/07/21")
    assert found.value is None and "cannot be read safely" in found.problem


def test_find_date_is_none_without_a_date():
    assert fields.find_date("Shanghai Center for Pujiang Innovation Forum") is None


@pytest.mark.parametrize("text", ["31 Jul", "Jul 31", "3 March"])
def test_partial_dates_without_year_are_recognised(text):
    assert fields.find_partial_date(text) == text


def test_number_and_volume():
    assert fields.number_and_volume("{No.10 Vol. 145}") == (10, 145)
    assert fields.number_and_volume("No. 6, Vol. 167") == (6, 167)
    assert fields.number_and_volume("Volume of trade") is None


def test_series_line_reads_roman_issue_numbers():
    line = fields.series_line("2023 Pujiang Innovation Forum Bulletin VI")
    assert line == fields.SeriesLine("Pujiang Innovation Forum Bulletin", 6, 2023)
    assert fields.series_line("2021 Pujiang Innovation Forum Bulletin XIV").issue == 14
    assert fields.series_line("Collaborative Agglomeration: New Cities") is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Summarized by Chen Zhu", ["Chen Zhu"]),
        ("Compiled by: Jiang Jiaoyan, Zhou Shaodan", ["Jiang Jiaoyan", "Zhou Shaodan"]),
        ("This article was published in Wen Wei Paper 2018-06-23, author Xu Qimin", ["Xu Qimin"]),
        ("Edited by Li Na and Zhao Lei.", ["Li Na", "Zhao Lei"]),
        ("The author thinks otherwise about the Delta", []),
    ],
)
def test_compilers(line, names):
    assert fields.compilers(line) == names


def test_linkage_gives_publisher_person_and_title():
    link = fields.linkage("Linkage:[Economic Daily] WEN Yuyuan: Adapting to Differentiated Layouts")
    assert link == fields.Linkage(
        "Economic Daily", "WEN Yuyuan", "Adapting to Differentiated Layouts"
    )


def test_published_in_names_the_paper():
    assert (
        fields.published_in("This article was published in Wen Wei Paper 2018-06-23")
        == "Wen Wei Paper"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2021 Pujiang Innovation Forum – The Regional & Urban Forum, participating experts",
            "2021 Pujiang Innovation Forum – The Regional & Urban Forum",
        ),
        (
            'The Theme Forum: "Regional Innovation and Development" of the Pujiang Innovation '
            "Forum 2023, with the theme",
            "Pujiang Innovation Forum 2023 – Theme Forum “Regional Innovation and Development”",
        ),
        (
            "At the forum - 2018 International Symposium on Science and Technology Innovation "
            "Think Tanks, Chinese and foreign experts",
            "2018 International Symposium on Science and Technology Innovation Think Tanks",
        ),
        ("At the 2019 Lujiazui Forum, officials said", "2019 Lujiazui Forum"),
        ("Experts met in Shanghai to discuss the Delta.", ""),
    ],
)
def test_event(text, expected):
    assert fields.event(text) == expected


def test_editors_note_strips_its_label():
    assert fields.editors_note("Editor’s Note: The forum discussed.") == "The forum discussed."
    assert fields.editors_note("The editor noted nothing.") == ""


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("(Compiled by: Chen Zhu, Li Wei)", ["Chen Zhu", "Li Wei"]),
        ("Compiled by Chen Zhu and Li Wei.", ["Chen Zhu", "Li Wei"]),
        ("（Summarized by: Chen Zhu）", ["Chen Zhu"]),
    ],
)
def test_compilers_in_any_of_their_forms(line, names):
    assert fields.compilers(line) == names


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a dateline before the first sentence is not the headline
        (
            ["SHANGHAI, May 19 (Xinhua) -- Experts gathered to plan the delta's ports. More."],
            "Experts gathered to plan the delta's ports",
        ),
        # page furniture, a date and a label are skipped
        (
            ["Print this page", "Share", "June 3, 2021", "Speakers:", "Ports join up"],
            "Ports join up",
        ),
        # an over-long first line: its first sentence, at most HEADLINE_WORDS words
        (
            [
                "The forum on the integration of the Yangtze River Delta brought together "
                "planners, economists and mayors from the three provinces and Shanghai for two "
                "days of talks"
            ],
            "The forum on the integration of the Yangtze River Delta brought together "
            "planners, economists and mayors …",
        ),
        (["[Photo/Xinhua]", "", "   "], ""),
    ],
)
def test_a_text_without_a_title_line_offers_its_best_headline(lines, expected):
    assert fields.headline(lines) == expected


def test_site_labels_around_a_title_are_not_the_title():
    assert fields.without_furniture("Ports join up | Updated: 2023-10-25 10:44") == "Ports join up"
    assert fields.is_furniture("Home » News » Events")
    assert fields.is_furniture("Angus Ng, chairman. [Photo provided to China Daily]")
    assert not fields.is_furniture("Ports of the Delta Seek One Voice")
