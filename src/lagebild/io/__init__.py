"""Readers: files, directories, stdin → :class:`lagebild.records.Article`.

``iter_inputs`` never raises for one bad article: it yields a :class:`Rejected` in its place,
so a batch keeps every good article and reports the bad ones.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import EmptyInput, InputNotFound, LagebildError
from ..records import Article


@dataclass(frozen=True)
class Rejected:
    """An input that could not become an article: where it was and why."""

    where: str
    error: LagebildError


def read_articles(path: str, *, published: str | None = None) -> Iterator[Article]:
    """Articles from ``path`` (``-`` for stdin)."""
    if path == "-":
        text = sys.stdin.buffer.read().decode("utf-8")
    else:
        p = Path(path)
        if not p.exists():
            raise InputNotFound(f"no such file: {path}")
        text = p.read_text(encoding="utf-8")
    if not text.strip():
        raise EmptyInput("the input is empty", where=path)
    yield Article(text=text, published=published)


def iter_inputs(paths: Sequence[str], *, published: str | None = None) -> Iterator[Article | Rejected]:
    """Articles from files, directories (recursive), globs or ``-``; bad ones as Rejected."""
    for path in paths:
        try:
            yield from read_articles(path, published=published)
        except LagebildError as error:
            yield Rejected(where=path, error=error)
