"""Ingest: a raw bulletin -> Markdown with YAML front-matter, tagged against the registries.

Reads top-down, one phase per step: read the text, split it into header, body and trailer,
read the descriptive fields, repair the body, find speakers, regions and themes, and write
the front-matter. ``ingest_file`` never writes files; the command line decides where the
result goes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..content import frontmatter
from ..content.model import Expert, Region, Speaker
from ..content.registry import Registry
from ..errors import SourceError
from ..names import split_name
from ..text import is_blank, slugify, split_sentences, strip_controls
from . import fields, language
from .body import Block, blocks_from_lines, classify, join_broken_paragraphs, to_markdown
from .regions import propose_regions
from .source import Line, read_source
from .speakers import Person, find_speakers

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
    people: list[Person] = field(default_factory=list)  # everyone named, speakers or not
    expert_ids: dict[str, str] = field(default_factory=dict)  # speaker's name -> expert id


def ingest_file(
    path: Path,
    registry: Registry,
    *,
    date: dt.date | None = None,
    speaker_ids: dict[str, str] | None = None,
    title: str = "",
    publisher: str = "",
    model: str = language.DEFAULT_MODEL,
) -> IngestResult:
    """Normalise one raw bulletin. ``date`` is the editor's date (``--date``); ``speaker_ids``
    maps a name to an expert id where a name is shared by namesakes (``--speaker``);
    ``title`` and ``publisher`` are the editor's, for a text that does not say (``--title``,
    ``--publisher``); ``model`` is the language model's name."""
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
    if not any(b.kind == "paragraph" and not is_blank(b.text) for b in blocks):
        raise SourceError(label, "no body text found after the header")
    title_taken = False
    if title:
        header.title, header.subtitle = " ".join(title.split()), ""
    elif not header.title:
        title_taken = True
        header.title = fields.headline(
            [b.text for b in blocks if b.kind != "footnote"]
        ) or fields.headline([line.text for line in lines])
        if not header.title:
            raise SourceError(label, "no title found", 'pass one with --title "..."')
        warnings.append(
            f"the text does not start with a title line: took '{header.title}' as the title; "
            'pass --title "..." to give another'
        )
        blocks = [b for b in blocks if _plain(b.text) != _plain(header.title)]
    body, footnote_warnings = to_markdown(blocks)
    warnings += footnote_warnings
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    if not paragraphs:
        raise SourceError(label, "no body text found after the header")

    summary = _strip_markers(note) if note else _lead(paragraphs[0])
    event = fields.event(note) or fields.event(paragraphs[0])
    header.publisher = header.publisher or fields.interview_outlet(" ".join(paragraphs[-2:]))

    # 5. Speakers, regions and themes.
    texts = [b.text for b in blocks] + [line.text for line in trailer]
    # a title line can name the speaker ("Remarks by X"); a title taken from the text is
    # in the body already
    headings = [t for t in (header.title, header.subtitle) if t and not title_taken]
    finding = find_speakers(
        headings + texts,
        [line.text for line in lines if _plain(line.text) not in header.repeated],
        language.load(model),
        registry,
        not_speakers=compilers,
        presented=_linkage_authors(trailer),
    )
    warnings += finding.warnings
    counted = [p for p in finding.people if p.counted]
    speakers, new_experts, expert_ids = _resolve_speakers(
        label, counted, registry, speaker_ids or {}
    )
    searchable = [header.title, summary, *texts]
    regions = registry.region_ids_in(searchable)
    themes = _themes(searchable, registry)

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
    slug, markdown = _markdown(label, path, front, body, publisher, warnings)
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
        finding.people,
        expert_ids,
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
    start = index
    while index < len(lines):
        line = lines[index]
        if line.text and (len(line.text) > _LONG_LINE or fields.editors_note(line.text)):
            break
        if line.text and header_lines and line.indented:
            break
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if line.text and following[:1].islower() and len(following) > 60:
            break  # a paragraph wrapped over short lines: the body has begun
        if line.text and any(h.text for h in header_lines) and _is_sentence(line.text):
            break  # prose: the header is over
        text = fields.without_furniture(line.text)
        line = Line(line.number, "" if fields.is_furniture(text) else text, line.indented)
        header_lines.append(line)
        index += 1
    used = _header_fields(header, header_lines)
    return header, lines[start + used :]


def _is_sentence(text: str) -> bool:
    """A line of prose rather than a title, a date or a name: it ends a sentence."""
    words = len(text.split())
    return words >= 20 or (words >= 8 and text.rstrip("*").endswith((".", "!", "?", "。")))


def _header_fields(header: Header, header_lines: list[Line]) -> int:
    """Classify each header line: number, series, date, publisher, or else part of a run of
    title lines. The title is the first run of at least ``TITLE_WORDS`` words (shorter runs
    before it are a site's section labels, "News Politics"), else the first run. Returns
    how many lines the header takes: a run after the title starts the body (a programme's
    first entry, a lead), so nothing is lost."""
    runs: list[tuple[int, list[str]]] = []  # (position of the first line, its lines)
    run_open = False
    for position, line in enumerate(header_lines):
        text = line.text
        if not text:
            run_open = False
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
        elif fields.looks_like_organisation(text) and not header.publisher and not runs:
            header.publisher = text
        elif run_open:
            runs[-1][1].append(text)
        else:
            runs.append((position, [text]))
            run_open = True
    if not runs:
        return len(header_lines)
    chosen = next(
        (n for n, (_, lines) in enumerate(runs) if len(" ".join(lines).split()) >= TITLE_WORDS), 0
    )
    title_lines = runs[chosen][1]
    header.title, header.subtitle = _title_and_subtitle(title_lines)
    header.repeated.add(_plain(" ".join(title_lines)))
    header.repeated.add(_plain(header.title))
    return runs[chosen + 1][0] if chosen + 1 < len(runs) else len(header_lines)


TITLE_WORDS = 4


def _title_and_subtitle(lines: list[str]) -> tuple[str, str]:
    """Join a title broken over lines; a second line that starts a new phrase is a subtitle."""
    title_lines = [lines[0]]  # joined once at the end: growing a string by + is quadratic
    bold_marks = lines[0].count("**")
    subtitle_lines: list[str] = []
    for line in lines[1:]:
        continues = (
            line[:1].islower() or bold_marks % 2 == 1 or title_lines[-1].endswith(("-", ":"))
        )
        if continues and not subtitle_lines:
            title_lines.append(line)
            bold_marks += line.count("**")
        else:
            subtitle_lines.append(line)
    return _without_bold(" ".join(title_lines)), _without_bold(" ".join(subtitle_lines))


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


def _linkage_authors(trailer: list[Line]) -> list[str]:
    """``Linkage:[Economic Daily] WEN Yuyuan: ...``: the person whose views the text is."""
    return [link.person for line in trailer if (link := fields.linkage(line.text)) and link.person]


def _resolve_speakers(
    label: str, people: list[Person], registry: Registry, overrides: dict[str, str]
) -> tuple[list[Speaker], list[Expert], dict[str, str]]:
    speakers: list[Speaker] = []
    proposals: list[Expert] = []
    ids: dict[str, str] = {}
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
        ids[person.name] = expert_id
        if all(s.id != expert_id for s in speakers):
            speakers.append(Speaker(expert_id, person.role))
    return speakers, proposals, ids


def propose_expert(person: Person) -> Expert:
    """A registry entry for someone the registry does not know yet, from the text alone."""
    name = split_name(person.name)
    aliases = tuple(dict.fromkeys([*person.spellings, name.display]))
    return Expert(
        id=slugify(name.display), name=name.display, family_name=name.family, aliases=aliases
    )


def _themes(texts: list[str], registry: Registry) -> list[str]:
    """Themes whose cue words occur at least twice, most cued first."""
    text = " ".join(texts).casefold()
    hits: Counter[str] = Counter()
    for theme in registry.themes.values():
        for cue in theme.cues:
            hits[theme.id] += _count_word(text, cue.casefold())
    ranked = sorted((t for t, n in hits.items() if n >= MIN_CUE_HITS), key=lambda t: (-hits[t], t))
    return ranked[:MAX_THEMES]


_WORD_CHAR = re.compile(r"\w")


def _count_word(text: str, word: str) -> int:
    """How often ``word`` occurs as a whole word: ``(?<!\\w)word(?!\\w)``, but searched
    for by its letters first (a leading look-behind makes the regex try every position,
    which over a long text and a hundred cues took seconds)."""
    if word not in text:
        return 0
    pattern = re.compile(re.escape(word) + r"(?!\w)")
    count = position = 0
    while match := pattern.search(text, position):
        start = match.start()
        if start and _WORD_CHAR.match(text, start - 1):
            position = start + 1  # inside a longer word; look again one character on
        else:
            count += 1
            position = max(match.end(), start + 1)
    return count


# --- writing -----------------------------------------------------------------------------


def _slug_for(title: str, limit: int = 60) -> str:
    slug = slugify(title)
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]


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
) -> frontmatter.FrontMatter:
    return frontmatter.FrontMatter(
        title=header.title,
        subtitle=header.subtitle,
        date=date,
        date_source=date_source,
        series=header.series,
        number=header.number,
        volume=header.volume,
        event=event,
        publisher=header.publisher,
        compilers=tuple(compilers),
        source_file=source_file,
        summary=summary,
        speakers=tuple(speakers),
        regions=tuple(regions),
        themes=tuple(themes),
    )


def _markdown(
    label: str,
    path: Path,
    front: frontmatter.FrontMatter,
    body: str,
    publisher: str,
    warnings: list[str],
) -> tuple[str, str]:
    """The file name (slug) and the Markdown file: front-matter through the one serializer,
    after the editor's publisher, without control characters and within the limits."""
    if publisher:
        front = dataclasses.replace(front, publisher=publisher)
    front, body = _without_controls(front, body, warnings)
    front = _within_limits(label, front, warnings)
    if is_blank(front.title):
        raise SourceError(
            label,
            "no title found",
            "the title line shows nothing (only zero-width or control characters); a raw "
            "bulletin starts with its title",
        )
    if is_blank(front.publisher):
        raise SourceError(
            label,
            "no publisher found in the text",
            'pass it with --publisher "NAME" (who published the bulletin)',
        )
    slug = _slug_for(front.title) or _slug_for(path.stem) or "bulletin"
    return slug, f"---\n{frontmatter.dump(front)}---\n\n{body}\n"


MAX_FIELD_CHARS = 5_000  # the longest field of the real bulletins (a summary) has 1,000
MAX_FRONT_MATTER_CHARS = 100_000  # about a hundred speakers with long roles


def _within_limits(
    label: str, front: frontmatter.FrontMatter, warnings: list[str]
) -> frontmatter.FrontMatter:
    """Fields cut to ``MAX_FIELD_CHARS`` (at a space, with a warning); front-matter longer
    than ``MAX_FRONT_MATTER_CHARS`` in all is refused. A field that long is text the layout
    took for a title or a role, and the emitter writes some 2 us a character."""
    cut: list[str] = []

    def within(name: str, text: str) -> str:
        if len(text) <= MAX_FIELD_CHARS:
            return text
        cut.append(name)
        head = text[:MAX_FIELD_CHARS]
        return (head.rsplit(" ", 1)[0] if " " in head else head) + " …"

    names = ("title", "subtitle", "series", "event", "publisher", "summary")
    front = dataclasses.replace(
        front,
        **{name: within(name, getattr(front, name)) for name in names},
        compilers=tuple(within("compilers", name) for name in front.compilers),
        speakers=tuple(Speaker(s.id, within(f"role of {s.id}", s.role)) for s in front.speakers),
    )
    if cut:
        warnings.append(
            f"cut to {MAX_FIELD_CHARS:,} characters (review them): {', '.join(dict.fromkeys(cut))}"
        )
    texts = [*(getattr(front, name) for name in names), *front.compilers]
    size = sum(map(len, texts)) + sum(len(s.id) + len(s.role) for s in front.speakers)
    if size > MAX_FRONT_MATTER_CHARS:
        raise SourceError(
            label,
            f"the front-matter would be {size:,} characters long (at most "
            f"{MAX_FRONT_MATTER_CHARS:,}): {len(front.speakers)} speaker(s) found",
            "is this one bulletin? split a longer text into several",
        )
    return front


def _without_controls(
    front: frontmatter.FrontMatter, body: str, warnings: list[str]
) -> tuple[frontmatter.FrontMatter, str]:
    """Control characters (C0, DEL, C1) removed from every field and the body, with a warning:
    they show as nothing, and YAML refuses most of them."""
    removed = 0

    def clean(text: str) -> str:
        nonlocal removed
        text, count = strip_controls(text)
        removed += count
        return text

    cleaned = dataclasses.replace(
        front,
        **{
            name: clean(getattr(front, name))
            for name in ("title", "subtitle", "series", "event", "publisher", "summary")
        },
        compilers=tuple(clean(name) for name in front.compilers),
        speakers=tuple(Speaker(s.id, clean(s.role)) for s in front.speakers),
    )
    body = "\n".join(clean(line) for line in body.split("\n"))
    if removed:
        warnings.append(f"removed {removed} control character(s) that the text holds")
    return cleaned, body
