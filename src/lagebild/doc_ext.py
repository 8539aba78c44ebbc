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

from spacy.tokens import Doc, Span

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
