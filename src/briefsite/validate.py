"""Every rule about what valid content is, in one place.

``invoke check``, the build (through the Pelican plugin) and the tests all call this module.
It reads the registries and the bulletins, turns them into the typed records of
``briefsite.model`` and collects a ``Diagnostic`` for each problem instead of stopping at the
first, so that an editor sees every mistake of a pull request in one run.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamldoc
from .cache import DiskCache, digest
from .errors import Diagnostic, Severity
from .model import Bulletin, Expert, Region, SourceRef, Speaker, Theme
from .parallel import BULLETINS_FROM, fork_map
from .registry import REGISTRY_FILES, Registry
from .text import slugify

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


@dataclass
class Report:
    """The outcome of one check: what was valid, and every problem found."""

    registry: Registry
    bulletins: list[Bulletin] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]


class _Collector:
    """Diagnostics for one file, positioned through its YAML document."""

    def __init__(self, path: str, document: yamldoc.YamlDocument | None = None) -> None:
        self.path = path
        self.document = document
        self.diagnostics: list[Diagnostic] = []

    def at(self, line: int, column: int, message: str, hint: str = "", *, warning=False) -> None:
        severity = Severity.WARNING if warning else Severity.ERROR
        self.diagnostics.append(Diagnostic(self.path, line, column, severity, message, hint))

    def field(
        self, path: tuple[str | int, ...], message: str, hint: str = "", *, key=False, **kw: Any
    ) -> None:
        """A problem with the value at ``path`` (or with the key itself, ``key=True``)."""
        line, column = self.document.where(*path, key=key) if self.document else (1, 1)
        self.at(line, column, message, hint, **kw)


# --- reading files -----------------------------------------------------------------------


def read_text(path: Path, collector: _Collector) -> str | None:
    """A file's text as UTF-8 with LF line ends; a BOM and CRLF are accepted and dropped."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        collector.at(
            line,
            column,
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be decoded)",
            "save the file as UTF-8 (most editors: 'Save with encoding' -> UTF-8)",
        )
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _close_matches(value: str, choices: dict[str, str]) -> str:
    """A did-you-mean hint: ``choices`` maps each spelling (id or alias) to its id."""
    if value in choices and choices[value] != value:
        return f"did you mean '{choices[value]}'? ('{value}' is how sources spell it)"
    folded = {spelling.casefold(): entity for spelling, entity in choices.items()}
    if value.casefold() in folded:
        return f"did you mean '{folded[value.casefold()]}'?"
    best = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    if not best:
        best = difflib.get_close_matches(slugify(value), list(choices), n=1, cutoff=0.6)
    return f"did you mean '{choices[best[0]]}'?" if best else ""


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
    },
    "themes": {"id": True, "name": True, "description": True, "cues": True},
}


def read_registry(paths: ProjectPaths) -> tuple[Registry, list[Diagnostic]]:
    """Load and check the three registries; entries with errors are left out."""
    registry = Registry()
    diagnostics: list[Diagnostic] = []
    for kind, filename in REGISTRY_FILES.items():
        path = paths.registry / filename
        collector = _Collector(paths.display(path))
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


def _registry_entries(kind: str, text: str, out: _Collector, registry: Registry) -> dict[str, Any]:
    try:
        document = yamldoc.load(text)
    except yamldoc.YamlSyntaxError as error:
        out.at(error.line, error.column, f"YAML syntax: {error.message}", _YAML_HINT)
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


def _registry_entry(kind: str, index: int, raw: dict, out: _Collector) -> Any:
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
    if isinstance(entry_id, str) and not _SLUG.match(entry_id):
        out.field(
            (index, "id"),
            f"id '{entry_id}' is not a slug",
            f"use lowercase ASCII letters, digits and hyphens, e.g. '{slugify(entry_id)}'",
        )
        ok = False
    values: dict[str, Any] = {}
    for name, required in fields.items():
        value = raw.get(name)
        if name in ("aliases", "provinces", "core_cities", "part_of", "cues"):
            items = _string_list(value, (index, name), out)
            ok = ok and items is not None
            values[name] = tuple(items or ())
        elif value is not None and not isinstance(value, str):
            out.field((index, name), f"'{name}' must be text, not {_type_name(value)}")
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
                hint = _close_matches(parent, {r: r for r in registry.regions})
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


def _type_name(value: object) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
    }.get(type(value), type(value).__name__)


def _string_list(value: Any, where: tuple, out: _Collector) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        out.field(where, f"'{where[-1]}' must be a list", f"write [{value}]")
        return None
    if not isinstance(value, list):
        out.field(where, f"'{where[-1]}' must be a list, not {_type_name(value)}")
        return None
    items = []
    for position, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            out.field((*where, position), f"'{where[-1]}' item {position + 1} must be text")
            return None
        items.append(item.strip())
    return items


# --- bulletins ---------------------------------------------------------------------------

_YAML_HINT = (
    "check the indentation and quoting on this line; text containing ': ' or starting "
    "with a quote must be put in double quotes"
)

# field -> (required, what it must be)
BULLETIN_FIELDS: dict[str, tuple[bool, str]] = {
    "title": (True, "the bulletin's title"),
    "subtitle": (False, "a subtitle printed under the title"),
    "date": (True, "date of publication, YYYY-MM-DD"),
    "date_source": (
        False,
        "'editor' when the source gives no full date and the editor supplied it",
    ),
    "series": (False, "the series, e.g. Pujiang Innovation Forum Bulletin"),
    "number": (False, "the issue number in its series (No.)"),
    "volume": (False, "the volume (Vol.)"),
    "event": (False, "the forum or event the bulletin reports on"),
    "publisher": (True, "who published the bulletin"),
    "compilers": (False, "who summarised or compiled it: a list of names"),
    "source": (True, "{file: NAME.txt} naming the raw text under sources/, with url where known"),
    "summary": (True, "the editor's note or first paragraph"),
    "speakers": (True, "a list of {id: expert-id, role: 'the role as this bulletin states it'}"),
    "regions": (True, "a list of region ids"),
    "themes": (True, "a list of theme ids"),
    "slug": (False, "the URL slug; defaults to the file name"),
}


class UnclosedFrontMatter(ValueError):
    """The file starts a front-matter block with ``---`` but never closes it."""


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """``(yaml, body, first body line)`` of a ``---`` fenced document, or None without one."""
    if not text.startswith("---\n"):
        return None
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        raise UnclosedFrontMatter(text)
    yaml_text = text[4 : 4 + end.start()]
    body = text[4 + end.end() :].removeprefix("\n")
    return yaml_text, body, yaml_text.count("\n") + 3


def parse_bulletin(
    path: Path, registry: Registry, paths: ProjectPaths
) -> tuple[Bulletin | None, list[Diagnostic]]:
    """Read one bulletin file into a typed ``Bulletin``, or say everything that is wrong."""
    out = _Collector(paths.display(path))
    text = read_text(path, out)
    if text is None:
        return None, out.diagnostics
    try:
        parts = split_front_matter(text)
    except UnclosedFrontMatter:
        out.at(
            1,
            1,
            "the front-matter is never closed",
            "add a line '---' after the last field, before the text",
        )
        return None, out.diagnostics
    if parts is None:
        out.at(
            1,
            1,
            "no front-matter: a bulletin starts with '---', its YAML fields, then '---'",
            "run 'invoke ingest' on the raw text to get a correctly formed file",
        )
        return None, out.diagnostics
    yaml_text, body, body_line = parts
    try:
        document = yamldoc.load(yaml_text, line_offset=1)
    except yamldoc.YamlSyntaxError as error:
        out.at(error.line, error.column, f"YAML syntax: {error.message}", _YAML_HINT)
        return None, out.diagnostics
    out.document = document
    for key, line, column in document.duplicates:
        out.at(line, column, f"field '{key}' is given twice", "keep one of them")
    meta = document.data
    if not isinstance(meta, dict):
        out.at(2, 1, "the front-matter must be a mapping of fields ('title: ...')")
        return None, out.diagnostics
    bulletin = _bulletin_from(meta, body, body_line, path, registry, paths, out)
    return bulletin, out.diagnostics


def _bulletin_from(
    meta: dict,
    body: str,
    body_line: int,
    path: Path,
    registry: Registry,
    paths: ProjectPaths,
    out: _Collector,
) -> Bulletin | None:
    errors_before = len([d for d in out.diagnostics if d.severity is Severity.ERROR])

    for name in meta:
        if name not in BULLETIN_FIELDS:
            guess = difflib.get_close_matches(str(name), list(BULLETIN_FIELDS), n=1)
            out.field(
                (name,),
                f"unknown field '{name}'",
                f"did you mean '{guess[0]}'?" if guess else "see the fields in CONTRIBUTING.md",
                key=True,
            )
    for name, (required, meaning) in BULLETIN_FIELDS.items():
        if required and name not in meta:
            out.at(2, 1, f"missing required field '{name}'", f"add '{name}:' ({meaning})")

    def text_field(name: str) -> str:
        value = meta.get(name)
        if value is None:
            if name in meta and BULLETIN_FIELDS[name][0]:
                out.field((name,), f"'{name}' is empty", f"fill in {BULLETIN_FIELDS[name][1]}")
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)  # a title like 2049 is still a title
        if not isinstance(value, str):
            out.field(
                (name,),
                f"'{name}' must be text, not {_type_name(value)}",
                'write it in double quotes: "..."',
            )
            return ""
        if not value.strip() and BULLETIN_FIELDS[name][0]:
            out.field((name,), f"'{name}' is empty", f"fill in {BULLETIN_FIELDS[name][1]}")
        return value.strip()

    title = text_field("title")
    subtitle = text_field("subtitle")
    series = text_field("series")
    event = text_field("event")
    publisher = text_field("publisher")
    summary = text_field("summary")
    date = _date_field(meta, out)
    date_source = text_field("date_source") or "text"
    if date_source not in ("text", "editor"):
        out.field(
            ("date_source",),
            f"date_source must be 'text' or 'editor', not '{date_source}'",
            "write 'date_source: editor' when you supplied the date, or remove the line",
        )
    number = _whole_number(meta, "number", out)
    volume = _whole_number(meta, "volume", out)
    compilers = _string_list(meta.get("compilers"), ("compilers",), out) or []
    source = _source_field(meta, paths, out)
    problems_before_speakers = len(out.diagnostics)
    speakers = _speakers_field(meta, registry, out)
    speakers_clean = len(out.diagnostics) == problems_before_speakers
    regions = _id_list(meta, "regions", registry, out)
    themes = _id_list(meta, "themes", registry, out)

    slug = path.stem
    if "slug" in meta:
        slug = text_field("slug")
        if slug and not _SLUG.match(slug):
            out.field(("slug",), f"slug '{slug}' is not valid", f"e.g. '{slugify(slug)}'")
    elif not _SLUG.match(slug):
        out.at(
            1,
            1,
            f"file name '{path.name}' does not make a valid URL slug",
            f"rename it to '{slugify(path.stem)}.md'",
        )

    if not body.strip():
        out.at(
            body_line,
            1,
            "the bulletin has no body text after the front-matter",
            "paste the bulletin's text below the closing '---'",
        )
    else:
        if speakers_clean:  # with a broken speakers list, "not in speakers" would be noise
            _check_body_mentions(body, body_line, speakers, registry, out)

    errors_after = len([d for d in out.diagnostics if d.severity is Severity.ERROR])
    if errors_after > errors_before or date is None or source is None:
        return None
    return Bulletin(
        path=out.path,
        slug=slug,
        title=title,
        subtitle=subtitle,
        date=date,
        date_source=date_source,
        series=series,
        number=number,
        volume=volume,
        event=event,
        publisher=publisher,
        compilers=tuple(compilers),
        source=source,
        summary=summary,
        speakers=tuple(speakers),
        regions=tuple(regions),
        themes=tuple(themes),
        body=body,
        body_line=body_line,
    )


def _date_field(meta: dict, out: _Collector) -> dt.date | None:
    if "date" not in meta:
        return None
    value = meta["date"]
    text = str(value).strip() if value is not None else ""
    if not _ISO_DATE.match(text):
        out.field(
            ("date",),
            f"date '{text}' is not an ISO date",
            "write it as YYYY-MM-DD, e.g. 2021-06-16",
        )
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        out.field(
            ("date",), f"date '{text}' does not exist ({error})", "check the day and the month"
        )
        return None


def _whole_number(meta: dict, name: str, out: _Collector) -> int | None:
    value = meta.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        out.field(
            (name,),
            f"'{name}' must be a whole number above 0, not '{value}'",
            "for 'No.10 Vol. 145' write number: 10 and volume: 145",
        )
        return None
    return value


def _source_field(meta: dict, paths: ProjectPaths, out: _Collector) -> SourceRef | None:
    value = meta.get("source")
    if value is None:
        return None
    if isinstance(value, str):
        out.field(("source",), "'source' must be a mapping", f"write {{file: {value}}}")
        return None
    if not isinstance(value, dict) or not isinstance(value.get("file"), str):
        out.field(
            ("source",),
            "'source' needs a 'file' naming the raw text under sources/",
            "write {file: NAME.txt}",
        )
        return None
    extra = sorted(set(value) - {"file", "url"})
    if extra:
        out.field(
            ("source", extra[0]),
            f"unknown field '{extra[0]}' in source",
            "source takes 'file' and 'url'",
            key=True,
        )
    url = value.get("url") or ""
    if url and not (isinstance(url, str) and re.match(r"^https?://", url)):
        out.field(
            ("source", "url"), f"source url '{url}' is not a web address", "start it with https://"
        )
    name = value["file"]
    if not (paths.sources / name).is_file():
        out.field(
            ("source", "file"),
            f"source file '{name}' does not exist in sources/",
            "add the raw text to sources/ in the same pull request",
        )
    return SourceRef(file=name, url=url if isinstance(url, str) else "")


def _entity_choices(entities: dict[str, Any]) -> dict[str, str]:
    choices = {entity_id: entity_id for entity_id in entities}
    for entity in entities.values():
        for alias in (entity.name, *getattr(entity, "aliases", ())):
            choices.setdefault(alias, entity.id)
    return choices


def _unknown_id(kind: str, value: str, entities: dict, where: tuple, out: _Collector) -> None:
    hint = _close_matches(value, _entity_choices(entities))
    registry_file = f"content/registry/{REGISTRY_FILES[kind]}"
    fallback = f"use an id from {registry_file}, or add the new entry there first"
    out.field(where, f"unknown {kind[:-1]} '{value}'", hint or fallback)


def _speakers_field(meta: dict, registry: Registry, out: _Collector) -> list[Speaker]:
    value = meta.get("speakers")
    if value is None or "experts" in registry.unreadable:
        return []
    if not isinstance(value, list):
        out.field(
            ("speakers",),
            "'speakers' must be a list of {id: ..., role: ...}",
            "write one line per speaker: '  - {id: expert-id, role: \"...\"}'",
        )
        return []
    speakers: list[Speaker] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        where = ("speakers", index)
        if isinstance(item, str):
            item = {"id": item}
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            out.field(
                where,
                f"speaker {index + 1} needs an 'id'",
                "write {id: expert-id, role: 'as stated in the bulletin'}",
            )
            continue
        extra = sorted(set(item) - {"id", "role"})
        if extra:
            out.field(
                (*where, extra[0]),
                f"unknown field '{extra[0]}' in a speaker",
                "a speaker has 'id' and 'role'",
                key=True,
            )
        expert_id, role = item["id"].strip(), item.get("role") or ""
        if not isinstance(role, str):
            out.field(
                (*where, "role"),
                f"role must be text, not {_type_name(role)}",
                'write the role in double quotes: role: "..."',
            )
            role = ""
        if expert_id not in registry.experts:
            _unknown_id("experts", expert_id, registry.experts, (*where, "id"), out)
        elif expert_id in seen:
            out.field(
                (*where, "id"),
                f"speaker '{expert_id}' is listed twice",
                "keep one entry per person",
            )
        else:
            speakers.append(Speaker(expert_id, " ".join(role.split())))
        seen.add(expert_id)
    return speakers


def _id_list(meta: dict, kind: str, registry: Registry, out: _Collector) -> list[str]:
    value = meta.get(kind)
    entities = registry.kind(kind)
    if value is None or kind in registry.unreadable:
        return []  # with the registry itself broken, every id would look unknown
    if isinstance(value, str):
        out.field((kind,), f"'{kind}' must be a list", f"write [{value}]")
        return []
    if not isinstance(value, list):
        out.field((kind,), f"'{kind}' must be a list of ids, not {_type_name(value)}")
        return []
    ids: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str):
            out.field(
                (kind, index), f"{kind} item {index + 1} must be an id, not {_type_name(item)}"
            )
        elif item not in entities:
            _unknown_id(kind, item, entities, (kind, index), out)
        elif item in ids:
            out.field((kind, index), f"'{item}' is listed twice in {kind}", "keep one")
        else:
            ids.append(item)
    return ids


def _check_body_mentions(
    body: str, body_line: int, speakers: list[Speaker], registry: Registry, out: _Collector
) -> None:
    """Warn about a known expert named in the text but missing from ``speakers``."""
    listed = {speaker.id for speaker in speakers}
    warned: set[str] = set()
    for match in registry.expert_matcher.finditer(body, prefer=listed):
        if match.entity_id in listed or match.entity_id in warned:
            continue
        warned.add(match.entity_id)
        line = body_line + body.count("\n", 0, match.start)
        column = match.start - (body.rfind("\n", 0, match.start) + 1) + 1
        out.at(
            line,
            column,
            f"'{match.text}' ({match.entity_id}) is named in the text but not in speakers",
            f"add {{id: {match.entity_id}, role: ...}} to speakers if they speak here",
            warning=True,
        )


# --- the whole project -------------------------------------------------------------------


def bulletin_files(paths: ProjectPaths) -> list[Path]:
    return sorted(paths.bulletins.glob("*.md")) if paths.bulletins.is_dir() else []


def check_project(paths: ProjectPaths, cache: DiskCache | None = None) -> Report:
    """Check registries and every bulletin. With a cache, a bulletin whose bytes, registries
    and source files are as before is not parsed again: its earlier result is reused."""
    registry, diagnostics = _read_registry(paths, cache)
    report = Report(registry=registry, diagnostics=list(diagnostics))
    files = bulletin_files(paths)
    sources = sorted(p.name for p in paths.sources.iterdir()) if paths.sources.is_dir() else []
    context = digest(registry.digest, sources) if cache is not None else ""
    keys = [cache.file_key(path, paths.display(path), context) if cache else "" for path in files]
    results = [cache.get(key) if cache is not None else None for key in keys]
    # what is not cached is checked on every core (for many files)
    unchecked = [index for index, result in enumerate(results) if result is None]
    checked = fork_map(
        lambda index: parse_bulletin(files[index], registry, paths), unchecked, BULLETINS_FROM
    )
    for index, result in zip(unchecked, checked, strict=True):
        results[index] = result
        if cache is not None:
            cache.put(keys[index], result)
    for bulletin, found in results:
        report.diagnostics += found
        if bulletin is not None:
            report.bulletins.append(bulletin)
    if cache is not None:
        cache.save()
    all_parsed = len(report.bulletins) == len(files)
    report.diagnostics += check_across_bulletins(report.bulletins, registry, paths, all_parsed)
    report.diagnostics.sort()
    return report


def _read_registry(paths: ProjectPaths, cache: DiskCache | None) -> tuple[Registry, list]:
    """``read_registry``, or its earlier result while the registry files are as they were."""
    if cache is None:
        return read_registry(paths)
    files = [paths.registry / name for name in REGISTRY_FILES.values()]
    key = digest("registry", *(f.read_bytes() if f.is_file() else b"" for f in files))
    found = cache.get(key)
    if found is None:
        found = read_registry(paths)
        cache.put(key, found)
    return found


def check_across_bulletins(
    bulletins: Iterable[Bulletin], registry: Registry, paths: ProjectPaths, complete: bool = True
) -> list[Diagnostic]:
    """Rules that look at all bulletins at once: duplicate slugs, unused registry entries
    (only when ``complete``: with a bulletin left out for its errors, 'unused' would be noise)."""
    diagnostics: list[Diagnostic] = []
    by_slug: dict[str, list[Bulletin]] = defaultdict(list)
    used: dict[str, set[str]] = {"experts": set(), "regions": set(), "themes": set()}
    for bulletin in bulletins:
        by_slug[bulletin.slug].append(bulletin)
        used["experts"].update(speaker.id for speaker in bulletin.speakers)
        used["regions"].update(bulletin.regions)
        used["themes"].update(bulletin.themes)
    for slug, same in sorted(by_slug.items()):
        for later in same[1:]:
            diagnostics.append(
                Diagnostic(
                    later.path,
                    1,
                    1,
                    Severity.ERROR,
                    f"slug '{slug}' is already used by {same[0].path}: both would be written to "
                    f"bulletins/{slug}/",
                    "rename one of the files, or give it another 'slug:'",
                )
            )
    for kind, ids in used.items() if complete else ():
        entities = registry.kind(kind)
        for entity_id in sorted(set(entities) - ids):
            if kind == "regions" and registry.regions[entity_id].plan:
                continue  # the plan's 19 agglomerations are a gazetteer, listed on purpose
            diagnostics.append(
                Diagnostic(
                    paths.display(paths.registry / REGISTRY_FILES[kind]),
                    registry.lines.get((kind, entity_id), 1),
                    3,
                    Severity.WARNING,
                    f"{kind[:-1]} '{entity_id}' is not used by any bulletin",
                    "remove it, or tag the bulletins it belongs to",
                )
            )
    return diagnostics
