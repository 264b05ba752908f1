"""offline-search.js tested as a library, in the browser, against its Python twin."""

import json
from pathlib import Path

import pytest

from briefsite.site.search import tokenize

SCRIPT = Path(__file__).parents[2] / "themes/briefsite/static/js/offline-search.js"
SAMPLES = [
    "Anthony G.O. Yeh, Academician of the Hong Kong Academy",
    "“dual circulation” and the Guangdong-Hong Kong-Macao Greater Bay Area",
    "吴志强 spoke on 长三角一体化 (Yangtze River Delta integration)",
    "Ｆｕｌｌ－width ＡＢＣ and naïve café, 5G in 2021",
    "a b c x",
]


@pytest.fixture
def library(page, tmp_path):
    html = tmp_path / "lib.html"
    html.write_text(f"<!DOCTYPE html><script src='{SCRIPT.as_uri()}'></script>", encoding="utf-8")
    page.goto(html.as_uri())
    return page


@pytest.mark.parametrize("text", SAMPLES)
def test_javascript_tokenize_matches_python(library, text):
    assert library.evaluate("t => BriefsiteSearch.tokenize(t)", text) == tokenize(text)


def index_of(documents: dict[str, str]) -> dict:
    terms: dict[str, list[int]] = {}
    docs = []
    for number, (title, text) in enumerate(documents.items()):
        year = "2021" if number % 2 else "2023"
        region = "Delta" if "delta" in text else "Bay"
        filters = {"region": [region], "expert": [], "theme": [], "year": [year]}
        docs.append(
            {
                "title": title,
                "url": f"{number}.html",
                "date": f"{year}-01-0{number + 1}",
                "summary": "",
                "filters": filters,
            }
        )
        for term in sorted(set(tokenize(text))):
            terms.setdefault(term, []).extend([number, tokenize(text).count(term)])
    return {"documents": docs, "terms": terms, "idf": {t: 1.0 for t in terms}}


INDEX = index_of(
    {
        "A": "delta delta integration barriers",
        "B": "bay area integration",
        "C": "delta innovation corridor",
    }
)


def search(library, query, filters=None) -> list[str]:
    return library.evaluate(
        "([index, query, filters]) => BriefsiteSearch.search(index, query, filters)"
        ".map(hit => hit.doc.title)",
        [INDEX, query, filters or {}],
    )


def test_every_word_must_match_and_more_occurrences_rank_higher(library):
    assert search(library, "delta") == ["A", "C"]
    assert search(library, "delta integration") == ["A"]
    assert search(library, "integration") == ["A", "B"]  # equal score: newest first


def test_the_last_word_matches_as_a_prefix(library):
    assert search(library, "integ") == ["A", "B"]
    assert search(library, "integ delta") == []  # only the last word is a prefix


def test_filters_narrow_and_an_empty_query_lists_everything(library):
    assert search(library, "integration", {"region": ["Delta"]}) == ["A"]
    assert search(library, "", {"year": ["2021"]}) == ["B"]
    assert sorted(search(library, "")) == ["A", "B", "C"]


def test_facet_counts(library):
    counts = library.evaluate(
        "index => BriefsiteSearch.facets(BriefsiteSearch.search(index, 'integration', {}))",
        INDEX,
    )
    assert counts["region"] == {"Delta": 1, "Bay": 1}
    assert json.dumps(counts["year"], sort_keys=True) == '{"2021": 1, "2023": 1}'
