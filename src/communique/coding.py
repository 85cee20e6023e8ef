"""Event coding: predicates in a parsed sentence -> event Mentions with PLOVER type and
mode, CAMEO code, and actor/recipient Entities from the dependency parse.

Triggers come from ``data/triggers.yaml``: verbs ("met", "sanctioned"), nouns ("the
meeting between", "sanctions on") and support verbs that lend their subject to a noun
("held talks with", "imposed sanctions on"). Reciprocal events put every party in
``actor``; directed events put the target in ``recipient``; a visit codes the visitor as
actor and the host as recipient.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Span, Token

from communique.actors import (
    ANAPHOR,
    COLLECTIVES,
    COUNTERPART,
    RELATIONAL_NOUNS,
    VOLLEYS,
    ArticleActors,
)
from communique.errors import KnowledgeError
from communique.places import article_places
from communique.records import Entity, Evidence, Mention

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj"}
# Dependencies through which a verb without a subject of its own takes its governor's
# subject: control ("agreed to withdraw"), coordination ("met and signed"), participles.
# "is willing to withdraw": the complement of a predicate adjective inherits the subject
# of its copula, as a verb complement does.
INHERIT_SUBJECT_DEPS = {"xcomp", "conj", "advcl", "acomp"}
PREP_DEPS = {"prep", "agent", "dative"}
RELATIVE_PRONOUNS = {"which", "who", "that"}
PARTICLE_ADVERBS = {"away", "off", "back", "out", "down", "up"}
# Verbs whose object does what their complement says ("urged Ukraine to withdraw")
OBJECT_CONTROL = {
    "urge",
    "ask",
    "press",
    "pressure",
    "push",
    "persuade",
    "convince",
    "encourage",
    "invite",
    "force",
    "compel",
    "tell",
    "request",
    "require",
    "advise",
    "implore",
    "exhort",
    "call",
    "warn",
    "help",
    # causes: "prompting Moscow to threaten retaliation" - Moscow threatens
    "prompt",
    "spur",
    "prod",
    "provoke",
    "cause",
    "lead",
    "drive",
}
# Verbs that make someone react: "prompting Moscow to threaten retaliation"
CAUSES = frozenset({"prompt", "spur", "prod", "provoke", "lead", "drive"})
# Things issued or sent whose participle clause speaks for the issuer ("issued a
# declaration demanding that ...")
UTTERANCES = {
    "statement",
    "declaration",
    "communique",
    "letter",
    "message",
    "note",
    "appeal",
    "resolution",
    "ultimatum",
    "decree",
    "order",
    "warning",
    "memorandum",
}
# Prepositions whose nominal object is an event the clause's subject took part in.
ADJUNCT_PREPS = {"during", "on", "at", "in", "ahead", "amid"}
# Nominal events whose "of" phrase is the doer ("the visit of", "the withdrawal of");
# for other directed nouns it is the one acted on ("the expulsion of", "the invasion of").
AGENT_OF_EVENTS = {"CONSULT", "RETREAT", "AID", "COOPERATE", "PROTEST", "MOBILIZE"}


@dataclass(frozen=True, slots=True)
class Trigger:
    key: str
    pos: str  # "verb" or "noun"
    event: str
    cameo: str
    mode: str | None = None
    reciprocal: bool = False
    needs: tuple[str, ...] = ()
    swap: bool = False
    context: tuple[str, ...] = ()
    single: str | None = None  # event type when only one party ("exercise" -> MOBILIZE)
    plural_only: bool = False  # reciprocal only with two or more parties doing it
    # what the object makes of the verb: "cancel talks" is a SANCTION, "cancel
    # restrictions" a CONCEDE. Object class -> (event, cameo, mode).
    by_object: tuple[tuple[str, str, str, str | None, bool], ...] = ()
    # the target is its object or nobody: no search of the phrase ("called them a
    # violation of Iran's sovereignty" is not aimed at Iran)
    object_only: bool = False


@dataclass
class Lexicon:
    verbs: dict[str, Trigger] = field(default_factory=dict)
    nouns: dict[str, Trigger] = field(default_factory=dict)
    support: dict[str, dict[str, Any]] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    # "X said Y must V": a demand by the speaker on the subject of the complement.
    deontic: dict[str, Any] = field(default_factory=dict)

    def lemma(self, token: Token) -> str:
        """The token's lemma, mended where the tagger strips a past tense to a word the
        lexicon does not know but its "-e" form it does ("staged" -> "stag" -> "stage")."""
        lemma = token.lemma_.lower()
        if lemma in self.verbs or lemma in self.support or not token.tag_.startswith("VB"):
            return lemma
        low = token.lower_
        if low.endswith("ed") and (low[:-1] in self.verbs or low[:-1] in self.support):
            return low[:-1]
        # "readmitted" -> "readmitte": the doubled consonant of a stressed last syllable
        if low.endswith("ted") and low[-4:-3] == "t" and low[:-3] in self.verbs:
            return low[:-3]
        return lemma

    def verb(self, token: Token) -> Trigger | None:
        lemma = self.lemma(token)
        for child in token.children:
            if child.dep_ == "prep" and any(
                o.ent_type_ in {"DATE", "TIME"} for o in child.children if o.dep_ == "pobj"
            ):
                continue  # "fired a missile on Sunday" is not "fired on"
            if child.dep_ in {"prt", "prep"} or (
                # "drove away Chinese ships": a particle the parser took for an adverb
                child.dep_ == "advmod" and child.lower_ in PARTICLE_ADVERBS
            ):
                found = self.verbs.get(f"{lemma} {child.lower_}")
                if found is not None:
                    return found
        return self.verbs.get(lemma)

    def noun(self, token: Token) -> Trigger | None:
        lemma = token.lemma_.lower()
        prev = token.doc[token.i - 1] if token.i > 0 else None
        if prev is not None:
            # "war games" is listed as written, "arms sale" by its lemma
            two = self.nouns.get(f"{prev.lower_} {lemma}") or self.nouns.get(
                f"{prev.lower_} {token.lower_}"
            )
            if two is not None:
                return two
        clauses = list(token.children)
        if token.dep_ == "dobj":
            # "renewed its call for Israel to allow ...": the clause hung on the verb
            clauses += [c for c in token.head.children if c.dep_ == "advcl" and c.i > token.i]
        for child in clauses:
            # "its call for a ceasefire", "a call for Israel to ease restrictions"
            marks = [child] if child.dep_ == "prep" and child.head == token else []
            if child.dep_ in {"advcl", "acl"}:
                marks = [c for c in child.children if c.dep_ == "mark"]
            for mark in marks:
                found = self.nouns.get(f"{lemma} {mark.lower_}")
                if found is not None:
                    return found
        return self.nouns.get(lemma) or self.nouns.get(token.lower_)


def _trigger(key: str, pos: str, row: dict[str, Any]) -> Trigger:
    return Trigger(
        key=key,
        pos=pos,
        event=str(row["event"]),
        cameo=str(row["cameo"]),
        mode=row.get("mode"),
        reciprocal=row.get("reciprocal") in (True, "plural"),
        plural_only=row.get("reciprocal") == "plural",
        needs=tuple(row.get("needs") or ()),
        swap=bool(row.get("swap", False)),
        context=tuple(row.get("context") or ()),
        single=row.get("single"),
        by_object=tuple(
            (str(cls), str(v["event"]), str(v["cameo"]), v.get("mode"), bool(v.get("swap")))
            for cls, v in (row.get("objects") or {}).items()
        ),
        object_only=bool(row.get("object_only", False)),
    )


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The trigger lexicon from ``data/triggers.yaml`` (or a user's file of that shape)."""
    source = path or resources.files("communique") / "data" / "triggers.yaml"
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        return Lexicon(
            verbs={k: _trigger(k, "verb", v) for k, v in (data.get("verbs") or {}).items()},
            nouns={k: _trigger(k, "noun", v) for k, v in (data.get("nouns") or {}).items()},
            support={k: dict(v or {}) for k, v in (data.get("support_verbs") or {}).items()},
            classes={k: frozenset(v) for k, v in (data.get("classes") or {}).items()},
            deontic=dict(data.get("deontic") or {}),
        )
    except (OSError, yaml.YAMLError, KeyError, AttributeError) as exc:
        raise KnowledgeError(f"{source}: malformed trigger lexicon: {exc!r}") from exc


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()


# -- argument helpers -------------------------------------------------------------------------
def _children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: set[str]) -> list[Token]:
    """Objects of the given prepositions under ``token`` ("talks with X" -> X)."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in PREP_DEPS and child.lower_ in preps:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            out.extend(objects or _stranded_object(child))
        elif child.dep_ == "prep" and child.lower_ == "of" and "of" not in preps:
            # "tariffs of 25 percent on Canada", "a loan of $5 billion to Ukraine": the
            # parser hangs the phrase on the amount
            for amount in child.children:
                if amount.dep_ == "pobj" and amount.ent_type_ in AMOUNTS:
                    out.extend(prep_objects(amount, preps))
    return out


# Entity types of an amount a phrase can hang on
AMOUNTS = frozenset({"PERCENT", "MONEY", "QUANTITY"})


def _stranded_object(prep: Token) -> list[Token]:
    """The object a preposition lost to the clause after it: in "granted asylum to five
    Panamanian officers holed up in a residence" the parser makes the officers the
    subject of "holed"; they are the object of "to"."""
    if any(True for _ in prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    nxt = prep.doc[prep.i + 1]
    subject = next(
        (t for t in nxt.sent if t.dep_ in {"nsubj", "nsubjpass"} and t.left_edge.i == nxt.i),
        None,
    )
    if subject is None or subject.head.tag_ not in {"VBN", "VBD"} or subject.head.i < prep.i:
        return []
    return [subject]


def subject_of(verb: Token) -> tuple[list[Token], bool]:
    """(subject heads, passive) of a verb, climbing through control and coordination."""
    seen = 0
    raised = False
    while seen < 6:
        seen += 1
        subj = _children(verb, SUBJECT_DEPS)
        if subj and verb.dep_ == "relcl" and subj[0].lower_ in RELATIVE_PRONOUNS:
            return [verb.head], False  # "Russia, which invaded Ukraine": Russia
        if subj:
            # "The Red Cross operating in Iraq said": a participle misparsed as the
            # subject stands for its own subject
            return [_participle_subject(s) for s in subj], False
        passive = _children(verb, PASSIVE_SUBJECT_DEPS)
        if passive:
            # "Russia is set to hold talks", "is expected to sign": the passive subject
            # of the verb above does what its complement says
            return passive, not raised
        if verb.dep_ in {"relcl", "acl"} and _purpose_of_event(verb):
            # "converged for a rally in Lagos to protest": the rally's people protest
            noun = verb.head
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            continue
        if (
            verb.dep_ in {"relcl", "acl"}
            and verb.head.dep_ == "attr"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)
        ):
            # "Hungary was the last NATO member to ratify": Hungary ratified
            verb = verb.head.head
            continue
        if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            return [verb.head], False
        if verb.dep_ in {"acl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
            noun = verb.head
            if noun.lemma_.lower() in WILLED and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in verb.children
            ):
                # "Russia's attempt to kill", "made an attempt to kill": the attempt's
                # owner, or whoever made it, does what it is to do
                owner = _children(noun, {"poss"})
                if owner:
                    return owner, False
                if noun.dep_ == "dobj":
                    verb = noun.head
                    continue
            if noun.dep_ == "dobj" and noun.head.lemma_.lower() in REFUSING:
                # "vetoed a resolution demanding a ceasefire": a demand never made
                return [], False
            if noun.lemma_.lower() in UTTERANCES and noun.dep_ in {"dobj", "pobj"}:
                # "issued a statement demanding", "in a letter urging": the issuer's
                verb = noun.head.head if noun.dep_ == "pobj" else noun.head
                continue
            return [noun], False
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head != verb:
            # "after being attacked by Houthi forces", "after meeting Xi, Putin said":
            # the clause the preposition hangs on supplies the subject; but "accused
            # Russia of killing", "blamed Iran for attacking", "warned the West against
            # sending", "barred Russia from using": its object does it
            host = verb.head.head
            controlling = verb.head.lower_ in {"of", "for", "against", "from"}
            controller = _children(host, {"dobj"}) if controlling else []
            if controller and host.pos_ == "VERB":
                return controller, any(c.dep_ == "auxpass" for c in verb.children)
            subj, _ = subject_of(host)
            return subj, any(c.dep_ == "auxpass" for c in verb.children)
        if verb.dep_ in INHERIT_SUBJECT_DEPS and verb.head != verb:
            if verb.dep_ == "conj" and _children(verb, {"auxpass"}):
                # "arrived in Berlin and was welcomed by": the shared subject is the
                # passive one's object
                subj, _ = subject_of(verb.head)
                return subj, True
            if verb.dep_ == "xcomp" and seen == 1 and _orders_a_party(verb.head):
                # "the ICJ ordered Israel to halt its offensive": Israel would halt
                return _children(verb.head, {"dobj"}), False
            if verb.dep_ == "xcomp" and seen == 1 and verb.head.lemma_.lower() in OBJECT_CONTROL:
                # "called on Israel to allow": the one called on
                controller = _children(verb.head, {"dobj"}) or prep_objects(
                    verb.head, {"on", "upon"}
                )
                if controller:
                    # object control: "urged Ukraine to withdraw" - Ukraine withdraws
                    return controller, False
            raised = raised or verb.dep_ == "xcomp"
            verb = verb.head
            continue
        break
    fronted = _fronted_subject(verb)
    return ([fronted], False) if fronted is not None else ([], False)


# Verbs that reject or deny what they take: refusing them leaves it open
DENIALS = frozenset({"rule out", "exclude", "deny", "reject", "dismiss"})


def _phrasal(verb: Token) -> str:
    """A verb's lemma with its particle: "rule out"."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


# Verbs of command: "ordered troops to withdraw" is done by whoever commands them
COMMANDS = frozenset({"order", "instruct", "command", "direct"})


def _orders_a_party(verb: Token) -> bool:
    """ "the court ordered Russia to pay": a command to a named party, which does (or
    not) what it is ordered to, unlike "ordered troops to withdraw" (the commander's)."""
    return verb.lemma_.lower() in COMMANDS and any(
        o.pos_ == "PROPN" for o in _children(verb, {"dobj"})
    )


def _fronted_subject(verb: Token) -> Token | None:
    """A subject the parser hung as an apposition inside a fronted phrase ("During a visit
    to Kyiv, German Chancellor Olaf Scholz promised ...": Scholz parsed as Kyiv's
    apposition): the name that ends right before a verb that has no subject."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    name = before if before.dep_ == "appos" else None
    if name is None or name.pos_ != "PROPN" or name.left_edge.i == 0:
        return None
    # the apposition must sit in a phrase fronted before the verb: "During ..., X V"
    node = name
    while node.head != node and node.head != verb:
        node = node.head
    if node.head != verb or node.dep_ != "prep" or node.i > verb.i:
        return None
    if verb.doc[name.left_edge.i - 1].text != ",":
        return None
    return name


# Nouns of someone's will whose infinitive is their own act: "an attempt to kill"
WILLED = frozenset(
    {"attempt", "effort", "bid", "move", "decision", "offer", "threat", "pledge", "promise"}
    | {"vow", "commitment", "intention", "refusal", "failure", "readiness", "willingness"}
)
# Verbs of seizing someone: an adjunct visit is the captive's, not the captor's
CAPTURES = frozenset(
    {"arrest", "detain", "jail", "seize", "kidnap", "abduct", "expel", "deport", "kill"}
)
# Verbs that stop a text: what the text says is not said by anyone
REFUSING = frozenset({"veto", "reject", "block", "oppose", "dismiss", "vote"})
# Participles that, after "be" and before "to", describe their subject's stance
STATIVE_PARTICIPLES = {"oppose", "commit", "determine", "dedicate", "prepare", "resolve"}


def _stative(verb: Token) -> bool:
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in STATIVE_PARTICIPLES
        and (bool(prep_objects(verb, {"to"})) or bool(_children(verb, {"xcomp"})))
    )


def _purpose_of_event(verb: Token) -> bool:
    """An infinitive on an event noun that a verb governs ("a rally in Lagos to protest")."""
    noun = verb.head
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ in {"dobj", "pobj"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and default_lexicon().noun(noun) is not None
        and (noun.dep_ == "dobj" or noun.head.head.pos_ in {"VERB", "AUX"})
    )


def _participle_subject(subj: Token) -> Token:
    if subj.tag_ == "VBG":
        inner = _children(subj, {"nsubj"})
        if inner:
            return inner[0]
    return subj


def _objects(token: Token) -> list[Token]:
    """What a verb acts on: its direct object, or its subject when passive ("three
    soldiers were killed", "aid was suspended")."""
    return _children(token, OBJECT_DEPS) or _children(token, {"nsubjpass"})


# Needs met by a preposition on the trigger or its support verb ("talks with", "gathered
# outside")
PREPOSITION_NEEDS = frozenset(
    {"with", "to", "on", "against", "between", "by", "for", "at", "into", "from", "outside", "of"}
    | {"in"}
)
# Verbs whose object spaCy may parse as the subject of their complement
RAISING = frozenset({"allow", "let", "permit", "enable"})


def _object_words(token: Token) -> list[Token]:
    """The words that say what a verb acts on: each conjunct of its object ("sent rescue
    teams and relief supplies") and what an object of measure is of ("lifted a state of
    emergency", "suspended part of its aid")."""
    words: list[Token] = []
    objects = _objects(token)
    if not objects and token.lemma_.lower() in RAISING:
        # "allowed fuel trucks to enter Gaza", parsed as the subject of its complement
        objects = [s for c in _children(token, {"ccomp"}) for s in _children(c, {"nsubj"})]
    for obj in objects:
        for conj in (obj, *obj.conjuncts):
            words.append(conj)
            words.extend(prep_objects(conj, {"of"}))
            if conj.ent_type_ == "MONEY" or any(
                c.dep_ in {"nummod", "quantmod"} for c in conj.children
            ):
                # "$300 million in military aid", under the object or the verb
                words.extend(prep_objects(conj, {"in"}) + prep_objects(token, {"in"}))
            for mod in conj.children:
                if mod.dep_ in {"compound", "nmod"} and mod.i < conj.i:
                    words.extend((mod, *mod.conjuncts))  # "search and rescue teams"
    return words


def _object_in_class(token: Token, name: str, lexicon: Lexicon) -> bool:
    members = lexicon.classes.get(name, frozenset())
    words = _object_words(token)
    objects = [c for o in _objects(token) for c in (o, *o.conjuncts)]
    if name == "territory" and any(
        w.pos_ == "PROPN" and w.ent_type_ in {"GPE", "LOC"} for w in objects
    ):
        return True  # "seized Damascus", "seized Crimea": a named place is land taken
    return any(w.lemma_.lower() in members for w in words)


def _naming(tok: Token, trig: Trigger, lexicon: Lexicon) -> Trigger | None:
    """The reading of "called X <name>": an accusation for a slur, support for praise."""
    words = {w.lemma_.lower() for o in _children(tok, {"oprd"}) for w in o.subtree}
    if words & lexicon.classes.get("slur", frozenset()):
        return dataclasses.replace(
            trig,
            event="ACCUSE",
            mode="disapprove",
            cameo="111",
            reciprocal=False,
            needs=(),
            object_only=True,
        )
    if words & lexicon.classes.get("praise", frozenset()):
        return dataclasses.replace(
            trig,
            event="SUPPORT",
            mode=None,
            cameo="051",
            reciprocal=False,
            needs=(),
            object_only=True,
        )
    return None


def _ultimatum(tok: Token, lexicon: Lexicon) -> bool:
    """A diplomat given time to leave: "gave the ambassador 48 hours to leave"."""
    diplomats = lexicon.classes.get("diplomat", frozenset())
    departures = lexicon.classes.get("departure", frozenset())
    return any(
        w.lemma_.lower() in diplomats
        for o in _children(tok, {"dative", "dobj"})
        for w in (o, *o.conjuncts)
    ) and any(
        x.lemma_.lower() in departures and any(a.lower_ == "to" for a in x.children)
        for x in _children(tok, {"xcomp", "advcl"})
        # "gave two diplomats a week to leave", the infinitive parsed on the span of time
        + [x for n in _children(tok, {"npadvmod", "dobj"}) for x in _children(n, {"relcl", "acl"})]
    )


# Verbs that silence an outlet named as their object
SILENCING = frozenset({"suspend", "ban", "shut down", "block", "close", "halt", "revoke"})


def _media_objects(tok: Token, actors: ArticleActors) -> bool:
    """The verb's objects are all news outlets: "the BBC and Voice of America"."""
    found = [e for o in _objects(tok) for c in (o, *o.conjuncts) for e in actors.resolve(c)]
    return bool(found) and all(e.sector == "MED" for e in found)


def _by_object(tok: Token, trig: Trigger, lexicon: Lexicon) -> Trigger:
    """The reading of a verb that its object selects ("cancelled restrictions")."""
    for cls, event, cameo, mode, swap in trig.by_object:
        if _object_in_class(tok, cls, lexicon):
            # "met the demands" is a concession by the subject, not a mutual meeting;
            # "welcomed the proposal" is the subject's, "received arms" (swap) the giver's
            mutual = trig.reciprocal and event == trig.event
            return dataclasses.replace(
                trig, event=event, cameo=cameo, mode=mode, reciprocal=mutual, swap=swap
            )
    return trig


# The means of a conversation at a distance: "by phone", "on the telephone", "via video link"
PHONES = frozenset({"phone", "telephone", "video", "videoconference", "videolink", "link"})


def _by_phone(verb: Token) -> bool:
    return any(
        o.lemma_.lower() in PHONES
        and (o.lemma_.lower() != "link" or any(c.lower_ == "video" for c in o.children))
        for o in prep_objects(verb, {"by", "on", "over", "via"})
    )


def _places_in(verb: Token) -> list[Token]:
    """Where a verb, or what it acts on, is "in": "arrived in Moscow", "attended the
    summit in Kazan"."""
    return prep_objects(verb, {"in"}) + [h for o in _objects(verb) for h in prep_objects(o, {"in"})]


def _measured_in(noun: Token) -> list[Token]:
    """What a sum is in: "aid" in "with $4.5 billion in additional aid"."""
    if noun.ent_type_ != "MONEY" and not any(
        c.dep_ in {"nummod", "quantmod"} for c in noun.children
    ):
        return []
    return prep_objects(noun, {"in"})


def _applicant(noun: Token, actors: ArticleActors, lexicon: Lexicon) -> list[Entity]:
    """Whose membership or bid it is: "ratified Sweden's NATO accession" is Sweden's
    (the body it would join is no party to the ratification)."""
    if noun.lemma_.lower() not in lexicon.classes.get("recognition", frozenset()):
        return []
    return [e for p in _children(noun, {"poss"}) for e in actors.resolve(p) if e.code]


def _volley_of(noun: Token) -> list[Token]:
    """What a volley is of: "missiles" in "a barrage of missiles"."""
    return prep_objects(noun, {"of"}) if noun.lemma_.lower() in VOLLEYS else []


def _has_need(
    token: Token, need: str, support: Token | None, actors: ArticleActors, lexicon: Lexicon
) -> bool:
    if need == "no_object":
        return not _objects(token)  # "the army withdrew", not "withdrew the bill"
    if need in PREPOSITION_NEEDS:
        return any(
            prep_objects(node, {need})
            for node in (token, support, _occurrence_host(token))
            if node is not None
        )
    if need == "adjunct_pair":
        # "at a summit in Astana, the leaders of Russia and China signed ...": the
        # summit of the two or more parties whose act it frames
        return len({e.key() for e in _clause_subject(token, actors)}) >= 2
    if need == "in_actor":
        return any(actors.resolve(h) for h in _places_in(token))
    if need == "xcomp":
        # "allowed the opposition to hold a rally" is parsed either way: an object and an
        # xcomp, or an infinitive clause with its own subject
        return bool(_children(token, {"xcomp"})) or any(
            c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in _children(token, {"ccomp"})
        )
    if "+" in need:
        # "object_diplomat+xcomp_departure": every part ("ordered the ambassador to leave")
        return all(_has_need(token, part, support, actors, lexicon) for part in need.split("+"))
    if need.startswith("xcomp_"):
        # "vowed to fight/retaliate/respond": a threat of force, not any promise
        return any(
            x.lemma_.lower() in lexicon.classes.get(need[len("xcomp_") :], frozenset())
            for x in _children(token, {"xcomp"})
        )
    if need.startswith("purpose_"):
        # "marched in London to demand a ceasefire": a walk made a protest by its aim
        # or "marched through Belgrade demanding early elections"
        members = lexicon.classes.get(need[len("purpose_") :], frozenset())
        return any(
            x.lemma_.lower() in members
            and (
                (x.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children))
                or x.tag_ == "VBG"
            )
            for x in _children(token, {"advcl"})
        )
    if need == "object":
        return bool(_objects(token))
    if need == "dative":
        return any(actors.resolve(c) for c in _children(token, {"dative"}))
    if need == "object_actor":
        # the object itself ("backed Kyiv") or its possessor ("backed Turkey's bid")
        return any(
            actors.resolve(o) or any(actors.resolve(p) for p in _children(o, {"poss"}))
            for o in _objects(token)
        )
    if need == "aimed":
        # "used water cannon against two Philippine vessels"
        return any(prep_objects(node, {"against", "at"}) for node in (token, *_objects(token)))
    if need == "object_org":
        # "Finland joined NATO"
        return any(e.org for o in _objects(token) for e in actors.resolve(o))
    if need.startswith("subject_") and need != "subject_pair":
        # "the last French soldiers left Mali": a verb made an act by who does it
        members = lexicon.classes.get(need[len("subject_") :], frozenset())
        subj, passive = subject_of(token)
        # "thousands of Ukrainian troops crossed into Russia": the troops cross
        counted = (
            o
            for h in subj
            if h.lower_ in COLLECTIVES or h.lemma_.lower() in VOLLEYS
            for o in prep_objects(h, {"of"})
        )
        heads = [*subj, *counted]
        return not passive and any(h.lemma_.lower() in members for h in heads)
    if need.startswith(("of_", "from_", "to_", "with_", "through_", "under_", "into_", "by_")):
        # "a package of rockets and ammunition": a noun made an event by what it holds;
        # "removed Cuba from the list"; "took to the streets"; "placed under house arrest"
        prep, cls = need.split("_", 1)
        members = lexicon.classes.get(cls, frozenset())
        held = prep_objects(token, {prep})
        if prep == "of" and token.pos_ == "VERB":
            # "stripped 94 opponents of their citizenship": hung on the object
            held += [h for o in _children(token, {"dobj"}) for h in prep_objects(o, {"of"})]
        return any(
            w.lemma_.lower() in members
            for o in held
            for w in (o, *o.conjuncts, *_volley_of(o), *_measured_in(o))
        )
    if need.startswith("object_"):
        return _object_in_class(token, need[len("object_") :], lexicon)
    if need == "subject_pair":
        subj, _ = subject_of(token)
        return bool(subj) and len(actors.resolve(subj[0])) >= 2
    if need == "support":
        return support is not None
    if need == "support_fire":
        # "opened fire on": the verb that makes "fire" an act, not a blaze
        return support is not None and support.lemma_.lower() in {"open", "return", "exchange"}
    if need == "support_control":
        # "took control of Goma", "seized control of the airport": a capture; not "arms
        # control", "border controls", "under the control of"
        return (
            support is not None
            and support.lemma_.lower() in CONTROL_TAKERS
            and bool(prep_objects(token, {"of"}))
        )
    if need == "support_aid":
        return support is not None and bool(
            lexicon.support.get(lexicon.lemma(support), {}).get("aid")
        )
    if need == "joint":
        words = lexicon.classes.get("joint", frozenset())
        return (
            any(c.lower_ in words for c in token.children)
            or len([e for h in _compound_heads(token) for e in actors.resolve(h)]) >= 2
        )
    if need.startswith("compound_") and need != "compound_actor":
        # "a weapons package": a noun made an event by the word before it
        members = lexicon.classes.get(need[len("compound_") :], frozenset())
        return any(c.dep_ == "compound" and c.lemma_.lower() in members for c in token.children)
    if need == "compound_actor":
        return any(actors.resolve(h) for h in _compound_heads(token))
    if need == "reaction":
        return _reaction(token) or _spreading(token)  # "sparked protests", "protests spread"
    if need == "adjunct":
        # "blockaded the crossings in protest at grain imports": the clause's own act
        return bool(_adjunct_verb(token))
    if need == "responsibility":
        return _responsibility_verb(token) is not None
    if need == "behind":
        return _behind(token)
    if need == "phone":
        return any(c.lower_ in {"phone", "telephone"} for c in token.subtree)
    return False


# Verbs that say a fight broke out; their "between"/"with" are the fight's
OUTBREAKS = frozenset({"erupt", "break", "resume", "rage", "flare", "intensify", "escalate"})


# Nouns an event noun before them makes an undertaking of that event: "a mediation
# mission between Syria and the PLO", "a mediation effort between the Emirates and ..."
UNDERTAKINGS = frozenset({"effort", "mission", "bid", "initiative", "attempt", "process"})


def _occurrence_host(noun: Token) -> Token | None:
    """The word whose "between"/"with" are a nominal event's: the verb it is the subject
    of when it says the event broke out, or the undertaking it names."""
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in OUTBREAKS:
        return noun.head
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in UNDERTAKINGS:
        return noun.head
    return None


def _behind(noun: Token) -> bool:
    """ "Israel was behind the attack": a nominal event someone is said to be behind."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "behind" and noun.head.head.lemma_ == "be"


def _adjunct_verb(noun: Token) -> Token | None:
    """The verb a nominal event is an adjunct of ("in protest at", "during a visit")."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in ADJUNCT_PREPS:
        return None
    verb = noun.head.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


RESPONSIBILITY_VERBS = {"claim", "accept", "take", "admit", "acknowledge"}


def _responsibility_verb(noun: Token) -> Token | None:
    """ "The Houthis claimed responsibility for the attack": the verb whose subject did
    the nominal event."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    owner = noun.head.head
    if owner.lemma_.lower() != "responsibility" or owner.dep_ not in OBJECT_DEPS:
        return None
    verb = owner.head
    return verb if verb.lemma_.lower() in RESPONSIBILITY_VERBS else None


BROKERING = frozenset({"broker", "mediate", "sponsor", "negotiate"})
# What "with" may bring that is a means, not a partner: "with US support"
MANNER_NOUNS = frozenset(
    {"support", "help", "backing", "assistance", "mediation", "approval", "consent"}
    | {"blessing", "facilitation", "encouragement", "funding", "weapons", "intelligence"}
)


def _broker_spans(noun: Token) -> list[tuple[int, int]]:
    """Character spans of "X-brokered" modifiers of a noun ("a Qatar-brokered truce")."""
    return [
        (c.left_edge.idx, c.idx + len(c.text))
        for c in noun.children
        if c.dep_ == "amod" and c.tag_ == "VBN" and c.lemma_.lower() in BROKERING
    ]


def _town(entity: Entity, actors: ArticleActors) -> bool:
    """A party read from a town's name ("Johannesburg", "Moscow"): no person, body or
    role, and no country's name or adjective."""
    if entity.identifier or entity.role or entity.org:
        return False
    return all(e.kind == "capital" for e in actors.kb.lookup(entity.entity_text))


def _compound_heads(noun: Token) -> list[Token]:
    return [c for c in noun.lefts if c.dep_ in {"compound", "amod", "nmod", "npadvmod"}]


# Nouns that count an event noun: "a 14th package of sanctions", "a new round of talks"
MEASURE_NOUNS = {
    "package",
    "round",
    "set",
    "series",
    "wave",
    "raft",
    "batch",
    "tranche",
    "level",  # "put the army on the highest level of readiness"
    "state",  # "a state of alert"
    "text",  # "finalized the text of a peace treaty"
    "draft",
}


def _support_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "adopted a sanctions package against Russia"
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in MEASURE_NOUNS
    ):
        noun = noun.head.head  # "agreed a 14th package of sanctions against Russia"
    elif (
        noun.dep_ == "pobj"
        and noun.head.lower_ in {"in", "of"}
        and noun.head.head.dep_ in OBJECT_DEPS
        and any(c.dep_ in {"nummod", "quantmod"} for c in noun.head.head.children)
    ):
        noun = noun.head.head  # "pledged 500 million euros in military aid to Ukraine"
    head = noun.head
    if noun.dep_ in OBJECT_DEPS | {"nsubjpass", "attr"} and lexicon.lemma(head) in lexicon.support:
        return head
    if noun.dep_ == "conj" and noun.head.dep_ in OBJECT_DEPS:
        return _support_verb(noun.head, lexicon)
    for acl in _children(noun, {"acl"}):
        if (
            acl.tag_ == "VBN"
            and lexicon.lemma(acl) in lexicon.support
            and prep_objects(acl, {"by"})
        ):
            return acl  # "the sanctions imposed by the EU on Belarus"
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        # "participated in the protest", "converged for a rally"
        verb = head.head
        if head.lower_ in PREPOSITIONAL_SUPPORT.get(verb.lemma_.lower(), ()):
            return verb
    return None


# Verbs that carry an event noun through a preposition: "participated in a rally"
PREPOSITIONAL_SUPPORT = {
    "participate": {"in"},
    "converge": {"for", "on"},
    "gather": {"for"},
    "assemble": {"for"},
    "engage": {"in"},
    "join": {"in"},
    "go": {"on"},  # "went on strike"
    "remain": {"on"},
    "stay": {"on"},
    "put": {"on"},  # "put the army on alert"
    "retaliate": {"with"},  # "retaliated with strikes on 85 targets"
    "respond": {"with"},
    "order": {"to"},  # "ordered the army to the highest level of readiness"
    "raise": {"to"},
    "place": {"on"},
    "add": {"to"},  # "added two firms to its entity list"
}


def _dedupe(entities: list[Entity], exclude: list[Entity] | None = None) -> list[Entity]:
    seen = {e.key() for e in exclude or []}
    out = []
    for e in entities:
        if e.key() not in seen:
            seen.add(e.key())
            out.append(e)
    return out


def _inherit_counterpart(
    actor: list[Entity], recipient: list[Entity], actors: ArticleActors
) -> None:
    """A counterpart ("his Belarusian counterpart") holds the other party's role, and is
    whoever held that role for that country on the day."""
    everyone = actor + recipient
    for ent in everyone:
        if ent.role == COUNTERPART or (ent.role is None and COUNTERPART in ent.entity_text.lower()):
            donor = next(
                (o for o in everyone if o is not ent and o.role not in (None, COUNTERPART)), None
            )
            ent.role = donor.role if donor else None
            ent.sector = ent.sector or (donor.sector if donor else None)
            if ent.name is None and ent.code and ent.role:
                holder = actors.kb.office_holder(ent.code, ent.role, actors.published)
                if holder is not None:
                    ent.name, ent.identifier = holder.name, holder.identifier


# -- mentions ---------------------------------------------------------------------------------
def evidence_for(sent: Span, trigger: Token) -> Evidence:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    clean = text.strip()
    start = sent.start_char + lead
    return Evidence(
        text=clean,
        start=start,
        end=start + len(clean),
        trigger=trigger.text,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
    )


def verb_mention(
    tok: Token, trig: Trigger, actors: ArticleActors, lexicon: Lexicon, sent: Span, index: int
) -> Mention | None:
    if (
        trig.event == "ACCUSE"
        and tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and not prep_objects(tok, {"by"})
    ):
        # "expelled three diplomats accused of subversion": who they are, by no one named
        return None
    if (
        trig.swap
        and trig.mode == "visit"
        and (_object_in_class(tok, "troops", lexicon) or _object_in_class(tok, "forces", lexicon))
        # "received F-16 jets from Denmark": arms given, read by the trigger's objects
        and not (
            any(row[0] == "aid" for row in trig.by_object) and _object_in_class(tok, "aid", lexicon)
        )
    ):
        # "a base hosting US forces", "Poland hosts American troops": stationed, no visit
        return None
    if trig.event == "REJECT" and any(_phrasal(x) in DENIALS for x in _children(tok, {"xcomp"})):
        # "Macron refused to rule out sending troops": a refusal to reject leaves it open
        return None
    if (
        trig.key == "order"
        and _object_in_class(tok, "troops", lexicon)
        and prep_objects(tok, {"to", "into"})
        and not _children(tok, {"xcomp", "ccomp"})
    ):
        # "Maduro ordered troops to the border with Guyana": a deployment
        trig = dataclasses.replace(
            trig, event="MOBILIZE", mode="troops", cameo="154", needs=(), by_object=()
        )
    if trig.key == "evacuate" and _object_in_class(tok, "compatriots", lexicon):
        # "India evacuated its citizens from Sudan": a state brings its people home
        return None
    if trig.key == "allow" and tok.tag_ == "VBG" and tok.dep_ == "advcl":
        # "the SCO provides a framework, allowing India to build trust": what a thing
        # makes possible, no concession made
        return None
    if trig.key == "call" and _children(tok, {"oprd"}):
        # "called Israel a terrorist state", "calling its government fascist": a name
        # given, not a phone call; a slur is an accusation, praise is support
        named = _naming(tok, trig, lexicon)
        if named is None:
            return None
        trig = named
    launch = _launched(tok, trig, actors, lexicon) or _mediation(tok, trig, actors)
    if launch is not None:
        return _finish(tok, trig, *launch, sent, index, "verb", actors, lexicon)
    selected = _by_object(tok, trig, lexicon)
    if selected is trig and trig.key in SILENCING and _media_objects(tok, actors):
        # "suspended the BBC and Voice of America": outlets silenced, censorship (1721)
        selected = dataclasses.replace(
            trig, event="COERCE", mode="censor", cameo="1721", needs=(), reciprocal=False
        )
    needed = selected is trig and bool(trig.needs) and not _stative(tok)
    if needed and not any(_has_need(tok, n, None, actors, lexicon) for n in trig.needs):
        return None
    trig = selected
    if trig.event == "CONSULT" and trig.mode is None and _by_phone(tok):
        # "spoke by phone with Zelensky", "talked on the telephone"
        trig = dataclasses.replace(trig, mode="phone", cameo="041")
    if trig.event == "AID" and _ultimatum(tok, lexicon):
        # "gave the French ambassador 48 hours to leave the country": an expulsion
        trig = dataclasses.replace(
            trig, event="SANCTION", mode="expel", cameo="166", context=("diplomatic",)
        )
    if (
        trig.event == "AID"
        and _object_in_class(tok, "troops", lexicon)
        and (
            any(o.lemma_.lower() in FRONTIERS for o in prep_objects(tok, {"to", "through", "into"}))
            or prep_objects(tok, APPROACHES)
        )
    ):
        # "sent 10,000 troops to the border with the United States", "sent more troops to
        # the south of the country", "sent warships near Taiwan": a deployment
        trig = dataclasses.replace(trig, event="MOBILIZE", mode="troops", cameo="154")
    subj_heads, passive = subject_of(tok)
    if (
        not passive
        and tok.tag_ == "VBN"
        and tok.dep_ == "advcl"
        and tok.i < tok.head.i  # fronted: "..., hosted by Trump" after it may be a noun's
        and not _children(tok, {"aux", "auxpass"})
        and prep_objects(tok, {"by"})
    ):
        # "Accused by Washington of supplying missiles, Iran denied ...": a participle
        # with its agent is passive; the clause's subject is its patient
        passive = True
    subjects = [e for h in subj_heads for e in actors.resolve(h)]
    objects = [
        e
        for h in _children(tok, OBJECT_DEPS)
        # "paused all US military aid to Ukraine": stopping a flow is aimed where it goes
        for e in (trig.event == "SANCTION" and _flow_destination(h, actors, lexicon))
        or _applicant(h, actors, lexicon)
        or actors.resolve(h)
        # "accepted a UN-brokered ceasefire": the broker is no target of the acceptance
        if not any(a <= e.start < b for a, b in _broker_spans(h))
    ]
    if (
        not objects
        and tok.dep_ in {"advcl", "conj"}
        and tok.head.pos_ == "VERB"
        and any(h.lower_ in OBJECT_PRONOUNS for h in _children(tok, OBJECT_DEPS))
    ):
        # "expelled two diplomats, accusing them of espionage", "arrested a tourist and
        # accused him of spying": the pronoun is whom the first verb acted on
        objects = [e for h in _children(tok.head, OBJECT_DEPS) for e in actors.resolve(h)]
    if trig.key == "lead" and trig.mode == "visit":
        # "led a delegation of African leaders to Kyiv": the visit is to where it goes
        objects = [
            e
            for o in _children(tok, OBJECT_DEPS)
            for h in (*prep_objects(o, {"to"}), *prep_objects(tok, {"to"}))
            for e in actors.resolve(h)
        ]
        if not objects:
            return None
    if not trig.reciprocal and not trig.swap:
        # "promised Ukraine more air defence systems", "gave Kyiv tanks"
        objects += [e for h in _children(tok, {"dative"}) for e in actors.resolve(h)]
    if trig.key == "warn" and not objects and _warned_of_another(tok, subjects, actors, lexicon):
        # "US officials warned of a Russian invasion": a caution about what another may do,
        # not a threat by the one who warns
        return None
    deeper = False
    if not trig.reciprocal and not objects and not trig.swap and not trig.object_only:
        # not for a host's guest: "received his guest" is not Putin visiting; not inside
        # a name ("calling them a violation of Iran's sovereignty" is not aimed at Iran)
        objects = _deeper_targets(tok, actors)
        deeper = bool(objects)
    agents = [e for h in prep_objects(tok, {"by"}) for e in actors.resolve(h)]
    partners = [
        e
        for h in prep_objects(tok, {"with"})
        # "with Qatari and Egyptian mediation", "with US backing": how, not with whom
        if lexicon.noun(h) is None and h.lemma_.lower() not in MANNER_NOUNS
        for e in actors.resolve(h)
    ]
    # a visit goes to its place: "arrived in Moscow"
    # (not a crowd's: "marched in Tbilisi" is where it protests)
    visiting = "in_actor" in trig.needs and trig.event != "PROTEST"
    aimed = {"on", "against", "to", "in"} if visiting else {"on", "against", "to"}
    if trig.event == "ASSAULT":
        aimed = aimed | {"at"}  # "fired missiles at Israel"
    if trig.event == "AID":
        aimed = aimed | {"into"}  # "sent aid trucks into Gaza"
    if trig.event == "ACCUSE":
        aimed = aimed | {"at"}  # "lashed out at Sweden"
    if trig.event == "REQUEST" or trig.cameo == "192":
        # "requested help from the alliance"; "retook Shusha from Armenian troops"
        aimed = aimed | {"from"}
    if objects and not deeper and trig.event in TOPIC_ON:
        aimed = aimed - {"on"}  # "pressed Xi on Ukraine": Xi is pressed, Ukraine the topic
    targets = [e for h in prep_objects(tok, aimed) for e in actors.resolve(h)]
    if trig.key == "attend":
        # "attended the Victory Day parade in Moscow": a visit to where it is held; what
        # is attended is no party
        objects, targets = [], [e for h in _places_in(tok) for e in actors.resolve(h)]
    if (
        not objects
        and not targets
        and not trig.reciprocal
        and tok.dep_ == "xcomp"
        and tok.head.lemma_.lower() in CAUSES
        and tok.head.dep_ in {"advcl", "conj"}
    ):
        # "banned the transit of Russian goods, prompting Moscow to threaten retaliation":
        # a reaction is aimed at whoever caused it
        cause, cause_passive = subject_of(tok.head.head)
        if not cause_passive:
            targets = [e for h in cause for e in actors.resolve(h)]
            deeper = bool(targets)
    if trig.key in TRANSFERS and targets and all(e.org in GO_BETWEENS for e in targets):
        # "handed over the bodies of four Israeli hostages to the Red Cross": the Red
        # Cross carries them; whose they are is the party
        objects = objects or [
            e for o in _children(tok, OBJECT_DEPS) for e in actors.resolve_within(o)
        ]
        if objects:
            targets, deeper = [], False
    if trig.key in TRANSFERS and not passive and prep_objects(tok, {"to"}) and targets:
        # "handed over a Ukrainian suspect to Germany": Germany receives; the person handed
        # over is no party
        objects, deeper = [], False
    if trig.event == "ACCUSE" and (deeper or not objects):
        # "complained to the United Nations over Israeli air raids": the complaint is
        # against whoever did what it is about, not the body it is made to
        about = [e for h in prep_objects(tok, {"over", "about"}) for e in actors.resolve_within(h)]
        if about:
            targets, objects, deeper = about, [], False
    if (passive or tok.dep_ == "acomp") and not agents and _stative(tok):
        # "Israel is opposed to French mediation", "is committed to opening up": a state
        # of the subject, not a passive
        passive = False
        objects = [e for h in prep_objects(tok, {"to"}) for e in actors.resolve_within(h)]
    if passive:
        if not subjects and not trig.reciprocal:
            # "a camp for Congolese refugees was attacked": what the patient is about
            subjects = [e for h in subj_heads for e in actors.resolve_within(h)]
        subjects, objects = agents, subjects
        dispatched = trig.event == "AID" and _object_in_class(tok, "troops", lexicon)
        if not agents and (trig.event == "MOBILIZE" or dispatched):
            # "North Korean troops were deployed to Kursk", "Venezuelan troops were sent
            # to the border": by their own state
            subjects, objects = objects, []
            if dispatched:
                trig = dataclasses.replace(trig, event="MOBILIZE", mode="troops", cameo="154")
    if trig.swap and trig.event == "AID":
        # "Ukraine received F-16s from Denmark": the giver is after "from"
        objects = subjects
        # "received F-16s from Denmark", "accepted aid from Spain" (on the object)
        givers = prep_objects(tok, {"from"}) or [
            h for o in _children(tok, OBJECT_DEPS) for h in prep_objects(o, {"from"})
        ]
        subjects = [e for h in givers for e in actors.resolve(h)]
    elif trig.swap:
        subjects, objects = objects, subjects
    reciprocal = trig.reciprocal
    if trig.plural_only:
        # "India and Japan agreed" is mutual; "Turkey agreed to back Sweden" is directed
        reciprocal = len({e.key() for e in subjects + partners}) >= 2
    if reciprocal:
        actor = _dedupe(subjects + objects + partners)
        recipient: list[Entity] = []
    else:
        actor = _dedupe(subjects)
        recipient = _dedupe(objects + targets + partners, exclude=actor)
        if not recipient and trig.plural_only:
            recipient = _dedupe(_deeper_targets(tok, actors), exclude=actor)
    if reciprocal and trig.plural_only and not partners:
        # "the Netherlands and Denmark agreed to provide F-16s to Ukraine": both, to Ukraine
        aim = _dedupe(_deeper_targets(tok, actors), exclude=subjects)
        if aim and _children(tok, {"xcomp"}):
            reciprocal, actor, recipient = False, _dedupe(subjects), aim
    if not reciprocal and not recipient and tok.dep_ == "xcomp" and tok.head.lemma_ == "order":
        # "Poland ordered Russia to close its consulate in Krakow": done to the one ordered
        ordered = [
            e
            for h in _children(tok.head, OBJECT_DEPS)
            for e in actors.resolve(h)
            if e.code or e.org
        ]
        recipient = _dedupe(ordered, exclude=actor)
    refused: list[Entity] = []
    if not reciprocal and not recipient and trig.event == "REJECT" and not passive:
        # "refused to allow United Nations planes to land", "refused to commit to any
        # assistance to the US-led war": what is refused involves the other party
        recipient = refused = _refused_party(tok, actor, actors)
    conditioned = [] if reciprocal else _dedupe(_condition_parties(tok, actors), exclude=actor)
    if not recipient and trig.event == "THREATEN":
        # "threatened to strike unless Israel rescinded the annexation": aimed at Israel
        recipient = conditioned
    mention = _finish(
        tok,
        trig,
        actor,
        recipient,
        sent,
        index,
        "verb",
        actors,
        lexicon,
        crowd=[] if passive else subj_heads,
    )
    if (
        mention is not None
        and trig.single
        and not mention.recipient
        and not reciprocal
        # "launched missiles at targets in Iraq's Kurdistan region" is aimed
        and not any(
            o.ent_type_ not in {"DATE", "TIME"} for o in prep_objects(tok, {"at", "on", "against"})
        )
        # "fired rockets into Sisaket province" is aimed; "into the sea" is not
        and not _into_a_country(tok, actors)
    ):
        # "North Korea fired a ballistic missile into the sea": no target, a show of force
        mention.event, mention.cameo, mention.mode = trig.single, "150", "weapons"
    elif mention is not None and trig.single and any(c.lower_ == "test" for c in tok.lefts):
        # "test-fired a missile over Japan": a test is a show of force, whatever it flies over
        mention.event, mention.cameo, mention.mode = trig.single, "150", "weapons"
    if mention is not None:
        mention.far_target = mention.far_target or (
            (deeper and any(e in objects for e in mention.recipient))
            or any(e in refused for e in mention.recipient)
        )
        mention.condition_parties = conditioned
        mention.reciprocal = reciprocal and bool(mention.actor)
        if mention.reciprocal and not passive:
            mention.initiators = _dedupe(subjects)
    return mention


# Verbs of stopping projectiles in flight: "shot down drones launched by Russia"
INTERCEPTS = frozenset({"intercept", "destroy", "down", "shoot", "repel", "neutralise"})


def _launched(
    tok: Token, trig: Trigger, actors: ArticleActors, lexicon: Lexicon
) -> tuple[list[Entity], list[Entity]] | None:
    """(actor, recipient) of an attack told as a participle on its projectiles: "24 of the
    30 drones launched by Russia", "a missile fired from Yemen". The attack is aimed at
    whoever stops them ("Ukraine's air force destroyed ...")."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or trig.event != "ASSAULT":
        return None
    noun = tok.head
    if noun.lemma_.lower() not in lexicon.classes.get("projectile", frozenset()):
        return None
    actor = [e for h in prep_objects(tok, {"by"}) for e in actors.resolve(h)]
    actor = actor or [e for h in prep_objects(tok, {"from"}) for e in actors.resolve_within(h)]
    if not actor:
        return None
    # "destroyed 24 of the 30 drones launched by ...": the verb the projectiles suffer
    held = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    verb = held.head if held.dep_ in {"dobj", "nsubjpass"} else None
    recipient: list[Entity] = []
    if verb is not None and verb.lemma_.lower() in INTERCEPTS:
        subjects, passive = subject_of(verb)
        heads = prep_objects(verb, {"by"}) if passive else subjects
        recipient = [e for h in heads for e in actors.resolve(h) if e.code]
    return actor, _dedupe(recipient, exclude=actor)


def _mediation(
    tok: Token, trig: Trigger, actors: ArticleActors
) -> tuple[list[Entity], list[Entity]] | None:
    """(mediator, parties) of a mediation told on what it produced: "a deal brokered by
    China" is China's mediation between whoever made the deal; "brokered a truce between
    Israel and Hamas" is between the two."""
    if trig.event != "CONSULT" or trig.cameo != "045":
        return None
    if tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.pos_ in {"NOUN", "PROPN"}:
        # "accepted a United Nations-brokered ceasefire", "agreed to a Qatar-mediated
        # truce": the mediator before the hyphen, the parties whoever accepted it
        mediators = [
            e
            for c in tok.children
            if c.dep_ in {"npadvmod", "compound", "nmod"}
            for e in actors.resolve(c)
        ]
        noun = tok.head
        verb = noun.head if noun.dep_ == "dobj" else None
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            verb = noun.head.head
        if not mediators or verb is None or verb.pos_ not in {"VERB", "AUX"}:
            return None
        subj, passive = subject_of(verb)
        parties = [] if passive else [e for h in subj for e in actors.resolve(h)]
        parties = _dedupe(parties, exclude=mediators)
        return (mediators, parties) if parties else None
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        mediators = [e for h in prep_objects(tok, {"by"}) for e in actors.resolve(h)]
        parties = _clause_subject(tok.head, actors, MEDIATED_PREPS)
        if not parties and tok.head.dep_ == "dobj" and tok.head.head.pos_ == "VERB":
            # "Armenia and Azerbaijan signed a deal brokered by Washington"
            subj, passive = subject_of(tok.head.head)
            parties = [] if passive else [e for h in subj for e in actors.resolve(h)]
        if parties:
            # "Kyiv released 50 Russian soldiers in a swap mediated by Turkey": those the
            # clause acts on are a party too
            verb = tok.head.head.head
            parties += [e for h in _children(verb, OBJECT_DEPS) for e in actors.resolve(h)]
        parties = _dedupe(parties, exclude=mediators)
        # between whom is untold ("a night of talks mediated by Washington"): too little
        return (mediators, parties) if mediators and parties else None
    between = [
        e
        for o in _children(tok, OBJECT_DEPS)
        for h in prep_objects(o, {"between", "among"})
        for e in actors.resolve(h)
    ]
    if not between:
        return None
    subj, passive = subject_of(tok)
    mediators = [
        e for h in (prep_objects(tok, {"by"}) if passive else subj) for e in actors.resolve(h)
    ]
    return mediators, _dedupe(between, exclude=mediators)


# Where a mediated deal or talks sit in the clause of those who made them: "agreed to a
# ceasefire after talks mediated by Qatar", "restored relations in a deal brokered by"
MEDIATED_PREPS = frozenset({"in", "after", "following", "under", "through", "via", "to", "on"})
# Verbs of handing someone or something over: the party is who receives it
TRANSFERS = frozenset({"hand over", "hand", "extradite", "transfer", "deliver", "return"})
# Bodies that carry captives between parties
GO_BETWEENS = frozenset({"ICRC", "IFRC"})
# Where troops sent are deployed, not given: "sent troops to the border"
# Where forces are sent to show force, not to help: "sent warships near Taiwan"
APPROACHES = {"near", "off", "around", "toward", "towards", "close"}
FRONTIERS = frozenset(
    {"border", "frontier", "region", "area", "zone", "line", "front", "coast", "strait", "sea"}
    | {"gulf", "waters", "province", "south", "north", "east", "west", "southeast", "southwest"}
    | {"northeast", "northwest", "capital", "city", "streets"}
)
# Acts in words whose "on" names the topic once the addressee is the object
TOPIC_ON = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "REJECT", "AGREE", "CONSULT", "THREATEN"})
CONDITION_MARKS = {"if", "unless"}


def _condition_parties(verb: Token, actors: ArticleActors) -> list[Entity]:
    """The subjects of an "if"/"unless" clause on the verb, on the verbs it complements
    ("threatened to stop talks if the United States goes ahead") or on its own verb
    complements."""
    nodes = [verb, *_children(verb, {"xcomp"})]
    node = verb
    while node.dep_ in {"xcomp", "ccomp", "conj"} and node.head != node:
        node = node.head
        nodes.append(node)
    found: list[Entity] = []
    for node in nodes:
        for clause in _children(node, {"advcl"}):
            if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
                heads = _children(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
                found.extend(e for h in heads for e in actors.resolve(h))
    return found


# Object pronouns that point back at the object of the verb before
OBJECT_PRONOUNS = frozenset({"them", "him", "her"})
# Possessives that point back at the doer
OWN = frozenset({"its", "their", "his", "her"})


def _warned_of_another(
    verb: Token, subjects: list[Entity], actors: ArticleActors, lexicon: Lexicon
) -> bool:
    """A warning "of", "about" or "against" an act by a party other than the one who
    warns ("warned of a Russian attack"); "warned of retaliation" is the warner's own."""
    own = {e.code or e.key() for e in subjects}
    for head in prep_objects(verb, {"of", "about", "against"}):
        if lexicon.noun(head) is None:
            continue
        doers = {e.code or e.key() for e in actors.resolve(head)}
        if doers and not doers & own:
            return True
    return False


def _deeper_targets(verb: Token, actors: ArticleActors) -> list[Entity]:
    """Where a directed verb's target hides: inside its object ("praised Haiti's
    efforts"), as the subject of its complement ("demanded that the US cancel"), or in the
    objects of its verb complement ("promised to continue aid to Mozambique")."""
    active = not any(c.dep_ in PASSIVE_SUBJECT_DEPS | {"auxpass"} for c in verb.children)
    for obj in _children(verb, OBJECT_DEPS):
        # an active verb's "by" is its object's agent, misattached ("condemned the
        # invasion of Ukraine by Russia")
        by_verb = (
            [e for a in prep_objects(verb, {"by"}) for e in actors.resolve(a)] if active else []
        )
        found = _act_agents(obj, actors) or by_verb or actors.resolve_within(obj)
        if found:
            return found
        for appos in _children(obj, {"appos"}):
            # "hijacked the Galaxy Leader, a cargo ship linked to an Israeli businessman"
            found = actors.resolve_within(appos)
            if found:
                return found
        found = [e for h in _low_to(obj) for e in actors.resolve(h)]
        if found:
            return found
    for comp in _children(verb, {"ccomp", "xcomp"}):
        subj = _children(comp, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        found = [e for h in subj for e in actors.resolve(h)]
        if found:
            return found
        heads = _children(comp, OBJECT_DEPS) + prep_objects(comp, {"to", "on", "against", "with"})
        for h in heads:
            # "to review its tariffs on ...": the doer's own "its" is not the target
            found = [e for e in actors.resolve_within(h) if e.entity_text.lower() not in OWN]
            if found:
                return found
        for obj in _children(comp, OBJECT_DEPS):
            found = [
                e
                # "agreed to hold talks with South Korea", "to review its tariffs on
                # Australian barley"
                for h in prep_objects(obj, {"to", "on", "against", "for", "with"})
                for e in actors.resolve_within(h)
            ]
            if found:
                return found
    for h in prep_objects(verb, {"to", "on", "against"}):
        found = actors.resolve_within(h)
        if found:
            return found
    return []


def _low_to(obj: Token) -> list[Token]:
    """The object of a "to" the parser hung inside the verb's object, through a chain of
    prepositions: "pledged $35 billion [in investment [to Egypt]]"."""
    found: list[Token] = []
    stack = [obj]
    while stack:
        word = stack.pop()
        for prep in _children(word, {"prep"}):
            objs = _children(prep, {"pobj"})
            if prep.lower_ == "to":
                found += objs
            else:
                stack += objs
    return found


def _refused_party(verb: Token, actor: list[Entity], actors: ArticleActors) -> list[Entity]:
    """The first party named in what a refusal refuses (its object or complement), other
    than the refuser."""
    own = {e.code or e.key() for e in actor}
    todo = _children(verb, OBJECT_DEPS | {"xcomp", "ccomp"})
    while todo:
        token = todo.pop(0)
        if token.dep_ == "prep" and token.lower_ in SETTINGS:
            continue  # "an invitation to talks in Geneva", "a bill on refugees": no party
        if token.pos_ in {"NOUN", "PROPN"} and token.lower_ not in OWN:
            found = [e for e in actors.resolve(token) if (e.code or e.key()) not in own]
            if found:
                return _dedupe(found)
        todo.extend(sorted(token.children, key=lambda t: t.i))
    return []


# Prepositions of where or what about, not of whom: "talks in Geneva", "a bill on refugees"
SETTINGS = frozenset({"in", "at", "on", "about", "over", "regarding", "near", "inside"})


# Classes of things that flow to a party: what is done to them is done to whom they go
FLOWS = ("aid", "trade")


def _flow_destination(obj: Token, actors: ArticleActors, lexicon: Lexicon) -> list[Entity]:
    """Where an aid or trade object goes: "paused all US military aid to Ukraine" is
    aimed at Ukraine, not at the US that gives it."""
    flows = frozenset().union(*(lexicon.classes.get(c, frozenset()) for c in FLOWS))
    # an aid word itself or named by one ("an aid program for Bosnia")
    words = [obj]
    for word in words:
        named = [word, *(c for c in word.children if c.dep_ == "compound")]
        if any(w.lemma_.lower() in flows for w in named):
            found = [
                e for h in prep_objects(word, {"to", "with", "for"}) for e in actors.resolve(h)
            ]
            if found:
                return found
    return []


def _act_agents(noun: Token, actors: ArticleActors) -> list[Entity]:
    """Whose act a nominal object is: "condemned the invasion of Ukraine by Russia",
    "would not recognise the annexation of four regions by Russia"."""
    heads = [noun, *(h for h in prep_objects(noun, {"of"}) if h.pos_ in {"NOUN", "PROPN"})]
    return [e for h in heads for a in prep_objects(h, {"by"}) for e in actors.resolve(a)]


# Dependents never searched for a target: the doer, function words, and clauses that
# report or qualify rather than carry the action.
# Prepositions that set an event against another: never where its target is
BACKGROUND_PREPS = frozenset({"after", "before", "following", "since", "amid", "despite"})
TARGET_SKIP_DEPS = (
    SUBJECT_DEPS
    | PASSIVE_SUBJECT_DEPS
    | {
        "aux",
        "auxpass",
        "neg",
        "punct",
        "cc",
        "mark",
        "det",
        "advcl",
        "parataxis",
        "relcl",
    }
)
TARGET_DEPTH = 4


# Acts whose party may be named only by their aim: "opened the bridge to allow the
# delivery of grain to Afghanistan"
PURPOSE_TARGETS = frozenset({"RETREAT", "AID", "CONCEDE"})


def _phrase_target(
    tok: Token,
    actor: list[Entity],
    actors: ArticleActors,
    *,
    past_places: bool = False,
    purpose: bool = False,
) -> list[Entity]:
    """The first other party inside the trigger's own phrase, nearest first: "rejected
    calls by Belarus's rulers for aid" -> Belarus. PETRARCH's verb-phrase target, read
    from the dependency tree. ``past_places``: a crowd's "in Hong Kong" is where it
    protests, not whom it protests against ("blocked streets in Hong Kong in defiance of
    Chinese authorities")."""
    own = {e.code or e.org for e in actor}
    start = tok.head if tok.dep_ in {"dobj", "compound"} and tok.head.pos_ == "VERB" else tok
    # "donated and delivered goods to Baghdad", "established ties with and opened an
    # embassy in Tehran": a verb short of its object shares its conjunct's
    elliptic = tok.pos_ == "VERB" and (
        not _children(tok, OBJECT_DEPS)
        or any(
            c.dep_ == "prep" and not _children(c, {"pobj", "pcomp", "prep"})
            for c in _own_phrase(tok)
        )
    )
    # "blamed the coup on followers of Gulen and demanded ... from Washington": a target
    # named but of no known country is not looked for in the next act
    named = tok.pos_ == "VERB" and any(
        prep_objects(node, {"on", "against"}) for node in (tok, *_children(tok, OBJECT_DEPS))
    )
    found = _nearest_party(
        [start] if start == tok else [start, tok],
        {tok.i},
        own,
        actors,
        past_places,
        elliptic,
        into_acts=not named,
    )
    if found or tok.pos_ != "VERB" or not purpose:
        return found
    # "opened the bridge to allow the delivery of grain to Afghanistan": the aim's party
    purposes = [
        c
        for c in tok.children
        if c.dep_ == "advcl"
        and c.tag_ == "VB"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    return _nearest_party(purposes, {tok.i}, own, actors, past_places) if purposes else []


# Marks of a clause that tells what an act answers: "protested after X did ..."
CAUSE_MARKS = frozenset({"after", "when", "because", "as"})


def _cause_doer(tok: Token, actor: list[Entity], actors: ArticleActors) -> list[Entity]:
    """The doer of the act a complaint answers, told in a clause of its verb ("after a
    Chinese aircraft violated its airspace")."""
    own = {e.code or e.org for e in actor}
    verb = tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else tok
    for clause in _children(verb, {"advcl"}):
        if not any(c.dep_ == "mark" and c.lower_ in CAUSE_MARKS for c in clause.children):
            continue
        subj, passive = subject_of(clause)
        doers = [] if passive else [e for h in subj for e in actors.resolve(h)]
        doers = [e for e in doers if e.code and (e.code or e.org) not in own]
        if doers:
            return doers
    return []


# Verbs of going somewhere, whose destination is no target of a coordinated act
JOURNEY_VERBS = frozenset({"flee", "fly", "travel", "go", "return", "escape", "head", "arrive"})


def _own_clause(verb: Token) -> bool:
    """A coordinated verb that opens a clause of its own ("..., but was still refusing
    admittance to Ghanaians"), not one sharing its neighbour's target ("tighten
    sanctions and impose a blockade against Serbia")."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"}
        or c.dep_ == "cc"
        and c.lower_ in {"but", "yet", "while"}
        for c in verb.children
    ) or any(c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in verb.head.children)


def _own_phrase(verb: Token) -> list[Token]:
    """The verb's own arguments and their phrases, not the clauses coordinated with or
    subordinate to it."""
    out: list[Token] = []
    stack = [
        c for c in verb.children if c.dep_ not in TARGET_SKIP_DEPS | {"conj", "ccomp", "xcomp"}
    ]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ not in TARGET_SKIP_DEPS | {"conj"})
    return out


def _nearest_party(
    frontier: list[Token],
    seen: set[int],
    own: set[str | None],
    actors: ArticleActors,
    past_places: bool,
    conjuncts: bool = False,
    *,
    into_acts: bool = True,
) -> list[Entity]:
    """Breadth first from ``frontier``: the first phrase naming a party not in ``own``;
    into coordinated verbs only with ``conjuncts``."""
    for _ in range(TARGET_DEPTH):
        following: list[Token] = []
        for node in frontier:
            for child in node.children:
                if child.i in seen or child.dep_ in TARGET_SKIP_DEPS:
                    continue
                if child.dep_ == "prep" and child.lower_ in BACKGROUND_PREPS:
                    continue  # "called up reservists after the Hamas attack": another event
                if (
                    child.dep_ == "conj"
                    and child.pos_ in {"VERB", "AUX"}
                    and not conjuncts
                    and _own_clause(child)
                ):
                    continue  # "opened its borders ..., but was refusing ...": another act
                if child.dep_ == "conj" and child.pos_ == "VERB" and not into_acts:
                    continue
                if child.dep_ == "conj" and child.lemma_.lower() in JOURNEY_VERBS:
                    continue  # "resigned and fled to India": where one went is no target
                seen.add(child.i)
                if past_places and child.ent_type_ in {"GPE", "LOC", "FAC"}:
                    continue
                if child.dep_ == "compound" and child.ent_type_ == "PERSON" and node.pos_ == "NOUN":
                    continue  # "the Nasser hospital complex": named after someone, not his
                if child.dep_ == "amod" and child.lemma_.lower() in BROKERING:
                    continue  # "accepted a UN-brokered ceasefire": the broker is no target
                if (
                    child.dep_ in {"poss", "compound", "amod", "nmod"}
                    and node.pos_ == "NOUN"
                    and node.lemma_.lower() in RELATIONAL_NOUNS
                ):
                    continue  # "killed the deputy chief of Israel's militia ally": not Israel
                if child.pos_ in {"NOUN", "PROPN"}:
                    brokers = _broker_spans(child)
                    found = [
                        e
                        for e in actors.resolve(child)
                        if (e.code or e.org) not in own
                        and not any(a <= e.start < b for a, b in brokers)
                    ]
                    if found:
                        return found
                following.append(child)
        frontier = following
    return []


def _clause_subject(
    noun: Token, actors: ArticleActors, preps: frozenset[str] | set[str] = ADJUNCT_PREPS
) -> list[Entity]:
    """The subject of the clause a nominal event is an adjunct of: "Macron pressed Xi
    during a state visit to Beijing" -> Macron made the visit."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in preps:
        return []
    verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    if verb.lemma_.lower() in CAPTURES and _children(verb, OBJECT_DEPS):
        return []  # "detained a Taiwanese publisher on a visit to Shanghai": his visit
    subj, passive = subject_of(verb)
    return [] if passive else [e for h in subj for e in actors.resolve(h)]


def noun_mention(
    tok: Token, trig: Trigger, actors: ArticleActors, lexicon: Lexicon, sent: Span, index: int
) -> Mention | None:
    support = _support_verb(tok, lexicon)
    if (
        support is not None
        and support.lemma_.lower() == "have"
        and support.tag_ in {"VBZ", "VBP"}
        and not _children(support, {"aux"})
    ):
        # "Japan has similar agreements with Australia": a standing state, not an event
        return None
    mediated: list[Entity] = []
    undertaking = _occurrence_host(tok)
    if trig.cameo == "045" and not any(
        prep_objects(n, {"between", "among", "amongst"})
        for n in (tok, undertaking)
        if n is not None
    ):
        # "with Qatari and Egyptian mediation, Israel and Hamas agreed ...": a mediation
        # told as the means of an act is between those who did the act
        mediated = _clause_subject(tok, actors, MEDIATED_PREPS | {"with"})
        host = tok.head.head if tok.dep_ == "pobj" else tok
        if not mediated and host.pos_ == "NOUN" and host.dep_ == "dobj":
            # "held talks in Muscat under Omani mediation": the talks' clause
            subj, passive = subject_of(host.head)
            mediated = [] if passive else [e for h in subj for e in actors.resolve(h)]
    if (
        trig.needs
        and len(mediated) < 2
        and not any(_has_need(tok, n, support, actors, lexicon) for n in trig.needs)
    ):
        return None
    # "fighting erupted in Khartoum between the army and the RSF": the verb's "between"
    spans = [n for n in (tok, _occurrence_host(tok)) if n is not None]
    # "a memorandum of understanding with Somaliland", "a treaty of friendship with Japan":
    # the parties hang on what the document is of
    spans += [o for o in prep_objects(tok, {"of"}) if o.lemma_.lower() in DOCUMENT_OF]
    between = [
        e
        for n in spans
        for h in prep_objects(n, {"between", "among", "amongst"})
        for e in actors.resolve(h)
    ] + mediated
    partners = [e for n in spans for h in prep_objects(n, {"with"}) for e in actors.resolve(h)]
    owners = [e for c in tok.children if c.dep_ == "poss" for e in actors.resolve(c)]
    compounds = _dedupe(
        # "Qatari and Egyptian mediation": each coordinated modifier
        [e for h in _compound_heads(tok) for c in (h, *h.conjuncts) for e in actors.resolve(c)]
    )
    # "the visit of Modi", "the withdrawal of Russian troops": "of" names who does it;
    # "the expulsion of diplomats", "the invasion of Ukraine": who it is done to
    patient_of = not trig.reciprocal and trig.event not in AGENT_OF_EVENTS
    agent_preps = {"by", "from"} if patient_of else {"by", "of", "from"}
    if trig.event == "RETREAT":
        agent_preps = agent_preps - {"from"}  # "the withdrawal of troops from Niger"
    by = [e for h in prep_objects(tok, agent_preps) for e in actors.resolve(h)]
    if patient_of and not by:
        # "the expulsion of 40 Russian diplomats by Germany": "by" on the patient
        by = [
            e
            for o in prep_objects(tok, {"of"})
            for h in prep_objects(o, {"by"})
            for e in actors.resolve(h)
        ]
    aimed = {"on", "against", "to", "for"} | ({"of"} if patient_of else set())
    if trig.event == "RETREAT":
        aimed = aimed | {"from"}
    targets = [e for o in prep_objects(tok, aimed) for e in actors.resolve(o)]
    within: list[Entity] = []
    if not targets and not trig.reciprocal:
        # "sanctions on 12 individuals linked to Hezbollah", "sanctions on Iranian oil":
        # found inside the phrase, a weaker reading
        within = [e for o in prep_objects(tok, aimed) for e in actors.resolve_within(o)]
        targets = list(within)
    if trig.event == "ACCUSE" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in REACTIONS:
        # "conducted nuclear tests, drawing condemnation from Washington": Washington
        # condemns whoever drew it
        drawn = tok.head
        by += [e for h in prep_objects(drawn, {"from"}) for e in actors.resolve(h)]
        heads, passive_draw = subject_of(drawn)
        if not passive_draw:
            targets += [e for h in heads for e in actors.resolve(h)]
    if trig.event == "ASSAULT" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in HARM_VERBS:
        # "US drone strikes have killed eight al-Qaeda leaders": whom the attack harms
        targets += [e for h in _children(tok.head, {"dobj"}) for e in actors.resolve(h)]
    contents = _children(tok, {"acl", "advcl"})
    if trig.event == "REQUEST" and support is not None and tok.dep_ == "dobj":
        # "reiterated its demand today that Israel ease restrictions": the content clause
        # the parser hangs on the support verb
        contents += [c for c in _children(support, {"ccomp", "advcl"}) if c.i > tok.i]
    for content in contents:
        if any(c.dep_ == "mark" and c.lower_ in {"that", "for"} for c in content.children):
            # "its demand that Israel ease restrictions", "its call for Israel to ease
            # them": whom the demand is put to
            heads = _children(content, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            targets += [e for h in heads for e in actors.resolve(h)]
    if trig.mode == "visit":
        # "a German state visit", "Modi's US visit": a bare country before a visit is where
        # it goes; a person ("a Macron visit") is who makes it
        hosts = [e for e in compounds if e.name is None and e.role is None and e.org is None]
        compounds = [e for e in compounds if e not in hosts]
        targets += hosts
    how = "noun"
    event, cameo = trig.event, trig.cameo
    lent_mode: object = trig.mode
    crowd: list[Token] = []
    if trig.event == "PROTEST" and (_reaction(tok) or _spreading(tok)) and not owners:
        # "the arrest sparked protests in Turkey", "as protests spread across the
        # country": a crowd of no stated country, placed by where it protests
        crowd = [tok]
    if support is not None:
        how = "support-verb"
        subj_heads, passive = subject_of(support)
        if support.dep_ == "acl":
            subj_heads, passive = [], True  # "sanctions imposed by the EU": its agent
        crowd = [] if passive else subj_heads
        if not passive:
            owners += [e for h in subj_heads for e in actors.resolve(h)]
        else:
            # "sanctions were imposed on Niger by ECOWAS"
            by += [e for h in prep_objects(support, {"by"}) for e in actors.resolve(h)]
            if tok.dep_ == "dobj":
                # "the opposition leader was granted asylum by Spain": given to the subject
                targets += [e for h in subj_heads for e in actors.resolve(h)]
        partners += [e for h in prep_objects(support, {"with"}) for e in actors.resolve(h)]
        between += [
            e for h in prep_objects(support, {"between", "among"}) for e in actors.resolve(h)
        ]
        targets += [
            e
            for h in prep_objects(support, {"on", "against", "to", "for"})
            for e in actors.resolve(h)
        ]
        if tok.dep_ == "pobj" and tok.head.head == support:
            # "placed two U.S. firms on its entity list": the support's object is acted on
            targets += [e for h in _children(support, {"dobj"}) for e in actors.resolve(h)]
        lend = lexicon.support.get(lexicon.lemma(support), {})
        if lend.get("event") and trig.event in (lend.get("for") or ()):
            event, cameo = str(lend["event"]), str(lend["cameo"])
            lent_mode = lend.get("mode")
    if trig.event == "MOBILIZE" and trig.key == "show" and not (owners or compounds or by):
        # "sent 30 warplanes toward Taiwan in a show of force": the act's doer shows it,
        # at whom the act is aimed
        owners = _clause_subject(tok, actors, {"in", "as"})
        if owners and tok.dep_ == "pobj":
            act = tok.head.head
            targets += [
                e
                for h in prep_objects(act, {"toward", "towards", "to", "at", "near", "off"})
                for e in actors.resolve(h)
            ]
    if trig.event in {"CONSULT", "PROTEST"} and not (owners or compounds or by or between):
        owners = _clause_subject(tok, actors)
        holder = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok
        if (
            not owners
            and trig.mode == "visit"
            and tok.head.lower_ in {"on", "during"}
            and holder.pos_ in {"PROPN", "NOUN"}
            and holder.dep_ in {"nsubj", "appos"}
        ):
            # "Boris Pistorius, on an unannounced visit to Kyiv, pledged ...": the subject's
            owners = actors.resolve(holder)
        if not owners and trig.reciprocal and not partners:
            # "after talks in Riyadh, Russian and American officials agreed ...": talks
            # before an act of the same two or more parties were theirs
            after = _clause_subject(tok, actors, {"after", "following"})
            owners = after if len({e.key() for e in after}) >= 2 else []
    if not (owners or by) and _behind(tok):
        # "Israel was behind the attack on Natanz": who is behind an act did it
        subj, passive = subject_of(tok.head.head)
        owners = [] if passive else [e for h in subj for e in actors.resolve(h)]
    claimed = _responsibility_verb(tok)
    if claimed is not None and not (owners or by):
        subj, passive = subject_of(claimed)
        owners = [] if passive else [e for h in subj for e in actors.resolve(h)]
    if trig.event == "ACCUSE":
        # "filed a complaint with the Security Council against Israel": the body it is
        # lodged with is not its target
        lodged = [h for p in (tok, support) if p is not None for h in prep_objects(p, {"with"})]
        targets += [
            e for h in lodged for o in prep_objects(h, {"against"}) for e in actors.resolve(o)
        ]
        if targets:
            partners = []
    if trig.reciprocal and (between or partners):
        # "the Johannesburg meeting between Jaishankar and Wang Yi": where it was held
        compounds = [e for e in compounds if not _town(e, actors)]
    if (
        trig.reciprocal
        and support is not None
        and lexicon.lemma(support) == "host"
        and len({e.code or e.key() for e in between}) >= 2
    ):
        # "Saudi Arabia hosted talks between US and Russian officials": a host state gives
        # the room; the talks are the two parties' (a person or a body that hosts them
        # takes part)
        owners = [e for e in owners if e.name or e.role or e.org or e.code == "IGO"]
    if trig.reciprocal:
        actor = _dedupe(between + owners + compounds + by + partners)
        recipient: list[Entity] = []
    else:
        actor = _dedupe(owners + compounds + by)
        recipient = _dedupe(targets + partners + between, exclude=actor)
    if trig.single and len(actor) + len(recipient) < 2:
        event = trig.single
        cameo = {"MOBILIZE": "152"}.get(event, cameo)
        if event == "MOBILIZE" and not recipient:
            # "drills around Taiwan", "naval exercises off Japan": a show of force at
            # whoever they surround, not at the actor's own coast ("near Fujian")
            own = {e.code for e in actor}
            near = [
                e
                for p in (tok, support)
                if p is not None
                for h in prep_objects(p, SURROUNDING)
                for e in actors.resolve(h)
                if e.code and e.code not in own
            ]
            recipient = _dedupe(near, exclude=actor)
    mention = _finish(tok, trig, actor, recipient, sent, index, how, actors, lexicon, crowd)
    if mention is not None:
        mention.event, mention.cameo = event, cameo
        if event != trig.event:
            mention.mode = lent_mode if isinstance(lent_mode, str) else None
        if event == "ACCUSE" and mention.actor and not mention.recipient:
            # "lodged a protest after a Chinese aircraft violated its airspace"
            mention.recipient = _cause_doer(tok, mention.actor, actors)
        if event != trig.event and trig.single == event:
            mention.reciprocal = False  # one party's drills: a show of force, not mutual
        mention.far_target = mention.far_target or any(e in within for e in mention.recipient)
    return mention


# Where a show of force is put: "drills around Taiwan", "exercises off Japan"
SURROUNDING = {"around", "near", "off", "opposite", "toward", "towards", "encircling"}


# Verbs by which unrest happens: "protests spread", "riots erupted"
UNREST_VERBS = frozenset(
    {"spread", "erupt", "break", "continue", "grow", "flare", "rage", "escalate", "intensify"}
)


def _spreading(noun: Token) -> bool:
    """Unrest told as what happens: "protests spread across the country"."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in UNREST_VERBS


def _reaction(noun: Token) -> bool:
    """A nominal event another one set off: "sparked protests", "triggered clashes"."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in REACTIONS


# Verbs by which one draws others' words: "drew condemnation from Washington"
REACTIONS = frozenset({"draw", "attract", "earn", "spark", "provoke", "prompt", "trigger"})
# Verbs whose subject may be an attack and object its victims ("strikes killed ...")
HARM_VERBS = frozenset({"kill", "wound", "injure", "hit", "destroy", "damage"})
# Crowds whose violence is a riot, not an attack
RIOTING_ROLES = frozenset({"protesters", "students", "supporters", "activists"})
# What speaks for a state when it protests: the state itself, its ministries, its missions
VOICES_OF_STATE = frozenset({None, "ministry", "government"})
MISSIONS = frozenset({"embassy", "consulate", "mission"})
# Verbs that make a crowd's movement a demonstration
MARCHING = frozenset({"march", "gather", "take"})


# Numbers that stand for a crowd on their own: "thousands rallied in Manila"
def _counted_crowd(tok: Token, actor: list[Entity]) -> bool:
    """The subject is a crowd of civilians told by its size: "thousands of Kenyans"."""
    subjects = _children(tok, {"nsubj"})
    return all(e.sector == "CVL" and not (e.org or e.name) for e in actor) and any(
        s.lemma_.lower() in HEADCOUNTS or s.lower_ in HEADCOUNTS for s in subjects
    )


HEADCOUNTS = frozenset(
    {"thousand", "thousands", "hundred", "hundreds", "dozens", "scores", "million", "millions"}
)


def _finish(
    tok: Token,
    trig: Trigger,
    actor: list[Entity],
    recipient: list[Entity],
    sent: Span,
    index: int,
    how: str,
    actors: ArticleActors,
    lexicon: Lexicon | None = None,
    crowd: list[Token] | None = None,
) -> Mention | None:
    unplaced = False
    far = False
    if trig.key in MARCHING and crowd and lexicon is not None:
        # "troops marched to Kyiv", "soldiers marched through Moscow": armed men on the
        # move, not a demonstration
        armed = lexicon.classes.get("forces", frozenset()) | {"army", "military", "police"}
        if any(h.lemma_.lower() in armed for h in crowd) or any(
            e.sector in {"MIL", "COP"} for e in actor
        ):
            return None
    if not actor and trig.event == "PROTEST" and crowd:
        # "students protested in Dhaka": a crowd of no stated country, placed later by
        # where it protests (PLOVER's convention for domestic protest)
        heads = [
            next(iter(prep_objects(h, {"of"})), h) if h.lemma_.lower() in COLLECTIVES else h
            for h in crowd
        ]
        actor = [
            e
            for h in heads
            if (e := actors.resolve_one(h, bare_roles=True)) is not None
            and e.role
            and not (e.code or e.org or e.name)
        ]
        if not actor:
            # "thousands rallied in Manila": a bare headcount is a crowd
            actor = [
                Entity(span.text, span.start_char, span.end_char, role="protesters", sector="CVL")
                for h, head in zip(crowd, heads, strict=True)
                if (head.lemma_.lower() in HEADCOUNTS or head.i == tok.i)
                and not prep_objects(head, {"of"})
                for span in [actors.phrase(h)]
            ]
        unplaced = bool(actor)
    if not actor and crowd and lexicon is not None:
        # "Pakistan's military spokesman said its air force had shot down ...", "Indian
        # officials said the army had struck ...": the speaker's own state organs
        speaker = _speaker_country(tok, actors, lexicon)
        organs = [
            e
            for h in crowd
            # not "the two officers", "both armies": several sides
            if not any(c.dep_ == "nummod" or c.lower_ == "both" for c in h.children)
            and (e := actors.resolve_one(h, bare_roles=True)) is not None
            and e.role
            and e.sector in STATE_SECTORS
            and not (e.code or e.org or e.name)
        ]
        if speaker and organs:
            for entity in organs:
                entity.code = speaker
            actor = organs
    if not actor and trig.event == "COERCE" and crowd and how in {"verb", "support-verb"}:
        # "police raided the embassy in Quito": a police force of no stated country is
        # the one where it acts, placed later like a crowd
        # "authorities arrested dozens of protesters in Tbilisi" likewise, and "the
        # government declared a state of emergency in Haiti"
        police = _bare_parties(
            crowd, actors, lambda e: e.sector == "COP" or e.role in {"authorities", "government"}
        )
        if police:
            actor, unplaced = police, True
    if not actor and trig.event in {"ASSAULT", "COERCE"} and crowd and how == "verb":
        # "protesters stormed the Swedish embassy", "clashed with security forces": a
        # crowd's violence is a riot (PLOVER PROTEST, CAMEO 145), placed like any protest
        rioters = _bare_parties(crowd, actors, lambda e: e.role in RIOTING_ROLES)
        if rioters:
            actor, unplaced = rioters, True
            trig = dataclasses.replace(trig, event="PROTEST", mode="riot", cameo="145")
    if (
        actor
        and trig.key == "protest to"
        and all(e.sector == "CVL" or e.role in RIOTING_ROLES for e in actor)
    ):
        # "thousands of Armenians protested ... to Azerbaijan": a crowd demonstrates
        trig = dataclasses.replace(trig, event="PROTEST", mode="demo", cameo="141")
    if (
        actor
        and trig.event == "PROTEST"
        and how == "verb"
        and all(
            (e.sector == "GOV" and e.role in VOICES_OF_STATE and not e.name)
            or e.entity_text.lower().split()[-1] in MISSIONS
            for e in actor
        )
    ):
        # "Beijing protested against the visit", "the Chinese embassy protested": a
        # government's protest is diplomatic
        trig = dataclasses.replace(trig, event="ACCUSE", mode="disapprove", cameo="111")
    if (
        actor
        and trig.mode == "visit"
        and how == "verb"
        and lexicon is not None
        and crowd
        and all(h.lemma_.lower() in lexicon.classes.get("troops", frozenset()) for h in crowd)
    ):
        # "Russian troops arrived in Kazakhstan": a deployment, not a state visit;
        # peacekeepers' arrival is protection given (CAMEO 074)
        keeping = any("peacekeep" in t.lower_ for t in sent)
        trig = dataclasses.replace(
            trig,
            event="AID" if keeping else "MOBILIZE",
            mode=None if keeping else "troops",
            cameo="074" if keeping else "154",
        )
    if (
        actor
        and trig.event in {"ASSAULT", "COERCE"}
        and how == "verb"
        and all(e.role in RIOTING_ROLES and not (e.org or e.name) for e in actor)
    ) or (actor and trig.key == "storm" and how == "verb" and _counted_crowd(tok, actor)):
        # "Nigerien protesters attacked the French embassy", "students in Dhaka clashed
        # with police", "thousands of Kenyans stormed parliament": a crowd of known
        # country riots
        trig = dataclasses.replace(trig, event="PROTEST", mode="riot", cameo="145")
    if not actor and trig.event == "ASSAULT" and lexicon is not None:
        # "a roadside bomb killed a U.S. soldier near Samarra": the attackers are unnamed;
        # placed later by where the attack happens (PLOVER's convention)
        weapon = _unnamed_attacker(tok, lexicon)
        owners = [
            e for h in _children(tok, SUBJECT_DEPS) for e in _weapon_owners(h, actors, lexicon)
        ]
        if owners:
            # "a drone fired by Houthi rebels hit a building in Tel Aviv": theirs
            actor = owners
        elif weapon is not None:
            words = [c for c in weapon.lefts if c.dep_ in {"compound", "amod"}] + [weapon]
            start, end = words[0].idx, weapon.idx + len(weapon.text)
            actor = [Entity(weapon.doc.text[start:end], start, end)]
            unplaced = True
    if not actor and trig.event == "COERCE" and trig.mode in STATE_ACTS and _agentless(tok):
        # "a missionary was arrested in Lebanon": the state where it happens did it
        end = tok.idx + len(tok.text)
        # no words name them: the act's own offsets, and what they stand for
        actor = [Entity("authorities", tok.idx, end, role="authorities", sector="GOV")]
        unplaced = True
    actor = _dedupe(
        [x for e in actor for x in (actors.expand_anaphor(e) if e.role == ANAPHOR else [e])]
    )
    recipient = _dedupe(
        [x for e in recipient for x in (actors.expand_anaphor(e) if e.role == ANAPHOR else [e])],
        exclude=actor,
    )
    if not actor and not recipient:
        return None
    if not actor and trig.reciprocal and not trig.plural_only:
        actor, recipient = recipient, []
    if (
        actor
        and not recipient
        and not trig.reciprocal
        and not trig.object_only
        and not (unplaced and trig.event == "ASSAULT")
    ):
        recipient = _phrase_target(
            tok, actor, actors, past_places=unplaced, purpose=trig.event in PURPOSE_TARGETS
        )
        far = bool(recipient)
    if actor and not recipient and trig.event == "ACCUSE":
        # "Japan lodged a protest after a Chinese aircraft violated its airspace": the
        # complaint is against whoever did what it answers
        recipient = _cause_doer(tok, actor, actors)
        far = far or bool(recipient)
    if actor and not recipient and trig.event == "REQUEST" and how == "verb":
        # "accused Russia of shooting down the plane and demanded compensation": a demand
        # joined to an act aimed at a party is made of that party
        recipient = _conjunct_object(tok, actor, actors)
    if trig.event == "RETREAT" and any(e.org not in GO_BETWEENS for e in recipient):
        # "released three Israeli hostages to the Red Cross": it only carries them
        recipient = [e for e in recipient if e.org not in GO_BETWEENS]
    _inherit_counterpart(actor, recipient, actors)
    return Mention(
        event=trig.event,
        mode=trig.mode,
        cameo=trig.cameo,
        actor=actor,
        recipient=recipient,
        evidence=evidence_for(sent, tok),
        reciprocal=trig.reciprocal,
        context=list(trig.context),
        how=how,
        sentence_index=index,
        unplaced_crowd=unplaced,
        distractors=_distractors(sent, actor + recipient, actors),
        trigger_dep=tok.dep_,
        far_target=far,
    )


# What an agreement names itself as being of: "a memorandum of understanding"
DOCUMENT_OF = frozenset({"understanding", "friendship", "cooperation", "intent", "alliance"})


# Sectors of a state's own organs (army, police, government, intelligence)
STATE_SECTORS = {"MIL", "GOV", "COP", "SPY"}
REPORTING_EXTRA = {"claim", "confirm", "report", "announce", "add"}


def _speaker_country(tok: Token, actors: ArticleActors, lexicon: Lexicon) -> str | None:
    """The one country of whoever reports the clause ``tok`` heads ("Indian officials
    said ...")."""
    saying = set((lexicon.deontic or {}).get("governors") or ()) | REPORTING_EXTRA
    node = tok
    for _ in range(3):
        if node.dep_ not in {"ccomp", "conj"} or node.head == node:
            return None
        node = node.head
        if node.lemma_.lower() in saying:
            heads, passive = subject_of(node)
            codes = {e.code for h in heads for e in actors.resolve(h) if e.code}
            return next(iter(codes)) if len(codes) == 1 and not passive else None
    return None


# Coercive acts only a state does: an agentless passive one is the state's where it happens
STATE_ACTS = {"arrest", "deport"}


def _agentless(tok: Token) -> bool:
    """A passive verb with no "by" phrase: "was arrested in Lebanon"."""
    return (
        tok.pos_ == "VERB"
        and any(c.dep_ == "auxpass" for c in tok.children)
        and not prep_objects(tok, {"by"})
    )


def _weapon_owners(weapon: Token, actors: ArticleActors, lexicon: Lexicon) -> list[Entity]:
    """Who fired or launched a projectile the sentence tells by its participle: "a drone
    fired by Houthi rebels", "a missile launched from Yemen"."""
    if weapon.lemma_.lower() not in lexicon.classes.get("projectile", frozenset()):
        return []
    for acl in weapon.children:
        if acl.dep_ != "acl" or acl.tag_ != "VBN":
            continue
        found = [e for h in prep_objects(acl, {"by"}) for e in actors.resolve(h) if e.code]
        found = found or [
            e for h in prep_objects(acl, {"from"}) for e in actors.resolve_within(h) if e.code
        ]
        if found:
            return found
    return []


def _bare_parties(
    heads: list[Token], actors: ArticleActors, keep: Callable[[Entity], bool]
) -> list[Entity]:
    """The parties the heads name only by a role, with no country, body or name ("police",
    "protesters"), that ``keep`` accepts."""
    return [
        e
        for h in heads
        if (e := actors.resolve_one(h, bare_roles=True)) is not None
        and keep(e)
        and not (e.code or e.org or e.name)
    ]


# Verbs that make "control of" a capture
CONTROL_TAKERS = frozenset({"take", "seize", "gain", "wrest", "regain", "retake", "assume"})


def _conjunct_object(tok: Token, actor: list[Entity], actors: ArticleActors) -> list[Entity]:
    if tok.dep_ != "conj" or tok.head.pos_ != "VERB" or _own_clause(tok):
        return []
    own = {e.code or e.org for e in actor}
    return [
        e
        for o in _children(tok.head, {"dobj"})
        for e in actors.resolve(o)
        if (e.code or e.org) and (e.code or e.org) not in own
    ]


def _into_a_country(tok: Token, actors: ArticleActors) -> bool:
    places = article_places(actors)
    return any(
        (place := places.place_of(o)) is not None and bool(place.country)
        for o in prep_objects(tok, {"into"})
    )


def _unnamed_attacker(tok: Token, lexicon: Lexicon) -> Token | None:
    """The weapon or unnamed attacker a verb of attack is told by: its subject ("a bomb
    killed"), its agent ("killed by a device") or its means ("killed in a car bomb
    explosion")."""
    words = lexicon.classes.get("attacker", frozenset())
    if tok.pos_ == "NOUN":
        # "blamed Israel for the bombing": a nominal attack is often someone's, said
        # elsewhere in the sentence; only the verb of the attack is taken
        return None
    heads = _children(tok, SUBJECT_DEPS) + prep_objects(tok, {"by", "in"})
    if tok.dep_ == "xcomp" and not heads:
        heads = _children(tok.head, SUBJECT_DEPS)  # "gunmen tried to kill the president"
    return next(
        (
            h
            for h in heads
            if h.lemma_.lower() in words
            or h.lower_ in words
            # "armed men", "unidentified gunmen", "masked assailants"
            or (
                h.lemma_.lower() in {"man", "person", "individual", "group"}
                and any(c.dep_ == "amod" and c.lower_ in UNNAMED_MARKS for c in h.children)
            )
        ),
        None,
    )


# Words that make people unnamed attackers: "armed men", "unidentified men"
UNNAMED_MARKS = frozenset({"armed", "masked", "unidentified", "unknown", "hooded"})


def _distractors(sent: Span, parties: list[Entity], actors: ArticleActors) -> int:
    """How many other countries the sentence names: each is a party the event could have
    been given by mistake."""
    own = {e.code for e in parties}
    named = {
        entry.code
        for i in range(sent.start, sent.end)
        if (match := actors.matches.get(i)) is not None
        for entry in match.entries
        if entry.code and entry.kind != "role"
    }
    return len(named - own)


def deontic_mention(
    tok: Token, actors: ArticleActors, lexicon: Lexicon, sent: Span, index: int
) -> Mention | None:
    """ "Russia said Sudan must return the helicopter": a predicate with a modal of
    obligation, complement of a saying verb, is the speaker's demand on its subject. The
    saying verb is the trigger (``tok``); its subject is the actor."""
    rule = lexicon.deontic
    if not rule or lexicon.lemma(tok) not in set(rule.get("governors") or ()):
        return None
    modals = set(rule.get("modals") or ())
    for comp in _children(tok, {"ccomp"}):
        if not any(c.dep_ == "aux" and c.lower_ in modals for c in comp.children):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        speaker, _ = subject_of(tok)
        actor = [e for h in speaker for e in actors.resolve(h)]
        addressed, _ = subject_of(comp)
        recipient = [e for h in addressed for e in actors.resolve(h)]
        if not actor or not recipient:
            continue
        trig = Trigger(
            key=f"{tok.lemma_.lower()} ... {comp.lemma_.lower()}",
            pos="verb",
            event=str(rule["event"]),
            cameo=str(rule["cameo"]),
            mode=rule.get("mode"),
        )
        return _finish(tok, trig, actor, recipient, sent, index, "deontic", actors, lexicon)
    return None


# Nouns that an event noun before them only classifies: "riot police", "protest
# leaders", "attack helicopters", "an invasion force" name people and things, not events
CLASSIFIED_HEADS = frozenset(
    {"police", "policeman", "officer", "squad", "unit", "force", "gear", "shield", "leader"}
    | {"organiser", "organizer", "group", "movement", "helicopter", "aircraft", "plane"}
    | {"jet", "craft", "boat", "ship", "vessel", "victim", "site", "camp", "zone", "season"}
    | {"capability", "capacity", "equipment", "vehicle", "weapon", "team", "committee"}
)


def _names_a_kind(noun: Token) -> bool:
    """An event noun that classifies the noun it modifies ("riot police")."""
    return (
        noun.dep_ == "compound"
        and noun.head.pos_ == "NOUN"
        and noun.head.lemma_.lower() in CLASSIFIED_HEADS
    )


def find_mentions(
    sent: Span, index: int, actors: ArticleActors, lexicon: Lexicon | None = None
) -> list[tuple[Token, Token | None, Mention]]:
    """Every event mention in one sentence, with its trigger and support-verb tokens."""
    lexicon = lexicon or default_lexicon()
    found: list[tuple[Token, Token | None, Mention]] = []
    for tok in sent:
        mention = None
        support = None
        if tok.pos_ in {"VERB", "AUX"} or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
            trig = lexicon.verb(tok)
            if trig is not None:
                mention = verb_mention(tok, trig, actors, lexicon, sent, index)
            if mention is None:
                mention = deontic_mention(tok, actors, lexicon, sent, index)
            if mention is None and trig is None and tok.dep_ in {"dobj", "pobj", "nsubj"}:
                # "held joint air force drills": a noun the tagger took for a verb
                trig = lexicon.noun(tok)
                if trig is not None:
                    mention = noun_mention(tok, trig, actors, lexicon, sent, index)
                    support = _support_verb(tok, lexicon)
        elif tok.pos_ in {"NOUN", "PROPN"}:
            trig = lexicon.noun(tok)
            if trig is not None and not _names_a_kind(tok):
                mention = noun_mention(tok, trig, actors, lexicon, sent, index)
                support = _support_verb(tok, lexicon)
        if mention is not None:
            _leaving_a_body(mention, tok, lexicon)
            _leaving_an_agreement(mention, tok, actors, lexicon)
            _struck_off_a_favoured_list(mention, tok, lexicon)
            _peacekeeping(mention, tok)
            found.append((tok, support, mention))
            actors.note_parties(mention.actor + mention.recipient)
    protests = {tok.i for tok, _, m in found if m.event == "PROTEST"}
    acts = {tok.i for tok, _, m in found if m.event != "PROTEST"}
    return [
        f
        for f in found
        if not _protest_demand(f[0], f[2], protests) and not _protest_motive(f[0], f[2], acts)
    ]


def _protest_motive(tok: Token, mention: Mention, acts: set[int]) -> bool:
    """ "recalled its ambassador in protest at Paris's stance": the act is the protest;
    the words say why it was done, no demonstration."""
    return (
        mention.event == "PROTEST"
        and mention.how == "noun"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and tok.head.head.i in acts
        # "farmers blockaded border crossings in protest": a crowd's act is its protest
        and bool(mention.actor)
        and all(e.sector in STATE_SECTORS for e in mention.actor)
    )


def _protest_demand(tok: Token, mention: Mention, protests: set[int]) -> bool:
    """ "thousands demonstrated in Kirkuk calling for independence": what a crowd calls
    for while it protests is what the protest is about, not a request of its own (unless
    it is made of a named party)."""
    return (
        mention.event == "REQUEST"
        and mention.how == "verb"
        and tok.tag_ == "VBG"
        and tok.dep_ in {"advcl", "xcomp", "conj"}
        and tok.head.i in protests
        and not any(e.code for e in mention.recipient)
    )


def _peacekeeping(mention: Mention, tok: Token) -> None:
    """ "the deployment of NATO peacekeeping troops", "deployed peacekeepers to Haiti":
    troops sent to keep a peace give protection (AID, CAMEO 074), they are no show of
    force."""
    if (
        mention.event == "MOBILIZE"
        and mention.mode == "troops"
        and any("peacekeep" in t.lower_ or _keeping_mission(t) for t in tok.subtree)
    ):
        mention.event, mention.mode, mention.cameo = "AID", None, "074"


# Missions whose forces keep order for a host: "to lead a multinational security mission"
KEEPING = frozenset({"multinational", "security", "stabilisation", "stabilization", "peace"})


def _keeping_mission(tok: Token) -> bool:
    return tok.lemma_.lower() == "mission" and any(
        c.lower_ in KEEPING for c in tok.children if c.dep_ in {"amod", "compound"}
    )


OPERATIONS = frozenset({"mission", "operation", "force", "deployment", "contingent", "coalition"})


def _leaving_a_body(mention: Mention, tok: Token, lexicon: Lexicon) -> None:
    """ "withdrew from ECOWAS", "announced their withdrawal from the bloc": leaving a body
    cuts ties with it (SANCTION); it is no pull-back of forces."""
    if (
        mention.event == "RETREAT"
        and mention.mode == "withdraw"
        and mention.recipient
        and all(e.code == "IGO" for e in mention.recipient)
        and not _object_in_class(tok, "troops", lexicon)
        and not _object_in_class(tok, "forces", lexicon)
        # "withdrew from the CSTO mission": an operation left, not the body
        and not any(o.lemma_.lower() in OPERATIONS for o in prep_objects(tok, {"from"}))
    ):
        mention.event, mention.mode, mention.cameo = "SANCTION", "discontinue", "160"


# What makes a list one of favour: "its list of trusted trading partners", "a whitelist"
FAVOURED = frozenset({"trusted", "preferred", "white", "whitelist", "favoured", "favored", "safe"})


def _struck_off_a_favoured_list(mention: Mention, tok: Token, lexicon: Lexicon) -> None:
    """ "removed South Korea from its list of trusted trading partners": struck off a list
    of favour, a party loses a privilege (SANCTION), unlike one struck off a blacklist."""
    if mention.event != "CONCEDE" or tok.lemma_.lower() != "remove":
        return
    lists = lexicon.classes.get("list", frozenset())
    for noun in prep_objects(tok, {"from"}):
        if noun.lemma_.lower() not in lists:
            continue
        words = [noun, *(w for o in prep_objects(noun, {"of"}) for w in o.subtree), *noun.lefts]
        if any(w.lower_ in FAVOURED for w in words):
            mention.event, mention.mode, mention.cameo = "SANCTION", "discontinue", "163"


def _leaving_an_agreement(
    mention: Mention, tok: Token, actors: ArticleActors, lexicon: Lexicon
) -> None:
    """ "withdrew from the INF treaty", "pulled the United States out of the Iran nuclear
    deal": leaving an agreement ends it with its other party (SANCTION), no pull-back."""
    if mention.event != "RETREAT" or mention.mode != "withdraw":
        return
    left = prep_objects(tok, {"from", "of"}) + [
        o for c in tok.children if c.lower_ == "out" for o in prep_objects(c, {"of"})
    ]
    deals = lexicon.classes.get("agreement", frozenset())
    agreements = [o for o in left if o.lemma_.lower() in deals]
    if not agreements:
        return
    doers = {e.code for e in mention.actor}
    heads = [h for o in agreements for h in (o, *prep_objects(o, {"with", "between"}))]
    parties = [e for h in heads for e in actors.resolve_within(h) if e.code not in doers]
    mention.event, mention.mode, mention.cameo = "SANCTION", "discontinue", "160"
    mention.recipient = parties
