"""Event coding on the project's own news gold (eval/gold/news.jsonl: sentences about real
2015-2025 events, written and annotated before the system was run on them): precision,
recall and F1 of (type, actor countries, recipient countries), per type and overall.

    python eval/news.py [--show 20] [--all]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from communique import Analysis, analyze_many
from communique.evaluation import Score, event_key, predicted_keys, report
from communique.records import DEFAULT_FACTUALITIES, FACTUALITIES

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold" / "news.jsonl"


def gold_events(row: dict[str, Any]) -> list:
    return [
        event_key(e["event"], e.get("actor") or [], e.get("recipient") or [])
        for e in row.get("events") or []
    ]


def measure(
    gold: Path = GOLD, *, show: int = 0, include_all: bool = False, verbose: bool = True
) -> dict[str, float]:
    rows = [
        json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    results = analyze_many(
        {"id": r["id"], "text": r["text"], "published": r.get("published")} for r in rows
    )
    facts = set(FACTUALITIES) if include_all else set(DEFAULT_FACTUALITIES)
    s = Score()
    place = Counter[str]()
    when = Counter[str]()
    for row, result in zip(rows, results, strict=True):
        pred = predicted_keys(result, facts) if isinstance(result, Analysis) else []
        s.add(row["id"], row["text"], gold_events(row), pred)
        if isinstance(result, Analysis):
            _score_where_when(row, result, place, when)
    p, r, f = s.overall()
    figures = {"precision": p, "recall": r, "f1": f}
    if place["total"]:
        figures["place_accuracy"] = place["right"] / place["total"]
    if when["total"]:
        figures["date_accuracy"] = when["right"] / when["total"]
    if verbose:
        print(report(s, title=f"news gold {gold.name}", show=show))
        if place["total"]:
            print(
                f"event place right on matched events with a gold place: "
                f"{place['right']}/{place['total']} = {figures['place_accuracy']:.3f}"
            )
        if when["total"]:
            print(
                f"event date right to the day on matched events with a gold date: "
                f"{when['right']}/{when['total']} = {figures['date_accuracy']:.3f}"
            )
    return figures


def _score_where_when(
    row: dict[str, Any], result: Analysis, place: Counter[str], when: Counter[str]
) -> None:
    """Place and date of each gold event that communique found (same type and dyad): the
    place is right when the gold place names the predicted one, or the predicted place is
    a city of a country the gold names only as a country."""
    for gold in row.get("events") or []:
        key = event_key(gold["event"], gold.get("actor") or [], gold.get("recipient") or [])
        match = next(
            (
                e
                for e in result.visible_events()
                if event_key(e.event, [a.code for a in e.actor], [r.code for r in e.recipient])
                == key
            ),
            None,
        )
        if match is None:
            continue
        if gold.get("event_loc"):
            place["total"] += 1
            loc = match.event_loc
            want = str(gold["event_loc"]).lower()
            if loc is not None and (loc.name.lower() in want or want in loc.name.lower()):
                place["right"] += 1
        if gold.get("date"):
            when["total"] += 1
            if match.date is not None and match.date.isoformat() == gold["date"]:
                when["right"] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--all", action="store_true", help="score every factuality")
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"no gold file at {args.gold}", file=sys.stderr)
        return 1
    measure(args.gold, show=args.show, include_all=args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
