"""The store: analysed articles, their events and the ingest ledger in one database.

SQLite by default (one file, WAL journal, foreign keys on); PostgreSQL for teams, with
the same schema. Built on SQLAlchemy 2 Core: no ORM object ever leaves this module, every
read returns plain, JSON-ready dicts.

    >>> store = Store.open("corpus.db")            # or "postgresql://user:pw@host/db"
    >>> store.add(analysis, key="docs.jsonl:12")   # one transaction: article + events + ledger
    'ok'
    >>> for event in store.events(actor="IND", since="2025-01-01"):
    ...     print(event["event"], event["cluster_id"])

Idempotent by content: an article whose id or content hash is already stored is not
stored again; the ledger records it as ``skipped`` (duplicate). Every write of an
article, its events, actors, mentions and its ledger line is one transaction, so a
process killed at any point leaves either all of it or none of it.

Schema (version 1)::

    articles   id (the article id: content hash unless the input named one), content_hash
               (unique), url, title, published, source, text, fmt, ingested_at
    events     id, article_id -> articles, cluster_id -> clusters (nullable), event, mode,
               cameo, quad_code, goldstein, date, date_precision, factuality, attribution,
               confidence, evidence_text/_start/_end/_trigger, context and topics (JSON
               text), loc_name/_country/_geonameid/_lat/_lon (event_loc), forum_name,
               forum_org, record (JSON text: the full ``Event.to_dict()``)
    actors     event_id, role ('actor' | 'recipient'), position, entity_text, start, end,
               name, code, org, sector, entity_role (the entity's own ``role``), identifier
    mentions   event_id, article_id, position, text, start, end, trigger, trigger_start,
               trigger_end
    clusters   id, created (filled by clustering, a later stage)
    ledger     key (the input: a path, or path:line for JSONL; one row per input, replaced
               when the input is ingested again), source, line, status ('ok' | 'failed' |
               'skipped'), code, reason, article_id, at
    schema_version  version, applied_at

Migrations. ``MIGRATIONS[n - 1]`` brings a store at version ``n - 1`` to version ``n``;
``open`` applies the missing ones in order, each in its own transaction with its
``schema_version`` row. A new store is created from the table definitions below and
stamped with the latest version. To change the schema: edit the tables below (so new
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

from communique.errors import CommuniqueError
from communique.records import Analysis, Article, Event, Failure, content_hash

log = logging.getLogger(__name__)

DEFAULT_PATH = "communique.db"
# Rows fetched per round trip when streaming reads: large enough that the per-batch cost
# vanishes, small enough that a read of millions of events keeps memory flat.
CHUNK_ROWS = 500
# How long a SQLite writer waits for another writer's lock before failing (seconds).
SQLITE_BUSY_TIMEOUT = 30
STATUSES = ("ok", "failed", "skipped")
Status = Literal["ok", "failed", "skipped"]


class StoreError(CommuniqueError):
    """The store cannot be opened (E401), is too new (E402), or a write failed (E403)."""

    code = "E401"


# ----------------------------------------------------------------------------- schema

metadata = sa.MetaData()

articles_t = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("content_hash", sa.String, nullable=False, unique=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date, index=True),
    sa.Column("source", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("fmt", sa.String, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

clusters_t = sa.Table(
    "clusters",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
)

events_t = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column(
        "article_id",
        sa.String,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "cluster_id", sa.String, sa.ForeignKey("clusters.id", ondelete="SET NULL"), index=True
    ),
    sa.Column("event", sa.String, nullable=False, index=True),
    sa.Column("mode", sa.String),
    sa.Column("cameo", sa.String),
    sa.Column("quad_code", sa.Integer),
    sa.Column("goldstein", sa.Float),
    sa.Column("date", sa.Date, index=True),
    sa.Column("date_precision", sa.String),
    sa.Column("factuality", sa.String, nullable=False, index=True),
    sa.Column("attribution", sa.Text),
    sa.Column("confidence", sa.Float),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("evidence_trigger", sa.Text),
    sa.Column("context", sa.Text, nullable=False),  # JSON list
    sa.Column("topics", sa.Text, nullable=False),  # JSON list
    sa.Column("loc_name", sa.Text),
    sa.Column("loc_country", sa.String, index=True),
    sa.Column("loc_geonameid", sa.Integer),
    sa.Column("loc_lat", sa.Float),
    sa.Column("loc_lon", sa.Float),
    sa.Column("forum_name", sa.Text),
    sa.Column("forum_org", sa.String),
    sa.Column("record", sa.Text, nullable=False),  # JSON: Event.to_dict()
)

actors_t = sa.Table(
    "actors",
    metadata,
    sa.Column(
        "event_id",
        sa.String,
        sa.ForeignKey("events.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("role", sa.String, primary_key=True),  # 'actor' | 'recipient'
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("entity_text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
    sa.Column("name", sa.Text),
    sa.Column("code", sa.String, index=True),
    sa.Column("org", sa.String, index=True),
    sa.Column("sector", sa.String),
    sa.Column("entity_role", sa.Text),
    sa.Column("identifier", sa.String, index=True),
    sa.CheckConstraint("role IN ('actor', 'recipient')", name="ck_actors_role"),
)

mentions_t = sa.Table(
    "mentions",
    metadata,
    sa.Column(
        "event_id",
        sa.String,
        sa.ForeignKey("events.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column(
        "article_id",
        sa.String,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("trigger", sa.Text),
    sa.Column("trigger_start", sa.Integer),
    sa.Column("trigger_end", sa.Integer),
)

ledger_t = sa.Table(
    "ledger",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("line", sa.Integer),
    sa.Column("status", sa.String, nullable=False, index=True),
    sa.Column("code", sa.String),
    sa.Column("reason", sa.Text),
    sa.Column("article_id", sa.String),  # no foreign key: a failed input has no article
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('ok', 'failed', 'skipped')", name="ck_ledger_status"),
)

schema_version_t = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)


# ------------------------------------------------------------------------- migrations

Migration = Callable[[Connection], None]


def _v1(conn: Connection) -> None:
    """The first schema: every table above, as version 1 defined them."""
    metadata.create_all(conn)


MIGRATIONS: list[Migration] = [_v1]
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


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": content_hash(article.text),
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "source": article.source,
        "text": article.text,
        "fmt": article.fmt,
        "ingested_at": _now(),
    }


# Event fields stored under their own name; the rest are flattened or JSON below.
EVENT_COLUMNS = (
    "id",
    "article_id",
    "event",
    "mode",
    "cameo",
    "quad_code",
    "goldstein",
    "date",
    "date_precision",
    "factuality",
    "attribution",
    "confidence",
)


def _event_row(event: Event) -> dict[str, Any]:
    loc, forum, evidence = event.event_loc, event.forum, event.evidence
    return {
        **{name: getattr(event, name) for name in EVENT_COLUMNS},
        "cluster_id": None,
        "evidence_text": evidence.text,
        "evidence_start": evidence.start,
        "evidence_end": evidence.end,
        "evidence_trigger": evidence.trigger,
        "context": json.dumps(list(event.context)),
        "topics": json.dumps(list(event.topics)),
        "loc_name": loc.name if loc else None,
        "loc_country": loc.country if loc else None,
        "loc_geonameid": loc.geonameid if loc else None,
        "loc_lat": loc.lat if loc else None,
        "loc_lon": loc.lon if loc else None,
        "forum_name": forum.name if forum else None,
        "forum_org": forum.org if forum else None,
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
    }


def _actor_rows(event: Event) -> list[dict[str, Any]]:
    rows = []
    for role, entities in (("actor", event.actor), ("recipient", event.recipient)):
        for position, entity in enumerate(entities):
            row = entity.to_dict()
            row["entity_role"] = row.pop("role")  # "role" is the column for actor/recipient
            rows.append({"event_id": event.id, "role": role, "position": position, **row})
    return rows


def _mention_rows(event: Event) -> list[dict[str, Any]]:
    return [
        {"event_id": event.id, "position": i, "article_id": event.article_id, **m.to_dict()}
        for i, m in enumerate(event.mentions)
    ]


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
    """Articles, events and the ingest ledger in SQLite or PostgreSQL.

    Open with ``Store.open(path_or_url)``; close with ``close()`` or use it as a context
    manager. Reads return plain dicts and stream in chunks of ``CHUNK_ROWS``.
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
        conn.execute(articles_t.insert(), [_article_row(analysis.article)])
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
        conn.execute(events_t.insert(), [_event_row(e) for e in events])
        actors = [row for e in events for row in _actor_rows(e)]
        if actors:
            conn.execute(actors_t.insert(), actors)
        mentions = [row for e in events for row in _mention_rows(e)]
        if mentions:
            conn.execute(mentions_t.insert(), mentions)

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
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Event records (the output contract's shape, plus ``cluster_id``), by date.

        ``actor``/``recipient``: a party's code (IND), organisation acronym (NATO),
        identifier or name; ``event``: PLOVER type(s); ``since``/``until``: inclusive
        event dates; ``country``: the event location's country; ``factuality``: one or
        more (default: all); ``text``: a case-insensitive substring of the evidence.
        """
        e = events_t.c
        query = sa.select(e.record, e.cluster_id)
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
        # Undated events last on both backends (SQLite sorts NULL first, PostgreSQL last).
        query = query.order_by(e.date.is_(None), e.date, e.article_id, e.evidence_start, e.id)
        if limit is not None:
            query = query.limit(limit)
        for row in self._stream(query):
            record = json.loads(row.record)
            record["cluster_id"] = row.cluster_id
            yield record

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


def _party_filter(role: str, party: str) -> sa.ColumnElement[bool]:
    a = actors_t.c
    match = sa.or_(
        a.code == party.upper(),
        a.org == party.upper(),
        a.identifier == party,
        sa.func.lower(a.name) == party.lower(),
    )
    return sa.exists().where(a.event_id == events_t.c.id, a.role == role, match)


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
