"""Exports are readable back by DuckDB and pyarrow, with the same events and fields."""

from __future__ import annotations

import json

import duckdb
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from test_store_support import KIEW, sample_articles

from lagebild.cli import main
from lagebild.errors import UnsupportedFormat
from lagebild.export import export
from lagebild.store import Store

READERS = {"jsonl": "read_json", "csv": "read_csv", "parquet": "read_parquet"}


@pytest.fixture
def store(tmp_path) -> Store:
    store = Store(tmp_path / "x.duckdb")
    store.add(sample_articles())
    return store


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("table,rows", [("events", 4), ("mentions", 4), ("articles", 3)])
def test_export_reads_back_in_duckdb(store, tmp_path, fmt, table, rows):
    out = tmp_path / f"{table}.{fmt}"
    assert export(store, out, fmt, table) == rows
    con = duckdb.connect()
    try:
        got = con.execute(f"SELECT * FROM {READERS[fmt]}(?)", [str(out)]).fetchall()
        names = [d[0] for d in con.description]
    finally:
        con.close()
    assert len(got) == rows
    assert ("id" if table != "mentions" else "event_id") in names


def test_jsonl_keeps_the_nested_event_shape_and_provenance(store, tmp_path):
    out = tmp_path / "events.jsonl"
    export(store, out, "jsonl")
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    threat = next(e for e in events if e["type"] == "THREATEN")
    assert threat["source"] == ["RUS"] and threat["mentions"] == 1
    trigger = threat["trigger"]
    assert KIEW[trigger["start"]:trigger["end"]] == trigger["text"]
    (mention,) = threat["provenance"]
    assert mention["article_id"] == "kiew-1"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_flat_exports_read_in_pyarrow(store, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    export(store, out, fmt)
    table = pacsv.read_csv(out) if fmt == "csv" else pq.read_table(out)
    assert table.num_rows == 4
    rows = table.to_pylist()
    consult = next(r for r in rows if r["type"] == "CONSULT")
    assert consult["place"] == "Berlin"
    assert consult["source"] in ("DEU", ["DEU"])  # CSV joins lists with ';'


def test_export_command(store, tmp_path):
    out = tmp_path / "e.parquet"
    result = CliRunner().invoke(main, ["export", "--db", str(store.path), "--format", "parquet",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 events" in result.stderr
    assert pq.read_table(out).num_rows == 4


def test_plover_export(store, tmp_path):
    out = tmp_path / "plover.jsonl"
    try:
        import lagebild.events.plover  # noqa: F401
    except ImportError:
        with pytest.raises(UnsupportedFormat):
            export(store, out, "plover")
        return
    assert export(store, out, "plover") == 4
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 4


def test_export_into_a_missing_directory_is_a_store_error(store, tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(store.path), "--format", "csv",
                                       "--out", str(tmp_path / "fehlt" / "e.csv")])
    assert result.exit_code == 4
    assert result.stderr.startswith("lagebild: error E301:")
