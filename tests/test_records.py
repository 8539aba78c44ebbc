import json

import pytest

import lagebild


@pytest.mark.parametrize(
    "text,published",
    [
        ("Die Nato-Außenminister wollen am Freitag in Brüssel beraten.", "2022-01-04"),
        ("Russland hat Truppen an die Grenze verlegt. Die Ukraine protestiert.", None),
    ],
)
def test_analyze_returns_contract_with_valid_offsets(text, published):
    result = lagebild.analyze(text, published=published)
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert set(data) == {"id", "published", "language", "text", "sentences", "entities",
                         "timex", "events"}
    assert data["text"] == text
    assert data["published"] == published
    assert len(data["id"]) == 16
    assert data["sentences"] and data["sentences"][0]["start"] == 0
    for item in data["entities"] + data["timex"]:
        assert text[item["start"]:item["end"]] == item["text"]
    for ev in data["events"]:
        assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
        assert ev["evidence"]["start"] <= ev["trigger"]["start"] <= ev["evidence"]["end"]


@pytest.mark.parametrize("bad", ["2022-13-01", "gestern", "04/01/2022"])
def test_bad_published_date_raises_e105(bad):
    with pytest.raises(lagebild.LagebildError) as info:
        lagebild.analyze("Die Nato berät.", published=bad)
    assert info.value.code == "E105"
