"""``lagebild eval`` end to end on a tiny gold directory written to tmp_path."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lagebild.cli import main

TEXT = (
    "Der französische Präsident Emmanuel Macron empfing am Dienstag in Paris den "
    "polnischen Regierungschef Donald Tusk. Beide forderten mehr Hilfe für die Ukraine."
)
GOLD = {
    "id": "macron-tusk",
    "published": "2024-02-13",
    "text": TEXT,
    "entities": [
        {"text": "Emmanuel Macron", "type": "PER", "actor": "FRA"},
        {"text": "Paris", "type": "LOC", "actor": None},
        {"text": "Donald Tusk", "type": "PER", "actor": "POL"},
        {"text": "Ukraine", "type": "LOC", "actor": "UKR"},
    ],
    "timex": [{"text": "Dienstag", "type": "DATE", "value": "2024-02-13"}],
    "events": [
        {
            "evidence": "Der französische Präsident Emmanuel Macron empfing am Dienstag in "
            "Paris den polnischen Regierungschef Donald Tusk",
            "trigger": "empfing", "type": "CONSULT", "mode": "visit",
            "source": ["POL"], "target": ["FRA"], "date": "2024-02-13", "place": "Paris",
            "status": "occurred",
        },
        {
            "evidence": "Beide forderten mehr Hilfe für die Ukraine",
            "trigger": "forderten", "type": "REQUEST", "mode": None,
            "source": ["FRA", "POL"], "target": [], "date": "2024-02-13", "place": None,
            "status": "occurred",
        },
    ],
}


@pytest.fixture
def gold_tmp(tmp_path):
    (tmp_path / "macron-tusk.json").write_text(
        json.dumps(GOLD, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return tmp_path


def _run(*args: str):
    return CliRunner().invoke(main, ["eval", *args])


def test_eval_json_end_to_end(gold_tmp):
    result = _run(str(gold_tmp), "--json", "--per-article", "--per-type")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == 1
    layers = report["layers"]
    expected_gold = {"timex.span": 1, "entities.typed": 4, "events.type": 2, "events.actors": 2}
    for layer, n_gold in expected_gold.items():
        assert layers[layer]["tp"] + layers[layer]["fn"] == n_gold
        assert 0.0 <= layers[layer]["f1"] <= 1.0
    assert set(report["attributes"]) >= {"entities.actor", "events.date", "events.place"}
    assert [a["id"] for a in report["per_article"]] == ["macron-tusk"]
    assert set(report["per_type"]["events.type"]) >= {"CONSULT", "REQUEST"}
    assert "events.type.macro_f1" in report["headline"]


def test_eval_table_output(gold_tmp):
    result = _run(str(gold_tmp), "--per-article", "--per-type")
    assert result.exit_code == 0, result.output
    for word in ("timex.span", "entities.typed", "events.actors", "events.date", "macro-F1"):
        assert word in result.stdout
    assert "macron-tusk" in result.stdout


@pytest.mark.parametrize(
    ("floor", "exit_code", "stderr_part"),
    [(0.0, 0, ""), (1.01, 1, "timex.span.f1 = ")],
)
def test_eval_floors_gate(gold_tmp, tmp_path_factory, floor, exit_code, stderr_part):
    floors = tmp_path_factory.mktemp("floors") / "floors.json"
    floors.write_text(json.dumps({"floors": {"timex.span.f1": floor}}), encoding="utf-8")
    result = _run(str(gold_tmp), "--json", "--floors", str(floors))
    assert result.exit_code == exit_code
    assert stderr_part in result.stderr
    (check,) = json.loads(result.stdout)["gate"]
    assert check["passed"] is (exit_code == 0)


@pytest.mark.parametrize(
    ("files", "code", "part"),
    [
        ({}, "E401", "no gold files"),
        ({"kaputt.json": {**GOLD, "timex": [{"text": "Mittwoch", "type": "DATE",
                                             "value": "2024-02-14"}]}},
         "E401", "kaputt.json"),
        ({"ohne.json": {k: v for k, v in GOLD.items() if k != "entities"}}, "E401", "ohne.json"),
    ],
)
def test_eval_bad_gold_is_one_error_line(tmp_path, files, code, part):
    for name, data in files.items():
        (tmp_path / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = _run(str(tmp_path), "--json")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.startswith(f"lagebild: error {code}: ")
    assert part in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_eval_missing_directory(tmp_path):
    result = _run(str(tmp_path / "fehlt"))
    assert result.exit_code == 3
    assert "E107" in result.stderr


def test_eval_errors_listing(gold_tmp):
    result = _run(str(gold_tmp), "--json", "--errors", "entities")
    assert result.exit_code == 0, result.output
    listing = json.loads(result.stdout)["errors"]["entities"]["macron-tusk"]
    assert all(d["kind"] for d in listing)
    missed = {d["gold"]["text"] for d in listing if d["kind"] == "missed"}
    assert missed <= {"Emmanuel Macron", "Paris", "Donald Tusk", "Ukraine"}
    text = _run(str(gold_tmp), "--errors", "events")
    assert text.exit_code == 0 and "events differences: macron-tusk" in text.stdout
