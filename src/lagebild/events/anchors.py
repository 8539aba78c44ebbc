"""Date and place of an event.

The date comes from ``lagebild.time.linking.event_date`` (the timex component's linker, which
takes token offsets) when it is installed; otherwise from the nearest date expression in the
clause, then in the sentence.
Dates keep at most day precision (gold rule 7). The place is the location entity governed by
"in"/"nach" (or "im", "ins", "auf") in the clause; visits take the visited place (rule 8).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..doc_ext import ENTITY_KEY, TIMEX_KEY, from_group
from ..records import Geo

try:  # the timex engineer's linker; optional so the coder works without it
    from ..time.linking import event_date as _linked_date
    from ..time.linking import in_other_relative_clause as _in_other_relative
except ImportError:  # pragma: no cover - depends on the installed components
    _linked_date = None
    _in_other_relative = None

_PLACE_PREPS = ("in", "im", "nach", "ins", "auf", "vor")
_DATE_VALUE = re.compile(r"^(\d{4})(-(\d{2}|W\d{2}|SP|SU|FA|WI))?(-\d{2})?")


def day_precision(value: str | None) -> str | None:
    """A TIMEX value cut to at most day precision; None for non-dates (PRESENT_REF, P3D …)."""
    if not value:
        return None
    match = _DATE_VALUE.match(value)
    if not match:
        return None
    return match.group(0)


def _day_timexes(doc: Doc) -> list[Span]:
    """The DATE/TIME expressions of ``doc`` with a calendar value, built once per doc."""
    return from_group(
        doc, TIMEX_KEY, "anchors_day_timexes",
        lambda group: [
            t for t in group if t.label_ in ("DATE", "TIME") and day_precision(t._.value)
        ],
    ) or []


def event_date(
    doc: Doc, start: int, end: int, trigger: int, sent: Span,
    foreign: tuple[tuple[int, int], ...] = (),
) -> str | None:
    """The date of an event whose evidence is the token range ``[start, end)``.

    ``foreign``: token ranges of other clauses of the sentence that tell another event
    (relative clauses, pluperfect background); their dates are not taken from the sentence.
    """
    timexes = [
        t for t in _day_timexes(doc)
        if start <= t.start < end or not any(lo <= t.start < hi for lo, hi in foreign)
    ]
    if _linked_date is not None:
        try:
            value = day_precision(_linked_date(doc, start, end, trigger))
        except Exception:  # noqa: BLE001 - a linker bug must not lose the event
            value = None
        # The linker falls back to spaCy's sentence, which can run across a heading; accept
        # its value only when it comes from this sentence unit.
        if value and any(
            day_precision(t._.value) == value and sent.start <= t.start < sent.end
            for t in timexes
        ):
            return value
    for lo, hi in ((start, end), _semicolon_part(doc, sent, trigger)):
        inside = [t for t in timexes if lo <= t.start and t.end <= hi]
        if (lo, hi) != (start, end) and _in_other_relative is not None:
            inside = [t for t in inside if not _in_other_relative(doc, t, trigger)]
        if inside:
            best = min(inside, key=lambda t: abs(t.start - trigger))
            return day_precision(best._.value)
    return None


def _semicolon_part(doc: Doc, sent: Span, trigger: int) -> tuple[int, int]:
    """The token range of ``sent`` between the semicolons around ``trigger``: a semicolon
    joins two main clauses that tell different things ("Ein Treffen ist nicht geplant;
    Moskau gehört der Gruppe seit 2014 nicht mehr an")."""
    lo, hi = sent.start, sent.end
    for i in range(sent.start, sent.end):
        if doc[i].text == ";":
            if i < trigger:
                lo = i + 1
            else:
                hi = i
                break
    return lo, hi


# (doc, its entity group, the group's length, its LOC spans) of the last doc asked about:
# iterating a span group builds a new Span per item, and places are asked for per event
_LOC_CACHE: list = [None, None, -1, []]


def _loc_spans(doc: Doc) -> list[Span]:
    """The LOC entities of ``doc`` in group order, built once per doc (the strong
    reference to the last doc keeps its id from being reused)."""
    group = doc.spans.get(ENTITY_KEY)
    if group is None:
        return []
    cached_doc, cached_group, size, spans = _LOC_CACHE
    if cached_doc is doc and cached_group is group and size == len(group):
        return spans
    spans = [span for span in group if span.label_ == "LOC"]
    _LOC_CACHE[:] = [doc, group, len(group), spans]
    return spans


def event_place(doc: Doc, start: int, end: int, trigger: int) -> tuple[str | None, Geo | None]:
    """Name and geo of the place governed by a place preposition in tokens ``[start, end)``."""
    candidates = []
    for span in _loc_spans(doc):
        if not (start <= span.start and span.end <= end):
            continue
        k = span.start - 1
        while k >= start and doc[k].lower_ in ("der", "die", "das", "den", "dem", "des") or (
            k >= start and doc[k].text[0].islower() and doc[k].lower_.endswith(("e", "en", "er"))
            and doc[k].lower_ not in _PLACE_PREPS
        ):
            k -= 1
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.is_alpha and nxt.text[0].isupper() and span.text.endswith("s"):
            continue  # "auf Russlands Vorrücken": a genitive modifier, not the place
        if k >= start and doc[k].lower_ in _PLACE_PREPS:
            candidates.append(span)
    if not candidates:
        return None, None
    # a resolved place (with coordinates) beats a building or unknown name nearby
    best = min(candidates, key=lambda s: (s._.geo is None, abs(s.start - trigger)))
    name = best._.name or best.text
    geo = best._.geo if isinstance(best._.geo, Geo) else None
    return name, geo


def visited_country(doc: Doc, start: int, end: int, geo: Geo | None) -> str | None:
    """The country visited in tokens ``[start, end)``: a place's country, else the actor of a
    country name after "in"/"nach" ("Besuch in die Ukraine")."""
    if geo is not None and geo.country:
        return geo.country
    for span in doc.spans.get(ENTITY_KEY, []):
        if span.label_ == "LOC" and start <= span.start and span.end <= end and span._.actor:
            k = span.start - 1
            while k >= start and doc[k].lower_ in ("der", "die", "das", "den", "dem"):
                k -= 1
            if k >= start and doc[k].lower_ in ("in", "nach", "ins"):
                return str(span._.actor)
    return None
