"""Status of an event: occurred, planned, negated, hypothetical or claimed.

Cues come from ``data/cues.yml``. The clause of the trigger decides, with the governing clause
for infinitive and ``dass``/``ob`` clauses ("war nicht in der Lage, … zu bringen"). Routine
sourcing ("nach Behördenangaben", "teilte … mit") does not make an event claimed (gold rule 4);
a claim needs an explicit marker ("angeblich", "nach russischen Angaben") or a Konjunktiv-I
report attributed to another actor than the one said to act ("Die Ukraine habe … verlegt,
erklärt der Kreml").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doc_ext import doc_lowers
from .clauses import Clause
from .lexicon import Lexicon
from .roles import Mention

_REPORTED_MODALS = frozenset({"soll", "sollen", "sollte", "sollten", "will", "wollen"})


def _alleged(words: list[str]) -> bool:
    """"sollen … ermordet haben", "will … gesehen haben": a modal with a perfect infinitive
    reports someone else's unverified claim."""
    tail = [w for w in words if w.isalpha()][-2:]
    return bool(set(words) & _REPORTED_MODALS) and len(tail) == 2 and tail[1] in (
        "haben", "sein"
    ) and tail[0].endswith(("t", "en"))


class StatusFinder:
    """Decides the status of a trigger from its clause and sentence."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon

    def _words(self, clause: Clause) -> list[str]:
        return doc_lowers(self.doc)[clause.start : clause.end]

    def negated(
        self, trigger: Token, clause: Clause, is_noun: bool, governor: Clause | None
    ) -> bool:
        """The text says the event does not or did not happen ("keine Strafmaßnahmen")."""
        neg = self.lex.cue("negation")
        words = self._words(clause)
        text = " ".join(words)
        if any(phrase in text for phrase in self.lex.cue("negation_exceptions")):
            return False
        if is_noun:
            # "keine Strafmaßnahmen": the negation must bind the noun or the clause predicate
            left = [self.doc[i].lower_ for i in range(max(clause.start, trigger.i - 3), trigger.i)]
            if any(w.startswith("kein") for w in left):
                return True
            if "nicht" in words and trigger.i > clause.start + words.index("nicht"):
                return True
            # "Ein Treffen ist nicht geplant / kam nicht zustande": the negated predicate
            # of the noun's own clause says the event does not happen
            after = words[trigger.i - clause.start + 1 :]
            negated_predicates = self.lex.cue("negated_predicates")
            for k, w in enumerate(after[:-1]):
                if w == "nicht" and any(x in negated_predicates for x in after[k + 1 : k + 4]):
                    return True
            return clause.kind == "zu" and governor is not None and self._negated_governor(governor)
        if any(w in neg for w in words):
            return True
        if governor is not None and clause.kind == "zu":
            return self._negated_governor(governor)
        return False

    def _negated_governor(self, governor: Clause) -> bool:
        """"war nicht in der Lage, … zu bringen": the governing clause negates the infinitive."""
        gov_words = self._words(governor)
        return "nicht" in gov_words and "nicht nur" not in " ".join(gov_words)

    def hypothetical(self, trigger: Token, clause: Clause, is_noun: bool) -> bool:
        """A condition, an "ob"-question or a possibility ("im Falle", "könnte", "möglich")."""
        if clause.kind in ("sub:ob", "sub:falls", "sub:wenn", "sub:sofern"):
            return True
        if is_noun:
            lowers = doc_lowers(self.doc)
            left = " ".join(lowers[max(clause.start, trigger.i - 5) : trigger.i])
            if any(phrase in left for phrase in self.lex.cue("hypothetical_phrases")):
                return True
            prev = lowers[trigger.i - 1] if trigger.i > 0 else ""
            if prev.startswith(("möglich", "etwaig", "potenziell", "denkbar")):
                return True
        cues = self.lex.cue("hypothetical")
        for i in range(clause.start, clause.end):
            token = self.doc[i]
            if token.lower_ not in cues:
                continue
            nxt = self.doc[i + 1] if i + 1 < len(self.doc) else None
            # "einen möglichen Kampf" marks that noun only, not the clause's predicate
            attributive = nxt is not None and nxt.is_alpha and (
                nxt.text[0].isupper() or nxt.pos_ in ("ADJ", "NOUN")
            ) and token.lower_.startswith(("möglich", "etwaig", "potenziell", "denkbar"))
            if not attributive or is_noun:
                return True
        return False

    def planned(
        self, trigger: Token, clause: Clause, is_participle: bool, governor: Clause | None,
        is_noun: bool = False, consult: bool = True, in_pp: bool = False,
    ) -> bool:
        """Announced, scheduled, intended or future ("wollen", "wird … beraten", "geplant")."""
        words = self._words(clause)
        cues = self.lex.cue("planned")
        # a clause's modality belongs to its predicate: to an event noun that is the object or
        # subject ("will Sanktionen verhängen"), to meetings, but not to a noun inside a PP
        # ("werde sich mit dem Einmarsch befassen"), which is planned only when marked itself
        clause_level = not is_noun or consult or not in_pp
        if clause_level and any(w in cues for w in words):
            return True
        left = [self.doc[i].lower_ for i in range(max(clause.start, trigger.i - 3), trigger.i)]
        if any(w in self.lex.cue("planned_attributive") for w in left):
            return True
        if not clause_level:
            return False
        if any(w in self.lex.cue("future_auxiliaries") for w in words):
            # "wird … beraten" is future, "wird … erwartet/verhängt" passive
            if not is_participle or words[-1] in ("werden", "wird"):
                return True
        if governor is not None and clause.kind in ("zu", "sub:dass"):
            gov_words = self._words(governor)
            if any(w in cues for w in gov_words):
                return True
        return False

    def claimed(
        self, clause: Clause, sentence_clauses: list[Clause], mentions: list[Mention],
        source: list[str],
    ) -> bool:
        """One side's contested assertion (gold rule 4), not routine sourcing."""
        words = self._words(clause)
        if any(w in self.lex.cue("claimed") for w in words):
            return True
        if _alleged(words):
            return True
        sent_start = sentence_clauses[0].start
        sent_end = sentence_clauses[-1].end
        sent_words = doc_lowers(self.doc)[sent_start:sent_end]
        for k, lower in enumerate(sent_words[:-1]):
            if lower == "nach" and k + 2 < len(sent_words):
                nxt, after = sent_words[k + 1], sent_words[k + 2]
                if after == "angaben" and self.lex.adjective_actor(nxt):
                    return True
        if not source or not any(w in self.lex.cue("konjunktiv_one") for w in words):
            return False
        # "…, erklärt der Kreml": a postposed speech verb whose speaker is another actor
        later = [c for c in sentence_clauses if c.start >= clause.end]
        for other in later:
            other_words = self._words(other)
            if other_words and other_words[0] in self.lex.cue("claim_speech_verbs"):
                speakers = [m.actor for m in mentions if other.start <= m.start < other.end]
                if speakers and not set(speakers) & set(source):
                    return True
        return False
