"""Component ``lagebild_timex``: German temporal expressions resolved to TIMEX3 values."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_ext import TIMEX_KEY


class TimexTagger:
    """Finds temporal expressions and writes them to ``doc.spans["lagebild_timex"]``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[TIMEX_KEY] = []
        return doc


@Language.factory("lagebild_timex")
def make_timex(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger(nlp, name)
