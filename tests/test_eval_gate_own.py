"""Quality gate on the project's own annotated sets (tests/data), which never skip.

``gold-dev2`` is used for tuning; ``gold-heldout`` is never tuned on and shows how the rules
generalize to unseen reports. Floors: ``benchmarks/floors-<set>.json``, edited by hand, only
moving up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.evaluation import check_floors, evaluate_dir, load_floors

REPO = Path(__file__).resolve().parents[1]
SETS = ("gold-dev2", "gold-heldout")


@pytest.fixture(scope="module")
def measured(nlp) -> dict[str, dict[str, float]]:
    return {name: evaluate_dir(REPO / "tests" / "data" / name, nlp=nlp).headline() for name in SETS}


@pytest.mark.parametrize("name", SETS)
def test_own_set_meets_its_floors(measured, name):
    floors = load_floors(REPO / "benchmarks" / f"floors-{name}.json")
    assert set(floors) == set(measured[name])
    failed = [check.message() for check in check_floors(measured[name], floors) if not check.passed]
    assert not failed, f"quality gate on {name}: " + "; ".join(failed)
