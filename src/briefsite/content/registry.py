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
