"""The German time lexicon: word lists from ``time/data/lexicon.yaml`` plus user files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import KnowledgeFileError

DATA_DIR = Path(__file__).parent / "data"
LEXICON_FILE = DATA_DIR / "lexicon.yaml"

_UNITS_TENS = (
    "zwanzig",
    "dreißig",
    "vierzig",
    "fünfzig",
    "sechzig",
    "siebzig",
    "achtzig",
    "neunzig",
)
_UNITS_ONES = ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")


@dataclass
class TimeLexicon:
    """Word → value maps used by the patterns and the resolver (all keys lower-case)."""

    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    parts_of_day: dict[str, str] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    holidays: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    adjective_units: dict[str, str] = field(default_factory=dict)
    long_adverbs: dict[str, str] = field(default_factory=dict)
    vague_quantities: list[str] = field(default_factory=list)
    approximators: list[str] = field(default_factory=list)
    modifiers: dict[str, int] = field(default_factory=dict)
    sets: dict[str, str] = field(default_factory=dict)
    present_ref: list[str] = field(default_factory=list)
    deictic_days: dict[str, int] = field(default_factory=dict)
    anchor_days: dict[str, int] = field(default_factory=dict)
    relative_nouns: dict[str, list] = field(default_factory=dict)

    def update(self, data: dict, source: str) -> None:
        """Merge one parsed YAML mapping into the lexicon."""
        for key, value in data.items():
            if not hasattr(self, key):
                raise KnowledgeFileError(f"{source}: unknown time lexicon key {key!r}")
            current = getattr(self, key)
            if isinstance(current, dict):
                if not isinstance(value, dict):
                    raise KnowledgeFileError(f"{source}: {key!r} must be a mapping")
                current.update({str(k).lower(): v for k, v in value.items()})
            else:
                if not isinstance(value, list):
                    raise KnowledgeFileError(f"{source}: {key!r} must be a list")
                current.extend(str(v).lower() for v in value if str(v).lower() not in current)


def _read(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeFileError(f"cannot read time lexicon {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeFileError(f"{path}: a time lexicon file must hold a mapping")
    return data


def load_lexicon(user_files: Iterable[str | Path] = ()) -> TimeLexicon:
    """The packaged lexicon extended by the user's YAML files (same keys)."""
    lex = TimeLexicon()
    lex.update(_read(LEXICON_FILE), str(LEXICON_FILE))
    for path in user_files:
        lex.update(_read(Path(path)), str(path))
    # Compound number words 21..99 ("vierundzwanzig") are regular; generate them.
    for t, tens in enumerate(_UNITS_TENS, start=2):
        for o, ones in enumerate(_UNITS_ONES, start=1):
            lex.numbers.setdefault(f"{ones}und{tens}", t * 10 + o)
    return lex
