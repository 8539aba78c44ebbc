"""Development scorer for the event coder on the gold-dev files.

    python benchmarks/events_dev.py ../shared/gold-dev             # full lagebild pipeline
    python benchmarks/events_dev.py ../shared/gold-dev --oracle    # gold entities/timex as input
    python benchmarks/events_dev.py ../shared/gold-dev --show 02   # list pred/gold for one file
    python benchmarks/events_dev.py ../shared/gold-dev --misses    # gold events without an
                                                                   # actors match, with evidence

Alignment per article (greedy, in gold order): ``type`` = same type; ``actors`` = same type and
equal source and target sets (order-free); ``loose`` = same type and any shared actor. Date,
status, place and mode accuracy are computed on the ``actors`` matches. ``--oracle`` feeds the
gold entities (as actor mentions) and gold timex into a blank pipeline, isolating the coder
from the actor and timex components.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import spacy

from lagebild import doc_ext
from lagebild.events.component import EventCoder
from lagebild.pipeline import load

Level = Callable[[dict, dict], bool]


def _codes(event: dict, key: str) -> set[str]:
    return set(event.get(key) or [])


LEVELS: dict[str, Level] = {
    "type": lambda p, g: p["type"] == g["type"],
    "actors": lambda p, g: p["type"] == g["type"]
    and _codes(p, "source") == _codes(g, "source")
    and _codes(p, "target") == _codes(g, "target"),
    "loose": lambda p, g: p["type"] == g["type"]
    and bool(
        (_codes(p, "source") | _codes(p, "target")) & (_codes(g, "source") | _codes(g, "target"))
    ),
}


def align(pred: list[dict], gold: list[dict], level: Level) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (pred index, gold index)."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and level(p, g):
                used.add(pi)
                pairs.append((pi, gi))
                break
    return pairs


def _locate(text: str, items: list[dict]) -> list[tuple[int, int, dict]]:
    """Offsets of items listed in text order, found by a left-to-right whole-word search."""
    found, cursor = [], 0
    for item in items:
        needle, start = item["text"], cursor
        while True:
            start = text.find(needle, start)
            end = start + len(needle)
            if start < 0 or (
                (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "-"))
                and (end == len(text) or not (text[end].isalnum() or text[end] == "-"))
            ):
                break
            start += 1
        if start < 0:
            continue
        cursor = start
        found.append((start, end, item))
    return found


def oracle_doc(nlp, gold: dict):
    """A doc of the gold text with gold entities as mentions and gold timex as timex spans."""
    doc = nlp.make_doc(gold["text"])
    doc._.published = gold["published"]
    doc = nlp.get_pipe("sentencizer")(doc)
    entities, timexes = [], []
    for start, end, item in _locate(gold["text"], gold["entities"]):
        span = doc.char_span(start, end, label=item["type"], alignment_mode="expand")
        if span is not None:
            span._.actor = item.get("actor")
            span._.name = item["text"]
            entities.append(span)
    for start, end, item in _locate(gold["text"], gold["timex"]):
        span = doc.char_span(start, end, label=item["type"], alignment_mode="expand")
        if span is not None:
            span._.value = item["value"]
            timexes.append(span)
    doc.spans[doc_ext.ENTITY_KEY] = entities
    doc.spans[doc_ext.MENTION_KEY] = [s for s in entities if s._.actor]
    doc.spans[doc_ext.TIMEX_KEY] = timexes
    return doc


def predict(gold: dict, oracle: bool, state: dict) -> list[dict]:
    if oracle:
        if "nlp" not in state:
            nlp = spacy.blank("de")
            nlp.add_pipe("sentencizer")
            state["nlp"] = nlp
            state["coder"] = EventCoder(nlp, "lagebild_events", [], state.get("keep", False))
        doc = state["coder"](oracle_doc(state["nlp"], gold))
    else:
        nlp = state.setdefault("nlp", load())
        doc = nlp.make_doc(gold["text"])
        doc._.published = gold["published"]
        for _, proc in nlp.pipeline:
            doc = proc(doc)
    return [e.to_dict() for e in doc._.events]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--oracle", action="store_true")
    parser.add_argument("--show", default=None, help="file prefix to list predictions for")
    parser.add_argument("--misses", action="store_true",
                        help="list gold events without a type+actors match and the candidates")
    args = parser.parse_args()
    state: dict = {}
    totals = {name: Counter() for name in LEVELS}
    per_type: dict[str, Counter] = {}
    attributes = Counter()
    errors = Counter()
    per_file = {}
    for path in sorted(args.gold_dir.glob("*.json")):
        gold_doc = json.loads(path.read_text(encoding="utf-8"))
        gold = gold_doc["events"]
        pred = predict(gold_doc, args.oracle, state)
        for name, level in LEVELS.items():
            pairs = align(pred, gold, level)
            totals[name].update(tp=len(pairs), pred=len(pred), gold=len(gold))
            if name == "actors":
                per_file[path.stem[:2]] = _f1(len(pairs), len(pred), len(gold))
                for pi, gi in pairs:
                    p, g = pred[pi], gold[gi]
                    attributes["n"] += 1
                    for key in ("date", "status", "place", "mode"):
                        attributes[key] += p[key] == g[key]
                        if p[key] != g[key]:
                            errors[f"{key}: {g[key]} → {p[key]}"] += 1
            if name == "type":
                for t in {e["type"] for e in gold + pred}:
                    tp = len(align([p for p in pred if p["type"] == t],
                                   [g for g in gold if g["type"] == t], level))
                    per_type.setdefault(t, Counter()).update(
                        tp=tp, pred=sum(p["type"] == t for p in pred),
                        gold=sum(g["type"] == t for g in gold))
        loose = align(pred, gold, LEVELS["loose"])
        strict = {gi for _, gi in align(pred, gold, LEVELS["actors"])}
        for pi, gi in loose:
            if gi not in strict:
                p, g = pred[pi], gold[gi]
                if set(p["source"]) != set(g["source"]):
                    errors["source differs"] += 1
                if set(p["target"]) != set(g["target"]):
                    errors["target differs"] += 1
        if args.show and path.stem.startswith(args.show):
            _show(pred, gold)
        if args.misses:
            _misses(path.stem[:2], pred, gold)
    for name, c in totals.items():
        p, r, f = _prf(c)
        counts = f"(tp {c['tp']}, pred {c['pred']}, gold {c['gold']})"
        print(f"{name:7s} P {p:.3f} R {r:.3f} F1 {f:.3f}  {counts}")
    n = attributes["n"] or 1
    accuracy = {k: round(attributes[k] / n, 3) for k in ("date", "status", "place", "mode")}
    print("on actor matches:", accuracy, f"n={attributes['n']}")
    print("per file type+actors F1:", {k: round(v, 2) for k, v in per_file.items()})
    print("per type (type level):")
    for t, c in sorted(per_type.items()):
        p, r, f = _prf(c)
        print(f"  {t:10s} P {p:.2f} R {r:.2f} F1 {f:.2f} (pred {c['pred']}, gold {c['gold']})")
    print("commonest errors:", errors.most_common(12))


def _prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _f1(tp: int, pred: int, gold: int) -> float:
    return _prf(Counter(tp=tp, pred=pred, gold=gold))[2]


def _show(pred: list[dict], gold: list[dict]) -> None:
    print("--- predicted")
    for e in pred:
        print(" ", e["type"], e["mode"], e["source"], e["target"], e["date"], e["place"],
              e["status"], "|", e["trigger"]["text"])
    print("--- gold")
    for e in gold:
        print(" ", e["type"], e["mode"], e["source"], e["target"], e["date"], e["place"],
              e["status"], "|", e["trigger"])


def _misses(prefix: str, pred: list[dict], gold: list[dict]) -> None:
    """Gold events without a type+actors match, each with the unmatched predictions of its
    type (source, target, trigger) — the role errors to look at."""
    matched = align(pred, gold, LEVELS["actors"])
    used_pred = {pi for pi, _ in matched}
    used_gold = {gi for _, gi in matched}
    for gi, g in enumerate(gold):
        if gi in used_gold:
            continue
        same = [(p["source"], p["target"], p["trigger"]["text"]) for pi, p in enumerate(pred)
                if pi not in used_pred and p["type"] == g["type"]]
        print(prefix, "GOLD", g["type"], g["source"], g["target"], "|", g["evidence"][:100])
        print("     PRED", same[:3])


if __name__ == "__main__":
    main()

