"""Reading one bulletin: its front-matter, field by field, into a typed ``Bulletin``.

Every problem is collected with its line and column (see ``diagnose``), so an editor sees
all the mistakes of a file at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, Severity
from ..text import is_blank, slugify
from . import yamldoc
from .diagnose import (
    SLUG,
    Collector,
    close_matches,
    read_text,
    shown,
    string_list,
    type_name,
)
from .model import Bulletin, SourceRef, Speaker
from .paths import ProjectPaths
from .registry import REGISTRY_FILES, Registry

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


# The longest real bulletin is 16 KB; 1 MB is some 150,000 words, sixty times that. Past it
# a file is refused unread, so a pasted log or a whole report cannot stall the check.
MAX_BULLETIN_BYTES = 1_000_000


def parse_bulletin(
    path: Path, registry: Registry, paths: ProjectPaths
) -> tuple[Bulletin | None, list[Diagnostic]]:
    """Read one bulletin file into a typed ``Bulletin``, or say everything that is wrong."""
    out = Collector(paths.display(path))
    size = path.stat().st_size
    if size > MAX_BULLETIN_BYTES:
        out.at(1, 1, *too_large(size))
        return None, out.diagnostics
    text = read_text(path, out)
    if text is None:
        return None, out.diagnostics
    return parse_bulletin_text(text, path, registry, paths, out)


def too_large(size: int) -> tuple[str, str]:
    """The message and hint for a bulletin of ``size`` bytes, over the limit."""
    return (
        f"the file is {size:,} bytes; a bulletin may be at most {MAX_BULLETIN_BYTES:,}",
        "is this the right file? split a longer text into several bulletins",
    )


def parse_bulletin_text(
    text: str,
    path: Path,
    registry: Registry,
    paths: ProjectPaths,
    out: Collector,
    source_exists: bool | None = None,
) -> tuple[Bulletin | None, list[Diagnostic]]:
    """``parse_bulletin`` for a text in memory that is (or will be) the file at ``path``.

    ``source_exists`` says whether the raw text will be under sources/ (ingest checks what
    it is about to write, before it copies the raw text there); None looks at the folder.
    """
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
        out.yaml_error(error)
        return None, out.diagnostics
    out.document = document
    for key, line, column in document.duplicates:
        out.at(line, column, f"field '{shown(key)}' is given twice", "keep one of them")
    meta = document.data
    if not isinstance(meta, dict):
        out.at(2, 1, "the front-matter must be a mapping of fields ('title: ...')")
        return None, out.diagnostics
    bulletin = _bulletin_from(meta, body, body_line, path, registry, paths, out, source_exists)
    return bulletin, out.diagnostics


def _bulletin_from(
    meta: dict,
    body: str,
    body_line: int,
    path: Path,
    registry: Registry,
    paths: ProjectPaths,
    out: Collector,
    source_exists: bool | None = None,
) -> Bulletin | None:
    errors_before = len([d for d in out.diagnostics if d.severity is Severity.ERROR])

    for name in meta:
        if out.full:
            break
        if name not in BULLETIN_FIELDS:
            guess = difflib.get_close_matches(shown(name), list(BULLETIN_FIELDS), n=1)
            out.field(
                (name,),
                f"unknown field '{shown(name)}'",
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
                f"'{name}' must be text, not {type_name(value)}",
                'write it in double quotes: "..."',
            )
            return ""
        if is_blank(value):  # spaces and zero-width characters are not a title
            if BULLETIN_FIELDS[name][0]:
                out.field((name,), f"'{name}' is empty", f"fill in {BULLETIN_FIELDS[name][1]}")
            return ""
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
            f"date_source must be 'text' or 'editor', not '{shown(date_source)}'",
            "write 'date_source: editor' when you supplied the date, or remove the line",
        )
    number = _whole_number(meta, "number", out)
    volume = _whole_number(meta, "volume", out)
    compilers = string_list(meta.get("compilers"), ("compilers",), out) or []
    source = _source_field(meta, paths, out, source_exists)
    problems_before_speakers = len(out.diagnostics)
    speakers = _speakers_field(meta, registry, out)
    speakers_clean = len(out.diagnostics) == problems_before_speakers
    regions = _id_list(meta, "regions", registry, out)
    themes = _id_list(meta, "themes", registry, out)

    slug = path.stem
    if "slug" in meta:
        slug = text_field("slug")
        if slug and not SLUG.match(slug):
            out.field(
                ("slug",), f"slug '{shown(slug)}' is not valid", f"e.g. '{slugify(shown(slug))}'"
            )
    elif not SLUG.match(slug):
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


def _date_field(meta: dict, out: Collector) -> dt.date | None:
    if "date" not in meta:
        return None
    value = meta["date"]
    text = str(value).strip() if value is not None else ""
    if not _ISO_DATE.match(text):
        out.field(
            ("date",),
            f"date '{shown(text)}' is not an ISO date",
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


def _whole_number(meta: dict, name: str, out: Collector) -> int | None:
    value = meta.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        out.field(
            (name,),
            f"'{name}' must be a whole number above 0, not '{shown(value)}'",
            "for 'No.10 Vol. 145' write number: 10 and volume: 145",
        )
        return None
    return value


def _source_field(
    meta: dict, paths: ProjectPaths, out: Collector, exists: bool | None
) -> SourceRef | None:
    value = meta.get("source")
    if value is None:
        return None
    if isinstance(value, str):
        out.field(("source",), "'source' must be a mapping", f"write {{file: {shown(value)}}}")
        return None
    if not isinstance(value, dict) or not isinstance(value.get("file"), str):
        out.field(
            ("source",),
            "'source' needs a 'file' naming the raw text under sources/",
            "write {file: NAME.txt}",
        )
        return None
    extra = [key for key in value if key not in ("file", "url")]  # keys of any type, in order
    if extra:
        out.field(
            ("source", extra[0]),
            f"unknown field '{shown(extra[0])}' in source",
            "source takes 'file' and 'url'",
            key=True,
        )
    url = value.get("url") or ""
    if url and not (isinstance(url, str) and re.match(r"^https?://", url)):
        out.field(
            ("source", "url"),
            f"source url '{shown(url)}' is not a web address",
            "start it with https://",
        )
    name = value["file"]
    told = exists is not None  # by ingest: the file and its extracted text are to be written
    if exists is None:
        exists = _is_source_file(paths, name)
    if not exists:
        out.field(
            ("source", "file"),
            f"source file '{shown(name)}' does not exist in sources/",
            "add the raw text to sources/ in the same pull request",
        )
    source = SourceRef(file=name, url=url if isinstance(url, str) else "")
    raw_only = source.text_file and not (paths.sources / source.text_file).is_file()
    if raw_only and not told and (paths.sources / name).is_file():
        out.field(
            ("source", "file"),
            f"the text extracted from '{name}' is missing: sources/{source.text_file}",
            f"ingest the file again (invoke ingest sources/{name} --force) to write it",
        )
    return source


def _is_source_file(paths: ProjectPaths, name: str) -> bool:
    """Whether ``name`` is a file directly in sources/ (not a path leading elsewhere)."""
    if not name or "/" in name or "\\" in name or "\x00" in name or name in (".", ".."):
        return False
    try:
        return (paths.sources / name).is_file()
    except (OSError, ValueError):  # a name too long for the file system
        return False


def _entity_choices(entities: dict[str, Any]) -> dict[str, str]:
    choices = {entity_id: entity_id for entity_id in entities}
    for entity in entities.values():
        for alias in (entity.name, *getattr(entity, "aliases", ())):
            choices.setdefault(alias, entity.id)
    return choices


def _unknown_id(kind: str, value: str, entities: dict, where: tuple, out: Collector) -> None:
    hint = close_matches(value, _entity_choices(entities))
    registry_file = f"content/registry/{REGISTRY_FILES[kind]}"
    fallback = f"use an id from {registry_file}, or add the new entry there first"
    out.field(where, f"unknown {kind[:-1]} '{shown(value)}'", hint or fallback)


def _speakers_field(meta: dict, registry: Registry, out: Collector) -> list[Speaker]:
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
        if out.full:
            break
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
        extra = [key for key in item if key not in ("id", "role")]  # keys of any type, in order
        if extra:
            out.field(
                (*where, extra[0]),
                f"unknown field '{shown(extra[0])}' in a speaker",
                "a speaker has 'id' and 'role'",
                key=True,
            )
        expert_id, role = item["id"].strip(), item.get("role") or ""
        role_given = bool(role)
        if not isinstance(role, str):
            out.field(
                (*where, "role"),
                f"role must be text, not {type_name(role)}",
                'write the role in double quotes: role: "..."',
            )
            role = ""
        if expert_id not in registry.experts:
            _unknown_id("experts", expert_id, registry.experts, (*where, "id"), out)
        elif expert_id in seen:
            out.field(
                (*where, "id"),
                f"speaker '{shown(expert_id)}' is listed twice",
                "keep one entry per person",
            )
        else:
            role = " ".join(role.split())
            if not role and not role_given:  # the page would say "No role stated yet"
                out.field(
                    where,
                    f"speaker '{expert_id}' has no role",
                    'add the role this bulletin gives them: role: "..."',
                    warning=True,
                )
            speakers.append(Speaker(expert_id, role))
        seen.add(expert_id)
    return speakers


def _id_list(meta: dict, kind: str, registry: Registry, out: Collector) -> list[str]:
    value = meta.get(kind)
    entities = registry.kind(kind)
    if value is None or kind in registry.unreadable:
        return []  # with the registry itself broken, every id would look unknown
    if isinstance(value, str):
        out.field((kind,), f"'{kind}' must be a list", f"write [{value}]")
        return []
    if not isinstance(value, list):
        out.field((kind,), f"'{kind}' must be a list of ids, not {type_name(value)}")
        return []
    ids: list[str] = []
    for index, item in enumerate(value):
        if out.full:
            break
        if not isinstance(item, str):
            out.field(
                (kind, index), f"{kind} item {index + 1} must be an id, not {type_name(item)}"
            )
        elif item not in entities:
            _unknown_id(kind, item, entities, (kind, index), out)
        elif item in ids:
            out.field((kind, index), f"'{item}' is listed twice in {kind}", "keep one")
        else:
            ids.append(item)
    return ids


def _check_body_mentions(
    body: str, body_line: int, speakers: list[Speaker], registry: Registry, out: Collector
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
