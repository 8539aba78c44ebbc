"""``lagebild_pos_rules``: UPOS from the parser's aux/cop labels, tag/form tables, tag checks."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import lagebild.models  # noqa: F401  (registers the factory)

RULES = {
    "aux_deps": ["aux", "aux:pass", "cop"],
    "tag_pos": {"VAFIN": "VERB", "ADJD": "ADJ"},
    "form_pos": {"ADV\tda": "SCONJ"},
    "checked": {"VVFIN": ["VERB", "VERB"], "NN": ["NOUN", "PROPN", "NOUN"]},
}


def _pipeline(rules=RULES):
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_pos_rules", name="pos_rules").set_rules(rules)
    return nlp


def _pos(nlp, words, tags, pos, deps):
    heads = list(range(len(words)))  # structure is irrelevant here; labels are read
    doc = Doc(nlp.vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads)
    return [t.pos_ for t in nlp.get_pipe("pos_rules")(doc)]


def test_auxiliary_and_main_verb_haben():
    nlp = _pipeline()
    # "hat" heads the clause (main verb, VERB); "hat" attached as aux is AUX.
    assert _pos(nlp, ["Die", "Stadt", "hat", "einen", "Hafen", "."],
                ["ART", "NN", "VAFIN", "ART", "NN", "$."],
                ["DET", "NOUN", "AUX", "DET", "NOUN", "PUNCT"],
                ["det", "nsubj", "ROOT", "det", "obj", "punct"])[2] == "VERB"
    assert _pos(nlp, ["Der", "Rat", "hat", "abgestimmt", "."],
                ["ART", "NN", "VAFIN", "VVPP", "$."],
                ["DET", "NOUN", "VERB", "VERB", "PUNCT"],
                ["det", "nsubj", "aux", "ROOT", "punct"])[2] == "AUX"


def test_copula_is_aux_and_predicative_adjective_is_adj():
    nlp = _pipeline()
    assert _pos(nlp, ["Die", "Lage", "ist", "ruhig", "."],
                ["ART", "NN", "VAFIN", "ADJD", "$."],
                ["DET", "NOUN", "VERB", "ADV", "PUNCT"],
                ["det", "nsubj", "cop", "ROOT", "punct"]) == ["DET", "NOUN", "AUX", "ADJ", "PUNCT"]


def test_form_table_beats_tag_and_checks_keep_accepted_readings():
    nlp = _pipeline()
    assert _pos(nlp, ["da", "Berlin", "wartet", "Hilfe"],
                ["ADV", "NN", "VVFIN", "NN"],
                ["ADV", "PROPN", "NOUN", "VERB"],
                ["mark", "nsubj", "ROOT", "obj"]) == ["SCONJ", "PROPN", "VERB", "NOUN"]


def test_empty_tables_change_nothing_outside_the_checks():
    nlp = _pipeline({"aux_deps": [], "checked": {}})
    assert _pos(nlp, ["Sie", "sind", "da"], ["PPER", "VAFIN", "ADV"],
                ["PRON", "VERB", "ADV"], ["nsubj", "ROOT", "advmod"]) == ["PRON", "VERB", "ADV"]


def test_rules_round_trip_through_disk(tmp_path):
    _pipeline().to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    assert loaded.get_pipe("pos_rules").rules == {**RULES, "tag_pos_ent": {}}


def test_tag_rules_differ_inside_and_outside_entities():
    nlp = _pipeline({"tag_pos": {"NN": "NOUN"}, "tag_pos_ent": {"NE": "PROPN"}})
    doc = Doc(nlp.vocab, words=["Die", "Deutsche", "Bahn", "streikt", "in", "Bayern"],
              tags=["ART", "ADJA", "NN", "VVFIN", "APPR", "NE"],
              pos=["DET", "ADJ", "PROPN", "VERB", "ADP", "NOUN"],
              ents=["O", "B-ORG", "I-ORG", "O", "O", "B-LOC"])
    pos = [t.pos_ for t in nlp.get_pipe("pos_rules")(doc)]
    # "Bahn" inside the ORG keeps the morphologizer's PROPN; "Bayern" inside LOC → PROPN.
    assert pos == ["DET", "ADJ", "PROPN", "VERB", "ADP", "PROPN"]
    plain = Doc(nlp.vocab, words=["Die", "Bahn", "streikt"], tags=["ART", "NN", "VVFIN"],
                pos=["DET", "PROPN", "VERB"])
    assert [t.pos_ for t in nlp.get_pipe("pos_rules")(plain)][1] == "NOUN"


def test_participle_mistagged_as_adjective_under_haben_becomes_a_verb():
    nlp = _pipeline()
    words = ["Die", "Regierung", "hatte", "lange", "gezögert", "."]
    deps = ["det", "nsubj", "aux", "advmod", "ROOT", "punct"]
    heads = [1, 4, 4, 4, 4, 4]
    doc = Doc(nlp.vocab, words=words, tags=["ART", "NN", "VAFIN", "ADV", "ADJD", "$."],
              pos=["DET", "NOUN", "AUX", "ADV", "ADJ", "PUNCT"], deps=deps, heads=heads)
    doc = nlp.get_pipe("pos_rules")(doc)
    assert (doc[4].tag_, doc[4].pos_) == ("VVPP", "VERB")
    # with "sein" the adjective stays: "Die Lage ist ruhig" is a copula, not a perfect
    doc = Doc(nlp.vocab, words=["Die", "Lage", "ist", "ruhig", "."],
              tags=["ART", "NN", "VAFIN", "ADJD", "$."],
              pos=["DET", "NOUN", "AUX", "ADJ", "PUNCT"],
              deps=["det", "nsubj", "cop", "ROOT", "punct"], heads=[1, 3, 3, 3, 3])
    doc = nlp.get_pipe("pos_rules")(doc)
    assert (doc[3].tag_, doc[3].pos_) == ("ADJD", "ADJ")
