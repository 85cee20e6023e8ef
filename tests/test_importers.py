"""Importers: PETRARCH/TABARI dictionaries and Wikidata dumps become knowledge tables that
``knowledge.build`` (and ``--kb``) accepts."""

from __future__ import annotations

import gzip
import json
import logging
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from communique import importers, knowledge
from communique.importers import Imported

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "importers"
ACTORS = FIXTURES / "ruritania.actors.txt"
AGENTS = FIXTURES / "ruritania.agents.txt"
WIKIDATA = FIXTURES / "wikidata.jsonl"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
REAL_DICTIONARIES = [
    (
        SHARED / "petrarch2" / "validate_dicts" / "PETR.Validate.actors.txt",
        SHARED / "petrarch2" / "validate_dicts" / "PETR.Validate.agents.txt",
    ),
    (
        SHARED / "universalpetrarch" / "validate_dicts_2_02" / "PETR_Validate_actors_2_02.txt",
        SHARED / "universalpetrarch" / "validate_dicts_2_02" / "PETR_Validate_agents_2_02.txt",
    ),
]
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SHAPES = {
    "people": {"name", "variants", "code", "positions"},
    "groups": {"name", "aliases", "code", "sector"},
    "countries": {"code", "name", "aliases", "adjectives", "demonyms", "capital"},
    "roles": {"title", "role", "sector"},
}


@pytest.fixture(scope="module")
def petrarch(kb: knowledge.KnowledgeBase) -> Imported:
    return importers.import_petrarch(ACTORS, AGENTS, kb=kb)


@pytest.fixture(scope="module")
def wikidata(kb: knowledge.KnowledgeBase) -> Imported:
    return importers.import_wikidata(WIKIDATA, kb=kb)


def _row(tables: dict[str, list[dict[str, Any]]], table: str, name: str) -> dict[str, Any]:
    key = "title" if table == "roles" else "name"
    found = [r for r in tables.get(table, []) if r[key] == name]
    assert len(found) == 1, f"{name!r} in {table}: {tables.get(table)}"
    return found[0]


def _check_shapes(tables: dict[str, list[dict[str, Any]]]) -> None:
    assert set(tables) <= set(SHAPES)
    for table, rows in tables.items():
        for row in rows:
            assert SHAPES[table] <= set(row), (table, row)
            assert all(isinstance(v, str) for k in ("variants", "aliases") for v in row.get(k, []))
            if "code" in row:
                assert re.fullmatch(r"[A-Z0-9]{3}", row["code"]), row
        for row in rows if table == "people" else []:
            assert row["positions"]
            for pos in row["positions"]:
                assert set(pos) == {"role", "sector", "start", "end"}
                assert pos["role"] and pos["sector"]
                assert all(d is None or DAY.match(d) for d in (pos["start"], pos["end"]))
        for row in rows if table == "roles" else []:
            assert row["title"] == row["title"].lower() and "_" not in row["title"]


# -- PETRARCH -------------------------------------------------------------------------------


def test_petrarch_rows_have_the_knowledge_table_shapes(petrarch: Imported) -> None:
    assert set(petrarch) == {"people", "groups", "countries", "roles"}
    _check_shapes(petrarch)


@pytest.mark.parametrize(
    ("name", "code", "variants", "positions"),
    [
        (
            "Rudolf Elphberg",
            "RUR",
            ["King Rudolf"],
            [
                ("civilian", "CVL", None, "1994-12-31"),
                ("official", "GOV", "1995-01-01", "2003-12-31"),
                ("military officer", "MIL", "2004-01-01", None),
            ],
        ),
        (
            "Michael of Strelsau",
            "RUR",
            [],
            [("former official", "ELI", "2010-01-01", "2012-12-31")],
        ),
        # two-digit years pivot at 30: 31 -> 1931, 30 -> 2030
        (
            "Old Regent",
            "RUR",
            [],
            [
                ("official", "GOV", "1931-01-01", "1945-05-08"),
                ("legislator", "LEG", "2030-01-01", None),
            ],
        ),
        # the unreadable date line is dropped, the readable one kept
        ("Bad Date Official", "RUR", [], [("judge", "JUD", "2000-01-01", "2005-12-31")]),
    ],
)
def test_dated_petrarch_codes_become_positions(
    petrarch: Imported,
    name: str,
    code: str,
    variants: list[str],
    positions: list[tuple[str, str, str | None, str | None]],
) -> None:
    row = _row(petrarch, "people", name)
    assert row["code"] == code and row["variants"] == variants
    assert [(p["role"], p["sector"], p["start"], p["end"]) for p in row["positions"]] == positions


@pytest.mark.parametrize(
    ("name", "code", "sector", "aliases"),
    [
        ("Ruritanian Army", "RUR", "MIL", ["Elphberg Guard"]),
        ("Black Elephant Brigade", "RUR", "REB", []),  # RURREBBEB: only the first sector
        ("Ruritanian State TV", "RUR", "JRN", []),  # CAMEO MED (media) is PLOVER JRN
        ("Zenda Castle", "RUR", "GOV", []),  # lower-case code
        ("The Elphbergs", "RUR", None, []),  # RUR/ZEN: the first code
        ("Atlantis", "ATL", None, []),  # a bare code, but not a place the base knows
    ],
)
def test_other_petrarch_actors_become_groups(
    petrarch: Imported, name: str, code: str, sector: str | None, aliases: list[str]
) -> None:
    row = _row(petrarch, "groups", name)
    assert (row["code"], row["sector"], row["aliases"]) == (code, sector, aliases)


def test_a_known_country_keeps_its_bundled_row_and_gains_the_new_names(
    petrarch: Imported, kb: knowledge.KnowledgeBase
) -> None:
    (israel,) = petrarch["countries"]
    assert israel["code"] == "ISR" and israel["name"] == "Israel"
    assert israel["capital"] == kb.capital_of("ISR") == "Jerusalem"
    assert "Eretz Yisrael" in israel["aliases"]
    # "Israeli" is already its adjective; "Egypt" [UAR] already means EGY
    assert "Israeli" not in israel["aliases"]
    assert not any(row["code"] == "UAR" for row in petrarch["countries"])


def test_names_the_knowledge_base_knows_are_left_out(petrarch: Imported) -> None:
    names = {r["name"] for r in petrarch["groups"]} | {r["title"] for r in petrarch["roles"]}
    assert not {"Hamas", "White House", "soldier", "soldiers"} & names
    assert petrarch.known == 5  # Egypt, Hamas, White House, soldier, soldiers


def test_malformed_petrarch_lines_are_skipped_and_logged(
    kb: knowledge.KnowledgeBase, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="communique.importers"):
        result = importers.import_petrarch(ACTORS, AGENTS, kb=kb)
    # stray synonym, unclosed code, bad date; an agent without brackets, an undefined marker
    assert result.skipped == 5
    for where in (
        "ruritania.actors.txt:9:",
        "ruritania.actors.txt:32:",
        "ruritania.agents.txt:13:",
    ):
        assert any(m.startswith(where) for m in caplog.messages), where
    everything = json.dumps(result)
    assert "Broken" not in everything and "Orphan" not in everything and "Nobody" not in everything


def test_an_unreadable_file_line_never_stops_the_import(
    tmp_path: Path, kb: knowledge.KnowledgeBase
) -> None:
    actors = tmp_path / "mixed.actors.txt"
    actors.write_text(
        "[ISR]\n"  # a code with no actor
        "HALF_OPEN [RURGOV 950101-\n"
        "SQUIGGLE [R?R]\n"
        "TWO_DATES\n\t[RURGOV 20100101-20090101]\n"  # ends before it starts
        "VALID_GUARDS [RURMIL]\n",
        encoding="utf-8",
    )
    result = importers.import_petrarch(actors, kb=kb)
    assert result.skipped == 5
    assert [r["name"] for r in result["groups"]] == ["Valid Guards"]


def test_cameo_sectors_can_be_kept(kb: knowledge.KnowledgeBase) -> None:
    result = importers.import_petrarch(ACTORS, AGENTS, kb=kb, translate_sectors=False)
    assert _row(result, "groups", "Ruritanian State TV")["sector"] == "MED"
    assert _row(result, "roles", "press officer")["sector"] == "MED"


@pytest.mark.parametrize(
    ("title", "role", "sector"),
    [
        ("palace guardsman", "palace guardsman", "MIL"),  # !GUARD! substitution set
        ("palace guardsmen", "palace guardsman", "MIL"),
        ("palace guardswoman", "palace guardsman", "MIL"),
        ("castellan", "castellan", "GOV"),
        ("castellans of the realm", "castellan", "GOV"),  # the {plural} given
        ("court astrologer", "court astrologer", "GOV"),  # ~GOVSPY: the first sector
        ("court astrologers", "court astrologer", "GOV"),  # regular plural
        ("press officer", "press officer", "JRN"),  # {}: no plural
        ("relief worker", "relief worker", "SOC"),  # NGO~: PLOVER has no NGO sector
    ],
)
def test_petrarch_agents_become_role_titles(
    petrarch: Imported, title: str, role: str, sector: str
) -> None:
    assert _row(petrarch, "roles", title) == {"title": title, "role": role, "sector": sector}
    assert "press officers" not in {r["title"] for r in petrarch["roles"]}


# -- write_tables and knowledge.build -------------------------------------------------------


def test_written_petrarch_tables_merge_into_the_knowledge_base(
    petrarch: Imported, tmp_path: Path
) -> None:
    paths = importers.write_tables(petrarch, tmp_path)
    assert sorted(p.name for p in paths) == [
        "countries.yaml",
        "groups.yaml",
        "people.yaml",
        "roles.yaml",
    ]
    merged = knowledge.build(paths)
    (rudolf,) = [e.person for e in merged.lookup("King Rudolf") if e.kind == "person"]
    assert rudolf is not None and rudolf.code == "RUR"
    position = rudolf.position_on(date(2000, 6, 1))
    assert position is not None and (position.role, position.sector) == ("official", "GOV")
    assert any(e.kind == "group" and e.sector == "MIL" for e in merged.lookup("Elphberg Guard"))
    assert any(e.kind == "country" and e.code == "ISR" for e in merged.lookup("Eretz Yisrael"))
    assert merged.capital_of("ISR") == "Jerusalem"
    assert any(
        e.kind == "role" and e.role == "castellan" for e in merged.lookup("Castellans of the realm")
    )


def test_write_tables_names_the_source_and_can_add_a_suffix(
    petrarch: Imported, tmp_path: Path
) -> None:
    paths = importers.write_tables(petrarch, tmp_path / "new", suffix="ruritania")
    assert {p.name for p in paths} == {
        f"{table}-ruritania.yaml" for table in ("countries", "groups", "people", "roles")
    }
    for path in paths:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Imported from ruritania.actors.txt, ruritania.agents.txt")
        table = path.stem.split("-")[0]
        assert yaml.safe_load(path.read_text(encoding="utf-8")) == petrarch[table]
    knowledge.build(paths)  # "people-ruritania.yaml" is read as a people table
    # a plain dict has no source: the caller names it; empty tables are not written
    (path,) = importers.write_tables(
        {"people": petrarch["people"], "groups": []}, tmp_path, source="my.actors"
    )
    assert path.name == "people.yaml"
    assert path.read_text(encoding="utf-8").startswith("# Imported from my.actors")


@pytest.mark.parametrize(("tables", "suffix"), [({"actors": [{"name": "x"}]}, ""), ({}, "a/b")])
def test_write_tables_refuses_what_build_would_not_read(
    tables: dict[str, list[dict[str, Any]]], suffix: str, tmp_path: Path
) -> None:
    with pytest.raises(ValueError):
        importers.write_tables(tables, tmp_path, suffix=suffix)


@pytest.mark.parametrize(
    ("actors", "agents"), REAL_DICTIONARIES, ids=["petrarch2", "universal-2.02"]
)
def test_the_real_petrarch_validation_dictionaries(
    actors: Path, agents: Path, kb: knowledge.KnowledgeBase, tmp_path: Path
) -> None:
    if not actors.exists() or not agents.exists():
        pytest.skip(f"{actors} is not available")
    result = importers.import_petrarch(actors, agents, kb=kb)
    _check_shapes(result)
    assert result.skipped == 0
    countries = {r["code"]: r for r in result["countries"]}
    assert {"ISR", "USA", "RUS", "PRK"} <= set(countries)
    assert "The Hermit Kingdom" in countries["PRK"]["aliases"]
    gollum = _row(result, "people", "Gollum")
    assert gollum["code"] == "HOB" and gollum["variants"] == ["Smeagol", "Slinker", "Stinker"]
    assert [(p["sector"], p["start"], p["end"]) for p in gollum["positions"]] == [
        ("CVL", None, "1995-06-01"),
        ("GOV", "1995-06-01", "1999-08-15"),
        ("REB", "1999-08-16", None),
    ]
    troops = _row(result, "groups", "Israeli Troops")
    assert (troops["code"], troops["sector"]) == ("ISR", "MIL")
    # Interpol is a bundled organisation: left out unless asked for (name, +synonym, code line)
    assert not any(r["name"].startswith("International Criminal") for r in result["groups"])
    everything = importers.import_petrarch(actors, kb=kb, skip_known=False)
    interpol = _row(everything, "groups", "International Criminal Police Organization")
    assert (interpol["code"], interpol["sector"]) == ("IGO", "COP")
    assert interpol["aliases"] == ["Interpol"]
    assert _row(result, "roles", "minister of silly walks")["sector"] == "GOV"
    merged = knowledge.build(importers.write_tables(result, tmp_path))
    assert any(e.kind == "country" and e.code == "ISR" for e in merged.lookup("Israel"))
    assert any(e.kind == "person" for e in merged.lookup("Smeagol"))


# -- Wikidata -------------------------------------------------------------------------------

ASHA = {
    "name": "Asha Verma",
    "variants": ["A. Verma"],
    "code": "IND",
    "positions": [
        {"role": "official", "sector": "GOV", "start": "2014-05-26", "end": "2019-05-30"},
        # Q192711 (Prime Minister of India) is mapped; month precision -> the 1st
        {"role": "prime minister", "sector": "GOV", "start": "2019-05-01", "end": None},
    ],
}
PIOTR = {
    "name": "Piotr Nowakowski",
    "variants": [],
    "code": "POL",  # the preferred citizenship; the deprecated one (RUS) is ignored
    # year precision -> 1 January; the statement that ended at an unknown date and the
    # deprecated one are dropped
    "positions": [{"role": "official", "sector": "GOV", "start": "2020-01-01", "end": None}],
}


def _entity_lines() -> list[str]:
    return [line for line in WIKIDATA.read_text(encoding="utf-8").splitlines() if line]


def _variant(kind: str, folder: Path) -> Path:
    """The fixture entities in another dump format."""
    lines = _entity_lines()
    if kind == "jsonl":
        return WIKIDATA
    if kind == "array":
        return FIXTURES / "wikidata-array.json"
    if kind == "gz":
        path = folder / "dump.json.gz"
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write("[\n" + ",\n".join(lines) + "\n]\n")
        return path
    entities = {json.loads(line)["id"]: json.loads(line) for line in lines}
    path = folder / "Special-EntityData.json"  # pretty-printed, {"entities": {...}}
    path.write_text(json.dumps({"entities": entities}, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["jsonl", "array", "gz", "entitydata"])
def test_wikidata_dumps_in_every_format_give_the_same_people(
    kind: str, tmp_path: Path, kb: knowledge.KnowledgeBase
) -> None:
    result = importers.import_wikidata(_variant(kind, tmp_path), kb=kb)
    assert dict(result) == {"people": [ASHA, PIOTR]}
    _check_shapes(result)
    assert result.skipped == 2  # no known citizenship; no English label
    assert result.known == 1  # Joe Biden is in the bundled base


def test_caller_mappings_extend_the_built_in_ones(kb: knowledge.KnowledgeBase) -> None:
    result = importers.import_wikidata(
        WIKIDATA,
        kb=kb,
        countries={"Q90000999": "ATL"},
        positions={"Q90000102": ("defence minister", "GOV"), "Q90000105": ("mayor", "GOV")},
    )
    assert _row(result, "people", "Ulla Stateless")["code"] == "ATL"
    assert _row(result, "people", "Ulla Stateless")["positions"][0]["role"] == "mayor"
    assert _row(result, "people", "Piotr Nowakowski")["positions"][0]["role"] == "defence minister"
    assert _row(result, "people", "Asha Verma")["positions"][1]["role"] == "prime minister"
    assert result.skipped == 1


def test_known_people_can_be_imported_anyway(kb: knowledge.KnowledgeBase) -> None:
    result = importers.import_wikidata(WIKIDATA, kb=kb, skip_known=False)
    biden = _row(result, "people", "Joe Biden")
    assert biden["code"] == "USA"
    assert biden["positions"] == [
        {"role": "president", "sector": "GOV", "start": "2021-01-20", "end": "2025-01-20"}
    ]


def test_a_broken_dump_line_is_skipped_not_fatal(
    tmp_path: Path, kb: knowledge.KnowledgeBase, caplog: pytest.LogCaptureFixture
) -> None:
    lines = _entity_lines()
    path = tmp_path / "broken.jsonl"
    path.write_text(
        "\n".join([lines[0], '{"type": "item", "id": "Q1", "claims": ', *lines[1:]]) + "\n"
    )
    with caplog.at_level(logging.WARNING, logger="communique.importers"):
        result = importers.import_wikidata(path, kb=kb)
    assert [r["name"] for r in result["people"]] == ["Asha Verma", "Piotr Nowakowski"]
    assert result.skipped == 3
    assert any("broken.jsonl:2" in m for m in caplog.messages)


def test_imported_people_resolve_by_date_in_the_knowledge_base(
    wikidata: Imported, tmp_path: Path
) -> None:
    merged = knowledge.build(importers.write_tables(wikidata, tmp_path, suffix="wikidata"))
    person = merged.person_fuzzy("Asha Verma")
    assert person is not None and person.code == "IND"
    for day, role in [(date(2016, 1, 1), "official"), (date(2022, 1, 1), "prime minister")]:
        position = person.position_on(day)
        assert position is not None and position.role == role


@pytest.mark.parametrize(
    ("qid", "iso3"),
    [
        ("Q30", "USA"),
        ("Q159", "RUS"),
        ("Q148", "CHN"),
        ("Q668", "IND"),
        ("Q184", "BLR"),
        ("Q145", "GBR"),
        ("Q142", "FRA"),
        ("Q183", "DEU"),
        ("Q17", "JPN"),
        ("Q884", "KOR"),
        ("Q423", "PRK"),
        ("Q212", "UKR"),
        ("Q801", "ISR"),
        ("Q219060", "PSE"),
        ("Q865", "TWN"),
        ("Q1246", "KOS"),
    ],
)
def test_built_in_wikidata_countries(qid: str, iso3: str, kb: knowledge.KnowledgeBase) -> None:
    assert importers.WIKIDATA_COUNTRIES[qid] == iso3
    assert len(importers.WIKIDATA_COUNTRIES) >= 60
    assert set(importers.WIKIDATA_COUNTRIES.values()) <= set(kb.countries)
