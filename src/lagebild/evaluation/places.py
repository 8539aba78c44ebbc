"""Event places compared by what they denote, not by how they are spelled.

Gold says "Kiew", the system "Kyjiw"; gold "Washington, D.C.", the system "Washington";
gold "Moskau", the system "Moskaus". Each is the same place. :func:`same_place` resolves
both names with the packaged gazetteer (:func:`lagebild.geo.gazetteer.lookup`, no article
context) and compares the places found; a name the gazetteer does not know is compared as
a normalised string (case, Unicode form, punctuation and spacing ignored).

Two resolved places are the same when they are the same state (a state is placed at its
capital, so "Ukraine" must not equal "Kiew"), or places of the same type and country whose
names are equal or whose coordinates are less than :data:`SAME_PLACE_KM` apart (the
curated "Kiew" and GeoNames' "Kyiv" are two entries for one city).
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from ..geo.gazetteer import Place, lookup

SAME_PLACE_KM = 10.0
# "Washington, D.C.", "Frankfurt (Oder)": a qualifier after a comma or in parentheses.
_QUALIFIER = re.compile(r"\s*(?:,.*|\(.*\))$")
_NOT_WORD = re.compile(r"[^\w]+")


def normalise(name: str) -> str:
    """Case, Unicode form, punctuation and spacing out ("Washington, D.C." → "washington d c")."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


@lru_cache(maxsize=4096)
def resolve(name: str) -> Place | None:
    """The gazetteer's place for ``name``, or for ``name`` without its qualifier."""
    name = " ".join(name.split())
    if not name:
        return None
    place = lookup(name)
    if place is None:
        bare = _QUALIFIER.sub("", name)
        if bare and bare != name:
            place = lookup(bare)
    return place


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat or 0.0), math.radians(b.lat or 0.0)
    dp, dl = p2 - p1, math.radians((b.lon or 0.0) - (a.lon or 0.0))
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def same_resolved(a: Place, b: Place) -> bool:
    """One place: the same state, or same type and country with equal names or nearly the
    same coordinates."""
    if a.type != b.type or a.country != b.country:
        return False
    if a.type == "country" or a.name == b.name:
        return True
    return a.has_coordinates and b.has_coordinates and _km(a, b) < SAME_PLACE_KM


def same_place(gold: str | None, pred: str | None) -> bool:
    """Gold and predicted place name denote one place; null equals null only."""
    if not gold or not pred:
        return not gold and not pred
    if normalise(gold) == normalise(pred):
        return True
    a, b = resolve(gold), resolve(pred)
    return a is not None and b is not None and same_resolved(a, b)
