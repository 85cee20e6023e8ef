"""Event coding on the project's own news gold (eval/gold/news.jsonl: sentences about real
2015-2025 events, written and annotated before the system was run on them): precision,
recall and F1 of (type, actor countries, recipient countries), per type and overall.

    python eval/news.py [--show 20] [--all]
"""

from __future__ import annotations

import argparse
import json
import sys
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
    for row, result in zip(rows, results, strict=True):
        pred = predicted_keys(result, facts) if isinstance(result, Analysis) else []
        s.add(row["id"], row["text"], gold_events(row), pred)
    p, r, f = s.overall()
    if verbose:
        print(report(s, title=f"news gold {gold.name}", show=show))
    return {"precision": p, "recall": r, "f1": f}


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
