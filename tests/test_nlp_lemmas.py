"""The cached rule lemmatizer (nlp/lemmas.py) gives every token the lemma spaCy's own lemmatizer gives it."""
from __future__ import annotations

import json

from armswatch import read, samples
from armswatch.nlp.lemmas import CachedLemmas
from armswatch.types import Article


def test_cached_lemmatizer_is_in_use_and_gives_spacys_lemmas(nlp, dev_set_path):
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer.lemmatize, CachedLemmas)
    with open(dev_set_path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    texts += [a.text for a in read([str(samples.path())]) if isinstance(a, Article)]
    texts += ["He said he was saying what they'd said. Better, best; the drones were sent and are sending."]
    cached, uncached = lemmatizer.lemmatize, lemmatizer.lemmatize.lemmatize
    for doc in nlp.pipe(texts):
        for tok in doc:
            assert cached(tok) == uncached(tok), (tok.text, tok.pos_, str(tok.morph))
    assert len(cached.cache) > 1000  # base forms ("say", "drone") are cached as well
