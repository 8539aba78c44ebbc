"""Surface forms of German names: case endings for names, adjectives and role nouns.

German inflects names inside phrases ("des Weißen Hauses", "Russlands", "den Vereinten
Nationen"). The knowledge files list base forms only; these helpers generate the
inflected variants so that a PhraseMatcher can find them. Over-generation is harmless
(a form that never occurs never matches); missing a form loses a mention.
"""

from __future__ import annotations

ADJ_ENDINGS = ("e", "er", "es", "en", "em")
_SIBILANT_END = ("s", "ß", "x", "z", "ce")
_ADJ_SUFFIXES = ("e", "er", "es", "en", "em")


def genitive(word: str) -> list[str]:
    """Genitive forms of a masculine/neuter noun or name ("Russland" -> "Russlands")."""
    if word.endswith(_SIBILANT_END) or not word[-1:].isalpha():
        return [word]
    forms = [word, word + "s"]
    # Monosyllabic-looking heads take -es too ("Hauses" is covered by sibilant rule below).
    if word.endswith(("t", "d")) and len(word) > 2:
        forms.append(word + "es")
    return forms


def head_noun_forms(word: str) -> list[str]:
    """Case forms of the head noun of a multi-word name ("Haus" -> "Hauses")."""
    if word.endswith(("s", "ß", "x", "z")):
        return [word, word + "es"]
    return [word, word + "s", word + "es"]


def _adjective_stem(word: str) -> str | None:
    """The stem of a capitalised attributive adjective ("Weißes" -> "Weiß"), else None."""
    for suffix in ("es", "er", "en", "em", "e"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return None


def name_variants(name: str, *, genitive_s: bool = True) -> list[str]:
    """Inflected variants of a (possibly multi-word) name, base form first.

    Single words get the genitive ("Moskau" -> "Moskaus") when ``genitive_s``; in
    multi-word names every leading adjective takes all endings and the last word its
    case forms ("Weißes Haus" -> "Weißen Hauses", "Vereinte Nationen" -> "Vereinten
    Nationen").
    """
    words = name.split(" ")
    if len(words) == 1:
        return genitive(name) if genitive_s else [name]
    options: list[list[str]] = []
    for i, word in enumerate(words):
        last = i == len(words) - 1
        stem = None if last else _adjective_stem(word)
        if stem and word[:1].isupper():
            options.append([word] + [stem + e for e in ADJ_ENDINGS if stem + e != word])
        elif last and genitive_s:
            options.append(head_noun_forms(word))
        else:
            options.append([word])
    variants = [""]
    for opts in options:
        variants = [f"{v} {o}".strip() for v in variants for o in opts]
    # keep the base form first
    return [name] + [v for v in dict.fromkeys(variants) if v != name]


def adjective_forms(stem: str) -> list[str]:
    """Lower-cased forms of an adjective stem ("russisch" -> "russische", "russischen" …)."""
    stem = stem.lower()
    return [stem] + [stem + e for e in ADJ_ENDINGS]


def noun_forms(noun: str, *, feminine: bool = True) -> list[str]:
    """Case and number forms of a role noun; with ``feminine`` also "-in"/"-innen".

    Nominalised adjectives ("Außenbeauftragter") are handled via explicit ``forms`` in
    the data file; here simple suffixing covers the common strong and weak nouns.
    """
    forms = [noun, noun + "s", noun + "n", noun + "en", noun + "e", noun + "es"]
    if noun.endswith("e"):
        forms.append(noun + "n")
    if feminine:
        base = noun[:-1] if noun.endswith("e") else noun
        forms += [base + "in", base + "innen"]
    return list(dict.fromkeys(forms))


def phrase_forms(phrase: str) -> list[str]:
    """Forms of a descriptive phrase ("westliche Staaten"): adjectives take all endings,
    the head noun plural/case endings."""
    words = phrase.split(" ")
    options: list[list[str]] = []
    for i, word in enumerate(words):
        if i < len(words) - 1 and word[:1].islower():
            stem = word
            for suffix in _ADJ_SUFFIXES:
                if word.endswith(suffix) and len(word) > 4:
                    stem = word[: -len(suffix)]
                    break
            options.append([stem + e for e in ADJ_ENDINGS])
        elif i == len(words) - 1:
            forms = [word, word + "n", word + "s", word + "es", word + "en"]
            if word.endswith("nis"):
                forms += [word + "se", word + "ses", word + "sen"]  # "Bündnisses"
            if word.endswith("e"):
                forms.append(word + "n")
            options.append(forms)
        else:
            options.append([word])
    variants = [""]
    for opts in options:
        variants = [f"{v} {o}".strip() for v in variants for o in opts]
    return list(dict.fromkeys([phrase] + variants))
