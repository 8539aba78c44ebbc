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

from ..records import Event
from .merge import Draft

CONTEXT_WINDOW = 3


def _latest_source(drafts: list[Draft], before: int, event_type: str) -> tuple[str, ...]:
    """The actor of the latest event of a type; all participants of a meeting or agreement
    ("begrüßte das Ergebnis des Gipfels": both sides of the summit)."""
    for k in range(before - 1, -1, -1):
        event = drafts[k].event
        if event.type == event_type and event.source:
            if event_type not in ("CONSULT", "AGREE"):
                return event.source
            # the meeting may be told by several mentions of its sentence ("traf X zu
            # Gesprächen"): all their participants
            return tuple(dict.fromkeys(
                a for d in drafts[:before]
                if d.unit == drafts[k].unit and d.event.type == event_type
                for a in d.event.source + d.event.target
            ))
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
        if event.source and not event.target and event.type in TARGETED:
            # "Die Nato sichert der Ukraine Unterstützung zu … Mitgliedstaaten der Nato liefern
            # Waffen in das Partnerland": the same actor's dealings continue with the same party
            for earlier in reversed(out):
                if draft.unit - earlier.unit > CONTEXT_WINDOW:
                    break
                other = earlier.event
                if other.target and set(other.source) & set(event.source) and (
                    earlier.unit < draft.unit
                ):
                    target = tuple(a for a in other.target if a not in event.source)
                    if target:
                        event = replace(event, target=target, confidence=event.confidence * 0.8)
                    break
        if event.source and draft.joins:
            # "Die USA … schlossen sich dem Vorgehen der EU mit eigenen Sanktionen an": the
            # target of the act joined (not the actor whose act is joined)
            for earlier in reversed(out):
                if draft.unit - earlier.unit > CONTEXT_WINDOW:
                    break
                other = earlier.event
                if other.type == event.type and other.target and (
                    not event.target or set(event.target) <= set(other.source)
                ):
                    target = tuple(a for a in other.target if a not in event.source)
                    if target:
                        event = replace(event, target=target, confidence=event.confidence * 0.8)
                    break
        if event.source and not event.target and draft.reacts and event.type not in MEETINGS:
            # "Washington und Seoul kündigten Manöver an, Pjöngjang reagierte mit Kritik":
            # aimed at the actors of the latest event by others, at most a sentence back
            for earlier in reversed(out):
                if draft.unit - earlier.unit > 1:
                    break
                other = earlier.event
                if other.source and not set(other.source) & set(event.source):
                    event = replace(event, target=other.source, confidence=event.confidence * 0.8)
                    break
        if event.source and not event.target and event.type == "REJECT":
            event = _answered_challenge(event, draft, out)
        if draft.both_sides:
            # "beide Seiten" is the object: other mentions of the clause are not the target
            event = _both_sides(event, draft, out)
        out.append(replace(draft, event=event))
    return out


# meetings and agreements answer nobody in particular
MEETINGS = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# acts a denial or rejection answers ("Ankara wirft Russland vor … Moskau bestreitet das")
CHALLENGES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SANCTION"})
# conflicts whose two parties "beide Seiten" names
CONFLICTS = frozenset({"ASSAULT", "ACCUSE", "THREATEN", "COERCE", "MOBILIZE", "PROTEST",
                       "SANCTION", "REJECT"})


def _answered_challenge(event: Event, draft: Draft, out: list[Draft]) -> Event:
    """A rejection without a stated target answers the latest challenge aimed at its source."""
    for earlier in reversed(out):
        if draft.unit - earlier.unit > CONTEXT_WINDOW:
            break
        other = earlier.event
        if other.type in CHALLENGES and other.source and set(event.source) & set(other.target):
            target = tuple(a for a in other.source if a not in event.source)
            if target:
                return replace(event, target=target, confidence=event.confidence * 0.8)
    return event


def _both_sides(event: Event, draft: Draft, out: list[Draft]) -> Event:
    """"mahnte beide Seiten zur Besonnenheit": the two parties of the latest conflict, else
    of the latest dealings between two actors ("A und B haben sich geeinigt")."""
    fallback: tuple[str, ...] = ()
    for earlier in reversed(out):
        if draft.unit - earlier.unit > CONTEXT_WINDOW:
            break
        other = earlier.event
        parties = tuple(
            a for a in dict.fromkeys(other.source + other.target) if a not in event.source
        )
        if len(parties) < 2:
            continue
        if other.type in CONFLICTS and other.source and other.target:
            return replace(event, target=parties, confidence=event.confidence * 0.8)
        fallback = fallback or parties
    if fallback:
        return replace(event, target=fallback, confidence=event.confidence * 0.7)
    return event


# types whose act is always aimed at someone
TARGETED = frozenset({"AID", "SUPPORT", "SANCTION", "THREATEN", "COERCE"})
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
                if earlier.narrative == "pluperfect":
                    continue  # "hatte am Donnerstag aufgerufen": told as background
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
