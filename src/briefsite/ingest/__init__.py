"""Ingest: raw bulletins as received -> Markdown with YAML front-matter."""

from .pipeline import IngestResult, ingest_file, propose_expert

__all__ = ["IngestResult", "ingest_file", "propose_expert"]
