"""The store: round trip, incremental skip, rejected log, schema, queries, locking."""

from __future__ import annotations

import subprocess
import sys
import time

import duckdb
import pytest
from test_store_support import ANGRIFF, KIEW, article, event_in, sample_articles

from lagebild.errors import StoreError
from lagebild.store import SCHEMA_VERSION, EventFilter, RejectedRow, Store


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "test.duckdb", wait=5)


def test_round_trip_keeps_fields_and_offsets(store):
    results = sample_articles()
    outcome = store.add(results, sources=["a.jsonl:1", "a.jsonl:2", "a.jsonl:3"])
    assert (outcome.added, outcome.skipped, outcome.mentions, outcome.new_events) == (3, 0, 4, 4)
    assert store.stats() == {"articles": 3, "entities": 2, "timex": 1, "events": 4,
                             "mentions": 4, "rejected": 0}
    by_type = {e["type"]: e for e in store.events(evidence_text=True)}
    threat = by_type["THREATEN"]
    assert threat["source"] == ["RUS"] and threat["target"] == ["UKR"]
    assert threat["date"] == "2022-01-03" and threat["status"] == "occurred"
    assert threat["article_id"] == "kiew-1" and threat["published"] == "2022-01-04"
    assert (threat["quad_class"], threat["goldstein"], threat["mentions"]) == (3, -3.5, 1)
    trig = threat["trigger"]
    assert KIEW[trig["start"]:trig["end"]] == trig["text"] == "drohte"
    # DuckDB's substring counts characters like Python: umlauts keep offsets exact.
    angriff = by_type["ASSAULT"]
    ev = angriff["evidence"]
    assert angriff["evidence_text"] == ANGRIFF[ev["start"]:ev["end"]]
    assert by_type["CONSULT"]["place"] == "Berlin"


def test_known_texts_are_skipped(store):
    store.add(sample_articles()[:2])
    outcome = store.add(sample_articles())
    assert (outcome.added, outcome.skipped) == (1, 2)
    assert store.stats()["articles"] == 3
    assert store.stats()["mentions"] == 4
    assert len(store.stored_hashes()) == 3


def test_same_text_twice_in_one_batch_is_stored_once(store):
    first = sample_articles()[0]
    outcome = store.add([first, first])
    assert (outcome.added, outcome.skipped) == (1, 1)


def test_rejected_inputs_are_logged_once(store):
    rows = [RejectedRow("feed.jsonl:7", "E106", "not valid JSON"),
            RejectedRow("leer.txt", "E101", "the article text is empty")]
    store.add([], rows)
    store.add([], rows)
    logged = sorted((r["where"], r["code"], r["message"]) for r in store.rejected())
    assert logged == [("feed.jsonl:7", "E106", "not valid JSON"),
                      ("leer.txt", "E101", "the article text is empty")]
    assert store.stats()["rejected"] == 2


@pytest.mark.parametrize(
    "flt,expected",
    [
        (EventFilter(), ["THREATEN", "REJECT", "CONSULT", "ASSAULT"]),
        (EventFilter(actors=("RUS",)), ["THREATEN", "REJECT", "ASSAULT"]),
        (EventFilter(actors=("FRA", "DEU")), ["CONSULT"]),
        (EventFilter(types=("ASSAULT", "CONSULT")), ["CONSULT", "ASSAULT"]),
        (EventFilter(since="2022-01-04"), ["CONSULT", "ASSAULT"]),
        (EventFilter(until="2022-01-03"), ["THREATEN", "REJECT"]),
        (EventFilter(since="2022-01-04", until="2022-01-04"), ["CONSULT"]),
        (EventFilter(statuses=("negated",)), []),
        (EventFilter(limit=2), ["THREATEN", "REJECT"]),
        (EventFilter(limit=2, offset=2), ["CONSULT", "ASSAULT"]),
    ],
)
def test_event_filters(store, flt, expected):
    store.add(sample_articles())
    assert [e["type"] for e in store.events(flt)] == expected
    if flt.limit is None:
        assert store.count_events(flt) == len(expected)


def test_coarse_dates_overlap_a_range(store):
    text = "Im Januar drohte Moskau dem Nachbarland mehrfach."
    event = event_in(text, "drohte", "THREATEN", ("RUS",), ("UKR",), date="2022-01")
    store.add([article(text, "2022-02-01", (event,))])
    assert len(store.events(EventFilter(since="2022-01-15", until="2022-01-20"))) == 1
    assert store.events(EventFilter(since="2022-02-01")) == []


@pytest.mark.parametrize(
    ("date", "since", "until", "kept"),
    [
        # ISO week 5 of 2022: Monday 31 January to Sunday 6 February
        ("2022-W05", "2022-02-01", "2022-02-03", True),
        ("2022-W05", "2022-02-07", None, False),
        ("2022-W05", None, "2022-01-30", False),
        # winter 2021/22 runs into February 2022
        ("2021-WI", "2022-02-10", "2022-02-12", True),
        ("2022-Q2", "2022-06-30", None, True),
        ("2022-H1", "2022-07-01", None, False),
        # a decade overlaps a range inside it (a string comparison dropped it)
        ("201", "2015-03-01", "2015-03-31", True),
    ],
)
def test_weeks_seasons_and_decades_overlap_a_range_by_their_days(store, date, since, until, kept):
    text = "Moskau drohte dem Nachbarland mehrfach."
    event = event_in(text, "drohte", "THREATEN", ("RUS",), ("UKR",), date=date)
    store.add([article(text, "2022-02-01", (event,))])
    found = store.events(EventFilter(since=since, until=until))
    assert [e["date"] for e in found] == ([date] if kept else [])


def test_a_version_1_store_gets_the_days_of_its_dates(tmp_path):
    from lagebild.store import schema

    path = tmp_path / "alt.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP)")
    schema.MIGRATIONS[0](con)
    con.execute("INSERT INTO schema_version VALUES (1, current_timestamp)")
    con.execute("INSERT INTO events (id, type, date) VALUES (1, 'CONSULT', '2022-W05'), "
                "(2, 'ASSAULT', NULL), (3, 'AID', 'XXXX-03')")
    con.close()
    old = Store(path, wait=5)
    with pytest.raises(StoreError, match="run `lagebild ingest`"):
        old.stats()  # a reader refuses to migrate
    old.create()
    with duckdb.connect(str(path), read_only=True) as con:
        days = con.execute(
            "SELECT id, first_day::VARCHAR, last_day::VARCHAR FROM events ORDER BY id"
        ).fetchall()
    assert days == [(1, "2022-01-31", "2022-02-06"), (2, None, None), (3, None, None)]


def test_actor_pairs_count_tone(store):
    store.add(sample_articles())
    pairs = {(r["source"], r["target"]): r for r in store.actors()}
    assert pairs[("RUS", "UKR")]["events"] == 2
    assert pairs[("RUS", "UKR")]["conflictual"] == 2
    assert pairs[("RUS", "UKR")]["tone"] == "conflictual"
    assert pairs[("DEU", "FRA")]["cooperative"] == 1
    assert pairs[("DEU", "FRA")]["tone"] == "cooperative"
    assert set(pairs) == {("RUS", "UKR"), ("UKR", "RUS"), ("DEU", "FRA")}
    only = store.actors(EventFilter(actors=("DEU",)))
    assert [(r["source"], r["target"]) for r in only] == [("DEU", "FRA")]


def test_timeline_groups_by_date(store):
    store.add(sample_articles())
    days = store.timeline()
    assert [d["date"] for d in days] == ["2022-01-03", "2022-01-04", "2022-01-05"]
    assert [e["type"] for e in days[0]["events"]] == ["THREATEN", "REJECT"]


def test_schema_version_is_recorded(store):
    store.create()
    con = duckdb.connect(str(store.path), read_only=True)
    try:
        versions = con.execute("SELECT version FROM schema_version").fetchall()
    finally:
        con.close()
    assert versions == [(v,) for v in range(1, SCHEMA_VERSION + 1)]
    store.create()  # migrating a current store changes nothing
    assert store.stats()["articles"] == 0


def test_newer_schema_is_refused(store):
    store.create()
    con = duckdb.connect(str(store.path))
    con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="upgrade lagebild") as info:
        store.stats()
    assert info.value.code == "E301"


@pytest.mark.parametrize("content", [None, b"kein DuckDB, nur Text " * 400])
def test_missing_or_foreign_file_is_a_store_error(tmp_path, content):
    path = tmp_path / "x.duckdb"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        Store(path).events()
    assert info.value.code == "E301"


def test_reader_waits_for_a_writer_then_gives_up_or_succeeds(store):
    store.add(sample_articles())
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('locked', flush=True);"
         " time.sleep(1.5); c.close()", str(store.path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match="locked"):
            Store(store.path, wait=0.2).stats()
        started = time.monotonic()
        assert Store(store.path, wait=20).stats()["articles"] == 3
        assert time.monotonic() - started > 0.3  # it did wait for the holder
    finally:
        holder.wait(timeout=30)


def test_synthetic_store_has_exact_offsets(tmp_path):
    from lagebild.store.synthetic import fill_synthetic

    path = tmp_path / "syn.duckdb"
    fill_synthetic(path, 250, per_article=10)
    fill_synthetic(path, 250, per_article=10)  # appends after what is there
    store = Store(path)
    assert store.stats()["events"] == 500 and store.stats()["articles"] == 50
    for event in store.events(EventFilter(limit=20, offset=240), evidence_text=True):
        trig, ev = event["trigger"], event["evidence"]
        assert event["evidence_text"][trig["start"]:trig["end"]] == "traf"
        assert ev["start"] == 0 and event["evidence_text"].endswith("Gesprächen.")


def test_a_new_migration_runs_once_and_old_readers_refuse(store, monkeypatch):
    from lagebild.store import schema

    store.add(sample_articles())
    applied = []

    def add_column(con):
        applied.append(True)
        con.execute("ALTER TABLE articles ADD COLUMN sentiment DOUBLE")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, add_column])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    store.create()
    store.create()
    assert applied == [True]
    assert store.stats()["articles"] == 3  # the data survived the migration
    monkeypatch.undo()
    with pytest.raises(StoreError, match="upgrade lagebild"):
        store.events()
