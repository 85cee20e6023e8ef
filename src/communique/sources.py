"""Sources: turn files, folders, stdin and JSONL dumps into Articles.

Each reader yields ``Article`` or ``Failure`` items, so a batch reports a bad input and
carries on. HTML goes through trafilatura with comments and boilerplate removed; the
headline is kept as the first paragraph of the text, as in a plain-text article, so
offsets and events are the same whichever format a story arrives in.

Files that hold many articles, RSS/Atom feeds and WARC crawls, and URLs are read by
``communique.web``; ``read_path`` hands such files (given alone or found in a folder) to it.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.errors import InputError
from communique.records import Article, Failure

if TYPE_CHECKING:
    from communique.web import FetchOptions

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# Files of many articles, read by communique.web. A folder's .xml files are read only
# when they start like a feed (see FEED_ROOTS): a folder may hold other XML.
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = (".warc", ".warc.gz")
# Root elements of RSS 2.0/0.9x, Atom and RSS 1.0 (rdf:RDF), without namespace prefix.
FEED_ROOTS = {"rss", "feed", "rdf"}
# A folder may carry publication dates and titles for its files in this file.
FOLDER_METADATA = "metadata.csv"
# Share of control characters above which a "text" is treated as binary. Text files in
# the sample corpus and the shared data have none; PDFs, images and archives have
# 10-40% in their first kilobytes.
BINARY_CONTROL_SHARE = 0.05
SNIFF_BYTES = 8192
# Extracted text shorter than this is navigation residue, not an article: trafilatura
# falls back to link texts ("Home") on pages without a body.
MIN_ARTICLE_WORDS = 6

Item = Article | Failure


def parse_date(value: Any, *, source: str, line: int | None = None) -> date | None:
    """Read YYYY-MM-DD (or an ISO timestamp) into a date; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise InputError(
            f"invalid date {text!r}: expected YYYY-MM-DD", code="E109", source=source, line=line
        ) from exc


def decode(data: bytes, *, source: str, line: int | None = None) -> str:
    """Bytes to text: reject empty, binary and non-UTF-8 input with a clear error."""
    if not data.strip():
        raise InputError("input is empty", code="E102", source=source, line=line)
    head = data[:SNIFF_BYTES]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if b"\x00" in head or controls / len(head) > BINARY_CONTROL_SHARE:
        raise InputError(
            "input looks binary (control bytes), not text or HTML",
            code="E103",
            source=source,
            line=line,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"input is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`",
            code="E104",
            source=source,
            line=line,
        ) from exc


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "<body" in head or "<head" in head or "<article" in head
    )


def join_title(title: str | None, body: str) -> str:
    """The text of an article: its headline as the first paragraph, unless the body
    already starts with it."""
    body = body.strip()
    if title and not body.startswith(title.strip()):
        return f"{title.strip()}\n\n{body}"
    return body


def from_text(
    text: str,
    *,
    source: str = "<text>",
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
    line: int | None = None,
) -> Article:
    """An Article from plain text (the headline, if any, is the first line)."""
    if not text.strip():
        raise InputError("input has no text", code="E102", source=source, line=line)
    if title is None:
        first = text.strip().splitlines()[0].strip()
        title = first if len(first) < 200 else None
    return Article(
        text=text.strip(),
        id=id or "",
        title=title,
        url=url,
        published=published,
        source=source,
        fmt="text",
    )


def from_html(
    html: str,
    *,
    source: str = "<html>",
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
    line: int | None = None,
) -> Article:
    """An Article from an HTML page: main text only, no navigation, sidebars or comments."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        favor_precision=True,
    )
    doc: dict[str, Any] = {}
    if isinstance(extracted, dict):
        doc = extracted
    elif extracted is not None:
        doc = extracted.as_dict()
    body = doc.get("text") or ""
    if len(body.split()) < MIN_ARTICLE_WORDS:
        raise InputError(
            "HTML page has no article text (only navigation, boilerplate or nothing)",
            code="E105",
            source=source,
            line=line,
        )
    meta_title = doc.get("title")
    title = title or (meta_title if isinstance(meta_title, str) else None)
    if published is None and doc.get("date"):
        try:
            published = parse_date(doc["date"], source=source, line=line)
        except InputError:
            log.info("%s: ignoring unreadable page date %r", source, doc["date"])
    return Article(
        text=join_title(title, body),
        id=id or "",
        title=title,
        url=url or doc.get("url"),
        published=published,
        source=source,
        fmt="html",
    )


def from_string(
    content: str, *, source: str, published: date | None = None, **kwargs: Any
) -> Article:
    """Text or HTML, told apart by content."""
    if looks_like_html(content):
        return from_html(content, source=source, published=published, **kwargs)
    return from_text(content, source=source, published=published, **kwargs)


def _folder_metadata(folder: Path) -> dict[str, dict[str, str]]:
    meta_path = folder / FOLDER_METADATA
    if not meta_path.exists():
        return {}
    with meta_path.open(encoding="utf-8", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh) if row.get("file")}


def xml_root(head: bytes) -> str | None:
    """The name of the first element of an XML or HTML document (lower case, without a
    namespace prefix), skipping the declaration, comments and doctype; None if there is
    none in ``head``."""
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<![^>]*>", b"", head, flags=re.DOTALL)
    match = re.search(rb"<([A-Za-z][\w.:-]*)", head)
    if match is None:
        return None
    return match.group(1).decode("ascii", "replace").rsplit(":", 1)[-1].lower()


def file_kind(path: Path) -> str | None:
    """What a file holds, by its name: "text", "html", "feed", "warc" or None."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return None


def _folder_kind(path: Path) -> str | None:
    """``file_kind``, except that a folder's .xml file counts only if it is a feed."""
    kind = file_kind(path)
    if kind == "feed" and path.suffix.lower() == ".xml":
        try:
            with path.open("rb") as fh:
                head = fh.read(SNIFF_BYTES)
        except OSError:
            return kind  # unreadable: reading it reports the error
        return kind if xml_root(head) in FEED_ROOTS else None
    return kind


def folder_files(folder: Path) -> list[tuple[Path, str]]:
    """The readable files of a folder with their kinds, sorted by name."""
    found = []
    for path in sorted(folder.iterdir()):
        kind = _folder_kind(path) if path.is_file() else None
        if kind is not None:
            found.append((path, kind))
    return found


def read_file(path: Path, *, published: date | None = None, **meta: Any) -> Article:
    """One .txt or .html file as an Article; raises InputError."""
    source = str(path)
    if not path.exists():
        raise InputError("no such file or folder", code="E101", source=source)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise InputError(
            f"unsupported file type {suffix or '(none)'!r}: use .txt, .html, .htm, "
            ".rss, .atom, .xml (a feed), .warc or .warc.gz",
            code="E108",
            source=source,
        )
    content = decode(path.read_bytes(), source=source)
    if suffix in HTML_SUFFIXES:
        return from_html(content, source=source, published=published, **meta)
    return from_text(content, source=source, published=published, **meta)


def _read_many(
    path: Path, kind: str, published: date | None, fetch: FetchOptions | None
) -> Iterator[Item]:
    from communique import web  # imported here: web imports this module

    if kind == "warc":
        yield from web.read_warc(path, options=fetch, published=published)
    else:
        yield from web.read_feed(path, options=fetch, published=published)


def read_path(
    path: Path, *, published: date | None = None, fetch: FetchOptions | None = None
) -> Iterator[Item]:
    """A file or every readable file of a folder (sorted), as Articles or Failures.

    Feeds and WARC files give an item per entry or page (see ``communique.web``);
    ``fetch`` says whether and how a feed entry's page may be fetched.
    """
    source = str(path)
    if not path.exists():
        yield Failure(source, "E101", "no such file or folder")
        return
    if not path.is_dir():
        kind = file_kind(path)
        if kind in ("feed", "warc"):
            yield from _read_many(path, kind, published, fetch)
            return
        try:
            yield read_file(path, published=published)
        except InputError as exc:
            yield Failure(exc.source, exc.code, str(exc.args[0]), exc.line)
        return
    meta = _folder_metadata(path)
    files = folder_files(path)
    if not files:
        yield Failure(source, "E110", "folder holds no .txt, .html, .htm, feed or .warc(.gz) files")
        return
    for file, kind in files:
        if kind in ("feed", "warc"):
            yield from _read_many(file, kind, published, fetch)
            continue
        row = meta.get(file.name, {})
        try:
            day = parse_date(row.get("published"), source=str(file)) or published
            yield read_file(
                file,
                published=day,
                id=row.get("id") or None,
                title=row.get("title") or None,
                url=row.get("url") or None,
            )
        except InputError as exc:
            yield Failure(exc.source, exc.code, str(exc.args[0]), exc.line)


def from_record(record: dict[str, Any], *, source: str, line: int | None = None) -> Article:
    """An Article from a ``{"id", "text" or "html", "published", "title", "url"}`` record."""
    rid = record.get("id")
    ident = str(rid) if rid is not None else None
    title = record.get("title")
    url = record.get("url")
    published = parse_date(record.get("published"), source=source, line=line)
    where = f"{source}:{line}" if line is not None else source
    where += f" (id {rid})" if rid is not None else ""
    if isinstance(record.get("html"), str) and record["html"].strip():
        return from_html(
            record["html"], source=where, id=ident, title=title, url=url, published=published
        )
    if isinstance(record.get("text"), str) and record["text"].strip():
        return from_text(
            record["text"], source=where, id=ident, title=title, url=url, published=published
        )
    raise InputError(
        "record has neither a non-empty 'text' nor 'html' field",
        code="E107",
        source=source,
        line=line,
    )


def read_jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any]] | Failure]:
    """(line number, JSON object) for each line of a JSONL file; a bad line is a Failure
    naming it."""
    source = str(path)
    if not path.exists():
        yield Failure(source, "E101", "no such file")
        return
    try:
        text = decode(path.read_bytes(), source=source)
    except InputError as exc:
        yield Failure(exc.source, exc.code, str(exc.args[0]))
        return
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield Failure(source, "E106", f"malformed JSON: {exc.msg} (column {exc.colno})", number)
            continue
        if not isinstance(record, dict):
            yield Failure(source, "E106", "line is not a JSON object", number)
            continue
        yield number, record


def read_jsonl(path: Path) -> Iterator[Item]:
    """Every line of a JSONL file as an Article; a bad line is a Failure naming the line."""
    for item in read_jsonl_records(path):
        if isinstance(item, Failure):
            yield item
            continue
        number, record = item
        try:
            yield from_record(record, source=str(path), line=number)
        except InputError as exc:
            yield Failure(exc.source, exc.code, str(exc.args[0]), exc.line)
