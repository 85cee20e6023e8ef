"""Exports: GDELT's 61 columns in order (one row per real event from a store), its Mentions
table, PLOVER JSON, CSV, Parquet, GraphML."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from communique import analyze
from communique import export as export_mod
from communique.export import (
    GDELT_COLUMNS,
    MENTION_COLUMNS,
    global_event_id,
    store_records,
    write,
)

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


# ------------------------------------------------------------------ from a store


def _report(n: int, kind: str, actor: str, recipient: str, url: str, factuality: str = "asserted"):
    from communique.records import Analysis, Article, Entity, Event, Evidence

    text = f"Report {n}: {actor} and {recipient}."
    article = Article(text=text, published=date(2025, 6, 27), url=url, source=f"{n}.txt")
    said = [Evidence(text, 0, len(text), "met", 10, 13), Evidence(text, 0, 9, "met", 2, 5)]
    found = Event(
        id=f"{article.id}-{kind}",
        article_id=article.id,
        event=kind,
        mode=None,
        context=[],
        cameo="040" if kind == "CONSULT" else "166",
        quad_code=1,
        goldstein=1.0,
        actor=[Entity(actor, 0, 3, code=actor)],
        recipient=[Entity(recipient, 8, 11, code=recipient)],
        date=date(2025, 6, 26),
        date_precision="day",
        event_loc=None,
        forum=None,
        topics=[],
        factuality=factuality,
        attribution=None,
        evidence=said[0],
        mentions=said,
        confidence=0.8,
    )
    return Analysis(article=article, events=[found])


@pytest.fixture
def store(tmp_path: Path):
    """Two reports of one meeting (two outlets), a third from the first outlet, an
    expulsion, and speculation about another meeting."""
    from communique.store import Store

    with Store.open(tmp_path / "c.db") as opened:
        opened.add(_report(0, "CONSULT", "IND", "BLR", "https://wire.example/0"))
        opened.add(_report(1, "CONSULT", "IND", "BLR", "https://paper.example/1"))
        opened.add(_report(2, "CONSULT", "IND", "BLR", "https://wire.example/2"))
        opened.add(_report(3, "SANCTION", "POL", "RUS", "https://wire.example/3"))
        opened.add(_report(4, "CONSULT", "CHN", "RUS", "https://wire.example/4", "speculative"))
        yield opened


def _tsv(records: list[dict], fmt: str, articles: dict) -> list[list[str]]:
    out = io.StringIO()
    write(records, fmt, out, articles=articles)
    return list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))


def test_gdelt_from_a_store_is_one_row_per_real_event_with_its_counts(store) -> None:
    articles = {a["id"]: a for a in store.articles(with_text=False)}
    rows = _tsv(list(store_records(store, "gdelt")), "gdelt", articles)
    assert all(len(row) == 61 for row in rows)
    by_code = {row[26]: dict(zip(GDELT_COLUMNS, row, strict=True)) for row in rows}
    assert set(by_code) == {"040", "166"}  # the speculative meeting is no real event
    meeting = by_code["040"]
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == (
        "6",
        "2",
        "3",
    )
    first = next(store.events(event="CONSULT", actor="IND"))
    assert meeting["GLOBALEVENTID"] == str(global_event_id({"id": first["cluster_id"]}))
    assert meeting["SQLDATE"] == "20250626" and meeting["SOURCEURL"] == "https://wire.example/0"
    expulsion = by_code["166"]
    assert (expulsion["NumMentions"], expulsion["NumSources"], expulsion["NumArticles"]) == (
        "2",
        "1",
        "1",
    )


def test_gdelt_mentions_point_at_their_cluster(store) -> None:
    articles = {a["id"]: a for a in store.articles(with_text=False)}
    events = _tsv(list(store_records(store, "gdelt")), "gdelt", articles)
    mentions = _tsv(list(store_records(store, "gdelt-mentions")), "gdelt-mentions", articles)
    assert all(len(row) == len(MENTION_COLUMNS) for row in mentions)
    assert len(mentions) == 8  # 2 sentences in each of 4 articles; not the speculation
    assert {row[0] for row in mentions} == {row[0] for row in events}
    meeting = next(row[0] for row in events if row[26] == "040")
    hosts = [row[4] for row in mentions if row[0] == meeting]
    assert sorted(hosts) == ["paper.example"] * 2 + ["wire.example"] * 4
    assert {row[2] for row in mentions} == {"20250627000000"}  # when the article said it


def test_gdelt_from_records_groups_by_their_cluster_ids(store) -> None:
    records = list(store.events(clustered=True))
    grouped = export_mod.gdelt_events(records)
    assert len(grouped) == 2
    meeting = next(r for r in grouped if r["event"] == "CONSULT")
    assert (meeting["NumArticles"], meeting["NumMentions"]) == (3, 6)
    loose = [{**r, "cluster_id": None} for r in records]  # records of `analyze`: one each
    assert len(export_mod.gdelt_events(loose)) == 4


def test_parquet_round_trip_keeps_types(store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from communique import frames

    articles = {a["id"]: a for a in store.articles(with_text=False)}
    path = tmp_path / "events.parquet"
    assert export_mod.write_parquet(store.events(), path, articles=articles) == 5
    table = pq.read_table(path)
    assert table.schema.equals(frames.schema(frames.EVENT_COLUMNS))
    assert str(table.schema.field("date").type) == "date32[day]"
    assert str(table.schema.field("actors").type) == "list<element: string>"
    rows = table.to_pylist()
    first = next(r for r in rows if r["url"] == "https://wire.example/0")
    assert first["date"] == date(2025, 6, 26) and first["published"] == date(2025, 6, 27)
    assert first["actors"] == ["IND"] and first["recipients"] == ["BLR"]
    assert first["quad_code"] == 1 and first["mentions"] == 2
    assert first["cluster_id"] == first["id"]
    assert sum(r["cluster_id"] is None for r in rows) == 1


def test_cli_parquet_needs_an_output_file(store, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from communique.cli import main

    db = str(tmp_path / "c.db")
    refused = CliRunner().invoke(main, ["export", "--db", db, "--format", "parquet"])
    assert refused.exit_code == 2 and "--output" in refused.output
    path = tmp_path / "out" / "e.parquet"
    done = CliRunner().invoke(main, ["export", "--db", db, "--format", "parquet", "-o", str(path)])
    assert done.exit_code == 0, done.output
    import pyarrow.parquet as pq

    assert pq.read_table(path).num_rows == 5
    listed = CliRunner().invoke(main, ["clusters", "--db", db, "--min-articles", "2"])
    assert listed.exit_code == 0 and "CONSULT" in listed.output and "SANCTION" not in listed.output
    rebuilt = CliRunner().invoke(main, ["recluster", "--db", db])
    assert rebuilt.exit_code == 0 and "in 2 clusters" in rebuilt.output
