"""Writing a bulletin's front-matter: the one serializer, a YAML emitter (ruamel.yaml).

``invoke ingest`` writes every bulletin through ``dump``; nothing else writes front-matter.
The layout is the one editors review (DESIGN.md): fields in schema order, text in double
quotes, ids and file names plain when YAML reads them back as the same text, lists and each
speaker in flow style on one line. Quoting, escaping and line breaks are the emitter's job,
so whatever the text holds, the reader (``yamldoc``, PyYAML) gets back the same values.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString

from .model import Speaker

_EDITOR_DATE_NOTE = "the source gives no full date; supplied by the editor"
# Plain only where every YAML reader agrees it is text: no indicators, no spaces.
_PLAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")
_RESOLVER = yaml.resolver.Resolver()  # YAML 1.1, as check reads it: yes/no/on/off are booleans


@dataclass(frozen=True)
class FrontMatter:
    """The fields ingest writes, in the order it writes them."""

    title: str
    date: dt.date
    publisher: str
    source_file: str
    summary: str
    speakers: tuple[Speaker, ...] = ()
    regions: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    subtitle: str = ""
    date_source: str = "text"
    series: str = ""
    number: int | None = None
    volume: int | None = None
    event: str = ""
    compilers: tuple[str, ...] = ()


def dump(front: FrontMatter) -> str:
    """The YAML between the two ``---`` lines, ending in a newline."""
    fields = CommentedMap()
    fields["title"] = _text(front.title)
    if front.subtitle:
        fields["subtitle"] = _text(front.subtitle)
    fields["date"] = front.date
    if front.date_source == "editor":
        fields["date_source"] = _plain("editor")
        # the column puts two spaces before '#', as hand-written YAML has it
        fields.yaml_add_eol_comment(_EDITOR_DATE_NOTE, "date_source", column=21)
    if front.series:
        fields["series"] = _text(front.series)
    if front.number is not None:
        fields["number"] = front.number
    if front.volume is not None:
        fields["volume"] = front.volume
    if front.event:
        fields["event"] = _text(front.event)
    fields["publisher"] = _text(front.publisher)
    fields["compilers"] = _flow_list(_text(name) for name in front.compilers)
    fields["source"] = _flow_map(file=_plain(front.source_file))
    fields["summary"] = _text(front.summary)
    speakers = CommentedSeq()
    for speaker in front.speakers:
        entry = {"id": _plain(speaker.id)}
        if speaker.role:
            entry["role"] = _text(speaker.role)
        speakers.append(_flow_map(**entry))
    if not front.speakers:
        speakers.fa.set_flow_style()  # speakers: []
    fields["speakers"] = speakers
    fields["regions"] = _flow_list(_plain(region) for region in front.regions)
    fields["themes"] = _flow_list(_plain(theme) for theme in front.themes)
    buffer = io.StringIO()
    _emitter().dump(fields, buffer)
    return buffer.getvalue()


def _emitter() -> YAML:
    emitter = YAML()
    emitter.width = 1 << 30  # never fold a long summary or role over lines
    emitter.allow_unicode = True  # "–" and Chinese as they are; controls are escaped
    emitter.indent(mapping=2, sequence=4, offset=2)  # "  - {id: ...}"
    return emitter


def _text(value: str) -> DoubleQuotedScalarString:
    return DoubleQuotedScalarString(value)


def _plain(value: str) -> PlainScalarString | DoubleQuotedScalarString:
    """An id or file name, plain where YAML 1.1 reads it back as this text, else quoted."""
    resolved = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    timestamp = re.match(r"\d{4}-\d", value)  # check keeps dates as text; others may not
    if _PLAIN.fullmatch(value) and resolved == "tag:yaml.org,2002:str" and not timestamp:
        return PlainScalarString(value)
    return DoubleQuotedScalarString(value)


def _flow_list(items) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _flow_map(**fields) -> CommentedMap:
    mapping = CommentedMap(fields)
    mapping.fa.set_flow_style()
    return mapping
