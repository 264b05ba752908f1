"""What one build knows before Pelican reads anything: the checked content.

The plugin creates it when Pelican starts (or takes the one ``build_site`` already made) and
stores it in Pelican's settings under ``BRIEFSITE``, where the reader and the generator
find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .cache import DiskCache, digest
from .model import Bulletin
from .search import PagefindRun
from .site.analysis import Analysis, analyse, analyse_all
from .validate import ProjectPaths, Report


@dataclass
class BuildState:
    paths: ProjectPaths
    report: Report
    siteurl: str
    analyses: dict[str, Analysis] = field(default_factory=dict)  # by slug
    search: PagefindRun | None = None  # the search index being built beside the pages

    @cached_property
    def bulletins_by_path(self) -> dict[Path, Bulletin]:
        return {(self.paths.root / b.path).resolve(): b for b in self.report.bulletins}

    def analyse_all(self, cache: DiskCache | None = None) -> None:
        """Render and analyse every bulletin at once, on all cores; with a cache, only the
        bulletins whose text, speakers, registry or settings changed since it was filled."""
        registry = self.report.registry
        keys = {
            b.slug: digest(b.body, [s.id for s in b.speakers], self.siteurl, registry.digest)
            for b in self.report.bulletins
        }
        missing = []
        for bulletin in self.report.bulletins:
            found = cache.get(keys[bulletin.slug]) if cache else None
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
