"""Live updates for ``invoke livereload``: after an edit, rewrite only the pages it changes.

A ``LiveSite`` starts with a full build (``build.build_site``) and keeps what that build knew
in memory: the checked content, the rendered bodies, Pelican's generators (their context,
articles and compiled templates) and the site model. When bulletins or raw texts change:

1. every file is checked again (unchanged files come from the check cache): content with
   errors stops here and the site stays as it was;
2. only the changed bulletins are analysed and read again, by Pelican's own
   ``ArticlesGenerator.generate_context``, which is handed the other articles as cached;
3. the site model is rebuilt, keeping the views of the experts, regions and themes the change
   does not touch, and a page is rendered again only when what it shows (the values it is
   rendered with, compared field by field with the last ones) differs;
4. the pages are rendered by Pelican's writer into a staging folder, then moved into the
   served folder one file at a time (each move is atomic), the bulletin pages first; pages
   that no longer exist go;
5. Pagefind indexes the new pages in the background and its bundle is swapped in at the end.

A change anywhere else (registries, theme, settings, other pages) needs a full build. The
result is the same as a full build byte for byte; ``tests/test_live.py`` holds it to that.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import shutil
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

from ..cache import DiskCache
from ..content.check import check_project
from ..content.paths import ProjectPaths
from ..errors import BriefsiteError, ContentError
from .build import build_site
from .citation import DOWNLOADS
from .generator import BriefsiteGenerator, FeedJob, Job, PageJob
from .search import PagefindRun, pagefind_wanted
from .state import BuildState
from .views import save_as, touched_by

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Update:
    full: bool  # a full build was needed
    written: tuple[str, ...]  # files rewritten, relative to the output folder
    removed: tuple[str, ...]
    seconds: float


class LiveSite:
    def __init__(self, paths: ProjectPaths, settings_file: Path, output: Path) -> None:
        self.paths = paths
        self.settings_file = settings_file
        self.output = output.resolve()
        self.checks = DiskCache(paths.cache / "checks.pickle")
        self.state: BuildState | None = None
        self._search_lock = threading.Lock()
        self._search_generation = 0
        self._search: tuple[PagefindRun, threading.Thread] | None = None
        self.on_search_done = lambda seconds: None  # for the server's log

    def relevant(self, changed: Iterable[Path]) -> list[Path]:
        """The changed files a build reads. Editors save by writing a temporary file and
        renaming it over the original (sed -i writes ``sed`` and six random letters, gedit
        ``.goutputstream-`` and six more, vim ``4913`` and ``name.md~``): those come and go
        beside the bulletin and are no change to the site; the renamed bulletin is."""
        bulletins = self.paths.bulletins.resolve()
        kept = []
        for path in dict.fromkeys(changed):
            resolved = path.resolve()
            if resolved.parent == bulletins and resolved.suffix != ".md":
                continue  # the build reads only *.md there
            if _editor_temporary(resolved.name):
                continue
            kept.append(path)
        return kept

    def _updatable(self, path: Path) -> bool:
        """A change an update can take; anything else needs a full build."""
        path = path.resolve()
        in_bulletins = path.parent == self.paths.bulletins.resolve() and path.suffix == ".md"
        return in_bulletins or path.parent == self.paths.sources.resolve()

    # --- builds --------------------------------------------------------------------------

    def build(self) -> Update:
        """A full build (and the state later updates start from)."""
        started = time.perf_counter()
        self._stop_search()
        self.state = None  # if the build fails, the next change builds in full again
        report = build_site(self.paths, self.settings_file, output=self.output, checks=self.checks)
        self.state = report.state
        # from now on the check results stay in memory: writing them to disk after every
        # save in the editor would cost more than the checking itself
        self.checks.persist = False
        self._prepare_for_updates()
        return Update(True, (), (), time.perf_counter() - started)

    def _prepare_for_updates(self) -> None:
        """Work done now so that the next update does not wait for it: compiling the
        templates that a big site's forked workers used (not this process), and collecting
        the garbage a build leaves, which Python would otherwise collect mid-update."""
        ours = next(g for g in self.state.generators if isinstance(g, BriefsiteGenerator))
        for template in {job.template for job in ours.jobs if isinstance(job, PageJob)}:
            ours.get_template(template)
        gc.collect()

    def update(self, changed: Iterable[Path]) -> Update:
        """Bring the site up to date after ``changed`` files changed (or were removed)."""
        started = time.perf_counter()
        self._stop_search()  # its pages are about to change, and it would slow this down
        changed = self.relevant(changed)
        old = self.state
        if old is None or not old.generators or not all(map(self._updatable, changed)):
            return self.build()
        report = check_project(self.paths, self.checks)
        if report.errors:
            raise ContentError(report.diagnostics)  # nothing was touched yet
        if report.registry.digest != old.report.registry.digest:
            return self.build()  # a registry edit whose event has not arrived yet
        raw_texts = {p.name for p in changed if p.parent.resolve() == self.paths.sources.resolve()}
        self.state = None  # until the update is complete: a failure means a full build next
        state = BuildState(self.paths, report, old.siteurl, generators=old.generators)
        written, removed, reindex = _update_site(old, state, raw_texts, self.output)
        self.state = state
        if reindex and pagefind_wanted(state.generators[0].settings):
            self._start_search()
        return Update(False, tuple(written), tuple(removed), time.perf_counter() - started)

    # --- the search index, rebuilt in the background --------------------------------------

    def _start_search(self) -> None:
        with self._search_lock:
            self._search_generation += 1
            generation = self._search_generation
            bundle = self.output.with_name(f"{self.output.name}.pagefind-{generation}")
            shutil.rmtree(bundle, ignore_errors=True)
            run = PagefindRun(self.output, bundle)
            thread = threading.Thread(
                target=self._finish_search, args=(run, generation), daemon=True
            )
            self._search = (run, thread)
        thread.start()

    def _finish_search(self, run: PagefindRun, generation: int) -> None:
        started = time.perf_counter()
        try:
            run.finish()
        except BriefsiteError as error:
            logger.debug("search index abandoned: %s", error)
            shutil.rmtree(run.bundle, ignore_errors=True)
            return
        with self._search_lock:
            if generation != self._search_generation:  # pages changed again meanwhile
                shutil.rmtree(run.bundle, ignore_errors=True)
                return
            target = self.output / "pagefind"
            retired = self.output.with_name(f"{self.output.name}.pagefind-old")
            shutil.rmtree(retired, ignore_errors=True)
            if target.exists():
                target.rename(retired)
            run.bundle.rename(target)
            shutil.rmtree(retired, ignore_errors=True)
        self.on_search_done(time.perf_counter() - started)
        gc.collect()  # the last update's garbage, now that nothing is waiting

    def _stop_search(self) -> None:
        with self._search_lock:
            self._search_generation += 1
            search, self._search = self._search, None
        if search is not None:
            run, thread = search
            run.abort()
            thread.join()

    def wait_for_search(self) -> None:
        """Wait until the search index matches the pages (for tests and the benchmark)."""
        search = self._search
        if search is not None:
            search[1].join()


def _update_site(
    old: BuildState, state: BuildState, raw_texts: set[str], output: Path
) -> tuple[list[str], list[str], bool]:
    """Take the generators of ``old`` to the content of ``state`` and rewrite in ``output``
    what changed: returns the files written, the files removed, and whether the bulletin
    pages changed (so the search index must follow)."""
    articles = next(g for g in state.generators if isinstance(g, ArticlesGenerator))
    ours = next(g for g in state.generators if isinstance(g, BriefsiteGenerator))
    old_model, old_jobs = ours.model, {_job_key(job): job for job in ours.jobs}
    old_files = _files(old_model.bulletins.values(), ours.jobs)

    # what changed, and the analyses of what did not
    before = {slug: view.bulletin for slug, view in old_model.bulletins.items()}
    after = {b.slug: b for b in state.report.bulletins}
    edited = {slug for slug in before.keys() | after.keys() if before.get(slug) != after.get(slug)}
    touched = set().union(
        *(touched_by(b) for slug in edited for b in (before.get(slug), after.get(slug)) if b)
    )
    state.analyses = {slug: old.analyses[slug] for slug in after if slug not in edited}
    state.analyse_all()

    # Pelican's articles and our model, brought up to date
    articles.settings["BRIEFSITE"] = state
    for article in _read_changed_articles(articles, state):
        article.refresh_metadata_intersite_links()  # as Pelican does after reading
    ours.generate_context(old_model, touched)
    model = ours.model
    pages = {
        slug for slug, view in model.bulletins.items() if old_model.bulletins.get(slug) != view
    }
    jobs = [job for job in ours.jobs if _stale(job, old_jobs, edited)]

    # render into a staging folder, then move each file into place: the bulletin pages first,
    # since the edited one is what the editor is looking at, then the pages that list them
    staging = output.with_name(f"{output.name}.update-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        writer = Writer(str(staging), settings=articles.settings)
        _write_articles(articles, writer, pages)
        written = _move_into(staging, output)
        articles.generate_feeds(writer)
        for job in jobs:
            ours.write_job(writer, job)
        for slug, view in model.bulletins.items():
            source = view.bulletin.source
            if slug in edited or {source.file, source.text_file} & raw_texts:
                ours.copy_source(view, staging)
            if slug in edited:
                ours.write_citation_files(view, staging)
        ours.write_site_files(staging)
        written += _move_into(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    removed = sorted(old_files - _files(model.bulletins.values(), ours.jobs))
    for name in removed:
        _remove(output, name)
    return written, removed, bool(pages or removed)


def _read_changed_articles(generator: ArticlesGenerator, state: BuildState) -> list:
    """Run Pelican's own ``generate_context`` again, handing it every article whose bulletin
    is unchanged as if from its content cache, so that only the changed files are read; the
    articles read. (What Pelican records of an unchanged article, its source path and its
    links to static files, is already recorded: it is not worked out again.)"""
    unchanged = {}
    for article in generator.articles:
        if state.bulletin_at(article.source_path) == article.metadata["bulletin"]:
            unchanged[os.path.relpath(article.source_path, generator.path)] = article
        else:  # read again, or gone
            generator.context["generated_content"].pop(article.get_relative_source_path(), None)
    known = {id(article) for article in unchanged.values()}
    add_source_path, add_static_links = generator.add_source_path, generator.add_static_links
    for name in ("articles", "translations", "hidden_articles", "hidden_translations"):
        setattr(generator, name, [])
    generator.drafts, generator.drafts_translations = [], []
    generator.dates, generator.related_posts = {}, []
    generator.period_archives = defaultdict(list)
    generator.tags, generator.categories = defaultdict(list), defaultdict(list)
    generator.authors = defaultdict(list)
    generator.get_cached_data = lambda path, default=None: unchanged.get(path, default)
    generator.cache_data = lambda path, data: None
    generator.add_source_path = lambda content, static=False: (
        None if id(content) in known else add_source_path(content, static)
    )
    generator.add_static_links = lambda content: (
        None if id(content) in known else add_static_links(content)
    )
    try:
        generator.generate_context()
    finally:
        del generator.get_cached_data, generator.cache_data
        del generator.add_source_path, generator.add_static_links
    return [article for article in generator.articles if id(article) not in known]


_TEMPORARY = re.compile(
    r"^(\.goutputstream-\w+|sed\w{6}|\d{4}|\..*\.sw[a-p]|\.#.*|#.*#|.*~|.*\.(tmp|bak|swp))$"
)


def _editor_temporary(name: str) -> bool:
    """A file an editor writes while saving (or keeps as a backup), not one of ours."""
    return bool(_TEMPORARY.match(name))


def _job_key(job: Job) -> str:
    return job.url if isinstance(job, PageJob) else job.path


def _stale(job: Job, old_jobs: dict[str, Job], edited: set[str]) -> bool:
    """Does this page or feed show something that changed?"""
    if old_jobs.get(_job_key(job)) != job:
        return True
    return isinstance(job, FeedJob) and not edited.isdisjoint(job.slugs)


def _files(bulletins, jobs: list[Job]) -> set[str]:
    """Every file written for these bulletins and jobs, relative to the output folder."""
    files = {save_as(view.ref.url) for view in bulletins}
    files |= {f"sources/{view.bulletin.source.file}" for view in bulletins}
    files |= {
        f"sources/{v.bulletin.source.text_file}" for v in bulletins if v.bulletin.source.text_file
    }
    files |= {f"{view.ref.url}{name}" for view in bulletins for name, _, _ in DOWNLOADS}
    files |= {save_as(job.url) if isinstance(job, PageJob) else job.path for job in jobs}
    return files


def _write_articles(generator: ArticlesGenerator, writer: Writer, slugs: set[str]) -> None:
    """Pelican's own ``generate_articles``, over the articles in ``slugs`` only."""
    everything = generator.articles
    generator.articles = [article for article in everything if article.slug in slugs]
    try:
        generator.generate_articles(writer.write_file)
    finally:
        generator.articles = everything


def _move_into(staging: Path, output: Path) -> list[str]:
    moved = []
    for path in sorted(staging.rglob("*")):
        if path.is_file():
            name = path.relative_to(staging).as_posix()
            target = output / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            moved.append(name)
    return moved


def _remove(output: Path, name: str) -> None:
    """Remove a page that no longer exists, and its folder when that is left empty."""
    target = output / name
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != output and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def serve(site: LiveSite, host: str, port: int, on_ready, on_update, on_error) -> None:
    """Serve the site with livereload; update it on every change and reload the browser.

    livereload serves the files and tells the browser to reload, but its own watcher polls
    every 800 ms and holds reloads back for 3 s: ours is told of changes by the operating
    system (``watchfiles``), updates the site and asks livereload to reload at once.
    ``on_ready`` is called once changes are being watched (an edit before that is missed).
    """
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from livereload.watcher import Watcher
    from tornado.ioloop import IOLoop
    from watchfiles import watch

    class ChangeWatcher(Watcher):
        def start(self, callback) -> bool:
            loop = IOLoop.current()

            def follow() -> None:
                ready = False
                # an empty batch every 200 ms while nothing changes: the first one says
                # that the watches are in place
                for changes in watch(
                    *site.paths.build_inputs(), rust_timeout=200, yield_on_timeout=True
                ):
                    if not changes:
                        if not ready:
                            ready = True
                            on_ready()
                        continue
                    changed = site.relevant(Path(path) for _, path in changes)
                    if not changed:  # an editor's temporary file, and nothing else
                        continue
                    try:
                        update = site.update(changed)
                    except Exception as error:
                        on_error(error)
                        continue
                    on_update(update)
                    loop.add_callback(LiveReloadHandler.reload_waiters)

            threading.Thread(target=follow, daemon=True).start()
            return True  # no polling

    Server(watcher=ChangeWatcher()).serve(host=host, port=port, root=str(site.output))
