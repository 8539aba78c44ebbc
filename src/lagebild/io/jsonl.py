"""JSON Lines (one article object per line) and JSON (one object or an array of objects)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..errors import EmptyInput, LagebildError, MalformedRecord
from ..records import Article
from .checks import MAX_ARTICLE_BYTES, Rejected, check_size
from .decode import decode_bytes
from .records import record_to_article

# A line holds the text plus a little metadata; JSON escaping can double the size.
_MAX_LINE_BYTES = 2 * MAX_ARTICLE_BYTES + 64 * 1024


def _decode_line(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # JSON must be UTF-8, but exports from old tools are often Windows-1252.
        return decode_bytes(raw, where)


def iter_jsonl(
    lines: Iterable[bytes],
    name: str,
    *,
    published: str | None = None,
    allow_any_language: bool = False,
) -> Iterator[Article | Rejected]:
    """Articles from the raw lines of a JSONL file; a bad line becomes a Rejected.

    ``name`` is the file name used in ``where`` (``name:line``). Blank lines are skipped.
    Raises :class:`EmptyInput` (E101) when the file holds no record at all.
    """
    seen = 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen += 1
        where = f"{name}:{number}"
        try:
            if len(raw) > _MAX_LINE_BYTES:
                check_size(len(raw), where, "the line")
            try:
                record = json.loads(_decode_line(raw, where))
            except json.JSONDecodeError as exc:
                raise MalformedRecord(f"not valid JSON ({exc.msg} at column {exc.colno})",
                                      where=where) from exc
            yield record_to_article(
                record, where, published=published, allow_any_language=allow_any_language
            )
        except LagebildError as error:
            error.where = error.where or where
            yield Rejected(where=where, error=error)
    if not seen:
        raise EmptyInput("the JSONL input holds no records", where=name)


def iter_json(
    data: bytes,
    name: str,
    *,
    published: str | None = None,
    allow_any_language: bool = False,
) -> Iterator[Article | Rejected]:
    """Articles from a ``.json`` file: one article object, or an array of them.

    A bad element of an array becomes a Rejected (``name:#index``, counting from 1); a file
    that is not JSON raises :class:`MalformedRecord` (E106).
    """
    text = decode_bytes(data, name)
    if not text.strip():
        raise EmptyInput("the input is empty", where=name)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(
            f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})", where=name
        ) from exc
    if not isinstance(value, list):
        yield record_to_article(value, name, published=published,
                                allow_any_language=allow_any_language)
        return
    if not value:
        raise EmptyInput("the JSON array holds no records", where=name)
    for index, record in enumerate(value, start=1):
        where = f"{name}:#{index}"
        try:
            yield record_to_article(
                record, where, published=published, allow_any_language=allow_any_language
            )
        except LagebildError as error:
            error.where = error.where or where
            yield Rejected(where=where, error=error)
