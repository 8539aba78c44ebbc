"""Named, read-only queries over the store; they return plain dicts and lists.

Events come out in the contract's event shape (DESIGN.md) plus ``id`` (event id),
``mentions`` (how many tellings), ``articles`` (in how many articles) and ``article_id``
(the article the ``trigger``/``evidence`` offsets of the first mention refer to).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

from ..intervals import interval

_EVENT_SELECT = """
    e.id, e.type, e.mode, e.source, e.target, e.date, e.place, e.lat, e.lon, e.country,
    e.status, e.trigger_text, e.trigger_start, e.trigger_end, e.evidence_start,
    e.evidence_end, e.cameo, e.quad_class, e.goldstein, e.confidence, e.mentions,
    e.n_articles, a.id AS article_id, a.published
"""
_EVIDENCE_TEXT = (
    "substring(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence_text"
)


@dataclass(frozen=True)
class EventFilter:
    """Which events a query returns; empty tuples and None mean "no restriction".

    ``since``/``until`` (YYYY-MM-DD, or any calendar value such as ``2022-03``) keep events
    whose date overlaps the range by days: a coarse date such as ``2022-01`` or ``2022-W05``
    overlaps any day it covers. Undated events are dropped when a range is given.
    """

    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    limit: int | None = None
    offset: int = 0

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on ``events e`` and its parameters."""
        clauses, params = ["TRUE"], []
        if self.actors:
            # list_contains per code: about ten times faster than list_has_any in DuckDB.
            tests = ["list_contains(e.source, ?) OR list_contains(e.target, ?)"] * len(self.actors)
            clauses.append("(" + " OR ".join(tests) + ")")
            params += [code for code in self.actors for _ in (0, 1)]
        if self.types:
            clauses.append("e.type IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(self.types))
        if self.statuses:
            clauses.append("e.status IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(self.statuses))
        # Overlap of the event's days with the range (NULL days: undated, never kept).
        if self.since:
            clauses.append("e.last_day >= ?")
            params.append(_bound(self.since, 0))
        if self.until:
            clauses.append("e.first_day <= ?")
            params.append(_bound(self.until, 1))
        return " AND ".join(clauses), params


def _bound(value: str, end: int) -> dt.date:
    """The first (``end`` 0) or last (1) day of a range bound ("2022-03-01", "2022-03")."""
    days = interval(value)
    if days is None:
        raise ValueError(f"not a calendar date: {value!r}")
    return days[end]


def _page(flt: EventFilter) -> tuple[str, list[Any]]:
    sql, params = "", []
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    if flt.offset:
        sql += " OFFSET ?"
        params.append(flt.offset)
    return sql, params


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row → the event object of ``lagebild events --format json``."""
    geo = None
    if row["lat"] is not None and row["lon"] is not None:
        geo = {"lat": row["lat"], "lon": row["lon"], "country": row["country"]}
    out = {
        "id": row["id"],
        "type": row["type"],
        "mode": row["mode"],
        "source": list(row["source"] or []),
        "target": list(row["target"] or []),
        "date": row["date"],
        "place": row["place"],
        "geo": geo,
        "status": row["status"],
        "trigger": {
            "text": row["trigger_text"],
            "start": row["trigger_start"],
            "end": row["trigger_end"],
        },
        "evidence": {"start": row["evidence_start"], "end": row["evidence_end"]},
        "cameo": row["cameo"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "confidence": round(row["confidence"], 3) if row["confidence"] is not None else None,
        "mentions": row["mentions"],
        "articles": row["n_articles"],
        "article_id": row["article_id"],
        "published": row["published"],
    }
    if "evidence_text" in row:
        out["evidence_text"] = row["evidence_text"]
    return out


def events(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, *, evidence_text: bool = False
) -> list[dict[str, Any]]:
    """Events matching ``flt``, by date (undated last), then id."""
    where, params = flt.where()
    page, page_params = _page(flt)
    select = _EVENT_SELECT + (", " + _EVIDENCE_TEXT if evidence_text else "")
    # Filter, sort and page the events first; join the articles for the page only.
    cursor = con.execute(
        f"""
        WITH e AS (
            SELECT * FROM events e WHERE {where} ORDER BY e.date NULLS LAST, e.id {page}
        )
        SELECT {select} FROM e LEFT JOIN articles a ON a.hash = e.article
        ORDER BY e.date NULLS LAST, e.id
        """,
        params + page_params,
    )
    return [event_dict(row) for row in _rows(cursor)]


def count_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> int:
    """How many events match ``flt`` (ignoring its limit)."""
    where, params = flt.where()
    row = con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchall()[0]
    return int(row[0]) if row else 0


def mentions(con: duckdb.DuckDBPyConnection, event_ids: list[int]) -> dict[int, list[dict]]:
    """Every mention (provenance) of the given events: article, offsets, own fields."""
    cursor = con.execute(
        """
        SELECT m.event_id, a.id AS article_id, a.published, a.title, m.seq, m.status, m.date,
               m.place, m.source, m.target, m.trigger_text, m.trigger_start, m.trigger_end,
               m.evidence_start, m.evidence_end
        FROM mentions m JOIN articles a ON a.hash = m.article
        WHERE m.event_id IN (SELECT unnest(?::BIGINT[]))
        ORDER BY m.event_id, a.published NULLS LAST, a.id, m.seq
        """,
        [event_ids],
    )
    out: dict[int, list[dict]] = {}
    for row in _rows(cursor):
        out.setdefault(row["event_id"], []).append(
            {
                "article_id": row["article_id"],
                "published": row["published"],
                "title": row["title"],
                "status": row["status"],
                "date": row["date"],
                "place": row["place"],
                "source": list(row["source"] or []),
                "target": list(row["target"] or []),
                "trigger": {
                    "text": row["trigger_text"],
                    "start": row["trigger_start"],
                    "end": row["trigger_end"],
                },
                "evidence": {"start": row["evidence_start"], "end": row["evidence_end"]},
            }
        )
    return out


def actors(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, *, limit: int | None = None
) -> list[dict[str, Any]]:
    """Who acts on whom: one row per (source, target) pair of actor codes.

    ``cooperative``/``conflictual`` count events by QuadClass (1–2 vs 3–4; the sign of the
    Goldstein value when QuadClass is missing); ``goldstein`` is the mean over the events.
    """
    where, params = flt.where()
    sql = f"""
        WITH s AS (
            SELECT unnest(e.source) AS source, e.target, e.quad_class, e.goldstein,
                   e.mentions, e.date
            FROM events e WHERE {where} AND len(e.target) > 0
        ), p AS (
            SELECT source, unnest(target) AS target, quad_class, goldstein, mentions, date
            FROM s
        )
        SELECT source, target, count(*) AS events, sum(mentions)::BIGINT AS mentions,
            count(*) FILTER (WHERE quad_class IN (1, 2)
                             OR (quad_class IS NULL AND goldstein > 0)) AS cooperative,
            count(*) FILTER (WHERE quad_class IN (3, 4)
                             OR (quad_class IS NULL AND goldstein < 0)) AS conflictual,
            round(avg(goldstein), 2) AS goldstein,
            min(date) AS first, max(date) AS last
        FROM p WHERE source <> target
        GROUP BY source, target
        ORDER BY events DESC, mentions DESC, source, target
    """
    if limit is not None:
        sql += " LIMIT ?"
        params = params + [limit]
    rows = _rows(con.execute(sql, params))
    if flt.actors:
        wanted = set(flt.actors)
        rows = [r for r in rows if r["source"] in wanted or r["target"] in wanted]
    for row in rows:
        row["tone"] = _tone(row["cooperative"], row["conflictual"])
    return rows


def _tone(cooperative: int, conflictual: int) -> str:
    if cooperative and conflictual:
        return "mixed"
    if conflictual:
        return "conflictual"
    return "cooperative" if cooperative else "neutral"


def timeline(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[dict[str, Any]]:
    """Events grouped by date, oldest first, undated last: ``[{date, events: [...]}]``."""
    days: list[dict[str, Any]] = []
    for event in events(con, flt, evidence_text=True):
        if not days or days[-1]["date"] != event["date"]:
            days.append({"date": event["date"], "events": []})
        days[-1]["events"].append(event)
    return days


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of the main tables."""
    out = {}
    for table in ("articles", "entities", "timex", "events", "mentions", "rejected"):
        out[table] = int(con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0])
    return out


def rejected(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Logged rejections, oldest first."""
    return _rows(
        con.execute(
            'SELECT "where", code, message, rejected_at FROM rejected ORDER BY rejected_at, "key"'
        )
    )


def stored_hashes(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Content hashes of every stored article (what makes ingest skip known texts)."""
    table = con.sql("SELECT hash FROM articles").to_arrow_table()
    return set(table.column("hash").to_pylist())
