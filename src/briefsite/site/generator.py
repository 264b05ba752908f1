"""The Pelican generator for everything beyond the bulletin pages themselves.

Pelican's ArticlesGenerator reads the bulletins and writes one page each; this generator
builds the site model from them and writes the entity pages (experts, regions, themes),
the index pages, the home page, the per-entity Atom feeds, ``sitemap.xml`` and
``robots.txt``. Experts, regions and themes are one kind of thing here, written by one loop.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from pelican.generators import Generator

from ..parallel import PAGES_FROM, fork_map
from . import citation, open_data, page_meta, structured_data
from .body import render_body
from .search import offline_index, offline_index_script
from .state import BuildState
from .views import BulletinView, SiteModel, build_model, save_as

logger = logging.getLogger(__name__)

ENTITY_TITLES = {"experts": "Expert", "regions": "Region", "themes": "Theme"}


@dataclass(frozen=True)
class PageJob:
    url: str
    template: str
    values: dict  # all the page shows besides the settings: it changes when they change


@dataclass(frozen=True)
class FeedJob:
    path: str
    title: str
    slugs: tuple[str, ...]


class SummaryEntry:
    """A bulletin as the feeds of experts, regions and themes show it: title, link, date and
    summary. The full text is in the site-wide feed; repeating it in every entity's feed
    would make the feeds several times the size of the rest of the site."""

    def __init__(self, article) -> None:
        self._article = article

    def __getattr__(self, name: str):
        return getattr(self._article, name)

    def get_content(self, siteurl: str) -> None:
        return None


Job = PageJob | FeedJob


class BriefsiteGenerator(Generator):
    model: SiteModel

    def generate_context(
        self, previous: SiteModel | None = None, touched: Collection[tuple[str, str]] = ()
    ) -> None:
        """Build the site model (reusing views of ``previous`` not ``touched``: see
        ``build_model``) and the list of pages and feeds to write."""
        state: BuildState = self.settings["BRIEFSITE"]
        articles = self.context.get("articles", [])
        items = [(a.metadata["bulletin"], state.analysis(a.metadata["bulletin"])) for a in articles]
        self.model = build_model(items, state.report.registry, previous, touched)
        self.articles_by_slug = {a.slug: a for a in articles}
        for article in articles:
            article.briefsite = self.model.bulletins[article.slug]
        self._describe_bulletins(articles)
        self.jobs = self._index_jobs() + self._entity_jobs()

    def _describe_bulletins(self, articles) -> None:
        """Each bulletin page's citations (formatted on every core, or from the cache) and
        its head: citation, sharing tags and JSON-LD."""
        state: BuildState = self.settings["BRIEFSITE"]
        siteurl, site_name = self.settings["SITEURL"], self.settings["SITENAME"]
        registry = state.report.registry
        records = {
            slug: citation.citation_record(view.bulletin, registry, siteurl, view.ref.url)
            for slug, view in self.model.bulletins.items()
        }
        cache = state.paths.cache / "citations.pickle"
        rendered = citation.render_all(list(records.values()), cache)
        for article in articles:
            view, record = self.model.bulletins[article.slug], records[article.slug]
            article.citations = citation.Citations(
                record,
                rendered[article.slug].formatted,
                citation.download_urls(view.ref.url),
                rendered[article.slug].files,
            )
            jsonld = structured_data.bulletin_documents(view, record, siteurl)
            article.page_meta = page_meta.bulletin_meta(record, site_name, jsonld)

    def _index_jobs(self) -> list[PageJob]:
        """Home and the lists of bulletins, experts, regions and themes."""
        model = self.model
        return [
            PageJob(
                "",
                "home",
                {
                    "page_title": "",
                    "latest": model.latest,
                    "agglomerations": model.agglomerations_by_plan,
                    "top_experts": model.top_experts,
                },
            ),
            PageJob(
                "bulletins/",
                "bulletins",
                {"page_title": "Bulletins", "groups": model.bulletins_by_year},
            ),
            PageJob(
                "experts/", "experts", {"page_title": "Experts", "groups": model.experts_by_letter}
            ),
            PageJob(
                "regions/",
                "regions",
                {
                    "page_title": "Regions",
                    "groups": model.regions_by_kind,
                    "regions_map": model.regions_map,
                },
            ),
            PageJob("themes/", "themes", {"page_title": "Themes", "themes": model.themes_by_name}),
        ]

    def _entity_jobs(self) -> list[Job]:
        """A page and a feed for every expert, region and theme."""
        jobs: list[Job] = []
        for kind, views in (
            ("experts", self.model.experts),
            ("regions", self.model.regions),
            ("themes", self.model.themes),
        ):
            for view in views.values():
                values = {"page_title": view.ref.name, "view": view}
                if meta := self._entity_meta(kind, view):
                    values["page_meta"] = meta
                jobs.append(PageJob(view.ref.url, kind[:-1], values))
                if view.feed:  # with the bulletins it shows: the newest FEED_MAX_ITEMS
                    shown = view.bulletins[: self.settings.get("FEED_MAX_ITEMS")]
                    slugs = tuple(getattr(r, "item", r).slug for r in shown)
                    jobs.append(
                        FeedJob(view.feed, f"{ENTITY_TITLES[kind]}: {view.ref.name}", slugs)
                    )
        return jobs

    def _entity_meta(self, kind: str, view) -> page_meta.PageMeta | None:
        """Sharing tags and JSON-LD of an expert's or a region's page."""
        siteurl, site_name = self.settings["SITEURL"], self.settings["SITENAME"]
        url = f"{siteurl}/{view.ref.url}"
        if kind == "experts":
            summary = f"{view.ref.name}: roles, bulletins and statements"
            jsonld = structured_data.expert_documents(view, siteurl)
            return page_meta.entity_meta(view.ref.name, summary, url, jsonld, "profile", site_name)
        if kind == "regions":
            summary = f"{view.ref.name} ({view.region.kind}): bulletins, experts, related regions"
            jsonld = structured_data.region_documents(view, siteurl)
            return page_meta.entity_meta(view.ref.name, summary, url, jsonld, "website", site_name)
        return None

    def generate_output(self, writer) -> None:
        # each job writes its own file: the output is the same however the work is split
        fork_map(lambda job: self.write_job(writer, job), self.jobs, PAGES_FROM)
        folder = Path(writer.output_path)
        for view in self.model.bulletins.values():
            self.copy_source(view, folder)
        views = list(self.model.bulletins.values())
        fork_map(lambda view: self.write_citation_files(view, folder), views, PAGES_FROM)
        self.write_site_files(folder)

    def copy_source(self, view: BulletinView, folder: Path) -> None:
        """The raw file as received, and the text extracted from it (for a PDF, a Word
        document or a web page), both linked from the bulletin page; texts after a UTF-8 byte
        order mark (see ``published_source``)."""
        state: BuildState = self.settings["BRIEFSITE"]
        source = view.bulletin.source
        (folder / "sources").mkdir(parents=True, exist_ok=True)
        for name in filter(None, (source.file, source.text_file)):
            data = (state.paths.sources / name).read_bytes()
            text = name.endswith((".txt", ".md"))
            (folder / "sources" / name).write_bytes(published_source(data) if text else data)

    def write_citation_files(self, view: BulletinView, folder: Path) -> None:
        """The bulletin's citation as BibTeX, RIS and CSL-JSON, beside its page."""
        target = folder / view.ref.url
        target.mkdir(parents=True, exist_ok=True)
        for name, text in self.articles_by_slug[view.ref.slug].citations.files:
            (target / name).write_text(text, encoding="utf-8")

    def write_site_files(self, folder: Path) -> None:
        """The files that describe the whole site: sitemap, robots.txt, the open data,
        offline search data."""
        self._write_sitemap(folder)
        self._write_robots(folder)
        state: BuildState = self.settings["BRIEFSITE"]
        # a live update (this generator again, writing into its staging folder) leaves the
        # files it wrote last time in place when their text is the same
        self._data_files = open_data.write_data_package(
            folder / open_data.FOLDER,
            self.model,
            state.analyses,
            getattr(self, "_data_files", None),
        )
        if self.settings.get("BRIEFSITE_OFFLINE"):
            self._write_offline_search(folder)

    def write_job(self, writer, job: Job) -> None:
        """Render and write one page or feed with Pelican's writer."""
        if isinstance(job, PageJob):
            template = self.get_template(job.template)
            writer.write_file(
                save_as(job.url), template, self.context, page_url=job.url, **job.values
            )
        else:
            entries = [SummaryEntry(self.articles_by_slug[slug]) for slug in job.slugs]
            writer.write_feed(entries, self.context, job.path, feed_title=job.title)

    def _sitemap_entries(self) -> set[tuple[str, str]]:
        """(url, lastmod) of every page: a page changes when its newest bulletin appears."""
        newest = max((v.ref.date for v in self.model.bulletins.values()), default=None)
        site_lastmod = newest.isoformat() if newest else ""
        entries = {
            (view.ref.url, view.ref.date.isoformat()) for view in self.model.bulletins.values()
        }
        entries |= {(job.url, site_lastmod) for job in self._index_jobs()}
        entries |= {(page.url, site_lastmod) for page in self.context.get("pages", [])}
        for views in (self.model.experts, self.model.regions, self.model.themes):
            for view in views.values():
                dates = [getattr(r, "item", r).date for r in view.bulletins]
                entries.add((view.ref.url, max(dates).isoformat() if dates else ""))
        return entries

    def _write_sitemap(self, folder: Path) -> None:
        siteurl = self.settings["SITEURL"]
        rows = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ]
        for url, lastmod in sorted(self._sitemap_entries()):
            rows.append(
                f"  <url><loc>{escape(f'{siteurl}/{url}')}</loc>"
                + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "")
                + "</url>"
            )
        rows.append("</urlset>")
        _write_text(folder / "sitemap.xml", "\n".join(rows) + "\n")

    def _write_offline_search(self, folder: Path) -> None:
        texts, bodies = {}, {}
        for slug, view in self.model.bulletins.items():
            # the paragraphs' text, rendered again: the analyses do not keep it
            body = render_body(view.bulletin.body)
            speakers = " ".join(f"{s.expert.name} {s.name_zh}" for s in view.speakers)
            paragraphs = " ".join(p.text for p in body.paragraphs)
            texts[slug] = f"{view.ref.title} {speakers} {paragraphs}"
            bodies[slug] = paragraphs
        script = offline_index_script(offline_index(self.model, texts, bodies))
        _write_text(folder / "search" / "search-data.js", script)

    def _write_robots(self, folder: Path) -> None:
        lines = ["User-agent: *", "Allow: /"]
        if self.settings["SITEURL"].startswith("http"):
            lines.append(f"Sitemap: {self.settings['SITEURL']}/sitemap.xml")
        _write_text(folder / "robots.txt", "\n".join(lines) + "\n")


UTF8_BOM = b"\xef\xbb\xbf"


def published_source(raw: bytes) -> bytes:
    """A raw text as the site serves it: the bytes as received, after a UTF-8 byte order
    mark. Static hosts send ``.txt`` as ``text/plain`` with no charset (or a wrong one),
    and browsers then guess windows-1252: ``–`` shows as ``â€“``. A byte order mark is the
    one signal every browser obeys before any header or guess (the WHATWG Encoding
    standard's BOM sniff), so the text reads right on any host, from file:// and with no
    server settings; a ``<meta charset>`` would need an HTML page, and loses to a header."""
    return raw if raw.startswith(UTF8_BOM) else UTF8_BOM + raw


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    logger.info("Writing %s", path)
