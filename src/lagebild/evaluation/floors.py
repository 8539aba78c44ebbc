"""The quality gate: minimum scores per layer, kept by hand in ``benchmarks/floors.json``.

The file holds ``{"floors": {"<layer>.f1": 0.41, ...}}`` with the names of
:meth:`EvalReport.headline`. Floors only move up, and only by hand: after an improvement,
set a floor to the newly measured value rounded down to two decimals minus 0.02.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from ..errors import GoldFormatError

WELL_ABOVE = 0.05  # a floor this far below the measured value should be raised
MARGIN = 0.02  # room for harmless run-to-run changes (tie-breaking, rounding)


def suggested_floor(value: float) -> float:
    """The floor to record for a measured value: rounded down to 2 decimals, minus 0.02."""
    return max(0.0, round(math.floor(value * 100 + 1e-9) / 100 - MARGIN, 2))


@dataclass(frozen=True)
class FloorCheck:
    """One layer's measured value against its floor; ``value`` None = not measured."""

    name: str
    value: float | None
    floor: float

    @property
    def passed(self) -> bool:
        return self.value is not None and self.value + 1e-9 >= self.floor

    @property
    def well_above(self) -> bool:
        return self.value is not None and self.value - self.floor >= WELL_ABOVE

    def message(self) -> str:
        if self.value is None:
            return f"{self.name}: no such score was measured (floor {self.floor:.2f})"
        if not self.passed:
            return f"{self.name} = {self.value:.4f} is below its floor {self.floor:.2f}"
        if self.well_above:
            return (
                f"{self.name} = {self.value:.4f} is well above its floor {self.floor:.2f}; "
                f"consider raising the floor to {suggested_floor(self.value):.2f}"
            )
        return f"{self.name} = {self.value:.4f} meets its floor {self.floor:.2f}"


def load_floors(path: str | Path) -> dict[str, float]:
    """The ``floors`` mapping of a floors file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        floors = data["floors"]
        return {str(name): float(value) for name, value in floors.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GoldFormatError(f"cannot read floors: {exc}", where=path.name) from exc


def check_floors(measured: dict[str, float], floors: dict[str, float]) -> list[FloorCheck]:
    """Compare measured headline values to the floors, in the floors' order."""
    return [FloorCheck(name, measured.get(name), floor) for name, floor in floors.items()]
