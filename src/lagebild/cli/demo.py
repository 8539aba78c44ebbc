"""``lagebild demo``: the bundled sample articles → a fresh store → digests and timeline."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from ..errors import EXIT_OK, EXIT_PARTIAL, StoreError
from ..ingest import Ingest
from ..io import iter_inputs
from ..pipeline import load
from ..records import AnalyzedArticle
from ..render import render_digest
from ..store import EventFilter, RejectedRow, Store
from .app import main, reports_errors
from .store import print_timeline

DEMO_ARTICLES = Path(__file__).resolve().parents[1] / "demo" / "articles.jsonl"


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Where to build the demo store (must not exist yet); default: a temp dir.")
@click.option("--articles", "inputs", multiple=True, metavar="PATH",
              help="Use these inputs instead of the bundled sample articles (repeatable).")
@click.option("--model", default=None, help="Name or path of a German spaCy pipeline to use.")
@reports_errors
def demo(db: str | None, inputs: tuple[str, ...], model: str | None) -> None:
    """Analyze the bundled German sample articles into a fresh store and show the result:
    a digest per article, then the store's timeline of deduplicated events."""
    if db is None:
        db = str(Path(tempfile.mkdtemp(prefix="lagebild-demo-")) / "demo.duckdb")
    elif Path(db).exists():
        raise StoreError("the demo builds a fresh store; this file exists already", where=db)
    paths = inputs or (str(DEMO_ARTICLES),)
    console = Console()
    rejected: list[RejectedRow] = []

    def show(result: AnalyzedArticle) -> None:
        render_digest(result, console)

    def log(row: RejectedRow) -> None:
        rejected.append(row)
        click.echo(f"lagebild: error {row.code}: {row.where}: {row.message}", err=True)

    store = Store(db)
    run = Ingest(store, load(model), on_article=show, on_reject=log)
    report = run.run(iter_inputs(paths))
    console.rule("[bold]Timeline of the store[/bold]")
    print_timeline(store, EventFilter(), "table", console)
    console.print(Text(f"{report.summary()}"))
    console.print(Text(f"Store: {db}  (try: lagebild events --db {db})"))
    sys.exit(EXIT_PARTIAL if rejected else EXIT_OK)
