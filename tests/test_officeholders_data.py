"""Checks of the office-holder knowledge file ``actors/data/officeholders.yml``.

The file is hand-written knowledge; these tests guard its schema, its internal consistency and a
table of well-known facts, so that a careless edit (a swapped date, a typo in a role or country
code, an alias that suddenly points to two people) fails loudly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from lagebild.actors.knowledge import ROLE_TYPES

REPO = Path(__file__).resolve().parents[1]
DATA_FILE = REPO / "src" / "lagebild" / "actors" / "data" / "officeholders.yml"

PERSON_KEYS = {"name", "wikidata", "gender", "aliases", "roles"}
ROLE_KEYS = {"role", "actor", "start", "end"}
ROLES = set(ROLE_TYPES)
ORGANISATIONS = set("NATO EU UN OSCE G7 G20 AU ECOWAS IAEA WHO IMF WB ASEAN AL OPEC COE".split())
GROUPS = {"HAMAS", "HEZBOLLAH", "ISIS", "TALIBAN", "HTS", "MLIMIL"}
# Codes outside ISO 3166-1 that the project uses for states.
EXTRA_STATES = {"XKX"}
STATE_ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")

# Surface forms deliberately shared by several persons (the linker must disambiguate by date or
# context). Empty on purpose: every surname alias in the file is currently unique. A new
# collision must be added here consciously, and a stale entry fails the test as well.
AMBIGUOUS_ALIASES: dict[str, set[str]] = {}

WIKIDATA_QID = re.compile(r"^Q[1-9][0-9]*$")


def _state_codes() -> set[str]:
    pycountry = pytest.importorskip("pycountry")
    return {country.alpha_3 for country in pycountry.countries} | EXTRA_STATES


@pytest.fixture(scope="module")
def persons() -> list[dict]:
    with DATA_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, list)
    return data


def _holders(persons: list[dict], role: str, actor: str, day: dt.date) -> list[str]:
    """Names holding ``role`` for ``actor`` on ``day`` (start inclusive, end exclusive)."""
    return [
        person["name"]
        for person in persons
        for entry in person["roles"]
        if entry["role"] == role
        and entry["actor"] == actor
        and entry["start"] <= day
        and (entry["end"] is None or day < entry["end"])
    ]


def test_file_is_large_enough(persons: list[dict]) -> None:
    assert len(persons) >= 400
    assert sum(len(person["roles"]) for person in persons) >= 600


def test_person_schema(persons: list[dict]) -> None:
    for person in persons:
        assert set(person) == PERSON_KEYS, person.get("name")
        assert isinstance(person["name"], str) and person["name"].strip() == person["name"] != ""
        qid = person["wikidata"]
        assert qid is None or WIKIDATA_QID.match(qid), (person["name"], qid)
        assert person["gender"] in {"m", "f", None}, person["name"]
        aliases = person["aliases"]
        assert isinstance(aliases, list), person["name"]
        assert all(isinstance(alias, str) and alias.strip() == alias != "" for alias in aliases)
        assert person["name"] not in aliases, person["name"]
        assert len(set(aliases)) == len(aliases), person["name"]
        assert person["roles"], person["name"]


def test_role_schema_and_codes(persons: list[dict]) -> None:
    states = _state_codes()
    for person in persons:
        for entry in person["roles"]:
            assert set(entry) == ROLE_KEYS, (person["name"], entry)
            assert entry["role"] in ROLES, (person["name"], entry)
            assert entry["actor"] in states | ORGANISATIONS | GROUPS, (person["name"], entry)
            # Unquoted YYYY-MM-DD is parsed by safe_load into a date; a string means a typo.
            assert type(entry["start"]) is dt.date, (person["name"], entry)
            assert entry["end"] is None or type(entry["end"]) is dt.date, (person["name"], entry)
            assert entry["start"] >= dt.date(1950, 1, 1), (person["name"], entry)
            if entry["end"] is not None:
                assert entry["start"] <= entry["end"], (person["name"], entry)


def test_everyone_held_an_office_in_the_covered_period(persons: list[dict]) -> None:
    """Earlier offices may be listed as context, but each person must matter from 2014 on."""
    period_start = dt.date(2014, 1, 1)
    for person in persons:
        ends = [entry["end"] for entry in person["roles"]]
        assert any(end is None or end > period_start for end in ends), person["name"]


def test_no_overlapping_identical_roles(persons: list[dict]) -> None:
    far_future = dt.date.max
    for person in persons:
        spans = defaultdict(list)
        for entry in person["roles"]:
            spans[(entry["role"], entry["actor"])].append(
                (entry["start"], entry["end"] or far_future)
            )
        for key, intervals in spans.items():
            intervals.sort()
            for (_, end), (next_start, _) in zip(intervals, intervals[1:], strict=False):
                assert next_start >= end, (person["name"], key, intervals)


def test_names_unique(persons: list[dict]) -> None:
    names = [person["name"] for person in persons]
    assert len(names) == len(set(names))


def test_wikidata_ids_unique(persons: list[dict]) -> None:
    qids = [person["wikidata"] for person in persons if person["wikidata"]]
    assert len(qids) == len(set(qids))


def test_surface_forms_point_to_one_person_unless_listed(persons: list[dict]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person in persons:
        for form in [person["name"], *person["aliases"]]:
            owners[form.casefold()].add(person["name"])
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    assert shared == {form.casefold(): names for form, names in AMBIGUOUS_ALIASES.items()}


def test_state_roles_have_at_most_one_open_holder(persons: list[dict]) -> None:
    open_holders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for person in persons:
        for entry in person["roles"]:
            if entry["role"] in STATE_ROLES and entry["end"] is None:
                open_holders[(entry["role"], entry["actor"])].append(person["name"])
    crowded = {key: names for key, names in open_holders.items() if len(names) > 1}
    assert crowded == {}


@pytest.mark.parametrize(
    ("role", "actor", "day", "expected"),
    [
        ("secretary_general", "NATO", "2022-01-04", "Jens Stoltenberg"),
        ("secretary_general", "NATO", "2014-06-01", "Anders Fogh Rasmussen"),
        ("secretary_general", "NATO", "2024-10-01", "Mark Rutte"),
        ("head_of_government", "DEU", "2020-06-01", "Angela Merkel"),
        ("head_of_government", "DEU", "2023-06-01", "Olaf Scholz"),
        ("head_of_government", "DEU", "2025-06-01", "Friedrich Merz"),
        ("head_of_state", "DEU", "2016-01-01", "Joachim Gauck"),
        ("head_of_state", "USA", "2016-01-01", "Barack Obama"),
        ("head_of_state", "USA", "2019-01-01", "Donald Trump"),
        ("head_of_state", "USA", "2022-01-01", "Joe Biden"),
        ("head_of_state", "USA", "2025-06-01", "Donald Trump"),
        ("foreign_minister", "USA", "2022-01-01", "Antony Blinken"),
        ("foreign_minister", "USA", "2025-06-01", "Marco Rubio"),
        ("foreign_minister", "RUS", "2022-03-01", "Sergej Lawrow"),
        ("defence_minister", "RUS", "2022-03-01", "Sergej Schoigu"),
        ("head_of_state", "UKR", "2018-06-01", "Petro Poroschenko"),
        ("head_of_state", "UKR", "2020-06-01", "Wolodymyr Selenskyj"),
        ("foreign_minister", "UKR", "2022-03-01", "Dmytro Kuleba"),
        ("foreign_minister", "DEU", "2019-01-01", "Heiko Maas"),
        ("foreign_minister", "DEU", "2023-01-01", "Annalena Baerbock"),
        ("defence_minister", "DEU", "2022-06-01", "Christine Lambrecht"),
        ("head_of_government", "GBR", "2022-10-01", "Liz Truss"),
        ("head_of_government", "GBR", "2018-01-01", "Theresa May"),
        ("head_of_state", "FRA", "2016-01-01", "François Hollande"),
        ("president", "EU", "2017-01-01", "Jean-Claude Juncker"),
        ("president", "EU", "2021-01-01", "Ursula von der Leyen"),
        ("high_representative", "EU", "2020-01-01", "Josep Borrell"),
        ("secretary_general", "UN", "2015-01-01", "Ban Ki-moon"),
        ("secretary_general", "UN", "2020-01-01", "António Guterres"),
        ("head_of_government", "ISR", "2022-01-01", "Naftali Bennett"),
        ("head_of_government", "ISR", "2024-01-01", "Benjamin Netanjahu"),
        ("head_of_state", "SYR", "2020-01-01", "Baschar al-Assad"),
        ("head_of_state", "TUR", "2020-01-01", "Recep Tayyip Erdoğan"),
        ("head_of_state", "CHN", "2020-01-01", "Xi Jinping"),
        ("head_of_government", "JPN", "2019-01-01", "Shinzo Abe"),
        ("head_of_government", "ITA", "2021-06-01", "Mario Draghi"),
        ("head_of_government", "HUN", "2020-01-01", "Viktor Orbán"),
        ("head_of_state", "BLR", "2020-01-01", "Alexander Lukaschenko"),
        ("spokesperson", "RUS", "2019-01-01", "Dmitri Peskow"),
        ("secretary_general", "HEZBOLLAH", "2020-01-01", "Hassan Nasrallah"),
    ],
)
def test_known_office_holders(
    persons: list[dict], role: str, actor: str, day: str, expected: str
) -> None:
    holders = _holders(persons, role, actor, dt.date.fromisoformat(day))
    assert expected in holders
    if role != "spokesperson":
        assert holders == [expected]


@pytest.mark.parametrize(
    ("name", "expected_roles"),
    [
        ("Jens Stoltenberg", {("secretary_general", "NATO"), ("finance_minister", "NOR")}),
        ("Mark Rutte", {("head_of_government", "NLD"), ("secretary_general", "NATO")}),
        ("Olaf Scholz", {("finance_minister", "DEU"), ("head_of_government", "DEU")}),
        ("Frank-Walter Steinmeier", {("foreign_minister", "DEU"), ("head_of_state", "DEU")}),
        ("Kaja Kallas", {("head_of_government", "EST"), ("high_representative", "EU")}),
        ("Donald Tusk", {("head_of_government", "POL")}),
        ("Denys Schmyhal", {("head_of_government", "UKR"), ("defence_minister", "UKR")}),
    ],
)
def test_people_with_several_offices(
    persons: list[dict], name: str, expected_roles: set[tuple[str, str]]
) -> None:
    (person,) = [person for person in persons if person["name"] == name]
    assert expected_roles <= {(entry["role"], entry["actor"]) for entry in person["roles"]}


def test_trump_has_two_separate_terms(persons: list[dict]) -> None:
    (trump,) = [person for person in persons if person["name"] == "Donald Trump"]
    terms = [entry for entry in trump["roles"] if entry["role"] == "head_of_state"]
    assert [(term["start"], term["end"]) for term in terms] == [
        (dt.date(2017, 1, 20), dt.date(2021, 1, 20)),
        (dt.date(2025, 1, 20), None),
    ]


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Selenskyj", "Wolodymyr Selenskyj"),
        ("Zelensky", "Wolodymyr Selenskyj"),
        ("Lawrow", "Sergej Lawrow"),
        ("Lavrov", "Sergej Lawrow"),
        ("Schoigu", "Sergej Schoigu"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Netanyahu", "Benjamin Netanjahu"),
        ("Javad Zarif", "Mohammad Dschawad Sarif"),
        ("Xi", "Xi Jinping"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Peskow", "Dmitri Peskow"),
        ("Sacharowa", "Maria Sacharowa"),
        ("Lukaschenko", "Alexander Lukaschenko"),
        ("Kuleba", "Dmytro Kuleba"),
    ],
)
def test_german_and_english_surface_forms(persons: list[dict], surface: str, expected: str) -> None:
    owners = [
        person["name"]
        for person in persons
        if surface.casefold() in {form.casefold() for form in [person["name"], *person["aliases"]]}
    ]
    assert owners == [expected]


G20_STATES = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
NATO_STATES = (
    "ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR "
    "POL PRT ROU SVK SVN ESP SWE TUR GBR USA"
).split()
EU_STATES = (
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT "
    "ROU SVK SVN ESP SWE"
).split()
EXTRA_COVERED = (
    "UKR RUS BLR ISR IRN SYR PRK KOR JPN SRB XKX MDA GEO ARM AZE PSE QAT EGY MLI NER BFA VEN TWN"
).split()
COVERED_STATES = sorted(set(G20_STATES + NATO_STATES + EU_STATES + EXTRA_COVERED))


@pytest.mark.parametrize("day", ["2014-03-01", "2018-01-01", "2020-06-01", "2023-06-01"])
@pytest.mark.parametrize("role", ["head_of_state", "head_of_government"])
def test_every_covered_state_has_exactly_one_leader(
    persons: list[dict], role: str, day: str
) -> None:
    date = dt.date.fromisoformat(day)
    wrong = {
        code: holders
        for code in COVERED_STATES
        if len(holders := _holders(persons, role, code, date)) != 1
    }
    assert wrong == {}
