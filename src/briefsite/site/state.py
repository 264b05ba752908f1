"""What one build knows before Pelican reads anything: the checked content.

The plugin creates it when Pelican starts (or takes the one ``build_site`` already made) and
stores it in Pelican's settings under ``BRIEFSITE``, where the reader and the generator
find it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property

from ..cache import DiskCache, digest
from ..content.check import Report
from ..content.model import Bulletin
from ..content.paths import ProjectPaths
from .analysis import Analysis, analyse, analyse_all
from .search import PagefindRun


@dataclass
class BuildState:
    paths: ProjectPaths
    report: Report
    siteurl: str
    analyses: dict[str, Analysis] = field(default_factory=dict)  # by slug
    search: PagefindRun | None = None  # the search index being built beside the pages
    generators: list = field(default_factory=list)  # Pelican's, kept for live updates

    @cached_property
    def _bulletins_by_path(self) -> dict[str, Bulletin]:
        root = os.path.abspath(self.paths.root)
        return {os.path.join(root, b.path): b for b in self.report.bulletins}

    def bulletin_at(self, source_path: str) -> Bulletin | None:
        """The checked bulletin Pelican knows by this (absolute) source path, if any."""
        return self._bulletins_by_path.get(os.path.abspath(source_path))

    def analyse_all(self, cache: DiskCache | None = None) -> None:
        """Render and analyse every bulletin not analysed yet, at once, on all cores; with a
        cache, only the bulletins whose text, speakers, registry or settings changed since
        it was filled."""
        registry = self.report.registry
        keys = {
            b.slug: digest(b.body, [s.id for s in b.speakers], self.siteurl, registry.digest)
            for b in self.report.bulletins
            if b.slug not in self.analyses and cache is not None
        }
        missing = []
        for bulletin in self.report.bulletins:
            if bulletin.slug in self.analyses:
                continue
            found = cache.get(keys[bulletin.slug]) if cache is not None else None
            if found is None:
                missing.append(bulletin)
            else:
                self.analyses[bulletin.slug] = found
        fresh = analyse_all(missing, registry, self.siteurl)
        self.analyses.update(fresh)
        if cache is not None:
            for slug, analysis in fresh.items():
                cache.put(keys[slug], analysis)
            cache.save()

    def analysis(self, bulletin: Bulletin) -> Analysis:
        """The bulletin's rendered body, statements and mention counts (computed once)."""
        if bulletin.slug not in self.analyses:
            self.analyses[bulletin.slug] = analyse(bulletin, self.report.registry, self.siteurl)
        return self.analyses[bulletin.slug]
