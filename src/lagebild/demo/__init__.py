"""The bundled sample articles (invented German news-style texts, see README.md here)."""

from __future__ import annotations

from pathlib import Path

from ..records import Article

ARTICLES_PATH = Path(__file__).with_name("articles.jsonl")
"""JSONL file of the demo articles: ``id``, ``title``, ``published``, ``url``, ``text``."""


def demo_articles() -> list[Article]:
    """The demo articles in file order, read through the ordinary JSONL reader."""
    from ..io import read_articles

    return list(read_articles(str(ARTICLES_PATH)))
