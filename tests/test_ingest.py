"""The ingest driver: events from a pipeline into the store, incremental, isolated failures,
batch commits, kill-and-resume and a reader while it writes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.errors import EmptyInput, StoreError
from lagebild.ingest import Ingest, ingest
from lagebild.io import Rejected
from lagebild.records import Article, Event, Offsets, Trigger
from lagebild.store import Store

CLI = [sys.executable, "-c", "from lagebild.cli import main; main()"]


@Language.component("test_ingest_threats")
def _threat_coder(doc: Doc) -> Doc:
    """A tiny stand-in event coder: every "drohte" is a THREATEN event of its sentence."""
    if "KAPUTT" in doc.text:
        raise ValueError("dieser Text bringt die Komponente zum Absturz")
    events = []
    for sent in doc.sents:
        source = ("RUS",) if any(t.text in ("Russland", "Moskau") for t in sent) else ()
        target = ("UKR",) if any(t.text in ("Ukraine", "Kiew") for t in sent) else ()
        for token in sent:
            if token.text == "drohte":
                events.append(Event(
                    type="THREATEN", source=source, target=target,
                    trigger=Trigger(token.text, token.idx, token.idx + len(token.text)),
                    evidence=Offsets(sent.start_char, sent.end_char),
                    date=doc._.published, quad_class=3, goldstein=-3.5,
                ))
    doc._.events = events
    return doc


@pytest.fixture(scope="module")
def threat_nlp() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_ingest_threats")
    return nlp


REPORTS = [
    Article("Russland drohte der Ukraine mit Vergeltung. Die Lage bleibt angespannt.",
            "2022-01-03", id="r1", source="feed.jsonl:1"),
    Article("Am Montag drohte Moskau der Regierung in Kiew, meldeten Agenturen.",
            "2022-01-03", id="r2", source="feed.jsonl:2"),
    Article("Erneut drohte Russland der Ukraine, diesmal mit Sanktionen gegen Firmen.",
            "2022-01-07", id="r3", source="feed.jsonl:3"),
]


def test_reports_become_events(tmp_path, threat_nlp):
    store = Store(tmp_path / "s.duckdb")
    report = ingest(REPORTS, store, threat_nlp)
    assert (report.added, report.skipped, report.rejected, report.mentions) == (3, 0, 0, 3)
    events = store.events()
    assert [(e["date"], e["mentions"]) for e in events] == [("2022-01-03", 2), ("2022-01-07", 1)]
    assert report.words == sum(len(a.text.split()) for a in REPORTS)


def test_rerun_skips_stored_texts_before_analysis(tmp_path, threat_nlp):
    store = Store(tmp_path / "s.duckdb")
    ingest(REPORTS[:2], store, threat_nlp)
    analyzed = []
    extra = Article("Moskau drohte erneut, diesmal ohne Datum.", "2022-01-09", id="r4")
    report = ingest(REPORTS + [extra], store, threat_nlp, on_article=analyzed.append)
    assert [r.id for r in analyzed] == ["r3", "r4"]
    assert (report.added, report.skipped) == (2, 2)
    assert store.stats()["articles"] == 4


@pytest.mark.parametrize("n_process", [1, 2])
def test_bad_inputs_are_logged_and_the_batch_goes_on(tmp_path, threat_nlp, n_process):
    store = Store(tmp_path / "s.duckdb")
    broken = Article("Dieser Bericht ist KAPUTT und drohte alles anzuhalten.", "2022-01-04",
                     id="kaputt", source="feed.jsonl:9")
    items = [REPORTS[0], Rejected("leer.txt", EmptyInput("the article text is empty")),
             broken, REPORTS[1], REPORTS[2]]
    seen = []
    report = ingest(items, store, threat_nlp, n_process=n_process, on_reject=seen.append)
    assert (report.added, report.rejected) == (3, 2)
    assert [(r.where, r.code) for r in seen] == [("leer.txt", "E101"), ("feed.jsonl:9", "E201")]
    logged = {r["where"]: r for r in store.rejected()}
    assert logged["leer.txt"]["code"] == "E101"
    assert logged["feed.jsonl:9"]["code"] == "E201"
    if n_process == 1:  # the component's own message is known in this process
        assert "test_ingest_threats" in logged["feed.jsonl:9"]["message"]
    assert threat_nlp.default_error_handler.__name__ != "_record_failure"


def test_commits_in_batches(tmp_path, threat_nlp):
    store = Store(tmp_path / "s.duckdb")
    commits = []
    run = Ingest(store, threat_nlp, batch_size=2, on_commit=lambda r: commits.append(r.added))
    run.run(REPORTS + [Article("Kiew drohte niemandem.", "2022-01-08")] * 2)
    assert commits == [2, 4]
    assert run.report.skipped == 1


SAME_EVENTS = [
    Article("Russland hat der Ukraine am Montag mit harten Konsequenzen gedroht. Die Regierung "
            "in Kiew reagierte gelassen.", "2022-01-04", id="t1"),
    Article("Am Montag drohte Moskau der Ukraine mit ernsten Konsequenzen, berichteten "
            "Agenturen.", "2022-01-05", id="t2"),
    Article("Der russische Außenminister drohte der Ukraine am Freitag erneut.", "2022-01-09",
            id="t3"),
    Article("Die Außenminister der Nato berieten am Freitag in Brüssel über die Lage in der "
            "Ukraine.", "2022-01-08", id="n1"),
    Article("In Brüssel kamen am Freitag die Nato-Außenminister zu Beratungen zusammen.",
            "2022-01-07", id="n2"),
]


def test_shipped_pipeline_reports_become_events(tmp_path, nlp):
    """End to end: the same threat told by two articles, a later one, a meeting told twice."""
    store = Store(tmp_path / "s.duckdb")
    ingest(SAME_EVENTS, store, nlp)
    found = {(e["type"], e["date"]): e for e in store.events(provenance=True)}
    threat = found[("THREATEN", "2022-01-03")]
    assert threat["mentions"] == 2 and threat["articles"] == 2
    assert [m["article_id"] for m in threat["provenance"]] == ["t1", "t2"]
    assert found[("THREATEN", "2022-01-07")]["mentions"] == 1
    meeting = found[("CONSULT", "2022-01-07")]
    assert meeting["mentions"] == 2 and meeting["place"] == "Brüssel"


def test_parallel_ingest_stores_what_one_process_stores(tmp_path, nlp):
    from lagebild.io import iter_inputs

    corpus = tmp_path / "korpus.jsonl"
    _write_corpus(corpus, 24)
    stores = {}
    for n_process in (1, 2):
        stores[n_process] = Store(tmp_path / f"j{n_process}.duckdb")
        report = ingest(iter_inputs([str(corpus)]), stores[n_process], nlp, n_process=n_process)
        assert report.added == 24
    assert stores[1].stats() == stores[2].stats()
    assert stores[1].events(provenance=True) == stores[2].events(provenance=True)


# --------------------------------------------------------------------------- subprocess runs

CITIES = ["Kiel", "Rostock", "Erfurt", "Passau", "Bremen", "Görlitz", "Trier", "Ulm"]


def _write_corpus(path, n: int) -> None:
    """A synthetic German corpus of ``n`` distinct short articles, as JSONL."""
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            city = CITIES[i % len(CITIES)]
            text = (
                f"Der Stadtrat von {city} beriet am Montag über den Haushalt für das Jahr "
                f"{2020 + i % 7}. Die Opposition kritisierte die geplanten Ausgaben für "
                f"Straßen und Schulen scharf. Die Bürgermeisterin kündigte für den "
                f"{i % 28 + 1}. März eine weitere Sitzung an. Meldung {i}."
            )
            record = {"id": f"m{i}", "text": text, "published": "2023-03-06"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _ingest_process(corpus, db, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*CLI, "ingest", str(corpus), "--db", str(db), "--no-progress", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _count(db, wait: float = 30.0) -> int | None:
    try:
        return Store(db, wait=wait).stats()["articles"]
    except StoreError:
        return None  # not created yet


KILL_TOTAL = 150


@pytest.fixture(scope="module")
def kill_corpus(tmp_path_factory, nlp):
    """The corpus of the interruption tests and the counts one uninterrupted ingest gives."""
    from lagebild.io import iter_inputs

    folder = tmp_path_factory.mktemp("korpus")
    corpus = folder / "korpus.jsonl"
    _write_corpus(corpus, KILL_TOTAL)
    reference = Store(folder / "ref.duckdb")
    ingest(iter_inputs([str(corpus)]), reference, nlp)
    return corpus, reference.stats()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill -9", "Ctrl-C"])
def test_interrupted_ingest_resumes_exactly(tmp_path, kill_corpus, sig):
    corpus, expected = kill_corpus
    db = tmp_path / "s.duckdb"
    proc = _ingest_process(corpus, db, "--batch-size", "2")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        stored = _count(db)
        if stored or proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    partial = _count(db)
    assert partial is not None and 0 < partial < KILL_TOTAL, err
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "Run the same command again" in err
    rerun = _ingest_process(corpus, db)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{KILL_TOTAL - partial} added, {partial} already stored" in err
    # Exactly what one uninterrupted ingest stores: nothing lost, nothing twice.
    assert Store(db).stats() == expected
    assert expected["articles"] == KILL_TOTAL


def test_reader_sees_committed_batches_while_ingest_writes(tmp_path):
    total = 80
    corpus = tmp_path / "korpus.jsonl"
    _write_corpus(corpus, total)
    db = tmp_path / "s.duckdb"
    proc = _ingest_process(corpus, db, "--batch-size", "2")
    seen = []
    while proc.poll() is None:
        count = _count(db)
        if count is not None:
            seen.append(count)
        time.sleep(0.02)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert seen == sorted(seen), "a reader never sees the store go back"
    assert any(0 < c < total for c in seen), f"no read during the ingest: {seen[:5]}…"
    assert _count(db) == total
    assert os.path.getsize(db) > 0
