"""The ``--format text`` digest, rendered from hand-made records."""

from __future__ import annotations

import pytest
from rich.console import Console

from lagebild.records import AnalyzedArticle, Entity, Event, Offsets, Timex, Trigger
from lagebild.render import render_digest, timeline_key

TEXT = (
    "Die Nato-Außenminister [Sondersitzung] wollen am Freitag in Brüssel beraten. "
    "Russland drohte der Ukraine am Montag. Moskau hatte Ende 2021 Truppen verlegt."
)


def _event(kind: str, trigger: str, date: str | None, source: str, target: str = "") -> Event:
    start = TEXT.index(trigger)
    sentence_start = TEXT.rfind(". ", 0, start) + 2 if ". " in TEXT[:start] else 0
    return Event(
        type=kind, source=(source,), target=(target,) if target else (),
        trigger=Trigger(trigger, start, start + len(trigger)),
        evidence=Offsets(sentence_start, TEXT.index(".", start) + 1), date=date,
    )


@pytest.mark.parametrize(
    "value,key",
    [
        ("2022-01-07", (0, "2022-01-07")),
        ("2023-W11", (0, "2023-03-13")),
        ("2023-03", (0, "2023-03-01")),
        ("2021", (0, "2021-01-01")),
        (None, (1, "")),
    ],
)
def test_timeline_key(value, key):
    assert timeline_key(value) == key


def test_digest_shows_timeline_in_date_order_actors_and_dates():
    result = AnalyzedArticle(
        id="x1", text=TEXT, published="2022-01-04", title="Nato [Eilmeldung]",
        entities=(Entity("Russland", TEXT.index("Russland"), TEXT.index("Russland") + 8, "LOC",
                         "Russland", "RUS"),
                  Entity("Moskau", TEXT.index("Moskau"), TEXT.index("Moskau") + 6, "LOC",
                         "Moskau", "RUS")),
        timex=(Timex("Freitag", TEXT.index("Freitag"), TEXT.index("Freitag") + 7, "DATE",
                     "2022-01-07"),),
        events=(
            _event("CONSULT", "beraten", "2022-01-07", "NATO"),
            _event("THREATEN", "drohte", "2022-01-10", "RUS", "UKR"),
            _event("MOBILIZE", "verlegt", "2021-12", "RUS"),
        ),
    )
    console = Console(record=True, width=160)
    render_digest(result, console)
    out = console.export_text()
    assert "Nato [Eilmeldung]" in out and "[Sondersitzung]" in out  # no markup eaten
    assert out.index("MOBILIZE") < out.index("CONSULT") < out.index("THREATEN")
    assert "RUS → UKR" in out
    assert "Russland, Moskau" in out
    assert "2022-01-07" in out and "Freitag" in out
