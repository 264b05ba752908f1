"""The floor under ingest's measured quality: no change may lower it silently.

``invoke eval-ingest`` prints the figures per text; this test runs the same evaluation on
the labelled corpus of real texts (``tests/fixtures/corpus/``) and holds each to the floor
measured when it was last raised. Raise the floor with the figures when ingest improves.
"""

import subprocess
import sys

from briefsite.ingest.evaluate import evaluate, load_corpus

from .conftest import FIXTURES, ROOT

FLOOR = {"speakers_f1": 0.89, "speakers_precision": 0.965, "roles": 0.85, "regions_f1": 0.945}


def test_ingest_meets_its_floor_on_the_labelled_corpus(registry):
    evaluation = evaluate(load_corpus(FIXTURES / "corpus", ROOT), registry)
    speakers, regions = evaluation.total("speakers"), evaluation.total("regions")
    assert len(evaluation.texts) >= 395
    assert not evaluation.refused, [t.labelled.name for t in evaluation.refused]
    assert speakers.f1 >= FLOOR["speakers_f1"]
    assert speakers.precision >= FLOOR["speakers_precision"]
    assert evaluation.role_accuracy >= FLOOR["roles"]
    assert regions.f1 >= FLOOR["regions_f1"]
    assert evaluation.not_persons <= 26  # see the README: buildings, firms, a typo


def test_every_corpus_text_keeps_its_source_url():
    for labels in (FIXTURES / "corpus").glob("[abcefijkmnpqrtuvyz]*.yaml"):
        assert "\nurl: http" in "\n" + labels.read_text(encoding="utf-8"), labels.name


def test_check_and_the_build_never_load_the_language_model():
    code = (
        "import sys; from briefsite.cli import main; "
        f"main(['--root', {str(ROOT)!r}, 'check']); "
        "import briefsite.site.plugin; "
        "sys.exit(1 if 'spacy' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, "check or the site imported spaCy"
