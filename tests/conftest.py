"""Shared fixtures. Tests that need ``../shared`` (gold files, corpora) skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import lagebild

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
GOLD_DIR = SHARED / "gold-dev"
CORPORA = SHARED / "corpora"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="rewrite tests/golden/*.json from the current output (on purpose only)",
    )


@pytest.fixture(scope="session")
def nlp():
    """The default lagebild pipeline, built once for the whole test session."""
    return lagebild.load()


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD_DIR.is_dir():
        pytest.skip(f"gold files not found at {GOLD_DIR} (needs ../shared beside the checkout)")
    return GOLD_DIR


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"corpora not found at {CORPORA} (needs ../shared beside the checkout)")
    return CORPORA
