"""Questions analysts ask of a store of events: which dyads are most active, and how one
relation moved over time (events per month by quad class, with Goldstein sums). Plain
functions over event records, so they work on a store's output or a JSONL file alike."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def parties(record: dict[str, Any]) -> tuple[list[str], list[str]]:
    def codes(side: str) -> list[str]:
        return [
            str(e.get("org") or e.get("code"))
            for e in record.get(side) or []
            if e.get("org") or e.get("code")
        ]

    return codes("actor"), codes("recipient")


def dyads(record: dict[str, Any]) -> set[tuple[str, str]]:
    """Unordered country pairs an event involves."""
    actors, recipients = parties(record)
    others = recipients or actors
    return {tuple(sorted((a, b))) for a in actors for b in others if a != b}  # type: ignore[misc]


def top_dyads(records: Iterable[dict[str, Any]], n: int = 10) -> list[tuple[tuple[str, str], int]]:
    counts: Counter[tuple[str, str]] = Counter()
    for record in records:
        counts.update(dyads(record))
    return counts.most_common(n)


def dyad_timeline(records: Iterable[dict[str, Any]], a: str, b: str) -> list[dict[str, Any]]:
    """Events between ``a`` and ``b`` per month: counts by quad class and Goldstein sum."""
    pair = tuple(sorted((a.upper(), b.upper())))
    months: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"events": 0, "goldstein": 0.0, **{name: 0 for name in QUADS.values()}}
    )
    for record in records:
        if pair not in dyads(record) or not record.get("date"):
            continue
        row = months[str(record["date"])[:7]]
        row["events"] += 1
        row["goldstein"] = round(row["goldstein"] + float(record.get("goldstein") or 0), 2)
        quad = QUADS.get(int(record.get("quad_code") or 0))
        if quad:
            row[quad] += 1
    return [{"month": month, **months[month]} for month in sorted(months)]
