"""The Pelican generator for everything beyond the bulletin pages themselves.

Pelican's ArticlesGenerator reads the bulletins and writes one page each; this generator
builds the site model from them and writes the entity pages (experts, regions, themes),
the index pages, the home page, the per-entity Atom feeds, ``sitemap.xml`` and
``robots.txt``. Experts, regions and themes are one kind of thing here, written by one loop.
"""

from __future__ import annotations

import logging
import shutil
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


class BriefsiteGenerator(Generator):
    model: SiteModel

    def generate_context(self) -> None:
        state: BuildState = self.settings["BRIEFSITE"]
        articles = self.context.get("articles", [])
        items = [(a.metadata["bulletin"], state.render(a.metadata["bulletin"])) for a in articles]
        self.model = build_model(items, state.report.registry)
        self.articles_by_slug = {a.slug: a for a in articles}
        for article in articles:
            article.briefsite = self.model.bulletins[article.slug]
        self.context["briefsite"] = self.model

    def generate_output(self, writer) -> None:
        written: list[tuple[str, str]] = []  # (url, lastmod) for the sitemap

        for url, template, title in INDEX_PAGES:
            self._write(writer, url, template, page_title=title)
            written.append((url, self._newest()))

        for kind, views in (
            ("experts", self.model.experts),
            ("regions", self.model.regions),
            ("themes", self.model.themes),
        ):
            for view in views.values():
                self._write(writer, view.ref.url, kind[:-1], page_title=view.ref.name, view=view)
                refs = view.bulletins
                bulletins = [getattr(r, "item", r) for r in refs]
                written.append((view.ref.url, self._newest(bulletins)))
                if view.feed:
                    articles = [self.articles_by_slug[b.slug] for b in bulletins]
                    writer.write_feed(
                        articles,
                        self.context,
                        view.feed,
                        feed_title=f"{ENTITY_TITLES[kind]}: {view.ref.name}",
                    )

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

    def _write(self, writer, url: str, template: str, **values) -> None:
        writer.write_file(
            save_as(url), self.get_template(template), self.context, page_url=url, **values
        )

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
            body = state.render(view.bulletin)
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
