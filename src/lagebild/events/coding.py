"""Coding one trigger: its roles, status, date, place and mode, as event records.

Works on a :class:`lagebild.events.sentence.Sentence`; the component runs it for every
sentence and then fills actors and dates from the context and merges restatements.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ..doc_ext import ENTITY_KEY, doc_lowers
from ..records import Event, Offsets, Trigger
from .anchors import event_date, event_place, visited_country
from .clauses import Clause
from .lexicon import Lexicon
from .merge import Draft
from .modes import ORGANISATIONS, aid_modes, consult_mode
from .roles import Mention, RoleFinder, Roles
from .sentence import Sentence
from .triggers import TriggerMatch

_STATE_CODE = re.compile(r"^[A-Z]{3}$")
_BLOCS = frozenset({"WST", "EUR", "ASA", "AFR", "NMR", "UAF"})
# verb types that judge another event ("begrüßte den Angriff")
EVALUATIVE = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
_SUBJECT_PREPS = ("mit", "durch", "bei", "beim", "in", "im", "zu", "zum", "zur", "an", "am",
                   "unter")
_PP_CONSULT_PREPS = ("in", "bei", "beim", "auf", "an", "am", "nach", "zu", "zum", "vor", "seit",
                     "während")


def quad_class(cameo: str | None) -> int | None:
    """CAMEO/GDELT QuadClass of a root code: 1 verbal coop … 4 material conflict."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def words_in(doc: Doc, clause: Clause) -> set[str]:
    """The lower-case words of a clause."""
    return set(doc_lowers(doc)[clause.start : clause.end])


def planned_by_date(event: Event, published: str | None) -> Event:
    """An event reported as happening but dated after the publication date is planned."""
    if event.status == "occurred" and published and event.date and (
        event.date[:10] > published[: len(event.date)]
    ):
        return replace(event, status="planned")
    return event


def code_sentence(sentence: Sentence, mentions: list[Mention], lexicon: Lexicon) -> list[Draft]:
    """The events of one prepared sentence, as drafts for context filling and merging."""
    doc, clauses, roles = sentence.doc, sentence.clauses, sentence.roles
    matches, subjects, verb_types = sentence.matches, sentence.subjects, sentence.verb_types
    content = sentence.content
    events: list[Draft] = []
    coded_by: dict[int, list[str]] = {}
    for match in matches:
        clause = match.clause
        if clause.index in content:
            continue  # the content of fordern/warnen/vorwerfen is not a second event
        governor = clauses[clause.index - 1] if clause.index > 0 else None
        found = _roles(
            doc, match, clause, roles, subjects, verb_types.get(clause.index, set()), lexicon
        )
        if found is None or (match.entry.needs_target and not found.target):
            continue
        if match.entry.type == "CONSULT" and not found.source and not found.target:
            # "Das Treffen soll … organisiert werden, wie Stoltenberg mitteilte": an
            # announced meeting without named participants is the announcer's
            found.source = [m.actor for m in _announcer(clauses, roles, subjects, lexicon)]
        if not match.is_noun and clause.kind == "rel" and not found.target:
            # "Forderungen an die Nato, die … zurückgewiesen wurden": aimed at the actor of
            # the event the relative pronoun stands for
            antecedent = [
                m for m in matches
                if m.is_noun and m.clause.index == clause.index - 1 and m.token in coded_by
            ]
            if antecedent:
                aimed = coded_by[antecedent[-1].token]
                found.target = [a for a in aimed if a not in found.source]
        if match.entry.type == "ASSAULT" and not found.target and not match.is_noun:
            # "beschoss die Stadt Charkiw": an attacked place stands for its country
            found.target = [
                c for c in _attacked_countries(roles, clause, match.token)
                if c not in found.source
            ][:1]
        coded = _code(sentence, match, governor, found, mentions, lexicon)
        if coded:
            coded_by[match.token] = list(coded[0].source)
        object_type, object_source = None, ()
        # "verurteilte den Raketentest", "reagierten auf den Waffentest mit einer Übung":
        # an act aimed at (or answering) another event is aimed at that event's actor
        for other in matches:
            if other.token == match.token or not other.is_noun or other.clause != clause:
                continue
            # "begrüßte die Einigung", "würdigte das Treffen": judging an event as the
            # object aims at those who did it
            evaluative = (
                not match.is_noun and match.entry.type in EVALUATIVE
                and other.token > match.token - 8
                and roles.governing_prep(other.token, clause.start) is None
                and not (
                    doc[other.token].dep_ in ("nsubj", "nsubj:pass") if roles.has_parse
                    else roles.is_subject(other.token, clause)
                )
            )
            if (other.entry.type == "CONSULT" and not evaluative) or (
                other.entry.type == match.entry.type and not match.is_noun
            ):
                continue
            aimed = evaluative or (not match.is_noun and match.entry.speech_act) or (
                bool(words_in(doc, clause) & lexicon.cue("reaction_verbs"))
                and roles.governing_prep(other.token, clause.start) == "auf"
            )
            if aimed:
                object_type = other.entry.type
                noun_roles, np_end = roles.noun_roles(doc[other.token], other.entry, clause)
                object_source = tuple(noun_roles.source)
                if object_source and (match.entry.speech_act or evaluative):
                    # "verurteilte den Beschuss israelischer Städte durch die Hamas": the act
                    # is aimed at the agent of the event, not at its victims
                    coded = _aim_at_agent(coded, roles, other.token, np_end, object_source)
                break
        if not found.target and not object_type and words_in(doc, clause) & lexicon.cue(
            "reaction_verbs"
        ):
            # "reagieren … auf Russlands Vorrücken": the answer is aimed at whom it answers
            answered = [
                a for m in roles.prep_mentions(clause, ("auf",), match.token, False)
                for a in m.actor.split("+") if a not in found.source
            ]
            if answered:
                object_type, object_source = match.entry.type, tuple(dict.fromkeys(answered))
        if (
            not match.is_noun and match.entry.type == "REQUEST" and not found.target
            and clause.index + 1 < len(clauses) and clauses[clause.index + 1].kind == "sub:dass"
        ):
            # "warb dafür, dass China … teilnimmt": the demand is addressed to the subject
            # of its content clause
            addressee = roles.subject(clauses[clause.index + 1])
            object_source = tuple(
                a for m in addressee for a in m.actor.split("+") if a not in found.source
            )
            object_type = "REQUEST" if object_source else None
        narrative = _narrative(doc, match, clause, lexicon)
        clause_words = words_in(doc, clause)
        if clause_words & lexicon.cue("reciprocal"):
            coded = _reciprocal(coded)
        if match.entry.type == "COERCE" and (
            clause_words & lexicon.cue("coup_words")
            or any(set(pair.split()) <= clause_words for pair in lexicon.cue("coup_pairs"))
        ):
            coded = [_coup(event) for event in coded]
        lowers = doc_lowers(doc)
        both_sides = any(
            lowers[i] in ("beide", "beiden") and i + 1 < clause.end
            and lowers[i + 1] in lexicon.cue("party_nouns")
            for i in range(clause.start, clause.end)
        )
        events.extend(
            Draft(event, match.entry.key, match.is_noun, sentence.number, object_type,
                  object_source, match.entry.speech_act, narrative,
                  both_sides,
                  bool(clause_words & lexicon.cue("joining")),
                  bool(clause_words & lexicon.cue("reaction_verbs")) and not object_type)
            for event in coded
        )
    return events



def _attacked_countries(roles: RoleFinder, clause: Clause, trigger: int) -> list[str]:
    """Countries of places without an actor that are the object of an attack verb (bare or
    after "auf"/"gegen"), from their geo."""
    found = []
    for span in roles.doc.spans.get(ENTITY_KEY, []):
        geo = span._.geo
        if span.label_ != "LOC" or span._.actor or not (clause.start <= span.start < clause.end):
            continue
        if geo is None or not getattr(geo, "country", None):
            continue
        if roles.governing_prep(span.start, clause.start) in (None, "auf", "gegen"):
            found.append(str(geo.country))
    return found


def _coup(event: Event) -> Event:
    """"die Armee setzte die Regierung ab", "nach dem Putsch": a state's own forces seizing
    power act as its military (gold code <ISO3>MIL), against the state."""
    if len(event.source) != 1 or not _STATE_CODE.match(event.source[0]):
        return event
    state = event.source[0]
    if state in _BLOCS or (event.target and event.target != (state,)):
        return event
    return replace(event, source=(state + "MIL",), target=(state,))


def _reciprocal(coded: list[Event]) -> list[Event]:
    """"Kim und Trump hatten sich gegenseitig gedroht": one event per direction."""
    out = []
    for event in coded:
        if event.target or len(event.source) < 2:
            out.append(event)
            continue
        out.extend(
            replace(event, source=(a,), target=tuple(b for b in event.source if b != a))
            for a in event.source
        )
    return out


def _aim_at_agent(
    coded: list[Event], roles: RoleFinder, noun: int, np_end: int, agents: tuple[str, ...],
) -> list[Event]:
    """Events whose targets named inside the event noun's phrase are replaced by its agents."""
    inside = {
        a for m in roles.mentions if noun - 3 <= m.start < np_end for a in m.actor.split("+")
    }
    out = []
    for event in coded:
        kept = [t for t in event.target if t not in inside or t in agents]
        target = tuple(dict.fromkeys(
            a for a in (*kept, *(x for code in agents for x in code.split("+")))
            if a not in event.source
        ))
        out.append(replace(event, target=target) if target else event)
    return out


def _narrative(
    doc: Doc, match: TriggerMatch, clause: Clause, lexicon: Lexicon
) -> str | None:
    """How an undated event may take its date from the story (gold rule 7)."""
    words = set(doc_lowers(doc)[clause.start : clause.end])
    if words & lexicon.cue("anaphoric_time"):
        return "anaphoric"  # "Dabei drohte er …": during the event just told
    if words & lexicon.cue("pluperfect_auxiliaries"):
        return "pluperfect"  # background before the story: no anchor for later events
    if match.is_noun:
        return None
    token = doc[match.token]
    tense = token.morph.get("Tense")
    if token.tag_:
        finite_past = "Past" in tense and token.tag_.endswith("FIN")
    else:
        finite_past = token.lower_.endswith(("te", "ten")) and not token.lower_.startswith(
            "ge")
    perfect = match.is_participle and bool(words & {"hat", "haben", "ist", "sind"}) and not (
        words & {"worden", "wird", "werden"})
    if perfect:
        return "perfect"
    return "past" if finite_past else None

def _announcer(
    clauses: list[Clause], roles: RoleFinder, subjects: dict[int, list[Mention]],
    lexicon: Lexicon,
) -> list[Mention]:
    """The subject of a reporting clause ("wie X mitteilte", "teilte X mit") in the unit."""
    verbs = lexicon.cue("report_verbs")
    for clause in clauses:
        words = {roles.doc[i].lower_ for i in range(clause.start, clause.end)}
        if words & verbs and (clause.kind == "sub:wie" or clause.kind == "main"):
            own = subjects.get(clause.index, [])
            if own:
                return own
    return []

def _roles(
    doc: Doc, match: TriggerMatch, clause: Clause, roles: RoleFinder,
    subjects: dict[int, list[Mention]], clause_verbs: set[str], lexicon: Lexicon,
) -> Roles | None:
    """Source and target of one trigger, or None when a noun is another event's content."""
    token = doc[match.token]
    entry = match.entry
    inherited = (
        subjects.get(clause.index - 1, [])
        if clause.index > 0 and clause.kind in ("main", "zu") else []
    )
    if not match.is_noun:
        passive = match.is_participle and any(
            doc[i].lower_ in lexicon.cue("passive_auxiliaries")
            for i in range(clause.start, clause.end)
        )
        own = subjects.get(clause.index, [])
        return roles.verb_roles(token, entry, clause, passive, own or inherited)
    internal, np_end = roles.noun_roles(token, entry, clause)
    prep = roles.governing_prep(match.token, clause.start)
    if entry.type == "REQUEST" and prep == "auf" and internal.source and not internal.target:
        # "kam auf Antrag der Türkei zusammen": the request was made to the clause subject
        addressed = [
            m.actor for m in roles.subject(clause, exclude=(match.token, np_end))
            if m.actor not in internal.source
        ]
        return Roles(list(internal.source), list(dict.fromkeys(addressed)), True)
    if internal.internal and (entry.type != "CONSULT" or prep is None):
        return internal
    agreed = "AGREE" in clause_verbs and entry.type != "AGREE"
    if clause_verbs and not agreed:
        # An event noun under an event verb is that verb's content ("weist Kritik zurück"),
        # except a meeting named as the setting ("In einer Videokonferenz … bezeichnet")
        # and what was agreed on ("sich auf Gespräche mit Kiew geeinigt": planned talks).
        if not (entry.type == "CONSULT" and prep in _PP_CONSULT_PREPS):
            return None
    if prep is None and clause.kind != "zu" and roles.is_subject(match.token, clause):
        # "Die Gegenoffensive hat … erzielt": the noun is the subject, no agent is named
        return Roles(list(internal.source), list(internal.target))
    if prep is not None and prep not in _SUBJECT_PREPS and entry.type != "CONSULT":
        # "reagierten auf den Waffentest": the subject did not do what the PP names
        return Roles([], list(internal.target))
    subject = [
        m for m in roles.subject(clause, exclude=(match.token, np_end))
        if not (match.token <= m.start < np_end)
    ] or subjects.get(clause.index, [])
    subject = [m for m in subject if not (match.token <= m.start < np_end)]
    source = [m.actor for m in subject] + list(internal.source)
    target = list(internal.target)
    if not target and entry.type != "CONSULT":
        # "stellte den Putschisten ein Ultimatum", "reagierte mit Sanktionen auf …": a bare
        # object beside the event noun is whom the act is aimed at
        target = [
            m.actor for m in roles.bare(clause, exclude=(match.token, np_end))
            if m not in subject and not (match.token <= m.start < np_end)
        ]
    if entry.type == "CONSULT" and not internal.target:
        target = [
            m.actor for m in roles.prep_mentions(clause, ("mit",), match.token)
            if m not in subject and not (match.token <= m.start < np_end)
        ]
    if agreed:
        # the partners of an agreed event take part in it: all participants are sources
        source, target = source + target, []
    if entry.type == "CONSULT" and prep is not None:
        possessor = roles.participant_possessor(match.token, clause.start)
        if possessor and possessor not in source:
            source.append(possessor)
    source = list(dict.fromkeys(source))
    separate = [a for a in internal.source if a in ORGANISATIONS] if entry.type == "CONSULT" else []
    return Roles(
        source, [t for t in dict.fromkeys(target) if t not in source],
        separate=separate if len(separate) >= 2 and len(source) > len(separate) else [],
    )

def _code(
    sentence: Sentence, match: TriggerMatch, governor: Clause | None, found: Roles,
    mentions: list[Mention], lexicon: Lexicon,
) -> list[Event]:
    """The event record(s) of one trigger: one per AID mode, else one."""
    doc, sent, clause = sentence.doc, sentence.span, match.clause
    entry = match.entry
    token = doc[match.token]
    start_tok, end_tok = clause.start, clause.end
    while end_tok > start_tok + 1 and doc[end_tok - 1].is_punct:
        end_tok -= 1
    evidence = Offsets(doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1]))
    trigger = Trigger(token.text, token.idx, token.idx + len(token))
    setting = match.is_noun and sentence.roles.governing_prep(
        match.token, clause.start) in lexicon.cue("setting_prepositions")
    if match.is_noun and match.clause.index in sentence.verb_clauses and not setting:
        # an event noun inside another event's clause ("bezeichnete Russlands Angriff als
        # …") takes only a date written in its own phrase; one naming the setting ("bei
        # einem Besuch") shares the clause's date
        np_end = sentence.roles.noun_phrase_end(token, clause)
        date = event_date(doc, match.token, np_end, match.token, doc[match.token:np_end])
    else:
        foreign = tuple(
            (c.start, c.end) for c in sentence.clauses
            if c.index != clause.index and (
                c.kind == "rel" or words_in(doc, c) & lexicon.cue("pluperfect_auxiliaries")
            )
            # "beim März-Gipfel, der für den 24. März angesetzt ist": a relative clause
            # right after an event noun dates that noun
            and not (match.is_noun and c.index == clause.index + 1 and c.kind == "rel")
        )
        date = event_date(doc, start_tok, end_tok, match.token, sent, foreign)
    place, geo = None, None
    if match.is_noun:
        # "am G7-Gipfel in Cornwall sowie an Spitzentreffen … in Brüssel": a noun's own place
        np_end = sentence.roles.noun_phrase_end(token, clause)
        place, geo = event_place(doc, match.token, np_end, match.token)
    if place is None:
        place, geo = event_place(doc, clause.start, clause.end, match.token)
    source = list(dict.fromkeys(a for code in found.source for a in code.split("+")))
    target = [
        a for a in dict.fromkeys(a for code in found.target for a in code.split("+"))
        if a not in source
    ]
    state = _status(sentence, match, governor, mentions, source, date)
    modes: list[str | None] = [entry.mode]
    if entry.type == "AID":
        window = (clause.start, clause.end)
        if match.is_noun:
            # the noun's own modifiers: back to the previous noun ("Munitionslieferungen
            # sowie finanzielle und humanitäre Hilfe" gives Hilfe economic + humanitarian)
            first = match.token
            while first - 1 >= clause.start and match.token - first < 6 and not (
                doc[first - 1].text[0].isupper() or doc[first - 1].is_punct
            ):
                first -= 1
            window = (first, match.token + 1)
        modes = aid_modes(doc, *window) or [entry.mode]
    elif entry.type == "CONSULT":
        context = [doc[i].lower_ for i in range(max(clause.start, match.token - 3),
                                                match.token)]
        modes = [consult_mode(token.text, entry.mode, source, target, geo, context)]
        if modes[0] == "visit" and not target:
            # a visit is aimed at the visited country (gold rule 8)
            host = visited_country(doc, clause.start, clause.end, geo)
            if host and host not in source:
                target = [host]
    confidence = entry.confidence or (0.6 if match.is_noun else 0.7)
    confidence += 0.1 if source else -0.2
    events = []
    # "Spitzentreffen der Nato und der EU" with a guest: one summit per organisation
    sources = [
        [a for a in source if a not in found.separate or a == org] for org in found.separate
    ] or [source]
    for mode, source in ((m, s) for m in modes for s in sources):
        goldstein = entry.goldstein
        if entry.type == "CONSULT" and mode == "visit" and goldstein == 1.0:
            goldstein = 1.9
        if entry.type == "AID" and mode == "military":
            goldstein = 8.3
        events.append(Event(
            type=entry.type,
            source=tuple(source),
            target=tuple(target),
            trigger=trigger,
            evidence=evidence,
            status=state,
            mode=mode,
            date=date,
            place=place,
            geo=geo,
            cameo=entry.cameo or None,
            quad_class=quad_class(entry.cameo),
            goldstein=goldstein,
            confidence=max(0.05, min(0.95, confidence)),
        ))
    return events

def _status(
    sentence: Sentence, match: TriggerMatch, governor: Clause | None,
    mentions: list[Mention], source: list[str], date: str | None,
) -> str:
    """occurred, planned, negated, hypothetical or claimed (gold rules 4 and 5)."""
    doc, clause, clauses, status = sentence.doc, match.clause, sentence.clauses, sentence.status
    token = doc[match.token]
    if status.negated(token, clause, match.is_noun, governor):
        return "negated"
    if status.hypothetical(token, clause, match.is_noun):
        return "hypothetical"
    if status.claimed(clause, clauses, mentions, source):
        return "claimed"
    published = doc._.published
    if match.is_noun and match.clause.index in sentence.agree_clauses and (
        match.entry.type != "AGREE"
    ):
        return "planned"
    in_pp = match.is_noun and sentence.roles.governing_prep(
        match.token, clause.start) is not None
    if status.planned(token, clause, match.is_participle, governor, match.is_noun,
                      match.entry.type == "CONSULT", in_pp):
        if published and date and len(date) == 10 and date < published:
            return "occurred"
        return "planned"
    if published and date and date[:10] > published[: len(date)]:
        return "planned"
    return "occurred"
