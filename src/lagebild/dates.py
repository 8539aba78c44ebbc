"""Parsing of user-given dates (``--published``, JSONL/CSV fields, HTML metadata)."""

from __future__ import annotations

import datetime as dt
import re

from .errors import BadDate

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$")
_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_published(value: str | dt.date | None) -> str | None:
    """Normalize a publication date to ``YYYY-MM-DD``; None stays None.

    Accepts ISO dates, ISO timestamps (the date part is kept) and German ``TT.MM.JJJJ``.
    Raises :class:`BadDate` (E105) for anything else or an impossible calendar date.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raw = str(value).strip()
    if not raw:
        return None
    m = _ISO_PREFIX.match(raw)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _GERMAN.match(raw)
        if not m:
            raise BadDate(f"publication date {raw!r} is not YYYY-MM-DD")
        d, mo, y = (int(g) for g in m.groups())
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError as exc:
        raise BadDate(f"publication date {raw!r} is not a calendar date ({exc})") from exc
