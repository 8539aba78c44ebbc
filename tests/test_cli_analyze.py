"""``lagebild analyze`` on good inputs: the JSON contract, JSON lines, the digest, formats."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import lagebild
from lagebild.cli import main

CONTRACT_KEYS = {"id", "published", "language", "text", "sentences", "entities", "timex", "events"}
GERMAN = (
    "Die Außenminister der Nato wollen am Freitag in Brüssel über die Lage in Osteuropa beraten. "
    "Russland hatte zuvor Truppen an die Grenze zur Ukraine verlegt.\n\n"
    "Der Generalsekretär warnte Moskau vor einem Angriff."
)
GERMAN_2 = (
    "Bundeskanzler Olaf Scholz ist am Montag zu einem Besuch in Warschau eingetroffen. "
    "Er will mit der polnischen Regierung über die Hilfe für die Ukraine sprechen."
)


def run(args, input=None):  # noqa: A002  (mirrors CliRunner)
    return CliRunner().invoke(main, ["analyze", *args], input=input)


def assert_contract(data: dict, text: str) -> None:
    """The object is the DESIGN.md contract and every offset points at its item's text."""
    assert set(data) == CONTRACT_KEYS
    assert data["text"] == text and data["language"] == "de"
    assert isinstance(data["id"], str) and data["id"]
    for sentence in data["sentences"]:
        assert 0 <= sentence["start"] < sentence["end"] <= len(text)
    for item in data["entities"] + data["timex"]:
        assert text[item["start"]:item["end"]] == item["text"]
    for ev in data["events"]:
        trigger = ev["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
        assert 0 <= ev["evidence"]["start"] <= trigger["start"] < ev["evidence"]["end"] <= len(text)


@pytest.mark.parametrize("published,expected", [("2022-01-04", "2022-01-04"),
                                                ("04.01.2022", "2022-01-04"), (None, None)])
def test_stdin_to_contract_json(published, expected):
    args = ["-", "--format", "json"] + (["--published", published] if published else [])
    result = run(args, input=GERMAN)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert_contract(data, GERMAN)
    assert data["published"] == expected
    assert data["id"] == lagebild.records.text_id(GERMAN)


def test_json_output_equals_the_library_result():
    result = run(["--format", "json", "--published", "2022-01-04"], input=GERMAN)
    expected = lagebild.analyze(GERMAN, published="2022-01-04").to_dict()
    assert json.loads(result.stdout) == expected


def test_jsonl_input_gives_one_object_per_line_with_given_ids(tmp_path):
    path = tmp_path / "artikel.jsonl"
    records = [
        {"id": "nato", "text": GERMAN, "published": "2022-01-04", "title": "Nato berät"},
        {"id": "besuch", "text": GERMAN_2, "published": "2023-05-08"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    result = run([str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["published"]) for o in out] == [("nato", "2022-01-04"),
                                                        ("besuch", "2023-05-08")]
    for obj, record in zip(out, records, strict=True):
        assert_contract(obj, record["text"])


def test_jsonl_on_stdin_is_sniffed():
    lines = "\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False)
                      for i, t in (("a", GERMAN), ("b", GERMAN_2)))
    result = run(["-", "--format", "jsonl", "--published", "2022-01-04"], input=lines)
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["published"]) for o in out] == [("a", "2022-01-04"), ("b", "2022-01-04")]


def test_directory_and_several_paths(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "eins.txt").write_text(GERMAN, "utf-8")
    (tmp_path / "d" / "zwei.txt").write_text(GERMAN_2, "utf-8")
    extra = tmp_path / "drei.txt"
    extra.write_text(GERMAN_2 + " Morgen reist er weiter.", "utf-8")
    result = run([str(tmp_path / "d"), str(extra), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == [
        GERMAN, GERMAN_2, GERMAN_2 + " Morgen reist er weiter."]


def test_html_page_takes_its_date_from_the_metadata(tmp_path):
    paragraphs = "".join(f"<p>{p}</p>" for p in GERMAN.split("\n\n"))
    page = (
        "<html><head><title>Nato berät in Brüssel</title>"
        "<meta name='date' content='2022-01-04'></head><body>"
        f"<article>{paragraphs}</article><footer>Kontakt</footer></body></html>"
    )
    path = tmp_path / "seite.htm"
    path.write_text(page, "utf-8")
    result = run([str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["published"] == "2022-01-04"
    assert "Außenminister der Nato" in data["text"]
    assert_contract(data, data["text"])


def test_text_digest_names_the_article_and_its_sections(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "nato", "title": "Nato berät über Osteuropa",
                                "text": GERMAN, "published": "2022-01-04"}), "utf-8")
    result = run([str(path)])
    assert result.exit_code == 0, result.stderr
    assert "Nato berät über Osteuropa" in result.stdout
    assert "published 2022-01-04" in result.stdout
    for table, empty in (("Events", "No events found"), ("Actors", "No names found"),
                         ("Dates", "No dates found")):
        assert (table in result.stdout) != (empty in result.stdout)


def _canary_finds(layer: str) -> bool:
    """Whether the component of ``layer`` finds anything in an obvious sentence yet."""
    text = ("Der russische Präsident Wladimir Putin hat am Freitag in Moskau mit "
            "Bundeskanzler Olaf Scholz telefoniert und der Ukraine mit einem Angriff gedroht.")
    return bool(lagebild.analyze(text, published="2022-01-04").to_dict()[layer])


def test_done_when_gold_seed_article_from_stdin(gold_dir):
    """``lagebild analyze - --published 2022-01-04 --format json`` on a gold seed text."""
    text = json.loads((gold_dir / "02-seed-nato-krisensitzung.json").read_text("utf-8"))["text"]
    result = run(["-", "--published", "2022-01-04", "--format", "json"], input=text)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert_contract(data, text)
    assert data["published"] == "2022-01-04"
    assert len(data["sentences"]) > 5
    missing = [layer for layer in ("entities", "timex", "events") if not data[layer]]
    # A layer may only be empty while its component has not landed (finds nothing anywhere).
    not_landed = [layer for layer in missing if not _canary_finds(layer)]
    assert missing == not_landed, f"{missing} empty on the gold seed article"
    if not_landed:
        pytest.skip(f"components not implemented yet for: {', '.join(not_landed)}")
