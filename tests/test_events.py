"""The event coder on hand-made docs: a blank German pipeline whose actor mentions, places and
dates are set by hand, so these tests check the coder alone (types, roles, status, date,
place, merging). All sentences are written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from lagebild import doc_ext
from lagebild.events.component import EventCoder, quad_class
from lagebild.records import Geo

ACTORS = {
    "Russland": "RUS", "Russlands": "RUS", "Moskau": "RUS", "Kreml": "RUS", "Putin": "RUS",
    "Ukraine": "UKR", "Kiew": "UKR", "Selenskyj": "UKR",
    "Nato": "NATO", "EU": "EU", "USA": "USA", "Biden": "USA", "Washington": "USA",
    "China": "CHN", "Chinas": "CHN", "Peking": "CHN",
    "Frankreich": "FRA", "Macron": "FRA", "Deutschland": "DEU", "Scholz": "DEU",
    "Serbien": "SRB", "Kosovo": "XKX", "Japan": "JPN", "Japans": "JPN", "Nordkorea": "PRK",
    "Westen": "WST", "Hamas": "HAMAS", "Israel": "ISR",
}
PLACES = {"Genf": Geo(46.2, 6.14, "CHE"), "Paris": Geo(48.86, 2.35, "FRA"),
          "Belgrad": Geo(44.8, 20.46, "SRB"), "Ukraine": Geo(49.0, 32.0, "UKR"),
          "Brüssel": Geo(50.85, 4.35, "BEL")}
COUNTRIES = {"Ukraine", "Russland", "China", "Frankreich", "Deutschland", "Serbien", "Kosovo",
             "Japan", "Nordkorea", "Israel"}


@pytest.fixture(scope="module")
def coder_nlp():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    # keep_actorless: the table also checks status on sentences that name no actor
    return nlp, EventCoder(nlp, "lagebild_events", [], keep_actorless=True)


def hand_doc(nlp, text: str, published: str | None, timex: dict[str, str]) -> Doc:
    """A doc with mentions for the names in ACTORS, LOC entities for places, given dates."""
    doc = nlp(text)
    doc._.published = published
    mentions, entities, dates = [], [], []
    for token in doc:
        span = doc[token.i : token.i + 1]
        if token.text in ACTORS:
            span._.actor = ACTORS[token.text]
            mentions.append(span)
        if token.text in PLACES or token.text in COUNTRIES:
            place = doc[token.i : token.i + 1]
            place.label_ = "LOC"
            place._.name = token.text
            place._.geo = PLACES.get(token.text)
            place._.actor = ACTORS.get(token.text)
            entities.append(place)
    for token in doc:
        if "-" in token.text and token.text.endswith(("Rat", "Gipfel")):
            body = doc[token.i : token.i + 1]
            body.label_ = "ORG"
            entities.append(body)  # a joint body without one actor code
    for phrase, value in timex.items():
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), label="DATE")
        span._.value = value
        dates.append(span)
    doc.spans[doc_ext.MENTION_KEY] = mentions
    doc.spans[doc_ext.ENTITY_KEY] = entities
    doc.spans[doc_ext.TIMEX_KEY] = dates
    return doc


def code(coder_nlp, text: str, published: str | None = "2023-03-06", timex=None):
    nlp, coder = coder_nlp
    return coder(hand_doc(nlp, text, published, timex or {}))._.events


def summary(event) -> tuple:
    return (event.type, set(event.source), set(event.target), event.status)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russland weist die Vorwürfe der Ukraine entschieden zurück.",
         ("REJECT", {"RUS"}, {"UKR"}, "occurred")),
        ("Scholz telefonierte am Dienstag mit Selenskyj.",
         ("CONSULT", {"DEU"}, {"UKR"}, "occurred")),
        ("Die Forderungen wurden von Frankreich zurückgewiesen.",
         ("REJECT", {"FRA"}, set(), "occurred")),
        ("Der Einmarsch Russlands in die Ukraine hat Europa verändert.",
         ("ASSAULT", {"RUS"}, {"UKR"}, "occurred")),
        ("Moskau droht Kiew mit harten Konsequenzen.",
         ("THREATEN", {"RUS"}, {"UKR"}, "occurred")),
        ("Die EU hat neue Sanktionen gegen Russland verhängt.",
         ("SANCTION", {"EU"}, {"RUS"}, "occurred")),
        ("Die Nato schließt ein militärisches Eingreifen weiterhin aus.",
         ("REJECT", {"NATO"}, set(), "occurred")),
        ("Falls Russland die Ukraine angreift, will die EU reagieren.",
         ("ASSAULT", {"RUS"}, {"UKR"}, "hypothetical")),
        ("Die Ukraine habe Truppen an die Grenze verlegt, erklärte der Kreml.",
         ("MOBILIZE", {"UKR"}, set(), "claimed")),
        ("Biden und Macron trafen sich am Montag in Paris.",
         ("CONSULT", {"USA", "FRA"}, set(), "occurred")),
        ("Deutschland hat der Ukraine bisher keine Kampfjets geliefert.",
         ("AID", {"DEU"}, {"UKR"}, "negated")),
        ("Scholz wird kommende Woche nach China reisen.",
         ("CONSULT", {"DEU"}, {"CHN"}, "planned")),
        ("Ein Treffen zwischen Putin und Selenskyj sei möglich.",
         ("CONSULT", {"RUS", "UKR"}, set(), "hypothetical")),
        ("Der russische Angriff auf Kiew wurde scharf kritisiert.",
         ("ASSAULT", {"RUS"}, {"UKR"}, "occurred")),
        ("Moskau dementiert die Berichte, wirft Kiew aber Provokationen vor.",
         ("ACCUSE", {"RUS"}, {"UKR"}, "occurred")),
        ("Serbien und das Kosovo haben sich auf einen Gefangenenaustausch geeinigt.",
         ("AGREE", {"SRB", "XKX"}, set(), "occurred")),
        ("Nach nordkoreanischen Angaben wurde eine neue Rakete getestet.",
         ("MOBILIZE", set(), set(), "claimed")),
        ("Nach Angaben der Polizei wurden in Belgrad zwei Demonstranten festgenommen.",
         ("COERCE", set(), set(), "occurred")),
        ("Peking hat den Test als Provokation bezeichnet.",
         ("ACCUSE", {"CHN"}, set(), "occurred")),
        ("Scholz hat zusammen mit Macron die russischen Angriffe auf Kiew verurteilt.",
         ("ACCUSE", {"DEU", "FRA"}, {"RUS"}, "occurred")),
        ("Russland spricht von einem vom Westen gesteuerten Umsturz.",
         ("ACCUSE", {"RUS"}, {"WST"}, "occurred")),
        ("Die Außenminister aus Serbien und dem Kosovo sprachen in Brüssel über die Lage.",
         ("CONSULT", {"SRB", "XKX"}, set(), "occurred")),
        ("Der Nato-Russland-Rat kam am Mittwoch zusammen.",
         ("CONSULT", {"NATO", "RUS"}, set(), "occurred")),
        ("Die Forderungen an die Nato, die Moskau vorlegte, wurden von Frankreich abgelehnt.",
         ("REJECT", {"FRA"}, set(), "occurred")),
        # a modal with a perfect infinitive reports an allegation
        ("Russland soll die Ukraine mit Drohnen angegriffen haben.",
         ("ASSAULT", {"RUS"}, {"UKR"}, "claimed")),
        # lifting sanctions is a concession, not a sanction
        ("Die USA heben die Sanktionen gegen Serbien auf.",
         ("CONCEDE", {"USA"}, {"SRB"}, "occurred")),
    ],
)
def test_event_table(coder_nlp, text, expected):
    events = code(coder_nlp, text)
    assert expected in [summary(e) for e in events], [summary(e) for e in events]


@pytest.mark.parametrize(
    ("text", "absent_type"),
    [
        # gold rule 3: the content of a warning or demand is not a second event
        ("Peking warnte Washington davor, Sanktionen gegen chinesische Firmen zu verhängen.",
         "SANCTION"),
        ("Die Ukraine forderte die Nato auf, mehr Waffen zu liefern.", "AID"),
        # statements alone are not events
        ("Der Sprecher teilte am Montag mit, die Lage sei ruhig.", "CONSULT"),
        # an attributive participle is not a predicate
        ("Russland spricht von einem vom Westen unterstützten Umsturz.", "SUPPORT"),
        # an election campaign is no fighting, a lifted sanction no sanction
        ("Biden kritisierte Trump im Wahlkampf scharf.", "ASSAULT"),
        ("Die USA heben die Sanktionen gegen Serbien auf.", "SANCTION"),
    ],
)
def test_no_event_for_content_or_statement(coder_nlp, text, absent_type):
    assert absent_type not in [e.type for e in code(coder_nlp, text)]


@pytest.mark.parametrize(
    ("text", "published", "timex", "date", "status"),
    [
        ("Die Außenminister der USA und Chinas wollen sich am Freitag in Genf treffen.",
         "2023-03-06", {"Freitag": "2023-03-10"}, "2023-03-10", "planned"),
        ("Am Dienstag hatte Biden mit Putin telefoniert.",
         "2023-03-06", {"Dienstag": "2023-02-28"}, "2023-02-28", "occurred"),
        ("Die Sanktionen der EU gegen Russland traten am Abend in Kraft.",
         "2023-03-06", {"Abend": "2023-03-06TEV"}, "2023-03-06", "occurred"),
    ],
)
def test_date_and_status(coder_nlp, text, published, timex, date, status):
    events = code(coder_nlp, text, published, timex)
    assert events, "no event found"
    assert (events[0].date, events[0].status) == (date, status)


@pytest.mark.parametrize(
    ("text", "place", "mode"),
    [
        ("Die Außenminister der USA und Chinas wollen sich am Freitag in Genf treffen.",
         "Genf", "third-party"),
        ("Scholz telefonierte am Dienstag mit Selenskyj.", None, "phone"),
        ("Macron reiste am Montag zu einem Besuch in die Ukraine.", "Ukraine", "visit"),
    ],
)
def test_place_and_mode(coder_nlp, text, place, mode):
    consult = [e for e in code(coder_nlp, text) if e.type == "CONSULT"]
    assert [(e.place, e.mode) for e in consult] == [(place, mode)]


def test_aid_modes_split(coder_nlp):
    text = "Die USA kündigten militärische und humanitäre Hilfe für die Ukraine an."
    events = code(coder_nlp, text)
    aid = sorted((e.mode, e.status, e.target) for e in events if e.type == "AID")
    assert aid == [("humanitarian", "planned", ("UKR",)), ("military", "planned", ("UKR",))]


def test_restatements_are_merged(coder_nlp):
    text = ("Russland hat die Halbinsel annektiert. Die Annexion durch Russland wurde vom Westen "
            "verurteilt.")
    events = code(coder_nlp, text)
    assert [e.type for e in events].count("COERCE") == 1
    assert ("ACCUSE", {"WST"}, {"RUS"}, "occurred") in [summary(e) for e in events]


def test_two_speech_acts_in_one_sentence_stay_two(coder_nlp):
    events = code(coder_nlp, "Moskau dementiert die Angriffspläne und weist jede Kritik zurück.")
    assert [e.type for e in events] == ["REJECT", "REJECT"]


def test_offsets_point_into_text(coder_nlp):
    text = "Am Dienstag hatte Biden mit Putin telefoniert."
    event = code(coder_nlp, text)[0]
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text == "telefoniert"
    assert text[event.evidence.start : event.evidence.end] == text[:-1]


def test_coding_fields(coder_nlp):
    event = code(coder_nlp, "Die EU hat neue Sanktionen gegen Russland verhängt.")[0]
    assert (event.cameo, event.quad_class, event.goldstein) == ("16", 4, -4.0)
    assert 0 < event.confidence < 1


@pytest.mark.parametrize(
    ("cameo", "quad"), [("04", 1), ("07", 2), ("12", 3), ("18", 4), (None, None)]
)
def test_quad_class(cameo, quad):
    assert quad_class(cameo) == quad


def test_empty_doc(coder_nlp):
    assert code(coder_nlp, "") == []


def test_user_lexicon_file(tmp_path):
    lexicon = tmp_path / "mine.yml"
    lexicon.write_text(
        "verbs:\n  - {verb: 'an|prangern', type: PROTEST}\n"
        "nouns:\n  - {noun: Mahnwache, type: PROTEST}\n",
        encoding="utf-8",
    )
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    coder = EventCoder(nlp, "lagebild_events", [str(lexicon)], keep_actorless=True)
    doc = coder(hand_doc(nlp, "Vor der Botschaft in Belgrad gab es eine Mahnwache.", None, {}))
    assert [e.type for e in doc._.events] == ["PROTEST"]
    doc = coder(hand_doc(nlp, "Kiew prangerte das Vorgehen an.", None, {}))
    assert [e.type for e in doc._.events] == ["PROTEST"]


def test_actorless_events_dropped_by_default():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    coder = EventCoder(nlp, "lagebild_events", [])
    text = "Nach Angaben der Polizei wurden zwei Demonstranten festgenommen. Moskau droht Kiew."
    assert [e.type for e in coder(hand_doc(nlp, text, None, {}))._.events] == ["THREATEN"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unresolved "er" continues the subject of the sentence before
        ("Biden landete am Morgen. Später traf er Putin.", ("CONSULT", {"USA"}, {"RUS"})),
        # a quote's own subject does not become the narrator
        ("Biden traf Macron. «Russland und China arbeiten zusammen», sagte er. Danach "
         "telefonierte er mit Scholz.", ("CONSULT", {"USA"}, {"DEU"})),
        # a reaction aimed at an event targets that event's actor
        ("Nordkorea hat eine Rakete getestet. Japan reagierte auf den Raketentest mit einem "
         "eigenen Manöver.", ("MOBILIZE", {"JPN"}, {"PRK"})),
    ],
)
def test_roles_from_context(coder_nlp, text, expected):
    events = code(coder_nlp, text)
    assert expected in [(e.type, set(e.source), set(e.target)) for e in events]


@pytest.mark.parametrize(
    ("text", "timex", "trigger", "date"),
    [
        # "Dabei" places the threat at the time of the call
        ("Am Dienstag telefonierte Biden mit Putin. Dabei drohte er mit Sanktionen.",
         {"Dienstag": "2023-02-28"}, "drohte", "2023-02-28"),
        # a same-day reaction in simple past takes the day of the story
        ("Russland hat am Montag die Ukraine angegriffen. Frankreich verurteilte den Angriff.",
         {"Montag": "2023-03-06"}, "verurteilte", "2023-03-06"),
        # pluperfect background keeps no date
        ("Russland hat am Montag die Ukraine angegriffen. Frankreich hatte Kiew unterstützt.",
         {"Montag": "2023-03-06"}, "unterstützt", None),
    ],
)
def test_dates_from_the_narrative(coder_nlp, text, timex, trigger, date):
    events = code(coder_nlp, text, "2023-03-06", timex)
    assert [e.date for e in events if e.trigger.text == trigger] == [date]


def test_later_date_makes_planned(coder_nlp):
    events = code(coder_nlp, "Macron reist am Freitag nach China.", "2023-03-06",
                  {"Freitag": "2023-03-10"})
    assert [(e.type, e.status, e.date) for e in events] == [("CONSULT", "planned", "2023-03-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # summits of two organisations with a guest are two summits
        ("Biden hatte an Spitzentreffen der Nato und der EU in Brüssel teilgenommen.",
         [("CONSULT", {"USA", "NATO"}, set()), ("CONSULT", {"USA", "EU"}, set())]),
        # an answer is aimed at whom it answers
        ("Die Nato will mit einer Verstärkung ihrer Truppen auf Russlands Vorgehen reagieren.",
         [("MOBILIZE", {"NATO"}, {"RUS"})]),
        # the same actor's dealings continue with the same party
        ("Die Nato sicherte der Ukraine Unterstützung zu. Zudem liefert die Nato Munition.",
         [("SUPPORT", {"NATO"}, {"UKR"}), ("AID", {"NATO"}, {"UKR"})]),
    ],
)
def test_participants_across_phrases(coder_nlp, text, expected):
    events = code(coder_nlp, text)
    assert [(e.type, set(e.source), set(e.target)) for e in events] == expected
