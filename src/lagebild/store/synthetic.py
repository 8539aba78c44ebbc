"""Synthetic stores for load tests and benchmarks: millions of events in seconds.

The rows are generated inside DuckDB (``range()`` and ``hash()``), bypassing analysis and
deduplication: every synthetic event has exactly one mention in one synthetic article.
Types, actor pairs and dates (ten years from 2012) are spread pseudo-randomly but
deterministically. Meant for measuring queries and the web UI, never for analysis.
"""

from __future__ import annotations

from pathlib import Path

from .db import connect

ACTORS = ("RUS", "UKR", "USA", "DEU", "FRA", "CHN", "NATO", "EU", "UN", "POL", "TUR", "GBR",
          "ISR", "IRN", "SYR", "TWN", "IND", "JPN", "KOR", "PRK")
TYPES = {"CONSULT": (1, 2.5), "SUPPORT": (1, 5.0), "AID": (2, 10.0), "REQUEST": (3, 0.0),
         "ACCUSE": (3, -2.0), "THREATEN": (3, -3.5), "PROTEST": (4, -5.0), "ASSAULT": (4, -9.0)}
TEXT = "Synthetischer Bericht Nummer {n}: Die Regierung traf sich zu Gesprächen."


def fill_synthetic(path: str | Path, n_events: int, *, per_article: int = 10) -> None:
    """Add ``n_events`` synthetic events (and their mentions and articles) to the store."""
    types = [f"'{t}'" for t in TYPES]
    quads = [str(q) for q, _ in TYPES.values()]
    golds = [str(g) for _, g in TYPES.values()]
    actors = [f"'{a}'" for a in ACTORS]
    n_actors = len(ACTORS)
    prefix, suffix = TEXT.split("{n}")
    with connect(path, read_only=False) as con:
        con.execute("BEGIN TRANSACTION")
        start = con.execute("SELECT coalesce(max(id), 0) + 1 FROM events").fetchall()[0][0]
        first_article = con.execute(
            "SELECT count(*) + 1 FROM articles WHERE starts_with(hash, 'syn')"
        ).fetchall()[0][0]
        n_articles = -(-n_events // per_article)
        con.execute(
            f"""
            CREATE TEMP TABLE _syn AS
            SELECT {start} + i AS id, i,
                (hash(i * 5 + 1) % {len(types)} + 1)::BIGINT AS t,
                (hash(i * 5 + 2) % {n_actors})::BIGINT AS s,
                (hash(i * 5 + 3) % {n_actors - 1})::BIGINT AS d,
                strftime(DATE '2012-01-01' + (hash(i * 5 + 4) % 3650)::INTEGER, '%Y-%m-%d')
                    AS date,
                'syn' || lpad(({first_article} + i // {per_article})::VARCHAR, 13, '0')
                    AS article
            FROM range({n_events}) r(i)
            """
        )
        con.execute(
            f"""
            INSERT INTO articles BY NAME
            SELECT 'syn' || lpad(({first_article} + j)::VARCHAR, 13, '0') AS hash,
                'syn-' || ({first_article} + j) AS id,
                strftime(DATE '2012-01-01' + (j % 3650)::INTEGER, '%Y-%m-%d') AS published,
                'de' AS language, 10 AS n_words, {per_article} AS n_events,
                []::VARCHAR[] AS warnings, current_timestamp AS ingested_at,
                '{prefix}' || ({first_article} + j) || '{suffix}' AS text
            FROM range({n_articles}) r(j)
            """
        )
        # Exact offsets of "traf" and of the whole text in each synthetic article.
        number = f"length(({first_article} + i // {per_article})::VARCHAR)"
        trigger_start = f"{len(prefix) + suffix.index('traf')} + {number}"
        common = f"""
            ([{', '.join(types)}])[t] AS type,
            [([{', '.join(actors)}])[s + 1]] AS source,
            [([{', '.join(actors)}])[(s + 1 + d) % {n_actors} + 1]] AS target,
            date, 'occurred' AS status, ([{', '.join(quads)}])[t] AS quad_class,
            ([{', '.join(golds)}])[t] AS goldstein, 0.5 AS confidence,
            'traf' AS trigger_text, {trigger_start} AS trigger_start,
            {trigger_start} + 4 AS trigger_end, 0 AS evidence_start,
            {len(prefix) + len(suffix)} + {number} AS evidence_end
        """
        con.execute(
            f"""
            INSERT INTO events BY NAME
            SELECT id, {common}, article, date AS reported, 1 AS mentions, 1 AS n_articles,
                date::DATE AS first_day, date::DATE AS last_day
            FROM _syn
            """
        )
        con.execute(
            f"""
            INSERT INTO mentions BY NAME
            SELECT id AS event_id, article, (i % {per_article})::INTEGER AS seq, {common}
            FROM _syn
            """
        )
        con.execute("DROP TABLE _syn")
        con.execute("COMMIT")
