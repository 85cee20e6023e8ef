"""Is ``confidence`` calibrated? Every event communique prints on the development sets
(PLOVER gold records, scored under PLOVER's future-as-AGREE rule, and the sample corpus)
is marked right (its type + actor/recipient countries match a gold event of its sentence
or article) or wrong, then:

    python eval/calibration.py --shared ../shared

- precision by confidence band (what share of the events at that confidence are right);
- AUC: the chance that a right event has a higher confidence than a wrong one (0.5 is no
  better than chance, 1.0 puts every mistake last);
- precision of the most and the least confident half, and of the events a user keeps
  with ``--min-confidence`` at a few thresholds;
- for the gate: the precision and the number of right events among those at confidence
  >= 0.7 (the AUC falls when an error ranked last is fixed; these do not).

The confidence rule was set on the development sets (PLOVER gold, samples); the held-out
news gold is printed last as the figure that was not looked at while setting it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from communique import Analysis, analyze_many
from communique.evaluation import event_key, gold_keys, load_gold
from communique.records import DEFAULT_FACTUALITIES
from communique.sources import read_path

ROOT = Path(__file__).resolve().parent.parent
BANDS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)

Scored = list[tuple[float, bool]]


def _judge(result: Analysis, gold: list) -> Scored:
    out: Scored = []
    for event in result.events:
        if event.factuality not in DEFAULT_FACTUALITIES:
            continue
        key = event_key(
            event.event, [a.code for a in event.actor], [r.code for r in event.recipient]
        )
        out.append((event.confidence, key in gold))
    return out


def plover(shared: Path) -> Scored:
    records = list(load_gold(shared / "data" / "dev_gold.jsonl", source_prefix="plover/"))
    texts = ({"id": r["id"], "text": r["text"]} for r in records)
    scored: Scored = []
    for record, result in zip(records, analyze_many(texts, plover_future=True), strict=True):
        if isinstance(result, Analysis):
            scored += _judge(result, gold_keys(record))
    return scored


def samples(folder: Path = ROOT / "samples") -> Scored:
    expected: dict[str, list] = defaultdict(list)
    for line in (folder / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            expected[row["file"]].append(
                event_key(row["event"], row.get("actor") or [], row.get("recipient") or [])
            )
    scored: Scored = []
    for result in analyze_many(read_path(folder)):
        if isinstance(result, Analysis):
            scored += _judge(result, expected.get(Path(result.article.source or "").name, []))
    return scored


def news(gold: Path = ROOT / "eval" / "gold" / "news.jsonl") -> Scored:
    """The held-out news gold: reported as a figure only, never used to set weights."""
    rows = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    texts = ({"id": r["id"], "text": r["text"], "published": r.get("published")} for r in rows)
    scored: Scored = []
    for row, result in zip(rows, analyze_many(texts), strict=True):
        if isinstance(result, Analysis):
            keys = [
                event_key(e["event"], e.get("actor") or [], e.get("recipient") or [])
                for e in row.get("events") or []
            ]
            scored += _judge(result, keys)
    return scored


def auc(scored: Scored) -> float:
    """Probability that a right event outranks a wrong one (ties count half)."""
    right = [c for c, ok in scored if ok]
    wrong = [c for c, ok in scored if not ok]
    if not right or not wrong:
        return float("nan")
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def _precision(rows: Scored) -> str:
    if not rows:
        return "     -"
    return f"{sum(ok for _, ok in rows) / len(rows):6.3f}"


# The confidence an analyst filters at, for the pinned figures below
KEEP_AT = 0.7


def kept_figures(name: str, scored: Scored) -> dict[str, float]:
    """Precision and number of right events among those at confidence >= KEEP_AT. Unlike
    the AUC, neither falls when an error ranked last is fixed; both fall when a wrong
    event rises above the threshold or a right one drops below it."""
    rows = [ok for c, ok in scored if c >= KEEP_AT]
    right = sum(rows)
    return {
        f"{name}_kept_precision": right / len(rows) if rows else float("nan"),
        f"{name}_kept_right": float(right),
    }


def report(name: str, scored: Scored) -> dict[str, float]:
    ordered = sorted(scored, key=lambda x: -x[0])
    half = len(ordered) // 2
    figures = {f"{name}_auc": auc(scored), **kept_figures(name, scored)}
    print(f"== {name}: {len(scored)} printed events, {sum(ok for _, ok in scored)} right")
    print("confidence band   events  precision")
    for lo, hi in BANDS:
        rows = [x for x in scored if lo <= x[0] < hi]
        band = f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}"
        print(f"  {band}   {len(rows):6d}   {_precision(rows)}")
    print(f"AUC (right events ranked above wrong ones): {figures[f'{name}_auc']:.3f}")
    print(f"most confident half {_precision(ordered[:half])}, least {_precision(ordered[half:])}")
    for t in THRESHOLDS:
        kept = [x for x in scored if x[0] >= t]
        print(f"  --min-confidence {t}: keeps {len(kept):4d} events, precision {_precision(kept)}")
    return figures


def measure(shared: Path | None, *, verbose: bool = True) -> dict[str, float]:
    figures: dict[str, float] = {}
    sets = [("samples", samples), ("news", news)]
    if shared is not None and (shared / "data" / "dev_gold.jsonl").is_file():
        sets.insert(0, ("plover", lambda: plover(shared)))
    for name, run in sets:
        scored = run()
        figures.update(
            report(name, scored)
            if verbose
            else {f"{name}_auc": auc(scored), **kept_figures(name, scored)}
        )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    if not (args.shared / "data" / "dev_gold.jsonl").is_file():
        print(f"no gold data under {args.shared}/data", file=sys.stderr)
        return 2
    measure(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
