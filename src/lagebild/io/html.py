"""HTML pages: the main text and metadata are extracted with trafilatura."""

from __future__ import annotations

from typing import Any

from ..errors import EmptyInput, InputTooLarge
from ..records import Article
from .checks import MAX_ARTICLE_BYTES, make_article
from .decode import decode_bytes

# Pages carry markup, scripts and styles around the text.
MAX_HTML_BYTES = 8 * MAX_ARTICLE_BYTES
# Dates from metadata and markup only: the extensive search guesses from copyright lines
# and free text ("© 2024" becomes 2024-01-01), and a wrong anchor date is worse than none.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def extract(html: str) -> dict[str, Any]:
    """trafilatura's text and metadata (``text``, ``title``, ``date``, ``url``) of a page."""
    import trafilatura  # heavy (lxml, jusText, htmldate): loaded only when a page comes in

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if result is None:
        return {}
    if isinstance(result, dict):
        return result
    return result.as_dict()


def read_html(
    data: bytes,
    where: str,
    *,
    published: str | None = None,
    allow_any_language: bool = False,
) -> Article:
    """One article from an HTML page.

    The publication date is the user's ``published`` if given, else the date trafilatura
    finds in the page's metadata, else None. Raises E101 when no article text is found.
    """
    if len(data) > MAX_HTML_BYTES:
        raise InputTooLarge(
            f"the page has {len(data) / 1024 / 1024:.1f} MB; the limit for an HTML page is "
            f"{MAX_HTML_BYTES // 1024 // 1024} MB",
            where=where,
        )
    html = decode_bytes(data, where)
    if not html.strip():
        raise EmptyInput("the input is empty", where=where)
    meta = extract(html)
    text = (meta.get("text") or "").strip()
    if not text:
        raise EmptyInput("no article text found in the HTML page", where=where)
    return make_article(
        text,
        where=where,
        published=meta.get("date"),
        override_published=published,
        title=meta.get("title") or None,
        url=meta.get("url") or None,
        allow_any_language=allow_any_language,
    )
