"""A bulletin's Markdown body -> HTML, with paragraph anchors and entity links.

markdown-it-py parses the body as CommonMark (what GitHub shows editors in a pull request),
with footnotes: on our bulletins it is about three times faster than Python-Markdown, which
took half of a build's work. One pass over its tokens:

- gives every paragraph a stable anchor (``p1``, ``p2``, ... in reading order) and every
  heading an id made of its first words (``i-urban-agglomerations-have-become``), for the
  page's contents list and for links to a section;
- links the first mention of each known expert and region in each section (a section
  starts at each heading), never inside headings, links, code or footnotes;
- records, per paragraph, its plain text, so the site can quote statements and count
  region mentions without parsing the HTML again.

Raw HTML in the Markdown is not passed through: ``<script>`` in a bulletin shows as text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import accumulate

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from ..content.registry import Registry
from ..text import AliasMatch, slugify


@dataclass(frozen=True)
class Paragraph:
    anchor: str
    text: str
    section: str  # the heading above it, '' before the first
    experts: tuple[tuple[int, str], ...] = ()  # (position in text, expert id) per mention
    regions: tuple[tuple[int, str], ...] = ()  # (position in text, region id) per mention


@dataclass(frozen=True)
class Heading:
    """A section heading of the body, as the contents list links to it."""

    level: int  # 2 for ##, 3 for ###, ...
    id: str
    text: str


@dataclass(frozen=True)
class RenderedBody:
    html: str
    paragraphs: tuple[Paragraph, ...]
    headings: tuple[Heading, ...] = ()


HEADING_ID_WORDS = 5
# ids the page itself uses: paragraph anchors, footnotes and their marks, and the page's own
# landmarks and section headings (``main``, ``site-search``, ``speakers-heading``, ...)
_TAKEN_ID = re.compile(r"^((p|fn|fnref)\d+(:\d+)?|main|site-search|.*-heading)$")


def heading_id(text: str, taken: set[str]) -> str:
    """A short, readable, unique id for a heading: its first words as a slug."""
    base = "-".join(slugify(text).split("-")[:HEADING_ID_WORDS]) or "section"
    if _TAKEN_ID.match(base):
        base = f"section-{base}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


@dataclass(frozen=True)
class EntityLinker:
    """Which mentions to link and where they point; ``prefer`` resolves namesakes."""

    registry: Registry
    siteurl: str
    prefer: Collection[str] = ()


def _caption(self, tokens: Sequence[Token], idx: int, options, env) -> str:
    """A footnote's number as the reader sees it: ``1``, not ``[1]``."""
    return str(tokens[idx].meta["id"] + 1)


def _backlink(self, tokens: Sequence[Token], idx: int, options, env) -> str:
    """The way back from a footnote to its mark, named for screen readers."""
    ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    if tokens[idx].meta["subId"] > 0:
        ident += f":{tokens[idx].meta['subId']}"
    return (
        f' <a href="#fnref{ident}" class="footnote-backref" aria-label="Back to the text">'
        "\u21a9\ufe0e</a>"
    )


def _markdown() -> MarkdownIt:
    # CommonMark without raw HTML (metadata and bodies never reach the page as markup),
    # HTML rather than XHTML void tags, and footnotes ([^1]) but not inline ones (^[...]).
    md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": False})
    md.use(footnote_plugin, inline=False)
    md.add_render_rule("footnote_caption", _caption)
    md.add_render_rule("footnote_anchor", _backlink)
    return md


_MARKDOWN = _markdown()


def _joined_text(children: list[Token]) -> list[Token]:
    """Runs of text and soft line breaks as one text token, so that a name wrapped across
    two lines is still found. Renders the same: a soft break is a newline either way."""
    joined: list[Token] = []
    for token in children:
        if token.type in ("text", "softbreak") and joined and joined[-1].type == "text":
            last = joined[-1]
            addition = "\n" if token.type == "softbreak" else token.content
            joined[-1] = Token("text", "", 0, content=last.content + addition)
        elif token.type == "softbreak":
            joined.append(Token("text", "", 0, content="\n"))
        else:
            joined.append(token)
    return joined


class _Inline:
    """One run of inline tokens (a paragraph, a heading, a list item) as text: what a
    reader reads (text and code, not footnote marks) and where each linkable piece of it
    (text outside links) lies."""

    def __init__(self, children: list[Token]) -> None:
        self.children = children
        parts: list[str] = []
        self.linkable: list[tuple[int, int]] = []  # (start in raw, child index)
        position, in_link = 0, 0
        for index, token in enumerate(children):
            if token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            if token.type in ("text", "code_inline"):
                content = token.content
            elif token.type in ("softbreak", "hardbreak"):
                content = "\n"
            else:
                continue
            if token.type == "text" and not in_link:
                self.linkable.append((position, index))
            parts.append(content)
            position += len(content)
        self.raw = "".join(parts)

    def text(self) -> tuple[str, Callable[[int], int]]:
        """The text with runs of white space as one space, and where a position in the raw
        text lies in it."""
        text = " ".join(self.raw.split())
        if text == self.raw:
            return text, lambda position: position
        runs = [(m.start(), m.end()) for m in _WHITE_SPACE.finditer(self.raw)]
        starts = [start for start, _ in runs]
        # characters dropped up to the end of each run: all of a run at either end of the
        # text, all but one of any other
        dropped = list(
            accumulate(end - start - (start > 0 and end < len(self.raw)) for start, end in runs)
        )

        def moved(position: int) -> int:
            run = bisect_right(starts, position) - 1
            return position - (dropped[run] if run >= 0 else 0)

        return text, moved

    def piece_at(self, start: int, end: int) -> int | None:
        """The number of the linkable piece that holds ``[start, end)`` whole, if any."""
        number = bisect_right(self.linkable, (start, len(self.children))) - 1
        if number < 0:
            return None
        piece_start, index = self.linkable[number]
        return number if end <= piece_start + len(self.children[index].content) else None


_WHITE_SPACE = re.compile(r"\s+")


def _link(
    inline: _Inline, found: list[tuple[AliasMatch, str]], linker: EntityLinker, linked: set[str]
) -> list[Token]:
    """The inline tokens with first mentions (not yet in ``linked``, which they join) turned
    into links. Experts are looked at before regions; a mention overlapping one already
    linked, or not wholly inside one piece of linkable text, is left alone."""
    chosen: dict[int, list[tuple[AliasMatch, str]]] = {}
    for match, prefix in found:
        key = f"{prefix}/{match.entity_id}"
        piece = inline.piece_at(match.start, match.end)
        if key in linked or piece is None:
            continue
        taken = chosen.setdefault(piece, [])
        if all(match.start >= other.end or match.end <= other.start for other, _ in taken):
            linked.add(key)
            taken.append((match, prefix))
    if not chosen:
        return inline.children
    children = list(inline.children)
    for piece in sorted(chosen, reverse=True):  # from the end: indexes stay valid
        offset, index = inline.linkable[piece]
        text, position, tokens = children[index].content, 0, []
        for match, prefix in sorted(chosen[piece], key=lambda item: item[0].start):
            start, end = match.start - offset, match.end - offset
            if start > position:
                tokens.append(Token("text", "", 0, content=text[position:start]))
            href = f"{linker.siteurl}/{prefix}/{match.entity_id}/"
            tokens += [
                Token(
                    "link_open", "a", 1, attrs={"href": href, "class": f"mention mention-{prefix}"}
                ),
                Token("text", "", 0, content=text[start:end]),
                Token("link_close", "a", -1),
            ]
            position = end
        if position < len(text):
            tokens.append(Token("text", "", 0, content=text[position:]))
        children[index : index + 1] = tokens
    return children


def _process(
    tokens: list[Token], linker: EntityLinker | None
) -> tuple[tuple[Paragraph, ...], tuple[Heading, ...]]:
    """Anchor paragraphs and headings and link mentions in ``tokens`` (in place); the
    paragraphs' text and the mentions in them, and the headings. Each run of text is
    searched once per kind of entity."""
    paragraphs: list[Paragraph] = []
    headings: list[Heading] = []
    taken: set[str] = set()
    section = ""
    linked: set[str] = set()
    in_footnotes = False
    for number, token in enumerate(tokens):
        if token.type in ("footnote_block_open", "footnote_block_close"):
            in_footnotes = token.type == "footnote_block_open"
        if in_footnotes or token.type != "inline" or token.children is None:
            continue
        opener = tokens[number - 1]
        inline = _Inline(_joined_text(token.children))
        if opener.type == "heading_open":
            section = inline.text()[0]
            linked = set()
            ident = heading_id(section, taken)
            opener.attrSet("id", ident)
            headings.append(Heading(int(opener.tag[1:]), ident, section))
            continue
        experts: list[AliasMatch] = []
        regions: list[AliasMatch] = []
        if linker is not None:
            experts = list(linker.registry.expert_matcher.finditer(inline.raw, linker.prefer))
            regions = list(linker.registry.region_matcher.finditer(inline.raw, linker.prefer))
            found = [(m, "experts") for m in experts] + [(m, "regions") for m in regions]
            token.children = _link(inline, found, linker, linked)
        if opener.type == "paragraph_open" and not opener.hidden:  # not a tight list's item
            anchor = f"p{len(paragraphs) + 1}"
            opener.attrSet("id", anchor)
            text, moved = inline.text()
            paragraphs.append(
                Paragraph(
                    anchor,
                    text,
                    section,
                    tuple((moved(m.start), m.entity_id) for m in experts),
                    tuple((moved(m.start), m.entity_id) for m in regions),
                )
            )
    return tuple(paragraphs), tuple(headings)


def render_body(
    text: str,
    registry: Registry | None = None,
    siteurl: str = "",
    prefer: Collection[str] = (),
) -> RenderedBody:
    """Render Markdown; with a registry, link experts and regions by their aliases."""
    linker = EntityLinker(registry, siteurl, prefer) if registry is not None else None
    env: dict = {}
    tokens = _MARKDOWN.parse(text, env)
    paragraphs, headings = _process(tokens, linker)
    html = _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, env)
    return RenderedBody(html, paragraphs, headings)
