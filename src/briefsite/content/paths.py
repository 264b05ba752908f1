"""Where a briefsite project keeps its parts: content, registries, raw sources, theme."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProjectPaths:
    """Where a briefsite project keeps its parts; everything is relative to ``root``."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def bulletins(self) -> Path:
        return self.content / "bulletins"

    @property
    def registry(self) -> Path:
        return self.content / "registry"

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def themes(self) -> Path:
        return self.root / "themes"

    def build_inputs(self) -> list[Path]:
        """Everything a build reads: a change to any of them can change the site."""
        settings = [self.root / "pelicanconf.py", self.root / "publishconf.py"]
        return [self.content, self.themes, self.sources, *settings]

    @property
    def cache(self) -> Path:
        """Work kept between builds (see ``briefsite.cache``); safe to delete."""
        return self.root / "cache"

    def display(self, path: Path) -> str:
        """The path as editors see it in messages: relative to the project."""
        if ".." not in path.parts:  # spelled from the root already: no need to ask the disk
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
