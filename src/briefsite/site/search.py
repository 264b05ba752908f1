"""Search: Pagefind for the published site, a script-tag index for the offline copy.

Pagefind (its binary comes from PyPI with ``pagefind[bin]``) indexes the built HTML. Only the
bulletin pages carry ``data-pagefind-body``, so navigation and entity pages stay out of the
index; filters for region, expert, theme and year are attributes in the bulletin template.

Pagefind cannot run from ``file://`` (it fetches its index and WASM), so the offline copy
carries ``search/search-data.js``: an inverted index assigned to a global by a plain
``<script>`` tag, searched by ``theme/js/offline-search.js`` without fetch, modules, workers
or WASM. Why our own rather than a library: the maintained JavaScript search libraries
(MiniSearch, Lunr, FlexSearch) come from npm, which a Python-only build cannot install, and
all of them need custom tokenising for Chinese anyway. The tokenizer below and its
JavaScript twin are the one contract between the two halves; both are tested.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import cbor2

from ..errors import BriefsiteError
from .views import SiteModel, save_as

_WORD = re.compile(r"[^\W_]+")
# Scripts written without spaces between words are indexed as character pairs.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")


def tokenize(text: str) -> list[str]:
    """Lowercase words; runs of Chinese (or Japanese, Korean) characters as overlapping pairs.

    Mirrored by ``tokenize`` in ``themes/briefsite/static/js/offline-search.js``.
    """
    tokens: list[str] = []
    for word in _WORD.findall(unicodedata.normalize("NFKC", text).lower()):
        position = 0
        for cjk in _CJK.finditer(word):
            if cjk.start() > position:
                tokens.append(word[position : cjk.start()])
            run = cjk.group(0)
            tokens += [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
            position = cjk.end()
        if position < len(word):
            tokens.append(word[position:])
    return [t for t in tokens if len(t) > 1 or _CJK.match(t)]


@dataclass(frozen=True)
class SearchReport:
    pages: int
    files: int
    bytes: int


def _pagefind_command() -> list[str]:
    """Pagefind's binary (from ``pagefind[bin]``), run directly: ``python -m pagefind`` would
    start a Python interpreter only to hand over to it."""
    try:
        from pagefind_bin import get_executable
    except ImportError:  # another install of Pagefind: let its wrapper find the binary
        return [sys.executable, "-m", "pagefind"]
    return [str(get_executable())]


def pagefind_wanted(settings: dict) -> bool:
    """Does this build index the site with Pagefind? Not the offline copy (it has its own)."""
    return settings.get("BRIEFSITE_SEARCH", True) and not settings.get("BRIEFSITE_OFFLINE")


class PagefindRun:
    """Pagefind indexing ``site/pagefind/``, running beside the rest of the build.

    Runs Pagefind's own command line (the binary from the ``pagefind[bin]`` package) rather
    than its async Python API: when the process has exited its files are complete, which the
    API's write call did not always guarantee before we read them back. Being a separate
    process, it indexes the bulletin pages while the entity pages are still being written.
    """

    def __init__(self, site: Path, bundle: Path | None = None) -> None:
        """Index ``site`` into ``bundle`` (default: ``site/pagefind/``)."""
        self.site = site
        self.bundle = bundle or site / "pagefind"
        command = [
            *_pagefind_command(),
            "--site",
            str(site),
            "--silent",
            # only bulletin pages carry data-pagefind-body; reading the rest is wasted work
            "--glob",
            "bulletins/**/*.html",
            "--output-path",
            str(self.bundle.resolve()),
        ]
        self._process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )

    def finish(self) -> SearchReport:
        """Wait for Pagefind, make its output stable, and report what it wrote."""
        output, _ = self._process.communicate()
        if self._process.returncode:
            raise BriefsiteError(f"Pagefind failed:\n{output[-2000:]}")
        bundle = self.bundle
        stabilise_pagefind(bundle)
        files = [p for p in bundle.rglob("*") if p.is_file()]
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        count = sum(language["page_count"] for language in entry["languages"].values())
        return SearchReport(count, len(files), sum(p.stat().st_size for p in files))

    def abort(self) -> None:
        """Stop Pagefind (``finish``, if waiting in another thread, then fails)."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()


_PAGEFIND_MAGIC = b"pagefind_dcd"


def _read_pagefind(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_PAGEFIND_MAGIC):
        raise ValueError(f"{path}: not a Pagefind data file")
    return cbor2.loads(data[len(_PAGEFIND_MAGIC) :])


def _write_pagefind(folder: Path, prefix: str, suffix: str, value: object, digits: int) -> str:
    """Write ``value`` as Pagefind does (gzip of magic + CBOR), named by a hash of it."""
    data = _PAGEFIND_MAGIC + cbor2.dumps(value)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def stabilise_pagefind(bundle: Path) -> None:
    """Make Pagefind's filter and metadata files the same for the same site.

    Pagefind writes the values of each filter in hash-map order, so two runs over identical
    pages give differently ordered (and so differently named) filter files, a different
    ``.pf_meta`` and a different ``pagefind-entry.json`` (upstream Pagefind issue #638: the
    fragments are stable since 1.3, the filter and metadata indexes are not). Here each filter
    file's values are sorted and the files renamed by their content, and the references in the
    metadata file and the entry file follow. The search reads the same data either way.
    """
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read_pagefind(meta_path)
        filters = []
        for name, old_hash in meta[3]:
            old = bundle / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = _read_pagefind(old)
            old.unlink()
            prefix = old_hash.split("_")[0] + "_"
            new_hash = _write_pagefind(
                bundle / "filter", prefix, ".pf_filter", [filter_name, sorted(values)], 7
            )
            filters.append([name, new_hash])
        meta[3] = sorted(filters)
        meta_path.unlink()
        language["hash"] = _write_pagefind(
            bundle, f"pagefind.{language['hash'].split('_')[0]}_", ".pf_meta", meta, 10
        ).removeprefix("pagefind.")
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def offline_index(
    model: SiteModel, texts: dict[str, str], bodies: dict[str, str] | None = None
) -> dict:
    """The offline search index: documents, filters and postings ``term -> [doc, tf, ...]``.

    ``texts`` maps each bulletin slug to its searchable text (title, speakers, body);
    ``bodies`` to the body's plain text, from which a result shows its words in context.
    """
    documents = []
    postings: dict[str, list[int]] = {}
    for number, view in enumerate(model.bulletins.values()):
        documents.append(
            {
                "title": view.ref.title,
                "url": save_as(view.ref.url),
                "date": view.ref.date.isoformat(),
                "summary": view.ref.summary,
                "shown_date": f"{view.ref.date.day} {view.ref.date:%B %Y}",
                "text": (bodies or {}).get(view.ref.slug, ""),
                "filters": {
                    "region": [r.name for r in view.regions],
                    "expert": [s.expert.name for s in view.speakers],
                    "theme": [t.name for t in view.themes],
                    "year": [str(view.ref.date.year)],
                },
            }
        )
        for term, count in sorted(Counter(tokenize(texts[view.ref.slug])).items()):
            postings.setdefault(term, []).extend((number, count))
    total = max(len(documents), 1)
    idf = {t: round(math.log(1 + total / (len(p) // 2)), 4) for t, p in postings.items()}
    return {"documents": documents, "terms": dict(sorted(postings.items())), "idf": idf}


def offline_index_script(index: dict) -> str:
    """The index as a script that needs nothing but a ``<script src>`` to load."""
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.BRIEFSITE_SEARCH = {data};\n"
