"""Hedged statements: how often speculation, plans, conditions and denials turn into
asserted events (target 0), and how many plainly asserted controls are still found
(target >= 0.95), on eval/gold/factuality.jsonl (sentences written for this project).

    python eval/factuality.py [--show 20]

A sentence is a phantom when it is labelled speculative, future, hypothetical or negated
and communique prints (asserted or reported) an event of its labelled type. A control
(labelled asserted or reported) is found when communique prints an event of its type.
Also prints the confusion of labelled vs predicted factuality for events of that type.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from communique import Analysis, analyze_many
from communique.records import DEFAULT_FACTUALITIES

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold" / "factuality.jsonl"
NON_ASSERTED = {"speculative", "future", "hypothetical", "negated"}


def measure(gold: Path = GOLD, *, show: int = 0, verbose: bool = True) -> dict[str, float]:
    rows = [
        json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    results = analyze_many(
        {"id": r["id"], "text": r["text"], "published": r.get("published")} for r in rows
    )
    phantoms: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    hedged = controls = found = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for row, result in zip(rows, results, strict=True):
        if not isinstance(result, Analysis):
            continue
        same = [e for e in result.events if e.event == row["event"]]
        shown = [e for e in same if e.factuality in DEFAULT_FACTUALITIES]
        confusion[(row["label"], same[0].factuality if same else "-")] += 1
        if row["label"] in NON_ASSERTED:
            hedged += 1
            if shown:
                phantoms.append(row)
        else:
            controls += 1
            if shown:
                found += 1
            else:
                missed.append(row)
    figures = {
        "phantom_rate": len(phantoms) / max(1, hedged),
        "control_recall": found / max(1, controls),
    }
    if verbose:
        print(f"== factuality gold ({len(rows)} sentences: {hedged} hedged, {controls} controls)")
        print(
            f"non-asserted statements that produce an asserted event: {len(phantoms)}/{hedged}"
            f" = {figures['phantom_rate']:.3f}  (target 0)"
        )
        print(
            f"asserted/reported controls still found: {found}/{controls}"
            f" = {figures['control_recall']:.3f}  (target >= 0.95)"
        )
        print("labelled -> predicted factuality of the first event of that type ('-' none):")
        for (label, pred), n in sorted(confusion.items()):
            print(f"  {label:<13} -> {pred:<13} {n}")
        for title, items in (("phantoms", phantoms), ("missed controls", missed)):
            if show and items:
                print(f"-- {title}")
                for row in items[:show]:
                    print(f"  [{row['id']}] {row['label']} {row['event']}: {row['text']}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"no gold file at {args.gold}", file=sys.stderr)
        return 1
    measure(args.gold, show=args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
