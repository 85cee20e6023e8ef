"""Ingest: read a corpus, analyse it and write it to the store, resumably.

    summary = ingest(["news/", "dump.jsonl"], db="corpus.db", workers=4)
    print(summary)        # 9,812 stored (41,230 events), 12 duplicates, 0 already ..., 7 failed

Inputs are files (.txt, .html, .htm) and folders of them (``readers.read_path``: a
folder's ``.jsonl`` files are not read, it may hold annotations), JSONL dumps
(``readers.read_jsonl``), RSS/Atom feeds and WARC crawls (``web.read_feed``,
``web.read_warc``, also inside folders) and http(s) URLs of articles or feeds
(``web.read_url``).
Every input ends as one ledger line keyed by its path (``path:line`` for a JSONL line,
``path#entry-id`` for a feed entry, ``path#offset`` for a WARC record, the URL for a URL):
``ok`` (stored), ``skipped`` (its article, same id or same text, was already stored) or
``failed`` (with the error code and reason). Running the same command again resumes: an
input whose article is stored is not analysed again, a failed one is retried. (URLs and
teaser-only feed entries are fetched again to know their article.)

Crash safety: the parent process alone writes, one transaction per article holding the
article, its events and its ledger line, so a run killed at any point (even ``kill -9``)
and run again ends with exactly the articles and events of an uninterrupted run.

With ``workers > 1`` the analysis runs in a pool of spawned processes, each loading the
model once and analysing chunks of articles; at most ``IN_FLIGHT_PER_WORKER`` chunks per
worker wait at a time, so memory stays flat on any corpus. A worker that dies (a crash,
out of memory) costs a restart of the pool; the articles it held are retried one by one
and the one that kills a worker again is recorded as failed (E404).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from communique import knowledge, language, web
from communique import sources as readers  # `sources` is ingest()'s argument
from communique.knowledge import KnowledgeBase
from communique.pipeline import analyze_many
from communique.records import Analysis, Article, Failure
from communique.store import Store, StoreError, input_key

log = logging.getLogger(__name__)

Result = Analysis | Failure
# Articles sent to a worker at once: a batch of nlp.pipe, so a worker parses at full speed.
CHUNK_SIZE = language.BATCH_SIZE
# Chunks queued per worker: two keeps every worker busy while the parent writes, and
# bounds the articles held in memory to workers * 2 * CHUNK_SIZE.
IN_FLIGHT_PER_WORKER = 2
# Seconds between progress lines: often on a terminal (one line, redrawn), rarely in a
# log file or pipe (one line each time).
PROGRESS_TTY_SECONDS = 0.5
PROGRESS_LOG_SECONDS = 10.0


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did, input by input."""

    articles: int = 0  # articles stored by this run
    duplicates: int = 0  # inputs whose article was already stored (skipped)
    resumed: int = 0  # inputs stored by an earlier run, not analysed again
    events: int = 0  # events of the articles stored by this run
    failures: dict[str, int] = field(default_factory=dict)  # error code -> inputs
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    @property
    def inputs(self) -> int:
        return self.articles + self.duplicates + self.resumed + self.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "articles": self.articles,
            "duplicates": self.duplicates,
            "resumed": self.resumed,
            "events": self.events,
            "failed": self.failed,
            "failures": dict(sorted(self.failures.items())),
            "seconds": round(self.seconds, 2),
        }

    def __str__(self) -> str:
        text = (
            f"{self.articles} stored ({self.events} events), {self.duplicates} duplicates, "
            f"{self.resumed} already ingested, {self.failed} failed"
        )
        if self.failures:
            text += " (" + ", ".join(f"{c}: {n}" for c, n in sorted(self.failures.items())) + ")"
        return text


@dataclass(slots=True)
class Input:
    """One input with its ledger identity: an Article to analyse or a Failure to record."""

    key: str
    source: str
    line: int | None
    item: Article | Failure


# ------------------------------------------------------------------------------ inputs


def _keyed(items: Iterable[Article | Failure]) -> Iterator[Input]:
    """Inputs keyed by their items' sources (a path, ``feed#entry``, ``crawl#offset``,
    a URL)."""
    for item in items:
        if isinstance(item, Failure):
            where, line = item.source, item.line
        else:
            where, line = item.source or item.id, None
        yield Input(input_key(where, line), where, line, item)


def _jsonl_line(path: str, item: Article | Failure) -> int | None:
    """The line of a JSONL input: Failures may carry it, Articles name it in their source
    (``path:12 (id abc)``, as ``readers.from_record`` writes it)."""
    if isinstance(item, Failure) and item.line is not None:
        return item.line
    where = item.source or ""
    if where.startswith(path + ":"):
        digits = where[len(path) + 1 :].split(" ", 1)[0]
        if digits.isdigit():
            return int(digits)
    return None


def _from_jsonl(path: Path) -> Iterator[Input]:
    name = str(path)
    for item in readers.read_jsonl(path):
        line = _jsonl_line(name, item)
        yield Input(input_key(name, line), name, line, item)


def expand(
    paths: Iterable[str | Path], *, fetch: web.FetchOptions | None = None
) -> Iterator[Input]:
    """Every input of files, folders, JSONL dumps, feeds, WARC files and URLs, in order,
    with its ledger key.

    Paths are made absolute so that the keys (and so resuming) do not depend on the
    directory the command runs in; URLs are kept as given.
    """
    for raw in paths:
        if web.is_url(str(raw)):
            yield from _keyed(web.read_url(str(raw), options=fetch))
            continue
        path = Path(raw).expanduser().resolve()
        if path.suffix.lower() == ".jsonl" and not path.is_dir():
            yield from _from_jsonl(path)
        else:
            yield from _keyed(readers.read_path(path, fetch=fetch))


def _jsonl_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def _file_items(path: Path, kind: str | None) -> int:
    return web.count_items(path) if kind in ("feed", "warc") else 1


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many inputs ``expand`` will yield, cheaply (no parsing or extraction): the
    total behind the progress report's ETA."""
    total = 0
    for raw in paths:
        if web.is_url(str(raw)):
            total += 1  # a feed's entries are known only once it is fetched
            continue
        path = Path(raw).expanduser()
        try:
            if path.is_dir():
                files = readers.folder_files(path)
                total += max(1, sum(_file_items(p, kind) for p, kind in files))
            elif path.suffix.lower() == ".jsonl" and path.is_file():
                total += _jsonl_lines(path)
            elif path.is_file():
                total += _file_items(path, readers.file_kind(path))
            else:
                total += 1
        except OSError:
            total += 1
    return total


# ---------------------------------------------------------------------------- progress


class Progress:
    """Inputs done, rate and ETA on stderr: one redrawn line on a terminal, a line every
    ``PROGRESS_LOG_SECONDS`` elsewhere."""

    def __init__(
        self, total: int | None, *, enabled: bool = True, stream: TextIO | None = None
    ) -> None:
        self.total = total
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = PROGRESS_TTY_SECONDS if self.tty else PROGRESS_LOG_SECONDS
        self.start = time.monotonic()
        self.last = self.start
        self.done = 0
        self.analysed = 0  # inputs that cost work (not resumed): what the rate measures

    def tick(self, *, work: bool = True) -> None:
        self.done += 1
        self.analysed += work
        now = time.monotonic()
        if self.enabled and now - self.last >= self.every:
            self.last = now
            self._write(self.line(now))

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-6, (now or time.monotonic()) - self.start)
        rate = self.analysed / elapsed
        total = max(self.total or 0, self.done)
        text = f"{self.done}/{total} inputs" if self.total else f"{self.done} inputs"
        text += f", {rate:.1f}/s"
        if self.total and rate > 0 and total > self.done:
            text += f", ETA {_duration((total - self.done) / rate)}"
        return text

    def _write(self, text: str) -> None:
        if self.tty:
            self.stream.write(f"\r\x1b[Kcommunique: {text}")
        else:
            self.stream.write(f"communique: {text}\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self._write(self.line() + ", done")
            if self.tty:
                self.stream.write("\n")
                self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


# ---------------------------------------------------------------------------- analysis

# Set in each worker process by _init_worker: the knowledge base and options it uses,
# and the error that kept it from loading them (raised again with every chunk, so the
# parent sees the real cause instead of a broken pool).
_worker_kb: KnowledgeBase | None = None
_worker_plover_future = False
_worker_error: Exception | None = None


def _knowledge(kb_files: Sequence[str]) -> KnowledgeBase | None:
    return knowledge.build([Path(p) for p in kb_files]) if kb_files else None


def _exit_with_parent() -> None:
    """End this worker when the parent process ends, even by ``kill -9``: an orphaned
    worker would otherwise wait for work forever, since it holds its queue's write end."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()
        os._exit(1)


def _init_worker(kb_files: Sequence[str], plover_future: bool) -> None:
    """Load the model and the knowledge base once per worker process."""
    global _worker_kb, _worker_plover_future, _worker_error
    threading.Thread(target=_exit_with_parent, name="exit-with-parent", daemon=True).start()
    try:
        language.load()
        _worker_kb = _knowledge(kb_files) or knowledge.default()
    except Exception as exc:  # raised again by _analyse_chunk, in the parent
        _worker_error = exc
    _worker_plover_future = plover_future


def _analyse_chunk(articles: list[Article]) -> list[Result]:
    """A worker's job: one result per article, in order."""
    if _worker_error is not None:
        raise _worker_error
    return list(analyze_many(articles, kb=_worker_kb, plover_future=_worker_plover_future))


def _chunks(inputs: Iterable[Input], size: int) -> Iterator[list[Input]]:
    iterator = iter(inputs)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _articles(chunk: list[Input]) -> list[Article]:
    return [i.item for i in chunk if isinstance(i.item, Article)]


class _Pool:
    """Spawned worker processes analysing chunks; results come back in input order."""

    def __init__(self, workers: int, kb_files: Sequence[str], plover_future: bool) -> None:
        self.workers = workers
        self.initargs = (tuple(kb_files), plover_future)
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=self.initargs,
        )

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def results(self, chunks: Iterable[list[Input]]) -> Iterator[tuple[Input, Result]]:
        pending: deque[tuple[list[Input], Future[list[Result]]]] = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        for chunk in chunks:
            pending.append((chunk, self.executor.submit(_analyse_chunk, _articles(chunk))))
            while len(pending) >= limit:
                yield from self._collect(pending)
        while pending:
            yield from self._collect(pending)

    def _collect(
        self, pending: deque[tuple[list[Input], Future[list[Result]]]]
    ) -> Iterator[tuple[Input, Result]]:
        chunk, future = pending.popleft()
        try:
            results = future.result()
        except BrokenProcessPool:
            # Every queued chunk is lost with the pool; find the culprit one at a time.
            lost = chunk + [i for waiting, _ in pending for i in waiting]
            pending.clear()
            log.warning("a worker process died; retrying %d articles one by one", len(lost))
            self._restart()
            for one in lost:
                yield one, self._alone(one)
            return
        yield from zip(chunk, results, strict=True)

    def _alone(self, one: Input) -> Result:
        try:
            return self.executor.submit(_analyse_chunk, _articles([one])).result()[0]
        except BrokenProcessPool:
            self._restart()
            return Failure(
                one.source,
                "E404",
                "the analysis worker process died on this input (crash or out of memory)",
                one.line,
            )

    def _restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()


def _analyse_here(
    chunks: Iterable[list[Input]], kb_files: Sequence[str], plover_future: bool
) -> Iterator[tuple[Input, Result]]:
    kb = _knowledge(kb_files)
    for chunk in chunks:
        results = analyze_many(_articles(chunk), kb=kb, plover_future=plover_future)
        yield from zip(chunk, results, strict=True)


# ------------------------------------------------------------------------------ ingest


def _fail(store: Store, summary: IngestSummary, one: Input, code: str, reason: str) -> None:
    store.record_failure(Failure(one.source, code, reason, one.line), key=one.key)
    summary.failures[code] = summary.failures.get(code, 0) + 1


def _to_analyse(
    inputs: Iterable[Input], store: Store, summary: IngestSummary, progress: Progress
) -> Iterator[Input]:
    """The inputs that need analysing; reading failures, resumed inputs and articles
    already stored are recorded here without analysis."""
    for one in inputs:
        item = one.item
        if isinstance(item, Failure):
            _fail(store, summary, one, item.code, item.reason)
            progress.tick()
            continue
        existing = store.find_article(item)
        if existing is None:
            yield one
            continue
        entry = store.ledger_entry(one.key)
        if entry and entry["status"] in ("ok", "skipped") and entry["article_id"] == existing:
            summary.resumed += 1
            progress.tick(work=False)
            continue
        store.record_skip(item, key=one.key, source=one.source, line=one.line)
        summary.duplicates += 1
        progress.tick()


def _write(store: Store, summary: IngestSummary, one: Input, result: Result) -> None:
    if isinstance(result, Failure):
        _fail(store, summary, one, result.code, result.reason)
        return
    try:
        status = store.add(result, key=one.key, source=one.source, line=one.line)
    except StoreError as exc:
        if exc.code != "E403":
            raise
        log.warning("%s: %s", one.key, exc)
        _fail(store, summary, one, exc.code, str(exc.args[0]))
        return
    if status == "ok":
        summary.articles += 1
        summary.events += len(result.events)
    else:
        summary.duplicates += 1


def ingest(
    sources: list[str],
    *,
    db: str | Path,
    workers: int = 1,
    progress: bool = True,
    kb_files: Sequence[str | Path] = (),
    plover_future: bool = False,
    chunk_size: int = CHUNK_SIZE,
    progress_stream: TextIO | None = None,
    fetch: web.FetchOptions | None = None,
) -> IngestSummary:
    """Analyse files, folders, JSONL dumps, feeds, WARC files and URLs into the store at
    ``db`` (a path or URL).

    Resumable and idempotent (see the module docstring); every input ends in the ledger.
    ``workers > 1`` analyses in that many spawned processes; ``kb_files`` are knowledge
    files merged over the bundled knowledge base; ``fetch`` says whether and how URLs
    and teaser-only feed entries are fetched (default: yes, ``web.FetchOptions()``);
    progress goes to stderr.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    started = time.monotonic()
    kb_paths = [str(p) for p in kb_files]
    summary = IngestSummary()
    report = Progress(count_inputs(sources), enabled=progress, stream=progress_stream)
    pool = _Pool(workers, kb_paths, plover_future) if workers > 1 else None
    try:
        with Store.open(db) as store:
            inputs = expand(sources, fetch=fetch)
            todo = _chunks(_to_analyse(inputs, store, summary, report), chunk_size)
            if pool is not None:
                results = pool.results(todo)
            else:
                results = _analyse_here(todo, kb_paths, plover_future)
            for one, result in results:
                _write(store, summary, one, result)
                report.tick()
    finally:
        if pool is not None:
            pool.close()
        report.close()
    summary.seconds = time.monotonic() - started
    log.info("ingest into %s: %s", db, summary)
    return summary
