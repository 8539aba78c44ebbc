"""Hand-built analyzed articles shared by the store tests (own German sentences, real offsets)."""

from __future__ import annotations

from lagebild.records import AnalyzedArticle, Entity, Event, Geo, Offsets, Timex, Trigger, text_id

QUAD = {"THREATEN": (3, -3.5), "CONSULT": (1, 2.5), "ASSAULT": (4, -9.0), "AID": (2, 10.0)}


def event_in(
    text: str,
    trigger: str,
    ev_type: str,
    source: tuple[str, ...] = (),
    target: tuple[str, ...] = (),
    *,
    date: str | None = None,
    place: str | None = None,
    geo: Geo | None = None,
    status: str = "occurred",
    occurrence: int = 0,
) -> Event:
    """An event whose trigger is the ``occurrence``-th ``trigger`` of ``text``, its sentence
    the evidence."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(trigger, start + 1)
    sent_start = text.rfind(". ", 0, start)
    sent_start = 0 if sent_start < 0 else sent_start + 2
    sent_end = text.find(".", start)
    sent_end = len(text) if sent_end < 0 else sent_end + 1
    quad, goldstein = QUAD.get(ev_type, (None, None))
    return Event(
        type=ev_type, source=source, target=target,
        trigger=Trigger(trigger, start, start + len(trigger)),
        evidence=Offsets(sent_start, sent_end), status=status, date=date, place=place, geo=geo,
        quad_class=quad, goldstein=goldstein, confidence=0.7,
    )


def article(
    text: str, published: str | None, events: tuple[Event, ...] = (), *,
    article_id: str | None = None, names: tuple[tuple[str, str, str | None], ...] = (),
) -> AnalyzedArticle:
    """An analyzed article; ``names`` are (surface, type, actor) entities found in the text."""
    entities = tuple(
        Entity(name, text.index(name), text.index(name) + len(name), etype, name=name, actor=actor)
        for name, etype, actor in names
    )
    timex = ()
    if "Montag" in text and published:
        i = text.index("Montag")
        timex = (Timex("Montag", i, i + 6, "DATE", "2022-01-03"),)
    return AnalyzedArticle(
        id=article_id or text_id(text), text=text, published=published, entities=entities,
        timex=timex, events=events,
    )


KIEW = "Russland drohte der Ukraine am Montag mit ernsten Konsequenzen. Die Regierung in Kiew wies die Drohung zurück."  # noqa: E501
BERLIN = "Die Außenministerin traf am Dienstag in Berlin ihren französischen Amtskollegen. Beide berieten über Hilfen für die Ukraine."  # noqa: E501
ANGRIFF = "Russische Truppen griffen in der Nacht zum Mittwoch die Stadt Charkiw an. Örtliche Behörden meldeten Schäden."  # noqa: E501


def sample_articles() -> list[AnalyzedArticle]:
    """Three articles with four events: a threat and its rejection, a meeting, an attack."""
    return [
        article(
            KIEW, "2022-01-04",
            (event_in(KIEW, "drohte", "THREATEN", ("RUS",), ("UKR",), date="2022-01-03"),
             event_in(KIEW, "wies", "REJECT", ("UKR",), ("RUS",), date="2022-01-03")),
            article_id="kiew-1", names=(("Russland", "LOC", "RUS"), ("Kiew", "LOC", "UKR")),
        ),
        article(
            BERLIN, "2022-01-05",
            (event_in(BERLIN, "traf", "CONSULT", ("DEU",), ("FRA",), date="2022-01-04",
                      place="Berlin"),),
            article_id="berlin-1",
        ),
        article(
            ANGRIFF, "2022-01-06",
            (event_in(ANGRIFF, "griffen", "ASSAULT", ("RUS",), ("UKR",), date="2022-01-05",
                      place="Charkiw"),),
            article_id="charkiw-1",
        ),
    ]
