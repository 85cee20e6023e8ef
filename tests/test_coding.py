"""Event coding from the parse: types, direction, parties, places, one record per event."""

from __future__ import annotations

import pytest

from communique import analyze


def _dyads(text: str, published: str | None = "2024-06-14") -> list[tuple[str, list, list]]:
    events = analyze(text, published=published).events
    return [
        (e.event, sorted(a.code or "" for a in e.actor), sorted(r.code or "" for r in e.recipient))
        for e in events
        if e.factuality in {"asserted", "reported"}
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japanese Prime Minister Fumio Kishida met U.S. President Joe Biden on Wednesday.",
            [("CONSULT", ["JPN", "USA"], [])],
        ),
        (
            "The European Union imposed sanctions on Iran on Monday.",
            [("SANCTION", ["IGO"], ["IRN"])],
        ),
        ("Poland expelled five Russian diplomats on Tuesday.", [("SANCTION", ["POL"], ["RUS"])]),
        ("Russia launched missile strikes on Kyiv overnight.", [("ASSAULT", ["RUS"], ["UKR"])]),
        ("Ukraine was attacked by Russia on Sunday.", [("ASSAULT", ["RUS"], ["UKR"])]),
        (
            "India and France signed a defence agreement in Paris.",
            [("SUPPORT", ["FRA", "IND"], [])],
        ),
        ("Germany held talks with Poland on energy.", [("CONSULT", ["DEU", "POL"], [])]),
        ("A cat named Frank met a dog in the park.", []),
    ],
    ids=[
        "meet",
        "impose-sanctions",
        "expel",
        "strikes-on-capital",
        "passive",
        "sign",
        "held-talks-with",
        "no-political-actor",
    ],
)
def test_who_did_what_to_whom(text: str, expected: list) -> None:
    assert _dyads(text) == expected


def test_visit_codes_visitor_as_actor_and_host_as_recipient() -> None:
    (event,) = analyze(
        "Indian Prime Minister Narendra Modi visited Russia on Monday.", published="2024-07-10"
    ).events
    assert event.event == "CONSULT" and event.mode == "visit"
    assert [a.code for a in event.actor] == ["IND"]
    assert [r.code for r in event.recipient] == ["RUS"]


def test_third_country_meeting_gets_place_and_mode() -> None:
    (event,) = analyze("India and Belarus held talks in Qingdao, China.").events
    assert event.mode == "third-party" and event.cameo == "044"
    assert event.event_loc is not None
    assert (event.event_loc.name, event.event_loc.country, event.event_loc.geonameid) == (
        "Qingdao",
        "CHN",
        1797929,
    )


def test_repeated_mentions_are_one_event_with_all_evidence() -> None:
    text = (
        "Indian Defence Minister Rajnath Singh met his Belarusian counterpart Viktor Khrenin "
        "in Qingdao, China. The meeting between Mr. Singh and Mr. Khrenin lasted an hour. "
        "Singh also met Russian Defence Minister Andrey Belousov."
    )
    events = analyze(text, published="2025-06-27").events
    assert len(events) == 2
    blr = next(e for e in events if "BLR" in {a.code for a in e.actor})
    assert len(blr.mentions) == 2
    assert {a.name for a in blr.actor} == {"Rajnath Singh", "Viktor Khrenin"}


def test_evidence_offsets_point_into_the_article() -> None:
    text = "Headline\n\nPoland expelled five Russian diplomats on Tuesday."
    analysis = analyze(text, published="2024-05-21")
    (event,) = analysis.events
    ev = event.evidence
    assert analysis.article.text[ev.start : ev.end] == ev.text
    assert analysis.article.text[ev.trigger_start : ev.trigger_end] == "expelled"
    for ent in event.actor + event.recipient:
        assert analysis.article.text[ent.start : ent.end] == ent.entity_text


def test_record_follows_the_output_contract() -> None:
    (event,) = analyze("India and Belarus held talks in Qingdao, China.").events
    record = event.to_dict()
    assert list(record) == [
        "id",
        "article_id",
        "event",
        "mode",
        "context",
        "cameo",
        "quad_code",
        "goldstein",
        "actor",
        "recipient",
        "date",
        "date_precision",
        "event_loc",
        "forum",
        "topics",
        "factuality",
        "attribution",
        "evidence",
        "confidence",
    ]
    assert set(record["actor"][0]) >= {
        "entity_text",
        "start",
        "end",
        "name",
        "code",
        "org",
        "sector",
        "role",
        "identifier",
    }
    assert record["quad_code"] == 1 and record["goldstein"] == 2.5


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it"/"they" stand for the subject of the clause that governs theirs
        (
            "Estonia said on Friday it had expelled three Belarusian diplomats.",
            [("SANCTION", ["EST"], ["BLR"])],
        ),
        (
            "Kenyan officials said they had deported two Somali nationals.",
            [("COERCE", ["KEN"], ["SOM"])],
        ),
        # "it" does not take a plural subject
        ("Malian rebels said it was attacked by Niger.", [("ASSAULT", ["NER"], [])]),
        # a modal of obligation under a saying verb is the speaker's demand
        (
            "Japan said on Monday that China must release the detained businessman.",
            [("REQUEST", ["JPN"], ["CHN"])],
        ),
        # ... but not when the speaker denies it
        ("Japan did not say that China must release the businessman.", []),
    ],
    ids=["it-said", "they-said", "it-plural", "must", "must-negated"],
)
def test_pronouns_and_demands(text: str, expected: list) -> None:
    assert _dyads(text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        # PLOVER: an offer to yield or cooperate is AGREE ...
        ("Armenia says it is ready to withdraw its troops from the border.", "AGREE", ["ARM"], []),
        # ... and an announced hostile act is a THREATEN
        (
            "Serbian leaders said they would boycott all contact with Kosovo.",
            "THREATEN",
            ["SRB"],
            ["KOS"],
        ),
    ],
    ids=["ready-to", "would-boycott"],
)
def test_plover_future_recoding(text: str, event: str, actor: list, recipient: list) -> None:
    events = [
        e
        for e in analyze(text, published="2024-06-14", plover_future=True).events
        if e.factuality in {"asserted", "reported"}
    ]
    assert [(e.event, sorted(a.code or "" for a in e.actor)) for e in events] == [(event, actor)]
    assert sorted(r.code or "" for r in events[0].recipient) == recipient


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group placed in a country acts for it
        ("Police in Nairobi arrested three Ugandan activists.", [("COERCE", ["KEN"], ["UGA"])]),
        # "thousands of ..." is the people it counts
        (
            "Thousands of Georgian students staged demonstrations in Tbilisi.",
            [("PROTEST", ["GEO"], [])],
        ),
        # a protest lodged with a government is a complaint
        ("Greece lodged a formal protest with Turkey on Tuesday.", [("ACCUSE", ["GRC"], ["TUR"])]),
        (
            "Ecuador granted asylum to two Venezuelan opposition figures.",
            [("AID", ["ECU"], ["VEN"])],
        ),
        ("Hungary summoned the Ukrainian ambassador on Monday.", [("ACCUSE", ["HUN"], ["UKR"])]),
    ],
    ids=["located-group", "thousands-of", "lodged-protest", "asylum", "summoned"],
)
def test_wider_lexicon(text: str, expected: list) -> None:
    assert _dyads(text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the target inside the object, through a possessive
        ("Poland rejected calls by Hungary's leaders for talks.", [("REJECT", ["POL"], ["HUN"])]),
        # a passive subject is what the verb acts on
        (
            "Four Nigerien soldiers were killed by Malian militants on Sunday.",
            [("ASSAULT", ["MLI"], ["NER"])],
        ),
    ],
    ids=["possessive-target", "passive-object"],
)
def test_targets_and_passives(text: str, expected: list) -> None:
    assert _dyads(text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unknown person described by an apposition takes its country
        (
            "Tomas Varga, Slovakia's best-known rights activist, staged a hunger strike.",
            [("PROTEST", ["SVK"], [])],
        ),
        # a group named by its role and placed in a country
        ("Opposition groups in Zambia organised a general strike.", [("PROTEST", ["ZMB"], [])]),
        # an abduction is an ASSAULT (CAMEO 181), not a COERCE
        ("Sudanese militiamen kidnapped two Chadian aid workers.", [("ASSAULT", ["SDN"], ["TCD"])]),
    ],
    ids=["described-person", "role-group-in-country", "kidnap"],
)
def test_more_actors(text: str, expected: list) -> None:
    assert _dyads(text) == expected


@pytest.mark.model
def test_family_name_first_and_coordinated_names() -> None:
    text = (
        "Xi and Lula hold talks in Beijing.\n"
        "Chinese President Xi Jinping met Brazilian President Luiz Inacio Lula da Silva "
        "in Beijing on Friday. Chinese Foreign Minister Wang Yi attended. Later, Wang met "
        "Russian Foreign Minister Sergei Lavrov."
    )
    events = analyze(text, published="2023-04-14").events
    dyads = {tuple(sorted(a.code or "" for a in e.actor)) for e in events if e.event == "CONSULT"}
    assert ("BRA", "CHN") in dyads  # "Xi and Lula" is two people, not one
    assert ("CHN", "RUS") in dyads  # "Wang" is Wang Yi, named family name first


@pytest.mark.model
def test_a_nationality_before_a_visit_is_its_destination() -> None:
    events = analyze(
        "Spain's King Felipe began a Moroccan state visit on Monday.", published="2024-03-04"
    ).events
    assert [
        (e.event, e.mode, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events
    ] == [("CONSULT", "visit", ["ESP"], ["MAR"])]


@pytest.mark.model
def test_confidence_ranks_complete_events_above_partial_ones() -> None:
    def confidence(text: str) -> float:
        (event,) = analyze(text, published="2024-06-14").events
        return event.confidence

    complete = confidence("Poland expelled five Russian diplomats on Tuesday.")
    no_target = confidence("Poland expelled five diplomats on Tuesday.")
    assert complete > no_target
    repeated = confidence(
        "Poland expelled five Russian diplomats on Tuesday. "
        "The expulsion of the Russian diplomats by Poland was announced in Warsaw."
    )
    assert repeated > complete  # a second report of the same event


@pytest.mark.model
def test_a_second_mention_does_not_confirm_a_list_of_three_parties() -> None:
    def confidence(text: str) -> float:
        (event,) = analyze(text, published="2024-06-14").events
        return event.confidence

    once = "France, Germany and Italy signed a defence pact on Tuesday."
    twice = once + " The pact between France, Germany and Italy was signed in Rome."
    assert confidence(twice) == confidence(once)
    pair = "France and Germany signed a defence pact on Tuesday."
    assert confidence(pair + " The pact between France and Germany was signed in Rome.") > (
        confidence(pair)
    )


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object selects the reading of the verb
        ("Chile cancelled restrictions on Peruvian imports.", [("CONCEDE", ["CHL"], ["PER"])]),
        ("Chile cancelled talks with Peru.", [("SANCTION", ["CHL"], ["PER"])]),
        # what a measure is of: "a state of emergency"
        ("Ecuador lifted a state of emergency in Quito on Sunday.", [("CONCEDE", ["ECU"], [])]),
    ],
    ids=["cancel-restrictions", "cancel-talks", "state-of-emergency"],
)
def test_objects_select_the_reading(text: str, expected: list) -> None:
    assert _dyads(text) == expected


@pytest.mark.model
def test_would_under_a_saying_verb_is_an_announced_intention() -> None:
    (said,) = analyze("Colombia said it would release the prisoners.", published=None).events
    assert said.factuality == "future"
    events = analyze(
        "Colombia said it would release the prisoners if Venezuela agreed.", published=None
    ).events
    assert {e.event: e.factuality for e in events}["RETREAT"] == "hypothetical"


@pytest.mark.model
def test_arrivals_and_greetings_are_visits() -> None:
    events = analyze(
        "Indian Prime Minister Narendra Modi arrived in Moscow on Monday and was greeted by "
        "Russian President Vladimir Putin.",
        published="2024-07-08",
    ).events
    assert [
        (e.event, e.mode, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events
    ] == [("CONSULT", "visit", ["IND"], ["RUS"])]


@pytest.mark.model
def test_he_in_a_subordinate_clause_is_the_subject_above() -> None:
    events = analyze(
        "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow. "
        "Kim Jong Un last met Putin in 2023, when he travelled to Vladivostok.",
        published="2024-06-19",
    ).events
    visits = [(e.actor[0].code, e.recipient[0].code) for e in events if e.mode == "visit"]
    assert visits == [("PRK", "RUS")]


@pytest.mark.model
def test_roles_of_states_named_after_of() -> None:
    assert _dyads("The navies of India, Japan and Australia began joint exercises on Tuesday.") == [
        ("COOPERATE", ["AUS", "IND", "JPN"], [])
    ]


@pytest.mark.model
def test_an_offer_to_meet_is_the_offerer_s_agreement() -> None:
    events = [
        e
        for e in analyze(
            "Kazakh President Kassym-Jomart Tokayev offered to negotiate with the president of "
            "Kyrgyzstan.",
            published="2024-06-14",
            plover_future=True,
        ).events
        if e.factuality == "asserted"
    ]
    assert [
        (e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events
    ] == [("AGREE", ["KAZ"], ["KGZ"])]


def test_a_strike_on_a_city_named_by_its_kind() -> None:
    assert _dyads("Russian missiles struck the city of Lviv.") == [("ASSAULT", ["RUS"], ["UKR"])]
    assert _dyads("Israeli jets struck the town of Nabatieh in southern Lebanon.") == [
        ("ASSAULT", ["ISR"], ["LBN"])
    ]
    # a disaster that hits a town is no attack
    assert _dyads("The earthquake hit the town of Antakya in southern Turkey.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv was hit by a barrage of Russian missiles.", ("ASSAULT", ["RUS"], ["UKR"])),
        ("A wave of Russian drones struck Odesa.", ("ASSAULT", ["RUS"], ["UKR"])),
        ("Israel was hit by a salvo of Iranian missiles.", ("ASSAULT", ["IRN"], ["ISR"])),
    ],
)
def test_a_volley_is_fired_by_whoever_fired_what_it_is_of(text: str, expected: tuple) -> None:
    assert _dyads(text) == [expected]


def test_aid_given_as_a_sum_in_aid() -> None:
    text = "Japan provided Ukraine with $4.5 billion in additional aid."
    assert _dyads(text) == [("AID", ["JPN"], ["UKR"])]


def test_a_conversation_by_phone_is_a_phone_call() -> None:
    for text in (
        "Macron spoke by phone with Zelensky on Tuesday.",
        "Modi and Putin spoke on the phone.",
    ):
        (event,) = analyze(text, published="2024-06-14").events
        assert (event.event, event.mode, event.cameo) == ("CONSULT", "phone", "041"), text
    (met,) = analyze("Macron spoke with Zelensky in Paris.", published="2024-06-14").events
    assert met.mode != "phone"


def test_blocking_a_package_or_a_bill_is_a_rejection() -> None:
    assert _dyads("Hungary blocked the EU aid package for Ukraine.") == [
        ("REJECT", ["HUN"], ["IGO"])
    ]
    # what is blocked did not come about
    assert _dyads("Hungary blocked new EU sanctions on Russia.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China sent warships near Taiwan.", ("MOBILIZE", ["CHN"], ["TWN"])),
        ("Poland moved troops to its border with Belarus.", ("MOBILIZE", ["POL"], ["BLR"])),
        ("India sent relief supplies to Turkey.", ("AID", ["IND"], ["TUR"])),
        # a membership is the applicant's, not the body's
        ("Turkey ratified Sweden's NATO accession.", ("SUPPORT", ["TUR"], ["SWE"])),
        ("China opposed Taiwan's WHO membership.", ("REJECT", ["CHN"], ["TWN"])),
    ],
)
def test_deployments_near_a_country_and_memberships(text: str, expected: tuple) -> None:
    assert _dyads(text) == [expected]


def test_destroying_a_warship_or_a_depot_is_an_attack() -> None:
    warship = "Ukrainian forces destroyed a Russian warship."
    assert _dyads(warship) == [("ASSAULT", ["UKR"], ["RUS"])]
    depot = "Israeli jets destroyed a Hezbollah weapons depot in southern Lebanon."
    assert _dyads(depot) == [("ASSAULT", ["ISR"], ["LBN"])]
    assert _dyads("The fire destroyed the building.") == []


def test_attending_an_event_abroad_is_a_visit() -> None:
    text = "Serbia's president attended the Victory Day parade in Moscow on Friday."
    assert _dyads(text) == [("CONSULT", ["SRB"], ["RUS"])]
    assert _dyads("Modi attended the G7 summit in Italy.") == [("CONSULT", ["IND"], ["ITA"])]
    # at home, or nowhere named, it is no visit
    assert _dyads("Putin attended a concert in Moscow.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The EU slapped anti-dumping duties on Chinese electric vehicles.", ["IGO", "CHN"]),
        ("Japan restricted exports of chip materials to South Korea.", ["JPN", "KOR"]),
        ("Mexico curbed imports from China.", ["MEX", "CHN"]),
    ],
)
def test_trade_measures_are_sanctions(text: str, expected: list) -> None:
    assert _dyads(text) == [("SANCTION", [expected[0]], [expected[1]])]
    assert _dyads("The officer was on duty.") == []
