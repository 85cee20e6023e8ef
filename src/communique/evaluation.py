"""Scoring coded events against gold records: precision, recall and F1 of (PLOVER type,
actor countries, recipient countries), overall and per type, with the misses and the
spurious events kept for reading.

Gold is ``dev_gold.jsonl``-shaped: one sentence a line with ``events``; PLOVER records
carry ``plover_0_5`` and ``source``/``target`` entity lists. Old PLOVER 0.5 labels and
CAMEO-style country codes are mapped to today's PLOVER and ISO 3166 before comparing.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.records import Analysis, Failure

# PLOVER 0.5 labels in the gold standard records -> current PLOVER types
OLD_LABELS = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# CAMEO/PETRARCH country codes that differ from ISO 3166-1 alpha-3
CODE_ALIASES = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "UNO": "IGO",
    "EUR": "IGO",
    "ROM": "ROU",
    "SAF": "ZAF",
    "DRC": "COD",
    "GMY": "DEU",
}

Key = tuple[str, frozenset[str], frozenset[str]]


def norm_code(code: str | None) -> str | None:
    if not code:
        return None
    code = str(code).upper()[:3]
    return CODE_ALIASES.get(code, code)


def event_key(event: str, actor: Iterable[str | None], recipient: Iterable[str | None]) -> Key:
    acodes = frozenset(c for c in (norm_code(x) for x in actor) if c)
    rcodes = frozenset(c for c in (norm_code(x) for x in recipient) if c) - acodes
    return (OLD_LABELS.get(event, event), acodes, rcodes)


def gold_keys(record: dict[str, Any]) -> list[Key]:
    keys = []
    for ev in record.get("events") or []:
        label = ev.get("plover_0_5")
        if not label or label == "DOCUMENT":
            continue
        src = [e.get("code") for e in ev.get("source") or [] if isinstance(e, dict)]
        tgt = [e.get("code") for e in ev.get("target") or [] if isinstance(e, dict)]
        keys.append(event_key(label, src, tgt))
    return keys


def predicted_keys(analysis: Analysis, factualities: set[str]) -> list[Key]:
    keys = []
    for e in analysis.events:
        if e.factuality not in factualities:
            continue
        keys.append(event_key(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]))
    return list(dict.fromkeys(keys))


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    sentences: int = 0
    failures: int = 0

    def add(self, rid: str, text: str, gold: list[Key], pred: list[Key]) -> None:
        self.sentences += 1
        left = list(pred)
        for g in gold:
            if g in left:
                left.remove(g)
                self.tp[g[0]] += 1
            else:
                self.fn[g[0]] += 1
                same_dyad = [p for p in left if p[1:] == g[1:]]
                self.confusion[(g[0], same_dyad[0][0] if same_dyad else "-")] += 1
                self.misses.append(
                    {
                        "id": rid,
                        "text": text,
                        "gold": _show(g),
                        "predicted": [_show(p) for p in pred],
                    }
                )
        for p in left:
            self.fp[p[0]] += 1
            self.spurious.append(
                {"id": rid, "text": text, "predicted": _show(p), "gold": [_show(g) for g in gold]}
            )

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def overall(self) -> tuple[float, float, float]:
        return self.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def per_type(self) -> dict[str, tuple[int, int, int, float, float, float]]:
        out = {}
        for t in sorted(set(self.tp) | set(self.fp) | set(self.fn)):
            tp, fp, fn = self.tp[t], self.fp[t], self.fn[t]
            out[t] = (tp, fp, fn, *self.prf(tp, fp, fn))
        return out


def _show(key: Key) -> str:
    return f"{key[0]} {','.join(sorted(key[1])) or '-'} -> {','.join(sorted(key[2])) or '-'}"


def load_gold(path: Path, *, source_prefix: str | None = None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            record = json.loads(line)
            if source_prefix and not str(record.get("source_file", "")).startswith(source_prefix):
                continue
            yield record


def score(
    records: list[dict[str, Any]], results: Iterable[Analysis | Failure], *, factualities: set[str]
) -> Score:
    """Score analyses (in the order of ``records``) against their gold events."""
    s = Score()
    for record, result in zip(records, results, strict=True):
        gold = gold_keys(record)
        if isinstance(result, Failure):
            s.failures += 1
            s.add(str(record.get("id")), record["text"], gold, [])
            continue
        s.add(str(record.get("id")), record["text"], gold, predicted_keys(result, factualities))
    return s


def report(s: Score, *, title: str, show: int = 0) -> str:
    p, r, f = s.overall()
    lines = [
        f"== {title}",
        f"sentences {s.sentences}  gold {sum(s.tp.values()) + sum(s.fn.values())}  "
        f"predicted {sum(s.tp.values()) + sum(s.fp.values())}  failures {s.failures}",
        f"OVERALL  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}",
        f"{'type':<11}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for t, (tp, fp, fn, tp_p, tp_r, tp_f) in s.per_type().items():
        lines.append(f"{t:<11}{tp:>5}{fp:>5}{fn:>5}{tp_p:>8.3f}{tp_r:>8.3f}{tp_f:>8.3f}")
    if s.confusion:
        lines.append("confusion (gold -> predicted type on the same dyad, '-' none):")
        for (g, pr), n in s.confusion.most_common(15):
            lines.append(f"  {g:<11} -> {pr:<11} {n}")
    if show:
        lines.append(f"-- first {show} misses")
        for m in s.misses[:show]:
            lines.append(
                f"  [{m['id']}] gold {m['gold']}  predicted {m['predicted']}\n    {m['text']}"
            )
        lines.append(f"-- first {show} spurious")
        for m in s.spurious[:show]:
            lines.append(
                f"  [{m['id']}] predicted {m['predicted']}  gold {m['gold']}\n    {m['text']}"
            )
    return "\n".join(lines)
