"""Component ``lagebild_events``: German clauses coded as PLOVER events."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class EventCoder:
    def __init__(self, nlp: Language, name: str, user_files: list[str]) -> None:
        self.name = name
        self.user_files = user_files

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory("lagebild_events", default_config={"user_files": []})
def make_events(nlp: Language, name: str, user_files: list[str]) -> EventCoder:
    return EventCoder(nlp, name, user_files)
