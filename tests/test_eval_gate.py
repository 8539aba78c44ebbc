"""Quality gate: every layer's score on ../shared/gold-dev stays at or above its floor.

Floors live in ``benchmarks/floors.json``; they only move up and are edited by hand
(measured value rounded down to two decimals, minus 0.02). The evaluation runs once per
module; each floor is its own test so a failure names the layer.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from lagebild.evaluation import (
    ArticleScores,
    EvalReport,
    check_floors,
    evaluate_dir,
    load_floors,
    score_entities,
    score_events,
    score_timex,
)
from lagebild.evaluation.floors import suggested_floor

FLOORS_FILE = Path(__file__).resolve().parents[1] / "benchmarks" / "floors.json"
FLOORS = load_floors(FLOORS_FILE)


@pytest.fixture(scope="module")
def measured(gold_dir, nlp) -> dict[str, float]:
    return evaluate_dir(gold_dir, nlp=nlp).headline()


@pytest.mark.parametrize("layer", list(FLOORS))
def test_layer_meets_its_floor(measured, layer):
    (check,) = check_floors(measured, {layer: FLOORS[layer]})
    assert check.passed, f"quality gate: {check.message()}"
    if check.well_above:
        warnings.warn(f"quality gate: {check.message()}", stacklevel=1)


def test_every_layer_has_a_floor_and_every_floor_a_layer():
    empty = {**score_timex([], []), **score_entities([], []), **score_events([], [])}
    layers = set(EvalReport([ArticleScores("leer", empty)]).headline())
    assert layers == set(FLOORS)


def test_floors_are_valid_fractions():
    assert all(0.0 <= floor <= 1.0 for floor in FLOORS.values())


@pytest.mark.parametrize(
    ("value", "floor"), [(0.0, 0.0), (0.015, 0.0), (0.5, 0.48), (0.8571, 0.83), (1.0, 0.98)]
)
def test_suggested_floor(value, floor):
    assert suggested_floor(value) == floor
