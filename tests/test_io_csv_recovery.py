"""A CSV row with broken quoting is rejected on its own; the good rows after it are kept."""

from __future__ import annotations

from lagebild.io import Rejected, iter_inputs

GUT_1 = "Die Außenminister der Nato wollen am Freitag in Brüssel über die Lage beraten."
GUT_2 = "Die Bundesregierung hat der Ukraine weitere Hilfe zugesagt, teilte ein Sprecher mit."
GUT_3 = "In Wien haben sich die Vertreter beider Staaten zu neuen Gesprächen getroffen."
KAPUTT = "Der Minister sprach von einer schwierigen Lage und reiste danach ab."


def _items(tmp_path, lines: list[str], name: str = "meldungen.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, list(iter_inputs([str(path)], published="2026-03-18"))


def _summary(items):
    return [
        (item.where.rsplit(":", 1)[1], item.error.code) if isinstance(item, Rejected)
        else item.text
        for item in items
    ]


def test_unbalanced_quote_rejects_one_row_and_keeps_the_rest(tmp_path):
    path, items = _items(tmp_path, [
        "id,title,text",
        f'1,Nato,"{GUT_1}"',
        f'2,Minister,"{KAPUTT}',            # the closing quote is missing
        f'3,Hilfe,"{GUT_2}"',
        f"4,Wien,{GUT_3}",
    ])
    assert _summary(items) == [GUT_1, ("3", "E106"), GUT_2, GUT_3]
    rejected = items[1]
    assert rejected.where == f"{path}:3"
    assert "row 2" in rejected.error.message and "line 4" in rejected.error.message
    assert "\n" not in rejected.error.message
    assert [i.id for i in items if not isinstance(i, Rejected)] == ["1", "3", "4"]


def test_quote_never_closing_until_the_end_of_the_file(tmp_path):
    """No later quote at all: non-strict csv would swallow the rest into one field."""
    _, items = _items(tmp_path, [
        "id,text",
        f"1,{GUT_1}",
        f'2,"{KAPUTT}',
        f"3,{GUT_3}",
        f"4,{GUT_1}",
    ])
    assert _summary(items) == [GUT_1, ("3", "E106"), GUT_3, GUT_1]


def test_text_after_a_closing_quote_is_broken(tmp_path):
    _, items = _items(tmp_path, [
        "id;text",
        f'1;"{GUT_1}"',
        '2;"Der Kanzler sagte "Nein" und ging."',
        f'3;"{GUT_2}"',
    ])
    assert _summary(items) == [GUT_1, ("3", "E106"), GUT_2]


def test_rest_of_a_broken_multiline_field_is_reported_not_read_as_an_article(tmp_path):
    """The second paragraph of a broken text has the stray closing quote: rejected too."""
    _, items = _items(tmp_path, [
        "text",
        f'"{GUT_1}"',
        '"Der Kanzler sagte "Nein" zu dem Plan.',
        'Die Opposition kritisierte das scharf."',
        f'"{GUT_2}"',
        f"{GUT_3}",
    ])
    assert _summary(items) == [GUT_1, ("3", "E106"), ("4", "E106"), GUT_2, GUT_3]


def test_good_multiline_quoted_texts_are_still_one_article(tmp_path):
    _, items = _items(tmp_path, [
        "id,text",
        f'1,"{GUT_1}\n\n{GUT_2} Er sagte: ""Wir helfen."""',
        f'2,"{GUT_3}"',
    ])
    assert _summary(items) == [f'{GUT_1}\n\n{GUT_2} Er sagte: "Wir helfen."', GUT_3]


def test_only_a_broken_row_is_reported_not_an_empty_file(tmp_path):
    _, items = _items(tmp_path, ["id,text", f'1,"{KAPUTT}'])
    assert _summary(items) == [("2", "E106")]
