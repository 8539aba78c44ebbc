"""Entity and actor accuracy of ``lagebild_actors``/``lagebild_places`` on gold files.

Usage: python benchmarks/entities_dev.py [GOLD_DIR] [--model blank] [-v]
       python benchmarks/entities_dev.py --germeval NER-de-dev.tsv.gz [--sentences 1500]

Gold entities are matched to predicted ones by (text, type) in order of occurrence, as
the gold README prescribes. Reports typed P/R/F1, the actor accuracy on matched
entities, and how many LOC entities that are places got coordinates in the right country.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter, defaultdict
from pathlib import Path

import lagebild
from lagebild.analysis import make_doc
from lagebild.doc_ext import ENTITY_KEY
from lagebild.geo.gazetteer import lookup
from lagebild.records import Article


def germeval(path: Path, nlp, limit: int) -> None:  # noqa: ANN001
    """Outer PER/LOC/ORG spans of GermEval 2014 (other conventions) against our entities."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if current:
                    sentences.append(current)
                current = []
                continue
            cols = line.split("\t")
            current.append((cols[1], cols[2]))
    tp = fp = fn = 0
    for sent in sentences[:limit]:
        text, offsets = "", []
        for token, _ in sent:
            offsets.append((len(text), len(text) + len(token)))
            text += token + " "
        gold, start, label = set(), None, ""
        for i, (_, tag) in enumerate([*sent, ("", "O")]):
            if start is not None and not tag.startswith("I-"):
                gold.add((offsets[start][0], offsets[i - 1][1], label))
                start = None
            if tag.startswith("B-"):
                start, label = i, tag[2:]
        gold = {g for g in gold if g[2] in ("PER", "LOC", "ORG")}
        doc = nlp(text)
        pred = {(s.start_char, s.end_char, s.label_) for s in doc.spans[ENTITY_KEY]}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(
        f"GermEval {min(limit, len(sentences))} sentences: P={p:.3f} R={r:.3f} "
        f"F1={2 * p * r / max(p + r, 1e-9):.3f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default="../shared/gold-dev")
    ap.add_argument("--model", default=None)
    ap.add_argument("--germeval", type=Path, default=None)
    ap.add_argument("--sentences", type=int, default=1500)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    nlp = lagebild.load(args.model)
    if args.germeval is not None:
        germeval(args.germeval, nlp, args.sentences)
        return
    tp = fp = fn = actor_ok = actor_n = geo_ok = geo_n = 0
    errors: Counter = Counter()
    places: Counter = Counter()
    for path in sorted(Path(args.gold).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = nlp(make_doc(nlp, Article(text=gold["text"], published=gold["published"])))
        pred = sorted(doc.spans[ENTITY_KEY], key=lambda s: s.start)
        pool: dict[tuple[str, str], list] = defaultdict(list)
        for span in pred:
            pool[(span.text, span.label_)].append(span)
        matched = 0
        for g in gold["entities"]:
            key = (g["text"], g["type"])
            if pool[key]:
                span = pool[key].pop(0)
                matched += 1
                actor_n += 1
                if span._.actor == g["actor"]:
                    actor_ok += 1
                else:
                    errors[f"actor {g['text']} gold={g['actor']} pred={span._.actor}"] += 1
                if g["type"] == "LOC" and g["actor"] != "WST":
                    place = lookup(span._.name or span.text)
                    geo_n += 1
                    country = span._.geo.country if span._.geo else "-"
                    state = place is not None and place.type == "country"
                    if span._.geo is not None and (not state or country == g["actor"]):
                        geo_ok += 1
                        if not state:
                            places[f"{span._.name} -> {country}"] += 1
                    else:
                        errors[f"geo {g['text']} -> {span._.geo}"] += 1
            else:
                fn += 1
                errors[f"FN {g['type']} {g['text']}"] += 1
        left = [s for spans in pool.values() for s in spans]
        for span in left:
            errors[f"FP {span.label_} {span.text} ({path.name[:2]})"] += 1
        tp += matched
        fp += len(left)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"entities typed: P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})")
    print(f"actor accuracy on matched: {actor_ok / max(actor_n, 1):.3f} ({actor_ok}/{actor_n})")
    print(f"places geocoded (LOC, not WST): {geo_ok}/{geo_n}")
    if args.verbose:
        print("  non-state places (check the country):", dict(places))
        for err, count in sorted(errors.items()):
            print(f"  {count}x {err}")


if __name__ == "__main__":
    main()
