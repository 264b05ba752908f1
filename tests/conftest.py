"""Shared fixtures: the real project copied into a temporary folder, and built sites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefsite.build import build_site
from briefsite.validate import ProjectPaths, read_registry

ROOT = Path(__file__).resolve().parents[1]
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
