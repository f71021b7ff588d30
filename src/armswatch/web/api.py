"""The REST API under /api: claims, one claim with its evidence, actors, graph, timeline, articles."""

from __future__ import annotations

import datetime as dt
import io
from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import AfterValidator

from armswatch.event_types import describe as describe_event_types
from armswatch.store import ORDERS
from armswatch.store.search import MAX_QUERY_CHARS, SearchError, highlight_terms, parse_query
from armswatch.types import EVENT_TYPES, ITEM_CATEGORIES, POLARITIES, ClaimFilter
from armswatch.web.evidence import highlight_mention
from armswatch.web.resolve import ActorResolver, UnknownActor

# Built from the shared tuples so the API, the CLI and the store never disagree on the valid values; the event
# types are the registry's (armswatch/event_types.yaml).
EventType = Enum("EventType", {t: t for t in EVENT_TYPES}, type=str)
ItemCategory = Enum("ItemCategory", {c: c for c in ITEM_CATEGORIES}, type=str)
Polarity = Enum("Polarity", {p: p for p in POLARITIES}, type=str)

# The store's sort orders for claims (most independent sources first by default).
CLAIM_ORDERS = tuple(o for o in ORDERS if o != "id")
ClaimOrder = Enum("ClaimOrder", {o: o for o in CLAIM_ORDERS}, type=str)

ExportFormat = Enum("ExportFormat", {f: f for f in ("csv", "json", "graphml")}, type=str)

MAX_LIMIT = 1000  # one page of the claims table; a whole export belongs to `armswatch export`
# A browser draws a few hundred arrows legibly; beyond that the page shows the best-sourced ones and says so.
GRAPH_EDGES = 400
MAX_GRAPH_EDGES = 5000


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD") from None


IsoDate = Annotated[str | None, AfterValidator(_iso_date)]


def _store(request: Request):
    return request.app.state.store


def _resolver(request: Request) -> ActorResolver:
    return request.app.state.resolver


def claim_filter(
    request: Request,
    supplier: Annotated[str | None, Query(description="actor id or name", max_length=200)] = None,
    recipient: Annotated[str | None, Query(description="actor id or name", max_length=200)] = None,
    actor: Annotated[
        str | None, Query(description="either endpoint: actor id or name", max_length=200)
    ] = None,
    type: Annotated[EventType | None, Query(description="event type")] = None,
    item: Annotated[ItemCategory | None, Query(description="item category")] = None,
    since: Annotated[
        IsoDate, Query(description="YYYY-MM-DD: reported by an article published on or after")
    ] = None,
    until: Annotated[
        IsoDate, Query(description="YYYY-MM-DD: reported by an article published on or before")
    ] = None,
    claimant: Annotated[
        str | None, Query(description="actor id or name, 'author' or 'other'", max_length=200)
    ] = None,
    min_sources: Annotated[int, Query(ge=0, le=10_000, description="minimum independent stories")] = 0,
    polarity: Annotated[Polarity | None, Query()] = None,
    min_confidence: Annotated[float | None, Query(
        ge=0.0, le=1.0, description="minimum claim confidence (0, the default: every claim)")] = None,
    q: Annotated[
        str | None,
        Query(
            description='full-text search: words (prefix-matched), "exact phrase", a OR b, -excluded',
            max_length=MAX_QUERY_CHARS,
        ),
    ] = None,
) -> ClaimFilter:
    """The query parameters shared by /api/claims, /api/graph and /api/timeline, actors resolved to ids."""
    resolver = _resolver(request)
    errors = []
    ids: dict[str, str | None] = {}
    for name, value in (
        ("supplier", supplier),
        ("recipient", recipient),
        ("actor", actor),
        ("claimant", claimant),
    ):
        if value is None or not value.strip():
            ids[name] = None
            continue
        if name == "claimant" and value.strip().lower() in ("author", "other"):
            ids[name] = value.strip().lower()
            continue
        try:
            ids[name] = resolver.resolve(value)
        except UnknownActor as exc:
            errors.append({"loc": ["query", name], "msg": str(exc), "input": value})
    if since and until and since > until:
        errors.append(
            {"loc": ["query", "until"], "msg": f"until {until} is before since {since}", "input": until}
        )
    text = q if q is not None and q.strip() else None
    if text is not None:
        try:
            parse_query(text)
        except SearchError as exc:
            errors.append({"loc": ["query", "q"], "msg": str(exc), "input": q})
    if errors:
        raise HTTPException(status_code=422, detail=errors)
    return ClaimFilter(
        text=text,
        supplier=ids["supplier"],
        recipient=ids["recipient"],
        actor=ids["actor"],
        type=type.value if type else None,
        item=item.value if item else None,
        since=since,
        until=until,
        claimant=ids["claimant"],
        min_sources=min_sources,
        polarity=polarity.value if polarity else None,
        min_confidence=min_confidence or 0.0,
    )


Filter = Annotated[ClaimFilter, Depends(claim_filter)]
router = APIRouter(prefix="/api", tags=["api"])


def _record(obj: Any) -> Any:
    return obj.to_dict() if hasattr(obj, "to_dict") else obj


def _not_found(kind: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {kind} with id {key!r}")


@router.get("/claims", summary="Claims matching the filters, one page at a time")
def list_claims(
    request: Request,
    flt: Filter,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    order: Annotated[
        ClaimOrder | None,
        Query(description="sort: relevance (with q; the default then), most stories, articles, mentions, by date"),
    ] = None,
) -> dict[str, Any]:
    """With `q` every claim carries `hits` and `matches`: its matching evidence with the words marked; with
    `since`/`until`, `in_range`: the first and last dates (and count) of its mentions within them."""
    store = _store(request)
    total = store.count_claims(flt)
    sort = ClaimOrder(order).value if order else ("relevance" if flt.text else "stories")
    if flt.text:
        claims = store.search(flt.text, flt, limit=limit, offset=offset, order=sort)
    else:
        claims = [_record(c) for c in store.claims(flt, limit=limit, offset=offset, order=sort)]
    if flt.since or flt.until:  # the page shows when each claim was reported within the chosen dates
        seen = store.seen_in_range([c["id"] for c in claims], flt)
        for c in claims:
            c["in_range"] = seen.get(c["id"])
    return {"total": total, "limit": limit, "offset": offset, "order": sort, "claims": claims}


@router.get(
    "/claims/{claim_id}", summary="One claim with its mentions, evidence, articles and linked denials"
)
def get_claim(
    request: Request,
    claim_id: str,
    q: Annotated[
        str | None, Query(description="mark the words of this search in the evidence", max_length=MAX_QUERY_CHARS)
    ] = None,
) -> dict[str, Any]:
    """With `q`, each mention has `search`: the spans of the evidence that the search matched."""
    query = None
    if q and q.strip():
        try:
            query = parse_query(q)
        except SearchError as exc:
            raise HTTPException(
                status_code=422, detail=[{"loc": ["query", "q"], "msg": str(exc), "input": q}]
            ) from None
    try:
        claim = _store(request).claim(claim_id)
    except (KeyError, LookupError):
        claim = None
    if not claim:
        raise _not_found("claim", claim_id)
    claim = dict(claim)
    names = _resolver(request).names()
    claim["mentions"] = [highlight_mention(dict(m), names) for m in claim.get("mentions") or []]
    if query is not None:
        for m in claim["mentions"]:
            m["search"] = highlight_terms(m.get("evidence") or "", query)
    return claim


@router.get("/vocabulary", summary="The valid event types, item categories and polarities")
def vocabulary() -> dict[str, Any]:
    """`types`: the type names; `event_types`: each with the label, colour, roles and flags the page draws with."""
    return {"types": list(EVENT_TYPES), "event_types": describe_event_types(), "items": list(ITEM_CATEGORIES),
            "polarities": list(POLARITIES)}


@router.get("/actors", summary="Every actor with its kind, affiliation and number of claims")
def list_actors(request: Request) -> list[dict[str, Any]]:
    return [_record(a) for a in _store(request).actors()]


@router.get("/graph", summary="Nodes (actors) and edges (claims) for the filters")
def get_graph(
    request: Request,
    flt: Filter,
    limit: Annotated[
        int, Query(ge=1, le=MAX_GRAPH_EDGES, description="at most this many edges")
    ] = GRAPH_EDGES,
) -> dict[str, Any]:
    """The edges with the most independent sources when there are more than `limit`; `total_edges` says how many."""
    graph = _store(request).graph(flt)
    edges = graph["edges"]
    kept = sorted(edges, key=lambda e: (-(e.get("stories") or 0), -(e.get("articles") or 0), e["id"]))[:limit]
    ends = {x for e in kept for x in (e["source"], e["target"])}
    return {
        "nodes": [n for n in graph["nodes"] if n["id"] in ends],
        "edges": kept,
        "total_edges": len(edges),
        "truncated": len(kept) < len(edges),
    }


@router.get("/timeline", summary="Mentions per week and type for the filters")
def get_timeline(request: Request, flt: Filter) -> list[dict[str, Any]]:
    return [_record(r) for r in _store(request).timeline(flt)]


EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "graphml": "application/graphml+xml",
}


@router.get("/export", summary="The claims for the filters as a CSV, JSON or GraphML download")
def export_claims(
    request: Request,
    flt: Filter,
    format: Annotated[ExportFormat, Query(description="csv, json or graphml")] = "csv",
) -> Response:
    """What `armswatch export` writes for the same filters (with actor names beside ids), as an attachment."""
    from armswatch.export import export

    fmt = ExportFormat(format).value
    buf = io.StringIO()
    export(_store(request), fmt, buf, flt=flt)
    return Response(
        buf.getvalue(),
        media_type=EXPORT_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="armswatch-claims.{fmt}"'},
    )


@router.get("/articles/{article_id}", summary="One stored article")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    try:
        article = _store(request).article(article_id)
    except (KeyError, LookupError):
        article = None
    if not article:
        raise _not_found("article", article_id)
    return _record(article)
