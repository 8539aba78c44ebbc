"""One event per distinct occurrence: restatements in an article are merged (gold rule 1).

Two mentions are one occurrence when they have the same type, compatible modes, dates and
places, and sharing actors; besides, at least one of them must be an event noun ("der
Einmarsch", "das Treffen") or both the same verb (a heading restated in the body), and
speech acts ("fordert", "Forderungen", "dementiert", "weist zurück") only merge with the same
word: separate utterances stay separate events. An event noun without
any actor is folded into a compatible event of the two sentences before it (anaphora).
The merged event keeps the first mention and fills in what it lacks from the later one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..records import Event

ANAPHORA_WINDOW = 2


@dataclass(frozen=True)
class Draft:
    """An event with what merging needs to know about its mention."""

    event: Event
    key: str
    is_noun: bool
    unit: int
    object_type: str | None = None
    object_source: tuple[str, ...] = ()
    speech_act: bool = False
    narrative: str | None = None
    # the target is "beide Seiten": the two parties of the conflict told before
    both_sides: bool = False
    # "schlossen sich … mit eigenen Sanktionen an": joins an earlier act of its type
    joins: bool = False
    # "Pjöngjang reagierte mit scharfer Kritik": answers the event told just before
    reacts: bool = False


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or a.startswith(b) or b.startswith(a)


def _attributes_agree(a: Event, b: Event) -> bool:
    if a.type != b.type or not _compatible(a.mode, b.mode):
        return False
    if not (_compatible(a.date, b.date) and _compatible(a.place, b.place)):
        return False
    # what did not or only might happen is not the event that happened
    return a.status == b.status or not {a.status, b.status} & {"negated", "hypothetical"}


def same_occurrence(first: Draft, later: Draft) -> bool:
    """Could ``later`` restate ``first``?"""
    a, b = first.event, later.event
    if a.trigger == b.trigger:
        return False  # one trigger coded as several events on purpose (AID modes, summits)
    setting = (
        first.unit == later.unit and a.type == b.type == "CONSULT"
        and first.is_noun != later.is_noun
    )
    if setting and set(a.source) == set(b.source) and set(a.target) == set(b.target):
        # "sind in Genf … zu einem Gipfel zusammengekommen": the verb and its meeting noun
        return True
    if not _attributes_agree(a, b):
        return False
    if not (first.is_noun or later.is_noun or first.key == later.key):
        return False
    if (first.speech_act or later.speech_act) and first.key != later.key:
        # demands, accusations, denials are separate utterances unless restated verbatim
        # (a heading and its body)
        return False
    if first.unit == later.unit and first.key != later.key:
        # two triggers in one sentence are two events, except a meeting verb with the
        # meeting noun as its setting ("sind … zu einem Gespräch zusammengekommen")
        if a.type != "CONSULT" or first.is_noun == later.is_noun:
            return False
    if not b.source and not b.target:
        return later.is_noun and later.unit - first.unit <= ANAPHORA_WINDOW
    if not a.source or not b.source:
        return False
    if not set(a.source) & set(b.source):
        return False
    return not (a.target and b.target and not set(a.target) & set(b.target))


def _fill(keep: Event, other: Event) -> Event:
    """``keep`` with the fields it lacks taken from ``other``."""
    return replace(
        keep,
        source=keep.source or other.source,
        target=keep.target or other.target,
        date=keep.date or other.date,
        place=keep.place or other.place,
        geo=keep.geo or other.geo,
        mode=keep.mode or other.mode,
        confidence=max(keep.confidence, other.confidence),
    )


def _primary(first: Draft, later: Draft) -> tuple[Draft, Draft]:
    """The more informative mention (gold rule 1): dated, then more actors, then a verb."""
    def weight(draft: Draft) -> tuple[bool, int, bool]:
        event = draft.event
        return bool(event.date), len(event.source) + len(event.target), not draft.is_noun

    return (later, first) if weight(later) > weight(first) else (first, later)


def merge_events(drafts: list[Draft]) -> list[Event]:
    """Events in text order (of their first mention) with restatements folded together."""
    kept: list[Draft] = []
    for draft in drafts:
        for k in range(len(kept) - 1, -1, -1):
            if same_occurrence(kept[k], draft):
                primary, other = _primary(kept[k], draft)
                kept[k] = replace(primary, event=_fill(primary.event, other.event),
                                  unit=kept[k].unit)
                break
        else:
            kept.append(draft)
    return [d.event for d in kept]
