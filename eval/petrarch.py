"""The PETRARCH2 and UniversalPetrarch unit tests: the share of gold events coded exactly
(CAMEO root and dyad), with the fictional actors (Arnor, Gondor, ...) loaded from each
set's validation dictionaries through the PETRARCH importer.

    python eval/petrarch.py --shared ../shared

A gold event {source, target, cameo} is coded exactly when communique prints an event
whose CAMEO code has the same two-digit root, with the source's country code among its
actors and the target's among its recipients (or, for a mutual event, among its actors).
Sentences marked with no event count as right when nothing is printed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from communique import Analysis, analyze_many, knowledge
from communique.evaluation import load_gold
from communique.importers import import_petrarch, write_tables
from communique.records import DEFAULT_FACTUALITIES

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "petrarch2/": (
        "petrarch2/validate_dicts/PETR.Validate.actors.txt",
        "petrarch2/validate_dicts/PETR.Validate.agents.txt",
    ),
    "universalpetrarch/english/PETR_Validate": (
        "universalpetrarch/validate_dicts_2_02/PETR_Validate_actors_2_02.txt",
        "universalpetrarch/validate_dicts_2_02/PETR_Validate_agents_2_02.txt",
    ),
}


def exact(gold: dict[str, Any], result: Analysis) -> bool:
    src, tgt = str(gold.get("source") or "")[:3], str(gold.get("target") or "")[:3]
    root = str(gold.get("cameo") or "")[:2]
    for e in result.events:
        if e.factuality not in DEFAULT_FACTUALITIES or e.cameo[:2] != root:
            continue
        actors = {a.code for a in e.actor}
        recipients = {r.code for r in e.recipient} or actors
        if (not src or src in actors) and (not tgt or tgt in recipients):
            return True
    return False


def measure(shared: Path, *, verbose: bool = True) -> dict[str, float]:
    figures = {}
    data = shared / "data"
    for prefix, (actors_file, agents_file) in SETS.items():
        records = list(load_gold(data / "dev_gold.jsonl", source_prefix=prefix))
        tables = import_petrarch(data / actors_file, data / agents_file)
        with tempfile.TemporaryDirectory() as tmp:
            kb = knowledge.build(write_tables(tables, tmp, suffix="petrarch"))
        results = list(analyze_many(({"id": r["id"], "text": r["text"]} for r in records), kb=kb))
        events = right = empty_right = empty = 0
        for record, result in zip(records, results, strict=True):
            if not isinstance(result, Analysis):
                events += len(record.get("events") or [])
                continue
            if record.get("no_event") or not record.get("events"):
                empty += 1
                empty_right += int(not result.visible_events())
            for gold in record.get("events") or []:
                events += 1
                right += int(exact(gold, result))
        name = prefix.split("/")[0]
        figures[f"{name}_exact"] = right / max(1, events)
        if verbose:
            print(f"== {prefix}: {len(records)} sentences, {events} gold events")
            share = right / max(1, events)
            print(f"coded exactly (CAMEO root + dyad): {right}/{events} = {share:.3f}")
            print(f"no-event sentences left empty: {empty_right}/{empty}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    measure(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
