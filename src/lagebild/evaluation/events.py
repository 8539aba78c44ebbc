"""Scoring of PLOVER events against gold events.

Events are plain dicts in the ``analyze`` JSON contract: ``type``, ``source``, ``target``,
``status``, ``mode``, ``date``, ``place`` and optionally ``trigger``/``evidence`` with
``start``/``end`` offsets. Each level below aligns gold and predicted events of one article
one-to-one on its own (see :func:`lagebild.evaluation.matching.align`):

- ``events.type`` (a): same type.
- ``events.actors`` (b): same type, the same set of ``source`` codes and the same set of
  ``target`` codes (order and repetitions ignored; source and target are not swapped).
- ``events.shared_actor`` (c): same type and the actor sets ``source ∪ target`` share a
  code, or both are empty.

Among allowed pairs the preference is, in this order: the triggers overlap (best), else the
evidence spans overlap; then the higher Jaccard similarity of the actor sets (two empty sets
count 1.0); then the closer evidence starts. Events without offsets have no overlap and no
distance. Rule 1 of the gold README lets any mention of an event anchor it, so a same-type
pair with no overlap still counts; overlap only decides which pairs are formed.

On the pairs of level (a), ``events.date``, ``events.status`` and ``events.mode`` are
accuracies of exact string equality, where null equals null; ``events.place`` compares the
places the names denote (:func:`lagebild.evaluation.places.same_place`: "Kyjiw" = "Kiew"),
else the normalised names.
Per-type scores are ``events.type/<TYPE>`` (level a) and ``events.actors/<TYPE>`` (level b).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from .matching import Preference, align
from .metrics import PRF, Accuracy, Scores
from .places import same_place

Item = dict[str, Any]
ATTRIBUTES = ("date", "status", "mode", "place")


def _equal(a: object, b: object) -> bool:
    return a == b


# How a gold and a predicted attribute value agree; exact equality unless named here.
ATTRIBUTE_AGREES: dict[str, Callable[[Any, Any], bool]] = {"place": same_place}


def _offsets(event: Item, key: str) -> tuple[int, int] | None:
    span = event.get(key)
    if isinstance(span, dict) and "start" in span and "end" in span:
        return int(span["start"]), int(span["end"])
    return None


def _overlap(g: Item, p: Item, key: str) -> bool:
    a, b = _offsets(g, key), _offsets(p, key)
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def actor_set(event: Item) -> frozenset[str]:
    """All actor codes of an event: ``source ∪ target``."""
    return frozenset(event.get("source") or ()) | frozenset(event.get("target") or ())


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _preference(g: Item, p: Item) -> Preference:
    anchor = 2 if _overlap(g, p, "trigger") else 1 if _overlap(g, p, "evidence") else 0
    a, b = _offsets(g, "evidence"), _offsets(p, "evidence")
    distance = abs(a[0] - b[0]) if a and b else 0
    return (anchor, _jaccard(actor_set(g), actor_set(p)), -distance)


def same_type(g: Item, p: Item) -> bool:
    """Level (a)."""
    return g.get("type") == p.get("type")


def same_actors(g: Item, p: Item) -> bool:
    """Level (b): same type, equal source sets and equal target sets."""
    return (
        same_type(g, p)
        and frozenset(g.get("source") or ()) == frozenset(p.get("source") or ())
        and frozenset(g.get("target") or ()) == frozenset(p.get("target") or ())
    )


def shares_actor(g: Item, p: Item) -> bool:
    """Level (c): same type and a common actor, or no actors on either side."""
    ga, pa = actor_set(g), actor_set(p)
    return same_type(g, p) and (bool(ga & pa) or (not ga and not pa))


LEVELS: dict[str, Callable[[Item, Item], bool]] = {
    "events.type": same_type,
    "events.actors": same_actors,
    "events.shared_actor": shares_actor,
}


def align_events(
    gold: Sequence[Item], pred: Sequence[Item], allowed: Callable[[Item, Item], bool]
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold_index, pred_index)`` under ``allowed``, by the preference above."""

    def prefer(i: int, j: int) -> Preference | None:
        return _preference(gold[i], pred[j]) if allowed(gold[i], pred[j]) else None

    return align(len(gold), len(pred), prefer)


def _per_type(
    name: str, gold: Sequence[Item], pred: Sequence[Item], pairs: list[tuple[int, int]]
) -> Scores:
    n_gold = Counter(e.get("type") for e in gold)
    n_pred = Counter(e.get("type") for e in pred)
    matched = Counter(gold[i].get("type") for i, _ in pairs)
    return {
        f"{name}/{t}": PRF.from_counts(matched[t], n_pred[t], n_gold[t])
        for t in sorted(set(n_gold) | set(n_pred), key=str)
    }


def score_events(gold: Sequence[Item], pred: Sequence[Item]) -> Scores:
    """Event scores of one article: levels (a)–(c), attribute accuracies, per-type scores."""
    scores: Scores = {}
    pairs_by_level = {name: align_events(gold, pred, rule) for name, rule in LEVELS.items()}
    for name, pairs in pairs_by_level.items():
        scores[name] = PRF.from_counts(len(pairs), len(pred), len(gold))
    type_pairs = pairs_by_level["events.type"]
    for attribute in ATTRIBUTES:
        agrees = ATTRIBUTE_AGREES.get(attribute, _equal)
        correct = sum(
            1 for i, j in type_pairs if agrees(gold[i].get(attribute), pred[j].get(attribute))
        )
        scores[f"events.{attribute}"] = Accuracy(correct, len(type_pairs))
    for name in ("events.type", "events.actors"):
        scores.update(_per_type(name, gold, pred, pairs_by_level[name]))
    return scores
