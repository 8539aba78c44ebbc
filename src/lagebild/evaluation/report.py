"""Running the pipeline over gold articles and summing the per-article scores."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..analysis import analyze_articles
from ..records import AnalyzedArticle, Article
from .events import score_events
from .gold import GoldArticle, load_gold_dir
from .metrics import PRF, Accuracy, Scores, add_scores, headline
from .spans import score_entities, score_timex

PER_TYPE_SEPARATOR = "/"
MACRO_LEVELS = ("events.type", "events.actors")


def score_article(gold: GoldArticle, pred: AnalyzedArticle | dict[str, Any]) -> Scores:
    """All scores of one article; ``pred`` is a result or its ``to_dict()`` JSON."""
    data = pred.to_dict() if isinstance(pred, AnalyzedArticle) else pred
    if data.get("text") not in (None, gold.text):
        raise ValueError(f"prediction for {gold.id} was made on a different text")
    scores: Scores = {}
    scores.update(score_timex(gold.timex, data.get("timex", [])))
    scores.update(score_entities(gold.entities, data.get("entities", [])))
    scores.update(score_events(gold.events, data.get("events", [])))
    return scores


@dataclass(frozen=True)
class ArticleScores:
    """The scores of one gold article."""

    id: str
    scores: Scores


@dataclass
class EvalReport:
    """Micro-averaged totals, macro-F1 over event types, and the per-article scores."""

    articles: list[ArticleScores]
    totals: Scores = field(default_factory=dict)
    pipeline_seconds: float = 0.0
    scoring_seconds: float = 0.0
    gold: list[GoldArticle] = field(default_factory=list)
    outputs: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.totals:
            for article in self.articles:
                self.totals = add_scores(self.totals, article.scores)

    @property
    def layers(self) -> Scores:
        """The overall scores, per-type entries left out."""
        return {k: v for k, v in self.totals.items() if PER_TYPE_SEPARATOR not in k}

    def per_type(self, level: str = "events.type") -> dict[str, PRF]:
        """Per event type P/R/F1 at ``level`` over all articles (types seen in gold or output)."""
        prefix = level + PER_TYPE_SEPARATOR
        return {
            k[len(prefix):]: v
            for k, v in sorted(self.totals.items())
            if k.startswith(prefix) and isinstance(v, PRF) and not v.empty
        }

    def macro_f1(self, level: str = "events.type") -> float:
        """Unweighted mean of the per-type F1 over types that occur in gold or output."""
        values = [s.f1 for s in self.per_type(level).values()]
        return sum(values) / len(values) if values else 0.0

    def headline(self) -> dict[str, float]:
        """One number per layer (``<layer>.f1``, ``<layer>.accuracy``, ``<level>.macro_f1``).

        These are the names that ``benchmarks/floors.json`` puts floors on.
        """
        values = dict(headline(name, score) for name, score in self.layers.items())
        for level in MACRO_LEVELS:
            values[f"{level}.macro_f1"] = self.macro_f1(level)
        return values

    def to_dict(self, *, per_article: bool = True, per_type: bool = True) -> dict[str, Any]:
        """Machine-readable report (what ``lagebild eval --json`` prints)."""
        out: dict[str, Any] = {
            "articles": len(self.articles),
            "seconds": {
                "pipeline": round(self.pipeline_seconds, 3),
                "scoring": round(self.scoring_seconds, 3),
            },
            "layers": {
                k: v.to_dict() for k, v in self.layers.items() if isinstance(v, PRF)
            },
            "attributes": {
                k: v.to_dict() for k, v in self.layers.items() if isinstance(v, Accuracy)
            },
            "macro_f1": {level: round(self.macro_f1(level), 4) for level in MACRO_LEVELS},
            "headline": {k: round(v, 4) for k, v in self.headline().items()},
        }
        if per_type:
            out["per_type"] = {
                level: {t: s.to_dict() for t, s in self.per_type(level).items()}
                for level in MACRO_LEVELS
            }
        if per_article:
            out["per_article"] = [
                {
                    "id": a.id,
                    **{
                        k: v.to_dict()
                        for k, v in a.scores.items()
                        if PER_TYPE_SEPARATOR not in k and isinstance(v, PRF)
                    },
                }
                for a in self.articles
            ]
        return out


def evaluate_articles(nlp: Language, gold: Sequence[GoldArticle]) -> EvalReport:
    """Analyze every gold text with ``nlp`` (against its publication date) and score it."""
    articles = [Article(text=g.text, published=g.published, id=g.id) for g in gold]
    started = time.perf_counter()
    outputs = [result.to_dict() for result in analyze_articles(nlp, articles)]
    scored = time.perf_counter()
    per_article = [
        ArticleScores(g.id, score_article(g, r)) for g, r in zip(gold, outputs, strict=True)
    ]
    report = EvalReport(per_article, gold=list(gold), outputs=outputs)
    report.pipeline_seconds = scored - started
    report.scoring_seconds = time.perf_counter() - scored
    return report


def evaluate_dir(
    path: str | Path, *, nlp: Language | None = None, model: str | None = None
) -> EvalReport:
    """Evaluate the pipeline (``nlp``, else ``lagebild.load(model)``) on a gold directory.

    Raises :class:`~lagebild.errors.GoldFormatError` (E401) for a bad or empty gold set
    before the pipeline is loaded.
    """
    gold = load_gold_dir(path)
    if nlp is None:
        from ..pipeline import load

        nlp = load(model)
    return evaluate_articles(nlp, gold)
