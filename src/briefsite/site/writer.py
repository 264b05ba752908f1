"""Pelican's writer, with the bulletin pages written all at once on every core.

Pelican renders and writes its articles one after another. ``BulletinWriter`` (handed to
Pelican through its ``get_writer`` signal) keeps the article pages Pelican asks for and
writes them when Pelican has asked for all of them, with the same arguments, spread over
forked workers (``briefsite.parallel``). Every page is its own file, so the output is the
same however the work is split.
"""

from __future__ import annotations

from typing import Any

from pelican.writers import Writer

from ..parallel import PAGES_FROM, fork_map


class BulletinWriter(Writer):
    def __init__(self, output_path: str, settings: dict | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self._articles: list[tuple[tuple, dict[str, Any]]] = []

    def write_file(self, name, template, context, *args, **kwargs):
        if kwargs.get("article") is not None:  # from ArticlesGenerator.generate_articles
            self._articles.append(((name, template, context, *args), kwargs))
            return None
        return super().write_file(name, template, context, *args, **kwargs)

    def write_articles(self) -> None:
        """Write the article pages asked for so far."""
        pending, self._articles = self._articles, []
        write = super().write_file
        fork_map(lambda call: write(*call[0], **call[1]), pending, PAGES_FROM)
