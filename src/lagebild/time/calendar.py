"""Calendar arithmetic and TIMEX3 value formatting (pure functions on ``datetime.date``)."""

from __future__ import annotations

import datetime as dt

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` shifted by whole months, the day clamped to the target month's length."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise ValueError(f"cannot shift {d} by {months} months")


def shift(d: dt.date, unit: str, amount: int) -> dt.date:
    """``d`` shifted by ``amount`` TIMEX units (D, W, M, Y, DE, CE, or T-units as days 0)."""
    if unit == "D":
        return d + dt.timedelta(days=amount)
    if unit == "W":
        return d + dt.timedelta(weeks=amount)
    if unit == "M":
        return add_months(d, amount)
    if unit == "Y":
        return add_months(d, 12 * amount)
    if unit == "DE":
        return add_months(d, 120 * amount)
    if unit == "CE":
        return add_months(d, 1200 * amount)
    return d


def value_at_precision(d: dt.date, unit: str) -> str:
    """The TIMEX value of ``d`` at the precision a unit implies (W → week, M → month ...)."""
    if unit == "W":
        return week_value(d)
    if unit == "M":
        return month_value(d.year, d.month)
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return day_value(d)


def underspecified(unit: str) -> str:
    """The value for an unresolvable expression of the given precision."""
    return {
        "W": "XXXX-WXX",
        "M": "XXXX-XX",
        "Y": "XXXX",
        "DE": "XXX",
        "CE": "XX",
    }.get(unit, "XXXX-XX-XX")


def season_instance(d: dt.date) -> tuple[int, str]:
    """(year, season) containing ``d``; winter belongs to the year it starts in (Dec)."""
    m = d.month
    if m in (12,):
        return d.year, "WI"
    if m in (1, 2):
        return d.year - 1, "WI"
    if m <= 5:
        return d.year, "SP"
    if m <= 8:
        return d.year, "SU"
    return d.year, "FA"


def season_start(year: int, season: str) -> dt.date:
    return dt.date(year, SEASON_START_MONTH[season], 1)


def weekday_date(dct: dt.date, weekday: int, direction: str, strict: bool = False) -> dt.date:
    """The ``weekday`` (1=Mon) nearest ``dct`` going ``"back"`` or ``"forward"``.

    Non-strict includes ``dct`` itself; strict skips it ("vergangenen Freitag" on a Friday).
    """
    if direction == "back":
        delta = (dct.isoweekday() - weekday) % 7
        if strict and delta == 0:
            delta = 7
        return dct - dt.timedelta(days=delta)
    delta = (weekday - dct.isoweekday()) % 7
    if strict and delta == 0:
        delta = 7
    return dct + dt.timedelta(days=delta)


def monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.isoweekday() - 1)


def duration_value(amount: float | None, unit: str) -> str:
    """``P3D``, ``PT3H``, ``PXW`` ...; fractions move to a smaller unit (1.5 years → P18M)."""
    clock = unit.startswith("T")
    letter = unit[1:] if clock else unit
    if amount is not None and amount != int(amount):
        smaller = {
            "Y": ("M", 12),
            "M": ("D", 30),
            "W": ("D", 7),
            "D": ("TH", 24),
            "TH": ("TM", 60),
            "TM": ("TS", 60),
            "DE": ("Y", 10),
            "CE": ("Y", 100),
        }
        key = unit if clock else letter
        if key in smaller:
            new_unit, factor = smaller[key]
            return duration_value(amount * factor, new_unit)
    n = "X" if amount is None else str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"PT{n}{letter}" if clock else f"P{n}{letter}"


def easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
