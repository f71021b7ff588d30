"""Where windows run: a pool of local worker processes, a Dask LocalCluster, or an existing Dask scheduler.

Each is a `concurrent.futures.Executor`, so the client loop (`armswatch.scale.ingest`) is the same for all.

    with open_executor("local:4") as ex: ...          # LocalCluster, 4 single-threaded worker processes
    with open_executor("tcp://10.0.0.5:8786") as ex:  # a running scheduler (`dask scheduler` + `dask worker`)
    with open_executor(4) as ex: ...                  # plain local worker processes (armswatch ingest --workers 4)
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager

from armswatch.errors import InputError, MissingExtraError


def parse_dask_spec(spec: str) -> tuple[str, int | str]:
    """("local", n) for "local:N", ("address", url) for "tcp://host:port"; InputError otherwise."""
    if spec.startswith("local:"):
        n = spec.partition(":")[2]
        if not n.isdigit() or int(n) < 1:
            raise InputError("--dask", f"{spec!r}: expected local:N with N >= 1 worker processes")
        return "local", int(n)
    if spec.startswith(("tcp://", "tls://", "ucx://", "inproc://")):
        return "address", spec
    raise InputError("--dask", f"{spec!r}: expected local:N or a scheduler address tcp://HOST:PORT")


@contextmanager
def open_executor(target: int | str) -> Iterator[Executor]:
    """An executor for `target`: an int (local worker processes) or a --dask spec; shut down on exit."""
    if isinstance(target, int):
        if target < 1:
            raise InputError("--workers", f"{target}: expected at least 1 worker process")
        # spawn: workers start clean (no copy of the client's open database connections or threads)
        with ProcessPoolExecutor(max_workers=target, mp_context=multiprocessing.get_context("spawn")) as pool:
            yield pool
        return
    kind, value = parse_dask_spec(target)
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise MissingExtraError("dask.distributed", "dask") from exc
    if kind == "local":
        cluster = LocalCluster(n_workers=int(value), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        cluster, client = None, Client(str(value))
    try:
        # pure=False: two equal windows (a file given twice) are two tasks, as in a local run
        with client.get_executor(pure=False) as executor:
            yield executor
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class InlineExecutor(Executor):
    """Runs each task at once in this process: the single-process case with the same client loop."""

    _max_workers = 1

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001  handed to the caller through .result(), as a pool would
            future.set_exception(exc)
        return future


def workers_of(executor: Executor) -> int:
    """How many windows to keep in flight: the executor's worker count (threads on a Dask cluster)."""
    client = getattr(executor, "_client", None)
    if client is not None:
        return max(1, sum(client.nthreads().values()))
    return getattr(executor, "_max_workers", 1) or 1
