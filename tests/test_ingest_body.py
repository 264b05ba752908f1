"""Body repair: paragraphs rejoined across page breaks, headings, footnotes, bold."""

from briefsite.ingest.body import blocks_from_lines, classify, join_broken_paragraphs, to_markdown
from briefsite.ingest.source import Line


def markdown_of(text: str) -> tuple[str, list[str]]:
    lines = [
        Line(n, raw.strip(), raw.startswith("  ") and bool(raw.strip()))
        for n, raw in enumerate(text.split("\n"), start=1)
    ]
    return to_markdown(join_broken_paragraphs(classify(blocks_from_lines(lines))))


def test_a_sentence_split_by_a_page_break_is_one_paragraph():
    body, _ = markdown_of(
        "Regions, in addition to the Yangtze\n\nRiver Delta, include Tokyo.\n\nNext one."
    )
    assert body == "Regions, in addition to the Yangtze River Delta, include Tokyo.\n\nNext one."


def test_a_paragraph_ending_a_sentence_is_not_joined():
    body, _ = markdown_of(
        "Thirdly, we shall deal with ageing.\n\nWith the accelerated process, ..."
    )
    assert body == "Thirdly, we shall deal with ageing.\n\nWith the accelerated process, ..."


def test_roman_numbered_lines_become_headings_without_their_final_stop():
    body, _ = markdown_of(
        "Intro.\n\nI. Grasp new trends.\n\nText.\n\nII. Exploring new models\n\nMore."
    )
    assert "## I. Grasp new trends\n\nText." in body
    assert "## II. Exploring new models\n\nMore." in body


def test_short_title_lines_between_paragraphs_become_subheadings():
    body, _ = markdown_of(
        "  First paragraph.\n  Introduce more inclusive policies\n  Second paragraph."
    )
    assert body.split("\n\n") == [
        "First paragraph.",
        "### Introduce more inclusive policies",
        "Second paragraph.",
    ]


def test_footnote_markers_and_notes_become_markdown_footnotes():
    body, warnings = markdown_of("Guests spoke¹ today.\n\n¹ Participating guests include: A.")
    assert body == "Guests spoke[^1] today.\n\n[^1]: Participating guests include: A."
    assert warnings == []


def test_a_marker_without_its_note_is_kept_and_reported():
    body, warnings = markdown_of("Three locations¹ matter.")
    assert body.endswith("[^1]: The source marks a footnote here but gives no footnote text.")
    assert warnings == ["footnote 1 is marked in the text but its note is missing"]


def test_bold_survives_and_line_start_markdown_is_escaped():
    body, _ = markdown_of("**WU Zhiqiang** spoke.\n\n# not a heading, 1. not a list.")
    assert body == "**WU Zhiqiang** spoke.\n\n\\# not a heading, 1. not a list."


def test_indented_lines_start_paragraphs_in_newspaper_style():
    body, _ = markdown_of('  "A quote," he said.\n  The delta grows\nfast, they said.')
    assert body.split("\n\n") == ['"A quote," he said.', "The delta grows fast, they said."]


def test_a_pictures_file_name_is_not_joined_to_the_paragraph_after_it():
    body, _ = markdown_of("Webinar_screencap_04.png\n\nProfessor Anthony Yeh invited panellists.")
    assert body.split("\n\n") == [
        "Webinar_screencap_04.png",
        "Professor Anthony Yeh invited panellists.",
    ]
