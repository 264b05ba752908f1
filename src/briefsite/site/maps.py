"""Static maps: where a region lies, as inline SVG computed at build time.

No tiles, no script, no request to another host: each map is a country outline (Natural
Earth, projected once by ``tools/make_geodata.py`` into ``geodata.json``) with the cities the
registry names for a region (GeoNames coordinates, from the same file) marked, and the
region drawn as the rounded hull of those cities. The hull shows where a region lies and
how far it reaches; it is not a boundary, and the maps say so.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

from ..content.model import Region

WIDTH = 600  # map units across every frame; SVG scales them to the page
# Members that are cities themselves: province-level municipalities and the two SARs.
PROVINCE_LEVEL_CITIES = frozenset(
    {"Beijing", "Tianjin", "Shanghai", "Chongqing", "Hong Kong", "Macao"}
)
HULL_RADIUS = 12.0  # map units around each city
LABEL_SIZE = 13.0  # font size in map units
MARKER_RADIUS = 4.0


@dataclass(frozen=True)
class Frame:
    """A country's map: its bounding box (west, south, east, north in degrees) and the
    registry's names of the countries it shows."""

    name: str
    title: str
    bbox: tuple[float, float, float, float]
    countries: tuple[str, ...]

    @property
    def scale(self) -> float:
        west, south, east, north = self.bbox
        return WIDTH / ((east - west) * math.cos(math.radians((south + north) / 2)))

    @property
    def height(self) -> int:
        _, south, _, north = self.bbox
        return round((north - south) * self.scale)

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        """Equirectangular, true to scale at the frame's middle latitude: at a country's
        size the distortion is small, and the projection is easy to check by hand."""
        west, _, _, north = self.bbox
        k = self.scale
        return (lon - west) * k * math.cos(math.radians(self._middle)), (north - lat) * k

    @property
    def _middle(self) -> float:
        return (self.bbox[1] + self.bbox[3]) / 2


FRAMES = {
    "china": Frame("china", "China", (73.0, 17.5, 135.5, 54.0), ("China",)),
    "japan": Frame("japan", "Japan", (128.5, 30.5, 146.0, 45.8), ("Japan",)),
    "usa": Frame("usa", "the United States", (-125.0, 24.0, -66.5, 49.8), ("United States",)),
    "uk": Frame("uk", "the United Kingdom", (-8.7, 49.8, 2.0, 59.0), ("United Kingdom",)),
}


def frame_for(region: Region) -> Frame | None:
    return next((f for f in FRAMES.values() if region.country in f.countries), None)


def region_city_names(region: Region) -> tuple[str, ...]:
    """The cities the registry names for a region: its core cities, then the members that
    are cities themselves (``Shanghai`` among ``Shanghai, Jiangsu, ...``)."""
    members = [p for p in region.provinces if p in PROVINCE_LEVEL_CITIES]
    return tuple(dict.fromkeys([*region.core_cities, *members]))


@dataclass(frozen=True)
class City:
    name: str
    lat: float
    lon: float
    geonameid: int


@dataclass(frozen=True)
class MapCity:
    name: str
    x: float
    y: float
    core: bool
    label_x: float | None = None  # None: no room for the label; the caption lists it
    label_y: float = 0.0
    anchor: str = "start"


@dataclass(frozen=True)
class Crop:
    """The part of a frame a region map shows, in frame units; ``zoom`` < 1 when closer."""

    x: float
    y: float
    width: float
    height: float

    @property
    def zoom(self) -> float:
        return round(self.width / WIDTH, 3)


@dataclass(frozen=True)
class RegionMap:
    frame: Frame
    land: str  # SVG path data: neighbouring countries
    country: str  # the country itself
    outline: str  # the region: the rounded hull of its cities
    cities: tuple[MapCity, ...]
    crop: Crop  # what the map shows: the region and its surroundings

    @property
    def view_box(self) -> str:
        c = self.crop
        return f"{c.x:g} {c.y:g} {c.width:g} {c.height:g}"

    @property
    def zoomed(self) -> bool:
        return self.crop.zoom < 1

    # sizes in frame units that look the same whatever the zoom
    @property
    def marker(self) -> float:
        return round(MARKER_RADIUS * self.crop.zoom, 2)

    @property
    def label_size(self) -> float:
        return round(LABEL_SIZE * self.crop.zoom, 2)

    @property
    def halo(self) -> float:
        return round(3 * self.crop.zoom, 2)

    @property
    def inset(self) -> tuple[float, float, float]:
        """Where the whole country goes as a locator (x, y, scale), top left."""
        c = self.crop
        return round(c.x + 6 * c.zoom, 2), round(c.y + 6 * c.zoom, 2), round(0.26 * c.zoom, 4)

    @property
    def core(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.cities if c.core)

    @property
    def members(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.cities if not c.core)


@dataclass(frozen=True)
class OverviewArea:
    number: int
    region_id: str
    name: str
    url: str
    outline: str
    x: float  # where its number goes
    y: float


@dataclass(frozen=True)
class OverviewMap:
    frame: Frame
    land: str
    country: str
    areas: tuple[OverviewArea, ...]
    undrawn: tuple[str, ...] = ()  # regions given with no known city

    @property
    def view_box(self) -> str:
        return f"0 0 {WIDTH} {self.frame.height}"


@functools.cache
def geodata() -> dict:
    """The derived file, read once per process."""
    text = resources.files("briefsite.site").joinpath("geodata.json").read_text("utf-8")
    return json.loads(text)


def known_cities() -> dict[str, City]:
    return {
        name: City(name, c["lat"], c["lon"], c["geonameid"])
        for name, c in geodata()["cities"].items()
    }


# --- geometry --------------------------------------------------------------------------


def _cross(o, a, b) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Convex hull, Andrew's monotone chain."""
    points = sorted(set(points))
    if len(points) <= 2:
        return points
    lower: list[tuple[float, float]] = []
    for p in points:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(points):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def rounded_hull(points: list[tuple[float, float]], radius: float = HULL_RADIUS) -> str:
    """SVG path data of the hull of circles around the points."""
    around = [
        (round(x + radius * math.cos(a), 1), round(y + radius * math.sin(a), 1))
        for x, y in points
        for a in (math.tau * n / 16 for n in range(16))
    ]
    hull = _hull(around)
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in hull) + "Z"


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_labels(cities: list[MapCity], crop: Crop, reserved=()) -> list[MapCity]:
    """Give each city a label where it overlaps no other label or marker (nor the
    ``reserved`` boxes), trying right, left, above and below; core cities first. A city
    without room keeps no label."""
    zoom = crop.zoom
    size, radius = LABEL_SIZE * zoom, MARKER_RADIUS * zoom
    boxes = [(c.x - radius, c.y - radius, c.x + radius, c.y + radius) for c in cities]
    boxes += list(reserved)
    placed: list[MapCity] = []
    for city in sorted(cities, key=lambda c: (not c.core, c.name)):
        width = 0.58 * size * len(city.name)
        gap = radius + 3 * zoom
        candidates = [
            (city.x + gap, city.y + size / 3, "start", city.x + gap),
            (city.x - gap, city.y + size / 3, "end", city.x - gap - width),
            (city.x, city.y - gap - 2 * zoom, "middle", city.x - width / 2),
            (city.x, city.y + gap + size, "middle", city.x - width / 2),
        ]
        chosen = city
        for x, y, anchor, left in candidates:
            box = (left, y - size * 0.8, left + width, y + size * 0.2)
            own = (city.x - radius, city.y - radius)
            inside = (
                box[0] >= crop.x
                and box[2] <= crop.x + crop.width
                and box[1] >= crop.y
                and box[3] <= crop.y + crop.height
            )
            if inside and not any(
                _overlaps(box, other) for other in boxes if (other[0], other[1]) != own
            ):
                boxes.append(box)
                chosen = MapCity(
                    city.name, city.x, city.y, city.core, round(x, 2), round(y, 2), anchor
                )
                break
        placed.append(chosen)
    order = {c.name: n for n, c in enumerate(cities)}
    return sorted(placed, key=lambda c: order[c.name])


# --- maps ------------------------------------------------------------------------------


def region_map(region: Region, member_cities: tuple[str, ...] = ()) -> RegionMap | None:
    """The map of a region's country with its cities marked and its reach outlined: core
    cities, then ``member_cities`` (those of the regions it includes). None when the
    registry names no city of it that the geodata knows, or its country has no frame."""
    frame = frame_for(region)
    if frame is None:
        return None
    known = known_cities()
    core = set(region.core_cities)
    names = [n for n in dict.fromkeys([*region_city_names(region), *member_cities]) if n in known]
    if not names:
        return None
    cities = []
    for name in names:
        x, y = frame.project(known[name].lat, known[name].lon)
        cities.append(MapCity(name, round(x, 1), round(y, 1), name in core))
    crop = _crop([(c.x, c.y) for c in cities], frame)
    shapes = geodata()["frames"][frame.name]
    inset = () if crop.zoom >= 1 else (_inset_box(crop, frame),)
    return RegionMap(
        frame,
        shapes["land"],
        shapes["country"],
        rounded_hull([(c.x, c.y) for c in cities], max(HULL_RADIUS * crop.zoom, 3.0)),
        tuple(_place_labels(cities, crop, inset)),
        crop,
    )


MIN_CROP = 180.0  # frame units: the closest a region map comes (a quarter of the country)


def _crop(points: list[tuple[float, float]], frame: Frame) -> Crop:
    """The region and its surroundings, in the frame's proportions, inside the frame; the
    whole frame when the region spans most of it."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    ratio = frame.height / WIDTH
    span = max(max(xs) - min(xs), (max(ys) - min(ys)) / ratio)
    width = max(MIN_CROP, span * 2.2 + 60)
    if width >= WIDTH * 0.8:
        return Crop(0, 0, WIDTH, frame.height)
    height = width * ratio
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    x = min(max(cx - width / 2, 0), WIDTH - width)
    y = min(max(cy - height / 2, 0), frame.height - height)
    return Crop(round(x, 1), round(y, 1), round(width, 1), round(height, 1))


def _inset_box(crop: Crop, frame: Frame) -> tuple[float, float, float, float]:
    """The box the locator inset covers, so that no label is placed under it."""
    x, y = crop.x + 6 * crop.zoom, crop.y + 6 * crop.zoom
    scale = 0.26 * crop.zoom
    return (x, y, x + WIDTH * scale, y + frame.height * scale)


def overview_map(regions: list[tuple[str, str, str, Region, tuple[str, ...]]]) -> OverviewMap:
    """China with each region given (id, name, url, region, member cities) drawn as its
    rounded hull, numbered in the order given."""
    frame = FRAMES["china"]
    known = known_cities()
    areas: list[OverviewArea] = []
    undrawn: list[str] = []
    for region_id, name, url, region, members in regions:
        names = [n for n in dict.fromkeys([*region_city_names(region), *members]) if n in known]
        if not names:
            undrawn.append(name)
            continue
        points = [frame.project(known[n].lat, known[n].lon) for n in names]
        points = [(round(x, 1), round(y, 1)) for x, y in points]
        cx = round(sum(x for x, _ in points) / len(points), 1)
        cy = round(sum(y for _, y in points) / len(points), 1)
        while any(math.dist((cx, cy), (a.x, a.y)) < LABEL_SIZE for a in areas):
            cy = round(cy + LABEL_SIZE, 1)  # numbers of overlapping areas, one below another
        areas.append(
            OverviewArea(len(areas) + 1, region_id, name, url, rounded_hull(points, 9.0), cx, cy)
        )
    shapes = geodata()["frames"][frame.name]
    return OverviewMap(frame, shapes["land"], shapes["country"], tuple(areas), tuple(undrawn))
