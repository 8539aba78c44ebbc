"""lagebild_timex: German temporal expressions, spans and TIMEX3 values.

The main table lives in ``tests/data/timex_cases.tsv`` (one German sentence per row, a fixed
publication date, the exact list of expected expressions).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import lagebild
from lagebild.doc_ext import TIMEX_KEY
from lagebild.errors import KnowledgeFileError
from lagebild.time.calendar import duration_value
from lagebild.time.component import TimexTagger
from lagebild.time.linking import date_value, event_date
from lagebild.time.tense import clause_tense

CASES_FILE = Path(__file__).parent / "data" / "timex_cases.tsv"


def _load_cases() -> list:
    cases = []
    for lineno, line in enumerate(CASES_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        published, text, expected = line.split("\t")
        items = (
            [] if expected == "-" else [tuple(item.split("|")) for item in expected.split(" || ")]
        )
        cases.append(
            pytest.param(None if published == "-" else published, text, items, id=f"L{lineno}")
        )
    return cases


@pytest.fixture(scope="module")
def blank():
    """A blank German pipeline (tokenizer + sentencizer) with the lagebild components."""
    return lagebild.build("blank")


def _timex(nlp, text: str, published: str | None):
    doc = nlp.make_doc(text)
    doc._.published = published
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.mark.parametrize(("published", "text", "expected"), _load_cases())
def test_timex_table(blank, published, text, expected):
    doc = _timex(blank, text, published)
    got = [
        (s.text, s.label_, s._.value) for s in sorted(doc.spans[TIMEX_KEY], key=lambda s: s.start)
    ]
    assert got == expected


@pytest.mark.parametrize(("published", "text", "expected"), _load_cases())
def test_timex_table_with_default_pipeline(nlp, published, text, expected):
    """The same table through the default pipeline (morphology and parse when a model ships)."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    got = [
        (s.text, s.label_, s._.value) for s in sorted(doc.spans[TIMEX_KEY], key=lambda s: s.start)
    ]
    assert got == expected


def test_table_is_large_enough():
    assert len(_load_cases()) >= 200


@pytest.mark.parametrize(
    "text",
    [
        "Am 24. und 25. März tagen die Minister in Brüssel, am Montagabend in Rom.",
        "Der Rat war im Jahr 2019. Danach kam lange nichts.",
        "Seit 2014 und seit Jahrzehnten gibt es Streit; die dreitägige Reise endete um 14.00 Uhr.",
        "Vor mehr als zehn Monaten begann der Krieg.\n\nIn der Nacht zu Freitag fielen Schüsse.",
    ],
)
def test_offsets_point_into_the_text(blank, text):
    doc = _timex(blank, text, "2022-03-15")
    spans = doc.spans[TIMEX_KEY]
    assert spans
    for span in spans:
        assert text[span.start_char : span.end_char] == span.text
        assert span.label_ in ("DATE", "TIME", "DURATION", "SET")
        assert span._.value


def test_sentence_final_year_is_split_from_the_period(blank):
    doc = _timex(
        blank, "Der Rat tagte zuletzt im Jahr 2019. Die Beziehungen sind schlecht.", "2022-01-04"
    )
    assert [s.text for s in doc.spans[TIMEX_KEY]] == ["Jahr 2019"]
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize(
    ("text", "word", "tense"),
    [
        ("Die Minister trafen sich am Montag in Riga.", "Montag", "past"),
        ("Den Termin gab das Bündnis am Dienstag bekannt.", "Dienstag", "past"),
        ("Er hat am Montag mit ihr telefoniert.", "Montag", "past"),
        ("Sie hatte am Donnerstag gewarnt.", "Donnerstag", "past"),
        ("Die Minister wollen am Freitag beraten.", "Freitag", "future"),
        ("Das Treffen soll am Montag stattfinden.", "Montag", "future"),
        ("Am Mittwoch wird sie in Washington erwartet.", "Mittwoch", "future"),
        ("Der Gipfel wurde für Samstag angesetzt.", "Samstag", "future"),
        ("Die Gespräche sollten am Montag beginnen.", "Montag", "past"),
        ("Der Gesandte fordert am Montag Aufklärung.", "Montag", "present"),
        (
            "Er forderte im Dezember eine Beteiligung an den bevorstehenden Gesprächen.",
            "Dezember",
            "past",
        ),
    ],
)
def test_clause_tense(blank, text, word, tense):
    doc = blank(text)
    i = next(t.i for t in doc if t.text == word)
    assert clause_tense(doc, i) == tense


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-01-07TEV", "2022-01-07"),
        ("2022-01-07", "2022-01-07"),
        ("2021-12", "2021-12"),
        ("2022-W12", "2022-W12"),
        ("2021-FA", "2021-FA"),
        ("2019", "2019"),
        ("PRESENT_REF", None),
        ("P3D", None),
        ("XXXX-XX-XX", None),
        ("XXXX-WXX-5", None),
        (None, None),
    ],
)
def test_date_value(value, expected):
    assert date_value(value) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Die Minister wollen am Freitag in Brüssel beraten.", "beraten", "2022-01-07"),
        (
            "Am Sonntag und Montag wollen die Unterhändler in Genf sprechen.",
            "sprechen",
            "2022-01-09",
        ),
        ("Die Minister kamen am Montagabend in Genf zusammen.", "kamen", "2022-01-03"),
        ("Die Minister beraten seit Jahrzehnten über die Grenze.", "beraten", None),
        ("Inzwischen verhandeln die Parteien.", "verhandeln", None),
        ("Die Parteien verhandeln.", "verhandeln", None),
    ],
)
def test_event_date_within_the_evidence(blank, text, trigger, expected):
    doc = _timex(blank, text, "2022-01-04")
    t = next(tok.i for tok in doc if tok.text == trigger)
    assert event_date(doc, 0, len(doc), t) == expected


def test_event_date_prefers_the_evidence_clause_then_the_sentence(blank):
    text = "Am Montag sagte der Sprecher, die Truppen hätten am Sonntag angegriffen."
    doc = _timex(blank, text, "2022-01-04")
    trigger = next(tok.i for tok in doc if tok.text == "angegriffen")
    comma = next(tok.i for tok in doc if tok.text == ",")
    assert event_date(doc, comma + 1, len(doc) - 1, trigger) == "2022-01-02"
    said = next(tok.i for tok in doc if tok.text == "sagte")
    assert event_date(doc, said, comma, said) == "2022-01-03"
    no_date = _timex(blank, "Die Truppen griffen an. Am Montag gab es Gespräche.", "2022-01-04")
    assert event_date(no_date, 0, 4, 2) is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a date inside a relative clause dates what that clause tells
        ("Peking verurteilte den Angriff, bei dem am Montag drei Soldaten getötet worden waren.",
         "verurteilte", None),
        ("Die Regierung kritisierte den Minister, der am Montag zurückgetreten war.",
         "kritisierte", None),
        # a date of the main clause still counts for an event told after the comma
        ("Am Montag kritisierte die Regierung den Minister, der zurückgetreten war.",
         "kritisierte", "2022-01-03"),
    ],
)
def test_event_date_skips_other_relative_clauses(nlp, text, trigger, expected):
    doc = _timex(nlp, text, "2022-01-04")
    t = next(tok.i for tok in doc if tok.text == trigger)
    comma = next(tok.i for tok in doc if tok.text == ",")
    assert event_date(doc, comma + 1 if t > comma else 0, comma if t < comma else len(doc),
                      t) == expected


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (3, "D", "P3D"),
        (None, "W", "PXW"),
        (1.5, "Y", "P18M"),
        (0.5, "TH", "PT30M"),
        (2, "DE", "P2DE"),
    ],
)
def test_duration_value(amount, unit, expected):
    assert duration_value(amount, unit) == expected


def test_user_lexicon_extends_the_packaged_one(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("present_ref: [aktuell]\nweekdays: {sonnabend: 6}\n", encoding="utf-8")
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_timex", config={"user_files": [str(extra)]})
    doc = nlp.make_doc("Aktuell wird verhandelt.")
    doc._.published = "2022-01-04"
    doc = nlp(doc)
    assert [(s.text, s._.value) for s in doc.spans[TIMEX_KEY]] == [("Aktuell", "PRESENT_REF")]


def test_bad_user_lexicon_is_a_knowledge_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("wochentage: [x]\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError):
        TimexTagger(spacy.blank("de"), "lagebild_timex", [str(bad)])


def test_empty_text_gives_no_timex(blank):
    assert list(_timex(blank, "", "2022-01-04").spans[TIMEX_KEY]) == []


def test_gold_dev_floor(blank, gold_dir):
    """Span and value F1 on gold-dev stay above the floors of docs/dates.md."""
    tp = fp = fn = value_tp = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = _timex(blank, gold["text"], gold["published"])
        pred = [
            (s.text, s.label_, s._.value)
            for s in sorted(doc.spans[TIMEX_KEY], key=lambda s: s.start)
        ]
        used: set[int] = set()
        for g in gold["timex"]:
            hit = next(
                (
                    k
                    for k, p in enumerate(pred)
                    if k not in used and p[:2] == (g["text"], g["type"])
                ),
                None,
            )
            if hit is None:
                fn += 1
                continue
            used.add(hit)
            tp += 1
            value_tp += pred[hit][2] == g["value"]
        fp += len(pred) - len(used)
    span_f1 = 2 * tp / (2 * tp + fp + fn)
    value_f1 = 2 * value_tp / (2 * tp + fp + fn)
    assert span_f1 >= 0.95
    assert value_f1 >= 0.90
