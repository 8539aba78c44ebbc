"""The trigger lexicon: generated verb forms, noun compounds, user files, clause cutting."""

from __future__ import annotations

import pytest
import spacy

from lagebild.errors import KnowledgeFileError
from lagebild.events.clauses import segment
from lagebild.events.lexicon import load_lexicon


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize(
    ("word", "key", "event_type", "participle"),
    [
        ("zurückgewiesen", "zurück|weisen", "REJECT", True),
        ("zurückzuweisen", "zurück|weisen", "REJECT", False),
        ("vorgeworfen", "vor|werfen", "ACCUSE", True),
        ("telefonierte", "telefonieren", "CONSULT", True),  # also "die telefonierte Zusage"
        ("getroffen", "treffen", "CONSULT", True),
        ("unterzeichnen", "unterzeichnen", "AGREE", False),
        ("angeprangert", "an|prangern", "ACCUSE", True),
        ("aufzuerlegen", "auf|erlegen", "SANCTION", False),
        ("verurteilt", "verurteilen", "ACCUSE", True),
        ("festgenommen", "fest|nehmen", "COERCE", True),
    ],
)
def test_verb_forms(lexicon, word, key, event_type, participle):
    found = {(e.key, e.type) for e, _ in lexicon.verb_candidates(word, None)}
    assert (key, event_type) in found
    assert (word in lexicon.participles) is participle


@pytest.mark.parametrize(
    ("word", "event_type"),
    [
        ("Truppenaufmarsch", "MOBILIZE"),
        ("Angriffskrieges", "ASSAULT"),
        ("G20-Gipfel", "CONSULT"),
        ("Beitrittsgesprächen", "CONSULT"),
        ("Wirtschaftssanktionen", "SANCTION"),
        ("Protest", "PROTEST"),
        ("Cyberangriff", "COERCE"),
        ("Waffenlieferungen", "AID"),
    ],
)
def test_noun_compounds(lexicon, word, event_type):
    assert [e.type for e in lexicon.noun_candidates(word.lower())][:1] == [event_type]


@pytest.mark.parametrize("word", ["kriegswirtschaft", "tagesordnung", "haus"])
def test_non_event_nouns(lexicon, word):
    assert lexicon.noun_candidates(word) == []


@pytest.mark.parametrize(("adjective", "code"), [("russischen", "RUS"), ("Westlichen", None),
                                                  ("nordkoreanischer", "PRK"), ("rot", None)])
def test_demonym_adjectives(lexicon, adjective, code):
    assert lexicon.adjective_actor(adjective) == code


def test_user_file_replaces_and_removes(tmp_path):
    path = tmp_path / "user.yml"
    path.write_text(
        "verbs:\n  - {verb: drohen, remove: true}\n"
        "nouns:\n  - {noun: Sitzblockade, type: PROTEST}\n"
        "adjectives:\n  kosovarisch: XKX\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon([path])
    assert "drohen" not in {e.key for e, _ in lexicon.verb_candidates("droht", None)}
    assert [e.type for e in lexicon.noun_candidates("sitzblockade")] == ["PROTEST"]
    assert lexicon.adjective_actor("kosovarischen") == "XKX"


@pytest.mark.parametrize(
    "content",
    ["verbs:\n  - {verb: treffen, type: MEET}\n", "verbs: [1, 2\n", "- just a list\n"],
)
def test_bad_user_file(tmp_path, content):
    path = tmp_path / "bad.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeFileError) as info:
        load_lexicon([path])
    assert info.value.code == "E110"


def test_missing_user_file(tmp_path):
    with pytest.raises(KnowledgeFileError):
        load_lexicon([tmp_path / "nope.yml"])


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Moskau dementiert die Pläne, weist Kritik zurück und wirft Kiew Provokationen vor.",
         ["main", "main", "main"]),
        ("Es wird beraten, ob die Nato reagiert.", ["main", "sub:ob"]),
        ("Er warnte davor, Sanktionen zu verhängen.", ["main", "zu"]),
        ("Die Forderungen, die Russland vorlegte, wurden abgelehnt.", ["main", "rel", "main"]),
        ("Die Minister Russlands, Frankreichs und Deutschlands trafen sich in Wien.", ["main"]),
    ],
)
def test_clause_kinds(lexicon, text, kinds):
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    sent = next(nlp(text).sents)
    assert [c.kind for c in segment(sent, lexicon)] == kinds
