"""The German trigger lexicon: YAML data → an index from word forms and lemmas to entries.

Verb entries give the infinitive (``"zurück|weisen"`` marks the separable particle) and the
irregular forms; regular weak forms, ``zu``-infinitives and particle-joined forms are
generated here, so the lexicon works on a tokenizer-only pipeline. Where the pipeline has a
lemmatizer, lemmas are looked up as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeFileError
from ..records import EVENT_TYPES

PACKAGE_DATA = resources.files("lagebild.events") / "data"
_NO_GE_PREFIXES = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "über", "um", "unter")
_NOUN_ENDINGS = ("", "s", "es", "e", "en", "n", "ens")


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a verb or noun with its PLOVER coding and conditions."""

    key: str
    pos: str
    type: str
    cameo: str
    goldstein: float
    particle: str | None = None
    mode: str | None = None
    with_noun: tuple[str, ...] = ()
    with_word: tuple[str, ...] = ()
    reflexive: bool = False
    speech_act: bool = False
    reverse: bool = False
    compound: bool = True
    target_preps: tuple[str, ...] = ()
    confidence: float | None = None
    unless_noun: tuple[str, ...] = ()
    needs_target: bool = False
    excluded: tuple[str, ...] = ()

    @property
    def conditional(self) -> bool:
        """True when the entry needs a co-occurring noun or word."""
        return bool(self.with_noun or self.with_word)


@dataclass
class Lexicon:
    """Index of trigger entries plus the cue lists and actor hints used by the coder."""

    entries: list[Entry] = field(default_factory=list)
    # word form (lower case) → [(entry, kind)]; kind: "finite", "joined", "participle", "noun"
    forms: dict[str, list[tuple[Entry, str]]] = field(default_factory=dict)
    lemmas: dict[str, list[Entry]] = field(default_factory=dict)
    noun_suffixes: dict[str, list[Entry]] = field(default_factory=dict)
    participles: set[str] = field(default_factory=set)
    infinitives: set[str] = field(default_factory=set)
    cues: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)
    topic_prefixes: dict[str, str] = field(default_factory=dict)

    _cue_sets: dict[str, tuple[list[str] | None, int, frozenset[str]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    # per word form, filled on first use; the lexicon does not change after loading
    _noun_cache: dict[str, list[Entry]] = field(default_factory=dict, repr=False, compare=False)
    _adjective_cache: dict[str, str | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    def cue(self, name: str) -> frozenset[str]:
        """A cue list from ``cues.yml`` as a set of lower-case words."""
        # called per token in hot loops: build each set once, rebuild if the list changed
        words = self.cues.get(name)
        cached = self._cue_sets.get(name)
        if cached is not None and cached[0] is words and cached[1] == len(words or ()):
            return cached[2]
        found = frozenset(words or ())
        self._cue_sets[name] = (words, len(words or ()), found)
        return found

    def verb_candidates(self, lower: str, lemma: str | None) -> list[tuple[Entry, str]]:
        """Verb entries for a token by surface form and, when given, by lemma."""
        found = [(e, kind) for e, kind in self.forms.get(lower, ()) if e.pos == "verb"]
        if lemma:
            for entry in self.lemmas.get(lemma.lower(), ()):
                if entry.pos == "verb" and all(entry is not e for e, _ in found):
                    found.append((entry, "lemma"))
        return found

    def noun_candidates(self, lower: str) -> list[Entry]:
        """Noun entries whose form equals the word or ends it (German compounds)."""
        # the suffix search is per capitalised token: remember the answer per word form
        cached = self._noun_cache.get(lower)
        if cached is None:
            cached = self._noun_cache[lower] = self._noun_candidates(lower)
        return list(cached)

    def _noun_candidates(self, lower: str) -> list[Entry]:
        exact = [e for e, _ in self.forms.get(lower, ()) if e.pos == "noun"]
        if exact:
            return exact
        return [
            e for e in self._compound_candidates(lower)
            if not any(lower.startswith(x) for x in e.excluded)
        ]

    def _compound_candidates(self, lower: str) -> list[Entry]:
        head = lower.rsplit("-", 1)[-1]
        for size in range(len(head) - 2, 2, -1):
            suffix = head[-size:]
            entries = [e for e in self.noun_suffixes.get(suffix, ()) if e.compound]
            if entries:
                return entries
        if head != lower:
            return [e for e, _ in self.forms.get(head, ()) if e.pos == "noun"]
        return []

    def adjective_actor(self, lower: str) -> str | None:
        """Actor code of a demonym adjective in any inflection ("russischen" → RUS)."""
        if lower in self._adjective_cache:
            return self._adjective_cache[lower]
        code = self._adjective_cache[lower] = self._adjective_actor(lower)
        return code

    def _adjective_actor(self, lower: str) -> str | None:
        for ending in ("", "e", "en", "er", "es", "em"):
            if ending and not lower.endswith(ending):
                continue
            stem = lower[: len(lower) - len(ending)] if ending else lower
            if stem in self.adjectives:
                return self.adjectives[stem]
        return None


def _weak_forms(infinitive: str) -> tuple[set[str], set[str]]:
    """Regular present/past forms and the participle(s) of a (weak) German verb."""
    if infinitive.endswith(("eln", "ern")):
        stem = infinitive[:-1]
    elif infinitive.endswith("en"):
        stem = infinitive[:-2]
    else:
        stem = infinitive[:-1]
    # "rechnet", "wartet": an e is inserted after t/d and after consonant + m/n.
    vowels = "aeiouäöü"
    needs_e = stem.endswith(("t", "d", "chn", "ffn", "gn")) or (
        len(stem) > 1 and stem[-1] in "mn" and stem[-2] not in vowels + "lrhmn"
    )
    e = "e" if needs_e else ""
    finite = {
        infinitive,
        stem + "e",
        stem + e + "st",
        stem + e + "t",
        stem + e + "te",
        stem + e + "ten",
        stem + e + "test",
        stem + e + "tet",
        stem + "est",
    }
    no_ge = infinitive.startswith(_NO_GE_PREFIXES) or infinitive.endswith(("ieren", "ierten"))
    participle = (stem + e + "t") if no_ge else ("ge" + stem + e + "t")
    return finite, {participle}


def _adjective_inflections(word: str) -> set[str]:
    return {word + ending for ending in ("e", "en", "er", "es", "em")}


def _verb_forms(
    entry: Entry, infinitive: str, extra: Sequence[str]
) -> tuple[dict[str, str], set[str]]:
    """All forms of a verb entry mapped to their kind, and the participle forms."""
    finite, participles = _weak_forms(infinitive)
    no_ge = infinitive.startswith(_NO_GE_PREFIXES)
    for form in extra:
        form = form.lower()
        # Strong participles start with ge- ("getroffen"); verbs with an inseparable prefix
        # have none ("verschoben", "erkannt"), so their -en/-nnt forms count as participles.
        if form.startswith("ge") and form.endswith(("en", "t")) or form.endswith("nnt"):
            participles.add(form)
        elif no_ge and form.endswith("en"):
            participles.add(form)
            finite.add(form)
        else:
            finite.add(form)
    if no_ge and infinitive.endswith("en") and extra:
        participles.add(infinitive)  # strong "beraten", "empfangen": participle = infinitive
    forms: dict[str, str] = {}
    particle = entry.particle
    inflected_participles = set()
    for participle in participles:
        inflected_participles |= _adjective_inflections(participle)
    if particle:
        for form in finite:
            forms[form] = "finite"  # separated: "weist … zurück"
            forms[particle + form] = "joined"  # verb-final: "zurückweist"
        forms[particle + "zu" + infinitive] = "joined"
        for participle in participles | inflected_participles:
            forms[particle + participle] = "participle"
        forms[particle + infinitive] = "joined"
    else:
        for form in finite:
            forms[form] = "finite"
        for participle in participles | inflected_participles:
            forms.setdefault(participle, "participle")
    prefix = particle or ""
    return forms, {prefix + p for p in participles | inflected_participles}


def _noun_forms(lemma: str, extra: Iterable[str]) -> set[str]:
    lower = lemma.lower()
    forms = {lower + ending for ending in _NOUN_ENDINGS}
    forms |= {form.lower() for form in extra}
    return forms


def _entry(raw: dict[str, Any], types: dict[str, dict[str, Any]], where: str) -> tuple[Entry, list]:
    pos = "verb" if "verb" in raw else "noun" if "noun" in raw else None
    if pos is None:
        raise KnowledgeFileError(f"lexicon entry without 'verb' or 'noun': {raw}", where=where)
    key = str(raw[pos])
    event_type = str(raw.get("type", "")).upper()
    if event_type not in EVENT_TYPES:
        raise KnowledgeFileError(f"unknown PLOVER type {event_type!r} for {key!r}", where=where)
    defaults = types.get(event_type, {})
    particle = None
    if pos == "verb" and "|" in key:
        particle, _base = key.split("|", 1)
    entry = Entry(
        key=key,
        pos=pos,
        type=event_type,
        cameo=str(raw.get("cameo", defaults.get("cameo", ""))),
        goldstein=float(raw.get("goldstein", defaults.get("goldstein", 0.0))),
        particle=particle,
        mode=raw.get("mode"),
        with_noun=tuple(str(n).lower() for n in raw.get("with_noun", ())),
        with_word=tuple(str(w).lower() for w in raw.get("with_word", ())),
        reflexive=bool(raw.get("reflexive", False)),
        speech_act=bool(raw.get("speech_act", False)),
        reverse=bool(raw.get("reverse", False)),
        compound=bool(raw.get("compound", True)),
        target_preps=tuple(str(p).lower() for p in raw.get("target_preps", ())),
        confidence=raw.get("confidence"),
        unless_noun=tuple(str(n).lower() for n in raw.get("unless_noun", ())),
        needs_target=bool(raw.get("needs_target", False)),
        excluded=tuple(str(w).lower() for w in raw.get("except", ())),
    )
    return entry, [str(f) for f in raw.get("forms", ())]


def _key(raw: dict[str, Any]) -> str:
    return str(raw.get("verb", raw.get("noun", "")))


def _read_yaml(path: Path | Any) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise KnowledgeFileError(f"cannot read lexicon file: {exc}", where=str(path)) from exc
    if not isinstance(data, dict):
        raise KnowledgeFileError("a lexicon file must hold a mapping", where=str(path))
    return data


def load_lexicon(user_files: Sequence[str | Path] = ()) -> Lexicon:
    """The packaged lexicon, cues and actor hints, extended by the user's YAML files.

    A user file may hold ``verbs``, ``nouns``, ``types``, ``cues``, ``adjectives``,
    ``prefixes`` and ``topic_prefixes`` sections of the packaged shape. Raises
    ``KnowledgeFileError`` (E110) for
    unreadable files or unknown types.
    """
    main = _read_yaml(PACKAGE_DATA / "lexicon.yml")
    cues = _read_yaml(PACKAGE_DATA / "cues.yml")
    hints = _read_yaml(PACKAGE_DATA / "actor_hints.yml")
    types: dict[str, dict[str, Any]] = dict(main.get("types", {}))
    raw_entries: list[tuple[dict[str, Any], str]] = [
        (raw, "lexicon.yml") for section in ("verbs", "nouns") for raw in main.get(section, [])
    ]
    adjectives = {str(k).lower(): str(v) for k, v in hints.get("adjectives", {}).items()}
    prefixes = {str(k).lower(): str(v) for k, v in hints.get("prefixes", {}).items()}
    topics = {str(k).lower(): str(v) for k, v in hints.get("topic_prefixes", {}).items()}
    cue_lists = {name: [str(w).lower() for w in words] for name, words in cues.items()}
    for user_file in user_files:
        path = Path(user_file)
        if not path.is_file():
            raise KnowledgeFileError("lexicon file not found", where=str(path))
        data = _read_yaml(path)
        types.update(data.get("types", {}))
        user_entries = [raw for section in ("verbs", "nouns") for raw in data.get(section, [])]
        # a user entry replaces every earlier entry with the same verb/noun key
        replaced = {_key(r) for r in user_entries}
        raw_entries = [(raw, where) for raw, where in raw_entries if _key(raw) not in replaced]
        raw_entries += [(raw, str(path)) for raw in user_entries if not raw.get("remove")]
        adjectives.update({str(k).lower(): str(v) for k, v in data.get("adjectives", {}).items()})
        prefixes.update({str(k).lower(): str(v) for k, v in data.get("prefixes", {}).items()})
        topics.update({str(k).lower(): str(v) for k, v in data.get("topic_prefixes", {}).items()})
        for name, words in data.get("cues", {}).items():
            cue_lists.setdefault(name, []).extend(str(w).lower() for w in words)
    lexicon = Lexicon(
        cues=cue_lists, adjectives=adjectives, prefixes=prefixes, topic_prefixes=topics
    )
    for raw, where in raw_entries:
        entry, extra = _entry(raw, types, where)
        _index(lexicon, entry, extra)
    return lexicon


def _index(lexicon: Lexicon, entry: Entry, extra: list[str]) -> None:
    lexicon.entries.append(entry)
    if entry.pos == "verb":
        base = entry.key.split("|", 1)[-1].lower()
        forms, participles = _verb_forms(entry, base, extra)
        for form, kind in forms.items():
            lexicon.forms.setdefault(form, []).append((entry, kind))
        lexicon.participles |= participles
        lexicon.infinitives.add(base)
        lexicon.infinitives.add(entry.key.replace("|", "").lower())
        lexicon.lemmas.setdefault(entry.key.replace("|", "").lower(), []).append(entry)
        if entry.particle:
            lexicon.lemmas.setdefault(base, []).append(entry)
    else:
        for form in _noun_forms(entry.key, extra):
            lexicon.forms.setdefault(form, []).append((entry, "noun"))
            lexicon.noun_suffixes.setdefault(form, []).append(entry)
        lexicon.lemmas.setdefault(entry.key.lower(), []).append(entry)
