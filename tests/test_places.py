"""lagebild_places and the gazetteer: German names, base forms, countries, coordinates."""

from __future__ import annotations

import pytest

import lagebild
from lagebild.analysis import make_doc
from lagebild.doc_ext import ENTITY_KEY
from lagebild.errors import KnowledgeFileError
from lagebild.geo.gazetteer import Gazetteer, lookup
from lagebild.records import Article, Geo


@pytest.fixture(scope="module")
def blank():
    return lagebild.build("blank")


@pytest.mark.parametrize(
    "name,base,country",
    [
        ("Moskaus", "Moskau", "RUS"),
        ("Genf", "Genf", "CHE"),
        ("Brüssel", "Brüssel", "BEL"),
        ("Peking", "Peking", "CHN"),
        ("Wien", "Wien", "AUT"),
        ("Kiew", "Kiew", "UKR"),
        ("Russlands", "Russland", "RUS"),
        ("Japanischen Meer", "Japanisches Meer", None),
        ("Schwarze Meer", "Schwarzes Meer", None),
        ("Krim", "Krim", "UKR"),
        ("Bosporus", "Bosporus", "TUR"),
        ("Tel Aviv", "Tel Aviv", "ISR"),
        ("New York", "New York", "USA"),
    ],
)
def test_curated_names_and_base_forms(name, base, country):
    place = lookup(name)
    assert place is not None and place.name == base and place.country == country
    assert place.has_coordinates


@pytest.mark.parametrize(
    "name,country",
    [
        ("Kyjiw", "UKR"),
        ("Mailand", "ITA"),
        ("Mitrovica", "XKX"),
        ("Lemberg", "UKR"),
        ("Danzig", "POL"),
    ],
)
def test_geonames_fallback_knows_german_exonyms(name, country):
    place = lookup(name)
    assert place is not None and place.country == country


@pytest.mark.parametrize(
    "context,country", [((), "EGY"), (("USA",), "USA"), (("FRA", "USA"), "USA")]
)
def test_ambiguous_names_prefer_context_countries(context, country):
    assert lookup("Alexandria", context).country == country


def test_unknown_name_gives_none():
    assert lookup("Nirgendwoheim") is None


@pytest.mark.parametrize(
    "text,name,base,country",
    [
        ("Die Gespräche finden in Genf statt.", "Genf", "Genf", "CHE"),
        ("Raketen stürzten ins Japanische Meer.", "Japanische Meer", "Japanisches Meer", None),
        ("Die Haltung Moskaus bleibt hart.", "Moskaus", "Moskau", "RUS"),
        ("Die Kämpfe im Norden der Ukraine dauern an.", "Ukraine", "Ukraine", "UKR"),
        ("Schiffe passieren den Bosporus.", "Bosporus", "Bosporus", "TUR"),
        (
            "Die Polizei umstellte das Kloster Zelenika nahe der Stadt Mitrovica.",
            "Kloster Zelenika",
            "Kloster Zelenika",
            "XKX",
        ),
    ],
)
def test_component_geocodes_loc_entities(blank, text, name, base, country):
    doc = blank(make_doc(blank, Article(text=text, published="2023-05-01")))
    spans = {s.text: s for s in doc.spans[ENTITY_KEY]}
    span = spans[name]
    assert span.label_ == "LOC"
    assert isinstance(span._.geo, Geo) and span._.geo.country == country
    assert span._.name == base


def test_political_west_is_not_geocoded(blank):
    doc = blank(make_doc(blank, Article(text="Der Westen verhängte Sanktionen.")))
    (span,) = doc.spans[ENTITY_KEY]
    assert span._.actor == "WST" and span._.geo is None


def test_user_place_file(tmp_path):
    path = tmp_path / "places.yml"
    path.write_text(
        "- {name: Neu-Beispielstadt, type: city, country: DEU, lat: 50.1, lon: 8.6}\n",
        encoding="utf-8",
    )
    place = Gazetteer([path]).lookup("Neu-Beispielstadt")
    assert (place.country, place.lat, place.lon) == ("DEU", 50.1, 8.6)


@pytest.mark.parametrize(
    "content",
    [
        "- {name: Irgendwo, type: planet}\n",
        "- {name: Irgendwo, lat: 1.0}\n",
        "- {type: city}\n",
        "nur: text\n",
    ],
)
def test_bad_place_file_raises_e110(tmp_path, content):
    path = tmp_path / "bad.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeFileError) as info:
        Gazetteer([path])
    assert info.value.code == "E110"
