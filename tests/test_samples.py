"""The bundled sample corpus: every article is readable, dated, and yields events."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from communique import Analysis, analyze_many
from communique.sources import read_path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_every_sample_is_listed_with_a_date() -> None:
    with (SAMPLES / "metadata.csv").open(encoding="utf-8", newline="") as fh:
        rows = {row["file"]: row for row in csv.DictReader(fh)}
    files = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html"})
    assert len(files) >= 31
    assert sorted(rows) == files
    assert all(
        rows[f]["published"][:4] in {"2019", "2020", "2021", "2022", "2023", "2024", "2025"}
        for f in files
    )


def test_samples_analyse_without_failures_and_find_events() -> None:
    results = list(analyze_many(read_path(SAMPLES)))
    assert all(isinstance(r, Analysis) for r in results), [str(r) for r in results]
    analyses = [r for r in results if isinstance(r, Analysis)]
    assert all(a.article.published is not None for a in analyses)
    with_events = [a for a in analyses if a.visible_events()]
    # a first coder: most articles yield an asserted event (eval/samples.py scores them)
    assert len(with_events) >= 0.8 * len(analyses)


def test_expected_events_use_known_types() -> None:
    types = {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
    lines = (SAMPLES / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    assert rows and all(r["event"] in types for r in rows)
    assert all((SAMPLES / r["file"]).exists() for r in rows)
