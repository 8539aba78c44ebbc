"""Scoring of span layers: temporal expressions and entity mentions.

Items are plain dicts with ``start``/``end`` character offsets (as in the ``analyze`` JSON
contract and in :class:`~lagebild.evaluation.gold.GoldArticle`) plus ``type`` and the
attribute (``value`` for timex, ``actor`` for entities). Pairs are one-to-one: an item is
matched at most once, so a duplicated prediction counts once as correct and once as wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .matching import Preference, align
from .metrics import PRF, Accuracy, Scores

Item = dict[str, Any]
# The gold set annotates persons, organisations and places only; a MISC mention (an event
# name, a nationality used as a name) is outside its scope, so neither right nor wrong.
UNSCORED_ENTITY_TYPES = frozenset({"MISC"})


def _exact(typed: bool) -> Callable[[Item, Item], Preference | None]:
    def prefer(g: Item, p: Item) -> Preference | None:
        same = g["start"] == p["start"] and g["end"] == p["end"]
        if same and (not typed or g.get("type") == p.get("type")):
            return ()
        return None

    return prefer


def _overlapping(g: Item, p: Item) -> Preference | None:
    overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
    if overlap <= 0:
        return None
    # The largest overlap first, then the closest boundaries.
    return (overlap, -abs(g["start"] - p["start"]) - abs(g["end"] - p["end"]))


def relaxed_pairs(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[Item, Item]]:
    """One-to-one pairs of overlapping spans, the largest overlap first."""
    return _pairs(gold, pred, _overlapping)


def _pairs(
    gold: Sequence[Item], pred: Sequence[Item], prefer: Callable[[Item, Item], Preference | None]
) -> list[tuple[Item, Item]]:
    found = align(len(gold), len(pred), lambda i, j: prefer(gold[i], pred[j]))
    return [(gold[i], pred[j]) for i, j in found]


def _attribute_scores(
    pairs: list[tuple[Item, Item]], key: str, n_gold: int, n_pred: int
) -> tuple[PRF, Accuracy]:
    correct = sum(1 for g, p in pairs if g.get(key) == p.get(key))
    return PRF.from_counts(correct, n_pred, n_gold), Accuracy(correct, len(pairs))


def score_timex(gold: Sequence[Item], pred: Sequence[Item]) -> Scores:
    """Timex scores of one article.

    - ``timex.span``: exact offsets, type ignored.
    - ``timex.span_typed``: exact offsets and equal TIMEX3 type.
    - ``timex.relaxed``: offsets overlap by at least one character; pairs with the largest
      overlap are taken first.
    - ``timex.value``: a prediction is correct when it is paired under the relaxed rule AND
      its value equals the gold value (the TempEval-3 value F1).
    - ``timex.matched_value``: value equality over the relaxed pairs alone.
    """
    relaxed = _pairs(gold, pred, _overlapping)
    value_prf, value_acc = _attribute_scores(relaxed, "value", len(gold), len(pred))
    counts = {
        "timex.span": len(_pairs(gold, pred, _exact(typed=False))),
        "timex.span_typed": len(_pairs(gold, pred, _exact(typed=True))),
        "timex.relaxed": len(relaxed),
    }
    scores: Scores = {
        name: PRF.from_counts(n, len(pred), len(gold)) for name, n in counts.items()
    }
    scores["timex.value"] = value_prf
    scores["timex.matched_value"] = value_acc
    return scores


def scored_entities(gold: Sequence[Item], pred: Sequence[Item]) -> list[Item]:
    """The predictions that entity scoring looks at (see ``UNSCORED_ENTITY_TYPES``)."""
    unscored = UNSCORED_ENTITY_TYPES - {g.get("type") for g in gold}
    return [p for p in pred if p.get("type") not in unscored]


def score_entities(gold: Sequence[Item], pred: Sequence[Item]) -> Scores:
    """Entity scores of one article.

    - ``entities.typed``: exact offsets and equal type (PER/ORG/LOC/MISC).
    - ``entities.untyped``: exact offsets, type ignored.
    - ``entities.actor``: accuracy of the actor code over the untyped pairs; a gold null
      and a predicted null are equal (correct).
    - ``entities.with_actor``: a prediction is correct when it is an untyped pair AND its
      actor equals the gold actor (so actor errors and span errors both cost F1).

    Predicted mentions of a type in ``UNSCORED_ENTITY_TYPES`` (MISC) are left out unless
    the gold list itself has mentions of that type.
    """
    pred = scored_entities(gold, pred)
    untyped = _pairs(gold, pred, _exact(typed=False))
    actor_prf, actor_acc = _attribute_scores(untyped, "actor", len(gold), len(pred))
    return {
        "entities.typed": PRF.from_counts(
            len(_pairs(gold, pred, _exact(typed=True))), len(pred), len(gold)
        ),
        "entities.untyped": PRF.from_counts(len(untyped), len(pred), len(gold)),
        "entities.with_actor": actor_prf,
        "entities.actor": actor_acc,
    }
