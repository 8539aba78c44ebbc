"""Component ``lagebild_actors``: named mentions and every other actor mention.

Writes two span groups (see :mod:`lagebild.doc_ext`):

- ``doc.spans["lagebild_entities"]``: names only (PER/ORG/LOC/MISC) following the gold
  conventions: titles outside the span, compound modifiers ("Nato-Generalsekretär") not
  annotated, named bodies ("Nato-Russland-Rat", "EU-Kommission") whole; each with
  ``span._.actor``, ``span._.name`` (canonical/base form) and ``span._.wikidata``.
- ``doc.spans["lagebild_mentions"]``: every span that stands for an actor, with
  ``span._.actor`` set: names with an actor (label PER/ORG/LOC/MISC), role phrases and
  descriptions ("der US-Präsident", "das Bündnis", label ``NOM``), nationality adjectives
  ("eines russischen Einmarsches", label ``ADJ``) and resolved pronouns (label ``PRON``).

Detection: a PhraseMatcher over the knowledge files (states, capitals, organisations,
regions, places, office holders), a first-name/role-noun heuristic for unknown persons
and, when the core model has one, the statistical NER (``doc.ents``) for names the
files do not know. The knowledge files win where the two overlap.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..doc_ext import ENTITY_KEY, MENTION_KEY, doc_lowers, doc_tokens, doc_words, span_text
from .candidates import (
    GAZ,
    HEURISTIC,
    NER,
    UPGRADED,
    Candidate,
    capitalised_adjective,
    select,
)
from .context import (
    APPOSITION_NOUNS,
    ARTICLES,
    NAME_PARTICLES,
    RolePhrase,
    capital_is_government,
    dominant_state,
    find_role_phrases,
    is_political_west,
    looks_like_name,
    role_of,
    role_of_word,
    roles_before_names,
)
from .coref import resolve_pronouns
from .federal import rebind_federal
from .knowledge import Knowledge, load_knowledge

# MISC names (events, works, currencies) are outside the gold conventions: not kept
_NER_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
_INDEFINITE = frozenset("ein eine einen einem einer eines kein keine keinen keinem keiner".split())
_POSSESSIVE_DETS = frozenset(
    "sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres deren dessen".split()
)
# "das Land", "des Landes": the state named last before (at most this many tokens back)
_LAND = frozenset({"Land", "Landes", "Lands"})
_ANAPHOR_WINDOW = 60
_LEADING_DROP = ARTICLES | frozenset({"in", "im", "am", "vom", "zum", "zur", "beim"})


def _published(doc: Doc) -> dt.date | None:
    value = doc._.published
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _phrase_matcher(
    nlp: Language, attr: str, forms: dict[str, Any], key_of: Callable[[Any], str]
) -> tuple[PhraseMatcher, dict[int, Any]]:
    """One PhraseMatcher rule per target, matching all surface forms that map to it; also the
    map from the rule's match id back to its target."""
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    by_target: dict[Any, list[str]] = defaultdict(list)
    for form, target in forms.items():
        by_target[target].append(form)
    targets: dict[int, Any] = {}
    for target, target_forms in by_target.items():
        key = key_of(target)
        matcher.add(key, list(nlp.tokenizer.pipe(target_forms)))
        targets[nlp.vocab.strings[key]] = target
    return matcher, targets

class ActorLinker:
    """Finds named and other actor mentions and maps each to an actor code."""

    def __init__(self, nlp: Language, name: str, user_files: list[str]) -> None:
        self.name = name
        self.user_files = list(user_files)
        self.kb: Knowledge = load_knowledge(self.user_files)
        self.matcher, self._key_entry = _phrase_matcher(
            nlp, "ORTH", self.kb.forms, lambda idx: f"lagebild_actor_{idx}"
        )
        self.nominal_matcher, self._key_nominal = _phrase_matcher(
            nlp, "LOWER", self.kb.nominals, lambda t: f"lagebild_nominal_{t[0]}_{int(t[1])}"
        )

    # -- detection -------------------------------------------------------------------

    def _gazetteer(self, doc: Doc) -> list[Candidate]:
        cands = []
        seen_people: set[str] = set()
        for key, start, end in sorted(self.matcher(doc), key=lambda m: (m[1], -m[2])):
            entry = self.kb.entries[self._key_entry[key]]
            if entry.kind == "person":
                text = doc[start].text
                if end - start == 1 and text in self.kb.ambiguous:
                    # "Frieden", "Kurz": only after the full name or right after a role noun
                    after_role = start > 0 and role_of(self.kb, doc[start - 1]) is not None
                    if entry.name not in seen_people and not after_role:
                        continue
                seen_people.add(entry.name)
            cands.append(Candidate(start, end, entry.label, entry, GAZ))
        return cands

    def _heuristic_persons(
        self, doc: Doc, gaz: list[Candidate], tokens: list[Token]
    ) -> list[Candidate]:
        """Unknown persons: a first name or a role noun followed by capitalised name words.

        A first-name span may run into a known surname ("Izchak Herzog" with "Herzog"
        known): it then takes that person's entry. A role may be separated from the name
        by its qualifier and a comma ("der Ministerpräsident von Mali, Choguel Maïga").
        """
        kb = self.kb
        known: dict[int, Candidate] = {}
        for c in gaz:
            for i in range(c.start, c.end):
                known[i] = c
        cands = []
        n = len(doc)
        words = doc_words(doc)
        lowers = doc_lowers(doc)
        first_names = kb.first_names
        for i, text in enumerate(words):
            by_first = text in first_names
            if not by_first and not text[:1].isupper():
                continue  # neither a first name nor a role noun
            if i in known:
                hit = known[i]
                # a one-word alias used as a first name ("Abbas Araqchi")
                alias_first = by_first and hit.label == "PER" and hit.end == i + 1
                if not (alias_first and i + 1 < n and i + 1 not in known):
                    continue
            if by_first:
                start, j = i, i + 1
            else:
                found = role_of_word(kb, text)
                if found is None:
                    continue
                if found[0].collective and not text.startswith("Regierung"):
                    continue
                j = i + 1
                # skip the qualifier "von Mali" / "der Übergangsregierung" before a comma
                if j + 2 < n and lowers[j] in ("von", "der", "des"):
                    k = j + 1
                    while k < n and k < j + 4 and words[k] != "," and not tokens[k].is_sent_start:
                        k += 1
                    if k < n and words[k] == ",":
                        j = k + 1
                if lowers[j] in ("von", "der", "des", "den", "dem"):
                    continue  # "Regierung von Munster": no name right after the role
                start = j
            end = start + 1 if by_first else start
            entry = None
            while j < n and j - start < 4:
                tok = tokens[j]
                if tok.is_sent_start or kb.roles.get(words[j]):
                    break
                if j in known:
                    hit = known[j]
                    if by_first and hit.label == "PER" and hit.start == j:
                        entry, end = hit.entry, hit.end
                    break
                if lowers[j] in NAME_PARTICLES:
                    k = j
                    while k < n and lowers[k] in NAME_PARTICLES and k - j < 3:
                        k += 1
                    if k < n and k not in known and looks_like_name(tokens[k]):
                        j = k  # "Ursula von der Leyen", "Staffan de Mistura"
                        continue
                    break
                if not looks_like_name(tok):
                    break
                j += 1
                end = j
            if by_first and end - start < 2:
                continue
            if not by_first and (
                end == start or (end - start == 1 and words[start] in first_names)
            ):
                continue
            cands.append(
                Candidate(start, end, "PER", entry, UPGRADED if entry or by_first else HEURISTIC)
            )
        return cands

    def _places(self, doc: Doc, gaz: list[Candidate], tokens: list[Token]) -> list[Candidate]:
        """Places announced by a site word ("Kloster Banjska") or a settlement word
        ("der Stadt Mitrovica")."""
        kb = self.kb
        known = {i for c in gaz for i in range(c.start, c.end)}
        cands = []
        n = len(doc)
        words = doc_words(doc)
        site_words, settlement_words = kb.site_words, kb.settlement_words
        for i, text in enumerate(words):
            site = text in site_words
            if not site and text not in settlement_words:
                continue
            j = i + 1
            end = j
            while end < n and end - j < 3 and end not in known and looks_like_name(tokens[end]):
                if tokens[end].is_sent_start or kb.roles.get(words[end]):
                    break
                end += 1
            if end > j:
                start = i if site else j
                cands.append(Candidate(start, end, "LOC", None, HEURISTIC))
        return cands

    def _bodies(self, doc: Doc, gaz: list[Candidate], tokens: list[Token]) -> list[Candidate]:
        """Organisation names the files lack: capitalised adjectives inside a sentence
        before a body noun ("des Nationalen Übergangsrats", "die Freie Syrische Armee")."""
        heads = self.kb.body_heads
        known = {i for c in gaz for i in range(c.start, c.end)}
        cands = []
        words = doc_words(doc)
        for i, text in enumerate(words):
            if not text[:1].isupper() or not text.lower().endswith(heads):
                continue
            if i in known or "-" in text:
                continue
            start = i
            while start > 0 and start - 1 not in known and capitalised_adjective(
                tokens[start - 1]
            ):
                start -= 1
            # "Londoner Umweltministerium" is a description, not a name
            if start < i and not all(
                self._place_adjective(words[k]) for k in range(start, i)
            ):
                cands.append(Candidate(start, i + 1, "ORG", None, HEURISTIC))
        return cands

    def _place_adjective(self, text: str) -> bool:
        """ "Genfer", "Wiener", "Berliner": adjectives from place names are not names."""
        if not text.endswith("er") or len(text) < 5:
            return False
        entry = self.kb.entry_for(text[:-2]) or self.kb.entry_for(text[:-3])
        return entry is not None and entry.kind in ("capital", "place", "state")

    def _ner(self, doc: Doc) -> list[Candidate]:
        cands = []
        tokens, words, lowers = doc_tokens(doc), doc_words(doc), doc_lowers(doc)
        for ent in doc.ents:
            label = _NER_LABELS.get(ent.label_)
            if label is None:
                continue
            start, end = ent.start, ent.end
            while start < end and lowers[start] in _LEADING_DROP:
                start += 1
            while label == "PER" and end - start > 1 and role_of_word(self.kb, words[start]):
                start += 1  # "Präsidentin Vjosa Osmani": the title stays outside
            while end > start and not words[end - 1][:1].isupper():
                end -= 1
            if start >= end:
                continue
            core = start
            while core < end - 1 and (
                self._place_adjective(words[core]) or lowers[core] in self.kb.adjectives
            ):
                # "Genfer UNO-Sitzes", "Russischer Truppenaufmarsch": the adjective is no name
                core += 1
            last = tokens[end - 1]
            if end - core == 1 and last.text in self.kb.groups:
                continue  # "die Junta", "die Opposition": a group description, no name
            if end - core == 1 and (
                (not looks_like_name(last) and (last.tag_ == "NN" or label == "PER"))
                # a long compound the tagger calls a common noun ("Truppenaufmarsch")
                or (last.tag_ == "NN" and len(last.text) >= 14 and "-" not in last.text)
            ):
                # a common noun ("Behördenangaben") tagged as a name
                continue
            if end - core == 1 and "-" in last.text and last.tag_ != "NE":
                # a name only as compound modifier ("Ukraine-Konflikt") is not annotated;
                # "Bremen-Vegesack", "Tel-Aviv" (unknown first part) are names
                first, _, head = last.text.partition("-")
                known_first = first in self.kb.prefixes or self.kb.entry_for(first) is not None
                if known_first and head[:1].isupper() and self.kb.entry_for(last.text) is None:
                    continue
            text = span_text(doc, start, end)
            entry = self.kb.entry_for(text)
            if entry is None and label == "LOC" and text.endswith("s"):
                entry = self.kb.entry_for(text[:-1])
            cands.append(Candidate(start, end, entry.label if entry else label, entry, NER))
        return cands

    # -- actors --------------------------------------------------------------------

    def _entity_actor(
        self, doc: Doc, cand: Candidate, day: dt.date | None, decisions: dict[int, bool]
    ) -> str | None:
        entry = cand.entry
        if entry is None:
            return None
        if entry.kind == "capital":
            actor = self.kb.seats.get(entry.name, entry.metonym)
            government = capital_is_government(doc, cand.start, cand.end, decisions)
            decisions[cand.end - 1] = government
            return actor if government else None
        if entry.kind == "person" and entry.person is not None:
            return entry.person.actor_at(day)
        if entry.kind == "org" and cand.start > 0 and self._international(entry.actor):
            # "der russische Sicherheitsrat", "des Nationalen Sicherheitsrats": a state's own
            # body that shares its short name with an international one
            before = doc[cand.start - 1].lower_
            if before.startswith("national"):
                return None
            national = self.kb.adjectives.get(before)
            if national is not None and national in self.kb.state_codes:
                return national
        return entry.actor

    def _international(self, code: str | None) -> bool:
        """An organisation code that is not a state's or a state's sector ("RUSGOV")."""
        states = self.kb.state_codes
        return bool(code) and code not in states and code[:3] not in states

    def __call__(self, doc: Doc) -> Doc:
        kb = self.kb
        day = _published(doc)
        # one Token object per word for the passes below: ``doc[i]`` and iterating the doc
        # build new ones every time
        tokens = doc_tokens(doc)
        gaz = self._gazetteer(doc)
        cands = gaz + self._heuristic_persons(doc, gaz, tokens) + self._places(doc, gaz, tokens)
        cands += self._bodies(doc, gaz, tokens)
        if doc.has_annotation("ENT_IOB"):
            cands += self._ner(doc)
        for cand in cands:
            cand.text = span_text(doc, cand.start, cand.end)
        chosen = []
        for cand in select(cands):
            if cand.entry is not None and cand.entry.actor == "WST":
                if not is_political_west(doc, cand.start, cand.end):
                    continue
            chosen.append(cand)

        decisions: dict[int, bool] = {}
        actors: list[str | None] = []
        for cand in chosen:
            actors.append(self._entity_actor(doc, cand, day, decisions))

        ents = {}
        for cand, actor in zip(chosen, actors, strict=True):
            entry = cand.entry
            surface = span_text(doc, cand.start, cand.end)
            if cand.label == "PER":
                kind, code = "PER", actor
            elif entry is None:
                kind, code = cand.label, actor
            else:
                kind = entry.kind
                code = entry.metonym if kind == "capital" else actor
            genitive = entry is not None and surface != entry.name and surface.endswith("s")
            ents[cand.start] = (cand.end, code, kind, genitive)
        roles = find_role_phrases(doc, kb, ents, tokens)
        role_before = roles_before_names(doc, roles, chosen, kb)
        dominant = dominant_state(doc, kb, chosen, actors, tokens)
        # "Bundeskanzler", "Bundesregierung" in an Austrian or Swiss article
        rebind_federal(doc, kb, chosen, actors, roles, role_before, dominant)

        # unknown persons take the actor of their role; later surname mentions share it
        surname_actor: dict[str, tuple[str | None, str]] = {}
        for k, cand in enumerate(chosen):
            if cand.label != "PER":
                continue
            if cand.entry is None:
                phrase = role_before.get(cand.start)
                last = doc[cand.end - 1].text
                if phrase is not None and phrase.actor:
                    actors[k] = phrase.actor
                elif last in surname_actor:
                    actors[k] = surname_actor[last][0]
            # a one-word NER guess ("Mittwoch") is too weak to spread to other mentions
            if cand.end - cand.start > 1 or (cand.entry is None and cand.source != NER):
                name = span_text(doc, cand.start, cand.end)
                surname_actor.setdefault(doc[cand.end - 1].text, (actors[k], name))
                first = doc[cand.start].text
                if (
                    cand.entry is None
                    and cand.end - cand.start > 1
                    and first not in kb.first_names
                    and looks_like_name(doc[cand.start])
                    and doc[cand.start].lower_ not in NAME_PARTICLES
                ):
                    # family name first ("Xi Jinping" … "Xi"): the first word names the person too
                    surname_actor.setdefault(first, (actors[k], name))
        extra = self._surname_mentions(doc, chosen, surname_actor, tokens)
        for cand, actor in extra:
            chosen.append(cand)
            actors.append(actor)
        order = sorted(range(len(chosen)), key=lambda k: chosen[k].start)
        chosen = [chosen[k] for k in order]
        actors = [actors[k] for k in order]

        entities: list[Span] = []
        for cand, actor in zip(chosen, actors, strict=True):
            span = Span(doc, cand.start, cand.end, label=cand.label)
            entry = cand.entry
            span._.actor = actor
            span._.name = entry.name if entry else (cand.name or span.text)
            span._.wikidata = entry.wikidata if entry else None
            entities.append(span)
        doc.spans[ENTITY_KEY] = entities
        doc.spans[MENTION_KEY] = self._mentions(
            doc, entities, roles, role_before, dominant, tokens
        )
        return doc

    def _surname_mentions(
        self, doc: Doc, chosen: list[Candidate], surname_actor: dict[str, tuple[str | None, str]],
        tokens: list[Token],
    ) -> list[tuple[Candidate, str | None]]:
        """Surname-only repetitions of persons first found by heuristic or NER."""
        unknown = {s: v for s, v in surname_actor.items() if self.kb.entry_for(s) is None}
        if not unknown:
            return []
        taken = {i for c in chosen for i in range(c.start, c.end)}
        extra = []
        lowers = doc_lowers(doc)
        for i, text in enumerate(doc_words(doc)):
            if i in taken or not text[:1].isupper():
                continue
            hit = unknown.get(text) or (unknown.get(text[:-1]) if text.endswith("s") else None)
            if hit is not None:
                token = tokens[i]
                start = i
                # "Le Pen", "de Mistura", "Van der Bellen": take the particles along
                while start > 0 and lowers[start - 1] in NAME_PARTICLES:
                    if start - 1 in taken:
                        break
                    start -= 1
                full = hit[1].lower()
                while start < token.i and not full.endswith(doc[start : token.i + 1].text.lower()):
                    start += 1
                cand = Candidate(start, token.i + 1, "PER", None, HEURISTIC, name=hit[1])
                extra.append((cand, hit[0]))
        return extra

    def _mentions(
        self,
        doc: Doc,
        entities: list[Span],
        roles: list[RolePhrase],
        role_before: dict[int, RolePhrase],
        dominant: str | None = None,
        tokens: list[Token] | None = None,
    ) -> list[Span]:
        if tokens is None:
            tokens = list(doc)
        kb = self.kb
        mentions: list[Span] = []
        covered: set[int] = set()
        named_actors: dict[str, int] = {}
        for span in entities:
            covered.update(range(span.start, span.end))
            if span._.actor:
                m = Span(doc, span.start, span.end, label=span.label_)
                m._.actor = span._.actor
                m._.name = span._.name
                mentions.append(m)
                named_actors.setdefault(span._.actor, span.start)
        before_names = {id(p) for p in role_before.values()}
        for phrase in roles:
            if phrase.actor is None or id(phrase) in before_names:
                continue
            if any(i in covered for i in range(phrase.start, phrase.end)):
                continue
            m = Span(doc, phrase.start, phrase.end, label="NOM")
            m._.actor = phrase.actor
            mentions.append(m)
            covered.update(range(phrase.start, phrase.end))
            named_actors[phrase.actor] = min(named_actors.get(phrase.actor, len(doc)), phrase.start)
        for phrase in role_before.values():
            covered.update(range(phrase.start, phrase.end))
        for key, start, end in self.nominal_matcher(doc):
            if any(i in covered for i in range(start, end)):
                continue
            code, needs_named = self._key_nominal[key]
            if needs_named and named_actors.get(code, len(doc)) > start:
                continue
            if start > 0 and doc[start - 1].lower_ in _INDEFINITE:
                continue
            m = Span(doc, start, end, label="NOM")
            m._.actor = code
            mentions.append(m)
            covered.update(range(start, end))
        for m in self._group_mentions(doc, entities, covered, dominant, tokens):
            mentions.append(m)
            covered.update(range(m.start, m.end))
        for m in self._country_anaphors(doc, mentions, covered, tokens):
            mentions.append(m)
            covered.update(range(m.start, m.end))
        n = len(doc)
        words = doc_words(doc)
        for i, lower in enumerate(doc_lowers(doc)):
            code = kb.adjectives.get(lower)
            if code is None and lower.startswith("us-"):
                code = kb.adjectives.get(lower[3:])  # "US-amerikanische"
            if code is None or i in covered:
                continue
            if words[i][:1].isupper() and not tokens[i].is_sent_start:
                continue
            if i + 1 < n and words[i + 1][:1].isupper():
                m = Span(doc, i, i + 1, label="ADJ")
                m._.actor = code
                mentions.append(m)
        mentions += resolve_pronouns(doc, mentions, kb, covered, tokens)
        mentions.sort(key=lambda s: (s.start, s.end))
        return mentions

    def _group_mentions(
        self, doc: Doc, entities: list[Span], covered: set[int], dominant: str | None,
        tokens: list[Token],
    ) -> list[Span]:
        """Group descriptions of ``groups.yml`` ("Demonstranten in Tel Aviv" -> ISRCIV,
        "die Armee" -> the article's state) as NOM mentions."""
        groups = self.kb.groups
        by_start = {s.start: s for s in entities}
        genitive_ends = {s.end for s in entities if s.text.endswith("s")}
        last_of_sector: dict[str, str] = {}
        found = []
        for i, text in enumerate(doc_words(doc)):
            if i in covered or not text[:1].isupper():
                continue
            token = tokens[i]
            group = groups.get(text)
            prefix_code = None
            if group is None and "-" in text:
                prefix, _, head = text.rpartition("-")
                group = groups.get(head)
                prefix_code = self.kb.prefixes.get(prefix) or self.kb.prefixes.get(
                    prefix.split("-", 1)[0]
                )
            if group is None:
                continue
            start = token.i
            if group.code:
                # "Russlands Verbündete", "seine Verbündeten": someone else's allies
                before = doc[token.i - 1] if token.i > 0 else None
                if before is not None and (
                    before.lower_ in _POSSESSIVE_DETS or token.i in genitive_ends
                ):
                    continue
                country = None
            else:
                country, start = self._group_country(doc, token.i, by_start)
                country = prefix_code or country
                if country is None and group.sector in last_of_sector:
                    # "den Putschisten im Niger … Die Junta": the group named before
                    country = last_of_sector[group.sector]
                if country is None and not group.qualified_only:
                    place = None if group.abroad else self._sentence_place(doc, token, by_start)
                    country = place or dominant
            actor = group.actor(country)
            if prefix_code and prefix_code not in self.kb.state_codes:
                actor = prefix_code  # "Hamas-Kämpfer", "IS-Kämpfer": the organisation
            if actor is None or any(i in covered for i in range(start, token.i + 1)):
                continue
            if group.sector and country:
                last_of_sector[group.sector] = country
            m = Span(doc, start, token.i + 1, label="NOM")
            m._.actor = actor
            found.append(m)
        return found

    def _country_anaphors(
        self, doc: Doc, mentions: list[Span], covered: set[int], tokens: list[Token]
    ) -> list[Span]:
        """"das Land", "des Landes", "dem Land": the state named last (by its name, capital,
        adjective or a person acting for it) within ``_ANAPHOR_WINDOW`` tokens before ("Die
        Ecowas verhängte Sanktionen gegen das Land")."""
        states = self.kb.state_codes
        named = sorted(
            (m for m in mentions if m._.actor in states and m.label_ != "PRON"),
            key=lambda m: m.start,
        )
        found = []
        lowers = doc_lowers(doc)
        for i, text in enumerate(doc_words(doc)):
            if text not in _LAND or i in covered or i == 0:
                continue
            token = tokens[i]
            if lowers[i - 1] not in ("das", "des", "dem"):
                continue
            before = [m for m in named if token.i - _ANAPHOR_WINDOW <= m.start < token.i]
            if not before:
                continue
            # the state named most often there, the latest on a tie: "Pjöngjang testete …
            # nordkoreanische Rakete … Flug über Japan … belegte das Land" is North Korea
            counts = Counter(m._.actor for m in before)
            m = Span(doc, token.i - 1, token.i + 1, label="NOM")
            m._.actor = max(reversed(before), key=lambda b: counts[b._.actor])._.actor
            found.append(m)
        return found

    def _group_country(
        self, doc: Doc, i: int, by_start: dict[int, Span]
    ) -> tuple[str | None, int]:
        """The country a group noun at ``i`` belongs to, and the mention's first token:
        adjective before, genitive after, "in"/"aus" + place after; (None, i) if none."""
        kb = self.kb
        for k in (i - 1, i - 2):
            if k < 0 or not doc[k].is_alpha or (
                doc[k].text[:1].isupper() and not doc[k].is_sent_start
            ):
                break
            code = kb.adjectives.get(doc[k].lower_)
            if code is not None:
                return code, k
        n = len(doc)
        j = i + 1
        if j < n and doc[j].lower_ in ("des", "der"):
            for k in range(j + 1, min(n, j + 4)):
                code = kb.adjectives.get(doc[k].lower_)
                if code is not None and not doc[k].text[:1].isupper():
                    return code, i
                span = by_start.get(k)
                if span is not None:
                    return (span._.actor or self._place_country(span)), i
        elif j in by_start and by_start[j].text.endswith("s") and by_start[j]._.actor:
            return by_start[j]._.actor, i  # "die Armee Syriens"
        if j < n and doc[j].lower_ in ("in", "im", "aus"):
            for k in range(j + 1, min(n, j + 3)):
                span = by_start.get(k)
                if span is not None:
                    return (self._place_country(span) or span._.actor), i
                if doc[k].lower_ not in ARTICLES:
                    break
        return None, i

    def _sentence_place(self, doc: Doc, token: Token, by_start: dict[int, Span]) -> str | None:
        """"Demonstranten protestierten in Tel Aviv": the country of the first place after
        "in" in the group noun's sentence (where the group acts), else in the sentence
        before ("In Athen gingen Tausende auf die Straße. … setzte die Polizei …")."""
        if not doc.has_annotation("SENT_START"):
            return self._place_in(doc, 0, len(doc), by_start)
        sent = token.sent
        # A place in another clause of the same sentence says where someone else acted
        # ("die Regierung solle … freilassen, sagte Maas in Luxemburg"): not this group's.
        clause = _clause_verb(token) if doc.has_annotation("DEP") else None
        found, elsewhere = self._place_in(doc, sent.start, sent.end, by_start, clause)
        if found is None and not elsewhere and sent.start > 0:
            before = doc[sent.start - 1].sent
            found, _ = self._place_in(doc, before.start, before.end, by_start, None)
        return found

    def _place_in(
        self, doc: Doc, start: int, end: int, by_start: dict[int, Span], clause: int | None
    ) -> tuple[str | None, bool]:
        """The country of the first "in"/"im" place in ``doc[start:end]`` whose clause verb
        is ``clause`` (any clause when None), and whether a place of another clause was seen."""
        elsewhere = False
        for k in range(start, end - 1):
            if doc[k].lower_ not in ("in", "im"):
                continue
            for j in (k + 1, k + 2, k + 3):
                span = by_start.get(j)
                if j == k + 3 and (j >= end or doc[k + 2].text not in APPOSITION_NOUNS):
                    break  # "in der Hauptstadt Niamey", "in der Provinz Idlib"
                if span is not None and span.label_ == "LOC":
                    country = self._place_country(span)
                    if not country:
                        continue
                    if clause is not None and _clause_verb(doc[span.root.i]) != clause:
                        elsewhere = True
                        continue
                    return country, elsewhere
        return None, elsewhere

    def _place_country(self, span: Span) -> str | None:
        """The country of a place entity: a state itself, a capital's state, a place's country."""
        entry = self.kb.entry_for(span._.name or span.text) or self.kb.entry_for(span.text)
        if entry is None:
            return None
        if entry.kind == "state":
            return entry.actor
        if entry.kind == "capital":
            return entry.metonym
        return entry.country


def _clause_verb(token: Token) -> int:
    """Index of the verb heading ``token``'s clause (the root when no verb is above it)."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and seen < 50:
        token = token.head
        seen += 1
    return token.i


@Language.factory("lagebild_actors", default_config={"user_files": []})
def make_actors(nlp: Language, name: str, user_files: list[str]) -> ActorLinker:
    """Factory of the ``lagebild_actors`` component; ``user_files`` extend the knowledge."""
    return ActorLinker(nlp, name, user_files)
