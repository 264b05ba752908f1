"""Everything the site needs from one bulletin's text, computed once per bulletin.

Rendering the Markdown, linking mentions, finding statements and counting region mentions
depend on one bulletin (and the registry) only, so they run in parallel on all cores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..content.model import Bulletin
from ..content.registry import Registry
from ..parallel import BULLETINS_FROM, fork_map
from .body import Heading, render_body
from .statements import Statement, region_mentions, statements


@dataclass(frozen=True)
class Analysis:
    """What the site keeps of a bulletin's text. Not its paragraphs: they were a third of
    it, and only the offline search index reads them (``briefsite.site.generator``)."""

    html: str
    statements: tuple[Statement, ...]
    region_counts: dict[str, int]
    headings: tuple[Heading, ...] = ()


def analyse(bulletin: Bulletin, registry: Registry, siteurl: str) -> Analysis:
    speakers = {speaker.id for speaker in bulletin.speakers}
    body = render_body(bulletin.body, registry, siteurl, speakers)
    return Analysis(
        body.html,
        statements(bulletin, body.paragraphs),
        dict(region_mentions(body.paragraphs)),
        body.headings,
    )


def analyse_all(
    bulletins: Sequence[Bulletin], registry: Registry, siteurl: str
) -> dict[str, Analysis]:
    """Analyses by slug, on every core for many bulletins."""
    results = fork_map(lambda b: analyse(b, registry, siteurl), bulletins, BULLETINS_FROM)
    return {b.slug: result for b, result in zip(bulletins, results, strict=True)}
