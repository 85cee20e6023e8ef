"""The store's tables (SQLAlchemy Core) and the rows a record becomes in them, shared by
``store`` (writes, reads, migrations) and ``cluster_store`` (clusters). The columns are
described in ``store``'s docstring; a change here is a new schema version there.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from communique.records import Article, Event, content_hash

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
    # v2: the order articles were stored in (1, 2, ...): the order clustering took them in,
    # which ``recluster`` replays.
    sa.Column("seq", sa.Integer, index=True),
)

clusters_t = sa.Table(
    "clusters",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    # v2 (nullable, as ALTER TABLE adds them): the PLOVER type, the dates of the earliest
    # and latest member, and GDELT's counts, kept up to date as members join.
    sa.Column("event", sa.String),
    sa.Column("first_date", sa.Date, index=True),
    sa.Column("last_date", sa.Date),
    sa.Column("num_mentions", sa.Integer),
    sa.Column("num_sources", sa.Integer),
    sa.Column("num_articles", sa.Integer),
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
    # v2: the candidates a new event may join are found by type and date.
    sa.Index("ix_events_event_date", "event", "date"),
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


# What schema version 2 added to version 1 (the migration adds exactly these).
V2_COLUMNS = [
    articles_t.c.seq,
    *(clusters_t.c[name] for name in ("event", "first_date", "last_date")),
    *(clusters_t.c[name] for name in ("num_mentions", "num_sources", "num_articles")),
]
V2_INDEXES = ["ix_articles_seq", "ix_clusters_first_date", "ix_events_event_date"]


def index(name: str) -> sa.Index:
    """A table index by name."""
    for table in metadata.tables.values():
        for found in table.indexes:
            if found.name == name:
                return found
    raise KeyError(name)


# ------------------------------------------------------------------------------ rows


def article_row(article: Article, seq: int) -> dict[str, Any]:
    return {
        "id": article.id,
        "seq": seq,
        "content_hash": content_hash(article.text),
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "source": article.source,
        "text": article.text,
        "fmt": article.fmt,
        "ingested_at": datetime.now(UTC),
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


def event_row(event: Event) -> dict[str, Any]:
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


def actor_rows(event: Event) -> list[dict[str, Any]]:
    rows = []
    for role, entities in (("actor", event.actor), ("recipient", event.recipient)):
        for position, entity in enumerate(entities):
            row = entity.to_dict()
            row["entity_role"] = row.pop("role")  # "role" is the column for actor/recipient
            rows.append({"event_id": event.id, "role": role, "position": position, **row})
    return rows


def mention_rows(event: Event) -> list[dict[str, Any]]:
    return [
        {"event_id": event.id, "position": i, "article_id": event.article_id, **m.to_dict()}
        for i, m in enumerate(event.mentions)
    ]
