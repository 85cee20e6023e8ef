"""One record per real event across articles: join the events that several articles report
about the same real-world event, and count what GDELT users know (NumMentions,
NumSources, NumArticles).

Two event records are the same real event when they have the same PLOVER type, their
parties overlap (the countries of one include the other's, or they share at least two),
their dates are within a window that depends on how precise the dates are, their places
do not contradict each other, and a directed event points the same way. Be conservative:
two Modi-Putin meetings months apart stay two events. Records are plain dicts in the
output contract shape (as printed by ``communique analyze`` or stored).

Records join clusters one at a time (``choose``): a record joins the cluster with the
most members it is the same event as, provided the cluster then spans at most
MAX_SPREAD days and holds no other event of the record's article (an article that
reports two events of one type reports two events); otherwise it starts a cluster whose
id is its own id. ``cluster`` takes records in date order; the store takes them in the
order articles are stored, so the same corpus stored in the same order always gives the
same clusters. Only events the text says happened (``CLUSTERED``) are clustered.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from communique.records import DEFAULT_FACTUALITIES

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
# Factualities of the events that join clusters: those the text says happened (the ones
# `communique analyze` prints). Speculative, future, negated and hypothetical events are
# no real event; historical ones are background years old.
CLUSTERED = DEFAULT_FACTUALITIES
# Date precisions from the most to the least precise: a cluster is dated by its most
# precisely dated reports.
PRECISION_ORDER = ("day", "week", "published", "month", "year")

Record = dict[str, Any]


@dataclass
class Cluster:
    """One real event: its id (its first member's id), PLOVER type and member records,
    in the order they joined."""

    id: str
    event: str
    members: list[Record] = field(default_factory=list)

    @property
    def num_mentions(self) -> int:
        return sum(len((m.get("evidence") or {}).get("mentions") or [None]) for m in self.members)

    @property
    def num_articles(self) -> int:
        return len({m.get("article_id") for m in self.members})

    @property
    def num_sources(self) -> int:
        return len({m.get("source") or m.get("article_id") for m in self.members})

    def candidate(self, record: Mapping[str, Any]) -> Candidate:
        """What ``choose`` needs to know of this cluster to place ``record``."""
        days = [d for d in map(_date_of, self.members) if d != date.min]
        return Candidate(
            id=self.id,
            first=min(days, default=None),
            last=max(days, default=None),
            members=self.members,
            shares_article=any(
                m.get("article_id") == record.get("article_id") for m in self.members
            ),
        )

    def to_dict(self, *, members: bool = False) -> Record:
        """The cluster's summary (``members=True`` adds the member records)."""
        out = summary(self.id, self.event, self.members)
        out.update(
            {
                "NumMentions": self.num_mentions,
                "NumSources": self.num_sources,
                "NumArticles": self.num_articles,
            }
        )
        if members:
            out["members"] = list(self.members)
        return out


@dataclass(slots=True)
class Candidate:
    """A cluster a record might join: its dated span, whether it holds an event of the
    record's article, and those of its members that could be the same event as the record
    (all of them, or only the ones of the record's type within MAX_SPREAD days that share a
    party with it: the store loads no others)."""

    id: str
    first: date | None
    last: date | None
    members: Sequence[Mapping[str, Any]]
    shares_article: bool = False


def _codes(record: Mapping[str, Any], side: str) -> set[str]:
    return {
        str(e.get("code") or e.get("org"))
        for e in record.get(side) or []
        if e.get("code") or e.get("org")
    }


def parties(record: Mapping[str, Any]) -> set[str]:
    """The party codes clustering compares (country code, or organisation acronym)."""
    return _codes(record, "actor") | _codes(record, "recipient")


def _date_of(record: Mapping[str, Any]) -> date:
    raw = record.get("date")
    if isinstance(raw, date):
        return raw
    return date.fromisoformat(raw) if raw else date.min


def _window(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return max(
        DATE_WINDOW.get(str(a.get("date_precision")), DEFAULT_WINDOW),
        DATE_WINDOW.get(str(b.get("date_precision")), DEFAULT_WINDOW),
    )


def _dates_agree(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
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


def same_event(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two event records report the same real-world event."""
    if a.get("event") != b.get("event") or a.get("article_id") == b.get("article_id"):
        return False
    pa, pb = parties(a), parties(b)
    if not pa or not pb:
        return False
    if not (pa <= pb or pb <= pa or len(pa & pb) >= 2):
        return False
    if not _dates_agree(a, b):
        return False
    la, lb = a.get("event_loc") or {}, b.get("event_loc") or {}
    if la.get("country") and lb.get("country") and la["country"] != lb["country"]:
        return False
    if a.get("recipient") or b.get("recipient"):
        aa, ab = _codes(a, "actor"), _codes(b, "actor")
        if aa and ab and not (aa & ab):
            # India struck Pakistan vs Pakistan struck India; Kyiv thanked Washington vs
            # Washington signed
            return False
    return True


def clustered(record: Mapping[str, Any]) -> bool:
    """Whether a record takes part in clustering (its factuality says it happened)."""
    return record.get("factuality", "asserted") in CLUSTERED


def choose(record: Mapping[str, Any], candidates: Iterable[Candidate]) -> str | None:
    """The id of the cluster ``record`` joins, or None when it starts its own.

    It joins the candidate with the most members it is the same event as, then the one
    with such a member nearest in date, then the smallest id (so the choice never
    depends on the order candidates come in); never one that would span more than
    MAX_SPREAD days (a chain of reports a day apart cannot drift across weeks) or that
    holds another event of its article.
    """
    day = _date_of(record)
    if day == date.min:
        return None
    best: tuple[int, int, str] | None = None
    for candidate in candidates:
        if candidate.shares_article:
            continue
        first = min(candidate.first or day, day)
        last = max(candidate.last or day, day)
        if (last - first).days > MAX_SPREAD:
            continue
        matches = [m for m in candidate.members if same_event(m, record)]
        if not matches:
            continue
        gap = min(abs((_date_of(m) - day).days) for m in matches)
        key = (-len(matches), gap, candidate.id)
        if best is None or key < best:
            best = key
    return best[2] if best is not None else None


def cluster(records: Iterable[Record]) -> list[Cluster]:
    """Group event records into clusters of one real event each, taking them in date
    order (undated ones first, each alone); see ``choose`` for which cluster a record
    joins."""
    clusters: list[Cluster] = []
    by_type: dict[str, list[Cluster]] = defaultdict(list)
    by_id: dict[str, Cluster] = {}
    for record in sorted(records, key=_date_of):
        kind = str(record.get("event"))
        chosen = choose(record, (c.candidate(record) for c in by_type[kind]))
        if chosen is None:
            home = Cluster(id=str(record.get("id")), event=kind)
            clusters.append(home)
            by_type[kind].append(home)
            by_id.setdefault(home.id, home)
        else:
            home = by_id[chosen]
        home.members.append(record)
    return clusters


def group(records: Iterable[Record]) -> list[Cluster]:
    """Records grouped by the ``cluster_id`` they carry (as a store gives them), in order
    of first appearance; a record without one is a cluster of its own."""
    found: dict[str, Cluster] = {}
    for record in records:
        key = str(record.get("cluster_id") or record.get("id"))
        home = found.setdefault(key, Cluster(id=key, event=str(record.get("event"))))
        home.members.append(record)
    return list(found.values())


def outlet(url: str | None) -> str | None:
    """The news source of an article URL, as GDELT counts sources: its host without
    ``www.`` (None without a URL)."""
    if not url or "://" not in url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def _dating(members: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The member that dates a cluster: the earliest of its most precisely dated ones (a
    report that says "on Tuesday" beats one dated by its publication day)."""
    rank = {p: i for i, p in enumerate(PRECISION_ORDER)}
    dated = [m for m in members if m.get("date")]
    return min(
        dated,
        key=lambda m: (rank.get(str(m.get("date_precision")), len(rank)), _date_of(m)),
        default=None,
    )


def summary(cluster_id: str, event: str, members: Sequence[Mapping[str, Any]]) -> Record:
    """A cluster's summary from its members: its date (see ``_dating``) and the span of
    its members' dates, its parties, and the ids of its events and articles (the caller
    adds the counts)."""
    days = [d for d in map(_date_of, members) if d != date.min]
    dating = _dating(members)
    return {
        "cluster_id": cluster_id,
        "event": event,
        "date": dating.get("date") if dating else None,
        "first_date": min(days).isoformat() if days else None,
        "last_date": max(days).isoformat() if days else None,
        "actor": sorted({c for m in members for c in _codes(m, "actor")}),
        "recipient": sorted({c for m in members for c in _codes(m, "recipient")}),
        "event_ids": [str(m["id"]) for m in members],
        "article_ids": sorted({str(m.get("article_id")) for m in members}),
    }


def representative(cluster: Mapping[str, Any]) -> Record:
    """One event record standing for a cluster summary with its ``members`` (as a GDELT
    row does): the first member's record under the cluster's id, dated as the cluster
    is, placed by the first member that has a place, and carrying the cluster's
    NumMentions, NumSources and NumArticles."""
    members: Sequence[Mapping[str, Any]] = cluster["members"]
    out = dict(members[0])
    out["id"] = out["cluster_id"] = cluster["cluster_id"]
    dating = _dating(members)
    if dating is not None:
        out["date"], out["date_precision"] = dating["date"], dating.get("date_precision")
    if not out.get("event_loc"):
        placed = next((m for m in members if m.get("event_loc")), None)
        if placed is not None:
            out["event_loc"] = placed["event_loc"]
    for name in ("NumMentions", "NumSources", "NumArticles"):
        out[name] = cluster[name]
    return out
