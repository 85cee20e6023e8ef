"""Event place on the event-place development set (eval/gold/places_dev.jsonl: short
passages about real 2015-2025 events, each event annotated with its type and where it
happened, or only the country, or nowhere, before the system was run on them).

    python eval/places.py [--show 20] [--gold FILE]

A gold event is matched to the predicted event of the same type whose parties overlap
it most (the exact dyad first); only matched events are scored, as in eval/samples.py.
A predicted place is right when it is the gold place (by name or GeoNames id), or, for a
gold place known only by its country, that country at country precision; a city the
text never names is wrong there. A place predicted where the gold has none, or a place
other than the gold one, is wrong: a wrong place is worse than none, so the wrong-place
rate is reported beside the accuracy.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from communique import Analysis, analyze_many
from communique.evaluation import norm_code
from communique.gazetteer import gazetteer
from communique.records import Event, Place

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold" / "places_dev.jsonl"


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def _codes(values: list[str | None]) -> set[str]:
    return {c for c in (norm_code(v) for v in values) if c}


def _precision(place: Place) -> str:
    return str(place.to_dict()["precision"])


def match_event(gold: dict[str, Any], events: list[Event], used: set[str]) -> Event | None:
    """The predicted event of the gold type sharing most parties with it."""
    g_actor, g_recipient = _codes(gold.get("actor") or []), _codes(gold.get("recipient") or [])
    g_all = g_actor | g_recipient
    best: tuple[tuple[int, int, int], Event] | None = None
    for event in events:
        if event.event != gold["event"] or event.id in used:
            continue
        p_actor = _codes([a.code for a in event.actor])
        p_recipient = _codes([r.code for r in event.recipient]) - p_actor
        p_all = p_actor | p_recipient
        overlap = len(g_all & p_all)
        if g_all and not overlap:
            continue
        exact = int(p_actor == g_actor and p_recipient == g_recipient - g_actor)
        rank = (exact, overlap, -len(g_all ^ p_all))
        if best is None or rank > best[0]:
            best = (rank, event)
    return best[1] if best is not None else None


def judge(gold_loc: dict[str, Any] | None, place: Place | None) -> str:
    """right | wrong | missing | none (gold and prediction both without a place)."""
    if gold_loc is None:
        return "none" if place is None else "wrong"
    if place is None:
        return "missing"
    country = gold_loc.get("country")
    name = gold_loc.get("name")
    if not name:
        same = place.country == country and _precision(place) == "country"
        return "right" if same else "wrong"
    names = [name, *gold_loc.get("names", [])]
    if any(_plain(place.name) == _plain(n) for n in names):
        return "right"
    ids = {
        e.geonameid
        for n in names
        for e in gazetteer().lookup(n)
        if e.geonameid and (country is None or e.country == country)
    }
    if place.geonameid is not None and place.geonameid in ids and _precision(place) != "country":
        return "right"
    if gold_loc.get("or_country") and place.country == country:
        return "right" if _precision(place) == "country" else "wrong"
    return "wrong"


def _describe(place: Place | None) -> str:
    if place is None:
        return "-"
    return f"{place.name} ({place.country}, {_precision(place)})"


def measure(gold: Path = GOLD, *, show: int = 0, verbose: bool = True) -> dict[str, float]:
    rows = [
        json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    results = analyze_many(
        {"id": r["id"], "text": r["text"], "published": r.get("published")} for r in rows
    )
    counts: Counter[str] = Counter()
    misses: list[str] = []
    total = 0
    for row, result in zip(rows, results, strict=True):
        events = result.visible_events() if isinstance(result, Analysis) else []
        used: set[str] = set()
        for gold_event in row["events"]:
            total += 1
            event = match_event(gold_event, events, used)
            if event is None:
                counts["unmatched"] += 1
                continue
            used.add(event.id)
            outcome = judge(gold_event.get("event_loc"), event.event_loc)
            counts[outcome] += 1
            if event.event_loc is not None:
                counts["placed"] += 1
            if outcome in {"wrong", "missing"}:
                want = gold_event.get("event_loc")
                wanted = "-" if want is None else f"{want.get('name') or ''} ({want['country']})"
                misses.append(
                    f"  [{row['id']}] {outcome:7} {gold_event['event']}: gold {wanted}, "
                    f"predicted {_describe(event.event_loc)}\n    {row['text'][:200]!r}"
                )
    matched = total - counts["unmatched"]
    right = counts["right"] + counts["none"]
    figures = {
        "matched": float(matched),
        "accuracy": right / matched if matched else 0.0,
        "placed_rate": counts["placed"] / matched if matched else 0.0,
        "wrong_rate": counts["wrong"] / matched if matched else 0.0,
    }
    if verbose:
        print(f"== event places on {gold.name}")
        print(f"gold events {total}  matched (type and a party) {matched}")
        print(
            f"event place right: {right}/{matched} = {figures['accuracy']:.3f}  "
            f"(a place where the gold has one {counts['right']}, none where it has none "
            f"{counts['none']})"
        )
        print(
            f"place predicted at all: {counts['placed']}/{matched} = {figures['placed_rate']:.3f}"
        )
        print(f"wrong place: {counts['wrong']}/{matched} = {figures['wrong_rate']:.3f}")
        print(f"no place where the gold has one: {counts['missing']}")
        if show and misses:
            print("misses:")
            print("\n".join(misses[:show]))
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
