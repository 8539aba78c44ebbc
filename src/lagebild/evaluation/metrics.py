"""Counts that add up over articles: :class:`PRF` (precision/recall/F1) and :class:`Accuracy`.

Scores are micro-averaged: counts are summed over all articles first, then divided. A ratio
with a zero denominator is 0.0 (nothing predicted gives precision 0, nothing to find gives
recall 0); ``PRF.empty`` tells such a case apart from a real zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and false negatives of one layer."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @classmethod
    def from_counts(cls, matched: int, n_pred: int, n_gold: int) -> PRF:
        """From the number of matched pairs and the numbers of predicted and gold items."""
        return cls(tp=matched, fp=n_pred - matched, fn=n_gold - matched)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def empty(self) -> bool:
        """True when there was neither a gold nor a predicted item."""
        return self.tp + self.fp + self.fn == 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class Accuracy:
    """How many of ``total`` compared attribute values were equal."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.total)

    @property
    def empty(self) -> bool:
        return self.total == 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": round(self.accuracy, 4), "correct": self.correct, "total": self.total}


Score = PRF | Accuracy
Scores = dict[str, Score]


def add_scores(total: Scores, more: Scores) -> Scores:
    """Key-wise sum of two score dicts (keys missing on one side count as zero)."""
    out = dict(total)
    for key, value in more.items():
        out[key] = out[key] + value if key in out else value
    return out


def headline(name: str, score: Score) -> tuple[str, float]:
    """The one number of a score the quality gate looks at: ``name.f1`` or ``name.accuracy``."""
    if isinstance(score, PRF):
        return f"{name}.f1", score.f1
    return f"{name}.accuracy", score.accuracy
