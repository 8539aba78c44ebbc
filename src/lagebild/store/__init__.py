"""The embedded store: DuckDB tables of articles, events (deduplicated) and their mentions.

This package is the only part of lagebild that imports DuckDB. Use :class:`Store`::

    from lagebild.store import Store, EventFilter
    store = Store("lagebild.duckdb")
    store.add(analyzed_articles)
    store.events(EventFilter(actors=("RUS",), types=("THREATEN",)))
"""

from __future__ import annotations

from .db import DEFAULT_DB, DEFAULT_WAIT
from .queries import EventFilter
from .schema import SCHEMA_VERSION
from .store import COPY_FORMATS, EXPORT_TABLES, Store
from .write import BatchResult, RejectedRow

__all__ = [
    "COPY_FORMATS",
    "DEFAULT_DB",
    "DEFAULT_WAIT",
    "EXPORT_TABLES",
    "SCHEMA_VERSION",
    "BatchResult",
    "EventFilter",
    "RejectedRow",
    "Store",
]
