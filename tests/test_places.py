"""Event places: where the event itself happened, at the precision the text allows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from communique import analyze
from communique.codebook import default as default_codebook
from communique.events import build_event, share_places
from communique.gazetteer import gazetteer
from communique.pipeline import analyze_doc
from communique.places import venues
from communique.records import Article, Entity, Event, Evidence, Mention, Place

DAY = date(2024, 5, 20)


@pytest.fixture(scope="module")
def events_of(nlp):
    """The visible events of a short article, parsed once per call."""

    def run(text: str) -> list[Event]:
        article = Article(text, published=DAY)
        return analyze_doc(nlp(text), article).visible_events()

    return run


def _first(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.event == kind]
    assert found, [(e.event, e.evidence.trigger) for e in events]
    return found[0]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "name", "country", "precision"),
    [
        # the predicate's own locative, not the reporting clause's
        (
            "A spokesperson in Paris said Emmanuel Macron had held talks with Olaf Scholz "
            "in Berlin on Monday.",
            "CONSULT",
            "Berlin",
            "DEU",
            "city",
        ),
        # a seat of power is its town
        (
            "Vladimir Putin received Alexander Lukashenko at the Kremlin on Friday.",
            "CONSULT",
            "Moscow",
            "RUS",
            "city",
        ),
        (
            "Joe Biden hosted Anthony Albanese at the White House on Wednesday.",
            "CONSULT",
            "Washington",
            "USA",
            "city",
        ),
        # a strike is where it hit
        (
            "Russian forces shelled Odesa on Monday.",
            "ASSAULT",
            "Odesa",
            "UKR",
            "city",
        ),
        (
            "Ukraine struck an oil depot in Russia's Krasnodar region on Sunday.",
            "ASSAULT",
            None,
            "RUS",
            "admin",
        ),
        # the support verb's phrase is the strike's: "carried out strikes ... on Beirut"
        ("Israel carried out strikes overnight on Beirut.", "ASSAULT", "Beirut", "LBN", "city"),
        # only a country is named: the country, without coordinates
        ("Israeli jets struck targets in Syria on Sunday.", "ASSAULT", "Syria", "SYR", "country"),
        # a participle framing the statement places it
        (
            "Speaking to reporters in Brussels on Tuesday, Annalena Baerbock accused Russia of "
            "lying about its troop movements.",
            "ACCUSE",
            "Brussels",
            "BEL",
            "city",
        ),
        # not the place of a relative clause
        (
            "Antony Blinken, who had been in Cairo on Monday, met Israeli Prime Minister "
            "Benjamin Netanyahu in Jerusalem on Tuesday.",
            "CONSULT",
            "Jerusalem",
            None,
            "city",
        ),
        # a forum named after its city
        (
            "Joe Biden met Recep Tayyip Erdogan at the Vilnius summit on Tuesday.",
            "CONSULT",
            "Vilnius",
            "LTU",
            "city",
        ),
        # the dateline places a meeting in a party's country
        (
            "PARIS (AP) — French President Emmanuel Macron held talks with German Chancellor "
            "Olaf Scholz on Monday.",
            "CONSULT",
            "Paris",
            "FRA",
            "city",
        ),
        # the destination the traveller reached places the talks reported after it
        (
            "Anthony Albanese arrived in Jakarta on Monday. He later held talks with "
            "Indonesian President Joko Widodo.",
            "CONSULT",
            "Jakarta",
            "IDN",
            "city",
        ),
    ],
)
def test_the_event_is_where_its_own_words_put_it(
    events_of,
    text: str,
    kind: str,
    name: str | None,
    country: str | None,
    precision: str,
) -> None:
    loc = _first(events_of(text), kind).event_loc
    assert loc is not None
    if name is not None:
        assert loc.name == name
    if country is not None:
        assert loc.country == country
    record = loc.to_dict()
    assert record["precision"] == precision
    if precision == "country":
        assert record["lat"] is None and record["lon"] is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Emmanuel Macron spoke with Narendra Modi by telephone on Tuesday.", "CONSULT"),
        ("Xi Jinping and Joe Biden held a video call on Wednesday.", "CONSULT"),
        # metonymic capitals are actors, not places
        ("Beijing on Monday condemned Washington's new export controls.", "ACCUSE"),
        # a strike's place is not guessed from the dateline
        (
            "KYIV, Ukraine (AP) — Russia shelled Ukrainian positions overnight, officials said.",
            "ASSAULT",
        ),
    ],
)
def test_no_place_rather_than_a_wrong_one(events_of, text: str, kind: str) -> None:
    assert _first(events_of(text), kind).event_loc is None


@pytest.mark.model
def test_event_places_are_deterministic(nlp) -> None:
    text = (
        "MOSCOW — Narendra Modi arrived in Moscow on Monday. He held talks with Vladimir "
        "Putin at the Kremlin on Tuesday, a day after a dinner at Novo-Ogaryovo."
    )
    runs = [
        [e.to_dict() for e in analyze_doc(nlp(text), Article(text, published=DAY)).events]
        for _ in range(2)
    ]
    assert runs[0] == runs[1]


# -- without the model ---------------------------------------------------------------------
def test_precision_says_what_a_place_is() -> None:
    gaz = gazetteer()
    region = next(e for e in gaz.lookup("Balochistan") if e.kind == "region")
    assert region.place().to_dict()["precision"] == "admin"
    city = next(e for e in gaz.lookup("Kharkiv") if e.kind == "city")
    assert city.place().to_dict()["precision"] == "city"
    country = gaz.country("YEM")
    assert country is not None
    assert country.to_dict()["precision"] == "country"
    assert (country.lat, country.lon) == (None, None)


def test_venues_map_to_their_town_or_their_own_site() -> None:
    table, pattern = venues()
    assert pattern is not None
    assert table["white house"].place.name == "Washington"
    assert table["great hall of the people"].place.country == "CHN"
    camp = table["camp david"].place
    assert camp.precision == "site" and camp.lat is not None and camp.geonameid is None


def _place(name: str, country: str, precision: str, basis: str) -> Place:
    return Place(name, country, None, None, None, precision=precision, basis=basis)


def _mention(
    kind: str,
    actor: list[str],
    recipient: list[str],
    loc: Place | None,
    mode: str | None = None,
    at: int = 0,
) -> Mention:
    evidence = Evidence("text", at, at + 4, "met", at, at + 3)
    return Mention(
        event=kind,
        mode=mode,
        cameo="040",
        actor=[Entity(c, 0, 1, code=c) for c in actor],
        recipient=[Entity(c, 0, 1, code=c) for c in recipient],
        evidence=evidence,
        reciprocal=not recipient,
        event_loc=loc,
        date=DAY,
        date_precision="day",
    )


@pytest.mark.parametrize(
    ("kind", "actor", "recipient", "loc", "kept"),
    [
        # a meeting in a party's country takes the article's place for it
        ("CONSULT", ["IND", "UKR"], [], _place("Kyiv", "UKR", "city", "article"), True),
        # ... but not one in a third country the traveller passed through
        ("CONSULT", ["IND", "UKR"], [], _place("Warsaw", "POL", "city", "article"), False),
        # a strike is never placed by the dateline
        ("ASSAULT", ["RUS"], ["UKR"], _place("Kyiv", "UKR", "city", "dateline"), False),
        # a statement is, when the dateline is the speaker's own
        ("ACCUSE", ["RUS"], ["GBR"], _place("Moscow", "RUS", "city", "dateline"), True),
        ("ACCUSE", ["CHN"], ["USA"], _place("Washington", "USA", "city", "dateline"), False),
        # the predicate's own clause always counts
        ("ASSAULT", ["RUS"], ["UKR"], _place("Odesa", "UKR", "city", "clause"), True),
    ],
)
def test_article_places_are_taken_only_where_they_fit(
    kind: str, actor: list[str], recipient: list[str], loc: Place, kept: bool
) -> None:
    event = build_event([_mention(kind, actor, recipient, loc)], "a1", default_codebook())
    assert (event.event_loc is not None and event.event_loc.name == loc.name) is kept


def test_a_visit_without_a_place_is_in_its_host_country() -> None:
    event = build_event(
        [_mention("CONSULT", ["IND"], ["EGY"], None, mode="visit")], "a1", default_codebook()
    )
    assert event.event_loc is not None
    assert (event.event_loc.country, event.event_loc.to_dict()["precision"]) == (
        "EGY",
        "country",
    )
    assert event.event_loc.lat is None


def test_a_visit_placed_in_a_country_takes_the_town_of_its_talks() -> None:
    codebook = default_codebook()
    visit = build_event(
        [
            _mention(
                "CONSULT", ["KOR"], ["JPN"], _place("Japan", "JPN", "country", "clause"), "visit"
            )
        ],
        "a1",
        codebook,
    )
    talks = build_event(
        [_mention("CONSULT", ["KOR", "JPN"], [], _place("Tokyo", "JPN", "city", "clause"))],
        "a1",
        codebook,
    )
    elsewhere = build_event([_mention("ASSAULT", ["PRK"], ["JPN"], None)], "a1", codebook)
    share_places([visit, talks, elsewhere])
    assert visit.event_loc is not None and visit.event_loc.name == "Tokyo"
    assert elsewhere.event_loc is None  # a missile launch is no part of the visit


def test_shared_place_keeps_its_basis_out_of_the_record() -> None:
    place = replace(_place("Tokyo", "JPN", "city", "clause"), basis="shared")
    assert "basis" not in place.to_dict()


def test_a_phone_call_stays_unplaced_whatever_its_other_mentions_say() -> None:
    from communique.places import nowhere

    codebook = default_codebook()
    call = build_event(
        [
            _mention("CONSULT", ["IND", "USA"], [], nowhere()),
            _mention("CONSULT", ["IND", "USA"], [], _place("New Delhi", "IND", "city", "clause")),
        ],
        "a1",
        codebook,
    )
    assert call.event_loc is None
    meeting = build_event(
        [
            _mention(
                "CONSULT", ["IND", "USA"], [], _place("New Delhi", "IND", "city", "clause"), at=50
            )
        ],
        "a1",
        codebook,
    )
    assert call.id != meeting.id
    share_places([call, meeting], remote={call.id})
    assert call.event_loc is None
    assert meeting.event_loc is not None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "name", "precision"),
    [
        # a possessor country beats an area the name also means
        ("Kim travelled to a launch site in Russia's Far East.", "travelled", "Russia", "country"),
        # places in two towns of one country are that country
        ("Russian missiles hit power stations in Kyiv and Lviv.", "hit", "Ukraine", "country"),
        # a region named with its kind word is the region
        ("Drones struck a depot in Russia's Belgorod region.", "struck", None, "admin"),
        # the town of a place noun, whatever spaCy's label
        (
            "Troops captured the town of Vuhledar after a long siege.",
            "captured",
            "Vuhledar",
            "city",
        ),
        # the one place of a participle clause refines the country: there, not just Iran
        (
            "Pakistan struck targets inside Iran, hitting hideouts in Iran's "
            "Sistan-Baluchestan province.",
            "struck",
            "Sistan and Baluchestan",
            "admin",
        ),
    ],
)
def test_the_clause_place_of_a_predicate(
    nlp, kb, text: str, trigger: str, name: str | None, precision: str
) -> None:
    from communique.actors import ArticleActors
    from communique.places import ArticlePlaces

    doc = nlp(text)
    places = ArticlePlaces(doc, ArticleActors(doc, kb, DAY))
    token = next(t for t in doc if t.text == trigger)
    found = places.clause_place(token, None)
    assert found is not None
    if name is not None:
        assert found.name == name
    assert found.precision == precision


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the welcomed party is no destination
        ("This brings the alliance closer to welcoming Sweden as a member.", "welcoming"),
        # "at" a capital after words of criticism is a target, not a place
        ("Beijing hit back at Washington over the tariffs.", "hit"),
        # another clause's place
        ("Blinken, who had been in Cairo, met Netanyahu.", "met"),
    ],
)
def test_no_clause_place(nlp, kb, text: str, trigger: str) -> None:
    from communique.actors import ArticleActors
    from communique.places import ArticlePlaces

    doc = nlp(text)
    places = ArticlePlaces(doc, ArticleActors(doc, kb, DAY))
    token = next(t for t in doc if t.text == trigger)
    assert places.clause_place(token, None) is None


@pytest.mark.model
def test_analysed_articles_are_not_kept_alive() -> None:
    """The per-article place cache must let each parsed article go (a 10,000-article
    ingest grew by 124 MB per 1,000 articles while it kept them)."""
    import gc

    from communique import analyze_many, places

    texts = [f"Japan and India held talks in Tokyo on day {i}." for i in range(20)]
    assert len(list(analyze_many(texts))) == 20
    gc.collect()
    assert len(places._CACHE) == 0


def test_an_agreement_after_talks_is_placed_where_the_talks_were() -> None:
    from communique import analyze

    text = (
        "Qatar and Bahrain agreed on Monday to restore diplomatic ties"
        " after two days of talks in Riyadh."
    )
    events = [e for e in analyze(text, published="2023-04-12").events if e.event == "AGREE"]
    assert events and events[0].event_loc is not None and events[0].event_loc.country == "SAU"


def test_ministers_meeting_somewhere_place_what_they_adopt() -> None:
    from communique import analyze

    text = (
        "EU foreign ministers meeting in Brussels adopted a new package of sanctions against Iran."
    )
    events = [e for e in analyze(text, published="2023-04-12").events if e.event == "SANCTION"]
    assert events and events[0].event_loc is not None and events[0].event_loc.country == "BEL"


def test_after_the_town_of_a_name_is_a_town_whatever_the_tagger_calls_it() -> None:
    # the tagger calls "Kostiantynivka" an organisation here
    (event,) = analyze(
        "Russian forces captured the town of Kostiantynivka after months of fighting.",
        published="2024-02-20",
    ).events
    assert event.event_loc is not None and event.event_loc.country == "UKR"
