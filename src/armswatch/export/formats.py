"""One writer per format over the same claim and mention rows."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import IO

from armswatch.errors import ArmswatchError
from armswatch.event_types import REGISTRY
from armswatch.extras import import_extra
from armswatch.types import ClaimFilter

# Actor ids are stable keys; the *_name(s) columns beside them say who they are to a reader of the file.
CLAIM_FIELDS = ("id", "type", "supplier", "supplier_name", "recipient", "recipient_name", "item_category", "polarity",
                "first_seen", "last_seen", "articles", "stories", "mention_count", "claimants", "claimant_names",
                "denials", "actors", "actor_names", "confidence")
CLAIM_LISTS = ("claimants", "claimant_names", "denials", "actors", "actor_names")
CLAIM_INTS = ("articles", "stories", "mention_count")
FLOATS = ("confidence",)
MENTION_FIELDS = ("id", "claim_id", "article_id", "type", "supplier", "supplier_name", "recipient", "recipient_name",
                  "polarity", "actors", "item_text", "item_category", "claimant", "claimant_name", "claimant_text",
                  "evidence", "evidence_start", "evidence_end", "trigger", "rule", "title", "site", "url", "published",
                  "story_id", "confidence")
MENTION_LISTS = ("actors",)
MENTION_INTS = ("evidence_start", "evidence_end")
FORMATS = ("csv", "json", "graphml", "parquet")
LIST_SEP = ";"


class ExportError(ArmswatchError):
    pass


CLAIMANT_WORDS = {"author": "the article's own reporting", "other": "media or unnamed sources"}


def _namer(store):
    names = store.actor_names()

    def name(actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        return CLAIMANT_WORDS.get(actor_id) or names.get(actor_id) or actor_id

    return name


def claim_rows(store, flt: ClaimFilter | None = None) -> list[dict]:
    name = _namer(store)
    rows = []
    for c in store.claims(flt, limit=None, order="id"):
        d = c.to_dict()
        d.update(supplier_name=name(c.supplier), recipient_name=name(c.recipient),
                 claimant_names=[name(x) for x in c.claimants], actor_names=[name(x) for x in c.actors])
        rows.append({k: d[k] for k in CLAIM_FIELDS})
    return rows


def mention_rows(store, flt: ClaimFilter | None = None) -> list[dict]:
    name = _namer(store)
    rows = []
    for m in store.mentions(flt=flt):
        m.update(supplier_name=name(m.get("supplier")), recipient_name=name(m.get("recipient")),
                 claimant_name=name(m.get("claimant")))
        rows.append({k: m.get(k) for k in MENTION_FIELDS})
    return rows


def mentions_path(path: str | Path) -> Path:
    """Where CSV/Parquet exports put the mentions beside the claims: claims.csv -> claims.mentions.csv."""
    path = Path(path)
    return path.with_name(f"{path.stem}.mentions{path.suffix}")


def export(store, fmt: str, out: str | Path | IO, *, flt: ClaimFilter | None = None,
           mentions: bool = False) -> list[Path]:
    """Write the claims matching `flt` to `out`: a path, or a text stream (not for parquet).

    With `mentions`: JSON nests each claim's mentions under "mentions"; CSV and Parquet write a second file
    (see `mentions_path`), so they need a path; GraphML has no place for them. Returns the files written.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")
    if mentions and fmt == "graphml":
        raise ExportError("--mentions does not apply to graphml (edges are claims); use json, csv or parquet")
    if mentions and fmt in ("csv", "parquet") and not isinstance(out, (str, Path)):
        raise ExportError(f"{fmt} with mentions writes two files: give an output file (-o claims.{fmt})")
    if fmt == "parquet" and not isinstance(out, (str, Path)):
        raise ExportError("parquet is binary: give an output file (-o claims.parquet)")
    if fmt == "parquet":
        import_extra("pyarrow.parquet", "parquet")  # before any file is written
    claims = claim_rows(store, flt)
    written = []
    if fmt == "json":
        if mentions:
            by_claim: dict[str, list] = {}
            for m in mention_rows(store, flt):
                by_claim.setdefault(m["claim_id"], []).append(m)
            for c in claims:
                c["mentions"] = by_claim.get(c["id"], [])
        _write_text(out, json.dumps(claims, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        _write_text(out, _csv(claims, CLAIM_FIELDS, CLAIM_LISTS))
        if mentions:
            written.append(_write_text(mentions_path(out), _csv(mention_rows(store, flt), MENTION_FIELDS,
                                                               MENTION_LISTS)))
    elif fmt == "parquet":
        _parquet(claims, CLAIM_FIELDS, CLAIM_LISTS, CLAIM_INTS, out)
        if mentions:
            path = mentions_path(out)
            _parquet(mention_rows(store, flt), MENTION_FIELDS, MENTION_LISTS, MENTION_INTS, path)
            written.append(path)
    else:
        _graphml(store, flt, out)
    if isinstance(out, (str, Path)):
        written.insert(0, Path(out))
    return written


def _write_text(out, text: str):
    if isinstance(out, (str, Path)):
        Path(out).write_text(text, encoding="utf-8")
        return Path(out)
    out.write(text)
    return None


def _csv(rows: list[dict], fields, lists) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: LIST_SEP.join(v) if k in lists else ("" if v is None else v) for k, v in row.items()})
    return buf.getvalue()


def read_csv(path: str | Path, lists=CLAIM_LISTS, ints=CLAIM_INTS) -> list[dict]:
    """Load an exported CSV back into rows with lists, ints and None as in the store."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for k, v in row.items():
            if k in lists:
                row[k] = v.split(LIST_SEP) if v else []
            elif k in ints:
                row[k] = int(v)
            elif v == "":
                row[k] = None
            elif k in FLOATS:
                row[k] = float(v)
    return rows


def _parquet(rows: list[dict], fields, lists, ints, out) -> None:
    pa = import_extra("pyarrow", "parquet")
    pq = import_extra("pyarrow.parquet", "parquet")

    schema = pa.schema([
        (k, pa.list_(pa.string()) if k in lists else pa.int64() if k in ints else pa.float64() if k in FLOATS
         else pa.string()) for k in fields])
    table = pa.Table.from_pylist([{k: r.get(k) for k in fields} for r in rows], schema=schema)
    pq.write_table(table, out if not isinstance(out, Path) else str(out))


def _graphml(store, flt, out) -> None:
    import networkx as nx

    graph = store.graph(flt)
    g = nx.MultiDiGraph()
    for n in graph["nodes"]:
        g.add_node(n["id"], name=n["name"] or n["id"], kind=n["kind"] or "", affiliation=n["affiliation"] or "")
    names = {n["id"]: n["name"] or n["id"] for n in graph["nodes"]}
    for e in graph["edges"]:
        attrs = {k: _graphml_value(v) for k, v in e.items() if k not in ("source", "target")}
        attrs.update(supplier_name=names.get(e["source"], e["source"]), recipient_name=names.get(e["target"], e["target"]))
        attrs.update(_type_attrs(e.get("type")))
        g.add_edge(e["source"], e["target"], key=e["id"], **attrs)
    if isinstance(out, (str, Path)):
        nx.write_graphml(g, str(out))
    else:
        out.write("\n".join(nx.generate_graphml(g)) + "\n")


def _type_attrs(type_: str | None) -> dict[str, str]:
    """The registry's legend label and colour of an edge's type (event_types.yaml), as the web page draws it."""
    found = next((t for t in REGISTRY if t.name == type_), None)
    return {"type_label": found.label, "colour": found.colour} if found else {"type_label": type_ or "", "colour": ""}


def _graphml_value(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(value)
    return value
