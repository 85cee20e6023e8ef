"""Web sources: URLs, RSS/Atom feeds and WARC crawls, each bad input a coded Failure.

Everything is served by a local HTTP server on 127.0.0.1; a guard fails any test that
tries to reach another host.
"""

from __future__ import annotations

import gzip
import http.server
import io
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique import __version__, sources, web
from communique.cli import main
from communique.ingest import count_inputs
from communique.records import Article, Failure
from communique.store import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"
TALKS = (FIXTURES / "talks.html").read_bytes()
BORDER = (FIXTURES / "border.html").read_bytes()
NAV_ONLY = b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
# Short limits so that the slow and oversize endpoints fail fast.
OPTIONS = web.FetchOptions(timeout=0.5, max_bytes=1_000_000)
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


# ------------------------------------------------------------------ the local server


class Handler(http.server.BaseHTTPRequestHandler):
    """The routes below; every request's path and User-Agent is noted in ``seen``."""

    seen: list[tuple[str, str]] = []
    base = ""

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def stream(self, chunk: bytes, times: int, pause: float, length: int | None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()
        try:
            for _ in range(times):
                self.wfile.write(chunk)
                self.wfile.flush()
                time.sleep(pause)
        except OSError:  # the client gave up: what the test wants
            return

    def do_GET(self) -> None:
        Handler.seen.append((self.path, self.headers.get("User-Agent", "")))
        feed = (FIXTURES / "world.rss").read_text(encoding="utf-8").replace("{server}", self.base)
        routes: dict[str, Callable[[], None]] = {
            "/news/talks.html": lambda: self.send(200, TALKS),
            "/news/border.html": lambda: self.send(200, BORDER),
            "/news/nav.html": lambda: self.send(200, NAV_ONLY),
            "/feed.rss": lambda: self.send(200, feed.encode(), "application/rss+xml"),
            "/feed-as-html": lambda: self.send(200, feed.encode(), "text/html"),
            "/redirect": lambda: self.redirect("/news/talks.html"),
            "/loop": lambda: self.redirect("/loop"),
            "/to-file": lambda: self.redirect("file:///etc/hostname"),
            "/to-ftp": lambda: self.redirect("ftp://127.0.0.1/x"),
            "/broken": lambda: self.send(500, b"<html><body>Internal error</body></html>"),
            "/image": lambda: self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
            "/plain": lambda: self.send(200, b"just some words", "text/plain"),
            "/huge": lambda: self.send(200, b"<p>" + b"x" * 2_000_000),
            "/huge-stream": lambda: self.stream(b"y" * 65536, 40, 0.0, None),
            "/trickle": lambda: self.stream(b"z", 200, 0.05, 200),
            "/slow": self.slow,
            "/gzip": lambda: self.gzipped(gzip.compress(TALKS)),
            "/bomb": lambda: self.gzipped(gzip.compress(bytes(20_000_000))),
        }
        route = routes.get(self.path)
        if self.path.startswith("/hop/"):  # /hop/1 -> /hop/2 -> ... without end
            self.redirect(f"/hop/{int(self.path[5:]) + 1}")
        elif route is None:
            self.send(404, b"<html><body><h1>Not found</h1></body></html>")
        else:
            route()

    def slow(self) -> None:
        time.sleep(2.0)
        self.send(200, TALKS)

    def gzipped(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # the slow handlers outlive their clients

    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client that hung up on a slow route is expected


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = Server(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.base = base
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that resolves or connects to anything but this machine."""
    resolve, connect = socket.getaddrinfo, socket.socket.connect

    def local_resolve(host: object, *args: object, **kwargs: object) -> object:
        assert host in LOCAL_HOSTS, f"test tried to resolve {host!r}"
        return resolve(host, *args, **kwargs)

    def local_connect(self: socket.socket, address: object) -> None:
        if isinstance(address, tuple):
            assert address[0] in LOCAL_HOSTS, f"test tried to connect to {address!r}"
        connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", local_resolve)
    monkeypatch.setattr(socket.socket, "connect", local_connect)
    Handler.seen.clear()
    yield


def requested() -> list[str]:
    return [path for path, _ in Handler.seen]


def fill(name: str, base: str, folder: Path) -> Path:
    """A fixture feed with the local server's address in its links."""
    path = folder / name
    text = (FIXTURES / name).read_text(encoding="utf-8").replace("{server}", base)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ URLs


def test_an_article_url_is_fetched_with_a_clear_user_agent(server: str) -> None:
    [article] = web.read_url(f"{server}/news/talks.html", options=OPTIONS)
    assert isinstance(article, Article)
    assert article.text.startswith("Chile and Peru sign fisheries accord")
    assert "Most read" not in article.text and "Front page" not in article.text
    assert article.published == date(2024, 3, 11)  # the page's own metadata
    assert article.source == article.url == f"{server}/news/talks.html"
    [(_, agent)] = Handler.seen
    assert agent.startswith(f"communique/{__version__} (+")


def test_a_redirect_is_followed_and_the_input_keeps_its_url(server: str) -> None:
    [article] = web.read_url(f"{server}/redirect", options=OPTIONS)
    assert isinstance(article, Article)
    assert article.source == f"{server}/redirect"  # the ledger key: the URL as given
    assert article.url == f"{server}/news/talks.html"  # where the story lives


def test_a_gzip_response_is_inflated(server: str) -> None:
    [article] = web.read_url(f"{server}/gzip", options=OPTIONS)
    assert isinstance(article, Article) and "anchovy stocks" in article.text


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("path", "code", "words"),
    [
        ("/missing", "E116", "HTTP 404"),
        ("/broken", "E116", "HTTP 500"),
        ("/loop", "E116", "redirect refused"),
        ("/hop/1", "E116", "more than 5 redirects"),
        ("/to-file", "E116", "not allowed"),
        ("/to-ftp", "E120", "only http and https"),
        ("/huge", "E118", "size limit"),
        ("/huge-stream", "E118", "size limit"),
        ("/bomb", "E118", "size limit"),
        ("/slow", "E117", "0.5 s"),
        ("/trickle", "E117", "0.5 s"),
        ("/image", "E119", "image/png"),
        ("/plain", "E119", "text/plain"),
        ("/news/nav.html", "E105", "no article text"),
    ],
)
def test_a_url_that_cannot_be_read_is_a_coded_failure(
    server: str, path: str, code: str, words: str
) -> None:
    started = time.monotonic()
    [failure] = web.read_url(server + path, options=OPTIONS)
    assert isinstance(failure, Failure), failure
    assert (failure.source, failure.code) == (server + path, code)
    assert words in failure.reason
    assert time.monotonic() - started < 3 * OPTIONS.timeout + 1  # never hangs


@pytest.mark.parametrize(
    ("url", "options", "code"),
    [
        (f"http://127.0.0.1:{closed_port()}/", OPTIONS, "E115"),
        ("ftp://127.0.0.1/pub/story.html", OPTIONS, "E120"),
        ("http://127.0.0.1:1/story.html", web.FetchOptions(enabled=False), "E121"),
    ],
)
def test_refused_unsupported_and_unfetched_urls(
    url: str, options: web.FetchOptions, code: str
) -> None:
    [failure] = web.read_url(url, options=options)
    assert isinstance(failure, Failure) and failure.code == code and failure.source == url


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("https://example.org/story", True),
        ("HTTP://example.org/", True),
        ("ftp://example.org/x", True),
        ("news/story.html", False),
        ("/tmp/feed.rss", False),
        ("C:/news", False),
    ],
)
def test_is_url(text: str, url: bool) -> None:
    assert web.is_url(text) is url


@pytest.mark.parametrize(
    ("body", "charset", "expected"),
    [
        ("Café".encode("cp1252"), "windows-1252", "Café"),
        (b'<meta charset="iso-8859-1"><p>Caf\xe9</p>', None, "Café"),
        ("<p>Café</p>".encode(), None, "Café"),
        (b"<p>Caf\xe9</p>", None, "Café"),  # undeclared, not UTF-8: Windows-1252
        ("<p>Café</p>".encode(), "no-such-charset", "Café"),
    ],
)
def test_decode_page(body: bytes, charset: str | None, expected: str) -> None:
    assert expected in web.decode_page(body, charset)


# ----------------------------------------------------------------------------- feeds


def test_rss_entries_from_content_and_from_their_pages(server: str, tmp_path: Path) -> None:
    path = fill("world.rss", server, tmp_path)
    aid, border, gone = web.read_feed(path, options=OPTIONS)
    assert isinstance(aid, Article) and aid.source == f"{path}#harbour-2024-0412"
    assert aid.text.startswith("Norway pledges aid for flood-hit Mozambique\n\nNorway pledged")
    assert "Sofala" in aid.text and "<p>" not in aid.text
    assert (aid.published, aid.url, aid.fmt) == (
        date(2024, 4, 12),
        f"{server}/news/aid.html",
        "html",
    )
    # A one-sentence description: the entry's page is read instead.
    assert isinstance(border, Article) and border.source == f"{path}#{server}/news/border.html"
    assert "joint customs checks" in border.text and "About time" not in border.text
    assert border.published == date(2024, 4, 2)  # the feed's date, not the page's
    assert isinstance(gone, Failure) and gone.code == "E116"
    assert gone.source == f"{path}#harbour-2024-0399"
    assert f"{server}/news/gone.html" in gone.reason and "404" in gone.reason
    assert "/news/aid.html" not in requested()  # its article was in the feed


def test_atom_entries(server: str, tmp_path: Path) -> None:
    path = fill("world.atom", server, tmp_path)
    energy, talks, letter = web.read_feed(path, options=OPTIONS)
    assert isinstance(energy, Article) and energy.published == date(2024, 3, 10)
    assert "No date was given" in energy.text
    assert energy.source == f"{path}#urn:harbour-press:2024-0310"
    assert isinstance(talks, Article) and talks.url == f"{server}/news/talks.html"
    assert talks.title == "Chile and Peru sign fisheries accord"
    assert isinstance(letter, Failure) and letter.code == "E113"
    assert "no http(s) link" in letter.reason


def test_teaser_entries_fail_when_fetching_is_off(server: str, tmp_path: Path) -> None:
    path = fill("world.rss", server, tmp_path)
    items = list(web.read_feed(path, options=web.FetchOptions(enabled=False)))
    assert isinstance(items[0], Article)
    assert [(i.code, "--no-fetch" in i.reason) for i in items[1:]] == [
        ("E113", True),
        ("E113", True),
    ]
    assert requested() == []


@pytest.mark.parametrize("path", ["/feed.rss", "/feed-as-html"])
def test_a_feed_url_gives_its_entries(server: str, path: str) -> None:
    items = list(web.read_url(server + path, options=OPTIONS))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Failure"]
    assert items[0].source == f"{server}{path}#harbour-2024-0412"


RSS_ITEM = "<item><title>{0}</title><link>{1}</link>{2}<description>{3}</description></item>"
FULL = "One sentence here. Another sentence there. A third one to finish the story."


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        ("<html><body><p>Not a feed at all.</p></body></html>", "E112", "not an RSS or Atom"),
        ('<rss version="2.0"><channel><title>Empty</title></channel></rss>', "E112", "no entries"),
        ("   \n", "E102", "empty"),
    ],
)
def test_a_file_that_is_no_readable_feed_is_one_failure(
    tmp_path: Path, content: str, code: str, words: str
) -> None:
    path = tmp_path / "news.xml"
    path.write_text(content, encoding="utf-8")
    [failure] = web.read_feed(path, options=OPTIONS)
    assert isinstance(failure, Failure) and failure.code == code and failure.source == str(path)
    assert words in failure.reason


def test_a_truncated_feed_keeps_its_entries_and_names_the_error(tmp_path: Path) -> None:
    items = "".join(
        RSS_ITEM.format(f"Story {n}", f"https://news.invalid/{n}", "", FULL) for n in range(3)
    )
    text = f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    path = tmp_path / "cut.rss"
    path.write_text(text[: text.index("<item><title>Story 2")], encoding="utf-8")
    *entries, failure = web.read_feed(path, options=OPTIONS)
    assert [e.source for e in entries] == [f"{path}#https://news.invalid/{n}" for n in range(2)]
    assert isinstance(failure, Failure) and failure.source == str(path)
    assert failure.code == "E112" and "malformed XML" in failure.reason


def test_entry_keys_are_stable_and_unique(tmp_path: Path) -> None:
    items = [
        RSS_ITEM.format("A", "https://news.invalid/a", "<guid>g-1</guid>", FULL),
        RSS_ITEM.format("B", "https://news.invalid/b", "", FULL.replace("One", "Uno")),
        RSS_ITEM.format("C", "https://news.invalid/c", "<guid>g-1</guid>", FULL.lower()),
        "<item><title>D</title><description>" + FULL.upper() + "</description></item>",
    ]
    path = tmp_path / "keys.rss"
    path.write_text(f"<rss><channel>{''.join(items)}</channel></rss>", encoding="utf-8")
    keys = [i.source for i in web.read_feed(path)]
    assert keys[:3] == [f"{path}#g-1", f"{path}#https://news.invalid/b", f"{path}#g-1~2"]
    assert keys[3] and keys[3].startswith(f"{path}#entry-")
    assert keys == [i.source for i in web.read_feed(path)]


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("<pubDate>Tue, 02 Apr 2024 01:00:00 +0900</pubDate>", date(2024, 4, 2)),  # not 1 Apr UTC
        ("<pubDate>Mon, 01 Apr 2024 23:30:00 -0500</pubDate>", date(2024, 4, 1)),
        ("<dc:date>2024-04-03T08:00:00Z</dc:date>", date(2024, 4, 3)),
        ("", None),
    ],
)
def test_an_entry_is_dated_on_the_publishers_clock(
    tmp_path: Path, stamp: str, day: date | None
) -> None:
    path = tmp_path / "dated.rss"
    item = RSS_ITEM.format("Talks", "https://news.invalid/t", stamp, FULL)
    ns = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'
    path.write_text(f'<rss version="2.0" {ns}><channel>{item}</channel></rss>', encoding="utf-8")
    [article] = web.read_feed(path)
    assert isinstance(article, Article) and article.published == day


@pytest.mark.parametrize(
    ("text", "teaser"),
    [
        ("Talks resumed.", True),
        ("Chile and Peru signed an accord on anchovy stocks in Lima on Monday.", True),
        ("The two sides met on Monday. They agreed to meet again in May.", True),
        ("The ministers met in Lima and agreed on a text that both sides said …", True),
        ("A long excerpt of the story. It goes on. And on. […] The post appeared first.", True),
        (FULL, False),
    ],
)
def test_is_teaser(text: str, teaser: bool) -> None:
    assert web.is_teaser(text) is teaser


def test_html_text_keeps_paragraphs_and_drops_scripts() -> None:
    html = "<div><p>First <b>para</b>&amp; more.</p><script>x()</script><p>Second<br>line</p></div>"
    assert web.html_text(html) == "First para& more.\n\nSecond line"


# ------------------------------------------------------------------------------ WARC


def warc_bytes(gz: bool) -> bytes:
    """A small crawl, the same bytes every time: the records a crawler writes around
    two articles."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    ids = iter(range(1, 100))

    def record(uri: str, kind: str, body: bytes = b"", **kwargs: Any) -> None:
        warc_headers = {
            "WARC-Date": "2025-01-15T10:00:00Z",  # the crawl date, not a publication
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{next(ids):012d}>",
        }
        payload = io.BytesIO(body) if body or kind == "response" else None
        writer.write_record(
            writer.create_warc_record(
                uri, kind, payload=payload, warc_headers_dict=warc_headers, **kwargs
            )
        )

    def response(uri: str, status: str, ctype: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record(uri, "response", body, http_headers=headers)

    fields = "application/warc-fields"
    record("", "warcinfo", b"software: communique tests\r\n", warc_content_type=fields)
    request = StatusAndHeaders(
        "GET /talks HTTP/1.1", [("Host", "news.invalid")], is_http_request=True
    )
    record("https://news.invalid/talks", "request", http_headers=request)
    response("https://news.invalid/talks", "200 OK", "text/html; charset=utf-8", TALKS)
    response("https://news.invalid/logo.png", "200 OK", "image/png", b"\x89PNG" + bytes(40))
    response("https://news.invalid/old", "404 Not Found", "text/html", b"<h1>Not found</h1>")
    response("https://news.invalid/moved", "301 Moved Permanently", "text/html", b"")
    response("https://news.invalid/", "200 OK", "text/html", NAV_ONLY)
    undated = b"".join(x for x in BORDER.splitlines(True) if b"published_time" not in x)
    response("https://news.invalid/border", "200 OK", "text/html", undated)
    outlinks = b"outlink: https://news.invalid/\r\n" * 8
    record("https://news.invalid/border", "metadata", outlinks, warc_content_type=fields)
    return out.getvalue()


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def crawl(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    path.write_bytes(warc_bytes(request.param))
    return path


def test_warc_html_responses_become_articles(crawl: Path) -> None:
    talks, home, border = items = list(web.read_warc(crawl, options=OPTIONS))
    assert isinstance(talks, Article) and talks.url == "https://news.invalid/talks"
    assert talks.published == date(2024, 3, 11)  # from the page, not the WARC-Date
    assert talks.text.startswith("Chile and Peru sign fisheries accord")
    assert isinstance(home, Failure) and home.code == "E105"
    assert "https://news.invalid/" in home.reason
    assert isinstance(border, Article) and border.published is None  # no date: none given
    assert all(i.source and i.source.startswith(f"{crawl}#") for i in items)
    assert [i.source for i in items] == [i.source for i in web.read_warc(crawl)]  # stable
    assert web.count_items(crawl) == 3


@pytest.mark.parametrize("cut", [100, 0.5, 0.85])  # bytes off the end, or share kept
def test_a_truncated_warc_keeps_the_pages_before_the_break(crawl: Path, cut: float) -> None:
    data = crawl.read_bytes()
    size = len(data) - int(cut) if cut >= 1 else int(len(data) * cut)
    crawl.write_bytes(data[:size])
    items = list(web.read_warc(crawl, options=OPTIONS))
    *pages, failure = items
    assert isinstance(failure, Failure) and failure.code == "E114", items
    assert "truncated or corrupt" in failure.reason
    assert failure.source and failure.source.startswith(f"{crawl}#")
    assert isinstance(pages[0], Article) and pages[0].url == "https://news.invalid/talks"
    if cut == 100:  # only the closing metadata record is cut: every page was read
        assert len(pages) == 3
    if cut == 0.85:  # the cut falls in the last page: no half page is read
        assert "https://news.invalid/border" not in [getattr(i, "url", "") for i in pages]
    assert [i.source for i in web.read_warc(crawl)] == [i.source for i in items]
    assert web.count_items(crawl) == len(items)


@pytest.mark.parametrize("data", [b"this is not an archive\n" * 10, b"WARC/1.0\r\nWARC-Ty"])
def test_a_file_that_is_no_warc_is_a_failure(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(data)
    [failure] = web.read_warc(path, options=OPTIONS)
    assert isinstance(failure, Failure) and failure.code == "E114"
    assert failure.source == f"{path}#0"


# --------------------------------------------------------------------------- folders


def test_a_folder_reads_feeds_and_crawls_but_not_other_xml(server: str, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Chile and Peru held talks in Lima.\n", encoding="utf-8")
    fill("world.rss", server, folder)
    fill("world.atom", server, folder).rename(folder / "americas.xml")
    (folder / "sitemap.xml").write_text("<urlset><url>x</url></urlset>", encoding="utf-8")
    (folder / "crawl.warc.gz").write_bytes(warc_bytes(gz=True))
    (folder / "notes.jsonl").write_text('{"text": "not read"}\n', encoding="utf-8")
    items = list(sources.read_path(folder, fetch=OPTIONS))
    names = sorted({Path((i.source or "").split("#")[0]).name for i in items})
    assert names == ["a.txt", "americas.xml", "crawl.warc.gz", "world.rss"]
    assert len(items) == 1 + 3 + 3 + 3 == count_inputs([folder])


# ---------------------------------------------------------------------------- ingest


@pytest.mark.model
def test_ingest_feeds_crawls_and_urls_then_resume(server: str, tmp_path: Path, nlp: object) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    fill("world.rss", server, folder)
    (folder / "crawl.warc.gz").write_bytes(warc_bytes(gz=True))
    db = str(tmp_path / "corpus.db")
    talks_url = f"{server}/news/talks.html"
    args = [
        "ingest",
        str(folder),
        talks_url,
        f"{server}/missing",
        "--db",
        db,
        "--quiet",
        "--timeout",
        "2",
    ]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 1, first.output  # some inputs failed
    with Store.open(db) as store:
        counts = store.counts()
        ledger = {x["key"]: x for x in store.ledger()}
        urls = sorted(a["url"] for a in store.articles(with_text=False))
    # Stored: the crawl's two pages (read first: the folder is sorted) and the RSS entry
    # with content. The RSS entry whose page is fetched and the talks URL repeat the
    # crawl's pages: duplicates.
    assert (counts["articles"], counts["ledger_ok"], counts["ledger_skipped"]) == (3, 3, 2)
    assert urls == [
        f"{server}/news/aid.html",
        "https://news.invalid/border",
        "https://news.invalid/talks",
    ]
    skipped = [k for k, x in ledger.items() if x["status"] == "skipped"]
    assert sorted(skipped) == [f"{folder / 'world.rss'}#{server}/news/border.html", talks_url]
    failed = {k: (x["code"], x["reason"]) for k, x in ledger.items() if x["status"] == "failed"}
    assert failed[f"{server}/missing"][0] == "E116"
    assert failed[f"{folder / 'world.rss'}#harbour-2024-0399"][0] == "E116"
    [home] = [v for k, v in failed.items() if k.startswith(f"{folder / 'crawl.warc.gz'}#")]
    assert home[0] == "E105" and "https://news.invalid/" in home[1]
    assert len(failed) == 3 and all(reason for _, reason in failed.values())

    again = CliRunner().invoke(main, args)
    assert "0 stored" in again.stderr and "5 already ingested" in again.stderr
    with Store.open(db) as store:
        assert store.counts() == counts
        assert {x["key"] for x in store.ledger()} == set(ledger)

    offline = CliRunner().invoke(
        main, ["ingest", str(folder / "world.rss"), "--db", str(tmp_path / "o.db"), "--no-fetch"]
    )
    assert "1 stored" in offline.stderr and "E113: 2" in offline.stderr


@pytest.mark.model
def test_analyze_reads_a_url(server: str, nlp: object) -> None:
    result = CliRunner().invoke(main, ["analyze", f"{server}/news/border.html"])
    assert result.exit_code == 0, result.output
    assert '"event"' in result.stdout
