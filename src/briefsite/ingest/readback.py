"""Reading back what ingest made, with the rules of ``invoke check``, before it is written.

Ingest must never write a bulletin that check rejects. The Markdown it made is parsed again
exactly as check will parse the file (``parse_bulletin_text``), as the file it is about to
become, with the raw text counted as kept under sources/ and the experts ingest proposes
counted as known (they are listed for the editor, and ``--update-registry`` adds them).
"""

from __future__ import annotations

from pathlib import Path

from ..content.bulletin_reader import MAX_BULLETIN_BYTES, parse_bulletin_text, too_large
from ..content.diagnose import SLUG, Collector
from ..content.paths import ProjectPaths
from ..content.registry import Registry
from ..errors import Severity, SourceError
from .pipeline import IngestResult


def check_result(result: IngestResult, registry: Registry, paths: ProjectPaths) -> Path:
    """The file ``result`` will be written to, once check's rules accept it; else raise
    ``SourceError`` with check's first complaint (nothing has been written yet)."""
    target = paths.bulletins / f"{result.slug}.md"
    display = paths.display(target)
    label = str(result.source)
    size = len(result.markdown.encode("utf-8"))
    if size > MAX_BULLETIN_BYTES:
        message, hint = too_large(size)
        raise SourceError(label, f"the bulletin would be too long for check: {message}", hint)
    proposed = {e.id: e for e in result.new_experts if SLUG.match(e.id)}
    known = Registry(
        experts={**registry.experts, **proposed},
        regions=registry.regions,
        themes=registry.themes,
        unreadable=registry.unreadable,
    )
    out = Collector(display)
    _, diagnostics = parse_bulletin_text(
        result.markdown, target, known, paths, out, source_exists=True
    )
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        raise SourceError(
            label,
            f"ingest made a bulletin that check would reject ({len(errors)} error(s)), so "
            f"nothing was written: {first.path}:{first.line}:{first.column}: {first.message}",
            first.hint,
        )
    return target
