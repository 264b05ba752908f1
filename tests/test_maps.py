"""The maps: every city drawn is one the registry names, at its real position."""

import math

import pytest

from briefsite.site.maps import FRAMES, known_cities, region_city_names

from .sitepages import page, texts

# Known positions (degrees north, east), from atlases rather than from GeoNames
KNOWN_POSITIONS = {
    "Shanghai": (31.23, 121.47),
    "Beijing": (39.90, 116.40),
    "Chengdu": (30.66, 104.06),
    "Hong Kong": (22.30, 114.17),
    "Urumqi": (43.83, 87.62),
    "Yulin": (38.29, 109.74),  # Shaanxi's, not Guangxi's
    "Suzhou": (31.30, 120.62),  # Jiangsu's, not Anhui's
    "Tokyo": (35.68, 139.69),
}


def _unproject(frame, x: float, y: float) -> tuple[float, float]:
    west, _, _, north = frame.bbox
    k = frame.scale
    middle = math.radians((frame.bbox[1] + frame.bbox[3]) / 2)
    return north - y / k, west + x / (k * math.cos(middle))


@pytest.mark.parametrize("name", sorted(KNOWN_POSITIONS))
def test_geodata_puts_cities_where_they_are(name):
    city = known_cities()[name]
    lat, lon = KNOWN_POSITIONS[name]
    assert abs(city.lat - lat) < 0.15 and abs(city.lon - lon) < 0.15, city


def test_geodata_holds_every_city_the_registry_names_and_no_other(registry):
    named = {
        name
        for region in registry.regions.values()
        if any(region.country in f.countries for f in FRAMES.values())
        for name in region_city_names(region)
    }
    assert set(known_cities()) == named, "run tools/make_geodata.py after editing the registry"


def test_every_map_marks_only_registry_cities_at_their_positions(built_site, registry):
    pages = sorted((built_site / "regions").glob("*/index.html"))
    drawn = 0
    for path in pages:
        soup = page(built_site, f"regions/{path.parent.name}/")
        svg = soup.select_one(".map svg")
        if svg is None:
            continue
        region = registry.regions[path.parent.name]
        children = [c for c in registry.region_children.get(region.id, ())]
        allowed = set(region_city_names(region)).union(
            *(region_city_names(registry.regions[c]) for c in children)
        )
        frame = next(f for f in FRAMES.values() if region.country in f.countries)
        caption = texts(soup, ".map figcaption")[0]
        for marker in svg.select("circle[data-city]"):
            name = marker["data-city"]
            assert name in allowed, (region.id, name)
            assert name in caption, "the text alternative lists every city marked"
            lat, lon = _unproject(frame, float(marker["cx"]), float(marker["cy"]))
            if name in KNOWN_POSITIONS:
                known_lat, known_lon = KNOWN_POSITIONS[name]
                assert abs(lat - known_lat) < 0.3 and abs(lon - known_lon) < 0.3, name
            drawn += 1
    assert drawn >= 40


def test_yangtze_river_delta_map_marks_its_core_cities_and_outline(built_site):
    soup = page(built_site, "regions/yangtze-river-delta/")
    svg = soup.select_one(".map svg")
    assert svg["role"] == "img" and svg.title.get_text().startswith("Map of China")
    core = [c["data-city"] for c in svg.select("circle.map-core")]
    assert core == ["Shanghai", "Nanjing", "Hangzhou", "Hefei"]
    # the cities of the G60 corridor it includes are members too
    assert "Jiaxing" in [c["data-city"] for c in svg.select("circle.map-member")]
    assert svg.select_one("path.map-region")["d"].startswith("M")
    assert not soup.select('script:not([type="application/ld+json"]), img, iframe')


def test_regions_index_map_links_every_drawn_agglomeration(built_site):
    soup = page(built_site, "regions/")
    areas = soup.select(".map-overview svg a")
    key = soup.select(".map-key a")
    assert len(areas) >= 18
    assert [a["href"] for a in areas] == [a["href"] for a in key]
    for area in areas:
        assert (built_site / area["href"].lstrip("/") / "index.html").is_file()
    assert "Guangdong-Fujian-Zhejiang Coast" in texts(soup, ".map-overview figcaption p")[0]
