"""What a worker needs to rebuild the pipeline by itself: a small picklable config, never a spaCy object.

A Dask worker (or a local worker process) receives the config with each task and builds the pipeline from it
once per process (`armswatch.nlp.load_nlp` is cached), so tasks ship only text and a few settings.
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass

from armswatch.nlp import NLP_BATCH_SIZE


@dataclass(frozen=True)
class PipelineConfig:
    """Settings that decide what a worker computes; the same config gives the same mentions everywhere."""

    model: str | None = None  # spaCy model name; None = armswatch.nlp's default chain (ARMSWATCH_MODEL or the small model)
    prefilter: bool = True  # parse only the sentences armswatch.prefilter selects
    lazy_ner: bool = True  # run NER only on the sentences whose entities the rules read (armswatch.nlp.entities)
    nlp_batch_size: int = NLP_BATCH_SIZE  # docs per nlp.pipe batch (armswatch.extraction.engine)
    parse_timeout: float | None = 10.0  # seconds to clean one document (armswatch.ingest's default)
    learn: bool = True  # learn site boilerplate across each window of documents, as the local reader does
    max_bytes: int = 5_000_000  # per-article raw size cap, as the local reader

    @classmethod
    def from_env(cls, **overrides) -> PipelineConfig:
        """The config a local run would use in this environment (ARMSWATCH_MODEL, ARMSWATCH_PREFILTER)."""
        from armswatch.nlp.entities import lazy
        from armswatch.prefilter import enabled

        values = {"model": os.environ.get("ARMSWATCH_MODEL") or None, "prefilter": enabled(),
                  "lazy_ner": lazy()}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def to_dict(self) -> dict:
        return asdict(self)

    def nlp(self):
        """This process's spaCy pipeline for the config: loaded once per process, NER switched as configured."""
        from armswatch.nlp import load_nlp
        from armswatch.nlp.entities import use_lazy_ner

        if self.model:  # the extraction loads the default model: make it this one in this (worker) process
            os.environ["ARMSWATCH_MODEL"] = self.model
        nlp = load_nlp(self.model)
        use_lazy_ner(nlp, self.lazy_ner)
        return nlp
