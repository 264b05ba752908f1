"""What each page shows, computed once from all bulletins and the registries.

Templates only lay these records out; every cross-reference (roles per bulletin, statements,
co-speakers, related bulletins, mention counts) is computed here, in one pass over the
bulletins, so the work stays linear in their number.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..content.model import Bulletin, Expert, Region, Theme
from ..content.registry import Registry
from ..text import cue_pattern, name_key
from .analysis import Analysis
from .body import Heading
from .maps import OverviewMap, RegionMap, overview_map, region_city_names, region_map
from .statements import Statement

RELATED_LIMIT = 5
LATEST = 6  # bulletins on the home page
# An expert's page quotes their newest statements, and lists every bulletin they spoke in:
# a prolific expert's every sentence would make a page of megabytes.
STATEMENTS_SHOWN = 40
# Candidates for related bulletins come from each shared entity's bulletins nearest in date;
# capping them keeps the work per bulletin constant however popular an expert becomes.
RELATED_CANDIDATES_PER_ENTITY = 100
KIND_ORDER = (
    "urban agglomeration",
    "bay area",
    "economic belt",
    "river basin",
    "corridor",
    "metropolitan area",
    "international agglomeration",
)
PLAN_ORDER = ("optimise and upgrade", "develop and strengthen", "foster")
PLAN_COUNTS = {"optimise and upgrade": "five", "develop and strengthen": "five", "foster": "nine"}
# An expert page shows this many statements of one bulletin, then links to the rest.
STATEMENTS_PER_BULLETIN = 4


# --- URLs: the one place that knows the scheme of DESIGN.md ------------------------------


def bulletin_url(slug: str) -> str:
    return f"bulletins/{slug}/"


def entity_url(kind: str, entity_id: str) -> str:
    return f"{kind}/{entity_id}/"


def feed_url(kind: str, entity_id: str) -> str:
    return f"feeds/{kind}/{entity_id}.atom.xml"


def save_as(url: str) -> str:
    return f"{url}index.html" if url.endswith("/") or not url else url


# --- records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BulletinRef:
    slug: str
    url: str
    title: str
    date: dt.date
    summary: str
    series: str
    number: int | None


@dataclass(frozen=True)
class EntityRef:
    kind: str  # experts | regions | themes
    id: str
    name: str
    url: str


# The records made by the tens of thousands (one per role held or count shown) are named
# tuples: a frozen dataclass costs several times as much to create.


class Counted(NamedTuple):
    """An entity or bulletin with how often it occurs in the context of a page."""

    item: EntityRef | BulletinRef
    count: int


@dataclass(frozen=True)
class SpeakerView:
    expert: EntityRef
    role: str
    name_zh: str = ""


class Related(NamedTuple):
    """A related bulletin and why: ``3 shared experts, Yangtze River Delta``."""

    ref: BulletinRef
    reason: str


@dataclass(frozen=True)
class BulletinView:
    ref: BulletinRef
    bulletin: Bulletin
    html: str
    speakers: tuple[SpeakerView, ...]
    regions: tuple[EntityRef, ...]
    themes: tuple[EntityRef, ...]
    related: tuple[Related, ...]
    previous: BulletinRef | None
    next: BulletinRef | None
    headings: tuple[Heading, ...] = ()  # the body's sections, for "On this page"


class RoleHeld(NamedTuple):
    role: str
    bulletin: BulletinRef


@dataclass(frozen=True)
class StatementGroup:
    """An expert's statements in one bulletin, with the role that bulletin states once."""

    bulletin: BulletinRef
    role: str
    statements: tuple[Statement, ...]  # the first STATEMENTS_PER_BULLETIN
    total: int  # how many the bulletin holds


@dataclass(frozen=True)
class ExpertView:
    ref: EntityRef
    expert: Expert
    roles: tuple[RoleHeld, ...]
    bulletins: tuple[BulletinRef, ...]
    statements: tuple[tuple[BulletinRef, Statement], ...]  # the newest STATEMENTS_SHOWN
    statements_total: int
    regions: tuple[Counted, ...]
    themes: tuple[Counted, ...]
    co_speakers: tuple[Counted, ...]
    feed: str
    latest_role: RoleHeld | None = None  # who they are, as the newest bulletin says
    other_names: tuple[str, ...] = ()  # spellings that differ from the name beyond case
    statement_groups: tuple[StatementGroup, ...] = ()  # of ``statements``, by bulletin


class Quoted(NamedTuple):
    """A statement with the bulletin it is in."""

    bulletin: BulletinRef
    statement: Statement


@dataclass(frozen=True)
class SpeakerStatements:
    """What one expert said about a region or theme, newest first, with the role stated in
    the newest of those bulletins."""

    expert: EntityRef
    role: str
    items: tuple[Quoted, ...]


@dataclass(frozen=True)
class RegionView:
    ref: EntityRef
    region: Region
    parents: tuple[EntityRef, ...]
    children: tuple[EntityRef, ...]
    bulletins: tuple[Counted, ...]  # with how often each names the region
    experts: tuple[Counted, ...]  # by bulletins in which they said something naming it
    alongside: tuple[Counted, ...]
    feed: str
    lead: str = ""  # what it is, in a sentence
    called: str = ""  # its name as a sentence uses it: "the Yangtze River Delta"
    other_names: tuple[str, ...] = ()
    said: tuple[SpeakerStatements, ...] = ()  # statements naming it, by speaker
    map: RegionMap | None = None


@dataclass(frozen=True)
class ThemeView:
    ref: EntityRef
    theme: Theme
    bulletins: tuple[BulletinRef, ...]
    experts: tuple[Counted, ...]
    regions: tuple[Counted, ...]
    feed: str
    said: tuple[SpeakerStatements, ...] = ()  # statements using its cue words, by speaker


@dataclass(frozen=True)
class Group:
    """A heading and the items under it, for index pages."""

    title: str
    items: tuple


@dataclass
class SiteModel:
    bulletins: dict[str, BulletinView] = field(default_factory=dict)  # by slug, newest first
    experts: dict[str, ExpertView] = field(default_factory=dict)
    regions: dict[str, RegionView] = field(default_factory=dict)
    themes: dict[str, ThemeView] = field(default_factory=dict)
    # what the index pages list: names with counts, so that a page changes only with them
    latest: tuple[BulletinRef, ...] = ()
    bulletins_by_year: tuple[Group, ...] = ()  # of BulletinRef
    experts_by_letter: tuple[Group, ...] = ()  # of Counted(expert, bulletins)
    regions_by_kind: tuple[Group, ...] = ()  # of Counted(region, bulletins)
    agglomerations_by_plan: tuple[Group, ...] = ()  # of Counted(region, bulletins)
    themes_by_name: tuple[ThemeView, ...] = ()
    top_experts: tuple[Counted, ...] = ()
    regions_map: OverviewMap | None = None  # China's agglomerations, each a link


# --- building ----------------------------------------------------------------------------


def _ref(kind: str, entity: Expert | Region | Theme) -> EntityRef:
    return EntityRef(kind, entity.id, entity.name, entity_url(kind, entity.id))


def _bulletin_ref(bulletin: Bulletin) -> BulletinRef:
    return BulletinRef(
        bulletin.slug,
        bulletin_url(bulletin.slug),
        bulletin.title,
        bulletin.date,
        bulletin.summary,
        bulletin.series,
        bulletin.number,
    )


def _counted(counter: Counter[str], refs: dict[str, EntityRef]) -> tuple[Counted, ...]:
    ranked = sorted(counter.items(), key=lambda item: (-item[1], refs[item[0]].name))
    return tuple(Counted(refs[key], count) for key, count in ranked)


def _newest_first(bulletin: Bulletin) -> tuple:
    return (-bulletin.date.toordinal(), bulletin.slug)


def touched_by(bulletin: Bulletin) -> set[tuple[str, str]]:
    """The (kind, id) of every expert, region and theme page that shows something of this
    bulletin: its speakers (statements come only from speakers), regions and themes."""
    return (
        {("experts", s.id) for s in bulletin.speakers}
        | {("regions", r) for r in bulletin.regions}
        | {("themes", t) for t in bulletin.themes}
    )


def build_model(
    items: list[tuple[Bulletin, Analysis]],
    registry: Registry,
    previous: SiteModel | None = None,
    touched: Collection[tuple[str, str]] = (),
) -> SiteModel:
    """The whole site's cross-references, from the bulletins and their rendered bodies.

    With a ``previous`` model of the same registry, the view of each expert, region and
    theme not ``touched`` (see ``touched_by``) by the bulletins that changed since is taken
    from it as it is: the same inputs would make the same view.
    """

    def kept(kind: str, entity_id: str) -> Any:
        if previous is None or (kind, entity_id) in touched:
            return None
        return getattr(previous, kind).get(entity_id)

    items = sorted(items, key=lambda item: _newest_first(item[0]))
    refs = {
        kind: {e.id: _ref(kind, e) for e in registry.kind(kind).values()}
        for kind in ("experts", "regions", "themes")
    }
    bulletin_refs = {b.slug: _bulletin_ref(b) for b, _ in items}

    by_expert: dict[str, list[Bulletin]] = defaultdict(list)
    by_region: dict[str, list[Bulletin]] = defaultdict(list)
    by_theme: dict[str, list[Bulletin]] = defaultdict(list)
    said: dict[str, list[tuple[BulletinRef, Statement]]] = defaultdict(list)  # by expert
    statements_of: dict[str, tuple[Statement, ...]] = {}  # by bulletin
    stated_roles: dict[tuple[str, str], str] = {}  # (expert, bulletin) -> role
    mentions: dict[str, dict[str, int]] = {}
    for bulletin, analysis in items:
        statements_of[bulletin.slug] = analysis.statements
        for speaker in bulletin.speakers:
            stated_roles[(speaker.id, bulletin.slug)] = speaker.role
        for speaker in bulletin.speakers:
            by_expert[speaker.id].append(bulletin)
        for region in bulletin.regions:
            by_region[region].append(bulletin)
        for theme in bulletin.themes:
            by_theme[theme].append(bulletin)
        ref = bulletin_refs[bulletin.slug]
        for statement in analysis.statements:
            said[statement.expert_id].append((ref, statement))
        mentions[bulletin.slug] = analysis.region_counts

    model = SiteModel()
    related = _related(_related_inputs(items))
    ordered = [bulletin for bulletin, _ in items]
    by_slug = {bulletin.slug: bulletin for bulletin in ordered}
    for position, (bulletin, analysis) in enumerate(items):
        model.bulletins[bulletin.slug] = BulletinView(
            ref=bulletin_refs[bulletin.slug],
            bulletin=bulletin,
            html=analysis.html,
            speakers=tuple(
                SpeakerView(refs["experts"][s.id], s.role, registry.experts[s.id].name_zh)
                for s in bulletin.speakers
            ),
            regions=tuple(refs["regions"][r] for r in bulletin.regions),
            themes=tuple(refs["themes"][t] for t in bulletin.themes),
            related=tuple(
                Related(
                    bulletin_refs[slug],
                    related_reason(bulletin, by_slug[slug], refs),
                )
                for slug in related[bulletin.slug]
            ),
            headings=analysis.headings,
            # newest first: the previous bulletin is the next older one
            previous=bulletin_refs[ordered[position + 1].slug]
            if position + 1 < len(items)
            else None,
            next=bulletin_refs[ordered[position - 1].slug] if position > 0 else None,
        )

    for expert in registry.experts.values():
        if view := kept("experts", expert.id):
            model.experts[expert.id] = view
            continue
        own = by_expert.get(expert.id, [])
        regions: Counter[str] = Counter(r for b in own for r in b.regions)
        themes: Counter[str] = Counter(t for b in own for t in b.themes)
        peers: Counter[str] = Counter(s.id for b in own for s in b.speakers if s.id != expert.id)
        roles = tuple(
            RoleHeld(s.role, bulletin_refs[b.slug])
            for b in own
            for s in b.speakers
            if s.id == expert.id and s.role
        )
        shown = tuple(said.get(expert.id, ())[:STATEMENTS_SHOWN])
        model.experts[expert.id] = ExpertView(
            ref=refs["experts"][expert.id],
            expert=expert,
            roles=roles,
            bulletins=tuple(bulletin_refs[b.slug] for b in own),
            statements=shown,
            statements_total=len(said.get(expert.id, ())),
            regions=_counted(regions, refs["regions"]),
            themes=_counted(themes, refs["themes"]),
            co_speakers=_counted(peers, refs["experts"]),
            feed=feed_url("experts", expert.id) if own else "",
            latest_role=roles[0] if roles else None,
            other_names=other_names(expert.name, expert.aliases),
            statement_groups=_statement_groups(shown, roles),
        )

    for region in registry.regions.values():
        if view := kept("regions", region.id):
            model.regions[region.id] = view
            continue
        own = by_region.get(region.id, [])
        # what each speaker said naming the region, in the bulletins that are about it
        about = [
            Quoted(bulletin_refs[b.slug], statement)
            for b in own
            for statement in statements_of[b.slug]
            if region.id in statement.regions
        ]
        experts: Counter[str] = Counter(
            expert for expert, _ in {(i.statement.expert_id, i.bulletin.slug) for i in about}
        )
        alongside: Counter[str] = Counter(r for b in own for r in b.regions if r != region.id)
        parents = tuple(refs["regions"][p] for p in region.part_of if p in refs["regions"])
        children = tuple(refs["regions"][c] for c in registry.region_children.get(region.id, ()))
        model.regions[region.id] = RegionView(
            ref=refs["regions"][region.id],
            region=region,
            parents=parents,
            children=children,
            bulletins=tuple(
                Counted(bulletin_refs[b.slug], mentions[b.slug].get(region.id, 0)) for b in own
            ),
            experts=_counted(experts, refs["experts"]),
            alongside=_counted(alongside, refs["regions"]),
            feed=feed_url("regions", region.id) if own else "",
            lead=region_lead(region, parents),
            called=in_a_sentence(region.name),
            other_names=other_names(region.name, region.aliases),
            said=_by_speaker(about, refs["experts"], stated_roles),
            map=region_map(region, _child_cities(region.id, registry)),
        )

    for theme in registry.themes.values():
        if view := kept("themes", theme.id):
            model.themes[theme.id] = view
            continue
        own = by_theme.get(theme.id, [])
        cued = cue_pattern(theme.cues)
        on_it = [
            Quoted(bulletin_refs[b.slug], statement)
            for b in own
            for statement in statements_of[b.slug]
            if cued.search(statement.quote)
        ]
        model.themes[theme.id] = ThemeView(
            ref=refs["themes"][theme.id],
            theme=theme,
            bulletins=tuple(bulletin_refs[b.slug] for b in own),
            experts=_counted(Counter(s.id for b in own for s in b.speakers), refs["experts"]),
            regions=_counted(Counter(r for b in own for r in b.regions), refs["regions"]),
            feed=feed_url("themes", theme.id) if own else "",
            said=_by_speaker(on_it, refs["experts"], stated_roles),
        )

    _index_groups(model, registry, [bulletin_refs[b.slug] for b in ordered], refs)
    return model


# --- what the pages say in words ---------------------------------------------------------


def other_names(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The spellings worth showing beside the name: not the name again in other capitals or
    spacing (``WU Zhiqiang`` beside ``Wu Zhiqiang``, ``Anthony G. O. Yeh``), each once."""
    seen = {name_key(name)}
    shown = []
    for alias in aliases:
        if name_key(alias) not in seen:
            seen.add(name_key(alias))
            shown.append(alias)
    return tuple(shown)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


# Region names that end in a common noun take "the" in a sentence ("the Yangtze River
# Delta"); names of places ("Beijing-Tianjin-Hebei", "Kansai") do not.
_COMMON_NOUNS = frozenset(
    "area banana basin belt coast corridor delta gulf lakes megalopolis mountains peninsula"
    " plain plains river valley".split()
)


def in_a_sentence(name: str) -> str:
    """A region's name as a sentence uses it: ``the Yangtze River Delta``, ``Kansai``."""
    last = name.split(" (")[0].split()[-1].casefold()
    return f"the {name}" if last in _COMMON_NOUNS and not name.startswith("the ") else name


def region_lead(region: Region, parents: tuple[EntityRef, ...]) -> str:
    """What the region is, in a sentence: kind, where, members, core cities and what the
    14th Five-Year Plan says of it."""
    article = "an" if region.kind[:1] in "aeiou" else "a"
    country = f"the {region.country}" if region.country.startswith("United") else region.country
    where = f" in {country}" if country else ""
    subject = in_a_sentence(region.name)
    parts = [f"{subject[:1].upper()}{subject[1:]} is {article} {region.kind}{where}"]
    if region.provinces:
        parts.append(f"spanning {_and(list(region.provinces))}")
    if region.core_cities:
        noun = "core city" if len(region.core_cities) == 1 else "core cities"
        parts.append(f"with {_and(list(region.core_cities))} as its {noun}")
    if parents:
        parts.append(f"part of {_and([in_a_sentence(p.name) for p in parents])}")
    sentence = ", ".join(parts) + "."
    if region.plan in PLAN_COUNTS:
        sentence += (
            f" China's 14th Five-Year Plan (2021–2025) names it among the"
            f" {PLAN_COUNTS[region.plan]} urban agglomerations to {region.plan}."
        )
    return sentence


def related_reason(
    bulletin: Bulletin, other: Bulletin, refs: dict[str, dict[str, EntityRef]]
) -> str:
    """Why two bulletins are related, in a few words: ``3 shared experts, Yangtze River
    Delta``. One shared expert or theme is named, more are counted; up to two regions are
    named."""
    theirs = {s.id for s in other.speakers}
    experts = [refs["experts"][s.id].name for s in bulletin.speakers if s.id in theirs]
    regions = [refs["regions"][r].name for r in bulletin.regions if r in other.regions]
    themes = [refs["themes"][t].name for t in bulletin.themes if t in other.themes]
    parts = []
    if len(experts) == 1:
        parts.append(experts[0])
    elif experts:
        parts.append(f"{len(experts)} shared experts")
    if len(regions) <= 2:
        parts += regions
    else:
        parts += [*regions[:2], f"{len(regions) - 2} more regions"]
    if len(themes) == 1:
        parts.append(f"theme: {themes[0].lower()}")
    elif themes:
        parts.append(f"{len(themes)} shared themes")
    return ", ".join(parts)


def _statement_groups(
    shown: tuple[tuple[BulletinRef, Statement], ...], roles: tuple[RoleHeld, ...]
) -> tuple[StatementGroup, ...]:
    role_in = {held.bulletin.slug: held.role for held in roles}
    grouped: dict[str, list[Statement]] = defaultdict(list)
    bulletins: dict[str, BulletinRef] = {}
    for bulletin, statement in shown:
        grouped[bulletin.slug].append(statement)
        bulletins[bulletin.slug] = bulletin
    return tuple(
        StatementGroup(
            bulletins[slug],
            role_in.get(slug, ""),
            tuple(found[:STATEMENTS_PER_BULLETIN]),
            len(found),
        )
        for slug, found in grouped.items()
    )


def _by_speaker(
    about: list[Quoted],
    experts: dict[str, EntityRef],
    stated_roles: dict[tuple[str, str], str],
) -> tuple[SpeakerStatements, ...]:
    """Statements grouped by speaker: the most prolific first, each newest first (``about``
    comes newest first)."""
    grouped: dict[str, list[Quoted]] = defaultdict(list)
    for item in about:
        grouped[item.statement.expert_id].append(item)
    order = sorted(grouped, key=lambda e: (-len(grouped[e]), experts[e].name))
    return tuple(
        SpeakerStatements(
            experts[e], stated_roles.get((e, grouped[e][0].bulletin.slug), ""), tuple(grouped[e])
        )
        for e in order
    )


def _child_cities(region_id: str, registry: Registry) -> tuple[str, ...]:
    """The cities of the regions a region includes, which are its cities too."""
    return tuple(
        name
        for child in registry.region_children.get(region_id, ())
        for name in region_city_names(registry.regions[child])
    )


def _regions_map(registry: Registry, refs: dict[str, EntityRef]) -> OverviewMap:
    """China's urban agglomerations and bay area on one map, by plan, then by name."""
    plan_order = {plan: n for n, plan in enumerate(PLAN_ORDER)}
    shown = sorted(
        (
            r
            for r in registry.regions.values()
            if r.country == "China" and r.kind in ("urban agglomeration", "bay area")
        ),
        key=lambda r: (plan_order.get(r.plan, 9), r.name.casefold()),
    )
    return overview_map(
        [(r.id, r.name, refs[r.id].url, r, _child_cities(r.id, registry)) for r in shown]
    )


def _index_groups(
    model: SiteModel,
    registry: Registry,
    newest_first: list[BulletinRef],
    refs: dict[str, dict[str, EntityRef]],
) -> None:
    model.latest = tuple(newest_first[:LATEST])
    years: dict[int, list[BulletinRef]] = defaultdict(list)
    for ref in newest_first:
        years[ref.date.year].append(ref)
    model.bulletins_by_year = tuple(
        Group(str(y), tuple(years[y])) for y in sorted(years, reverse=True)
    )

    letters: dict[str, list[Counted]] = defaultdict(list)
    for view in sorted(
        model.experts.values(),
        key=lambda v: (v.expert.family_name.casefold(), v.expert.name.casefold()),
    ):
        letters[view.expert.family_name[:1].upper()].append(Counted(view.ref, len(view.bulletins)))
    model.experts_by_letter = tuple(
        Group(letter, tuple(letters[letter])) for letter in sorted(letters)
    )

    kinds: dict[str, list[RegionView]] = defaultdict(list)
    for view in sorted(model.regions.values(), key=lambda v: v.ref.name.casefold()):
        kinds[view.region.kind].append(view)
    order = {kind: n for n, kind in enumerate(KIND_ORDER)}
    model.regions_by_kind = tuple(
        Group(kind, tuple(Counted(v.ref, len(v.bulletins)) for v in kinds[kind]))
        for kind in sorted(kinds, key=lambda k: (order.get(k, 99), k))
    )
    plans: dict[str, list[RegionView]] = defaultdict(list)
    for view in kinds.get("urban agglomeration", []):
        plans[view.region.plan or "other"].append(view)
    plan_order = {plan: n for n, plan in enumerate(PLAN_ORDER)}
    model.agglomerations_by_plan = tuple(
        Group(plan, tuple(Counted(v.ref, len(v.bulletins)) for v in plans[plan]))
        for plan in sorted(plans, key=lambda p: (plan_order.get(p, 9), p))
    )
    model.themes_by_name = tuple(sorted(model.themes.values(), key=lambda v: v.ref.name))
    model.regions_map = _regions_map(registry, refs["regions"])
    cited = Counter(
        {
            expert_id: len(view.bulletins)
            for expert_id, view in model.experts.items()
            if view.bulletins
        }
    )
    model.top_experts = _counted(cited, refs["experts"])[:8]


def _related_inputs(items: list[tuple[Bulletin, Analysis]]) -> tuple:
    """What related bulletins depend on: each bulletin's slug, date and entities, newest
    first. Text edits leave it unchanged, so a live update reuses the last result."""
    return tuple(
        (
            bulletin.slug,
            bulletin.date.toordinal(),
            tuple(
                [f"e:{s.id}" for s in bulletin.speakers]
                + [f"r:{r}" for r in bulletin.regions]
                + [f"t:{t}" for t in bulletin.themes]
            ),
        )
        for bulletin, _ in items
    )


@functools.lru_cache(maxsize=1)
def _related(inputs: tuple) -> dict[str, list[str]]:
    """For each bulletin, the others that share the most (and the rarest) experts, regions
    and themes; a shared expert weighs more than a shared region or theme. Ties go to the
    newer bulletin, then to the first slug.

    ``inputs`` (see ``_related_inputs``) come newest first, so a bulletin's position is its
    tie-break. Scores are whole numbers (weights in millionths), so their sums do not depend
    on the order of addition, and each score carries its bulletin's position in its lowest
    digits: the best five are then the five largest numbers, found without sorting them all.
    """
    total = len(inputs)
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)  # entity -> (date, index)
    for index, (_, date, keys) in enumerate(inputs):
        for key in keys:
            postings[key].append((date, index))
    for posting in postings.values():
        posting.sort()
    scale = total + 1  # a position fits below one unit of score
    weight = {
        key: round(
            (3.0 if key.startswith("e:") else 1.0) * math.log(1 + total / len(posting)) * 1e6
        )
        * scale
        for key, posting in postings.items()
    }
    half = RELATED_CANDIDATES_PER_ENTITY // 2
    related: dict[str, list[str]] = {}
    for index, (slug, date, keys) in enumerate(inputs):
        scores: dict[int, int] = {}
        for key in keys:
            posting = postings[key]
            if len(posting) > RELATED_CANDIDATES_PER_ENTITY:
                middle = bisect.bisect_left(posting, (date, index))
                posting = posting[max(0, middle - half) : middle + half]
            add = weight[key]
            for _, other in posting:
                scores[other] = scores.get(other, -other) + add
        scores.pop(index, None)
        best = heapq.nlargest(RELATED_LIMIT, scores.values())
        related[slug] = [inputs[-score % scale][0] for score in best]
    return related
