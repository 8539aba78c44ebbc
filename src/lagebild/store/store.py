"""The :class:`Store`: lagebild's embedded DuckDB database of articles, events and mentions."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from ..errors import StoreError
from ..records import AnalyzedArticle
from . import queries
from .db import DEFAULT_DB, DEFAULT_WAIT, connect
from .queries import EventFilter
from .write import BatchResult, RejectedRow, write_batch

T = TypeVar("T")
Connection = AbstractContextManager[duckdb.DuckDBPyConnection]
EXPORT_TABLES = ("events", "mentions", "articles")
COPY_FORMATS = ("jsonl", "csv", "parquet")

_EXPORT_SQL = {
    "events": """
        SELECT e.id, e.type, e.mode, {source} AS source, {target} AS target, e.date, e.place,
            {geo}, e.status, {trigger}, {evidence}, e.cameo, e.quad_class, e.goldstein,
            round(e.confidence, 3) AS confidence, e.mentions, e.n_articles AS articles,
            a.id AS article_id, a.published {provenance}
        FROM events e LEFT JOIN articles a ON a.hash = e.article {provenance_join}
        ORDER BY e.date NULLS LAST, e.id
    """,
    "mentions": """
        SELECT m.event_id, a.id AS article_id, a.published, m.seq, m.type, m.mode,
            {source} AS source, {target} AS target, m.date, m.place, m.lat, m.lon, m.country,
            m.status, m.cameo, m.quad_class, m.goldstein, round(m.confidence, 3) AS confidence,
            m.trigger_text, m.trigger_start, m.trigger_end, m.evidence_start, m.evidence_end
        FROM mentions m JOIN articles a ON a.hash = m.article
        ORDER BY m.event_id, a.published NULLS LAST, a.id, m.seq
    """,
    "articles": """
        SELECT id, hash, title, url, source, published, language, n_words, n_events,
            {warnings} AS warnings, ingested_at, text
        FROM articles ORDER BY published NULLS LAST, id
    """,
}
_NESTED = {
    "geo": "CASE WHEN e.lat IS NULL THEN NULL "
    "ELSE {'lat': e.lat, 'lon': e.lon, 'country': e.country} END AS geo",
    "trigger": "{'text': e.trigger_text, 'start': e.trigger_start, 'end': e.trigger_end} "
    "AS trigger",
    "evidence": "{'start': e.evidence_start, 'end': e.evidence_end} AS evidence",
    "provenance": ", p.provenance",
    "provenance_join": """
        LEFT JOIN (
            SELECT m.event_id, list({'article_id': pa.id, 'published': pa.published,
                'status': m.status, 'date': m.date,
                'trigger': {'text': m.trigger_text, 'start': m.trigger_start,
                            'end': m.trigger_end},
                'evidence': {'start': m.evidence_start, 'end': m.evidence_end}}
                ORDER BY pa.published NULLS LAST, pa.id, m.seq) AS provenance
            FROM mentions m JOIN articles pa ON pa.hash = m.article GROUP BY m.event_id
        ) p ON p.event_id = e.id
    """,
}
_FLAT = {
    "geo": "e.lat, e.lon, e.country",
    "trigger": "e.trigger_text, e.trigger_start, e.trigger_end",
    "evidence": "e.evidence_start, e.evidence_end",
    "provenance": "",
    "provenance_join": "",
}


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class Store:
    """A lagebild store in the DuckDB file ``path``.

    Every method opens the file for its own unit of work and closes it again, so several
    processes can share the file: one writer at a time, readers between its batches (see
    :mod:`lagebild.store.db`). ``wait`` is how long to wait for a lock before StoreError.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, wait: float = DEFAULT_WAIT) -> None:
        self.path = Path(path)
        self.wait = wait

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def _read(self) -> Connection:
        return connect(self.path, read_only=True, wait=self.wait)

    def _write(self) -> Connection:
        return connect(self.path, read_only=False, wait=self.wait)

    def create(self) -> None:
        """Create the file (or migrate an older one) without adding anything."""
        with self._write():
            pass

    def add(
        self,
        results: Sequence[AnalyzedArticle],
        rejected: Sequence[RejectedRow] = (),
        *,
        sources: Sequence[str | None] | None = None,
    ) -> BatchResult:
        """Store analyzed articles (and rejections) in one transaction; known texts are skipped."""
        with self._write() as con:
            try:
                return write_batch(con, results, rejected, sources)
            except duckdb.InterruptException as error:
                # Ctrl-C during a write: the batch is rolled back; let the caller see it so.
                raise KeyboardInterrupt from error
            except duckdb.Error as error:
                raise StoreError(
                    f"cannot write the batch: {error}", where=str(self.path)
                ) from error

    def stored_hashes(self) -> set[str]:
        """Content hashes (:func:`lagebild.records.text_id`) of the stored articles."""
        if not self.path.exists():
            return set()
        with self._write() as con:
            return queries.stored_hashes(con)

    def _query(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._read() as con:
            try:
                return func(con, *args, **kwargs)
            except duckdb.Error as error:
                raise StoreError(f"query failed: {error}", where=str(self.path)) from error

    def events(
        self, flt: EventFilter | None = None, *, provenance: bool = False,
        evidence_text: bool = False,
    ) -> list[dict[str, Any]]:
        """Events matching ``flt``; with ``provenance`` each carries its mention list."""
        flt = flt or EventFilter()
        with self._read() as con:
            try:
                found = queries.events(con, flt, evidence_text=evidence_text)
                if provenance and found:
                    by_event = queries.mentions(con, [e["id"] for e in found])
                    for event in found:
                        event["provenance"] = by_event.get(event["id"], [])
            except duckdb.Error as error:
                raise StoreError(f"query failed: {error}", where=str(self.path)) from error
        return found

    def count_events(self, flt: EventFilter | None = None) -> int:
        """How many events match ``flt``."""
        return self._query(queries.count_events, flt or EventFilter())

    def mentions(self, event_id: int) -> list[dict[str, Any]]:
        """The provenance of one event: every mention with article id and offsets."""
        return self._query(queries.mentions, [event_id]).get(event_id, [])

    def actors(self, flt: EventFilter | None = None, *, limit: int | None = None) -> list[dict]:
        """Actor pairs with event counts and tone (see :func:`queries.actors`)."""
        return self._query(queries.actors, flt or EventFilter(), limit=limit)

    def timeline(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events grouped by date (see :func:`queries.timeline`)."""
        return self._query(queries.timeline, flt or EventFilter())

    def stats(self) -> dict[str, int]:
        """Row counts of articles, entities, timex, events, mentions and rejected."""
        return self._query(queries.stats)

    def rejected(self) -> list[dict[str, Any]]:
        """The logged rejections."""
        return self._query(queries.rejected)

    def copy_to(self, out: str | Path, fmt: str, table: str = "events") -> int:
        """Write ``table`` (events, mentions, articles) to ``out`` as jsonl, csv or parquet.

        JSONL keeps the nested contract shape (``geo``, ``trigger``, ``evidence``, and for
        events a ``provenance`` list); CSV and Parquet are flat, and CSV joins the actor
        lists with ``;``. Returns the number of rows written.
        """
        if table not in EXPORT_TABLES or fmt not in COPY_FORMATS:
            raise StoreError(f"cannot export {table!r} as {fmt!r}")
        parts = dict(_NESTED if fmt == "jsonl" else _FLAT)
        alias = "m" if table == "mentions" else "e"
        if fmt == "csv":
            parts["source"] = f"array_to_string({alias}.source, ';')"
            parts["target"] = f"array_to_string({alias}.target, ';')"
            parts["warnings"] = "array_to_string(warnings, ';')"
        else:
            parts.update(source=f"{alias}.source", target=f"{alias}.target", warnings="warnings")
        sql = _EXPORT_SQL[table].format(**parts)
        options = {
            "jsonl": "FORMAT json",
            "csv": "FORMAT csv, HEADER true",
            "parquet": "FORMAT parquet, COMPRESSION zstd",
        }[fmt]
        with self._read() as con:
            try:
                con.execute(f"COPY ({sql}) TO {_sql_string(str(out))} ({options})")
                return int(con.execute(f"SELECT count(*) FROM ({sql})").fetchall()[0][0])
            except duckdb.Error as error:
                raise StoreError(f"export failed: {error}", where=str(out)) from error

    def iter_events(self, batch: int = 10_000) -> Iterator[dict[str, Any]]:
        """Every event (as :meth:`events` gives them), read page by page."""
        offset = 0
        while True:
            page = self.events(EventFilter(limit=batch, offset=offset))
            if not page:
                return
            yield from page
            offset += len(page)
