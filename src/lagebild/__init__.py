"""lagebild: German news to a situation picture.

Public API::

    import lagebild
    result = lagebild.analyze("Die Nato-Außenminister wollen am Freitag beraten.",
                              published="2022-01-04")
    result.to_dict()   # the JSON contract of DESIGN.md
"""

from __future__ import annotations

from .analysis import analyze, analyze_articles, doc_to_record
from .errors import LagebildError
from .pipeline import build, load
from .records import AnalyzedArticle, Article, Entity, Event, Geo, Offsets, Timex, Trigger

__version__ = "0.2.0"

__all__ = [
    "AnalyzedArticle",
    "Article",
    "Entity",
    "Event",
    "Geo",
    "LagebildError",
    "Offsets",
    "Timex",
    "Trigger",
    "__version__",
    "analyze",
    "analyze_articles",
    "build",
    "doc_to_record",
    "load",
]
