"""CSV files with a header row naming the columns; one article per row.

The ``text`` column is required; ``id``, ``title``, ``published`` and ``url`` are read when
present (header names are matched case-insensitively), other columns are ignored. The
delimiter (``,`` ``;`` tab ``|``) and quote character are sniffed from the start of the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..errors import EmptyInput, LagebildError, MalformedRecord
from ..records import Article
from .checks import MAX_ARTICLE_BYTES, Rejected
from .decode import decode_bytes
from .records import FIELDS, record_to_article

_DELIMITERS = ",;\t|"
_SNIFF_CHARS = 64 * 1024


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        return csv.excel


def iter_csv(
    data: bytes,
    name: str,
    *,
    published: str | None = None,
    allow_any_language: bool = False,
) -> Iterator[Article | Rejected]:
    """Articles from the bytes of a CSV file; a bad row becomes a Rejected (``name:line``).

    Raises E101 for a file without rows and E106 when the header has no ``text`` column.
    """
    text = decode_bytes(data, name)
    if not text.strip():
        raise EmptyInput("the input is empty", where=name)
    # Articles are long; the csv module's default field limit (128 KiB) is not.
    csv.field_size_limit(max(csv.field_size_limit(), 2 * MAX_ARTICLE_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text[:_SNIFF_CHARS]))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise MalformedRecord(f"cannot read the CSV header: {exc}", where=f"{name}:1") from exc
    columns = [h.strip().lower() for h in header]
    if "text" not in columns:
        raise MalformedRecord(
            f"the CSV header {header!r} has no 'text' column "
            "(expected columns: text and optionally id, title, published, url)",
            where=f"{name}:1",
        )
    wanted = {field: columns.index(field) for field in FIELDS if field in columns}
    last_line = reader.line_num
    rows = 0
    while True:
        line = last_line + 1
        where = f"{name}:{line}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            # The csv module cannot resume after a broken quote; the rest is lost.
            yield Rejected(where, MalformedRecord(f"broken CSV: {exc}", where=where))
            break
        last_line = reader.line_num
        if not row or not any(cell.strip() for cell in row):
            continue
        rows += 1
        try:
            if len(row) != len(header):
                raise MalformedRecord(
                    f"the row has {len(row)} fields, the header {len(header)}", where=where
                )
            record = {field: row[i] for field, i in wanted.items()}
            yield record_to_article(
                record, where, published=published, allow_any_language=allow_any_language
            )
        except LagebildError as error:
            error.where = error.where or where
            yield Rejected(where=where, error=error)
    if not rows:
        raise EmptyInput("the CSV file has a header but no rows", where=name)
