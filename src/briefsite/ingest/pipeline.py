"""Ingest: a raw bulletin -> Markdown with YAML front-matter, tagged against the registries.

Reads top-down, one phase per step: read the text, split it into header, body and trailer,
read the descriptive fields, repair the body, find speakers, regions and themes, and write
the front-matter. ``ingest_file`` never writes files; the command line decides where the
result goes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..content.model import Expert, Region, Speaker
from ..content.registry import Registry
from ..errors import SourceError
from ..text import slugify, split_name, split_sentences
from . import fields
from .body import Block, blocks_from_lines, classify, join_broken_paragraphs, to_markdown
from .regions import propose_regions
from .source import Line, read_source
from .speakers import Mention, Person, as_person_name, find_mentions, group_people

MAX_THEMES = 6
MIN_CUE_HITS = 2
_LONG_LINE = 160


@dataclass
class Header:
    title: str = ""
    subtitle: str = ""
    series: str = ""
    number: int | None = None
    volume: int | None = None
    publisher: str = ""
    date: fields.FoundDate | None = None
    partial_date: str = ""
    repeated: set[str] = field(default_factory=set)  # header lines the body repeats


@dataclass
class IngestResult:
    """Everything ingest learned about one raw bulletin."""

    source: Path
    slug: str
    markdown: str
    speakers: list[Speaker]
    regions: list[str]
    themes: list[str]
    new_experts: list[Expert]
    new_regions: list[Region]
    warnings: list[str]


def ingest_file(
    path: Path,
    registry: Registry,
    *,
    date: dt.date | None = None,
    speaker_ids: dict[str, str] | None = None,
) -> IngestResult:
    """Normalise one raw bulletin. ``date`` is the editor's date (``--date``); ``speaker_ids``
    maps a name to an expert id where a name is shared by namesakes (``--speaker``)."""
    label = str(path)
    lines = read_source(path)
    warnings: list[str] = []

    # 1. Header: the short lines before the first paragraph.
    header, body_lines = _read_header(lines)
    body_lines, trailer = _split_trailer(body_lines)

    # 2. Fields that the trailer carries (newspaper and interview styles).
    compilers: list[str] = []
    for line in trailer:
        compilers += fields.compilers(line.text)
        found = fields.find_date(line.text)
        if header.date is None and found and "published" in line.text.lower():
            header.date = found
        header.publisher = header.publisher or fields.published_in(line.text)
        link = fields.linkage(line.text)
        if link:
            header.publisher = header.publisher or link.publisher
            header.title = header.title or link.title.strip()

    # 3. The date: from the text, or from the editor when the text has no full date.
    publication_date, date_source = _resolve_date(label, header, date, warnings)

    # 4. The body: editor's note, repaired paragraphs, headings and footnotes.
    blocks = classify(blocks_from_lines(body_lines))
    blocks = [b for b in blocks if _plain(b.text) not in header.repeated]
    note = fields.editors_note(blocks[0].text) if blocks else ""
    if note:
        blocks[0] = Block(blocks[0].line, f"**Editor's Note:** {note}")
    blocks = join_broken_paragraphs(blocks)
    if not header.title:
        raise SourceError(
            label, "no title found", "a raw bulletin starts with its title (or its series line)"
        )
    body, footnote_warnings = to_markdown(blocks)
    warnings += footnote_warnings
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    if not paragraphs:
        raise SourceError(label, "no body text found after the header")

    summary = _strip_markers(note) if note else _lead(paragraphs[0])
    event = fields.event(note) or fields.event(paragraphs[0])
    header.publisher = header.publisher or fields.interview_outlet(" ".join(paragraphs[-2:]))
    if not header.publisher:
        warnings.append("no publisher found: fill in 'publisher:' before committing")

    # 5. Speakers, regions and themes.
    texts = [b.text for b in blocks] + [line.text for line in trailer]
    mentions = find_mentions(texts) + _linkage_mentions(trailer)
    people = [
        p
        for p in group_people(sorted(mentions, key=lambda m: m.position))
        if p.name not in compilers
    ]
    speakers, new_experts = _resolve_speakers(label, people, registry, speaker_ids or {})
    searchable = [header.title, summary, *texts]
    regions = registry.region_matcher.ids_in_order(searchable)
    themes = _themes(searchable, registry)

    slug = _slug_for(header.title)
    front = _front_matter(
        header,
        publication_date,
        date_source,
        event,
        compilers,
        path.name,
        summary,
        speakers,
        regions,
        themes,
    )
    markdown = f"---\n{front}---\n\n{body}\n"
    return IngestResult(
        path,
        slug,
        markdown,
        speakers,
        regions,
        themes,
        new_experts,
        propose_regions(searchable, registry),
        warnings,
    )


# --- layout ------------------------------------------------------------------------------


def _plain(text: str) -> str:
    return " ".join(text.replace("**", "").split()).casefold()


def _read_header(lines: list[Line]) -> tuple[Header, list[Line]]:
    """Read the short lines at the top; return the header and the remaining lines."""
    header = Header()
    content = [line for line in lines if line.text]
    if not content:
        return header, []
    index = lines.index(content[0])
    lines = list(lines)

    # Web captures put the day and month of publication before the text: "31" / "JulText..."
    first = content[0].text
    if re.fullmatch(r"\d{1,2}", first) and len(content) > 1:
        month = re.match(r"^(" + "|".join(fields.MONTHS) + r")\.?", content[1].text, re.I)
        if month:
            header.partial_date = f"{first} {month.group(0)}"
            position = lines.index(content[1])
            rest = content[1].text[month.end() :]
            lines[position] = Line(content[1].number, rest, content[1].indented)
            return header, lines[position:]

    header_lines: list[Line] = []
    while index < len(lines):
        line = lines[index]
        if line.text and (len(line.text) > _LONG_LINE or fields.editors_note(line.text)):
            break
        if line.text and header_lines and line.indented:
            break
        header_lines.append(line)
        index += 1
    _header_fields(header, header_lines)
    return header, lines[index:]


def _header_fields(header: Header, header_lines: list[Line]) -> None:
    """Classify each header line; the first run of lines that are nothing else is the title."""
    title_lines: list[str] = []
    title_done = False
    for line in header_lines:
        text = line.text
        if not text:
            title_done = title_done or bool(title_lines)
            continue
        numbers = fields.number_and_volume(text)
        series = fields.series_line(text)
        found = fields.find_date(text)
        if numbers:
            header.number, header.volume = numbers
        elif series and not header.series:
            header.series = series.series
            header.number = header.number or series.issue
            header.repeated.add(_plain(text))
        elif found and len(text) < 40:
            header.date = header.date or found
        elif fields.find_partial_date(text) and len(text) < 20:
            header.partial_date = text
        elif fields.looks_like_organisation(text) and not header.publisher and not title_lines:
            header.publisher = text
        elif not title_done:
            title_lines.append(text)
    if title_lines:
        header.title, header.subtitle = _title_and_subtitle(title_lines)
        header.repeated.add(_plain(" ".join(title_lines)))
        header.repeated.add(_plain(header.title))


def _title_and_subtitle(lines: list[str]) -> tuple[str, str]:
    """Join a title broken over lines; a second line that starts a new phrase is a subtitle."""
    text = lines[0]
    subtitle_lines: list[str] = []
    for line in lines[1:]:
        continues = line[:1].islower() or text.count("**") % 2 == 1 or text.endswith(("-", ":"))
        if continues and not subtitle_lines:
            text = f"{text} {line}"
        else:
            subtitle_lines.append(line)
    return _without_bold(text), _without_bold(" ".join(subtitle_lines))


def _without_bold(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def _split_trailer(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Credits at the end (compiled by, published in, linkage) are not part of the body."""
    end = len(lines)
    while end > 0:
        text = lines[end - 1].text
        is_credit = bool(
            not text
            or fields.compilers(text)
            or fields.linkage(text)
            or ("published" in text.lower() and len(text) < 200)
        )
        if not is_credit:
            break
        end -= 1
    return lines[:end], [line for line in lines[end:] if line.text]


def _resolve_date(
    label: str, header: Header, editor_date: dt.date | None, warnings: list[str]
) -> tuple[dt.date, str]:
    found = header.date
    if editor_date is not None:
        if found and found.value and found.value != editor_date:
            warnings.append(f"--date {editor_date} differs from the text's date '{found.text}'")
        return editor_date, "editor" if not (found and found.value == editor_date) else "text"
    if found and found.value:
        return found.value, "text"
    if found and found.problem:
        raise SourceError(
            label,
            f"the date '{found.text}' {found.problem}",
            "pass the date of publication with --date YYYY-MM-DD",
        )
    if header.partial_date:
        raise SourceError(
            label,
            f"the text gives the date '{header.partial_date}' without a year",
            "pass the full date of publication with --date YYYY-MM-DD; the bulletin will "
            "record that the editor supplied it",
        )
    raise SourceError(
        label, "no date of publication found in the text", "pass it with --date YYYY-MM-DD"
    )


def _strip_markers(text: str) -> str:
    return re.sub(r"(?<=\S)[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", text).replace("**", "").strip()


def _lead(paragraph: str, words: int = 60) -> str:
    """The first sentences of a paragraph, up to about ``words`` words."""
    chosen: list[str] = []
    for sentence in split_sentences(_strip_markers(paragraph)):
        chosen.append(sentence)
        if len(" ".join(chosen).split()) >= words:
            break
    return " ".join(chosen)


# --- tagging -----------------------------------------------------------------------------


def _linkage_mentions(trailer: list[Line]) -> list[Mention]:
    mentions = []
    for line in trailer:
        link = fields.linkage(line.text)
        if link and as_person_name(link.person):
            mentions.append(Mention(as_person_name(link.person), "", 10**9 + line.number, 0))
    return mentions


def _resolve_speakers(
    label: str, people: list[Person], registry: Registry, overrides: dict[str, str]
) -> tuple[list[Speaker], list[Expert]]:
    speakers: list[Speaker] = []
    proposals: list[Expert] = []
    for person in people:
        forced = next((overrides[s] for s in person.spellings if s in overrides), "")
        if forced and forced not in registry.experts:
            raise SourceError(
                label,
                f"--speaker names unknown expert '{forced}'",
                "use an id from content/registry/experts.yaml",
            )
        candidates = [forced] if forced else []
        for spelling in person.spellings if not forced else ():
            candidates += [c for c in registry.experts_named(spelling) if c not in candidates]
        if len(candidates) > 1:
            raise SourceError(
                label,
                f"'{person.name}' may be any of {', '.join(candidates)} (namesakes)",
                f'say which with --speaker "{person.name}={candidates[0]}"',
            )
        if candidates:
            expert_id = candidates[0]
        else:
            proposal = propose_expert(person)
            proposals.append(proposal)
            expert_id = proposal.id
        if all(s.id != expert_id for s in speakers):
            speakers.append(Speaker(expert_id, person.role))
    return speakers, proposals


def propose_expert(person: Person) -> Expert:
    """A registry entry for someone the registry does not know yet, from the text alone."""
    parts = split_name(person.name)
    family, display = parts.family, parts.display
    aliases = tuple(dict.fromkeys([*person.spellings, display]))
    return Expert(id=slugify(display), name=display, family_name=family, aliases=aliases)


def _themes(texts: list[str], registry: Registry) -> list[str]:
    """Themes whose cue words occur at least twice, most cued first."""
    text = " ".join(texts).casefold()
    hits: Counter[str] = Counter()
    for theme in registry.themes.values():
        for cue in theme.cues:
            pattern = r"(?<!\w)" + re.escape(cue.casefold()) + r"(?!\w)"
            hits[theme.id] += len(re.findall(pattern, text))
    ranked = sorted((t for t, n in hits.items() if n >= MIN_CUE_HITS), key=lambda t: (-hits[t], t))
    return ranked[:MAX_THEMES]


# --- writing -----------------------------------------------------------------------------


def _slug_for(title: str, limit: int = 60) -> str:
    slug = slugify(title)
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]


def _quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _front_matter(
    header: Header,
    date: dt.date,
    date_source: str,
    event: str,
    compilers: list[str],
    source_file: str,
    summary: str,
    speakers: list[Speaker],
    regions: list[str],
    themes: list[str],
) -> str:
    lines = [f"title: {_quote(header.title)}"]
    if header.subtitle:
        lines.append(f"subtitle: {_quote(header.subtitle)}")
    lines.append(f"date: {date.isoformat()}")
    if date_source == "editor":
        lines.append("date_source: editor  # the source gives no full date; supplied by the editor")
    if header.series:
        lines.append(f"series: {_quote(header.series)}")
    if header.number is not None:
        lines.append(f"number: {header.number}")
    if header.volume is not None:
        lines.append(f"volume: {header.volume}")
    if event:
        lines.append(f"event: {_quote(event)}")
    lines.append(f"publisher: {_quote(header.publisher)}")
    lines.append(f"compilers: [{', '.join(_quote(c) for c in compilers)}]")
    lines.append(f"source: {{file: {source_file}}}")
    lines.append(f"summary: {_quote(summary)}")
    lines.append("speakers:" if speakers else "speakers: []")
    for speaker in speakers:
        role = f", role: {_quote(speaker.role)}" if speaker.role else ""
        lines.append(f"  - {{id: {speaker.id}{role}}}")
    lines.append(f"regions: [{', '.join(regions)}]")
    lines.append(f"themes: [{', '.join(themes)}]")
    return "\n".join(lines) + "\n"
