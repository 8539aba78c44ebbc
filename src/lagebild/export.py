"""Exports of the store: JSONL, CSV, Parquet (by DuckDB) and PLOVER-style JSONL.

All files are readable by pandas (``read_json(lines=True)``, ``read_csv``,
``read_parquet``), R (``jsonlite::stream_in``, ``read.csv``, ``arrow::read_parquet``) and
DuckDB (``read_json``, ``read_csv``, ``read_parquet``). Also here: the flat row shape of
events used by ``--format csv`` of the query commands.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from .errors import StoreError, UnsupportedFormat
from .records import Event, Geo, Offsets, Trigger
from .store import COPY_FORMATS, EXPORT_TABLES, Store

EXPORT_FORMATS = (*COPY_FORMATS, "plover")
EVENT_COLUMNS = (
    "id", "date", "type", "mode", "source", "target", "status", "place", "lat", "lon",
    "country", "cameo", "quad_class", "goldstein", "confidence", "mentions", "articles",
    "article_id", "published", "trigger_text", "trigger_start", "trigger_end",
    "evidence_start", "evidence_end",
)
ACTOR_COLUMNS = (
    "source", "target", "events", "mentions", "cooperative", "conflictual", "goldstein",
    "tone", "first", "last",
)


def flat_event(event: dict[str, Any]) -> dict[str, Any]:
    """An event object (nested, as in JSON) → one flat row of :data:`EVENT_COLUMNS`."""
    geo = event.get("geo") or {}
    trigger = event.get("trigger") or {}
    evidence = event.get("evidence") or {}
    row = {name: event.get(name) for name in EVENT_COLUMNS}
    row.update(
        source=";".join(event.get("source") or []),
        target=";".join(event.get("target") or []),
        lat=geo.get("lat"),
        lon=geo.get("lon"),
        country=geo.get("country"),
        trigger_text=trigger.get("text"),
        trigger_start=trigger.get("start"),
        trigger_end=trigger.get("end"),
        evidence_start=evidence.get("start"),
        evidence_end=evidence.get("end"),
    )
    return row


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], stream: IO[str]) -> None:
    """Rows as CSV with a header line; None becomes an empty field."""
    writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in columns})


def event_record(event: dict[str, Any]) -> Event:
    """A stored event object → :class:`lagebild.records.Event` (first mention's offsets)."""
    geo = event.get("geo")
    trigger = event["trigger"]
    return Event(
        type=event["type"],
        source=tuple(event["source"]),
        target=tuple(event["target"]),
        trigger=Trigger(trigger["text"] or "", trigger["start"] or 0, trigger["end"] or 0),
        evidence=Offsets(event["evidence"]["start"] or 0, event["evidence"]["end"] or 0),
        status=event["status"],
        mode=event["mode"],
        date=event["date"],
        place=event["place"],
        geo=Geo(geo["lat"], geo["lon"], geo["country"]) if geo else None,
        cameo=event["cameo"],
        quad_class=event["quad_class"],
        goldstein=event["goldstein"],
        confidence=event["confidence"] if event["confidence"] is not None else 0.5,
    )


def _plover_function() -> Callable[..., Any]:
    """The events engineer's converter; PLOVER export is unavailable without it."""
    try:
        from .events.plover import to_plover
    except ImportError as error:
        raise UnsupportedFormat(
            "PLOVER export needs lagebild.events.plover, which this installation lacks"
        ) from error
    return to_plover


def export_plover(store: Store, out: str | Path) -> int:
    """One PLOVER-style JSON record per line (JSONL), one per deduplicated event."""
    to_plover = _plover_function()
    count = 0
    with Path(out).open("w", encoding="utf-8") as handle:
        for event in store.iter_events():
            record = to_plover(event_record(event), event["article_id"], event["published"])
            handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            count += 1
    return count


def export(store: Store, out: str | Path, fmt: str, table: str = "events") -> int:
    """Write ``table`` of ``store`` to ``out`` in ``fmt``; returns the number of records."""
    if fmt not in EXPORT_FORMATS:
        raise UnsupportedFormat(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")
    if table not in EXPORT_TABLES:
        raise UnsupportedFormat(f"unknown table {table!r}; use {', '.join(EXPORT_TABLES)}")
    out = Path(out)
    if out.parent and not out.parent.exists():
        raise StoreError("the output directory does not exist", where=str(out))
    if fmt == "plover":
        if table != "events":
            raise UnsupportedFormat("the PLOVER export holds events only")
        return export_plover(store, out)
    return store.copy_to(out, fmt, table)
