"""Component ``lagebild_actors``: named mentions mapped to actor codes."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_ext import ENTITY_KEY


class ActorLinker:
    def __init__(self, nlp: Language, name: str, user_files: list[str]) -> None:
        self.name = name
        self.user_files = user_files

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[ENTITY_KEY] = []
        return doc


@Language.factory("lagebild_actors", default_config={"user_files": []})
def make_actors(nlp: Language, name: str, user_files: list[str]) -> ActorLinker:
    return ActorLinker(nlp, name, user_files)
