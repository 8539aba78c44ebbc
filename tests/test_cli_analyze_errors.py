"""``lagebild analyze`` on bad inputs: one stable error code per problem, the right exit status,
and a batch that keeps its good articles. Inputs are real files built in tmp_path."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lagebild.cli import main

GERMAN = (
    "Der Bundeskanzler hat am Dienstag mit dem französischen Präsidenten telefoniert. "
    "Beide wollen sich in der kommenden Woche in Paris treffen, um über die Lage in der "
    "Ukraine und neue Sanktionen gegen Russland zu beraten."
)
GERMAN_2 = (
    "Die Regierung in Warschau hat den russischen Botschafter einbestellt. Sie wirft Moskau vor, "
    "mit Drohnen den polnischen Luftraum verletzt zu haben, was der Kreml zurückwies."
)
ENGLISH = (
    "The chancellor spoke with the French president on Tuesday. Both want to meet in Paris "
    "next week to discuss the situation in Ukraine and new sanctions against Russia."
)


def run(args, input=None):  # noqa: A002  (mirrors CliRunner)
    return CliRunner().invoke(main, ["analyze", *args], input=input)


def error_lines(result):
    return [line for line in result.stderr.splitlines() if line.startswith("lagebild: error")]


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


@pytest.mark.parametrize(
    "name,content,code,exit_code",
    [
        ("leer.txt", b"", "E101", 3),
        ("nur-leerzeichen.txt", b"\n  \n\t\n", "E101", 3),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E102", 3),
        ("nul.txt", GERMAN.encode() + b"\x00\x00\x00\x00", "E102", 3),
        ("gemischt.txt", GERMAN.encode() + " Grüße".encode("cp1252"), "E103", 3),
        ("zufall.txt", bytes(range(128, 256)) * 20, "E103", 3),
        ("english.txt", ENGLISH.encode(), "E104", 3),
        ("artikel.pdf", b"%PDF-1.4 ...", "E109", 2),
        ("artikel.docx", b"PK\x03\x04....", "E109", 2),
    ],
)
def test_one_bad_file_gives_its_code_and_exit_status(tmp_path, name, content, code, exit_code):
    path = write(tmp_path, name, content)
    result = run([path, "--format", "json"])
    assert result.exit_code == exit_code, result.output
    assert error_lines(result) == [error_lines(result)[0]]
    assert error_lines(result)[0].startswith(f"lagebild: error {code}: {path}: ")
    assert result.stdout == ""


def test_missing_file_is_e107(tmp_path):
    missing = str(tmp_path / "gibt-es-nicht.txt")
    result = run([missing])
    assert result.exit_code == 3
    assert error_lines(result) == [f"lagebild: error E107: {missing}: no such file or directory"]


def test_too_large_article_is_e108(tmp_path):
    sentence = "Die Minister beraten über die Lage an der Grenze und die Hilfe für die Ukraine. "
    path = write(tmp_path, "riesig.txt", sentence * (5 * 1024 * 1024 // len(sentence) + 10))
    result = run([path])
    assert result.exit_code == 3
    assert error_lines(result)[0].startswith(f"lagebild: error E108: {path}: ")


@pytest.mark.parametrize("bad", ["2022-02-30", "gestern", "01/04/2022"])
def test_bad_published_option_is_e105_usage_error(tmp_path, bad):
    path = write(tmp_path, "a.txt", GERMAN)
    result = run([path, "--published", bad])
    assert result.exit_code == 2
    assert error_lines(result)[0].startswith("lagebild: error E105: ")


def test_missing_knowledge_file_is_e110(tmp_path):
    path = write(tmp_path, "a.txt", GERMAN)
    result = run([path, "--actors", str(tmp_path / "meine-akteure.yml")])
    assert result.exit_code == 2
    assert error_lines(result)[0].startswith("lagebild: error E110: ")


def test_cp1252_file_is_decoded_and_analyzed(tmp_path):
    path = write(tmp_path, "alt.txt", GERMAN.encode("cp1252"))
    result = run([path, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["text"] == GERMAN


def test_english_passes_with_allow_any_language(tmp_path):
    path = write(tmp_path, "english.txt", ENGLISH)
    result = run([path, "--format", "json", "--allow-any-language"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["text"] == ENGLISH
    assert "W101" in result.stderr


def test_malformed_jsonl_keeps_good_lines_and_exits_1(tmp_path):
    lines = [
        json.dumps({"id": "gut-1", "text": GERMAN, "published": "2023-03-14"}, ensure_ascii=False),
        '{"id": "kaputt", "text": "Die Nato',
        json.dumps({"id": "ohne-text", "title": "Nur ein Titel"}),
        json.dumps({"id": "datum", "text": GERMAN_2, "published": "30.02.2023"},
                   ensure_ascii=False),
        json.dumps({"id": "gut-2", "text": GERMAN_2}, ensure_ascii=False),
        json.dumps({"id": "englisch", "text": ENGLISH}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    result = run([path, "--format", "jsonl"])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["published"]) for o in out] == [("gut-1", "2023-03-14"), ("gut-2", None)]
    assert [line.split(": ")[1:3] for line in error_lines(result)] == [
        ["error E106", f"{path}:2"],
        ["error E106", f"{path}:3"],
        ["error E105", f"{path}:4"],
        ["error E104", f"{path}:6"],
    ]


def test_batch_where_nothing_can_be_analyzed_exits_3(tmp_path):
    empty = write(tmp_path, "leer.txt", b"")
    pdf = write(tmp_path, "doc.pdf", b"%PDF-1.4")
    result = run([empty, pdf, "--format", "jsonl"])
    assert result.exit_code == 3
    assert [line.split(": ")[1] for line in error_lines(result)] == ["error E101", "error E109"]


def test_format_json_with_several_articles_is_e111(tmp_path):
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in (GERMAN, GERMAN_2)]
    path = write(tmp_path, "zwei.jsonl", "\n".join(lines))
    result = run([path, "--format", "json"])
    assert result.exit_code == 2
    assert error_lines(result)[0].startswith("lagebild: error E111: ")
    assert "--format jsonl" in error_lines(result)[0]
    assert result.stdout == ""


def test_empty_stdin_is_e101():
    result = run(["-"], input="")
    assert result.exit_code == 3
    assert error_lines(result) == ["lagebild: error E101: <stdin>: the article text is empty"]
