"""No input makes the format readers fail with a traceback: random bytes, and real
documents cut short or with bytes changed, each go through the command line and end with
exit 0, or exit 1 and one ``Error:`` line, and nothing half-written."""

from __future__ import annotations

import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefsite.cli import main

from . import documents
from .conftest import FIXTURES, ROOT

RAW = (FIXTURES / "raw" / "interview-excerpt.txt").read_text(encoding="utf-8")


@functools.cache
def originals() -> dict[str, bytes]:
    return {
        "docx": documents.to_docx(RAW),
        "pdf": documents.to_pdf(RAW),
        "html": documents.to_html(RAW, "Planning New Towns with Their Cores"),
        "txt": RAW.encode("utf-8"),
    }


def ingest(tmp_path, capsys, data: bytes, name: str) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    code = main(["--root", str(ROOT), "ingest", str(source), "--stdout", "--date", "2024-01-01"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if code == 0:
        assert out.startswith("---\ntitle:")
    else:
        assert code == 1 and out == ""
        assert err.startswith(f"Error: {source}: ") and err.count("Error:") == 1


SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(
    data=st.one_of(
        st.binary(max_size=4096),
        st.binary(max_size=512).map(lambda b: b"%PDF-1.4\n" + b),
        st.binary(max_size=512).map(lambda b: b"PK\x03\x04" + b + b"word/document.xml"),
        st.text(max_size=2000).map(lambda t: f"<!DOCTYPE html><html><body>{t}".encode()),
    )
)
def test_random_bytes_never_give_a_traceback(tmp_path, capsys, data):
    ingest(tmp_path, capsys, data, "random.bin")


@SETTINGS
@given(
    kind=st.sampled_from(["docx", "pdf", "html", "txt"]),
    cut=st.floats(min_value=0.0, max_value=1.0),
    changes=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), max_size=8),
)
def test_cut_or_altered_documents_never_give_a_traceback(tmp_path, capsys, kind, cut, changes):
    data = bytearray(originals()[kind])
    data = data[: max(1, int(len(data) * cut))]
    for where, value in changes:
        data[int(where * (len(data) - 1))] = value
    ingest(tmp_path, capsys, bytes(data), f"altered.{kind}")
