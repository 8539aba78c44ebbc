"""One sentence prepared for coding: clauses, triggers, clause subjects and content clauses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .clauses import Clause, is_verbish, segment
from .lexicon import Lexicon
from .roles import Mention, RoleFinder
from .status import StatusFinder
from .triggers import TriggerMatch, find_triggers
from .units import drop_predicatives, quoted_clauses

# clauses that can hold what was said, demanded or denied ("warnte davor, … zu verhängen");
# adverbial clauses ("weil", "nachdem") are events of their own
_CONTENT_KINDS = ("zu", "sub:dass", "sub:ob", "rel")


@dataclass
class Sentence:
    """What the coder knows about one sentence unit before coding its triggers."""

    doc: Doc
    span: Span
    number: int
    clauses: list[Clause]
    roles: RoleFinder
    status: StatusFinder
    matches: list[TriggerMatch]
    subjects: dict[int, list[Mention]]
    verb_types: dict[int, set[str]]
    content: set[int]
    quoted: set[int]
    main_subject: list[Mention] = field(default_factory=list)

    @property
    def verb_clauses(self) -> set[int]:
        """Clauses holding an event verb."""
        return set(self.verb_types)

    @property
    def agree_clauses(self) -> set[int]:
        """Clauses whose event verb is an agreement ("haben sich auf … geeinigt")."""
        return {i for i, types in self.verb_types.items() if "AGREE" in types}


def prepare_sentence(
    doc: Doc, sent: Span, number: int, mentions: list[Mention], taken: set[int],
    lexicon: Lexicon, previous_subject: list[Mention], dates: set[int] | None = None,
    has_parse: bool | None = None, tokens: Sequence[Token] | None = None,
    covered: set[int] | None = None,
) -> Sentence:
    """Clauses, trigger matches and clause subjects of one sentence unit.

    ``previous_subject`` is the narrator's subject of the sentence before, used for an
    unresolved "er"/"sie". ``taken`` holds the tokens inside entities; ``dates`` (tokens
    inside timexes) and ``has_parse`` are read from ``doc`` unless given; ``tokens`` is
    ``list(doc)`` when the caller has it; ``covered`` the tokens inside ``mentions`` (the
    same for every sentence of a doc).
    """
    if tokens is None:
        tokens = list(doc)
    lex = lexicon
    clauses = segment(sent, lex, tokens)
    roles = RoleFinder(doc, lex, mentions, names=taken, dates=dates, has_parse=has_parse,
                       tokens=tokens, covered=covered)
    roles.previous_subject = previous_subject
    status = StatusFinder(doc, lex)
    matches = drop_predicatives(
        doc, [m for c in clauses for m in find_triggers(doc, c, lex, taken, tokens)]
    )
    # "seine Forderung nach einer Einbeziehung in die Beratungen": nouns inside the phrase
    # of a demand, accusation or threat are its content (rule 3)
    content_spans = [
        (m.token, roles.noun_phrase_end(doc[m.token], m.clause))
        for m in matches if m.is_noun and m.entry.speech_act
    ]
    matches = [
        m for m in matches
        if not any(start < m.token < end for start, end in content_spans)
    ]
    speech_clauses = {m.clause.index for m in matches if m.entry.speech_act and not m.is_noun}
    # the clauses after a speech act up to the next main clause are its content (rule 3)
    content: set[int] = set()
    for clause in clauses:
        if clause.kind in _CONTENT_KINDS and (
            clause.index - 1 in speech_clauses or clause.index - 1 in content
        ):
            content.add(clause.index)
    verb_types: dict[int, set[str]] = {}
    for m in matches:
        if not m.is_noun:
            verb_types.setdefault(m.clause.index, set()).add(m.entry.type)
    subjects: dict[int, list[Mention]] = {}
    quoted = quoted_clauses(doc, sent, clauses, tokens)
    for clause in clauses:
        first = next(
            (t for t in tokens[clause.start : clause.end] if not t.is_punct),
            None,
        )
        if (
            clause.index > 0 and clause.kind == "main" and first is not None
            and first.i == clause.start and clause.start > 0
            and doc[clause.start - 1].lower_ in ("und", "sowie", "aber", "oder")
            and first.pos_ in ("VERB", "AUX") and is_verbish(first, lex)
            and subjects.get(clause.index - 1)
            and not (
                first.i + 1 < clause.end
                and doc[first.i + 1].lower_ in ("er", "sie", "es", "man", "wir")
            )
        ):
            # "warf Moskau … vor und rief die Verbündeten auf": a coordinated verb phrase
            # shares the subject; a noun right after its verb is its object
            subjects[clause.index] = subjects[clause.index - 1]
            continue
        if (
            clause.index > 0 and clause.kind == "main" and first is not None
            and first.pos_ in ("VERB", "AUX", "") and is_verbish(first, lex)
            and not clauses[clause.index - 1].kind.startswith("sub:")
        ):
            # "…, weist Kritik zurück und wirft Kiew … vor": a coordinated verb phrase,
            # unless the subject follows the verb ("«…», hatte er betont"); after a fronted
            # subordinate clause the verb comes first anyway ("Wie X mitteilte, reiste Y …")
            explicit = roles.explicit_subject(clause)
            subjects[clause.index] = (
                explicit if explicit is not None else subjects.get(clause.index - 1, [])
            )
            continue
        if clause.kind == "zu" and clause.index > 0:
            # an infinitive clause has no subject of its own: the governing one controls it
            subjects[clause.index] = subjects.get(clause.index - 1, [])
            continue
        own = roles.subject(clause)
        if not own and clause.index > 0 and clause.kind == "main" and (
            clause.index - 1 not in quoted or clause.index in quoted
        ):
            own = subjects.get(clause.index - 1, [])
        if not own and clause.kind == "rel" and clause.index > 0:
            # the antecedent closes the clause before, perhaps followed by a verb particle
            # ("durch die Vermittlung von Guterres zustande, der …")
            prev = clauses[clause.index - 1]
            own = [
                m for m in mentions if prev.start <= m.start and prev.end - 2 <= m.end <= prev.end
            ][-1:]
        subjects[clause.index] = own
    main_subjects = [
        subjects[c.index] for c in clauses if c.kind == "main" and c.index not in quoted
    ]
    return Sentence(
        doc, sent, number, clauses, roles, status, matches, subjects, verb_types, content,
        quoted, main_subjects[0] if main_subjects else [],
    )
