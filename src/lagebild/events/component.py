"""Component ``lagebild_events``: German clauses coded as PLOVER events.

For every sentence: cut it into clauses, find trigger verbs and event nouns from the lexicon,
read source and target actors from the actor mentions (``doc.spans["lagebild_mentions"]``),
decide the status, link date and place, and finally merge restatements. The result is a list
of :class:`lagebild.records.Event` in ``doc._.events``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_ext import ENTITY_KEY, TIMEX_KEY, doc_tokens
from .coding import code_sentence, planned_by_date, quad_class
from .context import fill_dates, fill_from_context
from .lexicon import Lexicon, load_lexicon
from .merge import Draft, merge_events
from .roles import Mention, adjective_mentions, collect_mentions, joint_bodies, span_tokens
from .sentence import prepare_sentence
from .units import sentence_units

__all__ = ["EventCoder", "make_events", "quad_class", "sentence_units"]


class EventCoder:
    """Finds PLOVER events in a ``Doc`` and stores them in ``doc._.events``."""

    def __init__(
        self, nlp: Language, name: str, user_files: Sequence[str | Path] = (),
        keep_actorless: bool = False,
    ) -> None:
        self.name = name
        self.user_files = list(user_files)
        self.keep_actorless = keep_actorless
        self.lexicon: Lexicon = load_lexicon(self.user_files)

    def __call__(self, doc: Doc) -> Doc:
        # one Token object per word, shared by the passes below: ``doc[i]`` and iterating
        # a doc or span build new ones on every access
        tokens = doc_tokens(doc)
        mentions = collect_mentions(doc)
        parts = {**self.lexicon.topic_prefixes, **self.lexicon.prefixes}
        joint = [m for m in joint_bodies(doc, parts)
                 if not any(o.start < m.end and m.start < o.end for o in mentions)]
        mentions = adjective_mentions(
            doc, self.lexicon, sorted(mentions + joint, key=lambda m: m.start), tokens
        )
        taken = span_tokens(doc, ENTITY_KEY)
        dates = span_tokens(doc, TIMEX_KEY)
        has_parse = doc.has_annotation("DEP")
        covered = {i for m in mentions for i in range(m.start, m.end)}
        drafts: list[Draft] = []
        previous: list[Mention] = []
        for number, unit in enumerate(sentence_units(doc, tokens)):
            sentence = prepare_sentence(
                doc, unit, number, mentions, taken, self.lexicon, previous, dates, has_parse,
                tokens, covered,
            )
            previous = sentence.main_subject or previous
            drafts.extend(code_sentence(sentence, mentions, self.lexicon))
        drafts = fill_dates(fill_from_context(drafts), doc._.published)
        events = [planned_by_date(e, doc._.published) for e in merge_events(drafts)]
        if not self.keep_actorless:
            # an event with neither source nor target says nothing about who did what to whom
            events = [e for e in events if e.source or e.target]
        doc._.events = events
        return doc


@Language.factory(
    "lagebild_events", default_config={"user_files": [], "keep_actorless": False}
)
def make_events(
    nlp: Language, name: str, user_files: list[str], keep_actorless: bool
) -> EventCoder:
    """spaCy factory: ``nlp.add_pipe("lagebild_events", config={"user_files": [...]})``.

    ``keep_actorless`` keeps events for which no source or target actor was found.
    """
    return EventCoder(nlp, name, user_files, keep_actorless)
