"""Field validation shared by the record formats (JSONL, JSON, CSV): one mapping → one article."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import MalformedRecord
from ..records import Article
from .checks import make_article

FIELDS: tuple[str, ...] = ("id", "title", "published", "url", "text")
"""The fields lagebild reads from a record; other fields are ignored."""


def _optional_str(record: Mapping[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise MalformedRecord(
            f"field {name!r} must be a string, got {type(value).__name__}", where=where
        )
    return str(value)


def record_to_article(
    record: Any,
    where: str,
    *,
    published: str | None = None,
    allow_any_language: bool = False,
) -> Article:
    """Validate one record (``{"id", "title", "published", "url", "text"}``) into an Article.

    Raises E106 when the record is not an object or lacks a non-empty string ``text``, E105
    for a ``published`` value that is not a date (unless the user's ``published`` overrides
    it), and the text checks of :func:`~lagebild.io.checks.make_article`.
    """
    if not isinstance(record, Mapping):
        raise MalformedRecord(
            f"a record must be a JSON object with a 'text' field, got {type(record).__name__}",
            where=where,
        )
    text = record.get("text")
    if not isinstance(text, str):
        found = "missing" if text is None else f"a {type(text).__name__}, not a string"
        raise MalformedRecord(f"the 'text' field is {found}", where=where)
    if not text.strip():
        raise MalformedRecord("the 'text' field is empty", where=where)
    raw_date = record.get("published")
    if raw_date is not None and not isinstance(raw_date, str):
        raw_date = str(raw_date)
    return make_article(
        text,
        where=where,
        published=raw_date,
        override_published=published,
        id=_optional_str(record, "id", where),
        title=_optional_str(record, "title", where),
        url=_optional_str(record, "url", where),
        allow_any_language=allow_any_language,
    )
