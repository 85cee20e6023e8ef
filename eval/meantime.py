"""Factuality against MEANTIME English gold events: accuracy and per-class F1 of certainty,
polarity and time, next to the majority-class baseline.

    python eval/meantime.py --shared ../shared

Each gold event is read in its own sentence (the corpus's tokens, parsed by communique's
pipeline) and its factuality assessed from the cues in its scope; communique's values map
to MEANTIME's three dimensions: asserted/reported -> CERTAIN POS NON_FUTURE; future ->
CERTAIN POS FUTURE; speculative -> PROBABLE or POSSIBLE (by the strength of the cue) POS;
hypothetical -> POSSIBLE POS FUTURE; negated -> CERTAIN NEG NON_FUTURE.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, Token

from communique import language
from communique.factuality import assess

ROOT = Path(__file__).resolve().parent.parent
PROBABLE = {
    "likely",
    "probably",
    "should",
    "would",
    "expect",
    "presumably",
    "apparently",
    "must",
    "believe",
    "seem",
    "appear",
}
DIMENSIONS = ("certainty", "polarity", "time")


def read_conll(path: Path) -> list[tuple[list[str], list[tuple[int, int, str, str, str]]]]:
    """Sentences as (words, events); an event is (first, last, certainty, polarity, time)."""
    sentences = []
    words: list[str] = []
    spans: dict[str, list] = {}
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        cols = line.split("\t")
        if len(cols) < 6:
            if words:
                events = [(v[0], v[1], v[2], v[3], v[4]) for v in spans.values()]
                sentences.append((words, events))
            words, spans = [], {}
            continue
        index = len(words)
        words.append(cols[1])
        if cols[2] == "_":
            continue
        ident = cols[2].split("-")[-1]
        labels = [c.split("-", 1)[1].rsplit("-", 1)[0] for c in cols[3:6]]
        if cols[2].startswith("B-") or ident not in spans:
            spans[ident] = [index, index, *labels]
        else:
            spans[ident][1] = index
    return sentences


def predict(token: Token) -> tuple[str, str, str]:
    value, _ = assess(token)
    if value == "negated":
        return "CERTAIN", "NEG", "NON_FUTURE"
    if value == "future":
        return "CERTAIN", "POS", "FUTURE"
    if value == "hypothetical":
        return "POSSIBLE", "POS", "FUTURE"
    if value == "speculative":
        scope = [c for a in [token, *token.ancestors] for c in a.children] + [token]
        strong = any(t.lemma_.lower() in PROBABLE or t.lower_ in PROBABLE for t in scope)
        modal = any(t.dep_ == "aux" and t.tag_ == "MD" for t in scope)
        return ("PROBABLE" if strong else "POSSIBLE"), "POS", ("FUTURE" if modal else "NON_FUTURE")
    return "CERTAIN", "POS", "NON_FUTURE"


def f1_table(pairs: list[tuple[str, str]]) -> tuple[float, dict[str, float], Counter[str]]:
    gold = Counter(g for g, _ in pairs)
    acc = sum(g == p for g, p in pairs) / max(1, len(pairs))
    scores = {}
    for label in sorted(gold):
        tp = sum(g == p == label for g, p in pairs)
        fp = sum(p == label and g != label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        scores[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return acc, scores, gold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    folder = args.shared / "data" / "factuality" / "meantime_en"
    files = sorted(folder.glob("*.conll"))
    if not files:
        print(f"no MEANTIME files in {folder}", file=sys.stderr)
        return 1
    nlp = language.load()
    pairs: dict[str, list[tuple[str, str]]] = {d: [] for d in DIMENSIONS}
    for path in files:
        for words, events in read_conll(path):
            if not events:
                continue
            doc = nlp(Doc(nlp.vocab, words=words))
            for first, last, *gold in events:
                head = doc[first : last + 1].root
                for dim, g, p in zip(DIMENSIONS, gold, predict(head), strict=True):
                    pairs[dim].append((g, p))
    print(f"== MEANTIME English: {len(pairs['certainty'])} gold events in {len(files)} documents")
    for dim in DIMENSIONS:
        acc, scores, gold = f1_table(pairs[dim])
        majority = gold.most_common(1)[0]
        base = majority[1] / sum(gold.values())
        per = "  ".join(f"{label} {score:.3f} (n={gold[label]})" for label, score in scores.items())
        print(f"{dim:<10} accuracy {acc:.3f}  (majority '{majority[0]}' {base:.3f})")
        print(f"{'':<10} F1: {per}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
