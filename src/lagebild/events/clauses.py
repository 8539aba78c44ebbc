"""Sentences cut into clauses, by the parse where one is present and by punctuation otherwise.

A clause is a token range with a kind: ``main``, ``sub:<word>`` for a clause opened by a
subordinating word ("dass", "ob", "falls" …), ``rel`` for a relative clause and ``zu`` for an
infinitive clause. German marks clause boundaries with commas, so the tokenizer-only
fallback splits at commas, semicolons, colons and dashes and merges back the pieces that
hold no verb (appositions and enumerations such as ", Sergej Lawrow, Laurent Fabius,").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..doc_ext import doc_lowers, doc_tokens, doc_words
from .lexicon import Lexicon

_BOUNDARIES = frozenset({",", ";", ":", "–", "—", "-"})
_OPENING_QUOTES = frozenset({"„", "«", "»", '"', "“", "‚", "'", "("})


@dataclass(frozen=True)
class Clause:
    """A token range ``[start, end)`` of the doc with its kind and position in the sentence."""

    start: int
    end: int
    kind: str
    index: int

    def tokens(self, sent: Span) -> list[Token]:
        doc = sent.doc
        return [doc[i] for i in range(self.start, self.end)]


def is_verbish(token: Token, lexicon: Lexicon) -> bool:
    """True when the token looks like a verb of its clause."""
    if token.pos_:
        return token.pos_ in ("VERB", "AUX")
    lower = token.lower_
    if not token.is_alpha:
        return False
    if lower in lexicon.cue("finite_auxiliaries"):
        return True
    if token.text[0].isupper() and not token.is_sent_start:
        return False
    entries = lexicon.forms.get(lower, ())
    if any(e.pos == "verb" for e, _ in entries):
        return True
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    # German prenominal words (articles, adjectives) are followed by a noun (capitalised);
    # a lower-case word followed by punctuation or another lower-case word is predicative.
    if lower in lexicon.cue("determiners") or lower in lexicon.cue("prepositions"):
        return False
    if lower in lexicon.cue("coordinators") or lower in lexicon.cue("subordinators"):
        return False
    if nxt is None or nxt.is_punct:
        return lower.endswith(("t", "en", "te", "ten", "rn", "ln"))
    # "sagte er", "betonte sie": a verb before its subject pronoun
    return nxt.lower_ in ("er", "sie", "es", "wir", "ich", "man")


def _has_verb(tokens: list[Token], lexicon: Lexicon) -> bool:
    return any(is_verbish(t, lexicon) for t in tokens)


_ZU_INFINITIVE = re.compile(
    r"^(ab|an|auf|aus|bei|dar|ein|fest|frei|her|hin|los|mit|nach|vor|weg|weiter|zu|zurück"
    r"|zusammen|entgegen|gegenüber|statt|teil|fort)zu\w+(en|rn|ln)$"
)


def _is_zu_clause(words: list[Token]) -> bool:
    """Ends in an infinitive with "zu" ("zu verhängen", "aufzuerlegen") and has no finite verb."""
    tail = words[-3:]
    lowers = [t.lower_ for t in words]
    ends_zu = any(t.lower_ == "zu" or t.tag_ in ("PTKZU", "VVIZU") for t in tail[:-1]) or bool(
        _ZU_INFINITIVE.match(lowers[-1])
    )
    return ends_zu and not any(t.pos_ == "AUX" for t in words[:-1])


def _kind(tokens: list[Token], first_in_sentence: bool, lexicon: Lexicon) -> str:
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return "main"
    first = words[0].lower_
    if first in lexicon.cue("subordinators"):
        return f"sub:{first}"
    if first == "um" or (not first_in_sentence and _is_zu_clause(words)):
        return "zu"
    if not first_in_sentence:
        if first in lexicon.cue("relative_pronouns") and len(words) > 1:
            # an article after a comma opens a relative clause; enumerations ("Frankreich,
            # die Ukraine und Polen") hold no verb and were merged back before
            return "rel"
        if (
            first in lexicon.cue("prepositions")
            and len(words) > 2
            and words[1].lower_ in lexicon.cue("relative_pronouns")
            and not words[2].text[0].isupper()
        ):
            return "rel"
    return "main"


def segment(
    sent: Span, lexicon: Lexicon, tokens: Sequence[Token] | None = None
) -> list[Clause]:
    """The clauses of a sentence in text order; ``tokens`` is ``list(doc)`` if at hand."""
    doc = sent.doc
    # one Token object per word: ``doc[i]`` builds a new one on every access
    first_i = sent.start
    toks = list(sent) if tokens is None else tokens[sent.start : sent.end]
    texts = doc_words(doc)
    lowers = doc_lowers(doc)
    coordinators = lexicon.cue("coordinators")
    subordinators = lexicon.cue("subordinators")
    relative_pronouns = lexicon.cue("relative_pronouns")
    pieces: list[tuple[int, int]] = []
    after_coordinator: set[int] = set()
    start = sent.start
    for i in range(sent.start, sent.end):
        if texts[i] in _BOUNDARIES and i > start:
            pieces.append((start, i))
            start = i + 1
        elif (
            lowers[i] in coordinators
            and i + 1 < sent.end
            and i > start
            and (
                _starts_verb_phrase(toks[i + 1 - first_i], lexicon)
                or _joins_clauses(doc, start, i, sent.end)
            )
        ):
            pieces.append((start, i))
            start = i + 1
            after_coordinator.add(start)
    if start < sent.end:
        pieces.append((start, sent.end))
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for k, (begin, end) in enumerate(pieces):
        if carry is not None:
            begin, carry = carry, None
        if not _has_verb(toks[begin - first_i : end - first_i], lexicon):
            opener = lowers[begin]
            if 0 < k < len(pieces) - 1 and (
                opener in subordinators or opener in relative_pronouns
            ):
                # "dass die Nato der Ukraine Unterstützung für A, B und C zusichern wird":
                # the clause opened here ends after the enumeration
                carry = begin
                continue
            if merged:
                merged[-1] = (merged[-1][0], end)
            elif k + 1 < len(pieces) and lowers[pieces[k + 1][0]] in (
                relative_pronouns
            ):
                merged.append((begin, end))  # "Die Forderungen, die …, wurden abgelehnt"
            else:
                carry = begin
            continue
        merged.append((begin, end))
    if carry is not None:
        merged.append((carry, sent.end))
    clauses = []
    for index, (begin, end) in enumerate(merged):
        tokens = toks[begin - first_i : end - first_i]
        first = index == 0 or begin in after_coordinator  # "und die Regierung war …"
        clauses.append(Clause(begin, end, _kind(tokens, first, lexicon), index))
    return clauses


def _joins_clauses(doc, start: int, i: int, end: int) -> bool:
    """With a tagger: "und" between two clauses that each have a finite verb ("Die Offensive
    hat … erzielt und die Regierung war nicht in der Lage")."""
    tokens = doc_tokens(doc)

    def finite(k: int) -> bool:
        return tokens[k].tag_.endswith("FIN")

    if not doc[i].tag_:
        return False
    # the right clause's verb must come before the next coordinator: in "mit Fahnen
    # Georgiens und der EU vor das Parlament und forderten …" the first "und" joins nouns
    texts, lowers = doc_words(doc), doc_lowers(doc)
    right_end = next(
        (k for k in range(i + 1, end)
         if texts[k] in _BOUNDARIES or lowers[k] in ("und", "sowie", "oder", "aber")),
        end,
    )
    return any(finite(k) for k in range(start, i)) and any(
        finite(k) for k in range(i + 1, right_end)
    )


def _starts_verb_phrase(token: Token, lexicon: Lexicon) -> bool:
    """After "und"/"aber": does a new verb phrase or clause (not a noun phrase) begin here?"""
    if token.lower_ in lexicon.cue("subordinators") and token.lower_ not in ("als", "wie"):
        return True  # "… beschießen und solange Helfer keinen Zugang haben"
    if token.pos_:
        return token.pos_ in ("VERB", "AUX")
    if token.text[0].isupper():
        return False
    lower = token.lower_
    if lower in lexicon.cue("finite_auxiliaries"):
        return True
    return any(e.pos == "verb" and kind == "finite" for e, kind in lexicon.forms.get(lower, ()))


def clause_of(clauses: list[Clause], token_index: int) -> Clause:
    """The clause holding a token."""
    for clause in clauses:
        if clause.start <= token_index < clause.end:
            return clause
    return clauses[-1]
