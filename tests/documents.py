"""Writers of the documents editors receive, made in the tests from a raw text (never
downloaded): a Word document (python-docx), a PDF (fpdf2, one or two columns, with running
header, footer and page numbers) and a saved web page with its furniture around the text.

The raw text is read as the plain-text sources write it: one paragraph per line (a line
inside an open ``**bold**`` continues it), ``**bold**`` names, superscript footnote markers.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_RUN = re.compile(r"(\*\*.+?\*\*|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)", re.S)
FONTS = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    superscript: bool = False


def paragraphs(raw: str) -> list[list[Run]]:
    """The raw text as paragraphs of runs."""
    grouped: list[str] = []
    for line in raw.replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        if grouped and grouped[-1].count("**") % 2 == 1:
            grouped[-1] += " " + line
        else:
            grouped.append(line)
    return [_runs(text) for text in grouped]


def _runs(text: str) -> list[Run]:
    runs = []
    for part in _RUN.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            runs.append(Run(part[2:-2], bold=True))
        elif part[0] in _SUPERSCRIPTS:
            runs.append(
                Run(
                    str(_SUPERSCRIPTS.index(part[0]))
                    + part[1:].translate(str.maketrans(_SUPERSCRIPTS, "0123456789")),
                    superscript=True,
                )
            )
        else:
            runs.append(Run(part))
    return runs


# --- Word --------------------------------------------------------------------------------


def to_docx(raw: str) -> bytes:
    import docx

    document = docx.Document()
    for index, runs in enumerate(paragraphs(raw)):
        paragraph = document.add_paragraph()
        for run in runs:
            written = paragraph.add_run(run.text)
            written.bold = run.bold or None
            written.font.superscript = run.superscript or None
        if index == 0:
            paragraph.style = document.styles["Title"] if len(runs) == 1 else paragraph.style
    section = document.sections[0]
    section.header.paragraphs[0].text = "Shanghai Center for Pujiang Innovation Forum"
    section.footer.paragraphs[0].text = "Internal - for reference only"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_docx_with_footnotes(raw: str) -> bytes:
    """A Word document whose footnotes are Word's own (``word/footnotes.xml``): the marker
    in the text is a footnote reference, and the note's paragraph moves into the part."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    paragraphs_ = paragraphs(raw)
    notes = {
        runs[0].text: "".join(r.text for r in runs[1:]).strip()
        for runs in paragraphs_
        if runs and runs[0].superscript and len(runs) > 1
    }
    document = docx.Document()
    for runs in paragraphs_:
        if runs and runs[0].superscript and runs[0].text in notes:
            continue  # the note itself: it goes into footnotes.xml
        paragraph = document.add_paragraph()
        for run in runs:
            if run.superscript and run.text in notes:
                paragraph._p.append(
                    parse_xml(
                        f'<w:r {_W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                        f'<w:footnoteReference w:id="{run.text}"/></w:r>'
                    )
                )
                continue
            written = paragraph.add_run(run.text)
            written.bold = run.bold or None
            written.font.superscript = run.superscript or None
    body = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        f'</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {html.escape(text)}'
        f"</w:t></w:r></w:p></w:footnote>"
        for number, text in notes.items()
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {_W}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:footnote>{body}</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# --- PDF ---------------------------------------------------------------------------------


def to_pdf(raw: str, columns: int = 1, notes_at_foot: bool = False) -> bytes:
    """The bulletin as a PDF with a running header and "Page N of M" footers; with
    ``notes_at_foot`` its footnotes are set small at the foot of the first page, as word
    processors do, instead of in the text."""
    from fpdf import FPDF

    all_paragraphs = paragraphs(raw)
    notes = [p for p in all_paragraphs if notes_at_foot and p and p[0].superscript]
    text_paragraphs = [p for p in all_paragraphs if not any(p is n for n in notes)]

    class Bulletin(FPDF):
        def header(self) -> None:
            self.set_font("DejaVu", size=7.5)
            self.cell(0, 5, "Pujiang Innovation Forum · Bulletins", align="L")
            self.cell(0, 5, "www.pujiangforum.example", align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(6)

        def footer(self) -> None:
            if notes and self.page_no() == 1:
                self.set_y(-62)
                self.line(self.l_margin, self.get_y(), self.l_margin + 50, self.get_y())
                self.ln(2)
                for note in notes:
                    for run in note:
                        self.set_font("DejaVu", "B" if run.bold else "", 8.5)
                        self.char_vpos = "SUP" if run.superscript else "LINE"
                        self.write(4, run.text)
                    self.char_vpos = "LINE"
                    self.ln(5)
            self.set_y(-15)
            self.set_font("DejaVu", size=7.5)
            self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Bulletin(format="A4")
    pdf.set_creation_date(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=66 if notes else 22)
    pdf.add_page()
    size = 10.5 if columns == 1 else 9.5
    with pdf.text_columns(ncols=columns, gutter=8, text_align="LEFT") as text:
        for runs in text_paragraphs:
            with text.paragraph(bottom_margin=size * 0.45) as paragraph:
                for run in runs:
                    pdf.set_font("DejaVu", "B" if run.bold else "", size)
                    pdf.char_vpos = "SUP" if run.superscript else "LINE"
                    paragraph.write(run.text)
                pdf.char_vpos = "LINE"
    return bytes(pdf.output())


# --- a saved web page --------------------------------------------------------------------


def to_html(raw: str, title: str = "Bulletin") -> bytes:
    body = []
    for runs in paragraphs(raw):
        inner = "".join(
            f"<strong>{html.escape(r.text)}</strong>"
            if r.bold
            else f"<sup>{html.escape(r.text)}</sup>"
            if r.superscript
            else html.escape(r.text)
            for r in runs
        )
        body.append(f"<p>{inner}</p>")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | Pujiang Forum News</title>
<link rel="stylesheet" href="/static/site.css"><script src="/static/analytics.js"></script></head>
<body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<header class="site-header"><a class="logo" href="/">Pujiang Forum</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news/">News</a></li>
<li><a href="/bulletins/">Bulletins</a></li><li><a href="/about/">About us</a></li>
<li><a href="/contact/">Contact</a></li></ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"></form></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/bulletins/">Bulletins</a></div>
<main><article class="post">
<div class="share">Share: <a href="https://weibo.example/share">Weibo</a>
<a href="https://wechat.example/share">WeChat</a> <a href="mailto:?subject=x">E-mail</a>
<button onclick="window.print()">Print</button></div>
<figure><img src="/media/forum-hall.jpg" alt=""><figcaption>Photo: the forum hall,
courtesy of the organisers</figcaption></figure>
<div class="entry-content">
{chr(10).join(body)}
</div>
<div class="tags">Tags: <a href="/tag/forum">forum</a> <a href="/tag/cities">cities</a></div>
</article>
<aside class="related"><h3>Related articles</h3><ul>
<li><a href="/news/2021/a">Experts discuss the digital economy at the forum</a></li>
<li><a href="/news/2021/b">New science parks open across the region this spring</a></li>
<li><a href="/news/2021/c">Interview: what the next decade holds for innovation</a></li></ul>
</aside></main>
<footer class="site-footer"><p>© 2024 Shanghai Center for Pujiang Innovation Forum.
All rights reserved.</p><p><a href="/privacy/">Privacy</a> · <a href="/terms/">Terms</a>
· ICP 12345678</p></footer>
</body></html>
"""
    return page.encode("utf-8")


# --- a PDF printed by Chromium -------------------------------------------------------------


def to_printed_pdf(raw: str, title: str, chromium: str, folder: Path, columns: int = 2) -> bytes:
    """The bulletin as a browser prints it: set in serif type in ``columns`` columns, with
    Chromium's own header (date, title) and footer (address, page numbers)."""
    page = to_html(raw, title).decode("utf-8")
    body = page.split('<div class="entry-content">', 1)[1].split("</div>", 1)[0]
    printable = folder / "printable.html"
    printable.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        "<style>body{font-family:'Liberation Serif',serif;font-size:11pt}"
        f".text{{column-count:{columns};column-gap:1cm}}p{{margin:0 0 .6em}}</style></head>"
        f"<body><div class='text'>{body}</div></body></html>",
        encoding="utf-8",
    )
    target = folder / "printed.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            f"--print-to-pdf={target}",
            printable.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return target.read_bytes()
