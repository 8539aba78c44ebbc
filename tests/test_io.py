"""Readers of lagebild.io on real German inputs built in tmp_path."""

from __future__ import annotations

import itertools
import json

import pytest

from lagebild.errors import LagebildError
from lagebild.io import Rejected, expand_paths, iter_inputs, read_articles, sniff_format
from lagebild.io.decode import decode_bytes, detect_encoding
from lagebild.language import looks_german

GERMAN = (
    "Die Außenminister der Europäischen Union haben sich am Montag in Luxemburg getroffen. "
    "Sie wollen über neue Sanktionen gegen Belarus beraten, teilte ein Sprecher mit. "
    "Österreich und Ungarn äußerten Bedenken, die Gespräche würden aber fortgesetzt."
)
GERMAN_2 = (
    "Der französische Präsident ist zu einem Besuch in Berlin eingetroffen. Er will mit dem "
    "Bundeskanzler über die gemeinsame Verteidigungspolitik und die Hilfe für die Ukraine sprechen."
)
ENGLISH = (
    "The foreign ministers of the European Union met on Monday in Luxembourg. They discussed "
    "new sanctions against Belarus, a spokesman said, and will meet again next month."
)


def _codes(items):
    return [(i.where, i.error.code) if isinstance(i, Rejected) else "ok" for i in items]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_text_file_in_any_common_encoding_decodes_to_the_same_german(tmp_path, encoding):
    path = tmp_path / "artikel.txt"
    path.write_bytes(GERMAN.encode(encoding))
    (article,) = read_articles(str(path))
    assert article.text == GERMAN
    assert "Außenminister" in article.text and "Österreich" in article.text


@pytest.mark.parametrize(
    "text",
    [
        "Größere Übungen der Bündnisstreitkräfte sind für Anfang März geplant, hieß es.",
        "„Wir werden nicht nachgeben“, sagte der Minister – und drohte mit Gegenmaßnahmen.",
        "Die Gespräche über die Maßnahmen zur Schuldenbremse dauerten bis spät in die Nacht.",
    ],
)
def test_cp1252_detection_keeps_umlauts_and_german_quotes(text):
    data = text.encode("cp1252")
    assert detect_encoding(data) in {"cp1252", "iso8859_15", "latin_1"}
    assert decode_bytes(data) == text


@pytest.mark.parametrize(
    "data,code",
    [
        (b"%PDF-1.7\n1 0 obj <<>>", "E102"),
        ("Die Nato\x00\x00\x01 berät".encode(), "E102"),
        (bytes(range(1, 9)) * 200, "E102"),
        (b"\x89PNG\r\n\x1a\n....", "E102"),
    ],
)
def test_binary_data_is_refused(data, code):
    with pytest.raises(LagebildError) as info:
        decode_bytes(data, "x.txt")
    assert info.value.code == code
    assert info.value.where == "x.txt"


def test_crlf_line_ends_become_lf(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(GERMAN.replace(". ", ".\r\n").encode("utf-8"))
    (article,) = read_articles(str(path))
    assert "\r" not in article.text and article.text.count("\n") == 2


@pytest.mark.parametrize(
    "head,fmt",
    [
        (b'{"text": "Die Nato"}\n', "jsonl"),
        (b'\xef\xbb\xbf  {"id": 1}', "jsonl"),
        (b'[{"text": "x"}]', "json"),
        (b"<!DOCTYPE html><html><body>", "html"),
        (b"  <html lang='de'>", "html"),
        (b"Die Nato-Au\xc3\x9fenminister beraten.", "text"),
    ],
)
def test_sniff_format(head, fmt):
    assert sniff_format(head) == fmt


def test_jsonl_keeps_good_lines_and_rejects_bad_ones_with_line_numbers(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": GERMAN, "published": "2021-06-21"}, ensure_ascii=False),
        "{not json",
        "",
        json.dumps({"id": "b", "title": "ohne Text"}),
        json.dumps({"id": "c", "text": "   "}),
        json.dumps({"id": "d", "text": GERMAN_2, "published": "21.13.2021"}, ensure_ascii=False),
        json.dumps(["eine", "Liste"]),
        json.dumps({"id": "e", "text": ENGLISH}),
        json.dumps({"id": 7, "text": GERMAN_2, "published": "2020-02-03T10:00:00Z"},
                   ensure_ascii=False),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert _codes(items) == [
        "ok",
        (f"{path}:2", "E106"),
        (f"{path}:4", "E106"),
        (f"{path}:5", "E106"),
        (f"{path}:6", "E105"),
        (f"{path}:7", "E106"),
        (f"{path}:8", "E104"),
        "ok",
    ]
    good = [i for i in items if not isinstance(i, Rejected)]
    assert [(a.id, a.published) for a in good] == [("a", "2021-06-21"), ("7", "2020-02-03")]
    assert all(r.error.where == r.where for r in items if isinstance(r, Rejected))


def test_published_option_overrides_the_field_and_anchors_text_files(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(json.dumps({"text": GERMAN, "published": "kaputt"}) + "\n", encoding="utf-8")
    txt = tmp_path / "b.txt"
    txt.write_text(GERMAN_2, encoding="utf-8")
    items = list(iter_inputs([str(jsonl), str(txt)], "04.01.2022"))
    assert [i.published for i in items] == ["2022-01-04", "2022-01-04"]
    (plain,) = read_articles(str(txt))
    assert plain.published is None  # never today's date


def test_csv_with_semicolons_and_cp1252(tmp_path):
    rows = [
        "id;title;published;text",
        f'1;Sanktionen;2021-06-25;"{GERMAN}"',
        "2;Leer;2021-06-26;",
        f'3;Besuch;;"{GERMAN_2}"',
    ]
    path = tmp_path / "artikel.csv"
    path.write_bytes("\r\n".join(rows).encode("cp1252"))
    items = list(iter_inputs([str(path)]))
    assert _codes(items) == ["ok", (f"{path}:3", "E106"), "ok"]
    assert items[0].text == GERMAN and items[0].title == "Sanktionen"
    assert items[2].published is None


def test_csv_without_text_column_is_malformed(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,body\n1,Die Nato berät\n", encoding="utf-8")
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Rejected) and item.error.code == "E106"
    assert item.where == f"{path}:1"


def test_html_page_gives_main_text_title_and_date(tmp_path):
    body = "".join(f"<p>{s}.</p>" for s in GERMAN.split(". "))
    html = (
        "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
        "<title>EU berät über Sanktionen</title>"
        "<meta property='article:published_time' content='2021-06-21T09:30:00+02:00'>"
        "</head><body><nav><a href='/'>Startseite</a></nav>"
        f"<article><h1>EU berät über Sanktionen</h1>{body}</article>"
        "<footer>Impressum</footer></body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_text(html, encoding="utf-8")
    (article,) = read_articles(str(path))
    assert "Außenminister der Europäischen Union" in article.text
    assert "Impressum" not in article.text
    assert article.published == "2021-06-21"
    assert article.title == "EU berät über Sanktionen"


def test_directory_is_read_recursively_and_skips_other_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(GERMAN_2, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notizen", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(GERMAN, encoding="utf-8")
    assert expand_paths(str(tmp_path)) == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]
    assert [a.text for a in read_articles(str(tmp_path))] == [GERMAN, GERMAN_2]


def test_glob_matches_and_missing_paths(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(GERMAN, encoding="utf-8")
    assert len(expand_paths(str(tmp_path / "x*.txt"))) == 2
    items = list(iter_inputs([str(tmp_path / "z*.txt"), str(tmp_path / "fehlt.txt")]))
    assert _codes(items) == [
        (str(tmp_path / "z*.txt"), "E107"),
        (str(tmp_path / "fehlt.txt"), "E107"),
    ]


@pytest.mark.parametrize(
    "name,content,code",
    [
        ("leer.txt", b"", "E101"),
        ("leer2.txt", b" \n\n\t ", "E101"),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E102"),
        ("englisch.txt", ENGLISH.encode(), "E104"),
        ("artikel.pdf", b"%PDF-1.4", "E109"),
        ("artikel.docx", b"PK\x03\x04", "E109"),
        ("leer.jsonl", b"\n\n", "E101"),
        ("kaputt.json", b"{\"text\": ", "E106"),
    ],
)
def test_single_bad_file_raises_its_code(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LagebildError) as info:
        list(read_articles(str(path)))
    assert info.value.code == code
    assert info.value.where == str(path)


def test_text_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("lagebild.io.checks.MAX_ARTICLE_BYTES", 1000)
    path = tmp_path / "lang.txt"
    path.write_text(GERMAN * 10, encoding="utf-8")
    with pytest.raises(LagebildError) as info:
        list(read_articles(str(path)))
    assert info.value.code == "E108"


def test_allow_any_language_lets_english_through(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    (article,) = read_articles(str(path), allow_any_language=True)
    assert article.text == ENGLISH


@pytest.mark.parametrize(
    "text,german",
    [
        (GERMAN, True),
        (GERMAN_2, True),
        ("Scholz trifft Macron in Paris", True),
        ("Biden, Putin, Xi", True),
        (ENGLISH, False),
        ("The talks in Geneva were difficult, said the minister.", False),
        ("Les ministres se réuniront vendredi à Bruxelles pour discuter de la situation.", False),
        ("De ministers komen vrijdag in Brussel bijeen om over de situatie te praten.", False),
    ],
)
def test_looks_german(text, german):
    assert looks_german(text) is german


@pytest.mark.parametrize(
    "head,footer,expected",
    [
        ("<meta name='date' content='2022-01-04'>", "", "2022-01-04"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", '
         '"datePublished": "2019-08-06T08:00:00Z"}</script>', "", "2019-08-06"),
        ("", "<p>© 2024 Beispielzeitung</p>", None),  # no guess from a copyright line
        ("", "", None),
    ],
)
def test_html_date_comes_from_metadata_only(tmp_path, head, footer, expected):
    page = (f"<html><head><title>Sanktionen</title>{head}</head><body>"
            f"<article><p>{GERMAN}</p><p>{GERMAN_2}</p></article>{footer}</body></html>")
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    (article,) = read_articles(str(path))
    assert article.published == expected
    assert GERMAN_2 in article.text


@pytest.mark.parametrize("encoding", ["cp1252", "mac_roman", "utf-16"])
def test_news_corpus_round_trips_through_legacy_encodings(corpora_dir, encoding):
    import csv
    import gzip

    path = corpora_dir / "10kgnad" / "test.csv.gz"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";", quotechar="'")
        texts = [row[1] for row in itertools.islice(rows, 40)]
    checked = 0
    for text in texts:
        try:
            data = text[:400].encode(encoding)
        except UnicodeEncodeError:
            continue
        assert decode_bytes(data) == text[:400]
        checked += 1
    assert checked >= 30
