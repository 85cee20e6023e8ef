"""Toponym recognition and resolution on GeoWebNews and GeoVirus, scored as EUPEG does.

    python eval/geo.py --shared ../shared [--corpus geowebnews] [--show 30]

A predicted toponym matches a gold one when their character midpoints are under 10
characters apart and their surface strings are equal ignoring case (one-to-one). Gold
toponyms are those with coordinates. Prints precision, recall and F1 over toponyms, and
over the matched ones the share resolved within 161 km (100 miles) of the gold point, the
mean and median error in km, and AUC (the area under the curve of log error, as EUPEG and
Gritta et al. compute it: 0 is perfect). Beside them, the nine geoparsers EUPEG measured
on the same corpora (../shared/data/geo/baselines_dev.md).

GeoWebNews annotates adjectival uses of toponyms ("Russian troops", type
Non_Literal_Modifier) and toponyms inside other names ("the Kenya Red Cross Society",
Embedded_Literal/Embedded_Non_Lit); GeoVirus annotates neither. Each corpus is run as
its own guidelines define a toponym (``GUIDELINES``, the ``adjectives`` and ``embedded``
options of find_places), and the other setting is printed too.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from communique import language
from communique.gazetteer import distance_km
from communique.records import Place
from communique.toponyms import find_places

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"geowebnews": "GeoWebNews", "geovirus": "GeoVirus"}
# Whether the corpus's annotation guidelines count adjectival uses and toponyms inside
# other names: find_places options.
GUIDELINES = {
    "geowebnews": {"adjectives": True, "embedded": True},
    "geovirus": {"adjectives": False, "embedded": False},
}
MIDPOINT_SLACK = 10
ACCURACY_KM = 161
EARTH_MAX_KM = 20039  # half the circumference: the largest possible error


def load(shared: Path, corpus: str) -> list[dict[str, Any]]:
    path = shared / "data" / "geo" / f"{corpus}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_toponyms(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in doc["toponyms"] if t.get("lat") is not None and t.get("lon") is not None]


def match(gold: list[dict[str, Any]], predicted: list[Place]) -> list[tuple[dict[str, Any], Place]]:
    """EUPEG's matching: equal surface ignoring case, midpoints under 10 characters apart;
    each prediction matches at most one gold toponym (the nearest)."""
    pairs = []
    used: set[int] = set()
    for g in sorted(gold, key=lambda t: t["start"]):
        mid = (g["start"] + g["end"]) / 2
        best = None
        for k, p in enumerate(predicted):
            if k in used or p.text.lower() != g["surface"].lower():
                continue
            gap = abs((p.start + p.end) / 2 - mid)
            if gap < MIDPOINT_SLACK and (best is None or gap < best[0]):
                best = (gap, k)
        if best is not None:
            used.add(best[1])
            pairs.append((g, predicted[best[1]]))
    return pairs


def auc(errors: list[float]) -> float:
    """Area under the curve of log(1 + error) / log(max error), errors sorted: 0 is every
    toponym on the spot, 1 every one at the antipode."""
    if not errors:
        return 0.0
    scaled = sorted(math.log(1 + e) / math.log(EARTH_MAX_KM) for e in errors)
    # trapezoid over evenly spaced ranks
    area = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:], strict=False))
    return area / max(1, len(scaled) - 1)


def score(
    gold_docs: list[dict[str, Any]], predictions: Iterable[list[Place]]
) -> tuple[dict[str, float], list[str]]:
    tp = n_gold = n_pred = 0
    errors: list[float] = []
    misses: list[str] = []
    for doc, predicted in zip(gold_docs, predictions, strict=True):
        gold = gold_toponyms(doc)
        pairs = match(gold, predicted)
        tp += len(pairs)
        n_gold += len(gold)
        n_pred += len(predicted)
        for g, p in pairs:
            if p.lat is None or p.lon is None:
                error = float(EARTH_MAX_KM)
            else:
                error = distance_km(g["lat"], g["lon"], p.lat, p.lon)
            errors.append(error)
            if error >= ACCURACY_KM:
                misses.append(
                    f"{doc['doc_id']}: {g['surface']!r} -> {p.name}, {p.country} "
                    f"({p.geonameid}) {error:.0f} km"
                )
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    figures = {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "matched": float(tp),
        "gold": float(n_gold),
        "predicted": float(n_pred),
        "accuracy_161": sum(e < ACCURACY_KM for e in errors) / len(errors) if errors else 0.0,
        "mean_km": statistics.fmean(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else 0.0,
        "auc": auc(errors),
    }
    return figures, misses


def parse(docs: list[dict[str, Any]]) -> list[Doc]:
    return [doc for doc, _ in language.parse_many((d["text"], None) for d in docs)]


def baselines(shared: Path) -> list[list[str]]:
    path = shared / "data" / "geo" / "baselines_dev.md"
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 10 and cells[0] in CORPORA.values():
            rows.append(cells)
    return rows


def measure(shared: Path, *, corpus: str, verbose: bool = True, show: int = 0) -> dict[str, float]:
    """Score find_places on one corpus ("geowebnews" or "geovirus")."""
    gold_docs = load(shared, corpus)
    docs = parse(gold_docs)
    options = GUIDELINES[corpus]
    figures, misses = score(gold_docs, (find_places(d, **options) for d in docs))
    if verbose:
        flipped = {k: not v for k, v in options.items()}
        other, _ = score(gold_docs, (find_places(d, **flipped) for d in docs))
        name = CORPORA[corpus]
        print(f"\n{name}: {len(gold_docs)} articles, {figures['gold']:.0f} gold toponyms")
        header = "| system | P | R | F1 | matched | Acc@161 | mean km | median km | AUC |"
        print(header)
        print("|" + "---|" * 9)
        print(_row("communique", figures))
        for cells in baselines(shared):
            if cells[0] == name:
                print("| " + " | ".join(cells[1:]) + " |")
        setting = ", ".join(f"{k}={v}" for k, v in flipped.items())
        print(
            f"(communique with {setting}: P {other['precision']:.3f} "
            f"R {other['recall']:.3f} F1 {other['f1']:.3f} Acc@161 {other['accuracy_161']:.3f})"
        )
        if show:
            for line in misses[:show]:
                print("  far:", line)
    return figures


def _row(system: str, f: dict[str, float]) -> str:
    return (
        f"| {system} | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} | "
        f"{f['matched']:.0f} | {f['accuracy_161']:.3f} | {f['mean_km']:.0f} | "
        f"{f['median_km']:.1f} | {f['auc']:.3f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--show", type=int, default=0, help="print N far-off resolutions")
    args = parser.parse_args()
    if not (args.shared / "data" / "geo").exists():
        print(f"no {args.shared / 'data' / 'geo'}", file=sys.stderr)
        return 2
    for corpus in args.corpus or list(CORPORA):
        measure(args.shared, corpus=corpus, show=args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
