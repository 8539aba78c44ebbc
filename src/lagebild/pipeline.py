"""Builds the one spaCy ``Language`` that does all of lagebild's text work.

The statistical German core (tagger, morphology, parser, NER, with lagebild's
``lagebild_pos_rules`` and ``lagebild_lemma_lookup``) comes from the pipeline shipped in
``lagebild/models`` or from any installed German spaCy pipeline the user names; lagebild's
own registered components are appended after it:
``lagebild_timex`` → ``lagebild_actors`` → ``lagebild_places`` → ``lagebild_events`` →
``lagebild_event_context``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import doc_ext  # noqa: F401  (registers the extension attributes)

# Importing the component modules registers their factories with spaCy.
from .actors import component as _actors  # noqa: F401
from .errors import ModelError
from .events import component as _events  # noqa: F401
from .events import context_targets as _event_context  # noqa: F401
from .geo import component as _places  # noqa: F401
from .time import component as _timex  # noqa: F401

MODELS_DIR = Path(__file__).parent / "models"
SHIPPED_MODEL = MODELS_DIR / "de_lagebild"
LAGEBILD_COMPONENTS = (
    "lagebild_timex", "lagebild_actors", "lagebild_places", "lagebild_events",
    "lagebild_event_context",
)
_SENTENCE_SETTERS = ("parser", "senter", "sentencizer")


def _load_core(model: str | None) -> Language:
    # The shipped pipeline's config names lagebild's own ``lagebild_lemma_lookup`` factory.
    from . import models as _models  # noqa: F401

    if model is None:
        if (SHIPPED_MODEL / "config.cfg").exists():
            return spacy.load(SHIPPED_MODEL)
        return spacy.blank("de")
    if model == "blank":
        return spacy.blank("de")
    try:
        nlp = spacy.load(model)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy pipeline {model!r}: {exc}") from exc
    if nlp.lang != "de":
        raise ModelError(f"pipeline {model!r} is for language {nlp.lang!r}, lagebild needs 'de'")
    return nlp


def build(
    model: str | None = None,
    *,
    actors: Sequence[str | Path] = (),
    places: Sequence[str | Path] = (),
    lexicon: Sequence[str | Path] = (),
) -> Language:
    """A fresh pipeline: the German core ``model`` plus lagebild's components.

    ``model`` is None for the shipped pipeline, ``"blank"`` for tokenizer-only, or the name
    or path of an installed German spaCy pipeline. ``actors``, ``places`` and ``lexicon``
    are user knowledge files that extend the packaged data.
    """
    nlp = _load_core(model)
    for name in LAGEBILD_COMPONENTS:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    if not any(name in nlp.pipe_names for name in _SENTENCE_SETTERS):
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("lagebild_timex")
    nlp.add_pipe("lagebild_actors", config={"user_files": [str(p) for p in actors]})
    nlp.add_pipe("lagebild_places", config={"user_files": [str(p) for p in places]})
    nlp.add_pipe("lagebild_events", config={"user_files": [str(p) for p in lexicon]})
    nlp.add_pipe("lagebild_event_context", after="lagebild_events")
    return nlp


@lru_cache(maxsize=4)
def _cached(model: str | None, actors: tuple, places: tuple, lexicon: tuple) -> Language:
    return build(model, actors=actors, places=places, lexicon=lexicon)


def load(
    model: str | None = None,
    *,
    actors: Iterable[str | Path] = (),
    places: Iterable[str | Path] = (),
    lexicon: Iterable[str | Path] = (),
) -> Language:
    """The pipeline for these settings, built once per process and then reused."""
    return _cached(
        model,
        tuple(str(p) for p in actors),
        tuple(str(p) for p in places),
        tuple(str(p) for p in lexicon),
    )
