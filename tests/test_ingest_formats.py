"""Ingest takes the file as received: the same bulletin as a Word document, a PDF (one or
two columns, with running headers, footers and page numbers) and a saved web page (with its
navigation, share buttons, caption, related links and footer) gives the same front-matter
as its plain text. The documents are written here, from the texts, never downloaded."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import time
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
    "word-footnotes.docx": lambda raw, title: documents.to_docx_with_footnotes(raw),
    "pdf": lambda raw, title: documents.to_pdf(raw),
    "two-column.pdf": lambda raw, title: documents.to_pdf(raw, columns=2),
    "notes-at-foot.pdf": lambda raw, title: documents.to_pdf(raw, notes_at_foot=True),
    "html": documents.to_html,
}
COMPARED = ("title", "date", "speakers", "regions")

needs_fonts = pytest.mark.skipif(  # under CI nothing skips: .ci/run installs them
    not (documents.FONTS / "DejaVuSans.ttf").is_file() and os.environ.get("CI") != "true",
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


@pytest.mark.parametrize("raw", RAW[:4], ids=lambda p: p.stem)
def test_a_pdf_printed_by_chromium_gives_the_front_matter_of_the_text(tmp_path, capsys, raw):
    chromium = shutil.which("chromium")
    if not chromium:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed")
        pytest.skip("needs chromium (apt-get install chromium)")
    expected = front_matter(capsys, raw, raw.stem)
    document = tmp_path / f"{raw.stem}.pdf"
    text = raw.read_text(encoding="utf-8")
    document.write_bytes(documents.to_printed_pdf(text, expected["title"], chromium, tmp_path))
    found = front_matter(capsys, document, raw.stem)
    assert {f: found.get(f) for f in COMPARED} == {f: expected.get(f) for f in COMPARED}


# --- what is written, and where ----------------------------------------------------------


@needs_fonts
def test_a_pdf_is_kept_as_received_with_its_text_beside_it_and_both_are_linked(tmp_path, capsys):
    from bs4 import BeautifulSoup

    from briefsite.site.build import build_site

    from .conftest import copy_project

    paths = copy_project(tmp_path / "p")
    raw = (FIXTURES / "raw" / "interview-excerpt.txt").read_text(encoding="utf-8")
    pdf = paths.sources / "gao-feng-interview.pdf"
    pdf.write_bytes(documents.to_pdf(raw))
    received = pdf.read_bytes()
    code = main(
        ["--root", str(paths.root), "ingest", str(pdf), "--date", "2024-03-12", "--update-registry"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "kept the text extracted from it as sources/gao-feng-interview.pdf.txt" in out
    assert pdf.read_bytes() == received
    text = (paths.sources / "gao-feng-interview.pdf.txt").read_text(encoding="utf-8")
    assert text.startswith("12\n\n  MarNew towns on the edge")
    bulletin = paths.bulletins / "planning-new-towns-with-their-cores.md"
    assert "source: {file: gao-feng-interview.pdf}" in bulletin.read_text(encoding="utf-8")

    site = build_site(paths, paths.root / "pelicanconf.py").output
    page = BeautifulSoup(
        (site / "bulletins/planning-new-towns-with-their-cores/index.html").read_text("utf-8"),
        "html.parser",
    )
    source = page.find("dt", string="Source").find_next_sibling("dd")
    assert [(a["href"], a.get_text()) for a in source.find_all("a")] == [
        ("/sources/gao-feng-interview.pdf", "file as received"),
        ("/sources/gao-feng-interview.pdf.txt", "text extracted from it"),
    ]
    assert (site / "sources/gao-feng-interview.pdf").read_bytes() == received
    extracted = site / "sources/gao-feng-interview.pdf.txt"
    assert extracted.read_text("utf-8-sig") == text  # published after a byte order mark


def test_the_kind_of_file_is_told_by_its_content_not_its_name(tmp_path, capsys):
    raw = (FIXTURES / "raw" / "interview-excerpt.txt").read_text(encoding="utf-8")
    misnamed = tmp_path / "bulletin.txt"  # a Word document saved with the wrong name
    misnamed.write_bytes(documents.to_docx(raw))
    as_text = tmp_path / "bulletin.docx"  # and a plain text called .docx
    as_text.write_text(raw, encoding="utf-8")
    for source in (misnamed, as_text):
        found = front_matter(capsys, source, "interview-excerpt")
        assert found["title"] == "Planning New Towns with Their Cores"
        assert [s["id"] for s in found["speakers"]] == ["gao-feng"]


# --- bad files: one line, exit 1, nothing written ----------------------------------------


def _encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 6, "A bulletin behind a password. " * 20)
    pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


def _scanned_pdf() -> bytes:
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(image).text((40, 40), "A scanned page of a bulletin", fill=0)
    png = io.BytesIO()
    image.save(png, "PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(png.getvalue()), x=10, y=10, w=190)
    return bytes(pdf.output())


def _docx(raw: str = "") -> bytes:
    return documents.to_docx(raw or (FIXTURES / "raw" / "interview-excerpt.txt").read_text("utf-8"))


def _damaged_docx() -> bytes:
    data = bytearray(_docx())
    start = data.find(b"word/document.xml") + 100  # inside the compressed document
    data[start : start + 40] = bytes(40)
    return bytes(data)


NO_MAIN_TEXT = b"""<!DOCTYPE html><html><head><title>News | Pujiang Forum</title></head>
<body><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/about/">About</a></nav>
<div class="share"><a href="#">Weibo</a> <a href="#">WeChat</a></div>
<footer>&copy; 2024 Shanghai Center for Pujiang Innovation Forum</footer></body></html>"""

BAD_FILES = {
    "encrypted.pdf": (
        _encrypted_pdf,
        "the PDF is encrypted with a password\n    hint: ask the sender for a copy without a "
        "password (or print it to a new PDF)",
    ),
    "scanned.pdf": (
        _scanned_pdf,
        "the PDF has no text layer (a scanned image?): ingest does not do OCR\n    hint: ask "
        "for a PDF with text, or run OCR first (e.g. 'ocrmypdf IN.pdf OUT.pdf')",
    ),
    "truncated.pdf": (
        lambda: _encrypted_pdf()[:900].replace(b"/Encrypt", b"/Xncrypt"),
        "the PDF cannot be read (damaged or incomplete)\n    hint: ask for the file again, or "
        "print it to a new PDF",
    ),
    "truncated.docx": (
        lambda: _docx()[:5000],
        "the Word document is damaged or incomplete (not a whole ZIP archive)\n    hint: ask "
        "for the document again, or save it once more from Word (File > Save As > .docx)",
    ),
    "damaged.docx": (
        _damaged_docx,
        "the Word document is damaged (its part 'word/document.xml')\n    hint: ask for the "
        "document again, or save it once more from Word (File > Save As > .docx)",
    ),
    "archive.zip": (
        lambda: _zip({"notes.txt": "not a Word document"}),
        "this is a ZIP archive, not a Word document: ingest reads plain text (.txt, .md), a "
        "saved web page (.html), Word (.docx) or PDF\n    hint: open it and save it as .docx, "
        "PDF or UTF-8 text",
    ),
    "no-main-text.html": (
        lambda: NO_MAIN_TEXT,
        "no main text found in the web page 'News | Pujiang Forum'\n    hint: save the page "
        "of the bulletin itself (not a list or a search result), or copy its text into a "
        ".txt file",
    ),
    "old-word.doc": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
        "this is an old Word document (.doc): ingest reads plain text (.txt, .md), a saved web "
        "page (.html), Word (.docx) or PDF\n    hint: open it and save it as .docx, PDF or "
        "UTF-8 text",
    ),
    "picture.png": (
        lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100),
        "this is a binary file, not text, HTML, Word (.docx) or PDF\n    hint: ingest reads "
        "plain text (.txt, .md), a saved web page (.html), Word (.docx) or PDF",
    ),
    "too-long.txt": (
        lambda: b"A title\n\nJune 3, 2021\n\n" + b"A sentence of a very long text. " * 160_000,
        "the text is 5,120,023 characters long, more than ingest reads (200,000)\n    hint: is "
        "this a bulletin? the longest so far is 33,000 characters",
    ),
    "too-big.pdf": (
        lambda: b"%PDF-1.7\n" + bytes(21 * 1024 * 1024),
        "the file is 21.0 MB, more than ingest reads (20.0 MB)\n    hint: is this a bulletin? "
        "a long one is well under 1 MB",
    ),
}


def _zip(files: dict[str, str]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_gets_one_clear_message_exit_1_and_nothing_is_written(tmp_path, capsys, name):
    from .conftest import copy_project

    paths = copy_project(tmp_path / "p")
    make, message = BAD_FILES[name]
    source = tmp_path / name
    source.write_bytes(make())
    before = sorted(p.relative_to(paths.root) for p in paths.root.rglob("*"))
    started = time.perf_counter()
    code = main(["--root", str(paths.root), "ingest", str(source), "--date", "2024-01-01"])
    seconds = time.perf_counter() - started
    captured = capsys.readouterr()
    assert (code, captured.out) == (1, "")
    assert captured.err == f"Error: {source}: {message}\n"
    assert sorted(p.relative_to(paths.root) for p in paths.root.rglob("*")) == before
    assert seconds < 5  # refused at once, whatever the size


PAGE_WITH_DATE_BESIDE_THE_TEXT = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Planning New Towns with Their Cores | People's Daily</title>
<meta property="article:published_time" content="2024-03-12T08:00:00+08:00"></head>
<body><nav><a href="/">Home</a> <a href="/opinion/">Opinion</a> <a href="/world/">World</a></nav>
<header class="article-head"><h1>Planning New Towns with Their Cores</h1>
<div class="meta"><time datetime="2024-03-12">12 Mar</time> | Share: <a href="#">Weibo</a>
<a href="#">WeChat</a></div></header>
<article><p>New towns on the edge of metropolitan areas must be planned with their cores, not
as dormitories, said GAO Feng, Professor at the School of Architecture of Tsinghua
University.</p>
<p>Commuting circles of one hour should guide where homes and jobs are placed, and the
Yangtze River Delta shows how rail can tie the new towns to the city they serve.</p>
<p>(Excerpts from the views of GAO Feng, Professor at the School of Architecture of Tsinghua
University, during an interview with People's Daily.)</p></article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Rail plans for the delta</a></li>
<li><a href="/b">Housing near stations</a></li></ul></aside>
<footer>&copy; 2024 People's Daily. All rights reserved.</footer></body></html>"""


def test_a_web_page_gives_the_title_and_date_it_shows_beside_its_text(tmp_path, capsys):
    page = tmp_path / "new-towns.html"
    page.write_bytes(PAGE_WITH_DATE_BESIDE_THE_TEXT)
    found = front_matter(capsys, page, "new-towns")
    assert found["title"] == "Planning New Towns with Their Cores"
    assert str(found["date"]) == "2024-03-12"
    assert found["speakers"] == [
        {"id": "gao-feng", "role": "Professor at the School of Architecture of Tsinghua University"}
    ]
    assert found["regions"] == ["yangtze-river-delta"]


GREENING = FIXTURES / "documents" / "greening-two-columns.html"  # a bulletin set for print


def test_a_bulletin_set_for_print_gives_the_same_front_matter_as_page_and_as_printed_pdf(
    tmp_path, capsys
):
    """A page laid out as a printed bulletin (a heading, two columns, a footnote at the
    foot, bold names), read as saved and as Chromium prints it."""
    chromium = shutil.which("chromium")
    if not chromium:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed")
        pytest.skip("needs chromium (apt-get install chromium)")
    pdf = tmp_path / "greening.pdf"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", f"--print-to-pdf={pdf}", GREENING.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    expected = {
        "title": "Greening the Chengdu-Chongqing Economic Circle",
        "date": dt.date(2024, 3, 14),
        "series": "Pujiang Innovation Forum Bulletin",
        "number": 4,
        "volume": 171,
        "publisher": "Shanghai Center for Pujiang Innovation Forum",
        "compilers": ["Chen Zhu"],
        "speakers": [
            {"id": "wu-zhiqiang", "role": "Academician of Chinese Academy of Engineering and "
             "Former Vice President of Tongji University"},
            {"id": "fang-chuanglin", "role": "Special Professor of Chinese Academy of Sciences"},
            {"id": "anthony-g-o-yeh", "role": "Academician of Chinese Academy of Sciences and "
             "Professor of the University of Hong Kong"},
            {"id": "tu-qiyu", "role": "Deputy Director of Institute of Urban and Demographic "
             "Studies, Shanghai Academy of Social Sciences"},
        ],
        "regions": ["chengdu-chongqing", "yangtze-river-economic-belt", "greater-bay-area",
                    "pearl-river-delta", "yangtze-river-delta"],
    }  # fmt: skip
    for source in (GREENING, pdf):
        found = front_matter(capsys, source, source.stem)
        assert {f: found.get(f) for f in expected} == expected, source.name
