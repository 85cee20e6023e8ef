"""Web sources: URLs fetched over HTTP, RSS/Atom feeds and WARC crawls.

    web.read_url("https://example.org/world/feed.xml")   # an item per entry, or one article
    web.read_feed(Path("world.rss"))                      # an item per entry
    web.read_warc(Path("crawl.warc.gz"))                  # an item per HTML page crawled

Every reader yields ``Article`` or ``Failure`` like ``communique.sources``, and an item's
``source`` is its ledger key, the same on every run so that ingest resumes:

    https://example.org/story     an article URL as given (``Article.url``: where redirects
                                  ended)
    world.rss#<entry id>          a feed entry: its guid or Atom id, else its link
    crawl.warc.gz#<offset>        a WARC record: its byte offset in the file

Fetching uses the standard library: http and https only, redirects followed (to http or
https, at most ``MAX_REDIRECTS``), a deadline for the whole request, a size limit checked
while reading, and a User-Agent naming communique. Whatever goes wrong (refused, HTTP
404 or 500, too slow, too big, neither HTML nor a feed) is a Failure with its code
(E115-E121), never an exception out of a reader. ``FetchOptions`` holds the settings;
``FetchOptions(enabled=False)`` never touches the network.

A feed entry whose article is in the feed (content:encoded, Atom content or a long
description) is read from the feed. An entry with only a teaser (a sentence or two, or
text cut off with an ellipsis) is read from the page it links to when fetching is on,
the default, since an analyst who ingests a feed wants its articles; with fetching off
it is a Failure (E113) saying so.
"""

from __future__ import annotations

import email.utils
import http.client
import logging
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.message import Message
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any, BinaryIO

from communique import __version__, sources
from communique.errors import InputError
from communique.records import Article, Failure, content_hash

log = logging.getLogger(__name__)

Item = sources.Item

# A news page or feed that has not arrived in 20 s is down or throttling us; browsers'
# users give up sooner.
DEFAULT_TIMEOUT = 20.0
# News pages are 50-500 KB of HTML and feeds under 1 MB; 5 MB leaves room for bloated
# pages and stops a video or a runaway response from filling memory.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
READ_CHUNK = 64 * 1024
USER_AGENT = f"communique/{__version__} (+https://pypi.org/project/communique/; news event coder)"
SCHEMES = ("http", "https")
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
)
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
}
# Media types refused before their body is read: never an article or a feed.
NOT_PAGES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip")
# A feed text of at most this many sentences is a teaser, not the article: summary-only
# feeds give a sentence or two (a standfirst, or an excerpt cut off with an ellipsis),
# while a news story runs longer. Abbreviations ("U.S.") only make a text look longer,
# so an error here reads a teaser as an article, never the reverse.
TEASER_SENTENCES = 2
TEASER_ENDINGS = ("…", "...")
TEASER_MARKS = ("[…]", "[...]")  # WordPress excerpts, often followed by "The post ..."
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
# An entry element of RSS (item) or Atom (entry), maybe with a namespace prefix.
_ENTRY_TAG = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s/>]")


@dataclass(slots=True, frozen=True, kw_only=True)
class FetchOptions:
    """Whether and how URLs are fetched: by ``read_url`` and for teaser-only feed entries."""

    enabled: bool = True  # False: never use the network (URLs and teaser entries fail)
    timeout: float = DEFAULT_TIMEOUT  # seconds for a whole request, connect to last byte
    max_bytes: int = DEFAULT_MAX_BYTES  # a larger response (or WARC page) fails
    user_agent: str = USER_AGENT
    max_redirects: int = MAX_REDIRECTS


@dataclass(slots=True)
class Page:
    """A fetched response body and what the server said it is."""

    url: str  # where redirects ended
    content_type: str  # media type, lower case, without parameters
    charset: str | None
    body: bytes

    def kind(self) -> str | None:
        """What the body is: "feed", "html" or None, by its root element first (servers
        often label feeds text/html or text/xml), then by the content type."""
        root = sources.xml_root(self.body[: sources.SNIFF_BYTES])
        if root in sources.FEED_ROOTS:
            return "feed"
        if self.content_type in HTML_TYPES or root == "html":
            return "html"
        if self.content_type in FEED_TYPES:
            return "feed"  # XML of another root: the feed parser says what is wrong
        return None

    def text(self) -> str:
        return decode_page(self.body, self.charset)


def _failure(exc: InputError) -> Failure:
    return Failure(exc.source, exc.code, str(exc.args[0]), exc.line)


def _dated(article: Article, published: date | None) -> Article:
    """The article with ``published`` as its date when it has none of its own."""
    if article.published is None:
        article.published = published
    return article


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _media_type(value: str | None) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type header; ("", None) without one."""
    if not value:
        return "", None
    message = Message()
    message["content-type"] = value
    return message.get_content_type(), message.get_content_charset()


def decode_page(body: bytes, charset: str | None = None) -> str:
    """A web page's text: in its declared charset (HTTP header, then <meta>), else
    UTF-8, else Windows-1252 (what browsers assume for an undeclared Western page)."""
    meta = _META_CHARSET.search(body[: sources.SNIFF_BYTES])
    declared = meta.group(1).decode("ascii", "replace") if meta else None
    for name in (charset, declared, "utf-8"):
        if not name:
            continue
        try:
            return body.decode(name).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("windows-1252", errors="replace")


# ---------------------------------------------------------------------------- fetching


def is_url(text: str) -> bool:
    """Whether an input names a URL (``scheme://...``) rather than a path."""
    return bool(_SCHEME.match(text))


def _check_scheme(url: str, source: str) -> None:
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise InputError(
            f"cannot fetch a {scheme or 'schemeless'} URL: only http and https are fetched",
            code="E120",
            source=source,
        )


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects to http or https only, and at most ``limit`` of them."""

    def __init__(self, limit: int, source: str) -> None:
        super().__init__()
        self.limit = limit
        self.source = source

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        _check_scheme(newurl, self.source)
        if len(getattr(req, "redirect_dict", {})) >= self.limit:
            raise InputError(
                f"more than {self.limit} redirects (last to {newurl})",
                code="E116",
                source=self.source,
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _too_big(limit: int, source: str) -> InputError:
    return InputError(
        f"response is larger than the size limit ({_size(limit)})", code="E118", source=source
    )


def _read_body(response: Any, options: FetchOptions, deadline: float, source: str) -> bytes:
    """The body, read a chunk at a time against the size limit and the deadline (a
    server that trickles bytes never times out a single read)."""
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise _too_big(options.max_bytes, source)
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(READ_CHUNK):
        size += len(chunk)
        if size > options.max_bytes:
            raise _too_big(options.max_bytes, source)
        if time.monotonic() > deadline:
            raise InputError(
                f"response not complete within {options.timeout:g} s", code="E117", source=source
            )
        chunks.append(chunk)
    body = b"".join(chunks)
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        # Sent although not asked for: inflate it, still within the limit (a zip bomb
        # stops at max_bytes).
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
        try:
            body = inflater.decompress(body, options.max_bytes + 1)
        except zlib.error as exc:
            raise InputError(
                f"response is not valid {encoding} data: {exc}", code="E115", source=source
            ) from exc
        if len(body) > options.max_bytes:
            raise _too_big(options.max_bytes, source)
    return body


def fetch(url: str, *, options: FetchOptions | None = None, source: str | None = None) -> Page:
    """GET ``url``; raises InputError (E115-E121) naming ``source`` (default: the URL)."""
    options = options or FetchOptions()
    where = source or url
    _check_scheme(url, where)
    if not options.enabled:
        raise InputError("not fetched: fetching is off (--no-fetch)", code="E121", source=where)
    opener = urllib.request.build_opener(_Redirects(options.max_redirects, where))
    log.debug("GET %s", url)
    deadline = time.monotonic() + options.timeout
    try:
        request = urllib.request.Request(
            url, headers={"User-Agent": options.user_agent, "Accept": ACCEPT}
        )
        with opener.open(request, timeout=options.timeout) as response:
            content_type, charset = _media_type(response.headers.get("Content-Type"))
            if content_type.startswith(NOT_PAGES):
                raise InputError(
                    f"content type {content_type!r} is neither HTML nor an RSS/Atom feed",
                    code="E119",
                    source=where,
                )
            body = _read_body(response, options, deadline, where)
            return Page(response.geturl(), content_type, charset, body)
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        reason = " ".join(str(exc.reason).split())
        if 300 <= exc.code < 400:  # urllib's refusals: a loop, or a scheme such as file:
            reason = f"redirect refused: {reason}"
        raise InputError(f"HTTP {exc.code} {reason}", code="E116", source=where) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise InputError(
                f"no answer within {options.timeout:g} s", code="E117", source=where
            ) from exc
        raise InputError(f"cannot connect: {exc.reason}", code="E115", source=where) from exc
    except TimeoutError as exc:
        raise InputError(
            f"no answer within {options.timeout:g} s", code="E117", source=where
        ) from exc
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise InputError(
            f"fetch failed: {str(exc) or type(exc).__name__}", code="E115", source=where
        ) from exc


def read_url(
    url: str, *, options: FetchOptions | None = None, published: date | None = None
) -> Iterator[Item]:
    """A URL as items: one per entry if it is a feed, else its page as one article.

    ``published`` dates what carries no date of its own.
    """
    options = options or FetchOptions()
    try:
        page = fetch(url, options=options)
        kind = page.kind()
        if kind is None:
            raise InputError(
                f"content type {page.content_type or '(none)'!r} is neither HTML nor an "
                "RSS/Atom feed",
                code="E119",
                source=url,
            )
        article = (
            sources.from_html(page.text(), source=url, url=page.url) if kind == "html" else None
        )
    except InputError as exc:
        yield _failure(exc)
        return
    if article is None:
        yield from feed_items(page.body, source=url, options=options, published=published)
    else:
        yield _dated(article, published)


# ------------------------------------------------------------------------------- feeds


class _TextOfHtml(HTMLParser):
    """The text of an HTML fragment: a blank line between blocks, scripts dropped."""

    # fmt: off
    BLOCKS = frozenset({
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre",
        "section", "table", "td", "th", "tr", "ul",
    })
    # fmt: on
    SKIP = frozenset(["script", "style", "noscript", "template", "iframe", "object", "svg"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.SKIP:
            self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed's content): one paragraph per block."""
    parser = _TextOfHtml()
    parser.feed(fragment)
    parser.close()
    paragraphs = re.split(r"\n\s*\n", "".join(parser.parts))
    return "\n\n".join(p for p in (" ".join(p.split()) for p in paragraphs) if p)


def is_teaser(text: str) -> bool:
    """Whether a feed text is a teaser of its article rather than the article."""
    text = text.strip()
    if len(text.split()) < sources.MIN_ARTICLE_WORDS:
        return True
    if text.endswith(TEASER_ENDINGS) or any(mark in text for mark in TEASER_MARKS):
        return True
    return len(_SENTENCE_END.findall(text)) <= TEASER_SENTENCES


def _entry_text(entry: Any) -> tuple[str, str]:
    """The longest text an entry carries (its content, else its summary) as plain text,
    and its format, "html" or "text"."""
    parts = list(entry.get("content") or [])
    summary = entry.get("summary_detail") or (
        {"value": entry.get("summary"), "type": "text/html"} if entry.get("summary") else None
    )
    if summary:
        parts.append(summary)
    best, fmt = "", "text"
    for part in parts:
        value = part.get("value") or ""
        kind = "html" if "html" in (part.get("type") or "text/html") else "text"
        text = html_text(value) if kind == "html" else value.strip()
        if len(text) > len(best):
            best, fmt = text, kind
    return best, fmt


def _entry_date(entry: Any) -> date | None:
    """An entry's publication date, else its last update (Atom requires only that), on
    the publisher's clock: "Tue, 02 Apr 2024 01:00 +0900" is 2 April, not 1 April UTC."""
    for name in ("published", "updated"):
        raw = str(entry.get(name) or "").strip()
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date()  # RSS: RFC 822
        except (TypeError, ValueError):
            pass
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()  # Atom
        except ValueError:
            pass
        parsed = entry.get(f"{name}_parsed")  # feedparser's reading of other forms, in UTC
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _entry_key(source: str, entry: Any, index: int, seen: set[str]) -> str:
    """``source#id``: the entry's guid/id, else its link, else a hash of its title and
    summary (the position in a feed changes as new entries arrive)."""
    ident = str(entry.get("id") or entry.get("link") or "").strip()
    if not ident:
        words = f"{entry.get('title') or ''}\n{entry.get('summary') or ''}"
        ident = f"entry-{content_hash(words)}" if words.strip() else f"entry-{index}"
    key = f"{source}#{ident}"
    n = 1
    while key in seen:  # a feed repeating an id: later copies get their own key
        n += 1
        key = f"{source}#{ident}~{n}"
    seen.add(key)
    return key


def _entry_item(
    entry: Any, key: str, options: FetchOptions, published: date | None
) -> Article | Failure:
    """An entry's article: from the feed, else from its page (see the module docstring)."""
    title_detail = entry.get("title_detail") or {}
    raw_title = entry.get("title") or ""
    title = html_text(raw_title) if "html" in (title_detail.get("type") or "") else raw_title
    title = " ".join(title.split()) or None
    link = entry.get("link")
    day = _entry_date(entry) or published
    body, fmt = _entry_text(entry)
    if not is_teaser(body):
        return Article(
            text=sources.join_title(title, body),
            title=title,
            url=link,
            published=day,
            source=key,
            fmt=fmt,
        )
    words = len(body.split())
    has = f"only a summary ({words} word{'' if words == 1 else 's'})" if words else "no text"
    if urllib.parse.urlsplit(link or "").scheme.lower() not in SCHEMES:
        return Failure(key, "E113", f"feed entry has {has} and no http(s) link to its page")
    if not options.enabled:
        return Failure(
            key, "E113", f"feed entry has {has}; its page {link} is not fetched with --no-fetch"
        )
    try:
        page = fetch(link, options=options, source=key)
        if page.kind() != "html":
            raise InputError(
                f"content type {page.content_type or '(none)'!r} is not an HTML page",
                code="E119",
                source=key,
            )
        article = sources.from_html(page.text(), source=key, title=title, url=page.url)
    except InputError as exc:
        return Failure(key, exc.code, f"entry page {link}: {exc.args[0]}")
    if day is not None:
        article.published = day  # the feed's date is the publisher's own
    return article


def feed_items(
    data: bytes,
    *,
    source: str,
    options: FetchOptions | None = None,
    published: date | None = None,
) -> Iterator[Item]:
    """Every entry of an RSS or Atom document as an Article or Failure (see the module
    docstring). A document that is not a feed, or has no entries, is one Failure (E112);
    a malformed one gives the entries read and then a Failure for the feed."""
    import xml.sax

    import feedparser  # imported here: only feeds need it

    options = options or FetchOptions()
    parsed = feedparser.parse(data)  # bytes: parsed as they are, never fetched
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    # Other bozo reasons (a wrong encoding declaration, an undeclared namespace) are
    # harmless: the entries are read all the same.
    malformed = error if isinstance(error, xml.sax.SAXException) else None
    entries = parsed.get("entries") or []
    if not entries:
        if malformed is not None:
            reason = f"feed is malformed XML ({_sax_reason(malformed)})"
        elif not parsed.get("version"):
            reason = "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)"
        else:
            reason = "feed has no entries"
        yield Failure(source, "E112", reason)
        return
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        yield _entry_item(entry, _entry_key(source, entry, index, seen), options, published)
    if malformed is not None:
        yield Failure(
            source,
            "E112",
            f"feed is malformed XML ({_sax_reason(malformed)}); "
            f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'} could still be read",
        )


def _sax_reason(exc: Exception) -> str:
    line = getattr(exc, "getLineNumber", lambda: None)()
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    return f"line {line}: {message}" if line else str(message)


def read_feed(
    path: Path, *, options: FetchOptions | None = None, published: date | None = None
) -> Iterator[Item]:
    """Every entry of an RSS/Atom file (.rss, .atom, .xml) as an Article or Failure."""
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield Failure(source, "E101", "no such file")
        return
    except OSError as exc:
        yield Failure(source, "E101", f"cannot read the file: {exc.strerror or exc}")
        return
    if not data.strip():
        yield Failure(source, "E102", "input is empty")
        return
    yield from feed_items(data, source=source, options=options, published=published)


# -------------------------------------------------------------------------------- WARC


class _Corrupt(Exception):
    """A WARC file stops being readable at ``offset``."""

    def __init__(self, offset: int, reason: str) -> None:
        super().__init__(reason)
        self.offset = offset


def _unread(record: Any) -> int:
    """Bytes of a record's declared length that its file does not hold (a truncation)."""
    return int(getattr(record.raw_stream, "limit", 0) or 0)


def _records(fh: BinaryIO, size: int) -> Iterator[tuple[int, Any]]:
    """(offset, record) for each record of a WARC file; raises _Corrupt where the file
    stops being readable (warcio itself ends quietly at a truncated gzip member)."""
    from warcio.archiveiterator import ArchiveIterator  # imported here: only WARC needs it

    records = ArchiveIterator(fh)
    previous: Any = None
    offset = 0
    try:
        for record in records:
            if previous is not None and _unread(previous):
                raise _Corrupt(offset, f"record truncated, {_unread(previous)} bytes missing")
            offset = records.offset
            if record.rec_headers.get_header("Content-Length") is None:
                raise _Corrupt(offset, "record header without Content-Length")
            previous = record
            yield offset, record
        if previous is not None and _unread(previous):
            raise _Corrupt(offset, f"record truncated, {_unread(previous)} bytes missing")
    except _Corrupt:
        raise
    except Exception as exc:
        # warcio raises many types on damaged input (ArchiveLoadFailed, header parser
        # errors, zlib.error, EOFError, ...): each ends the readable part of the file.
        raise _Corrupt(records.offset, f"{type(exc).__name__}: {exc}") from exc
    # warcio also ends quietly at a record header cut short: what follows the last
    # whole record must be blank.
    end = 0
    if previous is not None:
        end = records.get_record_offset() + records.get_record_length()
    if end < size:
        fh.seek(end)
        if fh.read(sources.SNIFF_BYTES).strip():
            raise _Corrupt(end, f"the {size - end} bytes from there on are no whole record")


def _skip_reason(record: Any) -> str | None:
    """Why a record is not a page to read (None: it is one)."""
    if record.rec_type != "response":
        return f"{record.rec_type} records"
    if record.http_headers is None:
        return "responses without HTTP headers"
    status = record.http_headers.get_statuscode()
    if status != "200":
        return f"HTTP {status}"
    content_type, _ = _media_type(record.http_headers.get_header("Content-Type"))
    if content_type not in HTML_TYPES:
        return "not HTML"
    return None


def _warc_page(record: Any, offset: int, source: str, options: FetchOptions) -> Article | Failure:
    """A 200 HTML response record as an Article; raises _Corrupt if it is truncated."""
    key = f"{source}#{offset}"
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    try:
        body = record.content_stream().read(options.max_bytes + 1)
    except Exception as exc:
        # A damaged payload (bad chunking or compression) spoils this page only; a
        # damaged file shows when the next record is read.
        return Failure(key, "E114", f"page {uri} cannot be decoded ({type(exc).__name__}: {exc})")
    if len(body) > options.max_bytes:
        return Failure(
            key, "E118", f"page {uri} is larger than the size limit ({_size(options.max_bytes)})"
        )
    if _unread(record):
        raise _Corrupt(offset, f"record truncated, {_unread(record)} bytes missing")
    _, charset = _media_type(record.http_headers.get_header("Content-Type"))
    try:
        return sources.from_html(decode_page(body, charset), source=key, url=uri or None)
    except InputError as exc:
        return Failure(key, exc.code, f"{exc.args[0]} ({uri})")


def read_warc(
    path: Path, *, options: FetchOptions | None = None, published: date | None = None
) -> Iterator[Item]:
    """Every HTML page of a WARC crawl (.warc or .warc.gz) as an Article or Failure.

    A page is a ``response`` record with HTTP 200 and an HTML content type: its text
    comes through ``sources.from_html``, its ``url`` is the WARC-Target-URI and its
    ``published`` the date in the page's own metadata, else ``published``. The WARC-Date
    is when the page was crawled, not published, and is not used. Other records
    (requests, metadata, redirects, 404s, images, scripts) are not articles: they are
    skipped and counted in the log. A truncated or corrupt file gives one Failure (E114)
    keyed by the offset where reading stopped, after the pages before it.
    """
    options = options or FetchOptions()
    source = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        yield Failure(source, "E101", "no such file")
        return
    if size == 0:
        yield Failure(source, "E102", "input is empty")
        return
    skipped: Counter[str] = Counter()
    pages = 0
    with path.open("rb") as fh:
        try:
            for offset, record in _records(fh, size):
                reason = _skip_reason(record)
                if reason is not None:
                    skipped[reason] += 1
                    continue
                item = _warc_page(record, offset, source, options)
                pages += 1
                yield _dated(item, published) if isinstance(item, Article) else item
        except _Corrupt as exc:
            yield Failure(
                f"{source}#{exc.offset}",
                "E114",
                f"WARC file is truncated or corrupt at byte {exc.offset} ({exc}); "
                f"{pages} page{'' if pages == 1 else 's'} before it read",
            )
    log.info(
        "%s: %d pages; skipped %s",
        source,
        pages,
        ", ".join(f"{n} {why}" for why, n in sorted(skipped.items())) or "nothing",
    )


def count_items(path: Path) -> int:
    """How many items ``read_feed`` or ``read_warc`` gives for a file, by a scan with no
    extraction (entry tags of a feed, record headers of a WARC file); at least 1."""
    kind = sources.file_kind(path)
    try:
        if kind == "feed":
            return max(1, len(_ENTRY_TAG.findall(path.read_bytes())))
        if kind != "warc":
            return 1
        counted: set[int] = set()
        with path.open("rb") as fh:
            try:
                for offset, record in _records(fh, path.stat().st_size):
                    if _skip_reason(record) is None:
                        counted.add(offset)
            except _Corrupt as exc:
                # A truncated page is the one Failure, not a page and a Failure.
                return max(1, len(counted) + (exc.offset not in counted))
        return max(1, len(counted))
    except OSError:
        return 1
