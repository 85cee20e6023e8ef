"""Places and forums: where an event happened, and the institutional setting it happened in.

An event's place is where its own predicate puts it, not any place in the sentence:

- a locative the predicate, its support verb or its arguments take ("met in Qingdao",
  "held talks with Lavrov in Moscow", "on the sidelines of the summit in Kazan", "at a
  base in Anchorage"), a movement's destination ("travelled to Kyiv", "a visit to
  China"), an attack's target ("struck Kharkiv", "strikes on the suburbs of Beirut");
- never a place in another clause: the reporting clause ("a spokesperson in New Delhi
  said ..."), a relative clause ("who had spent Wednesday in Kyiv"), a clause about
  something before ("before flying to Warsaw"), nor a metonymic capital that is an actor
  ("Beijing condemned Washington's decision"): only the objects of locative words count;
- no place at all for an exchange by phone or video.

Toponyms come from the toponym stage (``toponyms.find_places``, resolved with the whole
article as context); venues and seats of power map to their town ("the White House" is
Washington, ``data/venues.tsv``), or to the site itself when no town is near ("Camp
David"); a country named alone stays a country, with precision "country" and no
invented coordinates.

When the predicate names no place, the article may: the destination its traveller last
reached ("arrived in Kyiv on Tuesday. He later held talks with ..."), the dateline
("HANOI (AP) —"), or the city of a forum it placed before ("the SCO summit in Astana").
Those places carry their ``basis`` so that the events stage takes them only for
meetings and agreements among parties the place belongs to (events.py).
"""

from __future__ import annotations

import csv
import functools
import re
import weakref
from dataclasses import dataclass, replace
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from communique.actors import ArticleActors
from communique.gazetteer import gazetteer
from communique.knowledge import norm
from communique.records import Forum, Place
from communique.toponyms import find_places


def _load_words() -> dict[str, frozenset[str]]:
    path = resources.files("communique") / "data" / "event_places.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {key: frozenset(str(w).lower() for w in words) for key, words in raw.items()}


_WORDS = _load_words()
MOVEMENT = _WORDS["movement"]
DESTINATION = _WORDS["destination"]
ATTACK = _WORDS["attack"]
GATHERING = _WORDS["gathering"]
PLACE_NOUNS = _WORDS["place_nouns"]
REMOTE = _WORDS["remote"]
BEFORE = _WORDS["before"]
# Prepositions that put any event at their object ("met in Qingdao", "at the Kremlin").
AT_PREPS = frozenset(
    {"in", "at", "inside", "near", "outside", "aboard", "within", "along", "across", "throughout"}
)
# Parts of a town named with it: "the streets of Nairobi", "the centre of Minsk"
TOWN_PARTS = frozenset(
    {"street", "streets", "square", "centre", "center", "outskirts", "suburb", "suburbs", "heart"}
)
# "clashed ... north of Beirut", "a village 20 km south of Kharkiv"
COMPASS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {"north-east", "north-west", "south-east", "south-west"}
)
# ... a movement ("travelled to Kyiv", "flew into Kabul").
TO_PREPS = frozenset({"to", "into"})
# ... an attack ("strikes on Kharkiv", "missiles at Israel", "shelling of border villages").
ATTACK_PREPS = frozenset({"on", "at", "against", "into", "across", "over", "of", "near"})
# Prepositions whose object may hold the place in its own modifiers ("on the sidelines of
# the summit in Kazan", "talks with Lavrov in Moscow", "talks between officials in Jeddah",
# "speaking to reporters in Brussels").
THROUGH_PREPS = frozenset(
    {"on", "during", "of", "with", "between", "for", "at", "in", "among", "to", "along"}
)
# Dependencies that open another clause: places in them belong to other events.
OTHER_CLAUSE = frozenset(
    {"relcl", "ccomp", "csubj", "parataxis", "conj", "advcl", "acl", "xcomp", "appos"}
)
DASHES = frozenset({"—", "–", "-", "--", "―"})
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
# Ranks of the ways a clause names its place (lower wins): the predicate's own locative,
# then one inside its arguments or forum phrase, then one in a participle clause that
# frames it ("Speaking in Washington, Blinken accused ...").
OWN, INSIDE, FRAME = 0, 1, 2
# Bases of a place the event's own clause names ("frame": the clause's setting, "after
# talks in Vilnius", "Speaking in Washington, ...")
CLAUSE_BASES = frozenset({"", "clause", "frame"})
# Smallest city a forum's name is taken to name ("the Munich Security Conference"); set so
# that a name is not a small town's by chance.
NAMED_AFTER_POPULATION = 100_000
# Smallest town placed by its name alone when it is seized or attacked and the article
# names no country to look it up in ("captured Avdiivka")
SEIZED_TOWN_POPULATION = 20_000
# How deep a place may sit in the predicate's phrases ("on the sidelines of the SCO
# conclave in Qingdao" is three prepositions down).
MAX_DEPTH = 4


@dataclass(slots=True, frozen=True)
class Venue:
    """A building or site news places events at, and where it is."""

    name: str
    place: Place


@functools.lru_cache(maxsize=1)
def venues() -> tuple[dict[str, Venue], re.Pattern[str] | None]:
    """data/venues.tsv: every venue name -> its place, and one pattern finding them."""
    gaz = gazetteer()
    path = resources.files("communique") / "data" / "venues.tsv"
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    table: dict[str, Venue] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        code = row["country"].strip()
        city = (row.get("city") or "").strip()
        place: Place | None = None
        if city:
            found = [e for e in gaz.lookup(city) if e.country == code and e.kind != "region"]
            best = max(found, key=lambda e: (e.main, e.population), default=None)
            place = best.place() if best is not None else None
        elif row.get("lat") and row.get("lon"):
            place = Place(
                name=row["name"],
                country=code,
                geonameid=None,
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                feature="S",
                precision="site",
            )
        if place is None:
            continue
        for name in [row["name"], *(row.get("names") or "").split("|")]:
            if name.strip():
                table[norm(name)] = Venue(row["name"], place)
    if not table:
        return table, None
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])",
        flags=re.IGNORECASE,
    )
    return table, pattern


def _for_event(place: Place, text: str, start: int, end: int) -> Place:
    """The place as an event's: a country has no coordinates, only its precision."""
    if place.precision == "country" and place.country:
        country = gazetteer().country(place.country)
        if country is not None:
            place = country
    return replace(place, text=text, start=start, end=end)


class ArticlePlaces:
    """An article's places, indexed by token: its toponyms (``find_places``), its venues
    and seats of power, its dateline, the destinations its travellers reach and the
    forums it places."""

    def __init__(self, doc: Doc, actors: ArticleActors) -> None:
        self.doc = doc
        self.actors = actors
        self.at: dict[int, Place] = {}
        for place in find_places(doc, actors):
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            for token in span or []:
                self.at[token.i] = place
        self.venue_at: dict[int, Place] = {}
        table, pattern = venues()
        if pattern is not None:
            for found in pattern.finditer(doc.text):
                span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
                venue = table.get(norm(found.group(0)))
                if span is None or venue is None or not found.group(0)[0].isupper():
                    continue
                place = _for_event(venue.place, found.group(0), found.start(), found.end())
                for token in span:
                    self.venue_at[token.i] = place
        self.dateline = self._dateline()
        self.destinations: list[tuple[int, Place]] = []
        self.forums: list[tuple[Token, Place]] = []
        for token in doc:
            lemma = token.lemma_.lower()
            if lemma in MOVEMENT and _main_clause(token) and not _irrealis(token):
                reached = self.clause_place(token, None)
                if reached is not None:
                    self.destinations.append((token.i, reached))
            elif lemma in FORUM_NOUNS and token.pos_ in {"NOUN", "PROPN"}:
                held = self._forum_place(token)
                if held is not None:
                    self.forums.append((token, held))

    # -- one token, one place ------------------------------------------------------------
    def place_of(self, token: Token, *, seat: bool = True) -> Place | None:
        """The place the phrase headed by ``token`` names: a toponym, a venue or seat of
        power ("the Kremlin" is Moscow), "the city of Lviv", "Ukraine's Sumy region";
        places named together in two countries' are only their country in common ("in
        Kyiv and Kharkiv" is Ukraine)."""
        found = self._head_place(token, seat=seat)
        if found is None:
            return None
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        owned = self.at.get(owner.i) if owner is not None else None
        if owned is not None and owned.precision == "country" and found.country != owned.country:
            # "Russia's Far East" is in Russia, whatever else "Far East" names
            return _for_event(owned, owned.text, owned.start, owned.end)
        others = [
            self.at[t.i]
            for t in _phrase(token)
            if t.i in self.at and self.at[t.i].start != found.start and t.dep_ != "poss"
        ]
        if not others:
            return found
        places = [found, *others]
        codes = {p.country for p in places if p.country}
        names = {p.name for p in places}
        if len(names) == 1:
            return found
        if len(codes) == 1:
            code = next(iter(codes))
            if found.country == code and all(
                p.precision == "country" for p in others if p.country == code
            ):
                return found  # "Ukraine's Sumy region", "Gaza City, Gaza"
            country = gazetteer().country(code)
            if country is not None:
                return replace(
                    _for_event(country, found.text, found.start, found.end), basis="several"
                )
        return None  # "in Pakistan and India": no one place

    def _head_place(self, token: Token, *, seat: bool) -> Place | None:
        found = self.venue_at.get(token.i)
        if found is not None:
            return found
        found = self.at.get(token.i)
        if found is not None:
            return _for_event(found, found.text, found.start, found.end)
        if seat:
            found = self._seat(token)
            if found is not None:
                return found
        lemma = token.lemma_.lower()
        if lemma in PLACE_NOUNS or token.ent_type_ in {"GPE", "LOC", "FAC"}:
            # "the city of Lviv", "the southern suburbs of Beirut"
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            # "the provinces of Ilam and Khuzestan": their country
                            found = (
                                self.place_of(obj, seat=False)
                                if obj.conjuncts
                                else self._head_place(obj, seat=False)
                            )
                            if found is None:
                                found = self._unlisted(obj, named=True)
                            if found is not None:
                                return found
            # "Ukraine's Sumy region": the name inside the phrase, not its possessor
            for child in token.children:
                if child.dep_ in {"compound", "amod", "nmod"} and child.i in self.at:
                    place = self.at[child.i]
                    return _for_event(place, place.text, place.start, place.end)
        return self._unlisted(token)

    def _unlisted(self, token: Token, *, named: bool = False) -> Place | None:
        """A town the toponym stage passed over but the syntax places ("hit Rafah",
        spelt as news spells it, not as GeoNames does): a proper noun nobody is named
        after, known to the gazetteer in a country the article names; after "the town
        of" (``named``) whatever spaCy's label."""
        refused = {"DATE"} if named else {"NORP", "ORG", "DATE", "PERSON"}
        if token.pos_ != "PROPN" or token.ent_type_ in refused:
            return None
        if token.i in self.actors.matches:
            return None
        words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        span = self.doc[(words[0].i if words else token.i) : token.i + 1]
        codes = {p.country for p in self.at.values() if p.country}
        towns = [e for e in gazetteer().lookup(span.text) if e.kind in {"city", "capital"}]
        found = [e for e in towns if e.country in codes]
        if not found and named:
            # "captured the town of Avdiivka" in an article naming no other place: a town
            # of some size, if only one country has one of that name
            found = [e for e in towns if e.population >= SEIZED_TOWN_POPULATION]
            if len({e.country for e in found}) != 1:
                return None
        if not found:
            return None
        best = max(found, key=lambda e: (e.country == self._main_country(), e.population))
        return best.place(text=span.text, start=span.start_char, end=span.end_char)

    def _main_country(self) -> str | None:
        counts: dict[str, int] = {}
        for place in self.at.values():
            if place.country:
                counts[place.country] = counts.get(place.country, 0) + 1
        return max(sorted(counts), key=lambda c: counts[c], default=None)

    def _seat(self, token: Token) -> Place | None:
        """A seat of power the knowledge base knows and venues.tsv does not: its
        country's capital."""
        match = self.actors.matches.get(token.i)
        if match is None:
            return None
        entry = next((e for e in match.entries if e.kind == "metonym" and e.code), None)
        if entry is None or entry.code is None:
            return None
        capital = self.actors.kb.capital_of(entry.code)
        place = gazetteer().city(capital, prefer=[entry.code]) if capital else None
        if place is None or place.country != entry.code:
            return None
        span = self.doc[match.start : match.end]
        return _for_event(place, span.text, span.start_char, span.end_char)

    # -- the predicate's clause ------------------------------------------------------------
    def clause_place(self, trigger: Token, support: Token | None) -> Place | None:
        """Where the predicate's own clause puts the event, or None."""
        heads: list[tuple[Token, int]] = [(trigger, OWN)]
        if support is not None:
            heads.append((support, OWN))
        head = trigger.head
        if trigger.dep_ in {"nsubj", "nsubjpass", "dobj"} and head.pos_ in {"VERB", "AUX"}:
            heads.append((head, OWN))  # "talks were held in Jeddah", "held talks in ..."
        if (
            trigger.dep_ == "pobj"
            and head.lower_ in {"on", "during", "for", "at", "in"}
            and head.head.pos_ == "VERB"
        ):
            # "met Widodo in Bogor on his first visit": the clause's place is the visit's;
            # not "after Iranian attacks", another event
            heads.append((head.head, INSIDE))
        if trigger.dep_ in {"xcomp", "advcl"} and head.lemma_.lower() in MOVEMENT:
            heads.append((head, INSIDE))  # "travelled to Riyadh to sign ..."
        if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and head.pos_ == "VERB":
            heads.append((head, INSIDE))  # "hit a mosque in Bahawalpur, killing ..."
        if trigger.dep_ == "conj" and head.pos_ in {"NOUN", "PROPN"}:
            heads.append((head, OWN))  # "a missile and drone attack on ..."
        if trigger.dep_ == "conj" and head.pos_ == "VERB":
            heads.append((head, FRAME))  # "travelled to Riyadh and signed ..."
        found: list[tuple[int, int, int, Place]] = []
        for node, rank in heads:
            self._walk(node, trigger, rank, 0, found)
        if not found:
            return None
        found.sort(key=lambda x: (x[0], x[1], x[2]))
        best = found[0][3]
        # "strikes inside Iran ... in Iran's Sistan-Baluchestan province" is there, but
        # "... in Tehran province and the provinces of Ilam and Khuzestan" only in Iran
        finer = {
            place.name: place
            for _, _, _, place in found[1:]
            if place.country == best.country and _finer(place, best)
        }
        several = any(place.basis == "several" for _, _, _, place in found[1:])
        if len(finer) == 1 and not several:
            best = next(iter(finer.values()))
        elif not finer and best.precision == "country" and found[0][0] != FRAME:
            # "became the first to visit Ukraine, meeting Zelensky in Kyiv": the one town
            # of that country the sentence names
            towns = {
                p.name: p
                for i, p in self.at.items()
                if trigger.sent.start <= i < trigger.sent.end
                and p.country == best.country
                and p.precision == "city"
                and _located_at(self.doc[i])
            }
            if len(towns) == 1:
                best = replace(next(iter(towns.values())), basis=best.basis)
        # "agreed ... after talks in Vilnius": the place of the frame, not of the act
        return replace(best, basis="frame") if found[0][0] == FRAME else best

    def _walk(
        self,
        node: Token,
        trigger: Token,
        rank: int,
        depth: int,
        found: list[tuple[int, int, int, Place]],
    ) -> None:
        if depth > MAX_DEPTH:
            return
        lemma = node.lemma_.lower()
        is_head = depth == 0
        # a support verb or a coordinated noun takes the trigger's kind: "launched strikes
        # on Kharkiv", "a missile and drone attack on ..."
        kinds = {lemma, trigger.lemma_.lower()} if is_head else {lemma}
        moving = bool(kinds & MOVEMENT)
        # "hit back at Washington" is words, not a strike ("carried out strikes on" is one)
        attacking = bool(kinds & ATTACK) and not (
            lemma in ATTACK
            and any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in node.children)
        )

        def add(place: Place | None, at: Token, extra: int = 0) -> None:
            if place is not None:
                found.append((rank + extra, depth, abs(at.i - trigger.i), place))

        for child in node.children:
            dep = child.dep_
            if dep == "prep" or dep == "conj" and child.pos_ == "ADP":  # "in X and in Y"
                prep = child.lower_
                objects = [o for o in child.children if o.dep_ == "pobj"] or _what_was_said(child)
                if not objects and prep in AT_PREPS:
                    # "outside of the city of Basra"
                    objects = [
                        o
                        for of in child.children
                        if of.dep_ == "prep" and of.lower_ == "of"
                        for o in of.children
                        if o.dep_ == "pobj"
                    ]
                for obj in objects:
                    if prep in AT_PREPS or prep == "through" and obj.lemma_.lower() in TOWN_PARTS:
                        place = self.place_of(obj)
                        if place is None and obj.lemma_.lower() in TOWN_PARTS:
                            # "in the streets of Nairobi", "marched through central Kyiv"
                            place = next(
                                (
                                    found_place
                                    for of in obj.children
                                    if of.dep_ == "prep" and of.lower_ == "of"
                                    for o in of.children
                                    if o.dep_ == "pobj"
                                    and (found_place := self.place_of(o)) is not None
                                ),
                                None,
                            )
                        # "at the Kremlin" places; "hit back at Washington" does not
                        if (
                            place is not None
                            and prep == "at"
                            and not attacking
                            and _country_or_capital(place, obj, self.actors)
                        ):
                            place = None
                        if place is not None:
                            add(place, obj)
                            continue
                    elif prep in TO_PREPS and moving or prep in ATTACK_PREPS and attacking:
                        place = self.place_of(obj)
                        if place is not None:
                            add(place, obj)
                            continue
                    if attacking and prep in ATTACK_PREPS:
                        # "an attack on Ukraine's energy infrastructure"
                        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
                        place = self.place_of(owner) if owner is not None else None
                        if place is not None:
                            add(place, obj, 1)
                    if prep in {"after", "following"} and _forum_phrase(obj):
                        # "agreed after four days of talks in Beijing"
                        self._walk(obj, trigger, FRAME, depth + 1, found)
                    if prep in THROUGH_PREPS and obj.pos_ in {"NOUN", "PROPN", "PRON"}:
                        self._walk(obj, trigger, rank, depth + 1, found)
                        if obj.lemma_.lower() in FORUM_NOUNS:
                            add(self._named_after(obj), obj, 1)  # "the Munich conference"
            elif dep in {"advmod", "npadvmod"} and child.lower_ in COMPASS:
                # "clashed with police north of Beirut": near there, so there
                for of in child.children:
                    if of.dep_ == "prep" and of.lower_ == "of":
                        for obj in of.children:
                            if obj.dep_ == "pobj":
                                add(self.place_of(obj), obj)
            elif dep == "xcomp" and is_head:
                # "agreed to restore relations after four days of talks in Beijing"
                for marker in child.children:
                    if marker.dep_ == "prep" and marker.lower_ in {"after", "following"}:
                        for obj in marker.children:
                            if obj.dep_ == "pobj" and _forum_phrase(obj):
                                self._walk(obj, trigger, FRAME, depth + 1, found)
            elif dep == "agent" and is_head:
                # "killed by a bomb in Basra", "was received by Putin in the Kremlin"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        self._walk(obj, trigger, rank, depth + 1, found)
            elif dep in {"dobj", "attr", "oprd"} and (is_head or node.pos_ == "VERB"):
                if bool(kinds & DESTINATION) or attacking:
                    place = self.place_of(child)
                    if place is None and attacking and child.pos_ == "PROPN":
                        # "captured Avdiivka", whatever spaCy's label: a town seized
                        place = self._unlisted(child, named=True)
                    if place is not None:
                        add(place, child)
                        continue
                # "met Modi in Hiroshima", "struck targets in Yemen"
                self._walk(child, trigger, max(rank, INSIDE), depth + 1, found)
            elif dep in {"nsubj", "nsubjpass"} and is_head and attacking:
                if dep == "nsubjpass" and (hit := self.place_of(child)) is not None:
                    # "Kharkiv was shelled by Russian forces": the town hit
                    add(hit, child)
                    continue
                # "Indian missiles had hit a mosque in Bahawalpur": the weapon carries none,
                # but "strikes on Rafah killed ..." does
                if child.lemma_.lower() in ATTACK:
                    self._walk(child, trigger, INSIDE, depth + 1, found)
            elif dep in {"nsubj", "nsubjpass"} and is_head and _located_subject(child):
                # "police in Istanbul rounded up ...", "students in Dhaka demonstrated":
                # where the doers are is where they act
                for mod in child.children:
                    if mod.dep_ == "prep" and mod.lower_ in {"in", "inside"}:
                        for obj in mod.children:
                            if obj.dep_ == "pobj":
                                add(self.place_of(obj), obj, INSIDE)
            elif dep in {"nsubj", "nsubjpass"} and is_head:
                # "ministers meeting in Luxembourg adopted ..."
                for acl in child.children:
                    if acl.dep_ == "acl" and acl.lemma_.lower() in GATHERING:
                        self._walk(acl, trigger, FRAME, depth + 1, found)
                if child.lower_ in {"meeting", "gathering"}:
                    # the same, parsed as "ministers meeting" (a noun) in Luxembourg
                    self._walk(child, trigger, FRAME, depth + 1, found)
            elif dep == "acl" and child.tag_ in {"VBN", "VBG"}:
                # "the agreement signed in Istanbul", "a summit held in Vilnius"
                self._walk(child, trigger, max(rank, INSIDE), depth + 1, found)
            elif dep == "advcl" and is_head and child.tag_ in {"VBG", "VBN"}:
                # "Speaking in Washington, Blinken accused ...", "Arriving in Kyiv, ..."
                if not any(
                    m.dep_ in {"mark", "prep", "advmod"}
                    and m.lower_ in BEFORE
                    or m.dep_ in {"nsubj", "nsubjpass"}  # "after a Koran was burned in ..."
                    for m in child.children
                ):
                    self._walk(child, trigger, FRAME, depth + 1, found)
            elif dep in {"compound", "amod"} and is_head and attacking and node.pos_ == "NOUN":
                # "the Kharkiv strike", "a drone attack on Moscow" stays with "on"
                place = self.at.get(child.i)
                if place is not None and place.precision != "country":
                    add(_for_event(place, place.text, place.start, place.end), child, 1)

    def _named_after(self, forum: Token) -> Place | None:
        """The city a forum is named after: "the Munich Security Conference", "the Kazan
        summit"."""
        for token in forum.subtree:
            if token.i >= forum.i:
                break
            if token.dep_ in {"compound", "nmod", "amod"} and token.pos_ == "PROPN":
                place = self.venue_at.get(token.i) or self.at.get(token.i) or _city(token)
                if place is not None and place.precision in {"city", "site"}:
                    return _for_event(place, place.text, place.start, place.end)
        venue = self.venue_at.get(forum.i)
        return venue

    def _forum_place(self, forum: Token) -> Place | None:
        """Where the article puts a forum it names: "the summit in Kazan", "the Kazan
        summit"."""
        for prep in forum.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        place = self.place_of(obj)
                        if place is not None and place.precision != "country":
                            return place
        return self._named_after(forum)

    # -- the article ---------------------------------------------------------------------
    def _dateline(self) -> Place | None:
        """The town of a dateline: "MOSCOW —", "KYIV, Ukraine (AP) —", "NEW DELHI, June 5
        (Reuters) -"."""
        doc = self.doc
        first = next((t for t in doc if not t.is_space), None)
        if first is None:
            return None
        place = self.at.get(first.i)
        if place is None or place.precision != "city" or place.start != first.idx:
            return None
        caps = place.text.isupper()
        for token in doc[first.i : first.i + 14]:
            if token.pos_ in {"VERB", "AUX"} or "\n" in token.text:
                return None
            if token.text == "(":
                caps = True
            if token.text in DASHES and caps:
                return place
        return None

    def fallback(self, trigger: Token) -> Place | None:
        """Where the article puts an event its clause does not place: the forum it is
        held at, the destination last reached before it, else the dateline."""
        forum = self._forum_of(trigger)
        if forum is not None:
            return replace(forum, basis="forum")
        before = [place for i, place in self.destinations if i < trigger.i]
        if before:
            return replace(before[-1], basis="article")
        if self.dateline is not None:
            return replace(
                _for_event(
                    self.dateline, self.dateline.text, self.dateline.start, self.dateline.end
                ),
                basis="dateline",
            )
        return None

    def _forum_of(self, trigger: Token) -> Place | None:
        """The place of the forum the predicate is at ("on the sidelines of the SCO
        summit"), where the article places that forum elsewhere ("the summit in Astana")."""
        nouns = [
            t
            for t in _clause_tokens(trigger)
            if t.lemma_.lower() in FORUM_NOUNS and t.i != trigger.i and t.dep_ == "pobj"
        ]
        for noun in nouns:
            lemma = noun.lemma_.lower()
            names = {t.lower_ for t in noun.subtree if t.i < noun.i and t.pos_ == "PROPN"}
            same = [
                (token, place)
                for token, place in self.forums
                if token.lemma_.lower() == lemma
                and (not names or names & {t.lower_ for t in token.subtree if t.i < token.i})
            ]
            if same:
                return same[0][1]
        return None


# Articles whose places are built and whose actors are still alive; the places live on
# the actors object itself, so they go with it (a module-level cache keyed by the actors
# once kept every parsed article alive).
_CACHE: weakref.WeakSet[ArticleActors] = weakref.WeakSet()


def article_places(actors: ArticleActors) -> ArticlePlaces:
    """The article's places, built once per article (per ``ArticleActors``)."""
    found: ArticlePlaces | None = getattr(actors, "places", None)
    if found is None:
        found = ArticlePlaces(actors.doc, actors)
        actors.places = found
        _CACHE.add(actors)
    return found


PRECISION_RANK = {"site": 0, "city": 0, "admin": 1, "area": 2, "country": 3}


def _finer(place: Place, than: Place) -> bool:
    return PRECISION_RANK.get(place.precision or "", 0) < PRECISION_RANK.get(
        than.precision or "", 0
    )


def _city(token: Token) -> Place | None:
    """A city of the gazetteer by its own name and big enough not to be a word by chance
    ("Munich" in "the Munich Security Conference")."""
    found = [
        e
        for e in gazetteer().lookup(token.text)
        if e.kind in {"city", "capital"} and e.main and e.population >= NAMED_AFTER_POPULATION
    ]
    best = max(found, key=lambda e: e.population, default=None)
    if best is None:
        return None
    return best.place(text=token.text, start=token.idx, end=token.idx + len(token.text))


def _forum_phrase(token: Token) -> bool:
    """ "talks", "four days of talks": a forum, or a time spent in one."""
    if token.lemma_.lower() in FORUM_NOUNS or token.lower_ in FORUM_NOUNS:
        return True
    return any(
        obj.lemma_.lower() in FORUM_NOUNS or obj.lower_ in FORUM_NOUNS
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    )


def _phrase(token: Token) -> list[Token]:
    """The noun phrase of ``token`` without its prepositional and clausal modifiers:
    "Pakistan and Pakistan-administered Kashmir", not "Rafah in the Gaza Strip"."""
    out = []
    stack = [c for c in token.children if c.dep_ not in {"prep", "relcl", "acl", "appos"}]
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(c for c in child.children if c.dep_ not in {"prep", "relcl", "acl"})
    return out


def _clause_tokens(head: Token) -> list[Token]:
    """The tokens of ``head``'s phrase, without the clauses it embeds."""
    out = [head]
    stack = [c for c in head.children if c.dep_ not in OTHER_CLAUSE]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in OTHER_CLAUSE)
    return sorted(out, key=lambda t: t.i)


def _remote(trigger: Token, support: Token | None) -> bool:
    """An exchange by phone or video happens nowhere: "spoke by phone", "a video call"."""
    nodes = [trigger] + ([support] if support is not None else [])
    if trigger.dep_ in {"pobj", "dobj"}:
        nodes.append(trigger.head)
    return any(t.lower_ in REMOTE for node in nodes for t in _clause_tokens(node))


def _main_clause(token: Token) -> bool:
    """A movement the article reports as done, not framed by another one ("after his
    trip to Moscow") nor inside a relative clause."""
    node = token
    while node.dep_ != "ROOT" and node.head != node:
        if node.dep_ in {"advcl", "relcl", "acl", "xcomp", "csubj", "amod", "compound"}:
            return False
        if node.dep_ == "pobj" and node.head.lower_ not in {"on", "for", "during"}:
            return False
        node = node.head
    return True


def _irrealis(token: Token) -> bool:
    """ "will travel", "did not visit", "could visit"."""
    return any(
        c.dep_ in {"aux", "neg"}
        and c.lower_ in {"will", "would", "could", "may", "might", "should", "not", "n't", "'ll"}
        for c in token.children
    )


def _country_or_capital(place: Place, token: Token, actors: ArticleActors) -> bool:
    """A country or a capital the knowledge base reads as a government: after "at", a
    target of words ("lashed out at Beijing"), not a place."""
    if place.precision == "country":
        return True
    match = actors.matches.get(token.i)
    return match is not None and any(e.kind in {"capital", "country"} for e in match.entries)


def nowhere() -> Place:
    """What a phone or video exchange is placed at: a marker (basis "remote") that tells
    the events stage to give the event no place, whatever its other mentions say."""
    return Place(name="", country=None, geonameid=None, lat=None, lon=None, basis="remote")


# Verbs of "on what X said were ...": the object named is in the clause
NAMING_VERBS = frozenset({"say", "describe", "call", "claim", "believe", "identify"})


def _located_at(token: Token) -> bool:
    """A name after "in", "at", "near" ... (or coordinated with one): a place one is at,
    not a person or a government ("Imamoglu", "Tehran's attack")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in AT_PREPS


def _in_other_clause(token: Token, trigger: Token, support: Token | None) -> bool:
    """Whether a word sits in a clause with a subject of its own ("after a Koran was
    burned in Stockholm"), which tells another event."""
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb in (trigger, support):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _located_subject(subject: Token) -> bool:
    """A subject placed by its own "in" phrase, not a gathering ("police in Istanbul")."""
    return (
        subject.pos_ in {"NOUN", "PROPN"}
        and any(c.dep_ == "prep" and c.lower_ in {"in", "inside"} for c in subject.children)
        and not any(c.dep_ == "acl" for c in subject.children)
    )


def _what_was_said(prep: Token) -> list[Token]:
    """ "strikes on what it said were militant hideouts inside Afghanistan": the
    hideouts."""
    return [
        attr
        for verb in prep.children
        if verb.dep_ == "pcomp" and verb.lemma_.lower() in NAMING_VERBS
        for clause in verb.children
        if clause.dep_ in {"ccomp", "xcomp"}
        for attr in clause.children
        if attr.dep_ in {"attr", "oprd"}
    ]


def event_place(
    trigger: Token,
    support: Token | None,
    actors: ArticleActors,
    context_codes: list[str] | None = None,
    *,
    parties: frozenset[str] = frozenset(),
) -> Place | None:
    """Where the event happened: a place its own clause names (basis "clause"), else
    where the article puts it (basis "forum", "article" or "dateline", for the events
    stage to accept or not), else None; ``nowhere()`` for a phone or video call.
    ``context_codes`` is accepted for compatibility: the toponym stage already resolves
    names with the whole article as context."""
    del context_codes
    if _remote(trigger, support):
        return nowhere()
    places = article_places(actors)
    place = places.clause_place(trigger, support)
    if place is not None:
        return replace(place, basis=place.basis if place.basis == "frame" else "clause")
    if parties:
        # "Egypt's president received Abbas, who arrived in Cairo on Sunday": the one town
        # the sentence names, in a party's own country
        doc = trigger.doc
        towns = {
            p.name: p
            for i, p in places.at.items()
            if trigger.sent.start <= i < trigger.sent.end
            and p.precision == "city"
            and p.country in parties
            # a town one is in, not a capital standing for its government ("Tehran's")
            and _located_at(doc[i])
            and not _in_other_clause(doc[i], trigger, support)
        }
        if len(towns) == 1:
            return replace(next(iter(towns.values())), basis="clause")
    return places.fallback(trigger)


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
