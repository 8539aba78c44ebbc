"""lagebild_actors: names, actor codes by date, metonymy, roles, descriptions, pronouns.

All sentences are written for these tests. Most tables run on the blank pipeline (no
statistical model) with a small office-holder file of invented people, so the expected
codes depend only on the rules and the knowledge files; a few checks use the packaged
office holders and the default pipeline.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

import lagebild
from lagebild.actors.knowledge import load_knowledge
from lagebild.analysis import make_doc
from lagebild.doc_ext import ENTITY_KEY, MENTION_KEY
from lagebild.errors import KnowledgeFileError
from lagebild.records import Article

PEOPLE = textwrap.dedent(
    """\
    - name: Erika Musterfrau
      wikidata: null
      gender: f
      aliases: [Musterfrau]
      roles:
        - {role: foreign_minister, actor: AUT, start: 2018-01-01, end: 2021-06-30}
        - {role: secretary_general, actor: OSCE, start: 2021-07-01, end: null}
    - name: Tomas Beispiel
      wikidata: null
      gender: m
      aliases: [Beispiel]
      roles:
        - {role: finance_minister, actor: CZE, start: 2015-01-01, end: 2019-12-31}
        - {role: head_of_government, actor: CZE, start: 2019-12-31, end: 2023-03-01}
        - {role: president, actor: EU, start: 2024-01-01, end: null}
    """
)


@pytest.fixture(scope="module")
def people_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "people.yml"
    path.write_text(PEOPLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def blank(people_file):
    return lagebild.build("blank", actors=[people_file])


def run(nlp, text: str, published: str | None = "2022-03-01"):
    return nlp(make_doc(nlp, Article(text=text, published=published)))


def entities(doc) -> list[tuple[str, str, str | None]]:
    return [(s.text, s.label_, s._.actor) for s in doc.spans[ENTITY_KEY]]


def mentions(doc, label: str | None = None) -> list[tuple[str, str | None]]:
    return [
        (s.text, s._.actor) for s in doc.spans[MENTION_KEY] if label is None or s.label_ == label
    ]


@pytest.mark.parametrize(
    "text,published,name,actor",
    [
        ("Erika Musterfrau sprach in Wien.", "2019-05-02", "Erika Musterfrau", "AUT"),
        ("Erika Musterfrau sprach in Wien.", "2023-05-02", "Erika Musterfrau", "OSCE"),
        ("Musterfrau lehnte das ab.", "2020-01-10", "Musterfrau", "AUT"),
        ("Musterfrau lehnte das ab.", None, "Musterfrau", "OSCE"),
        ("Tomas Beispiel besuchte Prag.", "2017-02-01", "Tomas Beispiel", "CZE"),
        ("Tomas Beispiel besuchte Prag.", "2024-06-01", "Tomas Beispiel", "EU"),
        # between two terms the nearer one counts
        ("Tomas Beispiel besuchte Prag.", "2023-04-01", "Tomas Beispiel", "CZE"),
        ("Jens Stoltenberg warnte Russland.", "2022-01-04", "Jens Stoltenberg", "NATO"),
        ("Jens Stoltenberg warnte Russland.", "2025-06-01", "Jens Stoltenberg", "NOR"),
        ("Mark Rutte warnte Russland.", "2025-06-01", "Mark Rutte", "NATO"),
        ("Mark Rutte warnte Russland.", "2022-01-04", "Mark Rutte", "NLD"),
        ("Olaf Scholz reiste nach Paris.", "2020-06-01", "Olaf Scholz", "DEU"),
    ],
)
def test_person_actor_depends_on_date(blank, text, published, name, actor):
    doc = run(blank, text, published)
    assert (name, "PER", actor) in entities(doc)


@pytest.mark.parametrize(
    "published,role",
    [("2020-06-01", "finance_minister"), ("2023-06-01", "head_of_government")],
)
def test_scholz_role_by_date(published, role):
    kb = load_knowledge()
    scholz = kb.entry_for("Scholz").person
    assert scholz.role_at(dt.date.fromisoformat(published)).role == role


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Moskau dementiert jegliche Angriffspläne.", [("Moskau", "LOC", "RUS")]),
        ("Die Minister trafen sich in Moskau.", [("Moskau", "LOC", None)]),
        (
            "Die Vorwürfe Moskaus wies die Ukraine zurück.",
            [("Moskaus", "LOC", "RUS"), ("Ukraine", "LOC", "UKR")],
        ),
        (
            "Erstmals unterzeichneten Kiew und Moskau ein Papier.",
            [("Kiew", "LOC", "UKR"), ("Moskau", "LOC", "RUS")],
        ),
        (
            "Der Vermittler war in Kiew und Moskau.",
            [("Kiew", "LOC", None), ("Moskau", "LOC", None)],
        ),
        ("Die Rakete startete nahe der Hauptstadt Pjöngjang.", [("Pjöngjang", "LOC", None)]),
        (
            "Die Sanktionen richten sich gegen Peking und Moskau.",
            [("Peking", "LOC", "CHN"), ("Moskau", "LOC", "RUS")],
        ),
        ("Er beschuldigte Verantwortliche in Belgrad.", [("Belgrad", "LOC", "SRB")]),
        ("Brüssel fordert eine Einigung.", [("Brüssel", "LOC", "EU")]),
        ("Der Gipfel findet in Brüssel statt.", [("Brüssel", "LOC", None)]),
        ("Wien – Die Regierung beriet am Montag.", [("Wien", "LOC", None)]),
        ("Die Gespräche in Genf enden heute.", [("Genf", "LOC", None)]),
        ("Soldaten marschierten in die Ukraine ein.", [("Ukraine", "LOC", "UKR")]),
    ],
)
def test_capitals_stand_for_governments_only_when_they_act(blank, text, expected):
    assert entities(run(blank, text)) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Die Sprecherin des Weißen Hauses äußerte sich.", [("Weißen Hauses", "ORG", "USA")]),
        ("Ein Sprecher des Auswärtigen Amts bestätigte das.", [("Auswärtigen Amts", "ORG", "DEU")]),
        ("Der Kreml wies das zurück.", [("Kreml", "ORG", "RUS")]),
        ("Er wandte sich an die Vereinten Nationen.", [("Vereinten Nationen", "ORG", "UN")]),
        ("Der UN-Sicherheitsrat tagt.", [("UN-Sicherheitsrat", "ORG", "UN")]),
        ("Die EU-Kommission legte einen Plan vor.", [("EU-Kommission", "ORG", "EU")]),
        ("Der Nato-Russland-Rat tagte zuletzt 2019.", [("Nato-Russland-Rat", "ORG", None)]),
        ("Das Ziel des Nato-Russland-Rats bleibt offen.", [("Nato-Russland-Rats", "ORG", None)]),
        ("Der Einfluss Russlands wächst.", [("Russlands", "LOC", "RUS")]),
        (
            "Nordkoreas Raketen flogen über Japan.",
            [("Nordkoreas", "LOC", "PRK"), ("Japan", "LOC", "JPN")],
        ),
        ("Die Hilfe der USA kam spät.", [("USA", "LOC", "USA")]),
        ("Die Terrormiliz Islamischer Staat griff an.", [("Islamischer Staat", "ORG", "ISIS")]),
        # compound modifiers are not names of their own
        ("Der Nato-Generalsekretär und der EU-Gipfel im Ukraine-Konflikt.", []),
        ("Die Welt wurde vom Westen unterstützt.", [("Westen", "LOC", "WST")]),
        ("Die Truppen rückten in Richtung Westen vor.", []),
        ("Sie wohnt im Westen des Landes.", []),
        ("Die Ziele der Grünen sind bekannt.", [("Grünen", "ORG", None)]),
        # unknown bodies: capitalised adjective + body noun inside a sentence
        ("Ein Sprecher des Nationalen Übergangsrats schwieg.",
         [("Nationalen Übergangsrats", "ORG", None)]),
        ("Das Londoner Umweltministerium schwieg.", []),
    ],
)
def test_names_inflection_and_compounds(blank, text, expected):
    assert entities(run(blank, text)) == expected


@pytest.mark.parametrize(
    "text,canonical",
    [
        ("Die Sprecherin des Weißen Hauses schwieg.", "Weißes Haus"),
        ("Er sprach mit Vertretern der Vereinten Nationen.", "Vereinte Nationen"),
        ("Die Lage Russlands ist schwierig.", "Russland"),
        ("Raketen fielen ins Japanische Meer.", "Japanisches Meer"),
        ("Die Haltung Moskaus ist klar.", "Moskau"),
    ],
)
def test_canonical_names(blank, text, canonical):
    doc = run(blank, text)
    assert [s._.name for s in doc.spans[ENTITY_KEY]] == [canonical]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Der US-Präsident kündigte Hilfe an.", [("US-Präsident", "USA")]),
        ("Die Nato-Außenminister beraten am Freitag.", [("Nato-Außenminister", "NATO")]),
        ("Ein Kremlsprecher wies das zurück.", [("Kremlsprecher", "RUS")]),
        (
            "Die Bundesregierung und die Bundeskanzlerin schwiegen.",
            [("Bundesregierung", "DEU"), ("Bundeskanzlerin", "DEU")],
        ),
        ("Der russische Präsident drohte.", [("russische Präsident", "RUS")]),
        ("Die ukrainische Armee zog sich zurück.", [("ukrainische Armee", "UKR")]),
        ("Russlands Präsident lehnte ab.", [("Präsident", "RUS"), ("Russlands", "RUS")]),
        ("Der Präsident Frankreichs reiste ab.", [("Präsident", "FRA"), ("Frankreichs", "FRA")]),
        ("Die Regierung in Kiew protestierte.", [("Regierung", "UKR"), ("Kiew", "UKR")]),
        ("Der Botschafter in Moskau wurde einbestellt.", []),
        ("Westliche Staaten verhängten Sanktionen.", [("Westliche Staaten", "WST")]),
        ("Die westlichen Verbündeten lieferten Waffen.", [("westlichen Verbündeten", "WST")]),
    ],
)
def test_role_and_description_mentions(blank, text, expected):
    assert sorted(mentions(run(blank, text))) == sorted(expected)


@pytest.mark.parametrize(
    "text,expected",
    [
        # descriptions of an organisation need the organisation named before
        ("Die Nato tagt. Das Bündnis will die Ostflanke stärken.", ("Bündnis", "NATO")),
        ("Die Nato tagt. Mehrere Bündnismitglieder widersprachen.", ("Bündnismitglieder", "NATO")),
        (
            "Die Nato tagt. Die Erweiterung des Militärbündnisses ist umstritten.",
            ("Militärbündnisses", "NATO"),
        ),
        ("Im Falle eines russischen Einmarsches drohen Sanktionen.", ("russischen", "RUS")),
    ],
)
def test_descriptions_and_adjectives(blank, text, expected):
    assert expected in mentions(run(blank, text))


def test_description_without_named_organisation_is_left_alone(blank):
    doc = run(blank, "Das Bündnis der Parteien zerbrach im Herbst.")
    assert mentions(doc) == []


@pytest.mark.parametrize(
    "text,name,actor",
    [
        (
            "Der syrische Botschafter Samir Alberich sagte, man sei bereit. Alberich blieb.",
            "Samir Alberich",
            "SYR",
        ),
        ("Der Ministerpräsident von Mali, Choguel Abakar, trat auf.", "Choguel Abakar", "MLI"),
        ("US-Außenminister Tim Quaddel reiste ab.", "Tim Quaddel", "USA"),
        ("Die Sprecherin des Weißen Hauses, Jana Probst, bestätigte das.", "Jana Probst", "USA"),
    ],
)
def test_unknown_persons_take_the_actor_of_their_role(blank, text, name, actor):
    doc = run(blank, text)
    assert (name, "PER", actor) in entities(doc)
    surname = name.rsplit(" ", 1)[1]
    for span in doc.spans[ENTITY_KEY]:
        if span.text == surname:
            assert span._.actor == actor
            assert span._.name == name


@pytest.mark.parametrize(
    "text,pronoun,actor",
    [
        ("Joe Biden telefonierte mit Wladimir Putin. Dabei drohte er mit Sanktionen.", "er", "USA"),
        ("Erika Musterfrau reiste nach Kiew. Dort sagte sie, man müsse reden.", "sie", "OSCE"),
        ("Tomas Beispiel lobte die Einigung und kündigte seine Unterstützung an.", "seine", "CZE"),
        ("Erika Musterfrau nannte den Angriff einen Angriff auf ihr Land.", "ihr", "OSCE"),
    ],
)
def test_pronouns_resolve_to_persons(blank, text, pronoun, actor):
    assert (pronoun, actor) in mentions(run(blank, text, "2023-01-01"), "PRON")


@pytest.mark.parametrize(
    "text",
    [
        "Die Minister berieten lange. Sie haben sich nicht geeinigt.",
        "Erika Musterfrau sagte, die Lösung werde schwierig sein.",
        "Das Treffen war kurz. Er kam zu spät.",
    ],
)
def test_pronouns_stay_unresolved_without_a_compatible_person(blank, text):
    doc = run(blank, text, "2023-01-01")
    assert mentions(doc, "PRON") == []


def test_ambiguous_alias_needs_the_full_name(blank):
    doc = run(blank, "Alle wollen Frieden in der Region.", "2024-01-01")
    assert [s for s in doc.spans[ENTITY_KEY] if s.label_ == "PER"] == []


def test_user_file_adds_an_organisation(tmp_path):
    path = tmp_path / "orgs.yml"
    path.write_text("- {code: XYZ, name: Beispielbund, nominal: [Staatenbund]}\n", encoding="utf-8")
    nlp = lagebild.build("blank", actors=[path])
    doc = run(nlp, "Der Beispielbund tagt. Der Staatenbund will wachsen.")
    assert entities(doc) == [("Beispielbund", "ORG", "XYZ")]
    assert ("Staatenbund", "XYZ") in mentions(doc)


@pytest.mark.parametrize(
    "content",
    [
        "- {name: Jemand, roles: [{role: kaiser, actor: ABC}]}\n",
        "- {name: Jemand, roles: [{role: other, actor: ABC, start: 'gestern'}]}\n",
        "name: nur ein Eintrag\n",
        "- [unclosed\n",
    ],
)
def test_bad_user_file_raises_e110(tmp_path, content):
    path = tmp_path / "bad.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeFileError) as info:
        load_knowledge([path])
    assert info.value.code == "E110"


def test_offsets_point_into_the_text(blank):
    text = "US-Präsident Joe Biden traf in Genf den Kremlchef Wladimir Putin."
    doc = run(blank, text)
    for span in list(doc.spans[ENTITY_KEY]) + list(doc.spans[MENTION_KEY]):
        assert text[span.start_char : span.end_char] == span.text


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "US-Präsident Joe Biden traf Wladimir Putin in Genf.",
            [("Joe Biden", "PER", "USA"), ("Wladimir Putin", "PER", "RUS"), ("Genf", "LOC", None)],
        ),
        (
            "Moskau dementiert, der Kreml schweigt.",
            [("Moskau", "LOC", "RUS"), ("Kreml", "ORG", "RUS")],
        ),
    ],
)
def test_default_pipeline_agrees(nlp, text, expected):
    doc = nlp(make_doc(nlp, Article(text=text, published="2022-01-04")))
    assert entities(doc) == expected


@pytest.fixture(scope="module")
def linker(blank):
    return blank.get_pipe("lagebild_actors")


def _doc_with_ents(nlp, words: list[str], ents: list[tuple[int, int, str]]):
    from spacy.tokens import Doc, Span

    doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    doc._.published = "2022-01-04"
    return doc


@pytest.mark.parametrize(
    "words,ents,expected",
    [
        # NER adds a name the files lack; the files win where both speak
        (["Gestern", "sprach", "Kalle", "Quast", "mit", "Jens", "Stoltenberg", "."],
         [(2, 4, "PER"), (5, 7, "ORG")],
         [("Kalle Quast", "PER", None), ("Jens Stoltenberg", "PER", "NATO")]),
        # leading articles are cut, compound modifiers and MISC are dropped
        (["Der", "Ukraine-Konflikt", "und", "die", "Europameisterschaft", "in", "Quastenburg"],
         [(0, 2, "LOC"), (3, 5, "MISC"), (6, 7, "LOC")],
         [("Quastenburg", "LOC", None)]),
        # a multi-word NER organisation keeps a place name inside it
        (["Die", "Freie", "Universität", "Berlin", "protestierte", "."],
         [(1, 4, "ORG")],
         [("Freie Universität Berlin", "ORG", None)]),
    ],
)
def test_merge_with_statistical_ner(linker, blank, words, ents, expected):
    doc = linker(_doc_with_ents(blank, words, ents))
    assert entities(doc) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # adjective, "in" + place, genitive: the group's country
        ("Israelische Demonstranten blockierten eine Straße.",
         ("Israelische Demonstranten", "ISRCIV")),
        ("Die Opposition in Venezuela rief zum Streik auf.", ("Opposition", "VENOPP")),
        ("Die Putschisten in Niger setzten die Verfassung aus.", ("Putschisten", "NERMIL")),
        ("Angehörige der ukrainischen Soldaten warteten vor dem Amt.", ("Angehörige", "UKRCIV")),
        ("Die Polizei nahm in Georgien mehrere Menschen fest.", ("Polizei", "GEO")),
        ("Protestierende versammelten sich in Teheran vor der Universität.",
         ("Protestierende", "IRNCIV")),
        ("Die syrischen Rebellen eroberten ein Dorf.", ("syrischen Rebellen", "SYRMIL")),
        ("Die Verbündeten sagten weitere Hilfe zu.", ("Verbündeten", "WST")),
    ],
)
def test_group_descriptions_take_their_country(blank, text, expected):
    assert expected in mentions(run(blank, text), "NOM")


@pytest.mark.parametrize(
    "text",
    [
        "Russlands Verbündete schwiegen.",  # someone else's allies are not the West
        "Seine Verbündeten schwiegen.",
        "Demonstranten zogen durch die Innenstadt.",  # no country anywhere
        "Die Bevölkerung ist erschöpft.",  # too vague without a named country
    ],
)
def test_group_descriptions_without_a_country_are_no_actors(blank, text):
    assert not [m for m in mentions(run(blank, text), "NOM") if m[0] != "Russlands"]


@pytest.mark.parametrize("noun", ["Armee", "Regierung", "Polizei"])
def test_unqualified_forces_belong_to_the_article_state(blank, noun):
    text = ("Der Iran testete eine Rakete. Teheran sprach von einem Erfolg. "
            f"Die {noun} meldete keine Zwischenfälle.")
    assert (noun, "IRN") in mentions(run(blank, text), "NOM")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place of the reporting clause is where the speaker was, not the government's
        ("Belarus hält hunderte Oppositionelle fest. Minsk wies Kritik zurück. Die Regierung "
         "ließ am Montag zwei Gefangene frei, sagte Maas in Luxemburg.", ("Regierung", "BLR")),
        # a place in the group's own clause still decides
        ("Die Polizei nahm in Georgien mehrere Menschen fest, teilte das Ministerium mit.",
         ("Polizei", "GEO")),
        # a capital after "in der Hauptstadt" places the group as well
        ("In der Hauptstadt Niamey demonstrierten am Sonntag Tausende Anhänger.",
         ("Anhänger", "NERCIV")),
    ],
)
def test_group_country_comes_from_its_own_clause(nlp, text, expected):
    assert expected in mentions(run(nlp, text), "NOM")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Sicherheitsrat verurteilte den Angriff.", ("Sicherheitsrat", "ORG", "UN")),
        # a state's own council, not the UN's
        ("Der russische Sicherheitsrat tagte am Freitag.", ("Sicherheitsrat", "ORG", "RUS")),
        ("Tokio berief den Nationalen Sicherheitsrat ein.", ("Sicherheitsrat", "ORG", None)),
        # meetings and treaties named after their venue: the city is no government
        ("Seit dem Gipfel von Hanoi ruhen die Gespräche.", ("Hanoi", "LOC", None)),
        ("Das Abkommen von Minsk wurde nie umgesetzt.", ("Minsk", "LOC", None)),
        ("Die Forderungen von Moskau wurden abgelehnt.", ("Moskau", "LOC", "RUS")),
    ],
)
def test_qualifiers_decide_what_a_short_name_stands_for(blank, text, expected):
    assert expected in entities(run(blank, text))


def test_user_group_file(tmp_path):
    path = tmp_path / "groups.yml"
    path.write_text("- {kind: group, noun: Siedler, sector: CIV}\n", encoding="utf-8")
    kb = load_knowledge([path])
    assert kb.groups["Siedler"].actor("ISR") == "ISRCIV"


@pytest.fixture(scope="module")
def full_people(people_file):
    return lagebild.build(actors=[people_file])


@pytest.mark.parametrize(
    ("text", "pronoun", "actor"),
    [
        # an object pronoun is not its clause's subject
        ("Biden empfing Tomas Beispiel in Washington. Er sagte ihm Hilfe zu.", "ihm", "CZE"),
        ("Tomas Beispiel traf Biden und dankte ihm.", "ihm", "USA"),
    ],
)
def test_object_pronouns_skip_the_subject(full_people, text, pronoun, actor):
    doc = run(full_people, text, "2021-03-01")
    found = [(s.text, s._.actor) for s in doc.spans[MENTION_KEY] if s.label_ == "PRON"]
    assert (pronoun, actor) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die EU verhängte Sanktionen gegen Belarus. Die Maßnahmen treffen das Land hart.",
         ("das Land", "BLR")),
        ("Der Kanzler telefonierte mit dem Präsidenten Kenias und lobte die Rolle des Landes.",
         ("des Landes", "KEN")),
        # the state the passage is about beats one named once in passing after it
        ("Nordkorea hat erneut eine Rakete getestet. Pjöngjang sprach von einem Erfolg, die "
         "Rakete flog über Japan. Der Sicherheitsrat belegte das Land mit Sanktionen.",
         ("das Land", "PRK")),
    ],
)
def test_das_land_is_the_state_named_last(blank, text, expected):
    assert expected in mentions(run(blank, text), "NOM")


def test_das_land_without_a_state_before_is_no_actor(blank):
    doc = run(blank, "Das Land feiert heute seinen Nationalfeiertag.")
    assert not mentions(doc, "NOM")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim Jong Un empfing den Gast. Danach sprach Kim von einem Erfolg.", ("Kim", "PRK")),
        ("Die Sängerin Kim trat in Seoul auf.", None),  # "Kim" alone only after the full name
    ],
)
def test_one_word_alias_after_the_full_name(blank, text, expected):
    found = [m for m in entities(run(blank, text, "2019-01-01")) if m[0] == "Kim"]
    assert (found == []) if expected is None else ((expected[0], "PER", expected[1]) in found)
