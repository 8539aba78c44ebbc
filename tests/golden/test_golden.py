"""Golden outputs: the contract JSON of every demo article, compared field by field.

A difference fails the test with a short diff. When a change of output is intended,
regenerate the files and review them with ``git diff tests/golden``::

    pytest tests/golden --update-golden        # or LAGEBILD_UPDATE_GOLDEN=1 pytest tests
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from lagebild.analysis import analyze_articles
from lagebild.demo import demo_articles
from lagebild.records import ENTITY_TYPES, EVENT_TYPES, STATUSES, TIMEX_TYPES

GOLDEN_DIR = Path(__file__).parent
ARTICLES = demo_articles()
IDS = [a.key for a in ARTICLES]
MAX_DIFF_LINES = 60


@pytest.fixture(scope="module")
def outputs(nlp) -> dict[str, dict]:
    """The contract JSON of each demo article, analyzed once for the module."""
    return {r.id: r.to_dict() for r in analyze_articles(nlp, ARTICLES)}


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _diff(expected: str, actual: str, name: str) -> str:
    lines = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                      f"golden/{name}", "current output", lineterm="", n=2))
    more = len(lines) - MAX_DIFF_LINES
    return "\n".join(lines[:MAX_DIFF_LINES]) + (f"\n… {more} more diff lines" if more > 0 else "")


@pytest.mark.parametrize("article_id", IDS)
def test_output_matches_golden_file(article_id, outputs, update_golden):
    path = GOLDEN_DIR / f"{article_id}.json"
    actual = _dump(outputs[article_id])
    if update_golden:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path.name}; run: pytest tests/golden --update-golden"
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        diff = _diff(expected, actual, path.name)
        pytest.fail(
            f"output of demo article {article_id!r} differs from its golden file "
            f"(intended? pytest tests/golden --update-golden):\n{diff}",
            pytrace=False,
        )


def test_every_golden_file_belongs_to_a_demo_article():
    stale = sorted(p.stem for p in GOLDEN_DIR.glob("*.json") if p.stem not in IDS)
    assert not stale, f"golden files without a demo article: {stale}"


@pytest.mark.parametrize("article_id", IDS)
def test_demo_output_keeps_the_contract_invariants(article_id, outputs):
    data = outputs[article_id]
    text = data["text"]
    article = ARTICLES[IDS.index(article_id)]
    assert text == article.text and data["published"] == article.published
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    previous_end = 0
    for sentence in data["sentences"]:
        assert previous_end <= sentence["start"] < sentence["end"] <= len(text)
        previous_end = sentence["end"]
    for ent in data["entities"]:
        assert text[ent["start"]:ent["end"]] == ent["text"] and ent["text"].strip() == ent["text"]
        assert ent["type"] in ENTITY_TYPES
    for timex in data["timex"]:
        assert text[timex["start"]:timex["end"]] == timex["text"]
        assert timex["type"] in TIMEX_TYPES and timex["value"]
    for ev in data["events"]:
        trigger, evidence = ev["trigger"], ev["evidence"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
        assert 0 <= evidence["start"] <= trigger["start"] < trigger["end"] <= evidence["end"]
        assert evidence["end"] <= len(text)
        assert ev["type"] in EVENT_TYPES and ev["status"] in STATUSES
        assert 0.0 <= ev["confidence"] <= 1.0
        assert ev["date"] is None or len(ev["date"]) >= 4
