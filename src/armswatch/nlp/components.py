"""Adds armswatch's own components to a loaded spaCy pipeline: the actor/item gazetteer and trigger-sentence NER."""
from __future__ import annotations


def add_components(nlp) -> None:
    """Add the lexicon gazetteer after NER so rules can read doc.spans['actors'] and doc.spans['items']."""
    import armswatch.lexicons.gazetteer  # noqa: F401  registers the "armswatch_gazetteer" factory

    if "armswatch_gazetteer" not in nlp.pipe_names:
        nlp.add_pipe("armswatch_gazetteer", last=True)
    from armswatch.prefilter.ner import restrict_ner

    restrict_ner(nlp)  # NER only on sentences with a trigger word, unless ARMSWATCH_NER=full
