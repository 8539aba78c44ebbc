"""``lagebild_event_context``: missing targets filled in from the article context.

Unit tests build a blank German doc with hand-set actor mentions and events, so each signal
(reply, dyad, nearby) is checked on its own; the last tests run the full default pipeline.
All sentences are written for these tests.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc

from lagebild.analysis import make_doc
from lagebild.doc_ext import MENTION_KEY
from lagebild.events.context_targets import (
    CONTEXT_KEY,
    EventContext,
    dominant_dyad,
    fill_targets,
    needs_target,
)
from lagebild.records import Article, Event, Offsets, Trigger


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp


def make(nlp, text: str, mentions: list[tuple[str, str, str]]) -> Doc:
    """A doc of ``text`` with actor mentions ``(surface, code, label)``, found left to right."""
    doc = nlp(text)
    spans, start = [], 0
    for surface, code, label in mentions:
        begin = re.search(rf"\b{re.escape(surface)}\b", text[start:]).start() + start
        span = doc.char_span(begin, begin + len(surface), label=label)
        span._.actor = code
        spans.append(span)
        start = begin + len(surface)
    doc.spans[MENTION_KEY] = spans
    return doc


def event(doc: Doc, kind: str, trigger: str, source: tuple, target: tuple = (),
          occurrence: int = 0, mode: str | None = None) -> Event:
    """An event whose trigger is the ``occurrence``-th ``trigger`` and whose evidence is the
    trigger's sentence."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(trigger, start + 1)
    sentence = doc.char_span(start, start + len(trigger), alignment_mode="expand").sent
    return Event(type=kind, source=source, target=target, mode=mode,
                 trigger=Trigger(trigger, start, start + len(trigger)),
                 evidence=Offsets(sentence.start_char, sentence.end_char), confidence=0.5)


TURKEY = ("Russland wirft der Türkei Verrat vor. Russland beschuldigt Ankara erneut. "
          "Die Nato berät in Brüssel. Moskau droht nun mit Konsequenzen.")


def turkey_doc(blank) -> Doc:
    doc = make(blank, TURKEY, [
        ("Russland", "RUS", "LOC"), ("Türkei", "TUR", "LOC"), ("Russland", "RUS", "LOC"),
        ("Ankara", "TUR", "LOC"), ("Nato", "NATO", "ORG"), ("Moskau", "RUS", "LOC"),
    ])
    doc._.events = [
        event(doc, "ACCUSE", "wirft", ("RUS",), ("TUR",)),
        event(doc, "ACCUSE", "beschuldigt", ("RUS",), ("TUR",)),
        event(doc, "CONSULT", "berät", ("NATO",), mode="multilateral"),
        event(doc, "THREATEN", "droht", ("RUS",)),
    ]
    return doc


def test_dyad_gives_the_other_side_and_points_at_its_latest_name(blank):
    doc = EventContext(None, "ctx")(turkey_doc(blank))
    threat = doc._.events[3]
    assert threat.target == ("TUR",)
    assert threat.confidence == pytest.approx(0.4)
    group = doc.spans[CONTEXT_KEY]
    assert [s.text for s in group] == ["Ankara"]     # the nearest name before "droht"
    assert group[0].label_ == "TUR"
    assert group.attrs["events"] == [3]
    assert group.attrs["signals"] == ["dyad"]
    # the multilateral meeting keeps its empty target
    assert doc._.events[2].target == ()


def test_dominant_dyad_needs_two_events_and_ignores_meetings(blank):
    doc = turkey_doc(blank)
    assert dominant_dyad(doc._.events) == frozenset({"RUS", "TUR"})
    assert dominant_dyad(doc._.events[:1]) is None
    meetings = [event(doc, "CONSULT", "berät", ("NATO",), ("RUS",))] * 3
    assert dominant_dyad(meetings) is None


def test_reply_answers_the_latest_challenge_to_the_source(blank):
    text = ("Die Ukraine wirft Moskau Angriffe vor. Litauen fordert von Russland Aufklärung. "
            "Der Kreml weist das zurück.")
    doc = make(blank, text, [("Ukraine", "UKR", "LOC"), ("Moskau", "RUS", "LOC"),
                             ("Litauen", "LTU", "LOC"), ("Russland", "RUS", "LOC"),
                             ("Kreml", "RUS", "ORG")])
    events = [
        event(doc, "ACCUSE", "wirft", ("UKR",), ("RUS",)),
        event(doc, "REQUEST", "fordert", ("LTU",), ("RUS",)),
        event(doc, "REJECT", "weist", ("RUS",)),
    ]
    filled, where = fill_targets(doc, events)
    assert filled[2].target == ("LTU",)             # the latest challenge, not the first
    assert (where[0].signal, doc.text[where[0].mention.start:where[0].mention.end]) == (
        "reply", "Litauen")


def test_nearby_prefers_names_in_the_sentence_and_skips_pronouns(blank):
    text = ("Polen und Litauen werfen Belarus Schleusungen vor. "
            "Warschau verlangt ein Ende davon, sagte er.")
    doc = make(blank, text, [("Polen", "POL", "LOC"), ("Litauen", "LTU", "LOC"),
                             ("Belarus", "BLR", "LOC"), ("Warschau", "POL", "LOC"),
                             ("er", "BLR", "PRON")])
    events = [event(doc, "REQUEST", "verlangt", ("POL",))]
    filled, where = fill_targets(doc, events, signals=("nearby",))
    # the pronoun of the same sentence is skipped; the sentence before names the addressee
    assert filled[0].target == ("BLR",)
    assert doc.text[where[0].mention.start:where[0].mention.end] == "Belarus"


@pytest.mark.parametrize(
    ("kind", "source", "target", "mode", "expected"),
    [
        ("THREATEN", ("RUS",), (), None, True),
        ("REJECT", ("RUS",), (), None, True),
        ("THREATEN", (), (), None, False),           # no source: nothing to aim from
        ("THREATEN", ("RUS",), ("UKR",), None, False),
        ("CONSULT", ("RUS",), (), "multilateral", False),
        ("AGREE", ("RUS",), (), None, False),
        ("MOBILIZE", ("RUS",), (), None, False),
        ("ASSAULT", ("ARM", "AZE"), (), None, False),  # fighting between two parties
        ("ASSAULT", ("AZE",), (), None, True),
    ],
)
def test_which_events_get_a_target(kind, source, target, mode, expected):
    item = Event(type=kind, source=source, target=target, mode=mode,
                 trigger=Trigger("droht", 7, 12), evidence=Offsets(0, 13))
    assert needs_target(item) is expected


def test_no_mention_of_the_actor_no_fill(blank):
    # without a mention to point at, a target is never invented
    doc = make(blank, "Moskau droht.", [("Moskau", "RUS", "LOC")])
    events = [event(doc, "THREATEN", "droht", ("RUS",))]
    filled, where = fill_targets(doc, events)
    assert filled == events and where == []


def test_unknown_signal_is_an_error():
    with pytest.raises(ValueError, match="unknown context signals"):
        EventContext(None, "ctx", ["guess"])


def test_component_runs_after_the_event_coder(nlp):
    names = nlp.pipe_names
    assert names.index("lagebild_event_context") == names.index("lagebild_events") + 1


def analyzed(nlp, text: str) -> Doc:
    return nlp(make_doc(nlp, Article(text=text, published="2024-05-02")))


def test_pipeline_support_targets_the_member_named_before(nlp):
    text = ("Die Türkei hat ein russisches Militärflugzeug abgeschossen. Moskau warf Ankara "
            "einen Dolchstoß vor. Die Nato sicherte ihrem Mitglied am Dienstag Beistand zu.")
    doc = analyzed(nlp, text)
    support = [e for e in doc._.events if e.type == "SUPPORT"]
    assert [(e.source, e.target) for e in support] == [(("NATO",), ("TUR",))]
    group = doc.spans[CONTEXT_KEY]
    index = doc._.events.index(support[0])
    span = group[group.attrs["events"].index(index)]
    assert span.label_ == "TUR" and span.text == "Ankara"
    assert text[span.start_char:span.end_char] == "Ankara"


def test_pipeline_demand_addresses_the_accused_of_the_sentence_before(nlp):
    text = ("Polen und Litauen werfen Belarus vor, Migranten an die Grenze zu bringen. "
            "Warschau forderte am Montag ein Ende der Schleusungen.")
    doc = analyzed(nlp, text)
    demands = [(e.source, e.target) for e in doc._.events if e.type == "REQUEST"]
    assert demands == [(("POL",), ("BLR",))]


def test_pipeline_meeting_stays_without_target(nlp):
    doc = analyzed(nlp, "Die Nato-Außenminister beraten am Freitag in Brüssel über die "
                        "Lage in der Ukraine.")
    assert [(e.type, e.target) for e in doc._.events] == [("CONSULT", ())]
    assert len(doc.spans[CONTEXT_KEY]) == 0
