"""Scale-out: an ingest on worker processes or a Dask LocalCluster gives the same database as a local ingest."""
from __future__ import annotations

import os
import shutil

import pytest
from conftest_scale import database_rows

from armswatch import samples
from armswatch.errors import InputError
from armswatch.run import ingest
from armswatch.scale import PipelineConfig, ingest_parallel, open_executor, parse_dask_spec, windows
from armswatch.store import open_store


@pytest.fixture(scope="module")
def local_db(tmp_path_factory):
    """The bundled samples ingested by the plain local loop: the reference database."""
    url = f"sqlite:///{tmp_path_factory.mktemp('local') / 'local.db'}"
    with open_store(url) as store:
        summary = ingest([str(samples.path())], store)
    assert summary.new > 10 and summary.mentions > 0
    return url


@pytest.mark.parametrize("spec, parsed", [("local:2", ("local", 2)), ("tcp://10.0.0.5:8786", ("address", "tcp://10.0.0.5:8786"))])
def test_scale_parse_dask_spec_accepts_local_and_addresses(spec, parsed):
    assert parse_dask_spec(spec) == parsed


@pytest.mark.parametrize("spec", ["local:0", "local:x", "10.0.0.5:8786", "yarn"])
def test_scale_parse_dask_spec_rejects_bad_specs_naming_the_option(spec):
    with pytest.raises(InputError, match="--dask"):
        parse_dask_spec(spec)


def test_scale_windows_cover_every_input_in_reader_order(tmp_path):
    from armswatch import read

    shutil.copytree(samples.path(), tmp_path / "in")
    (tmp_path / "in" / "zz-empty.txt").write_text("")
    sources = [str(tmp_path / "in"), str(tmp_path / "missing.txt")]
    raw = [item for window in windows(sources) for item in window]
    read_sources = [getattr(item, "source", None) for item in read(sources)]
    assert [item.source for item in raw] == read_sources
    assert raw[-1].source.endswith("missing.txt") and "no such file" in raw[-1].reason


@pytest.fixture(scope="module")
def dask_cluster():
    """A LocalCluster of 2 single-threaded worker processes and a client-side executor on it."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client, client.get_executor(pure=False) as executor:
        yield client, executor


@pytest.mark.slow
def test_scale_dask_local_cluster_ingest_equals_local_ingest(local_db, dask_cluster, tmp_path):
    client, executor = dask_cluster
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    with open_store(url) as store:
        summary = ingest_parallel([str(samples.path())], store, executor, config=PipelineConfig.from_env())
        again = ingest_parallel([str(samples.path())], store, executor)
    assert len(set(client.run(os.getpid).values())) == 2
    assert summary.new > 10 and summary.mentions > 0 and not summary.skipped
    got, want = database_rows(url), database_rows(local_db)
    for table in ("articles", "stories", "signatures", "mentions", "claims", "claim_claimants", "claim_links"):
        assert got[table] == want[table], table
    assert got == want
    assert again.new == 0 and again.mentions == 0 and again.already == summary.read  # a rerun stores nothing


@pytest.mark.slow
@pytest.mark.postgres
def test_scale_dask_ingest_into_postgresql_equals_local_sqlite_ingest(local_db, dask_cluster):
    from conftest_store import PgSchemas, pg_base_url

    schemas = PgSchemas(pg_base_url())
    try:
        url = schemas.new_url()
        with open_store(url) as store:
            ingest_parallel([str(samples.path())], store, dask_cluster[1])
        assert database_rows(url) == database_rows(local_db)
    finally:
        schemas.drop_all()


@pytest.mark.slow
def test_scale_worker_processes_ingest_equals_local_and_reruns_store_nothing(local_db, tmp_path):
    url = f"sqlite:///{tmp_path / 'workers.db'}"
    with open_executor(2) as executor, open_store(url) as store:
        first = ingest_parallel([str(samples.path())], store, executor)
        again = ingest_parallel([str(samples.path())], store, executor)
    assert database_rows(url) == database_rows(local_db)
    assert first.new == first.read and again.new == 0 and again.already == first.read
    assert again.mentions == 0 and again.totals == first.totals


def test_scale_cli_rejects_a_bad_dask_spec_as_usage_error(tmp_path):
    from conftest_cli import invoke

    ran = invoke("ingest", str(samples.path()), "--db", str(tmp_path / "x.db"), "--dask", "yarn")
    assert ran.code == 2 and "--dask" in ran.stderr and "local:N" in ran.stderr


@pytest.mark.slow
def test_scale_cli_ingest_with_workers_stores_what_a_local_ingest_stores(local_db, tmp_path):
    from conftest_cli import run_script

    db = tmp_path / "cli.db"
    ran = run_script("ingest", str(samples.path()), "--db", str(db), "--workers", "2", timeout=900)
    assert ran.code == 0, ran.stderr
    assert "articles:" in ran.stderr
    assert database_rows(f"sqlite:///{db}") == database_rows(local_db)
