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


def measure(
    shared: Path,
    *,
    source: str = "plover/",
    show: int = 0,
    include_all: bool = False,
    verbose: bool = True,
) -> dict[str, float]:
    records = list(load_gold(shared / "data" / "dev_gold.jsonl", source_prefix=source))
    started = time.perf_counter()
    # the PLOVER gold follows PLOVER's rule: a future meeting, support, aid... is an AGREE
    results = list(
        analyze_many(({"id": r["id"], "text": r["text"]} for r in records), plover_future=True)
    )
    elapsed = time.perf_counter() - started
    facts = set(FACTUALITIES) if include_all else set(DEFAULT_FACTUALITIES)
    s = score(records, results, factualities=facts)
    p, r, f = s.overall()
    if verbose:
        which = "all factualities" if include_all else "asserted+reported"
        print(report(s, title=f"dev_gold {source} ({which})", show=show))
        print(f"time {elapsed:.1f}s for {len(records)} sentences")
    return {"precision": p, "recall": r, "f1": f}


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
    measure(args.shared, source=args.source, show=args.show, include_all=args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
