"""Opening the DuckDB file: short-lived connections, lock waits, one writer at a time.

DuckDB allows one read-write process *or* several read-only processes on a file. lagebild
never keeps a connection open longer than one unit of work: an ingest opens the file for
each batch (one transaction), closes it, and analyzes the next batch with the file free;
a query opens it read-only, reads, closes. Whoever finds the file locked waits with
exponential backoff (up to ``wait`` seconds) and then fails with a clear StoreError. So a
reader (a CLI query, the web UI) running while an ingest writes sees the store as of the
last committed batch, and waits at most the length of one batch write.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import StoreError
from .schema import check_readable, migrate

DEFAULT_DB = "lagebild.duckdb"
DEFAULT_WAIT = 30.0
_FIRST_PAUSE = 0.02
# A failed lock attempt costs a few milliseconds, while an ingest leaves the file free
# only while it analyzes its next batch (tens of ms for small batches): a long backoff makes
# a reader miss those gaps and starve for seconds, so the pause stays short.
_MAX_PAUSE = 0.05


def _is_lock_error(error: Exception) -> bool:
    text = str(error)
    return "lock" in text.lower() and isinstance(error, duckdb.IOException)


def _open(path: Path, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    pause = _FIRST_PAUSE
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:
            if _is_lock_error(error) and time.monotonic() + pause < deadline:
                time.sleep(pause)
                pause = min(pause * 2, _MAX_PAUSE)
                continue
            if _is_lock_error(error):
                raise StoreError(
                    f"the store is locked by another process for more than {wait:g} s",
                    where=str(path),
                ) from error
            raise StoreError(f"cannot open the store: {error}", where=str(path)) from error


@contextmanager
def connect(
    path: str | Path, *, read_only: bool, wait: float = DEFAULT_WAIT
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the store at ``path`` for one unit of work, closed afterwards.

    Read-write connections create the file and migrate it to the current schema;
    read-only ones require an existing, current store.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError("no store here (run `lagebild ingest` first)", where=str(path))
    if not read_only and path.parent and not path.parent.exists():
        raise StoreError("the directory of the store does not exist", where=str(path))
    con = _open(path, read_only=read_only, wait=wait)
    try:
        try:
            if read_only:
                check_readable(con)
            else:
                migrate(con)
        except duckdb.Error as error:
            raise StoreError(f"cannot use the store: {error}", where=str(path)) from error
        yield con
    finally:
        con.close()
