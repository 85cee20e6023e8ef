"""The store: schema, idempotent all-or-nothing writes, the ledger and the read API, on
SQLite always and on PostgreSQL when COMMUNIQUE_TEST_POSTGRES holds a URL.

Events are built by hand here (no model): what is stored is what the pipeline returns.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from communique import store as store_mod
from communique.records import (
    Analysis,
    Article,
    Entity,
    Event,
    Evidence,
    Failure,
    Forum,
    Place,
)
from communique.store import Store, StoreError

PG_URL = os.environ.get("COMMUNIQUE_TEST_POSTGRES")
PG_SKIP = "set COMMUNIQUE_TEST_POSTGRES to a PostgreSQL URL (bash .ci/postgres.sh prints one)"
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql", id="postgresql", marks=pytest.mark.skipif(not PG_URL, reason=PG_SKIP)
    ),
]


@pytest.fixture(params=BACKENDS)
def make_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """A factory of empty databases of one backend: SQLite files, or PostgreSQL schemas
    (dropped afterwards) reached through ``search_path``."""
    schemas: list[str] = []
    admin = sa.create_engine(PG_URL) if request.param == "postgresql" and PG_URL else None

    def new() -> str:
        if admin is None:
            return str(tmp_path / f"corpus-{uuid.uuid4().hex[:8]}.db")
        schema = f"test_{uuid.uuid4().hex[:12]}"
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        schemas.append(schema)
        url = sa.make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    yield new
    if admin is not None:
        with admin.begin() as conn:
            for schema in schemas:
                conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture
def store(make_db: Callable[[], str]) -> Iterator[Store]:
    with Store.open(make_db()) as opened:
        yield opened


def entity(text: str, code: str | None, start: int = 0, **kw: str) -> Entity:
    return Entity(text, start, start + len(text), code=code, **kw)


def event(
    article_id: str,
    n: int,
    *,
    kind: str = "CONSULT",
    actor: list[Entity] | None = None,
    recipient: list[Entity] | None = None,
    day: date | None = date(2025, 6, 26),
    factuality: str = "asserted",
    place: Place | None = None,
    sentence: str = "India and Belarus held talks in Qingdao.",
) -> Event:
    evidence = Evidence(sentence, 10 * n, 10 * n + len(sentence), "talks", 10 * n + 2, 10 * n + 7)
    return Event(
        id=f"{article_id}-e{n}",
        article_id=article_id,
        event=kind,
        mode=None,
        context=["diplomatic"],
        cameo="040",
        quad_code=1,
        goldstein=1.0,
        actor=actor if actor is not None else [entity("India", "IND")],
        recipient=recipient if recipient is not None else [entity("Belarus", "BLR", 10)],
        date=day,
        date_precision="day" if day else None,
        event_loc=place,
        forum=Forum("SCO defence ministers' meeting", "SCO", 50, 80),
        topics=["regional security"],
        factuality=factuality,
        attribution=None,
        evidence=evidence,
        mentions=[evidence, replace(evidence, start=evidence.start + 100)],
        confidence=0.9,
    )


QINGDAO = Place("Qingdao", "CHN", 1797929, 36.06, 120.38, "Qingdao", 30, 37, "03", "P")
MOSCOW = Place("Moscow", "RUS", 524901, 55.75, 37.62, "Moscow", 0, 6, "48", "P")


def analysis(text: str = "India and Belarus held talks in Qingdao.", **kw: object) -> Analysis:
    article = Article(text=text, title="Talks", published=date(2025, 6, 27), source="a.txt")
    for name, value in kw.items():
        setattr(article, name, value)
    events = [
        event(article.id, 0, place=QINGDAO),
        event(
            article.id,
            1,
            kind="ENGAGE",
            actor=[entity("Russia", "RUS"), entity("NATO", "IGO", org="NATO")],
            recipient=[],
            day=date(2025, 7, 2),
            factuality="speculative",
            place=MOSCOW,
            sentence="Russia and NATO may sign a pact in Moscow.",
        ),
        event(article.id, 2, kind="AID", day=None, sentence="India sent aid to Belarus."),
    ]
    return Analysis(article=article, events=events)


def test_open_creates_the_schema_at_the_latest_version(make_db: Callable[[], str]) -> None:
    url = make_db()
    with Store.open(url) as store:
        assert store.schema_version() == store_mod.SCHEMA_VERSION == 2
        tables = set(sa.inspect(store.engine).get_table_names())
    assert {"articles", "events", "actors", "mentions", "clusters", "ledger"} <= tables
    assert "schema_version" in tables
    with Store.open(url) as again:  # opening again migrates nothing and keeps the data
        assert again.schema_version() == 2


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store.open(tmp_path / "sub" / "corpus.db") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_add_stores_article_events_actors_and_mentions(store: Store) -> None:
    result = analysis()
    assert store.add(result, key="a.txt") == "ok"
    assert store.counts() == {
        "articles": 1,
        "events": 3,
        "actors": 6,
        "mentions": 6,
        "clusters": 2,  # the speculative event is in none
        "ledger_ok": 1,
        "ledger_failed": 0,
        "ledger_skipped": 0,
    }
    stored = {e["id"]: e for e in store.events()}
    for original in result.events:
        # Each asserted event founds a cluster named after it; the speculative one is in none.
        cluster_id = original.id if original.factuality == "asserted" else None
        assert stored[original.id] == {**original.to_dict(), "cluster_id": cluster_id}
    article = store.article(result.article.id)
    assert article is not None
    assert article["text"] == result.article.text
    assert article["published"] == "2025-06-27"
    assert [a["id"] for a in store.articles(with_text=False)] == [result.article.id]
    [line] = store.ledger()
    assert (line["key"], line["status"], line["article_id"]) == ("a.txt", "ok", result.article.id)


def test_flattened_columns_mirror_the_record(store: Store) -> None:
    store.add(analysis())
    with store.engine.connect() as conn:
        row = conn.execute(
            sa.select(store_mod.events_t).where(store_mod.events_t.c.event == "CONSULT")
        ).one()
        actors = conn.execute(
            sa.select(store_mod.actors_t).order_by(
                store_mod.actors_t.c.event_id, store_mod.actors_t.c.role
            )
        ).all()
    assert (row.loc_name, row.loc_country, row.loc_geonameid) == ("Qingdao", "CHN", 1797929)
    assert (row.forum_name, row.forum_org) == ("SCO defence ministers' meeting", "SCO")
    assert row.evidence_trigger == "talks"
    assert row.date == date(2025, 6, 26)
    assert row.cluster_id == row.id
    first = actors[0]
    assert (first.role, first.position, first.code, first.start, first.end) == (
        "actor",
        0,
        "IND",
        0,
        5,
    )


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({}, id="same-article"),
        pytest.param({"id": "another-id"}, id="same-text-other-id"),
    ],
)
def test_storing_an_article_again_is_a_duplicate_noop(store: Store, change: dict) -> None:
    first = analysis()
    assert store.add(first, key="a.txt") == "ok"
    before = store.counts()
    again = analysis(**change)
    assert store.add(again, key="copy.txt") == "skipped"
    after = store.counts()
    assert after["events"] == before["events"] and after["articles"] == 1
    assert after["ledger_skipped"] == 1
    skipped = next(store.ledger(status="skipped"))
    assert skipped["key"] == "copy.txt"
    assert skipped["article_id"] == first.article.id
    assert "duplicate" in skipped["reason"]


def test_a_failing_write_stores_nothing(store: Store) -> None:
    result = analysis()
    # An event pointing at an article that does not exist breaks a foreign key half-way.
    result.events.append(event("no-such-article", 9))
    with pytest.raises(StoreError) as caught:
        store.add(result, key="a.txt")
    assert caught.value.code == "E403"
    counts = store.counts()
    assert counts["articles"] == counts["events"] == counts["ledger_ok"] == 0


def test_failures_are_ledger_lines_replaced_on_retry(store: Store) -> None:
    store.record_failure(Failure("docs.jsonl", "E106", "malformed JSON", 3))
    store.record_failure(Failure("docs.jsonl", "E107", "no text", 3))
    [line] = store.ledger()
    assert (line["key"], line["source"], line["line"]) == ("docs.jsonl:3", "docs.jsonl", 3)
    assert (line["status"], line["code"], line["reason"]) == ("failed", "E107", "no text")
    store.add(analysis(), key="docs.jsonl:3")
    assert [(x["status"], x["code"]) for x in store.ledger()] == [("ok", None)]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["e0", "e1", "e2"]),
        ({"actor": "IND"}, ["e0", "e2"]),
        ({"actor": "ind"}, ["e0", "e2"]),
        ({"actor": "NATO"}, ["e1"]),
        ({"recipient": "BLR"}, ["e0", "e2"]),
        ({"recipient": "IND"}, []),
        ({"event": "engage"}, ["e1"]),
        ({"event": ["CONSULT", "AID"]}, ["e0", "e2"]),
        ({"since": "2025-07-01"}, ["e1"]),
        ({"until": date(2025, 6, 30)}, ["e0"]),
        ({"country": "RUS"}, ["e1"]),
        ({"factuality": "asserted"}, ["e0", "e2"]),
        ({"factuality": ["speculative", "negated"]}, ["e1"]),
        ({"text": "SIGN A PACT"}, ["e1"]),
        ({"text": "100%"}, []),
        ({"actor": "IND", "event": "AID"}, ["e2"]),
        ({"limit": 1}, ["e0"]),
    ],
)
def test_event_filters(store: Store, filters: dict, expected: list[str]) -> None:
    result = analysis()
    store.add(result)
    found = [e["id"].rsplit("-", 1)[1] for e in store.events(**filters)]
    assert found == expected  # by date, undated last


def test_reads_stream_in_chunks(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_mod, "CHUNK_ROWS", 2)
    for n in range(7):
        store.add(analysis(f"Story {n}: India and Belarus held talks."), key=f"s{n}.txt")
    assert len(list(store.events())) == 21
    assert len(list(store.articles())) == 7
    assert len(list(store.ledger(limit=5))) == 5


def test_a_newer_schema_is_refused(make_db: Callable[[], str]) -> None:
    url = make_db()
    with Store.open(url) as store, store.engine.begin() as conn:
        conn.execute(
            store_mod.schema_version_t.insert().values(version=99, applied_at=sa.func.now())
        )
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    assert caught.value.code == "E402"
    assert "99" in str(caught.value)


def test_missing_migrations_are_applied_in_order(
    make_db: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = make_db()
    with Store.open(url) as store:
        store.add(analysis())

    def v_next(conn: sa.Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN language TEXT")

    monkeypatch.setattr(store_mod, "MIGRATIONS", [*store_mod.MIGRATIONS, v_next])
    later = store_mod.SCHEMA_VERSION + 1
    with Store.open(url) as store:
        assert store.schema_version() == later
        columns = {c["name"] for c in sa.inspect(store.engine).get_columns("articles")}
        assert "language" in columns
        assert store.counts()["events"] == 3
    with Store.open(url) as store:  # applied once
        assert store.schema_version() == later


@pytest.mark.parametrize(
    "where",
    [
        pytest.param("folder", id="a-folder"),
        pytest.param("not-a-db", id="not-a-database"),
        pytest.param("mysql://u:p@localhost/db", id="unsupported-url"),
        pytest.param("postgresql://u:p@127.0.0.1:1/db", id="no-server"),
    ],
)
def test_a_store_that_cannot_be_opened_is_E401(tmp_path: Path, where: str) -> None:
    target = where
    if where == "folder":
        target = str(tmp_path)
    elif where == "not-a-db":
        (tmp_path / "x.db").write_bytes(b"this is not a database file at all" * 100)
        target = str(tmp_path / "x.db")
    with pytest.raises(StoreError) as caught:
        Store.open(target)
    assert caught.value.code == "E401"


def test_error_codes_are_catalogued() -> None:
    from communique.errors import CATALOGUE

    assert {"E401", "E402", "E403", "E404"} <= set(CATALOGUE)


# --------------------------------------------------------------------------- clusters


def report(
    n: int,
    *,
    day: date = date(2025, 6, 26),
    kind: str = "CONSULT",
    actor: tuple[str, ...] = ("IND",),
    recipient: tuple[str, ...] = ("BLR",),
    url: str | None = None,
    factuality: str = "asserted",
) -> Analysis:
    """Article ``n``: one report of one event (two sentences mention it)."""
    text = f"Report {n}: {' and '.join(actor)} met {' and '.join(recipient)} on {day}."
    article = Article(text=text, published=day, source=f"r{n}.txt", url=url)
    found = event(
        article.id,
        0,
        kind=kind,
        actor=[entity(code, code) for code in actor],
        recipient=[entity(code, code, 20) for code in recipient],
        day=day,
        factuality=factuality,
    )
    return Analysis(article=article, events=[found])


def assignments(store: Store) -> list[tuple[str, str | None]]:
    return sorted((e["id"], e["cluster_id"]) for e in store.events())


def clusters_of(store: Store) -> list[dict]:
    return sorted(store.clusters(members=True), key=lambda c: c["cluster_id"])


# Reports of two Modi-Putin-style meetings months apart, a distractor in the other
# direction, an undated report, a speculative one and two reports of one meeting from
# the same outlet: the corpus the cluster tests store in this order.
CORPUS = [
    report(0, url="https://wire.example/a"),
    report(1, day=date(2025, 6, 27), url="https://www.paper.example/b"),
    report(2, day=date(2025, 10, 22)),
    report(3, url="https://wire.example/c"),
    report(4, day=date(2025, 10, 23), actor=("IND", "BLR"), recipient=()),
    report(5, kind="ASSAULT", actor=("PAK",), recipient=("IND",)),
    report(6, kind="ASSAULT", actor=("IND",), recipient=("PAK",)),
    report(7, factuality="speculative"),
]


def test_reports_of_one_event_join_one_cluster_with_its_counts(store: Store) -> None:
    for n, found in enumerate(CORPUS):
        assert store.add(found, key=f"r{n}") == "ok"
    ids = [found.events[0].id for found in CORPUS]
    cluster_of = dict(assignments(store))
    june = cluster_of[ids[0]]
    assert june == ids[0]  # a cluster is named after its first report
    assert cluster_of[ids[1]] == cluster_of[ids[3]] == june
    october = cluster_of[ids[2]]
    assert october == ids[2] != june and cluster_of[ids[4]] == october
    assert cluster_of[ids[5]] == ids[5] and cluster_of[ids[6]] == ids[6]  # direction
    assert cluster_of[ids[7]] is None  # speculation is no real event
    assert store.counts()["clusters"] == 4

    found = store.cluster(june)
    assert found is not None
    assert found["event_ids"] == [ids[0], ids[1], ids[3]]  # in the order they joined
    assert [m["id"] for m in found["members"]] == found["event_ids"]
    assert (found["NumArticles"], found["NumMentions"], found["NumSources"]) == (3, 6, 2)
    assert (found["date"], found["first_date"], found["last_date"]) == (
        "2025-06-26",
        "2025-06-26",
        "2025-06-27",
    )
    assert (found["actor"], found["recipient"]) == (["IND"], ["BLR"])
    # an article without a URL is a source of its own
    assert store.cluster(october)["NumSources"] == 2  # type: ignore[index]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {0, 2, 5, 6}),
        ({"event": "assault"}, {5, 6}),
        ({"since": "2025-06-27", "until": "2025-07-31"}, {0}),  # overlaps June 26-27
        ({"since": "2025-10-01"}, {2}),
        ({"min_articles": 2}, {0, 2}),
        ({"actor": "PAK"}, {5}),
        ({"recipient": "PAK"}, {6}),
        ({"actor": "BLR"}, {2}),  # on any member: report 4 lists BLR as an actor
    ],
)
def test_cluster_filters(store: Store, filters: dict, expected: set[int]) -> None:
    for n, found in enumerate(CORPUS):
        store.add(found, key=f"r{n}")
    founders = {found.events[0].id: n for n, found in enumerate(CORPUS)}
    got = list(store.clusters(**filters))
    assert {founders[c["cluster_id"]] for c in got} == expected
    firsts = [c["first_date"] for c in got]
    assert firsts == sorted(firsts)  # by first date
    limited = list(store.clusters(**filters, limit=1))
    assert [c["cluster_id"] for c in limited] == [got[0]["cluster_id"]]


def test_a_cluster_never_holds_two_events_of_one_article(store: Store) -> None:
    store.add(report(0))
    article = Article(text="Two meetings the same week.", published=date(2025, 6, 27))
    two = [
        event(article.id, n, day=date(2025, 6, 25 + n), sentence=f"Meeting {n}.") for n in range(2)
    ]
    store.add(Analysis(article=article, events=two))
    cluster_of = dict(assignments(store))
    assert cluster_of[two[0].id] == report(0).events[0].id
    assert cluster_of[two[1].id] == two[1].id  # the article's second meeting stays apart


def test_recluster_equals_incremental(store: Store) -> None:
    for n, found in enumerate(CORPUS):
        store.add(found, key=f"r{n}")
    before = (assignments(store), clusters_of(store))
    assert store.recluster() == 4
    assert (assignments(store), clusters_of(store)) == before


def test_the_same_corpus_in_the_same_order_gives_the_same_clusters(
    make_db: Callable[[], str],
) -> None:
    seen = []
    for _ in range(2):
        with Store.open(make_db()) as store:
            for n, found in enumerate(CORPUS):
                store.add(found, key=f"r{n}")
            seen.append((assignments(store), clusters_of(store)))
    assert seen[0] == seen[1]


def _schema(engine: sa.Engine) -> dict[str, object]:
    inspector = sa.inspect(engine)
    columns = inspector.get_columns
    return {
        table: (
            sorted((c["name"], str(c["type"]), c["nullable"]) for c in columns(table)),
            sorted((i["name"], tuple(i["column_names"])) for i in inspector.get_indexes(table)),
        )
        for table in inspector.get_table_names()
    }


def _downgrade_to_v1(store: Store) -> None:
    """Make a store what schema version 1 wrote: no cluster columns, indexes or seq, no
    cluster rows and no event in a cluster."""
    from communique.schema import V2_COLUMNS, V2_INDEXES

    with store.engine.begin() as conn:
        conn.execute(store_mod.events_t.update().values(cluster_id=None))
        conn.execute(store_mod.clusters_t.delete())
        for name in V2_INDEXES:
            conn.exec_driver_sql(f"DROP INDEX {name}")
        for column in V2_COLUMNS:
            conn.exec_driver_sql(f'ALTER TABLE {column.table.name} DROP COLUMN "{column.name}"')
        # a new store is stamped with the version it was created at
        conn.execute(store_mod.schema_version_t.update().values(version=1))


def test_a_v1_store_upgrades_to_v2_with_its_events_clustered(
    make_db: Callable[[], str],
) -> None:
    url = make_db()
    with Store.open(url) as store:
        for n, found in enumerate(CORPUS):
            store.add(found, key=f"r{n}")
        incremental = (assignments(store), clusters_of(store))
        fresh = _schema(store.engine)
        _downgrade_to_v1(store)
        assert store.schema_version() == 1
        assert store.counts()["clusters"] == 0
        assert "seq" not in {c["name"] for c in sa.inspect(store.engine).get_columns("articles")}
    with Store.open(url) as store:
        assert store.schema_version() == 2
        assert _schema(store.engine) == fresh  # the same schema as a new store's
        assert (assignments(store), clusters_of(store)) == incremental
        store.add(report(9, day=date(2025, 6, 28)))  # and new reports join old clusters
        joined = store.cluster(CORPUS[0].events[0].id)
        assert joined is not None and joined["NumArticles"] == 4


# -------------------------------------------------------------------------- DataFrames


def test_events_frame_has_flat_typed_columns_and_the_events_filters(store: Store) -> None:
    from communique import frames

    for n, found in enumerate(CORPUS):
        store.add(found, key=f"r{n}")
    df = store.events_frame()
    assert list(df.columns) == [name for name, _ in frames.EVENT_COLUMNS]
    assert len(df) == len(CORPUS)
    assert str(df["date"].dtype).startswith("datetime64")
    assert str(df["quad_code"].dtype) == "Int64" and df["goldstein"].dtype == "float64"
    first = df[df["id"] == CORPUS[0].events[0].id].iloc[0]
    assert (first["event"], first["factuality"], first["mentions"]) == ("CONSULT", "asserted", 2)
    assert first["actors"] == ["IND"] and first["recipients"] == ["BLR"]
    assert first["cluster_id"] == CORPUS[0].events[0].id
    assert first["url"] == "https://wire.example/a" and first["date"].year == 2025
    assert first["context"] == ["diplomatic"]
    assert df["cluster_id"].isna().sum() == 1  # the speculative report
    assault = store.events_frame(event="ASSAULT", actor="PAK")
    assert list(assault["id"]) == [CORPUS[5].events[0].id]
    assert list(store.events_frame(event="AID").columns) == list(df.columns)  # empty, typed


def test_clusters_and_articles_frames(store: Store) -> None:
    from communique import frames

    for n, found in enumerate(CORPUS):
        store.add(found, key=f"r{n}")
    clusters = store.clusters_frame()
    assert list(clusters.columns) == [name for name, _ in frames.CLUSTER_COLUMNS]
    assert len(clusters) == 4
    june = clusters[clusters["cluster_id"] == CORPUS[0].events[0].id].iloc[0]
    assert (june["NumArticles"], june["NumMentions"], june["NumSources"]) == (3, 6, 2)
    assert june["actors"] == ["IND"] and len(june["event_ids"]) == 3
    assert str(june["date"].date()) == "2025-06-26"
    assert list(store.clusters_frame(min_articles=2)["NumArticles"]) == [3, 2]
    articles = store.articles_frame()
    assert list(articles.columns) == [name for name, _ in frames.ARTICLE_COLUMNS]
    assert list(articles["seq"]) == list(range(1, len(CORPUS) + 1))
    assert "text" in store.articles_frame(with_text=True).columns
