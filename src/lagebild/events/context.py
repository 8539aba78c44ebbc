"""Actors filled in from the article context (gold rule 6: "an actor is filled in from context
when the text makes it clear").

Two general cases: a speech act aimed at an event ("verurteilte den Raketentest") targets the
actor of that event, found in the event noun's own phrase or in the latest event of that type;
and an event without a stated source continues the latest event of the same type a few
sentences earlier with compatible targets ("Ecowas hat Sanktionen verhängt … gegen zwei
Minister wurden keine Strafmaßnahmen verhängt").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date as Date

from .merge import Draft

CONTEXT_WINDOW = 3


def _latest_source(drafts: list[Draft], before: int, event_type: str) -> tuple[str, ...]:
    for k in range(before - 1, -1, -1):
        if drafts[k].event.type == event_type and drafts[k].event.source:
            return drafts[k].event.source
    return ()


def fill_from_context(drafts: list[Draft]) -> list[Draft]:
    """Drafts with targets of speech acts and missing sources completed from context."""
    out: list[Draft] = []
    for draft in drafts:
        event = draft.event
        if not event.target and draft.object_type:
            aimed_at = draft.object_source or _latest_source(out, len(out), draft.object_type)
            target = tuple(a for a in aimed_at if a not in event.source)
            if target:
                event = replace(event, target=target)
        # meetings are named with their participants or restate an earlier one (merged
        # later); borrowing the participants of a neighbouring meeting mostly goes wrong
        if not event.source and event.type != "CONSULT":
            for k in range(len(out) - 1, -1, -1):
                earlier = out[k]
                if draft.unit - earlier.unit > CONTEXT_WINDOW:
                    break
                other = earlier.event
                if other.type != event.type or not other.source:
                    continue
                if event.target and other.target and not set(event.target) & set(other.target):
                    continue
                event = replace(
                    event,
                    source=other.source,
                    target=event.target or other.target,
                    confidence=event.confidence * 0.8,
                )
                break
        out.append(replace(draft, event=event))
    return out


NARRATIVE_DAYS = 7


def _day(value: str | None) -> Date | None:
    try:
        return Date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def fill_dates(drafts: list[Draft], published: str | None) -> list[Draft]:
    """Dates from the narrative (gold rule 7) for events whose clause names none.

    "Dabei …", "Anschließend …" take the date of the latest dated event of the two sentences
    before. A report in simple past or present perfect ("forderte", "hat … geworben") of a
    story told around the publication date takes the latest day of the story at most a week
    before publication (a same-day reaction in a report of that day); a present perfect in
    the opening sentences with no day told yet takes the publication date.
    """
    out: list[Draft] = []
    today = _day(published)
    for draft in drafts:
        event = draft.event
        if event.status not in ("occurred", "planned"):
            pass  # a hypothetical or negated event has no time of its own
        elif event.date is None and draft.narrative == "anaphoric":
            for earlier in reversed(out):
                if draft.unit - earlier.unit > ANAPHORA_UNITS:
                    break
                if earlier.event.date and earlier.unit < draft.unit:
                    event = replace(event, date=earlier.event.date)
                    break
        elif event.date is None and draft.narrative in ("past", "perfect") and today:
            for earlier in reversed(out):
                day = _day(earlier.event.date)
                if earlier.event.status == "occurred" and day and 0 <= (today - day).days <= (
                    NARRATIVE_DAYS
                ):
                    event = replace(event, date=earlier.event.date)
                    break
            else:
                if draft.narrative == "perfect" and draft.unit < LEDE_UNITS:
                    # "X hat … demonstriert" opening a report: the news of the day
                    event = replace(event, date=published)
        out.append(replace(draft, event=event))
    return out


ANAPHORA_UNITS = 2
LEDE_UNITS = 2
