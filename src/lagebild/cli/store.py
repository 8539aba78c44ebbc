"""Store commands: ``ingest`` articles, query ``events``/``actors``/``timeline``, ``export``.

Every command takes ``--db`` (default ``./lagebild.duckdb``). Query commands print a table
for people, ``--format json`` (one JSON array) or ``--format csv`` (with a header line).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
from rich.console import Console, Group
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from ..dates import parse_published
from ..errors import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_PARTIAL,
    BadDate,
    EmptyInput,
    KnowledgeFileError,
    LagebildError,
)
from ..export import ACTOR_COLUMNS, EVENT_COLUMNS, EXPORT_FORMATS, export, flat_event, write_csv
from ..ingest import DEFAULT_BATCH, Ingest, IngestReport
from ..io import expand_paths, iter_inputs
from ..pipeline import load
from ..records import EVENT_TYPES, STATUSES
from ..render import event_block
from ..store import DEFAULT_DB, EXPORT_TABLES, EventFilter, RejectedRow, Store
from .app import main, reports_errors

TABLE_ROWS = 200
EVIDENCE_CHARS = 140
EXIT_INTERRUPTED = 130

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
    help="The store (a DuckDB file).",
)
format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
    show_default=True, help="table for people; json: one JSON array; csv with a header line.",
)


def _upper(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> tuple:
    return tuple(v.upper() for v in values)


def _date(option: str, value: str | None) -> str | None:
    """A --since/--until value as YYYY-MM-DD; BadDate (E105) names the option."""
    try:
        return parse_published(value)
    except BadDate as error:
        raise BadDate(error.message.replace("publication date", "date"), where=option) from error


def filter_options(func: Callable) -> Callable:
    """The event filter shared by events, actors and timeline."""
    options = [
        click.option("--actor", "actors", multiple=True, callback=_upper, metavar="CODE",
                     help="Only events with this actor as source or target (repeatable)."),
        click.option("--type", "types", multiple=True, callback=_upper,
                     type=click.Choice(EVENT_TYPES, case_sensitive=False),
                     help="Only events of this PLOVER type (repeatable)."),
        click.option("--status", "statuses", multiple=True,
                     type=click.Choice(STATUSES),
                     help="Only events with this status (repeatable)."),
        click.option("--since", metavar="DATE",
                     help="Only events dated on or after DATE (YYYY-MM-DD)."),
        click.option("--until", metavar="DATE",
                     help="Only events dated on or before DATE (YYYY-MM-DD)."),
        click.option("--limit", type=click.IntRange(min=0), default=None,
                     help="At most this many rows."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _filter(actors: tuple, types: tuple, statuses: tuple, since: str | None, until: str | None,
            limit: int | None) -> EventFilter:
    return EventFilter(actors=actors, types=types, statuses=statuses,
                       since=_date("--since", since), until=_date("--until", until), limit=limit)


def _print_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _evidence(event: dict) -> Text:
    """The first mention's sentence, shortened for a table cell."""
    text = " ".join((event.get("evidence_text") or "").split())
    return Text(text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1] + "…")


def _who(event: dict) -> str:
    return f"{', '.join(event['source']) or '?'} → {', '.join(event['target']) or '–'}"


def _event_text(ev: dict, *, with_id: bool) -> Group:
    return event_block(
        date=ev["date"], type_=ev["type"], mode=ev.get("mode"), source=ev["source"],
        target=ev["target"], status=ev["status"], evidence=_evidence(ev), place=ev.get("place"),
        mentions=ev["mentions"], ident=str(ev["id"]) if with_id else None,
    )


def _events_text(events: list[dict], title: str) -> Group:
    """Events as readable blocks; ×n = mentions, #id for ``--provenance`` lookups."""
    return Group(Text(title, style="bold underline"),
                 *(_event_text(ev, with_id=True) for ev in events))


def _more_note(shown: int, total: int) -> None:
    if total > shown:
        click.echo(f"… {total - shown} more events (use --limit, --format json or csv)", err=True)


# --------------------------------------------------------------------------- ingest


def _progress_bar(total: int | None) -> Progress:
    columns = [
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn() if total else TextColumn("{task.completed} inputs"),
        TaskProgressColumn() if total else TextColumn(""),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    ]
    return Progress(*columns, console=Console(stderr=True), transient=False)


def _count_inputs(paths: tuple[str, ...], published: str | None, any_language: bool) -> int | None:
    """The number of inputs, for the progress bar's ETA; None where counting is not cheap
    (stdin, HTML pages: reading them twice would cost as much as a good part of the run)."""
    if "-" in paths:
        return None
    try:
        files = [name for path in paths for name in expand_paths(path)]
    except LagebildError:
        files = []
    if any(Path(name).suffix.lower() in (".html", ".htm") for name in files):
        return None
    return sum(1 for _ in iter_inputs(paths, published, allow_any_language=any_language))


def _exit_code(report: IngestReport) -> int:
    if not report.rejected:
        return EXIT_OK
    return EXIT_PARTIAL if report.added or report.skipped else EXIT_INPUT


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--published",
              help="Publication date YYYY-MM-DD for all inputs (anchors relative dates).")
@click.option("-j", "--processes", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for the pipeline (nlp.pipe n_process).")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH,
              show_default=True, help="Articles per committed batch (at most).")
@click.option("--model", default=None, help="Name or path of a German spaCy pipeline to use.")
@click.option("--actors", multiple=True, metavar="FILE", help="Extra actor file (repeatable).")
@click.option("--places", multiple=True, metavar="FILE", help="Extra gazetteer file (repeatable).")
@click.option("--lexicon", multiple=True, metavar="FILE", help="Extra event lexicon (repeatable).")
@click.option("--allow-any-language", is_flag=True,
              help="Store texts that do not look German instead of rejecting them (E104).")
@click.option("--progress/--no-progress", default=None,
              help="Show the progress bar (default: when stderr is a terminal).")
@reports_errors
def ingest(
    paths: tuple[str, ...], db: str, published: str | None, processes: int, batch_size: int,
    model: str | None, actors: tuple[str, ...], places: tuple[str, ...],
    lexicon: tuple[str, ...], allow_any_language: bool, progress: bool | None,
) -> None:
    """Analyze articles into the store: files, directories, globs or - (stdin).

    Incremental (texts already stored are skipped), resumable (interrupt it and run it
    again), one bad article never stops the batch (it is logged in the store's rejected
    table and on stderr).
    """
    for name in actors + places + lexicon:
        if not Path(name).is_file():
            raise KnowledgeFileError("no such knowledge file", where=name)
    store = Store(db)
    nlp = load(model, actors=actors, places=places, lexicon=lexicon)
    show = sys.stderr.isatty() if progress is None else progress
    total = _count_inputs(paths, published, allow_any_language) if show else None
    bar = _progress_bar(total) if show else None
    task = bar.add_task("ingest", total=total, rate=0.0) if bar else None

    def on_reject(row: RejectedRow) -> None:
        line = f"lagebild: error {row.code}: {row.where}: {row.message}"
        (bar.console.print(Text(line)) if bar else click.echo(line, err=True))

    def on_progress(report: IngestReport) -> None:
        if bar is not None and task is not None:
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = report.analyzed / elapsed if elapsed else 0.0
            bar.update(task, completed=report.done, rate=rate)

    ingest_run = Ingest(store, nlp, n_process=processes, batch_size=batch_size,
                        on_reject=on_reject, on_progress=on_progress)
    items = iter_inputs(paths, published, allow_any_language=allow_any_language)
    try:
        if bar:
            bar.start()
        report = ingest_run.run(items)
    except KeyboardInterrupt:
        if bar:
            bar.stop()
        click.echo(
            f"lagebild: interrupted; stored so far: {ingest_run.report.added} articles. "
            "Run the same command again to continue.", err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    finally:
        if bar and bar.live.is_started:
            bar.stop()
    if report.seen == 0:
        raise EmptyInput("no articles in the inputs")
    click.echo(f"lagebild: ingest: {report.summary()} → {db}", err=True)
    sys.exit(_exit_code(report))


# --------------------------------------------------------------------------- queries


@main.command()
@db_option
@filter_options
@format_option
@click.option("--provenance", is_flag=True,
              help="JSON: add each event's mentions (article id, offsets) as 'provenance'.")
@reports_errors
def events(db: str, actors: tuple, types: tuple, statuses: tuple, since: str | None,
           until: str | None, limit: int | None, fmt: str, provenance: bool) -> None:
    """Events in the store (one row per deduplicated event, with its mention count)."""
    store = Store(db)
    flt = _filter(actors, types, statuses, since, until, limit)
    if fmt == "table":
        shown = replace(flt, limit=limit if limit is not None else TABLE_ROWS)
        found = store.events(shown, evidence_text=True)
        Console().print(_events_text(found, f"Events in {db}"))
        _more_note(len(found), store.count_events(flt) if limit is None else len(found))
    elif fmt == "json":
        _print_json(store.events(flt, provenance=provenance))
    else:
        write_csv((flat_event(e) for e in store.events(flt)), EVENT_COLUMNS, sys.stdout)


@main.command()
@db_option
@filter_options
@format_option
@reports_errors
def actors(db: str, actors: tuple, types: tuple, statuses: tuple, since: str | None,
           until: str | None, limit: int | None, fmt: str) -> None:
    """Who acts on whom, how often, cooperative or conflictual (QuadClass/Goldstein)."""
    flt = _filter(actors, types, statuses, since, until, None)
    rows = Store(db).actors(flt, limit=limit)
    if fmt == "json":
        _print_json(rows)
    elif fmt == "csv":
        write_csv(rows, ACTOR_COLUMNS, sys.stdout)
    else:
        table = Table(title=f"Actor pairs in {db}", title_justify="left")
        table.add_column("source → target", no_wrap=True)
        for column in ("events", "mentions", "coop", "confl", "Goldstein", "tone"):
            table.add_column(column, no_wrap=True)
        for r in rows[: limit if limit is not None else TABLE_ROWS]:
            table.add_row(f"{r['source']} → {r['target']}", str(r["events"]), str(r["mentions"]),
                          str(r["cooperative"]), str(r["conflictual"]),
                          "" if r["goldstein"] is None else f"{r['goldstein']:+.1f}",
                          r["tone"])
        Console().print(table)


def print_timeline(
    store: Store, flt: EventFilter, fmt: str, console: Console | None = None
) -> None:
    """The store's events by date, as a table per date, JSON or CSV."""
    days = store.timeline(flt)
    if fmt == "json":
        _print_json(days)
        return
    if fmt == "csv":
        rows = (flat_event(e) for day in days for e in day["events"])
        write_csv(rows, EVENT_COLUMNS, sys.stdout)
        return
    console = console or Console()
    if not days:
        console.print(Text("No events in the store (for this filter)."))
        return
    console.print(Text(f"Timeline of {store.path}", style="bold underline"))
    console.print(Group(*(_event_text(ev, with_id=False) for day in days for ev in day["events"])))


@main.command()
@db_option
@filter_options
@format_option
@reports_errors
def timeline(db: str, actors: tuple, types: tuple, statuses: tuple, since: str | None,
             until: str | None, limit: int | None, fmt: str) -> None:
    """Events by date, oldest first (undated last)."""
    if fmt == "table" and limit is None:
        limit = TABLE_ROWS
    print_timeline(Store(db), _filter(actors, types, statuses, since, until, limit), fmt)


@main.command(name="export")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="jsonl (nested), csv and parquet (flat), plover (PLOVER-style JSONL).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option("--table", type=click.Choice(EXPORT_TABLES), default="events", show_default=True,
              help="What to export (plover: events only).")
@reports_errors
def export_command(db: str, fmt: str, out: str, table: str) -> None:
    """Export the store's events (or mentions, articles) for pandas, R or DuckDB."""
    count = export(Store(db), out, fmt, table)
    click.echo(f"lagebild: export: {count} {table} → {out}", err=True)
