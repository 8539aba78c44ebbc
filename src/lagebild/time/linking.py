"""Linking events to dates: which TIMEX value is an event's ``date``.

The event coder calls :func:`event_date` with the token range of an event's evidence clause and
its trigger. The rule follows the gold guideline (events, rule 7): the date is a day, month,
year, season or week value, never with a time-of-day suffix; a multi-day expression
("am Sonntag und Montag") gives its first day; durations, ``PRESENT_REF`` and underspecified
``XXXX`` values are not dates.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..doc_ext import TIMEX_KEY, from_group

# Calendar values of at most day precision (optionally with a time suffix, cut below).
_DATE_VALUE = re.compile(
    r"^(\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}(?:-WE)?|-(?:SP|SU|FA|WI)|-Q[1-4]|-H[12])?|\d{2,3})(?:T.*)?$"
)
_COORDINATION = frozenset({"und", "bis", "oder", "sowie", ",", "-", "–", "/"})


def date_value(value: str | None) -> str | None:
    """The calendar part of a TIMEX value (``2022-01-07TEV`` → ``2022-01-07``) or None.

    None for durations, ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` and values with ``X``.
    """
    if not value:
        return None
    m = _DATE_VALUE.match(value)
    return m.group(1) if m else None


def _dated(spans: list[Span]) -> list[tuple[Span, str]]:
    out = []
    for span in spans:
        if span.label_ not in ("DATE", "TIME"):
            continue
        value = date_value(span._.value)
        if value is not None:
            out.append((span, value))
    return out


def _first_of_coordination(doc: Doc, dated: list[tuple[Span, str]], k: int) -> str:
    """Walk back over coordinated dates ("Sonntag und Montag", "3. bis 5. Mai") to the first."""
    while k > 0:
        prev, cur = dated[k - 1][0], dated[k][0]
        between = doc[prev.end : cur.start]
        if len(between) > 2 or any(t.lower_ not in _COORDINATION for t in between):
            break
        k -= 1
    return dated[k][1]


def _closest(
    doc: Doc, dated: list[tuple[Span, str]], start: int, end: int, anchor: int
) -> str | None:
    best = None
    best_dist = None
    for k, (span, _value) in enumerate(dated):
        if span.start < start or span.end > end:
            continue
        dist = (
            0
            if span.start <= anchor < span.end
            else min(abs(span.start - anchor), abs(span.end - 1 - anchor))
        )
        if best_dist is None or dist < best_dist:
            best, best_dist = k, dist
    if best is None:
        return None
    return _first_of_coordination(doc, dated, best)


def event_date(doc: Doc, evidence_start: int, evidence_end: int, trigger_start: int) -> str | None:
    """The TIMEX value to use as an event's date, or None.

    ``evidence_start``/``evidence_end`` are the token range ``[start, end)`` of the evidence
    clause and ``trigger_start`` the trigger's first token. A dated DATE/TIME expression inside
    the evidence wins (the one closest to the trigger); otherwise one in the trigger's sentence
    outside relative clauses that do not hold the trigger (with a parse); otherwise None.
    Time-of-day suffixes are cut ("2022-01-07TEV" → "2022-01-07").
    """
    # the same for every event of the doc: built once per timex group
    dated = from_group(
        doc, TIMEX_KEY, "linking_dated", lambda g: _dated(sorted(g, key=lambda s: s.start))
    ) or []
    if not dated:
        return None
    value = _closest(doc, dated, evidence_start, evidence_end, trigger_start)
    if value is not None:
        return value
    if doc.has_annotation("SENT_START"):
        sent = doc[trigger_start].sent
        own = [d for d in dated if not in_other_relative_clause(doc, d[0], trigger_start)]
        return _closest(doc, own, sent.start, sent.end, trigger_start)
    return None


_RELATIVE = frozenset({"acl:relcl", "acl"})


def in_other_relative_clause(doc: Doc, span: Span, trigger: int) -> bool:
    """Is the expression inside a relative clause that does not hold the trigger?

    "sprach von dem Angriff, bei dem am Dienstag 80 Menschen getötet worden waren": the
    Tuesday dates the killing told in the relative clause, not the speaking. Needs a parse.
    """
    if not doc.has_annotation("DEP"):
        return False
    token = span.root
    for _ in range(20):
        if token.pos_ in ("VERB", "AUX") and token.dep_ in _RELATIVE:
            return not (token.left_edge.i <= trigger <= token.right_edge.i)
        if token.head.i == token.i:
            return False
        token = token.head
    return False
