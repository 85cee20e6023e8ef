"""Typed records that cross stage boundaries (DESIGN.md, "Data flow").

Every stage takes and returns these plain dataclasses; spaCy objects never leave the
language stages. ``to_dict`` methods give the output contract's field names.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

FACTUALITIES = (
    "asserted",
    "reported",
    "speculative",
    "future",
    "hypothetical",
    "negated",
    "historical",
)
# How precise a place is, by GeoNames feature class, where a place does not say: a city,
# or only a country (whose coordinates are then not given rather than invented as a
# centroid); a region says "admin".
PLACE_PRECISION = {"P": "city", "A": "country", "L": "area", "S": "site"}
# What `communique analyze` prints without --all.
DEFAULT_FACTUALITIES = frozenset({"asserted", "reported"})


def content_hash(text: str) -> str:
    """Stable id of a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """One input document after extraction: the unit every later stage works on."""

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None  # where it came from: a path, "<stdin>", "docs.jsonl:12"
    fmt: str = "text"  # "text" or "html"

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_hash(self.text)


@dataclass(slots=True)
class Entity:
    """An actor mention resolved against the knowledge base."""

    entity_text: str
    start: int
    end: int
    name: str | None = None
    code: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    identifier: str | None = None

    def key(self) -> str:
        """What makes two mentions the same party within an article."""
        return self.identifier or self.code or self.org or self.entity_text.lower()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Place:
    """A toponym resolved to GeoNames."""

    name: str
    country: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    text: str = ""
    start: int = -1
    end: int = -1
    admin1: str | None = None
    feature: str | None = None
    # city | admin | country | area | site; by feature class when not set
    precision: str | None = None
    # How an event's place was found (places.py): "clause" (the predicate's own words),
    # "frame" (its clause's setting: "after talks in Vilnius"),
    # "shared" (a related event's), "article", "dateline", "forum", "visit"; not exported
    basis: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "feature": self.feature,
            "precision": self.precision or PLACE_PRECISION.get(self.feature or "", "place"),
            "entity_text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Forum:
    """The institutional setting of an event ("on the sidelines of the SCO summit")."""

    name: str
    org: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "org": self.org, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Evidence:
    """The sentence behind an event mention, with offsets into the article text."""

    text: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Mention:
    """One event mention found in one sentence, before mentions are merged into events."""

    event: str  # PLOVER type
    mode: str | None
    cameo: str
    actor: list[Entity]
    recipient: list[Entity]
    evidence: Evidence
    reciprocal: bool
    context: list[str] = field(default_factory=list)
    factuality: str = "asserted"
    attribution: str | None = None
    event_loc: Place | None = None
    forum: Forum | None = None
    date: date | None = None
    date_precision: str | None = None
    how: str = "verb"  # verb | noun | support-verb: how the trigger was found
    sentence_index: int = 0
    # of a mutual event, the parties that are its grammatical subject ("Putin offered to
    # negotiate with Armenia": Russia); PLOVER's intent recoding directs the AGREE from them
    initiators: list[Entity] = field(default_factory=list)
    # the parties whose action a condition names ("... unless Israel rescinds"): a threat
    # or conditional act is aimed at them
    condition_parties: list[Entity] = field(default_factory=list)
    # negated with a modal ("will not accept"): a refusal, which PLOVER codes REJECT
    refusal: bool = False
    # future as the purpose of another act ("met to boost ties"): an aim, not a promise
    aim: bool = False
    # the actor is a crowd of no stated country ("students protested"), to be placed
    unplaced_crowd: bool = False
    # other countries its sentence names (a confidence signal)
    distractors: int = 0
    # the trigger's dependency label: one in a subordinate clause is a confidence signal
    trigger_dep: str = ""
    # the recipient was found away from the trigger's own arguments (deeper in its phrase,
    # or from where the event happened): a confidence signal
    far_target: bool = False

    def parties(self) -> set[str]:
        return {e.key() for e in self.actor + self.recipient}


@dataclass(slots=True)
class Event:
    """One real-world event within an article: the output record of DESIGN.md."""

    id: str
    article_id: str
    event: str
    mode: str | None
    context: list[str]
    cameo: str
    quad_code: int
    goldstein: float
    actor: list[Entity]
    recipient: list[Entity]
    date: date | None
    date_precision: str | None
    event_loc: Place | None
    forum: Forum | None
    topics: list[str]
    factuality: str
    attribution: str | None
    evidence: Evidence
    mentions: list[Evidence]
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        """The record in the output contract's field names and order."""
        evidence = self.evidence.to_dict()
        evidence["mentions"] = [m.to_dict() for m in self.mentions]
        return {
            "id": self.id,
            "article_id": self.article_id,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_code": self.quad_code,
            "goldstein": self.goldstein,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "event_loc": self.event_loc.to_dict() if self.event_loc else None,
            "forum": self.forum.to_dict() if self.forum else None,
            "topics": list(self.topics),
            "factuality": self.factuality,
            "attribution": self.attribution,
            "evidence": evidence,
            "confidence": self.confidence,
        }


@dataclass(slots=True)
class Failure:
    """An input that could not be analysed: a ledger line, never a silent skip."""

    source: str
    code: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: [{self.code}] {self.reason}"


@dataclass(slots=True)
class Analysis:
    """Everything communique found in one article."""

    article: Article
    events: list[Event]
    digest: dict[str, Any] | None = None  # filled by the digest stage (a later issue)

    def visible_events(self, *, include_all: bool = False) -> list[Event]:
        """Events to show: asserted and reported only, unless ``include_all``."""
        if include_all:
            return list(self.events)
        return [e for e in self.events if e.factuality in DEFAULT_FACTUALITIES]
