"""Checks every reader applies before an input becomes an :class:`~lagebild.records.Article`."""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import parse_published
from ..errors import BadDate, EmptyInput, InputTooLarge, LagebildError, NotGerman
from ..language import german_share, looks_german
from ..records import Article


@dataclass(frozen=True)
class Rejected:
    """An input that could not become an article: where (``file`` or ``file:line``) and why."""

    where: str
    error: LagebildError


MAX_ARTICLE_BYTES = 5 * 1024 * 1024
"""An article longer than this (UTF-8 bytes of its text) is refused with E108."""


def check_size(n_bytes: int, where: str | None, what: str = "the article") -> None:
    """Raise :class:`InputTooLarge` (E108) when ``n_bytes`` exceeds :data:`MAX_ARTICLE_BYTES`."""
    if n_bytes > MAX_ARTICLE_BYTES:
        raise InputTooLarge(
            f"{what} has {n_bytes / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_ARTICLE_BYTES // 1024 // 1024} MB per article (split it into articles)",
            where=where,
        )


def make_article(
    text: str,
    *,
    where: str | None,
    published: str | None = None,
    override_published: str | None = None,
    id: str | None = None,  # noqa: A002  (the contract's field name)
    title: str | None = None,
    url: str | None = None,
    allow_any_language: bool = False,
) -> Article:
    """Validate one article's text and build the record.

    ``override_published`` (the user's ``--published``, already parsed) wins over the
    ``published`` found in the input, which is parsed here (E105 when it is not a date).
    Raises E101 for empty text, E108 for a text over the size limit and, unless
    ``allow_any_language``, E104 for a text that does not look German.
    """
    if not text.strip():
        raise EmptyInput("the article text is empty", where=where)
    check_size(len(text.encode("utf-8")), where)
    if not allow_any_language and not looks_german(text):
        n, share = german_share(text)
        raise NotGerman(
            f"the text does not look German ({share:.0%} German function words in {n} words); "
            "lagebild analyzes German only (use --allow-any-language to analyze it anyway)",
            where=where,
        )
    if override_published is not None:
        date: str | None = override_published
    else:
        try:
            date = parse_published(published)
        except BadDate as error:
            error.where = error.where or where
            raise
    return Article(text=text, published=date, id=id, title=title, url=url, source=where)
