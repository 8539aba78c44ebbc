"""The store commands: ingest, events, actors, timeline (table, json, csv), errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from test_store_support import sample_articles

from lagebild.cli import main
from lagebild.export import ACTOR_COLUMNS, EVENT_COLUMNS
from lagebild.store import Store


@pytest.fixture
def db(tmp_path) -> str:
    path = tmp_path / "cli.duckdb"
    Store(path).add(sample_articles())
    return str(path)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    "args,types",
    [
        ((), ["THREATEN", "REJECT", "CONSULT", "ASSAULT"]),
        (("--actor", "rus"), ["THREATEN", "REJECT", "ASSAULT"]),
        (("--type", "threaten"), ["THREATEN"]),
        (("--since", "2022-01-04", "--until", "2022-01-05"), ["CONSULT", "ASSAULT"]),
        (("--status", "negated"), []),
        (("--limit", "1"), ["THREATEN"]),
    ],
)
def test_events_json_is_one_array_of_events(db, args, types):
    result = run("events", "--db", db, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert [e["type"] for e in events] == types
    for event in events:
        assert {"id", "mentions", "type", "source", "target", "date", "status", "trigger",
                "evidence", "geo", "quad_class", "goldstein", "confidence"} <= set(event)


def test_events_provenance(db):
    result = run("events", "--db", db, "--format", "json", "--provenance", "--type", "ASSAULT")
    (event,) = json.loads(result.stdout)
    (mention,) = event["provenance"]
    assert mention["article_id"] == "charkiw-1"
    assert mention["trigger"]["text"] == "griffen"


@pytest.mark.parametrize(
    "command,columns,rows",
    [("events", EVENT_COLUMNS, 4), ("timeline", EVENT_COLUMNS, 4), ("actors", ACTOR_COLUMNS, 3)],
)
def test_csv_has_a_header_and_one_row_per_item(db, command, columns, rows):
    result = run(command, "--db", db, "--format", "csv")
    assert result.exit_code == 0, result.output
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(table[0]) == columns
    assert len(table) == rows + 1


def test_actors_json(db):
    result = run("actors", "--db", db, "--format", "json")
    pairs = {(r["source"], r["target"]): r for r in json.loads(result.stdout)}
    assert pairs[("RUS", "UKR")]["conflictual"] == 2
    assert pairs[("DEU", "FRA")]["tone"] == "cooperative"


def test_timeline_json_groups_by_date(db):
    result = run("timeline", "--db", db, "--format", "json", "--actor", "UKR")
    days = json.loads(result.stdout)
    assert [(d["date"], len(d["events"])) for d in days] == [("2022-01-03", 2), ("2022-01-05", 1)]


@pytest.mark.parametrize("command", ["events", "actors", "timeline"])
def test_tables_for_people(db, command):
    result = run(command, "--db", db)
    assert result.exit_code == 0, result.output
    assert "RUS → UKR" in result.stdout


@pytest.mark.parametrize(
    "args,code,exit_code",
    [
        (("events", "--db", "{missing}"), "E301", 4),
        (("events", "--db", "{db}", "--since", "gestern"), "E105", 2),
        (("timeline", "--db", "{db}", "--until", "2022-02-30"), "E105", 2),
    ],
)
def test_errors_are_one_line_with_code(db, tmp_path, args, code, exit_code):
    args = [a.format(db=db, missing=tmp_path / "fehlt.duckdb") for a in args]
    result = run(*args)
    assert result.exit_code == exit_code
    assert result.stderr.startswith(f"lagebild: error {code}:")
    assert result.stderr.count("\n") == 1


def test_ingest_command_reports_and_logs(tmp_path):
    folder = tmp_path / "eingang"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Die Bundesregierung sagte der Ukraine am Montag weitere Hilfe zu.", encoding="utf-8")
    (folder / "b.jsonl").write_text(
        '{"id": "b1", "text": "Der Kanzler traf in Paris den französischen Präsidenten.", '
        '"published": "2023-05-02"}\n{"id": "b2"}\n', encoding="utf-8")
    (folder / "leer.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    first = run("ingest", str(folder), "--db", db, "--no-progress")
    assert first.exit_code == 1, first.output  # some inputs were rejected
    assert "2 added, 0 already stored, 2 rejected" in first.stderr
    assert "lagebild: error E106: " in first.stderr and "b.jsonl:2" in first.stderr
    second = run("ingest", str(folder), "--db", db, "--no-progress")
    assert "0 added, 2 already stored, 2 rejected" in second.stderr
    store = Store(db)
    assert store.stats()["articles"] == 2
    assert sorted(r["code"] for r in store.rejected()) == ["E101", "E106"]


def test_ingest_of_nothing_but_bad_inputs_exits_3(tmp_path):
    (tmp_path / "leer.txt").write_text("  ", encoding="utf-8")
    result = run("ingest", str(tmp_path / "leer.txt"), "--db", str(tmp_path / "s.duckdb"),
                 "--no-progress")
    assert result.exit_code == 3


def test_ingest_progress_bar_on_stderr(tmp_path):
    for i, city in enumerate(["Kiel", "Ulm", "Trier"]):
        (tmp_path / f"{i}.txt").write_text(
            f"Der Stadtrat von {city} beschloss am Montag den neuen Haushalt.", encoding="utf-8")
    result = run("ingest", str(tmp_path), "--db", str(tmp_path / "s.duckdb"), "--progress")
    assert result.exit_code == 0, result.output
    assert "3/3" in result.stderr and "articles/s" in result.stderr
    assert result.stdout == ""
