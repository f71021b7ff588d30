"""Readers: every input kind, and every kind of bad input reported with its reason while the rest is read."""
from __future__ import annotations

import gzip
import io
import json
import shutil
import time
from itertools import pairwise

import pytest
from conftest_ingest import DATA, STORY_A, STORY_B, article_html

from armswatch.ingest import read, user_agent
from armswatch.types import Article, Skipped


def split(items):
    items = list(items)
    return [x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, Skipped)]


def by_source(items):
    return {x.source.rsplit("/", 1)[-1]: x for x in items}


# ---- files -----------------------------------------------------------------------------------------------------

def test_ingest_txt_reads_headline_date_wire_and_drops_footer():
    (art,) = read([DATA / "wire-ap.txt"])
    assert art.title == "Finland to hand Ukraine a new air defence package, minister says"
    assert art.published == "2024-03-05"
    assert art.wire == "Associated Press"
    assert art.body.startswith("HELSINKI, Finland (AP) — Finland will give Ukraine")  # the dateline stays
    for furniture in ("Share this", "Related posts", "Sweden weighs", "Subscribe", "Published:"):
        assert furniture not in art.text
    assert art.lang == "en" and art.source.endswith("wire-ap.txt")


def test_ingest_html_uses_metadata_and_drops_comments():
    (art,) = read([DATA / "reuters.html"])
    assert art.title == "Spain to send Leopard tanks from storage to Ukraine"
    assert art.site == "Iberia Today"
    assert art.author == "Lucia Ortega"
    assert art.published == "2023-02-07"
    assert art.wire == "Reuters"
    assert "Commenter Paco" not in art.text and "Share this" not in art.text
    assert "Home" not in art.text.split()


def test_ingest_html_date_is_not_invented_from_copyright_line():
    (art,) = read([DATA / "no-date.html"])
    assert art.published is None
    assert art.body.startswith("PRAGUE — A Czech-led initiative")


def test_ingest_malformed_html_is_still_read():
    (art,) = read([DATA / "malformed.html"])
    assert art.title == "Bulgaria approves transfer of old air defence missiles"
    assert "kept in depots near the capital for decades" in art.text


def test_ingest_html_without_article_text_is_skipped():
    arts, skipped = split(read([DATA / "nothing.html"]))
    assert not arts
    assert skipped[0].source.endswith("nothing.html")
    assert "text" in skipped[0].reason


def test_ingest_json_and_jsonl_records_with_bad_lines_reported():
    items = list(read([DATA / "records.jsonl", DATA / "record.json"]))
    arts, skipped = split(items)
    assert [a.title for a in arts] == ["Estonia to send howitzers to Ukraine", "Latvia buys coastal missile system",
                                       "Denmark speeds up F-16 deliveries"]
    estonia, latvia, denmark = arts
    assert estonia.url == "https://news.example.org/estonia-howitzers" and estonia.published == "2024-01-15"
    assert latvia.body.startswith("RIGA — Latvia has signed")
    assert denmark.published == "2024-06-12"
    reasons = {s.source.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert "invalid JSON" in reasons["records.jsonl#3"] and "line 3" in reasons["records.jsonl#3"]
    assert "no 'text' or 'html'" in reasons["records.jsonl#4"]


def test_ingest_cp1252_text_is_decoded_not_mangled():
    (art,) = read([DATA / "cp1252.txt"])
    assert "Greece’s defence ministry" in art.text
    assert "“a fair exchange”" in art.text and "réserve" in art.text
    assert "\ufffd" not in art.text and "â€" not in art.text


def test_ingest_mojibake_is_repaired(tmp_path):
    good = "\n\n".join(["Croatia sends helicopters", *STORY_A]).replace("Italy will", "Italy’s government will")
    (tmp_path / "moji.txt").write_bytes(good.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    (art,) = read([tmp_path / "moji.txt"])
    assert "Italy’s government" in art.text


def test_ingest_non_english_is_kept_and_marked():
    (art,) = read([DATA / "french.txt"])
    assert art.lang == "fr"
    assert art.title.startswith("La France va livrer")


def test_ingest_directory_recursive_reports_each_bad_file_and_reads_the_rest(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(DATA / "wire-ap.txt", tmp_path / "a" / "b" / "story.txt")
    shutil.copy(DATA / "reuters.html", tmp_path / "a" / "page.htm")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "a" / "photo.html").write_bytes(bytes(range(256)) * 8)  # binary named .html
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    (tmp_path / "extensionless").write_text("\n\n".join(["Italy sends missiles", *STORY_A]))
    (tmp_path / ".hidden.txt").write_text("ignored")
    arts, skipped = split(read([tmp_path]))
    assert sorted(a.source.rsplit("/", 1)[-1] for a in arts) == ["extensionless", "page.htm", "story.txt"]
    reasons = {s.source.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert set(reasons) == {"empty.txt", "photo.html", "notes.csv"}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["photo.html"]
    assert "unsupported file type '.csv'" in reasons["notes.csv"]


def test_ingest_missing_path_is_skipped_and_reading_goes_on(tmp_path):
    arts, skipped = split(read([tmp_path / "nope.txt", DATA / "tass.txt"]))
    assert [a.wire for a in arts] == ["TASS"]
    assert skipped[0].reason == "no such file or directory"


def test_ingest_size_cap_skips_large_files(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Headline\n\n" + "word " * 4000)
    arts, skipped = split(read([big, DATA / "tass.txt"], max_bytes=10_000))
    assert len(arts) == 1
    assert "over the" in skipped[0].reason and "cap" in skipped[0].reason


def test_ingest_parse_time_limit_skips_slow_documents(tmp_path):
    page = tmp_path / "huge.html"
    page.write_text(article_html("Huge page", [" ".join(STORY_A)] * 4000))  # seconds to parse, warm or cold
    started = time.monotonic()
    (skipped,) = read([page], max_bytes=10**8, parse_timeout=0.2)
    assert time.monotonic() - started < 10
    assert skipped == Skipped(str(page), "parsing took longer than 0.2s")
    (art,) = read([page], max_bytes=10**8, parse_timeout=None)  # without the limit it is an article
    assert art.title == "Huge page"


def test_ingest_stdin_is_sniffed():
    html = article_html("Italy sends missiles", STORY_A).encode()
    (art,) = read(["-"], stdin=io.BytesIO(html))
    assert art.source == "-" and art.title == "Italy sends missiles"
    (empty,) = read(["-"], stdin=io.BytesIO(b"  \n"))
    assert empty == Skipped("-", "empty file")


def test_ingest_reread_gives_same_ids():
    first = [a.id for a in read([DATA])if isinstance(a, Article)]
    second = [a.id for a in read([DATA]) if isinstance(a, Article)]
    assert first == second and len(set(first)) == len(first)


def test_ingest_boilerplate_learned_across_a_folder(tmp_path):
    footer = "Harbour Herald is an independent newsroom based in the old port district since 1998."
    for i, (title, paras) in enumerate([("Italy sends missiles", STORY_A), ("Greece sells boats", STORY_B),
                                        ("Tass", [(DATA / "tass.txt").read_text().split("\n\n", 1)[1]])]):
        (tmp_path / f"{i}.txt").write_text("\n\n".join([title, *paras, footer]))
    arts = [a for a in read([tmp_path]) if isinstance(a, Article)]
    assert len(arts) == 3
    assert all("independent newsroom" not in a.text for a in arts)
    (single,) = read([tmp_path / "0.txt"])  # one file alone teaches nothing
    assert "independent newsroom" in single.text


# ---- WARC ------------------------------------------------------------------------------------------------------

def make_warc(pages: list[tuple[str, str, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, ctype, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                      http_headers=headers))
    return buf.getvalue()


WARC_PAGES = [
    ("https://a.example/italy", "text/html; charset=utf-8", article_html("Italy sends missiles", STORY_A)),
    ("https://a.example/style.css", "text/css", "body { color: red }"),
    ("https://b.example/greece", "text/html", article_html("Greece sells boats", STORY_B)),
]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_ingest_warc_reads_html_responses(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(make_warc(WARC_PAGES, gz))
    arts, skipped = split(read([path]))
    assert not skipped
    assert [(a.title, a.url) for a in arts] == [("Italy sends missiles", "https://a.example/italy"),
                                               ("Greece sells boats", "https://b.example/greece")]
    assert arts[0].source == f"{path}#1"


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_ingest_truncated_warc_keeps_earlier_records(tmp_path, gz):
    data = make_warc([WARC_PAGES[0], WARC_PAGES[2], WARC_PAGES[0]], gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: int(len(data) * 0.85)])
    arts, skipped = split(read([path, DATA / "tass.txt"]))
    assert [a.title for a in arts] == ["Italy sends missiles", "Greece sells boats",
                                       "Moscow says it has received no requests for arms from Pyongyang"]
    assert len(skipped) == 1 and "truncated" in skipped[0].reason
    assert skipped[0].source.startswith(str(path) + "#")


def test_ingest_corrupt_gzip_named_warc_is_skipped(tmp_path):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a warc file at all\n" * 10))
    arts, skipped = split(read([path]))
    assert not arts and "WARC" in skipped[0].reason


# ---- HTTP: URLs and feeds served by a real local server ----------------------------------------------------------

def feed_xml(entries: list[tuple[str, str, str]]) -> str:
    items = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate></item>" for t, link, d in entries)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>{items}</channel></rss>'


def test_ingest_url_is_fetched_with_user_agent(site):
    url = site.add("/italy", article_html("Italy sends missiles", STORY_A, date="2024-02-01"))
    (art,) = read([url], allow_private=True, fetch_delay=0)
    assert art.url == url and art.source == url and art.published == "2024-02-01"
    assert site.requests[0][2]["User-Agent"] == user_agent()
    assert user_agent().startswith("armswatch/") and "(+https://github.com/armswatch)" in user_agent()


def test_ingest_private_addresses_refused_by_default(site):
    url = site.add("/italy", article_html("Italy sends missiles", STORY_A))
    (skipped,) = read([url], fetch_delay=0)
    assert isinstance(skipped, Skipped) and "non-public address 127.0.0.1" in skipped.reason
    assert site.requests == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x.html"])
def test_ingest_non_http_schemes_refused(url):
    (skipped,) = read([url], allow_private=True)
    assert "scheme" in skipped.reason


def test_ingest_redirects_followed_and_bounded(site):
    final = site.add("/final", article_html("Greece sells boats", STORY_B))
    site.add("/hop", b"", status=302, headers={"Location": "/final"})
    for i in range(8):
        site.add(f"/loop{i}", b"", status=301, headers={"Location": f"/loop{i + 1}"})
    art, loop = read([site.url("/hop"), site.url("/loop0")], allow_private=True, fetch_delay=0)
    assert isinstance(art, Article) and art.url == final
    assert isinstance(loop, Skipped) and "redirects" in loop.reason


def test_ingest_response_size_cap(site):
    url = site.add("/big", article_html("Big", STORY_A * 400))
    (skipped,) = read([url], allow_private=True, fetch_delay=0, max_bytes=20_000)
    assert "cap" in skipped.reason


def test_ingest_per_host_delay(site):
    urls = [site.add(f"/p{i}", article_html(f"Story {i}", STORY_A if i % 2 else STORY_B)) for i in range(3)]
    list(read(urls, allow_private=True, fetch_delay=0.3))
    times = [t for t, _, _ in site.requests]
    assert len(times) == 3
    # the server sees arrival times; the client spaces request starts, so allow for scheduling jitter
    assert all(b - a >= 0.2 for a, b in pairwise(times)) and times[-1] - times[0] >= 0.5


def test_ingest_feed_file_fetches_each_entry_and_reports_dead_link(site, tmp_path):
    a = site.add("/italy", article_html("Italy sends missiles", STORY_A))
    b = site.add("/greece", article_html("Greece sells boats", STORY_B))
    dead = site.url("/gone")
    feed = tmp_path / "news.rss"
    feed.write_text(feed_xml([("Italy", a, "Tue, 05 Mar 2024 10:00:00 GMT"), ("Gone", dead, "Wed, 06 Mar 2024 10:00:00 GMT"),
                              ("Greece", b, "Thu, 07 Mar 2024 10:00:00 GMT")]))
    arts, skipped = split(read([feed], allow_private=True, fetch_delay=0))
    assert [(x.url, x.published) for x in arts] == [(a, "2024-03-05"), (b, "2024-03-07")]
    assert skipped == [Skipped(f"{feed}#2", f"HTTP 404 Not Found (link {dead})")]


def test_ingest_feed_url_and_atom(site):
    a = site.add("/italy", article_html("Italy sends missiles", STORY_A))
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
            f'<entry><title>Italy</title><link href="{a}"/><updated>2024-04-02T10:00:00Z</updated></entry></feed>')
    url = site.add("/feed.atom", atom, ctype="application/atom+xml")
    (art,) = read([url], allow_private=True, fetch_delay=0)
    assert art.url == a and art.title == "Italy sends missiles" and art.published == "2024-04-02"


def test_ingest_not_a_feed_is_skipped(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><item><title>unclosed")
    arts, skipped = split(read([path]))
    assert not arts and ("feed" in skipped[0].reason)


def test_ingest_json_url(site):
    body = json.dumps({"text": "\n\n".join(["Greece sells boats", *STORY_B])})
    url = site.add("/api/story", body, ctype="application/json")
    (art,) = read([url], allow_private=True, fetch_delay=0)
    assert art.title == "Greece sells boats"


def test_ingest_is_lazy():
    from armswatch.ingest import WINDOW

    pulled = []

    def sources():
        for n in range(10 * WINDOW):
            pulled.append(n)
            yield DATA / "tass.txt"

    first = next(read(sources()))
    assert isinstance(first, Article)
    assert len(pulled) <= WINDOW + 1


def test_ingest_skip_reasons_are_one_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "broken\n' + "x" * 2000 + "\n")
    items = list(read([path]))
    assert items and all(isinstance(x, Skipped) for x in items)
    assert all("\n" not in x.reason and len(x.reason) <= 300 for x in items)


def test_ingest_fetch_gives_up_on_a_dripping_server(site):
    url = site.add("/drip", article_html("Slow", STORY_A), drip=0.2)
    started = time.monotonic()
    (skipped,) = read([url], allow_private=True, fetch_delay=0, timeout=1.5)
    assert time.monotonic() - started < 5
    assert isinstance(skipped, Skipped) and "took longer than 1.5s" in skipped.reason


@pytest.mark.parametrize("name, data, reason", [
    ("e.warc", b"", "empty file"),
    ("e.jsonl", b"\n\n", "empty file (no JSON records)"),
    ("garbage.warc", b"WARC/1.0\nWARC-Type:response", "corrupt or truncated WARC"),
    ("requests.warc", b"WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 0\r\n\r\n\r\n\r\n", "no HTML response records"),
])
def test_ingest_containers_without_articles_say_why(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (skipped,) = read([tmp_path / name])
    assert isinstance(skipped, Skipped) and skipped.reason.startswith(reason)


@pytest.mark.parametrize("html, reason", [
    ("<html><body>" + "<p><b><i>Arms" * 40_000, "tags"),
    ("<html><body><div " + " ".join(f'a{i}="{"x" * 50}"' for i in range(20_000)) + ">text</div>", "word"),
])
def test_ingest_hostile_html_is_refused_quickly(tmp_path, html, reason):
    (tmp_path / "bomb.html").write_text(html)
    started = time.monotonic()
    (skipped,) = read([tmp_path / "bomb.html"])
    assert time.monotonic() - started < 5
    assert isinstance(skipped, Skipped) and reason in skipped.reason


def test_ingest_time_limit_keeps_an_outer_alarm():
    import signal

    from armswatch.ingest.limits import ParseTimeout, time_limit

    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append("outer"))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.6)
        with time_limit(5):
            pass
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0.3  # re-armed with what it had left
        with pytest.raises(ParseTimeout), time_limit(0.05):
            time.sleep(1)
        time.sleep(0.7)
        assert fired == ["outer"]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_ingest_utf16_text_with_bom_is_read(tmp_path):
    (tmp_path / "u16.txt").write_bytes("\n\n".join(["Italy sends missiles", *STORY_A]).encode("utf-16"))
    (art,) = read([tmp_path / "u16.txt"])
    assert art.title == "Italy sends missiles" and art.body.startswith("ROME — Italy will send")


def test_ingest_server_charset_header_decodes_page(site):
    html = article_html("Greek plan", [("ATHENS — Greece’s defence ministry said on Monday it would send old "
                                        "vehicles from its réserve to Ukraine in the spring.")])
    url = site.add("/greek", html.encode("cp1252"), ctype="text/html; charset=windows-1252")
    (art,) = read([url], allow_private=True, fetch_delay=0)
    assert "Greece’s defence ministry" in art.text and "réserve" in art.text
