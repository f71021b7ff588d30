"""The armswatch version: a module of its own so low layers (the fetcher's User-Agent) can read it without
importing the package's public API (`armswatch/__init__.py` imports those layers)."""
from __future__ import annotations

__version__ = "0.1.0"
