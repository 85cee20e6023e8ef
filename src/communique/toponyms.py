"""Toponyms: every place a parsed article names, resolved to GeoNames.

Recognition takes spaCy's GPE/LOC/FAC entities (trimmed of "the" and "'s", split at
commas, "province" and lower-case compass words peeled off when the rest is a known
name), then scans the text for known names spaCy missed or mislabelled ("Tamil Nadu
said" as a person, "at Randwick" as an organisation): countries and capitals of the
knowledge base, and gazetteer names that are capitalised proper nouns, not part of a
person's name, and, for small towns, placed by the text ("in Slidell", "Darfur and
Malakal", "Santa Ana, California"). Diseases ("West Nile virus"), months and acronyms
("UN" is not Un, India) are not places.

Two uses are toponyms only when asked for, as GeoWebNews annotates them and GeoVirus
does not: adjectives (``adjectives=True``: "Russian troops"; a demonym noun, "the
Russians", never is one) and names inside other names (``embedded=True``: "the Kenya Red
Cross Society"). Metonyms ("Beijing said") are always places: both corpora annotate them.

Resolution ranks each name's candidates (cities, countries, regions, areas) by kind and
population, then by what the article says: a country or state named next to it ("Paris,
Texas", "Cabanatuan, Nueva Ecija"), "province" after it, and the countries and regions
the article is about ("Hyderabad" in an article about Pakistan). One name keeps one
sense through an article. A street, park or county the gazetteer lacks ("Royal Street",
"Orange County") is placed at the town or region the article names nearest to it, with
feature "S" and no GeoNames id.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from communique import knowledge
from communique.actors import ArticleActors, allegiance
from communique.gazetteer import REGION_WORDS, Gazetteer, GeoName, gazetteer
from communique.knowledge import Entry, KnowledgeBase, norm, prefix
from communique.records import Place


def _load_words() -> dict[str, frozenset[str]]:
    """The word lists of data/toponym_words.yaml."""
    path = resources.files("communique") / "data" / "toponym_words.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {key: frozenset(str(w).lower() for w in words) for key, words in raw.items()}


_WORDS = _load_words()
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities whose names may hold a toponym ("the Jamaica Cancer Society", "the Royal
# Alexandra Hospital"), returned only with ``embedded=True``.
EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
# Words before a name that point into it ("east Africa").
COMPASS = _WORDS["compass"]
COORDINATORS = frozenset({"and", "or", ",", "&"})
# Prepositions that put the next name on the map ("in Slidell", "from Nenagh").
LOCATIVE = _WORDS["locative"]
# Entities that are never toponyms, nor hide one ("in March", "August 2017").
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Words after a place name that make it a disease's name ("West Nile virus", "Marburg
# virus", "Reston ebolavirus", "Lassa fever").
DISEASE_WORDS = _WORDS["disease"]
# Punctuation inside a name ("Washington, D.C.", "Guinea-Bissau", "Hawke's Bay").
NAME_PUNCT = frozenset({",", "-", "'", "’", "&", "."})
# Generic words that end a place's own name ("Centennial Park", "Salinas Valley").
FEATURE_WORDS = _WORDS["feature"]
# ... and sites: buildings and grounds that news places events at.
SITE_WORDS = _WORDS["site"]
SITE_PREFIXES = _WORDS["site_prefixes"]
TITLES = _WORDS["titles"]
# Longest name the scan tries, in tokens ("Democratic Republic of the Congo").
MAX_NAME_TOKENS = 6
# Smallest town the scan accepts on its own: spaCy saw no place there, so the name must be
# a proper noun and the town big enough not to be someone's surname or a brand by chance.
SCAN_MIN_POPULATION = 100_000
# ... after a locative preposition or beside another place ("in Slidell", "Darfur and
# Malakal"), where a small town is likely.
LOCATIVE_MIN_POPULATION = 5_000
# ... when spaCy took the whole name for an organisation ("at Randwick", "Esperance").
ORG_CITY_MIN_POPULATION = 10_000

# Ranking weights, set on GeoWebNews/GeoVirus accuracy (eval/geo.py): a country or area
# outranks a town of the same name unless the article is about the town's country; a
# country named beside a toponym settles it.
KIND_PRIOR = {
    "country": 9.5,
    "continent": 9.0,
    "area": 8.5,
    "region": 6.5,
}
CAPITAL_BONUS = 1.5
ALTERNATE_PENALTY = 1.5
HINT_COUNTRY = 4.0
HINT_REGION = 4.0
REGION_WORD_BONUS = 3.0
CONTEXT_SHARE = 3.0
CONTEXT_SEEN = 0.75
CONTEXT_REGION = 1.5
# How far (characters) a site the gazetteer lacks looks for the town it is in.
SITE_REACH = 400


@dataclass(slots=True)
class Mention:
    """A toponym found in the text, before resolution."""

    start: int  # token indices
    end: int
    text: str
    start_char: int
    end_char: int
    source: str  # ner | scan | adjective | kb
    fixed: list[GeoName] = field(default_factory=list)  # what the knowledge base says
    region_word: bool = False  # "Idlib province"
    label: str = ""  # spaCy's entity label, for names the gazetteer lacks
    known: bool = True  # the gazetteer or the knowledge base has the name
    name: str = ""  # the name to look up, when not the text ("Eastern Mediterranean")

    def __post_init__(self) -> None:
        self.name = self.name or self.text

    @property
    def key(self) -> str:
        return norm(self.name)


def find_places(
    doc: Doc,
    actors: ArticleActors | None = None,
    *,
    adjectives: bool = False,
    embedded: bool = False,
) -> list[Place]:
    """Every toponym in ``doc`` resolved to GeoNames, in text order, with character offsets.

    ``adjectives=True`` also returns adjectival uses ("Russian troops") as their country;
    ``embedded=True`` also the place names inside other names ("the Kenya Red Cross
    Society", "the Los Angeles Times"). Both are off by default: neither is a place the
    article talks about, though GeoWebNews annotates both."""
    kb = actors.kb if actors is not None else knowledge.default()
    gaz = gazetteer()
    finder = _Finder(doc, kb, gaz, adjectives=adjectives, embedded=embedded)
    mentions = finder.recognise(actors)
    return _Resolver(doc, kb, gaz, mentions).resolve()


# -- recognition ----------------------------------------------------------------------------
class _Finder:
    def __init__(
        self, doc: Doc, kb: KnowledgeBase, gaz: Gazetteer, *, adjectives: bool, embedded: bool
    ) -> None:
        self.doc = doc
        self.kb = kb
        self.gaz = gaz
        self.adjectives = adjectives
        self.embedded = embedded
        self.ent_at: dict[int, Span] = {t.i: ent for ent in doc.ents for t in ent}
        # words of people's full names: "Houston" in an article about Whitney Houston is
        # her, not the town (a country's name still counts: "Jordan Peterson" leaves
        # Jordan a country)
        self.person_words = {
            t.lower_
            for ent in doc.ents
            if ent.label_ == "PERSON" and len(ent) > 1 and not self._region_or_country(ent.text)
            for t in ent
            if t.is_alpha
        }

    def recognise(self, actors: ArticleActors | None) -> list[Mention]:
        found: list[Mention] = []
        for ent in self.doc.ents:
            if ent.label_ in PLACE_LABELS:
                found.extend(self._from_entity(ent, ent.label_))
            elif ent.label_ == "NORP" and self.adjectives:
                found.extend(self._adjective(ent))
        found.extend(self._scan())
        if actors is not None:
            found.extend(self._from_matches(actors))
        return _non_overlapping(found)

    # spaCy's entities -----------------------------------------------------------------------
    def _from_entity(self, ent: Span, label: str) -> list[Mention]:
        span = _trim(ent)
        if span is None or _disease(span):
            return []
        # "Nyanza province", "Hebei Province": the region's name without its kind word
        # (but "Orange County" is no county of the city of Orange we know of)
        words = list(span)
        while len(words) > 1 and words[-1].lower_ in REGION_WORDS:
            words = words[:-1]
        if len(words) < len(span):
            inner = self.doc[words[0].i : words[-1].i + 1]
            if self._region(inner.text):
                mention = self._mention(inner, "ner", label=label)
                mention.region_word = True
                return [mention]
        if self._known(span.text):
            return [self._mention(span, "ner", label=label)]
        # "Pandi, Bulacan", "Cattai and Wilberforce": each part is a toponym
        parts = _split_parts(span)
        if len(parts) > 1:
            return [m for part in parts for m in self._from_entity(part, label)]
        # "east Africa" is Africa, "North-Western Sydney" Sydney, but "Eastern
        # Mediterranean" and "Central Java" are areas of their own, placed at the whole
        words = list(span)
        while words and words[0].lower_ in COMPASS:
            words = words[1:]
        if words and len(words) < len(span):
            inner = self.doc[words[0].i : words[-1].i + 1]
            known = [e for e in self.gaz.lookup(inner.text) if e.main]
            big = [e for e in known if e.kind not in {"city", "capital"}]
            if known and (span[0].is_lower or not big):
                if span[0].is_lower or max(e.population for e in known) >= SCAN_MIN_POPULATION:
                    return [self._mention(inner, "ner", label=label)]
            elif big or self._known(inner.text):
                mention = self._mention(span, "ner", label=label)
                mention.name = inner.text
                mention.known = True
                return [mention]
        return [self._mention(span, "ner", label=label)]

    def _adjective(self, ent: Span) -> list[Mention]:
        found = []
        for token in ent:
            mention = self._adjective_token(token)
            if mention is not None:
                found.append(mention)
        return found

    def _adjective_token(self, token: Token) -> Mention | None:
        """ "Russian" in "Russian troops", not in "the Russians" nor "speaks Russian" nor
        "pro-Russian separatists"."""
        if not _modifies_noun(token) or allegiance(token):
            return None
        places = self._adjective_places(token.text)
        if not places:
            return None
        span = self.doc[token.i : token.i + 1]
        return Mention(
            token.i, token.i + 1, span.text, span.start_char, span.end_char, "adjective", places
        )

    def _adjective_places(self, text: str) -> list[GeoName]:
        places = []
        for entry in self.kb.lookup(text):
            if entry.kind == "adjective" and entry.code:
                country = self.gaz.country_entry(entry.code)
                if country is not None:
                    places.append(country)
        area = self.gaz.area_adjectives.get(norm(text))
        if area is not None and not places:
            places.append(area)
        return places

    # names spaCy missed ----------------------------------------------------------------------
    def _scan(self) -> list[Mention]:
        """Known names anywhere in the text: longest first, capitalised, not a person's."""
        doc = self.doc
        text = doc.text
        # per-token facts read once: building a Span per candidate is what the scan costs
        starts = [t.idx for t in doc]
        ends = [t.idx + len(t.text) for t in doc]
        caps = [_capitalised(t) for t in doc]
        breaks = [t.is_punct and t.text not in NAME_PUNCT for t in doc]
        found: list[Mention] = []
        i = 0
        while i < len(doc):
            if not caps[i] or doc[i].lower_ in {"the", "a", "an"}:
                i += 1
                continue
            best: Mention | None = None
            limit = min(len(doc), i + MAX_NAME_TOKENS)
            for j in range(limit, i, -1):
                if not caps[j - 1] or any(breaks[i:j]):
                    continue
                if not self._may_name(text[starts[i] : ends[j - 1]], single=j == i + 1):
                    continue  # _scan_span would find nothing
                span = doc[i:j]
                best = self._scan_span(span, found)
                if best is not None:
                    break
            if best is not None:
                found.append(best)
                i = best.end
            else:
                i += 1
        return found

    def _may_name(self, text: str, *, single: bool) -> bool:
        """Whether some table knows ``text``: the cheap test before ``_scan_span``."""
        return bool(
            self.gaz.by_name.get(norm(text))
            or self.gaz.abbrevs.get(text)
            or self.kb.lookup(text)
            or (self.adjectives and single)
        )

    def _scan_span(self, span: Span, found: list[Mention]) -> Mention | None:
        doc = self.doc
        ent = self.ent_at.get(span.start)
        label = ent.label_ if ent is not None else ""
        if label in NUMERIC_LABELS or _disease(span):
            return None
        whole = ent is not None and _trim(ent) == span
        if (
            not (whole or self.embedded)
            and label in EMBEDDING_LABELS
            and not _before_common_noun(span, ent)
        ):
            return None  # inside the name of an organisation, a building, an event
        previous = doc[span.start - 1].lower_ if span.start > 0 else ""
        if label == "PERSON" and (not (whole or self._hinted(span)) or previous in TITLES):
            return None  # part of someone's name, or "Ms. Georgia"
        text = span.text
        entries = [e for e in self.kb.lookup(text) if e.kind in {"country", "capital"}]
        if entries:
            return self._mention(span, "kb", entries)
        locative = previous in LOCATIVE and label == "PERSON" and whole
        if any(t.lower_ in self.person_words for t in span) and not (
            locative and self._big_city(text)
        ):
            return None  # "Houston" in an article about Whitney Houston; "in Khan Younis" is
            # a town spaCy took for a person
        if self.adjectives and len(span) == 1 and label != "PERSON":
            adjective = self._adjective_token(span[0])
            if adjective is not None:
                return adjective
        proper = all(t.pos_ == "PROPN" or t.is_upper or not t.is_alpha for t in span)
        abbrevs = self.gaz.abbrevs.get(text, [])
        if abbrevs and sum(c.isalpha() for c in text) >= 3:
            return self._mention(span, "scan")  # "NSW", "Calif.", "N.S.W."
        candidates = self.gaz.lookup(text)
        if not candidates:
            return None
        if any(c.kind in {"country", "region", "continent", "area"} for c in candidates):
            return self._mention(span, "scan") if proper else None
        if _acronym(text) and not _dateline(span):
            return None  # "UN" is not Un, India
        cities = [c for c in candidates if c.main]
        if not cities and locative and self._big_city(text):
            cities = [c for c in candidates if c.kind in {"city", "capital"}]
        if not cities or _part_of_name(span):
            return None
        if _dateline(span):
            return self._mention(span, "scan")
        population = max(c.population for c in cities)
        # small towns only where the context makes them places, and not inside another
        # name ("University College Hospital", "King Nut Companies")
        inside = ent is not None and not whole
        beside = bool(found) and found[-1].end == span.start - 1 and previous in COORDINATORS
        local = not inside and (previous in LOCATIVE or beside or self._hinted(span))
        if proper and (
            population >= SCAN_MIN_POPULATION
            or (local and population >= LOCATIVE_MIN_POPULATION)
            or (whole and label == "ORG" and population >= ORG_CITY_MIN_POPULATION)
        ):
            return self._mention(span, "scan")
        return None

    def _big_city(self, text: str) -> bool:
        """A town of SCAN_MIN_POPULATION or more by any of its names ("Khan Younis")."""
        return any(
            c.kind in {"city", "capital"} and c.population >= SCAN_MIN_POPULATION
            for c in self.gaz.lookup(text)
        )

    def _hinted(self, span: Span) -> bool:
        """Followed by a comma and a region or country: "Santa Ana, California"."""
        doc = self.doc
        if span.end + 1 >= len(doc) or doc[span.end].text != ",":
            return False
        for width in (3, 2, 1):
            after = doc[span.end + 1 : span.end + 1 + width]
            if len(after) == width and _capitalised(after[0]):
                key = after.text
                if any(e.kind in {"region", "country"} for e in self.gaz.lookup(key)):
                    return True
                if self.gaz.abbrevs.get(key):
                    return True
                if any(e.kind == "country" for e in self.kb.lookup(key)):
                    return True
        return False

    def _from_matches(self, actors: ArticleActors) -> list[Mention]:
        found = []
        seen: set[int] = set()
        for match in actors.matches.values():
            if match.start in seen:
                continue
            seen.add(match.start)
            entries = [e for e in match.entries if e.kind in {"country", "capital"}]
            span = self.doc[match.start : match.end]
            ent = self.ent_at.get(match.start)
            inside = ent is not None and ent.label_ in EMBEDDING_LABELS
            if entries and _capitalised(span[0]) and (self.embedded or not inside):
                found.append(self._mention(_trim(span) or span, "kb", entries))
        return found

    # helpers ----------------------------------------------------------------------------------
    def _region_or_country(self, text: str) -> bool:
        """A name no person bears: "Tamil Nadu" tagged PERSON is still the state."""
        return any(
            e.kind in {"region", "country", "continent", "area"} for e in self.gaz.lookup(text)
        ) or any(e.kind == "country" for e in self.kb.lookup(text))

    def _region(self, text: str) -> bool:
        return bool(self.gaz.region_bases.get(norm(text))) or any(
            e.kind == "region" for e in self.gaz.lookup(text)
        )

    def _known(self, text: str) -> bool:
        return bool(self.gaz.lookup(text)) or any(
            e.kind in {"country", "capital"} for e in self.kb.lookup(text)
        )

    def _mention(
        self, span: Span, source: str, entries: list[Entry] | None = None, *, label: str = ""
    ) -> Mention:
        fixed: list[GeoName] = []
        for entry in entries or []:
            if entry.kind == "country" and entry.code:
                country = self.gaz.country_entry(entry.code)
                if country is not None:
                    fixed.append(country)
        region_word = span.end < len(self.doc) and self.doc[span.end].lower_ in REGION_WORDS
        known = bool(fixed) or self._known(span.text) or bool(self.gaz.abbrevs.get(span.text))
        return Mention(
            span.start,
            span.end,
            span.text,
            span.start_char,
            span.end_char,
            source,
            fixed,
            region_word,
            label,
            known,
        )


def _trim(span: Span) -> Span | None:
    """Without a leading article and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].lower_ in {"'s", "’s", "'", "’"}
        or (doc[end - 1].is_punct and doc[end - 1].text != ".")
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _split_parts(span: Span) -> list[Span]:
    parts: list[Span] = []
    start = span.start
    for token in span:
        if token.text in {",", "/", "&", "-", "–", "—"} or token.lower_ == "and":
            if token.i > start:
                parts.append(span.doc[start : token.i])
            start = token.i + 1
    if start < span.end:
        parts.append(span.doc[start : span.end])
    return [p for p in (_trim(p) for p in parts) if p is not None]


def _capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper()


def _modifies_noun(token: Token) -> bool:
    """An adjective in use: it modifies a noun ("Russian troops") rather than naming people
    or a language ("the Russians", "speaks Russian")."""
    if token.tag_ in {"NNS", "NNPS"}:
        return False
    head = token.head
    if token.dep_ in {"amod", "compound", "nmod"} and head.i > token.i:
        return head.pos_ in {"NOUN", "PROPN"}
    return False


def _site_name(text: str) -> bool:
    """A name that says it is a place: "Royal Street", "Orange County", "Fort Detrick"."""
    words = text.lower().split()
    return len(words) > 1 and (
        words[-1] in FEATURE_WORDS
        or words[-1] in REGION_WORDS
        or words[-1] in SITE_WORDS
        or words[0] in SITE_PREFIXES
    )


def _part_of_name(span: Span) -> bool:
    """ "Orange" in "Orange County", "Salinas" in "Salinas Valley": the start of another
    place's name, which the gazetteer may lack."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    following = doc[span.end]
    return _capitalised(following) and (
        following.lower_ in REGION_WORDS or following.lower_ in FEATURE_WORDS
    )


def _before_common_noun(span: Span, ent: Span | None) -> bool:
    """A name the tagger ran into the lowercase noun after it: "Minsk airport" is Minsk's
    airport, not a name as "Minsk International Airport" is."""
    if ent is None or span.start != ent.start or span.end >= ent.end:
        return False
    return all(t.is_lower and t.is_alpha for t in ent[span.end - ent.start :])


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)


def _disease(span: Span) -> bool:
    """ "West Nile" in "West Nile virus": a disease named after a place."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in DISEASE_WORDS


def _dateline(span: Span) -> bool:
    """An upper-case place opening a line: "HOUSTON —", "OKLAHOMA CITY (AP)"."""
    if not all(t.is_upper or not t.is_alpha for t in span):
        return False
    first = span[0]
    at_start = first.i == 0 or first.is_sent_start or "\n" in span.doc[first.i - 1].text_with_ws
    following = span.doc[span.end].text if span.end < len(span.doc) else ""
    return at_start and following in {"—", "-", "–", "(", ",", ":", "--"}


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Known names before unknown ones ("Santa Ana" in "the City of Santa Ana"), then
    longest first; spaCy's own entities win ties."""
    order = {"ner": 0, "kb": 1, "adjective": 2, "scan": 3}
    taken: set[int] = set()
    kept: list[Mention] = []
    ranked = sorted(
        mentions, key=lambda m: (not m.known, -(m.end - m.start), order[m.source], m.start)
    )
    for mention in ranked:
        span = set(range(mention.start, mention.end))
        if span & taken:
            continue
        taken |= span
        kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


# -- resolution -----------------------------------------------------------------------------
class _Resolver:
    def __init__(
        self, doc: Doc, kb: KnowledgeBase, gaz: Gazetteer, mentions: list[Mention]
    ) -> None:
        self.doc = doc
        self.kb = kb
        self.gaz = gaz
        self.mentions = mentions

    def resolve(self) -> list[Place]:
        candidates = {m.key: self._candidates(m) for m in self.mentions}
        hints: dict[str, list[GeoName]] = {}
        region_words: set[str] = set()
        for mention in self.mentions:
            hints.setdefault(mention.key, []).extend(self._hints(mention))
            if mention.region_word:
                region_words.add(mention.key)
        context = self._article_countries()
        chosen: dict[str, GeoName] = {}
        for _ in range(2):
            # regions the article names, and the regions of the towns it names
            regions: Counter[tuple[str | None, str | None]] = Counter(
                (c.country, c.admin1) for c in chosen.values() if c.admin1
            )
            countries = context + Counter(c.country for c in chosen.values() if c.country)
            total = sum(countries.values()) or 1
            for key, options in candidates.items():
                if not options:
                    continue
                own = chosen.get(key)
                others = {
                    r
                    for r, n in regions.items()
                    if n > (1 if own is not None and r == (own.country, own.admin1) else 0)
                }
                scores = [
                    self._score(c, hints[key], key in region_words, countries, total, others)
                    for c in options
                ]
                chosen[key] = options[scores.index(max(scores))]
        places = []
        for mention in self.mentions:
            best = chosen.get(mention.key)
            if best is not None:
                places.append(
                    best.place(text=mention.text, start=mention.start_char, end=mention.end_char)
                )
            elif mention.label in PLACE_LABELS and _site_name(mention.text):
                site = self._site(mention, chosen)
                if site is not None:
                    places.append(site)
        return places

    def _site(self, mention: Mention, chosen: dict[str, GeoName]) -> Place | None:
        """A place spaCy found and the gazetteer lacks ("Royal Street", "Fort Detrick",
        "Orange County"), put where the article is: at the nearest town or region it
        names, else at the town it names most."""
        located = [
            (m, chosen[m.key])
            for m in self.mentions
            if m.key in chosen and chosen[m.key].kind in {"city", "capital", "region"}
        ]
        towns = [pair for pair in located if pair[1].kind != "region"]
        anchor: GeoName | None = None
        words = mention.text.split()
        if len(words) > 1 and words[-1].lower() in {"county", "parish", "borough"}:
            # "Orange County" in an article about California: around the town of Orange
            # there, when a town of that name lies in a region the article is about
            regions = {(g.country, g.admin1) for _, g in located}
            same = [
                e
                for e in self.gaz.lookup(" ".join(words[:-1]))
                if e.kind in {"city", "capital"} and e.main and (e.country, e.admin1) in regions
            ]
            if same:
                anchor = max(same, key=lambda e: e.population)
        for pool in [] if anchor is not None else [towns, located]:
            near = [p for p in pool if abs(p[0].start_char - mention.start_char) <= SITE_REACH]
            if near:
                anchor = min(near, key=lambda p: abs(p[0].start_char - mention.start_char))[1]
                break
        if anchor is None and towns:
            counts = Counter(g.geonameid for _, g in towns)
            anchor = max(towns, key=lambda p: counts[p[1].geonameid])[1]
        if anchor is None:
            return None
        return Place(
            name=mention.text,
            country=anchor.country,
            geonameid=None,
            lat=round(anchor.lat, 5),
            lon=round(anchor.lon, 5),
            text=mention.text,
            start=mention.start_char,
            end=mention.end_char,
            admin1=anchor.admin1,
            feature="S",
        )

    def _candidates(self, mention: Mention) -> list[GeoName]:
        if mention.source == "adjective":
            return mention.fixed
        found = list(mention.fixed)
        known = self.kb.lookup(mention.name)
        # an acronym ("UN", "NATO") is no town's name, and what the knowledge base knows
        # as an organisation or a seat of power ("White House") is no small town either
        towns = not _acronym(mention.name) and not any(
            e.kind in {"org", "metonym", "group", "person"} for e in known
        )
        for entry in self.gaz.lookup(mention.name) + self.gaz.abbrevs.get(mention.name, []):
            if entry in found or (entry.kind == "city" and not towns):
                continue
            found.append(entry)
        if mention.region_word:
            found.extend(self.gaz.region_bases.get(mention.key, []))
        for fact in known:
            if fact.kind == "country" and fact.code:
                country = self.gaz.country_entry(fact.code)
                if country is not None and country not in found:
                    found.append(country)
        # a region of the same name is more precise than the country the knowledge base
        # makes of it ("England", "Northern Ireland" are regions of GBR)
        regions = {e.country for e in found if e.kind == "region" and norm(e.name) == mention.key}
        return [e for e in found if not (e.kind == "country" and e.country in regions)]

    def _hints(self, mention: Mention) -> list[GeoName]:
        """A country or region named right after: "Paris, Texas", "Pandi, Bulacan"."""
        doc = self.doc
        if mention.end + 1 >= len(doc) or doc[mention.end].text not in {",", "("}:
            return []
        for width in (3, 2, 1):
            span = doc[mention.end + 1 : mention.end + 1 + width]
            if len(span) < width or not _capitalised(span[0]):
                continue
            found = [
                e for e in self.gaz.lookup(span.text) if e.kind in {"country", "region"}
            ] + self.gaz.abbrevs.get(span.text, [])
            for entry in self.kb.lookup(span.text):
                if entry.kind == "country" and entry.code:
                    country = self.gaz.country_entry(entry.code)
                    if country is not None:
                        found.append(country)
            if found:
                return found
        return []

    def _article_countries(self) -> Counter[str]:
        """Countries the article names, by any name, adjective or demonym."""
        counts: Counter[str] = Counter()
        for token in self.doc:
            if not _capitalised(token) or not self.kb.prefixes.get(prefix(token.text)):
                continue
            if allegiance(token):
                continue  # "pro-Russian separatists" are no sign of Russia
            for entry in self.kb.lookup(token.text):
                if entry.kind in {"country", "adjective", "demonym", "capital"} and entry.code:
                    counts[entry.code] += 1
                    break
        for mention in self.mentions:
            options = self._candidates(mention)
            codes = {c.country for c in options}
            if len(codes) == 1 and None not in codes:
                counts[next(iter(codes))] += 1  # type: ignore[index]
        return counts

    def _score(
        self,
        c: GeoName,
        hints: list[GeoName],
        region_word: bool,
        countries: Counter[str],
        total: int,
        regions: set[tuple[str | None, str | None]],
    ) -> float:
        if c.kind == "region" and c.population:
            score = math.log10(c.population)  # "Nelson" region is Nelson town's size
        elif c.kind in KIND_PRIOR:
            score = KIND_PRIOR[c.kind]
        else:
            score = math.log10(max(c.population, 1000))
            if c.kind == "capital":
                score += CAPITAL_BONUS
        if not c.main:
            score -= ALTERNATE_PENALTY
        if region_word and c.kind == "region":
            score += REGION_WORD_BONUS
        for hint in hints:
            if hint.country == c.country and c.kind != "country":
                score += HINT_COUNTRY
                if hint.kind == "region" and hint.admin1 and hint.admin1 == c.admin1:
                    score += HINT_REGION
                break
        if c.country:
            share = countries.get(c.country, 0) / total
            score += CONTEXT_SHARE * share + (CONTEXT_SEEN if share else 0.0)
            if (c.country, c.admin1) in regions and c.kind in {"city", "capital"}:
                score += CONTEXT_REGION
        return score
