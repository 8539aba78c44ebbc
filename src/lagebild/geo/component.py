"""Component ``lagebild_places``: place mentions geocoded with the shipped gazetteer."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class PlaceResolver:
    def __init__(self, nlp: Language, name: str, user_files: list[str]) -> None:
        self.name = name
        self.user_files = user_files

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("lagebild_places", default_config={"user_files": []})
def make_places(nlp: Language, name: str, user_files: list[str]) -> PlaceResolver:
    return PlaceResolver(nlp, name, user_files)
