"""Click commands. Each command parses, calls one library function and renders the result."""

from __future__ import annotations

from . import analyze, demo, evaluate, store  # noqa: F401  (registers the commands)
from .app import main

__all__ = ["main"]
