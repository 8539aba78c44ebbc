"""TIMEX3 date values as calendar intervals: which value lies inside which.

Event dates are TIMEX3 values of different granularity (``docs/dates.md``): a day
``2026-03-18``, an ISO week ``2026-W12`` (weekend ``2026-W12-WE``), a month ``2026-03``, a
quarter ``2026-Q1``, a half-year ``2026-H1``, a season ``2026-SP`` (meteorological: SP
March–May, SU June–August, FA September–November, WI December–February, winter belonging
to the year it starts in, as :func:`lagebild.time.calendar.season_instance` resolves it), a
year ``2026``, a decade ``202`` and a century ``20``; a day may carry a time-of-day suffix
(``2026-03-18TEV``). Each stands for the days from its first to its last.

:func:`containers` lists every value that contains a value's days (the value itself
included). Two values can describe the same event when one contains the other
(:func:`nested`): ``2026-W12`` and ``2026-03-18`` can, ``2026-03-17`` and ``2026-03-18``
cannot. Containment rather than mere overlap keeps a merged event consistent: the most
specific value of its mentions lies inside all of them. Values that are no calendar
interval (``XXXX-03-24``, ``PRESENT_REF``) fall back to string prefixes
(``XXXX-03`` contains ``XXXX-03-24``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_VALUE = re.compile(
    r"^(?:(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|-W(?P<week>\d{2})(?P<weekend>-WE)?|-(?P<season>SP|SU|FA|WI)|-Q(?P<quarter>[1-4])"
    r"|-H(?P<half>[12]))?|(?P<decade>\d{3})|(?P<century>\d{2}))(?P<time>T.+)?$"
)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_PREFIX_CUTS = re.compile(r"-|(?<=\d)T")

Interval = tuple[dt.date, dt.date]


def _month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` (13, 14 = January, February of the next year)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _months(year: int, first: int, last: int) -> Interval:
    return dt.date(year, first, 1), _month_end(year, last)


@lru_cache(maxsize=65536)
def interval(value: str) -> Interval | None:
    """The first and last day of a calendar TIMEX3 value, or None when it is none.

    A time-of-day suffix is ignored (``2026-03-18TEV`` is the day ``2026-03-18``).
    """
    m = _VALUE.match(value)
    if m is None:
        return None
    g = m.groupdict()
    try:
        if g["decade"]:
            start = int(g["decade"]) * 10
            return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
        if g["century"]:
            start = int(g["century"]) * 100
            return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31)
        year = int(g["year"])
        if g["day"]:
            day = dt.date(year, int(g["month"]), int(g["day"]))
            return day, day
        if g["month"]:
            return _months(year, int(g["month"]), int(g["month"]))
        if g["week"]:
            monday = dt.date.fromisocalendar(year, int(g["week"]), 1)
            if g["weekend"]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if g["season"]:
            return _months(year, *_SEASON_MONTHS[g["season"]])
        if g["quarter"]:
            q = int(g["quarter"])
            return _months(year, 3 * q - 2, 3 * q)
        if g["half"]:
            h = int(g["half"])
            return _months(year, 6 * h - 5, 6 * h)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:  # 2026-02-30, week 54, year 0 …
        return None


def _values_of_day(day: dt.date) -> tuple[str, ...]:
    """Every calendar value, from a day to its century, whose days include ``day``."""
    y, m = day.year, day.month
    iso_year, iso_week, _ = day.isocalendar()
    season_year, season = (y - 1, "WI") if m <= 2 else (y, ("SP", "SU", "FA", "WI")[m // 3 - 1])
    values = [
        day.isoformat(),
        f"{iso_year:04d}-W{iso_week:02d}",
        f"{y:04d}-{m:02d}",
        f"{y:04d}-Q{(m - 1) // 3 + 1}",
        f"{season_year:04d}-{season}",
        f"{y:04d}-H{(m - 1) // 6 + 1}",
        f"{y:04d}",
        f"{y // 10:03d}",
        f"{y // 100:02d}",
    ]
    if day.isoweekday() >= 6:
        values.insert(1, f"{iso_year:04d}-W{iso_week:02d}-WE")
    return tuple(values)


def _prefixes(value: str) -> tuple[str, ...]:
    """``XXXX-03-24`` → ``("XXXX", "XXXX-03", "XXXX-03-24")`` (coarser first)."""
    cuts = [m.start() for m in _PREFIX_CUTS.finditer(value)]
    return (*[value[:cut] for cut in cuts if cut > 0], value)


@lru_cache(maxsize=65536)
def containers(value: str) -> tuple[str, ...]:
    """Every value whose days contain all days of ``value``, ``value`` itself included.

    ``2026-03-18`` → the day, ``2026-W12``, ``2026-03``, ``2026-Q1``, ``2026-SP``,
    ``2026-H1``, ``2026``, ``202``, ``20``. A value with a time-of-day suffix is contained
    in its day (and what contains the day), not in another time of that day.
    """
    span = interval(value)
    if span is None:
        return _prefixes(value)
    first, last = span
    out = [value]
    if "T" in value:
        out.extend(p for p in _prefixes(value)[:-1] if p not in out and "T" in p)
    for candidate in _values_of_day(first):
        outer = interval(candidate)
        if candidate not in out and outer is not None and outer[0] <= first and last <= outer[1]:
            out.append(candidate)
    return tuple(out)


def nested(a: str, b: str) -> bool:
    """True when one value's days contain the other's (equal values included)."""
    return a == b or a in containers(b) or b in containers(a)


@lru_cache(maxsize=65536)
def finer_prefixes(value: str) -> tuple[str, ...]:
    """String prefixes covering every value that ``value`` contains (a superset).

    A stored value inside ``value`` starts with one of these: a month's days start with
    the month, a week's days with one of its seven days, a quarter's weeks with the week.
    Used to pre-select candidates in SQL; :func:`nested` decides exactly.
    """
    span = interval(value)
    if span is None or "T" in value or value.isdigit():
        # Years, decades, centuries: everything inside starts with them (an ISO week
        # inside a calendar year has that year as its ISO year).
        return (value,)
    first, last = span
    short = (last - first).days < 28
    out: dict[str, None] = {value: None}
    day = first
    while day <= last:
        for candidate in _values_of_day(day):
            inner = interval(candidate)
            if _is_day(candidate):
                if short:  # a week's days; longer intervals reach theirs by month
                    out[candidate] = None
            elif _is_month(candidate) and not short:
                out[candidate] = None  # a month touched: its days start with it
            elif inner is not None and first <= inner[0] and inner[1] <= last:
                out[candidate] = None
        day += dt.timedelta(days=1)
    return tuple(out)


def _is_day(value: str) -> bool:
    return len(value) == 10 and value[8:].isdigit()


def _is_month(value: str) -> bool:
    return len(value) == 7 and value[5:].isdigit()


def specificity(value: str) -> tuple[int, int]:
    """Sort key, smaller = more specific: the number of days, then longer strings first.

    ``2026-03-18TEV`` < ``2026-03-18`` < ``2026-W12`` < ``2026-03`` < ``2026``.
    """
    span = interval(value)
    days = (span[1] - span[0]).days + 1 if span else 1_000_000 - 1000 * value.count("-")
    return days, -len(value)
