"""Plain records that lagebild produces; ``to_dict()`` is the JSON contract of DESIGN.md.

Records never hold spaCy objects, so the store, exports and the web layer can be built
from them alone. Every extracted item carries character offsets into ``text`` such that
``text[start:end]`` equals the item's ``text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
STATUSES: tuple[str, ...] = ("occurred", "planned", "negated", "hypothetical", "claimed")
ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")


def text_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of the SHA-1 of the text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One input article as read by ``lagebild.io``; ``published`` is ISO ``YYYY-MM-DD`` or None."""

    text: str
    published: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @property
    def key(self) -> str:
        """The id given by the user, else the content hash."""
        return self.id or text_id(self.text)


@dataclass(frozen=True)
class Offsets:
    """A character range ``[start, end)`` into the analyzed text."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Trigger:
    """The word(s) of the predicate or event noun that evoke an event."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Entity:
    """A named mention: person, organisation, place or other, with the actor it stands for."""

    text: str
    start: int
    end: int
    type: str
    name: str | None = None
    actor: str | None = None
    wikidata: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "name": self.name,
            "actor": self.actor,
            "wikidata": self.wikidata,
        }


@dataclass(frozen=True)
class Timex:
    """A temporal expression with its TIMEX3 type and normalized value."""

    text: str
    start: int
    end: int
    type: str
    value: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True)
class Geo:
    """Coordinates and country of a resolved place."""

    lat: float
    lon: float
    country: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"lat": self.lat, "lon": self.lon, "country": self.country}


@dataclass(frozen=True)
class Event:
    """One PLOVER event with status, date, place and provenance."""

    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    trigger: Trigger
    evidence: Offsets
    status: str = "occurred"
    mode: str | None = None
    date: str | None = None
    place: str | None = None
    geo: Geo | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "source": list(self.source),
            "target": list(self.target),
            "date": self.date,
            "place": self.place,
            "geo": self.geo.to_dict() if self.geo else None,
            "status": self.status,
            "trigger": self.trigger.to_dict(),
            "evidence": self.evidence.to_dict(),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class AnalyzedArticle:
    """Everything lagebild found in one article; ``to_dict()`` is the contract of DESIGN.md."""

    id: str
    text: str
    published: str | None
    language: str = "de"
    sentences: tuple[Offsets, ...] = ()
    entities: tuple[Entity, ...] = ()
    timex: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    title: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The JSON object printed by ``lagebild analyze --format json``."""
        return {
            "id": self.id,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "timex": [t.to_dict() for t in self.timex],
            "events": [e.to_dict() for e in self.events],
        }
