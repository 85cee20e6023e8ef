"""The store: analysed articles, their events, their clusters and the ingest ledger in one
database.

SQLite by default (one file, WAL journal, foreign keys on); PostgreSQL for teams, with
the same schema. Built on SQLAlchemy 2 Core: no ORM object ever leaves this module, every
read returns plain, JSON-ready dicts.

    >>> store = Store.open("corpus.db")            # or "postgresql://user:pw@host/db"
    >>> store.add(analysis, key="docs.jsonl:12")   # one transaction: article + events + ledger
    'ok'
    >>> for event in store.events(actor="IND", since="2025-01-01"):
    ...     print(event["event"], event["cluster_id"])
    >>> for real in store.clusters(min_articles=2):    # one per real event
    ...     print(real["event"], real["date"], real["NumArticles"], real["NumSources"])
    >>> df = store.events_frame(actor="IND")            # pandas, one flat row per event

Idempotent by content: an article whose id or content hash is already stored is not
stored again; the ledger records it as ``skipped`` (duplicate). Every write of an
article, its events, actors, mentions, their cluster assignments and its ledger line is
one transaction, so a process killed at any point leaves either all of it or none of it.

Clusters (``cluster_store``): each asserted or reported event joins the cluster of the
real event it reports (``clusters.same_event`` with a member, type and date window found
by index) or founds one named after its own id; GDELT's NumMentions, NumSources and
NumArticles live on the cluster row. Taken in the order articles are stored, so the same
corpus in the same order (or resumed after a crash) gives the same clusters, and
``recluster()`` rebuilds them as an incremental ingest would.

DataFrames: ``events_frame(**filters)`` (``events``'s filters), ``clusters_frame(...)``
and ``articles_frame()`` return pandas DataFrames with flat, typed columns (see
``frames``); pandas is imported only when they are called.

Schema (version 2)::

    articles   id (the article id: content hash unless the input named one), content_hash
               (unique), url, title, published, source, text, fmt, ingested_at, seq (1, 2,
               ...: the order articles were stored in; v2)
    events     id, article_id -> articles, cluster_id -> clusters (nullable), event, mode,
               cameo, quad_code, goldstein, date, date_precision, factuality, attribution,
               confidence, evidence_text/_start/_end/_trigger, context and topics (JSON
               text), loc_name/_country/_geonameid/_lat/_lon (event_loc), forum_name,
               forum_org, record (JSON text: the full ``Event.to_dict()``)
    actors     event_id, role ('actor' | 'recipient'), position, entity_text, start, end,
               name, code, org, sector, entity_role (the entity's own ``role``), identifier
    mentions   event_id, article_id, position, text, start, end, trigger, trigger_start,
               trigger_end
    clusters   id (its first member's event id), created, event (PLOVER type),
               first_date, last_date (of its members), num_mentions, num_sources,
               num_articles (v2: type, dates and counts)
    ledger     key (the input: a path, or path:line for JSONL; one row per input, replaced
               when the input is ingested again), source, line, status ('ok' | 'failed' |
               'skipped'), code, reason, article_id, at
    schema_version  version, applied_at
    indexes    besides the single columns: events (event, date), for clustering (v2)

Migrations. ``MIGRATIONS[n - 1]`` brings a store at version ``n - 1`` to version ``n``;
``open`` applies the missing ones in order, each in its own transaction with its
``schema_version`` row. A new store is created from the table definitions in ``schema``
and stamped with the latest version. To change the schema: edit the tables there (so new
stores get the change), then append a function ``_vN(conn)`` to ``MIGRATIONS`` that
makes the same change on an existing store (``ALTER TABLE ...`` through
``conn.exec_driver_sql`` or SQLAlchemy DDL constructs; both SQLite and PostgreSQL must
accept it), and add a test opening a store written at version N - 1.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from communique import cluster_store, schema
from communique.errors import CommuniqueError
from communique.records import Analysis, Article, Event, Failure, content_hash
from communique.schema import (
    V2_COLUMNS,
    V2_INDEXES,
    actors_t,
    articles_t,
    clusters_t,
    events_t,
    index,
    ledger_t,
    mentions_t,
    metadata,
    schema_version_t,
)

log = logging.getLogger(__name__)

DEFAULT_PATH = "communique.db"
# Rows fetched per round trip when streaming reads: large enough that the per-batch cost
# vanishes, small enough that a read of millions of events keeps memory flat.
CHUNK_ROWS = 500
# How long a SQLite writer waits for another writer's lock before failing (seconds).
SQLITE_BUSY_TIMEOUT = 30
# The PostgreSQL advisory lock that orders writers (any constant; "cmnq" in ASCII).
CLUSTER_LOCK = 0x636D6E71
STATUSES = ("ok", "failed", "skipped")
Status = Literal["ok", "failed", "skipped"]


class StoreError(CommuniqueError):
    """The store cannot be opened (E401), is too new (E402), or a write failed (E403)."""

    code = "E401"


# ------------------------------------------------------------------------- migrations

Migration = Callable[[Connection], None]


def _v1(conn: Connection) -> None:
    """The first schema: articles, events, actors, mentions, an empty clusters table and
    the ledger. (A new store is created at the latest version directly; this creates the
    tables as they are now, which ``_v2`` then finds already there.)"""
    metadata.create_all(conn)


def _v2(conn: Connection) -> None:
    """Clusters in the store: the clusters table's type, dates and counts, the order
    articles were stored in, the ``(event, date)`` index that finds candidates; then the
    existing events are clustered (replaying the order they were stored in)."""
    inspector = sa.inspect(conn)
    quote = conn.dialect.identifier_preparer.quote
    for column in V2_COLUMNS:
        table = column.table.name
        if column.name in {c["name"] for c in inspector.get_columns(table)}:
            continue
        kind = column.type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE {quote(table)} ADD COLUMN {quote(column.name)} {kind}")
    for name in V2_INDEXES:
        index(name).create(conn, checkfirst=True)
    a = articles_t.c
    ordered = conn.execute(sa.select(a.id).order_by(a.ingested_at, a.id)).scalars().all()
    if ordered:
        conn.execute(
            articles_t.update()
            .where(a.id == sa.bindparam("b_id"))
            .values(seq=sa.bindparam("b_seq")),
            [{"b_id": article_id, "b_seq": n} for n, article_id in enumerate(ordered, 1)],
        )
    made = cluster_store.recluster(conn)
    log.info("schema v2: %d articles' events clustered into %d clusters", len(ordered), made)


MIGRATIONS: list[Migration] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)


def _current_version(conn: Connection) -> int:
    """The store's schema version: 0 for an empty database."""
    inspector = sa.inspect(conn)
    if not inspector.has_table("schema_version"):
        if inspector.has_table("articles"):
            raise StoreError(
                "database has communique-like tables but no schema_version table",
                code="E401",
            )
        return 0
    found = conn.execute(sa.select(sa.func.max(schema_version_t.c.version))).scalar()
    return int(found or 0)


def _stamp(conn: Connection, version: int) -> None:
    conn.execute(schema_version_t.insert().values(version=version, applied_at=_now()))


def migrate(engine: Engine) -> int:
    """Bring the store's schema to the latest version; returns the version found."""
    latest = len(MIGRATIONS)
    try:
        with engine.begin() as conn:
            found = _current_version(conn)
            if found == 0:
                # A new store: the tables as they are now, stamped with the latest version.
                metadata.create_all(conn)
                _stamp(conn, latest)
                log.info("created store schema version %d", latest)
                return 0
    except sa.exc.DBAPIError:
        # Another process may have created the store at the same moment: use its schema.
        with engine.connect() as conn:
            found = _current_version(conn)
        if found == 0:
            raise
    if found > latest:
        raise StoreError(
            f"store schema version {found} is newer than this communique "
            f"(knows up to {latest}): upgrade communique",
            code="E402",
        )
    for version in range(found + 1, latest + 1):
        with engine.begin() as conn:
            MIGRATIONS[version - 1](conn)
            _stamp(conn, version)
        log.info("migrated store to schema version %d", version)
    return found


# ------------------------------------------------------------------------------ rows


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite drops the zone
        return aware.astimezone(UTC).isoformat()
    return value.isoformat()


def _as_date(value: date | str | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{name}: expected YYYY-MM-DD, got {value!r}") from exc


def input_key(source: str, line: int | None = None) -> str:
    """The ledger key of an input: its path, or ``path:line`` for a JSONL line."""
    return f"{source}:{line}" if line is not None else source


def _strings(value: str | Iterable[str] | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


# ----------------------------------------------------------------------------- engine


def _engine(url_or_path: str | Path) -> Engine:
    """An engine for a SQLite path, a ``sqlite://`` URL or a ``postgresql://`` URL."""
    text = str(url_or_path)
    if text.startswith(("postgresql://", "postgres://")):
        # SQLAlchemy's default PostgreSQL driver is psycopg2; communique ships psycopg 3.
        text = "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" not in text:
        path = Path(text).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        text = f"sqlite:///{path}"
    try:
        url = sa.make_url(text)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"not a database URL or path: {text!r}") from exc
    backend = url.get_backend_name()
    if backend == "sqlite":
        engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
        _sqlite_setup(engine)
        return engine
    if backend == "postgresql":
        try:
            return sa.create_engine(url, pool_pre_ping=True)
        except (ImportError, sa.exc.ArgumentError) as exc:
            raise StoreError(f"cannot use {url.drivername!r}: {exc}") from exc
    raise StoreError(f"unsupported database {backend!r}: use a SQLite path or postgresql://")


def _sqlite_setup(engine: Engine) -> None:
    """WAL (readers never block the writer), foreign keys on, and real transactions.

    pysqlite's own transaction handling begins a transaction only at the first write and
    never around DDL; SQLAlchemy's documented recipe hands BEGIN to SQLAlchemy instead, so
    a migration and an article's check-then-insert are each one transaction.
    ``synchronous=NORMAL`` in WAL mode loses nothing when the process is killed (only a
    power cut can drop the last commits).
    """

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


# ------------------------------------------------------------------------------ store


class Store:
    """Articles, events, clusters and the ingest ledger in SQLite or PostgreSQL.

    Open with ``Store.open(path_or_url)``; close with ``close()`` or use it as a context
    manager. Reads return plain dicts and stream in chunks of ``CHUNK_ROWS``:
    ``events(...)``, ``clusters(...)``, ``cluster(id)``, ``articles()``, ``ledger()``;
    the same as pandas DataFrames: ``events_frame(...)``, ``clusters_frame(...)``,
    ``articles_frame()``. ``recluster()`` rebuilds every cluster.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url_or_path: str | Path = DEFAULT_PATH) -> Store:
        """Open (creating or migrating as needed) the store at a path or database URL."""
        engine = _engine(url_or_path)
        try:
            migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        except sa.exc.SQLAlchemyError as exc:
            engine.dispose()
            where = engine.url.render_as_string(hide_password=True)
            raise StoreError(f"cannot open store {where}: {_reason(exc)}") from exc
        return cls(engine)

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.url.get_backend_name()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # -------------------------------------------------------------------------- writes

    def add(
        self,
        analysis: Analysis,
        *,
        key: str | None = None,
        source: str | None = None,
        line: int | None = None,
    ) -> Status:
        """Store an article with its events and its ledger line in one transaction.

        Returns ``"ok"``, or ``"skipped"`` when the article (same id or same text) is
        already stored: then nothing but the ledger line is written. ``key``, ``source``
        and ``line`` name the input in the ledger (default: the article's source).
        Raises StoreError (E403) when the database refuses the write.
        """
        article = analysis.article
        source = source or article.source or article.id
        key = key or input_key(source, line)
        try:
            with self.engine.begin() as conn:
                existing = self._existing(conn, article)
                if existing is not None:
                    reason = f"duplicate of article {existing}"
                    self._ledger_write(conn, key, source, line, "skipped", None, reason, existing)
                    return "skipped"
                self._insert(conn, analysis)
                self._ledger_write(conn, key, source, line, "ok", None, None, article.id)
                return "ok"
        except sa.exc.IntegrityError as exc:
            # Another writer may have stored the same article between check and insert.
            with self.engine.begin() as conn:
                existing = self._existing(conn, article)
                if existing is None:
                    raise StoreError(
                        f"cannot store article {article.id}: {_reason(exc)}", code="E403"
                    ) from exc
                reason = f"duplicate of article {existing}"
                self._ledger_write(conn, key, source, line, "skipped", None, reason, existing)
            return "skipped"
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(
                f"cannot store article {article.id}: {_reason(exc)}", code="E403"
            ) from exc

    def _insert(self, conn: Connection, analysis: Analysis) -> None:
        if self.backend == "postgresql":
            # Writers of one database take turns, so that each article is numbered and
            # clustered against every article stored before it (SQLite writers always do).
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(CLUSTER_LOCK)))
        seq = conn.execute(sa.select(sa.func.max(articles_t.c.seq))).scalar()
        conn.execute(articles_t.insert(), [schema.article_row(analysis.article, int(seq or 0) + 1)])
        events: list[Event] = []
        seen: set[str] = set()
        for event in analysis.events:
            if event.id in seen:  # a coding bug; keep the article and its other events
                log.warning("article %s: dropping a second event %s", event.article_id, event.id)
                continue
            seen.add(event.id)
            events.append(event)
        if not events:
            return
        conn.execute(events_t.insert(), [schema.event_row(e) for e in events])
        actors = [row for e in events for row in schema.actor_rows(e)]
        if actors:
            conn.execute(actors_t.insert(), actors)
        mentions = [row for e in events for row in schema.mention_rows(e)]
        if mentions:
            conn.execute(mentions_t.insert(), mentions)
        cluster_store.assign(conn, analysis.article.id)

    def record_failure(self, failure: Failure, *, key: str | None = None) -> None:
        """Record an input that could not be analysed, with its code and reason."""
        key = key or input_key(failure.source, failure.line)
        with self.engine.begin() as conn:
            self._ledger_write(
                conn, key, failure.source, failure.line, "failed", failure.code, failure.reason
            )

    def record_skip(
        self,
        article: Article,
        *,
        key: str | None = None,
        source: str | None = None,
        line: int | None = None,
        reason: str | None = None,
    ) -> str | None:
        """Record an input as skipped because its article is already stored (without
        analysing it); returns the stored article's id, or None when it is not stored
        (then nothing is written)."""
        source = source or article.source or article.id
        key = key or input_key(source, line)
        with self.engine.begin() as conn:
            existing = self._existing(conn, article)
            if existing is None:
                return None
            reason = reason or f"duplicate of article {existing}"
            self._ledger_write(conn, key, source, line, "skipped", None, reason, existing)
            return existing

    def find_article(self, article: Article) -> str | None:
        """The id of the stored article with this article's id or text, if any."""
        with self.engine.connect() as conn:
            return self._existing(conn, article)

    def _existing(self, conn: Connection, article: Article) -> str | None:
        """The id of the stored article with this id or this text, if any."""
        query = sa.select(articles_t.c.id).where(
            sa.or_(
                articles_t.c.id == article.id,
                articles_t.c.content_hash == content_hash(article.text),
            )
        )
        return conn.execute(query.limit(1)).scalar()

    def _ledger_write(
        self,
        conn: Connection,
        key: str,
        source: str,
        line: int | None,
        status: Status,
        code: str | None,
        reason: str | None,
        article_id: str | None = None,
    ) -> None:
        # One row per input: a re-run replaces the input's earlier outcome.
        conn.execute(ledger_t.delete().where(ledger_t.c.key == key))
        conn.execute(
            ledger_t.insert().values(
                key=key,
                source=source,
                line=line,
                status=status,
                code=code,
                reason=reason,
                article_id=article_id,
                at=_now(),
            )
        )

    # --------------------------------------------------------------------------- reads

    def _stream(self, query: sa.Select[Any]) -> Iterator[sa.Row[Any]]:
        """Rows of a query, fetched ``CHUNK_ROWS`` at a time (a server-side cursor on
        PostgreSQL), so that memory stays flat on any corpus."""
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=CHUNK_ROWS).execute(query)
            yield from result

    def ledger_entry(self, key: str) -> dict[str, Any] | None:
        """The ledger line of one input, or None if it was never ingested."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(ledger_t).where(ledger_t.c.key == key)).first()
        return _ledger_dict(row) if row is not None else None

    def ledger(
        self, *, status: str | Iterable[str] | None = None, limit: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Ledger lines (one per input), oldest first; ``status`` filters."""
        query = sa.select(ledger_t).order_by(ledger_t.c.at, ledger_t.c.key)
        statuses = _strings(status)
        if statuses is not None:
            query = query.where(ledger_t.c.status.in_(statuses))
        if limit is not None:
            query = query.limit(limit)
        for row in self._stream(query):
            yield _ledger_dict(row)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article with its text, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles_t).where(articles_t.c.id == article_id)).first()
        return _article_dict(row) if row is not None else None

    def articles(
        self, *, limit: int | None = None, with_text: bool = True
    ) -> Iterator[dict[str, Any]]:
        """Stored articles in the order they were ingested."""
        columns = [c for c in articles_t.c if with_text or c.name != "text"]
        query = sa.select(*columns).order_by(articles_t.c.ingested_at, articles_t.c.id)
        if limit is not None:
            query = query.limit(limit)
        for row in self._stream(query):
            yield _article_dict(row)

    def events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        event: str | Iterable[str] | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        country: str | None = None,
        factuality: str | Iterable[str] | None = None,
        text: str | None = None,
        article_id: str | None = None,
        cluster_id: str | None = None,
        clustered: bool | None = None,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Event records (the output contract's shape, plus ``cluster_id``), by date.

        ``actor``/``recipient``: a party's code (IND), organisation acronym (NATO),
        identifier or name; ``event``: PLOVER type(s); ``since``/``until``: inclusive
        event dates; ``country``: the event location's country; ``factuality``: one or
        more (default: all); ``text``: a case-insensitive substring of the evidence;
        ``cluster_id``: the members of one cluster; ``clustered``: only events that are
        (True) or are not (False) in a cluster.
        """
        e = events_t.c
        query = _event_query(
            sa.select(e.record, e.cluster_id),
            actor=actor,
            recipient=recipient,
            event=event,
            since=since,
            until=until,
            country=country,
            factuality=factuality,
            text=text,
            article_id=article_id,
            cluster_id=cluster_id,
            clustered=clustered,
            limit=limit,
        )
        for row in self._stream(query):
            record = json.loads(row.record)
            record["cluster_id"] = row.cluster_id
            yield record

    def clusters(
        self,
        *,
        event: str | Iterable[str] | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        actor: str | None = None,
        recipient: str | None = None,
        min_articles: int = 1,
        members: bool = False,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Clusters (one per real event), by first date: ``{"cluster_id", "event", "date",
        "first_date", "last_date", "actor", "recipient", "event_ids", "article_ids",
        "NumMentions", "NumSources", "NumArticles"}``, and with ``members`` the member
        event records in the order they joined (the first is the cluster's founder).

        ``since``/``until``: clusters whose reports' dates overlap the range;
        ``actor``/``recipient``: as for ``events``, on any member; ``min_articles``: only
        events reported by at least that many articles.
        """
        c = clusters_t.c
        where: list[sa.ColumnElement[bool]] = []
        types = _strings(event)
        if types is not None:
            where.append(c.event.in_([t.upper() for t in types]))
        first, last = _as_date(since, "since"), _as_date(until, "until")
        if first is not None:
            where.append(c.last_date >= first)
        if last is not None:
            where.append(c.first_date <= last)
        if min_articles > 1:
            where.append(c.num_articles >= min_articles)
        for role, party in (("actor", actor), ("recipient", recipient)):
            if party is not None:
                member = events_t.alias("member")
                with_party = sa.select(member.c.cluster_id).where(
                    _party_filter(role, party, member.c.id)
                )
                where.append(c.id.in_(with_party.correlate(None)))
        rows = self._stream(cluster_store.query(where, limit))
        yield from cluster_store.read(rows, members=members)

    def cluster(self, cluster_id: str) -> dict[str, Any] | None:
        """One cluster with its member records, or None."""
        query = cluster_store.query([clusters_t.c.id == cluster_id], None)
        return next(cluster_store.read(self._stream(query), members=True), None)

    def recluster(self) -> int:
        """Rebuild every cluster, replaying the order articles were stored in (what an
        incremental ingest gives); for stores whose events were stored unclustered or
        under other clustering rules. One transaction; returns the number of clusters."""
        with self.engine.begin() as conn:
            if self.backend == "postgresql":
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(CLUSTER_LOCK)))
            made = cluster_store.recluster(conn)
        log.info("reclustered %s: %d clusters", self.url, made)
        return made

    # ---------------------------------------------------------------------- DataFrames

    def events_frame(self, **filters: Any) -> Any:
        """The events ``events(**filters)`` yields as a pandas DataFrame, one flat row
        each with its article's URL, title and publication date (``frames.EVENT_COLUMNS``:
        dates as datetime64, list fields as Python lists)."""
        from communique import frames

        e, a = events_t.c, articles_t.c
        columns = sa.select(e.record, e.cluster_id, a.url, a.title, a.published).join_from(
            events_t, articles_t, a.id == e.article_id
        )
        rows = (
            frames.event_row(
                {**json.loads(row.record), "cluster_id": row.cluster_id},
                {"url": row.url, "title": row.title, "published": row.published},
            )
            for row in self._stream(_event_query(columns, **filters))
        )
        return frames.frame(rows, frames.EVENT_COLUMNS)

    def clusters_frame(self, **filters: Any) -> Any:
        """The clusters ``clusters(**filters)`` yields as a pandas DataFrame, one row each
        (``frames.CLUSTER_COLUMNS``), placed where its representative event is."""
        from communique import frames

        filters["members"] = True
        return frames.frame(
            map(frames.cluster_row, self.clusters(**filters)), frames.CLUSTER_COLUMNS
        )

    def articles_frame(self, *, with_text: bool = False) -> Any:
        """Stored articles as a pandas DataFrame (``frames.ARTICLE_COLUMNS``, plus
        ``text`` with ``with_text``), in the order they were stored."""
        from communique import frames

        columns = frames.ARTICLE_COLUMNS + ([("text", "str")] if with_text else [])
        rows = map(frames.article_row, self.articles(with_text=with_text))
        return frames.frame(rows, columns)

    def counts(self) -> dict[str, int]:
        """Rows per table, and ledger lines per status (``ledger_ok``, ...)."""
        tables = {
            "articles": articles_t,
            "events": events_t,
            "actors": actors_t,
            "mentions": mentions_t,
            "clusters": clusters_t,
        }
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for name, table in tables.items():
                out[name] = int(
                    conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                )
            out.update({f"ledger_{s}": 0 for s in STATUSES})
            by_status = sa.select(ledger_t.c.status, sa.func.count()).group_by(ledger_t.c.status)
            for status, n in conn.execute(by_status):
                out[f"ledger_{status}"] = int(n)
        return out

    def schema_version(self) -> int:
        """The schema version of this store."""
        with self.engine.connect() as conn:
            return _current_version(conn)


def _party_filter(
    role: str, party: str, event_id: sa.ColumnElement[Any] | None = None
) -> sa.ColumnElement[bool]:
    a = actors_t.c
    match = sa.or_(
        a.code == party.upper(),
        a.org == party.upper(),
        a.identifier == party,
        sa.func.lower(a.name) == party.lower(),
    )
    event_id = events_t.c.id if event_id is None else event_id
    return sa.exists().where(a.event_id == event_id, a.role == role, match)


def _event_query(
    query: sa.Select[Any],
    *,
    actor: str | None = None,
    recipient: str | None = None,
    event: str | Iterable[str] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    country: str | None = None,
    factuality: str | Iterable[str] | None = None,
    text: str | None = None,
    article_id: str | None = None,
    cluster_id: str | None = None,
    clustered: bool | None = None,
    limit: int | None = None,
) -> sa.Select[Any]:
    """``query`` (a select over ``events``) with ``Store.events``'s filters and order."""
    e = events_t.c
    for role, party in (("actor", actor), ("recipient", recipient)):
        if party is not None:
            query = query.where(_party_filter(role, party))
    types = _strings(event)
    if types is not None:
        query = query.where(e.event.in_([t.upper() for t in types]))
    first, last = _as_date(since, "since"), _as_date(until, "until")
    if first is not None:
        query = query.where(e.date >= first)
    if last is not None:
        query = query.where(e.date <= last)
    if country is not None:
        query = query.where(e.loc_country == country.upper())
    facts = _strings(factuality)
    if facts is not None:
        query = query.where(e.factuality.in_(facts))
    if text:
        query = query.where(e.evidence_text.icontains(text, autoescape=True))
    if article_id is not None:
        query = query.where(e.article_id == article_id)
    if cluster_id is not None:
        query = query.where(e.cluster_id == cluster_id)
    if clustered is not None:
        query = query.where(e.cluster_id.is_not(None) if clustered else e.cluster_id.is_(None))
    # Undated events last on both backends (SQLite sorts NULL first, PostgreSQL last).
    query = query.order_by(e.date.is_(None), e.date, e.article_id, e.evidence_start, e.id)
    if limit is not None:
        query = query.limit(limit)
    return query


def _article_dict(row: sa.Row[Any]) -> dict[str, Any]:
    out = dict(row._mapping)
    out["published"] = _iso(out.get("published"))
    out["ingested_at"] = _iso(out.get("ingested_at"))
    return out


def _ledger_dict(row: sa.Row[Any]) -> dict[str, Any]:
    out = dict(row._mapping)
    out["at"] = _iso(out.get("at"))
    return out


def _reason(exc: sa.exc.SQLAlchemyError) -> str:
    """The driver's message without SQLAlchemy's statement dump and help link."""
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).strip().splitlines()[0]
