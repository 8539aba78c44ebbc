"""The ``Doc``/``Span`` extension attributes through which lagebild components talk.

Span groups on the Doc:
- ``doc.spans["lagebild_timex"]``: temporal expressions; ``span.label_`` is the TIMEX3
  type, ``span._.value`` the normalized value.
- ``doc.spans["lagebild_entities"]``: named mentions; ``span.label_`` is PER/ORG/LOC/MISC,
  ``span._.actor``, ``span._.name``, ``span._.wikidata`` and, for places, ``span._.geo``.
- ``doc.spans["lagebild_mentions"]``: every mention that stands for an actor: names with an
  actor, nominal mentions ("der US-Präsident", "das Bündnis") and resolved pronouns ("er");
  ``span._.actor`` holds the code. The event coder reads roles from these.

Doc attributes:
- ``doc._.published``: the document creation time (``YYYY-MM-DD``) or None.
- ``doc._.events``: list of :class:`lagebild.records.Event` set by ``lagebild_events``.

Components may register further attributes in their own modules; these are the shared ones.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import srsly
from spacy.tokens import Doc, Span

from .records import Entity, Event, Geo, Offsets, Timex, Trigger

TIMEX_KEY = "lagebild_timex"
ENTITY_KEY = "lagebild_entities"
MENTION_KEY = "lagebild_mentions"


def register_extensions() -> None:
    """Register the shared extension attributes once (idempotent)."""
    for name in ("published", "events", "article_id"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in ("value", "actor", "name", "wikidata", "geo"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()


# spaCy's worker processes (``nlp.pipe(n_process>1)``) ship Docs back as msgpack, user data
# included; teach msgpack our frozen records so events and geo survive the trip.
_RECORD_TAG = "__lagebild_record__"
_RECORD_CLASSES = {c.__name__: c for c in (Geo, Event, Trigger, Offsets, Entity, Timex)}


def _encode_record(obj: Any, chain: Any = None) -> Any:
    if dataclasses.is_dataclass(obj) and type(obj).__name__ in _RECORD_CLASSES:
        fields = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        return {_RECORD_TAG: type(obj).__name__, "fields": fields}
    return obj if chain is None else chain(obj)


def _decode_record(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and _RECORD_TAG in obj:
        fields = {k: tuple(v) if isinstance(v, list) else v for k, v in obj["fields"].items()}
        return _RECORD_CLASSES[obj[_RECORD_TAG]](**fields)
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("lagebild_records", func=_encode_record)
srsly.msgpack_decoders.register("lagebild_records", func=_decode_record)
