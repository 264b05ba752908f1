"""The registries of known experts, regions and themes, and lookups over them.

The YAML files under ``content/registry/`` are read and checked by
``registry_reader.read_registry``; this module holds the result and answers the questions
the rest of the pipeline asks: which entity does this spelling name, which regions are
inside this one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from ..text import AliasMatcher, name_key
from .model import Expert, Region, Theme

REGISTRY_FILES = {"experts": "experts.yaml", "regions": "regions.yaml", "themes": "themes.yaml"}


@dataclass
class Registry:
    experts: dict[str, Expert] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, id) -> line
    unreadable: set[str] = field(default_factory=set)  # kinds whose file is missing or broken
    digest: str = ""  # of the registry files' bytes: what cached work depends on

    def kind(self, kind: str) -> dict[str, Expert] | dict[str, Region] | dict[str, Theme]:
        return {"experts": self.experts, "regions": self.regions, "themes": self.themes}[kind]

    @cached_property
    def expert_matcher(self) -> AliasMatcher:
        return AliasMatcher(_alias_map(self.experts.values()))

    @cached_property
    def region_matcher(self) -> AliasMatcher:
        return AliasMatcher(_alias_map(self.regions.values()))

    def region_ids_in(self, texts: Iterable[str]) -> list[str]:
        """Ids of the regions the texts name, in order of first mention: by their aliases,
        and by a context alias ("Bay Area") where the texts also name one of that region's
        core cities or provinces, or the region or one inside it by an alias."""
        texts = list(texts)
        plain = [list(self.region_matcher.finditer(text)) for text in texts]
        context = self._named_around(texts, {m.entity_id for found in plain for m in found})
        seen: dict[str, None] = {}
        for text, found in zip(texts, plain, strict=True):
            taken = [(m.start, m.end) for m in found]
            found = found + [
                m
                for m in self._context_matcher.finditer(text, context)
                if m.entity_id in context and not any(s < m.end and m.start < e for s, e in taken)
            ]
            for match in sorted(found, key=lambda m: m.start):
                seen.setdefault(match.entity_id, None)
        return list(seen)

    def _named_around(self, texts: list[str], named: set[str]) -> set[str]:
        """Regions with context aliases whose core cities or provinces the texts name, or
        that are named themselves or through a region inside them."""
        around = {
            region_id
            for region_id, places in self._place_matchers.items()
            if any(next(places.finditer(text), None) for text in texts)
        }
        for region_id in named:
            around |= {region_id, *self._ancestors(region_id)}
        return around

    def _ancestors(self, region_id: str) -> set[str]:
        found: set[str] = set()
        parents = list(self.regions[region_id].part_of) if region_id in self.regions else []
        while parents:
            parent = parents.pop()
            if parent not in found and parent in self.regions:
                found.add(parent)
                parents += self.regions[parent].part_of
        return found

    @cached_property
    def _context_matcher(self) -> AliasMatcher:
        return AliasMatcher(
            (alias, r.id) for r in self.regions.values() for alias in r.context_aliases
        )

    @cached_property
    def _place_matchers(self) -> dict[str, AliasMatcher]:
        """The core cities and provinces of each region that has context aliases (one
        matcher each: two regions may share a city)."""
        return {
            r.id: AliasMatcher((place, r.id) for place in (*r.core_cities, *r.provinces))
            for r in self.regions.values()
            if r.context_aliases and (r.core_cities or r.provinces)
        }

    @cached_property
    def _experts_by_name(self) -> dict[str, list[str]]:
        by_name: dict[str, list[str]] = defaultdict(list)
        for expert in self.experts.values():
            for spelling in {name_key(a) for a in (expert.name, *expert.aliases)}:
                by_name[spelling].append(expert.id)
        return by_name

    def experts_named(self, name: str) -> list[str]:
        """Ids of every expert with this name or alias (more than one: namesakes)."""
        return list(self._experts_by_name.get(name_key(name), []))

    @cached_property
    def region_children(self) -> dict[str, tuple[str, ...]]:
        children: dict[str, list[str]] = defaultdict(list)
        for region in self.regions.values():
            for parent in region.part_of:
                children[parent].append(region.id)
        return {parent: tuple(sorted(ids)) for parent, ids in children.items()}


def _alias_map(entities: Iterable[Expert | Region]) -> list[tuple[str, str]]:
    """(spelling, id) for every alias and display name of the given entities."""
    return [(alias, entity.id) for entity in entities for alias in (entity.name, *entity.aliases)]
