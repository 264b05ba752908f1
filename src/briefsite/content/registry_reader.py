"""Reading the registries (experts, regions, themes) into a ``Registry``, rule by rule.

Entries with errors are left out and each problem is reported at its line; the rest of the
content is still checked against what could be read.
"""

from __future__ import annotations

import difflib
import hashlib
from typing import Any

from ..errors import Diagnostic, Severity
from ..text import slugify
from . import yamldoc
from .diagnose import (
    SLUG,
    Collector,
    close_matches,
    read_text,
    string_list,
    type_name,
)
from .model import Expert, Region, Theme
from .paths import ProjectPaths
from .registry import REGISTRY_FILES, Registry

# --- registries --------------------------------------------------------------------------

_REGISTRY_FIELDS: dict[str, dict[str, bool]] = {
    # field -> required
    "experts": {
        "id": True,
        "name": True,
        "family_name": True,
        "aliases": True,
        "name_zh": False,
        "country": False,
    },
    "regions": {
        "id": True,
        "name": True,
        "kind": True,
        "country": True,
        "aliases": True,
        "provinces": False,
        "core_cities": False,
        "part_of": False,
        "plan": False,
        "name_zh": False,
        "context_aliases": False,
    },
    "themes": {"id": True, "name": True, "description": True, "cues": True},
}


def read_registry(paths: ProjectPaths) -> tuple[Registry, list[Diagnostic]]:
    """Load and check the three registries; entries with errors are left out."""
    registry = Registry()
    diagnostics: list[Diagnostic] = []
    for kind, filename in REGISTRY_FILES.items():
        path = paths.registry / filename
        collector = Collector(paths.display(path))
        if not path.exists():
            collector.at(1, 1, f"the {kind} registry is missing", f"create {collector.path}")
            registry.unreadable.add(kind)
            diagnostics += collector.diagnostics
            continue
        text = read_text(path, collector)
        if text is not None:
            entries = _registry_entries(kind, text, collector, registry)
            registry.kind(kind).update(entries)  # type: ignore[attr-defined]
        if text is None or (not registry.kind(kind) and collector.diagnostics):
            registry.unreadable.add(kind)
        diagnostics += collector.diagnostics
    diagnostics += _check_region_parents(registry, paths)
    registry.digest = hashlib.sha256(
        b"".join(
            (paths.registry / name).read_bytes()
            for name in REGISTRY_FILES.values()
            if (paths.registry / name).is_file()
        )
    ).hexdigest()
    return registry, diagnostics


def _registry_entries(kind: str, text: str, out: Collector, registry: Registry) -> dict[str, Any]:
    try:
        document = yamldoc.load(text)
    except yamldoc.YamlSyntaxError as error:
        out.yaml_error(error)
        return {}
    out.document = document
    for key, line, column in document.duplicates:
        out.at(line, column, f"field '{key}' is given twice in one entry", "keep one of them")
    if document.data is None:
        return {}
    if not isinstance(document.data, list):
        out.field((), f"the {kind} registry must be a list of entries ('- id: ...')")
        return {}

    entries: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    alias_owner: dict[str, tuple[str, int]] = {}
    for index, raw in enumerate(document.data):
        if not isinstance(raw, dict):
            out.field((index,), "each entry must be a mapping of fields ('id: ...', 'name: ...')")
            continue
        entry = _registry_entry(kind, index, raw, out)
        if entry is None:
            continue
        line = document.where(index)[0]
        if entry.id in entries:
            out.field(
                (index, "id"),
                f"duplicate id '{entry.id}' (first defined on line {first_line[entry.id]})",
                "merge the two entries, or give one of them another id",
            )
            continue
        for position, alias in enumerate(getattr(entry, "aliases", ())):
            key = alias.casefold()
            owner = alias_owner.get(key)
            if owner and owner[0] != entry.id:
                out.field(
                    (index, "aliases", position),
                    f"alias '{alias}' is claimed by both '{owner[0]}' (line {owner[1]}) "
                    f"and '{entry.id}'",
                    "an alias must name one entity; for two people of the same name keep the "
                    "shared spelling as 'name' only and give each an alias that tells them apart",
                )
            alias_owner.setdefault(key, (entry.id, line))
        entries[entry.id] = entry
        first_line[entry.id] = line
        registry.lines[(kind, entry.id)] = line
    return entries


def _registry_entry(kind: str, index: int, raw: dict, out: Collector) -> Any:
    fields = _REGISTRY_FIELDS[kind]
    ok = True
    for name in raw:
        if name not in fields:
            hint = difflib.get_close_matches(str(name), list(fields), n=1)
            out.field(
                (index, name),
                f"unknown field '{name}' in a {kind} entry",
                f"did you mean '{hint[0]}'?" if hint else f"known fields: {', '.join(fields)}",
                key=True,
            )
            ok = False
    for name, required in fields.items():
        if required and (name not in raw or raw[name] in (None, "", [])):
            where = (index, name) if name in raw else (index,)
            out.field(
                where,
                f"entry {_label(raw, index)}: missing required field '{name}'",
                f"add '{name}:' to the entry",
                key=name in raw,
            )
            ok = False
    entry_id = raw.get("id")
    if isinstance(entry_id, str) and not SLUG.match(entry_id):
        out.field(
            (index, "id"),
            f"id '{entry_id}' is not a slug",
            f"use lowercase ASCII letters, digits and hyphens, e.g. '{slugify(entry_id)}'",
        )
        ok = False
    values: dict[str, Any] = {}
    for name, required in fields.items():
        value = raw.get(name)
        if name in ("aliases", "provinces", "core_cities", "part_of", "cues", "context_aliases"):
            items = string_list(value, (index, name), out)
            ok = ok and items is not None
            values[name] = tuple(items or ())
        elif value is not None and not isinstance(value, str):
            out.field((index, name), f"'{name}' must be text, not {type_name(value)}")
            ok = False
        elif value is not None:
            values[name] = value.strip()
        elif not required:
            values[name] = ""
    if not ok:
        return None
    record = {"experts": Expert, "regions": Region, "themes": Theme}[kind]
    return record(**values)


def _check_region_parents(registry: Registry, paths: ProjectPaths) -> list[Diagnostic]:
    diagnostics = []
    for region in registry.regions.values():
        for parent in region.part_of:
            if parent not in registry.regions:
                hint = close_matches(parent, {r: r for r in registry.regions})
                diagnostics.append(
                    Diagnostic(
                        paths.display(paths.registry / REGISTRY_FILES["regions"]),
                        registry.lines.get(("regions", region.id), 1),
                        3,
                        Severity.ERROR,
                        f"region '{region.id}': part_of names unknown region '{parent}'",
                        hint,
                    )
                )
    return diagnostics


def _label(raw: dict, index: int) -> str:
    return f"'{raw['id']}'" if isinstance(raw.get("id"), str) else f"#{index + 1}"
