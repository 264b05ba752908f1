"""The open data: a Frictionless Data Package under /data/, documented on the site, and the
same tables in SQLite that Datasette serves and answers questions from."""

from __future__ import annotations

import csv
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import frictionless
import pytest

from briefsite.site.open_data import TABLES, write_sqlite

from .sitepages import page, texts


def rows(site, table: str) -> list[dict[str, str]]:
    with (site / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_every_build_publishes_a_valid_frictionless_data_package(built_site):
    report = frictionless.validate(str(built_site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    names = [r["name"] for r in json.loads((built_site / "data" / "datapackage.json").read_text())[
        "resources"
    ]]  # fmt: skip
    assert names == [
        "bulletins", "experts", "regions", "themes", "speakers", "region_mentions",
        "bulletin_themes", "statements",
    ]  # fmt: skip


def test_the_frictionless_command_validates_it_too(built_site):
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "datapackage.json"],
        cwd=built_site / "data",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_the_validator_fails_on_a_dangling_foreign_key(built_site, tmp_path):
    broken = tmp_path / "data"
    broken.mkdir()
    for path in (built_site / "data").iterdir():
        if path.suffix in (".csv", ".json"):
            (broken / path.name).write_bytes(path.read_bytes())
    speakers = broken / "speakers.csv"
    speakers.write_text(
        speakers.read_text() + "adapting-to-differentiated-layouts-and-exploring,nobody,9,\n"
    )
    assert not frictionless.validate(str(broken / "datapackage.json")).valid


def test_speakers_keep_the_role_each_bulletin_states(built_site):
    wu = [r for r in rows(built_site, "speakers") if r["expert"] == "wu-zhiqiang"]
    collaborative = next(
        r for r in wu if r["bulletin"] == "collaborative-agglomeration-new-cities-and-new-spaces"
    )
    assert collaborative["role"].startswith("Academician of Chinese Academy of Engineering")
    assert collaborative["position"] == "1"


def test_region_mentions_count_what_the_text_names(built_site):
    mentions = {(r["bulletin"], r["region"]): r for r in rows(built_site, "region_mentions")}
    delta = mentions[
        ("collaborative-agglomeration-new-cities-and-new-spaces", "yangtze-river-delta")
    ]
    assert delta["tagged"] == "true" and int(delta["mentions"]) >= 3


def test_each_statement_points_at_its_paragraph_on_the_bulletin_page(built_site):
    statements = rows(built_site, "statements")
    assert statements
    for s in statements[:40]:
        soup = page(built_site, f"bulletins/{s['bulletin']}/")
        paragraph = soup.find(id=s["anchor"])
        assert paragraph is not None, s
        assert s["text"][:40] in " ".join(paragraph.get_text().split())
        assert s["url"] == f"/bulletins/{s['bulletin']}/#{s['anchor']}"


def test_the_data_page_documents_every_table_and_column(built_site):
    soup = page(built_site, "data/")
    headings = texts(soup, "h3")
    documented = set(texts(soup, "li > code"))
    for table in TABLES:
        assert table.name in headings
        assert {c.name for c in table.columns} <= documented, table.name
    for a in soup.select("main a[href$='.csv'], main a[href$='.json']"):
        assert (built_site / "data" / a["href"]).is_file()


@pytest.fixture(scope="module")
def database(built_site, tmp_path_factory):
    return write_sqlite(built_site / "data", tmp_path_factory.mktemp("db") / "briefs.db")


def test_sqlite_holds_the_same_tables_with_their_foreign_keys(database, built_site):
    connection = sqlite3.connect(database)
    try:
        for table in TABLES:
            (count,) = connection.execute(f"select count(*) from [{table.name}]").fetchone()
            assert count == len(rows(built_site, table.name))
        references = {
            (row[2], row[3], row[4])
            for row in connection.execute("select * from pragma_foreign_key_list('statements')")
        }
        assert references == {("bulletins", "bulletin", "slug"), ("experts", "expert", "id")}
        assert connection.execute("pragma foreign_key_check").fetchall() == []
    finally:
        connection.close()


def test_sqlite_is_the_same_bytes_for_the_same_data(database, built_site, tmp_path):
    again = write_sqlite(built_site / "data", tmp_path / "again.db")
    assert again.read_bytes() == database.read_bytes()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


QUERY = """
select s.bulletin, s.anchor, s.text from statements s
join region_mentions m on m.bulletin = s.bulletin and m.region = :region
where s.expert = :expert and s.text like '%' || :name || '%'
order by s.bulletin, s.position
"""


def test_datasette_answers_statements_by_an_expert_about_a_region(database, built_site):
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(database),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "--immutable",
            str(database),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        params = urllib.parse.urlencode(
            {
                "sql": QUERY,
                "expert": "wu-zhiqiang",
                "region": "yangtze-river-delta",
                "name": "Yangtze River Delta",
                "_shape": "array",
            }
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/{database.stem}.json?{params}") as reply:
                    answer = json.load(reply)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
    mentioned = {(r["bulletin"], r["region"]) for r in rows(built_site, "region_mentions")}
    expected = [
        {"bulletin": r["bulletin"], "anchor": r["anchor"], "text": r["text"]}
        for r in rows(built_site, "statements")
        if r["expert"] == "wu-zhiqiang"
        and (r["bulletin"], "yangtze-river-delta") in mentioned
        and "Yangtze River Delta" in r["text"]
    ]
    assert len(expected) >= 2
    assert answer == expected


def test_the_offline_copy_carries_the_data_and_the_citation_downloads(offline_copy):
    package = frictionless.validate(str(offline_copy / "data" / "datapackage.json"))
    assert package.valid
    slug = "collaborative-agglomeration-new-cities-and-new-spaces"
    soup = page(offline_copy, f"bulletins/{slug}/index.html".removesuffix("index.html"))
    hrefs = [a["href"] for a in soup.select("section.cite .downloads a")]
    assert hrefs == ["cite.bib", "cite.ris", "cite.json"]
    assert all((offline_copy / "bulletins" / slug / href).is_file() for href in hrefs)
    data_page = page(offline_copy, "data/")
    for a in data_page.select("main a[href$='.csv'], main a[href$='.json']"):
        assert (offline_copy / "data" / a["href"]).is_file()
