"""The digest of an article: its key points, its events, how much of it states facts, what
it repeats, and whether it is padding.

A padded article (the seed is 2,500 words around one meeting) restates a few facts and
fills the rest with speculation. The digest makes that visible: ``fact_density`` is the
share of sentences that carry asserted or reported content, ``repeated_claims`` lists the
events the article states again and again, and ``padded`` flags an article that is mostly
speculation and repetition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from communique.factuality import default_cues
from communique.records import DEFAULT_FACTUALITIES, Event

# An article is padding when under this share of its sentences carries facts...
PADDING_MAX_DENSITY = 0.3
# ...and it is long enough for that to mean something (a 5-sentence brief with one
# quote is not padding). Calibrated on the seed (0.1) and samples/ (news: 0.4-1.0).
PADDING_MIN_SENTENCES = 12
# An event stated in at least this many sentences is a repeated claim.
REPEATED_MIN_MENTIONS = 3
MAX_KEY_POINTS = 5
MIN_KEY_POINTS = 3


@dataclass(slots=True)
class KeyPoint:
    text: str
    start: int
    end: int
    event_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "event_id": self.event_id}


@dataclass(slots=True)
class Digest:
    key_points: list[KeyPoint]
    events: list[str]
    sentences: int
    factual_sentences: int
    repeated_claims: list[dict[str, Any]] = field(default_factory=list)

    @property
    def fact_density(self) -> float:
        return round(self.factual_sentences / self.sentences, 3) if self.sentences else 0.0

    @property
    def padded(self) -> bool:
        return self.sentences >= PADDING_MIN_SENTENCES and self.fact_density < PADDING_MAX_DENSITY

    def to_dict(self) -> dict[str, Any]:
        return {
            "key_points": [k.to_dict() for k in self.key_points],
            "events": list(self.events),
            "sentences": self.sentences,
            "factual_sentences": self.factual_sentences,
            "fact_density": self.fact_density,
            "repeated_claims": list(self.repeated_claims),
            "padded": self.padded,
        }


def _hedged(sent: Span) -> bool:
    """A cue of modality, hedging, negation or condition anywhere in the sentence."""
    cues = default_cues()
    for tok in sent:
        low = tok.lower_
        if tok.dep_ in {"aux", "auxpass"} and low in cues.modal_aux:
            return True
        if tok.dep_ == "advmod" and low in cues.hedge_adverbs:
            return True
        if tok.dep_ == "mark" and low in cues.hypothetical_marks:
            return True
        if tok.lemma_.lower() in cues.speculative_governors and tok.pos_ == "VERB":
            return True
    return False


def _states_a_fact(sent: Span) -> bool:
    """A sentence that reports something that happened: a past-tense main verb, no hedge,
    and a named participant. Generic present-tense commentary ("the SCO provides a
    platform") and speculation do not count."""
    root = sent.root
    past = root.tag_ in {"VBD", "VBN"} or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in root.children
    )
    named = any(ent.label_ in {"PERSON", "ORG", "GPE", "NORP"} for ent in sent.ents)
    return past and named and not _hedged(sent)


def build(doc: Doc, events: list[Event]) -> Digest:
    """The digest of one parsed article and its coded events."""
    sents = [s for s in doc.sents if s.text.strip()]
    shown = [e for e in events if e.factuality in DEFAULT_FACTUALITIES]
    factual_starts: set[int] = set()
    for event in shown:
        for mention in event.mentions:
            factual_starts.add(mention.start)
    factual = 0
    fact_sents: list[Span] = []
    for sent in sents:
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        if start in factual_starts or _states_a_fact(sent):
            factual += 1
            fact_sents.append(sent)
    points: list[KeyPoint] = []
    seen: set[str] = set()

    def add(text: str, start: int, end: int, event_id: str | None = None) -> None:
        key = " ".join(text.lower().split())
        if key not in seen and len(points) < MAX_KEY_POINTS:
            seen.add(key)
            points.append(KeyPoint(text, start, end, event_id))

    # the best sentence of each event, then the events' other sentences, then facts
    for event in sorted(shown, key=lambda e: (-e.confidence, e.evidence.start)):
        add(event.evidence.text, event.evidence.start, event.evidence.end, event.id)
    for event in shown:
        for mention in event.mentions:
            if len(points) < MIN_KEY_POINTS:
                add(mention.text, mention.start, mention.end, event.id)
    for sent in fact_sents:
        if len(points) < MIN_KEY_POINTS:
            text = sent.text.strip()
            start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            add(text, start, start + len(text))
    points.sort(key=lambda p: p.start)
    repeated = [
        {
            "event_id": e.id,
            "event": e.event,
            "parties": [a.name or a.code or a.entity_text for a in e.actor + e.recipient],
            "mentions": len(e.mentions),
        }
        for e in shown
        if len(e.mentions) >= REPEATED_MIN_MENTIONS
    ]
    return Digest(
        key_points=points,
        events=[e.id for e in shown],
        sentences=len(sents),
        factual_sentences=factual,
        repeated_claims=repeated,
    )
