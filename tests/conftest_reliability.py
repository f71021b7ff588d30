"""Shared harness for the reliability tests: an invented news corpus, hostile-input strategies, DB snapshots, kills.

Everything here drives the real parts (real files, real SQLite/PostgreSQL, real child processes killed with SIGKILL);
nothing is mocked. Imported by tests/test_reliability*.py, test_fuzz*.py, test_concurrency*.py and friends.
"""
from __future__ import annotations

import codecs
import gzip
import multiprocessing
import os
import random
import re
import signal
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest_store import pg_base_url as pg_test_url
from conftest_web import live_server as serve_app  # noqa: F401  (re-exported: the reliability tests serve apps with it)
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
IN_CI = bool(os.environ.get("CI"))

# ---------------------------------------------------------------------------------------------------------------
# An invented news corpus (no text from ../shared is used): every article states one or two supply events, so an
# ingest produces articles, mentions and claims, and a few articles are syndicated copies so dedup has work to do.
# ---------------------------------------------------------------------------------------------------------------
SUPPLIERS = ["Iran", "North Korea", "China", "Belarus", "the United States", "Germany", "France", "Turkey",
             "South Korea", "Poland"]
RECIPIENTS = ["Russia", "Ukraine", "Sudan", "Armenia", "Azerbaijan", "Taiwan", "Israel", "Serbia"]
ITEMS = ["artillery shells", "Shahed drones", "ballistic missiles", "air defence systems", "armoured vehicles",
         "assault rifles", "fighter jets", "patrol boats", "ammunition", "howitzers"]
VERBS = ["has delivered", "supplied", "shipped", "has sent", "provided"]
CLAIMANTS = ["officials in Washington said", "the defence ministry said", "a spokesman told reporters",
             "analysts at a think tank said", "according to satellite imagery reviewed by reporters"]
PLACES = ["Odesa", "Rostov", "Gdansk", "Busan", "Izmir", "Bandar Abbas", "Minsk", "Khartoum", "Yerevan", "Baku",
          "Taipei", "Haifa", "Belgrade", "Constanta", "Kaliningrad", "Vladivostok"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
PEOPLE = ["Anna Kovalenko", "Marek Nowak", "Lee Ji-ho", "Emre Demir", "Sara Haddad", "Tomas Berg", "Nadia Petrova",
          "Omar Farouk", "Ines Duarte", "Yusuf Kaya", "Mira Stein", "Pavel Horak"]
# Sentence templates with many slots, so two different invented stories share few word triples (the dedup
# shingles): only the deliberate syndicated copies should look alike.
FILLER = [
    "Customs records reviewed by the newspaper showed {n} cargo flights landing near {place} during {month}.",
    "{person}, a researcher who tracks rail traffic around {place}, counted {n} flatcars covered with tarpaulins.",
    "Diplomats in {place} declined to comment when asked about the {n} containers on {month} {day}.",
    "Satellite pictures taken over {place} on {month} {day} show {n} trucks parked beside a warehouse.",
    "Lawmakers led by {person} asked for a closed hearing on the matter before the {month} recess.",
    "The port authority in {place} said {n} ships had changed their declared destination since {month}.",
    "Insurance brokers quoted by {person} said premiums for voyages to {place} rose {n} percent in {month}.",
    "A convoy of {n} vehicles was seen leaving {place} at dawn on {month} {day}, residents told {person}.",
    "{person} said the contract, worth about {n} million dollars, was signed in {place} in {month}.",
    "Officials at the embassy in {place} did not answer {n} written questions sent on {month} {day}.",
]
DAYS = ["2024-03-04", "2024-03-11", "2024-04-02", "2024-05-19", "2024-06-23", "2024-07-08"]


def _filler(rng: random.Random, k: int) -> list[str]:
    return [t.format(n=rng.randint(3, 997), place=rng.choice(PLACES), month=rng.choice(MONTHS),
                     day=rng.randint(1, 28), person=rng.choice(PEOPLE)) for t in rng.sample(FILLER, k)]


def invented_article(i: int, rng: random.Random) -> tuple[str, str, str]:
    """(title, published, body) of one invented news article."""
    sup, rec = rng.choice(SUPPLIERS), rng.choice(RECIPIENTS)
    item, verb, who = rng.choice(ITEMS), rng.choice(VERBS), rng.choice(CLAIMANTS)
    title = f"{sup[0].upper() + sup[1:]} {verb} {item} to {rec}, report says (story {i})"
    extra = _filler(rng, 4)
    paras = [f"{sup[0].upper() + sup[1:]} {verb} {item} to {rec}, {who} on {rng.choice(MONTHS)} {rng.randint(1, 28)}.",
             " ".join(extra[:2]),
             (f"Separately, {rng.choice(RECIPIENTS)} asked {rng.choice(SUPPLIERS)} for more {rng.choice(ITEMS)}, "
              f"{rng.choice(PEOPLE)} said in a statement numbered {1000 + i}."),
             " ".join(extra[2:])]
    return title, rng.choice(DAYS), "\n\n".join(paras)


def write_corpus(folder: Path, n: int = 30, seed: int = 7, html_every: int = 5, copies: int = 3) -> list[Path]:
    """Write `n` invented articles (.txt, every `html_every`-th as .html) plus `copies` syndicated near-copies."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths: list[Path] = []
    bodies: list[tuple[str, str, str]] = []
    for i in range(n):
        title, day, body = invented_article(i, rng)
        bodies.append((title, day, body))
        if html_every and i % html_every == html_every - 1:
            paths.append(_write(folder / f"article-{i:03d}.html", html_page(title, day, body)))
        else:
            paths.append(_write(folder / f"article-{i:03d}.txt", f"{title}\n\n{body}\n"))
    for j in range(copies):  # the same story as republished by another outlet: a dateline and a credit line added
        title, day, body = bodies[j * 3]
        text = f"{title}\n\nKYIV (Wire) — {body}\n\nReporting by a wire service; editing by the desk.\n"
        paths.append(_write(folder / f"copy-{j:02d}.txt", text))
    return paths


def html_page(title: str, day: str, body: str) -> str:
    from html import escape

    paras = "".join(f"<p>{escape(p)}</p>\n" for p in body.split("\n\n"))
    return (f"<!doctype html><html><head><title>{escape(title)}</title>"
            f'<meta property="article:published_time" content="{day}"></head><body>'
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(title)}</h1><time datetime='{day}'>{day}</time>\n{paras}</article>"
            f"<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>")


def _write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


# ---------------------------------------------------------------------------------------------------------------
# Hostile inputs for the fuzz tests: (file name, bytes). The name's extension is drawn independently of the content
# so wrong extensions come up as often as right ones.
# ---------------------------------------------------------------------------------------------------------------
EXTENSIONS = [".txt", ".html", ".htm", ".jsonl", ".json", ".xml", ".rss", ".md", ".warc", ".warc.gz", ".gz",
              ".pdf", ".csv", ""]

_words = st.sampled_from(["Iran", "Russia", "drones", "supplied", "the", "shells", "to", "said", "<", ">", "&amp;",
                          "\u202e", "\x00", "\ufeff", "\r\n", "\n\n", "é", "中文", "🚀", "\u0301"])
news_like_text = st.lists(_words, min_size=0, max_size=60).map(" ".join)
unicode_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)  # surrogates excluded: unencodable
any_text = st.one_of(news_like_text, unicode_text, st.text(max_size=200).map(lambda s: s.encode("utf-8", "replace")
                                                                                      .decode("utf-8", "replace")))


@st.composite
def huge_line(draw) -> bytes:
    unit = draw(st.sampled_from(["a", "Iran supplied drones to Russia. ", "<b>", "é", "x" * 7 + " "]))
    size = draw(st.integers(min_value=100_000, max_value=600_000))
    return (unit * (size // len(unit) + 1))[:size].encode("utf-8")


@st.composite
def nested_html(draw) -> bytes:
    depth = draw(st.integers(min_value=100, max_value=6000))
    tag = draw(st.sampled_from(["div", "span", "b", "table", "ul", "blockquote", "p"]))
    close = draw(st.booleans())
    inner = draw(news_like_text)
    return (f"<html><body>{f'<{tag}>' * depth}{inner}{f'</{tag}>' * depth if close else ''}</body></html>"
            .encode())


@st.composite
def wrong_encoding(draw) -> bytes:
    text = draw(st.one_of(news_like_text, unicode_text))
    enc = draw(st.sampled_from(["utf-16", "utf-16-be", "utf-32", "latin-1", "cp1252", "shift_jis", "koi8-r"]))
    return text.encode(enc, "replace")


@st.composite
def truncated(draw) -> bytes:
    """A valid document of some kind cut off at a random byte (maybe in the middle of a UTF-8 sequence)."""
    doc = draw(st.sampled_from([
        html_page("Iran shipped drones to Russia", "2024-03-04",
                  "Iran shipped drones to Russia, officials said.\n\nMore to come é中文.").encode("utf-8"),
        b'{"id": "a1", "text": "Iran supplied drones to Russia.", "published": "2024-01-02"}\n' * 3,
        gzip.compress(b"Iran supplied drones to Russia, officials said.\n" * 20),
        (b"<?xml version='1.0'?><rss><channel><item><title>Drones</title><description>Iran supplied drones"
         b"</description></item></channel></rss>"),
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>",
        "Iran supplied drones to Russia — officials said. 中文 é 🚀".encode(),
    ]))
    return doc[: draw(st.integers(min_value=0, max_value=len(doc)))]


json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), any_text)
json_value = st.recursive(json_scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                               st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                          max_leaves=8)


@st.composite
def hostile_jsonl(draw) -> bytes:
    """JSON lines that parse but lie: text as a number or a list, dates in the future or nonsense, missing ids."""
    import json

    lines = []
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        record = draw(st.dictionaries(st.sampled_from(["id", "text", "published", "title", "url", "source", "x"]),
                                      json_value, max_size=6))
        if draw(st.booleans()):
            record["text"] = draw(st.one_of(news_like_text, json_value))
        line = json.dumps(record, ensure_ascii=draw(st.booleans()))
        if draw(st.integers(min_value=0, max_value=9)) == 0:
            line = line[: draw(st.integers(min_value=0, max_value=len(line)))]  # a truncated line
        lines.append(line)
    return "\n".join(lines).encode("utf-8", "surrogatepass")


hostile_bytes = st.one_of(
    st.binary(max_size=2000),
    any_text.map(lambda s: s.encode("utf-8")),
    huge_line(),
    nested_html(),
    wrong_encoding(),
    truncated(),
    hostile_jsonl(),
    st.just(b""),
    st.just(codecs.BOM_UTF8),
    st.just(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
    st.just(b"\x89PNG\r\n\x1a\n" + bytes(200)),
)

KIND_NAMES = {0: "random bytes", 1: "random unicode", 2: "huge line", 3: "deeply nested html", 4: "wrong encoding",
              5: "truncated file"}


@st.composite
def hostile_file(draw) -> tuple[str, bytes]:
    name = draw(st.from_regex(r"[a-z0-9_-]{1,12}", fullmatch=True))
    return name + draw(st.sampled_from(EXTENSIONS)), draw(hostile_bytes)


# ---------------------------------------------------------------------------------------------------------------
# Time limits: a per-document alarm so a hang fails the example with a message instead of freezing CI.
# ---------------------------------------------------------------------------------------------------------------
class Hang(AssertionError):
    pass


@contextmanager
def time_limit(seconds: float, what: str):
    """Fail with Hang if the block runs longer than `seconds`.

    A watchdog thread sends SIGUSR1 to the main thread, so this does not fight the ingest's own SIGALRM-based
    per-document limit (an outer ITIMER_REAL would be cancelled by the inner one).
    """
    start = time.monotonic()

    def on_signal(signum, frame):
        raise Hang(f"{what} took more than {seconds} s")

    main = threading.main_thread().ident
    old = signal.signal(signal.SIGUSR1, on_signal)
    timer = threading.Timer(seconds, lambda: signal.pthread_kill(main, signal.SIGUSR1))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        signal.signal(signal.SIGUSR1, old)
    if time.monotonic() - start > seconds:  # the signal came while in C code and was swallowed
        raise Hang(f"{what} took {time.monotonic() - start:.1f} s (limit {seconds} s)")


# ---------------------------------------------------------------------------------------------------------------
# Databases: a fresh SQLite file or a fresh PostgreSQL database (armswatch_rel_*) per test.
# ---------------------------------------------------------------------------------------------------------------
def _pg_admin_conninfo(url: str) -> str:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return (f"host={u.host or '127.0.0.1'} port={u.port or 5432} user={u.username or 'postgres'} dbname=postgres"
            + (f" password={u.password}" if u.password else ""))


def fresh_pg_database(url: str, name: str) -> str:
    """Drop and re-create database `name` on the server of `url`; return its SQLAlchemy URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    assert re.fullmatch(r"armswatch_rel_[a-z0-9_]+", name), name
    with psycopg.connect(_pg_admin_conninfo(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_pg_admin_conninfo(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url_factory(request, tmp_path):
    """A function name -> fresh database URL, for SQLite (a file in tmp_path) and PostgreSQL (a new database)."""
    made: list[str] = []
    base = pg_test_url() if request.param == "postgres" else None

    def make(name: str) -> str:
        if base is None:
            return f"sqlite:///{tmp_path / (name + '.db')}"
        db = f"armswatch_rel_{name}_{os.getpid()}"
        made.append(db)
        return fresh_pg_database(base, db)

    make.kind = request.param
    yield make
    for db in made:
        drop_pg_database(base, db)


# ---------------------------------------------------------------------------------------------------------------
# Snapshots: the content of every table, minus what legitimately differs between two runs of the same ingest
# (surrogate integer keys, timestamps, run ids), with integer foreign keys replaced by the row they point to.
# ---------------------------------------------------------------------------------------------------------------
VOLATILE = re.compile(r"(^|_)(at|time|timestamp|created|updated|ingested|inserted|run|run_id|pid|seen_at|elapsed)$"
                      r"|^(created|updated|ingested|inserted)_")
# FTS5's shadow tables hold the search index's b-tree pages, whose bytes depend on insertion order; the index's
# rows themselves are compared through the virtual table `mention_search`.
SKIP_TABLES = re.compile(r"^(alembic_version|runs?|ingest_runs?|jobs?|locks?|progress|checkpoints?|sqlite_.*|"
                         r"mention_search_(data|idx|content|docsize|config))$")


def snapshot(url: str, tables: Iterable[str] | None = None) -> dict[str, Counter]:
    """table -> Counter of row tuples (a multiset, so a duplicated row shows up as a count of 2)."""
    from sqlalchemy import MetaData, create_engine, select

    engine = create_engine(url)
    try:
        meta = MetaData()
        meta.reflect(engine)
        wanted = [t for t in meta.sorted_tables if not SKIP_TABLES.match(t.name)
                  and (tables is None or t.name in set(tables))]
        with engine.connect() as conn:
            raw = {t.name: [dict(r._mapping) for r in conn.execute(select(t))] for t in wanted}
        surrogate = {t.name: _surrogate_keys(t) for t in wanted}
        by_key: dict[str, dict] = {}
        for t in wanted:  # index rows by surrogate key so foreign keys can be replaced by content
            keys = surrogate[t.name]
            if len(keys) == 1:
                k = keys[0]
                by_key[t.name] = {row[k]: row for row in raw[t.name]}

        def content(table, row, depth=0):
            out = []
            for col in table.columns:
                name = col.name
                if name in surrogate[table.name] or VOLATILE.search(name):
                    continue
                value = row[name]
                fk = next(iter(col.foreign_keys), None)
                if fk is not None and fk.column.table.name in by_key and depth < 3 and value is not None:
                    target = fk.column.table
                    value = content(target, by_key[target.name].get(value, {c.name: None for c in target.columns}),
                                    depth + 1)
                out.append((name, _norm(value)))
            return tuple(out)

        return {t.name: Counter(content(t, row) for row in raw[t.name]) for t in wanted}
    finally:
        engine.dispose()


def _surrogate_keys(table) -> list[str]:
    """Integer primary keys (autoincrement ids): they depend on insertion order, not on content."""
    from sqlalchemy import Integer

    return [c.name for c in table.primary_key.columns if isinstance(c.type, Integer)]


def _norm(value):
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, (list, dict)):
        import json

        return json.dumps(value, sort_keys=True)
    return value


def diff_snapshots(a: dict[str, Counter], b: dict[str, Counter], limit: int = 3) -> str:
    """A short human-readable difference ('' when equal)."""
    lines = []
    for table in sorted(set(a) | set(b)):
        ca, cb = a.get(table, Counter()), b.get(table, Counter())
        if ca == cb:
            continue
        missing, extra = ca - cb, cb - ca
        lines.append(f"{table}: {sum(ca.values())} rows vs {sum(cb.values())}; "
                     f"{sum(missing.values())} missing, {sum(extra.values())} extra")
        for row in list(missing)[:limit]:
            lines.append(f"  missing: {str(row)[:300]}")
        for row in list(extra)[:limit]:
            lines.append(f"  extra x{extra[row]}: {str(row)[:300]}")
    return "\n".join(lines)


def row_count(snap: dict[str, Counter]) -> int:
    return sum(sum(c.values()) for c in snap.values())


def table_count(url: str, table: str) -> int:
    """Rows in `table` now (0 if the table does not exist yet): used to time kills in the middle of writing."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url, connect_args={"timeout": 1} if url.startswith("sqlite") else {})
    try:
        if table not in inspect(engine).get_table_names():
            return 0
        with engine.connect() as conn:
            return conn.execute(text(f'SELECT COUNT(*) FROM "{table}"')).scalar_one()  # table name is ours
    except Exception:  # noqa: BLE001  locked or being created: treat as "no progress yet"
        return 0
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------------------------------------------
# Child processes: a forked worker inherits the parent's loaded spaCy model, so each kill costs no model load.
# ---------------------------------------------------------------------------------------------------------------
_fork = multiprocessing.get_context("fork")


def _child_main(fn, args, kwargs):
    try:
        fn(*args, **kwargs)
    except BaseException as exc:  # noqa: BLE001  the exit code tells the parent; the traceback goes to stderr
        import traceback

        traceback.print_exc()
        sys.stderr.flush()
        os._exit(3 if not isinstance(exc, SystemExit) else int(exc.code or 0))
    os._exit(0)


def start_child(fn: Callable, *args, **kwargs):
    proc = _fork.Process(target=_child_main, args=(fn, args, kwargs), daemon=True)
    proc.start()
    return proc


def kill9(proc) -> None:
    """SIGKILL one process we started, by its pid, and reap it."""
    pid = proc.pid
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.join(timeout=30)


# ---------------------------------------------------------------------------------------------------------------
# Local HTTP server for the network tests (real sockets on 127.0.0.1).
# ---------------------------------------------------------------------------------------------------------------
def wait_for_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout} s")


class ThreadedServer:
    """http.server on a free port in a daemon thread; `hits` records every request path."""

    def __init__(self, handler_cls):
        from http.server import ThreadingHTTPServer

        self.hits: list[str] = []
        hits = self.hits

        class Recording(handler_cls):
            def log_message(self, *a):  # keep pytest output clean
                pass

            def parse_request(self):
                ok = super().parse_request()
                if ok:
                    hits.append(self.path)
                return ok

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recording)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def raw_get(base: str, raw_path: str, timeout: float = 10.0) -> tuple[int, bytes]:
    """GET a path byte-for-byte (no client-side normalisation of '..' or %2e): (status, body)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as s:
        s.sendall(f"GET {raw_path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, body
