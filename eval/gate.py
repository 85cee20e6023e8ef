"""The accuracy gate: measure, compare with the pinned floors in eval/floors.json, fail on
a drop.

    python eval/gate.py [--shared ../shared]       # CI: exit 1 when a figure dropped
    python eval/gate.py --raise-floors             # after an improvement: pin it

Each figure has a floor (it may not fall more than EPSILON below) or a ceiling (it may
not rise more than EPSILON above, for rates that should be 0). --raise-floors only ever
moves a floor up or a ceiling down. Figures that need ../shared are skipped without it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from communique.language import MODEL_ENV

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FLOORS = HERE / "floors.json"
# The figures pinned; precision and recall are printed but not pinned, so a change may trade
# one for the other as long as F1 holds.
PINNED = (
    "f1",
    "accuracy",
    "phantom_rate",
    "wrong_rate",
    "control_recall",
    "exact",
    "auc",
    "kept_precision",
    "kept_right",
)
# Room for run-to-run noise: every measurement here is deterministic, so this only
# absorbs float formatting; a real regression moves a figure by a whole item (>= 0.002).
EPSILON = 0.001

sys.path.insert(0, str(HERE))


def measurements(shared: Path | None) -> dict[str, Callable[[], dict[str, float]]]:
    import calibration
    import clusters
    import factuality
    import news
    import places
    import samples

    found: dict[str, Callable[[], dict[str, float]]] = {
        "samples": lambda: samples.measure(verbose=False),
    }
    if news.GOLD.exists():
        found["news"] = lambda: news.measure(verbose=False)
        found["calibration"] = lambda: calibration.measure(shared, verbose=False)
    if places.GOLD.exists():
        found["places"] = lambda: places.measure(verbose=False)
    if factuality.GOLD.exists():
        found["factuality"] = lambda: factuality.measure(verbose=False)
    if (clusters.FOLDER / "articles.jsonl").exists():
        found["clusters"] = lambda: clusters.measure(verbose=False)
    if shared is not None and (shared / "data" / "dev_gold.jsonl").exists():
        import actors
        import dev_gold
        import petrarch

        found["plover"] = lambda: dev_gold.measure(shared, verbose=False)
        found["actors"] = lambda: actors.measure(shared, verbose=False)
        found["petrarch"] = lambda: petrarch.measure(shared, verbose=False)
        if (shared / "data" / "geo" / "geowebnews.jsonl").exists():
            import geo

            for corpus in ("geowebnews", "geovirus"):
                found[corpus] = lambda corpus=corpus: _geo(
                    geo.measure(shared, corpus=corpus, verbose=False)
                )
    return found


def _geo(figures: dict[str, float]) -> dict[str, float]:
    """Toponym F1 and accuracy within 161 km, under names the gate pins."""
    return {
        "f1": figures["f1"],
        "within_161km_accuracy": figures["accuracy_161"],
        "precision": figures["precision"],
        "recall": figures["recall"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--raise-floors", action="store_true")
    args = parser.parse_args()
    model = os.environ.pop(MODEL_ENV, None)
    if model:
        # the floors are pinned with the default pipeline; measure that one
        print(f"(${MODEL_ENV}={model} ignored: the gate measures the default pipeline)")
    shared = args.shared if args.shared.exists() else None
    pins = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    figures: dict[str, float] = {}
    for group, run in measurements(shared).items():
        for name, value in run().items():
            figures[f"{group}.{name}"] = round(value, 4)
    failed = []
    for key, value in sorted(figures.items()):
        pin = pins.get(key, {})
        verdict = "new"
        if "floor" in pin:
            verdict = "ok" if value >= pin["floor"] - EPSILON else "DROPPED"
            bound = f"floor {pin['floor']:.4f}"
        elif "ceiling" in pin:
            verdict = "ok" if value <= pin["ceiling"] + EPSILON else "ROSE"
            bound = f"ceiling {pin['ceiling']:.4f}"
        else:
            bound = "unpinned"
        if verdict in {"DROPPED", "ROSE"}:
            failed.append(key)
        print(f"{key:<32} {value:.4f}  {bound:<18} {verdict}")
    if args.raise_floors:
        for key, value in figures.items():
            if not key.endswith(PINNED):
                continue
            pin = pins.setdefault(
                key, {"ceiling": value} if key.endswith("_rate") else {"floor": value}
            )
            if "floor" in pin:
                pin["floor"] = max(pin["floor"], value)
            else:
                pin["ceiling"] = min(pin["ceiling"], value)
        FLOORS.write_text(json.dumps(pins, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"pinned {len(pins)} figures in {FLOORS.relative_to(ROOT)}")
    if failed:
        print(f"accuracy gate FAILED: {', '.join(failed)}")
        return 1
    print("accuracy gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
