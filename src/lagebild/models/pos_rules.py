"""``pos_rules``: data-derived corrections of the morphologizer's UPOS, per doc over arrays.

The morphologizer learns UPOS from only ~1.6k gold UD sentences; the tagger learns STTS
from 7x more (partly silver) data, the NER from GermEval, and UD fixes some POS by syntax
(auxiliaries and copulas are AUX).  This component combines them, in order of precedence:

1. ``aux_deps``: a token the parser attaches as ``aux``/``aux:pass``/``cop`` is AUX.
2. ``form_pos``: (STTS tag, lower-cased form) → UPOS, where the gold training data agree.
3. ``tag_pos`` / ``tag_pos_ent``: STTS tag → UPOS for tokens outside / inside a predicted
   named entity, for tags whose gold UPOS is (nearly) always the same there (``NN`` is
   NOUN outside entities; inside them GSD often has PROPN, so no rule).
4. ``checked``: for the remaining word-class-fixing tags, a POS outside the tag's accepted
   readings is reset to the tag's usual UPOS.
5. A word the parser gives a perfect auxiliary of *haben* ("hatte gedroht") is a verb: an
   ``ADJD`` there is a participle the tagger mistook for an adverbial adjective, so it
   becomes ``VVPP``/VERB (*sein* is left alone: "ist bekannt" is a copula).

All tables are counted from the gold UD training docs by ``training/assemble.py``.  With
only ``aux_deps`` and ``checked`` the component equals the earlier ``attribute_ruler``
patterns (tag consistency + aux/cop → AUX), at a fraction of its cost: the token
attributes are read and written as integer arrays, and the tables are keyed by hashes.
The component runs after ``ner``; without entities every token counts as outside.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy
import srsly
from spacy.attrs import DEP, ENT_IOB, HEAD, LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

RULES_FILE = "rules.json"
_ATTRS = [TAG, POS, DEP, LOWER, ENT_IOB]
_INSIDE = numpy.array([1, 3], dtype="uint64")  # ENT_IOB: I, B
_HABEN = numpy.array(sorted(get_string_id(w) for w in (
    "habe", "hast", "hat", "haben", "habt", "hatte", "hattest", "hatten", "hattet",
    "hätte", "hättest", "hätten", "hättet",
)), dtype="uint64")


def pair_key(first, second) -> numpy.ndarray:
    """One uint64 key per pair of string hashes (ints or arrays; the product wraps around)."""
    with numpy.errstate(over="ignore"):
        return (numpy.asarray(first, dtype="uint64") * numpy.uint64(1_000_003)
                ^ numpy.asarray(second, dtype="uint64"))


def lookup(keys: numpy.ndarray, queries: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Which ``queries`` are in the sorted ``keys`` (bool mask) and at which index."""
    if not len(keys):
        return numpy.zeros(len(queries), dtype=bool), numpy.zeros(len(queries), dtype=int)
    index = numpy.minimum(numpy.searchsorted(keys, queries), len(keys) - 1)
    return keys[index] == queries, index


class PosRules:
    """Overwrite ``token.pos`` from tag/form tables and the parser's aux/cop decision."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.set_rules({})

    def set_rules(self, rules: dict) -> None:
        """Install the tables (the JSON-able form stored in the model directory).

        ``rules`` keys: ``aux_deps`` (list of labels), ``form_pos`` ({"TAG\\tform": UPOS}),
        ``tag_pos`` and ``tag_pos_ent`` ({TAG: UPOS}), ``checked`` ({TAG: [accepted
        UPOS..., fallback UPOS]}).
        """
        self.rules = {
            "aux_deps": list(rules.get("aux_deps", [])),
            "form_pos": dict(rules.get("form_pos", {})),
            "tag_pos": dict(rules.get("tag_pos", {})),
            "tag_pos_ent": dict(rules.get("tag_pos_ent", {})),
            "checked": {tag: list(v) for tag, v in rules.get("checked", {}).items()},
        }
        self._aux_deps = numpy.array(
            sorted(get_string_id(d) for d in self.rules["aux_deps"]), dtype="uint64"
        )
        tags = sorted({*self.rules["tag_pos"], *self.rules["tag_pos_ent"], *self.rules["checked"]},
                      key=get_string_id)
        self._tag_keys = numpy.array([get_string_id(t) for t in tags], dtype="uint64")
        self._tag_table = self._matrix(tags, self.rules["tag_pos"])
        self._tag_table_ent = self._matrix(tags, self.rules["tag_pos_ent"])
        pairs = sorted(
            (int(pair_key(*(get_string_id(part) for part in key.split("\t", 1)))), POS_IDS[pos])
            for key, pos in self.rules["form_pos"].items()
        )
        self._form_keys = numpy.array([k for k, _ in pairs], dtype="uint64")
        self._form_values = numpy.array([v for _, v in pairs], dtype="uint64")

    def _matrix(self, tags: list[str], tag_pos: dict[str, str]) -> numpy.ndarray:
        """Tag rules as a (tag row, old POS id) → new POS id matrix.

        The last row (tags without any rule) maps every POS to itself.
        """
        n_pos = max(POS_IDS.values()) + 1
        table = numpy.tile(numpy.arange(n_pos, dtype="uint64"), (len(tags) + 1, 1))
        for row, tag in enumerate(tags):
            if tag in tag_pos:
                table[row, :] = POS_IDS[tag_pos[tag]]
            elif tag in self.rules["checked"]:
                *accepted, fallback = self.rules["checked"][tag]
                keep = [POS_IDS[p] for p in accepted]
                table[row, :] = POS_IDS[fallback]
                table[row, keep] = keep
        return table

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array(_ATTRS)
        tags, old_pos, deps, lowers = arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]
        keys = self._tag_keys
        rows = numpy.searchsorted(keys, tags)
        if len(keys):
            known = keys[numpy.minimum(rows, len(keys) - 1)] == tags
            rows[~known] = len(keys)
        new_pos = self._tag_table[rows, old_pos]
        inside = numpy.isin(arr[:, 4], _INSIDE)
        if inside.any():
            new_pos[inside] = self._tag_table_ent[rows[inside], old_pos[inside]]
        hits, index = lookup(self._form_keys, pair_key(tags, lowers))
        new_pos[hits] = self._form_values[index[hits]]
        new_pos[numpy.isin(deps, self._aux_deps)] = POS_IDS["AUX"]
        new_tags = self._participles(doc, tags, deps, lowers, new_pos)
        if new_tags is not None:
            doc.from_array([TAG, POS], numpy.stack([new_tags, new_pos], axis=1))
        elif (new_pos != old_pos).any():
            doc.from_array([POS], new_pos.reshape(-1, 1))
        return doc

    @staticmethod
    def _participles(
        doc: Doc, tags: numpy.ndarray, deps: numpy.ndarray, lowers: numpy.ndarray,
        new_pos: numpy.ndarray,
    ) -> numpy.ndarray | None:
        """Rule 5 (in place on ``new_pos``): new tag array, or None when nothing changes."""
        aux = (deps == get_string_id("aux")) & numpy.isin(lowers, _HABEN)
        if not aux.any():
            return None
        heads = numpy.arange(len(doc)) + doc.to_array([HEAD]).astype("int64")
        verbs = numpy.unique(heads[aux])
        verbs = verbs[tags[verbs] == get_string_id("ADJD")]
        if not len(verbs):
            return None
        new_tags = tags.copy()
        new_tags[verbs] = doc.vocab.strings.add("VVPP")  # a blank vocab may lack the tag
        new_pos[verbs] = POS_IDS["VERB"]
        return new_tags

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / RULES_FILE, self.rules)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PosRules:
        self.set_rules(srsly.read_json(Path(path) / RULES_FILE))
        return self


@Language.factory("lagebild_pos_rules")
def make_pos_rules(nlp: Language, name: str) -> PosRules:
    """Factory for :class:`PosRules` (component name ``pos_rules``)."""
    return PosRules(name)
