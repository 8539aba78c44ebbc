"""``lagebild demo``: a fresh store from sample articles, a digest per article, the timeline."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lagebild.cli import main
from lagebild.cli.demo import DEMO_ARTICLES
from lagebild.store import Store

OWN_ARTICLES = [
    {"id": "rat-kiel", "title": "Stadtrat Kiel berät Haushalt", "published": "2023-03-06",
     "text": "Der Stadtrat von Kiel beriet am Montag über den Haushalt. Die Opposition "
             "kritisierte die geplanten Ausgaben für neue Straßen scharf."},
    {"id": "hafen-rostock", "title": "Streik im Rostocker Hafen", "published": "2023-03-07",
     "text": "Im Rostocker Hafen streikten am Dienstag die Beschäftigten. Die Gewerkschaft "
             "forderte höhere Löhne und drohte mit weiteren Arbeitsniederlegungen."},
]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def own_articles(tmp_path):
    path = tmp_path / "eigene.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in OWN_ARTICLES) + "\n",
                    encoding="utf-8")
    return path


def test_demo_prints_digests_then_timeline(tmp_path, own_articles):
    db = tmp_path / "demo.duckdb"
    result = run("demo", "--db", str(db), "--articles", str(own_articles))
    assert result.exit_code == 0, result.output
    out = result.stdout
    first, second = out.index("Stadtrat Kiel"), out.index("Streik im Rostocker Hafen")
    assert first < second < out.index("Timeline of the store")
    assert "2 added" in out
    assert Store(db).stats()["articles"] == 2


def test_demo_refuses_an_existing_store(tmp_path, own_articles):
    db = tmp_path / "demo.duckdb"
    db.write_bytes(b"")
    result = run("demo", "--db", str(db), "--articles", str(own_articles))
    assert result.exit_code == 4
    assert result.stderr.startswith("lagebild: error E301:")


def test_demo_on_the_bundled_articles(tmp_path):
    if not DEMO_ARTICLES.exists():
        pytest.skip("the bundled demo articles are not there yet")
    lines = [json.loads(x) for x in DEMO_ARTICLES.read_text(encoding="utf-8").splitlines() if x]
    db = tmp_path / "demo.duckdb"
    result = run("demo", "--db", str(db))
    assert result.exit_code == 0, result.output
    for article in lines:
        assert article["title"][:20] in result.stdout
    assert Store(db).stats()["articles"] == len(lines)
