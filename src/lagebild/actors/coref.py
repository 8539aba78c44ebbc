"""Conservative pronoun resolution: "er", "sie", "seine" … to a person mention.

A pronoun takes the first gender-compatible person mention earlier in its own sentence,
else the first one in the previous sentence (German news puts the subject first, so
"Biden telefonierte mit Putin. Dabei drohte er …" gives Biden). "sie" with a plural
verb and the polite "Sie" are left alone; organisations are never antecedents. An object
pronoun ("ihn", "ihm") skips the antecedent of its sentence's subject pronoun and the
mentions its own sentence has as subject ("Erdogan traf Putin. Er sagte ihm Hilfe zu").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from .knowledge import Knowledge

MALE = frozenset("er ihn ihm sein seine seinen seinem seiner seines".split())
FEMALE = frozenset("sie ihr ihre ihren ihrem ihrer ihres".split())
_POSSESSIVES = frozenset(
    "sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres".split()
)
_OBJECTS = frozenset({"ihn", "ihm"})
_SUBJECTS = frozenset({"er", "sie"})
_PLURAL_VERBS = frozenset(
    "sind haben hätten wollen werden wurden waren sollen sollten müssen können konnten "
    "dürfen seien würden".split()
)


def _is_subject(token: Token) -> bool:
    """A subject token, or a name in apposition to a subject ("Präsident Erdoğan")."""
    return token.dep_ == "nsubj" or (
        token.dep_ in ("appos", "flat", "flat:name") and token.head.dep_ == "nsubj"
    )


def _gender(span: Span, kb: Knowledge) -> str | None:
    if span.label_ == "NOM":
        head = span[-1]
        role = kb.roles.get(head.text) or kb.roles.get(head.text.rpartition("-")[2])
        if role is None or role.collective or not _singular(head, kb):
            return "x"
        return role.gender
    entry = kb.entry_for(span.text)
    if entry is not None and entry.person is not None and entry.person.gender:
        return entry.person.gender
    name = span._.name or span.text
    return kb.first_names.get(name.split(" ", 1)[0])


def _singular(token: Token, kb: Knowledge) -> bool:
    """Whether a role noun is surely singular: by its form ("Präsident", "Präsidentin",
    "Präsidents"; ambiguous "-en"/"-er" forms count as plural) unless the morphology
    says plural."""
    if token.morph.get("Number") == ["Plur"]:
        return False
    head = token.text.rpartition("-")[2]
    return not head.endswith(("en", "nen", "er", "n")) or head in kb.singular_roles


def _sentence_ids(doc: Doc, tokens: Sequence[Token] | None = None) -> list[int]:
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    ids, sid = [], -1
    for token in (doc if tokens is None else tokens):
        if token.is_sent_start or sid < 0:
            sid += 1
        ids.append(sid)
    return ids


def resolve_pronouns(
    doc: Doc, mentions: list[Span], kb: Knowledge, covered: set[int],
    tokens: Sequence[Token] | None = None,
) -> list[Span]:
    """Pronoun mentions (label ``PRON``) with the actor of their antecedent."""
    people = [m for m in mentions if m.label_ in ("PER", "NOM")]
    if not people:
        return []
    sent = _sentence_ids(doc, tokens)
    by_sent: dict[int, list[tuple[Span, str | None]]] = {}
    for m in sorted(people, key=lambda s: s.start):
        gender = _gender(m, kb)
        if gender == "x":
            continue
        by_sent.setdefault(sent[m.start], []).append((m, gender))
    result = []
    subjects_of: dict[int, set[int]] = {}
    n = len(doc)
    for token in (doc if tokens is None else tokens):
        lower = token.lower_
        if token.i in covered or (lower not in MALE and lower not in FEMALE):
            continue
        if token.text == "Sie" and not token.is_sent_start:
            continue
        if lower in _POSSESSIVES and not (token.i + 1 < n and doc[token.i + 1].is_alpha):
            # "wird … sein" is the verb; a possessive stands before its noun or adjective
            continue
        if lower == "sie" and token.i + 1 < n:
            nxt = doc[token.i + 1].lower_
            if nxt in _PLURAL_VERBS or (nxt.endswith("en") and nxt not in ("haben",)):
                continue
        want = "m" if lower in MALE else "f"
        sid = sent[token.i]
        # an object pronoun ("rief ihn auf", "sagte ihm zu") is not the subject of its own
        # clause: skip the subject's antecedent and mentions parsed as subject
        blocked = set(subjects_of.get(sid, ())) if lower in _OBJECTS else set()
        if lower in _OBJECTS:
            own_subject = next(
                (m for m, _ in by_sent.get(sid, ()) if any(_is_subject(t) for t in m)), None
            )
            if own_subject is not None and own_subject.start < token.i:
                blocked.add(own_subject.start)
        antecedent = None
        for window in (sid, sid - 1):
            for m, gender in by_sent.get(window, ()):
                if window == sid and m.start >= token.i:
                    break
                if m.start in blocked:
                    continue
                if gender == want or (gender is None and want == "m"):
                    antecedent = m
                    break
            if antecedent is not None:
                break
        if antecedent is not None and lower in _SUBJECTS:
            subjects_of.setdefault(sid, set()).add(antecedent.start)
        if antecedent is not None and antecedent._.actor:
            span = Span(doc, token.i, token.i + 1, label="PRON")
            span._.actor = antecedent._.actor
            span._.name = antecedent._.name
            result.append(span)
    return result
