"""Shared fixtures: the real project copied into a temporary folder, built sites, and a real
Chromium (Debian's, driven by Playwright, one per session).

Playwright never downloads a browser here: it drives the system Chromium through
``executable_path``. Without Chromium (or without the checkers the gates need) those tests
are skipped with a notice, except under CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import settings

from briefsite.content.paths import ProjectPaths
from briefsite.content.registry_reader import read_registry
from briefsite.publish.export import export_site
from briefsite.site.build import build_site

# Property-based tests: quick by default; HYPOTHESIS_PROFILE=ci or nightly runs many more.
# Deadlines are asserted by the tests themselves (wall time of a whole command), not per call.
settings.register_profile("default", max_examples=100, deadline=None, print_blob=True)
settings.register_profile("ci", max_examples=400, deadline=None, print_blob=True)
settings.register_profile("nightly", max_examples=4000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
FIXTURES = Path(__file__).parent / "fixtures"
PROJECT_PARTS = ("content", "sources", "themes", "pelicanconf.py", "publishconf.py")


def copy_project(target: Path) -> ProjectPaths:
    """A private copy of the project that a test may change."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy(source, target / part)
    return ProjectPaths(target)


@pytest.fixture(scope="session")
def registry():
    registry, problems = read_registry(ProjectPaths(ROOT))
    assert not problems, problems
    return registry


@pytest.fixture
def project(tmp_path) -> ProjectPaths:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content, built once with the development settings."""
    paths = copy_project(tmp_path_factory.mktemp("site") / "project")
    return build_site(paths, paths.root / "pelicanconf.py").output


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> Path:
    paths = copy_project(tmp_path_factory.mktemp("prod") / "project")
    return build_site(paths, paths.root / "publishconf.py").output


def require(available: bool, what: str) -> None:
    """Skip a test whose tool is missing, with a notice; under CI, fail instead."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is not installed, and CI must not skip these tests")
    pytest.skip(f"{what} is not installed: skipped")


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    candidates = [os.environ.get("BRIEFSITE_CHROMIUM", ""), "chromium", "chromium-browser"]
    return next((shutil.which(c) for c in candidates if c and shutil.which(c)), None)


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    require(executable is not None, "Chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def served_site(built_site: Path):
    """The development build, served on localhost; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def page(browser):
    """A fresh page that records every request and every failure."""
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.failures = []
    page.errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("requestfailed", lambda request: page.failures.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("response", lambda r: r.status >= 400 and page.failures.append(f"{r.status} {r.url}"))
    yield page
    context.close()


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory):
    paths = copy_project(tmp_path_factory.mktemp("export") / "project")
    report = export_site(paths, paths.root / "publishconf.py")
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(report.zip_path) as archive:
        archive.extractall(target)
    (folder,) = target.iterdir()
    return folder
