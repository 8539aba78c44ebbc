"""The project's own annotated sets (written for lagebild) stay well-formed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", ["gold-dev2", "gold-heldout"])
def test_gold_set_validates(name):
    script = DATA / name / "validate.py"
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          cwd=script.parent, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert len(list((DATA / name).glob("*.json"))) == 10
