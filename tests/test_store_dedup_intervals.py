"""Deduplication compares event dates as calendar intervals (week, month, quarter, season …)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_store_support import article, event_in

from lagebild.dedup import dates_compatible
from lagebild.intervals import containers, finer_prefixes, interval, nested, specificity
from lagebild.store import Store

WOCHE = "Die Regierung kündigte an, in der kommenden Woche neue Sanktionen gegen Iran zu verhängen."
TAG = "Am Mittwoch verhängte die Bundesregierung neue Sanktionen gegen Iran."
MONAT = "Im März hatte Berlin Sanktionen gegen Iran verhängt, heißt es in dem Bericht."
ANDERER_TAG = "Am Donnerstag verhängte Deutschland weitere Sanktionen gegen Iran."
QUARTAL = "Im ersten Quartal verhängte Berlin Sanktionen gegen Teheran."
FRUEHLING = "Im Frühjahr hatte die Bundesregierung Sanktionen gegen Iran beschlossen."


def sanction(text: str, trigger: str, date: str | None, status: str = "occurred"):
    return event_in(text, trigger, "SANCTION", ("DEU",), ("IRN",), date=date, status=status)


CASES = {
    # 2026-W12 is Monday 16 to Sunday 22 March 2026.
    "week, then a day inside it": (
        [(WOCHE, "2026-03-12", sanction(WOCHE, "verhängen", "2026-W12", "planned")),
         (TAG, "2026-03-18", sanction(TAG, "verhängte", "2026-03-18"))],
        [2], "2026-03-18",
    ),
    "day, then the week around it": (
        [(TAG, "2026-03-18", sanction(TAG, "verhängte", "2026-03-18")),
         (WOCHE, "2026-03-12", sanction(WOCHE, "verhängen", "2026-W12", "planned"))],
        [2], "2026-03-18",
    ),
    "week and a day of another week stay apart": (
        [(WOCHE, "2026-03-12", sanction(WOCHE, "verhängen", "2026-W12", "planned")),
         (ANDERER_TAG, "2026-03-26", sanction(ANDERER_TAG, "verhängte", "2026-03-26"))],
        [1, 1], None,
    ),
    "two different days of one week stay apart": (
        [(TAG, "2026-03-18", sanction(TAG, "verhängte", "2026-03-18")),
         (ANDERER_TAG, "2026-03-19", sanction(ANDERER_TAG, "verhängte", "2026-03-19"))],
        [1, 1], None,
    ),
    "month and a week inside it": (
        [(MONAT, "2026-04-02", sanction(MONAT, "verhängt", "2026-03")),
         (WOCHE, "2026-03-12", sanction(WOCHE, "verhängen", "2026-W12", "planned"))],
        [2], "2026-W12",
    ),
    "month and a week it only straddles stay apart": (
        # 2026-W14 runs from 30 March to 5 April.
        [(MONAT, "2026-04-02", sanction(MONAT, "verhängt", "2026-03")),
         (WOCHE, "2026-03-26", sanction(WOCHE, "verhängen", "2026-W14", "planned"))],
        [1, 1], None,
    ),
    "quarter and a day inside it": (
        [(QUARTAL, "2026-04-10", sanction(QUARTAL, "verhängte", "2026-Q1")),
         (TAG, "2026-03-18", sanction(TAG, "verhängte", "2026-03-18"))],
        [2], "2026-03-18",
    ),
    "spring and a month of it": (
        [(FRUEHLING, "2026-07-01", sanction(FRUEHLING, "beschlossen", "2026-SP")),
         (MONAT, "2026-04-02", sanction(MONAT, "verhängt", "2026-03"))],
        [2], "2026-03",
    ),
    "quarter and a day after it stay apart": (
        [(QUARTAL, "2026-04-10", sanction(QUARTAL, "verhängte", "2026-Q1")),
         (ANDERER_TAG, "2026-04-02", sanction(ANDERER_TAG, "verhängte", "2026-04-02"))],
        [1, 1], None,
    ),
}


@pytest.mark.parametrize("one_batch", [True, False], ids=["one batch", "two batches"])
@pytest.mark.parametrize("name", list(CASES))
def test_dates_group_by_interval(tmp_path, name, one_batch):
    """The same grouping whether the mentions meet in one batch or via the store's SQL."""
    items, expected, merged_date = CASES[name]
    store = Store(tmp_path / "intervals.duckdb", wait=5)
    results = [article(text, published, (ev,)) for text, published, ev in items]
    if one_batch:
        store.add(results)
    else:
        for result in results:
            store.add([result])
    events = store.events()
    assert sorted(e["mentions"] for e in events) == sorted(expected)
    if merged_date is not None:
        assert events[0]["date"] == merged_date


@pytest.mark.parametrize(
    "a,b,ok",
    [("2026-W12", "2026-03-18", True), ("2026-03-18", "2026-W12", True),
     ("2026-W12", "2026-03-23", False), ("2026-03", "2026-03-31", True),
     ("2026-03", "2026-04-01", False), ("2026-W12-WE", "2026-03-21", True),
     ("2026-W12-WE", "2026-03-20", False), ("2026-Q1", "2026-02", True),
     ("2026-Q2", "2026-03-31", False), ("2026-H2", "2026-Q3", True),
     ("2025-WI", "2026-02-14", True), ("2026-WI", "2026-02-14", False),
     ("2026", "2026-W12", True), ("2025", "2026-W01", False),  # 2026-W01 starts 29 Dec 2025
     ("202", "2026-03", True), ("20", "1999", False),
     ("2026-03-18TEV", "2026-03-18", True), ("2026-03-18TEV", "2026-03-18TMO", False),
     ("2026-03-18TEV", "2026-W12", True), ("XXXX-03", "XXXX-03-24", True),
     ("2026-03-18", None, False), (None, None, True)],
)
def test_dates_compatible_by_interval(a, b, ok):
    assert dates_compatible(a, b) is ok
    assert dates_compatible(b, a) is ok


def test_interval_of_values():
    assert interval("2026-W12") == (dt.date(2026, 3, 16), dt.date(2026, 3, 22))
    assert interval("2026-W01") == (dt.date(2025, 12, 29), dt.date(2026, 1, 4))
    assert interval("2025-WI") == (dt.date(2025, 12, 1), dt.date(2026, 2, 28))
    assert interval("2024-Q1") == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert interval("199") == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert interval("2026-02-30") is None
    assert interval("PRESENT_REF") is None


def test_finer_prefixes_reach_every_value_inside():
    """Every value inside a coarse value starts with one of its SQL prefixes."""
    for outer in ("2026-W12", "2026-03", "2026-Q1", "2025-WI", "2026-H2", "2026", "202"):
        first, last = interval(outer)
        prefixes = finer_prefixes(outer)
        day = first
        while day <= last:
            for inner in containers(day.isoformat() + "TEV"):
                if nested(inner, outer) and inner != outer and outer in containers(inner):
                    assert any(inner.startswith(p) for p in prefixes), (outer, inner)
            day += dt.timedelta(days=1)


def test_more_specific_is_shorter():
    order = ["2026-03-18TEV", "2026-03-18", "2026-W12-WE", "2026-W12", "2026-03", "2026-Q1",
             "2026-H1", "2026", "202"]
    assert sorted(order, key=specificity) == order

