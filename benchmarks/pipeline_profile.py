"""Per-component seconds and words/s of the full pipeline on N 10kGNAD test articles.

Usage (from the repository root)::

    python benchmarks/pipeline_profile.py                  # 200 articles, batch size 32
    python benchmarks/pipeline_profile.py --limit 100 --batch-size 64 --repeat 2

Each component runs over all documents in turn (``component.pipe`` in batches where the
component has it), so its wall time is measured on its own; the sum equals one
``nlp.pipe`` pass up to generator overhead. Words are whitespace tokens of the input texts.
The corpus is ``../shared/corpora/10kgnad/test.csv.gz`` (CC BY-NC-SA, used only for
timing); the script exits with a message when it is absent.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from lagebild.analysis import doc_to_record, make_doc
from lagebild.pipeline import load
from lagebild.records import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "10kgnad" / "test.csv.gz"


def read_articles(path: Path, limit: int) -> list[Article]:
    """The first ``limit`` non-empty 10kGNAD articles, dated so relative dates resolve."""
    articles: list[Article] = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for i, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            if len(row) >= 2 and row[1].strip():
                articles.append(Article(text=row[1], published="2016-05-01", id=f"10kgnad-{i}"))
                if len(articles) >= limit:
                    break
    return articles


def profile(nlp, articles: Sequence[Article], batch_size: int) -> dict[str, float]:
    """Seconds per component (plus tokenizer and record conversion) for one pass."""
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    docs = [make_doc(nlp, article) for article in articles]
    seconds["tokenizer"] = time.perf_counter() - start
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=batch_size))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.perf_counter() - start
    start = time.perf_counter()
    for doc, article in zip(docs, articles, strict=True):
        doc_to_record(doc, article)
    seconds["to_record"] = time.perf_counter() - start
    return seconds


def main(argv: Sequence[str] | None = None) -> int:
    """Print a per-component table: seconds, share and words/s of each pass."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="number of articles")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=2, help="passes; the fastest counts")
    parser.add_argument("--model", default=None, help="model path (default: shipped model)")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: corpus not found at {CORPUS} (needs ../shared)", file=sys.stderr)
        return 0
    articles = read_articles(CORPUS, args.limit)
    words = sum(len(article.text.split()) for article in articles)
    nlp = load(args.model)
    profile(nlp, articles[:2], args.batch_size)  # warm-up: lazy data files, caches
    runs = [profile(nlp, articles, args.batch_size) for _ in range(args.repeat)]
    best = {name: min(run[name] for run in runs) for name in runs[0]}
    total = sum(best.values())
    print(f"{len(articles)} articles, {words} words, batch size {args.batch_size}, "
          f"best of {args.repeat}")
    print(f"{'component':<18}{'seconds':>9}{'share':>8}{'words/s':>11}")
    for name, sec in best.items():
        print(f"{name:<18}{sec:9.3f}{sec / total:8.1%}{words / sec:11,.0f}")
    print(f"{'total':<18}{total:9.3f}{1:8.0%}{words / total:11,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
