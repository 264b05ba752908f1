"""Ingest takes the file as received: the same bulletin as a Word document, a PDF (one or
two columns, with running headers, footers and page numbers) and a saved web page (with its
navigation, share buttons, caption, related links and footer) gives the same front-matter
as its plain text. The documents are written here, from the texts, never downloaded."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefsite.cli import main

from . import documents
from .conftest import FIXTURES, ROOT

EDITOR_DATES = {"001_3bcdff61747226ea": "2024-07-31", "interview-excerpt": "2024-03-12"}
RAW = sorted([*(ROOT / "sources").glob("*.txt"), *(FIXTURES / "raw").glob("*.txt")])
WRITERS = {  # raw text, the page's title -> the document's bytes
    "docx": lambda raw, title: documents.to_docx(raw),
    "pdf": lambda raw, title: documents.to_pdf(raw),
    "two-column.pdf": lambda raw, title: documents.to_pdf(raw, columns=2),
    "html": documents.to_html,
}
COMPARED = ("title", "date", "speakers", "regions")

needs_fonts = pytest.mark.skipif(
    not (documents.FONTS / "DejaVuSans.ttf").is_file(),
    reason="the PDF writer needs DejaVu fonts (apt-get install fonts-dejavu-core)",
)


def front_matter(capsys, source: Path, stem: str) -> dict:
    date = EDITOR_DATES.get(stem)
    code = main(
        ["--root", str(ROOT), "ingest", str(source), "--stdout"]
        + (["--date", date] if date else [])
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return yaml.safe_load(captured.out.split("---\n")[1])


@needs_fonts
@pytest.mark.parametrize("kind", WRITERS)
@pytest.mark.parametrize("raw", RAW, ids=lambda p: p.stem)
def test_every_format_gives_the_front_matter_of_the_text(tmp_path, capsys, raw, kind):
    expected = front_matter(capsys, raw, raw.stem)
    document = tmp_path / f"{raw.stem}.{kind}"
    document.write_bytes(WRITERS[kind](raw.read_text(encoding="utf-8"), expected["title"]))
    found = front_matter(capsys, document, raw.stem)
    assert {f: found.get(f) for f in COMPARED} == {f: expected.get(f) for f in COMPARED}
    assert found["source"] == {"file": document.name}
