"""Cross-article clustering on the multi-source corpus (eval/gold/multisource: real events
each reported by 2-5 differently worded articles, with same-dyad distractors on other
dates): pairwise precision and recall of "these two articles report the same event".

    python eval/clusters.py [--show 10] [--no-store]

A unit is (article A, article B, event type). Gold units come from clusters.jsonl; a
predicted unit exists when communique puts an event of that type from A and one from B
into one cluster. "End to end" counts every predicted pair (coding errors included);
"clustering only" keeps predicted pairs whose two articles both report an event of that
type in the gold, which isolates the joining from the coding.

Two modes, both printed: "in memory" analyses the articles and clusters the asserted and
reported events with ``communique.clusters.cluster`` (in date order); "store" is the
product path: ``communique ingest`` of articles.jsonl into a temporary SQLite store,
which clusters each article's events as it stores them (in file order), and the cluster
ids read back from the store. Figures of the store mode are prefixed ``store_``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from communique import Analysis, analyze_many
from communique.clusters import cluster
from communique.ingest import ingest
from communique.store import Store

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "eval" / "gold" / "multisource"

Unit = tuple[str, str, str]


def _pairs(articles: set[str], event: str) -> set[Unit]:
    return {(a, b, event) for a, b in itertools.combinations(sorted(articles), 2)}


def _score(predicted: set[Unit], gold: set[Unit], reported: set[tuple[str, str]]) -> dict:
    focused = {u for u in predicted if (u[0], u[2]) in reported and (u[1], u[2]) in reported}
    figures = {}
    for name, pred in (("end_to_end", predicted), ("clustering", focused)):
        tp = len(pred & gold)
        figures[f"{name}_precision"] = tp / len(pred) if pred else 0.0
        figures[f"{name}_recall"] = tp / len(gold) if gold else 0.0
        prec, rec = figures[f"{name}_precision"], figures[f"{name}_recall"]
        figures[f"{name}_f1"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return figures


def _print(mode: str, figures: dict[str, float], prefix: str = "") -> None:
    for name in ("end_to_end", "clustering"):
        print(
            f"{mode:<9} {name:<11} pairwise precision {figures[prefix + name + '_precision']:.3f}"
            f"  recall {figures[prefix + name + '_recall']:.3f}"
            f"  F1 {figures[prefix + name + '_f1']:.3f}"
        )


def _through_store(folder: Path) -> tuple[list[tuple[str, set[str]]], int]:
    """(event type, article ids) of each cluster an ingest into a new store makes, and the
    number of events it clustered."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "multisource.db"
        ingest([str(folder / "articles.jsonl")], db=str(db), progress=False)
        with Store.open(db) as store:
            found = [(str(c["event"]), set(c["article_ids"])) for c in store.clusters()]
            clustered = sum(1 for _ in store.events(clustered=True))
    return found, clustered


def measure(
    folder: Path = FOLDER, *, show: int = 0, verbose: bool = True, store: bool = True
) -> dict[str, float]:
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
    figures = _score(predicted, gold, reported)
    stored: list[tuple[str, set[str]]] = []
    if store:
        stored, clustered = _through_store(folder)
        through: set[Unit] = set()
        for event, members in stored:
            through |= _pairs(members, event)
        figures.update({f"store_{k}": v for k, v in _score(through, gold, reported).items()})
    if verbose:
        multi = sum(1 for c in clusters if c.num_articles > 1)
        print(
            f"== multi-source corpus: {len(articles)} articles, {len(gold_rows)} gold events, "
            f"{len(gold)} gold pairs; {len(records)} events coded into {len(clusters)} "
            f"clusters ({multi} joining 2+ articles)"
        )
        _print("in memory", figures)
        if store:
            multi = sum(1 for _, members in stored if len(members) > 1)
            print(
                f"-- through the store: {clustered} events in {len(stored)} clusters "
                f"({multi} joining 2+ articles)"
            )
            _print("store", figures, "store_")
        if show:
            focused = {
                u for u in predicted if (u[0], u[2]) in reported and (u[1], u[2]) in reported
            }
            print("-- wrongly joined:", sorted(focused - gold)[:show])
            print("-- missed:", sorted(gold - predicted)[:show])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=FOLDER)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument(
        "--no-store", action="store_true", help="Only the in-memory mode (no ingest)."
    )
    args = parser.parse_args()
    if not (args.gold / "articles.jsonl").exists():
        print(f"no multi-source corpus in {args.gold}", file=sys.stderr)
        return 1
    measure(args.gold, show=args.show, store=not args.no_store)
    return 0


if __name__ == "__main__":
    sys.exit(main())
