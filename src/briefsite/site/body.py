"""A bulletin's Markdown body -> HTML, with paragraph anchors and entity links.

markdown-it-py parses the body as CommonMark (what GitHub shows editors in a pull request),
with footnotes. It is about three times faster than Python-Markdown on our bulletins, and
rendering Markdown is most of a build's work. One pass over its tokens:

- gives every paragraph a stable anchor (``p1``, ``p2``, ... in reading order);
- links the first mention of each known expert and region in each section (a section
  starts at each heading), never inside headings, links, code or footnotes;
- records, per paragraph, its plain text, so the site can quote statements and count
  region mentions without parsing the HTML again.

Raw HTML in the Markdown is not passed through: ``<script>`` in a bulletin shows as text.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from ..registry import Registry
from ..text import AliasMatch, AliasMatcher


@dataclass(frozen=True)
class Paragraph:
    anchor: str
    text: str
    section: str  # the heading above it, '' before the first


@dataclass(frozen=True)
class RenderedBody:
    html: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class EntityLinker:
    """Which mentions to link and where they point; ``prefer`` resolves namesakes."""

    matchers: tuple[tuple[AliasMatcher, str], ...]  # (matcher, URL prefix such as 'experts')
    siteurl: str
    prefer: Collection[str] = ()

    def links(self, text: str, linked: set[str]) -> list[tuple[AliasMatch, str]]:
        """First mentions in ``text`` not yet in ``linked`` (which they join), in text order.

        Experts are looked for before regions; a mention overlapping one already taken is
        left alone.
        """
        found: list[tuple[AliasMatch, str]] = []
        for matcher, prefix in self.matchers:
            for match in matcher.finditer(text, self.prefer):
                key = f"{prefix}/{match.entity_id}"
                if key not in linked and all(
                    match.start >= taken.end or match.end <= taken.start for taken, _ in found
                ):
                    linked.add(key)
                    found.append((match, prefix))
        return sorted(found, key=lambda item: item[0].start)


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


def _plain_text(children: list[Token]) -> str:
    """What a reader reads in an inline run: text and code, without footnote marks."""
    parts = [
        token.content if token.type in ("text", "code_inline") else " "
        for token in children
        if token.type in ("text", "code_inline", "softbreak", "hardbreak")
    ]
    return " ".join("".join(parts).split())


def _with_links(children: list[Token], linker: EntityLinker, linked: set[str]) -> list[Token]:
    """``children`` with first mentions in their text turned into links (not inside links)."""
    result: list[Token] = []
    in_link = 0
    for token in children:
        if token.type == "link_open":
            in_link += 1
        elif token.type == "link_close":
            in_link -= 1
        if token.type != "text" or in_link:
            result.append(token)
            continue
        text, position = token.content, 0
        for match, prefix in linker.links(text, linked):
            if match.start > position:
                result.append(Token("text", "", 0, content=text[position : match.start]))
            href = f"{linker.siteurl}/{prefix}/{match.entity_id}/"
            result += [
                Token(
                    "link_open", "a", 1, attrs={"href": href, "class": f"mention mention-{prefix}"}
                ),
                Token("text", "", 0, content=match.text),
                Token("link_close", "a", -1),
            ]
            position = match.end
        if position < len(text):
            result.append(Token("text", "", 0, content=text[position:]))
    return result


def _process(tokens: list[Token], linker: EntityLinker | None) -> tuple[Paragraph, ...]:
    """Anchor paragraphs and link mentions in ``tokens`` (in place); the paragraphs' text."""
    paragraphs: list[Paragraph] = []
    section = ""
    linked: set[str] = set()
    in_footnotes = False
    for number, token in enumerate(tokens):
        if token.type in ("footnote_block_open", "footnote_block_close"):
            in_footnotes = token.type == "footnote_block_open"
        if in_footnotes or token.type != "inline" or token.children is None:
            continue
        opener = tokens[number - 1]
        if opener.type == "heading_open":
            section = _plain_text(token.children)
            linked = set()
            continue
        token.children = _joined_text(token.children)
        if opener.type == "paragraph_open" and not opener.hidden:  # not a tight list's item
            anchor = f"p{len(paragraphs) + 1}"
            opener.attrSet("id", anchor)
            paragraphs.append(Paragraph(anchor, _plain_text(token.children), section))
        if linker is not None:
            token.children = _with_links(token.children, linker, linked)
    return tuple(paragraphs)


def render_body(
    text: str,
    registry: Registry | None = None,
    siteurl: str = "",
    prefer: Collection[str] = (),
) -> RenderedBody:
    """Render Markdown; with a registry, link experts and regions by their aliases."""
    linker = None
    if registry is not None:
        linker = EntityLinker(
            ((registry.expert_matcher, "experts"), (registry.region_matcher, "regions")),
            siteurl,
            prefer,
        )
    env: dict = {}
    tokens = _MARKDOWN.parse(text, env)
    paragraphs = _process(tokens, linker)
    return RenderedBody(_MARKDOWN.renderer.render(tokens, _MARKDOWN.options, env), paragraphs)
