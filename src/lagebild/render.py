"""Human-readable digest of an analyzed article (Rich on stdout)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .records import AnalyzedArticle


def render_digest(result: AnalyzedArticle, console: Console | None = None) -> None:
    """Print the timeline of events, the actors and the dates of one article."""
    console = console or Console()
    title = result.title or result.id
    console.rule(f"[bold]{title}[/bold]  (published {result.published or 'unknown'})")
    table = Table(title="Events", show_lines=False)
    for col in ("date", "type", "who → whom", "status", "evidence"):
        table.add_column(col)
    for ev in sorted(result.events, key=lambda e: (e.date or "9999", e.evidence.start)):
        who = ", ".join(ev.source) or "?"
        whom = ", ".join(ev.target) or "–"
        evidence = result.text[ev.evidence.start : ev.evidence.end]
        table.add_row(ev.date or "?", ev.type, f"{who} → {whom}", ev.status, evidence)
    console.print(table)
    actors = sorted({e.actor for e in result.entities if e.actor})
    console.print(f"[bold]Actors:[/bold] {', '.join(actors) or '–'}")
    dates = ", ".join(f"{t.text} = {t.value}" for t in result.timex)
    console.print(f"[bold]Dates:[/bold] {dates or '–'}")
