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


@pytest.mark.parametrize(
    "article,key",
    [
        (lagebild.Article(text="Die Nato berät.", id="nato-1"), "nato-1"),
        (lagebild.Article(text="Die Nato berät."), lagebild.records.text_id("Die Nato berät.")),
    ],
)
def test_article_key_is_the_given_id_else_the_content_hash(article, key):
    assert article.key == key
    assert len(lagebild.records.text_id(article.text)) == 16


def test_event_to_dict_is_the_contract_shape():
    text = "Russland drohte der Ukraine am Montag."
    event = lagebild.Event(
        type="THREATEN", source=("RUS",), target=("UKR",),
        trigger=lagebild.Trigger("drohte", 9, 15), evidence=lagebild.Offsets(0, len(text)),
        status="occurred", date="2022-01-10", geo=lagebild.Geo(55.75, 37.62, "RUS"),
        confidence=0.66666,
    )
    data = event.to_dict()
    assert list(data) == ["type", "mode", "source", "target", "date", "place", "geo", "status",
                          "trigger", "evidence", "cameo", "quad_class", "goldstein",
                          "confidence"]
    assert data["source"] == ["RUS"] and data["target"] == ["UKR"]
    assert data["geo"] == {"lat": 55.75, "lon": 37.62, "country": "RUS"}
    assert text[data["trigger"]["start"]:data["trigger"]["end"]] == "drohte"
    assert data["confidence"] == 0.667
    assert json.loads(json.dumps(data)) == data
