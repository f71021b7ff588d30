"""The analyst's web page and REST API over the claim store (`armswatch serve`).

from armswatch.web import create_app
app = create_app("sqlite:///armswatch.db")   # FastAPI app: /api/... (OpenAPI at /docs) and the page at /
"""

from __future__ import annotations

from armswatch.web.app import create_app

__all__ = ["create_app"]
