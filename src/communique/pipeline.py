"""The analysis pipeline: Article -> parsed Doc -> mentions -> events -> Analysis.

``analyze`` handles one text or HTML page; ``analyze_many`` streams a corpus through
``nlp.pipe`` so that it costs one model load, yielding a ``Failure`` for an input that
cannot be read and carrying on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token

from communique import codebook as codebook_mod
from communique import digest, knowledge, language, sources
from communique.actors import ArticleActors
from communique.coding import Lexicon, default_lexicon, find_mentions, prep_objects
from communique.dates import event_date
from communique.errors import InputError
from communique.events import future_as_agree, merge
from communique.factuality import attempt_of, historical, reading, refusal
from communique.knowledge import KnowledgeBase
from communique.places import CLAUSE_BASES, article_places, event_place, find_forum
from communique.records import Analysis, Article, Entity, Event, Failure, Mention, Place

log = logging.getLogger(__name__)
# Acts whose attempt is itself the event: an attempted killing or hack is an attack
ATTEMPTED_ACTS = frozenset({"ASSAULT", "COERCE"})


def analyze_doc(
    doc: Doc,
    article: Article,
    *,
    kb: KnowledgeBase | None = None,
    lexicon: Lexicon | None = None,
    plover_future: bool = False,
) -> Analysis:
    """Code the events of one parsed article. ``plover_future`` applies PLOVER's rule that
    a future CONSULT, SUPPORT, COOPERATE or AID is coded as an (asserted) AGREE."""
    kb = kb or knowledge.default()
    lexicon = lexicon or default_lexicon()
    actors = ArticleActors(doc, kb, article.published)
    mentions: list[Mention] = []
    article_codes: list[str] = []
    for index, sent in enumerate(doc.sents):
        found = find_mentions(sent, index, actors, lexicon)
        states = {e.code for _, _, m in found for e in m.actor if e.code and e.sector == "GOV"}
        for tok, support, mention in found:
            mention.factuality, mention.attribution, mention.aim = reading(tok, support)
            if mention.event in ATTEMPTED_ACTS and (attempt := attempt_of(tok, support)):
                # "attempted to assassinate the prime minister": the attempt is the attack
                mention.factuality, mention.attribution, mention.aim = reading(attempt)
            mention.refusal = mention.factuality == "negated" and refusal(tok, support)
            codes = [e.code for e in mention.actor + mention.recipient if e.code]
            article_codes.extend(c for c in codes if c not in article_codes)
            mention.event_loc = event_place(
                tok, support, actors, codes + article_codes, parties=frozenset(codes)
            )
            if mention.unplaced_crowd and not _clause_placed(mention.event_loc):
                # "declared a state of emergency in Almaty after protesters stormed
                # government buildings": a crowd's clause that hangs on a placed one
                mention.event_loc = _host_place(tok, actors) or mention.event_loc
            if mention.unplaced_crowd and not _clause_placed(mention.event_loc):
                # "as protests spread across the country, Bangladesh's government imposed
                # a curfew": the one state the sentence's acts are by
                mention.event_loc = _the_country(tok, states, kb) or mention.event_loc
            if mention.unplaced_crowd and not _place_crowd(mention):
                continue
            _community_by_place(mention)
            _target_by_place(mention)
            _visit_host(mention)
            _left_from(mention, tok, actors)
            mention.forum = find_forum(tok, support, actors)
            mention.date, mention.date_precision = event_date(
                tok,
                support,
                sent,
                article.published,
                ahead=(mention.factuality == "future" and not mention.aim)
                or _present_schedule(tok, support),
            )
            mention.factuality = historical(
                mention.factuality, mention.date, mention.date_precision, article.published
            )
            if (
                mention.factuality in {"asserted", "reported"}
                and mention.date is not None
                and article.published is not None
                and mention.date > article.published
                and not _told_as_past(tok, support)
            ):
                # "Blinken travels to Beijing this weekend": dated after publication
                mention.factuality = "future"
            mentions.append(mention)
    if plover_future:
        for mention in mentions:
            future_as_agree(mention)
    events = [e for e in merge(mentions, article.id, codebook_mod.default()) if _hosted(e)]
    analysis = Analysis(article=article, events=events, digest=digest.build(doc, events).to_dict())
    actors.places = None  # break the actors <-> places cycle: the parse is freed at once
    return analysis


def _present_schedule(tok: Token, support: Token | None) -> bool:
    """A predicate in the simple present ("the tariffs take effect on Tuesday", "Blinken
    travels to Beijing on Friday"): a weekday it names is the one ahead, a schedule."""
    node = support if support is not None else tok
    if node.pos_ in {"NOUN", "PROPN"} and node.dep_ in {"nsubj", "nsubjpass"}:
        node = node.head  # "the tariffs take effect": the clause's own verb
    return node.tag_ in {"VBP", "VBZ"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in node.children
    )


def _told_as_past(tok: Token, support: Token | None) -> bool:
    """The predicate is in the past tense ("visited", "had met"): a date read after
    publication is then a misreading, not a plan."""
    node = support if support is not None else tok
    if node.pos_ not in {"VERB", "AUX"} and node.head.pos_ in {"VERB", "AUX"}:
        node = node.head
    return node.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in node.children
    )


def _clause_placed(place: Place | None) -> bool:
    return place is not None and place.basis in CLAUSE_BASES and bool(place.country)


THE_COUNTRY = frozenset({"country", "nation"})


def _the_country(tok: Token, states: set[str], kb: KnowledgeBase) -> Place | None:
    """ "the country" in a crowd's own phrase stands for the one state that acts in the
    sentence, if only one does."""
    if len(states) != 1:
        return None
    words = [t for t in tok.subtree] if tok.pos_ in {"VERB", "AUX"} else [*tok.subtree, tok.head]
    named = any(
        w.lemma_.lower() in THE_COUNTRY
        and any(c.dep_ == "det" and c.lower_ == "the" for c in w.children)
        and not any(c.dep_ in {"amod", "compound", "poss"} for c in w.children)
        for s in words
        for w in s.subtree
    )
    if not named:
        return None
    code = next(iter(states))
    row = kb.countries.get(code) or {}
    name = str(row.get("name") or code)
    return Place(name, code, None, None, None, precision="country", basis="clause")


def _host_place(tok: Token, actors: ArticleActors) -> Place | None:
    """The place of the clause an adverbial clause ("after protesters stormed ...") or a
    crowd's participle hangs on, when that clause names one."""
    node = tok
    for _ in range(3):
        if node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"}:
            # "fired tear gas at students protesting against quotas": the students'
            # protest is where the clause that names them is
            node = node.head
            while node.dep_ in {"pobj", "prep", "dobj"} and node.head != node:
                node = node.head
            if node.pos_ not in {"VERB", "AUX"}:
                return None
        elif (
            node.dep_ in {"advcl", "xcomp"}
            and node.head != node
            and node.head.pos_ in {"VERB", "AUX"}
        ):
            # "marched in Tbilisi, waving flags to protest": up the adverbial clauses
            node = node.head
        else:
            return None
        place = event_place(node, None, actors)
        if _clause_placed(place):
            return place
    return None


def _place_crowd(mention: Mention) -> bool:
    """A crowd of no stated country (or unnamed attackers) takes the country it protests
    (or attacks) in, when the clause itself places the event; otherwise the mention keeps
    no actor (whose act it was is unknown)."""
    place = mention.event_loc
    if place is None or place.basis not in CLAUSE_BASES or not place.country:
        home = _state_target(mention)
        if home is None:
            mention.actor = []
            return bool(mention.recipient)
        country = home  # "rebels killed five Malian soldiers": in Mali
    else:
        country = place.country
    for entity in mention.actor:
        entity.code = country
    # "gunmen killed two Iraqi policemen in Baghdad": no foreign target
    mention.recipient = [e for e in mention.recipient if e.code != country]
    return True


STATE_ORGANS = frozenset({"MIL", "GOV", "COP"})


def _state_target(mention: Mention) -> str | None:
    """Unnamed attackers of one state's soldiers, police or leaders, where the text does
    not say where, attack them at home ("rebels killed five Malian soldiers", "gunmen
    tried to kill the Iraqi prime minister"); of its civilians they may be anywhere."""
    if mention.event != "ASSAULT" or not mention.recipient:
        return None
    codes = {e.code for e in mention.recipient}
    if len(codes) != 1 or not all(e.sector in STATE_ORGANS for e in mention.recipient):
        return None
    return next(iter(codes))


def _community_by_place(mention: Mention) -> None:
    """An ethnic community is coded by the country it lives in (PLOVER): "ethnic
    Albanians demonstrated in Serbia" is a Serbian protest, and "killed three ethnic
    Albanians in southern Serbia" has no foreign target."""
    place = mention.event_loc
    if place is None or place.basis not in CLAUSE_BASES or not place.country:
        return
    moved = False
    for entity in mention.actor + mention.recipient:
        if (
            "ethnic" in entity.entity_text.lower().split()
            and entity.name is None
            and entity.org is None
            and entity.code != place.country
        ):
            entity.code, moved = place.country, True
    if moved:
        own = {e.code for e in mention.actor}
        mention.recipient = [e for e in mention.recipient if e.code not in own]


def _target_by_place(mention: Mention) -> None:
    """An attack or raid of no named target abroad ("bombers killed 23 people in Tel
    Aviv", "troops raided a hospital in Gaza City") is on the country it happens in, when
    its own clause places it (PLOVER's convention)."""
    place = mention.event_loc
    raid = mention.event == "COERCE" and mention.mode == "seize"
    if (mention.event != "ASSAULT" and not raid) or not mention.actor:
        return
    if any(e.code for e in mention.recipient):
        return
    if place is None or place.basis not in CLAUSE_BASES or not place.country:
        return
    codes = {e.code for e in mention.actor}
    if None in codes or place.country in codes:
        return
    mention.recipient = [
        *mention.recipient,
        Entity(place.text or place.name, place.start, place.end, code=place.country),
    ]
    mention.far_target = True


def _visit_host(mention: Mention) -> None:
    """A visit is to the country it is made in: "Biden's visit to Gdansk" is hosted by
    Poland."""
    if mention.event != "CONSULT" or mention.mode != "visit" or len(mention.actor) != 1:
        return
    if any(e.code or e.org for e in mention.recipient):
        return
    place = mention.event_loc
    own = {e.code for e in mention.actor}
    if place is None or place.basis not in CLAUSE_BASES or not place.country:
        return
    if place.country not in own:
        mention.recipient = [
            *mention.recipient,
            Entity(place.text or place.name, place.start, place.end, code=place.country),
        ]


def _hosted(event: Event) -> bool:
    """False for a visit by one party with no host: "Abe's visit to the Yasukuni shrine",
    a trip at home, is no meeting of two parties."""
    return not (
        event.event == "CONSULT"
        and event.mode == "visit"
        and len(event.actor) == 1
        and not event.recipient
    )


def _left_from(mention: Mention, tok: Token, actors: ArticleActors) -> None:
    """A withdrawal "from" a town abroad ("Russian troops withdrew from Kherson") is
    from the country the town is in."""
    if mention.event != "RETREAT" or not mention.actor or any(e.code for e in mention.recipient):
        return
    own = {e.code for e in mention.actor}
    if None in own:
        return
    places = article_places(actors)
    for obj in prep_objects(tok, {"from"}):
        place = places.place_of(obj)
        if place is not None and place.country and place.country not in own:
            end = obj.idx + len(obj.text)
            mention.recipient = [Entity(obj.text, obj.idx, end, code=place.country)]
            return


def _as_article(item: Article | dict[str, Any] | str, index: int) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return sources.from_string(item, source=f"<item {index}>")
    if isinstance(item, dict):
        return sources.from_record(item, source=f"<record {index}>")
    raise InputError(
        f"cannot analyse a {type(item).__name__}", code="E108", source=f"<item {index}>"
    )


def analyze(
    text_or_html: str,
    *,
    published: date | str | None = None,
    url: str | None = None,
    title: str | None = None,
    id: str | None = None,
    plover_future: bool = False,
) -> Analysis:
    """Analyse one article given as plain text or an HTML page."""
    day = sources.parse_date(published, source="<published>")
    article = sources.from_string(
        text_or_html, source="<text>", published=day, url=url, title=title, id=id
    )
    return analyze_doc(language.parse(article.text), article, plover_future=plover_future)


def analyze_many(
    records: Iterable[Article | Failure | dict[str, Any] | str],
    *,
    batch_size: int = language.BATCH_SIZE,
    kb: KnowledgeBase | None = None,
    plover_future: bool = False,
) -> Iterator[Analysis | Failure]:
    """Analyse a corpus in one pass of ``nlp.pipe``; bad items come back as Failures,
    in input order with the analyses. ``kb`` replaces the bundled knowledge base (see
    ``knowledge.build`` to merge a user's files over it)."""
    kb = kb or knowledge.default()
    lexicon = default_lexicon()

    def articles() -> Iterator[tuple[str, Article | Failure]]:
        for index, item in enumerate(records):
            if isinstance(item, Failure):
                yield "", item
                continue
            try:
                article = _as_article(item, index)
            except InputError as exc:
                yield "", Failure(exc.source, exc.code, str(exc.args[0]), exc.line)
                continue
            yield article.text, article

    for doc, item in language.parse_many(articles(), batch_size=batch_size):
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield analyze_doc(doc, item, kb=kb, lexicon=lexicon, plover_future=plover_future)
        except Exception as exc:  # a coding bug must not lose the rest of the corpus
            log.exception("failed to analyse %s", item.source)
            yield Failure(item.source or item.id, "E900", f"internal error: {exc!r}")


def places_many(
    records: Iterable[Article | Failure | dict[str, Any] | str],
    *,
    batch_size: int = language.BATCH_SIZE,
) -> Iterator[tuple[Article, list[Place]] | Failure]:
    """Every toponym of each article resolved to GeoNames (one model load for a corpus)."""
    from communique.toponyms import find_places

    kb = knowledge.default()

    def articles() -> Iterator[tuple[str, Article | Failure]]:
        for index, item in enumerate(records):
            if isinstance(item, Failure):
                yield "", item
                continue
            try:
                yield "", _as_article(item, index)
            except InputError as exc:
                yield "", Failure(exc.source, exc.code, str(exc.args[0]), exc.line)

    pairs = ((a.text if isinstance(a, Article) else "", a) for _, a in articles())
    for doc, item in language.parse_many(pairs, batch_size=batch_size):
        if isinstance(item, Failure):
            yield item
            continue
        yield item, find_places(doc, ArticleActors(doc, kb, item.published))
