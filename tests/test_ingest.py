"""Ingest: a corpus of files, folders and JSONL into the store, resumable, with every
input in the ledger, and the same result after a ``kill -9`` mid-run as after a clean
run. SQLite always; PostgreSQL when COMMUNIQUE_TEST_POSTGRES holds a URL."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from communique import ingest as ingest_mod
from communique.ingest import count_inputs, ingest
from communique.store import Store

pytestmark = pytest.mark.model

PG_URL = os.environ.get("COMMUNIQUE_TEST_POSTGRES")
PG_SKIP = "set COMMUNIQUE_TEST_POSTGRES to a PostgreSQL URL (bash .ci/postgres.sh prints one)"
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql", id="postgresql", marks=pytest.mark.skipif(not PG_URL, reason=PG_SKIP)
    ),
]
PAIRS = [
    ("India", "Belarus", "Qingdao"),
    ("France", "Germany", "Paris"),
    ("Japan", "South Korea", "Tokyo"),
    ("Brazil", "Argentina", "Brasilia"),
    ("Kenya", "Ethiopia", "Nairobi"),
    ("Canada", "Mexico", "Ottawa"),
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


@pytest.fixture(params=BACKENDS)
def make_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """A factory of empty databases: SQLite files, or PostgreSQL schemas (dropped after)."""
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


def story(n: int) -> str:
    """Report ``n`` of talks and aid: reports n and n + 12 tell the same events in other
    words, so that they cluster."""
    a, b, city = PAIRS[n % len(PAIRS)]
    month, day = MONTHS[(n // len(PAIRS)) % 2], n % len(PAIRS) + 1
    return (
        f"{a} and {b} hold talks (report {n})\n\n"
        f"{a} and {b} held talks in {city} on {month} {day}, 2024. {a} sent humanitarian "
        f"aid to {b} on {month} {day + 2}, 2024, officials said."
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """30 short stories: 12 files in a folder (one empty, one binary), 18 JSONL lines
    (one malformed, one without text, one repeating a file's story)."""
    root = tmp_path_factory.mktemp("corpus")
    folder = root / "news"
    folder.mkdir()
    for n in range(10):
        (folder / f"{n:02d}.txt").write_text(story(n), encoding="utf-8")
    (folder / "10-empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "11-binary.txt").write_bytes(bytes(range(256)) * 4)
    lines = [
        json.dumps({"id": f"doc-{n}", "text": story(n), "published": "2024-12-31"})
        for n in range(10, 25)
    ]
    lines.insert(3, '{"id": "broken", "text": ')
    lines.insert(7, json.dumps({"id": "no-text", "title": "Headline only"}))
    lines.append(json.dumps({"text": story(4)}))  # the same story as news/04.txt
    dump = root / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"folder": folder, "dump": dump}


def snapshot(url: str) -> dict[str, object]:
    """What a run leaves: counts, article ids, event ids with their clusters, the clusters
    with their counts, and the ledger's outcomes."""
    with Store.open(url) as store:
        return {
            "counts": store.counts(),
            "articles": sorted(a["id"] for a in store.articles(with_text=False)),
            "events": sorted((e["id"], e["cluster_id"]) for e in store.events()),
            "clusters": sorted(
                (c["cluster_id"], *c["event_ids"], c["NumMentions"], c["NumArticles"])
                for c in store.clusters()
            ),
            "ledger": sorted(
                (Path(x["key"]).name, x["status"], x["code"], x["article_id"])
                for x in store.ledger()
            ),
        }


def stored_articles(url: str) -> int:
    """Articles stored so far, read without Store.open (which would create the schema
    alongside the process under test)."""
    engine = sa.create_engine(url if "://" in url else f"sqlite:///{url}")
    try:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() or 0)
    except sa.exc.SQLAlchemyError:
        return 0  # no schema yet
    finally:
        engine.dispose()


def inputs(corpus: dict[str, Path]) -> list[str]:
    return [str(corpus["folder"]), str(corpus["dump"])]


def test_ingest_stores_every_input_and_ledgers_every_failure(
    corpus: dict[str, Path], make_db: Callable[[], str], nlp: object
) -> None:
    url = make_db()
    summary = ingest(inputs(corpus), db=url, progress=False)
    assert summary.articles == 25
    assert summary.duplicates == 1
    assert summary.failures == {"E102": 1, "E103": 1, "E106": 1, "E107": 1}
    assert summary.events > 25
    assert summary.inputs == 30 == count_inputs(inputs(corpus))
    with Store.open(url) as store:
        counts = store.counts()
        assert (counts["articles"], counts["events"]) == (25, summary.events)
        assert (counts["ledger_ok"], counts["ledger_skipped"], counts["ledger_failed"]) == (
            25,
            1,
            4,
        )
        failed = {
            Path(x["key"]).name: (x["code"], x["reason"]) for x in store.ledger(status="failed")
        }
        assert failed["10-empty.txt"][0] == "E102"
        assert failed["11-binary.txt"][0] == "E103"
        assert failed["dump.jsonl:4"][0] == "E106"
        assert failed["dump.jsonl:8"][0] == "E107"
        assert all(reason for _, reason in failed.values())
        [dup] = store.ledger(status="skipped")
        assert dup["key"].endswith("dump.jsonl:18") and "duplicate" in dup["reason"]
        events = list(store.events(actor="IND", event="CONSULT"))
        assert events and all(e["article_id"] for e in events)
        assert {e["event_loc"]["country"] for e in events if e["event_loc"]} <= {"CHN"}
        assert next(iter(store.articles()))["text"].startswith("India and Belarus")
        joined = [c for c in store.clusters() if c["NumArticles"] > 1]
        assert joined  # reports n and n + 12 of one meeting are one event
        assert all(c["event"] in {"CONSULT", "AID"} for c in joined)


def test_rerun_resumes_without_analysing_again(
    corpus: dict[str, Path], make_db: Callable[[], str], nlp: object
) -> None:
    url = make_db()
    ingest(inputs(corpus), db=url, progress=False)
    first = snapshot(url)
    again = ingest(inputs(corpus), db=url, progress=False)
    assert (again.articles, again.events, again.duplicates) == (0, 0, 0)
    assert again.resumed == 26  # 25 stored, 1 duplicate
    assert again.failed == 4  # failed inputs are retried
    assert snapshot(url) == first


def test_workers_give_the_same_store_as_one_process(
    corpus: dict[str, Path], tmp_path: Path, nlp: object
) -> None:
    # SQLite only: the parent alone writes, so the pool does not depend on the backend
    # (and spawning workers that load the model is the slowest thing here).
    one, pool = str(tmp_path / "one.db"), str(tmp_path / "pool.db")
    ingest(inputs(corpus), db=one, progress=False)
    summary = ingest(inputs(corpus), db=pool, workers=2, chunk_size=4, progress=False)
    assert summary.articles == 25
    assert snapshot(pool) == snapshot(one)


def test_progress_reports_count_rate_and_eta(
    corpus: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    monkeypatch.setattr(ingest_mod, "PROGRESS_LOG_SECONDS", 0.0)
    out = io.StringIO()
    ingest([str(corpus["folder"])], db=str(tmp_path / "p.db"), progress_stream=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("communique: 1/12 inputs, ")
    assert any("/s, ETA " in line for line in lines)
    assert lines[-1].startswith("communique: 12/12 inputs") and lines[-1].endswith("done")


def test_a_missing_path_is_a_ledger_failure(tmp_path: Path, nlp: object) -> None:
    url = str(tmp_path / "m.db")
    summary = ingest([str(tmp_path / "nowhere.txt")], db=url, progress=False)
    assert summary.failures == {"E101": 1}
    with Store.open(url) as store:
        [line] = store.ledger()
    assert line["key"].endswith("nowhere.txt") and line["code"] == "E101"


KILLED_RUN = """
import sys
from communique.ingest import ingest
ingest(sys.argv[1:3], db=sys.argv[3], workers=int(sys.argv[4]), chunk_size=2, progress=False)
"""


def children(pid: int) -> set[int]:
    """Process ids whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("workers", [1, 2])
def test_kill_9_mid_run_then_rerun_equals_a_clean_run(
    corpus: dict[str, Path], make_db: Callable[[], str], workers: int, nlp: object
) -> None:
    clean, crashed = make_db(), make_db()
    if workers > 1 and "://" in crashed:
        pytest.skip("the pool does not depend on the backend: its kill test runs on SQLite")
    ingest(inputs(corpus), db=clean, progress=False)
    expected = snapshot(clean)

    run = subprocess.Popen(
        [sys.executable, "-c", KILLED_RUN, *inputs(corpus), crashed, str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    stored = 0
    workers_seen: set[int] = set()
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and run.poll() is None:
            stored = stored_articles(crashed)
            if stored >= 4:
                break
            time.sleep(0.02)
        workers_seen = children(run.pid)
        run.send_signal(signal.SIGKILL)
    finally:
        run.wait()
        assert run.stderr is not None
        stderr = run.stderr.read().decode()
        run.stderr.close()
    assert run.returncode == -signal.SIGKILL, f"finished before it was killed: {stderr}"
    partial = snapshot(crashed)["counts"]
    assert 4 <= partial["articles"] < 25  # killed mid-run
    if workers > 1:  # the orphaned workers notice and end
        assert len(workers_seen) >= workers
        deadline = time.monotonic() + 15
        while any(alive(p) for p in workers_seen) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(p) for p in workers_seen)

    summary = ingest(inputs(corpus), db=crashed, progress=False)
    assert summary.resumed == partial["ledger_ok"] + partial["ledger_skipped"]
    assert snapshot(crashed) == expected
