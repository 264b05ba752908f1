"""Pelican reader for Markdown with YAML front-matter.

Why our own reader and not pelican-yaml-metadata: bulletins are checked and typed by
``briefsite.content`` before Pelican runs (with file:line messages and all errors at once),
so the reader only looks the checked ``Bulletin`` up and renders its body; it never
re-parses or re-interprets the metadata. Other pages (about, search, 404) take a few plain fields.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from ..content import yamldoc
from ..content.bulletin_reader import split_front_matter
from ..errors import ContentError, Diagnostic, Severity
from .body import render_body
from .state import BuildState

PAGE_FIELDS = ("title", "slug", "template", "save_as", "url", "status", "summary")


class BriefsiteReader(BaseReader):
    enabled = True
    file_extensions = ("md", "markdown")

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        state: BuildState = self.settings["BRIEFSITE"]
        bulletin = state.bulletin_at(source_path)
        if bulletin is not None:
            metadata = {
                "title": bulletin.title,
                "date": SafeDatetime.combine(bulletin.date, SafeDatetime.min.time()),
                "slug": bulletin.slug,
                "summary": html.escape(bulletin.summary),
                "category": self.process_metadata("category", bulletin.series or "Bulletin"),
                "authors": self.process_metadata("authors", list(bulletin.compilers)),
                "bulletin": bulletin,
            }
            return state.analysis(bulletin).html, metadata
        return self._read_page(Path(source_path), state)

    def _read_page(self, path: Path, state: BuildState) -> tuple[str, dict[str, Any]]:
        text = path.read_text(encoding="utf-8")
        display = state.paths.display(path)
        try:
            parts = split_front_matter(text)
        except ValueError:  # never closed
            parts = None
        if parts is None:
            raise ContentError(
                [
                    Diagnostic(
                        display,
                        1,
                        1,
                        Severity.ERROR,
                        "a page needs front-matter with at least a title",
                    )
                ]
            )
        yaml_text, body, _ = parts
        try:
            meta = yamldoc.load(yaml_text, line_offset=1).data or {}
        except yamldoc.YamlSyntaxError as error:
            raise ContentError(
                [
                    Diagnostic(
                        display,
                        error.line,
                        error.column,
                        Severity.ERROR,
                        f"YAML syntax: {error.message}",
                    )
                ]
            ) from None
        unknown = sorted(set(meta) - set(PAGE_FIELDS))
        if unknown or not isinstance(meta.get("title"), str):
            problem = f"unknown field '{unknown[0]}'" if unknown else "a page needs a title"
            raise ContentError(
                [
                    Diagnostic(
                        display,
                        2,
                        1,
                        Severity.ERROR,
                        problem,
                        f"page fields: {', '.join(PAGE_FIELDS)}",
                    )
                ]
            )
        metadata = {key: self.process_metadata(key, str(value)) for key, value in meta.items()}
        return render_body(body).html, metadata
