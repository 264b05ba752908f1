"""The corpus of broken bulletins: each gives its exact messages, lines and exit code.

Every fixture in ``tests/fixtures/bad/`` is a whole bulletin with one kind of mistake (or,
for ``five-mistakes``, five). It is checked alone beside the real content; the expected
output below is what ``invoke check`` prints for that file, path prefix removed.
"""

import shutil

import pytest

from briefsite.cli import main

from .conftest import FIXTURES, copy_project

BAD = FIXTURES / "bad"
EXPECTED = {
    "File Name With Spaces": (
        1,
        [
            "1:1: error: file name 'File Name With Spaces.md' does not make a valid URL slug",
            "    hint: rename it to 'file-name-with-spaces.md'",
        ],
    ),
    "bom-and-crlf": (
        0,
        [],
    ),
    "compilers-not-a-list": (
        1,
        [
            "7:12: error: 'compilers' must be a list",
            "    hint: write [Zhao Min]",
        ],
    ),
    "date-impossible": (
        1,
        [
            "3:7: error: date '2023-02-29' does not exist (day is out of range for month)",
            "    hint: check the day and the month",
        ],
    ),
    "date-not-iso": (
        1,
        [
            "3:7: error: date 'March 8, 2024' is not an ISO date",
            "    hint: write it as YYYY-MM-DD, e.g. 2021-06-16",
        ],
    ),
    "date-not-zero-padded": (
        1,
        [
            "3:7: error: date '2024-3-8' is not an ISO date",
            "    hint: write it as YYYY-MM-DD, e.g. 2021-06-16",
        ],
    ),
    "date-source-unknown": (
        1,
        [
            "4:14: error: date_source must be 'text' or 'editor', not 'guessed'",
            "    hint: write 'date_source: editor' when you supplied the date, or remove the line",
        ],
    ),
    "empty-body": (
        1,
        [
            "15:1: error: the bulletin has no body text after the front-matter",
            "    hint: paste the bulletin's text below the closing '---'",
        ],
    ),
    "empty-title": (
        1,
        [
            "2:8: error: 'title' is empty",
            "    hint: fill in the bulletin's title",
        ],
    ),
    "expert-named-but-not-a-speaker": (
        0,
        [
            "16:81: warning: 'FANG Chuanglin' (fang-chuanglin) is named in the text but not in speakers",
            "    hint: add {id: fang-chuanglin, role: ...} to speakers if they speak here",
        ],
    ),
    "expert-written-as-alias": (
        1,
        [
            "11:10: error: unknown expert 'WU Zhiqiang'",
            "    hint: did you mean 'wu-zhiqiang'? ('WU Zhiqiang' is how sources spell it)",
        ],
    ),
    "field-given-twice": (
        1,
        [
            "3:1: error: field 'title' is given twice",
            "    hint: keep one of them",
        ],
    ),
    "field-name-typo": (
        1,
        [
            "2:1: error: missing required field 'summary'",
            "    hint: add 'summary:' (the editor's note or first paragraph)",
            "9:1: error: unknown field 'sumary'",
            "    hint: did you mean 'summary'?",
        ],
    ),
    "five-mistakes": (
        1,
        [
            "3:7: error: date '2024-13-01' does not exist (month must be in 1..12)",
            "    hint: check the day and the month",
            "5:9: error: 'number' must be a whole number above 0, not '-3'",
            "    hint: for 'No.10 Vol. 145' write number: 10 and volume: 145",
            "11:10: error: unknown expert 'wu-zhiqaing'",
            "    hint: did you mean 'wu-zhiqiang'?",
            "12:11: error: unknown region 'yangtze-delta'",
            "    hint: did you mean 'yangtze-river-delta'?",
            "13:10: error: unknown theme 'greening'",
            "    hint: use an id from content/registry/themes.yaml, or add the new entry there first",
        ],
    ),
    "front-matter-is-a-list": (
        1,
        [
            "2:1: error: the front-matter must be a mapping of fields ('title: ...')",
        ],
    ),
    "missing-date": (
        1,
        [
            "2:1: error: missing required field 'date'",
            "    hint: add 'date:' (date of publication, YYYY-MM-DD)",
        ],
    ),
    "missing-publisher": (
        1,
        [
            "2:1: error: missing required field 'publisher'",
            "    hint: add 'publisher:' (who published the bulletin)",
        ],
    ),
    "missing-source": (
        1,
        [
            "2:1: error: missing required field 'source'",
            "    hint: add 'source:' ({file: NAME.txt} naming the raw text under sources/, with url where known)",
        ],
    ),
    "missing-summary": (
        1,
        [
            "2:1: error: missing required field 'summary'",
            "    hint: add 'summary:' (the editor's note or first paragraph)",
        ],
    ),
    "missing-title": (
        1,
        [
            "2:1: error: missing required field 'title'",
            "    hint: add 'title:' (the bulletin's title)",
        ],
    ),
    "no-front-matter": (
        1,
        [
            "1:1: error: no front-matter: a bulletin starts with '---', its YAML fields, then '---'",
            "    hint: run 'invoke ingest' on the raw text to get a correctly formed file",
        ],
    ),
    "not-utf8": (
        1,
        [
            "2:22: error: the file is not UTF-8 text (byte 0xe9 cannot be decoded)",
            "    hint: save the file as UTF-8 (most editors: 'Save with encoding' -> UTF-8)",
        ],
    ),
    "number-not-a-number": (
        1,
        [
            "5:9: error: 'number' must be a whole number above 0, not 'three'",
            "    hint: for 'No.10 Vol. 145' write number: 10 and volume: 145",
        ],
    ),
    "number-zero": (
        1,
        [
            "5:9: error: 'number' must be a whole number above 0, not '0'",
            "    hint: for 'No.10 Vol. 145' write number: 10 and volume: 145",
        ],
    ),
    "region-listed-twice": (
        1,
        [
            "12:32: error: 'yangtze-river-delta' is listed twice in regions",
            "    hint: keep one",
        ],
    ),
    "region-written-as-alias": (
        1,
        [
            "12:32: error: unknown region 'Jingjinji'",
            "    hint: did you mean 'beijing-tianjin-hebei'? ('Jingjinji' is how sources spell it)",
        ],
    ),
    "regions-not-a-list": (
        1,
        [
            "12:10: error: 'regions' must be a list",
            "    hint: write [yangtze-river-delta]",
        ],
    ),
    "slug-not-valid": (
        1,
        [
            "3:7: error: slug 'Water_Cities' is not valid",
            "    hint: e.g. 'water-cities'",
        ],
    ),
    "slug-taken": (
        1,
        [
            "1:1: error: slug 'collaborative-agglomeration-new-cities-and-new-spaces' is already used by content/bulletins/collaborative-agglomeration-new-cities-and-new-spaces.md: both would be written to bulletins/collaborative-agglomeration-new-cities-and-new-spaces/",
            "    hint: rename one of the files, or give it another 'slug:'",
        ],
    ),
    "source-file-missing": (
        1,
        [
            "8:16: error: source file '999_missing.txt' does not exist in sources/",
            "    hint: add the raw text to sources/ in the same pull request",
        ],
    ),
    "source-not-a-mapping": (
        1,
        [
            "8:9: error: 'source' must be a mapping",
            "    hint: write {file: 000_89123bde5553aad6.txt}",
        ],
    ),
    "source-unknown-field": (
        1,
        [
            "8:42: error: unknown field 'link' in source",
            "    hint: source takes 'file' and 'url'",
        ],
    ),
    "source-url-not-web": (
        1,
        [
            "8:47: error: source url 'www.example.org/a' is not a web address",
            "    hint: start it with https://",
        ],
    ),
    "speaker-listed-twice": (
        1,
        [
            "12:10: error: speaker 'wu-zhiqiang' is listed twice",
            "    hint: keep one entry per person",
        ],
    ),
    "speaker-role-not-text": (
        1,
        [
            "11:29: error: role must be text, not a list",
            '    hint: write the role in double quotes: role: "..."',
        ],
    ),
    "speaker-unknown-field": (
        1,
        [
            "11:5: warning: speaker 'wu-zhiqiang' has no role",
            '    hint: add the role this bulletin gives them: role: "..."',
            "11:23: error: unknown field 'title' in a speaker",
            "    hint: a speaker has 'id' and 'role'",
        ],
    ),
    "speaker-without-id": (
        1,
        [
            "11:5: error: speaker 1 needs an 'id'",
            "    hint: write {id: expert-id, role: 'as stated in the bulletin'}",
        ],
    ),
    "speakers-not-a-list": (
        1,
        [
            "10:11: error: 'speakers' must be a list of {id: ..., role: ...}",
            "    hint: write one line per speaker: '  - {id: expert-id, role: \"...\"}'",
        ],
    ),
    "title-is-a-list": (
        1,
        [
            "2:8: error: 'title' must be text, not a list",
            '    hint: write it in double quotes: "..."',
        ],
    ),
    "unclosed-front-matter": (
        1,
        [
            "1:1: error: the front-matter is never closed",
            "    hint: add a line '---' after the last field, before the text",
        ],
    ),
    "unknown-expert-no-match": (
        1,
        [
            "11:10: error: unknown expert 'jane-doe'",
            "    hint: use an id from content/registry/experts.yaml, or add the new entry there first",
        ],
    ),
    "unknown-expert-typo": (
        1,
        [
            "11:10: error: unknown expert 'wu-zhiqaing'",
            "    hint: did you mean 'wu-zhiqiang'?",
        ],
    ),
    "unknown-region-typo": (
        1,
        [
            "12:11: error: unknown region 'yangtze-delta'",
            "    hint: did you mean 'yangtze-river-delta'?",
        ],
    ),
    "unknown-theme": (
        1,
        [
            "13:10: error: unknown theme 'green-growth'",
            "    hint: use an id from content/registry/themes.yaml, or add the new entry there first",
        ],
    ),
    "yaml-tab-indent": (
        1,
        [
            "11:1: error: YAML syntax: a tab character at line 11, column 1: indent with spaces",
            "    hint: check the indentation and quoting on this line; text containing ': ' or starting with a quote must be put in double quotes",
        ],
    ),
    "yaml-unclosed-brace": (
        1,
        [
            "12:1: error: YAML syntax: did not find expected ',' or '}'",
            "    hint: check the indentation and quoting on this line; text containing ': ' or starting with a quote must be put in double quotes",
        ],
    ),
    "yaml-unquoted-colon": (
        1,
        [
            "2:13: error: YAML syntax: mapping values are not allowed in this context",
            "    hint: check the indentation and quoting on this line; text containing ': ' or starting with a quote must be put in double quotes",
        ],
    ),
}


def test_every_fixture_has_an_expectation_and_there_are_at_least_30():
    assert sorted(p.stem for p in BAD.glob("*.md")) == sorted(EXPECTED)
    assert sum(code == 1 for code, _ in EXPECTED.values()) >= 30


def messages_for(output: str, path: str) -> list[str]:
    """The diagnostic lines (and their hint lines) that name ``path``, without the path."""
    own: list[str] = []
    keep = False
    for line in output.splitlines():
        if line.startswith("    hint:"):
            if keep:
                own.append(line)
            continue
        keep = line.startswith(f"{path}:")
        if keep:
            own.append(line.removeprefix(f"{path}:"))
    return own


@pytest.fixture(scope="module")
def clean_project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("corpus") / "project")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_bulletin_gives_its_exact_messages(clean_project, capsys, name):
    target = clean_project.bulletins / f"{name}.md"
    shutil.copy(BAD / f"{name}.md", target)
    try:
        code = main(["--root", str(clean_project.root), "check"])
    finally:
        target.unlink()
    out, err = capsys.readouterr()
    assert (code, messages_for(out, f"content/bulletins/{name}.md")) == EXPECTED[name]
    assert "Traceback" not in out + err


def test_github_format_prints_annotations(clean_project, capsys):
    target = clean_project.bulletins / "five-mistakes.md"
    shutil.copy(BAD / "five-mistakes.md", target)
    try:
        code = main(["--root", str(clean_project.root), "check", "--format", "github"])
    finally:
        target.unlink()
    lines = [line for line in capsys.readouterr().out.splitlines() if "five-mistakes" in line]
    assert code == 1
    assert lines[0] == (
        "::error file=content/bulletins/five-mistakes.md,line=3,col=7::date '2024-13-01' does "
        "not exist (month must be in 1..12) (hint: check the day and the month)"
    )
    assert len(lines) == 5


def test_clean_content_passes_and_strict_fails_on_warnings(clean_project, capsys):
    assert main(["--root", str(clean_project.root), "check"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1].startswith("check ok: 4 bulletin(s), 0 error(s)")
    )
    target = clean_project.bulletins / "expert-named-but-not-a-speaker.md"
    shutil.copy(BAD / target.name, target)
    try:
        assert main(["--root", str(clean_project.root), "check"]) == 0
        assert main(["--root", str(clean_project.root), "check", "--strict"]) == 1
    finally:
        target.unlink()


def test_check_can_report_on_the_changed_files_only(clean_project, capsys):
    target = clean_project.bulletins / "unknown-theme.md"
    shutil.copy(BAD / "unknown-theme.md", target)
    try:
        other = str(
            clean_project.bulletins / "collaborative-agglomeration-new-cities-and-new-spaces.md"
        )
        assert main(["--root", str(clean_project.root), "check", other]) == 0
        assert main(["--root", str(clean_project.root), "check", str(target)]) == 1
    finally:
        target.unlink()
    assert "unknown theme 'green-growth'" in capsys.readouterr().out
