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
from collections.abc import Callable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

import srsly
from spacy.tokens import Doc, Span, Token

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


# Per-Doc values that several components read: ``doc.text`` joins every token's text,
# ``list(doc)`` builds a Python object per token and ``token.text`` decodes the string on
# every access, so these are computed once per Doc. Strings are kept while the Doc lives
# (weak keys); values that refer back to the Doc (Token and Span objects) are kept for the
# last Doc asked about only, since a weak-key entry that refers to its key never dies. An
# entry records ``len(doc)``: a retokenization changes the length and makes it stale
# (``forget`` drops it explicitly).
class _DocCache:
    __slots__ = ("n", "text", "words", "lowers")

    def __init__(self, n: int) -> None:
        self.n = n
        self.text: str | None = None
        self.words: list[str] | None = None
        self.lowers: list[str] | None = None


class _Held:
    """Token list and group-derived values of the last Doc asked about."""

    __slots__ = ("doc", "n", "cache", "tokens", "derived")

    def __init__(self, doc: Doc | None, n: int, cache: _DocCache | None) -> None:
        self.doc = doc
        self.n = n
        self.cache = cache
        self.tokens: list[Token] | None = None
        self.derived: dict[str, tuple[Any, int, Any]] = {}


_CACHES: WeakKeyDictionary[Doc, _DocCache] = WeakKeyDictionary()
_HELD = [_Held(None, -1, None)]


def _held(doc: Doc) -> _Held:
    """The entry of ``doc``, made the held one; most calls ask about the same Doc in a row."""
    n = len(doc)
    held = _HELD[0]
    if held.doc is doc and held.n == n:
        return held
    cache = _CACHES.get(doc)
    if cache is None or cache.n != n:
        cache = _CACHES[doc] = _DocCache(n)
    held = _HELD[0] = _Held(doc, n, cache)
    return held


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc."""
    cache = _held(doc).cache
    if cache.text is None:
        cache.text = doc.text
    return cache.text


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, built once per Doc while it is the one being processed: one shared
    Token object per word (callers must not change the list)."""
    held = _held(doc)
    if held.tokens is None:
        held.tokens = list(doc)
    return held.tokens


def doc_words(doc: Doc) -> list[str]:
    """``token.text`` of every token, built once per Doc (callers must not change it)."""
    cache = _held(doc).cache
    if cache.words is None:
        cache.words = [t.text for t in doc_tokens(doc)]
    return cache.words


def doc_lowers(doc: Doc) -> list[str]:
    """``token.lower_`` of every token, built once per Doc (callers must not change it)."""
    cache = _held(doc).cache
    if cache.lowers is None:
        cache.lowers = [t.lower_ for t in doc_tokens(doc)]
    return cache.lowers


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` cut from the cached text instead of joined from tokens."""
    if end <= start:
        return ""
    tokens = doc_tokens(doc)
    last = tokens[end - 1]
    return doc_text(doc)[tokens[start].idx : last.idx + len(doc_words(doc)[end - 1])]


T = TypeVar("T")


def from_group(doc: Doc, key: str, name: str, build: Callable[[Any], T]) -> T | None:
    """``build(doc.spans[key])``, computed once per span group; None without the group.

    Iterating a span group builds a new Span per item, so values derived from a group that
    are read per event are cached under ``name``. The cache holds while the same group
    object keeps its length (a group that is replaced or extended is read anew).
    """
    group = doc.spans.get(key)
    if group is None:
        return None
    derived = _held(doc).derived
    hit = derived.get(name)
    if hit is not None and hit[0] is group and hit[1] == len(group):
        return hit[2]
    value = build(group)
    derived[name] = (group, len(group), value)
    return value


def forget(doc: Doc) -> None:
    """Drop the cached values of ``doc`` (before or after a retokenization)."""
    _CACHES.pop(doc, None)
    if _HELD[0].doc is doc:
        _HELD[0] = _Held(None, -1, None)


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
