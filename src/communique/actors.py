"""Actor resolution: noun phrases in a parsed article -> Entities with country or
organisation, sector, role and, where known, the person.

An ``ArticleActors`` is built once per Doc: it marks every knowledge-base phrase in the
text (longest match first) and keeps a register of the people named in full, so that
"Mr. Singh" or a bare "Khrenin" later in the article resolve to the earlier full
mention. ``resolve(head)`` then turns the phrase headed by a token into Entities, one per
coordinated conjunct ("India and Belarus" -> two).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from communique.knowledge import FAMILY_NAME_FIRST, Entry, KnowledgeBase, Person, norm, prefix
from communique.records import Entity

# Left dependents that belong to an actor phrase ("Indian Defence Minister Rajnath Singh").
PHRASE_DEPS = {"compound", "amod", "poss", "det", "nmod", "case", "punct", "nummod", "quantmod"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen", "gen.", "president"}
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "we", "i", "you", "who", "which"}
# Pronouns that refer back to the last person named ("during his state visit").
PERSONAL = {"he", "she", "him", "her", "his", "hers"}
# Pronouns that stand for a state or an organisation named in the clause above.
INSTITUTIONAL = {"it", "its", "they", "them", "their"}
# How a clause hangs from the verb whose subject its pronoun may take.
CLAUSE_LINKS = {"ccomp", "xcomp", "advcl", "conj", "acomp"}
# How many sentences back a pronoun may reach for its person.
PRONOUN_REACH = 2
COUNTERPART = "counterpart"
ANAPHOR = "anaphor:parties"
# Words that make an office-holder a former one (PLOVER sector ELI).
FORMER = {"former", "ousted", "ex", "ex-", "deposed", "exiled"}
# Heads that stand for the people "of" someone: "a group of Moroccan diplomats".
# Prepositions that place a group in a country: "police in Lagos", "students from Iran".
# A city the tagger missed is read as one only from this size up: the smaller a town,
# the likelier its name is someone's
MIN_UNTAGGED_CITY = 20_000
# Verbs whose object is a place rather than a person, for a city tagged as a person
PLACE_VERBS = frozenset(
    {
        "strike",
        "hit",
        "shell",
        "bomb",
        "attack",
        "pound",
        "target",
        "capture",
        "seize",
        "recapture",
        "retake",
        "take",
        "liberate",
        "encircle",
        "besiege",
        "storm",
        "raid",
        "enter",
        "overrun",
        "occupy",
        "evacuate",
        "bombard",
        "blockade",
        "surround",
        "visit",
        "tour",
    }
)
LOCATING_PREPS = frozenset({"in", "from", "throughout", "across", "inside"})
# ... and where an ethnic community lives: "Albanians in / of southern Serbia"
COMMUNITY_PREPS = frozenset({"in", "of", "throughout", "across", "inside"})
COLLECTIVES = {
    "thousand",
    "hundred",
    "million",
    "ten",
    "tens",
    "score",
    "scores",
    "group",
    "delegation",
    "team",
    "member",
    "number",
    "some",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "contingent",
    "unit",
    "couple",
    "pair",
}
# Forces named by the state that leads them: "the Saudi-led coalition"
LED_FORCES = frozenset({"coalition", "force", "forces", "intervention", "operation", "campaign"})
# What a region's organisation acts through: "West African leaders", "Arab states"
# Nouns that count what was fired, whose "of" is the party: "a barrage of Russian missiles"
VOLLEYS = frozenset({"barrage", "salvo", "volley", "wave", "swarm", "hail", "series", "flurry"})
REGION_COLLECTIVES = frozenset(
    {"leader", "state", "nation", "country", "government", "head", "minister", "president"}
)
# A region's organisation named as one body: "the West African bloc"
REGION_BODIES = frozenset({"bloc", "alliance", "grouping"})
# "a Liberian-flagged tanker", "a Greek-owned ship": the nationality makes it a party's
FLAGGED = frozenset({"flag", "flagged", "own", "owned", "register", "registered"})
# Phrases that stand for the parties already in context ("the two countries").
PARTY_ANAPHORS = {
    "both countries",
    "the two countries",
    "both sides",
    "the two sides",
    "the two nations",
    "both nations",
    "the two leaders",
    "both leaders",
    "the two ministers",
    "both ministers",
    "the two",
}


# Participles that tie people or firms to a party: "individuals linked to Hezbollah", "a
# suspect wanted by Turkey"
# Entity labels of an amount whose "of" holds what it is: "6 billion euros of funding
# for Hungary"
MEASURES = frozenset({"MONEY", "QUANTITY", "CARDINAL", "PERCENT"})
# Whose a thing is, said with a hyphen: "an Israeli-linked ship", "a Liberian-flagged tanker"
OWNED = frozenset({"link", "own", "flag", "tie", "connect", "operate", "register"})
TIES = frozenset(
    {"link", "tie", "connect", "affiliate", "associate", "want", "back", "sponsor", "own"}
)


@dataclass(slots=True)
class Match:
    start: int  # token index
    end: int  # exclusive
    entries: list[Entry]


# Names of international bodies that states give their own bodies too: with a country
# before them ("Russia's Security Council") they are that country's
NATIONAL_BODIES = frozenset({"security council"})


# Nouns that name a party by its relation to another: "Israel's ally" is not Israel
RELATIONAL_NOUNS = frozenset(
    {"ally", "neighbour", "neighbor", "rival", "adversary", "foe", "enemy", "opponent"}
)


class ArticleActors:
    """Per-article actor state: phrase matches and the register of people named."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, published: date | None) -> None:
        self.doc = doc
        self.kb = kb
        self.published = published
        self.places: Any = None  # the article's places (places.article_places), once built
        self.matches: dict[int, Match] = {}
        self._match_phrases()
        self.register: dict[str, Entity] = {}
        self._register_people()
        # parties of the most-mentioned dyad so far, for "the two countries"
        self.context_parties: list[Entity] = []
        self._dyads: Counter[frozenset[str]] = Counter()

    def note_parties(self, parties: list[Entity]) -> None:
        """Remember an event's parties; "the two countries" means the article's main dyad."""
        codes = frozenset(e.code for e in parties if e.code)
        if len(codes) < 2:
            return
        self._dyads[codes] += 1
        if not self.context_parties or self._dyads[codes] >= max(self._dyads.values()):
            self.context_parties = parties

    # -- article-level passes -------------------------------------------------------------
    def _match_phrases(self) -> None:
        """Mark knowledge-base phrases, longest first, looking up only spans whose first
        word starts some phrase."""
        doc, kb = self.doc, self.kb
        text = doc.text
        starts = [t.idx for t in doc]
        ends = [t.idx + len(t.text) for t in doc]
        i = 0
        while i < len(doc):
            longest = kb.prefixes.get(prefix(doc[i].text))
            if not longest:
                i += 1
                continue
            j = i
            while j + 1 < len(doc) and ends[j + 1] - starts[i] <= longest + 2:
                j += 1
            found = None
            for k in range(j, i - 1, -1):
                entries = [
                    e for e in kb.lookup(text[starts[i] : ends[k]]) if e.valid_on(self.published)
                ]
                if entries and not (k == i and _is_common_word(doc[i], entries)):
                    found = Match(i, k + 1, entries)
                    break
            if found and (
                allegiance(doc[i])
                or _area_adjective(doc[i])
                or _provenance(doc[found.end - 1])
                or _dissolved(doc, found)
            ):
                # "pro-Russian separatists", "an anti-Syria journalist": a side taken,
                # not the party's country or office
                i = found.end
            elif found:
                for k in range(found.start, found.end):
                    self.matches[k] = found
                i = found.end
            else:
                i += 1

    def _register_people(self) -> None:
        """Every person named in full, by surname, for "Mr. Singh" and bare surnames."""
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            entity = self._person_entity(ent, code_hint=None)
            if entity is None:
                # not in the knowledge base: what its own phrase says ("Indian Defence
                # Minister Rajnath Singh") is what later "Mr. Singh" means
                entity = self.resolve_span(self.phrase(ent.root))
                if entity is None or entity.code is None:
                    continue
                entity.name = entity.name or ent.text
            surname = norm(ent[-1].text)
            self.register.setdefault(surname, entity)
        self.people_at: list[tuple[int, Entity]] = []
        for ent in self.doc.ents:
            if ent.label_ == "PERSON":
                found = self._person_entity(ent, code_hint=None)
                if found is not None and found.code:
                    self.people_at.append((ent.start, found))

    # -- resolution -------------------------------------------------------------------------
    def resolve(self, head: Token) -> list[Entity]:
        """Entities for the phrase headed by ``head`` and its coordinated conjuncts."""
        found: list[Entity] = []
        for conjunct in _conjuncts(head):
            if conjunct.lemma_.lower() in COLLECTIVES | VOLLEYS:
                # "a group of Moroccan diplomats", "members of the Security Council"
                of = [
                    g
                    for c in conjunct.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                if of:
                    found.extend(self.resolve(of[0]))
                    continue
            if conjunct.lemma_.lower() in MEMBERSHIPS and any(
                c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for c in conjunct.children
            ):
                # "froze its participation in the CSTO": the body it takes part in
                within = [
                    g
                    for c in conjunct.children
                    if c.dep_ == "prep" and c.lower_ in {"in", "with", "of"}
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                if within:
                    found.extend(self.resolve(within[0]))
                    continue
            shared = [p for p in conjunct.children if _possessor(p) and p.conjuncts]
            if shared and (owners := self._role_of(conjunct)) is not None and len(owners) > 1:
                found.extend(owners)  # "Greece and Turkey's leaders"
                continue
            if conjunct.pos_ == "NOUN" and conjunct.lemma_.lower() in RELATIONAL_NOUNS:
                # "Israel's militia ally", "Iran's neighbours": another party than the one
                # named before it; only an apposition says which ("its ally Belarus")
                found.extend(
                    e for a in conjunct.children if a.dep_ == "appos" for e in self.resolve(a)
                )
                continue
            leader = self._led_by(conjunct)
            if leader is not None:
                found.append(leader)  # "the Saudi-led coalition", "US-led coalition jets"
                continue
            entity = self.resolve_one(conjunct)
            if entity is None and (state := self._own_country(conjunct)) is not None:
                found.append(state)  # "his country had frozen ...": the speaker's state
                continue
            if entity is None and conjunct.ent_type_ == "PERSON":
                # "Milos Vystrcil, the president of the Czech Senate, ...": a person the
                # knowledge base lacks is who the apposition says
                described = [
                    e for a in conjunct.children if a.dep_ == "appos" for e in self.resolve(a)
                ]
                if described:
                    found.extend(described)
                    continue
            if entity is not None and not (entity.code or entity.org):
                entity = self._as_role(conjunct, entity)
            bare = entity is None or not (entity.code or entity.org or entity.name)
            if bare and (of_whom := self._role_of(conjunct)) is not None:
                found.extend(of_whom)  # "the navies of India and Japan"
            elif entity is not None:
                found.extend(self._split_nationalities(conjunct, entity))
        return found

    def _role_of(self, head: Token) -> list[Entity] | None:
        """A role held for the states or bodies named after "of": "the navies of India,
        Japan and Australia", "the foreign ministers of India and Pakistan"."""
        match = self.matches.get(head.i)
        role = next((e for e in match.entries if e.kind == "role"), None) if match else None
        if role is None:
            return None
        heads = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        # "Greece and Turkey's leaders": owners coordinated in the possessive
        heads += [p for p in head.children if _possessor(p) and p.conjuncts]
        owners = [
            e
            for g in heads
            for e in self.resolve(g)
            # "the navies of India and Japan"; "the president of the Czech Senate"
            if e.code and e.name is None and (e.role is None or e.role in HOUSES)
        ]
        return [
            Entity(
                e.entity_text,
                e.start,
                e.end,
                code=e.code,
                org=e.org,
                sector=role.sector or e.sector,
                role=role.role,
            )
            for e in owners
        ] or None

    def resolve_within(self, head: Token, depth: int = 1) -> list[Entity]:
        """Actors a non-actor phrase is about: "Haiti's efforts", "US mediation", "the
        mandate of UNIFIL", "6 billion euros of funding for Hungary", "individuals linked
        to Hezbollah", "a suspect wanted by Turkey". Used for targets of directed
        events."""
        found = self.resolve(head)
        if found or (head.pos_ == "NOUN" and head.lemma_.lower() in RELATIONAL_NOUNS):
            return found
        for child in head.children:
            if child.dep_ == "compound" and child.ent_type_ == "PERSON" and head.pos_ == "NOUN":
                continue  # "the Nasser hospital complex" is named after him, not his
            if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.i < head.i:
                found.extend(self.resolve(child))
                if child.dep_ == "amod" and child.lemma_.lower() in OWNED:
                    # "an Israeli-linked container ship", "a Greek-owned tanker"
                    found.extend(
                        e
                        for c in child.children
                        if c.dep_ in {"amod", "npadvmod", "compound", "nmod"} and c.i < child.i
                        for e in self.resolve(c)
                    )
            elif child.dep_ == "prep" and child.lower_ in {"of", "for"}:
                # "the mandate of UNIFIL", "a camp for Congolese refugees"
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        measure = head.ent_type_ in MEASURES and child.lower_ == "of"
                        found.extend(
                            self.resolve_within(grand, 0)
                            if depth and measure
                            else self.resolve(grand)
                        )
            elif (
                depth
                and child.dep_ == "acl"
                and child.tag_ == "VBN"
                and child.lemma_.lower() in TIES
                and head.pos_ in {"NOUN", "PROPN"}
            ):
                # "12 individuals linked to Hezbollah's network": whom they belong to
                for prep in child.children:
                    if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"to", "with", "by"}:
                        for grand in prep.children:
                            if grand.dep_ == "pobj":
                                found.extend(self.resolve_within(grand, 0))
        return found

    def _split_nationalities(self, head: Token, entity: Entity) -> list[Entity]:
        """ "Hungarian and Romanian officials" are two parties, one per nationality."""
        codes = [entity.code]
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "from" and entity.role:
                # "diplomats from Qatar, Egypt and the United States"
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    for conj in obj.conjuncts:
                        match = self.matches.get(conj.i)
                        entry = _pick(match.entries) if match is not None else None
                        if (
                            entry is not None
                            and entry.kind == "country"
                            and entry.code
                            and entry.code not in codes
                        ):
                            codes.append(entry.code)
            if child.dep_ in {"amod", "compound"} and child.i < head.i:
                if _hyphen_pair(child, head) and entity.name is None:
                    # "US-China talks", "the India-Pakistan border": two parties
                    for end in (child, head):
                        match = self.matches.get(end.i)
                        entry = _pick(match.entries) if match is not None else None
                        if (
                            entry is not None
                            and entry.kind in {"country", "capital", "adjective"}
                            and entry.code
                            and entry.code not in codes
                        ):
                            codes.append(entry.code)
                for conj in child.conjuncts:
                    match = self.matches.get(conj.i)
                    if match is None:
                        continue
                    entry = _pick(match.entries)
                    if entry.kind in {"country", "adjective"} and entry.code not in codes:
                        codes.append(entry.code)
        # "Egyptian and Sudanese air forces" parsed as two modifiers of "forces", no conj
        modifiers = [c for c in head.children if c.dep_ in {"amod", "compound"} and c.i < head.i]
        for left, right in zip(modifiers, modifiers[1:], strict=False):
            if not any(t.lower_ == "and" for t in head.doc[left.i + 1 : right.i]):
                continue
            for end in (left, right):
                match = self.matches.get(end.i)
                entry = _pick(match.entries) if match is not None else None
                if (
                    entry is not None
                    and entry.kind in {"country", "adjective"}
                    and entry.code
                    and entry.code not in codes
                ):
                    codes.append(entry.code)
        if len(codes) == 1 or (entity.name and head.tag_ not in {"NNS", "NNPS"}):
            return [entity]
        # "the Israeli and Egyptian foreign ministers": one holder each, not the first's
        return [
            Entity(
                entity.entity_text,
                entity.start,
                entity.end,
                code=code,
                sector=entity.sector,
                role=entity.role,
            )
            for code in codes
        ]

    def _as_role(self, head: Token, entity: Entity) -> Entity:
        """A person the knowledge base lacks, named "as" a role: "recognised Juan Guaido
        as Venezuela's interim president" is Venezuela's."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                role = next((e for e in self.resolve(obj) if e.code), None)
                if role is not None:
                    return dataclasses.replace(
                        entity, code=role.code, role=role.role, sector=role.sector
                    )
        return entity

    def _led_by(self, head: Token) -> Entity | None:
        """The state leading a military coalition: "the Saudi-led coalition", "US-led
        coalition jets" (PLOVER codes such a force by its lead state)."""
        nouns = [head] + [c for c in head.children if c.dep_ == "compound"]
        for noun in nouns:
            if noun.lemma_.lower() not in LED_FORCES:
                continue
            for led in [*noun.children, *(head.children if noun is not head else ())]:
                if led.dep_ != "amod" or led.lemma_.lower() != "lead":
                    continue
                for by in led.children:
                    if by.dep_ in {"npadvmod", "compound", "nmod", "amod", "advmod"}:
                        entity = self.resolve_one(by)
                        if entity is not None and entity.code and not entity.org:
                            span = head.doc[noun.left_edge.i : head.i + 1]
                            return Entity(
                                span.text,
                                span.start_char,
                                span.end_char,
                                code=entity.code,
                                sector="MIL",
                            )
        return None

    def resolve_one(self, head: Token, *, bare_roles: bool = False) -> Entity | None:
        if head.lower_ in PERSONAL:
            return self._antecedent(head)
        if head.lower_ in INSTITUTIONAL:
            return self._clause_antecedent(head)
        if head.lower_ in PRONOUNS:
            return None
        span = self.phrase(head)
        text = norm(span.text)
        if text in PARTY_ANAPHORS:
            return Entity(span.text, span.start_char, span.end_char, role=ANAPHOR)
        if not self._is_actor_head(span.root):
            return None  # "India's national interests" names India, but is not an actor
        entity = self.resolve_span(span, bare_roles=bare_roles)
        if entity is None and head.ent_type_ == "PERSON":
            entity = self._described(head)
        if entity is not None and entity.code and entity.name and " " in entity.name:
            # learnt from context ("his Belarusian counterpart, Viktor Khrenin"): later
            # "Mr. Khrenin" is the same person
            words = norm(entity.name).split(" ")
            keys = [words[-1]] + ([words[0]] if entity.code in FAMILY_NAME_FIRST else [])
            for surname in keys:
                known = self.register.get(surname)
                if known is None or known.code is None:
                    self.register[surname] = entity
        return entity

    def _described(self, head: Token) -> Entity | None:
        """A person the knowledge base does not know, described by an apposition: "Jan
        Novak, Slovakia's leading rights activist" is a Slovak activist named Jan Novak."""
        for appos in (c for c in head.children if c.dep_ == "appos"):
            described = self.resolve_span(self.phrase(appos))
            if described is not None and described.code and described.name is None:
                ent = _entity_of(head)
                span = (
                    self.doc[ent.start : ent.end]
                    if ent is not None
                    else self.doc[head.i : head.i + 1]
                )
                described.name = span.text
                described.entity_text = span.text
                described.start, described.end = span.start_char, span.end_char
                return described
        return None

    def _clause_antecedent(self, pronoun: Token) -> Entity | None:
        """What "it"/"they" stands for when the clause above names it: the subject of the
        clause ("Syria withdrew its troops"), or of the verb that governs the clause
        ("Switzerland said it had expelled", "the rebels said they would free"). Number
        must agree: "it" takes a singular subject, "they" a plural or coordinated one."""
        plural = pronoun.lower_ in {"they", "them", "their"}
        verb = pronoun.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        own = pronoun.dep_ in {"nsubj", "nsubjpass"} and pronoun.head == verb
        levels = [verb.head] if own and verb.dep_ in CLAUSE_LINKS else [verb]
        if not own and verb.dep_ in CLAUSE_LINKS:
            levels.append(verb.head)
        for level in levels:
            for subject in (c for c in level.children if c.dep_ in {"nsubj", "nsubjpass"}):
                if subject.i >= pronoun.i or subject.lower_ in PERSONAL | PRONOUNS:
                    continue
                many = subject.tag_ in {"NNS", "NNPS"} or any(
                    c.dep_ == "conj" for c in subject.children
                )
                if many != plural and not (plural and subject.ent_type_ in {"ORG", "NORP"}):
                    continue
                found = self.resolve_span(self.phrase(subject))
                if found is not None and found.code:
                    found.entity_text = pronoun.text
                    found.start, found.end = pronoun.idx, pronoun.idx + len(pronoun.text)
                    return found
        return None

    def _own_country(self, head: Token) -> Entity | None:
        """ "his country", "her nation": the state of the person the pronoun stands for;
        "the Israeli military said its jets had struck ...": the speaker's forces."""
        lemma = head.lemma_.lower()
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        forces = lemma in OWN_FORCES and owner.lower_ in {"its", "their"}
        agents = lemma in OWN_AGENTS and owner.lower_ in {"its", "their"}
        if not (forces or agents) and (
            lemma not in {"country", "nation"} or owner.lower_ not in {"his", "her"}
        ):
            return None
        person = None if forces or agents else self._antecedent(owner)
        if person is None and not (forces or agents):
            # "Sweden's prime minister thanked Hungary for ratifying his country's bid":
            # the office-holder who is the subject of the clause the phrase hangs in
            person = self._office_subject(head)
        if person is None and head.head.dep_ == "ccomp":
            # "Armenia's prime minister said his country had ...", "the Kremlin said its
            # envoy had met ...": the speaker
            speakers = [c for c in head.head.head.children if c.dep_ == "nsubj"]
            person = self.resolve_one(speakers[0]) if speakers else None
            if person is not None and not (person.role or person.name or forces or agents):
                person = None
        if person is None or not person.code:
            return None
        span = self.phrase(head)
        sector = "MIL" if forces else "GOV"
        return Entity(span.text, span.start_char, span.end_char, code=person.code, sector=sector)

    def _office_subject(self, head: Token) -> Entity | None:
        """The subject of the nearest clause above ``head`` that names an office-holder of
        a state ("Sweden's prime minister"), climbing through prepositions and verb
        complements."""
        node = head
        for _ in range(8):
            if node.head == node:
                break
            node = node.head
            if node.pos_ not in {"VERB", "AUX"}:
                continue
            for subj in (c for c in node.children if c.dep_ == "nsubj"):
                found = self.resolve_one(subj)
                if found is not None and found.code and found.role and found.sector == "GOV":
                    return found
            if node.dep_ not in {"pcomp", "xcomp", "advcl"}:
                break
        return None

    def _antecedent(self, pronoun: Token) -> Entity | None:
        """Who a personal pronoun stands for: the person who is the subject of its clause
        ("X met Y during his visit" -> X), else the last person named before it, within a
        couple of sentences."""
        verb = pronoun.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        levels = [verb]
        if pronoun.dep_ in {"nsubj", "nsubjpass"} and verb.dep_ in CLAUSE_LINKS | {"relcl"}:
            # "Kim met Putin when he travelled to Russia", "... in 2023, when he
            # travelled": the subject of the clause above, not the last name read
            above = verb.head
            while above.pos_ not in {"VERB", "AUX"} and above.head != above:
                above = above.head
            levels = [above, verb]
        subjects = [c for v in levels for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for subject in subjects:
            if subject.i < pronoun.i and subject.lower_ not in PERSONAL | PRONOUNS:
                found = self.resolve_span(self.phrase(subject))
                if found is not None and found.name and found.code:
                    found.entity_text = pronoun.text
                    found.start, found.end = pronoun.idx, pronoun.idx + len(pronoun.text)
                    return found
        sent_starts = [s.start for s in self.doc.sents]
        here = sum(1 for start in sent_starts if start <= pronoun.i)
        for at, person in reversed(self.people_at):
            if at >= pronoun.i:
                continue
            there = sum(1 for start in sent_starts if start <= at)
            if here - there > PRONOUN_REACH:
                return None
            return Entity(
                pronoun.text,
                pronoun.idx,
                pronoun.idx + len(pronoun.text),
                name=person.name,
                code=person.code,
                org=person.org,
                sector=person.sector,
                role=person.role,
                identifier=person.identifier,
            )
        return None

    def _is_actor_head(self, head: Token) -> bool:
        """Whether a phrase headed here can be an actor: a known phrase, a name, or a
        common noun that a nationality or organisation qualifies ("Egyptian warships",
        "UN peacekeepers"); not what a possessive merely owns ("India's interests")."""
        if head.lower_ in WATERS and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children
        ):
            return False  # "seized a tanker in the Gulf of Oman": a sea, not Oman
        if head.i in self.matches or head.ent_type_ or head.pos_ == "PROPN":
            return True
        if _initial_name(self.doc[head.i : head.i + 1]) and self.kb.by_surname(
            head.text, day=self.published, fuzzy=False
        ):
            return True  # "Trump threatened tariffs": a known surname the tagger took as a noun
        if head.pos_ != "NOUN":
            return False
        if self._region(head) is not None:
            return True  # "Gulf states"
        if self._located_in(head) and any(
            child.dep_ == "compound"
            and child.i in self.matches
            and any(e.kind == "role" for e in self.matches[child.i].entries)
            for child in head.lefts
        ):
            return True  # "opposition groups in Zimbabwe"
        # a qualifier of the noun, or of a compound inside it: "Chinese coast guard ship"
        # read as "[Chinese coast guard] ship"
        qualifiers = [
            *head.lefts,
            *(g for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" for g in c.lefts),
        ]
        for child in qualifiers:
            match = self.matches.get(child.i)
            if (
                child.dep_ in {"amod", "compound", "nmod"}
                and match is not None
                and any(e.kind in {"adjective", "country", "org", "group"} for e in match.entries)
            ):
                return True
            if (
                child.dep_ == "amod"
                and child.lemma_.lower() in FLAGGED
                and any(
                    g.i in self.matches
                    and any(e.kind in {"adjective", "country"} for e in self.matches[g.i].entries)
                    for g in child.children
                )
            ):
                return True  # "a Liberian-flagged tanker", "a Greek-owned ship"
        return False

    def expand_anaphor(self, entity: Entity) -> list[Entity]:
        """ "the two countries" -> the parties of the last event with two or more."""
        text = entity.entity_text.lower()
        if any(word in text for word in ("countries", "nations", "sides")):
            return [
                Entity(
                    entity.entity_text,
                    entity.start,
                    entity.end,
                    name=None,
                    code=p.code,
                    org=p.org,
                    sector="GOV" if p.code else p.sector,
                    identifier=f"org:{p.org}" if p.org else None,
                )
                for p in self.context_parties
            ]
        return [
            Entity(
                entity.entity_text,
                entity.start,
                entity.end,
                name=p.name,
                code=p.code,
                org=p.org,
                sector=p.sector,
                role=p.role,
                identifier=p.identifier,
            )
            for p in self.context_parties
        ]

    def phrase(self, head: Token) -> Span:
        """The actor phrase around ``head``: its left modifiers, plus a name in apposition
        right after it ("his Belarusian counterpart, Viktor Khrenin")."""
        start = head.i
        for child in head.lefts:
            if child.dep_ in PHRASE_DEPS or child.ent_type_:
                start = min(start, child.left_edge.i)
        # a whole knowledge-base phrase or named entity stays whole
        for k in (start, head.i):
            if k in self.matches:
                start = min(start, self.matches[k].start)
        if head.ent_iob_ != "O" and head.ent_type_:
            ent = _entity_of(head)
            if ent is not None:
                start = min(start, ent.start)
        end = head.i + 1
        if head.i in self.matches:
            end = max(end, self.matches[head.i].end)
        ent = _entity_of(head)
        if ent is not None and ent.label_ in {"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC"}:
            end = max(end, ent.end)
        while start < head.i and self.doc[start].dep_ == "punct":
            start += 1
        end = self._clip_coordination(head, end)
        end = self._absorb_apposition(start, end)
        while end > start + 1 and (self.doc[end - 1].is_space or self.doc[end - 1].dep_ == "punct"):
            end -= 1  # never end a phrase on a line break or a comma
        while start < end - 1 and self.doc[start].is_space:
            start += 1
        return self.doc[start:end]

    def _clip_coordination(self, head: Token, end: int) -> int:
        """End the phrase before a coordinated name: the tagger may read "Xi and
        Ramaphosa" as one name; a known name with "and" in it ("Trinidad and Tobago")
        stays whole, and left modifiers ("Hungarian and Romanian officials") are kept."""
        match = self.matches.get(head.i)
        inside = range(match.start, match.end) if match is not None else range(0)
        for k in range(head.i + 1, end):
            if self.doc[k].lower_ in {"and", "or", "&"} and k not in inside:
                return k
        return end

    def _absorb_apposition(self, start: int, end: int) -> int:
        """Extend a nameless role phrase over the name right after it, with or without a
        comma: "his Belarusian counterpart(,) Viktor Khrenin"."""
        doc = self.doc
        at = end + 1 if end < len(doc) and doc[end].text == "," else end
        if at >= len(doc):
            return end
        app = _entity_of(doc[at])
        if app is None or app.start != at or app.label_ != "PERSON":
            return end
        if any(t.ent_type_ == "PERSON" for t in doc[start:end]):
            return end
        if (
            app.end < len(doc)
            and doc[app.end].text not in {",", ".", ")", ";"}
            and not doc[app.end].is_sent_start
            and at != end
        ):
            return end
        return app.end

    def resolve_span(self, span: Span, *, bare_roles: bool = False) -> Entity | None:
        """Resolve one phrase; None when it names no political actor."""
        code: str | None = None
        org: str | None = None
        sector: str | None = None
        role: str | None = None
        name: str | None = None
        identifier: str | None = None
        nationality: str | None = None
        head_kind: str | None = None
        seen: set[int] = set()
        head_match = self.matches.get(span.root.i)
        for tok in span:
            match = self.matches.get(tok.i)
            if match is None or id(match) in seen:
                continue
            seen.add(id(match))
            entry = _pick(match.entries)
            is_head = match.start <= span.root.i < match.end
            if entry.kind in {"country", "adjective", "demonym"}:
                nationality = nationality or entry.code
                if is_head:
                    head_kind = entry.kind
            elif entry.kind in {"capital", "metonym"}:
                nationality = nationality or entry.code
                if is_head:
                    head_kind = entry.kind
                    sector = sector or entry.sector
            elif entry.kind in {"org", "group"}:
                if (
                    not is_head
                    and head_match is not None
                    and head_match is not match
                    and any(e.kind != "role" for e in head_match.entries)
                ):
                    continue  # "NATO-member Norway" is Norway; "NATO chief" is NATO
                if is_head or org is None:
                    code = code or entry.code
                    org = org or entry.org or (entry.name if entry.kind == "org" else None)
                    sector = sector or entry.sector
                    name = name or (entry.name if entry.kind == "group" else None)
                    head_kind = head_kind or entry.kind
            elif entry.kind == "role":
                role = entry.role or role
                # the first specific sector wins: "rebel leaders" are REB, "army
                # officers" MIL, while a GOV title yields to what qualifies it
                if entry.sector and (sector is None or sector == "GOV"):
                    sector = entry.sector
            elif entry.kind == "person" and entry.person is not None:
                person_entity = self._from_person(entry.person, span)
                name, identifier = person_entity.name, person_entity.identifier
                code = code or person_entity.code
                org = org or person_entity.org
                role = role or person_entity.role
                sector = sector or person_entity.sector
        if name is None:
            for ent in span.ents:
                if _named_after(ent, span, self.matches):
                    continue  # "the Nasser hospital complex" is a place named after him
                if ent.label_ == "PERSON" and not self._nationality_only(ent):
                    city = len(ent) == 1 and ent.root == span.root and self._untagged_city(span)
                    # "rebels seized Goma": the city, not a former prime minister Goma
                    found = None if city else self._person_entity(ent, code_hint=nationality)
                    if found is not None:
                        name, identifier = found.name, found.identifier
                        code = code or found.code
                        role = role or found.role
                        sector = sector or found.sector
                    elif not _capitalised_modifier(ent, span) and not (
                        city or (ent.root == span.root and self._untagged_city(span))
                    ):
                        name = ent.text  # not a city taken for a person: "struck Kharkiv"
                    break
        if name is None and span.root.text[:1].isupper() and span.root.i not in self.matches:
            known = self.register.get(norm(span.root.text))
            if (
                known is None
                and (span.root.pos_ == "PROPN" or _initial_name(span))
                and span.root.ent_type_ != "NORP"  # "a Christian missionary"
                and not _is_city(span.root.text)
                and not _hyphen_bound(span.root)  # "Mazar-i-Sharif" is no Sharif
                # "Patriot air defence systems", "Leopard tanks": a make, not a person
                and not (span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN")
            ):
                # a near spelling only for what may be a name ("Leopard tanks" is no
                # "Leotard")
                person = self.kb.by_surname(
                    span.root.text,
                    code=nationality,
                    day=self.published,
                    fuzzy=span.root.ent_type_ in {"", "PERSON"}
                    and span.root.pos_ == "PROPN"
                    and not span.root.text.isupper()
                    # a name's first word is no misspelt surname: "the Amber Fort"
                    and span.root.dep_ != "compound",
                )
                known = self._from_person(person, span) if person is not None else None
            if known is not None:
                name, identifier = known.name, known.identifier
                code = code or known.code
                role = role or known.role
                sector = sector or known.sector
        if (
            org is not None
            and nationality is not None
            and head_kind == "org"
            and head_match is not None
            and norm(self.doc[head_match.start : head_match.end].text) in NATIONAL_BODIES
        ):
            # "Russia's Security Council", "Armenia's Security Council": the state's own
            # body of that name, not the UN's
            code, org, sector = nationality, None, "GOV"
        if any(norm(t.text) == COUNTERPART for t in span):
            role = role if name else COUNTERPART
        code = code or nationality
        community = False
        if head_kind == "demonym" and org is None and name is None:
            # "ethnic Albanians in south Serbia", "the Albanians of southern Serbia": an
            # ethnic community is coded by the country it lives in (PLOVER); "ethnic
            # Albanians" alone, by where they act
            home = self._home_of(span.root)
            if home is not None:
                code = home
            elif bare_roles and any(t.lower_ == "ethnic" for t in span):
                code, role, community = None, role or "residents", True
        if code is None and org is None and name is None and not community:
            region = self._region(span.root, span.start)
            if region is not None:
                code, org, sector = region.code, region.org, sector or "GOV"
        if code is None and org is None and name is None and not community:
            code = self._place_country(span)
        if code is None and org is None and name is None and role and not _of_whom(span.root):
            # "security forces in Guinea"; not "the president of Somalia in Addis Ababa",
            # whose "of" says whose president he is
            code = self._located_in(span.root)
        if code and name is None and role and role != COUNTERPART:
            holder = self.kb.office_holder(code, role, self.published, org=org)
            if holder is not None:
                name, identifier = holder.name, holder.identifier
        if sector is None and (org is not None or (code and head_kind in {"country", "capital"})):
            sector = "GOV"  # a state or an intergovernmental body acting as such
        if sector is None and head_kind == "demonym":
            sector = "CVL"  # "Iraqi Kurds", "British nationals": people, not the state
        if any(norm(t.text) in FORMER for t in span):
            sector = "ELI"  # PLOVER: former office-holders are elites
        if code is None and org is None and name is None and not (bare_roles and role):
            return None
        if code is None and org is None and role is None:
            return None  # a name with no political anchor ("a cat named Frank")
        return Entity(
            entity_text=span.text,
            start=span.start_char,
            end=span.end_char,
            name=name,
            code=code,
            org=org,
            sector=sector,
            role=None if role == COUNTERPART and name else role,
            identifier=identifier or (f"org:{org}" if org else None),
        )

    def _nationality_only(self, ent: Span) -> bool:
        """A "PERSON" that is only a nationality word ("Nigerien protesters")."""
        return all(
            t.i in self.matches
            and all(
                e.kind in {"country", "adjective", "demonym"} for e in self.matches[t.i].entries
            )
            for t in ent
        )

    def _region(self, root: Token, start: int = 0) -> Entry | None:
        """ "West African leaders", "Arab states": a region's leaders or states acting
        together are its organisation."""
        plural = root.tag_ in {"NNS", "NNPS"} and root.lemma_.lower() in REGION_COLLECTIVES
        if not plural and root.lemma_.lower() not in REGION_BODIES:
            return None
        first = root.i
        while first > start and self.doc[first - 1].dep_ in {"amod", "compound", "nmod"}:
            first -= 1
        if first == root.i:
            return None
        return self.kb.regions.get(norm(self.doc[first : root.i].text))

    def _home_of(self, head: Token) -> str | None:
        """The country a community is said to live in: "Albanians of southern Serbia"."""
        return self._located_in(head, preps=COMMUNITY_PREPS, named_only=True)

    def _located_in(
        self, head: Token, *, preps: frozenset[str] = LOCATING_PREPS, named_only: bool = False
    ) -> str | None:
        """The country a group is placed in when nothing else names one: "security
        forces in Guinea", "students throughout Indonesia", "demonstrators in Baghdad".
        ``named_only``: only a country or capital named as such, not a town."""
        holders = [head]
        if head.dep_ == "pobj" and head.head.lower_ == "of":
            # "tens of thousands of students throughout Indonesia" with the place hung
            # on "thousands"
            whole = head.head.head
            if whole.lemma_.lower() in COLLECTIVES:
                holders.append(whole)
        for prep in (c for h in holders for c in h.children):
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                match = self.matches.get(obj.i)
                if match is not None:
                    entry = _pick(match.entries)
                    if entry.kind in {"country", "capital"} and entry.code:
                        return entry.code
                    if prep.lower_ == "from" and entry.kind == "group" and entry.code:
                        return entry.code  # "activists from the Fatah party"
                if named_only:
                    continue
                found = self._place_country(self.doc[obj.left_edge.i : obj.i + 1])
                if found:
                    return found
        return None

    def _place_country(self, span: Span) -> str | None:
        """The country of a town or a misspelt country named as a party ("Gorazde",
        "Ethopia")."""
        from communique.gazetteer import gazetteer

        for ent in span.ents:
            if ent.label_ not in {"GPE", "LOC", "NORP"} or allegiance(ent[0]):
                continue
            place = None
            if ent.label_ == "GPE":
                place = gazetteer().city(ent.text.removeprefix("the "))
            if place is not None and place.country and place.name == ent.text:
                return place.country  # a city spelt right: "Austin", not "Austria" misspelt
            fuzzy = self.kb.country_fuzzy(ent.text)
            if fuzzy is not None:
                return fuzzy
            if place is not None and place.country:
                return place.country
        return self._untagged_city(span)

    def _untagged_city(self, span: Span) -> str | None:
        """The country of a known city the tagger missed or took for a person, as the
        object of a verb: "Russian missiles struck Kharkiv" (PERSON), "drones hit Odesa"
        (untagged). Only a bare name, not a known person's, of a city of at least
        MIN_UNTAGGED_CITY people."""
        from communique.gazetteer import gazetteer

        if span.root.dep_ != "dobj":
            return None  # what a verb acts on: "struck Kharkiv", not "orders for Rafah"
        words = [t for t in span if t.pos_ != "DET"]
        if not words or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in words):
            return None
        if any(t.ent_type_ not in {"", "PERSON", "LOC", "ORG"} for t in words):
            return None
        if any(t.ent_type_ == "PERSON" for t in words) and (
            span.root.head.lemma_.lower() not in PLACE_VERBS
        ):
            return None  # "met Santos" is a person; "struck Kharkiv", "seized Goma" a place
        ents = {(t.ent_iob_ == "B", t.ent_type_) for t in words}
        if words[0].ent_type_ and not any(first for first, _ in ents):
            return None  # the end of a longer name
        text = " ".join(t.text for t in words)
        placed = span.root.head.lemma_.lower() in PLACE_VERBS
        if not placed and self.kb.by_surname(text, code=None, day=self.published, fuzzy=False):
            return None  # a known person's name, unless what is done to it is done to places
        cities = [
            e
            for e in gazetteer().lookup(text)
            if e.kind in {"city", "capital"} and e.population >= MIN_UNTAGGED_CITY
        ]
        best = max(cities, key=lambda e: e.population, default=None)
        return best.country if best is not None else None

    def _person_entity(self, ent: Span, *, code_hint: str | None) -> Entity | None:
        tokens = [t for t in ent if norm(t.text) not in HONORIFICS]
        if not tokens:
            return None
        text = " ".join(t.text for t in tokens)
        person = self.kb.person_fuzzy(text, code=code_hint) or self.kb.person_fuzzy(text)
        if person is not None:
            return self._from_person(person, ent)
        if len(tokens) == 1:
            known = self.register.get(norm(tokens[0].text))
            if known is not None:
                return known
            person = self.kb.by_surname(tokens[0].text, code=code_hint, day=self.published)
            if (
                person is not None
                and _is_city(tokens[0].text)
                and self.published is not None
                and not any(pos.holds_on(self.published) for pos in person.positions)
            ):
                # "took control of Goma": a town, not a surname of someone out of office
                return None
            return self._from_person(person, ent) if person is not None else None
        return None

    def _from_person(self, person: Person, span: Span) -> Entity:
        pos = person.position_on(self.published)
        return Entity(
            entity_text=span.text,
            start=span.start_char,
            end=span.end_char,
            name=person.name,
            code=person.code,
            org=person.org,
            sector=pos.sector if pos else None,
            role=pos.role if pos else None,
            identifier=person.identifier,
        )

    def places_tokens(self) -> set[int]:
        """Tokens inside knowledge-base phrases (for the places stage to tell actors apart)."""
        return set(self.matches)


def _pick(entries: list[Entry]) -> Entry:
    order = [
        "person",
        "org",
        "group",
        "metonym",
        "country",
        "capital",
        "adjective",
        "demonym",
        "role",
    ]
    return min(entries, key=lambda e: order.index(e.kind) if e.kind in order else len(order))


def _is_common_word(token: Token, entries: list[Entry]) -> bool:
    """A lower-case single word matching a proper name ("chad", "turkey", "china" the
    material) is not that name; roles are lower-case by nature."""
    if all(e.kind == "role" for e in entries):
        return False
    return token.text.islower()


def _entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _possessor(token: Token) -> bool:
    """A possessive, or one the parser calls a nominal modifier: "Greece and Turkey's
    leaders" with "Greece" as `nmod`."""
    if token.dep_ == "poss":
        return True
    return token.dep_ == "nmod" and any(
        c.dep_ == "case" and c.lower_ in {"'s", "'", "’s"}
        for t in (token, *token.conjuncts)
        for c in t.children
    )


def _of_whom(head: Token) -> bool:
    """Whether a role says after "of" whose it is: "the president of Somalia"."""
    return any(
        g.dep_ == "pobj" and g.ent_type_ in {"GPE", "NORP", "ORG"}
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def _conjuncts(head: Token) -> list[Token]:
    out = [head]
    for tok in head.conjuncts:
        if tok.i > head.i and tok.pos_ in {"NOUN", "PROPN", "PRON"}:
            out.append(tok)
    return out


def resolve_phrase(
    text: str,
    *,
    context: str | None = None,
    day: date | None = None,
    kb: KnowledgeBase | None = None,
) -> Entity | None:
    """Resolve one actor phrase on its own ("Indian Defence Minister Rajnath Singh", "the
    Kremlin", "his Belarusian counterpart"). ``context`` is the country the phrase is read
    in (a bare "the defence minister" is that country's); ``day`` picks the office-holder."""
    from communique import knowledge, language

    kb = kb or knowledge.default()
    doc = language.parse(text)
    if not len(doc):
        return None
    actors = ArticleActors(doc, kb, day)
    root = doc[:].root
    entity = actors.resolve_one(root, bare_roles=True)
    if entity is None or entity.role == ANAPHOR:
        return None
    if context and entity.code is None and entity.org is None and entity.role:
        entity.code = context.upper()
    if entity.code and entity.name is None and entity.role and entity.role != COUNTERPART:
        holder = kb.office_holder(entity.code, entity.role, day)
        if holder is not None:
            entity.name, entity.identifier = holder.name, holder.identifier
    return entity


def _named_after(ent: Span, span: Span, matches: dict[int, Match]) -> bool:
    """A name that modifies a common noun that is no office: "the Nasser hospital
    complex", "the Kennedy airport" (not "the Putin government")."""
    root = ent.root
    head = root.head
    return (
        root.i != span.root.i
        and root.dep_ == "compound"
        and head.pos_ == "NOUN"
        and not any(e.kind == "role" for e in matches[head.i].entries)
        if head.i in matches
        else root.i != span.root.i and root.dep_ == "compound" and head.pos_ == "NOUN"
    )


def _area_adjective(token: Token) -> bool:
    """The last word of a region's adjective: "American" in "Latin American countries"."""
    from communique.gazetteer import gazetteer

    if token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    return norm(f"{prev.text} {token.text}") in gazetteer().area_adjectives


ALLEGIANCE_PREFIXES = frozenset({"pro", "anti"})
# Bodies whose officers hold a role of the body's state: "the speaker of the Czech Senate"
HOUSES = frozenset(
    {"parliament", "government", "legislature", "senate", "assembly", "junta", "regime"}
)
# A speaker's own forces: "the ministry said its warplanes had struck ..."
OWN_FORCES = frozenset(
    {"jet", "warplane", "aircraft", "plane", "troop", "soldier", "force", "army", "navy"}
    | {"warship", "ship", "drone", "fighter", "bomber", "unit", "artillery", "missile"}
)
# A speaker's own envoys: "the Kremlin said its envoy had met ..."
OWN_AGENTS = frozenset(
    {"envoy", "ambassador", "delegation", "diplomat", "negotiator", "representative"}
    | {"emissary", "delegate", "official", "minister", "spokesman", "spokeswoman"}
)
# Waters named after a country: "the Gulf of Oman", "the coast of Yemen"
WATERS = frozenset({"gulf", "sea", "strait", "straits", "bay", "ocean", "coast", "waters"})
# One's part in a body: "its membership of the Council" stands for the Council
MEMBERSHIPS = frozenset({"participation", "membership", "involvement", "presence", "seat"})


# What a country word before a hyphen may date or style: "Soviet-era tanks"
PROVENANCE = frozenset({"era", "style", "vintage", "type", "period", "generation"})
# ... and where one is based: "the US-based cleric", "a London-based monitor"
PROVENANCE |= {"based", "headquartered"}


# Names of dissolved states, coded by their successors, that "former" makes a region
DISSOLVED = frozenset(
    {"yugoslavia", "yugoslav", "soviet union", "soviet", "ussr", "czechoslovakia"}
)


def _hyphen_pair(first: Token, second: Token) -> bool:
    """Two names joined by a hyphen: "US-China", "India-Pakistan"."""
    doc = first.doc
    return (
        second.i == first.i + 2
        and doc[first.i + 1].text in {"-", "‐", "‑", "–"}
        and not first.whitespace_
        and not doc[first.i + 1].whitespace_
    )


def _dissolved(doc: Doc, found: Match) -> bool:
    """ "former Yugoslavia", "the former Soviet Union", "former Soviet republics": a region,
    not the successor state."""
    name = doc[found.start : found.end].text.lower()
    return found.start > 0 and doc[found.start - 1].lower_ == "former" and name in DISSOLVED


def _provenance(token: Token) -> bool:
    """A name dating, styling or locating a thing ("Soviet-era tanks", "Cold War-era", "the
    US-based cleric"), no party."""
    doc = token.doc
    if token.i + 2 >= len(doc):
        return False
    hyphen, word = doc[token.i + 1], doc[token.i + 2]
    return (
        hyphen.text in {"-", "‐", "‑"}
        and not token.whitespace_
        and not hyphen.whitespace_
        and word.lower_ in PROVENANCE
    )


def allegiance(token: Token) -> bool:
    """A name after "pro-" or "anti-"."""
    if token.i < 2:
        return False
    hyphen, prefix = token.doc[token.i - 1], token.doc[token.i - 2]
    return (
        hyphen.text in {"-", "‐", "‑"}
        and not hyphen.whitespace_
        and not prefix.whitespace_
        and prefix.lower_ in ALLEGIANCE_PREFIXES
    )


def _capitalised_modifier(ent: Span, span: Span) -> bool:
    """A one-word "name" that opens the sentence before the role it modifies: "Riot
    police detained ...", which the tagger reads as a person called Riot."""
    word = ent[0]
    return (
        len(ent) == 1
        and bool(word.is_sent_start)
        and word.dep_ == "compound"
        and word.head == span.root
    )


def _hyphen_bound(token: Token) -> bool:
    """The last part of a hyphenated name ("Mazar-i-Sharif")."""
    if token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    return prev.text in {"-", "‐", "‑"} and not prev.whitespace_


def _initial_name(span: Span) -> bool:
    """A bare capitalised noun opening its sentence as its subject, which the tagger may
    have taken for a common noun: "Trump threatened tariffs on Mexico" (exact surnames
    only)."""
    root = span.root
    return (
        len(span) == 1
        and root.pos_ == "NOUN"
        and root.i == root.sent.start
        and root.dep_ in {"nsubj", "nsubjpass"}
        and root.text[:1].isupper()
        and not root.text.isupper()
    )


def _is_city(text: str) -> bool:
    """A name the gazetteer knows as a city: not taken for a near surname ("Samarra" is
    not "Samaras")."""
    from communique.gazetteer import gazetteer

    return gazetteer().city(text) is not None
