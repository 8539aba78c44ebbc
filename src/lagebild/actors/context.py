"""Context rules: role phrases, capital metonymy and the political West.

All rules look at a few neighbouring tokens and use dictionary lookups only, so they
cost little per document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..doc_ext import doc_lowers, doc_words
from .candidates import Candidate
from .knowledge import Knowledge, RoleNoun

ARTICLES = frozenset("der die das dem den des ein eine einen einem einer eines".split())
# after these a capital is a venue or destination ("in Genf", "nach Moskau"), not a government;
# "von Moskau kontrolliert", "gegen Moskau", "mit Moskau" read as the government
VENUE_PREPOSITIONS = frozenset(
    "in im nach aus bei beim nahe über bis ab vor um durch zum zur".split()
)
APPOSITION_NOUNS = frozenset(
    "Hauptstadt Stadt Metropole Millionenstadt Hafenstadt Großstadt Region Provinz".split()
)
COORDINATORS = frozenset({"und", "sowie", "oder", "wie"})
# "Richtung Westen", "nach Westen", "im Westen des Landes": compass uses
COMPASS_BEFORE = frozenset({"richtung", "nach", "gen", "von", "aus"})
NOUN_SUFFIXES = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "tion",
    "tät",
    "ismus",
    "chen",
    "nis",
    "ment",
    "ium",
    "ieren",
    "lich",
    "isch",
    "kammer",
    "verband",
    "gericht",
    "partei",
    "behörde",
    "institut",
    "zentrum",
    "agentur",
    "haltung",
)
NAME_PARTICLES = frozenset(
    "von van der de den di da dos del al el bin ibn ben zu ter du la le".split()
)


@dataclass
class RolePhrase:
    """A role noun with the actor its qualifier gives ("US-Präsident" -> USA)."""

    start: int
    end: int
    head: int
    role: RoleNoun
    actor: str | None


def role_of(kb: Knowledge, token: Token) -> tuple[RoleNoun, str | None] | None:
    """The role noun of ``token`` and the actor of its compound modifier, if any.

    "Nato-Außenminister" -> (foreign minister, NATO); "Kremlsprecher" -> (spokesperson,
    RUS); "Bundeskanzlerin" -> (head of government, DEU); "Präsident" -> (president, None).
    """
    return role_of_word(kb, token.text)


def role_of_word(kb: Knowledge, text: str) -> tuple[RoleNoun, str | None] | None:
    """:func:`role_of` for a word's text; cached per word in ``kb.role_cache`` (the answer
    depends on the word and the knowledge only)."""
    cache = kb.role_cache
    if text in cache:
        return cache[text]
    found = cache[text] = _role_of_word(kb, text)
    return found


def _role_of_word(kb: Knowledge, text: str) -> tuple[RoleNoun, str | None] | None:
    role = kb.roles.get(text)
    if "-" in text:
        prefix, _, head = text.rpartition("-")
        head_role = kb.roles.get(head)
        if head_role is not None:
            first = prefix.split("-", 1)[0]
            actor = kb.prefixes.get(prefix) or kb.prefixes.get(first)
            return head_role, actor
        return None
    for prefix in ("Bundes", "Kreml", "Regierungs"):
        if text.startswith(prefix) and len(text) > len(prefix) + 2:
            rest = text[len(prefix) :]
            rest_role = kb.roles.get(rest[0].upper() + rest[1:])
            # "Bundeskanzler", "Bundesregierung", but not "Bundesstaat" / "Bundesland"
            if rest_role is not None and (not rest_role.collective or rest.startswith("Regierung")):
                return rest_role, kb.prefixes.get(prefix)
    if role is not None:
        return role, None
    return None


def find_role_phrases(
    doc: Doc, kb: Knowledge, ents: dict[int, tuple[int, str | None, str, bool]],
    tokens: Sequence[Token] | None = None,
) -> list[RolePhrase]:
    """Role nouns with the actor of their qualifier, in text order.

    ``ents`` maps an entity's first token to (end token, actor code, kind, genitive):
    the code of a capital is the state it stands for, ``genitive`` tells whether the
    surface form is an inflected genitive ("Russlands"). Qualifiers, in this order:
    compound modifier, adjective before, genitive name before ("Russlands Präsident"),
    genitive name after ("Präsident Russlands", "Sprecherin des Weißen Hauses"),
    "in" + capital ("die Regierung in Kiew").
    """
    by_end = {v[0]: v for v in ents.values()}
    phrases: list[RolePhrase] = []
    n = len(doc)
    words = doc_words(doc)
    lowers = doc_lowers(doc)
    for i, text in enumerate(words):
        if not text[:1].isupper():
            continue
        found = role_of_word(kb, text)
        if found is None:
            continue
        role, actor = found
        start = i
        if actor is None and i > 0:
            adj = kb.adjectives.get(lowers[i - 1])
            if adj is not None:
                actor, start = adj, i - 1
            elif not role.relational and i in by_end:
                _, code, kind, gen = by_end[i]
                if code and gen and kind != "PER":
                    actor = code
                elif code and kind == "capital" and i > 1 and lowers[i - 2] == "in":
                    # "traf in Moskau Präsident Putin": the host's office
                    actor = code
        if actor is None and not role.relational and i + 1 < n:
            j = i + 2 if lowers[i + 1] in ("des", "der", "von") else i + 1
            if j in ents:
                _, code, kind, gen = ents[j]
                if code and kind not in ("PER", "capital") and (j > i + 1 or gen):
                    actor = code
            elif (
                lowers[i + 1] == "in"
                and i + 2 in ents
                and ents[i + 2][2] == "capital"
                and (role.collective or text in _BODY_WORDS)
            ):
                # "die Regierung in Kiew" is Ukraine's; "der Botschafter in Moskau" is not Russia's
                actor = ents[i + 2][1]
        phrases.append(RolePhrase(start, i + 1, i, role, actor))
    return phrases


def capital_is_government(doc: Doc, start: int, end: int, previous: dict[int, bool]) -> bool:
    """Whether the capital at ``doc[start:end]`` stands for its government.

    ``previous`` maps the end token of earlier capital mentions to their decision, so
    coordinated capitals share it ("in Kiew und Moskau", "gegen Peking und Moskau").
    """
    if end < len(doc) and doc[end].text in ("–", "—", "("):
        # a dateline "Wien – …", "Moskau (dpa)": where the report comes from
        return False
    if doc[end - 1].text.endswith("s") and not doc[start].text.endswith("s"):
        return True
    i = start - 1
    while i >= 0 and (doc[i].is_space or doc[i].lower_ in ARTICLES):
        i -= 1
    if i < 0:
        return True
    prev = doc[i]
    if prev.text in APPOSITION_NOUNS:
        return False
    if prev.lower_ in COORDINATORS and i in previous:
        return previous[i]
    if prev.lower_ in COORDINATORS and i - 1 in previous:
        return previous[i - 1]
    if prev.lower_ == "von" and i > 0 and doc[i - 1].lower_.endswith(_NAMED_AFTER_VENUE):
        # "der Gipfel von Hanoi", "das Abkommen von Minsk": named after where it took place
        return False
    if prev.lower_ in VENUE_PREPOSITIONS:
        # "Verantwortliche in Belgrad", "die Regierung in Kiew": a body located there
        before = doc[i - 1] if i > 0 else None
        if before is not None and prev.lower_ == "in" and before.text in _BODY_WORDS:
            return True
        # "die Vorwürfe aus Washington", "Kritik aus Peking": what the government said
        if before is not None and prev.lower_ == "aus" and before.text in _STATEMENT_NOUNS:
            return True
        return False
    return True


# Heads of meeting and treaty nouns that German names after their venue ("von Hanoi").
_NAMED_AFTER_VENUE = (
    "gipfel", "gipfels", "treffen", "treffens", "konferenz", "abkommen", "abkommens",
    "vertrag", "vertrags", "vertrages", "vereinbarung", "erklärung", "gespräche",
    "gesprächen", "verhandlungen", "protokoll", "protokolls", "format", "formats",
)


_BODY_WORDS = frozenset(
    "Regierung Führung Staatsführung Verantwortliche Verantwortlichen Machthaber Behörden "
    "Regierungsvertreter Diplomaten Offizielle Offiziellen Beamte Beamten Kreise Kreisen".split()
)


_STATEMENT_NOUNS = frozenset(
    "Vorwürfe Vorwurf Vorwürfen Kritik Forderung Forderungen Drohung Drohungen Warnung "
    "Warnungen Signale Signal Reaktion Reaktionen Äußerungen Angebot Angebote Vorschlag "
    "Vorschläge Appell Appelle Angaben Anschuldigungen Druck".split()
)


def is_political_west(doc: Doc, start: int, end: int) -> bool:
    """False for compass uses of "Westen" ("in Richtung Westen", "im Westen des Landes")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in COMPASS_BEFORE:
        return False
    if end < len(doc):
        nxt = doc[end]
        if nxt.lower_ in ("des", "der") or (nxt.text[:1].isupper() and nxt.text.endswith("s")):
            return False
    return True


_NOT_NAMES = frozenset(
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag Januar Jänner "
    "Februar März April Mai Juni Juli August September Oktober November Dezember".split()
)


def looks_like_name(token: Token) -> bool:
    """A capitalised word that may be (part of) a personal name."""
    text = token.text
    if not text[:1].isupper() or not text.replace("-", "").replace("'", "").isalpha():
        return False
    if text in _NOT_NAMES:
        return False
    if text.isupper() and len(text) > 1:
        return False
    return not text.lower().endswith(NOUN_SUFFIXES)


_APPOSITION_WORDS = frozenset(
    "der die das dem den des bei in im von vom für aus zu zum zur am an auf mit nach über "
    "unter gegen und".split()
)


def roles_before_names(
    doc: Doc, roles: list[RolePhrase], chosen: list[Candidate], kb: Knowledge
) -> dict[int, RolePhrase]:
    """Map a person's first token to the role phrase right before it.

    "US-Präsident Joe Biden", "der syrische Botschafter Bashar Jaafari" and appositions
    after a comma, with only names and prepositional material in between: "Die
    Sprecherin des Weißen Hauses, Jen Psaki", "der Botschafter bei den Vereinten
    Nationen in New York, Bashar Jaafari".
    """
    per_starts = {c.start for c in chosen if c.label == "PER"}
    ent_end = {c.start: c.end for c in chosen}
    result: dict[int, RolePhrase] = {}
    n = len(doc)
    for phrase in roles:
        j = phrase.head + 1
        if j in per_starts:
            result[j] = phrase
            continue
        while j < n and j < phrase.head + 12 and not doc[j].is_sent_start:
            tok = doc[j]
            if j in per_starts:
                break
            if j in ent_end:
                j = ent_end[j]
                continue
            if tok.text == ",":
                if j + 1 in per_starts:
                    result[j + 1] = phrase
                break
            if tok.lower_ in _APPOSITION_WORDS or tok.lower_ in kb.adjectives:
                j += 1
                continue
            if tok.text[:1].isupper() and tok.is_alpha:
                j += 1
                continue
            break
    return result


def dominant_state(
    doc: Doc, kb: Knowledge, chosen: list[Candidate], actors: list[str | None],
    tokens: Sequence[Token] | None = None,
) -> str | None:
    """The state an article is mostly about: clearly most often named, at least twice.

    Names of the state, of its capital as a government and its adjective count.
    """
    counts: dict[str, int] = defaultdict(int)
    for cand, actor in zip(chosen, actors, strict=True):
        if actor and cand.entry is not None and cand.entry.kind in ("state", "capital"):
            counts[actor] += 1
    adjectives = kb.adjectives
    for lower in doc_lowers(doc):
        code = adjectives.get(lower)
        if code is not None:
            counts[code] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]
