"""Exports: GDELT's 61 columns in order, its Mentions table, PLOVER JSON, CSV, GraphML."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from communique import analyze
from communique.export import GDELT_COLUMNS, MENTION_COLUMNS, write

TEXT = (
    "India and Belarus held talks in Qingdao, China, on Thursday. "
    "Poland expelled five Russian diplomats on Tuesday."
)


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [e.to_dict() for e in analyze(TEXT, published="2025-06-27").events]


def test_gdelt_columns_match_the_codebook(shared: Path) -> None:
    ref = (shared / "data" / "reference" / "gdelt2_export_columns.txt").read_text().splitlines()
    names = [line.split("\t")[1] for line in ref if line and line[0].isdigit()]
    assert list(GDELT_COLUMNS) == names and len(names) == 61
    ref = (shared / "data" / "reference" / "gdelt2_mentions_columns.txt").read_text()
    mention_names = [line.split("\t")[1] for line in ref.splitlines() if line and line[0].isdigit()]
    assert list(MENTION_COLUMNS) == mention_names


def test_gdelt_rows(records: list[dict]) -> None:
    out = io.StringIO()
    articles = {
        records[0]["article_id"]: {"url": "https://example.org/a", "published": "2025-06-27"}
    }
    assert write(records, "gdelt", out, articles=articles) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert all(len(row) == 61 for row in rows)
    talks = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    assert talks["SQLDATE"] == "20250626" and talks["EventRootCode"] == "04"
    assert talks["ActionGeo_FullName"] == "Qingdao" and talks["ActionGeo_CountryCode"] == "CH"
    assert talks["ActionGeo_FeatureID"] == "1797929" and talks["QuadClass"] == "1"
    assert talks["SOURCEURL"] == "https://example.org/a"
    expel = dict(zip(GDELT_COLUMNS, rows[1], strict=True))
    assert expel["Actor1CountryCode"] == "POL" and expel["Actor2CountryCode"] == "RUS"


def test_mentions_plover_csv_and_graphml(records: list[dict]) -> None:
    out = io.StringIO()
    write(records, "gdelt-mentions", out)
    assert all(len(r) == 16 for r in csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    out = io.StringIO()
    write(records, "plover", out)
    first = json.loads(out.getvalue().splitlines()[0])
    assert first["event"] == "CONSULT" and first["has_event"] is True
    out = io.StringIO()
    write(records, "csv", out)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert table[1]["actor_codes"] == "POL" and table[1]["recipient_codes"] == "RUS"
    out = io.StringIO()
    write(records, "graphml", out)
    tree = ElementTree.fromstring(out.getvalue())
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    edges = {(e.get("source"), e.get("target")) for e in tree.iter(f"{ns}edge")}
    assert ("POL", "RUS") in edges and ("IND", "BLR") in edges and ("BLR", "IND") in edges
