"""Plain-text files: the whole file is one article."""

from __future__ import annotations

from ..records import Article
from .checks import make_article
from .decode import decode_bytes


def read_text(
    data: bytes,
    where: str,
    *,
    published: str | None = None,
    allow_any_language: bool = False,
) -> Article:
    """One article from the bytes of a text file; ``published`` is the user's ``--published``.

    The text is kept as written (only a byte-order mark is dropped and line ends become ``\\n``)
    so that offsets point into exactly what the user gave. Raises E101/E102/E103/E104/E108.
    """
    text = decode_bytes(data, where)
    return make_article(
        text,
        where=where,
        override_published=published,
        allow_any_language=allow_any_language,
    )
