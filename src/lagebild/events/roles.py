"""Source and target actors of a trigger from the actor mentions of its clause.

With a dependency parse (German UD labels) the subject, objects and agent phrases are read
from the tree; without one, German word order decides: the first mention that is not inside a
prepositional phrase and not marked dative/accusative by its article is the subject, further
bare mentions are objects, and mentions in the prepositions a type allows ("mit", "gegen",
"an" …) are targets. Passive clauses take the "von"/"durch" agent as source. Event nouns read
their participants from their own noun phrase first: a demonym adjective ("russischer
Einmarsch"), a genitive ("Einmarsch Russlands", "Moskaus Invasion"), a compound modifier
("G20-Gipfel") or "zwischen A und B".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..doc_ext import (
    ENTITY_KEY,
    MENTION_KEY,
    TIMEX_KEY,
    doc_lowers,
    doc_tokens,
    doc_words,
    span_text,
)
from .clauses import Clause, is_verbish
from .lexicon import Entry, Lexicon

# Prepositions whose objects are targets, per PLOVER type (entries may add more).
TYPE_TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "CONSULT": ("mit",),
    "AGREE": ("mit",),
    "COOPERATE": ("mit",),
    "SUPPORT": ("für", "gegenüber"),
    "AID": ("an", "für"),
    "REQUEST": ("an", "gegenüber"),
    "ACCUSE": ("gegen", "als", "gegenüber"),
    "REJECT": ("gegenüber", "aus"),
    "THREATEN": ("gegen", "gegenüber"),
    "PROTEST": ("gegen",),
    "SANCTION": ("gegen", "gegenüber"),
    "MOBILIZE": ("gegen", "an"),
    "COERCE": ("gegen", "gegenüber"),
    "ASSAULT": ("gegen", "auf", "in", "ins"),
    "RETREAT": ("aus",),
    "CONCEDE": ("gegen", "gegenüber"),
}
AGENT_PREPS = ("von", "vom", "durch")
# event nouns whose "von" phrase names the patient ("Festnahme von", "Abzug von Truppen")
PATIENT_VON = frozenset({"COERCE", "RETREAT"})
# articles that mark a noun phrase as no subject (accusative/dative forms)
_OBLIQUE_ARTICLES = frozenset({"einen", "einem", "dem", "den"})
# parse labels of bare arguments: never inside a prepositional phrase
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl:arg", "obl", "expl"})
# STTS pronoun tags: the tag says "einige", "diese" are pronouns where the small UD-trained
# POS model sometimes does not (PROPN)
_PRONOUN_TAGS = frozenset({"PPER", "PIS", "PDS", "PWS", "PRELS", "PPOSS"})
_PERSONAL = ("er", "sie")
_ABSTRACT_SUFFIXES = ("ung", "heit", "keit", "ion", "schaft", "gang", "tät", "nis", "lage")


@dataclass(frozen=True)
class Mention:
    """An actor-bearing mention as a token range; ``adjective`` for a demonym adjective."""

    start: int
    end: int
    actor: str
    adjective: bool = False


@dataclass
class Roles:
    """Actor codes in the order found; ``internal`` when read from an event noun's phrase;
    ``separate``: organisations each holding their own meeting ("Gipfel der Nato und der EU")."""

    source: list[str]
    target: list[str]
    internal: bool = False
    separate: list[str] = field(default_factory=list)


def adjective_mentions(
    doc: Doc, lexicon: Lexicon, mentions: list[Mention], tokens: Sequence[Token] | None = None
) -> list[Mention]:
    """Demonym adjectives heading a noun phrase without a named actor ("mit Vertretern des
    syrischen Regimes" → SYR), merged into the mention list in text order."""
    starts = {m.start for m in mentions}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    extra = []
    toks = doc_tokens(doc) if tokens is None else tokens
    words = doc_words(doc)
    lowers = doc_lowers(doc)
    n = len(words)
    for i, text in enumerate(words):
        if i in covered or text[0].isupper() or not toks[i].is_alpha:
            continue
        code = lexicon.adjective_actor(lowers[i])
        if not code:
            continue
        if i + 1 >= n or not words[i + 1][0].isupper():
            continue
        if any(k in starts for k in range(i + 1, i + 4)):
            continue  # "der russische Außenminister Sergej Lawrow": the name carries the actor
        extra.append(Mention(i, i + 1, code, adjective=True))
    return sorted(mentions + extra, key=lambda m: m.start)


POSSESSIVES = frozenset({
    "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem",
    "ihrer", "ihres", "deren", "dessen",
})


def joint_bodies(doc: Doc, prefixes: dict[str, str]) -> list[Mention]:
    """Names of joint bodies without one actor code ("Nato-Russland-Rat"): a mention whose
    actor joins the codes of its hyphenated parts with "+" (split again when coding)."""
    found = []
    for span in doc.spans.get(ENTITY_KEY, []):
        text = span_text(doc, span.start, span.end)
        if "-" not in text or span._.actor:
            continue
        codes = [prefixes[p.lower()] for p in text.split("-")[:-1] if p.lower() in prefixes]
        if len(set(codes)) >= 2:
            found.append(Mention(span.start, span.end, "+".join(dict.fromkeys(codes))))
    return found


def collect_mentions(doc: Doc) -> list[Mention]:
    """Actor mentions from ``lagebild_mentions`` and actor-bearing entities, overlaps removed.

    Possessive pronouns ("seine Forderung") are left out here: they name the agent of the
    noun they determine and are read by :meth:`RoleFinder.noun_roles` only.
    """
    spans = []
    for key in (MENTION_KEY, ENTITY_KEY):
        if key in doc.spans:
            spans.extend(
                s for s in doc.spans[key]
                if s._.actor and span_text(doc, s.start, s.end).lower() not in POSSESSIVES
            )
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    mentions: list[Mention] = []
    for span in spans:
        if mentions and span.start < mentions[-1].end:
            continue
        mentions.append(Mention(span.start, span.end, str(span._.actor)))
    return mentions


def span_tokens(doc: Doc, key: str) -> set[int]:
    """Indices of the tokens inside the spans of the group ``key``."""
    return {i for span in doc.spans.get(key, []) for i in range(span.start, span.end)}


def _unique(codes: list[str]) -> list[str]:
    seen: list[str] = []
    for code in codes:
        if code not in seen:
            seen.append(code)
    return seen


class RoleFinder:
    """Assigns source and target actors within a sentence's clauses."""

    def __init__(
        self, doc: Doc, lexicon: Lexicon, mentions: list[Mention],
        names: set[int] | None = None, dates: set[int] | None = None,
        has_parse: bool | None = None, tokens: Sequence[Token] | None = None,
        covered: set[int] | None = None,
    ) -> None:
        """``names``, ``dates`` (token indices inside entities and timexes) and ``has_parse``
        are read from ``doc`` unless given; the coder passes them once per doc, not per
        sentence. ``tokens`` is ``list(doc)`` when the caller has it; ``covered`` the token
        indices inside ``mentions`` when the caller has them (built here otherwise)."""
        self.tokens: Sequence[Token] = list(doc) if tokens is None else tokens
        self.doc = doc
        self.lex = lexicon
        self.mentions = mentions
        self.has_parse = doc.has_annotation("DEP") if has_parse is None else has_parse
        self.previous_subject: list[Mention] = []
        self.names = span_tokens(doc, ENTITY_KEY) if names is None else names
        self.dates = span_tokens(doc, TIMEX_KEY) if dates is None else dates
        self._covered: set[int] | None = covered
        self._preps = lexicon.cue("prepositions")
        self._dets = lexicon.cue("determiners")
        self._aux = lexicon.cue("finite_auxiliaries")

    # --- noun-phrase helpers -------------------------------------------------------------
    def in_clause(self, clause: Clause) -> list[Mention]:
        return [m for m in self.mentions if clause.start <= m.start and m.end <= clause.end]

    def _is_modifier(self, token: Token) -> bool:
        """Article, adjective, number or possessive inside a noun phrase."""
        lower = token.lower_
        if lower in self._dets or token.like_num:
            return True
        if token.pos_:
            return token.pos_ in ("DET", "ADJ", "NUM", "PRON") and lower not in self._aux
        return (
            token.is_alpha
            and token.text[0].islower()
            and lower.endswith(("e", "en", "er", "es", "em"))
            and lower not in self._aux
            and not any(e.pos == "verb" for e, _ in self.lex.forms.get(lower, ()))
        )

    def governing_prep(self, start: int, floor: int) -> str | None:
        """The preposition heading the noun phrase that ends in the token at ``start``.

        A PP after a noun for representatives ("Regierungsvertreter aus den USA", "Vertreter
        von Hamas") is transparent: the mention stands where the representatives stand.
        """
        prep, index = self._prep_at(start, floor)
        if prep in ("aus", "von", "vom") and index is not None and index > floor:
            head = self.doc[index - 1].lower_
            if any(head.endswith(noun) for noun in self.lex.cue("representative_nouns")):
                return self.governing_prep(index - 1, floor)
        return prep

    def _prep_at(self, start: int, floor: int) -> tuple[str | None, int | None]:
        if self.has_parse:
            token = self.doc[start]
            for child in token.children:
                if child.dep_ in ("case", "mo", "ac") and child.lower_ in self._preps:
                    return child.lower_, child.i
            if token.head.lower_ in self._preps and token.head.i < token.i:
                return token.head.lower_, token.head.i
            head = self._syntactic_head(start)
            if head.dep_ == "appos" and head.head.i < head.i:
                # "von US-Präsident Joe Biden", "die Stadt Charkiw": the name is an
                # apposition of the noun before; that noun's phrase decides
                for child in head.head.children:
                    if child.dep_ == "case" and child.lower_ in self._preps:
                        return child.lower_, child.i
                head = head.head
            if head.dep_ in _ARGUMENT_DEPS and not any(
                c.dep_ == "case" for c in head.children
            ) and not (head.i > floor and self.doc[head.i - 1].lower_ in self._preps):
                # the parse marks a bare argument ("nahm in Georgien Demonstranten fest"):
                # the capitalised words before it are no part of its phrase
                return None, None
        i, steps = start - 1, 0
        while i >= floor and steps < 12:
            token = self.doc[i]
            lower = token.lower_
            if lower in self._preps:
                return lower, i
            if lower in ("und", "sowie", "oder") or (
                token.text == "," and self._mention_ending_at(i) is not None
            ):
                # coordinated phrases share the preposition: "zwischen den USA und Russland"
                i -= 1
                steps += 1
                continue
            if token.is_punct and token.text not in ("„", "«", "»", '"', "“"):
                return None, None
            after = self.doc[i + 1] if i + 1 < start else None
            if (
                i in self.names and not lower.endswith("s") and after is not None
                and (i + 1) not in self.names and after.is_alpha and after.text[0].isupper()
            ):
                # "in Moskau Präsident Putin": the PP ends at the other name
                return None, None
            if self._is_modifier(token) or lower in self.lex.cue("np_adverbs") or (
                token.text[0].isupper() and not token.is_sent_start
                and token.is_alpha and lower not in self._aux
            ):
                i -= 1
                steps += 1
                continue
            if token.text in ("„", "«", "»", '"', "“", "-"):
                i -= 1
                continue
            return None, None
        return None, None

    def _syntactic_head(self, start: int) -> Token:
        """The token of the mention starting at ``start`` whose head lies outside it; for a
        demonym adjective ("den syrischen Stützpunkt") the noun it modifies."""
        token = self.doc[start]
        for mention in self.mentions:
            if mention.start == start:
                for i in range(mention.start, mention.end):
                    head = self.doc[i].head
                    if not (mention.start <= head.i < mention.end) or head.i == i:
                        token = self.doc[i]
                        break
                break
        if token.dep_ == "amod" and token.head.i > token.i and token.head.pos_ == "NOUN":
            return token.head
        return token

    def _case_marked(self, mention: Mention) -> bool:
        """Dative or accusative article right before the mention ("dem Westen", "den US-…")."""
        i = mention.start - 1
        while i >= 0 and self._is_modifier(self.doc[i]) and self.doc[i].lower_ not in self._dets:
            i -= 1
        if i < 0 or self.doc[i].lower_ not in self.lex.cue("dative_accusative"):
            return False
        # "aus den USA": the article's case comes from the preposition, not the role
        return not (i > 0 and self.doc[i - 1].lower_ in self._preps)

    # --- subjects and objects ------------------------------------------------------------
    def bare(self, clause: Clause, exclude: tuple[int, int] | None = None) -> list[Mention]:
        """Mentions of a clause outside prepositional phrases, in text order."""
        found = []
        for mention in self.in_clause(clause):
            if exclude and exclude[0] <= mention.start < exclude[1]:
                continue
            if self.governing_prep(mention.start, clause.start) is None:
                found.append(mention)
        return found

    def prenominal_genitive(self, mention: Mention) -> bool:
        """"Russlands Angriff": a genitive name before a noun that is not itself a name."""
        if not self.doc[mention.end - 1].lower_.endswith("s") or mention.end >= len(self.doc):
            return False
        nxt = self.doc[mention.end]
        return (
            nxt.is_alpha and nxt.text[0].isupper()
            and all(not (m.start <= nxt.i < m.end) for m in self.mentions)
        )

    def _coordinated(self, first: Mention, pool: list[Mention]) -> list[Mention]:
        group = [first]
        for mention in pool:
            if mention.start <= group[-1].start:
                continue
            if self.prenominal_genitive(mention):
                break
            between = [self.doc[i] for i in range(group[-1].end, mention.start)]
            words = {t.lower_ for t in between}
            if not words & {"und", "sowie", "oder", ","}:
                # "der russische Außenminister Sergej Lawrow": a title chain of one actor;
                # "beschuldigte Baku armenische Einheiten": subject and object side by side
                if mention.actor != group[-1].actor:
                    break
            if all(
                t.lower_ in ("und", "sowie", "oder", ",")
                or self._is_modifier(t)
                or (t.text[0].isupper() and t.is_alpha)
                for t in between
            ):
                group.append(mention)
            else:
                break
        return group

    def _mention_tokens(self) -> set[int]:
        """Token indices inside the mentions; they are fixed for the finder's life, so the
        set is built once (callers only read it)."""
        if self._covered is None:
            self._covered = {i for m in self.mentions for i in range(m.start, m.end)}
        return self._covered

    def subject(self, clause: Clause, exclude: tuple[int, int] | None = None) -> list[Mention]:
        """The subject mention(s) of a clause (coordinations included), or []."""
        covered = self._mention_tokens()
        if self.has_parse:
            found = [
                m for m in self.in_clause(clause)
                if self.doc[m.end - 1].dep_ == "nsubj" or self.doc[m.start].dep_ == "nsubj"
            ]
            if found:
                return self._coordinated(self._prefield(found[0], clause), self.in_clause(clause))
            heads = [
                t for t in self.tokens[clause.start : clause.end]
                if t.dep_ == "nsubj" and t.i not in covered and t.i not in self.dates
                and (t.pos_ in ("PRON", "NOUN") or t.tag_ in _PRONOUN_TAGS)
            ]
            if heads and (heads[0].pos_ == "PRON" or heads[0].tag_ in _PRONOUN_TAGS):
                # an unresolved "er"/"sie" continues the subject of the sentence before
                return self.previous_subject if heads[0].lower_ in _PERSONAL else []
            if heads:
                # "Mitgliedstaaten der Nato liefern": the actor named in the subject's phrase;
                # "Die Demonstranten forderten Blinken auf": a subject without an actor
                owner = self._phrase_owner(heads[0], clause)
                return self._coordinated(owner, self.in_clause(clause)) if owner else []
        else:
            unknown = self._unknown_subject(clause, covered)
            if unknown:
                return self.previous_subject if unknown in _PERSONAL else []
        bare = self.bare(clause, exclude)
        if not bare:
            return []
        unmarked = [m for m in bare if not self._case_marked(m)]
        first = unmarked[0] if unmarked else bare[0]
        return self._coordinated(first, bare)

    def _prefield(self, parsed: Mention, clause: Clause) -> Mention:
        """The parse's subject, unless it follows the finite verb while a bare mention the
        parse left unattached stands before it ("Generalsekretär Stoltenberg sicherte
        Skopje … zu" parsed with "Skopje" as subject and the name cut off as a fragment)."""
        verb = next(
            (i for i in range(clause.start, parsed.start)
             if self.doc[i].pos_ in ("VERB", "AUX") and (
                 self.doc[i].tag_.endswith("FIN") or "Fin" in self.doc[i].morph.get("VerbForm")
             )),
            None,
        )
        if verb is None:
            return parsed
        for mention in self.in_clause(clause):
            if mention.start >= verb:
                break
            head = self._syntactic_head(mention.start)
            if (
                head.dep_ in ("ROOT", "appos", "flat", "flat:name")
                and head.head.i not in range(verb, clause.end)
                and self.governing_prep(mention.start, clause.start) is None
                and not self._case_marked(mention)
            ):
                return mention
        return parsed

    def _phrase_owner(self, head: Token, clause: Clause) -> Mention | None:
        """A mention right after a noun in its genitive or "aus/von" phrase."""
        for mention in self.in_clause(clause):
            if not head.i < mention.start <= head.i + 4:
                continue
            between = [self.doc[i] for i in range(head.i + 1, mention.start)]
            if all(
                t.lower_ in ("aus", "von", "vom") or self._is_modifier(t) for t in between
            ):
                return mention
        return None

    def explicit_subject(self, clause: Clause) -> list[Mention] | None:
        """The subject of a verb-initial clause when it has one ("…», hatte er betont",
        "sagte Kurti"); None for a coordinated verb phrase without a subject."""
        covered = self._mention_tokens()
        if self.has_parse:
            found = [m for m in self.in_clause(clause)
                     if self.doc[m.start].dep_ == "nsubj" or self.doc[m.end - 1].dep_ == "nsubj"]
            if found:
                return self._coordinated(found[0], self.in_clause(clause))
        tokens = [self.doc[i] for i in range(clause.start, min(clause.end, clause.start + 3))]
        for token in tokens[1:]:
            if token.lower_ in _PERSONAL and token.i not in covered:
                return self.previous_subject
            if token.i in covered and self.has_parse and token.dep_ == "nsubj":
                return [m for m in self.mentions if m.start <= token.i < m.end]
        return None

    def _unknown_subject(self, clause: Clause, covered: set[int]) -> str:
        """Without a parse: the word in the subject slot (before the finite verb, or a pronoun
        right after it) when it is a pronoun or article-led noun phrase without an actor."""
        tokens = [self.doc[i] for i in range(clause.start, clause.end)]
        verb = next((k for k, t in enumerate(tokens) if is_verbish(t, self.lex)), None)
        if verb is None or verb == 0:
            return ""
        pronouns = ("er", "sie", "wir", "ich", "man", "es")
        prefield = tokens[:verb]
        first = prefield[0].lower_
        if any(t.i in covered for t in prefield):
            return ""
        if first in pronouns or (
            first in ("der", "die", "das", "ein", "eine") and len(prefield) <= 4
        ):
            return first
        after = tokens[verb + 1] if verb + 1 < len(tokens) else None
        if after is not None and after.lower_ in pronouns and after.i not in covered:
            return after.lower_
        return ""

    def is_subject(self, index: int, clause: Clause) -> bool:
        """Is the noun at ``index`` its clause's subject (parse, else: no bare name before it)?"""
        token = self.doc[index]
        if any(c.dep_ == "det" and c.lower_ in _OBLIQUE_ARTICLES for c in token.children):
            return False  # "einen Raketentest": the article marks an object
        if self.has_parse and (token.dep_ == "nsubj" or (
            token.dep_ == "nsubj:pass" and any(
                self.doc[i].lower_ in self.lex.cue("passive_auxiliaries")
                for i in range(clause.start, clause.end)
            )
        )):
            return True
        return not any(m.start < index for m in self.bare(clause))

    def prep_mentions(
        self, clause: Clause, preps: tuple[str, ...], head: int | None = None,
        strict: bool = True,
    ) -> list[Mention]:
        """Mentions in PPs with these prepositions that attach to the predicate or ``head``.

        A PP right after another noun belongs to that noun ("über den Umgang mit Russland",
        "die Gespräche mit Russland") and names no participant of the event.
        """
        found = []
        for mention in self.in_clause(clause):
            if self.governing_prep(mention.start, clause.start) not in preps:
                continue
            if strict and self._attached_to_other_noun(mention, clause, head):
                continue
            found.append(mention)
        return found

    def _after_word(self, mention: Mention, clause: Clause, words: tuple[str, ...]) -> bool:
        """Is the mention's preposition preceded by one of ``words`` ("zusammen mit")?"""
        p = self._prep_index(mention, clause.start)
        return p is not None and p > clause.start and self.doc[p - 1].lower_ in words

    def _after_mention(self, mention: Mention, clause: Clause) -> bool:
        """Does the mention's preposition follow another mention ("Regierung in Belgrad")?"""
        p = self._prep_index(mention, clause.start)
        return p is not None and self._mention_ending_at(p) is not None

    def _prep_index(self, mention: Mention, floor: int) -> int | None:
        i = mention.start - 1
        while i >= floor:
            if self.doc[i].lower_ in self._preps:
                return i
            i -= 1
        return None

    def _attached_to_other_noun(self, mention: Mention, clause: Clause, head: int | None) -> bool:
        p = self._prep_index(mention, clause.start)
        if p is None or p == clause.start:
            return False
        before = self.doc[p - 1]
        if head is not None and before.i == head:
            return False
        if self._mention_ending_at(p) is not None or before.like_num or before.i in self.names:
            return False
        if before.i in self.dates:
            return False
        if before.pos_:
            return before.pos_ == "NOUN"
        # without a tagger: abstract and event nouns take PP attributes ("Umgang mit")
        lower = before.lower_
        return before.text[0].isupper() and not before.is_sent_start and (
            bool(self.lex.noun_candidates(lower)) or lower.endswith(_ABSTRACT_SUFFIXES)
        )

    # --- roles of verbs ------------------------------------------------------------------
    def verb_roles(
        self, trigger: Token, entry: Entry, clause: Clause, passive: bool,
        subject: list[Mention],
    ) -> Roles:
        """Source and target of a verb trigger whose clause subject is ``subject``."""
        target_preps = TYPE_TARGET_PREPS.get(entry.type, ()) + entry.target_preps
        if passive:
            source = self.prep_mentions(clause, AGENT_PREPS, trigger.i)
            if not source and entry.speech_act:
                # "In Moskau wurde der Angriff verurteilt": the government named as the place
                # (not "Der Regierung in Belgrad wurde vorgeworfen": a noun's attribute)
                source = [
                    m for m in self.prep_mentions(clause, ("in", "im"), trigger.i)
                    if m.start < trigger.i and not self._after_mention(m, clause)
                ][:1]
            target = [m for m in self.bare(clause) if m not in source]
            target += [
                m for m in self.prep_mentions(clause, target_preps, trigger.i) if m not in source
            ]
            found = Roles(_unique([m.actor for m in source]), _unique([m.actor for m in target]))
            if entry.reverse:
                # "Scholz wurde von Xi empfangen": the host is the agent, the guest the source
                found = Roles(found.target, found.source)
            return found
        strict = entry.type == "CONSULT"
        # "zusammen mit Frankreich": a co-agent, not a target
        partners = [m for m in self.prep_mentions(clause, ("mit",), trigger.i, False)
                    if self._after_word(m, clause, ("zusammen", "gemeinsam"))]
        subject = subject + [m for m in partners if m not in subject]
        objects = [m for m in self.bare(clause) if m not in subject]
        objects += [
            m for m in self.prep_mentions(clause, target_preps, trigger.i, strict)
            if m not in subject
        ]
        # "unter Vermittlung von UN-Generalsekretär Guterres": the mediator is a party
        objects += [
            m for m in self.prep_mentions(clause, AGENT_PREPS, trigger.i, False)
            if m not in subject and m not in objects
            and self._after_word(m, clause, tuple(self.lex.cue("mediation_nouns")))
        ]
        source = _unique([m.actor for m in subject])
        target = [a for a in _unique([m.actor for m in objects]) if a not in source]
        if entry.type == "ACCUSE" and not target:
            # "spricht von einem vom Westen unterstützten Putsch": the agent of the act
            # described is the one accused
            agents = [m for m in self.prep_mentions(clause, AGENT_PREPS, trigger.i, False)
                      if m.start > trigger.i]
            target = [a for a in _unique([m.actor for m in agents]) if a not in source]
        if entry.reverse:
            source, target = target, source
        return Roles(source, target)

    # --- roles of event nouns -------------------------------------------------------------
    def noun_phrase_end(self, trigger: Token, clause: Clause) -> int:
        """End (exclusive) of the post-nominal part: genitives and PPs, up to a verb or comma."""
        i = trigger.i + 1
        while i < clause.end and i - trigger.i <= 10:
            token = self.doc[i]
            if token.is_punct and token.text not in ("„", "«", "»", '"', "“", "-"):
                break
            lower = token.lower_
            if is_verbish(token, self.lex) and lower not in self._preps:
                break
            if (
                token.is_alpha and token.text[0].islower()
                and lower not in self._preps and lower not in ("und", "sowie", "oder")
                and lower not in self.lex.cue("np_adverbs")
                and not self._is_modifier(token)
            ):
                break
            i += 1
        return i

    def noun_roles(self, trigger: Token, entry: Entry, clause: Clause) -> tuple[Roles, int]:
        """Participants named inside the event noun's own phrase, and the phrase end."""
        source: list[str] = []
        target: list[str] = []
        end = self.noun_phrase_end(trigger, clause)
        text = trigger.text
        if "-" in text:
            prefix = text.rsplit("-", 1)[0].split("-")[0].lower()
            if prefix in self.lex.prefixes:
                source.append(self.lex.prefixes[prefix])
            elif prefix in self.lex.topic_prefixes:
                topic = self.lex.topic_prefixes[prefix]
                (source if entry.type == "CONSULT" else target).append(topic)
        # Left: demonym adjectives and possessive genitives ("Moskaus Invasion").
        i = trigger.i - 1
        while i >= clause.start and trigger.i - i <= 4:
            token = self.doc[i]
            code = self.lex.adjective_actor(token.lower_)
            mention = self._mention_ending_at(i + 1)
            possessor = self._possessive_actor(i)
            if code:
                source.append(code)
            elif possessor:
                source.append(possessor)
                break
            elif mention and self.doc[i].lower_.endswith(("s", "'")):
                source.append(mention.actor)
                break
            elif not (self._is_modifier(token) or token.like_num):
                break
            i -= 1
        # Right: genitive, "von"/"durch" agent, "zwischen A und B", target PPs.
        target_preps = TYPE_TARGET_PREPS.get(entry.type, ()) + entry.target_preps
        accepted: list[Mention] = []
        for mention in self.mentions:
            if not (trigger.i < mention.start < end):
                continue
            prep = self.governing_prep(mention.start, trigger.i + 1)
            if mention.adjective or self.doc[mention.start].text[0].islower():
                # a demonym adjective after the noun: "Blockade ukrainischer Häfen", "an der
                # ukrainischen Grenze" names whom the act is aimed at, never the agent
                if prep is None or prep in target_preps:
                    target.append(mention.actor)
                continue
            if prep is None:
                if self._genitive_follows(trigger.i, mention.start) or (
                    accepted and self._coordinated_with(accepted[-1], mention)
                ):
                    source.append(mention.actor)
                    accepted.append(mention)
            elif prep == "zwischen":
                source.append(mention.actor)
            elif prep in ("von", "vom") and entry.type in PATIENT_VON:
                # "die Festnahme von Oppositionellen": whom the act befalls
                target.append(mention.actor)
            elif prep in AGENT_PREPS and entry.type != "REQUEST":
                source.append(mention.actor)
            elif prep in target_preps and not (
                entry.type == "CONSULT" and self._attached_to_other_noun(mention, clause, trigger.i)
            ):
                target.append(mention.actor)
        # Adjectives of a following genitive ("Blockade ukrainischer Häfen") name the target.
        for k in range(trigger.i + 1, min(end, trigger.i + 3)):
            code = self.lex.adjective_actor(self.doc[k].lower_)
            if code and self.doc[k].text[0].islower() and code not in source:
                target.append(code)
                break
        source = _unique(source)
        return Roles(source, [a for a in _unique(target) if a not in source], bool(source)), end

    def participant_possessor(self, trigger: int, floor: int) -> str | None:
        """"nach seiner Teilnahme am Gipfel": the possessor of the noun that governs the PP
        holding a meeting noun takes part in the meeting."""
        k = trigger - 1
        while k >= floor and self._is_modifier(self.doc[k]):
            k -= 1
        if k < floor + 2 or self.doc[k].lower_ not in self._preps:
            return None
        noun = k - 1
        for j in range(noun - 1, max(floor, noun - 3) - 1, -1):
            actor = self._possessive_actor(j)
            if actor:
                return actor
        return None

    def _possessive_actor(self, index: int) -> str | None:
        """Actor of a possessive pronoun mention at token ``index`` ("seinem Besuch")."""
        token = self.doc[index]
        if token.lower_ not in POSSESSIVES:
            return None
        for span in self.doc.spans.get(MENTION_KEY, []):
            if span.start == index and span._.actor:
                return str(span._.actor)
        return None

    def _coordinated_with(self, first: Mention, later: Mention) -> bool:
        """"Antrag Japans und der USA": ``later`` joined to ``first`` by a conjunction."""
        between = [self.doc[i] for i in range(first.end, later.start)]
        return any(t.lower_ in ("und", "sowie", "oder") for t in between) and all(
            t.lower_ in ("und", "sowie", "oder", ",") or self._is_modifier(t) for t in between
        )

    def _mention_ending_at(self, end: int) -> Mention | None:
        for mention in self.mentions:
            if mention.end == end:
                return mention
        return None

    def _genitive_follows(self, noun: int, start: int) -> bool:
        """Is the mention at ``start`` a genitive attribute right after the noun?"""
        between = [self.doc[i] for i in range(noun + 1, start)]
        if not between:
            return True
        if between[0].lower_ in ("des", "der", "eines", "einer"):
            return all(self._is_modifier(t) for t in between[1:])
        # "Kundgebung Zehntausender Regierungsgegner": a genitive of quantity
        return all(
            t.lower_ in self.lex.cue("quantity_genitives") or self._is_modifier(t)
            for t in between
        ) and between[0].lower_ in self.lex.cue("quantity_genitives")
