"""A whole build, all or nothing: check, run Pelican into a fresh folder, then swap it in.

A build that fails (bad content, or a bug) leaves the previous ``output/`` exactly as it was:
Pelican writes into ``output.partial-PID/``, which replaces ``output/`` only on success.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from ..cache import DiskCache
from ..content.check import check_project
from ..content.paths import ProjectPaths
from ..errors import BriefsiteError, ContentError, Diagnostic
from .state import BuildState

PLUGIN = "briefsite.site.plugin"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildReport:
    output: Path
    pages: int
    seconds: float
    warnings: list[Diagnostic]
    state: BuildState  # what the build knew, kept by ``briefsite.live`` for its updates


def build_site(
    paths: ProjectPaths,
    settings_file: Path,
    output: str | Path | None = None,
    checks: DiskCache | None = None,
    **overrides,
) -> BuildReport:
    started = time.perf_counter()

    # 1. Check everything first: a bad bulletin stops the build before anything is written.
    report = check_project(paths, checks or DiskCache(paths.cache / "checks.pickle"))
    if report.errors:
        raise ContentError(report.diagnostics)

    # 2. Settings, with the output redirected to a fresh folder beside the real one. (Pelican
    #    warns that feeds of a development build have relative links: that is intended.)
    logging.getLogger("pelican.settings").setLevel(logging.ERROR)
    settings = read_settings(str(settings_file), override={"BRIEFSITE_REPORT": report, **overrides})
    final = Path(output or settings["OUTPUT_PATH"]).resolve()
    staging = final.with_name(f"{final.name}.partial-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    settings["OUTPUT_PATH"] = str(staging)

    # 3. Pelican reads, our plugin renders; any failure discards the staging folder.
    try:
        pelican = Pelican(settings)
        if PLUGIN not in pelican.settings["PLUGINS"]:
            raise BriefsiteError(f"the {PLUGIN} plugin did not load; see the messages above")
        pelican.run()
    except BaseException:
        state = settings.get("BRIEFSITE")
        if state is not None and state.search is not None:
            state.search.abort()  # it writes into the folder we are about to remove
        shutil.rmtree(staging, ignore_errors=True)
        raise

    # 4. Swap the new site in.
    retired = final.with_name(f"{final.name}.old-{os.getpid()}")
    if final.exists():
        final.rename(retired)
    staging.rename(final)
    shutil.rmtree(retired, ignore_errors=True)

    pages = sum(1 for _ in final.rglob("*.html"))
    return BuildReport(
        final, pages, time.perf_counter() - started, report.warnings, settings["BRIEFSITE"]
    )
