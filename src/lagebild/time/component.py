"""Component ``lagebild_timex``: German temporal expressions resolved to TIMEX3 values.

Pipeline position: after the German core (or the sentencizer of a blank pipeline), before the
actor, place and event components. For each document it

1. runs the precompiled rules of :mod:`lagebild.time.patterns` over the text and drops matches
   whose context shows they are no timex ("der Abend war ruhig"),
2. keeps the longest non-overlapping matches (rule priority breaks ties),
3. aligns them to tokens (splitting a token such as "2019." at a sentence end when needed),
4. resolves them in text order against ``doc._.published`` with clause tense and a narrative
   anchor (:mod:`lagebild.time.resolve`),
5. writes ``doc.spans["lagebild_timex"]`` (``label_`` = TIMEX3 type, ``span._.value``).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doc_ext import TIMEX_KEY, doc_text, forget
from .lexicon import load_lexicon
from .patterns import Rule, build_rules
from .resolve import Resolver
from .tense import PRESENT, clause_tense

_SPLITTABLE = re.compile(r"^(\d+|[^\W\d]+)([.,;:!?]+)$")


_SPACE = re.compile(r"\s")
_MARGIN = 80  # characters around a key word that a match can reach
_MAX_HITS = 48


class _TextIndex:
    """Where the key words of the rules are in one text, found once for all rules (many
    rules share key words)."""

    def __init__(self, text: str, lower: str) -> None:
        self.text = text
        self.lower = lower
        self._positions: dict[str, list[int]] = {}

    def positions(self, word: str) -> list[int]:
        """Where ``word`` starts in the lower-cased text; at most ``_MAX_HITS + 1`` positions
        (more make a rule scan the whole text anyway)."""
        at = self._positions.get(word)
        if at is None:
            at = self._positions[word] = []
            i = self.lower.find(word)
            while i != -1 and len(at) <= _MAX_HITS:
                at.append(i)
                i = self.lower.find(word, i + 1)
        return at

    def window(self, i: int) -> tuple[int, int]:
        """About ``_MARGIN`` characters either side of ``i``, cut after a space or newline
        on the left and at whitespace on the right."""
        text = self.text
        n = len(text)
        lo = max(0, i - _MARGIN)
        lo = max(text.rfind(" ", 0, lo), text.rfind("\n", 0, lo)) + 1 if lo else 0
        m = _SPACE.search(text, min(n, i + _MARGIN))
        return lo, m.start() if m else n


def _windows(
    text: str, lower: str, needs: tuple[str, ...], index: _TextIndex | None = None
) -> list[tuple[int, int]]:
    """Stretches of ``text`` to scan for a rule: around its key words, or all of it.

    A regex pass costs time per character even without a match, so a rule whose key words
    are rare in the text only scans ``_MARGIN`` characters around them (cut at whitespace,
    so word-boundary checks at the edges stay correct). ``index`` shares key-word positions
    and word gaps across the rules of one text.
    """
    n = len(text)
    if not needs:
        return [(0, n)]
    if index is None:
        index = _TextIndex(text, lower)
    hits: list[int] = []
    for word in needs:
        hits += index.positions(word)
        if len(hits) > _MAX_HITS:
            return [(0, n)]
    if not hits:
        return []
    hits.sort()
    merged: list[list[int]] = []
    for i in hits:
        lo, hi = index.window(i)
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


def _dct(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class TimexTagger:
    """Finds temporal expressions and writes them to ``doc.spans["lagebild_timex"]``."""

    def __init__(self, nlp: Language, name: str, user_files: list[str] | None = None) -> None:
        self.name = name
        self.lexicon = load_lexicon(user_files or [])
        self.rules: list[Rule] = build_rules(self.lexicon)

    def _candidates(self, text: str, resolver: Resolver) -> list[tuple[int, int, Rule, re.Match]]:
        found = []
        lower = text.lower()
        index = _TextIndex(text, lower)
        by_needs: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        for rule in self.rules:
            windows = by_needs.get(rule.needs)
            if windows is None:
                windows = by_needs[rule.needs] = _windows(text, lower, rule.needs, index)
            for lo, hi in windows:
                for m in rule.regex.finditer(text, lo, hi):
                    if m.end() > m.start() and resolver.resolve(rule.name, m, dry=True) is not None:
                        found.append((m.start(), m.end(), rule, m))
        # Longest first, then rule priority; greedy selection of non-overlapping matches.
        found.sort(key=lambda c: (c[0] - c[1], c[2].priority, c[0]))
        taken = bytearray(len(text))  # 1 where a chosen match covers the character
        chosen = []
        for cand in found:
            s, e = cand[0], cand[1]
            if 1 in taken[s:e]:
                continue
            taken[s:e] = b"\x01" * (e - s)
            chosen.append(cand)
        chosen.sort(key=lambda c: c[0])
        return chosen

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if not text:
            doc.spans[TIMEX_KEY] = []
            return doc
        tense_cache: dict[int, str] = {}

        def tense_at(char: int) -> str:
            hit = doc.char_span(char, char + 1, alignment_mode="expand")
            i = hit.start if hit is not None and len(hit) else 0
            if i not in tense_cache:
                try:
                    tense_cache[i] = clause_tense(doc, i)
                except ValueError:  # no sentence boundaries on a hand-made Doc
                    tense_cache[i] = PRESENT
            return tense_cache[i]

        resolver = Resolver(self.lexicon, _dct(doc._.published), text, tense_at)
        candidates = self._candidates(text, resolver)
        found = []
        for _s, _e, rule, m in candidates:
            f = resolver.resolve(rule.name, m)
            if f is not None:
                found.append(f)
        doc = self._split_tokens(doc, text, [(f.start, f.end) for f in found])
        spans = []
        for f in found:
            span = doc.char_span(f.start, f.end)
            if span is None:
                # Only a trailing misalignment is tolerated (the span keeps the whole last token);
                # a match starting inside a token ("1:41,983 Minuten") is not an expression.
                span = doc.char_span(f.start, f.end, alignment_mode="expand")
                if span is None or span.start_char != f.start or span.end_char > f.end + 2:
                    continue
            span = Span(doc, span.start, span.end, label=f.type)
            span._.value = f.value
            spans.append(span)
        doc.spans[TIMEX_KEY] = spans
        return doc

    @staticmethod
    def _split_tokens(doc: Doc, text: str, ranges: list[tuple[int, int]]) -> Doc:
        """Split tokens like "2019." where a timex ends before the trailing punctuation."""
        to_split = []
        n_chars = len(text)
        for start, end in ranges:
            for char in (start, end):
                tok = (
                    doc.char_span(char, char + 1, alignment_mode="expand")
                    if char < n_chars
                    else None
                )
                if tok is None or len(tok) != 1:
                    continue
                token = tok[0]
                if token.idx == char:
                    continue
                m = _SPLITTABLE.match(token.text)
                if m and token.idx + len(m.group(1)) == char:
                    to_split.append(token)
        if not to_split:
            return doc
        mark_sentences = not doc.has_annotation("DEP")
        forget(doc)  # cached Token objects point into the token array the split replaces
        with doc.retokenize() as retok:
            for token in {t.i: t for t in to_split}.values():
                m = _SPLITTABLE.match(token.text)
                head = token.head if token.head.i != token.i else (token, 0)
                retok.split(
                    token,
                    [m.group(1), m.group(2)],
                    heads=[head, (token, 0)],
                    attrs={
                        "POS": [token.pos_, "PUNCT"],
                        "TAG": [token.tag_, "$."] if token.tag_ else [token.tag_, token.tag_],
                        "DEP": [token.dep_, "punct"] if token.dep_ else [token.dep_, token.dep_],
                    },
                )
        if mark_sentences and doc.has_annotation("SENT_START"):
            for tok in doc:
                if tok.text == "." and tok.i + 1 < len(doc) and tok.i > 0 and tok.nbor(-1).like_num:
                    nxt = doc[tok.i + 1]
                    if (
                        nxt.text[:1].isupper()
                        and nxt.idx > tok.idx + 1
                        and nxt.is_sent_start is not True
                    ):
                        nxt.is_sent_start = True
        return doc


@Language.factory("lagebild_timex", default_config={"user_files": []})
def make_timex(nlp: Language, name: str, user_files: list[str]) -> TimexTagger:
    """Factory: ``user_files`` are YAML time lexicons that extend ``time/data/lexicon.yaml``."""
    return TimexTagger(nlp, name, user_files)
