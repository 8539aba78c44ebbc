"""Event places are scored by the place they denote: "Kyjiw" for gold "Kiew" is correct."""

from __future__ import annotations

import pytest

from lagebild.evaluation import score_events
from lagebild.evaluation.diff import differences
from lagebild.evaluation.places import normalise, same_place

TEXT = "Der Präsident traf am Montag in Kyjiw den ukrainischen Außenminister zu Gesprächen."


def meeting(place: str | None) -> dict:
    """The meeting of TEXT as a contract event, with ``place`` as given."""
    start = TEXT.index("traf")
    return {
        "type": "CONSULT", "mode": "visit", "source": ["USA"], "target": ["UKR"],
        "date": "2026-03-16", "place": place, "status": "occurred",
        "trigger": {"text": "traf", "start": start, "end": start + 4},
        "evidence": {"start": 0, "end": len(TEXT)},
    }


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("Kiew", "Kyjiw", True),                  # exonym and transliteration
        ("Kiew", "Kiews", True),                  # inflected form
        ("Washington, D.C.", "Washington", True),  # qualifier after a comma
        ("Moskau", "Moskva", True),
        ("Brüssel", "brüssel", True),             # case only
        ("Den  Haag", "Den Haag", True),          # spacing only
        ("Kiew", "Moskau", False),
        ("Ukraine", "Kiew", False),               # a state is not its capital
        ("Niger", "Niamey", False),
        ("Frankfurt", "Frankfurt (Oder)", False),  # two cities of one name
        ("Kiew", None, False),
        (None, None, True),
        ("Ostufer des Flusses", "ostufer des flusses", True),  # unknown: normalised text
        ("Ostufer des Flusses", "Westufer des Flusses", False),
    ],
)
def test_same_place(gold, pred, same):
    assert same_place(gold, pred) is same
    assert same_place(pred, gold) is same


def test_place_accuracy_counts_another_spelling_of_the_same_city():
    accuracy = score_events([meeting("Kiew")], [meeting("Kyjiw")])["events.place"]
    assert (accuracy.correct, accuracy.total) == (1, 1)
    accuracy = score_events([meeting("Kiew")], [meeting("Lwiw")])["events.place"]
    assert (accuracy.correct, accuracy.total) == (0, 1)


def test_diff_lists_no_place_error_for_another_spelling():
    assert differences("events", [meeting("Kiew")], [meeting("Kyjiw")]) == []
    (found,) = differences("events", [meeting("Kiew")], [meeting("Lwiw")])
    assert found.kind == "place"


def test_normalise():
    assert normalise("Washington, D.C.") == "washington d c"
    assert normalise("  São\u00a0Paulo ") == "são paulo"
