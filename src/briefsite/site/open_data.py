"""The knowledge as open data: a Frictionless Data Package under ``/data/``, and SQLite.

Every build writes ``data/datapackage.json`` and one CSV per table (``TABLES``): bulletins,
experts, regions, themes, who spoke in which bulletin in what stated role, which regions
each bulletin names and how often, and every statement with its bulletin, paragraph anchor
and text. The same tables, with their primary and foreign keys, go into a SQLite file
(``write_sqlite``, run by ``invoke data``) that Datasette serves. Rows are sorted by their
keys and no date of writing is recorded: the same content gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .analysis import Analysis
from .views import SiteModel

logger = logging.getLogger(__name__)

FOLDER = "data"
PACKAGE = "datapackage.json"
LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, boolean, date
    description: str
    required: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, table, its column)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


def _c(name: str, type_: str, description: str, required: bool = False) -> Column:
    return Column(name, type_, description, required)


TABLES = (
    Table(
        "bulletins",
        "One row per bulletin.",
        (
            _c("slug", "string", "Identifier; the page is /bulletins/{slug}/", True),
            _c("title", "string", "Title", True),
            _c("subtitle", "string", "Subtitle, if any"),
            _c("date", "date", "Date of publication", True),
            _c("series", "string", "Series, e.g. Pujiang Innovation Forum Bulletin"),
            _c("number", "integer", "Number in the series"),
            _c("volume", "integer", "Volume"),
            _c("event", "string", "The forum or event reported on"),
            _c("publisher", "string", "Publisher", True),
            _c("compilers", "string", "Compilers, separated by '; '"),
            _c("summary", "string", "Editor's note or first paragraph"),
            _c("url", "string", "The bulletin's page", True),
            _c("source_file", "string", "The raw text as received, under /sources/", True),
            _c("source_url", "string", "The original publication, where known"),
        ),
        ("slug",),
    ),
    Table(
        "experts",
        "Every expert of the registry.",
        (
            _c("id", "string", "Identifier; the page is /experts/{id}/", True),
            _c("name", "string", "Display name", True),
            _c("family_name", "string", "Family name", True),
            _c("name_zh", "string", "Name in Chinese characters, where known"),
            _c("country", "string", "Country, where recorded"),
            _c("aliases", "string", "Spellings the sources use, separated by '; '"),
            _c("url", "string", "The expert's page", True),
        ),
        ("id",),
    ),
    Table(
        "regions",
        "Every region of the registry: agglomerations, belts, corridors, ...",
        (
            _c("id", "string", "Identifier; the page is /regions/{id}/", True),
            _c("name", "string", "Display name", True),
            _c("kind", "string", "urban agglomeration, economic belt, corridor, ...", True),
            _c("country", "string", "Country"),
            _c("plan", "string", "Its place in China's 14th Five-Year Plan, if any"),
            _c("part_of", "string", "Ids of the regions it lies in, separated by '; '"),
            _c("provinces", "string", "Provinces and cities, separated by '; '"),
            _c("core_cities", "string", "Core cities, separated by '; '"),
            _c("aliases", "string", "Other names, separated by '; '"),
            _c("url", "string", "The region's page", True),
        ),
        ("id",),
    ),
    Table(
        "themes",
        "The controlled vocabulary of themes.",
        (
            _c("id", "string", "Identifier; the page is /themes/{id}/", True),
            _c("name", "string", "Display name", True),
            _c("description", "string", "What the theme covers"),
            _c("url", "string", "The theme's page", True),
        ),
        ("id",),
    ),
    Table(
        "speakers",
        "Who spoke in which bulletin, with the role that bulletin states for them.",
        (
            _c("bulletin", "string", "Bulletin slug", True),
            _c("expert", "string", "Expert id", True),
            _c("position", "integer", "Order in the bulletin's list of speakers, from 1", True),
            _c("role", "string", "The role as the bulletin states it"),
        ),
        ("bulletin", "expert"),
        (("bulletin", "bulletins", "slug"), ("expert", "experts", "id")),
    ),
    Table(
        "region_mentions",
        "The regions each bulletin is tagged with or names in its text, and how often.",
        (
            _c("bulletin", "string", "Bulletin slug", True),
            _c("region", "string", "Region id", True),
            _c("tagged", "boolean", "Listed in the bulletin's regions", True),
            _c("mentions", "integer", "Times the text names the region", True),
        ),
        ("bulletin", "region"),
        (("bulletin", "bulletins", "slug"), ("region", "regions", "id")),
    ),
    Table(
        "bulletin_themes",
        "The themes each bulletin is tagged with.",
        (
            _c("bulletin", "string", "Bulletin slug", True),
            _c("theme", "string", "Theme id", True),
        ),
        ("bulletin", "theme"),
        (("bulletin", "bulletins", "slug"), ("theme", "themes", "id")),
    ),
    Table(
        "statements",
        "Who said what: each passage that attributes a view to a speaker.",
        (
            _c("bulletin", "string", "Bulletin slug", True),
            _c("position", "integer", "Order in the bulletin, from 1", True),
            _c("expert", "string", "Expert id", True),
            _c("anchor", "string", "The paragraph's anchor on the bulletin page", True),
            _c("text", "string", "The statement, as the bulletin reports it", True),
            _c("url", "string", "The paragraph on the bulletin page", True),
        ),
        ("bulletin", "position"),
        (("bulletin", "bulletins", "slug"), ("expert", "experts", "id")),
    ),
)


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


def table_rows(model: SiteModel, analyses: Mapping[str, Analysis]) -> dict[str, list[tuple]]:
    """Every table's rows, in the order of ``TABLES``' columns, sorted by primary key."""
    rows: dict[str, list[tuple]] = {table.name: [] for table in TABLES}
    for slug in sorted(model.bulletins):
        view = model.bulletins[slug]
        b = view.bulletin
        rows["bulletins"].append(
            (
                slug,
                b.title,
                b.subtitle,
                b.date.isoformat(),
                b.series,
                b.number,
                b.volume,
                b.event,
                b.publisher,
                _joined(b.compilers),
                b.summary,
                f"/{view.ref.url}",
                b.source.file,
                b.source.url,
            )
        )
        for position, speaker in enumerate(b.speakers, start=1):
            rows["speakers"].append((slug, speaker.id, position, speaker.role))
        counts = analyses[slug].region_counts
        for region in sorted(set(b.regions) | set(counts)):
            rows["region_mentions"].append(
                (slug, region, region in b.regions, counts.get(region, 0))
            )
        for theme in b.themes:
            rows["bulletin_themes"].append((slug, theme))
        for position, s in enumerate(analyses[slug].statements, start=1):
            url = f"/{view.ref.url}#{s.anchor}"
            rows["statements"].append((slug, position, s.expert_id, s.anchor, s.quote, url))
    for expert_id in sorted(model.experts):
        e = model.experts[expert_id].expert
        rows["experts"].append(
            (
                e.id,
                e.name,
                e.family_name,
                e.name_zh,
                e.country,
                _joined(e.aliases),
                f"/{model.experts[expert_id].ref.url}",
            )
        )
    for region_id in sorted(model.regions):
        r = model.regions[region_id].region
        rows["regions"].append(
            (
                r.id,
                r.name,
                r.kind,
                r.country,
                r.plan,
                _joined(r.part_of),
                _joined(r.provinces),
                _joined(r.core_cities),
                _joined(a for a in r.aliases if a != r.name),
                f"/{model.regions[region_id].ref.url}",
            )
        )
    for theme_id in sorted(model.themes):
        t = model.themes[theme_id].theme
        rows["themes"].append((t.id, t.name, t.description, f"/{model.themes[theme_id].ref.url}"))
    rows["bulletin_themes"].sort()
    return rows


def descriptor() -> dict:
    """``datapackage.json``: the tables, their columns, keys and licence."""
    resources = []
    for table in TABLES:
        schema: dict = {
            "fields": [
                {
                    "name": c.name,
                    "type": c.type,
                    "description": c.description,
                    **({"constraints": {"required": True}} if c.required else {}),
                }
                for c in table.columns
            ],
            "primaryKey": list(table.primary_key),
        }
        if table.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": column, "reference": {"resource": other, "fields": field}}
                for column, other, field in table.foreign_keys
            ]
        resources.append(
            {
                "name": table.name,
                "path": table.path,
                "profile": "tabular-data-resource",
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "agglomeration-briefs",
        "title": "Agglomeration Briefs: bulletins, experts, regions and statements",
        "description": "Expert views on urban agglomerations, as the site's pages show them.",
        "licenses": [LICENSE],
        "resources": resources,
    }


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_text(table: Table, rows: list[tuple]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows([_csv_value(v) for v in row] for row in rows)
    return out.getvalue()


def package_files(model: SiteModel, analyses: Mapping[str, Analysis]) -> dict[str, str]:
    """File name -> text of every file of the data package."""
    rows = table_rows(model, analyses)
    files = {table.path: csv_text(table, rows[table.name]) for table in TABLES}
    files[PACKAGE] = json.dumps(descriptor(), indent=2) + "\n"
    return files


def write_data_package(
    folder: Path,
    model: SiteModel,
    analyses: Mapping[str, Analysis],
    unchanged: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The data package into ``folder``, but for files whose text is as in ``unchanged``
    (what a live update wrote last time: those are in place already). Returns the texts."""
    folder.mkdir(parents=True, exist_ok=True)
    files = package_files(model, analyses)
    for name, text in files.items():
        if unchanged is None or unchanged.get(name) != text:
            (folder / name).write_text(text, encoding="utf-8")
    logger.info("Writing %s (%d tables)", folder, len(TABLES))
    return files


# --- SQLite ------------------------------------------------------------------------------

_SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "boolean": "INTEGER", "date": "TEXT"}


def _create_table(table: Table) -> str:
    columns = [
        f"[{c.name}] {_SQL_TYPES[c.type]}{' NOT NULL' if c.required else ''}" for c in table.columns
    ]
    columns.append(f"PRIMARY KEY ({', '.join(f'[{k}]' for k in table.primary_key)})")
    columns += [
        f"FOREIGN KEY ([{column}]) REFERENCES [{other}]([{field}])"
        for column, other, field in table.foreign_keys
    ]
    return f"CREATE TABLE [{table.name}] (\n  " + ",\n  ".join(columns) + "\n)"


def _sql_value(column: Column, text: str) -> object:
    if text == "":
        return None if column.type in ("integer", "boolean") or not column.required else ""
    if column.type == "integer":
        return int(text)
    if column.type == "boolean":
        return int(text == "true")
    return text


def write_sqlite(data_folder: Path, database: Path) -> Path:
    """The data package in ``data_folder`` as one SQLite file, keys and all, written anew
    (beside, then moved into place) so that the same package gives the same bytes."""
    partial = database.with_name(database.name + ".partial")
    partial.unlink(missing_ok=True)
    database.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(partial)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            for table in TABLES:  # in order: a table's references come before it
                connection.execute(_create_table(table))
                with (data_folder / table.path).open(encoding="utf-8", newline="") as stream:
                    reader = csv.reader(stream)
                    next(reader)
                    rows = [
                        tuple(_sql_value(c, v) for c, v in zip(table.columns, row, strict=True))
                        for row in reader
                    ]
                marks = ", ".join("?" for _ in table.columns)
                connection.executemany(f"INSERT INTO [{table.name}] VALUES ({marks})", rows)
            for table in TABLES:
                for column, _, _ in table.foreign_keys:
                    connection.execute(
                        f"CREATE INDEX [{table.name}_{column}] ON [{table.name}]([{column}])"
                    )
        connection.execute("VACUUM")
    finally:
        connection.close()
    partial.replace(database)
    return database
