"""How likely each mention is to be right: a logistic model over what the extractor knew when it made it.

The rules say *what* a sentence states; this stage says how far to trust it. Each mention carries the
features its candidate had in the parse (frame and rule, trigger, how each endpoint was found, the wrappers
in scope, quotation); `score` adds what only the whole article shows (how often the same key is stated, where
in the article) and sets `Mention.confidence`. The weights are trained with scikit-learn on the shared gold
(`armswatch train`, `confidence/train.py`) and shipped as a small JSON file (`data/model.json`), so scoring
needs no scikit-learn and no pickle.
"""
from armswatch.confidence.features import LocalContext, actor_kind, article_features, local_features
from armswatch.confidence.model import (
           DEFAULT_THRESHOLD,
           ConfidenceModel,
           default_threshold,
           load_model,
           score,
)

__all__ = [
           "DEFAULT_THRESHOLD",
           "ConfidenceModel",
           "LocalContext",
           "actor_kind",
           "article_features",
           "default_threshold",
           "load_model",
           "local_features",
           "score",
]
