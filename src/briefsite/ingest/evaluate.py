"""``invoke eval-ingest``: how well ingest tags real texts, against labels made by hand.

The corpus (``tests/fixtures/corpus/``) holds real public texts, each a ``.txt`` as found
with a ``.yaml`` of labels beside it: the speakers with the role the text gives them, the
persons only mentioned, and the registry's regions the text names. Each text is ingested as
an editor would (with ``--date`` where the text has none) and scored like ``spacy
evaluate`` scores spans: precision, recall and F1 per text and over the whole corpus.

- A speaker is found when a counted person's name matches a labelled speaker's, ignoring
  case, spacing, dots and word order (``WU Zhiqiang`` = ``Zhiqiang Wu``).
- A role is right when its words and the label's overlap with an F1 of at least
  ``ROLE_MATCH``: roles are phrases, and "Professor from Shanghai University" against
  "Professor, Shanghai University" is the same role.
- A counted person who is in neither labelled list is a non-person or an unlabelled name:
  the corpus labels every person, so these are counted as ``not_persons``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..content.paths import ProjectPaths
from ..content.registry import Registry
from ..content.registry_reader import read_registry
from ..errors import SourceError
from ..text import slugify
from . import language
from .pipeline import ingest_file

ROLE_MATCH = 0.8
EDITOR_DATE = dt.date(2000, 1, 1)  # what an editor passes with --date when the text has none
EDITOR_PUBLISHER = "The editor"  # and with --publisher (neither is scored)


@dataclass(frozen=True)
class Labelled:
    """One text of the corpus and its hand-made labels."""

    name: str
    text: Path
    url: str
    kind: str
    speakers: dict[str, str]  # name key -> role
    mentioned: frozenset[str]  # name keys of persons who do not speak
    regions: frozenset[str]


@dataclass
class Score:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class TextResult:
    labelled: Labelled
    speakers: Score
    regions: Score
    roles_right: int
    roles_judged: int  # speakers found whose label states a role
    refused: str = ""  # the error, when ingest refused the text
    seconds: float = 0.0  # to ingest it, the model loaded
    words: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    not_persons: list[str] = field(default_factory=list)
    wrong_roles: list[tuple[str, str, str]] = field(default_factory=list)  # name, got, label
    regions_missed: list[str] = field(default_factory=list)
    regions_extra: list[str] = field(default_factory=list)


def name_key(name: str) -> str:
    """Names compared ignoring case, spacing, dots and the order of their words."""
    return " ".join(sorted(slugify(name).split("-")))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", slugify(text).replace("-", " "))


def role_overlap(found: str, label: str) -> float:
    """F1 of the words the two roles share (articles and 'of'/'the' do not count)."""
    ignore = {"a", "an", "the", "of", "and", "at", "from", "in", "for"}
    got = [w for w in _words(found) if w not in ignore]
    want = [w for w in _words(label) if w not in ignore]
    if not got and not want:
        return 1.0
    common = sum(min(got.count(w), want.count(w)) for w in set(got))
    if not common:
        return 0.0
    precision, recall = common / len(got), common / len(want)
    return 2 * precision * recall / (precision + recall)


def load_corpus(folder: Path, root: Path) -> list[Labelled]:
    corpus = []
    for labels_path in sorted(folder.glob("*.yaml")):
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
        if labels.get("language", "en") != "en":
            continue  # ingest reads English texts; others wait for a pipeline of their own
        source = labels.get("source_file")
        text = root / source if source else labels_path.with_suffix(".txt")
        corpus.append(
            Labelled(
                name=labels_path.stem,
                text=text,
                url=labels.get("url", ""),
                kind=labels.get("kind", ""),
                speakers={
                    name_key(s["name"]): s.get("role") or "" for s in labels.get("speakers") or []
                },
                mentioned=frozenset(name_key(n) for n in labels.get("not_speakers") or []),
                regions=frozenset(labels.get("regions") or []),
            )
        )
    return corpus


def _score(found: Iterable[str], wanted: Iterable[str]) -> Score:
    found, wanted = set(found), set(wanted)
    return Score(len(found & wanted), len(found - wanted), len(wanted - found))


def evaluate_text(labelled: Labelled, registry: Registry) -> TextResult:
    started = time.perf_counter()
    try:
        result = ingest_file(labelled.text, registry, date=EDITOR_DATE, publisher=EDITOR_PUBLISHER)
    except SourceError as error:
        return TextResult(
            labelled,
            _score([], labelled.speakers),
            _score([], labelled.regions),
            0,
            0,
            refused=error.message,
            missed=sorted(labelled.speakers),
        )
    found = {name_key(p.name): p.role for p in result.people if p.counted}
    speakers = _score(found, labelled.speakers)
    outcome = TextResult(labelled, speakers, _score(result.regions, labelled.regions), 0, 0)
    for key, role in found.items():
        if key not in labelled.speakers:
            outcome.extra.append(key)
            if key not in labelled.mentioned:
                outcome.not_persons.append(key)
            continue
        label = labelled.speakers[key]
        outcome.roles_judged += 1
        if role_overlap(role, label) >= ROLE_MATCH:
            outcome.roles_right += 1
        else:
            outcome.wrong_roles.append((key, role, label))
    outcome.missed = sorted(set(labelled.speakers) - set(found))
    outcome.regions_missed = sorted(labelled.regions - set(result.regions))
    outcome.regions_extra = sorted(set(result.regions) - labelled.regions)
    outcome.seconds = time.perf_counter() - started
    outcome.words = len(labelled.text.read_text(encoding="utf-8").split())
    return outcome


@dataclass
class Evaluation:
    texts: list[TextResult]

    def total(self, field_name: str) -> Score:
        total = Score()
        for text in self.texts:
            total.add(getattr(text, field_name))
        return total

    @property
    def role_accuracy(self) -> float:
        judged = sum(t.roles_judged for t in self.texts)
        return sum(t.roles_right for t in self.texts) / judged if judged else 1.0

    @property
    def refused(self) -> list[TextResult]:
        return [t for t in self.texts if t.refused]

    @property
    def not_persons(self) -> int:
        return sum(len(t.not_persons) for t in self.texts)


def evaluate(corpus: list[Labelled], registry: Registry) -> Evaluation:
    language.load()  # once, before the clock starts for each text
    return Evaluation([evaluate_text(labelled, registry) for labelled in corpus])


def report(evaluation: Evaluation, details: bool = False) -> str:
    rows = [f"{'text':52} {'spk P':>6} {'R':>5} {'F1':>5} {'roles':>6} {'reg F1':>6}"]
    for text in evaluation.texts:
        s = text.speakers
        roles = f"{text.roles_right}/{text.roles_judged}"
        status = f"  REFUSED: {text.refused}" if text.refused else ""
        rows.append(
            f"{text.labelled.name[:52]:52} {s.precision:6.2f} {s.recall:5.2f} {s.f1:5.2f} "
            f"{roles:>6} {text.regions.f1:6.2f}{status}"
        )
        if details:
            rows += [f"    missed: {name}" for name in text.missed]
            rows += [f"    extra:  {name}" for name in text.extra]
            rows += [f"    role:   {n}: got {g!r}, label {w!r}" for n, g, w in text.wrong_roles]
            rows += [f"    region missed: {r}" for r in text.regions_missed]
            rows += [f"    region extra:  {r}" for r in text.regions_extra]
    speakers, regions = evaluation.total("speakers"), evaluation.total("regions")
    rows += [
        "",
        f"texts: {len(evaluation.texts)}, refused: {len(evaluation.refused)}",
        f"speakers: precision {speakers.precision:.3f}, recall {speakers.recall:.3f}, "
        f"F1 {speakers.f1:.3f} ({speakers.tp} found, {speakers.fp} extra, {speakers.fn} missed)",
        f"roles: {evaluation.role_accuracy:.3f} of the speakers found have the labelled role",
        f"regions: precision {regions.precision:.3f}, recall {regions.recall:.3f}, "
        f"F1 {regions.f1:.3f}",
        f"persons proposed that the labels do not know (organisations, events): "
        f"{evaluation.not_persons}",
        _speed(evaluation),
    ]
    return "\n".join(rows)


def _speed(evaluation: Evaluation) -> str:
    timed = [t for t in evaluation.texts if t.words and not t.refused]
    if not timed:
        return ""
    per_thousand = [1000 * t.seconds / t.words for t in timed]
    slowest = max(timed, key=lambda t: t.seconds)
    return (
        f"speed (model loaded): median {statistics.median(per_thousand) * 1000:.0f} ms per "
        f"1,000 words; slowest {slowest.labelled.name} ({slowest.words} words) "
        f"{slowest.seconds * 1000:.0f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="eval-ingest", description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".", help="the project (its registries are used)")
    parser.add_argument("--corpus", help="folder of .txt + .yaml (default: tests/fixtures/corpus)")
    parser.add_argument("--details", action="store_true", help="list every miss and extra")
    args = parser.parse_args(argv)
    root = Path(args.root)
    registry, _ = read_registry(ProjectPaths(root))
    corpus = load_corpus(Path(args.corpus or root / "tests" / "fixtures" / "corpus"), root)
    print(report(evaluate(corpus, registry), details=args.details))
    return 0
