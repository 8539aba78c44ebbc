"""Reports → events: mentions of one event become one event with every mention's provenance."""

from __future__ import annotations

import pytest
from test_store_support import article, event_in

from lagebild.dedup import date_prefixes, dates_compatible
from lagebild.records import Geo, text_id
from lagebild.store import Store

A = "Russland drohte der Ukraine am Montag erneut mit Gegenmaßnahmen."
B = "Moskau hat Kiew mit Konsequenzen gedroht, berichtete die Agentur am Dienstag."
C = "Der Kreml drohte Polen wegen der Manöver an der Grenze."
D = "Russland drohte nicht mit Gegenmaßnahmen, erklärte der Sprecher."
M1 = "Die Außenminister trafen sich in Wien zu Gesprächen über die Krise."
M2 = "In Wien kamen die Minister aus Kiew und Moskau zusammen und trafen sich zu Gesprächen."
G1 = "Demonstranten protestierten in Tiflis gegen das neue Gesetz."
G2 = "Tausende protestierten erneut gegen das Gesetz vor dem Parlament in Tiflis."
G3 = "Tausende protestierten gegen das Gesetz in Batumi am Schwarzen Meer."

TIFLIS = Geo(41.72, 44.79, "GEO")
BATUMI = Geo(41.64, 41.63, "GEO")


def threat(text, trigger, source=("RUS",), target=("UKR",), date="2022-01-03", **kw):
    return event_in(text, trigger, "THREATEN", source, target, date=date, **kw)


CASES = {
    "two articles, same event": (
        [(A, "2022-01-04", [threat(A, "drohte")]),
         (B, "2022-01-04", [threat(B, "gedroht")])],
        [2],
    ),
    "different dates stay apart": (
        [(A, "2022-01-04", [threat(A, "drohte")]),
         (B, "2022-01-05", [threat(B, "gedroht", date="2022-01-04")])],
        [1, 1],
    ),
    "coarse date joins a day of it": (
        [(A, "2022-01-04", [threat(A, "drohte")]),
         (B, "2022-01-20", [threat(B, "gedroht", date="2022-01")])],
        [2],
    ),
    "other target stays apart": (
        [(A, "2022-01-04", [threat(A, "drohte")]),
         (C, "2022-01-04", [threat(C, "drohte", target=("POL",))])],
        [1, 1],
    ),
    "missing target still overlaps": (
        [(A, "2022-01-04", [threat(A, "drohte")]),
         (B, "2022-01-04", [threat(B, "gedroht", target=())])],
        [2],
    ),
    "negation is another event": (
        [(A, "2022-01-04", [threat(A, "drohte")]),
         (D, "2022-01-04", [threat(D, "drohte", target=(), status="negated")])],
        [1, 1],
    ),
    "hypothetical is another event": (
        [(A, "2022-01-04", [threat(A, "drohte")]),
         (B, "2022-01-04", [threat(B, "gedroht", status="hypothetical")])],
        [1, 1],
    ),
    "planned and occurred are one": (
        [(M1, "2022-02-27", [event_in(M1, "trafen", "CONSULT", ("RUS",), ("UKR",),
                                      date="2022-03-01", place="Wien", status="planned")]),
         (M2, "2022-03-02", [event_in(M2, "trafen", "CONSULT", ("UKR",), ("RUS",),
                                      date="2022-03-01", place="Wien")])],
        [2],
    ),
    "meetings with another partner stay apart": (
        [(M1, "2022-03-02", [event_in(M1, "trafen", "CONSULT", ("DEU",), ("TUR",),
                                      date="2022-03")]),
         (M2, "2022-03-02", [event_in(M2, "trafen", "CONSULT", ("UN",), ("TUR",),
                                      date="2022-03-01")])],
        [1, 1],
    ),
    "meeting told both ways is one": (
        [(M1, "2022-03-02", [event_in(M1, "trafen", "CONSULT", ("RUS",), ("UKR",),
                                      date="2022-03-01", place="Wien")]),
         (M2, "2022-03-02", [event_in(M2, "trafen", "CONSULT", ("UKR",), ("RUS",),
                                      date="2022-03-01", place="Wien")])],
        [2],
    ),
    "protests without actors join by place": (
        [(G1, "2024-05-02", [event_in(G1, "protestierten", "PROTEST", date="2024-05-01",
                                      place="Tiflis", geo=TIFLIS)]),
         (G2, "2024-05-02", [event_in(G2, "protestierten", "PROTEST", date="2024-05-01",
                                      place="Tiflis", geo=TIFLIS)])],
        [2],
    ),
    "far places stay apart": (
        [(G1, "2024-05-02", [event_in(G1, "protestierten", "PROTEST", ("GEO",),
                                      date="2024-05-01", place="Tiflis", geo=TIFLIS)]),
         (G3, "2024-05-02", [event_in(G3, "protestierten", "PROTEST", ("GEO",),
                                      date="2024-05-01", place="Batumi", geo=BATUMI)])],
        [1, 1],
    ),
    "undated, same publication day": (
        [(A, "2022-01-04", [threat(A, "drohte", date=None)]),
         (B, "2022-01-04", [threat(B, "gedroht", date=None)])],
        [2],
    ),
    "undated, publication day unknown": (
        [(A, None, [threat(A, "drohte", date=None)]),
         (B, None, [threat(B, "gedroht", date=None)])],
        [1, 1],
    ),
    "undated, other publication day": (
        [(A, "2022-01-04", [threat(A, "drohte", date=None)]),
         (B, "2022-01-09", [threat(B, "gedroht", date=None)])],
        [1, 1],
    ),
}


def _store(tmp_path, items, *, one_batch: bool) -> Store:
    store = Store(tmp_path / "dedup.duckdb", wait=5)
    results = [article(text, published, tuple(events)) for text, published, events in items]
    if one_batch:
        store.add(results)
    else:
        for result in results:
            store.add([result])
    return store


@pytest.mark.parametrize("one_batch", [True, False], ids=["one batch", "two batches"])
@pytest.mark.parametrize("name", list(CASES))
def test_mentions_group_into_events(tmp_path, name, one_batch):
    items, expected = CASES[name]
    store = _store(tmp_path, items, one_batch=one_batch)
    events = store.events(provenance=True)
    assert sorted(e["mentions"] for e in events) == sorted(expected)
    assert store.stats()["mentions"] == sum(expected)
    texts = {text_id(text): text for text, _, _ in items}
    for event in events:
        assert len(event["provenance"]) == event["mentions"]
        for mention in event["provenance"]:
            # Every mention keeps its own offsets into its own article.
            text = texts[mention["article_id"]]
            trigger = mention["trigger"]
            assert text[trigger["start"]:trigger["end"]] == trigger["text"]


def test_merged_event_takes_specific_date_union_of_actors_and_certain_status(tmp_path):
    items = [
        (A, "2022-01-10", [threat(A, "drohte", target=(), date="2022-01", status="claimed")]),
        (B, "2022-01-10", [threat(B, "gedroht", date="2022-01-03")]),
    ]
    (event,) = _store(tmp_path, items, one_batch=False).events()
    assert event["date"] == "2022-01-03"
    assert event["target"] == ["UKR"]
    assert event["status"] == "occurred"
    assert (event["mentions"], event["articles"]) == (2, 2)
    # The first telling stays the event's representative provenance.
    assert A[event["trigger"]["start"]:event["trigger"]["end"]] == "drohte"


def test_one_article_telling_an_event_twice(tmp_path):
    text = ("Russland drohte am Montag der Ukraine. Die Drohung aus Moskau kam am Montag "
            "überraschend, Moskau drohte offen mit Gewalt.")
    events = (threat(text, "drohte"), threat(text, "drohte", target=(), occurrence=1, date=None))
    store = Store(tmp_path / "one.duckdb")
    store.add([article(text, "2022-01-04", events)])
    (event,) = store.events(provenance=True)
    assert (event["mentions"], event["articles"]) == (2, 1)
    assert [m["trigger"]["start"] for m in event["provenance"]] == [9, text.rindex("drohte")]


@pytest.mark.parametrize(
    "value,prefixes",
    [("2022-01-07", ["2022", "2022-01", "2022-01-07"]),
     ("2025-01-12TEV", ["2025", "2025-01", "2025-01-12", "2025-01-12TEV"]),
     ("2024-W08", ["2024", "2024-W08"]),
     ("PRESENT_REF", ["PRESENT_REF"])],
)
def test_date_prefixes(value, prefixes):
    assert date_prefixes(value) == tuple(prefixes)


@pytest.mark.parametrize(
    "a,b,ok",
    [("2022-01-07", "2022-01-07", True), ("2022-01", "2022-01-07", True),
     ("2022-01-07", "2022-01-08", False), ("2022-01-07", None, False), (None, None, True),
     ("2022-01-1", "2022-01-12", False)],
)
def test_dates_compatible(a, b, ok):
    assert dates_compatible(a, b) is ok
