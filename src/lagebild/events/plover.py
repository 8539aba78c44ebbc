"""A lagebild event as a PLOVER-style record (PLOVER 2022 fields), following PLOVER's own
conventions where lagebild differs (each difference is listed in docs/events.md):

- lagebild keeps what an event *is* in ``type`` and whether it happened in ``status``. PLOVER
  has no status: planned consult/support/cooperate/aid become AGREE (intent to cooperate), an
  announced withdrawal becomes CONCEDE, and announced sanctions, coercion, force posture or
  force become THREATEN with the matching mode.
- negated and hypothetical events did not happen: they are kept, flagged ``has_event: false``
  (PLOVER's negation/hypothetical auxiliary modes are defined but not implemented anywhere).
- signing and ratifying (lagebild AGREE) are PLOVER SUPPORT; annexation (lagebild COERCE) is
  occupying territory, which CAMEO codes as fighting, so PLOVER ASSAULT.
- AID modes military/economic/humanitarian are PLOVER contexts, not modes.
- ``quad_code`` follows PLOVER's summary table (SANCTION verbal conflict = 3), while
  lagebild's own ``quad_class`` follows CAMEO (root 16 → 4).
- actors: ISO-3 codes stay; UN → UNO, other intergovernmental bodies → IGO with the body as
  identifier; lagebild's group codes (SYROPP, ISRCIV, MLIMIL …) become country + sector.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ..records import Event

CODEBOOK = "plover-base-1.3.1"
_COOPERATIVE_PLANNED = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_THREAT_MODES = {"SANCTION": "relations", "COERCE": "restrict", "MOBILIZE": "violence",
                 "ASSAULT": "violence"}
_SIGNING_STEMS = ("unterzeichn", "unterschr", "ratifizier", "signier")
_ANNEXATION_STEMS = ("annex", "annektier")
_PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
_AID_CONTEXTS = {"military": "military", "economic": "economic",
                 "humanitarian": "human_security"}
_IGOS = {"NATO": "North Atlantic Treaty Organization", "EU": "European Union",
         "G7": "Group of Seven", "G20": "Group of Twenty",
         "OSCE": "Organization for Security and Co-operation in Europe",
         "ECOWAS": "Economic Community of West African States", "AU": "African Union"}
_SECTORS = {"OPP": "OPP", "CIV": "CVL", "MIL": "MIL", "GOV": "GOV", "REB": "REB", "POL": "COP"}
_SPECIAL_ACTORS = {
    "UN": {"code": "UNO", "identifier_text": "United Nations"},
    "ISIS": {"code": "IMG", "identifier_text": "Islamic State"},
    "HAMAS": {"code": "PSE", "sector": "REB", "identifier_text": "Hamas"},
    "UAF": {"code": None, "sector": "UAF", "identifier_text": "unidentified armed group"},
    "WST": {"code": None, "identifier_text": "the West (lagebild WST)"},
}


def plover_actor(code: str) -> dict[str, Any]:
    """A PLOVER entity object for a lagebild actor code."""
    entity: dict[str, Any] = {"code": code, "sector": None, "identifier_text": None}
    if code in _SPECIAL_ACTORS:
        entity.update(_SPECIAL_ACTORS[code])
    elif code in _IGOS:
        entity.update(code="IGO", identifier_text=_IGOS[code])
    elif len(code) == 6 and code[3:] in _SECTORS:
        entity.update(code=code[:3], sector=_SECTORS[code[3:]])
    return entity


def _plover_type(event: Event) -> tuple[str, list[str], list[str], bool, list[str]]:
    """(PLOVER type, modes, contexts, has_event, notes) for a lagebild event."""
    notes: list[str] = []
    event_type = event.type
    modes = [event.mode] if event.mode and event.type == "CONSULT" else []
    contexts = [_AID_CONTEXTS[event.mode]] if event.type == "AID" and event.mode else []
    trigger = event.trigger.text.lower()
    if event.type == "AGREE" and trigger.startswith(_SIGNING_STEMS):
        event_type = "SUPPORT"
        notes.append("signing/ratifying: lagebild AGREE, PLOVER SUPPORT")
    if event.type == "COERCE" and any(stem in trigger for stem in _ANNEXATION_STEMS):
        event_type, modes = "ASSAULT", []
        notes.append("annexation: lagebild COERCE, PLOVER ASSAULT (occupy territory)")
    if event.status == "planned":
        if event.type in _COOPERATIVE_PLANNED:
            event_type, modes = "AGREE", []
            notes.append(f"planned {event.type}: PLOVER AGREE (intent to cooperate)")
        elif event.type == "RETREAT":
            event_type, modes = "CONCEDE", []
            notes.append("announced withdrawal: PLOVER CONCEDE")
        elif event.type in _THREAT_MODES:
            event_type, modes = "THREATEN", [_THREAT_MODES[event.type]]
            notes.append(f"announced {event.type}: PLOVER THREATEN")
        else:
            notes.append(f"lagebild status planned kept on {event.type}")
    has_event = event.status not in ("negated", "hypothetical")
    if not has_event:
        notes.append(f"lagebild status {event.status}: did not happen")
    if event.status == "claimed":
        notes.append("lagebild status claimed: one side's contested assertion")
    return event_type, modes, contexts, has_event, notes


def _record_id(article_id: str, event: Event) -> str:
    key = f"{article_id}|{event.type}|{event.mode}|{event.trigger.start}|{event.trigger.end}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _plover_date(event: Event, published: str | None) -> str | None:
    if event.date and len(event.date) == 10 and event.date[4] == "-":
        return event.date
    return published


def to_plover(event: Event, article_id: str, published: str | None) -> dict[str, Any]:
    """The PLOVER-style record of ``event`` from article ``article_id``.

    ``date`` is the event's day, else the publication date (PLOVER requires YYYY-MM-DD;
    the lagebild date, possibly a month or year, is kept in ``comment``).
    """
    event_type, modes, contexts, has_event, notes = _plover_type(event)
    if event.date and _plover_date(event, published) != event.date:
        notes.append(f"lagebild date {event.date}")
    location = None
    if event.place:
        location = {
            "extracted_place": event.place,
            "resolved_place": event.place,
            "lat": event.geo.lat if event.geo else None,
            "lon": event.geo.lon if event.geo else None,
            "country_code": event.geo.country if event.geo else None,
        }
    return {
        "id": _record_id(article_id, event),
        "date": _plover_date(event, published),
        "actor": [plover_actor(code) for code in event.source],
        "recipient": [plover_actor(code) for code in event.target],
        "event": [event_type],
        "has_event": has_event,
        "mode": modes,
        "context": contexts,
        "quad_code": _PLOVER_QUAD[event_type],
        "event_loc": location,
        "event_text": event.trigger.text,
        "text_info": {"start": event.evidence.start, "end": event.evidence.end,
                      "text_story": article_id},
        "cite_info": {"corpus": "lagebild", "codebook": CODEBOOK, "coder": "lagebild",
                      "language": "de", "publication": published},
        "coder": "lagebild",
        "comment": "; ".join(notes) if notes else None,
    }
