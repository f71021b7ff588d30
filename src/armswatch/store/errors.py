"""The store's user-input errors, below both the filter builder (filters.py) and the search parser (search.py)."""
from __future__ import annotations

from armswatch.errors import ArmswatchError


class FilterError(ArmswatchError):
    """A filter value that names no actor, type, item category or date; the message names it and the valid ones."""


class SearchError(FilterError):
    """A search query that cannot be run; the message says what is wrong with it, in one line."""
