"""Which regions ingest tags a text with: the registry's aliases, and the context aliases
("Bay Area") that name a region only beside its cities or the regions inside it."""

import pytest


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Bay Area housing is scarce, San Jose's mayor said.", ["san-francisco-bay-area"]),
        ("Silicon Valley wants Bay Area homes.", ["silicon-valley", "san-francisco-bay-area"]),
        ("The Bay Area plan links Shenzhen and Hong Kong.", ["greater-bay-area"]),
        ("The Greater Bay Area will grow; the Bay Area's ports lead.", ["greater-bay-area"]),
        ("The Bay Area is large.", []),
        ("Qingdao's West Coast New Area opened a port.", []),
        ("From Seattle to San Diego, the West Coast agreed.", ["us-west-coast"]),
    ],
)  # fmt: skip
def test_a_context_alias_names_the_region_whose_places_the_text_names(registry, text, regions):
    assert registry.region_ids_in([text]) == regions
