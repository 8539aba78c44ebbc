"""Pure scoring functions of lagebild.evaluation on hand-made gold/prediction lists."""

from __future__ import annotations

import pytest

from lagebild.evaluation import (
    PRF,
    ArticleScores,
    EvalReport,
    check_floors,
    score_entities,
    score_events,
    score_timex,
)
from lagebild.evaluation.matching import align


def span(text: str, needle: str, nth: int = 0, **attrs):
    """An item dict for the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"text": needle, "start": start, "end": start + len(needle), **attrs}


def prf(score: PRF) -> tuple[float, float, float]:
    return round(score.precision, 3), round(score.recall, 3), round(score.f1, 3)


# ---------------------------------------------------------------- timex

TRIP = (
    "Die Ministerin reist am Montag nach Paris und kehrt am Mittwochabend zurück; "
    "die Gespräche dauern zwei Tage."
)
TRIP_GOLD = [
    span(TRIP, "Montag", type="DATE", value="2024-05-06"),
    span(TRIP, "Mittwochabend", type="TIME", value="2024-05-08TEV"),
    span(TRIP, "zwei Tage", type="DURATION", value="P2D"),
]


@pytest.mark.parametrize(
    ("pred", "layer", "expected"),
    [
        # exact span: 1 of 2 predictions, 1 of 3 gold items
        (
            [
                span(TRIP, "Montag", type="DATE", value="2024-05-06"),
                span(TRIP, "am Mittwochabend", type="TIME", value="2024-05-08TEV"),
            ],
            "timex.span",
            (0.5, 0.333, 0.4),
        ),
        # relaxed: "am Mittwochabend" overlaps the gold "Mittwochabend"
        (
            [
                span(TRIP, "Montag", type="DATE", value="2024-05-06"),
                span(TRIP, "am Mittwochabend", type="TIME", value="2024-05-08TEV"),
            ],
            "timex.relaxed",
            (1.0, 0.667, 0.8),
        ),
        # value F1 counts relaxed pairs with the right value
        (
            [
                span(TRIP, "Montag", type="DATE", value="2024-05-13"),
                span(TRIP, "am Mittwochabend", type="TIME", value="2024-05-08TEV"),
            ],
            "timex.value",
            (0.5, 0.333, 0.4),
        ),
        # a wrong type costs the typed variant only
        (
            [span(TRIP, "Montag", type="TIME", value="2024-05-06")],
            "timex.span_typed",
            (0.0, 0.0, 0.0),
        ),
        (
            [span(TRIP, "Montag", type="TIME", value="2024-05-06")],
            "timex.span",
            (1.0, 0.333, 0.5),
        ),
        # the same span predicted twice: one pair, one false positive
        (
            [
                span(TRIP, "Montag", type="DATE", value="2024-05-06"),
                span(TRIP, "Montag", type="DATE", value="2024-05-06"),
            ],
            "timex.span",
            (0.5, 0.333, 0.4),
        ),
        # nothing predicted
        ([], "timex.span", (0.0, 0.0, 0.0)),
    ],
)
def test_score_timex(pred, layer, expected):
    assert prf(score_timex(TRIP_GOLD, pred)[layer]) == expected


def test_relaxed_timex_is_one_to_one_and_prefers_the_larger_overlap():
    text = "Die Konferenz findet am 24. und 25. März in Wien statt."
    gold = [
        span(text, "24.", type="DATE", value="2024-03-24"),
        span(text, "25. März", type="DATE", value="2024-03-25"),
    ]
    pred = [span(text, "24. und 25. März", type="DATE", value="2024-03-24")]
    scores = score_timex(gold, pred)
    assert (scores["timex.relaxed"].tp, scores["timex.relaxed"].fn) == (1, 1)
    # paired with "25. März" (8 shared characters, not 3), whose value differs
    assert scores["timex.value"].tp == 0
    assert scores["timex.matched_value"].accuracy == 0.0


# ---------------------------------------------------------------- entities

VISIT = (
    "Bundeskanzler Olaf Scholz traf in Peking den chinesischen Präsidenten Xi Jinping; "
    "China und Deutschland wollen enger zusammenarbeiten."
)
VISIT_GOLD = [
    span(VISIT, "Olaf Scholz", type="PER", actor="DEU"),
    span(VISIT, "Peking", type="LOC", actor=None),
    span(VISIT, "Xi Jinping", type="PER", actor="CHN"),
    span(VISIT, "China", type="LOC", actor="CHN"),
    span(VISIT, "Deutschland", type="LOC", actor="DEU"),
]
VISIT_PRED = [
    span(VISIT, "Olaf Scholz", type="PER", actor="DEU"),
    span(VISIT, "Peking", type="LOC", actor="CHN"),  # venue, gold actor is null
    span(VISIT, "Xi Jinping", type="ORG", actor="CHN"),  # wrong type
    span(VISIT, "China", type="LOC", actor="CHN"),
    span(VISIT, "Bundeskanzler Olaf Scholz", type="PER", actor="DEU"),  # title inside
]


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        ("entities.typed", (0.6, 0.6, 0.6)),
        ("entities.untyped", (0.8, 0.8, 0.8)),
        ("entities.with_actor", (0.6, 0.6, 0.6)),
    ],
)
def test_score_entities(layer, expected):
    assert prf(score_entities(VISIT_GOLD, VISIT_PRED)[layer]) == expected


@pytest.mark.parametrize(
    ("gold_actor", "pred_actor", "correct"),
    [(None, None, 1), ("CHN", "CHN", 1), (None, "CHN", 0), ("CHN", None, 0), ("CHN", "TWN", 0)],
)
def test_entity_actor_accuracy_counts_null_equal_null(gold_actor, pred_actor, correct):
    gold = [span(VISIT, "Peking", type="LOC", actor=gold_actor)]
    pred = [span(VISIT, "Peking", type="LOC", actor=pred_actor)]
    actor = score_entities(gold, pred)["entities.actor"]
    assert (actor.correct, actor.total) == (correct, 1)


# ---------------------------------------------------------------- events

NEWS = (
    "Die Außenminister Frankreichs und Deutschlands berieten am Dienstag in Berlin. "
    "Russland griff ukrainische Stellungen an. "
    "Die EU verhängte neue Sanktionen gegen Moskau."
)


def event(trigger: str, type_: str, source, target=(), **attrs):
    """An event in the contract shape, anchored on ``trigger`` inside NEWS."""
    t = span(NEWS, trigger)
    sentence_start = NEWS.rfind(". ", 0, t["start"])
    ev_start = 0 if sentence_start == -1 else sentence_start + 2
    ev_end = NEWS.index(".", t["end"])
    base = {"mode": None, "date": None, "place": None, "status": "occurred"}
    return {
        **base,
        "type": type_,
        "source": list(source),
        "target": list(target),
        "trigger": {k: t[k] for k in ("text", "start", "end")},
        "evidence": {"start": ev_start, "end": ev_end},
        **attrs,
    }


NEWS_GOLD = [
    event("berieten", "CONSULT", ["FRA", "DEU"], date="2024-05-07", place="Berlin"),
    event("griff", "ASSAULT", ["RUS"], ["UKR"]),
    event("verhängte", "SANCTION", ["EU"], ["RUS"]),
]
NEWS_PRED = [
    # actors in another order: still the same sets
    event("berieten", "CONSULT", ["DEU", "FRA"], date="2024-05-07", place="Berlin"),
    # source and target swapped
    event("griff", "ASSAULT", ["UKR"], ["RUS"]),
    # target missing
    event("Sanktionen", "SANCTION", ["EU"]),
    # not in gold at all
    event("berieten", "REQUEST", ["USA"]),
]


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        ("events.type", (0.75, 1.0, 0.857)),
        ("events.actors", (0.25, 0.333, 0.286)),
        ("events.shared_actor", (0.75, 1.0, 0.857)),
        ("events.type/CONSULT", (1.0, 1.0, 1.0)),
        ("events.type/REQUEST", (0.0, 0.0, 0.0)),
        ("events.actors/ASSAULT", (0.0, 0.0, 0.0)),
    ],
)
def test_score_events_levels(layer, expected):
    assert prf(score_events(NEWS_GOLD, NEWS_PRED)[layer]) == expected


@pytest.mark.parametrize(
    ("gold_actors", "pred_actors", "level", "matched"),
    [
        ((["RUS"], ["UKR"]), (["RUS"], ["UKR"]), "events.actors", 1),
        ((["RUS", "BLR"], ["UKR"]), (["BLR", "RUS"], ["UKR"]), "events.actors", 1),
        ((["RUS"], ["UKR"]), (["RUS", "RUS"], ["UKR"]), "events.actors", 1),
        ((["RUS"], ["UKR"]), (["RUS"], []), "events.actors", 0),
        ((["RUS"], ["UKR"]), (["UKR"], ["RUS"]), "events.actors", 0),
        ((["RUS"], ["UKR"]), (["UKR"], ["RUS"]), "events.shared_actor", 1),
        ((["RUS"], ["UKR"]), (["BLR"], []), "events.shared_actor", 0),
        (([], []), ([], []), "events.shared_actor", 1),
        (([], []), (["RUS"], []), "events.shared_actor", 0),
        (([], []), ([], []), "events.actors", 1),
    ],
)
def test_actor_sets(gold_actors, pred_actors, level, matched):
    gold = [event("griff", "ASSAULT", *gold_actors)]
    pred = [event("griff", "ASSAULT", *pred_actors)]
    assert score_events(gold, pred)[level].tp == matched


def test_type_must_agree_at_every_level():
    gold = [event("griff", "ASSAULT", ["RUS"], ["UKR"])]
    pred = [event("griff", "COERCE", ["RUS"], ["UKR"])]
    scores = score_events(gold, pred)
    assert [scores[k].tp for k in ("events.type", "events.actors", "events.shared_actor")] == [
        0,
        0,
        0,
    ]


def test_events_pair_one_to_one_preferring_the_overlapping_trigger():
    gold = [
        event("berieten", "CONSULT", ["FRA", "DEU"], date="2024-05-07"),
        event("verhängte", "CONSULT", ["EU"], date="2024-05-08"),
    ]
    # listed in the other order: pairing by index would swap the dates
    pred = [
        event("verhängte", "CONSULT", ["EU"], date="2024-05-08"),
        event("berieten", "CONSULT", ["FRA", "DEU"], date="2024-05-07"),
    ]
    dates = score_events(gold, pred)["events.date"]
    assert (dates.correct, dates.total) == (2, 2)


def test_a_gold_event_is_matched_once():
    gold = [event("griff", "ASSAULT", ["RUS"], ["UKR"])]
    pred = [event("griff", "ASSAULT", ["RUS"], ["UKR"])] * 3
    assert prf(score_events(gold, pred)["events.actors"]) == (0.333, 1.0, 0.5)


def test_same_type_events_without_overlap_still_match():
    # gold README rule 1: another mention of the same event is an equally valid anchor
    gold = [event("berieten", "CONSULT", ["FRA", "DEU"])]
    pred = [event("verhängte", "CONSULT", ["FRA", "DEU"])]
    assert score_events(gold, pred)["events.actors"].tp == 1


@pytest.mark.parametrize(
    ("attribute", "gold_value", "pred_value", "correct"),
    [
        ("date", None, None, 1),
        ("date", "2024-05-07", "2024-05-07", 1),
        ("date", "2024-05-07", "2024-05", 0),
        ("date", "2024-05-07", None, 0),
        ("place", "Berlin", "Berlin", 1),
        ("place", "Berlin", None, 0),
        ("status", "planned", "occurred", 0),
        ("mode", "third-party", "third-party", 1),
        ("mode", None, "visit", 0),
    ],
)
def test_event_attributes_on_matched_pairs(attribute, gold_value, pred_value, correct):
    gold = [event("berieten", "CONSULT", ["FRA", "DEU"], **{attribute: gold_value})]
    pred = [event("berieten", "CONSULT", ["FRA"], **{attribute: pred_value})]
    accuracy = score_events(gold, pred)[f"events.{attribute}"]
    assert (accuracy.correct, accuracy.total) == (correct, 1)


def test_unmatched_events_do_not_count_for_attributes():
    gold = [event("griff", "ASSAULT", ["RUS"], date="2024-05-07")]
    pred = [event("griff", "MOBILIZE", ["RUS"], date="2024-05-07")]
    assert score_events(gold, pred)["events.date"].total == 0


def test_align_completes_greedy_choice_to_maximum_pairs():
    # greedy takes (0, 0) first (best preference); gold 1 can only use pred 0, so the
    # augmenting step moves gold 0 to pred 1
    allowed = {(0, 0): (1.0,), (0, 1): (0.5,), (1, 0): (0.5,)}
    assert align(2, 2, lambda i, j: allowed.get((i, j))) == [(0, 1), (1, 0)]


def test_shared_actor_level_finds_the_maximum_pairing():
    gold = [
        event("griff", "ASSAULT", ["RUS", "BLR"]),
        event("griff", "ASSAULT", ["RUS"]),
    ]
    pred = [event("griff", "ASSAULT", ["RUS", "BLR"]), event("griff", "ASSAULT", ["BLR"])]
    assert score_events(gold, pred)["events.shared_actor"].tp == 2


# ---------------------------------------------------------------- report and floors


def test_macro_f1_averages_over_types_seen_in_gold_or_output():
    report = EvalReport([ArticleScores("nachrichten", score_events(NEWS_GOLD, NEWS_PRED))])
    # CONSULT, ASSAULT, SANCTION found (F1 1.0 each); REQUEST only predicted (F1 0.0)
    assert report.macro_f1("events.type") == pytest.approx(0.75)
    # level (b): only CONSULT right
    assert report.macro_f1("events.actors") == pytest.approx(0.25)
    assert report.headline()["events.type.macro_f1"] == pytest.approx(0.75)


def test_report_sums_counts_over_articles():
    first = ArticleScores("a", score_timex(TRIP_GOLD, TRIP_GOLD))
    second = ArticleScores("b", score_timex(TRIP_GOLD, []))
    span_prf = EvalReport([first, second]).layers["timex.span"]
    assert (span_prf.tp, span_prf.fp, span_prf.fn) == (3, 0, 3)
    assert prf(span_prf) == (1.0, 0.5, 0.667)


@pytest.mark.parametrize(
    ("value", "floor", "passed", "well_above"),
    [(0.50, 0.48, True, False), (0.48, 0.48, True, False), (0.47, 0.48, False, False),
     (0.60, 0.48, True, True)],
)
def test_check_floors(value, floor, passed, well_above):
    (check,) = check_floors({"events.type.f1": value}, {"events.type.f1": floor})
    assert (check.passed, check.well_above) == (passed, well_above)
    assert "events.type.f1" in check.message() and f"{floor:.2f}" in check.message()


def test_floor_on_an_unknown_layer_fails():
    (check,) = check_floors({"events.type.f1": 0.5}, {"events.typo.f1": 0.1})
    assert not check.passed and "no such score" in check.message()


def test_misc_predictions_are_not_scored():
    text = "Bei der Fußball-Europameisterschaft in Deutschland jubelten die Fans."
    gold = [span(text, "Deutschland", type="LOC", actor="DEU")]
    pred = [
        span(text, "Fußball-Europameisterschaft", type="MISC", actor=None),
        span(text, "Deutschland", type="LOC", actor="DEU"),
    ]
    assert prf(score_entities(gold, pred)["entities.typed"]) == (1.0, 1.0, 1.0)
    # a gold set that annotates MISC gets MISC scored
    gold_misc = [span(text, "Fußball-Europameisterschaft", type="MISC", actor=None), *gold]
    assert prf(score_entities(gold_misc, pred)["entities.typed"]) == (1.0, 1.0, 1.0)
    assert prf(score_entities(gold_misc, pred[1:])["entities.typed"]) == (1.0, 0.5, 0.667)
