"""Turns `--db URL|PATH` / ARMSWATCH_DB / ./armswatch.db into a SQLAlchemy engine with the schema in place."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from armswatch.errors import MissingExtraError, StoreError
from armswatch.store import schema
from armswatch.store.search import ensure_search_index

DEFAULT_DB = "armswatch.db"
ENV_VAR = "ARMSWATCH_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000  # a reader or a second writer waits this long for the lock instead of failing


def resolve_url(url: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL: None -> $ARMSWATCH_DB or ./armswatch.db; a path -> sqlite; postgres:// -> psycopg."""
    url = os.fspath(url) if url is not None else (os.environ.get(ENV_VAR) or DEFAULT_DB)
    if "://" not in url:
        return "sqlite:///" + str(Path(url).expanduser().resolve())
    for plain in ("postgres://", "postgresql://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain):]
    return url


def make_engine(url: str | os.PathLike | None = None) -> Engine:
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
    except ArgumentError as exc:
        raise StoreError(f"bad database URL {resolved!r}: {exc}") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database {backend!r} in {parsed.render_as_string()}: use a SQLite path or postgresql+psycopg://")
    if backend == "sqlite" and parsed.database and parsed.database != ":memory:":
        parent = Path(parsed.database).parent
        if not parent.is_dir():
            raise StoreError(f"{parsed.database}: folder {parent} does not exist")
    try:
        engine = create_engine(parsed, future=True)
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] == "psycopg":
            raise MissingExtraError("psycopg", "postgres") from None
        raise StoreError(f"driver {exc.name} for {parsed.drivername} is not installed; armswatch uses "
                         "postgresql+psycopg:// (pip install 'armswatch[postgres]')") from None
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


WRITE_LOCK_KEY = 0x61726D73  # "arms": the PostgreSQL advisory lock every armswatch writer holds while it writes


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the database's write lock from its first statement, so writers run one at a time.

    Serialising writers keeps batches short-locked but race-free: the ids a batch sees as stored, the stories it
    joins and the claims it recomputes are those committed by every earlier writer (SQLite: BEGIN IMMEDIATE;
    PostgreSQL: a transaction-scoped advisory lock, with READ COMMITTED giving each statement a fresh snapshot).
    """
    with engine.execution_options(armswatch_write=True).begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
        yield conn


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun by _sqlite_begin, not by the driver
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the web UI) never block the ingest's writer
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")  # in WAL mode a killed process still loses no committed transaction
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # a deferred transaction that later writes cannot wait for the lock (SQLITE_BUSY at once); IMMEDIATE waits
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("armswatch_write") else "BEGIN")


def add_missing_columns(conn: Connection) -> None:
    """ALTER TABLE ... ADD COLUMN for each column of schema.ADDED_COLUMNS an older database lacks."""
    have = {name: {c["name"] for c in inspect(conn).get_columns(name)} for name in {n for n, _, _ in
                                                                                    schema.ADDED_COLUMNS}}
    for table, column, statement in schema.ADDED_COLUMNS:
        if column not in have[table]:
            conn.exec_driver_sql(statement)


def ensure_schema(engine: Engine) -> int:
    """Create the tables on first use and record the version; refuse a database from a newer release."""
    try:
        with write_transaction(engine) as conn:  # two first uses at once must not both create the tables
            schema.metadata.create_all(conn, checkfirst=True)
            add_missing_columns(conn)
            version = conn.execute(select(func.max(schema.schema_version.c.version))).scalar()
            if version is None or version < schema.SCHEMA_VERSION:
                # version 2 added the search index; ensure_search_index builds it from the stored mentions
                conn.execute(insert(schema.schema_version).values(
                    version=schema.SCHEMA_VERSION, applied_at=datetime.now(UTC)))
                version = schema.SCHEMA_VERSION
            if version <= schema.SCHEMA_VERSION:
                ensure_search_index(conn)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {engine.url.render_as_string()}: {exc.__class__.__name__}: "
                         f"{str(exc.orig if hasattr(exc, 'orig') else exc).strip().splitlines()[0]}") from None
    if version > schema.SCHEMA_VERSION:
        raise StoreError(f"database {engine.url.render_as_string()} has schema version {version}, newer than this "
                         f"armswatch ({schema.SCHEMA_VERSION}): upgrade armswatch")
    return version
