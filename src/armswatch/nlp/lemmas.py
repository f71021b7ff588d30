"""The model's rule lemmatizer with a cache that keeps base forms too.

spaCy's rule lemmatizer caches lemmas by (word, POS, morphology) but returns base forms ("said" is not one, "say"
is) before caching them, so for about two words in three it reads the morphology again on every occurrence: a
fifth of the lemmatizer's time here. The lemmas depend on those three keys only, so caching every answer on them
gives the same lemmas.
"""
from __future__ import annotations

LIMIT = 200_000  # (word, POS, morphology) keys kept per process: news vocabulary stays far below this


class CachedLemmas:
    """Stands in for the lemmatizer's `lemmatize` method; the same answers, each computed once."""

    def __init__(self, lemmatize):
        self.lemmatize = lemmatize
        self.cache: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = self.cache.get(key)
        if found is None:
            found = self.lemmatize(token)
            if len(self.cache) < LIMIT:
                self.cache[key] = found
        return found


def cache_lemmas(nlp) -> None:
    """Wrap the pipeline's rule lemmatizer (once); other lemmatizer modes are left as they are."""
    if "lemmatizer" not in nlp.component_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) == "rule" and not isinstance(lemmatizer.lemmatize, CachedLemmas):
        lemmatizer.lemmatize = CachedLemmas(lemmatizer.lemmatize)
