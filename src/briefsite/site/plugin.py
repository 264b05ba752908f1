"""The Pelican plugin: wires briefsite's reader and generator into Pelican's signals.

Listed in ``PLUGINS`` as ``briefsite.site.plugin``. The receivers only connect; the work
lives in ``briefsite.content`` (the checks) and in this package's ``reader``, ``generator``
and ``writer``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from ..cache import DiskCache
from ..content.check import Report, check_project
from ..content.paths import ProjectPaths
from ..errors import ContentError
from .generator import BriefsiteGenerator
from .reader import BriefsiteReader
from .search import PagefindRun, pagefind_wanted
from .state import BuildState
from .writer import BulletinWriter

logger = logging.getLogger(__name__)


def prepare_build(pelican) -> None:
    """Check all content before Pelican reads it; a build with errors stops here."""
    settings = pelican.settings
    paths = ProjectPaths(Path(settings["PATH"]).resolve().parent)
    report = settings.get("BRIEFSITE_REPORT")
    if not isinstance(report, Report):
        report = check_project(paths)
    if report.errors:
        raise ContentError(report.diagnostics)
    state = BuildState(paths, report, settings["SITEURL"])
    state.analyse_all(DiskCache(paths.cache / "analyses.pickle"))
    settings["BRIEFSITE"] = state


def share_site_urls(generator) -> None:
    """Give the templates' macros the site's URLs: a macro imported by a template sees the
    environment's globals, not the page's context, so without this its links lose SITEURL
    (and break where the site is published in a folder of its host)."""
    settings = generator.settings
    generator.env.globals.update(SITEURL=settings["SITEURL"], FEED_DOMAIN=settings["FEED_DOMAIN"])


def add_reader(readers) -> None:
    for extension in BriefsiteReader.file_extensions:
        readers.reader_classes[extension] = BriefsiteReader


def add_generator(pelican) -> type[BriefsiteGenerator]:
    return BriefsiteGenerator


def get_writer(pelican) -> type[BulletinWriter]:
    return BulletinWriter


def bulletin_pages_asked(generator, writer) -> None:
    """Pelican has asked for every bulletin page: write them (on every core), then let
    Pagefind index them in its own process while the entity pages are written; not for the
    offline copy."""
    if isinstance(writer, BulletinWriter):
        writer.write_articles()
    settings = generator.settings
    if pagefind_wanted(settings):
        settings["BRIEFSITE"].search = PagefindRun(Path(generator.output_path))


def keep_generators(generators) -> None:
    """Keep the generators (their context, templates and articles) for ``briefsite.live``."""
    if generators:
        generators[0].settings["BRIEFSITE"].generators = list(generators)


def finish_search_index(pelican) -> None:
    state: BuildState = pelican.settings["BRIEFSITE"]
    if state.search is not None:
        report = state.search.finish()
        state.search = None
        logger.info(
            "search: %d pages indexed, %d files, %d bytes", report.pages, report.files, report.bytes
        )


def register() -> None:
    signals.initialized.connect(prepare_build)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(share_site_urls)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(keep_generators)
    signals.get_writer.connect(get_writer)
    signals.article_writer_finalized.connect(bulletin_pages_asked)
    signals.finalized.connect(finish_search_index)
