"""The trigger lexicon is consistent with the codebooks: every CAMEO code exists, every
mode is a PLOVER mode of its type, and a trigger's PLOVER type is the one its CAMEO code
maps to, except for the deliberate differences listed here."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from communique import analyze
from communique.codebook import PLOVER_MODES, default
from communique.coding import Trigger, default_lexicon

# Trigger types that differ from CAMEO2PLOVER on purpose, with the reason.
DELIBERATE = {
    # PLOVER's SANCTION covers sanctions and embargoes; CAMEO2PLOVER files 163 under COERCE
    "163": "SANCTION",
    # occupying territory by force: ASSAULT in the manual's examples ("invasion")
    "192": "ASSAULT",
    # CAMEO has no resignation code; PLOVER codes resignations as RETREAT
    "080": "RETREAT",
    # a pardon eases a legal restriction: CONCEDE in the PLOVER manual
    "0841": "CONCEDE",
}


def _triggers() -> list[Trigger]:
    lexicon = default_lexicon()
    return list(lexicon.verbs.values()) + list(lexicon.nouns.values())


@pytest.mark.parametrize("trigger", _triggers(), ids=lambda t: f"{t.pos}:{t.key}")
def test_trigger_agrees_with_the_codebooks(trigger: Trigger) -> None:
    cameo = default().cameo
    assert trigger.event in PLOVER_MODES
    assert trigger.cameo in cameo, f"unknown CAMEO code {trigger.cameo}"
    if trigger.mode is not None:
        assert trigger.mode in PLOVER_MODES[trigger.event]
    readings = [(trigger.event, trigger.cameo, trigger.mode)]
    readings += [(event, code, mode) for _, event, code, mode, _ in trigger.by_object]
    for event, code, mode in readings:
        assert code in cameo, f"unknown CAMEO code {code}"
        if mode is not None:
            assert mode in PLOVER_MODES[event]
        mapped = (cameo[code].get("plover") or {}).get("event")
        if mapped is not None:
            assert event in {mapped, DELIBERATE.get(code)}
    for cls, *_ in trigger.by_object:
        assert cls in default_lexicon().classes, f"unknown word class {cls}"


def test_the_deontic_rule_codes_a_request() -> None:
    rule = default_lexicon().deontic
    assert rule["event"] == "REQUEST" and rule["mode"] in PLOVER_MODES["REQUEST"]
    assert "must" in rule["modals"] and "say" in rule["governors"]


def test_the_trigger_file_names_each_word_once() -> None:
    """YAML keeps only the last of two equal keys: a second entry silently replaces the
    first, so the file must not have any."""
    repeated: list[str] = []

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
        keys = [loader.construct_object(k) for k, _ in node.value]
        repeated.extend(str(k) for k in keys if keys.count(k) > 1)
        return yaml.SafeLoader.construct_mapping(loader, node)

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    source = resources.files("communique") / "data" / "triggers.yaml"
    yaml.load(source.read_text(encoding="utf-8"), Loader=Loader)
    assert not repeated


def test_systems_vehicles_and_sums_sent_are_aid() -> None:
    for text in (
        "Norway sent two air defence systems to Ukraine.",
        "Sweden delivered armoured vehicles to Ukraine.",
        "Denmark provided 20 million euros to Ukraine.",
    ):
        events = analyze(text, published="2024-06-25").events
        assert [(e.event, [r.code for r in e.recipient]) for e in events] == [("AID", ["UKR"])]


def test_more_verbs_of_the_same_acts() -> None:
    from communique import analyze

    def coded(text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
        return [
            (e.event, [a.code for a in e.actor], [r.code for r in e.recipient])
            for e in analyze(text).events
        ]

    assert ("ACCUSE", ["CHN"], ["USA"]) in coded("China lambasted the United States.")
    assert ("ASSAULT", ["YEM"], ["ISR"]) in coded(
        "The Houthis hijacked the Galaxy Leader, a cargo ship linked to an Israeli businessman."
    )
    assert ("AID", ["USA"], ["UKR"]) in coded("The United States airlifted food to Ukraine.")
    assert ("MOBILIZE", ["USA"], ["POL"]) in coded("The United States stationed troops in Poland.")
