"""The Pelican generator for everything beyond the bulletin pages themselves.

Pelican's ArticlesGenerator reads the bulletins and writes one page each; this generator
builds the site model from them and writes the entity pages (experts, regions, themes),
the index pages, the home page, the per-entity Atom feeds, ``sitemap.xml`` and
``robots.txt``. Experts, regions and themes are one kind of thing here, written by one loop.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from pelican.generators import Generator

from .search import offline_index, offline_index_script
from .site.views import SiteModel, build_model, save_as
from .state import BuildState

logger = logging.getLogger(__name__)

ENTITY_TITLES = {"experts": "Expert", "regions": "Region", "themes": "Theme"}
INDEX_PAGES = (
    # (url, template, title)
    ("", "home", ""),
    ("bulletins/", "bulletins", "Bulletins"),
    ("experts/", "experts", "Experts"),
    ("regions/", "regions", "Regions"),
    ("themes/", "themes", "Themes"),
)


@dataclass(frozen=True)
class PageJob:
    url: str
    template: str
    values: dict


@dataclass(frozen=True)
class FeedJob:
    path: str
    title: str
    slugs: tuple[str, ...]


Job = PageJob | FeedJob
# Below this many pages and feeds, forking workers costs more than it saves (and a small
# site, like the test suite's, never forks a process that may be running other threads).
PARALLEL_FROM = 400
_forked: tuple[BriefsiteGenerator, object, list[Job]] | None = None  # inherited by workers


def _write_in_worker(indices: range) -> None:
    assert _forked is not None
    generator, writer, jobs = _forked
    for index in indices:
        generator.write_job(writer, jobs[index])


def run_jobs(generator: BriefsiteGenerator, writer, jobs: list[Job]) -> None:
    """Write every job; many of them on all cores. Each job writes its own file, so the
    output is the same however the work is split."""
    workers = os.cpu_count() or 1
    if workers < 2 or len(jobs) < PARALLEL_FROM or os.name != "posix":
        for job in jobs:
            generator.write_job(writer, job)
        return
    global _forked
    _forked = (generator, writer, jobs)
    try:
        # interleaved slices: the big pages (popular experts) come first and spread out
        slices = [range(start, len(jobs), workers * 4) for start in range(workers * 4)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pool.map(_write_in_worker, slices, chunksize=1)
    finally:
        _forked = None


class BriefsiteGenerator(Generator):
    model: SiteModel

    def generate_context(self) -> None:
        state: BuildState = self.settings["BRIEFSITE"]
        articles = self.context.get("articles", [])
        items = [(a.metadata["bulletin"], state.analysis(a.metadata["bulletin"])) for a in articles]
        self.model = build_model(items, state.report.registry)
        self.articles_by_slug = {a.slug: a for a in articles}
        for article in articles:
            article.briefsite = self.model.bulletins[article.slug]
        self.context["briefsite"] = self.model

    def generate_output(self, writer) -> None:
        written: list[tuple[str, str]] = []  # (url, lastmod) for the sitemap
        jobs: list[Job] = []

        for url, template, title in INDEX_PAGES:
            jobs.append(PageJob(url, template, {"page_title": title}))
            written.append((url, self._newest()))

        for kind, views in (
            ("experts", self.model.experts),
            ("regions", self.model.regions),
            ("themes", self.model.themes),
        ):
            for view in views.values():
                values = {"page_title": view.ref.name, "view": view}
                jobs.append(PageJob(view.ref.url, kind[:-1], values))
                bulletins = [getattr(r, "item", r) for r in view.bulletins]
                written.append((view.ref.url, self._newest(bulletins)))
                if view.feed:
                    slugs = tuple(b.slug for b in bulletins)
                    jobs.append(
                        FeedJob(view.feed, f"{ENTITY_TITLES[kind]}: {view.ref.name}", slugs)
                    )

        run_jobs(self, writer, jobs)

        state: BuildState = self.settings["BRIEFSITE"]
        for view in self.model.bulletins.values():
            written.append((view.ref.url, view.ref.date.isoformat()))
            # the raw text as received, linked from the bulletin page
            raw = state.paths.sources / view.bulletin.source.file
            target = Path(self.output_path) / "sources" / raw.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(raw, target)
        for page in self.context.get("pages", []):
            written.append((page.url, self._newest()))
        self._write_sitemap(written)
        self._write_robots()
        if self.settings.get("BRIEFSITE_OFFLINE"):
            self._write_offline_search(state)

    def write_job(self, writer, job: Job) -> None:
        """Render and write one page or feed with Pelican's writer."""
        if isinstance(job, PageJob):
            template = self.get_template(job.template)
            writer.write_file(
                save_as(job.url), template, self.context, page_url=job.url, **job.values
            )
        else:
            articles = [self.articles_by_slug[slug] for slug in job.slugs]
            writer.write_feed(articles, self.context, job.path, feed_title=job.title)

    def _newest(self, bulletins=None) -> str:
        refs = (
            bulletins if bulletins is not None else [v.ref for v in self.model.bulletins.values()]
        )
        return max((r.date for r in refs), default=None).isoformat() if refs else ""

    def _write_sitemap(self, written: list[tuple[str, str]]) -> None:
        siteurl = self.settings["SITEURL"]
        rows = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ]
        for url, lastmod in sorted(set(written)):
            rows.append(
                f"  <url><loc>{escape(f'{siteurl}/{url}')}</loc>"
                + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "")
                + "</url>"
            )
        rows.append("</urlset>")
        _write_text(Path(self.output_path) / "sitemap.xml", "\n".join(rows) + "\n")

    def _write_offline_search(self, state: BuildState) -> None:
        texts = {}
        for slug, view in self.model.bulletins.items():
            body = state.analysis(view.bulletin).body
            speakers = " ".join(f"{s.expert.name} {s.name_zh}" for s in view.speakers)
            paragraphs = " ".join(p.text for p in body.paragraphs)
            texts[slug] = f"{view.ref.title} {speakers} {paragraphs}"
        script = offline_index_script(offline_index(self.model, texts))
        _write_text(Path(self.output_path) / "search" / "search-data.js", script)

    def _write_robots(self) -> None:
        lines = ["User-agent: *", "Allow: /"]
        if self.settings["SITEURL"].startswith("http"):
            lines.append(f"Sitemap: {self.settings['SITEURL']}/sitemap.xml")
        _write_text(Path(self.output_path) / "robots.txt", "\n".join(lines) + "\n")


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    logger.info("Writing %s", path)
