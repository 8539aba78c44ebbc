"""Benchmark of the store: end-to-end ingest speed, and queries over many events.

Ingest (10kGNAD test split: ';'-separated, quotechar "'", columns label;text; licensed for
non-commercial use, so benchmark only, nothing of it is stored in the project)::

    python benchmarks/ingest.py ingest --processes 2 [--limit 300]

Queries over synthetic events, inserted in bulk by SQL (``--write-path``: through
``Store.add`` with deduplication, much slower)::

    python benchmarks/ingest.py queries --events 1000000

Both print one JSON object of measurements (also written to ``--json PATH`` if given).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from lagebild.ingest import Ingest
from lagebild.pipeline import load
from lagebild.records import AnalyzedArticle, Article, Event, Offsets, Trigger
from lagebild.store import EventFilter, Store
from lagebild.store.synthetic import fill_synthetic

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "10kgnad" / "test.csv.gz"


def read_gnad(path: Path, limit: int | None) -> Iterator[Article]:
    """Articles of the 10kGNAD CSV (label;text with ' as quote character)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";", quotechar="'")
        for i, row in enumerate(rows):
            if limit is not None and i >= limit:
                return
            if len(row) >= 2 and row[1].strip():
                yield Article(text=row[1], id=f"gnad-{i}", source=f"{path.name}:{i + 1}")


def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its (finished) children, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_main_mb": round(own, 1), "peak_rss_worker_mb": round(children, 1)}


def store_size_mb(db: Path) -> float:
    files = [db, db.with_name(db.name + ".wal")]
    return round(sum(f.stat().st_size for f in files if f.exists()) / 2**20, 2)


def conditions() -> dict[str, object]:
    return {
        "cpus": os.cpu_count(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
    }


def bench_ingest(args: argparse.Namespace) -> dict[str, object]:
    db = Path(args.db) if args.db else args.workdir / "bench.duckdb"
    started = time.monotonic()
    nlp = load(args.model)
    load_seconds = time.monotonic() - started
    run = Ingest(Store(db), nlp, n_process=args.processes, batch_size=args.batch_size)
    report = run.run(read_gnad(Path(args.corpus), args.limit))
    stats = Store(db).stats()
    return {
        "benchmark": "ingest",
        "corpus": str(args.corpus),
        "model": args.model or "shipped",
        "pipeline": nlp.pipe_names,
        "processes": args.processes,
        "articles": report.added,
        "words": report.words,
        "seconds": round(report.seconds, 2),
        "model_load_seconds": round(load_seconds, 2),
        "articles_per_s": round(report.added / report.seconds, 2),
        "words_per_s": round(report.words_per_second),
        "batches": report.batches,
        "store_seconds": round(report.store_seconds, 2),
        "store_share": round(report.store_seconds / report.seconds, 3),
        "stored": stats,
        "store_mb": store_size_mb(db),
        **peak_rss_mb(),
        **conditions(),
    }


ACTORS = ["RUS", "UKR", "USA", "DEU", "FRA", "CHN", "NATO", "EU", "UN", "POL", "TUR", "GBR"]
TYPES = ["CONSULT", "THREATEN", "ASSAULT", "AID", "ACCUSE", "REQUEST", "SUPPORT", "PROTEST"]
QUAD = {"CONSULT": 1, "SUPPORT": 1, "AID": 2, "REQUEST": 3, "ACCUSE": 3, "THREATEN": 3,
        "PROTEST": 4, "ASSAULT": 4}


def synthetic_articles(n_events: int, per_article: int, seed: int) -> Iterator[AnalyzedArticle]:
    """Articles with ``per_article`` random events each, dated over ten years."""
    rng = random.Random(seed)
    text = "Synthetischer Bericht Nummer {n}: Die Regierung traf sich zu Gesprächen."
    for n in range(0, n_events // per_article):
        body = text.format(n=n)
        start = body.index("traf")
        events = []
        for _ in range(per_article):
            ev_type = rng.choice(TYPES)
            source, target = rng.sample(ACTORS, 2)
            day = rng.randrange(3650)
            date = time.strftime("%Y-%m-%d", time.gmtime(1262304000 + day * 86400))
            events.append(Event(
                type=ev_type, source=(source,), target=(target,),
                trigger=Trigger("traf", start, start + 4), evidence=Offsets(0, len(body)),
                date=date, quad_class=QUAD[ev_type], goldstein=rng.uniform(-10, 10),
            ))
        yield AnalyzedArticle(id=f"syn-{n}", text=body, published=None, events=tuple(events))


def timed(func: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    """Best wall time of ``repeat`` runs (each opens the store read-only anew)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - started)
    return round(best, 3), result


def bench_queries(args: argparse.Namespace) -> dict[str, object]:
    db = Path(args.db) if args.db else args.workdir / "events.duckdb"
    store = Store(db)
    started = time.monotonic()
    if args.write_path:
        batch: list[AnalyzedArticle] = []
        for result in synthetic_articles(args.events, args.per_article, seed=7):
            batch.append(result)
            if len(batch) * args.per_article >= args.insert_batch:
                store.add(batch)
                batch = []
        if batch:
            store.add(batch)
    else:
        fill_synthetic(db, args.events, per_article=args.per_article)
    insert_seconds = time.monotonic() - started
    stats = store.stats()
    rus_threats = EventFilter(actors=("RUS",), types=("THREATEN",), since="2015-01-01",
                              until="2015-12-31")
    queries: dict[str, Callable[[], object]] = {
        "count all events": lambda: store.count_events(),
        "events --actor RUS --type THREATEN --since/--until (1 year)":
            lambda: len(store.events(rus_threats)),
        "events --actor NATO --limit 100": lambda: len(store.events(
            EventFilter(actors=("NATO",), limit=100))),
        "events --status occurred --since 2019-06-01 --until 2019-06-07": lambda: len(
            store.events(EventFilter(statuses=("occurred",), since="2019-06-01",
                                     until="2019-06-07"))),
        "actors (all pairs)": lambda: len(store.actors()),
        "actors --actor UKR": lambda: len(store.actors(EventFilter(actors=("UKR",)))),
        "timeline --actor RUS --since 2019-12-01 --until 2019-12-31": lambda: len(
            store.timeline(EventFilter(actors=("RUS",), since="2019-12-01",
                                       until="2019-12-31"))),
        "mentions of one event": lambda: len(store.mentions(stats["events"] // 2)),
    }
    timings = {}
    for name, func in queries.items():
        seconds, rows = timed(func)
        timings[name] = {"seconds": seconds, "rows": rows}
    # What one ingest commit costs on a store of this size (dedup against it included).
    fresh = [replace(a, text=a.text + " Nachtrag.", id=a.id + "-n")
             for a in synthetic_articles(2000, 10, seed=11)]
    commit_started = time.perf_counter()
    commit = store.add(fresh)
    commit_seconds = time.perf_counter() - commit_started
    return {
        "benchmark": "queries",
        "filled_by": "Store.add (dedup path)" if args.write_path else "fill_synthetic (SQL)",
        "events": stats["events"],
        "mentions": stats["mentions"],
        "articles": stats["articles"],
        "insert_seconds": round(insert_seconds, 1),
        "mentions_per_s_insert": round(stats["mentions"] / insert_seconds),
        "commit_200_articles_2000_mentions_s": round(commit_seconds, 3),
        "commit_new_events": commit.new_events,
        "store_mb": store_size_mb(db),
        "queries": timings,
        **peak_rss_mb(),
        **conditions(),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    ing = sub.add_parser("ingest", help="end-to-end ingest of the 10kGNAD test split")
    ing.add_argument("--corpus", default=str(CORPUS))
    ing.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ing.add_argument("--processes", "-j", type=int, default=2)
    ing.add_argument("--batch-size", type=int, default=200)
    ing.add_argument("--model", default=None, help="default: the shipped pipeline")
    que = sub.add_parser("queries", help="queries over synthetic events")
    que.add_argument("--events", type=int, default=1_000_000)
    que.add_argument("--per-article", type=int, default=10)
    que.add_argument("--insert-batch", type=int, default=50_000, help="mentions per commit")
    que.add_argument("--write-path", action="store_true",
                     help="fill through Store.add (dedup, slow) instead of SQL")
    for p in (ing, que):
        p.add_argument("--db", default=None,
                       help="store path (default: a temp dir, removed afterwards)")
        p.add_argument("--json", default=None, help="also write the result here")
    args = parser.parse_args(argv)
    if args.what == "ingest" and not Path(args.corpus).exists():
        sys.exit(f"corpus not found: {args.corpus}")
    # The default store is a throw-away: removed with its directory when the run ends.
    with tempfile.TemporaryDirectory(prefix="lagebild-bench-") as workdir:
        args.workdir = Path(workdir)
        result = bench_ingest(args) if args.what == "ingest" else bench_queries(args)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    # Keep the numbers honest: no buffering surprises when piped to a file.
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    main()
