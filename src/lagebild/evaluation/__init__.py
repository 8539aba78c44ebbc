"""Evaluation of lagebild against gold files: P/R/F1 per layer and the quality gate.

The scoring functions work on plain dict lists and need no pipeline::

    from lagebild.evaluation import score_timex
    score_timex(gold, pred)["timex.value"].f1

:func:`evaluate_dir` runs the pipeline over a gold directory and returns an
:class:`EvalReport`. The matching rules are in the docstrings of :mod:`.gold`, :mod:`.spans`
and :mod:`.events`, and in ``docs/evaluation.md``.
"""

from __future__ import annotations

from .events import score_events
from .floors import FloorCheck, check_floors, load_floors
from .gold import GoldArticle, load_gold_dir, load_gold_file, parse_gold
from .metrics import PRF, Accuracy, Scores
from .report import ArticleScores, EvalReport, evaluate_articles, evaluate_dir, score_article
from .spans import score_entities, score_timex

__all__ = [
    "PRF",
    "Accuracy",
    "ArticleScores",
    "EvalReport",
    "FloorCheck",
    "GoldArticle",
    "Scores",
    "check_floors",
    "evaluate_articles",
    "evaluate_dir",
    "load_floors",
    "load_gold_dir",
    "load_gold_file",
    "parse_gold",
    "score_article",
    "score_entities",
    "score_events",
    "score_timex",
]
