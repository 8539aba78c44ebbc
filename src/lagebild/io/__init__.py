"""Readers: files, directories, globs and stdin → :class:`lagebild.records.Article`.

Formats are chosen by file extension (see :data:`FORMATS`); stdin and files without an
extension are sniffed (a first line starting with ``{`` is JSONL, ``[`` JSON, an HTML tag
HTML, anything else plain text). ``iter_inputs`` never raises for one bad article: it
yields a :class:`Rejected` in its place, so a batch keeps every good article and reports
the bad ones. See ``docs/input.md`` for the formats and the error codes.
"""

from __future__ import annotations

import glob
import itertools
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..dates import parse_published
from ..errors import EmptyInput, InputNotFound, LagebildError, UnsupportedFormat
from ..records import Article
from .checks import MAX_ARTICLE_BYTES, Rejected, check_size
from .csvfile import iter_csv
from .decode import SNIFF_BYTES, check_binary
from .html import read_html
from .jsonl import iter_json, iter_jsonl
from .text import read_text

__all__ = [
    "FORMATS",
    "MAX_ARTICLE_BYTES",
    "Rejected",
    "expand_paths",
    "iter_inputs",
    "read_articles",
    "sniff_format",
]

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
}
"""File extension → input format."""
STDIN = "-"
STDIN_NAME = "<stdin>"
_GLOB_CHARS = frozenset("*?[")


def sniff_format(head: bytes) -> str:
    """The format of an input from its first bytes: ``jsonl``, ``json``, ``html`` or ``text``."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    lower = start[:1024].lower()
    if lower.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lower:
        return "html"
    return "text"


def _format_of(path: Path) -> str | None:
    """The format of a file by extension; None for a file without an extension (sniff it)."""
    suffix = path.suffix.lower()
    if not suffix:
        return None
    if suffix not in FORMATS:
        raise UnsupportedFormat(
            f"unsupported file type {suffix!r}; lagebild reads "
            f"{', '.join(sorted(FORMATS))} (or - for stdin)",
            where=str(path),
        )
    return FORMATS[suffix]


def _walk(directory: Path) -> list[Path]:
    """Supported files under ``directory``, recursively, in name order; hidden ones skipped."""
    found = []
    for path in sorted(directory.rglob("*")):
        parts = path.relative_to(directory).parts
        if any(part.startswith(".") for part in parts):
            continue
        if path.is_file() and path.suffix.lower() in FORMATS:
            found.append(path)
    return found


def expand_paths(path: str) -> list[str]:
    """The input files that ``path`` names: itself, a directory's files, a glob's matches.

    Raises :class:`InputNotFound` (E107) when nothing exists there and :class:`EmptyInput`
    (E101) for a directory without any supported file.
    """
    if path == STDIN:
        return [STDIN]
    p = Path(path)
    if p.is_dir():
        files = _walk(p)
        if not files:
            raise EmptyInput(
                f"the directory holds no {', '.join(sorted(FORMATS))} files", where=path
            )
        return [str(f) for f in files]
    if p.exists():
        return [path]
    if _GLOB_CHARS & set(path):
        matches = sorted(glob.glob(path, recursive=True))
        files: list[str] = []
        for match in matches:
            m = Path(match)
            if m.is_dir():
                files.extend(str(f) for f in _walk(m))
            elif m.is_file():
                files.append(match)
        if files:
            return files
        raise InputNotFound("no file matches this pattern", where=path)
    raise InputNotFound("no such file or directory", where=path)


def _dispatch(
    fmt: str, data: bytes, name: str, published: str | None, allow_any_language: bool
) -> Iterator[Article | Rejected]:
    if fmt == "text":
        yield read_text(data, name, published=published, allow_any_language=allow_any_language)
    elif fmt == "html":
        yield read_html(data, name, published=published, allow_any_language=allow_any_language)
    elif fmt == "csv":
        yield from iter_csv(data, name, published=published,
                            allow_any_language=allow_any_language)
    elif fmt == "json":
        yield from iter_json(data, name, published=published,
                             allow_any_language=allow_any_language)
    else:
        lines = data.splitlines(keepends=True)
        yield from iter_jsonl(lines, name, published=published,
                              allow_any_language=allow_any_language)


def _read_stdin(published: str | None, allow_any_language: bool) -> Iterator[Article | Rejected]:
    if sys.stdin is None:
        raise InputNotFound("there is no standard input to read", where=STDIN_NAME)
    buffer = sys.stdin.buffer
    head: list[bytes] = []
    while True:  # up to the first non-blank line: enough to tell JSONL from text
        line = buffer.readline()
        head.append(line)
        if not line or line.strip():
            break
    if sniff_format(b"".join(head)) == "jsonl":
        # Streamed line by line: a JSONL feed on stdin may be long.
        lines: Iterable[bytes] = itertools.chain(head, buffer)
        yield from iter_jsonl(lines, STDIN_NAME, published=published,
                              allow_any_language=allow_any_language)
        return
    data = b"".join(head) + buffer.read()
    yield from _dispatch(sniff_format(data), data, STDIN_NAME, published, allow_any_language)


def _read_file(
    name: str, published: str | None, allow_any_language: bool
) -> Iterator[Article | Rejected]:
    path = Path(name)
    fmt = _format_of(path)
    try:
        if fmt == "jsonl":
            with path.open("rb") as handle:
                check_binary(handle.read(SNIFF_BYTES), name)
                handle.seek(0)
                yield from iter_jsonl(handle, name, published=published,
                                      allow_any_language=allow_any_language)
            return
        if fmt in (None, "text"):
            # A text file is one article: refuse a huge one before reading it.
            check_size(path.stat().st_size, name, "the file")
        data = path.read_bytes()
    except OSError as exc:
        raise InputNotFound(f"cannot read the file: {exc.strerror or exc}", where=name) from exc
    yield from _dispatch(fmt or sniff_format(data[:SNIFF_BYTES]), data, name, published,
                         allow_any_language)


def _read_one(
    name: str, published: str | None, allow_any_language: bool
) -> Iterator[Article | Rejected]:
    """Items of one concrete input; a whole-input failure becomes one Rejected."""
    try:
        if name == STDIN:
            yield from _read_stdin(published, allow_any_language)
        else:
            yield from _read_file(name, published, allow_any_language)
    except LagebildError as error:
        where = error.where or (STDIN_NAME if name == STDIN else name)
        error.where = where
        yield Rejected(where=where, error=error)


def iter_inputs(
    paths: Sequence[str],
    published: str | None = None,
    *,
    allow_any_language: bool = False,
) -> Iterator[Article | Rejected]:
    """Articles from files, directories (recursive), globs or ``-``; bad ones as Rejected.

    ``published`` (YYYY-MM-DD or TT.MM.JJJJ) overrides any date found in the inputs; a bad
    value raises :class:`~lagebild.errors.BadDate` (E105) at once, as it concerns all
    inputs. Unless ``allow_any_language``, texts that do not look German are rejected (E104).
    Rejected items carry ``where`` = ``file`` or ``file:line`` (JSONL, CSV).
    """
    date = parse_published(published)
    if isinstance(paths, (str, Path)):  # one path given bare: not a sequence of characters
        paths = [str(paths)]
    for path in paths:
        try:
            names = expand_paths(path)
        except LagebildError as error:
            yield Rejected(where=error.where or path, error=error)
            continue
        for name in names:
            yield from _read_one(name, date, allow_any_language)


def read_articles(
    path: str,
    published: str | None = None,
    *,
    allow_any_language: bool = False,
) -> Iterator[Article]:
    """Articles from ``path`` (a file, directory, glob or ``-`` for stdin).

    Unlike :func:`iter_inputs` this raises the :class:`~lagebild.errors.LagebildError` of the
    first bad input (E101–E109), for callers that want all or nothing.
    """
    for item in iter_inputs([path], published, allow_any_language=allow_any_language):
        if isinstance(item, Rejected):
            raise item.error
        yield item
