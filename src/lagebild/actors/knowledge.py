"""Loading and validating the actor knowledge files into lookup tables.

Packaged files (``actors/data``): ``states.yml``, ``organisations.yml``, ``regions.yml``,
``officeholders.yml``, ``roles.yml``, ``groups.yml``, ``firstnames.tsv``; the curated place names of
``geo/data/places.yml`` are read too, so that regions, seas and buildings are found as
LOC entities. User files (the component's ``user_files``) are YAML lists whose entries
follow the packaged schemas: an entry with ``roles`` is a person (officeholders schema),
an entry with ``kind: state`` a state (states schema), an entry with ``kind: group`` a group
description (``groups.yml`` schema), any other entry with ``name`` an organisation, body or
group (organisations schema). User entries win over packaged ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeFileError
from .inflect import adjective_forms, genitive, name_variants, noun_forms, phrase_forms

DATA_DIR = Path(__file__).parent / "data"
PLACES_FILE = Path(__file__).parents[1] / "geo" / "data" / "places.yml"
ROLE_TYPES = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "finance_minister",
    "secretary_general",
    "president",
    "high_representative",
    "spokesperson",
    "other",
)
# Resolution order when one entry's surface form collides with another's.
_KIND_RANK = {"state": 0, "org": 1, "region": 2, "person": 3, "capital": 4, "place": 5}


@dataclass(frozen=True)
class Role:
    """One office of a person: what it is, whom it acts for, and when."""

    role: str
    actor: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def distance(self, day: dt.date) -> int:
        """Days between ``day`` and this role's term (0 inside the term)."""
        if self.covers(day):
            return 0
        if self.start is not None and day < self.start:
            return (self.start - day).days
        return (day - self.end).days if self.end is not None else 0


@dataclass(frozen=True)
class Person:
    """A known office holder with dated roles."""

    name: str
    wikidata: str | None
    gender: str | None
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_at(self, day: dt.date | None) -> Role | None:
        """The role that decides whom this person acts for on ``day``.

        The role whose term covers the day; else the role that ended most recently (a
        former minister still speaks for what they served, not yet for a later office);
        before any term, the first one; with no day, the most recent role.
        """
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=lambda r: r.start or dt.date.min)
        covering = [r for r in self.roles if r.covers(day)]
        if covering:
            # several offices at once: prefer the one taken up most recently
            return max(covering, key=lambda r: r.start or dt.date.min)
        ended = [r for r in self.roles if r.end is not None and r.end <= day]
        if ended:
            return max(ended, key=lambda r: r.end)
        return min(self.roles, key=lambda r: r.distance(day))

    def actor_at(self, day: dt.date | None) -> str | None:
        """The actor code this person acts for on ``day`` (see :meth:`role_at`)."""
        role = self.role_at(day)
        return role.actor if role else None


@dataclass(frozen=True)
class NameEntry:
    """A name the matcher finds: its canonical form, entity type, actor and kind."""

    name: str
    label: str
    actor: str | None
    kind: str
    wikidata: str | None = None
    person: Person | None = None
    # for capitals and seats: the actor the city stands for when used as a metonym
    metonym: str | None = None
    # for places: the country they lie in (places.yml ``country``)
    country: str | None = None


@dataclass(frozen=True)
class RoleNoun:
    """A function noun: person role (with gender) or collective body."""

    role: str
    collective: bool
    gender: str | None
    relational: bool = False


@dataclass(frozen=True)
class GroupNoun:
    """A group description ("Demonstranten", "die Armee"): its sector suffix (CIV, OPP, MIL;
    None = the state itself) or a fixed code; ``qualified_only`` groups need their
    country named next to them."""

    sector: str | None = None
    code: str | None = None
    qualified_only: bool = False
    abroad: bool = False

    def actor(self, country: str | None) -> str | None:
        """The actor code of this group for ``country`` (None when it needs one)."""
        if self.code:
            return self.code
        if not country:
            return None
        return country + (self.sector or "")


@dataclass
class Knowledge:
    """All lookup tables of ``lagebild_actors``; built by :func:`load_knowledge`."""

    entries: list[NameEntry] = field(default_factory=list)
    forms: dict[str, int] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)
    roles: dict[str, RoleNoun] = field(default_factory=dict)
    nominals: dict[str, tuple[str, bool]] = field(default_factory=dict)
    first_names: dict[str, str] = field(default_factory=dict)
    persons: list[Person] = field(default_factory=list)
    seats: dict[str, str] = field(default_factory=dict)
    ambiguous: frozenset[str] = frozenset()
    singular_roles: set[str] = field(default_factory=set)
    site_words: frozenset[str] = frozenset()
    settlement_words: frozenset[str] = frozenset()
    body_heads: tuple[str, ...] = ()
    groups: dict[str, GroupNoun] = field(default_factory=dict)
    state_codes: set[str] = field(default_factory=set)
    # word -> ``context.role_of`` result; filled while documents are read, after loading
    role_cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def add_name(self, entry: NameEntry, forms: Iterable[str], *, override: bool = False) -> None:
        """Register ``entry`` under each surface form; the better-ranked kind keeps a form."""
        self.entries.append(entry)
        idx = len(self.entries) - 1
        for form in _with_swiss_spelling(forms):
            old = self.forms.get(form)
            if old is None or override:
                self.forms[form] = idx
                continue
            if _KIND_RANK[entry.kind] < _KIND_RANK[self.entries[old].kind]:
                self.forms[form] = idx

    def entry_for(self, text: str) -> NameEntry | None:
        idx = self.forms.get(text)
        return None if idx is None else self.entries[idx]


def _with_swiss_spelling(forms: Iterable[str]) -> list[str]:
    """The forms plus their Swiss spelling without ß ("Weisses Haus", "Aussenminister")."""
    forms = list(forms)
    return forms + [f.replace("ß", "ss") for f in forms if "ß" in f]


def _read_yaml(path: Path) -> object:
    try:
        # the C loader when available: the packaged files parse ~10x faster
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    except OSError as exc:
        raise KnowledgeFileError(f"cannot read knowledge file: {exc}", where=str(path)) from exc
    except yaml.YAMLError as exc:
        raise KnowledgeFileError(f"invalid YAML: {exc}", where=str(path)) from exc


def _as_list(data: object, path: Path) -> list[dict]:
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise KnowledgeFileError("expected a YAML list of mappings", where=str(path))
    return data


def _date(value: object, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise KnowledgeFileError(f"bad date {value!r}", where=where) from exc


def parse_person(entry: dict, where: str) -> Person:
    """A :class:`Person` from an officeholders.yml entry (validated)."""
    name = entry.get("name")
    if not name or not isinstance(name, str):
        raise KnowledgeFileError(f"person entry without a name: {entry!r}", where=where)
    roles = []
    for raw in entry.get("roles") or []:
        if not isinstance(raw, dict) or "actor" not in raw:
            raise KnowledgeFileError(f"{name}: role without actor: {raw!r}", where=where)
        role = raw.get("role", "other")
        if role not in ROLE_TYPES:
            raise KnowledgeFileError(f"{name}: unknown role {role!r}", where=where)
        roles.append(
            Role(
                role,
                str(raw["actor"]),
                _date(raw.get("start"), where),
                _date(raw.get("end"), where),
            )
        )
    gender = entry.get("gender")
    if gender not in (None, "m", "f"):
        raise KnowledgeFileError(f"{name}: gender must be m, f or null", where=where)
    return Person(
        name=name,
        wikidata=entry.get("wikidata"),
        gender=gender,
        aliases=tuple(str(a) for a in entry.get("aliases") or ()),
        roles=tuple(roles),
    )


def _person_forms(person: Person) -> list[str]:
    forms: list[str] = []
    names = [person.name, *person.aliases]
    # "de Mistura" opens a sentence as "De Mistura"
    names += [n[0].upper() + n[1:] for n in names if n[:1].islower()]
    for name in names:
        forms.append(name)
        last = name.rsplit(" ", 1)[-1]
        if last[:1].isupper() and not last.endswith(("s", "ß", "x", "z")):
            forms.append(name + "s")  # "Xis", "Blinkens", "Putins"
    return forms


class _Builder:
    def __init__(self) -> None:
        self.kb = Knowledge()

    def state(self, entry: dict, where: str, override: bool = False) -> None:
        code, name = entry.get("code"), entry.get("name")
        if not code or not name:
            raise KnowledgeFileError(f"state entry needs code and name: {entry!r}", where=where)
        gender = entry.get("gender", "n")
        names = [name, *(entry.get("alt") or [])]
        forms: list[str] = []
        for n in names:
            if " " in n:
                forms += name_variants(n)
            elif gender in ("n", "m"):
                forms += genitive(n)
            else:
                forms.append(n)
        self.kb.add_name(
            NameEntry(name, "LOC", code, "state", entry.get("wikidata")), forms, override=override
        )
        self.kb.state_codes.add(code)
        for prefix in (*names, *(entry.get("prefix") or [])):
            if " " not in prefix:
                self.kb.prefixes[prefix] = code
        if entry.get("adj"):
            for form in adjective_forms(entry["adj"]):
                self.kb.adjectives[form] = code
            self.kb.prefixes[entry["adj"].capitalize()] = code
        for city in filter(None, [entry.get("capital"), *(entry.get("seats") or [])]):
            label = "LOC"
            self.kb.add_name(
                NameEntry(city, label, None, "capital", metonym=code),
                genitive(city) if " " not in city else name_variants(city),
                override=override,
            )

    def organisation(self, entry: dict, where: str, kind: str, override: bool = False) -> None:
        name = entry.get("name")
        if not name:
            raise KnowledgeFileError(f"entry without a name: {entry!r}", where=where)
        code = entry.get("code")
        label = entry.get("label", "LOC" if kind == "region" else "ORG")
        if label not in ("PER", "ORG", "LOC", "MISC"):
            raise KnowledgeFileError(f"{name}: label must be PER, ORG, LOC or MISC", where=where)
        forms: list[str] = []
        for n in (name, *(entry.get("alt") or [])):
            forms += name_variants(n)
        self.kb.add_name(
            NameEntry(name, label, code, kind, entry.get("wikidata")), forms, override=override
        )
        if code:
            for prefix in entry.get("prefix") or []:
                self.kb.prefixes[prefix] = code
            for nominal in entry.get("nominal") or []:
                for form in phrase_forms(nominal):
                    # bloc descriptions ("westliche Staaten") stand alone; organisation
                    # descriptions ("das Bündnis") need the organisation named in the article
                    self.kb.nominals[form.lower()] = (code, kind != "region")
            for seat in entry.get("seats") or []:
                self.kb.seats[seat] = code

    def person(self, entry: dict, where: str, override: bool = False) -> None:
        person = parse_person(entry, where)
        self.kb.persons.append(person)
        self.kb.add_name(
            NameEntry(person.name, "PER", None, "person", person.wikidata, person),
            _person_forms(person),
            override=override,
        )

    def place(self, entry: dict, where: str) -> None:
        name = entry.get("name")
        if not name:
            raise KnowledgeFileError(f"place entry without a name: {entry!r}", where=where)
        forms: list[str] = []
        for n in (name, *(entry.get("alt") or [])):
            forms += name_variants(n)
        self.kb.add_name(
            NameEntry(name, "LOC", None, "place", country=entry.get("country")), forms
        )

    def roles(self, data: object, path: Path) -> None:
        if not isinstance(data, dict):
            raise KnowledgeFileError(
                "roles file must map person/collective to lists", where=str(path)
            )
        for group in ("person", "collective"):
            for entry in data.get(group) or []:
                noun = entry.get("noun")
                if not noun:
                    raise KnowledgeFileError(f"role entry without noun: {entry!r}", where=str(path))
                collective = group == "collective"
                feminine = entry.get("feminine", not collective)
                role = entry.get("role", "collective" if collective else "other")
                relational = noun in ("Partner", "Verbündeter")
                self.kb.singular_roles.add(noun)
                forms = noun_forms(noun, feminine=False) + list(entry.get("forms") or [])
                for form in _with_swiss_spelling(forms):
                    self.kb.roles.setdefault(
                        form, RoleNoun(role, collective, None if collective else "m", relational)
                    )
                if feminine:
                    base = noun[:-1] if noun.endswith("e") else noun
                    for form in _with_swiss_spelling((base + "in", base + "innen")):
                        self.kb.roles.setdefault(form, RoleNoun(role, collective, "f", relational))

    def groups(self, data: object, path: Path) -> None:
        if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
            raise KnowledgeFileError("groups file must hold a list `groups`", where=str(path))
        for entry in data["groups"]:
            self.group(entry, str(path))

    def group(self, entry: object, where: str) -> None:
        noun = entry.get("noun") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not noun:
            raise KnowledgeFileError(f"group entry without noun: {entry!r}", where=where)
        group = GroupNoun(
            entry.get("sector"), entry.get("code"), bool(entry.get("qualified_only")),
            bool(entry.get("abroad")),
        )
        forms = noun_forms(noun, feminine=False) + list(entry.get("forms") or [])
        for form in _with_swiss_spelling(forms):
            self.kb.groups[form] = group

    def first_names(self, path: Path) -> None:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, _, gender = line.partition("\t")
            self.kb.first_names.setdefault(name.strip(), gender.strip() or "m")


def load_knowledge(user_files: Sequence[str | Path] = ()) -> Knowledge:
    """Build the lookup tables from the packaged files plus ``user_files`` (which win)."""
    b = _Builder()
    for entry in _as_list(_read_yaml(DATA_DIR / "states.yml"), DATA_DIR / "states.yml"):
        b.state(entry, "states.yml")
    for fname, kind in (("organisations.yml", "org"), ("regions.yml", "region")):
        for entry in _as_list(_read_yaml(DATA_DIR / fname), DATA_DIR / fname):
            b.organisation(entry, fname, kind)
    officeholders = DATA_DIR / "officeholders.yml"
    if officeholders.exists():
        for entry in _as_list(_read_yaml(officeholders), officeholders):
            b.person(entry, "officeholders.yml")
    for entry in _as_list(_read_yaml(PLACES_FILE), PLACES_FILE):
        b.place(entry, "places.yml")
    b.roles(_read_yaml(DATA_DIR / "roles.yml"), DATA_DIR / "roles.yml")
    b.groups(_read_yaml(DATA_DIR / "groups.yml"), DATA_DIR / "groups.yml")
    b.first_names(DATA_DIR / "firstnames.tsv")
    words = _read_yaml(DATA_DIR / "place_words.yml")
    if not isinstance(words, dict):
        raise KnowledgeFileError("expected sites and settlements lists", where="place_words.yml")
    b.kb.site_words = frozenset(words.get("sites") or ())
    b.kb.settlement_words = frozenset(words.get("settlements") or ())
    b.kb.body_heads = tuple(words.get("body_heads") or ())
    b.kb.ambiguous = frozenset(
        line.strip()
        for line in (DATA_DIR / "ambiguous_names.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    for person in b.kb.persons:
        first = person.name.split(" ", 1)[0]
        if " " in person.name and person.gender and first not in b.kb.first_names:
            b.kb.first_names[first] = person.gender
    for user_file in map(Path, user_files):
        for entry in _as_list(_read_yaml(user_file), user_file):
            where = str(user_file)
            if "roles" in entry:
                b.person(entry, where, override=True)
            elif entry.get("kind") == "group":
                b.group(entry, where)
            elif entry.get("kind") == "state":
                b.state(entry, where, override=True)
            else:
                b.organisation(entry, where, entry.get("kind", "org"), override=True)
    return b.kb
