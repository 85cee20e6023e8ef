"""Precision/recall/F1 of (event type, actor countries, recipient countries) on the PLOVER
gold records of ../shared/data/dev_gold.jsonl.

    python eval/dev_gold.py --shared ../shared [--show 20] [--all]

Each gold sentence is analysed as its own article (no publication date). By default the
events communique prints (asserted and reported) are scored; --all scores every event
whatever its factuality, to show what the factuality filter costs in recall.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from communique import analyze_many
from communique.evaluation import load_gold, report, score
from communique.records import DEFAULT_FACTUALITIES, FACTUALITIES

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--source", default="plover/", help="source_file prefix to score")
    parser.add_argument("--show", type=int, default=0, help="list this many misses/spurious")
    parser.add_argument("--all", action="store_true", help="score every factuality")
    args = parser.parse_args()
    gold_path = args.shared / "data" / "dev_gold.jsonl"
    if not gold_path.exists():
        print(f"no gold file at {gold_path}", file=sys.stderr)
        return 1
    records = list(load_gold(gold_path, source_prefix=args.source))
    started = time.perf_counter()
    results = list(analyze_many({"id": r["id"], "text": r["text"]} for r in records))
    elapsed = time.perf_counter() - started
    facts = set(FACTUALITIES) if args.all else set(DEFAULT_FACTUALITIES)
    s = score(records, results, factualities=facts)
    which = "all factualities" if args.all else "asserted+reported"
    print(report(s, title=f"dev_gold {args.source} ({which})", show=args.show))
    print(f"time {elapsed:.1f}s for {len(records)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
