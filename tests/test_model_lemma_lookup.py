"""``lagebild_lemma_lookup``: table lemmas for nouns and verbs only, stored with the model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import lagebild.models  # noqa: F401  (registers the factory)

TABLE = {"Gläser": "Glas", "gefielen": "gefallen", "es": "ich", "Kiel": "Kiel", "liefen": "laufen"}


def _pipeline():
    nlp = spacy.blank("de")
    component = nlp.add_pipe("lagebild_lemma_lookup", name="lemma_lookup")
    component.initialize(table=TABLE)
    return nlp


def _doc(nlp, words, pos, lemmas):
    return Doc(nlp.vocab, words=words, pos=pos, lemmas=lemmas)


@pytest.mark.parametrize(
    ("word", "pos", "before", "after"),
    [
        ("Gläser", "NOUN", "Gläser", "Glas"),  # irregular plural fixed
        ("gefielen", "VERB", "gefielen", "gefallen"),  # strong verb fixed
        ("es", "PRON", "es", "es"),  # function words keep the lemmatizer's lemma
        ("liefen", "ADJ", "liefen", "liefen"),  # POS outside NOUN/VERB: untouched
        ("Häuser", "NOUN", "Haus", "Haus"),  # form not in the table: untouched
    ],
)
def test_lookup_applies_to_nouns_and_verbs_only(word, pos, before, after):
    nlp = _pipeline()
    doc = nlp.get_pipe("lemma_lookup")(_doc(nlp, [word], [pos], [before]))
    assert doc[0].lemma_ == after


def test_identity_and_function_word_entries_are_not_stored():
    table = _pipeline().get_pipe("lemma_lookup").table
    assert "Kiel" not in table  # identity
    assert "es" not in table  # lemma without -n and lower-case form: not a noun/verb entry
    assert table["Gläser"] == "Glas"


def test_table_round_trips_through_disk(tmp_path):
    nlp = _pipeline()
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    doc = loaded.get_pipe("lemma_lookup")(
        _doc(loaded, ["Die", "Gläser"], ["DET", "NOUN"], ["der", "Gläser"])
    )
    assert [t.lemma_ for t in doc] == ["der", "Glas"]


def test_training_tables_take_precedence_in_order():
    nlp = _pipeline()
    component = nlp.get_pipe("lemma_lookup")
    component.set_rules([
        {"PPER\tuns": "wir", "NE\tSPD": "SPD"},  # gold, keyed by STTS tag
        {"NOUN\tGläser": "Glas-gold"},  # gold, keyed by UPOS
        {"NN\tWochenende": "Wochenende"},  # silver, keyed by STTS tag
    ])
    doc = Doc(nlp.vocab, words=["Uns", "uns", "SPD", "Gläser", "Wochenende", "liefen"],
              tags=["PPER", "PPER", "NE", "NN", "NN", "VVFIN"],
              pos=["PRON", "PRON", "PROPN", "NOUN", "NOUN", "VERB"],
              lemmas=["uns", "uns", "Spd", "Gläser", "Wochenend", "liefen"])
    doc = component(doc)
    # Case-sensitive forms: sentence-initial "Uns" is not in the table.
    assert [t.lemma_ for t in doc] == ["uns", "wir", "SPD", "Glas-gold", "Wochenende", "laufen"]


def test_rules_tables_round_trip_through_disk(tmp_path):
    nlp = _pipeline()
    nlp.get_pipe("lemma_lookup").set_rules([{"PPER\tuns": "wir"}])
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    doc = loaded.get_pipe("lemma_lookup")(
        Doc(loaded.vocab, words=["uns"], tags=["PPER"], pos=["PRON"], lemmas=["uns"]))
    assert doc[0].lemma_ == "wir"


def test_unknown_compound_noun_takes_the_lemma_of_its_known_head():
    nlp = _pipeline()  # "Gläser" -> "Glas" is a known noun form
    component = nlp.get_pipe("lemma_lookup")
    component.set_rules([{"NN\tKetten": "Kette"}])
    doc = Doc(nlp.vocab, words=["Die", "Dünenketten", "und", "Weingläser", "Ketten", "Eis"],
              tags=["ART", "NN", "KON", "NN", "NN", "NN"],
              pos=["DET", "NOUN", "CCONJ", "NOUN", "NOUN", "NOUN"],
              lemmas=["der", "Dünenkett", "und", "Weinglä", "Kett", "Eis"])
    doc = component(doc)
    # Compounds get prefix + head lemma; a head too short (< 5 characters) is not used.
    assert [t.lemma_ for t in doc] == ["der", "Dünenkette", "und", "Weinglas", "Kette", "Eis"]


def test_covered_marks_the_tokens_a_table_lemmatizes():
    nlp = _pipeline()
    component = nlp.get_pipe("lemma_lookup")
    component.set_rules([{"PPER\tuns": "wir"}])
    doc = Doc(nlp.vocab, words=["Uns", "gefielen", "die", "Gläser", "und", "Weingläser"],
              tags=["PPER", "VVFIN", "ART", "NN", "KON", "NN"],
              pos=["PRON", "VERB", "DET", "NOUN", "CCONJ", "NOUN"])
    # Case-sensitive keys; the compound (head lemma only) does not count as covered.
    assert component.covered(doc).tolist() == [False, True, False, True, False, False]
    assert component.covered(Doc(nlp.vocab, words=[])).tolist() == []


def test_edit_trees_must_name_an_earlier_lemmatizer():
    nlp = spacy.blank("de")
    with pytest.raises(ValueError, match="no component"):
        nlp.add_pipe("lagebild_lemma_lookup", config={"edit_trees": "lemmatizer"})
    nlp.add_pipe("sentencizer", name="lemmatizer")
    with pytest.raises(ValueError, match="not an edit-tree lemmatizer"):
        nlp.add_pipe("lagebild_lemma_lookup", config={"edit_trees": "lemmatizer"})
