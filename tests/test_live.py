"""Live updates (``invoke livereload``): after each edit, the served folder must be byte for
byte what a full build of the same content writes, search index included, while only the
pages that show the change are rewritten."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from briefsite.bench.corpus import generate
from briefsite.content.paths import ProjectPaths
from briefsite.errors import ContentError
from briefsite.site.build import build_site
from briefsite.site.live import LiveSite

from .sitepages import differences


def _site_files(site: Path) -> set[str]:
    """The files of a built site but its search index (which is swapped in as a whole)."""
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.relative_to(site).parts[0] != "pagefind"
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> ProjectPaths:
    """A synthetic archive big enough for related bulletins, feeds cut at 20 items and
    entities shared by many bulletins; small enough to build in about a second."""
    return ProjectPaths(generate(tmp_path_factory.mktemp("live") / "corpus", 60, seed=7).root)


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_every_update_equals_a_full_build(corpus: ProjectPaths, tmp_path: Path):
    site = LiveSite(corpus, corpus.root / "pelicanconf.py", tmp_path / "served")
    assert site.build().full
    files = sorted(corpus.bulletins.glob("*.md"))
    first, second, third, fourth = files[3], files[17], files[30], files[44]
    newcomer = next(
        line
        for other in files
        for line in re.findall(r"^  - \{id: .*$", other.read_text(), re.M)
        if line.split(",")[0] not in third.read_text()
    )

    def body_edit() -> list[Path]:
        first.write_text(first.read_text().rstrip("\n") + " A sentence added.\n")
        return [first]

    def statement_added() -> list[Path]:
        name = re.search(r"\*\*([^*]+)\*\*", second.read_text()).group(1)
        second.write_text(second.read_text() + f"\n**{name}** said a new thing. And more.\n")
        return [second]

    def title_changed() -> list[Path]:
        _replace(third, 'title: "', 'title: "Revised: ')
        return [third]

    def date_changed() -> list[Path]:
        text = fourth.read_text()
        date = re.search(r"^date: (\S+)", text, re.M).group(1)
        _replace(fourth, f"date: {date}", "date: 2031-01-02")
        return [fourth]

    def speaker_added() -> list[Path]:
        _replace(third, "speakers:\n", f"speakers:\n{newcomer}\n")
        return [third]

    def region_dropped() -> list[Path]:
        regions = re.search(r"^regions: \[([^\]]+)\]", second.read_text(), re.M).group(1)
        _replace(second, f"regions: [{regions}]", f"regions: [{regions.split(', ')[0]}]")
        return [second]

    def bulletin_added() -> list[Path]:
        copy = corpus.bulletins / "zz-new-bulletin.md"
        text = first.read_text().replace('title: "', 'title: "New: ', 1)
        copy.write_text(text.replace("---\n", '---\nslug: "zz-new-bulletin"\n', 1))
        return [copy]

    def bulletin_removed() -> list[Path]:
        fourth.unlink()
        return [fourth]

    def raw_text_changed() -> list[Path]:
        raw = next(corpus.sources.glob("*.txt"))
        raw.write_text(raw.read_text() + "\nA correction from the editors.\n")
        return [raw]

    steps = [
        body_edit,
        statement_added,
        title_changed,
        date_changed,
        speaker_added,
        region_dropped,
        bulletin_added,
        bulletin_removed,
        raw_text_changed,
    ]
    for number, step in enumerate(steps):
        files_before = _site_files(site.output)
        update = site.update(step())
        site.wait_for_search()
        assert not update.full, step.__name__
        full = build_site(corpus, corpus.root / "pelicanconf.py", tmp_path / f"full-{number}")
        assert differences(site.output, full.output) == [], f"after {step.__name__}"
        # what shows the change is rewritten, never the whole site
        assert 0 < len(update.written) < full.pages / 2, step.__name__
        assert set(update.removed) == files_before - _site_files(site.output), step.__name__
        if step is bulletin_removed:
            assert any(name.startswith("bulletins/") for name in update.removed)


def test_an_update_rewrites_only_what_shows_the_change(project: ProjectPaths, tmp_path: Path):
    site = LiveSite(project, project.root / "pelicanconf.py", tmp_path / "served")
    site.build()
    site.wait_for_search()
    before = {p: p.stat().st_mtime_ns for p in site.output.rglob("*") if p.is_file()}
    bulletin = project.bulletins / "collaborative-agglomeration-new-cities-and-new-spaces.md"
    bulletin.write_text(bulletin.read_text().rstrip("\n") + " One more sentence.\n")

    update = site.update([bulletin])
    site.wait_for_search()

    page = "bulletins/collaborative-agglomeration-new-cities-and-new-spaces/index.html"
    assert page in update.written
    assert "One more sentence." in (site.output / page).read_text()
    untouched = "bulletins/shaping-new-engines-and-new-strengths-in-development/index.html"
    assert untouched not in update.written
    assert (site.output / untouched).stat().st_mtime_ns == before[site.output / untouched]
    assert "regions/index.html" not in update.written  # no name or count changed
    full = build_site(project, project.root / "pelicanconf.py", tmp_path / "full")
    assert differences(site.output, full.output) == []


def test_a_bad_edit_leaves_the_served_site_as_it_was(project: ProjectPaths, tmp_path: Path):
    site = LiveSite(project, project.root / "pelicanconf.py", tmp_path / "served")
    site.build()
    site.wait_for_search()
    kept = tmp_path / "kept"
    shutil.copytree(site.output, kept)
    bulletin = project.bulletins / "collaborative-agglomeration-new-cities-and-new-spaces.md"
    good = bulletin.read_text()
    _replace(bulletin, "date: 2021-", "date: 2021-13-")

    with pytest.raises(ContentError) as error:
        site.update([bulletin])
    assert "collaborative-agglomeration-new-cities-and-new-spaces.md:" in str(error.value)
    assert differences(site.output, kept) == []

    bulletin.write_text(good.rstrip("\n") + " Fixed.\n")
    assert not site.update([bulletin]).full  # back on the fast path


def test_a_registry_or_theme_edit_builds_in_full(project: ProjectPaths, tmp_path: Path):
    site = LiveSite(project, project.root / "pelicanconf.py", tmp_path / "served")
    site.build()
    experts = project.registry / "experts.yaml"
    experts.write_text(experts.read_text() + "\n")
    assert site.update([experts]).full
    css = next((project.root / "themes").rglob("site.css"))
    css.write_text(css.read_text() + "\n/* edited */\n")
    assert site.update([css]).full
    assert "/* edited */" in (site.output / "theme" / "css" / "site.css").read_text()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_the_live_server_shows_an_edit(project: ProjectPaths, tmp_path: Path):
    port = _free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "briefsite", "--root", str(project.root), "live"),
            *("--host", "127.0.0.1", "--port", str(port), "--output", str(tmp_path / "served")),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    printed: list[str] = []
    threading.Thread(target=lambda: printed.extend(server.stdout), daemon=True).start()
    page = (
        f"http://127.0.0.1:{port}/bulletins/collaborative-agglomeration-new-cities-and-new-spaces/"
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                html = _fetch(page)
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "no server"
                time.sleep(0.2)
        assert "livereload.js" in html  # the browser is told to reload
        while not any(line.startswith("serving") for line in printed):  # watching now
            assert server.poll() is None and time.monotonic() < deadline, "not watching"
            time.sleep(0.1)
        bulletin = project.bulletins / "collaborative-agglomeration-new-cities-and-new-spaces.md"
        bulletin.write_text(bulletin.read_text().rstrip("\n") + " Seen live.\n")
        deadline = time.monotonic() + 30
        while "Seen live." not in _fetch(page):
            assert time.monotonic() < deadline, "the edit never showed"
            time.sleep(0.1)
        while not any("file(s) rewritten" in line for line in printed):
            assert time.monotonic() < deadline, f"no update reported: {printed}"
            time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=10)
