"""Factuality of an event mention: asserted, reported (with its source), speculative,
future, hypothetical or negated, read from cues in the mention's own scope.

Scope follows the dependency parse: a cue counts when it modifies the trigger's
predicate or a predicate that governs it, so in "X met Y on Monday and the talks may
lead to a pact" the meeting stays asserted while the pact is speculative. A nominal
event that is the subject of its clause ("the meeting between X and Y likely touched
upon...") is presupposed: the hedge is about what it touched upon, not whether it took
place. Cue words live in ``data/cues.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

from communique.errors import KnowledgeError

NOMINAL_CLIMB_DEPS = {"pobj", "prep", "conj", "appos", "compound", "poss", "nmod", "npadvmod", "cc"}
CLAUSE_CLIMB_DEPS = {
    "xcomp",
    "ccomp",
    "advcl",
    "conj",
    "acl",
    "relcl",
    "pcomp",
    "pobj",
    "prep",
    "dobj",
    "attr",
    "oprd",
    "acomp",
}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "ROOT"}
MAX_CLIMB = 8
# Prepositions that present a nominal event as given background, whatever the clause
# around it claims: "after eight hours of talks", "following the strikes".
PRESUPPOSING_PREPS = {"after", "following", "since", "during", "amid", "despite"}
# Prepositions of a means: "with Qatari mediation", "through Egyptian mediation"
MANNER_PREPS = {"with", "through", "under", "via"}
JOURNEYS = {"visit", "trip", "tour", "journey"}
# Prepositions by which a warning or a bracing names what it expects: "warned of a Russian
# attack", "braced for an Iranian strike", "warned Israel against a ground offensive"
ANTICIPATED_PREPS = {"of", "about", "against", "for"}
# Prepositions by which talks name what they are about: "talks on a ceasefire"
DELIBERATED_PREPS = {"on", "over", "about", "toward", "towards", "for"}


@dataclass(frozen=True)
class Cues:
    modal_aux: dict[str, str]
    hedge_adverbs: frozenset[str]
    future_adverbs: frozenset[str]
    negation: frozenset[str]
    future_governors: frozenset[str]
    speculative_governors: frozenset[str]
    negative_governors: frozenset[str]
    hypothetical_marks: frozenset[str]
    speculative_modifiers: frozenset[str]
    future_modifiers: frozenset[str]
    negative_modifiers: frozenset[str]
    speculative_nouns: frozenset[str]
    anticipating_verbs: frozenset[str]
    deliberation_nouns: frozenset[str]
    opposing_verbs: frozenset[str]
    negotiated_outcomes: frozenset[str]
    reporting_verbs: frozenset[str]
    historical_years: int = 5


@functools.lru_cache(maxsize=1)
def default_cues() -> Cues:
    path = resources.files("communique") / "data" / "cues.yaml"
    try:
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Cues(
            modal_aux={str(k): str(v) for k, v in data["modal_aux"].items()},
            historical_years=int(data.get("historical_years", 5)),
            **{
                name: frozenset(str(w) for w in data[name])
                for name in Cues.__dataclass_fields__
                if name not in {"modal_aux", "historical_years"}
            },
        )
    except (OSError, yaml.YAMLError, KeyError, AttributeError) as exc:
        raise KnowledgeError(f"{path}: malformed cue lexicon: {exc!r}") from exc


def _subject_text(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return "".join(t.text_with_ws for t in child.subtree).strip()
    return None


def _according_to(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for grand in child.children:
                if grand.lower_ == "to":
                    objs = [g for g in grand.children if g.dep_ == "pobj"]
                    if objs:
                        return "".join(t.text_with_ws for t in objs[0].subtree).strip()
    return None


PRESENT_TAGS = frozenset({"VB", "VBP", "VBZ"})
# "stopped short of imposing sanctions", "fell short of a deal": not done
SHORT_OF = frozenset({"stop", "fall"})
# When one predicate carries several cues ("will probably host"), the strongest wins.
CUE_PRIORITY = ("negated", "hypothetical", "speculative", "future")


def _own_cue(level: Token, cues: Cues, *, governing: bool, negation: bool = True) -> str | None:
    """A factuality cue on one predicate: its auxiliaries, adverbs, negation, marks, and
    (when it governs the event) its own meaning: "denied", "plans", "it is possible".
    Without `negation`, its "not" is left out (for a predicate contrasted with it)."""
    found: set[str] = set()
    if level.dep_ in {"pcomp", "pobj"} and level.head.lower_ == "without":
        found.add("negated")  # "left Moscow without signing an agreement"
    for child in level.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ in {"det", "advmod"} and low in {"never", "no"}):
            if negation:
                found.add("negated")
        elif child.dep_ == "mark" and low in cues.hypothetical_marks:
            found.add("hypothetical")
        elif child.dep_ == "mark" and low in {"until", "till"} and level.tag_ in PRESENT_TAGS:
            found.add("future")  # "will fight until they gain control": not yet
        elif child.dep_ in {"aux", "auxpass"} and low in cues.modal_aux:
            if low == "would" and _reported_intention(level, cues):
                found.add("future")
            else:
                found.add(cues.modal_aux[low])
        elif child.dep_ == "advmod" and low in cues.hedge_adverbs:
            found.add("speculative")
        elif (
            child.dep_ in {"advmod", "npadvmod"}
            and low in cues.future_adverbs
            and level.tag_ != "VBD"  # "announced later", "hours later": past
            and not any(True for _ in child.children)
        ):
            found.add("future")
        elif governing and child.dep_ in {"acomp", "attr"}:
            # "it is possible that ...", "they are likely to ..."
            lemma = child.lemma_.lower()
            if lemma in cues.speculative_governors or low in cues.hedge_adverbs:
                found.add("speculative")
            elif lemma in cues.future_governors:
                found.add("future")
    if governing:
        lemma = level.lemma_.lower()
        particle = next((c.lower_ for c in level.children if c.dep_ == "prt"), None)
        if particle and f"{lemma}_{particle}" in cues.negative_governors:
            lemma = f"{lemma}_{particle}"  # "ruled out", "called off"
        if lemma in cues.negative_governors:
            found.add("negated")
        elif lemma in cues.future_governors:
            found.add("future")
        elif lemma in cues.speculative_governors:
            found.add("speculative")
        elif lemma in COMMANDS and any(
            c.dep_ == "dobj" and c.pos_ == "PROPN" for c in level.children
        ):
            found.add("speculative")  # "the ICJ ordered Israel to halt": not yet done
    if governing and level.lower_ == "short" and level.head.lemma_.lower() in SHORT_OF:
        found.add("negated")  # "stopped short of imposing sanctions", "fell short of"
    if level.lower_ == "going" and any(c.dep_ == "xcomp" for c in level.children):
        found.add("future")
    if (
        governing
        and level.lemma_.lower() == "be"
        and not any(c.dep_ in {"acomp", "attr"} for c in level.children)
        and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in level.children
        )
    ):
        found.add("future")  # "are to hold talks on Saturday"
    return next((cue for cue in CUE_PRIORITY if cue in found), None)


# Nouns whose compound names what is only proposed or negotiated: "a ceasefire proposal"
PROPOSING_NOUNS = frozenset(
    {"proposal", "plan", "offer", "talks", "talk", "negotiation", "bid", "initiative"}
    | {"draft", "resolution", "call", "demand", "framework", "roadmap"}
)
# Verbs of bringing others to an agreement
BROKERING = frozenset({"broker", "mediate", "facilitate"})
# Verbs of command: what a named party is ordered to do is a directive ("ordered troops
# to withdraw" is the commander's own act)
COMMANDS = frozenset({"order", "instruct", "command", "direct"})
# Nouns whose "that" clause is what someone announced
ANNOUNCING_NOUNS = frozenset(
    {"announcement", "statement", "pledge", "promise", "assurance", "declaration", "vow"}
)


def _reported_intention(verb: Token, cues: Cues) -> bool:
    """ "Iraq said it would allow the inspectors back": "would" under a saying verb is
    the future of the past (an announced intention), not a hypothesis, unless a condition
    comes with it ("would ... if")."""
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head  # "said the team had merged and would cease work"
    said = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in cues.reporting_verbs
    # "the announcement that it would buy bonds", "his pledge that Iran would not ..."
    announced = (
        clause.dep_ == "acl"
        and clause.head.lemma_.lower() in ANNOUNCING_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    )
    if not (said or announced):
        return False
    conditions = [
        c
        for clause in (verb, *(x for x in verb.children if x.dep_ == "advcl"))
        for c in clause.children
        if c.dep_ == "mark" and c.lower_ in cues.hypothetical_marks
    ]
    return not conditions


def _nominal_cue(noun: Token, cues: Cues) -> str | None:
    for child in noun.children:
        low = child.lower_
        if child.dep_ == "det" and low == "no":
            return "negated"
        if child.dep_ in {"amod", "compound", "advmod"}:
            if low in cues.negative_modifiers:
                return "negated"
            if low in cues.future_modifiers:
                return "future"
            if low in cues.speculative_modifiers:
                return "speculative"
    return None


def assess(
    trigger: Token, support: Token | None = None, cues: Cues | None = None
) -> tuple[str, str | None]:
    """(factuality, attribution) of the event triggered by ``trigger``."""
    factuality, attribution, _ = reading(trigger, support, cues)
    return factuality, attribution


def reading(
    trigger: Token, support: Token | None = None, cues: Cues | None = None
) -> tuple[str, str | None, bool]:
    """(factuality, attribution, aim): ``aim`` marks a purpose ("met to boost ties"), a
    future event that is nobody's promise, so PLOVER's intent recoding leaves it alone."""
    factuality, attribution = _assess(trigger, support, cues or default_cues())
    if factuality == AIM:
        return "future", None, True
    return factuality, attribution, False


# Nouns whose infinitive is an act decided on: "a deal to supply jets", "the decision to
# withdraw"; a plan, an effort or a platform "to" do something names only a possibility
COMMITMENTS = frozenset(
    {"decision", "agreement", "deal", "contract", "pact", "treaty", "accord", "negotiation"}
    | {"journey", "trip", "mission", "visit", "commitment", "pledge", "promise", "vote"}
)
# Nouns of an intention: what they are "to" do is their aim ("a plan to cut jobs"); a
# platform, a chance or a way "to" do something names only a possibility
INTENTIONS = frozenset(
    {"plan", "effort", "attempt", "step", "move", "bid", "measure", "push", "drive"}
    | {"initiative", "campaign", "strategy", "programme", "program", "scheme", "intention"}
    | {"intent", "aim", "goal", "operation", "offensive", "package", "policy"}
)
UNREAL = frozenset({"speculative", "hypothetical", "negated"})
DOUBTED = frozenset({"speculative", "hypothetical"})
AIM = "aim"  # _assess's value for a purpose; shown as "future"


def _assess(trigger: Token, support: Token | None, cues: Cues) -> tuple[str, str | None]:
    attribution: str | None = None
    sentence = trigger.sent
    question = sentence.text.rstrip().endswith("?")
    level = trigger
    manner: Token | None = None
    if (
        trigger.dep_ == "acl"
        and trigger.tag_ == "VBN"
        and trigger.head.pos_ in {"NOUN", "PROPN"}
        and support is None
        and any(c.dep_ == "agent" for c in trigger.children)
    ):
        # "after talks mediated by Qatar", "a deal brokered by China": a participle with
        # its agent describes a thing, and is as real as the thing it describes
        thing = trigger.head
        if trigger.lemma_.lower() in BROKERING and (
            thing.dep_ == "dobj" or (thing.dep_ == "pobj" and thing.head.lower_ in {"to", "on"})
        ):
            # "agreed to a ceasefire brokered by Washington": the brokering is as real as
            # the agreeing, whatever becomes of the ceasefire agreed to
            verb = thing.head.head if thing.dep_ == "pobj" else thing.head
            if verb.pos_ in {"VERB", "AUX"}:
                return _assess(verb, None, cues)
        return _assess(thing, None, cues)
    if trigger.pos_ in {"NOUN", "PROPN"}:
        own = _nominal_cue(trigger, cues)
        if own is not None:
            return own, None
        if trigger.dep_ == "compound" and trigger.head.lemma_.lower() in PROPOSING_NOUNS:
            # "presented a new ceasefire proposal", "ceasefire talks": proposed or
            # negotiated, not in force
            return "speculative", None
        level = support or trigger
        while level.pos_ in {"NOUN", "PROPN", "ADP", "NUM"} and level.dep_ in NOMINAL_CLIMB_DEPS:
            if level.dep_ == "prep" and level.lower_ in MANNER_PREPS and support is None:
                manner = level
            via = level
            level = level.head
            if level.pos_ in {"NOUN", "PROPN"} and (cue := _nominal_cue(level, cues)):
                return cue, None

            if (
                via.dep_ == "prep"
                and via.lower_ in {"of", "for"}
                and level.lemma_.lower() in cues.speculative_nouns
            ):
                # "oil rose on fears of an Israeli strike": feared, not done
                return "speculative", None
            if (
                via.dep_ == "prep"
                and via.lower_ in ANTICIPATED_PREPS
                and level.pos_ in {"VERB", "AUX"}
                and level.lemma_.lower() in cues.anticipating_verbs
            ):
                # "warned of a Russian attack", "Israel braced for an Iranian strike":
                # expected, not done
                return "speculative", None
            if (
                via.dep_ == "prep"
                and via.lower_ in DELIBERATED_PREPS
                and level.lemma_.lower() in cues.deliberation_nouns
                and trigger.lemma_.lower() in cues.negotiated_outcomes
            ):
                # "talks on a ceasefire collapsed", "negotiations over a prisoner
                # exchange": what is negotiated is not yet agreed ("talks about Israeli
                # strikes" are about strikes that happened)
                return "speculative", None
            if _causal(level):
                # "withdrew due to the attacks", "because of the strikes": a cause is given
                return _reported_only(_causal_clause(level), cues)
            if level.dep_ == "prep" and (
                level.lower_ in PRESUPPOSING_PREPS
                # "on a visit to Beijing, urged restraint": the journey is the setting
                or (
                    level.lower_ == "on"
                    and trigger.head == level
                    and trigger.lemma_.lower() in JOURNEYS
                )
            ):
                # "after talks between X and Y, ...": the talks are background, given
                return _reported_only(level.head, cues)
        if (
            level.pos_ in {"NOUN", "PROPN"}
            and level.dep_ in SUBJECT_DEPS
            and level.head.lemma_.lower() in OCCURRENCE_VERBS
        ):
            # "talks could resume", "the summit will take place": the predicate says
            # whether the event happens; read it as the event's own verb
            level = level.head
            support = level
        elif level.pos_ in {"NOUN", "PROPN"} and level.dep_ in SUBJECT_DEPS:
            if level.dep_ == "nsubjpass" and _phrasal_lemma(level.head) in cues.negative_governors:
                return "negated", None  # "the summit was cancelled", "talks were called off"
            if level.dep_ == "nsubj" and level.head.lemma_ == "be":
                # "a Chinese invasion was unlikely", "an attack is possible"
                said = _predicated_cue(level.head, cues)
                if said is not None:
                    return said, None
            # presupposed: the event is what the clause is about, not what it claims
            level = level.head
            return _reported_only(level, cues)
        if level.pos_ in {"NOUN", "PROPN"}:
            level = level.head
    # the trigger's own verb (or the support verb of "held talks") is read for its
    # auxiliaries only; a verb that takes the nominal event as its argument governs it
    # ("denied the attack", "scheduled ... in the first visit")
    first = level == trigger or (support is not None and level == support)
    came_from: Token | None = None
    if manner is not None and level == manner.head:
        # "with Qatari mediation, Israel and Hamas agreed on a ceasefire": the means of an
        # act is not what the act's verb says will happen
        came_from = manner
    elif trigger.dep_ == "pobj" and _motive(trigger.head) and level == trigger.head.head:
        came_from = trigger.head  # "blocked the crossings in protest at grain imports"
    for _ in range(MAX_CLIMB):
        if _ranked_relative(level):
            # "Modi became the first Indian prime minister to visit Kyiv": who did it
            # first is told as a fact; the clause of the ranked noun says whether it is
            noun = level.head
            while noun.dep_ in {"conj", "appos", "pobj", "prep"} and noun.head != noun:
                noun = noun.head
            came_from, level, first = noun, noun.head, False
            if noun.head == noun:
                break
            continue
        if _infinitive_of_purpose(level):
            # "met to boost ties": what a clause of purpose names is an aim, intended and
            # not yet done (MEANTIME, too, reads purposes as certain future events); "a
            # platform for India to share intelligence" names a possibility
            committed = level.dep_ == "acl" and level.head.lemma_.lower() in COMMITMENTS
            if not committed and (level.dep_ != "advcl" or level.head.pos_ not in {"VERB", "AUX"}):
                if level.head.lemma_.lower() not in INTENTIONS:
                    return "speculative", None
                # "a plan to cut jobs", "an effort to ease the crisis": what an intention
                # is for is an aim, unless the intention itself is unreal
                outer, _ = _assess(level.head, None, cues)
                return (outer if outer in UNREAL else AIM), None
            # an aim of an act that may not happen is no more than that act: "may deploy
            # troops to attack", "a platform for India to work with them to share ..."
            outer, _ = _assess(level.head, None, cues)
            return (outer if outer in UNREAL else AIM), None
        # a verb governs what it takes as complement, not the clauses that only hang on
        # it ("was set ablaze after it was attacked": "set" does not govern the attack)
        governing = not first and (
            came_from is None
            or (
                came_from.dep_ not in UNGOVERNED_DEPS
                and came_from is not manner
                # "blocked the crossings in protest": a motive, not what is blocked
                and not _motive(came_from)
            )
            # "its demand that Israel ease restrictions": a noun's content clause
            or (
                came_from.dep_ == "acl"
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in came_from.children)
            )
        )
        if (
            governing
            and came_from is not None
            and came_from.dep_ == "prep"
            and came_from.lower_ in ANTICIPATED_PREPS
            and level.lemma_.lower() in cues.anticipating_verbs
        ):
            # "warned the West against sending missiles": warned of, not done
            return "speculative", None
        if governing and _opposed_act(level, came_from, cues):
            # "France opposes sending troops", "objected to sending tanks": an act
            # opposed is not done
            return "negated", None
        if _subjunctive(level):
            # "reiterated its demand today that Israel ease restrictions", "insisted that
            # the sanctions be lifted": a mandative subjunctive is what is wanted, not done
            return "speculative", None
        # "did not comment but said ...": what is set against a denial is not denied
        contrasted = came_from is not None and _contrasted(came_from)
        cue = _own_cue(level, cues, governing=governing, negation=not contrasted)
        if cue == "future" and governing:
            # "the US must be ready to mediate", "may plan to visit": an intention that is
            # itself demanded or doubted is no more than that
            outer, _ = _assess(level, None, cues)
            if outer in DOUBTED:
                return outer, None
        if (
            cue == "negated"
            and governing
            and _phrasal_lemma(level) in cues.negative_governors
            and _assess(level, None, cues)[0] == "negated"
        ):
            # "refused to rule out sending troops", "did not deny the strike": a denial
            # denied leaves the act open
            return "speculative", None
        if cue is not None:
            return cue, None
        if (
            not first
            and came_from is not None
            and came_from.dep_ == "xcomp"
            and level.lemma_.lower() in cues.reporting_verbs
            and any(c.dep_ == "auxpass" for c in level.children)
        ):
            # "Iran is reported to have supplied drones", "is said to have met": hearsay
            # with no source, not a report
            return "speculative", None
        if (
            not first
            and came_from is not None
            and came_from.dep_ == "xcomp"
            and level.lemma_.lower() == "tell"
            and any(c.dep_ == "dobj" for c in level.children)
        ):
            # "Biden told Netanyahu to allow more aid in": a directive, not a report
            return "speculative", None
        if not first and level.lemma_.lower() in cues.reporting_verbs and attribution is None:
            attribution = _subject_text(level)
            if attribution is not None:
                return "reported", attribution
        attribution = attribution or _according_to(level)
        if attribution is not None:
            return "reported", attribution
        reporter = _reporting_child(level, cues)
        if reporter is not None:
            return "reported", reporter
        first = False
        if _background_clause(level) or _object_relative(level):
            if _anniversary(level):
                # "marking 25 years since Poland joined NATO": long past
                return "historical", None
            # "after being attacked", "after it was attacked": given background
            return _reported_only(level.head.head if level.dep_ == "pcomp" else level.head, cues)
        if level.dep_ in CLAUSE_CLIMB_DEPS and level.head != level:
            came_from = level
            level = level.head
            if _misplaced_remark(came_from, level, cues):
                level = level.head
            continue
        break
    if question:
        return "speculative", None
    return "asserted", None


# Participles by which a party comments on its own act: ", blaming Moscow for ..."
REMARKS = frozenset({"blame", "accuse", "cite", "condemn", "denounce", "describe", "call"})


def _misplaced_remark(participle: Token, head: Token, cues: Cues) -> bool:
    """ "Poland ordered Russia to close its consulate, blaming Moscow for an arson
    attack": the parser hangs the comment on the ordered act, but it is said by the
    clause's subject, as real as the order, not as the closing."""
    return (
        participle.dep_ == "advcl"
        and participle.tag_ == "VBG"
        and participle.i > 0
        and participle.doc[participle.i - 1].text == ","
        and (
            participle.lemma_.lower() in REMARKS
            or participle.lemma_.lower() in cues.reporting_verbs
        )
        and head.dep_ == "xcomp"
        and head.head != head
    )


# What an act is done "in": its motive ("in protest", "in retaliation"), not its object
MOTIVES = frozenset({"protest", "response", "retaliation", "reprisal", "solidarity", "revenge"})


def _motive(prep: Token) -> bool:
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and any(c.dep_ == "pobj" and c.lemma_.lower() in MOTIVES for c in prep.children)
    )


def _opposed_act(level: Token, came_from: Token | None, cues: Cues) -> bool:
    """``level`` opposes the act in the gerund it governs ("opposes sending troops",
    "objected to sending tanks"); an opposed thing ("opposed the strikes") may be real."""
    if came_from is None or level.lemma_.lower() not in cues.opposing_verbs:
        return False
    if came_from.dep_ == "prep" and came_from.lower_ in {"to", "against"}:
        came_from = next((c for c in came_from.children if c.dep_ == "pcomp"), came_from)
    return came_from.tag_ == "VBG"


def _phrasal_lemma(verb: Token) -> str:
    """A verb's lemma with its particle: "call_off" for "were called off"."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma}_{particle}" if particle else lemma


def _predicated_cue(copula: Token, cues: Cues) -> str | None:
    """What a copula says of its subject's likelihood: "was unlikely", "is possible",
    "is imminent" (its own negation is left out: "the attack was not a surprise")."""
    for child in copula.children:
        if child.dep_ not in {"acomp", "attr"}:
            continue
        lemma = child.lemma_.lower()
        if lemma in cues.speculative_governors or child.lower_ in cues.hedge_adverbs:
            return "speculative"
        if lemma in cues.future_governors or lemma in IMMINENT:
            return "future"
    return None


# "an attack is imminent": about to happen, not yet
IMMINENT = frozenset({"imminent"})


def _subjunctive(verb: Token) -> bool:
    """A "that" clause in the base form with its own subject: "that Israel ease", "that
    the sanctions be lifted". English uses it only for what is demanded or proposed."""
    if verb.dep_ not in {"ccomp", "acl"}:
        return False
    kids = list(verb.children)
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
        return False
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in kids):
        return False
    if any(c.dep_ == "aux" for c in kids):
        return False
    if verb.tag_ == "VB":
        return not any(c.dep_ == "auxpass" for c in kids)
    return verb.tag_ == "VBN" and [c.lower_ for c in kids if c.dep_ == "auxpass"] == ["be"]


ATTEMPTS = frozenset({"attempt", "try"})


def attempt_of(trigger: Token, support: Token | None = None) -> Token | None:
    """The attempt an act is the object of: "attempted to assassinate", "tried to hack
    into", "an attempt to kill", "an assassination attempt". A violent act attempted has
    happened as an attack, whether or not it succeeded (PLOVER counts attempted
    assassinations as ASSAULT)."""
    node = support or trigger
    if node.dep_ in {"xcomp", "acl"} and node.head.lemma_.lower() in ATTEMPTS:
        if node.dep_ == "acl" and node.head.pos_ != "NOUN":
            return None
        return node.head
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "compound"
        and trigger.head.lemma_.lower() == "attempt"
    ):
        return trigger.head
    return None


REFUSAL_MODALS = {"will", "wo", "would", "can", "ca", "could", "shall"}


def refusal(trigger: Token, support: Token | None = None) -> bool:
    """ "will not accept", "would not meet", "cannot allow": a negated modal on the event's
    own verb is a refusal of it, not a report that it did not happen."""
    verb = support or trigger
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSAL_GOVERNORS:
        # "failed to reach agreement", "declined to meet"; but a refusal only urged or
        # doubted is none ("urged the EU to refuse to recognise Macedonia")
        return _assess(verb.head, None, default_cues())[0] not in UNREAL
    children = list(verb.children)
    return any(c.dep_ == "neg" for c in children) and any(
        c.dep_ == "aux" and c.lower_ in REFUSAL_MODALS for c in children
    )


# Verbs whose complement is an act refused or not achieved
REFUSAL_GOVERNORS = {"fail", "refuse", "decline"}

UNGOVERNED_DEPS = {"advcl", "conj", "relcl", "acl"}
# Predicates that say of a nominal event whether (and when) it happens
OCCURRENCE_VERBS = {
    "resume",
    "begin",
    "start",
    "take",
    "happen",
    "occur",
    "proceed",
    "go",
    "open",
    "commence",
    "restart",
}


# Marks of a clause that gives its past event as the time or cause of another: "did not
# react when the drones struck", "stayed away because the talks had failed"
GIVEN_MARKS = frozenset({"when", "because", "as", "while", "once", "whereas"})
CONTRASTS = frozenset({"but", "yet"})


def _contrasted(conj: Token) -> bool:
    """A conjunct set against the one before it: the "said" of "did not comment but
    said"."""
    if conj.dep_ != "conj":
        return False
    # the parser may hang the "but" on the first conjunct's own complement ("does not
    # attempt to compete ... but is aimed at")
    return any(
        t.dep_ == "cc" and t.lower_ in CONTRASTS and t.head.pos_ in {"VERB", "AUX"}
        for t in conj.doc[conj.head.i + 1 : conj.i]
    )


def _past(verb: Token) -> bool:
    """Told in a past tense: "struck", "was attacked", "had failed", "has closed"."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.tag_ == "MD" for c in auxes):
        return False
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" and c.lemma_ != "do" for c in auxes):
        return True
    return verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxes)


RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})


def _object_relative(verb: Token) -> bool:
    """A finite relative clause with a subject of its own describes its noun by what is
    given: "may attack the city that Ukraine recaptured", "will not name the firms it
    intends to close"."""
    if verb.dep_ != "relcl" or not _past(verb):
        return False  # "in November, when Indonesia hosts the summit": yet to come
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in RELATIVE_PRONOUNS and c.tag_ != "WP"
        for c in verb.children
    )


def _background_clause(verb: Token) -> bool:
    """A past event in a temporal clause of precedence: "after it was attacked", "after
    being attacked", "since the troops withdrew"; or one given as the time or cause of
    another: "when the drones struck", "because the talks had failed"."""
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        prep = verb.head.lower_
        return prep in PRESUPPOSING_PREPS and (
            verb.tag_ == "VBN" or any(c.lower_ in {"being", "having"} for c in verb.children)
        )
    if verb.dep_ != "advcl":
        return False
    marks = {
        c.lower_
        for c in verb.children
        if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")  # "when"
    }
    if verb.tag_ in {"VBD", "VBN"} and marks & {"after", "since"}:
        return True
    return bool(marks & GIVEN_MARKS) and _past(verb)


SPANS_OF_YEARS = frozenset({"year", "decade", "century", "anniversary"})


def _anniversary(verb: Token) -> bool:
    """ "25 years since Poland joined NATO", "a decade since the war began": the clause
    is counted in years from its event."""
    if not any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return False
    return any(t.lemma_.lower() in SPANS_OF_YEARS for t in verb.head.subtree if t.i < verb.i)


# Words that rank the one who did something: "the first leader to visit", "the only
# country to vote against"
RANKS = frozenset({"first", "second", "third", "last", "only", "latest", "sole", "fourth"})


def _ranked_relative(verb: Token) -> bool:
    """An infinitival relative on a ranked noun: "the first woman to lead a carmaker"."""
    if verb.tag_ != "VB" or verb.dep_ not in {"relcl", "acl"}:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    noun = verb.head
    return noun.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and any(
        c.lower_ in RANKS for c in noun.children if c.dep_ in {"amod", "advmod", "det"}
    )


# Words that with "to" (or "of") make a preposition of cause: "due to", "because of"
CAUSAL_HEADS = frozenset({"due", "owing", "thanks", "because"})


def _causal(level: Token) -> bool:
    """The preposition of a cause: the "to" of "due to", "owing to", "thanks to", or the
    "because" of "because of"."""
    if level.dep_ not in {"prep", "pcomp"}:
        return False
    if level.lower_ == "because":
        return True
    before = level.doc[level.i - 1] if level.i > 0 else None
    return level.lower_ == "to" and before is not None and before.lower_ in CAUSAL_HEADS


def _causal_clause(level: Token) -> Token:
    """The clause a cause hangs on: the head of "due" in "withdrew due to the attacks"."""
    head = level.head
    return head.head if head.lower_ in CAUSAL_HEADS else head


def _infinitive_of_purpose(verb: Token) -> bool:
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ in {"acl", "relcl", "advcl"}:
        return True
    return verb.dep_ == "xcomp" and verb.head.pos_ in {"NOUN", "PROPN"}


def _reported_only(level: Token, cues: Cues) -> tuple[str, str | None]:
    for step in range(MAX_CLIMB):
        # the clause a background hangs on is not what its own verb reports: "declared a
        # curfew after protesters stormed his office", "said after meeting Xi that ..."
        if step and level.lemma_.lower() in cues.reporting_verbs:
            who = _subject_text(level)
            if who:
                return "reported", who
        found = _according_to(level) or _reporting_child(level, cues)
        if found:
            return "reported", found
        if level.head == level:
            break
        level = level.head
    return "asserted", None


def _reporting_child(level: Token, cues: Cues) -> str | None:
    """ "X met Y, the ministry said" parsed with "said" hanging off "met"."""
    for child in level.children:
        if (
            child.dep_ in {"parataxis", "advcl", "ccomp", "conj"}
            and (child.lemma_.lower() in cues.reporting_verbs)
            and child.i > level.i
        ):
            who = _subject_text(child)
            if who:
                return who
    return None


def historical(
    factuality: str, day: date | None, precision: str | None, published: date | None
) -> str:
    """An asserted event the text itself dates years before publication ("in 1988") is
    historical: background, not news."""
    if factuality != "asserted" or day is None or published is None:
        return factuality
    if precision in {"day", "month", "year"}:
        years = default_cues().historical_years
        if (published - day).days > 365 * years:
            return "historical"
    return factuality
