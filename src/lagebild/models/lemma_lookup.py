"""``lemma_lookup``: a POS-aware lookup that corrects the statistical lemmatizer.

The edit-tree lemmatizer learns lemmatization rules from only ~8k sentences and misses
irregular forms (``Gläser`` → ``Glas``, ``gefiel`` → ``gefallen``).  spaCy's German lemma
table (spacy-lookups-data, MIT) knows these forms but, keyed by form alone, is wrong for
function words (``es`` → ``ich``).  This component applies the table only to tokens whose
predicted POS is in ``pos`` (nouns and verbs), after the lemmatizer.  The table is stored
inside the model directory, so nothing is loaded from elsewhere at run time.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

TABLE_FILE = "table.json.gz"
DEFAULT_POS = ("NOUN", "VERB")


class LemmaLookup:
    """Overwrite ``token.lemma_`` from a form → lemma table for tokens of the given POS."""

    def __init__(self, name: str, pos: Iterable[str]) -> None:
        self.name = name
        self.pos = frozenset(pos)
        self.table: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        for token in doc:
            if token.pos_ in self.pos:
                lemma = table.get(token.text)
                if lemma is not None:
                    token.lemma_ = lemma
        return doc

    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   table: dict[str, str] | None = None) -> None:
        """Load the table: ``table`` if given, else spacy-lookups-data's ``de_lemma_lookup``."""
        if table is None:
            import spacy_lookups_data

            path = Path(spacy_lookups_data.__file__).parent / "data" / "de_lemma_lookup.json.gz"
            with gzip.open(path, "rt", encoding="utf8") as fh:
                table = json.load(fh)
        # Only noun forms (capitalised) and verb forms (lemma ends in -n) can be used, and
        # identity entries change nothing: the rest is left out of the stored table.
        self.table = {
            form: lemma
            for form, lemma in table.items()
            if form != lemma and form and (form[0].isupper() or lemma.endswith("n"))
        }

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_gzip_json(path / TABLE_FILE, self.table)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LemmaLookup:
        self.table = srsly.read_gzip_json(Path(path) / TABLE_FILE)
        return self


@Language.factory("lagebild_lemma_lookup", default_config={"pos": list(DEFAULT_POS)})
def make_lemma_lookup(nlp: Language, name: str, pos: list[str]) -> LemmaLookup:
    """Factory for :class:`LemmaLookup` (component name ``lemma_lookup``)."""
    return LemmaLookup(name, pos)
