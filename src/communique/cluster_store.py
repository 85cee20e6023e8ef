"""Clusters in the store: one row per real event, its member events pointing at it.

When an article is stored, each of its events that the text says happened
(``clusters.CLUSTERED``) joins the stored cluster ``clusters.choose`` picks, or starts one
whose id is its own event id. This runs inside the article's transaction, so a crash
leaves the article with its cluster assignments or neither. Candidates are found through
the ``(event, date)`` index: events of the same type within ``clusters.MAX_SPREAD`` days
that share a party with the new one (no other stored event can decide the join). Events
are taken in the order their articles were stored (``articles.seq``), and within an
article by position, so ``recluster`` (which replays that order from scratch) gives the
clusters an incremental ingest gave.

The counts GDELT users know are kept on the cluster row: NumMentions (the sentences that
report the event, over its members), NumArticles, and NumSources (distinct hosts of the
articles' URLs, an article without a URL counting as its own source).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from communique import clusters
from communique.schema import actors_t, articles_t, clusters_t, events_t, mentions_t

log = logging.getLogger(__name__)


def _party_key() -> sa.ColumnElement[Any]:
    """An actor row's party as ``clusters.parties`` sees it: its code, else its org."""
    a = actors_t.c
    return sa.func.coalesce(sa.func.nullif(a.code, ""), a.org)


def candidates(conn: Connection, record: dict[str, Any], day: date) -> list[clusters.Candidate]:
    """The stored clusters ``record`` (an event of a stored article, not yet clustered)
    could join, with their members that could be the same event as it."""
    parties = clusters.parties(record)
    if not parties:
        return []
    e, a, c = events_t.c, actors_t.c, clusters_t.c
    spread = timedelta(days=clusters.MAX_SPREAD)
    shares_party = sa.exists().where(a.event_id == e.id, _party_key().in_(sorted(parties)))
    near = (
        sa.select(e.cluster_id, e.record)
        .join_from(events_t, clusters_t, c.id == e.cluster_id)
        .where(
            e.event == record["event"],
            e.date >= day - spread,
            e.date <= day + spread,
            e.article_id != record["article_id"],
            shares_party,
            # only clusters that could take the record and still span MAX_SPREAD days
            c.first_date >= day - spread,
            c.last_date <= day + spread,
        )
        .order_by(e.cluster_id, e.id)
    )
    members: dict[str, list[dict[str, Any]]] = {}
    for row in conn.execute(near):
        members.setdefault(row.cluster_id, []).append(json.loads(row.record))
    if not members:
        return []
    taken = set(
        conn.execute(
            sa.select(e.cluster_id).where(
                e.article_id == record["article_id"], e.cluster_id.in_(list(members))
            )
        ).scalars()
    )
    spans = conn.execute(sa.select(c.id, c.first_date, c.last_date).where(c.id.in_(list(members))))
    return [
        clusters.Candidate(
            id=row.id,
            first=row.first_date,
            last=row.last_date,
            members=members[row.id],
            shares_article=row.id in taken,
        )
        for row in spans
    ]


def refresh(conn: Connection, cluster_id: str) -> None:
    """Recompute a cluster's dates and counts from its members."""
    e, a, m = events_t.c, articles_t.c, mentions_t.c
    mentions = sa.select(sa.func.count()).where(m.event_id == e.id).scalar_subquery()
    rows = conn.execute(
        sa.select(e.article_id, e.date, a.url, mentions.label("mentions"))
        .join_from(events_t, articles_t, a.id == e.article_id)
        .where(e.cluster_id == cluster_id)
    ).all()
    days = [r.date for r in rows if r.date is not None]
    conn.execute(
        clusters_t.update()
        .where(clusters_t.c.id == cluster_id)
        .values(
            first_date=min(days, default=None),
            last_date=max(days, default=None),
            num_mentions=sum(max(1, int(r.mentions)) for r in rows),
            num_articles=len({r.article_id for r in rows}),
            num_sources=len({clusters.outlet(r.url) or r.article_id for r in rows}),
        )
    )


def assign(conn: Connection, article_id: str) -> int:
    """Cluster the events of one stored article (in its transaction); returns how many
    events were clustered."""
    e = events_t.c
    rows = conn.execute(
        sa.select(e.id, e.record, e.date)
        .where(
            e.article_id == article_id,
            e.factuality.in_(sorted(clusters.CLUSTERED)),
            e.cluster_id.is_(None),
        )
        .order_by(e.evidence_start, e.id)
    ).all()
    for row in rows:
        record = json.loads(row.record)
        found = candidates(conn, record, row.date) if row.date is not None else []
        chosen = clusters.choose(record, found)
        if chosen is None:
            chosen = row.id
            conn.execute(
                clusters_t.insert().values(
                    id=chosen, created=datetime.now(UTC), event=record["event"]
                )
            )
        conn.execute(events_t.update().where(e.id == row.id).values(cluster_id=chosen))
        refresh(conn, chosen)
    return len(rows)


def recluster(conn: Connection) -> int:
    """Rebuild every cluster from scratch, replaying the order articles were stored in;
    returns the number of clusters."""
    conn.execute(events_t.update().values(cluster_id=None))
    conn.execute(clusters_t.delete())
    a = articles_t.c
    order = sa.select(a.id).order_by(a.seq.is_(None), a.seq, a.ingested_at, a.id)
    article_ids = list(conn.execute(order).scalars())
    for n, article_id in enumerate(article_ids, start=1):
        assign(conn, article_id)
        if n % 1000 == 0:
            log.info("reclustered %d of %d articles", n, len(article_ids))
    count = conn.execute(sa.select(sa.func.count()).select_from(clusters_t)).scalar_one()
    return int(count)


# ------------------------------------------------------------------------------ reads


def query(where: Iterable[sa.ColumnElement[bool]], limit: int | None) -> sa.Select[Any]:
    """Member rows of the clusters that pass ``where`` (conditions on ``clusters``), by
    their first date (undated last) and, within a cluster, in the order members joined."""
    c, e, a = clusters_t.c, events_t.c, articles_t.c
    order = (c.first_date.is_(None), c.first_date, c.id)
    chosen = sa.select(c.id).where(*where).correlate(None)
    if limit is not None:
        chosen = chosen.order_by(*order).limit(limit)
    return (
        sa.select(
            c.id,
            c.event,
            c.num_mentions,
            c.num_sources,
            c.num_articles,
            e.record,
        )
        .join_from(clusters_t, events_t, e.cluster_id == c.id)
        .join(articles_t, a.id == e.article_id)
        .where(c.id.in_(chosen))
        .order_by(*order, a.seq, e.evidence_start, e.id)
    )


def read(rows: Iterable[sa.Row[Any]], *, members: bool = False) -> Iterator[dict[str, Any]]:
    """Cluster summaries (``clusters.summary`` plus NumMentions, NumSources, NumArticles
    and, with ``members``, the member event records) from ``query``'s rows."""
    current: sa.Row[Any] | None = None
    records: list[dict[str, Any]] = []

    def emit() -> dict[str, Any]:
        assert current is not None
        out = clusters.summary(current.id, current.event, records)
        out["NumMentions"] = current.num_mentions
        out["NumSources"] = current.num_sources
        out["NumArticles"] = current.num_articles
        if members:
            out["members"] = records
        return out

    for row in rows:
        if current is not None and row.id != current.id:
            yield emit()
            records = []
        current = row
        record = json.loads(row.record)
        record["cluster_id"] = row.id
        records.append(record)
    if current is not None:
        yield emit()
