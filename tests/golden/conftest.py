"""``--update-golden``: rewrite the golden files from the current output, on purpose.

pytest only reads options from conftest files it loads at start-up, which includes this
one when the run names ``tests/golden`` (or a file in it). ``LAGEBILD_UPDATE_GOLDEN=1`` does
the same from any run, e.g. ``LAGEBILD_UPDATE_GOLDEN=1 pytest tests``.
"""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    try:
        parser.addoption(
            "--update-golden",
            action="store_true",
            default=False,
            help="rewrite tests/golden/*.json from the current analyze output",
        )
    except ValueError:  # already added by a conftest higher up
        pass


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the golden files are to be rewritten instead of compared."""
    from_option = bool(request.config.getoption("--update-golden", default=False))
    return from_option or os.environ.get("LAGEBILD_UPDATE_GOLDEN") == "1"
