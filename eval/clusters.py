"""Cross-article clustering on the multi-source corpus (eval/gold/multisource: real events
each reported by 2-5 differently worded articles, with same-dyad distractors on other
dates): pairwise precision and recall of "these two articles report the same event".

    python eval/clusters.py [--show 10]

A unit is (article A, article B, event type). Gold units come from clusters.jsonl; a
predicted unit exists when communique puts an event of that type from A and one from B
into one cluster. "End to end" counts every predicted pair (coding errors included);
"clustering only" keeps predicted pairs whose two articles both report an event of that
type in the gold, which isolates the joining from the coding.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Any

from communique import Analysis, analyze_many
from communique.clusters import cluster

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "eval" / "gold" / "multisource"

Unit = tuple[str, str, str]


def _pairs(articles: set[str], event: str) -> set[Unit]:
    return {(a, b, event) for a, b in itertools.combinations(sorted(articles), 2)}


def measure(folder: Path = FOLDER, *, show: int = 0, verbose: bool = True) -> dict[str, float]:
    articles = [json.loads(x) for x in (folder / "articles.jsonl").read_text().splitlines() if x]
    gold_rows = [json.loads(x) for x in (folder / "clusters.jsonl").read_text().splitlines() if x]
    gold: set[Unit] = set()
    reported: set[tuple[str, str]] = set()
    for row in gold_rows:
        gold |= _pairs(set(row["articles"]), row["event"])
        reported |= {(a, row["event"]) for a in row["articles"]}
    records: list[dict[str, Any]] = []
    sources = {a["id"]: a.get("source") for a in articles}
    for result in analyze_many(articles):
        if isinstance(result, Analysis):
            for event in result.visible_events():
                record = event.to_dict()
                record["source"] = sources.get(result.article.id)
                records.append(record)
    clusters = cluster(records)
    predicted: set[Unit] = set()
    for c in clusters:
        predicted |= _pairs({str(m["article_id"]) for m in c.members}, c.event)
    focused = {u for u in predicted if (u[0], u[2]) in reported and (u[1], u[2]) in reported}
    figures = {}
    for name, pred in (("end_to_end", predicted), ("clustering", focused)):
        tp = len(pred & gold)
        figures[f"{name}_precision"] = tp / len(pred) if pred else 0.0
        figures[f"{name}_recall"] = tp / len(gold) if gold else 0.0
        prec, rec = figures[f"{name}_precision"], figures[f"{name}_recall"]
        figures[f"{name}_f1"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    if verbose:
        multi = sum(1 for c in clusters if c.num_articles > 1)
        print(
            f"== multi-source corpus: {len(articles)} articles, {len(gold_rows)} gold events, "
            f"{len(gold)} gold pairs; {len(records)} events coded into {len(clusters)} "
            f"clusters ({multi} joining 2+ articles)"
        )
        for name in ("end_to_end", "clustering"):
            print(
                f"{name:<11} pairwise precision {figures[name + '_precision']:.3f}  "
                f"recall {figures[name + '_recall']:.3f}"
            )
        if show:
            print("-- wrongly joined:", sorted(focused - gold)[:show])
            print("-- missed:", sorted(gold - predicted)[:show])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=FOLDER)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    if not (args.gold / "articles.jsonl").exists():
        print(f"no multi-source corpus in {args.gold}", file=sys.stderr)
        return 1
    measure(args.gold, show=args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
