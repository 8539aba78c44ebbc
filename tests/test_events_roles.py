"""Source and target on unseen-style German sentences, with the full default pipeline (parse,
actors, timex). Each table holds one error class of the role finder and context rules; all
sentences are written for these tests."""

from __future__ import annotations

import pytest

from lagebild.analysis import make_doc
from lagebild.records import Article


def events(nlp, text: str, published: str = "2023-05-10") -> list[tuple]:
    doc = nlp(make_doc(nlp, Article(text=text, published=published)))
    return [(e.type, set(e.source), set(e.target)) for e in doc._.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare objects after a PP: the parse marks the argument
        ("Die Polizei nahm in Georgien zahlreiche Demonstranten fest.",
         ("COERCE", {"GEO"}, {"GEOCIV"})),
        # dative object of a speech act
        ("Warschau warf Minsk vor, Flüchtlinge an die Grenze zu bringen.",
         ("ACCUSE", {"POL"}, {"BLR"})),
        # object pronoun: the other person of the sentence before
        ("Macron telefonierte mit Selenskyj und rief ihn zu Verhandlungen auf.",
         ("REQUEST", {"FRA"}, {"UKR"})),
        # subject and object side by side are no coordination
        ("Am Abend beschuldigte Eriwan aserbaidschanische Truppen, Dörfer beschossen zu haben.",
         ("ACCUSE", {"ARM"}, {"AZE"})),
        # passive speech act: the "von" agent is the source
        ("Der Türkei wurde von Griechenland vorgeworfen, den Luftraum verletzt zu haben.",
         ("ACCUSE", {"GRC"}, {"TUR"})),
        # a passive without agent: the dative is the target, "in Belgrad" its attribute
        ("Der Regierung in Belgrad wurde vorgeworfen, Proteste zu unterdrücken.",
         ("ACCUSE", set(), {"SRB"})),
        # "gegenüber" names the addressee
        ("Peking drohte gegenüber Washington mit Konsequenzen.",
         ("THREATEN", {"CHN"}, {"USA"})),
        # "auf Antrag X": X asked the subject of the clause
        ("Der Sicherheitsrat kam auf Antrag Frankreichs zusammen.",
         ("REQUEST", {"FRA"}, {"UN"})),
        # a demonym adjective of the object noun, after a dated PP
        ("Die USA haben in der Nacht zu Montag den syrischen Stützpunkt angegriffen.",
         ("ASSAULT", {"USA"}, {"SYR"})),
        # passive of a host verb: the guest is the source, the host the target
        ("Scholz wurde in Peking von Xi Jinping empfangen.", ("CONSULT", {"DEU"}, {"CHN"})),
        # a coordinated verb phrase shares the subject; the noun after the verb is its object
        ("Selenskyj warf Moskau Lügen vor und rief die Verbündeten zu mehr Hilfe auf.",
         ("REQUEST", {"UKR"}, {"WST"})),
        # "und" + verb inside one clause: the subject before, the noun after the verb object
        ("Außenminister Lawrow sagte eine Reise nach Ankara ab und warnte die türkische "
         "Führung vor Provokationen.", ("THREATEN", {"RUS"}, {"TUR"})),
        # an object pronoun skips the subject named with its title
        ("Der türkische Präsident Erdoğan telefonierte mit Wladimir Putin und forderte ihn "
         "zu einer Feuerpause auf.", ("REQUEST", {"TUR"}, {"RUS"})),
        # idiom for protest; protesters from the place of the sentence
        ("In Tiflis gingen Tausende Demonstranten gegen die Regierung auf die Straße.",
         ("PROTEST", {"GEOCIV"}, {"GEO"})),
        # statements "aus" a capital are its government's
        ("Moskau wies die Vorwürfe aus Washington als haltlos zurück.",
         ("REJECT", {"RUS"}, {"USA"})),
        # "Unterstützung zusagen" is support, not an agreement
        ("Frankreich sagte der Republik Moldau Unterstützung zu.",
         ("SUPPORT", {"FRA"}, {"MDA"})),
        # a compound with an organisation names the organisation
        ("Israelische Soldaten töteten im Gazastreifen mehrere Hamas-Kämpfer.",
         ("ASSAULT", {"ISR"}, {"HAMAS"})),
        # an attacked place stands for its country
        pytest.param(
            "Russland beschoss in der Nacht die Stadt Charkiw mit Raketen.",
            ("ASSAULT", {"RUS"}, {"UKR"}),
            marks=pytest.mark.xfail(
                strict=True,
                reason="known model error (0.2 model): the parser attaches 'die Stadt' as a "
                "conjunct of 'Nacht', so the object is lost; see docs/model.md",
            ),
        ),
        # summoning an ambassador is a diplomatic protest against his country
        ("Die Regierung in Peking bestellte den japanischen Botschafter ein.",
         ("ACCUSE", {"CHN"}, {"JPN"})),
        # "einen Raketentest" is an object whatever the parse says: the subject did it
        ("Der Iran hat am Montag erneut einen Raketentest durchgeführt.",
         ("MOBILIZE", {"IRN"}, set())),
        # a state's army seizing power acts as its military against the state
        ("Die Armee Gabuns setzte in der Nacht den Präsidenten ab.",
         ("COERCE", {"GABMIL"}, {"GAB"})),
        # police using force stays the state, protesters are civilians of the place
        ("In Athen setzte die Polizei Tränengas gegen Demonstranten ein.",
         ("COERCE", {"GRC"}, {"GRCCIV"})),
        # "und" inside a PP joins nouns, not clauses: the subject stays the protesters
        ("Serbische Demonstranten zogen mit Fahnen Serbiens und der EU vor das Parlament "
         "und forderten Neuwahlen.", ("REQUEST", {"SRBCIV"}, set())),
        # a bare object beside an event noun under a light verb
        ("Die Ecowas stellte den Putschisten in Niger ein Ultimatum.",
         ("THREATEN", {"ECOWAS"}, {"NERMIL"})),
        # the mediator of an agreement is a party
        ("Israel und die Hamas vereinbarten unter Vermittlung von Katar eine Feuerpause.",
         ("AGREE", {"ISR", "HAMAS"}, {"QAT"})),
        # a genitive of quantity names the protesters
        ("Am Abend begann eine Kundgebung Tausender Regierungsgegner in Minsk.",
         ("PROTEST", {"BLROPP"}, set())),
        # a pronoun subject without an actor ("einige von ihnen") leaves the source open:
        # the object is no subject even where the POS model misreads the pronoun
        ("Tausende demonstrierten in Niamey, einige von ihnen griffen die französische "
         "Botschaft mit Steinen an.", ("ASSAULT", set(), {"FRA"})),
    ],
)
def test_targets_in_the_clause(nlp, text, expected):
    assert expected in events(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denial answers the accusation aimed at the denier
        ("Kiew wirft Moskau vor, die Waffenruhe gebrochen zu haben. Moskau bestreitet das.",
         ("REJECT", {"RUS"}, {"UKR"})),
        # "beide Seiten": the two parties of the conflict told before
        ("Serbische Polizisten griffen kosovarische Grenzposten an. Die EU rief beide Seiten "
         "zur Mäßigung auf.", ("REQUEST", {"EU"}, {"SRB", "XKX"})),
        # reciprocal: one event per direction
        ("Indien und Pakistan haben sich gegenseitig Provokationen vorgeworfen.",
         ("ACCUSE", {"PAK"}, {"IND"})),
        # welcoming an earlier agreement aims at its parties
        ("Armenien und Aserbaidschan haben sich auf einen Gefangenenaustausch geeinigt. "
         "Die EU begrüßte die Einigung.", ("SUPPORT", {"EU"}, {"ARM", "AZE"})),
        # welcoming the outcome of a meeting aims at all its participants
        ("Biden traf Xi Jinping in San Francisco zu Gesprächen. Japan begrüßte das Ergebnis "
         "des Treffens.", ("SUPPORT", {"JPN"}, {"USA", "CHN"})),
        # condemning an attack aims at its agent, not at its victims
        ("Der Kanzler verurteilte den Beschuss ukrainischer Städte durch Russland.",
         ("ACCUSE", set(), {"RUS"})),
        # "die Junta" continues the group named before
        ("Die Afrikanische Union verurteilte die Putschisten in Niger. Die Junta wies die "
         "Kritik zurück.", ("REJECT", {"NERMIL"}, {"AU"})),
        # calling an act by a condemning word accuses its agent
        ("Die Kanzlerin nannte die russischen Angriffe völkerrechtswidrig.",
         ("ACCUSE", set(), {"RUS"})),
        # a reaction answers the actors of the event told just before
        ("Washington und Seoul kündigten gemeinsame Manöver an, Pjöngjang reagierte mit "
         "scharfer Kritik.", ("ACCUSE", {"PRK"}, {"USA", "KOR"})),
        # joining an earlier sanction takes its target
        ("Die EU verhängte Sanktionen gegen den Iran. Kanada schloss sich mit eigenen "
         "Sanktionen an.", ("SANCTION", {"CAN"}, {"IRN"})),
    ],
)
def test_targets_from_context(nlp, text, expected):
    found = events(nlp, text)
    if expected[1]:
        assert expected in found
    else:  # the speaker without a name: only the target is checked
        assert any(t == expected[0] and tg == expected[2] for t, _, tg in found)


def test_reciprocal_gives_both_directions(nlp):
    found = events(nlp, "Indien und Pakistan haben sich gegenseitig Provokationen vorgeworfen.")
    assert ("ACCUSE", {"IND"}, {"PAK"}) in found and ("ACCUSE", {"PAK"}, {"IND"}) in found


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        # a date of a relative clause dates what the relative clause tells, not the speech act
        ("Peking verurteilte den Angriff, bei dem am Montag drei Soldaten getötet worden "
         "waren.", "verurteilte", None),
        # background told in the pluperfect is no anchor of the narrative; a same-day
        # reaction takes the latest day of the story proper
        ("Russland und die Ukraine haben sich am Mittwoch auf einen Austausch geeinigt. "
         "Der Papst hatte beide am Sonntag zu Gesprächen aufgerufen.\n\n"
         "Die EU begrüßte die Einigung.", "begrüßte", "2023-05-10"),
        # a visit named as the setting of a dated act shares its date
        ("Die Ministerin sicherte Kiew am Dienstag bei einem Besuch in Odessa Hilfe zu.",
         "Besuch", "2023-05-09"),
        # "umgehend": at once, on the day of the act answered
        ("Die EU verhängte am Montag Sanktionen gegen Belarus. Minsk reagierte umgehend mit "
         "Gegenmaßnahmen gegen die EU.", "Gegenmaßnahmen", "2023-05-08"),
        # a semicolon joins a main clause with another story: its date is not this event's
        ("Ein Treffen mit Russland ist nicht geplant; Moskau gehört der Gruppe seit 2014 "
         "nicht mehr an.", "Treffen", None),
    ],
)
def test_event_dates(nlp, text, trigger, date):
    doc = nlp(make_doc(nlp, Article(text=text, published="2023-05-11")))
    dated = {e.trigger.text: e.date for e in doc._.events}
    assert dated[trigger] == date


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a negated planning predicate after the event noun negates the event
        ("Ein Treffen zwischen Macron und Xi ist vorerst nicht geplant.", "negated"),
        ("Die angekündigten Gespräche mit Teheran kamen nicht zustande.", "negated"),
        # the negation must follow the noun's own predicate, not another clause
        ("Baerbock und Blinken wollen sich am Freitag in Wien treffen.", "planned"),
        # considering a measure is a possibility, not a fact
        ("Die EU erwägt neue Sanktionen gegen Belarus.", "hypothetical"),
        ("Berlin hat sich Sanktionen gegen Minsk vorbehalten.", "hypothetical"),
    ],
)
def test_status_of_event_nouns(nlp, text, status):
    doc = nlp(make_doc(nlp, Article(text=text, published="2023-05-10")))
    assert [e.status for e in doc._.events] == [status]
