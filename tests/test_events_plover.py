"""The PLOVER-strict mapping of lagebild events."""

from __future__ import annotations

import pytest

from lagebild.events.plover import plover_actor, to_plover
from lagebild.records import Event, Geo, Offsets, Trigger


def event(event_type: str, status: str = "occurred", trigger: str = "trifft",
          mode: str | None = None, date: str | None = "2022-01-07", **kw) -> Event:
    return Event(
        type=event_type, source=kw.get("source", ("USA",)), target=kw.get("target", ("RUS",)),
        trigger=Trigger(trigger, 10, 10 + len(trigger)), evidence=Offsets(0, 40),
        status=status, mode=mode, date=date, place=kw.get("place"), geo=kw.get("geo"),
    )


@pytest.mark.parametrize(
    ("lagebild", "plover_type", "has_event", "modes"),
    [
        (event("CONSULT", mode="visit"), "CONSULT", True, ["visit"]),
        (event("CONSULT", "planned", mode="multilateral"), "AGREE", True, []),
        (event("AID", "planned", mode="military"), "AGREE", True, []),
        (event("RETREAT", "planned", trigger="abziehen"), "CONCEDE", True, []),
        (event("SANCTION", "planned", trigger="verhängen"), "THREATEN", True, ["relations"]),
        (event("AGREE", trigger="unterzeichneten"), "SUPPORT", True, []),
        (event("AGREE", trigger="einigten"), "AGREE", True, []),
        (event("COERCE", trigger="Krim-Annexion"), "ASSAULT", True, []),
        (event("ASSAULT", "negated", trigger="angegriffen"), "ASSAULT", False, []),
        (event("ASSAULT", "hypothetical", trigger="Einmarsches"), "ASSAULT", False, []),
        (event("MOBILIZE", "claimed", trigger="verlegt"), "MOBILIZE", True, []),
    ],
)
def test_type_mapping(lagebild, plover_type, has_event, modes):
    record = to_plover(lagebild, "a1", "2022-01-04")
    assert (record["event"], record["has_event"], record["mode"]) == (
        [plover_type], has_event, modes)


def test_aid_mode_becomes_context():
    record = to_plover(event("AID", mode="humanitarian", trigger="Hilfe"), "a1", None)
    assert (record["mode"], record["context"]) == ([], ["human_security"])


@pytest.mark.parametrize(
    ("date", "published", "plover_date", "comment_has_date"),
    [("2022-01-07", "2022-01-04", "2022-01-07", False),
     ("2021-06", "2022-01-04", "2022-01-04", True),
     (None, None, None, False)],
)
def test_dates(date, published, plover_date, comment_has_date):
    record = to_plover(event("ACCUSE", date=date, trigger="kritisiert"), "a1", published)
    assert record["date"] == plover_date
    assert (f"lagebild date {date}" in (record["comment"] or "")) is comment_has_date


@pytest.mark.parametrize(
    ("code", "expected"),
    [("RUS", ("RUS", None)), ("UN", ("UNO", None)), ("NATO", ("IGO", None)),
     ("SYROPP", ("SYR", "OPP")), ("ISRCIV", ("ISR", "CVL")), ("UAF", (None, "UAF"))],
)
def test_actors(code, expected):
    entity = plover_actor(code)
    assert (entity["code"], entity["sector"]) == expected


def test_record_fields():
    lagebild = event("CONSULT", mode="third-party", place="Genf", geo=Geo(46.2, 6.1, "CHE"))
    record = to_plover(lagebild, "a1", "2022-01-04")
    assert record["event_loc"]["country_code"] == "CHE"
    assert record["quad_code"] == 1
    assert [a["code"] for a in record["actor"]] == ["USA"]
    assert [a["code"] for a in record["recipient"]] == ["RUS"]
    assert record["text_info"] == {"start": 0, "end": 40, "text_story": "a1"}
    assert record["id"] == to_plover(lagebild, "a1", "2022-01-04")["id"]
    assert to_plover(event("SANCTION", trigger="verhängt"), "a1", None)["quad_code"] == 3
