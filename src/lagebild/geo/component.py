"""Component ``lagebild_places``: place mentions geocoded with the shipped gazetteer.

Runs after ``lagebild_actors``. For every LOC entity that is a place (not the
political "Westen") it sets ``span._.geo`` to a :class:`lagebild.records.Geo` and
``span._.name`` to the place's base form ("Moskaus" -> "Moskau", "Japanischen Meer" ->
"Japanisches Meer"). Ambiguous names prefer the countries the article names.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doc_ext import ENTITY_KEY
from ..records import Geo
from .gazetteer import Gazetteer, default_gazetteer


class PlaceResolver:
    """Sets ``span._.geo`` and the base-form ``span._.name`` on LOC entities."""

    def __init__(self, nlp: Language, name: str, user_files: list[str]) -> None:
        self.name = name
        self.user_files = list(user_files)
        self.gazetteer = Gazetteer(self.user_files) if self.user_files else default_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        if ENTITY_KEY not in doc.spans:
            return doc
        # one pass over the group: iterating it builds a new Span per entity
        group = list(doc.spans[ENTITY_KEY])
        spans = [s for s in group if s.label_ == "LOC" and s._.actor != "WST"]
        if not spans:
            return doc
        context = tuple(dict.fromkeys(s._.actor for s in group if s._.actor))
        unresolved, located = [], []
        for span in spans:
            place, matched = None, None
            for candidate in dict.fromkeys((span._.name, span.text)):
                if candidate:
                    place = self.gazetteer.lookup(candidate, context)
                    if place is not None:
                        matched = candidate
                        break
            if place is None or not place.has_coordinates:
                unresolved.append(span)
                continue
            if place.type != "country":
                located.append(span)
            span._.geo = Geo(round(place.lat, 4), round(place.lon, 4), place.country)
            if self.gazetteer.base_form(matched) is not None:
                span._.name = place.name
            elif matched and matched not in place.name and matched.endswith("s"):
                # GeoNames hit found without the genitive -s ("Mitrovicas")
                span._.name = matched[:-1]
        for span in unresolved:
            _place_by_neighbour(span, located)
        return doc


def _place_by_neighbour(span: Span, located: list[Span]) -> None:
    """A site unknown to the gazetteer ("Kloster Banjska") lies where the nearest place
    (not a country) named before it lies, else the nearest one after it."""
    best = None
    for other in located:
        geo = other._.geo
        distance = span.start - other.start
        key = (distance < 0, abs(distance))
        if best is None or key < best[0]:
            best = (key, geo)
    if best is not None:
        span._.geo = best[1]
        span._.name = span._.name or span.text


@Language.factory("lagebild_places", default_config={"user_files": []})
def make_places(nlp: Language, name: str, user_files: list[str]) -> PlaceResolver:
    """Factory of the ``lagebild_places`` component; ``user_files`` add place YAML files."""
    return PlaceResolver(nlp, name, user_files)
