"""Clause tense for German: ``past``, ``present`` or ``future`` (planned/intended).

Used by the timex resolver (a weekday in a past-tense clause is the most recent such day, in a
planned clause the next one) and reusable by the event coder.

Two strategies, chosen per document:

- With morphology from a trained pipeline (``Tense=Past`` on finite verbs, ``VerbForm``), the
  clause is the verb that governs the token plus its auxiliaries when a parse is present, or the
  comma-delimited stretch of the sentence otherwise.
- On a blank pipeline (tokenizer + sentencizer only) a lexical fallback scans the same stretch
  for cue words from ``time/data/tense.yaml``: modal/future auxiliaries and planning words
  ("wollen", "soll", "wird", "geplant", "bevorstehend"), past auxiliaries ("hatte", "wurde"),
  perfect tense ("hat ... getroffen"), strong past forms ("gab", "traf") and weak past forms
  ending in ``-te``/``-ten``/``-tet`` that are not adjectives after an article.

Finite future cues win over past cues ("wurde für Freitag angesetzt" is a plan), except the past
modals "sollte"/"wollte" that report a plan from the past ("sollten am Montag beginnen");
attributive planning words ("die bevorstehenden Gespräche") count only in clauses without a past
form.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

DATA_DIR = Path(__file__).parent / "data"

PAST = "past"
PRESENT = "present"
FUTURE = "future"

_CLAUSE_BREAKS = frozenset(
    {".", ",", ";", ":", "–", "—", "(", ")", "„", "“", "«", "»", '"', "?", "!"}
)
_HARD_BREAKS = frozenset({".", ",", ";", ":", "?", "!"})
_WEAK_PAST = re.compile(r"^[a-zäöüß]{3,}(?:te|ten)$")
# "-ten" after a vowel or "t" is an infinitive/present plural of a stem in -t ("beraten",
# "arbeiten", "bitten"); weak past forms of such stems end in "-eten" ("arbeiteten").
_PRESENT_TEN = re.compile(r"(?:[aeiouäöüy]|[^e]t)ten$")
_PARTICIPLE = re.compile(
    r"^(?:[a-zäöü]{0,8}ge[a-zäöüß]{2,}(?:t|en)|(?:be|er|ver|zer|ent|emp|miss)[a-zäöüß]{2,}(?:t|en)"
    r"|[a-zäöüß]{3,}iert)$"
)


class TenseLexicon:
    """Cue word sets for the lexical fallback, loaded from ``data/tense.yaml``."""

    def __init__(self, data: dict) -> None:
        self.future = frozenset(w.lower() for w in data["future"])
        self.future_weak = frozenset(w.lower() for w in data["future_weak"])
        self.past_modal = frozenset(w.lower() for w in data["past_modal"])
        self.past = frozenset(w.lower() for w in data["past"])
        self.perfect_aux = frozenset(w.lower() for w in data["perfect_aux"])
        self.not_past = frozenset(w.lower() for w in data["not_past"])
        self.pre_adjective = frozenset(w.lower() for w in data["pre_adjective"])
        self.future_lemmas = frozenset(w.lower() for w in data["future_lemmas"])


@lru_cache(maxsize=1)
def lexicon() -> TenseLexicon:
    """The packaged tense cue lexicon (loaded once)."""
    with open(DATA_DIR / "tense.yaml", encoding="utf-8") as fh:
        return TenseLexicon(yaml.safe_load(fh))


def _annotations(doc: Doc) -> tuple[bool, bool, bool]:
    """(sentences, morphology, parse) present on ``doc``; cached: each check scans the Doc."""
    key = ("lagebild_time", "annotations", len(doc))
    cached = doc.user_data.get(key)
    if cached is None:
        cached = (
            doc.has_annotation("SENT_START"),
            doc.has_annotation("MORPH"),
            doc.has_annotation("DEP"),
        )
        doc.user_data[key] = cached
    return cached


def clause_bounds(doc: Doc, token_i: int) -> tuple[int, int]:
    """Token range ``[start, end)`` of the comma-delimited part of the sentence around a token."""
    token = doc[token_i]
    sent = token.sent if _annotations(doc)[0] else doc[:]
    start = token_i
    while start > sent.start and doc[start - 1].text not in _CLAUSE_BREAKS:
        start -= 1
    end = token_i + 1
    while end < sent.end and doc[end].text not in _CLAUSE_BREAKS:
        end += 1
    return start, end


def _lexical_tense(words: list[str], lex: TenseLexicon) -> str:
    past = False
    weak_future = False
    for k, w in enumerate(words):
        if w in lex.past_modal:
            return PAST
        if w in lex.future:
            return FUTURE
        if w in lex.future_weak:
            weak_future = True
            continue
        if past:
            continue
        if w in lex.past:
            past = True
        elif w in lex.perfect_aux and any(
            _PARTICIPLE.match(x) for j, x in enumerate(words) if j != k
        ):  # "hat ... getroffen", and verb-final "dass er ... gereist sei"
            past = True
        elif (
            _WEAK_PAST.match(w)
            and w not in lex.not_past
            and (w.endswith("eten") or not _PRESENT_TEN.search(w))
            and not w.endswith("sten")
            and (k == 0 or words[k - 1] not in lex.pre_adjective)
        ):
            past = True
    if past:
        return PAST
    return FUTURE if weak_future else PRESENT


def _is_participle(token: Token) -> bool:
    if token.morph.get("VerbForm") == ["Part"]:
        return True
    lower = token.lower_
    return token.pos_ == "VERB" and "zu" not in lower and bool(_PARTICIPLE.match(lower))


def _perfect_segment(token: Token) -> Span:
    """The stretch between hard punctuation around an auxiliary, where its participle stands.

    Quotes and dashes do not end it: "hat ... einen „Verrat“ vorgeworfen".
    """
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].text not in _HARD_BREAKS:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].text not in _HARD_BREAKS:
        end += 1
    return doc[start:end]


def _verb_tense(tokens: list[Token], lex: TenseLexicon) -> str | None:
    """Tense from morphology; None when no finite verb carries a tense feature."""
    seen = False
    past = False
    weak_future = False
    for t in tokens:
        lower = t.lower_
        if lower in lex.future_weak:
            weak_future = True
        if lower in lex.past_modal:
            return PAST
        # Only a present-tense finite form plans ("wird", "will"); "worden"/"wurde" are passive.
        finite_lemma = (
            t.lemma_.lower() in lex.future_lemmas
            and t.pos_ in ("AUX", "VERB")
            and "Pres" in t.morph.get("Tense")
        )
        if finite_lemma or lower in lex.future:
            return FUTURE
        tense = t.morph.get("Tense")
        if tense and t.pos_ in ("AUX", "VERB"):
            seen = True
            # Subjunctive II ("wäre", "könnte") is morphologically past but hypothetical.
            if (
                tense[0] == "Past"
                and "Part" not in t.morph.get("VerbForm")
                and "Sub" not in t.morph.get("Mood")
            ):
                past = True
        if lower in lex.perfect_aux and (t.pos_ == "AUX" or t.tag_ == "VAFIN"):
            # The tagger sometimes misses a participle ("abgebrochen" as zu-infinitive), so
            # its shape counts as well as its VerbForm; and the small parser sometimes hangs
            # the finite "hat" on a noun, so a participle elsewhere in its stretch of the
            # sentence makes the perfect too.
            near = (t.head, *t.head.children) if t.pos_ == "AUX" else ()
            if any(_is_participle(c) for c in near) or any(
                c.i != t.i and _is_participle(c) for c in _perfect_segment(t)
            ):
                past = True
    if past:
        return PAST
    if weak_future:
        return FUTURE
    return PRESENT if seen else None


def clause_tense(doc: Doc, token_i: int) -> str:
    """Tense of the clause containing ``doc[token_i]``: ``"past"``, ``"present"`` or ``"future"``.

    ``future`` covers planned and intended events (modal "wollen/sollen", future "werden",
    "geplant", "bevorstehend", "angesetzt"). Uses morphology when the pipeline provides it and
    falls back to cue words otherwise; never fails (``"present"`` when nothing is found).
    """
    lex = lexicon()
    start, end = clause_bounds(doc, token_i)
    _sents, has_morph, has_dep = _annotations(doc)
    if has_morph:
        if has_dep:
            verb = doc[token_i]
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ in ("VERB", "AUX") and start <= verb.i < end:
                # The governing verb with its auxiliaries and verbal complements decides first.
                group = [verb, *(c for c in verb.children if c.pos_ in ("AUX", "VERB"))]
                head = verb.head
                # "plant, am Freitag zu reisen": a planning verb above the clause makes it
                # planned; other governing verbs ("kündigte an, ... zu reisen") do not lend it
                # their tense.
                if head.i != verb.i and (
                    head.lower_ in lex.future or head.lemma_.lower() in lex.future_lemmas
                ):
                    group.append(head)
                result = _verb_tense(group, lex)
                if result is not None:
                    return result
        result = _verb_tense(list(doc[start:end]), lex)
        if result is not None:
            return result
    words = [t.lower_ for t in doc[start:end]]
    return _lexical_tense(words, lex)
