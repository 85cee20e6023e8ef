"""Events, clusters and articles as typed tables: pandas DataFrames and Parquet files.

One flat row per record, with the same columns and types in both (``EVENT_COLUMNS``,
``CLUSTER_COLUMNS``, ``ARTICLE_COLUMNS``): dates as dates (Parquet ``date32``; pandas
``datetime64``), numbers as numbers (integers nullable: pandas ``Int64``), and list
fields (parties, their names, context, topics, event and article ids) as lists of
strings (Parquet ``list<string>``; Python lists in pandas), not JSON text. Parties are
codes as ``communique dyad`` counts them: the country code, or an organisation's
acronym (NATO, not IGO).

pandas and pyarrow are imported only when a table is built, so the CLI does not pay for
them on every command.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from communique import clusters
from communique.query import parties

# A column: its name and kind ("str", "int", "float", "date", "datetime" or "list").
Columns = list[tuple[str, str]]

EVENT_COLUMNS: Columns = [
    ("id", "str"),
    ("article_id", "str"),
    ("cluster_id", "str"),
    ("date", "date"),
    ("date_precision", "str"),
    ("event", "str"),
    ("mode", "str"),
    ("cameo", "str"),
    ("quad_code", "int"),
    ("goldstein", "float"),
    ("factuality", "str"),
    ("confidence", "float"),
    ("actors", "list"),
    ("actor_names", "list"),
    ("recipients", "list"),
    ("recipient_names", "list"),
    ("place", "str"),
    ("place_country", "str"),
    ("geonameid", "int"),
    ("lat", "float"),
    ("lon", "float"),
    ("forum", "str"),
    ("forum_org", "str"),
    ("context", "list"),
    ("topics", "list"),
    ("attribution", "str"),
    ("evidence", "str"),
    ("evidence_start", "int"),
    ("evidence_end", "int"),
    ("trigger", "str"),
    ("mentions", "int"),
    ("url", "str"),
    ("title", "str"),
    ("published", "date"),
]
CLUSTER_COLUMNS: Columns = [
    ("cluster_id", "str"),
    ("event", "str"),
    ("date", "date"),
    ("first_date", "date"),
    ("last_date", "date"),
    ("actors", "list"),
    ("recipients", "list"),
    ("place", "str"),
    ("place_country", "str"),
    ("lat", "float"),
    ("lon", "float"),
    ("NumMentions", "int"),
    ("NumSources", "int"),
    ("NumArticles", "int"),
    ("event_ids", "list"),
    ("article_ids", "list"),
]
ARTICLE_COLUMNS: Columns = [
    ("id", "str"),
    ("url", "str"),
    ("title", "str"),
    ("published", "date"),
    ("source", "str"),
    ("fmt", "str"),
    ("seq", "int"),
    ("ingested_at", "datetime"),
]
# Rows per Parquet row group written at once: memory stays flat on any export.
PARQUET_BATCH = 10_000


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _moment(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def event_row(record: Mapping[str, Any], article: Mapping[str, Any] | None = None) -> dict:
    """One flat row of ``EVENT_COLUMNS`` for an event record (and its article's URL,
    title and publication date, when given)."""
    article = article or {}
    loc = record.get("event_loc") or {}
    forum = record.get("forum") or {}
    evidence = record.get("evidence") or {}
    actors, recipients = parties(dict(record))

    def names(side: str) -> list[str]:
        return [str(e.get("name") or e.get("entity_text") or "") for e in record.get(side) or []]

    return {
        "id": record.get("id"),
        "article_id": record.get("article_id"),
        "cluster_id": record.get("cluster_id"),
        "date": _day(record.get("date")),
        "date_precision": record.get("date_precision"),
        "event": record.get("event"),
        "mode": record.get("mode"),
        "cameo": record.get("cameo"),
        "quad_code": record.get("quad_code"),
        "goldstein": record.get("goldstein"),
        "factuality": record.get("factuality"),
        "confidence": record.get("confidence"),
        "actors": actors,
        "actor_names": names("actor"),
        "recipients": recipients,
        "recipient_names": names("recipient"),
        "place": loc.get("name"),
        "place_country": loc.get("country"),
        "geonameid": loc.get("geonameid"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "forum": forum.get("name"),
        "forum_org": forum.get("org"),
        "context": [str(c) for c in record.get("context") or []],
        "topics": [str(t) for t in record.get("topics") or []],
        "attribution": record.get("attribution"),
        "evidence": evidence.get("text"),
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
        "trigger": evidence.get("trigger"),
        "mentions": len(evidence.get("mentions") or []) or 1,
        "url": article.get("url"),
        "title": article.get("title"),
        "published": _day(article.get("published")),
    }


def cluster_row(cluster: Mapping[str, Any]) -> dict:
    """One flat row of ``CLUSTER_COLUMNS`` for a cluster summary (its place is its
    representative event's, when the summary carries its ``members``)."""
    loc: Mapping[str, Any] = {}
    if cluster.get("members"):
        loc = clusters.representative(cluster).get("event_loc") or {}
    return {
        "cluster_id": cluster["cluster_id"],
        "event": cluster.get("event"),
        "date": _day(cluster.get("date")),
        "first_date": _day(cluster.get("first_date")),
        "last_date": _day(cluster.get("last_date")),
        "actors": list(cluster.get("actor") or []),
        "recipients": list(cluster.get("recipient") or []),
        "place": loc.get("name"),
        "place_country": loc.get("country"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "NumMentions": cluster.get("NumMentions"),
        "NumSources": cluster.get("NumSources"),
        "NumArticles": cluster.get("NumArticles"),
        "event_ids": list(cluster.get("event_ids") or []),
        "article_ids": list(cluster.get("article_ids") or []),
    }


def article_row(article: Mapping[str, Any]) -> dict:
    """One flat row of ``ARTICLE_COLUMNS`` (and ``text`` when the article has it)."""
    row = {name: article.get(name) for name, _ in ARTICLE_COLUMNS}
    row["published"] = _day(row["published"])
    row["ingested_at"] = _moment(row["ingested_at"])
    if "text" in article:
        row["text"] = article["text"]
    return row


def schema(columns: Columns) -> Any:
    """The pyarrow schema of a column list."""
    import pyarrow as pa

    kinds = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.date32(),
        "datetime": pa.timestamp("us", tz="UTC"),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([(name, kinds[kind]) for name, kind in columns])


def table(rows: Iterable[Mapping[str, Any]], columns: Columns) -> Any:
    """A typed pyarrow Table of rows (dicts with the columns' names)."""
    import pyarrow as pa

    return pa.Table.from_pylist(list(rows), schema=schema(columns))


def frame(rows: Iterable[Mapping[str, Any]], columns: Columns) -> Any:
    """A pandas DataFrame of rows, typed as the module docstring says."""
    import pandas as pd
    import pyarrow as pa

    out = table(rows, columns).to_pandas(
        date_as_object=False, types_mapper={pa.int64(): pd.Int64Dtype()}.get
    )
    for name, kind in columns:
        if kind == "list":
            out[name] = [list(v) if v is not None else [] for v in out[name]]
    return out


def write_parquet(rows: Iterable[Mapping[str, Any]], columns: Columns, path: Path) -> int:
    """Write rows to a Parquet file, ``PARQUET_BATCH`` at a time; returns the rows written."""
    import pyarrow.parquet as pq

    count = 0
    iterator = iter(rows)
    with pq.ParquetWriter(str(path), schema(columns)) as writer:
        while batch := list(islice(iterator, PARQUET_BATCH)):
            writer.write_table(table(batch, columns))
            count += len(batch)
    return count
