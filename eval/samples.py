"""How the sample corpus is coded: precision/recall/F1 of (event type, actor countries,
recipient countries) against samples/expected.jsonl, the events a human coder listed as
asserted in each sample article before the system was run on them.

    python eval/samples.py [--show 20]

Also reports how often the event place matches the expected one, for events that match.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from communique import Analysis, analyze_many
from communique.evaluation import Score, event_key, predicted_keys, report
from communique.records import DEFAULT_FACTUALITIES
from communique.sources import read_path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=ROOT / "samples")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    measure(args.samples, show=args.show)
    return 0


def measure(
    samples: Path = ROOT / "samples", *, show: int = 0, verbose: bool = True
) -> dict[str, float]:
    expected: dict[str, list] = defaultdict(list)
    places: dict[tuple, str] = {}
    dates: dict[tuple, str] = {}
    with (samples / "expected.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                key = event_key(row["event"], row.get("actor") or [], row.get("recipient") or [])
                expected[row["file"]].append(key)
                if row.get("event_loc"):
                    places[(row["file"], key)] = str(row["event_loc"])
                if row.get("date"):
                    dates[(row["file"], key)] = str(row["date"])
    s = Score()
    place_hits = place_total = 0
    date_hits = date_total = 0
    for result in analyze_many(read_path(samples)):
        if not isinstance(result, Analysis):
            print(f"failed: {result}", file=sys.stderr)
            continue
        name = Path(result.article.source or "").name
        gold = expected.get(name, [])
        pred = predicted_keys(result, set(DEFAULT_FACTUALITIES))
        s.add(name, (result.article.title or name), gold, pred)
        for event in result.visible_events():
            key = event_key(
                event.event, [a.code for a in event.actor], [r.code for r in event.recipient]
            )
            if (name, key) in places and key in gold:
                place_total += 1
                loc = event.event_loc.name if event.event_loc else ""
                place_hits += int(bool(loc) and loc.lower() in places[(name, key)].lower())
            if (name, key) in dates and key in gold:
                date_total += 1
                date_hits += int(
                    event.date is not None and event.date.isoformat() == dates[(name, key)]
                )
    p, r, f = s.overall()
    if verbose:
        print(report(s, title="samples/ against samples/expected.jsonl", show=show))
        if place_total:
            print(
                f"event place right on matched events: {place_hits}/{place_total} "
                f"({place_hits / place_total:.2f})"
            )
        if date_total:
            print(
                f"event date right to the day on matched events: {date_hits}/{date_total} "
                f"({date_hits / date_total:.2f})"
            )
    return {"precision": p, "recall": r, "f1": f}


if __name__ == "__main__":
    sys.exit(main())
