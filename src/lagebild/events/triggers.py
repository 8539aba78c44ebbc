"""Finding trigger words in a clause: verbs (with separable particles) and event nouns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..doc_ext import doc_lowers, doc_words
from ..doc_ext import doc_tokens as cached_tokens
from .clauses import Clause
from .lexicon import Entry, Lexicon


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger token with its lexicon entry; ``particle`` is the separated particle token."""

    token: int
    entry: Entry
    clause: Clause
    is_noun: bool
    is_participle: bool
    particle: int | None = None


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    if pattern.startswith("*"):
        return word.endswith(pattern[1:])
    return word == pattern


def conditions_hold(entry: Entry, words: list[str], lexicon: Lexicon) -> bool:
    """Are the entry's co-occurrence conditions met by these clause words?"""
    if entry.with_noun and not any(n in w for n in entry.with_noun for w in words):
        return False
    if entry.with_word and not any(_word_matches(p, w) for p in entry.with_word for w in words):
        return False
    if entry.reflexive and not any(w in lexicon.cue("reflexives") for w in words):
        return False
    return not (entry.unless_noun and any(n in w for n in entry.unless_noun for w in words))


def _separated_particle(doc: Doc, token: Token, particle: str, clause: Clause) -> int | None:
    """Index of the particle that closes the clause ("weist … zurück"), or None."""
    for i in range(token.i + 1, clause.end):
        candidate = doc[i]
        if candidate.lower_ != particle:
            continue
        if candidate.dep_ in ("compound:prt", "svp") or candidate.tag_ == "PTKVZ":
            return i
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or i + 1 >= clause.end or nxt.is_punct or nxt.lower_ in (
            "und", "oder", "aber", "sowie"
        ):
            return i
    return None


def _is_sentence_initial(token: Token) -> bool:
    if token.is_sent_start:
        return True
    return token.i > 0 and doc_words(token.doc)[token.i - 1] in (
        "„", "«", "»", '"', "“", "(", ":"
    )


def find_triggers(
    doc: Doc, clause: Clause, lexicon: Lexicon, taken: set[int],
    doc_tokens: Sequence[Token] | None = None,
) -> list[TriggerMatch]:
    """Trigger matches in a clause; tokens in ``taken`` (inside names) are skipped.

    ``doc_tokens`` is ``list(doc)`` when the caller has it.
    """
    # one Token object per word: ``doc[i]`` builds a new one on every access
    all_tokens = cached_tokens(doc) if doc_tokens is None else doc_tokens
    texts = doc_words(doc)
    lowers = doc_lowers(doc)
    words = lowers[clause.start : clause.end]
    found: list[TriggerMatch] = []
    blocked = lexicon.cue("not_an_event_before")
    for i in range(clause.start, clause.end):
        if i in taken:
            continue
        token = all_tokens[i]
        text = texts[i]
        if "-" not in text and not token.is_alpha:
            continue
        lower = lowers[i]
        capital = text[0].isupper()
        pos = token.pos_
        match: TriggerMatch | None = None
        if (not capital or _is_sentence_initial(token)) and pos in ("", "VERB", "AUX"):
            match = _verb_match(doc, token, clause, lexicon, words, token.lemma_ or None)
        if match is None and (capital and pos in ("", "NOUN", "PROPN", "X")):
            before = " ".join(words[max(clause.start, i - 2) - clause.start : i - clause.start])
            if not any(before.endswith(b) for b in blocked):
                for entry in lexicon.noun_candidates(lower):
                    if conditions_hold(entry, words, lexicon):
                        match = TriggerMatch(i, entry, clause, True, False)
                        break
        if match is not None:
            found.append(match)
    return found


_QUOTES = frozenset({"„", "«", "»", '"', "“", "‚", "'"})


def _attributive(doc: Doc, token: Token, lexicon: Lexicon) -> bool:
    """A participle used as adjective: "einem vom Westen unterstützten Putsch"."""
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is None or not (nxt.is_alpha and nxt.text[0].isupper()):
        return False
    dets = lexicon.cue("determiners")
    for k in range(token.i - 1, max(-1, token.i - 6), -1):
        if doc[k].lower_ in dets:
            between = [doc[j] for j in range(k + 1, token.i) if doc[j].text not in _QUOTES]
            if not between:
                return True
            first = between[0].lower_
            return first in lexicon.cue("prepositions") or all(
                t.text[0].islower() or t.is_punct for t in between
            )
        if doc[k].is_punct and doc[k].text not in ("„", "«", "»", '"', "“"):
            return False
    return False


def _verb_match(
    doc: Doc, token: Token, clause: Clause, lexicon: Lexicon, words: list[str], lemma: str | None
) -> TriggerMatch | None:
    lower = token.lower_
    if lower in lexicon.participles and _attributive(doc, token, lexicon):
        return None
    best: tuple[int, TriggerMatch] | None = None
    for entry, _kind in lexicon.verb_candidates(lower, lemma):
        if not conditions_hold(entry, words, lexicon):
            continue
        particle_at = None
        if entry.particle and not lower.startswith(entry.particle):
            particle_at = _separated_particle(doc, token, entry.particle, clause)
            if particle_at is None:
                continue
        score = (2 if entry.conditional else 0) + (1 if entry.particle else 0)
        match = TriggerMatch(
            token.i, entry, clause, False, lower in lexicon.participles, particle_at
        )
        if best is None or score > best[0]:
            best = (score, match)
    return best[1] if best else None
