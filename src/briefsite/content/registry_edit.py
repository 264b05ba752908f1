"""Adding entries to the registry files without disturbing anything else in them.

``invoke ingest --update-registry`` uses this, for experts: an entry it adds must pass
``invoke check``, so an entry lacking a required fact (a region's country) is refused.
ruamel.yaml's round-trip mode keeps the files' comments, key order, quoting and flow-style
lists; new entries go in at their place in id order, in the same shape as their neighbours,
so a pull request's diff shows only them.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Iterable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .model import Expert, Region
from .paths import ProjectPaths
from .registry import REGISTRY_FILES

# The order of fields in new entries, as in the files.
_FIELDS = {
    "experts": ("id", "name", "family_name", "name_zh", "country", "aliases"),
    "regions": (
        "id",
        "name",
        "name_zh",
        "kind",
        "country",
        "plan",
        "provinces",
        "core_cities",
        "part_of",
        "aliases",
        "context_aliases",
    ),
}


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: comments and formatting survive
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long lines
    yaml.indent(mapping=2, sequence=2, offset=0)
    return yaml


def _entry(kind: str, entity: Expert | Region) -> CommentedMap:
    entry = CommentedMap()
    for name in _FIELDS[kind]:
        value = getattr(entity, name)
        if isinstance(value, tuple) and (value or name == "aliases"):
            entry[name] = CommentedSeq(value)
            entry[name].fa.set_flow_style()
        elif value and not isinstance(value, tuple):
            entry[name] = value
    return entry


def add_entries(paths: ProjectPaths, kind: str, entities: Iterable[Expert | Region]) -> list[str]:
    """Insert the entities whose ids the registry lacks; return the ids added."""
    path = paths.registry / REGISTRY_FILES[kind]
    yaml = _yaml()
    entries = yaml.load(path.read_text(encoding="utf-8"))
    ids = [str(entry["id"]) for entry in entries]
    added = []
    for entity in entities:
        if entity.id in ids:
            continue
        if isinstance(entity, Region) and not entity.country:
            raise ValueError(f"region '{entity.id}' has no country: it would fail the check")
        position = bisect.bisect(ids, entity.id)
        entries.insert(position, _entry(kind, entity))
        ids.insert(position, entity.id)
        added.append(entity.id)
    if added:
        buffer = io.StringIO()
        yaml.dump(entries, buffer)
        # one blank line between entries, as in the hand-written files
        text = re.sub(r"\n+(?=- id: )", "\n\n", buffer.getvalue())
        path.write_text(text, encoding="utf-8")
    return added
