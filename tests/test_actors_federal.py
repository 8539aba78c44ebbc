""""Bundes-" institutions follow the country of an Austrian or Swiss article.

All sentences are written for these tests; they run through the default pipeline.
"""

from __future__ import annotations

import pytest

import lagebild
from lagebild.doc_ext import ENTITY_KEY, MENTION_KEY

CASES = [
    (
        "Austrian article, Austrian adjective",
        "Die österreichische Bundesregierung hat in Wien ein neues Sicherheitspaket beschlossen. "
        "Der Nationalrat soll noch im März darüber abstimmen.",
        {"Bundesregierung": "AUT"},
    ),
    (
        "Austrian article without an adjective next to the word",
        "Bundeskanzler Karl Nehammer hat in Wien den ukrainischen Präsidenten empfangen. "
        "Die Bundesregierung sagte weitere humanitäre Hilfe zu, teilte die ÖVP mit.",
        {"Bundesregierung": "AUT"},
    ),
    (
        "Swiss government",
        "Der Bundesrat hat in Bern neue Sanktionen gegen Russland beschlossen. Die Schweiz "
        "übernimmt damit die Maßnahmen der EU, hieß es im Bundeshaus.",
        {"Bundesrat": "CHE"},
    ),
    (
        "German article stays German",
        "Die Bundesregierung hat in Berlin neue Hilfen für die Ukraine beschlossen. Der "
        "Bundestag soll in der kommenden Woche darüber beraten.",
        {"Bundesregierung": "DEU", "Bundestag": "DEU"},
    ),
    (
        "German article about a visit to Vienna stays German",
        "Die Bundesregierung in Berlin begrüßte das Treffen in Wien. Deutschland und "
        "Österreich wollen enger zusammenarbeiten, sagte ein Sprecher in Berlin.",
        {"Bundesregierung": "DEU"},
    ),
    (
        "the adjective wins over the article's country",
        "In Wien wurde am Montag über die Grenzkontrollen verhandelt. Die deutsche "
        "Bundesregierung lehnte den Vorschlag aus Österreich ab, hieß es im Nationalrat.",
        {"Bundesregierung": "DEU"},
    ),
]


def _actors(nlp, text: str) -> dict[str, str | None]:
    result = lagebild.analyze(text, published="2026-03-18", nlp=nlp)
    return {e.text: e.actor for e in result.entities}


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_federal_institutions_follow_the_article_country(nlp, name, text, expected):
    found = _actors(nlp, text)
    assert {k: found.get(k) for k in expected} == expected


def test_unknown_chancellor_in_an_austrian_article_is_austrian(nlp):
    text = ("Bundeskanzler Franz Mustermann hat in Wien die Opposition zu Gesprächen "
            "eingeladen. Die ÖVP begrüßte den Vorschlag im Nationalrat.")
    doc = nlp(text)
    persons = {e.text: e._.actor for e in doc.spans[ENTITY_KEY]}
    assert persons["Franz Mustermann"] == "AUT"


def test_known_german_chancellor_stays_german_in_an_austrian_article(nlp):
    text = ("Bundeskanzler Olaf Scholz ist am Montag in Wien eingetroffen. Die ÖVP und die "
            "SPÖ wollen im Nationalrat über die österreichische Position beraten.")
    doc = nlp(text)
    persons = {e.text: e._.actor for e in doc.spans[ENTITY_KEY]}
    mentions = {s.text: s._.actor for s in doc.spans[MENTION_KEY]}
    assert persons["Olaf Scholz"] == "DEU"
    assert mentions.get("Bundeskanzler", "DEU") == "DEU"


def test_events_of_a_swiss_government_have_a_swiss_source(nlp):
    text = ("Der Bundesrat hat am Mittwoch in Bern neue Sanktionen gegen Russland verhängt. "
            "Die Schweiz folgt damit der EU.")
    result = lagebild.analyze(text, published="2026-03-18", nlp=nlp)
    sanctions = [e for e in result.events if e.type == "SANCTION"]
    assert sanctions and sanctions[0].source == ("CHE",)
