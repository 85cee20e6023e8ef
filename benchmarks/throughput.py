"""End-to-end throughput of communique against a bare spaCy parse of the same texts.

    python benchmarks/throughput.py --shared ../shared [--limit 4500]

Reads the stories of ../shared/data/ngec_synthetic (4,500 synthetic news stories), then
times (1) `nlp.pipe` of the bare spaCy pipeline over the texts (en_core_web_sm, or md
with COMMUNIQUE_MODEL=md), the floor any parse-based coder pays, and (2)
`communique.analyze_many` end to end (reading records, parsing, actors, coding,
factuality, places, dates, merging). Prints articles/second for
both and their ratio (communique / bare). One process, one core's worth of work.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from communique import analyze_many, knowledge, language
from communique.codebook import default as default_codebook
from communique.gazetteer import gazetteer
from communique.language import BATCH_SIZE

ROOT = Path(__file__).resolve().parent.parent


def stories(shared: Path, limit: int) -> list[str]:
    path = shared / "data" / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv"
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [row["text"] for row in csv.DictReader(fh) if row.get("text", "").strip()]
    return texts[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=4500)
    args = parser.parse_args()
    texts = stories(args.shared, args.limit)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} stories, {words} words")

    # the pipeline communique runs ($COMMUNIQUE_MODEL: sm by default), bare
    nlp = language.load_bare()
    print(f"pipeline {nlp.meta['name']} {nlp.meta['version']}")
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    bare = time.perf_counter() - started
    print(f"bare nlp.pipe        {len(texts) / bare:8.1f} articles/s  ({bare:.1f}s)")

    # load the knowledge base, codebooks and gazetteer first: a one-off cost per process
    started = time.perf_counter()
    knowledge.default()
    default_codebook()
    gazetteer()
    setup = time.perf_counter() - started
    started = time.perf_counter()
    events = failures = 0
    for result in analyze_many({"id": str(i), "text": t} for i, t in enumerate(texts)):
        if hasattr(result, "events"):
            events += len(result.events)
        else:
            failures += 1
    full = time.perf_counter() - started
    print(
        f"communique analyze   {len(texts) / full:8.1f} articles/s  ({full:.1f}s, "
        f"setup {setup:.1f}s, {events} events, {failures} failures)"
    )
    print(f"throughput ratio (communique / bare spaCy): {bare / full:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
