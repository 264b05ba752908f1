"""Everything the site needs from one bulletin's text, computed once per bulletin.

Rendering the Markdown, linking mentions, finding statements and counting region mentions
depend on one bulletin (and the registry) only, so they run in parallel on all cores: with
Python-Markdown this is most of a build's work. Workers are forked after the registry is
loaded, so they share it without pickling it; each sends back one small ``Analysis``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Bulletin
from ..registry import Registry
from .body import RenderedBody, render_body
from .statements import Statement, region_mentions, statements

# Below this many bulletins, starting worker processes costs more than it saves.
PARALLEL_FROM = 100


@dataclass(frozen=True)
class Analysis:
    body: RenderedBody
    statements: tuple[Statement, ...]
    region_counts: dict[str, int]


def analyse(bulletin: Bulletin, registry: Registry, siteurl: str) -> Analysis:
    speakers = {speaker.id for speaker in bulletin.speakers}
    body = render_body(bulletin.body, registry, siteurl, speakers)
    return Analysis(
        body,
        statements(bulletin, body.paragraphs, registry),
        dict(region_mentions(body.paragraphs, registry)),
    )


_shared: tuple[Registry, str] | None = None  # what forked workers inherit


def _analyse_in_worker(bulletin: Bulletin) -> Analysis:
    assert _shared is not None
    return analyse(bulletin, *_shared)


def analyse_all(
    bulletins: Sequence[Bulletin], registry: Registry, siteurl: str, workers: int | None = None
) -> dict[str, Analysis]:
    """Analyses by slug, on ``workers`` processes (default: every core)."""
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(bulletins) < PARALLEL_FROM or os.name != "posix":
        return {b.slug: analyse(b, registry, siteurl) for b in bulletins}
    global _shared
    _shared = (registry, siteurl)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            chunk = max(1, len(bulletins) // (workers * 8))
            results = pool.map(_analyse_in_worker, bulletins, chunksize=chunk)
    finally:
        _shared = None
    return {b.slug: result for b, result in zip(bulletins, results, strict=True)}
