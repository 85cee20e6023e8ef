"""From mentions to events: one record per real event within an article.

A padded article names its one meeting again and again ("the meeting between Mr. Singh
and Mr. Khrenin", "the bilateral meeting between India and Belarus"). Mentions of the
same type, with compatible parties (one's countries a subset of the other's), the same
direction and the same factuality class, are one event; every mention's sentence is kept
in the event's evidence. Two meetings with different counterparts stay two events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from communique.codebook import Codebook
from communique.gazetteer import gazetteer
from communique.places import CLAUSE_BASES
from communique.records import Entity, Event, Mention, Place, content_hash

REALIS = ("asserted", "reported")
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "published": 4, None: 5}
# Confidence by how the trigger was found. Calibrated by hand on the sample corpus
# (samples/expected.jsonl): verbal triggers with a parsed subject were right most often,
# bare nominal ones least; a second mention of the same event is strong support.
BASE_CONFIDENCE = {"verb": 0.7, "support-verb": 0.7, "noun": 0.6}
BOTH_PARTIES_BONUS = 0.1
PER_MENTION_BONUS = 0.05
MAX_CONFIDENCE = 0.95
MIN_CONFIDENCE = 0.3
MISSING_PARTY_PENALTY = 0.1
DISTRACTOR_PENALTY = 0.1
EXTRA_DISTRACTOR_PENALTY = 0.1
# a party missing while the sentence names other countries: the missing party is likely
# one of them, so the event's parties are likely wrong (per other country, up to two)
MISSING_AMONG_OTHERS_PENALTY = 0.1
PRONOUN_PENALTY = 0.1
MANY_PARTIES = 3
SUBORDINATE_PENALTY = 0.1
FAR_TARGET_PENALTY = 0.05
NAMED_ACTOR_BONUS = 0.05
# acts with no target to miss: a resignation
ONE_PARTY_MODES = frozenset({"resign"})
SUBORDINATE_DEPS = {"xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp"}
PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her"}


def _confidence(
    primary: Mention, group: list[Mention], actor: list[Entity], recipient: list[Entity]
) -> float:
    """How far to trust an event, from how it was found: the kind of trigger, whether
    every party it needs was found and coded (a directed event without its target is
    often a misreading, the more so when its sentence names other countries), whether its
    sentence names other countries that could have been the parties, whether a party was
    read through a pronoun, whether the trigger sits in a subordinate clause, whether the
    target was found away from the trigger's own arguments, whether a known person acts,
    and how many sentences report it. Measured by eval/calibration.py (AUC of right over
    wrong events)."""
    confidence = BASE_CONFIDENCE.get(primary.how, 0.6)
    reciprocal = primary.reciprocal and len(actor) >= 2
    complete = reciprocal or (bool(actor) and bool(recipient))
    if complete and all(e.code for e in actor + recipient):
        confidence += BOTH_PARTIES_BONUS
    elif not reciprocal and not recipient and primary.mode not in ONE_PARTY_MODES:
        confidence -= MISSING_PARTY_PENALTY
        confidence -= MISSING_AMONG_OTHERS_PENALTY * min(primary.distractors, 2)
    if len({e.code or e.key() for e in actor + recipient}) < MANY_PARTIES:
        # a second mention confirms that the event happened; with three or more parties
        # it seldom confirms the whole list (on the dev sets such events were right 3
        # times in 9, against 93% for two-party events told twice)
        confidence += PER_MENTION_BONUS * (len(group) - 1)
    if primary.distractors:
        # the sentence names another country too: it might have been the party
        confidence -= DISTRACTOR_PENALTY
        if primary.distractors >= 3 and len(group) == 1:
            # three or more others, and no other sentence says it: more doubt
            confidence -= EXTRA_DISTRACTOR_PENALTY
    if any(e.entity_text.lower() in PRONOUNS for e in actor + recipient):
        confidence -= PRONOUN_PENALTY  # a party read through a pronoun
    if primary.trigger_dep in SUBORDINATE_DEPS:
        confidence -= SUBORDINATE_PENALTY  # found in a subordinate clause
    if primary.far_target:
        confidence -= FAR_TARGET_PENALTY  # the target was found away from the trigger
    if any(e.name for e in actor):
        confidence += NAMED_ACTOR_BONUS  # a known person acts: a firmer reading
    return round(min(MAX_CONFIDENCE, max(MIN_CONFIDENCE, confidence)), 2)


def _fact_class(factuality: str) -> str:
    return "realis" if factuality in REALIS else factuality


def _codes(entities: Iterable[Entity]) -> frozenset[str]:
    return frozenset(e.code or e.org or e.key() for e in entities)


def _party_codes(m: Mention) -> frozenset[str]:
    return _codes(m.actor + m.recipient)


def _compatible(group: list[Mention], m: Mention) -> int:
    """Overlap score of a mention with a group of mentions (0 when they cannot merge)."""
    first = group[0]
    if first.event != m.event or _fact_class(first.factuality) != _fact_class(m.factuality):
        return 0
    if first.reciprocal != m.reciprocal and not (
        # "signed an agreement with Japan": the verb and the noun name one mutual act
        m.sentence_index == first.sentence_index
        and (_party_codes(m) <= _party_codes(first) or _party_codes(first) <= _party_codes(m))
        and m.mode != "visit"
        and first.mode != "visit"
    ):
        return 0  # a visit (visitor -> host) and the talks held during it are two events
    g_codes = frozenset().union(*(_party_codes(x) for x in group))
    m_codes = _party_codes(m)
    if not (m_codes <= g_codes or g_codes <= m_codes):
        return 0
    if not first.reciprocal:
        g_actor = frozenset().union(*(_codes(x.actor) for x in group))
        m_actor = _codes(m.actor)
        if m_actor and g_actor and not (m_actor <= g_actor or g_actor <= m_actor):
            return 0
    span = _span(m)
    if span is not None and any(
        (other := _span(x)) is not None and (other[1] < span[0] or span[1] < other[0])
        for x in group
    ):
        return 0  # "talks on Tuesday" and "last met in September" are two meetings
    return len(m_codes & g_codes)


def _span(m: Mention) -> tuple[date, date] | None:
    """The days a mention's date can mean, by its precision; None when the text gives no
    date of its own (the publication date stands in)."""
    if m.date is None or m.date_precision not in {"day", "week", "month", "year"}:
        return None
    if m.date_precision == "day":
        return m.date, m.date
    if m.date_precision == "week":
        return m.date - timedelta(days=6), m.date + timedelta(days=6)
    if m.date_precision == "month":
        first = m.date.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return first, last
    return m.date.replace(month=1, day=1), m.date.replace(month=12, day=31)


def _supporting_only(m: Mention) -> bool:
    """Mentions that can join an event but not make one: a bare "the talks with Russia"
    (one party, no verb), or a directed event with nobody doing it."""
    if m.reciprocal:
        return m.how == "noun" and len(_party_codes(m)) < 2
    return not any(e.code or e.org for e in m.actor)


def group_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Cluster an article's mentions into events (in reading order)."""
    groups: list[list[Mention]] = []
    ordered = sorted(mentions, key=lambda x: (-len(_party_codes(x)), x.evidence.trigger_start))
    for m in ordered:
        scored = [(s, g) for g in groups if (s := _compatible(g, m))]
        if scored:
            best = max(s for s, _ in scored)
            winners = [g for s, g in scored if s == best]
            if len(winners) > 1 and len(_party_codes(m)) < 2:
                continue  # "the talks with Russia": which of two events? drop, don't guess
            winners[0].append(m)
        elif not _supporting_only(m):
            groups.append([m])
    for g in groups:
        g.sort(key=lambda x: x.evidence.trigger_start)
    groups.sort(key=lambda g: g[0].evidence.trigger_start)
    return groups


def _richness(e: Entity) -> tuple[int, int]:
    filled = sum(x is not None for x in (e.name, e.code, e.role, e.identifier, e.sector, e.org))
    return (filled, -e.start)


def _best_entities(groups: Iterable[list[Entity]]) -> list[Entity]:
    best: dict[str, Entity] = {}
    order: list[str] = []
    for entities in groups:
        for e in entities:
            key = e.code or e.org or e.key()
            if key not in best:
                order.append(key)
                best[key] = e
            elif _richness(e) > _richness(best[key]):
                best[key] = e
    return [best[k] for k in order]


def _keywords(texts: list[str], table: dict[str, tuple[str, ...]]) -> list[str]:
    blob = " " + re.sub(r"[^a-z0-9 ]+", " ", " ".join(texts).lower()) + " "
    found = []
    for label, words in table.items():
        if any(re.search(rf"\b{re.escape(w)}s?\b", blob) for w in words):
            found.append(label)
    return found


# Events whose parties meet where it happens: a place the article gives elsewhere (its
# dateline, the destination its traveller reached) is theirs only if it is in one of
# their countries; a strike's or a sanction's is never inferred that way.
IN_PERSON = frozenset({"CONSULT", "AGREE", "COOPERATE"})
ARTICLE_BASES = ("forum", "article", "dateline")
# Statements: one filed under a dateline in the speaker's own country was made there
# ("MOSCOW — Russia accused ..."); one filed elsewhere, or a strike, was not.
STATEMENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})
PLACE_PRECISION_RANK = {"site": 0, "city": 0, "admin": 1, "area": 2, "country": 3}


def _clause_based(place: Place) -> bool:
    return place.basis in CLAUSE_BASES


# Acts done in words: where they are said is not whom they are said to ("agreed after
# talks in Vilnius" is not aimed at Lithuania)
SAID_TYPES = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "SUPPORT", "CONCEDE", "THREATEN"})
STANCE_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})


def _event_place(
    group: list[Mention], event: str, mode: str | None, actor: list[Entity], recipient: list[Entity]
) -> Place | None:
    """The place one of the mentions' own clauses gives (the most precise one in the
    first one's country: "a visit to China ... talks in Beijing"); else, for a meeting or
    an agreement, where the article puts it, if that is in a party's country; else a
    visit's host country, at country precision."""
    if _remote(group):
        return None
    clause = [x.event_loc for x in group if x.event_loc is not None and _clause_based(x.event_loc)]
    if clause:
        best = clause[0]
        for place in clause[1:]:
            if place.country == best.country and _finer(place, best):
                best = place
        return best
    if event in STATEMENTS:
        speakers = {e.code for e in actor if e.code}
        return next(
            (
                x.event_loc
                for x in group
                if x.event_loc is not None
                and x.event_loc.basis == "dateline"
                and x.event_loc.country in speakers
            ),
            None,
        )
    if event not in IN_PERSON:
        return None
    codes = {e.code for e in actor + recipient if e.code}
    # a visit whose host the text leaves unnamed is where its traveller arrived
    open_visit = mode == "visit" and not recipient
    for basis in ARTICLE_BASES:
        for x in group:
            found = x.event_loc
            ours = found is not None and (
                basis == "forum" or found.country in codes or (open_visit and basis == "article")
            )
            if found is not None and found.basis == basis and ours:
                return found
    hosts = [e.code for e in recipient if e.code and e.code != "IGO"]
    if mode == "visit" and len(set(hosts)) == 1:
        host = gazetteer().country(hosts[0])
        if host is not None:
            return replace(host, basis="visit")
    return None


def build_event(group: list[Mention], article_id: str, codebook: Codebook) -> Event:
    primary = max(
        group,
        key=lambda x: (len(_party_codes(x)), x.reciprocal, x.how != "noun", -x.evidence.start),
    )
    if primary.reciprocal:
        actor = _best_entities([primary.actor, *(x.actor + x.recipient for x in group)])
        recipient: list[Entity] = []
    else:
        actor = _best_entities([primary.actor, *(x.actor for x in group)])
        actor_keys = {e.code or e.org or e.key() for e in actor}
        recipient = [
            e
            for e in _best_entities([primary.recipient, *(x.recipient for x in group)])
            if (e.code or e.org or e.key()) not in actor_keys
        ]
    realis = [x for x in group if x.factuality in REALIS]
    factuality = (
        "asserted" if any(x.factuality == "asserted" for x in group) else primary.factuality
    )
    attribution = None
    if factuality == "reported":
        attribution = next((x.attribution for x in group if x.attribution), None)
    dated = min(group, key=lambda x: PRECISION_RANK.get(x.date_precision, 5))
    forum = next((x.forum for x in group if x.forum is not None), None)
    mode, cameo = primary.mode, primary.cameo
    event_loc = _event_place(group, primary.event, mode, actor, recipient)
    target_here = (
        not recipient
        and not (
            primary.event in SAID_TYPES and event_loc is not None and event_loc.basis == "frame"
        )
        # "signed a ceasefire in Havana", "rejected talks in Geneva": where a stance is
        # taken or a text signed is no party to it (a promise or a demand is of an act
        # there: "will provide food aid in Liberia")
        and primary.event not in STANCE_TYPES
        # "resigned during a visit to Riyadh": a resignation is aimed at no one
        and primary.mode != "resign"
        and not primary.reciprocal
        and event_loc is not None
        and _clause_based(event_loc)
        and event_loc.country
        and event_loc.country not in {e.code for e in actor}
    )
    if target_here and event_loc is not None:
        # "strikes on military targets in Iran": the target is where it was hit
        recipient = [
            Entity(
                event_loc.text or event_loc.name,
                event_loc.start,
                event_loc.end,
                code=event_loc.country,
            )
        ]
    codes = {e.code for e in actor + recipient if e.code}
    if (
        primary.event == "CONSULT"
        and mode is None
        and event_loc is not None
        and event_loc.country
        and len(codes) >= 2
        and event_loc.country not in codes
    ):
        mode, cameo = "third-party", "044"
    texts = [x.evidence.text for x in (realis or group)]
    context = list(dict.fromkeys([*primary.context, *_keywords(texts, codebook.contexts)]))
    topics = _keywords(texts, codebook.topics)
    confidence = _confidence(primary, group, actor, recipient)
    parties = ",".join(sorted(codes)) or ",".join(sorted(e.key() for e in actor + recipient))
    ident = content_hash(
        f"{article_id}|{primary.event}|{parties}|{_fact_class(factuality)}|"
        f"{group[0].evidence.trigger_start}"
    )
    return Event(
        id=ident,
        article_id=article_id,
        event=primary.event,
        mode=mode,
        context=context,
        cameo=cameo,
        quad_code=codebook.quad(cameo, primary.event),
        goldstein=codebook.goldstein(cameo),
        actor=actor,
        recipient=recipient,
        date=dated.date,
        date_precision=dated.date_precision,
        event_loc=event_loc,
        forum=forum,
        topics=topics,
        factuality=factuality,
        attribution=attribution,
        evidence=primary.evidence,
        mentions=[x.evidence for x in group],
        confidence=round(confidence, 2),
    )


# PLOVER: a future CONSULT/SUPPORT/COOPERATE/AID is an AGREE, with CAMEO's "express intent
# to ..." code for what was promised.
# The manual's AGREE also takes offers and promises to yield (release, withdraw, ease).
FUTURE_AS_AGREE = {
    "CONSULT": "036",
    "SUPPORT": "032",
    "COOPERATE": "030",
    "AID": "033",
    "RETREAT": "035",
    "CONCEDE": "035",
}


# PLOVER codes a single category, not category + auxiliary mode: "THREATEN could be
# ASSAULT + hypothetical". An announced or conditional hostile act ("would boycott",
# "will withdraw its force unless", "plans to impose restrictions") is the threat of it,
# with CAMEO's "threaten ..." code and the PLOVER mode of that code.
FUTURE_AS_THREATEN = {
    "PROTEST": ("133", "relations"),
    "SANCTION": ("1312", "restrict"),
    "COERCE": ("137", "violence"),
    "ASSAULT": ("138", "violence"),
}

# A refused concession or cooperation ("will not allow", "would not meet") is PLOVER's
# REJECT, with the CAMEO code of what is refused.
REFUSED_AS_REJECT: dict[str, tuple[str, str | None]] = {
    "AGREE": ("127", "meet"),
    "CONCEDE": ("124", "change"),
    "RETREAT": ("124", "change"),
    "CONSULT": ("125", "meet"),
    "COOPERATE": ("121", "assist"),
    "AID": ("122", "assist"),
    "SUPPORT": ("120", None),
}

# Acts that are threats only when made conditional on another party's action (CAMEO 136
# "threaten to halt international involvement", 131 "threaten non-force").
CONDITIONAL_THREAT = {
    "RETREAT": ("136", "expel"),
    "REJECT": ("131", None),
}


def _split_initiators(mention: Mention) -> None:
    """A mutual act recoded as one side's stance is that side's, towards the others."""
    starters = {e.code for e in mention.initiators if e.code}
    if mention.reciprocal and starters and starters < {e.code for e in mention.actor}:
        mention.recipient = [e for e in mention.actor if e.code not in starters]
        mention.actor = [e for e in mention.actor if e.code in starters]
        mention.reciprocal = False


def future_as_agree(mention: Mention) -> None:
    """PLOVER's recoding of intentions: a future meeting, support, cooperation or aid is
    the agreement to it; a future or conditional hostile act is a threat."""
    if mention.aim:
        return  # "deployed troops to protect the border": a purpose, not an intent stated
    if mention.refusal and mention.event in REFUSED_AS_REJECT:
        # "Syria says it will not accept more refugees": a refusal is a REJECT
        mention.cameo, mention.mode = REFUSED_AS_REJECT[mention.event]
        mention.event, mention.factuality = "REJECT", "asserted"
        _split_initiators(mention)  # "Serbia declined to meet the EU envoy": Serbia's
    elif (
        mention.factuality in {"future", "hypothetical"}
        and mention.event in CONDITIONAL_THREAT
        and mention.condition_parties
    ):
        # "will withdraw its force from Chad unless the president arranges a ceasefire"
        mention.cameo, mention.mode = CONDITIONAL_THREAT[mention.event]
        mention.event, mention.factuality = "THREATEN", "asserted"
        if not mention.recipient:
            mention.recipient = list(mention.condition_parties)
    elif mention.factuality == "future" and mention.event in FUTURE_AS_AGREE:
        mention.cameo = FUTURE_AS_AGREE[mention.event]
        mention.event, mention.mode, mention.factuality = "AGREE", None, "asserted"
        # "Putin offered to negotiate with Armenia": Russia's intent, towards Armenia
        _split_initiators(mention)
    elif mention.factuality in {"future", "hypothetical"} and mention.event in FUTURE_AS_THREATEN:
        mention.cameo, mention.mode = FUTURE_AS_THREATEN[mention.event]
        mention.event, mention.factuality = "THREATEN", "asserted"
        if not mention.recipient:
            mention.recipient = list(mention.condition_parties)


def merge(mentions: list[Mention], article_id: str, codebook: Codebook) -> list[Event]:
    groups = group_mentions(mentions)
    events = [build_event(g, article_id, codebook) for g in groups]
    share_places(events, remote={e.id for e, g in zip(events, groups, strict=True) if _remote(g)})
    return events


def _remote(group: list[Mention]) -> bool:
    """A phone or video exchange (places.nowhere): it happened nowhere."""
    return any(x.event_loc is not None and x.event_loc.basis == "remote" for x in group)


def share_places(events: list[Event], *, remote: set[str] | None = None) -> None:
    """A meeting or agreement its own words do not place takes the place of another one of
    the article on the same day with a party in common that its words do place, if that
    place is in one of its parties' countries or the two share both parties: the talks,
    the signing and the dinner of one visit happen where the visit is ("held talks at
    the Kremlin ... later signed"); a visit placed only in a country takes the town of
    such an event there ("a visit to Japan ... talks in Tokyo"). Events in ``remote``
    (ids of phone and video exchanges) stay unplaced."""
    placed = [
        e
        for e in events
        if e.event in IN_PERSON and e.event_loc is not None and _clause_based(e.event_loc)
    ]
    for event in events:
        if event.event not in IN_PERSON or event.date is None or event.id in (remote or ()):
            continue
        own = event.event_loc
        if own is not None and _clause_based(own) and own.precision != "country":
            continue
        parties = {x.code for x in event.actor + event.recipient if x.code}
        ranked = sorted(
            (o for o in placed if o is not event and o.date == event.date),
            key=lambda o: -len(parties & {x.code for x in o.actor + o.recipient if x.code}),
        )
        for other in ranked:
            there = other.event_loc
            shared = parties & {x.code for x in other.actor + other.recipient if x.code}
            if there is None or not shared:
                continue
            if own is not None and _clause_based(own):
                if there.country != own.country or not _finer(there, own):
                    continue
            elif there.country not in parties and len(shared) < 2:
                continue
            event.event_loc = replace(there, basis="shared")
            break


def _finer(place: Place, than: Place) -> bool:
    return PLACE_PRECISION_RANK.get(place.precision or "", 0) < PLACE_PRECISION_RANK.get(
        than.precision or "", 0
    )
