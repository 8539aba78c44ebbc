""""Bundes-" institutions follow the country of the article: Austria and Switzerland too.

The packaged knowledge reads "Bundes-" as Germany (the ``Bundes`` prefix of DEU in
``states.yml``; "Bundesregierung", "Bundesrat" in ``organisations.yml``). But Austria has a
Bundesregierung, a Bundeskanzler and a Bundesrat, and Switzerland's government is the
Bundesrat. :func:`rebind_federal` re-reads the DEU of such a word, in this order:

1. a role right before a known person takes the person's country ("Bundeskanzler Karl
   Nehammer" → AUT, "Bundeskanzler Olaf Scholz" → DEU, whatever the article);
2. a national adjective right before the word decides ("die österreichische
   Bundesregierung" → AUT, "der schweizerische Bundesrat" → CHE, "die deutsche
   Bundesregierung" → DEU);
3. otherwise the article's country (:func:`federal_country`) when it is clearly Austrian or
   Swiss. Names only Germany has ("Bundestag", "Bundeswehr") always stay DEU.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc

from ..doc_ext import doc_lowers
from .candidates import Candidate
from .context import RolePhrase
from .knowledge import Knowledge

FEDERAL_FILE = Path(__file__).parent / "data" / "federal.yml"
FEDERAL_STATES = ("AUT", "CHE", "DEU")
PREFIX = "Bundes"
# A foreign country wins only with this many points and more than 3x Germany's.
MIN_POINTS = 2
OVER_GERMANY = 3


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """(cue word → countries, German-only names) from ``data/federal.yml``."""
    raw = yaml.safe_load(FEDERAL_FILE.read_text(encoding="utf-8"))
    cues: dict[str, list[str]] = {}
    for code, words in raw["cues"].items():
        for word in words:
            cues.setdefault(str(word), []).append(code)
    return {w: tuple(c) for w, c in cues.items()}, frozenset(raw["german_only"])


def federal_points(
    doc: Doc, kb: Knowledge, chosen: list[Candidate], actors: list[str | None]
) -> Counter[str]:
    """Points per country (AUT, CHE, DEU): cue words, national adjectives, known persons."""
    cues, _ = _data()
    points: Counter[str] = Counter()
    for lower in doc_lowers(doc):
        for code in cues.get(lower, ()):
            points[code] += 1
        code = kb.adjectives.get(lower)
        if code in FEDERAL_STATES:
            points[code] += 1
    persons = {
        (doc[c.start : c.end].text, actor)
        for c, actor in zip(chosen, actors, strict=True)
        if c.label == "PER" and actor in FEDERAL_STATES
    }
    points.update(actor for _, actor in persons)
    return points


def federal_country(
    doc: Doc, kb: Knowledge, chosen: list[Candidate], actors: list[str | None],
    dominant: str | None = None,
) -> str | None:
    """AUT or CHE when the article is clearly Austrian or Swiss, else None.

    Clearly: the country is the article's dominant state, or it has at least
    :data:`MIN_POINTS` points, more than the other one and more than :data:`OVER_GERMANY`
    times Germany's (a German article about a visit to Vienna stays German).
    """
    if dominant in ("AUT", "CHE"):
        return dominant
    points = federal_points(doc, kb, chosen, actors)
    aut, che, deu = points["AUT"], points["CHE"], points["DEU"]
    best, score, other = ("AUT", aut, che) if aut >= che else ("CHE", che, aut)
    if score >= MIN_POINTS and score > other and score > OVER_GERMANY * deu:
        return best
    return None


def _adjective_before(doc: Doc, kb: Knowledge, start: int) -> str | None:
    if start == 0:
        return None
    code = kb.adjectives.get(doc[start - 1].lower_)
    return code if code in FEDERAL_STATES else None


def _is_federal(text: str, german_only: frozenset[str]) -> bool:
    return text.startswith(PREFIX) and text not in german_only


def rebind_federal(
    doc: Doc,
    kb: Knowledge,
    chosen: list[Candidate],
    actors: list[str | None],
    roles: list[RolePhrase],
    role_before: dict[int, RolePhrase],
    dominant: str | None = None,
) -> None:
    """Give "Bundes-" entities (in ``actors``) and role phrases their country, in place."""
    _, german_only = _data()
    # Counting the article's cues reads every token: only done for articles with a
    # "Bundes-" word to re-read, and then once.
    counted: list[str | None] = []

    def country() -> str | None:
        if not counted:
            counted.append(federal_country(doc, kb, chosen, actors, dominant))
        return counted[0]

    for k, cand in enumerate(chosen):
        entry = cand.entry
        if actors[k] != "DEU" or entry is None or cand.label == "PER":
            continue
        if _is_federal(entry.name, german_only) and doc[cand.start].text.startswith(PREFIX):
            actors[k] = _adjective_before(doc, kb, cand.start) or country() or "DEU"
    named = {}
    for cand, actor in zip(chosen, actors, strict=True):
        if cand.label == "PER" and cand.entry is not None and actor in FEDERAL_STATES:
            named[cand.start] = actor
    for phrase in roles:
        head = doc[phrase.head].text
        if phrase.actor != "DEU" or not _is_federal(head, german_only):
            continue
        person = next((s for s, p in role_before.items() if p is phrase and s in named), None)
        phrase.actor = (
            (named[person] if person is not None else None)
            or _adjective_before(doc, kb, phrase.head)
            or country()
            or "DEU"
        )
