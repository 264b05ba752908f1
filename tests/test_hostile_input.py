"""Hostile input: whatever the bytes, ``ingest`` and ``check`` end in exit 0 or 1 with a
message, in bounded time, write nothing when they fail, and ingest never writes a bulletin
that check rejects.

Property-based (hypothesis). The default run is quick (a few hundred examples in all);
``HYPOTHESIS_PROFILE=ci`` or ``nightly`` runs many more (profiles in ``conftest.py``).
Inputs that once failed are kept as fixtures in ``tests/fixtures/hostile/``, each with its
exact outcome pinned below.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from briefsite.cli import main
from briefsite.content import frontmatter, yamldoc
from briefsite.content.bulletin_reader import BULLETIN_FIELDS
from briefsite.content.model import Speaker

from .conftest import FIXTURES, ROOT, copy_project

HOSTILE = FIXTURES / "hostile"
SOURCES = sorted((ROOT / "sources").glob("*.txt"))
BULLETIN = (
    ROOT / "content" / "bulletins" / "collaborative-agglomeration-new-cities-and-new-spaces.md"
)
# sizes of the long inputs: the default run keeps them small; the longer profiles go big
SCALE = 1 if os.environ.get("HYPOTHESIS_PROFILE", "default") == "default" else 5
# A hang guard at the judged figure (issue 17: 20 s). Half of it was too tight: the source
# plus 10,000 "a b" / "Dr. x" line pairs, which the inputs below may be, takes 12 s of ingest
# on this 2-core machine (the code of 2026-12-01 and of 2026-12-02 alike: 12.0 s and 11.8 s).
# How long ingest takes is measured by tools/fuzz.py, which prints the slowest run per kind.
DEADLINE_S = 20.0
DIAGNOSTIC = re.compile(r"^content/bulletins/[^:]+\.md:\d+:\d+: (?:error|warning): \S")
CONTROLS = "".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32), 127, *range(128, 160)]))
INVISIBLE = "\u200b\ufeff\u200e\u200f\u2060\u00ad\u3164\u2028\u00a0"
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
# The profile's example count (conftest.py), spent where examples are cheap: a whole ingest
# costs some 50 ms, a check 20 ms, a serializer round trip 1 ms.
EXAMPLES = settings().max_examples
SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def run_cli(*args: str) -> tuple[int, str, str, float]:
    """The command line in this process: exit code, stdout, stderr, seconds."""
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - started


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for part in ("content", "sources")
        for path in (root / part).rglob("*")
        if path.is_file()
    }


def restore(root: Path, before: dict[str, bytes]) -> None:
    for name, data in snapshot(root).items():
        if name not in before:
            (root / name).unlink()
        elif before[name] != data:
            (root / name).write_bytes(before[name])


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("hostile") / "project")


# --- raw texts --------------------------------------------------------------------------

real_texts = st.sampled_from(SOURCES).map(lambda p: p.read_text(encoding="utf-8"))


@st.composite
def mutated(draw, text: str | None = None) -> str:
    """A real source with a few insertions, deletions and repeats."""
    text = text if text is not None else draw(real_texts)
    inserts = st.one_of(
        st.text(alphabet=CONTROLS, min_size=1, max_size=5),
        st.text(alphabet=INVISIBLE, min_size=1, max_size=5),
        st.sampled_from([": {", '"', "'", "\n---\n", "#", "&a ", "*a", "\\", "]", "**", "¹"]),
        st.text(max_size=20),
    )
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if action == "insert":
            text = text[:where] + draw(inserts) + text[where:]
        elif action == "delete":
            text = text[:where] + text[where + draw(st.integers(1, 300)) :]
        else:
            text = text[:where] + text[where : where + draw(st.integers(1, 80))] * 20 + text[where:]
    return text


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


raw_texts = st.one_of(
    st.binary(max_size=2000),
    mutated().map(str.encode),
    st.tuples(real_texts, st.sampled_from(["latin-1", "gb18030", "utf-16", "cp1252"])).map(
        lambda pair: pair[0][:800].encode() + _encode(pair[0][800:], pair[1])
    ),
    st.tuples(real_texts, st.integers(2_000, 12_000 * SCALE)).map(
        lambda pair: (
            pair[0][:1500] + "\n" + "Aa Bb-Cc of " * (pair[1] // 12) + pair[0][1500:]
        ).encode()
    ),
    st.tuples(real_texts, st.integers(500, 10_000 * SCALE)).map(
        lambda pair: (pair[0] + "\n" + "a b\nDr. x\n" * pair[1]).encode()
    ),
    real_texts.map(lambda t: "".join(c + CONTROLS[len(c) % 7] for c in t[:4000]).encode()),
    st.text(alphabet=INVISIBLE + "\n ", min_size=1, max_size=300).map(str.encode),
)
file_names = st.sampled_from(
    ["raw.txt", "a: {b}.txt", "yes.txt", "x #y.txt", "q'u\"o.txt", "ü 日本.txt"]
)


@settings(SETTINGS, max_examples=EXAMPLES // 2)
@given(data=raw_texts, name=file_names)
@example(data="\u200b\ufeff\u200b\n\n\ufeff".encode(), name="raw.txt")
@example(data=(SOURCES[0].read_text(encoding="utf-8") + "\x7f\x85").encode(), name="raw.txt")
@example(data=SOURCES[0].read_bytes(), name="a: {b}.txt")
def test_ingest_ends_cleanly_and_what_it_writes_passes_check(project, tmp_path_factory, data, name):
    raw = tmp_path_factory.mktemp("raw") / name
    raw.write_bytes(data)
    before = snapshot(project.root)
    root = str(project.root)
    try:
        code, _, err, seconds = run_cli(
            "--root", root, "ingest", str(raw), "--date", "2021-06-16", "--force"
        )
        event(f"ingest exit {code}")
        assert seconds < DEADLINE_S
        assert code in (0, 1)
        if code == 1:  # the error line, after the speakers report when there is one
            assert ("\n" + err).count("\nError: ") == 1 and "Traceback" not in err, err
            assert snapshot(project.root) == before, "a failed ingest changed the project"
            return
        written = [n for n, d in snapshot(project.root).items() if before.get(n) != d]
        (bulletin,) = [n for n in written if n.endswith(".md")]
        code, out, _, seconds = run_cli("--root", root, "check", str(project.root / bulletin))
        assert (code, seconds < DEADLINE_S) == (0, True), out
    finally:
        restore(project.root, before)


# --- front-matter -----------------------------------------------------------------------

FIELDS = list(BULLETIN_FIELDS)  # every field of the front-matter
json_text = st.text(max_size=40).map(
    lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'
)
scalars = st.one_of(
    st.integers().map(str),
    st.integers(4_000, 6_000).map(lambda n: "9" * n),
    st.integers(4_000, 6_000).map(lambda n: "0x" + "f" * n),
    st.floats().map(repr),
    st.sampled_from(
        [
            "~",
            "true",
            "no",
            "2021-02-30",
            "2021-06-16",
            "''",
            "!!binary aGk=",
            "!!set {a}",
            "!!python/object:os.system x",
            "*nowhere",
            "0o777",
            "1:2:3",
        ]
    ),
    st.text(alphabet="abc -:#{}[],&*!|>'\"%@`", max_size=12),
    json_text,
    st.integers(10_000, 60_000 * SCALE).map(lambda n: '"' + "x" * n + '"'),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: f"[{', '.join(items)}]"),
        st.dictionaries(scalars, inner, max_size=4).map(
            lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"
        ),
    ),
    max_leaves=12,
)
special_lines = st.one_of(
    st.integers(1, 3000).map(lambda n: f"speakers: {'[' * n}{']' * n}"),
    st.integers(2, 12).map(
        lambda depth: "\n".join(
            ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
            + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, depth)]
        )
    ),
    st.just("regions: &r [*r]"),
    st.just("source: &s {file: *s}"),
    st.just("source: {file: 000_89123bde5553aad6.txt, 2021-06-16: {}, 3.5: y, ~: z}"),
    st.just("speakers: [{id: wu-zhiqiang, 1: x, true: y, 2.5: [z]}]"),
    st.text(alphabet=CONTROLS + INVISIBLE + "ab: ", max_size=10).map(lambda t: f"title: {t}"),
)


@st.composite
def front_matters(draw) -> str:
    """A real bulletin with some fields replaced, repeated, or added in hostile forms."""
    text = BULLETIN.read_text(encoding="utf-8")
    head, _, body = text[4:].partition("\n---\n")
    lines = head.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["replace", "duplicate", "special", "mutate"]))
        if kind == "replace":
            field = draw(st.sampled_from(FIELDS))
            lines = [line for line in lines if not line.startswith(f"{field}:")]
            lines.insert(draw(st.integers(0, len(lines))), f"{field}: {draw(values)}")
        elif kind == "duplicate":
            lines.append(draw(st.sampled_from(lines)))
        elif kind == "special":
            lines.append(draw(special_lines))
        else:
            return "---\n" + draw(mutated("\n".join(lines))) + "\n---\n" + body
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def assert_check_output(out: str, err: str) -> None:
    """Every line is a positioned diagnostic, its hint, or the closing summary."""
    lines = [line for line in out.splitlines() if not line.startswith(("    hint: ", "check "))]
    assert all(DIAGNOSTIC.match(line) for line in lines), lines
    assert out.splitlines()[-1].startswith("check "), out[-300:]
    assert err == ""


@SETTINGS
@given(text=front_matters())
def test_check_of_any_front_matter_ends_cleanly_naming_path_line_col(project, text):
    target = project.bulletins / "hostile.md"
    target.write_text(text, encoding="utf-8")
    try:
        code, out, err, seconds = run_cli("--root", str(project.root), "check", str(target))
    finally:
        target.unlink()
    event(f"check exit {code}")
    assert code in (0, 1) and seconds < DEADLINE_S
    assert_check_output(out, err)


# --- the serializer ---------------------------------------------------------------------

ids = st.one_of(st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True), st.text(max_size=20))


@settings(SETTINGS, max_examples=EXAMPLES * 2)
@given(
    texts=st.lists(st.text(max_size=200), min_size=7, max_size=7),
    speakers=st.lists(st.tuples(ids, st.text(max_size=80)), max_size=4),
    regions=st.lists(ids, max_size=4),
    number=st.none() | st.integers(0, 10**18),
)
def test_the_serializer_writes_any_values_that_yaml_reads_back_the_same(
    texts, speakers, regions, number
):
    title, subtitle, series, event, publisher, summary, source = texts
    front = frontmatter.FrontMatter(
        title=title,
        subtitle=subtitle,
        date=dt.date(2021, 6, 16),
        date_source="editor",
        series=series,
        number=number,
        event=event,
        publisher=publisher,
        source_file=source,
        summary=summary,
        speakers=tuple(Speaker(i, r) for i, r in speakers),
        regions=tuple(regions),
        themes=tuple(regions),
        compilers=(title, summary),
    )
    data = yamldoc.load(frontmatter.dump(front)).data
    assert data["title"] == title and data["summary"] == summary
    assert data["source"] == {"file": source}
    assert data["date"] == "2021-06-16" and data["date_source"] == "editor"
    assert data.get("number") == number
    assert data["regions"] == regions and data["compilers"] == [title, summary]
    expected = [{"id": i, "role": r} if r else {"id": i} for i, r in speakers]
    assert data["speakers"] == expected


# --- regression fixtures: inputs that once failed, each with its exact outcome --------------

CHECK_FIXTURES = {
    # file: (exit code, the diagnostics for it, path prefix removed)
    "nested-999-levels": (1, ["19:29: error: the values are nested more than 20 levels deep"]),
    "alias-self-in-regions": (1, ["19:14: error: alias '*r' is not allowed"]),
    "alias-self-in-source": (1, ["10:19: error: alias '*s' is not allowed"]),
    "alias-billion-laughs": (1, ["21:10: error: alias '*a0' is not allowed"]),
    "source-keys-of-mixed-types": (1, ["10:42: error: unknown field '2021-06-16' in source"]),
    "speaker-keys-of-mixed-types": (1, ["13:5: error: unknown field '1' in a speaker"]),
    "number-5000-digits": (
        1,
        ["5:9: error: a number of 5000 characters is too long (at most 30)"],
    ),
    "series-5000-hex-digits": (
        1,
        ["4:9: error: a number of 5002 characters is too long (at most 30)"],
    ),
    "title-of-zero-width-spaces": (1, ["2:8: error: 'title' is empty"]),
    "title-with-a-raw-control-character": (
        1,
        ["2:26: error: YAML syntax: the character U+007F is not allowed in YAML"],
    ),
}
ALIAS_HINT = "    hint: write the value out in full: aliases (*name) are not allowed here"
HINTS = {
    "nested-999-levels": "    hint: a bulletin's fields are at most three levels deep; check the brackets",
    "alias-self-in-regions": ALIAS_HINT,
    "alias-self-in-source": ALIAS_HINT,
    "alias-billion-laughs": ALIAS_HINT,
    "source-keys-of-mixed-types": "    hint: source takes 'file' and 'url'",
    "speaker-keys-of-mixed-types": "    hint: a speaker has 'id' and 'role'",
    "number-5000-digits": "    hint: write the number in double quotes if it is text, or check it",
    "series-5000-hex-digits": "    hint: write the number in double quotes if it is text, or check it",
    "title-of-zero-width-spaces": "    hint: fill in the bulletin's title",
    "title-with-a-raw-control-character": (
        "    hint: check the indentation and quoting on this line; text containing ': ' or "
        "starting with a quote must be put in double quotes"
    ),
}


def test_every_hostile_fixture_has_an_expectation():
    names = {p.stem for p in HOSTILE.glob("*.md")}
    assert names == set(CHECK_FIXTURES)
    assert {p.stem for p in HOSTILE.glob("*.txt")} == set(INGEST_FIXTURES)


@pytest.mark.parametrize("name", sorted(CHECK_FIXTURES))
def test_hostile_bulletin_gives_its_exact_message(project, name):
    target = project.bulletins / f"{name}.md"
    target.write_bytes((HOSTILE / f"{name}.md").read_bytes())
    try:
        code, out, _, seconds = run_cli("--root", str(project.root), "check", str(target))
    finally:
        target.unlink()
    prefix = f"content/bulletins/{name}.md:"
    own = [line.removeprefix(prefix) for line in out.splitlines() if line.startswith(prefix)]
    expected_code, expected = CHECK_FIXTURES[name]
    assert (code, own) == (expected_code, expected)
    assert HINTS[name] in out.splitlines()
    assert seconds < 1.0


INGEST_FIXTURES = {
    # file: (exit code, the first line printed to stderr after the path, "" for exit 0)
    "only-zero-width-spaces-and-boms": (1, "no body text found after the header"),
    "title-of-zero-width-spaces-and-boms": (1, "no title found"),
    "del-and-c1-controls": (0, ""),
    "region-phrase-on-one-long-line": (0, ""),
}


@pytest.mark.parametrize("name", sorted(INGEST_FIXTURES))
def test_hostile_raw_text_gives_its_exact_outcome(project, tmp_path, name):
    raw = tmp_path / f"{name}.txt"
    raw.write_bytes((HOSTILE / f"{name}.txt").read_bytes())
    before = snapshot(project.root)
    root = str(project.root)
    try:
        args = ["ingest", str(raw), "--date", "2021-06-16", "--force"]
        code, _, err, seconds = run_cli("--root", root, *args)
        expected_code, message = INGEST_FIXTURES[name]
        assert code == expected_code and seconds < DEADLINE_S
        if code:
            assert err.splitlines()[0] == f"Error: {raw}: {message}"
            assert snapshot(project.root) == before
        else:
            after = snapshot(project.root)
            (bulletin,) = [n for n, d in after.items() if before.get(n) != d and n.endswith(".md")]
            assert run_cli("--root", root, "check", str(project.root / bulletin))[0] == 0
    finally:
        restore(project.root, before)


def test_control_characters_are_removed_with_a_warning(tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_bytes((HOSTILE / "del-and-c1-controls.txt").read_bytes())
    code, out, err, _ = run_cli("--root", str(ROOT), "ingest", str(raw), "--stdout")
    assert code == 0
    assert not set(out) & (set(CONTROLS) - {"\n"})
    assert "warning: removed 5 control character(s) that the text holds\n" in err


def test_a_source_file_name_with_yaml_syntax_is_quoted(project, tmp_path):
    raw = tmp_path / "a: {b}.txt"
    raw.write_bytes(SOURCES[0].read_bytes())
    before = snapshot(project.root)
    try:
        code, _, _, _ = run_cli("--root", str(project.root), "ingest", str(raw), "--force")
        markdown = project.bulletins / "collaborative-agglomeration-new-cities-and-new-spaces.md"
        assert code == 0
        assert 'source: {file: "a: {b}.txt"}\n' in markdown.read_text(encoding="utf-8")
        assert run_cli("--root", str(project.root), "check")[0] == 0
    finally:
        restore(project.root, before)


def test_a_text_without_a_publisher_asks_for_one(tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text("Huaihe plans\n\nMarch 3, 2024\n\n  The Huaihe River grew.\n", encoding="utf-8")
    code, out, err, _ = run_cli("--root", str(ROOT), "ingest", str(raw), "--stdout")
    assert (code, out) == (1, "")
    assert err == (
        f"Error: {raw}: no publisher found in the text\n"
        '    hint: pass it with --publisher "NAME" (who published the bulletin)\n'
    )
    code, out, _, _ = run_cli(
        "--root", str(ROOT), "ingest", str(raw), "--stdout", "--publisher", "Xinhua"
    )
    assert code == 0 and 'publisher: "Xinhua"\n' in out


def test_a_bulletin_over_the_size_limit_is_refused_at_once(project):
    target = project.bulletins / "ten-megabytes.md"
    target.write_text(BULLETIN.read_text(encoding="utf-8") + "Body text. " * 1_000_000, "utf-8")
    try:
        code, out, _, seconds = run_cli("--root", str(project.root), "check", str(target))
    finally:
        target.unlink()
    assert code == 1 and seconds < 1.0
    assert out.splitlines()[:2] == [
        "content/bulletins/ten-megabytes.md:1:1: error: the file is 11,015,968 bytes; a "
        "bulletin may be at most 1,000,000",
        "    hint: is this the right file? split a longer text into several bulletins",
    ]
