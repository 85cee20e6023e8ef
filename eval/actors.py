"""Actor resolution accuracy: country and sector of the actors in the PLOVER gold records of
../shared/data/dev_gold.jsonl, each resolved in its own sentence.

    python eval/actors.py --shared ../shared [--show 20]

For every gold source/target entity (its `actorText` found in the sentence), the phrase
headed by the last token of that text is resolved with the sentence as context. Country
accuracy counts entities whose gold `code` is set (CAMEO-style codes mapped to ISO 3166);
sector accuracy counts those whose gold `sector` is a PLOVER sector. An entity communique
resolves to nothing counts as wrong. Also prints the seed article's three people.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import Span

from communique import knowledge, language
from communique.actors import ArticleActors, resolve_phrase
from communique.evaluation import load_gold, norm_code
from communique.records import Entity

ROOT = Path(__file__).resolve().parent.parent
SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "PTY",
    "REB",
    "SPY",
    "BUS",
    "MED",
    "JRN",
    "CVL",
    "EDU",
    "REL",
    "LAB",
    "REF",
    "OPP",
    "ELI",
    "UAF",
    "CRM",
    "AGR",
    "SOC",
    "PRE",
    "PRM",
}
SEED_PEOPLE = [
    ("Indian Defence Minister Rajnath Singh", "IND", "defence minister"),
    ("his Belarusian counterpart, Viktor Khrenin", "BLR", "defence minister"),
    ("his Russian counterpart, Andrey Belouso", "RUS", "defence minister"),
]


def resolve_in_sentence(actors: ArticleActors, span: Span, gold_code: str | None) -> Entity | None:
    """Resolve the noun phrase the gold text belongs to ("Hungarian" in "Hungarian and
    Romanian officials"), and take the entity for the gold's party when there are several."""
    head = span.root
    while head.dep_ in {"compound", "amod", "nmod", "conj"} and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    found = actors.resolve(head) or actors.resolve(span.root)
    if not found:
        return None
    return next((e for e in found if norm_code(e.code) == gold_code), found[0])


def measure(shared: Path, *, show: int = 0, verbose: bool = True) -> dict[str, float]:
    records = list(load_gold(shared / "data" / "dev_gold.jsonl", source_prefix="plover/"))
    kb = knowledge.default()
    country = Counter[str]()
    sector = Counter[str]()
    wrong: list[str] = []
    sector_wrong: list[str] = []
    for record in records:
        text = record["text"]
        doc = language.parse(text)
        actors = ArticleActors(doc, kb, None)
        for event in record["events"]:
            for ent in (event.get("source") or []) + (event.get("target") or []):
                if not isinstance(ent, dict) or not ent.get("actorText"):
                    continue
                surface = str(ent["actorText"]).split("...")[0].strip()
                at = text.find(surface)
                if at < 0:
                    continue
                span = doc.char_span(at, at + len(surface), alignment_mode="expand")
                if span is None or not len(span):
                    continue
                gold_code = norm_code(ent.get("code"))
                found = resolve_in_sentence(actors, span, gold_code)
                if gold_code:
                    country["total"] += 1
                    got = norm_code(found.code) if found else None
                    if got == gold_code:
                        country["right"] += 1
                    else:
                        country["none" if found is None else "wrong"] += 1
                        wrong.append(f"  {surface!r}: gold {gold_code}, got {got}")
                gold_sector = str(ent.get("sector") or "")[:3].upper()
                if gold_sector in SECTORS:
                    sector["total"] += 1
                    if found is not None and found.sector == gold_sector:
                        sector["right"] += 1
                    else:
                        sector_wrong.append(
                            f"  {surface!r}: gold {gold_sector}, "
                            f"got {found.sector if found else None}"
                        )
    figures = {
        "country_accuracy": country["right"] / max(1, country["total"]),
        "sector_accuracy": sector["right"] / max(1, sector["total"]),
    }
    if verbose:
        print("== actors in the PLOVER gold records (resolved in their sentence)")
        print(
            f"country accuracy {figures['country_accuracy']:.3f} "
            f"({country['right']}/{country['total']}; unresolved {country['none']}, "
            f"wrong {country['wrong']})"
        )
        print(
            f"sector accuracy  {figures['sector_accuracy']:.3f} "
            f"({sector['right']}/{sector['total']})"
        )
        if show:
            print(f"-- first {show} country errors")
            print("\n".join(wrong[:show]))
            print(f"-- first {show} sector errors")
            print("\n".join(sector_wrong[:show]))
    return figures


def seed_people(kb: knowledge.KnowledgeBase) -> bool:
    print("== the seed article's people")
    ok = True
    for phrase, code, role in SEED_PEOPLE:
        entity = resolve_phrase(phrase, context=None, day=None, kb=kb)
        good = entity is not None and entity.code == code and entity.role == role
        ok = ok and good
        shown = (entity.name, entity.code, entity.role) if entity else None
        print(f"  {'PASS' if good else 'FAIL'}  {phrase!r} -> {shown}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    measure(args.shared, show=args.show)
    seed_people(knowledge.default())
    return 0


if __name__ == "__main__":
    sys.exit(main())
