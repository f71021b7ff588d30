"""`armswatch ingest | claims | show | export` through Typer's CliRunner, against both backends."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from conftest_store import corpus, write_articles, write_syndicated
from typer.testing import CliRunner

from armswatch.cli import app
from armswatch.store import open_store

runner = CliRunner()


@pytest.fixture
def filled_url(store_url):
    s = open_store(store_url)
    articles, mentions = corpus()
    s.add_batch(articles, mentions)
    s.close()
    return store_url


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_cli_store_claims_accepts_actor_names_ids_and_capitals(filled_url):
    outputs = []
    for name in ("North Korea", "PRK", "Pyongyang"):
        result = run("claims", "--supplier", name, "--type", "transfer", "--db", filled_url)
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert "1 of 1 claims" in outputs[0] and "North Korea → Russia" in outputs[0] and "ammunition" in outputs[0]


def test_cli_store_claims_table_and_filters(filled_url):
    result = run("claims", "--recipient", "Moscow", "--db", filled_url)
    assert result.exit_code == 0 and "4 of 4 claims" in result.stdout
    assert "NOT TRANSFER" in result.stdout and "DENIAL" in result.stdout
    result = run("claims", "--min-sources", "2", "--db", filled_url)
    assert "1 of 1 claims" in result.stdout
    result = run("claims", "--claimant", "United States", "--since", "2024-04-01", "--db", filled_url)
    assert "1 of 1 claims" in result.stdout and "China → Russia" in result.stdout
    result = run("claims", "--limit", "1", "--db", filled_url)
    assert "1 of 4 claims" in result.stdout


@pytest.mark.parametrize("args, message", [
    (("--supplier", "Narnia"), "unknown actor 'Narnia'"),
    (("--type", "GIFT"), "valid: TRANSFER"),
    (("--item", "catapults"), "unknown value 'catapults'"),
    (("--since", "yesterday"), "'yesterday' is not a date"),
])
def test_cli_store_claims_bad_filter_exits_2_naming_it(filled_url, args, message):
    result = run("claims", *args, "--db", filled_url)
    assert result.exit_code == 2
    assert message in result.stderr


def test_cli_store_show_prints_every_evidence_sentence_with_its_article(filled_url):
    s = open_store(filled_url)
    shells = next(c for c in s.claims() if c.supplier == "PRK" and c.type == "TRANSFER")
    s.close()
    result = run("show", shells.id, "--db", filled_url)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "North Korea shipped millions of artillery shells to Russia last autumn" in out
    assert "Russia received more North Korean shells by rail in February." in out
    assert "Shells sent by rail" in out and "news-a.example" in out and "2024-03-04" in out
    assert "https://news-a.example/" in out and "mirror.example" in out
    assert "denied by North Korea: c" in out
    missing = run("show", "c000000000000", "--db", filled_url)
    assert missing.exit_code == 2 and "no claim 'c000000000000'" in missing.stderr


def test_cli_store_export_formats(filled_url, tmp_path):
    result = run("export", "--format", "json", "--recipient", "Russia", "--db", filled_url)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == 4 and {"id", "claimants", "denials", "stories"} <= set(data[0])

    out = tmp_path / "claims.csv"
    result = run("export", "--format", "csv", "-o", out, "--mentions", "--supplier", "North Korea", "--db", filled_url)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert {r["type"] for r in rows} == {"TRANSFER", "DENIAL"}
    mentions = list(csv.DictReader(io.StringIO((tmp_path / "claims.mentions.csv").read_text())))
    assert len(mentions) == 5  # A, B and its copy B2 for the transfer; B and B2 for the denial
    assert {m["claim_id"] for m in mentions} == {r["id"] for r in rows}

    graph = tmp_path / "g.graphml"
    assert run("export", "-f", "graphml", "-o", graph, "--db", filled_url).exit_code == 0
    assert nx.read_graphml(graph, force_multigraph=True).number_of_edges() == 4

    bad = run("export", "--format", "xlsx", "--db", filled_url)
    assert bad.exit_code == 2 and "valid: csv, json, graphml, parquet" in bad.stderr
    binary = run("export", "--format", "parquet", "--db", filled_url)
    assert binary.exit_code == 2 and "output file" in binary.stderr


def test_cli_store_ingest_summarises_and_reruns_cleanly(store_url, tmp_path):
    write_syndicated(tmp_path / "news", copies=3)
    write_articles(tmp_path / "news", 2)
    (tmp_path / "news" / "empty.txt").write_text("")
    first = run("ingest", tmp_path / "news", "--db", store_url, "--batch-size", "2")
    assert first.exit_code == 1, first.output  # one input skipped: a partial failure, the rest stored
    assert "5 read, 5 new, 0 already stored, 1 skipped" in first.stderr
    assert "empty.txt" in first.stderr and "3 new stories" in first.stderr
    second = run("ingest", tmp_path / "news", "--db", store_url)
    assert "5 read, 0 new, 5 already stored" in second.stderr
    claims = run("claims", "--supplier", "PRK", "--db", store_url)
    assert claims.exit_code == 0 and "North Korea → Russia" in claims.stdout


def test_cli_store_bad_database_is_one_line_error(tmp_path):
    result = run("claims", "--db", tmp_path / "no" / "such" / "dir.db")  # a usage error, not a bad input
    assert result.exit_code == 2 and "does not exist" in result.stderr
