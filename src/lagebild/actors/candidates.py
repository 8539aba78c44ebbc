"""Name candidates of ``lagebild_actors`` and how overlapping ones are settled.

Candidates come from four sources of decreasing trust: the knowledge files, persons found
by a first name, the capitalisation heuristics and the statistical NER.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Token

from .knowledge import NameEntry

GAZ, UPGRADED, HEURISTIC, NER = 0, 0.5, 1, 2


@dataclass
class Candidate:
    """A possible name: token range, label, knowledge entry (if any) and source."""

    start: int
    end: int
    label: str
    entry: NameEntry | None
    source: float
    name: str | None = None
    text: str = ""


_ADJECTIVE_ENDINGS = tuple(
    stem + ending
    for stem in ("isch", "al", "er", "ig", "t", "oh", "ei", "u", "n")
    for ending in ("e", "en", "er", "es")
)
_OPENERS = frozenset({".", "!", "?", ":", "„", '"', "«", "(", "–"})


def capitalised_adjective(token: Token) -> bool:
    """An adjective written with a capital inside a sentence: part of a name."""
    if token.is_sent_start or token.i == 0 or token.doc[token.i - 1].text in _OPENERS:
        return False
    text = token.text
    return text[:1].isupper() and text.isalpha() and text.lower().endswith(_ADJECTIVE_ENDINGS)


def _reconcile(cands: list[Candidate]) -> list[Candidate]:
    """Let the statistical NER correct two weak spots of the rules.

    A guessed person ("Antonio Spurs", "Patrick von Brunn Auf") yields to an overlapping
    NER person or organisation; a multi-word NER organisation wins over place names inside
    it ("TU Berlin", "Financial Times Deutschland").
    """
    ner = [c for c in cands if c.source == NER and c.label in ("PER", "ORG")]
    if not ner:
        return cands
    drop: set[int] = set()
    for n in ner:
        inside = [c for c in cands if c.source != NER and c.start < n.end and n.start < c.end]
        guessed = [c for c in inside if c.entry is None and c.label == "PER"]
        known = [c for c in inside if c.entry is not None]
        if n.label == "ORG" and known:
            guessed = []  # "Kiew Staatschef Wolodymyr Selenskyj" is no organisation
        # the NER draws better person boundaries than the capitalisation heuristic
        # ("Matthew Williams" not "Matthew Williams Liebeskummer")
        if guessed and (
            n.label == "PER" or n.end - n.start >= max(c.end - c.start for c in guessed)
        ):
            drop.update(id(c) for c in guessed)
            n.source = UPGRADED
        places = [c for c in inside if c.entry is not None]
        if (
            n.label == "ORG"
            and places
            and n.end - n.start > 1
            and all(c.entry.kind in ("state", "capital", "place") for c in places)
            and all(n.start < c.start and c.end <= n.end for c in places)
        ):
            drop.update(id(c) for c in places)
            n.source = UPGRADED
    return [c for c in cands if id(c) not in drop]


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: knowledge files first, then longer spans, then NER."""
    cands = _reconcile(cands)
    taken: set[int] = set()
    chosen: list[Candidate] = []

    def rank(c: Candidate) -> tuple:
        # knowledge-file names and first-name persons compete by length (a longer
        # "Abbas Araqchi" beats the alias "Abbas"), the rest come after them
        return (c.source > UPGRADED, c.start - c.end, c.source, c.start)

    for cand in sorted(cands, key=rank):
        tokens = range(cand.start, cand.end)
        if any(i in taken for i in tokens):
            continue
        taken.update(tokens)
        chosen.append(cand)
    return _consistent_labels(sorted(chosen, key=lambda c: c.start))


def _consistent_labels(chosen: list[Candidate]) -> list[Candidate]:
    """One label per unknown name in a document: the statistical NER may call "Sarkozy"
    PER in one sentence and LOC in the next; the majority wins (PER on ties)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for cand in chosen:
        if cand.entry is None:
            votes[cand.text][cand.label] += 1
    for cand in chosen:
        if cand.entry is None and len(votes[cand.text]) > 1:
            ranked = sorted(votes[cand.text].items(), key=lambda kv: (-kv[1], kv[0] != "PER"))
            cand.label = ranked[0][0]
    return chosen
