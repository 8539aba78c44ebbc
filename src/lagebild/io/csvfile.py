"""CSV files with a header row naming the columns; one article per row.

The ``text`` column is required; ``id``, ``title``, ``published`` and ``url`` are read when
present (header names are matched case-insensitively), other columns are ignored. The
delimiter (``,`` ``;`` tab ``|``) and quote character are sniffed from the start of the file.
A row with broken quoting (a quote that never closes, text after a closing quote) is
rejected on its own; the rows after it are read.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import EmptyInput, LagebildError, MalformedRecord
from ..records import Article
from .checks import MAX_ARTICLE_BYTES, Rejected
from .decode import decode_bytes
from .records import FIELDS, record_to_article

_DELIMITERS = ",;\t|"
_SNIFF_CHARS = 64 * 1024


class _Sniffed(csv.Dialect):
    """A sniffed delimiter and quote character with RFC 4180 quoting rules."""

    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL

    def __init__(self, delimiter: str, quotechar: str, escapechar: str | None,
                 skipinitialspace: bool) -> None:
        self.delimiter = delimiter
        self.quotechar = quotechar
        self.escapechar = escapechar
        self.skipinitialspace = skipinitialspace
        # The sniffer says doublequote=False whenever its sample holds no "" pair; but
        # without an escape character a quote inside a quoted field can only be doubled,
        # and strict reading needs to know that to tell a doubled quote from a broken one.
        self.doublequote = True
        super().__init__()


def _dialect(sample: str) -> csv.Dialect:
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        return csv.excel()
    return _Sniffed(sniffed.delimiter, sniffed.quotechar or '"', sniffed.escapechar,
                    sniffed.skipinitialspace)


@dataclass(frozen=True)
class _Record:
    """One CSV record: its first line (1-based) and cells, or why it could not be read."""

    line: int
    cells: list[str] | None
    problem: str | None = None


def _broken_fragment(raw: str, quotechar: str | None) -> bool:
    """An odd number of quote characters: the record is part of a broken quoted field."""
    return bool(quotechar) and raw.count(quotechar) % 2 == 1


def _records(
    lines: list[str], dialect: csv.Dialect, start: int = 0
) -> Iterator[_Record]:
    """The records of ``lines[start:]``, recovering from broken quoting.

    The csv module cannot resume after a broken quote: a quote that never closes swallows
    every following line into one field (non-strict) or stops the reader (strict). So the
    reader runs strict, and a record it cannot read is reported by its first line; reading
    starts again on the line after it with a fresh reader. The first record after such a
    restart must have balanced quotes, else it is the rest of the broken field (the second
    paragraph of a broken multi-line text) and is reported too.
    """
    quotechar = getattr(dialect, "quotechar", '"')
    i = start
    resumed = False
    while i < len(lines):
        reader = csv.reader(itertools.islice(lines, i, None), dialect, strict=True)
        consumed = 0
        try:
            for cells in reader:
                first, end = i + consumed, i + reader.line_num
                if resumed and _broken_fragment("".join(lines[first:end]), quotechar):
                    raise csv.Error(f"unbalanced {quotechar} quote")
                consumed, resumed = reader.line_num, resumed and not cells
                yield _Record(first + 1, cells)
            return
        except csv.Error as exc:
            first = i + consumed
            yield _Record(first + 1, None, str(exc))
            i, resumed = first + 1, True


def iter_csv(
    data: bytes,
    name: str,
    *,
    published: str | None = None,
    allow_any_language: bool = False,
) -> Iterator[Article | Rejected]:
    """Articles from the bytes of a CSV file; a bad row becomes a Rejected (``name:line``).

    A row with broken quoting is rejected (E106, with its row and line number) and the rows
    after it are still read. Raises E101 for a file without rows and E106 when the header
    has no ``text`` column.
    """
    text = decode_bytes(data, name)
    if not text.strip():
        raise EmptyInput("the input is empty", where=name)
    # Articles are long; the csv module's default field limit (128 KiB) is not.
    csv.field_size_limit(max(csv.field_size_limit(), 2 * MAX_ARTICLE_BYTES))
    dialect = _dialect(text[:_SNIFF_CHARS])
    # Lines split as the csv module reads them (newline=""): \n, \r\n or \r, kept.
    lines = list(io.StringIO(text, newline=""))
    records = _records(lines, dialect)
    header_record = next(records)
    if header_record.cells is None:
        raise MalformedRecord(
            f"cannot read the CSV header: {header_record.problem}", where=f"{name}:1"
        )
    header = header_record.cells
    columns = [h.strip().lower() for h in header]
    if "text" not in columns:
        raise MalformedRecord(
            f"the CSV header {header!r} has no 'text' column "
            "(expected columns: text and optionally id, title, published, url)",
            where=f"{name}:1",
        )
    wanted = {field: columns.index(field) for field in FIELDS if field in columns}
    rows = 0
    for record in records:
        where = f"{name}:{record.line}"
        row = record.cells
        if row is not None and not any(cell.strip() for cell in row):
            continue
        rows += 1
        try:
            if row is None:
                raise MalformedRecord(
                    f"row {rows} has broken CSV quoting ({record.problem}); it is skipped, "
                    f"reading goes on with line {record.line + 1}",
                    where=where,
                )
            if len(row) != len(header):
                raise MalformedRecord(
                    f"the row has {len(row)} fields, the header {len(header)}", where=where
                )
            record_fields = {field: row[i] for field, i in wanted.items()}
            yield record_to_article(
                record_fields, where, published=published, allow_any_language=allow_any_language
            )
        except LagebildError as error:
            error.where = error.where or where
            yield Rejected(where=where, error=error)
    if not rows:
        raise EmptyInput("the CSV file has a header but no rows", where=name)
