"""Extraction engine: arms-supply mentions from text with spaCy parses and rules kept as data (extract/data/)."""
from __future__ import annotations

import sys
import types

from armswatch.extract.engine import explain, extract, extract_many

__all__ = ["explain", "extract", "extract_many"]


class _CallableModule(types.ModuleType):
    """Importing this subpackage rebinds `armswatch.extract` to the module; calling it must still extract."""

    def __call__(self, text: str, published: str | None = None):
        return extract(text, published=published)


sys.modules[__name__].__class__ = _CallableModule
