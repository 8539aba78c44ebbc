"""One batch of analyzed articles → the store, in one transaction, with bulk inserts.

The batch is checked against the store inside the transaction (articles already stored
are skipped, even if another ingest stored them meanwhile), its event mentions are
grouped into events with :class:`lagebild.dedup.Grouper` against candidate events read
from the store, and every table is filled from one Arrow table per batch. Either the
whole batch is committed or nothing of it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from ..dedup import EventGroup, Grouper, Mention
from ..intervals import containers, finer_prefixes, interval
from ..records import AnalyzedArticle, text_id
from . import schema


@dataclass(frozen=True)
class RejectedRow:
    """An input that could not be stored: where it came from and the coded error."""

    where: str
    code: str
    message: str

    @property
    def key(self) -> str:
        """Same input, same error → same key, so a re-run does not log it twice."""
        raw = f"{self.where}\x1f{self.code}\x1f{self.message}".encode()
        return hashlib.sha1(raw).hexdigest()[:16]


@dataclass(frozen=True)
class BatchResult:
    """What one committed batch changed."""

    added: int
    skipped: int
    rejected: int
    mentions: int
    new_events: int


def _table(rows: list[dict], arrow_schema: pa.Schema) -> pa.Table:
    columns = {name: [row[name] for row in rows] for name in arrow_schema.names}
    return pa.table(columns, schema=arrow_schema)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], sch: pa.Schema) -> None:
    if not rows:
        return
    con.register("_batch", _table(rows, sch))
    try:
        con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM _batch')
    finally:
        con.unregister("_batch")


def _mention_row(event_id: int, mention: Mention) -> dict:
    ev = mention.event
    return {
        "event_id": event_id,
        "article": mention.article,
        "seq": mention.seq,
        "type": ev.type,
        "mode": ev.mode,
        "source": list(ev.source),
        "target": list(ev.target),
        "date": ev.date,
        "place": ev.place,
        "lat": ev.geo.lat if ev.geo else None,
        "lon": ev.geo.lon if ev.geo else None,
        "country": ev.geo.country if ev.geo else None,
        "status": ev.status,
        "cameo": ev.cameo,
        "quad_class": ev.quad_class,
        "goldstein": ev.goldstein,
        "confidence": ev.confidence,
        "trigger_text": ev.trigger.text,
        "trigger_start": ev.trigger.start,
        "trigger_end": ev.trigger.end,
        "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end,
    }


def _group_row(group: EventGroup) -> dict:
    row = {name: getattr(group, name) for name in schema.EVENT_SCHEMA.names}
    days = interval(group.date) if group.date else None
    row["first_day"], row["last_day"] = days if days else (None, None)
    return row


_GROUP_COLUMNS = ", ".join(schema.EVENT_SCHEMA.names)
_LIST = pa.list_(pa.string())


def _candidates(con: duckdb.DuckDBPyConnection, mentions: list[Mention]) -> list[EventGroup]:
    """Stored events a mention of this batch might belong to.

    Pre-filters in SQL what :mod:`lagebild.dedup` requires anyway: the same type, a
    compatible date (equal, containing or inside it — :mod:`lagebild.intervals` — or both
    undated and reported the same day)
    and a shared actor (or no actors on either side).
    """
    keys: dict[str, set[tuple[str, str | None, tuple[str, ...]]]] = {
        "_exact": set(), "_finer": set(), "_undated": set(),
    }
    for m in mentions:
        actors = tuple(sorted(set(m.event.source) | set(m.event.target)))
        if m.event.date is None:
            keys["_undated"].add((m.event.type, m.published, actors))
            continue
        keys["_finer"].update((m.event.type, p, actors) for p in finer_prefixes(m.event.date))
        keys["_exact"].update((m.event.type, c, actors) for c in containers(m.event.date))
    if not mentions:
        return []
    key_schema = pa.schema([("type", pa.string()), ("date", pa.string()), ("actors", _LIST)])
    tables = {
        name: pa.table(
            {"type": [k[0] for k in rows], "date": [k[1] for k in rows],
             "actors": [list(k[2]) for k in rows]},
            schema=key_schema,
        )
        for name, rows in keys.items()
    }
    shares_actor = """(list_has_any(list_concat(e.source, e.target), k.actors)
                    OR (len(k.actors) = 0 AND len(e.source) = 0 AND len(e.target) = 0))"""
    # Finer stored dates (a day under a month, a time under a day, a day under a week via
    # the week's days) by an equi-join per prefix length: a join on a starts_with()
    # condition would compare every pair. The prefixes select a superset; Grouper decides.
    finer_sql = "".join(
        f"""
                UNION
                SELECT e.id FROM events e JOIN _finer k
                    ON e.type = k.type AND left(e.date, {n}) = k.date
                WHERE length(k.date) = {n} AND length(e.date) >= {n} AND {shares_actor}"""
        for n in sorted({len(date or "") for _, date, _ in keys["_finer"]})
    )
    for name, table in tables.items():
        con.register(name, table)
    try:
        rows = con.execute(
            f"""
            SELECT {_GROUP_COLUMNS} FROM events e
            WHERE e.id IN (
                SELECT e.id FROM events e JOIN _exact k ON e.type = k.type AND e.date = k.date
                WHERE {shares_actor}
                UNION
                SELECT e.id FROM events e JOIN _undated k
                    ON e.type = k.type AND e.date IS NULL
                    AND e.reported = k.date
                WHERE {shares_actor}{finer_sql}
            )
            ORDER BY e.id
            """
        ).fetchall()
    finally:
        for name in tables:
            con.unregister(name)
    names = schema.EVENT_SCHEMA.names
    groups = []
    for row in rows:
        values = dict(zip(names, row, strict=True))
        values["source"] = list(values["source"] or [])
        values["target"] = list(values["target"] or [])
        groups.append(EventGroup(**values, is_new=False))
    return groups


def _article_row(result: AnalyzedArticle, key: str, source: str | None, now: dt.datetime) -> dict:
    return {
        "hash": key,
        "id": result.id,
        "title": result.title,
        "url": result.url,
        "source": source,
        "published": result.published,
        "language": result.language,
        "n_words": len(result.text.split()),
        "n_events": len(result.events),
        "warnings": list(result.warnings),
        "ingested_at": now,
        "text": result.text,
    }


def write_batch(
    con: duckdb.DuckDBPyConnection,
    results: Sequence[AnalyzedArticle],
    rejected: Sequence[RejectedRow] = (),
    sources: Sequence[str | None] | None = None,
) -> BatchResult:
    """Store ``results`` and ``rejected`` atomically; articles already stored are skipped."""
    sources = list(sources) if sources is not None else [None] * len(results)
    con.execute("BEGIN TRANSACTION")
    try:
        outcome = _write(con, list(results), list(rejected), sources)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return outcome


def _write(
    con: duckdb.DuckDBPyConnection,
    results: list[AnalyzedArticle],
    rejected: list[RejectedRow],
    sources: list[str | None],
) -> BatchResult:
    keys = [text_id(r.text) for r in results]
    stored = {
        row[0]
        for row in con.execute(
            "SELECT hash FROM articles WHERE hash IN (SELECT unnest(?::VARCHAR[]))", [keys]
        ).fetchall()
    }
    articles, entities, timex, mentions = [], [], [], []
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    seen: set[str] = set(stored)
    for result, key, source in zip(results, keys, sources, strict=True):
        if key in seen:
            continue
        seen.add(key)
        articles.append(_article_row(result, key, source, now))
        entities.extend(
            {"article": key, "start": e.start, "end": e.end, "text": e.text, "type": e.type,
             "name": e.name, "actor": e.actor, "wikidata": e.wikidata}
            for e in result.entities
        )
        timex.extend(
            {"article": key, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
             "value": t.value}
            for t in result.timex
        )
        mentions.extend(
            Mention(article=key, seq=i, event=ev, published=result.published)
            for i, ev in enumerate(result.events)
        )
    next_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM events").fetchall()[0][0]
    grouper = Grouper(_candidates(con, mentions), next_id)
    mention_rows = [_mention_row(grouper.add(m), m) for m in mentions]
    new_groups = grouper.new_groups()
    _insert(con, "articles", articles, schema.ARTICLE_SCHEMA)
    _insert(con, "entities", entities, schema.ENTITY_SCHEMA)
    _insert(con, "timex", timex, schema.TIMEX_SCHEMA)
    _insert(con, "events", [_group_row(g) for g in new_groups], schema.EVENT_ROW_SCHEMA)
    _update_events(con, grouper.changed_groups())
    _insert(con, "mentions", mention_rows, schema.MENTION_SCHEMA)
    _insert_rejected(con, rejected)
    return BatchResult(
        added=len(articles),
        skipped=len(results) - len(articles),
        rejected=len(rejected),
        mentions=len(mention_rows),
        new_events=len(new_groups),
    )


def _update_events(con: duckdb.DuckDBPyConnection, groups: list[EventGroup]) -> None:
    if not groups:
        return
    con.register("_changed", _table([_group_row(g) for g in groups], schema.EVENT_ROW_SCHEMA))
    try:
        con.execute(
            """
            UPDATE events SET source = c.source, target = c.target, date = c.date,
                first_day = c.first_day, last_day = c.last_day,
                place = c.place, lat = c.lat, lon = c.lon, country = c.country,
                mode = c.mode, status = c.status, confidence = c.confidence,
                cameo = c.cameo, quad_class = c.quad_class, goldstein = c.goldstein,
                mentions = c.mentions, n_articles = c.n_articles
            FROM _changed c WHERE events.id = c.id
            """
        )
    finally:
        con.unregister("_changed")


def _insert_rejected(con: duckdb.DuckDBPyConnection, rejected: list[RejectedRow]) -> None:
    if not rejected:
        return
    rows = [
        {"key": r.key, "where": r.where, "code": r.code, "message": r.message} for r in rejected
    ]
    con.register("_rejected", _table(rows, schema.REJECTED_SCHEMA))
    try:
        con.execute(
            """
            INSERT OR IGNORE INTO rejected ("key", "where", code, message, rejected_at)
            SELECT DISTINCT ON ("key") "key", "where", code, message, current_timestamp
            FROM _rejected
            """
        )
    finally:
        con.unregister("_rejected")
