"""Readers: files, directories, stdin → :class:`lagebild.records.Article`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import EmptyInput, InputNotFound
from ..records import Article


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
