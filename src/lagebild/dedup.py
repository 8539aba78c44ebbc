"""Reports → events: mentions of the same real-world event become one event.

Several articles, or one article several times, often tell the same event ("Russland
drohte am Montag …", later "Die Drohung vom Montag …"). Each telling is a *mention*
(an :class:`lagebild.records.Event` of one article, with its offsets); mentions that agree
on the event are grouped into one *event* that counts its mentions and keeps every
mention's provenance.

Two mentions tell the same event when all of these hold:

- the same PLOVER ``type``;
- compatible dates: equal, or the days of one lie inside the other's
  (:mod:`lagebild.intervals`): ``2022-01`` and ``2022-01-07``, ``2022-W01`` and
  ``2022-01-07``, ``2022-Q1`` and ``2022-02``; two different days, or a week and a month
  it only straddles, are not. An undated mention only joins an undated event first reported on the
  same (known) publication day, or an event of its own article;
- compatible places: equal names (case-insensitive), coordinates less than
  :data:`NEAR_KM` apart, or at least one side without a place;
- overlapping actors: the sources overlap when both have sources, the targets overlap when
  both have targets, and the two share at least one actor overall (for the symmetric
  types CONSULT and COOPERATE the overall actor sets are compared instead, and one must
  contain the other: "A meets B" and "B meets A" are one meeting, "C meets B" another).
  Two mentions without any actor need the same place;
- compatible status: occurred, claimed and planned may tell one event (announced, then
  reported); a negated or hypothetical mention only joins events of its own status.

The grouping is greedy and deterministic: mentions are taken in input order and join the
best compatible event (same date first, then most shared actors, then the oldest), which
then takes the more specific (shorter) date, the union of actors and the most certain status.
This module is pure Python; :mod:`lagebild.store` feeds it candidates from the database.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .intervals import containers, nested, specificity
from .records import Event

NEAR_KM = 25.0
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE"})
# Most certain first: the merged event takes the most certain status among its mentions.
STATUS_CERTAINTY = ("occurred", "claimed", "planned", "hypothetical")
_DATE_PARTS = re.compile(r"-|(?<=\d)T")


@dataclass(frozen=True)
class Mention:
    """One event as told by one article: the article's key, the event's index in it."""

    article: str
    seq: int
    event: Event
    published: str | None = None


@dataclass
class EventGroup:
    """An event: the merged view of its mentions (mutable while a batch is grouped)."""

    id: int
    type: str
    source: list[str]
    target: list[str]
    date: str | None
    place: str | None
    status: str
    mode: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    confidence: float = 0.5
    article: str = ""
    trigger_text: str = ""
    trigger_start: int = 0
    trigger_end: int = 0
    evidence_start: int = 0
    evidence_end: int = 0
    reported: str | None = None
    mentions: int = 0
    n_articles: int = 0
    is_new: bool = True
    changed: bool = False
    batch_articles: set[str] = field(default_factory=set)

    @classmethod
    def from_mention(cls, event_id: int, mention: Mention) -> EventGroup:
        """A new event whose representative (first) mention is ``mention``."""
        ev = mention.event
        return cls(
            id=event_id,
            type=ev.type,
            source=list(ev.source),
            target=list(ev.target),
            date=ev.date,
            place=ev.place,
            status=ev.status,
            mode=ev.mode,
            lat=ev.geo.lat if ev.geo else None,
            lon=ev.geo.lon if ev.geo else None,
            country=ev.geo.country if ev.geo else None,
            cameo=ev.cameo,
            quad_class=ev.quad_class,
            goldstein=ev.goldstein,
            confidence=ev.confidence,
            article=mention.article,
            trigger_text=ev.trigger.text,
            trigger_start=ev.trigger.start,
            trigger_end=ev.trigger.end,
            evidence_start=ev.evidence.start,
            evidence_end=ev.evidence.end,
            reported=mention.published,
        )


@lru_cache(maxsize=65536)
def date_prefixes(value: str) -> tuple[str, ...]:
    """``2022-01-07`` → ``("2022", "2022-01", "2022-01-07")`` (coarser values first)."""
    cuts = [m.start() for m in _DATE_PARTS.finditer(value)]
    return (*[value[:cut] for cut in cuts if cut > 0], value)


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal dates, or the days of one inside the other's; None only matches None."""
    if a is None or b is None:
        return a is None and b is None
    return nested(a, b)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def places_compatible(group: EventGroup, event: Event) -> bool:
    """Same place name, nearby coordinates, or at least one side without a place."""
    if not group.place or not event.place:
        return True
    if group.place.casefold() == event.place.casefold():
        return True
    if group.lat is not None and group.lon is not None and event.geo is not None:
        return _km(group.lat, group.lon, event.geo.lat, event.geo.lon) < NEAR_KM
    return False


def actors_compatible(group: EventGroup, event: Event) -> bool:
    """Overlapping actors (see the module docstring for the exact rule)."""
    all_group = set(group.source) | set(group.target)
    all_event = set(event.source) | set(event.target)
    if not all_group and not all_event:
        if not group.place or not event.place:
            return False
        return group.place.casefold() == event.place.casefold()
    if not all_group & all_event:
        return False
    if group.type in SYMMETRIC_TYPES:
        # "A meets B" = "B meets A", and "meets B" may be the same meeting; but "A meets B"
        # and "C meets B" are two meetings.
        return all_group <= all_event or all_event <= all_group
    if group.source and event.source and not set(group.source) & set(event.source):
        return False
    return not (group.target and event.target and not set(group.target) & set(event.target))


# Statuses that can describe one real event: announced, then reported, then claimed.
_FACTUAL = frozenset({"occurred", "claimed", "planned"})


def status_compatible(a: str, b: str) -> bool:
    """occurred/claimed/planned may tell one event; negated and hypothetical only join
    their own kind ("X did not happen", "if X happened" are not reports of X)."""
    return a == b or (a in _FACTUAL and b in _FACTUAL)


def more_certain(a: str, b: str) -> str:
    """The more certain of two (non-negated) statuses."""
    rank = {s: i for i, s in enumerate(STATUS_CERTAINTY)}
    return a if rank.get(a, len(rank)) <= rank.get(b, len(rank)) else b


def _union(first: list[str], more: Iterable[str]) -> list[str]:
    out = list(first)
    out.extend(code for code in more if code not in out)
    return out


class Grouper:
    """Assigns mentions to events: existing ``candidates`` from the store or new ones.

    ``next_id`` is the first free event id. After :meth:`add` calls, :meth:`new_groups`
    are to be inserted and :meth:`changed_groups` updated in the store.
    """

    def __init__(self, candidates: Iterable[EventGroup], next_id: int) -> None:
        self.next_id = next_id
        self._groups: dict[int, EventGroup] = {}
        # (type, value) → groups whose date lies inside that value (value = one of the
        # date's containers), so a mention finds the finer or equal groups by its own date.
        self._by_container: dict[tuple[str, str], set[int]] = {}
        self._by_exact: dict[tuple[str, str | None], set[int]] = {}
        self._by_article: dict[str, set[int]] = {}
        for group in candidates:
            group.is_new = False
            self._register(group)

    def _register(self, group: EventGroup) -> None:
        self._groups[group.id] = group
        self._by_exact.setdefault((group.type, group.date), set()).add(group.id)
        for outer in containers(group.date) if group.date else ():
            self._by_container.setdefault((group.type, outer), set()).add(group.id)
        for article in group.batch_articles:
            self._by_article.setdefault(article, set()).add(group.id)

    def _candidates(self, mention: Mention) -> Iterator[EventGroup]:
        ev = mention.event
        ids: set[int] = set(self._by_article.get(mention.article, ()))
        if ev.date is None:
            ids |= self._by_exact.get((ev.type, None), set())
        else:
            ids |= self._by_container.get((ev.type, ev.date), set())  # equal or finer
            for outer in containers(ev.date):  # coarser
                ids |= self._by_exact.get((ev.type, outer), set())
        for gid in sorted(ids):
            yield self._groups[gid]

    def _matches(self, group: EventGroup, mention: Mention) -> bool:
        ev = mention.event
        if group.type != ev.type or not status_compatible(group.status, ev.status):
            return False
        same_article = mention.article in group.batch_articles
        if group.date is None and ev.date is None:
            # Undated tellings in different articles: only the same known publication day.
            if not same_article and (mention.published is None
                                     or group.reported != mention.published):
                return False
        elif not dates_compatible(group.date, ev.date) and not (
            same_article and (group.date is None or ev.date is None)
        ):
            return False
        return places_compatible(group, ev) and actors_compatible(group, ev)

    def add(self, mention: Mention) -> int:
        """The id of the event ``mention`` belongs to (an existing one or a new one)."""
        ev = mention.event
        actors = set(ev.source) | set(ev.target)
        best: EventGroup | None = None
        best_score: tuple[int, int, int] | None = None
        for group in self._candidates(mention):
            if not self._matches(group, mention):
                continue
            shared = len(actors & (set(group.source) | set(group.target)))
            score = (int(group.date == ev.date), shared, -group.id)
            if best_score is None or score > best_score:
                best, best_score = group, score
        if best is None:
            best = EventGroup.from_mention(self.next_id, mention)
            self.next_id += 1
        else:
            self._merge(best, mention)
        if mention.article not in best.batch_articles:
            best.batch_articles.add(mention.article)
            best.n_articles += 1
        best.mentions += 1
        best.changed = True
        self._register(best)
        return best.id

    @staticmethod
    def _merge(group: EventGroup, mention: Mention) -> None:
        ev = mention.event
        group.source = _union(group.source, ev.source)
        group.target = _union(group.target, ev.target)
        if ev.date and (group.date is None or specificity(ev.date) < specificity(group.date)):
            group.date = ev.date
        if not group.place and ev.place:
            group.place = ev.place
        if group.lat is None and ev.geo is not None:
            group.lat, group.lon, group.country = ev.geo.lat, ev.geo.lon, ev.geo.country
        group.mode = group.mode or ev.mode
        group.cameo = group.cameo or ev.cameo
        if group.quad_class is None:
            group.quad_class = ev.quad_class
        if group.goldstein is None:
            group.goldstein = ev.goldstein
        group.status = more_certain(group.status, ev.status)
        group.confidence = max(group.confidence, ev.confidence)

    def new_groups(self) -> list[EventGroup]:
        """Events created by this batch, in id order."""
        return [g for g in sorted(self._groups.values(), key=lambda g: g.id) if g.is_new]

    def changed_groups(self) -> list[EventGroup]:
        """Events from the store that gained mentions in this batch, in id order."""
        return [
            g
            for g in sorted(self._groups.values(), key=lambda g: g.id)
            if not g.is_new and g.changed
        ]
