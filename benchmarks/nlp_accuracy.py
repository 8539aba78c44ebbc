"""Accuracy and speed of lagebild's German core pipeline on held-out data.

Held-out data (never trained on, see ``training/README.md``):

* UD German-GSD test (977 sentences): POS, STTS tag, morphology, lemma, UAS/LAS, sentences.
* GermEval 2014 dev, first 1,100 sentences: NER P/R/F per type; the headline number is the
  micro F1 over PER/ORG/LOC (MISC = GermEval OTH reported separately).

Speed: words/s of ``nlp.pipe`` with 1 and 2 processes on 10kGNAD test articles (a
non-commercial corpus, used here only to time the pipeline), for the core model and for the
full lagebild pipeline.

Run: ``python benchmarks/nlp_accuracy.py [--model PATH] [--corpora ../shared/corpora] [--dev]``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "training"))

import prepare  # noqa: E402  (training/prepare.py builds the held-out docs)

TARGET_TYPES = ("PER", "ORG", "LOC")


def ud_scores(nlp: Language, corpora: Path) -> dict[str, float]:
    gold = prepare.ud_docs(
        nlp, [(corpora / "ud_german_gsd/de_gsd-ud-test.conllu.gz", True)], prepare.UD_GROUP
    )
    examples = [Example(nlp.make_doc(d.text), d) for d in gold]
    scores = nlp.evaluate(examples)
    return {k: scores.get(k) for k in
            ("token_acc", "pos_acc", "tag_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las",
             "sents_f")}


def dev_scores(nlp: Language, path: Path) -> dict[str, dict[str, float]]:
    """POS/tag/lemma on the checkpoint-selection dev split (``training/corpus/dev``).

    Scored for all docs and for the GSD part alone (the docs with STTS tags; the PUD part
    follows other UPOS conventions than the held-out GSD test).  This is the split rule
    thresholds are chosen on; it is not held out from those choices.
    """
    from spacy.tokens import DocBin

    gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    out = {}
    for part, docs in (("all", gold), ("GSD", [d for d in gold if d.has_annotation("TAG")])):
        examples = [Example(nlp.make_doc(d.text), d) for d in docs]
        scores = nlp.evaluate(examples)
        out[part] = {k: scores.get(k) for k in ("pos_acc", "tag_acc", "lemma_acc")}
    return out


def ner_scores(nlp: Language, corpora: Path) -> dict[str, tuple[float, float, float]]:
    """Exact-span P/R/F per type and micro over PER/ORG/LOC, on character offsets."""
    ge = corpora / "germeval2014_ner" / "NER-de-dev.tsv.gz"
    sents = list(prepare.read_germeval(ge))[: prepare.NER_HELDOUT_SENTENCES]
    gold = [prepare.germeval_doc(nlp, s, None) for s in sents]
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for ref, pred in zip(gold, nlp.pipe(d.text for d in gold), strict=True):
        g = {(e.start_char, e.end_char, e.label_) for e in ref.ents}
        p = {(e.start_char, e.end_char, e.label_) for e in pred.ents}
        for _, _, label in g:
            n_gold[label] += 1
        for span in p:
            n_pred[span[2]] += 1
            tp[span[2]] += span in g
    out = {}
    for label in sorted(n_gold | n_pred):
        out[label] = _prf(tp[label], n_pred[label], n_gold[label])
    out["PER+ORG+LOC"] = _prf(*(sum(c[t] for t in TARGET_TYPES) for c in (tp, n_pred, n_gold)))
    out["all"] = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def news_texts(corpora: Path, limit: int) -> list[str]:
    with gzip.open(corpora / "10kgnad" / "test.csv.gz", "rt", encoding="utf8") as fh:
        rows = csv.reader(io.StringIO(fh.read()), delimiter=";", quotechar="'")
        return [row[1] for row in rows if len(row) > 1][:limit]


def words_per_second(nlp: Language, texts: list[str], n_process: int) -> tuple[float, float]:
    """Words/s by wall clock and by CPU time of this process and its workers.

    On a shared machine the wall-clock figure depends on the other load; the CPU-time
    figure is what one process would reach on a core of its own.
    """
    cpu_start = _cpu_seconds()
    start = time.perf_counter()
    n_words = sum(len(doc) for doc in nlp.pipe(texts, n_process=n_process, batch_size=32))
    wall = time.perf_counter() - start
    return n_words / wall, n_words / (_cpu_seconds() - cpu_start)


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="pipeline path (default: the shipped one)")
    ap.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    ap.add_argument("--speed-docs", type=int, default=300, help="10kGNAD articles to time")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--dev", type=Path, nargs="?", const=REPO / "training/corpus/dev/ud.spacy",
                    help="also score the dev split (default training/corpus/dev/ud.spacy)")
    args = ap.parse_args()

    import lagebild.models  # noqa: F401  (registers the shipped model's lemma_lookup)
    import lagebild.pipeline as pipeline

    model = args.model or str(pipeline.SHIPPED_MODEL)
    nlp = spacy.load(model)
    print(f"model: {model}  ({nlp.meta.get('name')} {nlp.meta.get('version')})")
    print(f"pipeline: {nlp.pipe_names}")
    print("\nUD German-GSD test (held out)")
    for key, value in ud_scores(nlp, args.corpora).items():
        print(f"  {key:10s} {100 * value:6.2f}" if value is not None else f"  {key:10s}   n/a")
    if args.dev:
        print(f"\nDev split {args.dev} (rule thresholds are chosen on it)")
        for part, scores in dev_scores(nlp, args.dev).items():
            print(f"  {part:4s} " + "  ".join(f"{k} {100 * v:6.2f}" for k, v in scores.items()
                                              if v is not None))
    print("\nGermEval 2014 dev[:1100] (held out)   P      R      F")
    for label, (p, r, f) in ner_scores(nlp, args.corpora).items():
        print(f"  {label:12s} {100 * p:6.2f} {100 * r:6.2f} {100 * f:6.2f}")
    if args.no_speed:
        return
    texts = news_texts(args.corpora, args.speed_docs)
    full = pipeline.build(args.model)
    print(f"\nSpeed on {len(texts)} 10kGNAD articles      wall words/s   per CPU-second")
    for name, pipe in (("core", nlp), ("full lagebild", full)):
        for n in (1, 2):
            wall, cpu = words_per_second(pipe, texts, n)
            print(f"  {name:14s} n_process={n}: {wall:12,.0f} {cpu:16,.0f}")


if __name__ == "__main__":
    main()
