"""The CLI: formats, inputs, exit codes and bad-input messages."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from communique.cli import main

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
