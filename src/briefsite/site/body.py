"""A bulletin's Markdown body -> HTML, with paragraph anchors and entity links.

Python-Markdown (Pelican's own Markdown library) does the parsing. One tree processor,
running after inline parsing, walks the document once and:

- gives every paragraph a stable anchor (``p1``, ``p2``, ... in reading order);
- links the first mention of each known expert and region in each section (a section
  starts at each heading), never inside headings, links, code or footnotes;
- records, per paragraph, its plain text, so the site can quote statements and count
  region mentions without parsing the HTML again.

Raw HTML in the Markdown is not passed through: ``<script>`` in a bulletin shows as text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Collection
from dataclasses import dataclass

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..registry import Registry
from ..text import AliasMatcher

_NO_LINK_INSIDE = frozenset({"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "sup"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


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


class _BodyProcessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, linker: EntityLinker | None) -> None:
        super().__init__(md)
        self.linker = linker
        self.paragraphs: list[Paragraph] = []

    def run(self, root: etree.Element) -> None:
        self.paragraphs = []
        section = ""
        linked: set[str] = set()
        for element in list(root):
            if element.tag in _HEADINGS:
                section = "".join(element.itertext()).strip()
                linked = set()
                continue
            if element.tag == "div" and "footnote" in element.get("class", ""):
                continue
            for paragraph in element.iter("p"):
                anchor = f"p{len(self.paragraphs) + 1}"
                paragraph.set("id", anchor)
                text = " ".join("".join(paragraph.itertext()).split())
                self.paragraphs.append(Paragraph(anchor, text, section))
            if self.linker is not None:
                self._link(element, linked)

    def _link(self, element: etree.Element, linked: set[str]) -> None:
        if element.tag in _NO_LINK_INSIDE:
            return
        element.text = self._link_text(element, element.text, 0, linked)
        for child in list(element):  # document order: text, then each child and its tail
            self._link(child, linked)
            position = list(element).index(child) + 1
            child.tail = self._link_text(element, child.tail, position, linked)

    def _link_text(
        self, parent: etree.Element, text: str | None, position: int, linked: set[str]
    ) -> str | None:
        """Split ``text`` around first mentions, inserting ``<a>`` elements at ``position``."""
        if not text or self.linker is None:
            return text
        matches = []
        for matcher, prefix in self.linker.matchers:
            for match in matcher.finditer(text, self.linker.prefer):
                key = f"{prefix}/{match.entity_id}"
                if key not in linked and all(
                    match.start >= m[0].end or match.end <= m[0].start for m in matches
                ):
                    linked.add(key)
                    matches.append((match, prefix))
        if not matches:
            return text
        matches.sort(key=lambda item: item[0].start)
        head = text[: matches[0][0].start]
        for number, (match, prefix) in enumerate(matches):
            link = etree.Element(
                "a",
                {
                    "href": f"{self.linker.siteurl}/{prefix}/{match.entity_id}/",
                    "class": f"mention mention-{prefix}",
                },
            )
            link.text = match.text
            following = matches[number + 1][0].start if number + 1 < len(matches) else len(text)
            link.tail = text[match.end : following]
            parent.insert(position + number, link)
        return head


class _BodyExtension(Extension):
    def __init__(self, linker: EntityLinker | None) -> None:
        super().__init__()
        self.linker = linker
        self.processor: _BodyProcessor | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # No raw HTML: metadata and bodies never reach the page as markup.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("entity")
        self.processor = _BodyProcessor(md, self.linker)
        # after inline parsing (20) and footnotes (50), before prettify (10)
        md.treeprocessors.register(self.processor, "briefsite_body", 15)


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
    extension = _BodyExtension(linker)
    md = markdown.Markdown(
        extensions=["footnotes", "sane_lists", extension],
        extension_configs={"footnotes": {"BACKLINK_TITLE": "Back to the text"}},
        output_format="html",
    )
    html = md.convert(text)
    assert extension.processor is not None
    return RenderedBody(html, tuple(extension.processor.paragraphs))
