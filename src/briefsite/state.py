"""What one build knows before Pelican reads anything: the checked content.

The plugin creates it when Pelican starts (or takes the one ``build_site`` already made) and
stores it in Pelican's settings under ``BRIEFSITE``, where the reader and the generator
find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .model import Bulletin
from .site.body import RenderedBody, render_body
from .validate import ProjectPaths, Report


@dataclass
class BuildState:
    paths: ProjectPaths
    report: Report
    siteurl: str
    bodies: dict[str, RenderedBody] = field(default_factory=dict)  # by slug

    @cached_property
    def bulletins_by_path(self) -> dict[Path, Bulletin]:
        return {(self.paths.root / b.path).resolve(): b for b in self.report.bulletins}

    def render(self, bulletin: Bulletin) -> RenderedBody:
        """The bulletin's body as HTML with entity links, rendered once per build."""
        body = self.bodies.get(bulletin.slug)
        if body is None:
            speakers = {speaker.id for speaker in bulletin.speakers}
            body = render_body(bulletin.body, self.report.registry, self.siteurl, speakers)
            self.bodies[bulletin.slug] = body
        return body
