"""Factuality from cue scope in the parse: no phantom events from hedged text."""

from __future__ import annotations

import pytest

from communique import analyze, language
from communique.factuality import assess


def _facts(text: str) -> list[tuple[str, str]]:
    return [(e.event, e.factuality) for e in analyze(text, published="2024-06-14").events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India and China held talks in Beijing on Monday.", [("CONSULT", "asserted")]),
        ("India and China may hold talks next month.", [("CONSULT", "speculative")]),
        ("India and China will hold talks next month.", [("CONSULT", "future")]),
        ("India and China did not hold talks.", [("CONSULT", "negated")]),
        ("India plans to sign an agreement with Japan.", [("SUPPORT", "future")]),
        ("If India and China held talks, tensions would ease.", [("CONSULT", "hypothetical")]),
        (
            "The meeting between India and Belarus likely touched upon cyber security.",
            [("CONSULT", "asserted")],
        ),
        (
            "This could potentially lead to agreements between India and Belarus.",
            [("AGREE", "speculative")],
        ),
    ],
)
def test_factuality(text: str, expected: list[tuple[str, str]]) -> None:
    assert _facts(text) == expected


def test_scope_is_the_clause_not_the_sentence() -> None:
    facts = _facts(
        "Russia and Belarus held talks on Monday and the talks may lead to a "
        "defence pact between the two countries."
    )
    assert ("CONSULT", "asserted") in facts
    assert ("AGREE", "speculative") in facts


def test_reported_event_carries_its_source() -> None:
    (event,) = analyze("India and China held talks in Beijing, the foreign ministry said.").events
    assert event.factuality == "reported"
    assert event.attribution is not None and "foreign ministry" in event.attribution


@pytest.mark.parametrize(
    ("text", "event", "factuality"),
    [
        ("It is possible that Iran and Saudi Arabia met in Baghdad.", "CONSULT", "speculative"),
        ("China will probably host the talks with Russia.", "CONSULT", "speculative"),
        ("Russia is set to hold talks with Turkey on Friday.", "CONSULT", "future"),
        ("Were Israel to strike Iran, oil prices would soar.", "ASSAULT", "hypothetical"),
        ("Putin denied that Russia had attacked the convoy.", "ASSAULT", "negated"),
        ("No talks were held between Armenia and Azerbaijan.", "CONSULT", "negated"),
        ("According to state media, North Korea fired missiles at Japan.", "ASSAULT", "reported"),
        ("Iraq invaded Kuwait in 1990.", "ASSAULT", "historical"),
        (
            "Officials said the platform allows India to share intelligence with Japan.",
            "COOPERATE",
            "speculative",
        ),
    ],
)
def test_cue_kinds(text: str, event: str, factuality: str) -> None:
    found = [(e.event, e.factuality) for e in analyze(text, published="2024-06-14").events]
    assert (event, factuality) in found
    assert not any(
        t == event and f in {"asserted", "reported"} and f != factuality for t, f in found
    )


def test_an_event_after_without_is_negated() -> None:
    events = analyze(
        "The Iranian president left Moscow without signing any agreement with Vladimir Putin.",
        published="2024-06-01",
    ).events
    assert [e.factuality for e in events if e.event == "SUPPORT"] == ["negated"]


def test_a_purpose_is_a_future_aim_not_a_promise() -> None:
    text = "Russia deployed troops to Belarus on Monday to attack Ukraine."
    facts = _facts(text)
    assert ("MOBILIZE", "asserted") in facts
    assert ("ASSAULT", "future") in facts
    # PLOVER's intent recoding is for stated intentions: an aim stays a future event
    recoded = analyze(text, published="2024-06-14", plover_future=True).events
    assert ("ASSAULT", "future") in [(e.event, e.factuality) for e in recoded]
    assert "THREATEN" not in [e.event for e in recoded]


def test_an_aim_of_an_uncertain_act_is_as_uncertain() -> None:
    facts = _facts("Russia may deploy troops to Belarus to attack Ukraine.")
    assert ("ASSAULT", "speculative") in facts


def test_would_under_a_report_is_the_future_of_the_past() -> None:
    facts = _facts(
        "Poland said it had summoned the Russian ambassador and would expel two Russian diplomats."
    )
    assert ("SANCTION", "future") in facts
    assert not any(f == "hypothetical" for _, f in facts)


def test_the_first_to_do_something_did_it() -> None:
    facts = _facts("Modi became the first Indian prime minister to visit Ukraine.")
    assert ("CONSULT", "asserted") in facts
    assert ("CONSULT", "future") in _facts(
        "Modi will be the first Indian prime minister to visit Ukraine."
    )
    assert ("CONSULT", "speculative") in _facts(
        "India offers a platform for Modi to visit Ukraine."
    )


def test_hearsay_without_a_source_is_speculation() -> None:
    assert ("AID", "speculative") in _facts("Iran is reported to have supplied drones to Russia.")
    assert ("AID", "reported") in _facts("Ukraine said Iran had supplied drones to Russia.")


def test_what_an_intention_is_for_is_its_aim() -> None:
    # an effort or a plan "to" do something is for a future act; a platform is a chance
    assert ("ASSAULT", "future") in _facts("Russia began an offensive to attack Ukraine.")
    assert ("CONSULT", "speculative") in _facts(
        "The forum gives India a chance to meet China's defence minister."
    )
    assert ("CONSULT", "speculative") in _facts(
        "Russia may launch an effort to meet China's defence minister."
    )


def test_a_cause_is_given_not_foreseen() -> None:
    # "due to" is not "is due to": a cause has happened
    facts = _facts("Russia withdrew its troops from Kherson due to Ukrainian attacks.")
    assert ("ASSAULT", "asserted") in facts
    assert ("ASSAULT", "asserted") in _facts(
        "The talks were delayed because of Russian attacks on Ukraine."
    )
    assert ("CONSULT", "future") in _facts("Putin is due to visit Beijing next week.")


def test_what_an_act_led_to_happened() -> None:
    # "lead to" says what followed; only a modal makes it a possibility
    assert ("ASSAULT", "asserted") in _facts(
        "The dispute led to clashes between Armenian and Azerbaijani troops."
    )
    assert ("ASSAULT", "speculative") in _facts(
        "The dispute could lead to clashes between Armenian and Azerbaijani troops."
    )


def test_what_someone_is_told_to_do_is_a_directive() -> None:
    assert ("RETREAT", "speculative") in _facts("Biden told Netanyahu to allow more aid into Gaza.")
    assert ("RETREAT", "reported") in _facts(
        "Blinken told reporters that Israel had allowed more aid into Gaza."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Egypt said the United States must be ready to mediate between Israel and Hamas.",
        "Turkey may be willing to host talks between Russia and Ukraine.",
    ],
    ids=["must-be-ready", "may-be-willing"],
)
def test_an_intention_that_is_demanded_or_doubted_is_not_asserted(text: str) -> None:
    # under PLOVER's recoding a stated readiness is an (asserted) AGREE; one that is only
    # demanded or possible is not stated by anyone
    events = analyze(text, published="2024-06-14", plover_future=True).events
    assert not any(e.event == "AGREE" and e.factuality == "asserted" for e in events)


def test_a_stated_readiness_is_still_an_intention() -> None:
    events = analyze(
        "Iran is ready to talk with the United States.", published="2024-06-14", plover_future=True
    ).events
    assert [(e.event, e.factuality) for e in events] == [("AGREE", "asserted")]


def test_a_refusal_that_is_only_urged_is_no_rejection() -> None:
    text = "Greece urged the EU to refuse to recognise North Macedonia."
    events = analyze(text, published="2024-06-14", plover_future=True).events
    assert not any(e.event == "REJECT" and e.factuality == "asserted" for e in events)
    done = analyze(
        "The EU refused to recognise the annexation.", published="2024-06-14", plover_future=True
    ).events
    assert any(e.event == "REJECT" and e.factuality == "asserted" for e in done)


def test_what_is_fought_until_has_not_happened() -> None:
    events = analyze(
        "Rebels vowed to fight until they gain control of the capital.", published="2024-06-14"
    ).events
    assert not any(e.event == "ASSAULT" and e.factuality == "asserted" for e in events)


def test_a_weekday_in_the_simple_present_is_the_one_ahead() -> None:
    events = analyze(
        "New US sanctions on Iranian oil exports take effect on Tuesday.", published="2025-03-01"
    ).events
    assert [(e.event, e.factuality, str(e.date)) for e in events] == [
        ("SANCTION", "future", "2025-03-04")
    ]


def test_what_a_subjunctive_clause_demands_has_not_happened() -> None:
    facts = _facts("The ILO restated its demand on Monday that Israel ease the restrictions.")
    assert ("REQUEST", "asserted") in facts
    assert ("CONCEDE", "asserted") not in facts
    # an indicative clause still tells what happened
    told = _facts("The ministry said that Israel eased the restrictions.")
    assert ("CONCEDE", "reported") in told


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not comment when Ukrainian drones struck the refinery in Ryazan.",
        "Beijing will not attend the summit because Washington has imposed sanctions on it.",
    ],
)
def test_a_past_event_given_as_time_or_cause_is_not_in_the_matrix_scope(text: str) -> None:
    facts = _facts(text)
    assert any(f in facts for f in [("ASSAULT", "asserted"), ("SANCTION", "asserted")])


def test_a_clause_in_the_present_after_when_is_not_given() -> None:
    facts = _facts("The leaders will meet again in November, when Indonesia hosts the summit.")
    assert not any(value == "asserted" for _, value in facts)


def test_what_is_set_against_a_denial_is_not_denied() -> None:
    facts = _facts("China did not send troops but held military drills near Taiwan.")
    assert ("MOBILIZE", "asserted") in facts
    # without the contrast, the conjunct shares the negation
    assert ("THREATEN", "negated") in _facts("Iran did not attack Israel or threaten it.")


def test_a_relative_clause_with_its_own_subject_tells_what_is_given() -> None:
    facts = _facts("Russia may attack the city that Ukraine recaptured from Russian forces.")
    assert ("ASSAULT", "asserted") in facts
    assert ("ASSAULT", "speculative") in facts
    # a subject relative describes the noun, within the scope around it
    denied = _facts("Russia denied that it had launched the strike that killed 20 civilians.")
    assert not any(value == "asserted" for _, value in denied)


@pytest.mark.parametrize(
    "text",
    [
        "Oil prices jumped on fears of an Israeli strike on Iran's oil facilities.",
        "Fears of a Russian invasion of Ukraine grew in January.",
        "The threat of US sanctions on Turkey weighed on the lira.",
    ],
)
def test_what_is_feared_or_threatened_has_not_happened(text: str) -> None:
    facts = _facts(text)
    assert facts and all(value == "speculative" for _, value in facts)


def test_concern_over_an_act_does_not_make_it_unreal() -> None:
    facts = _facts("Egypt expressed concern over Israeli strikes on Rafah.")
    assert ("ASSAULT", "asserted") in facts


def test_what_is_asked_for_has_not_happened() -> None:
    facts = _facts("Washington renewed demands for a ceasefire between Israel and Hamas.")
    assert ("REQUEST", "asserted") in facts
    assert ("RETREAT", "asserted") not in facts


@pytest.mark.parametrize(
    "text",
    [
        "Israel braced for an Iranian retaliatory strike.",
        "Taiwan is girding for a Chinese invasion.",
        "Israel fears an Iranian attack on its air bases.",
        "Israel was on high alert for an Iranian missile attack.",
        "Kyiv warned of a Russian attack on its power grid.",
    ],
)
def test_what_is_braced_for_or_warned_of_has_not_happened(text: str) -> None:
    facts = _facts(text)
    assert ("ASSAULT", "speculative") in facts
    assert not any(value == "asserted" for _, value in facts)


def test_a_warning_of_another_partys_act_is_not_a_threat() -> None:
    warned = analyze("US officials warned of an imminent Russian invasion of Ukraine.")
    assert not [e for e in warned.events if e.event == "THREATEN"]
    # the warner's own act is a threat, and a warning to a named party too
    for text in (
        "Russia warned of retaliation against NATO.",
        "Jordan's king warned Israel against a ground offensive in Rafah.",
    ):
        assert [e.event for e in analyze(text).events] == ["THREATEN"], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The EU stopped short of imposing sanctions on Israel.", "negated"),
        ("The truce fell short of a full ceasefire between Israel and Hamas.", "negated"),
        ("Chinese forces rehearsed strikes on Taiwanese ports.", "speculative"),
        ("Chinese forces simulated strikes on Taiwanese ports.", "speculative"),
        ("The EU is weighing new sanctions on Iran.", "future"),
    ],
)
def test_what_falls_short_is_rehearsed_or_weighed_is_not_done(text: str, expected: str) -> None:
    doc = language.parse(text)
    nouns = [t for t in doc if t.lemma_.lower() in {"sanction", "ceasefire", "strike"}]
    assert nouns and assess(nouns[0])[0] == expected


def test_what_talks_seek_is_not_yet_reached() -> None:
    assert _facts("Talks on a ceasefire between Israel and Hamas collapsed.") == [
        ("RETREAT", "speculative")
    ]
    facts = _facts("Negotiations over a prisoner exchange between Russia and Ukraine resumed.")
    assert facts and all(value == "speculative" for _, value in facts)
    # what the talks are about, when it happened, is told as it is
    told = _facts("Diplomats held talks about Israeli strikes on Lebanon.")
    assert ("ASSAULT", "asserted") in told


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit between Biden and Xi was cancelled.", "negated"),
        ("Talks between Russia and Ukraine were called off.", "negated"),
        ("Analysts said a Chinese invasion of Taiwan was unlikely.", "speculative"),
        ("An Israeli strike on Iran is possible.", "speculative"),
        ("A Russian attack on Kyiv is imminent.", "future"),
        # what the clause says of a real event leaves it real
        ("The Russian attack on Kyiv was the largest of the war.", "asserted"),
        ("The Israeli strike on Iran was not a surprise.", "asserted"),
    ],
)
def test_what_is_said_of_a_nominal_event_says_whether_it_happens(text: str, expected: str) -> None:
    facts = _facts(text)
    assert facts and all(value == expected for _, value in facts)


@pytest.mark.parametrize(
    "text",
    [
        "France opposes sending troops to Ukraine.",
        "Germany objected to sending tanks to Ukraine.",
        "Hungary resisted imposing sanctions on Russia.",
    ],
)
def test_an_act_opposed_is_not_done(text: str) -> None:
    assert [value for _, value in _facts(text)] == ["negated"]
    # an opposed thing may be real
    assert ("ASSAULT", "asserted") in _facts("Turkey opposed the Israeli strikes on Gaza.")


@pytest.mark.parametrize(
    "text", ["Sweden hopes to join NATO by July.", "Sweden is hoping to join NATO."]
)
def test_a_hope_is_an_intention_whatever_the_lemmatizer_says(text: str) -> None:
    # the packaged lemmatizer reads "hopes" as "hop"
    assert [value for _, value in _facts(text)] == ["future"]


def test_a_motive_is_not_what_is_blocked() -> None:
    text = "Polish farmers blocked border crossings with Ukraine in protest at grain imports."
    assert all(value == "asserted" for _, value in _facts(text))


def test_what_someone_is_warned_against_doing_is_not_done() -> None:
    text = "Putin warned Germany against sending long-range missiles to Ukraine."
    events = analyze(text, published="2024-06-14").events
    found = [(e.event, [a.code for a in e.actor], e.factuality) for e in events]
    assert ("THREATEN", ["RUS"], "asserted") in found
    # the one warned would send them, not the one who warns
    assert ("AID", ["DEU"], "speculative") in found


def test_a_denial_denied_leaves_the_act_open() -> None:
    facts = _facts("Macron refused to rule out sending troops to Ukraine.")
    assert ("AID", "speculative") in facts
    # a plain denial still negates
    assert ("AID", "negated") in _facts("NATO ruled out sending troops to Ukraine.")


def test_what_a_named_party_is_ordered_to_do_is_not_yet_done() -> None:
    events = analyze("The UN Security Council ordered Iraq to withdraw from Kuwait.").events
    assert [(e.event, [a.code for a in e.actor], e.factuality) for e in events] == [
        ("RETREAT", ["IRQ"], "speculative")
    ]
    # a commander's order to his own forces is told as done
    assert _facts("Putin ordered troops to withdraw from Kherson.") == [("RETREAT", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "A Dutch court barred Israel from striking targets in Lebanon.",
        "American pressure deterred Israel from attacking Iran's nuclear sites.",
    ],
    ids=["barred", "deterred"],
)
def test_what_a_party_is_barred_from_doing_is_negated(text: str) -> None:
    assert _facts(text) == [("ASSAULT", "negated")]


def test_a_remark_hung_on_an_ordered_act_is_the_speakers() -> None:
    # the parser hangs ", blaming ..." on "close", the act ordered
    text = "Poland ordered Russia to shut its consulate in Gdansk, blaming Moscow for sabotage."
    events = analyze(text, published="2024-06-14").events
    assert ("ACCUSE", "asserted") in [(e.event, e.factuality) for e in events]
    assert ("SANCTION", ["POL"], ["RUS"]) in [
        (e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events
    ]


def test_a_plot_is_not_the_act_plotted() -> None:
    facts = _facts("Iran plotted to assassinate an Israeli diplomat in Cyprus.")
    assert facts == [("ASSAULT", "speculative")]


def test_a_proposed_ceasefire_is_not_in_force() -> None:
    text = "Qatari mediators presented a new ceasefire proposal to Israel and Hamas."
    assert ("RETREAT", "asserted") not in _facts(text)
    assert ("RETREAT", "asserted") in _facts("Israel and Hamas signed a ceasefire deal.")
