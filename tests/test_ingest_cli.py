"""Ingest as editors run it: golden output, determinism, and clear refusals of bad input."""

from pathlib import Path

import pytest

from briefsite.cli import main

from .conftest import FIXTURES, ROOT

GOLDEN = Path(__file__).parent / "golden"
EDITOR_DATES = {"001_3bcdff61747226ea": "2024-07-31", "interview-excerpt": "2024-03-12"}
RAW = sorted([*(ROOT / "sources").glob("*.txt"), *(FIXTURES / "raw").glob("*.txt")])


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(ROOT), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("source", RAW, ids=lambda p: p.stem)
def test_ingest_output_matches_the_reviewed_golden_file(project, capsys, source):
    date = EDITOR_DATES.get(source.stem)
    args = ["ingest", str(source), "--stdout", "--update-registry"]  # three name new people
    code = main(["--root", str(project.root), *args, *(["--date", date] if date else [])])
    out = capsys.readouterr().out
    assert code == 0
    assert out == (GOLDEN / f"{source.stem}.md").read_text(encoding="utf-8")


def test_ingest_twice_gives_byte_identical_output(capsys):
    source = str(ROOT / "sources" / "000_89123bde5553aad6.txt")
    first = run(capsys, "ingest", source, "--stdout")[1]
    second = run(capsys, "ingest", source, "--stdout")[1]
    assert first == second and first.startswith("---\ntitle:")


def test_the_four_sources_have_the_speakers_an_editor_expects():
    from briefsite.content.check import check_project
    from briefsite.content.paths import ProjectPaths

    report = check_project(ProjectPaths(ROOT))
    by_source = {b.source.file[:3]: [s.id for s in b.speakers] for b in report.bulletins}
    assert by_source == {
        "000": [
            "wu-zhiqiang",
            "anthony-g-o-yeh",
            "fang-chuanglin",
            "zhang-bo",
            "bruno-dercon",
            "tu-qiyu",
        ],
        "001": ["wen-yuyuan"],
        "002": ["wang-yuan", "liu-liu", "russell-hancock", "luo-dajin", "hanan-tekker"],
        "003": ["sun-dong", "wang-jixiang", "wu-zhiqiang", "wu-jun", "erik-solheim"],
    }


def test_a_text_without_a_year_asks_for_the_date(capsys):
    code, out, err = run(
        capsys, "ingest", str(ROOT / "sources" / "001_3bcdff61747226ea.txt"), "--stdout"
    )
    assert (code, out) == (1, "")
    assert err == (
        f"Error: {ROOT / 'sources' / '001_3bcdff61747226ea.txt'}: the text gives the date '31 Jul' "
        "without a year\n    hint: pass the full date of publication with --date YYYY-MM-DD; the "
        "bulletin will record that the editor supplied it\n"
    )


def test_the_editor_supplied_date_is_recorded(capsys):
    source = str(ROOT / "sources" / "001_3bcdff61747226ea.txt")
    out = run(capsys, "ingest", source, "--stdout", "--date", "2024-07-31")[1]
    assert "date: 2024-07-31\ndate_source: editor" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n  ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a binary file, not text"),
        ("Titre\n\nLe delta du Yangtsé".encode("latin-1"), "line 3: the file is not UTF-8 text"),
        (
            b"{No.1 Vol. 2}\n\nJune 3, 2021\n\nA Title Alone\n",
            "no body text found after the header",
        ),
        (
            b"A title\n\n  Body text with no date at all, long enough to be a paragraph of the "
            b"report that follows the title line and continues for a while.",
            "no date of publication found",
        ),
        (
            b"A title\n\nIssued 06/07/21\n\n  Body text.",
            "the date '06/07/21' is in a form that cannot be read safely",
        ),
        (
            b"A title\n\nFebruary 30, 2021\n\n  Body text.",
            "the date 'February 30, 2021' is not a real date",
        ),
    ],
    ids=[
        "empty",
        "blank",
        "binary",
        "latin-1",
        "no-body",
        "no-date",
        "ambiguous-date",
        "impossible-date",
    ],
)
def test_bad_input_gets_one_clear_message_and_exit_1(tmp_path, capsys, content, message):
    source = tmp_path / "raw.txt"
    source.write_bytes(content)
    code, out, err = run(capsys, "ingest", str(source), "--stdout")
    assert code == 1 and out == ""
    assert err.startswith(f"Error: {source}: {message}")
    assert "Traceback" not in err


def test_a_text_without_a_title_line_takes_its_first_sentence_and_says_so(tmp_path, capsys):
    source = tmp_path / "raw.txt"
    source.write_text("June 3, 2021\n\n" + "A long paragraph of body text. " * 10, encoding="utf-8")
    code, out, err = run(capsys, "ingest", str(source), "--stdout", "--publisher", "Xinhua")
    assert code == 0
    assert out.startswith('---\ntitle: "A long paragraph of body text"\n')
    assert (
        "warning: the text does not start with a title line: took 'A long paragraph of body "
        'text\' as the title; pass --title "..." to give another'
    ) in err
    code, out, _ = run(
        capsys,
        "ingest",
        str(source),
        "--stdout",
        "--title",
        "Body Text Forum",
        "--publisher",
        "Xinhua",
    )
    assert code == 0 and out.startswith('---\ntitle: "Body Text Forum"\n')


def test_unknown_people_are_proposed_and_nothing_is_written_until_they_are_added(project, capsys):
    source = str(FIXTURES / "raw" / "news-report-inverted.txt")
    before = sorted(p.name for p in project.bulletins.iterdir())
    code = main(["--root", str(project.root), "ingest", source])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert "not in the registry yet" in err
    assert "- id: zhou-ling\n  name: Zhou Ling\n  family_name: Zhou\n  aliases: [Zhou Ling]" in err
    assert err.endswith(
        f"Error: {source}: 3 speaker(s) not in the registry yet (zhou-ling, huang-tao, "
        "kenji-sato); nothing was written\n    hint: check each is a new person (not a new "
        "spelling of a known one: then add the spelling to their aliases), then rerun with "
        "--update-registry to add them\n"
    )
    assert sorted(p.name for p in project.bulletins.iterdir()) == before
    code = main(["--root", str(project.root), "ingest", source, "--update-registry"])
    assert code == 0
    written = project.bulletins / "greater-bay-area-firms-bet-on-shared-laboratories.md"
    text = written.read_text(encoding="utf-8")
    assert '- {id: zhou-ling, role: "Professor at Sun Yat-sen University"}' in text
    assert main(["--root", str(project.root), "check"]) == 0


def test_namesakes_must_be_told_apart(tmp_path, capsys):
    from .conftest import copy_project

    paths = copy_project(tmp_path / "p")
    experts = paths.registry / "experts.yaml"
    experts.write_text(
        experts.read_text(encoding="utf-8")
        + (
            "\n- id: wang-yuan-hubei\n  name: Wang Yuan\n  family_name: Wang\n"
            "  aliases: [Wang Yuan (Hubei)]\n"
        ),
        encoding="utf-8",
    )
    source = str(paths.sources / "002_15b089ff7f1fcddc.txt")
    code = main(["--root", str(paths.root), "ingest", source, "--stdout"])
    err = capsys.readouterr().err
    assert code == 1
    assert "'Wang Yuan' may be any of wang-yuan, wang-yuan-hubei (namesakes)" in err
    code = main(
        [
            "--root",
            str(paths.root),
            "ingest",
            source,
            "--stdout",
            "--speaker",
            "Wang Yuan=wang-yuan-hubei",
        ]
    )
    assert code == 0
    assert '- {id: wang-yuan-hubei, role: "Researcher, chairman' in capsys.readouterr().out


def test_ingest_writes_the_bulletin_and_keeps_the_raw_text(tmp_path, capsys):
    from .conftest import copy_project

    paths = copy_project(tmp_path / "p")
    raw = tmp_path / "incoming.txt"
    raw.write_bytes((FIXTURES / "raw" / "interview-excerpt.txt").read_bytes())
    args = ["ingest", str(raw), "--date", "2024-03-12", "--update-registry"]
    code = main(["--root", str(paths.root), *args])
    out = capsys.readouterr().out
    assert code == 0
    target = paths.bulletins / "planning-new-towns-with-their-cores.md"
    assert "wrote content/bulletins/planning-new-towns-with-their-cores.md" in out
    assert target.read_text(encoding="utf-8").startswith('---\ntitle: "Planning New Towns')
    assert (paths.sources / "incoming.txt").read_bytes() == raw.read_bytes()
    # a second, different ingest to the same name is refused unless forced
    target.write_text("edited by hand", encoding="utf-8")
    assert main(["--root", str(paths.root), *args]) == 1
    assert "a different bulletin with this name exists already" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "edited by hand"
