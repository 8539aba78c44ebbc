"""The store's tables and their migrations.

``schema_version`` holds one row per applied migration. :data:`MIGRATIONS` is append-only:
migration *n* (1-based) turns a version *n-1* store into version *n*; released migrations
are never edited, a schema change is a new function at the end of the list.

Tables (version 1):

- ``articles``: one row per stored article; ``hash`` = :func:`lagebild.records.text_id` of
  the text (what makes ingest incremental), ``id`` = the user's id or the hash.
- ``entities``, ``timex``: the article's items with their offsets.
- ``events``: one row per deduplicated event (see :mod:`lagebild.dedup`); the trigger and
  evidence offsets are those of its first mention, in article ``article``.
- ``mentions``: every telling of an event, with its own fields and offsets
  (``event_id`` → ``events.id``, ``article`` → ``articles.hash``).
- ``rejected``: inputs that could not be stored, with the error code and message.

Version 2 adds ``events.first_day`` / ``events.last_day``: the calendar interval of the event's
date (:func:`lagebild.intervals.interval`; NULL for undated events and values that are no
interval), so ``--since/--until`` test overlap by days, for weeks and seasons too.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..intervals import interval


def _v1(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE articles (
            hash VARCHAR PRIMARY KEY,
            id VARCHAR NOT NULL,
            title VARCHAR,
            url VARCHAR,
            source VARCHAR,
            published VARCHAR,
            language VARCHAR,
            n_words INTEGER,
            n_events INTEGER,
            warnings VARCHAR[],
            ingested_at TIMESTAMP,
            text VARCHAR NOT NULL
        );
        CREATE TABLE entities (
            article VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR,
            type VARCHAR, name VARCHAR, actor VARCHAR, wikidata VARCHAR
        );
        CREATE TABLE timex (
            article VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR,
            type VARCHAR, value VARCHAR
        );
        CREATE TABLE events (
            id BIGINT NOT NULL, type VARCHAR, mode VARCHAR, source VARCHAR[], target VARCHAR[],
            date VARCHAR, place VARCHAR, lat DOUBLE, lon DOUBLE, country VARCHAR,
            status VARCHAR, cameo VARCHAR, quad_class INTEGER, goldstein DOUBLE,
            confidence DOUBLE, article VARCHAR, trigger_text VARCHAR, trigger_start INTEGER,
            trigger_end INTEGER, evidence_start INTEGER, evidence_end INTEGER,
            reported VARCHAR, mentions INTEGER, n_articles INTEGER
        );
        CREATE TABLE mentions (
            event_id BIGINT NOT NULL, article VARCHAR NOT NULL, seq INTEGER,
            type VARCHAR, mode VARCHAR, source VARCHAR[], target VARCHAR[],
            date VARCHAR, place VARCHAR, lat DOUBLE, lon DOUBLE, country VARCHAR,
            status VARCHAR, cameo VARCHAR, quad_class INTEGER, goldstein DOUBLE,
            confidence DOUBLE, trigger_text VARCHAR, trigger_start INTEGER,
            trigger_end INTEGER, evidence_start INTEGER, evidence_end INTEGER
        );
        CREATE TABLE rejected (
            key VARCHAR PRIMARY KEY, "where" VARCHAR, code VARCHAR, message VARCHAR,
            rejected_at TIMESTAMP
        );
        """
    )


def _v2(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("ALTER TABLE events ADD COLUMN first_day DATE")
    con.execute("ALTER TABLE events ADD COLUMN last_day DATE")
    dates = [row[0] for row in con.execute(
        "SELECT DISTINCT date FROM events WHERE date IS NOT NULL"
    ).fetchall()]
    spans = [(d, interval(d)) for d in dates]
    days = pa.table(
        {
            "date": [d for d, span in spans if span],
            "first_day": [span[0] for _, span in spans if span],
            "last_day": [span[1] for _, span in spans if span],
        },
        schema=pa.schema(
            [("date", pa.string()), ("first_day", pa.date32()), ("last_day", pa.date32())]
        ),
    )
    con.register("_days", days)
    try:
        con.execute(
            "UPDATE events SET first_day = d.first_day, last_day = d.last_day "
            "FROM _days d WHERE events.date = d.date"
        )
    finally:
        con.unregister("_days")


MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of the open store (0 for an empty database)."""
    try:
        row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0]
    except duckdb.CatalogException:
        # No schema_version table: a new, empty database (cheaper than information_schema).
        return 0
    return int(row[0])


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the store up to :data:`SCHEMA_VERSION`, each migration in its own transaction."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {version}, this lagebild knows up to "
            f"{SCHEMA_VERSION}: upgrade lagebild"
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            if number == 1:
                con.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version "
                    "(version INTEGER NOT NULL, applied_at TIMESTAMP)"
                )
            MIGRATIONS[number - 1](con)
            con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [number])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


def check_readable(con: duckdb.DuckDBPyConnection) -> None:
    """Refuse a store a read-only connection cannot use as it is."""
    version = current_version(con)
    if version == 0:
        raise StoreError("the database holds no lagebild store (run `lagebild ingest` first)")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {version}, this lagebild knows up to "
            f"{SCHEMA_VERSION}: upgrade lagebild"
        )
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {version}; run `lagebild ingest` (with no new "
            f"articles) to migrate it to {SCHEMA_VERSION}"
        )


# Arrow schemas of the bulk inserts; columns are matched BY NAME, so their order is free.
_LIST = pa.list_(pa.string())
ARTICLE_SCHEMA = pa.schema(
    [
        ("hash", pa.string()), ("id", pa.string()), ("title", pa.string()),
        ("url", pa.string()), ("source", pa.string()), ("published", pa.string()),
        ("language", pa.string()), ("n_words", pa.int32()), ("n_events", pa.int32()),
        ("warnings", _LIST), ("ingested_at", pa.timestamp("us")), ("text", pa.string()),
    ]
)
ENTITY_SCHEMA = pa.schema(
    [
        ("article", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
        ("text", pa.string()), ("type", pa.string()), ("name", pa.string()),
        ("actor", pa.string()), ("wikidata", pa.string()),
    ]
)
TIMEX_SCHEMA = pa.schema(
    [
        ("article", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
        ("text", pa.string()), ("type", pa.string()), ("value", pa.string()),
    ]
)
_EVENT_FIELDS = [
    ("type", pa.string()), ("mode", pa.string()), ("source", _LIST), ("target", _LIST),
    ("date", pa.string()), ("place", pa.string()), ("lat", pa.float64()),
    ("lon", pa.float64()), ("country", pa.string()), ("status", pa.string()),
    ("cameo", pa.string()), ("quad_class", pa.int32()), ("goldstein", pa.float64()),
    ("confidence", pa.float64()), ("trigger_text", pa.string()),
    ("trigger_start", pa.int32()), ("trigger_end", pa.int32()),
    ("evidence_start", pa.int32()), ("evidence_end", pa.int32()),
]
EVENT_SCHEMA = pa.schema(
    [("id", pa.int64()), *_EVENT_FIELDS, ("article", pa.string()), ("reported", pa.string()),
     ("mentions", pa.int32()), ("n_articles", pa.int32())]
)
# What is written for an event: its fields plus the days of its date (derived, never read
# back into an EventGroup).
EVENT_ROW_SCHEMA = pa.schema(
    [*EVENT_SCHEMA, ("first_day", pa.date32()), ("last_day", pa.date32())]
)
MENTION_SCHEMA = pa.schema(
    [("event_id", pa.int64()), ("article", pa.string()), ("seq", pa.int32()), *_EVENT_FIELDS]
)
REJECTED_SCHEMA = pa.schema(
    [("key", pa.string()), ("where", pa.string()), ("code", pa.string()),
     ("message", pa.string())]
)
