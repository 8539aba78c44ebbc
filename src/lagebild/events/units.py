"""Sentence units, quotations and predicative nouns: the frame the coder works in."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..doc_ext import doc_lowers, doc_words
from .clauses import Clause
from .triggers import TriggerMatch


def sentence_units(doc: Doc, tokens: Sequence[Token] | None = None) -> list[Span]:
    """Sentences, further cut at line breaks (a heading without a full stop is its own unit);
    an opening quotation mark left at a sentence's end moves to the sentence it opens.

    ``tokens`` is ``list(doc)`` when the caller has it."""
    if tokens is None:
        tokens = list(doc)
    bounds: list[tuple[int, int]] = []
    for sent in _joined_sentences(doc):
        start = sent.start
        for token in tokens[sent.start : sent.end]:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    bounds.append((start, token.i))
                start = token.i + 1
        if start < sent.end:
            bounds.append((start, sent.end))
    for k in range(len(bounds) - 1):
        start, end = bounds[k]
        while end - 1 > start and doc[end - 1].text in ("„", "«", "‚"):
            end -= 1
        if end != bounds[k][1] and bounds[k + 1][0] == bounds[k][1]:
            bounds[k] = (start, end)
            bounds[k + 1] = (end, bounds[k + 1][1])
    return [doc[start:end] for start, end in bounds if end > start]


_FINAL = frozenset({".", "!", "?", ":", ";", "“", "»", "\"", "‘", "…"})


def _joined_sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, a piece that ends without final punctuation joined to the next
    one on the same line: a statistical parser may cut "Armenien und Aserbaidschan | haben
    sich … geeinigt" in two."""
    sents = list(doc.sents)
    out: list[Span] = []
    for sent in sents:
        if out:
            prev = out[-1]
            last = next((t for t in reversed(prev) if not t.is_space), None)
            if last is not None and last.text not in _FINAL and not any(
                t.is_space and "\n" in t.text for t in doc[last.i : sent.start + 1]
            ):
                out[-1] = doc[prev.start : sent.end]
                continue
        out.append(sent)
    return out


_OPEN_QUOTES = frozenset({"„", "«", "‚"})
_CLOSE_QUOTES = frozenset({"“", "»", "‘"})


def quoted_clauses(
    doc: Doc, sent: Span, clauses: list[Clause], tokens: Sequence[Token] | None = None
) -> set[int]:
    """Indices of clauses that start inside quotation marks (a quote's own subjects);
    ``tokens`` is ``list(doc)`` when the caller has it."""
    inside, state = set(), False
    starts = {c.start: c.index for c in clauses}
    texts = doc_words(doc)
    for i in range(sent.start, sent.end):
        text = texts[i]
        if i in starts and state:
            inside.add(starts[i])
        if text in _OPEN_QUOTES:
            state = True
        elif text in _CLOSE_QUOTES:
            state = False
        elif text == '"':
            state = not state
        if i in starts and state and (text in _OPEN_QUOTES or text == '"'):
            inside.add(starts[i])
    return inside


_COPULAS = frozenset({"ist", "war", "sei", "sind", "waren", "wäre", "wären", "gilt", "galt",
                      "bleibt", "blieb"})


def drop_predicatives(doc: Doc, matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """"Die Machtübernahme … war bereits der zweite Putsch": a predicative noun of the same
    type renames the subject's event and is not a second one."""
    kept: list[TriggerMatch] = []
    lowers = doc_lowers(doc)
    for match in matches:
        if match.is_noun and any(
            other.is_noun and other.clause == match.clause and other.entry.type == match.entry.type
            and any(lowers[i] in _COPULAS for i in range(other.token + 1, match.token))
            for other in kept
        ):
            continue
        kept.append(match)
    return kept
