"""``invoke check``: the registries, every bulletin, and the rules across bulletins.

``invoke check``, the build (through the Pelican plugin) and the tests all call
``check_project``. It collects a ``Diagnostic`` for each problem instead of stopping at the
first, so that an editor sees every mistake of a pull request in one run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import DiskCache, digest
from ..errors import Diagnostic, Severity
from ..parallel import BULLETINS_FROM, fork_map
from .bulletin_reader import parse_bulletin
from .model import Bulletin
from .paths import ProjectPaths
from .registry import REGISTRY_FILES, Registry
from .registry_reader import read_registry


@dataclass
class Report:
    """The outcome of one check: what was valid, and every problem found."""

    registry: Registry
    bulletins: list[Bulletin] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0  # bulletin files checked, including those too broken to read

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]


def bulletin_files(paths: ProjectPaths) -> list[Path]:
    if not paths.bulletins.is_dir():
        return []
    return sorted(path for path in paths.bulletins.glob("*.md") if path.is_file())


def check_project(paths: ProjectPaths, cache: DiskCache | None = None) -> Report:
    """Check registries and every bulletin. With a cache, a bulletin whose bytes, registries
    and source files are as before is not parsed again: its earlier result is reused."""
    registry, diagnostics = _read_registry(paths, cache)
    report = Report(registry=registry, diagnostics=list(diagnostics))
    files = bulletin_files(paths)
    report.files = len(files)
    sources = sorted(p.name for p in paths.sources.iterdir()) if paths.sources.is_dir() else []
    context = digest(registry.digest, sources) if cache is not None else ""
    keys = [cache.file_key(path, paths.display(path), context) if cache else "" for path in files]
    results = [cache.get(key) if cache is not None else None for key in keys]
    # what is not cached is checked on every core (for many files)
    unchecked = [index for index, result in enumerate(results) if result is None]
    checked = fork_map(
        lambda index: parse_bulletin(files[index], registry, paths), unchecked, BULLETINS_FROM
    )
    for index, result in zip(unchecked, checked, strict=True):
        results[index] = result
        if cache is not None:
            cache.put(keys[index], result)
    for bulletin, found in results:
        report.diagnostics += found
        if bulletin is not None:
            report.bulletins.append(bulletin)
    if cache is not None:
        cache.save()
    all_parsed = len(report.bulletins) == len(files)
    report.diagnostics += check_across_bulletins(report.bulletins, registry, paths, all_parsed)
    report.diagnostics.sort()
    return report


def _read_registry(paths: ProjectPaths, cache: DiskCache | None) -> tuple[Registry, list]:
    """``read_registry``, or its earlier result while the registry files are as they were."""
    if cache is None:
        return read_registry(paths)
    files = [paths.registry / name for name in REGISTRY_FILES.values()]
    key = digest("registry", *(f.read_bytes() if f.is_file() else b"" for f in files))
    found = cache.get(key)
    if found is None:
        found = read_registry(paths)
        cache.put(key, found)
    return found


def check_across_bulletins(
    bulletins: Iterable[Bulletin], registry: Registry, paths: ProjectPaths, complete: bool = True
) -> list[Diagnostic]:
    """Rules that look at all bulletins at once: duplicate slugs, unused registry entries
    (only when ``complete``: with a bulletin left out for its errors, 'unused' would be noise)."""
    diagnostics: list[Diagnostic] = []
    by_slug: dict[str, list[Bulletin]] = defaultdict(list)
    used: dict[str, set[str]] = {"experts": set(), "regions": set(), "themes": set()}
    for bulletin in bulletins:
        by_slug[bulletin.slug].append(bulletin)
        used["experts"].update(speaker.id for speaker in bulletin.speakers)
        used["regions"].update(bulletin.regions)
        used["themes"].update(bulletin.themes)
    for slug, same in sorted(by_slug.items()):
        for later in same[1:]:
            diagnostics.append(
                Diagnostic(
                    later.path,
                    1,
                    1,
                    Severity.ERROR,
                    f"slug '{slug}' is already used by {same[0].path}: both would be written to "
                    f"bulletins/{slug}/",
                    "rename one of the files, or give it another 'slug:'",
                )
            )
    for kind, ids in used.items() if complete else ():
        entities = registry.kind(kind)
        for entity_id in sorted(set(entities) - ids):
            if kind == "regions" and registry.regions[entity_id].plan:
                continue  # the plan's 19 agglomerations are a gazetteer, listed on purpose
            diagnostics.append(
                Diagnostic(
                    paths.display(paths.registry / REGISTRY_FILES[kind]),
                    registry.lines.get((kind, entity_id), 1),
                    3,
                    Severity.WARNING,
                    f"{kind[:-1]} '{entity_id}' is not used by any bulletin",
                    "remove it, or tag the bulletins it belongs to",
                )
            )
    return diagnostics
