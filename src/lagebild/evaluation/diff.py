"""What went wrong in one article: missed, spurious and mismatched items per layer.

For reading errors, not for scores: spans are paired when they overlap (so a boundary error
shows as one ``span`` difference, not a miss plus a false alarm), events when their types
are equal (level (a) of :mod:`.events`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .events import ATTRIBUTE_AGREES, ATTRIBUTES, LEVELS, align_events
from .report import EvalReport
from .spans import relaxed_pairs, scored_entities

Item = dict[str, Any]
LAYERS = ("timex", "entities", "events")


@dataclass(frozen=True)
class Difference:
    """``kind`` is ``missed`` (gold only), ``spurious`` (output only) or a list of the
    attributes that differ on a pair (``"span, value"``)."""

    kind: str
    gold: Item | None
    pred: Item | None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "gold": self.gold, "output": self.pred}


def _unpaired(
    gold: Sequence[Item], pred: Sequence[Item], pairs: list[tuple[Item, Item]]
) -> list[Difference]:
    paired_gold = {id(g) for g, _ in pairs}
    paired_pred = {id(p) for _, p in pairs}
    out = [Difference("missed", g, None) for g in gold if id(g) not in paired_gold]
    out += [Difference("spurious", None, p) for p in pred if id(p) not in paired_pred]
    return out


def _span_differences(
    gold: Sequence[Item], pred: Sequence[Item], attributes: tuple[str, ...]
) -> list[Difference]:
    pairs = relaxed_pairs(gold, pred)
    out = _unpaired(gold, pred, pairs)
    for g, p in pairs:
        differs = [] if (g["start"], g["end"]) == (p["start"], p["end"]) else ["span"]
        differs += [a for a in attributes if g.get(a) != p.get(a)]
        if differs:
            out.append(Difference(", ".join(differs), g, p))
    return out


def _event_differences(gold: Sequence[Item], pred: Sequence[Item]) -> list[Difference]:
    index_pairs = align_events(gold, pred, LEVELS["events.type"])
    pairs = [(gold[i], pred[j]) for i, j in index_pairs]
    out = _unpaired(gold, pred, pairs)
    for g, p in pairs:
        differs = [] if LEVELS["events.actors"](g, p) else ["actors"]
        differs += [
            a for a in ATTRIBUTES
            if not ATTRIBUTE_AGREES.get(a, lambda x, y: x == y)(g.get(a), p.get(a))
        ]
        if differs:
            out.append(Difference(", ".join(differs), g, p))
    return out


def differences(layer: str, gold: Sequence[Item], pred: Sequence[Item]) -> list[Difference]:
    """Differences of one layer (``timex``, ``entities`` or ``events``) in text order."""
    if layer == "timex":
        found = _span_differences(gold, pred, ("type", "value"))
    elif layer == "entities":
        pred = scored_entities(gold, pred)
        found = _span_differences(gold, pred, ("type", "actor"))
    elif layer == "events":
        found = _event_differences(gold, pred)
    else:
        raise ValueError(f"unknown layer {layer!r}; use one of {', '.join(LAYERS)}")
    return sorted(found, key=lambda d: _position(d.gold or d.pred or {}))


def _position(item: Item) -> tuple[int, int]:
    """Spans by start; events by evidence start, then trigger start."""
    if "start" in item:
        return int(item["start"]), 0
    starts = []
    for key in ("evidence", "trigger"):
        span = item.get(key)
        starts.append(int(span["start"]) if isinstance(span, dict) and "start" in span else 0)
    return starts[0], starts[1]


def report_differences(report: EvalReport, layer: str) -> dict[str, list[Difference]]:
    """The differences of one layer for every article of an evaluation, by article id."""
    return {
        gold.id: differences(layer, getattr(gold, layer), output.get(layer, []))
        for gold, output in zip(report.gold, report.outputs, strict=True)
    }
