"""The resumable batch driver: articles → pipeline → store, in committed batches.

``ingest`` reads articles (or :class:`lagebild.io.Rejected` inputs), skips texts the store
already holds (by content hash, before any analysis), analyzes the rest with
:func:`lagebild.analysis.analyze_articles` (in ``n_process`` forked workers, each taking
chunks of articles and sending back plain records) and commits the results in batches of at most
``batch_size`` articles or ``commit_seconds`` of work, each batch in one transaction.
Interrupted at any point (Ctrl-C, ``kill -9``), a store holds whole batches only, and a
re-run with the same inputs adds exactly what is missing. A bad input or an article the
pipeline fails on is logged (``on_reject`` and the store's ``rejected`` table) and the
batch goes on.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from .analysis import analyze_articles
from .io import Rejected
from .records import AnalyzedArticle, Article, text_id
from .store import RejectedRow, Store
from .workers import can_fork, ordered_map, worker_nlp

DEFAULT_BATCH = 200
DEFAULT_COMMIT_SECONDS = 2.0
ANALYSIS_FAILED = "E201"


@dataclass
class IngestReport:
    """Counts of one ingest run (also filled in when the run is interrupted)."""

    seen: int = 0
    analyzed: int = 0
    added: int = 0
    skipped: int = 0
    rejected: int = 0
    mentions: int = 0
    new_events: int = 0
    words: int = 0
    batches: int = 0
    seconds: float = 0.0
    store_seconds: float = 0.0

    @property
    def done(self) -> int:
        """Inputs dealt with: analyzed, skipped or rejected."""
        return self.analyzed + self.skipped + self.rejected

    @property
    def words_per_second(self) -> float:
        """Words of the analyzed articles per second of the whole run."""
        return self.words / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        """One line for people."""
        return (
            f"{self.added} added, {self.skipped} already stored, {self.rejected} rejected; "
            f"{self.mentions} event mentions, {self.new_events} new events "
            f"({self.words_per_second:,.0f} words/s)"
        )


# What the analysis gives for one article: its record, or why the pipeline failed on it.
Outcome = AnalyzedArticle | str

# Failures caught by the spaCy error handler in this process: article key → message.
_FAILURES: dict[str, str] = {}


def _record_failure(proc_name: str, proc: object, docs: list, error: Exception) -> None:
    """spaCy error handler: drop the failing doc (the driver logs it as rejected)."""
    for doc in docs:
        key = getattr(doc._, "article_id", None) or text_id(doc.text)
        _FAILURES[key] = f"component {proc_name} failed: {type(error).__name__}: {error}"


class _ErrorHandler:
    """Installs :func:`_record_failure` on the pipeline for one run, then restores it."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.saved: dict[str, Callable] = {}

    def __enter__(self) -> None:
        self.saved["__default__"] = self.nlp.default_error_handler
        self.nlp.default_error_handler = _record_failure
        for name, proc in self.nlp.pipeline:
            if not hasattr(proc, "set_error_handler"):
                continue
            try:
                previous = proc.get_error_handler()
                proc.set_error_handler(_record_failure)
            except AttributeError:
                # spaCy's compiled parser lacks the attribute; its failures stay fatal.
                continue
            self.saved[name] = previous

    def __exit__(self, *exc: object) -> None:
        self.nlp.default_error_handler = self.saved.pop("__default__")
        for name, proc in self.nlp.pipeline:
            if name in self.saved:
                proc.set_error_handler(self.saved[name])


def _analyze_here(nlp: Language, articles: Iterable[Article]) -> Iterator[tuple[Article, Outcome]]:
    """Each article with its record, or with the failure message when the pipeline failed."""
    fed: deque[Article] = deque()

    def feed() -> Iterator[Article]:
        for article in articles:
            fed.append(article)
            yield article

    for result in analyze_articles(nlp, feed()):
        # nlp.pipe drops docs whose component failed: fed articles without a result failed.
        while fed and fed[0].text != result.text:
            yield _failure(fed.popleft())
        yield (fed.popleft() if fed else Article(result.text)), result
    while fed:
        yield _failure(fed.popleft())


def _failure(article: Article) -> tuple[Article, Outcome]:
    return article, _FAILURES.pop(article.key, "the pipeline failed on this article")


def _analyze_chunk(articles: list[Article]) -> list[tuple[Article, Outcome]]:
    """Worker task: a chunk of articles → records (plain dataclasses, cheap to send back)."""
    return list(_analyze_here(worker_nlp(), articles))


class Ingest:
    """One ingest run into ``store``; call :meth:`run` with the inputs.

    Callbacks: ``on_article(result)`` after each analyzed article, ``on_reject(row)`` for
    each rejected input, ``on_progress(report)`` after each input (stored, skipped or
    rejected), ``on_commit(report)`` after each committed batch.
    """

    def __init__(
        self,
        store: Store,
        nlp: Language,
        *,
        n_process: int = 1,
        batch_size: int = DEFAULT_BATCH,
        commit_seconds: float = DEFAULT_COMMIT_SECONDS,
        on_article: Callable[[AnalyzedArticle], None] | None = None,
        on_reject: Callable[[RejectedRow], None] | None = None,
        on_progress: Callable[[IngestReport], None] | None = None,
        on_commit: Callable[[IngestReport], None] | None = None,
    ) -> None:
        self.store = store
        self.nlp = nlp
        self.n_process = max(1, n_process)
        self.batch_size = max(1, batch_size)
        self.commit_seconds = commit_seconds
        self.on_article = on_article
        self.on_reject = on_reject
        self.on_progress = on_progress
        self.on_commit = on_commit
        self.report = IngestReport()
        self._results: list[AnalyzedArticle] = []
        self._sources: list[str | None] = []
        self._rejected: list[RejectedRow] = []
        self._known: set[str] = set()
        self._last_commit = 0.0

    def _progress(self) -> None:
        if self.on_progress:
            self.on_progress(self.report)

    def _reject(self, row: RejectedRow) -> None:
        self._rejected.append(row)
        self.report.rejected += 1
        if self.on_reject:
            self.on_reject(row)
        self._progress()

    def _fresh(self, items: Iterable[Article | Rejected]) -> Iterator[Article]:
        """The articles to analyze: rejections logged, stored or repeated texts skipped."""
        for item in items:
            self.report.seen += 1
            if isinstance(item, Rejected):
                error = item.error
                self._reject(RejectedRow(item.where, error.code, error.message))
                continue
            key = text_id(item.text)
            if key in self._known:
                self.report.skipped += 1
                self._progress()
                continue
            self._known.add(key)
            yield item

    def _failed(self, article: Article, message: str) -> None:
        self._reject(RejectedRow(article.source or article.key, ANALYSIS_FAILED, message))

    def _accept(self, article: Article, result: AnalyzedArticle) -> None:
        self._results.append(result)
        self._sources.append(article.source)
        self.report.analyzed += 1
        self.report.words += len(result.text.split())
        if self.on_article:
            self.on_article(result)
        self._progress()

    def _commit(self) -> None:
        if not self._results and not self._rejected:
            return
        started = time.monotonic()
        outcome = self.store.add(self._results, self._rejected, sources=self._sources)
        self.report.store_seconds += time.monotonic() - started
        self.report.added += outcome.added
        # Stored meanwhile by another ingest: counted as skipped, not as analyzed.
        self.report.skipped += outcome.skipped
        self.report.analyzed -= outcome.skipped
        self.report.mentions += outcome.mentions
        self.report.new_events += outcome.new_events
        self.report.batches += 1
        self._results, self._sources, self._rejected = [], [], []
        self._last_commit = time.monotonic()
        if self.on_commit:
            self.on_commit(self.report)

    def run(self, items: Iterable[Article | Rejected]) -> IngestReport:
        """Ingest ``items``; returns the report (kept up to date in ``self.report``)."""
        started = time.monotonic()
        self._last_commit = started
        self.store.create()
        self._known = self.store.stored_hashes()
        try:
            with _ErrorHandler(self.nlp):
                articles = self._fresh(items)
                if self.n_process > 1 and can_fork():
                    outcomes = ordered_map(self.nlp, articles, _analyze_chunk, self.n_process)
                else:
                    outcomes = _analyze_here(self.nlp, articles)
                for article, outcome in outcomes:
                    if isinstance(outcome, str):
                        self._failed(article, outcome)
                    else:
                        self._accept(article, outcome)
                    due = time.monotonic() - self._last_commit >= self.commit_seconds
                    if len(self._results) >= self.batch_size or due:
                        self._commit()
                self._commit()
        finally:
            self.report.seconds = time.monotonic() - started
        return self.report


def ingest(
    items: Iterable[Article | Rejected], store: Store, nlp: Language, **options: object
) -> IngestReport:
    """Ingest ``items`` into ``store`` with ``nlp``; ``options`` as for :class:`Ingest`."""
    return Ingest(store, nlp, **options).run(items)  # type: ignore[arg-type]
