"""The FastAPI application: the REST API, the analyst's page at /, security headers and JSON errors."""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from armswatch import __version__
from armswatch.errors import ArmswatchError
from armswatch.web.api import router
from armswatch.web.evidence import alias_index
from armswatch.web.resolve import ActorResolver

log = logging.getLogger(__name__)

STATIC_DIR = resources.files("armswatch.web") / "static"

# The page loads only its own files: no inline script, no CDN, nothing may frame it.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

STATUS_TEXT = {
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    422: "Invalid request",
    500: "Internal Server Error",
    503: "Store unavailable",
}


def _error(status: int, detail: Any) -> JSONResponse:
    return JSONResponse(
        {"status": status, "error": STATUS_TEXT.get(status, "Error"), "detail": detail}, status_code=status
    )


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    detail = []
    for err in exc.errors():
        msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        entry = {"loc": list(err.get("loc", ())), "msg": msg}
        if "input" in err:
            entry["input"] = err["input"]
        detail.append(entry)
    return detail


def create_app(store_url: str | None = None, *, store: Any = None) -> FastAPI:
    """The web app over the store at `store_url` (default database when None), or over an opened `store`."""
    owned = store is None  # close only a store this app opened
    if store is None:
        from armswatch.store import open_store

        store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # The actor lexicon takes seconds to load; load it now so the first evidence view is not the slow one.
        threading.Thread(target=alias_index, name="armswatch-lexicon", daemon=True).start()
        yield
        close = getattr(app.state.store, "close", None)
        if owned and callable(close):
            close()

    app = FastAPI(
        title="armswatch",
        version=__version__,
        description="Who supplies weapons to whom, who says so, who denies it: claims with their evidence.",
        lifespan=lifespan,
        docs_url=None,  # served below from the vendored Swagger UI, so /docs works offline under the same CSP
        redoc_url=None,
    )
    app.state.store = store
    app.state.resolver = ActorResolver(store)
    app.include_router(router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_detail(exc))

    @app.exception_handler(ArmswatchError)
    async def armswatch_error(request: Request, exc: ArmswatchError) -> JSONResponse:
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return _error(503, str(exc))

    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, exc: SQLAlchemyError) -> JSONResponse:
        # the database went away, is locked or is not one: say so without echoing SQL to the client
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return _error(503, f"the database could not be read ({exc.__class__.__name__})")

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return _error(500, "the server could not answer this request")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = PAGE_CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        return response

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(STATIC_DIR / "index.html"), media_type="text/html; charset=utf-8")

    @app.api_route("/article", methods=["GET", "HEAD"], include_in_schema=False)
    def article_page() -> FileResponse:
        # /article?id=...&start=...&end=...: the stored article, the evidence sentence marked (js/article.js)
        return FileResponse(str(STATIC_DIR / "article.html"), media_type="text/html; charset=utf-8")

    @app.api_route("/docs", methods=["GET", "HEAD"], include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(str(STATIC_DIR / "docs.html"), media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    return app
