"""``lagebild.evaluation.diff``: the per-article error listing behind ``eval --errors``."""

from __future__ import annotations

import pytest

from lagebild.evaluation.diff import differences

TEXT = "Der Minister kam am Mittwochabend in Rom an und blieb bis Freitag; Italien half."


def span(needle: str, **attrs):
    start = TEXT.index(needle)
    return {"text": needle, "start": start, "end": start + len(needle), **attrs}


def kinds(layer, gold, pred):
    return [(d.kind, (d.gold or d.pred)["text"]) for d in differences(layer, gold, pred)]


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (
            [span("Mittwochabend", type="TIME", value="2024-05-08TEV")],
            [span("am Mittwochabend", type="TIME", value="2024-05-08TEV")],
            [("span", "Mittwochabend")],
        ),
        (
            [span("Mittwochabend", type="TIME", value="2024-05-08TEV")],
            [span("Mittwochabend", type="DATE", value="2024-05-08")],
            [("type, value", "Mittwochabend")],
        ),
        (
            [span("Mittwochabend", type="TIME", value="2024-05-08TEV"),
             span("Freitag", type="DATE", value="2024-05-10")],
            [span("Rom", type="DATE", value="2024")],
            [("missed", "Mittwochabend"), ("spurious", "Rom"), ("missed", "Freitag")],
        ),
        (
            [span("Freitag", type="DATE", value="2024-05-10")],
            [span("Freitag", type="DATE", value="2024-05-10")],
            [],
        ),
    ],
)
def test_timex_differences(gold, pred, expected):
    assert kinds("timex", gold, pred) == expected


def test_entity_differences_show_actor_errors_and_skip_misc():
    gold = [span("Rom", type="LOC", actor=None), span("Italien", type="LOC", actor="ITA")]
    pred = [
        span("Rom", type="LOC", actor="ITA"),
        span("Minister", type="MISC", actor=None),
    ]
    assert kinds("entities", gold, pred) == [("actor", "Rom"), ("missed", "Italien")]


def _event(trigger: str, type_: str, source, target=(), date=None):
    t = span(trigger)
    return {
        "type": type_, "source": list(source), "target": list(target), "date": date,
        "place": None, "status": "occurred", "mode": None,
        "trigger": {k: t[k] for k in ("text", "start", "end")},
        "evidence": {"start": 0, "end": len(TEXT)},
    }


def test_event_differences():
    gold = [
        _event("kam", "CONSULT", ["DEU"], ["ITA"], "2024-05-08"),
        _event("half", "AID", ["ITA"]),
    ]
    pred = [
        _event("kam", "CONSULT", ["ITA"], ["DEU"], "2024-05-08"),
        _event("blieb", "REJECT", []),
    ]
    found = differences("events", gold, pred)
    assert [(d.kind, (d.gold or d.pred)["type"]) for d in found] == [
        ("actors", "CONSULT"),
        ("spurious", "REJECT"),
        ("missed", "AID"),
    ]


def test_unknown_layer():
    with pytest.raises(ValueError, match="unknown layer"):
        differences("quotes", [], [])
