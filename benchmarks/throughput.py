"""Throughput of ``lagebild analyze``: words/s and articles/s on 1 and 2 processes.

Usage (from the repository root)::

    python benchmarks/throughput.py                      # 10kGNAD test split, 200 articles
    python benchmarks/throughput.py --limit 0            # all 1,028 articles
    python benchmarks/throughput.py --processes 1 --limit 50
    python benchmarks/throughput.py --corpus my_articles.jsonl

The default corpus is the 10kGNAD test split (``../shared/corpora/10kgnad/test.csv.gz``,
``label;text`` with ``'`` as quote character; CC BY-NC-SA, used only for timing). Any other
path is read with lagebild's own readers (text, JSONL, CSV, HTML, directories). Timing
starts after the pipeline is loaded and warmed up on one article; words are whitespace
tokens of the input texts.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from lagebild.analysis import analyze_articles
from lagebild.io import Rejected, iter_inputs
from lagebild.pipeline import load
from lagebild.records import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
DEFAULT_CORPUS = SHARED / "corpora" / "10kgnad" / "test.csv.gz"


def read_10kgnad(path: Path, limit: int) -> list[Article]:
    """Articles of a 10kGNAD CSV (``label;text``, quote character ``'``), gzip or plain."""
    opener = gzip.open if path.suffix == ".gz" else open
    articles = []
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        for i, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            if len(row) < 2 or not row[1].strip():
                continue
            articles.append(Article(text=row[1], id=f"10kgnad-{i}"))
            if limit and len(articles) >= limit:
                break
    return articles


def read_corpus(path: Path, limit: int) -> list[Article]:
    """The benchmark articles: 10kGNAD by its file name, anything else through lagebild.io."""
    if path.name.startswith("test.csv") or "10kgnad" in str(path).lower():
        return read_10kgnad(path, limit)
    articles = []
    for item in iter_inputs([str(path)], allow_any_language=True):
        if isinstance(item, Rejected):
            print(f"skipped {item.where}: {item.error.code}", file=sys.stderr)
            continue
        articles.append(item)
        if limit and len(articles) >= limit:
            break
    return articles


def measure(articles: Sequence[Article], n_process: int, model: str | None,
            batch_size: int) -> tuple[float, int]:
    """Seconds to analyze ``articles`` with ``n_process`` processes, and the number of events."""
    nlp = load(model)
    list(analyze_articles(nlp, articles[:1]))  # warm-up: lazy data files, caches
    start = time.perf_counter()
    events = 0
    for result in analyze_articles(nlp, articles, n_process=n_process, batch_size=batch_size):
        events += len(result.events)
    return time.perf_counter() - start, events


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200, help="articles to use; 0 = all")
    parser.add_argument("--processes", default="1,2", help="comma-separated process counts")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: shipped)")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (needs ../shared beside the checkout)",
              file=sys.stderr)
        return 2
    articles = read_corpus(args.corpus, args.limit)
    if not articles:
        print("no articles to measure", file=sys.stderr)
        return 2
    words = sum(len(a.text.split()) for a in articles)
    nlp = load(args.model)
    print(f"corpus {args.corpus.name}: {len(articles)} articles, {words} words; "
          f"pipeline {', '.join(nlp.pipe_names)}; python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs")
    print()
    print("| processes | seconds | articles/s | words/s | events |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for n_process in (int(p) for p in args.processes.split(",")):
        try:
            seconds, events = measure(articles, n_process, args.model, args.batch_size)
        except Exception as exc:  # noqa: BLE001  (report the row, keep the table)
            reason = str(exc).strip().splitlines()[-1][:80]
            print(f"| {n_process} | failed: {type(exc).__name__}: {reason} | | | |")
            continue
        print(f"| {n_process} | {seconds:.1f} | {len(articles) / seconds:.1f} | "
              f"{words / seconds:,.0f} | {events} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
