"""The event-type registry (event_types.yaml) is the one list of types: a new type is a registry entry plus frames.

The toy type LEASE is added without touching Python: a copy of the registry with one more entry and a copy of
triggers.yaml with one more frame, named by ARMSWATCH_EVENT_TYPES and ARMSWATCH_TRIGGERS in a subprocess (the
registry and the rules are read once per process, so nothing leaks into the other tests).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

import armswatch
from armswatch import event_types
from armswatch.claims import ANSWERABLE_TYPES, DENIABLE_TYPES
from armswatch.errors import LexiconError
from armswatch.evaluate import Report
from armswatch.event_types import REGISTRY, SHIPPED_FILE, load_registry
from armswatch.extraction.rules import TRIGGERS_FILE
from armswatch.store.filters import FilterError, make_filter
from armswatch.types import EVENT_TYPES, Mention
from armswatch.web.api import EventType, vocabulary

STATIC_JS = Path(armswatch.__file__).parent / "web" / "static" / "js"


def test_event_types_shipped_registry_is_what_everything_lists():
    names = tuple(t.name for t in REGISTRY)
    assert EVENT_TYPES == names == event_types.EVENT_TYPE_NAMES
    assert set(names) >= set(event_types.REQUIRED)
    assert DENIABLE_TYPES == {t.name for t in REGISTRY if t.deniable} == {"TRANSFER", "PLEDGE", "DEAL"}
    assert ANSWERABLE_TYPES == {t.name for t in REGISTRY if t.negatable} == set(names) - {"DENIAL"}
    assert [e.value for e in EventType] == list(names)
    assert list(Report().per_type) == list(names)
    assert make_filter(type="sanction").type == "SANCTION"
    with pytest.raises(FilterError, match="valid: TRANSFER, PLEDGE"):
        make_filter(type="lease")
    served = vocabulary()
    assert served["types"] == list(names)
    assert [(t["name"], t["label"], t["colour"]) for t in served["event_types"]] == [
        (t.name, t.label, t.colour) for t in REGISTRY]


def test_event_types_page_takes_colours_and_labels_from_the_api():
    style = (STATIC_JS / "style.js").read_text(encoding="utf-8")
    main = (STATIC_JS / "main.js").read_text(encoding="utf-8")
    assert not any(t.colour.lower() in style.lower() or t.label in style for t in REGISTRY)
    assert "setEventTypes(vocab.event_types)" in main


def test_event_types_actors_follow_the_roles():
    denial = Mention(type="DENIAL", supplier="CHN", recipient="RUS", actors=["CHN"])
    transfer = Mention(type="TRANSFER", supplier="CHN", recipient="RUS", actors=["CHN"])
    assert denial.to_dict()["actors"] == ["CHN"] and "actors" not in transfer.to_dict()
    assert event_types.ACTOR_TYPES == {t.name for t in REGISTRY if "actors" in t.roles} == {"DENIAL"}


def test_event_types_bad_registry_reports_every_problem_with_its_line(tmp_path):
    shipped = [line for line in SHIPPED_FILE.read_text(encoding="utf-8").splitlines() if line.startswith("  - ")]
    bad = tmp_path / "event_types.yaml"
    bad.write_text(textwrap.dedent("""\
        version: 1
        colours: []
        types:
          - {name: Lease, colour: "#117733", roles: [supplier, recipient]}
          - {name: RENT, label: "", colour: red, roles: [lessor], deniable: "yes", shade: dark}
          - {name: DEAL, colour: "#009E73", roles: [actors], deniable: true}
          - just a name
        """) + "\n".join(shipped) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_registry(str(bad))
    expected = [
        (1, "unknown top-level key 'colours'"),
        (4, "name must be an upper-case word (A-Z and _), got 'Lease'"),
        (5, "unknown field 'shade'"),
        (5, "RENT: label must be a non-empty string"),
        (5, "RENT: colour must be #RRGGBB, got 'red'"),
        (5, "RENT: roles must be a list taken from actors, recipient, supplier, got ['lessor']"),
        (5, "RENT: deniable must be true or false, got 'yes'"),
        (6, "DEAL: a deniable type needs the roles supplier and recipient"),
        (7, "entry must be a mapping, got 'just a name'"),
        (12, "DEAL: defined twice"),
    ]
    problems = err.value.problems
    for line, needle in expected:
        assert any(p.startswith(f"{bad}:{line}: ") and needle in p for p in problems), (line, needle, problems)
    assert len(problems) == len(expected), problems


def test_event_types_registry_must_keep_the_engine_types(tmp_path):
    path = tmp_path / "event_types.yaml"
    path.write_text('types:\n  - {name: LEASE, colour: "#117733", roles: [supplier, recipient]}\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=f"{path}:2: the engine needs the types TRANSFER, PLEDGE"):
        load_registry(str(path))


# -- a toy type through the registry, end to end ----------------------------------------------------------------

LEASE_ENTRY = ('  - {name: LEASE, label: "lease (rented out)", colour: "#117733", roles: [supplier, recipient], '
               'deniable: true, negatable: true}\n')
LEASE_FRAME = {"id": "lease.v", "type": "LEASE", "pos": ["VERB"], "lemmas": ["lease", "rent"],
               "active": {"supplier": ["nsubj"], "recipient": ["prep:to", "dative"]},
               "passive": {"supplier": ["agent"], "recipient": ["prep:to"]}}

# Runs in the subprocess: extraction, claims, evaluation, the store's filters, exports and the API, as JSON.
TOY_CHECK = r'''
import csv, io, json, sys
from pathlib import Path

from fastapi.testclient import TestClient

import armswatch
from armswatch.claims import ANSWERABLE_TYPES, DENIABLE_TYPES
from armswatch.evaluate import score
from armswatch.export import export
from armswatch.run import ingest
from armswatch.store import open_store
from armswatch.store.filters import make_filter
from armswatch.types import EVENT_TYPES
from armswatch.web import create_app

work = Path(sys.argv[1])
texts = ["Norway leased two frigates to Poland last year, the navy said.",
         "Norway has not leased frigates to Poland, the Norwegian defence ministry said.",
         "Norway denied supplying frigates to Poland."]
src = work / "articles.jsonl"
src.write_text("".join(json.dumps({"text": t, "published": f"2024-05-0{i + 1}", "title": f"t{i}"}) + "\n"
                       for i, t in enumerate(texts)), encoding="utf-8")
out = {"types": list(EVENT_TYPES), "deniable": sorted(DENIABLE_TYPES), "answerable": sorted(ANSWERABLE_TYPES)}
out["extract"] = [[m.to_dict()[k] for k in ("type", "supplier", "recipient", "polarity", "rule")]
                  for t in texts for m in armswatch.extract(t)]
gold = {"type": "LEASE", "supplier": "NOR", "recipient": "POL", "polarity": "affirmed", "claimant": "author",
        "item_category": "naval"}
report = score([{"id": "p1", "text": texts[0], "mentions": [gold]}], {"p1": armswatch.extract(texts[0])})
out["eval"] = report.per_type["LEASE"].to_dict()
url = f"sqlite:///{work / 'toy.db'}"
with open_store(url) as store:
    ingest([str(src)], store)
    claims = {c.id: c for c in store.claims()}
    out["claims"] = sorted([c.type, c.polarity, c.item_category, sorted(claims[d].type + "/" + claims[d].polarity
                            for d in c.denials)] for c in claims.values() if c.type == "LEASE")
    only = make_filter(store, type="lease")
    buf = io.StringIO()
    export(store, "csv", buf, flt=only)
    out["csv"] = sorted(r["type"] for r in csv.DictReader(io.StringIO(buf.getvalue())))
    buf = io.StringIO()
    export(store, "json", buf, flt=only)
    out["json"] = sorted(c["type"] for c in json.loads(buf.getvalue()))
    buf = io.StringIO()
    export(store, "graphml", buf, flt=only)
    out["graphml"] = buf.getvalue()
with TestClient(create_app(url)) as client:
    vocab = client.get("/api/vocabulary").json()
    out["api_types"] = vocab["types"]
    out["api_lease"] = [t for t in vocab["event_types"] if t["name"] == "LEASE"]
    out["api_claims"] = sorted(c["type"] for c in client.get("/api/claims", params={"type": "LEASE"}).json()["claims"])
    out["api_graph"] = sorted(e["type"] for e in client.get("/api/graph", params={"type": "LEASE"}).json()["edges"])
print(json.dumps(out))
'''


def toy_files(folder: Path) -> tuple[Path, Path]:
    """A registry with LEASE added and a triggers file with a frame for it: data only, no Python."""
    registry = folder / "event_types.yaml"
    registry.write_text(SHIPPED_FILE.read_text(encoding="utf-8") + LEASE_ENTRY, encoding="utf-8")
    rules = yaml.safe_load(TRIGGERS_FILE.read_text(encoding="utf-8"))
    rules["frames"].insert(0, LEASE_FRAME)
    triggers = folder / "triggers.yaml"
    triggers.write_text(yaml.safe_dump(rules, sort_keys=False), encoding="utf-8")
    return registry, triggers


def test_event_types_toy_type_through_the_registry(tmp_path):
    registry, triggers = toy_files(tmp_path)
    src = str(Path(armswatch.__file__).parents[1])
    env = {**os.environ, "ARMSWATCH_EVENT_TYPES": str(registry), "ARMSWATCH_TRIGGERS": str(triggers),
           "PYTHONPATH": os.pathsep.join([src, *filter(None, [os.environ.get("PYTHONPATH")])])}
    env.pop("ARMSWATCH_DB", None)
    done = subprocess.run([sys.executable, "-c", TOY_CHECK, str(tmp_path)], env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["types"] == [*EVENT_TYPES, "LEASE"] == out["api_types"]
    assert "LEASE" in out["deniable"] and "LEASE" in out["answerable"]
    # extraction codes it (and the negated reading), the frame's id is the rule
    assert out["extract"][:2] == [["LEASE", "NOR", "POL", "affirmed", "lease.v"],
                                  ["LEASE", "NOR", "POL", "negated", "lease.v"]]
    assert ["DENIAL", "NOR", "POL", "affirmed"] == out["extract"][2][:4]
    assert out["eval"]["tp"] == 1 and out["eval"]["fp"] == out["eval"]["fn"] == 0
    # claims aggregate it, and the registry's flags link the denial and the negated twin to it
    assert out["claims"] == [["LEASE", "affirmed", "naval", ["DENIAL/affirmed", "LEASE/negated"]],
                             ["LEASE", "negated", "naval", []]]
    assert out["csv"] == out["json"] == out["api_claims"] == out["api_graph"] == ["LEASE", "LEASE"]
    assert "lease (rented out)" in out["graphml"] and "#117733" in out["graphml"]
    assert out["api_lease"] == [{"name": "LEASE", "label": "lease (rented out)", "colour": "#117733",
                                 "roles": ["supplier", "recipient"], "deniable": True, "negatable": True}]
