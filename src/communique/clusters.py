"""One record per real event across articles: join the events that several articles report
about the same real-world event, and count what GDELT users know (NumMentions,
NumSources, NumArticles).

Two event records are the same real event when they have the same PLOVER type, their
parties overlap (the countries of one include the other's, or they share at least two),
their dates are within a window that depends on how precise the dates are, their places
do not contradict each other, and a directed event points the same way. Be conservative:
two Modi-Putin meetings months apart stay two events. Records are plain dicts in the
output contract shape (as printed by ``communique analyze`` or stored).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from communique.records import content_hash

# Days two event dates may differ and still be one event, by the coarser precision of
# the two. "day": reports of one meeting differ by time zones and "on Tuesday" vs the
# publication day; "published": an undated report may follow the event by days.
# Calibrated on eval/gold/multisource (see eval/clusters.py).
DATE_WINDOW = {"day": 1, "week": 7, "published": 3, "month": 31, "year": 366}
DEFAULT_WINDOW = 3
# Days an undated report may follow the event it reports.
UNDATED_LAG = 7
# Days a cluster may span from its first report to its last.
MAX_SPREAD = 7


@dataclass
class Cluster:
    id: str
    event: str
    members: list[dict[str, Any]] = field(default_factory=list)

    @property
    def num_mentions(self) -> int:
        return sum(len((m.get("evidence") or {}).get("mentions") or [None]) for m in self.members)

    @property
    def num_articles(self) -> int:
        return len({m.get("article_id") for m in self.members})

    @property
    def num_sources(self) -> int:
        return len({m.get("source") or m.get("article_id") for m in self.members})

    def to_dict(self) -> dict[str, Any]:
        first = min(self.members, key=_date_of)
        return {
            "cluster_id": self.id,
            "event": self.event,
            "date": first.get("date"),
            "actor": sorted({c for m in self.members for c in _codes(m, "actor")}),
            "recipient": sorted({c for m in self.members for c in _codes(m, "recipient")}),
            "event_ids": [m["id"] for m in self.members],
            "article_ids": sorted({str(m.get("article_id")) for m in self.members}),
            "NumMentions": self.num_mentions,
            "NumSources": self.num_sources,
            "NumArticles": self.num_articles,
        }


def _codes(record: dict[str, Any], side: str) -> set[str]:
    return {
        str(e.get("code") or e.get("org"))
        for e in record.get(side) or []
        if e.get("code") or e.get("org")
    }


def _parties(record: dict[str, Any]) -> set[str]:
    return _codes(record, "actor") | _codes(record, "recipient")


def _date_of(record: dict[str, Any]) -> date:
    raw = record.get("date")
    return date.fromisoformat(raw) if raw else date.min


def _window(a: dict[str, Any], b: dict[str, Any]) -> int:
    return max(
        DATE_WINDOW.get(str(a.get("date_precision")), DEFAULT_WINDOW),
        DATE_WINDOW.get(str(b.get("date_precision")), DEFAULT_WINDOW),
    )


def _dates_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Dates within the window their precision allows. A report that gives no date of its
    own (precision "published") is about an event on or up to a week before its
    publication, never after it."""
    da, db = _date_of(a), _date_of(b)
    if da == date.min or db == date.min:
        return False
    pa, pb = a.get("date_precision") == "published", b.get("date_precision") == "published"
    if pa != pb:
        published, other = (da, db) if pa else (db, da)
        return -1 <= (published - other).days <= UNDATED_LAG
    return abs((da - db).days) <= _window(a, b)


def same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two event records report the same real-world event."""
    if a.get("event") != b.get("event") or a.get("article_id") == b.get("article_id"):
        return False
    pa, pb = _parties(a), _parties(b)
    if not pa or not pb:
        return False
    if not (pa <= pb or pb <= pa or len(pa & pb) >= 2):
        return False
    if not _dates_agree(a, b):
        return False
    la, lb = a.get("event_loc") or {}, b.get("event_loc") or {}
    if la.get("country") and lb.get("country") and la["country"] != lb["country"]:
        return False
    if a.get("recipient") and b.get("recipient"):
        aa, ab = _codes(a, "actor"), _codes(b, "actor")
        if aa and ab and not (aa & ab):
            return False  # India struck Pakistan vs Pakistan struck India
    return True


def cluster(records: Iterable[dict[str, Any]]) -> list[Cluster]:
    """Group event records into clusters of one real event each. Records are taken in
    date order; one joins the most recent compatible cluster when it is the same event as
    a member and no more than MAX_SPREAD days after the cluster's first report, so a chain
    of reports one day apart cannot drift across weeks."""
    ordered = sorted(records, key=_date_of)
    clusters: list[Cluster] = []
    for record in ordered:
        home = None
        for candidate in reversed(clusters):
            if candidate.event != record.get("event"):
                continue
            spread = (_date_of(record) - _date_of(candidate.members[0])).days
            if spread > MAX_SPREAD:
                continue
            if any(same_event(m, record) for m in candidate.members):
                home = candidate
                break
        if home is None:
            home = Cluster(id=content_hash(str(record.get("id"))), event=str(record.get("event")))
            clusters.append(home)
        home.members.append(record)
    return clusters
