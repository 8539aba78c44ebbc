"""Analysis in forked workers: same records, same order as one process; errors surface."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from lagebild.analysis import analyze_articles
from lagebild.records import Article
from lagebild.workers import can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs the fork start method")

ARTICLES = [
    Article(f"{city} meldete am Montag neue Angriffe. Die Regierung in Kiew verurteilte sie.",
            "2023-03-08", id=f"a{i}")
    for i, city in enumerate(["Charkiw", "Odessa", "Lwiw", "Dnipro", "Sumy"] * 8)
] + [Article("Die EU verhängte am Freitag Sanktionen gegen Belarus.", "2023-03-10", id="eu")]


def test_workers_give_the_records_of_one_process_in_input_order(nlp):
    one = list(analyze_articles(nlp, ARTICLES))
    two = list(analyze_articles(nlp, iter(ARTICLES), n_process=2))
    assert [r.id for r in two] == [a.id for a in ARTICLES]
    assert two == one
    assert any(e.type == "SANCTION" for e in two[-1].events)


@Language.component("test_workers_fails")
def _fails(doc):
    if "Belarus" in doc.text:
        raise RuntimeError("kaputt")
    return doc


def test_a_failing_article_raises_in_the_parent():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_workers_fails")
    with pytest.raises(RuntimeError, match="kaputt"):
        list(analyze_articles(nlp, ARTICLES, n_process=2))
