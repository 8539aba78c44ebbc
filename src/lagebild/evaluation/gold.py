"""Reading gold files (the format of ``gold-dev/README.md``) and giving their items offsets.

Gold files name every item by its exact text only. Offsets are assigned by a left-to-right
search: each layer keeps a cursor, and an item takes the first occurrence of its text at or
after the end of the previous item of the same layer (gold entities and timex never
overlap: "Viktor Orban" followed by "Orban" must not find the "Orban" inside the first).
For events the cursor is the start of the previous evidence, because several events may
share one evidence string and evidence clauses may overlap. Among those occurrences one
that stands as a whole word (no letter, digit or hyphen right before or after it) is
preferred, so "Russland" after "Nato-Russland-Rat" finds the next free-standing "Russland",
not the one inside the compound. A trigger is searched inside its event's evidence the same
way. An item listed out of text order falls back to the first occurrence of its text that
overlaps no item placed so far in its layer; only a text that cannot be placed at all is an
error (E401). The text is used exactly as stored (no Unicode normalisation; U+00A0 stays
U+00A0).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError, InputNotFound

ARTICLE_KEYS = ("text", "published", "entities", "timex", "events")
ENTITY_KEYS = ("text", "type", "actor")
TIMEX_KEYS = ("text", "type", "value")
EVENT_KEYS = (
    "evidence", "trigger", "type", "mode", "source", "target", "date", "place", "status",
)


@dataclass(frozen=True)
class GoldArticle:
    """One gold file with offsets assigned; item dicts follow the ``analyze`` JSON contract."""

    id: str
    text: str
    published: str | None
    entities: tuple[dict[str, Any], ...]
    timex: tuple[dict[str, Any], ...]
    events: tuple[dict[str, Any], ...]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "-"


def _stands_alone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not _is_word_char(before) and not _is_word_char(after)


def locate(text: str, needle: str, start: int = 0, end: int | None = None) -> int:
    """Index of the first occurrence of ``needle`` in ``text[start:end]``, -1 if none.

    An occurrence that stands as a whole word is preferred over an earlier one that is
    part of a longer word or hyphenated compound.
    """
    end = len(text) if end is None else end
    first = text.find(needle, start, end)
    pos = first
    while pos != -1:
        if _stands_alone(text, pos, pos + len(needle)):
            return pos
        pos = text.find(needle, pos + 1, end)
    return first


def _require(item: Any, keys: Sequence[str], what: str, where: str) -> Mapping[str, Any]:
    if not isinstance(item, Mapping):
        raise GoldFormatError(f"{what} is not a JSON object", where=where)
    missing = [key for key in keys if key not in item]
    if missing:
        raise GoldFormatError(f"{what} lacks key(s) {', '.join(missing)}", where=where)
    return item


def _string(item: Mapping[str, Any], key: str, what: str, where: str) -> str:
    value = item[key]
    if not isinstance(value, str) or not value:
        raise GoldFormatError(f"{what}: {key!r} must be a non-empty string", where=where)
    return value


def _not_found(what: str, needle: str, where: str) -> GoldFormatError:
    return GoldFormatError(
        f"{what}: text {needle!r} not found in the article text "
        "(items must be exact substrings of 'text', in text order)",
        where=where,
    )


def _out_of_order(text: str, needle: str, taken: list[tuple[int, int]]) -> int:
    """A fallback for an item listed out of text order: its first occurrence that overlaps
    no item placed so far, a whole-word one preferred; -1 if there is none."""
    free = []
    pos = text.find(needle)
    while pos != -1:
        end = pos + len(needle)
        if all(end <= a or pos >= b for a, b in taken):
            free.append(pos)
        pos = text.find(needle, pos + 1)
    alone = [p for p in free if _stands_alone(text, p, p + len(needle))]
    return (alone or free or [-1])[0]


def _spans(
    text: str, items: Any, keys: Sequence[str], layer: str, where: str
) -> Iterator[dict[str, Any]]:
    if not isinstance(items, list):
        raise GoldFormatError(f"{layer!r} must be a list", where=where)
    cursor = 0
    taken: list[tuple[int, int]] = []
    for i, raw in enumerate(items):
        what = f"{layer}[{i}]"
        item = _require(raw, keys, what, where)
        needle = _string(item, "text", what, where)
        start = locate(text, needle, cursor)
        if start != -1:
            cursor = start + len(needle)
        else:
            start = _out_of_order(text, needle, taken)
            if start == -1:
                raise _not_found(what, needle, where)
        taken.append((start, start + len(needle)))
        yield {**item, "start": start, "end": start + len(needle)}


def _events(text: str, items: Any, where: str) -> Iterator[dict[str, Any]]:
    if not isinstance(items, list):
        raise GoldFormatError("'events' must be a list", where=where)
    cursor = 0
    for i, raw in enumerate(items):
        what = f"events[{i}]"
        item = _require(raw, EVENT_KEYS, what, where)
        evidence = _string(item, "evidence", what, where)
        trigger = _string(item, "trigger", what, where)
        for key in ("source", "target"):
            if not isinstance(item[key], list):
                raise GoldFormatError(f"{what}: {key!r} must be a list of codes", where=where)
        ev_start = locate(text, evidence, cursor)
        if ev_start != -1:
            cursor = ev_start
        else:
            ev_start = text.find(evidence)
            if ev_start == -1:
                raise _not_found(what, evidence, where)
        ev_end = ev_start + len(evidence)
        tr_start = locate(text, trigger, ev_start, ev_end)
        if tr_start == -1:
            raise GoldFormatError(
                f"{what}: trigger {trigger!r} is not inside its evidence", where=where
            )
        yield {
            **item,
            "trigger": {"text": trigger, "start": tr_start, "end": tr_start + len(trigger)},
            "evidence": {"start": ev_start, "end": ev_end, "text": evidence},
        }


def parse_gold(data: Any, where: str) -> GoldArticle:
    """Validate one decoded gold object and assign offsets; ``where`` names it in errors."""
    article = _require(data, ARTICLE_KEYS, "gold file", where)
    text = _string(article, "text", "gold file", where)
    published = article["published"]
    if published is not None and not isinstance(published, str):
        raise GoldFormatError("'published' must be YYYY-MM-DD or null", where=where)
    return GoldArticle(
        id=str(article.get("id") or Path(where).stem),
        text=text,
        published=published,
        entities=tuple(_spans(text, article["entities"], ENTITY_KEYS, "entities", where)),
        timex=tuple(_spans(text, article["timex"], TIMEX_KEYS, "timex", where)),
        events=tuple(_events(text, article["events"], where)),
    )


def load_gold_file(path: str | Path) -> GoldArticle:
    """Read one gold JSON file; raises :class:`GoldFormatError` (E401) naming the file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"cannot read gold file: {exc}", where=path.name) from exc
    return parse_gold(data, path.name)


def gold_files(path: str | Path) -> list[Path]:
    """The gold files of a directory (``*.json``, sorted by name), or ``[path]`` for a file."""
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputNotFound(f"gold directory not found: {path}")
    files = sorted(p for p in path.glob("*.json") if p.is_file())
    if not files:
        raise GoldFormatError(f"no gold files (*.json) in {path}")
    return files


def load_gold_dir(path: str | Path) -> list[GoldArticle]:
    """All gold articles of a directory (or one file), in file-name order."""
    return [load_gold_file(p) for p in gold_files(path)]
