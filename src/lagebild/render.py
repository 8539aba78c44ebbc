"""Human-readable digest of an analyzed article (Rich on stdout).

The digest is for people: a timeline of the dated events (who did what to whom, with the
sentence that says so and the trigger word highlighted), the actors with the names that
stood for them, and the dates found with their normalized values. Article text is always
passed to Rich as :class:`rich.text.Text`, never as markup, so brackets in news text print
as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .records import AnalyzedArticle, Event

MAX_EVIDENCE_CHARS = 220
MAX_NAMES = 5
EVIDENCE_INDENT = 12
_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def timeline_key(value: str | None) -> tuple[int, str]:
    """Sort key of a TIMEX3 date value by the first day it covers; undated events last.

    ``2023-W11`` sorts with the Monday of that week, ``2023-03`` with March 1st, so a
    timeline mixing days, weeks and months reads in order.
    """
    if not value:
        return (1, "")
    week = _WEEK.match(value)
    if week:
        try:
            day = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
            return (0, day.isoformat())
        except ValueError:
            return (0, value)
    match = _DAY.match(value)
    if match:
        return (0, f"{match[1]}-{match[2] or '01'}-{match[3] or '01'}")
    return (0, value)


def _evidence(result: AnalyzedArticle, event: Event) -> Text:
    """The evidence sentence with the trigger in bold, shortened around the trigger."""
    start, end = event.evidence.start, event.evidence.end
    t_start, t_end = event.trigger.start, event.trigger.end
    if end - start > MAX_EVIDENCE_CHARS:
        half = MAX_EVIDENCE_CHARS // 2
        start = max(start, t_start - half)
        end = min(end, start + MAX_EVIDENCE_CHARS)
    text = Text()
    if start > event.evidence.start:
        text.append("…")
    if start <= t_start and t_end <= end:
        text.append(result.text[start:t_start])
        text.append(result.text[t_start:t_end], style="bold")
        text.append(result.text[t_end:end])
    else:
        text.append(result.text[start:end])
    if end < event.evidence.end:
        text.append("…")
    return text


def event_block(
    *,
    date: str | None,
    type_: str,
    mode: str | None,
    source: list[str] | tuple[str, ...],
    target: list[str] | tuple[str, ...],
    status: str,
    evidence: Text,
    place: str | None = None,
    mentions: int | None = None,
    ident: str | None = None,
) -> Group:
    """One event as two lines: a head (date, type, who → whom, status) and the evidence.

    A block, not a table row, so the digest stays readable at any terminal width and when
    piped to a file (where Rich falls back to 80 columns).
    """
    head = Text()
    head.append(f"{date or 'undated':<10}  ", style="cyan")
    head.append(type_ + (f"/{mode}" if mode else ""), style="bold")
    head.append(f"  {', '.join(source) or '?'} → {', '.join(target) or '–'}")
    if place:
        head.append(f"  @ {place}")
    head.append(f"  [{status}]", style="green" if status == "occurred" else "yellow")
    if mentions is not None and mentions > 1:
        head.append(f"  ×{mentions}", style="dim")
    if ident is not None:
        head.append(f"  #{ident}", style="dim")
    return Group(head, Padding(evidence, (0, 0, 0, EVIDENCE_INDENT)))


def events_block(result: AnalyzedArticle) -> Group:
    """The events as a timeline: sorted by date (undated last), then by position in the text."""
    ordered = sorted(result.events, key=lambda e: (timeline_key(e.date), e.trigger.start))
    blocks = [
        event_block(
            date=ev.date, type_=ev.type, mode=ev.mode, source=ev.source, target=ev.target,
            status=ev.status, evidence=_evidence(result, ev), place=ev.place,
        )
        for ev in ordered
    ]
    return Group(*blocks)


def actors_table(result: AnalyzedArticle) -> Table:
    """Actor codes with the names that stood for them and how often they were mentioned."""
    names: dict[str, list[str]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for ent in result.entities:
        key = ent.actor or f"({ent.type})"
        counts[key] += 1
        if ent.text not in names[key]:
            names[key].append(ent.text)
    table = Table(title="Actors", title_justify="left")
    for column in ("actor", "mentions", "names"):
        table.add_column(column, overflow="fold")
    coded = sorted((k for k in counts if not k.startswith("(")), key=lambda k: (-counts[k], k))
    uncoded = sorted(k for k in counts if k.startswith("("))
    for key in coded + uncoded:
        shown = names[key][:MAX_NAMES]
        more = len(names[key]) - len(shown)
        listed = ", ".join(shown) + (f" (+{more})" if more > 0 else "")
        table.add_row(Text(key), str(counts[key]), Text(listed))
    return table


def dates_table(result: AnalyzedArticle) -> Table:
    """The temporal expressions in text order with their TIMEX3 type and value."""
    table = Table(title="Dates", title_justify="left")
    for column in ("text", "type", "value"):
        table.add_column(column, overflow="fold")
    for timex in result.timex:
        table.add_row(Text(timex.text), timex.type, Text(timex.value))
    return table


def render_digest(result: AnalyzedArticle, console: Console | None = None) -> None:
    """Print the timeline of events, the actors and the dates of one article."""
    console = console or Console()
    heading = Text(result.title or result.id, style="bold")
    heading.append(f"  published {result.published or 'unknown'}  id {result.id}", style="dim")
    console.rule(heading)
    console.print(
        f"{len(result.sentences)} sentences · {len(result.entities)} names · "
        f"{len(result.timex)} dates · {len(result.events)} events",
        style="dim",
    )
    for warning in result.warnings:
        console.print(Text(f"warning {warning}", style="yellow"))
    if result.events:
        console.print(Text("Events", style="bold underline"))
        console.print(events_block(result))
    else:
        console.print("No events found.")
    console.print(actors_table(result) if result.entities else "No names found.")
    console.print(dates_table(result) if result.timex else "No dates found.")
    console.print()
