"""From text to :class:`AnalyzedArticle`: runs the pipeline and turns a ``Doc`` into records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .dates import parse_published
from .doc_ext import ENTITY_KEY, TIMEX_KEY, doc_text
from .language import looks_german
from .records import AnalyzedArticle, Article, Entity, Offsets, Timex, text_id
from .workers import can_fork, ordered_map, worker_nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenized ``Doc`` carrying the article's publication date and id."""
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    doc._.article_id = article.key
    return doc


def doc_to_record(doc: Doc, article: Article | None = None) -> AnalyzedArticle:
    """Collect what the components wrote onto ``doc`` into plain records."""
    text = doc_text(doc)
    entities = tuple(
        Entity(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            type=span.label_,
            name=span._.name or span.text,
            actor=span._.actor,
            wikidata=span._.wikidata,
        )
        for span in sorted(doc.spans.get(ENTITY_KEY, []), key=lambda s: (s.start, s.end))
    )
    timex = tuple(
        Timex(span.text, span.start_char, span.end_char, span.label_, span._.value)
        for span in sorted(doc.spans.get(TIMEX_KEY, []), key=lambda s: (s.start, s.end))
    )
    sentences = tuple(Offsets(s.start_char, s.end_char) for s in doc.sents) if text else ()
    events = tuple(doc._.events or ())
    warnings = () if looks_german(text) else ("W101: the text does not look German",)
    return AnalyzedArticle(
        id=(article.id if article and article.id else text_id(text)),
        text=text,
        published=doc._.published,
        language="de",
        sentences=sentences,
        entities=entities,
        timex=timex,
        events=events,
        title=article.title if article else None,
        url=article.url if article else None,
        warnings=warnings,
    )


def analyze_articles(
    nlp: Language, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32
) -> Iterator[AnalyzedArticle]:
    """Analyze articles in order; ``n_process > 1`` uses forked workers that send back
    records (:mod:`lagebild.workers`), or spaCy's multiprocessing where there is no fork."""
    if n_process > 1 and can_fork():
        yield from ordered_map(nlp, iter(articles), _analyze_chunk, n_process)
        return
    pending: list[Article] = []

    def docs() -> Iterator[tuple[Doc, int]]:
        for i, article in enumerate(articles):
            pending.append(article)
            yield make_doc(nlp, article), i

    for doc, i in nlp.pipe(docs(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield doc_to_record(doc, pending[i])


def _analyze_chunk(articles: list[Article]) -> list[AnalyzedArticle]:
    """Worker task of :func:`analyze_articles`: a chunk of articles → records."""
    return list(analyze_articles(worker_nlp(), articles))


def analyze(
    text: str,
    published: str | None = None,
    *,
    nlp: Language | None = None,
    id: str | None = None,  # noqa: A002  (mirrors the contract's field name)
) -> AnalyzedArticle:
    """Analyze one German article; ``published`` (YYYY-MM-DD) anchors relative dates."""
    from .pipeline import load

    article = Article(text=text, published=parse_published(published), id=id)
    nlp = nlp or load()
    return doc_to_record(nlp(make_doc(nlp, article)), article)
