"""Adds armswatch's own components to a loaded spaCy pipeline: the actor/item gazetteer and NER on demand."""
from __future__ import annotations

import armswatch.nlp.gazetteer  # registers the "armswatch_gazetteer" factory
import armswatch.nlp.line_breaks  # noqa: F401  registers "armswatch_line_breaks"
from armswatch.nlp.attributes import use_attribute_table
from armswatch.nlp.entities import use_lazy_ner
from armswatch.nlp.lemmas import cache_lemmas


def add_components(nlp) -> None:
    """Add the lexicon gazetteer after NER so rules can read doc.spans['actors'] and doc.spans['items']."""
    if "armswatch_gazetteer" not in nlp.pipe_names:
        nlp.add_pipe("armswatch_gazetteer", last=True)
    if "armswatch_line_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("armswatch_line_breaks", before="parser")
    use_attribute_table(nlp)  # the model's attribute_ruler as a lookup table: same attributes, far faster
    cache_lemmas(nlp)  # the rule lemmatizer, caching base forms too
    use_lazy_ner(nlp)  # NER only on the sentences whose entities the rules read, unless ARMSWATCH_NER=full
