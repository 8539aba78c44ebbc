"""Reading gold files: validation (E401) and offsets by left-to-right search."""

from __future__ import annotations

import copy
import json

import pytest

from lagebild.errors import GoldFormatError, InputNotFound
from lagebild.evaluation import load_gold_dir, load_gold_file, parse_gold

TEXT = (
    "Annalena Baerbock reiste am Montag nach Kiew. Dort sprach Baerbock mit der "
    "ukrainischen Regierung über den Ukraine-Konflikt; die Ukraine bat um Hilfe.\n\n"
    "Das Treffen fand in\u00a0Kiew statt."
)
GOLD = {
    "id": "baerbock-kiew",
    "published": "2024-05-06",
    "text": TEXT,
    "entities": [
        {"text": "Annalena Baerbock", "type": "PER", "actor": "DEU"},
        {"text": "Kiew", "type": "LOC", "actor": None},
        {"text": "Baerbock", "type": "PER", "actor": "DEU"},
        {"text": "Ukraine", "type": "LOC", "actor": "UKR"},
        {"text": "Kiew", "type": "LOC", "actor": None},
    ],
    "timex": [{"text": "Montag", "type": "DATE", "value": "2024-05-06"}],
    "events": [
        {
            "evidence": "Annalena Baerbock reiste am Montag nach Kiew",
            "trigger": "reiste",
            "type": "CONSULT", "mode": "visit", "source": ["DEU"], "target": ["UKR"],
            "date": "2024-05-06", "place": "Kiew", "status": "occurred",
        },
        {
            "evidence": "die Ukraine bat um Hilfe",
            "trigger": "bat",
            "type": "REQUEST", "mode": None, "source": ["UKR"], "target": [],
            "date": None, "place": None, "status": "occurred",
        },
        {
            "evidence": "die Ukraine bat um Hilfe",
            "trigger": "Hilfe",
            "type": "AID", "mode": None, "source": [], "target": ["UKR"],
            "date": None, "place": None, "status": "planned",
        },
    ],
}


def test_offsets_follow_the_text_order():
    gold = parse_gold(GOLD, "baerbock.json")
    for item in (*gold.entities, *gold.timex):
        assert TEXT[item["start"] : item["end"]] == item["text"]
    starts = [e["start"] for e in gold.entities]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    # the second "Baerbock" is not the one inside "Annalena Baerbock"
    assert starts[2] == TEXT.index("Dort sprach Baerbock") + len("Dort sprach ")


def test_a_free_standing_occurrence_is_preferred_to_one_inside_a_compound():
    gold = parse_gold(GOLD, "baerbock.json")
    ukraine = gold.entities[3]
    assert TEXT[ukraine["start"] - 4 : ukraine["end"]] == "die Ukraine"


def test_no_break_space_is_kept():
    gold = parse_gold(GOLD, "baerbock.json")
    last = gold.entities[4]
    assert TEXT[last["start"] - 1] == "\u00a0"


def test_events_get_evidence_and_trigger_offsets():
    gold = parse_gold(GOLD, "baerbock.json")
    request, aid = gold.events[1], gold.events[2]
    # two events share one evidence string
    assert request["evidence"]["start"] == aid["evidence"]["start"]
    for ev in gold.events:
        t = ev["trigger"]
        assert TEXT[t["start"] : t["end"]] == t["text"]
        assert ev["evidence"]["start"] <= t["start"] < t["end"] <= ev["evidence"]["end"]


def _broken(path: list, value):
    data = copy.deepcopy(GOLD)
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_broken(["text"], KeyError), "lacks key(s) text"),
        (_broken(["events"], KeyError), "lacks key(s) events"),
        (_broken(["entities", 1, "actor"], KeyError), "entities[1] lacks key(s) actor"),
        (_broken(["timex", 0, "value"], KeyError), "timex[0] lacks key(s) value"),
        (_broken(["events", 0, "status"], KeyError), "events[0] lacks key(s) status"),
        # a normal space where the text has U+00A0: no normalisation, so not found
        (_broken(["entities", 4, "text"], "in Kiew"), "not found"),
        (_broken(["timex", 0, "text"], "Dienstag"), "not found"),
        (_broken(["events", 1, "evidence"], "die Ukraine bat um Geld"), "not found"),
        (_broken(["events", 0, "trigger"], "fand"), "not inside its evidence"),
        (_broken(["events", 0, "source"], "DEU"), "must be a list"),
        ([1, 2, 3], "not a JSON object"),
    ],
)
def test_bad_gold_raises_e401_naming_the_file(data, message):
    with pytest.raises(GoldFormatError) as info:
        parse_gold(data, "kaputt.json")
    assert info.value.code == "E401"
    assert message in info.value.message
    assert info.value.one_line().startswith("E401: kaputt.json: ")


def test_an_item_out_of_text_order_takes_its_first_free_occurrence():
    data = copy.deepcopy(GOLD)
    # "Baerbock" listed after "Ukraine" although it occurs before it
    data["entities"] = [data["entities"][i] for i in (0, 3, 2)]
    starts = [e["start"] for e in parse_gold(data, "reihenfolge.json").entities]
    assert starts[2] == TEXT.index("sprach Baerbock") + len("sprach ")


def test_an_item_whose_occurrences_are_all_taken_is_an_error():
    data = copy.deepcopy(GOLD)
    data["entities"] = [*data["entities"], {"text": "Kiew", "type": "LOC", "actor": None}]
    with pytest.raises(GoldFormatError, match=r"entities\[5\]: text 'Kiew' not found"):
        parse_gold(data, "dreimal.json")


def test_directory_reading(tmp_path):
    (tmp_path / "b.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps({**GOLD, "id": "zweites"}, ensure_ascii=False), encoding="utf-8"
    )
    (tmp_path / "README.md").write_text("keine Gold-Datei", encoding="utf-8")
    assert [g.id for g in load_gold_dir(tmp_path)] == ["zweites", "baerbock-kiew"]
    assert load_gold_file(tmp_path / "b.json").id == "baerbock-kiew"


def test_invalid_json_names_the_file(tmp_path):
    (tmp_path / "defekt.json").write_text("{ kein json", encoding="utf-8")
    with pytest.raises(GoldFormatError) as info:
        load_gold_dir(tmp_path)
    assert info.value.where == "defekt.json"


def test_empty_and_missing_directories(tmp_path):
    with pytest.raises(GoldFormatError, match="no gold files"):
        load_gold_dir(tmp_path)
    with pytest.raises(InputNotFound):
        load_gold_dir(tmp_path / "fehlt")


def test_the_shared_gold_set_loads(gold_dir):
    articles = load_gold_dir(gold_dir)
    assert len(articles) == 12
    counts = [sum(len(getattr(a, layer)) for a in articles) for layer in ("entities", "timex")]
    assert counts == [289, 80]
    assert sum(len(a.events) for a in articles) == 129
