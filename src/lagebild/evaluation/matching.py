"""One-to-one alignment of gold and predicted items.

:func:`align` pairs items greedily by preference, then completes the pairing to maximum
cardinality with augmenting paths, so no allowed pair is lost to an unlucky greedy choice
(the pairing of an already matched gold item may change; it stays matched).
"""

from __future__ import annotations

from collections.abc import Callable

Preference = tuple[float, ...]


def align(
    n_gold: int, n_pred: int, prefer: Callable[[int, int], Preference | None]
) -> list[tuple[int, int]]:
    """Pairs ``(gold_index, pred_index)``, each index used at most once.

    ``prefer(i, j)`` returns None when gold ``i`` and prediction ``j`` may not be paired,
    else a tuple; higher tuples are paired first, ties go to the lower gold index, then the
    lower prediction index. The result is sorted by gold index.
    """
    allowed: list[tuple[Preference, int, int]] = []
    for i in range(n_gold):
        for j in range(n_pred):
            pref = prefer(i, j)
            if pref is not None:
                allowed.append((pref, i, j))
    allowed.sort(key=lambda c: (tuple(-x for x in c[0]), c[1], c[2]))

    gold_to_pred: dict[int, int] = {}
    pred_to_gold: dict[int, int] = {}
    options: dict[int, list[int]] = {}
    for _, i, j in allowed:
        options.setdefault(i, []).append(j)
        if i not in gold_to_pred and j not in pred_to_gold:
            gold_to_pred[i] = j
            pred_to_gold[j] = i

    def augment(i: int, seen: set[int]) -> bool:
        for j in options.get(i, ()):
            if j in seen:
                continue
            seen.add(j)
            if j not in pred_to_gold or augment(pred_to_gold[j], seen):
                gold_to_pred[i] = j
                pred_to_gold[j] = i
                return True
        return False

    for i in options:
        if i not in gold_to_pred:
            augment(i, set())
    return sorted(gold_to_pred.items())
