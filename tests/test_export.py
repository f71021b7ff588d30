"""Exports round-trip: CSV and Parquet load back with the same rows, GraphML loads in networkx, JSON has the fields."""
from __future__ import annotations

import io
import json

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest_store import corpus

from armswatch.export import (
    CLAIM_FIELDS,
    MENTION_FIELDS,
    claim_rows,
    export,
    mention_rows,
    mentions_path,
    read_csv,
)
from armswatch.export.formats import ExportError
from armswatch.types import ClaimFilter

REQUIRED = {"id", "type", "supplier", "recipient", "item_category", "polarity", "first_seen", "last_seen",
            "articles", "stories", "claimants", "denials"}


@pytest.fixture
def filled(store):
    articles, mentions = corpus()
    store.add_batch(articles, mentions)
    return store


def test_export_csv_round_trips_claims_and_mentions(filled, tmp_path):
    out = tmp_path / "claims.csv"
    written = export(filled, "csv", out, mentions=True)
    assert written == [out, tmp_path / "claims.mentions.csv"]
    assert read_csv(out) == claim_rows(filled)
    rows = read_csv(out)
    shells = next(r for r in rows if r["supplier"] == "PRK" and r["type"] == "TRANSFER")
    assert shells["claimants"] == ["KOR", "UKR"] and len(shells["denials"]) == 1
    assert "KOR;UKR" in out.read_text()  # lists are ;-joined
    back = read_csv(mentions_path(out), lists=("actors",), ints=("evidence_start", "evidence_end"))
    assert back == mention_rows(filled) and len(back) == 7


def test_export_parquet_round_trips_with_list_columns(filled, tmp_path):
    out = tmp_path / "claims.parquet"
    export(filled, "parquet", out, mentions=True)
    table = pq.read_table(out)
    assert pa.types.is_list(table.schema.field("claimants").type)
    assert table.schema.field("claimants").type.value_type == pa.string()
    assert table.to_pylist() == claim_rows(filled)
    assert pq.read_table(mentions_path(out)).to_pylist() == mention_rows(filled)


def test_export_json_is_an_array_with_the_required_fields(filled):
    buf = io.StringIO()
    export(filled, "json", buf, flt=ClaimFilter(recipient="RUS"), mentions=True)
    data = json.loads(buf.getvalue())
    assert isinstance(data, list) and len(data) == 4
    for claim in data:
        assert REQUIRED <= set(claim) and isinstance(claim["claimants"], list)
        assert claim["mentions"] and all(m["claim_id"] == claim["id"] for m in claim["mentions"])
        assert set(MENTION_FIELDS) <= set(claim["mentions"][0])
    assert [c["id"] for c in data] == sorted(c["id"] for c in data)


def test_export_graphml_loads_in_networkx(filled, tmp_path):
    out = tmp_path / "claims.graphml"
    export(filled, "graphml", out)
    g = nx.read_graphml(out, force_multigraph=True)
    assert set(g.nodes) == {"PRK", "RUS", "CHN", "IRN"}
    assert g.nodes["PRK"]["name"] == "North Korea" and g.nodes["PRK"]["kind"] == "state"
    edges = {d["id"]: (u, v, d) for u, v, d in g.edges(data=True)}
    assert len(edges) == 4
    shells = next(c for c in filled.claims() if c.supplier == "PRK" and c.type == "TRANSFER")
    u, v, d = edges[shells.id]
    assert (u, v, d["type"], d["item_category"], d["stories"], d["articles"]) == ("PRK", "RUS", "TRANSFER",
                                                                               "ammunition", 2, 3)
    assert d["first_seen"] == "2024-03-04" and d["denied"] is True and d["claimants"] == "KOR;UKR"


def test_export_rejects_impossible_requests(filled, tmp_path):
    with pytest.raises(ExportError, match="valid: csv, json, graphml, parquet"):
        export(filled, "xlsx", tmp_path / "x")
    with pytest.raises(ExportError, match="graphml"):
        export(filled, "graphml", tmp_path / "x.graphml", mentions=True)
    with pytest.raises(ExportError, match="output file"):
        export(filled, "parquet", io.StringIO())
    assert set(CLAIM_FIELDS) >= REQUIRED
