"""``lemma_lookup``: a POS-aware lookup that corrects the statistical lemmatizer.

The edit-tree lemmatizer learns lemmatization rules from only ~8k sentences and misses
irregular forms (``Gläser`` → ``Glas``, ``gefiel`` → ``gefallen``).  spaCy's German lemma
table (spacy-lookups-data, MIT) knows these forms but, keyed by form alone, is wrong for
function words (``es`` → ``ich``).  This component applies the table only to tokens whose
predicted POS is in ``pos`` (nouns and verbs).

The edit-tree lemmatizer's guess is wasted wherever a table hits, so in the shipped model the
lemmatizer is disabled (its weights still load) and this component, named by ``edit_trees``,
runs its model on the other tokens only: the same scores and trees, a third of the time.

Before that table, optional ``rules`` tables counted from the training data by
``training/assemble.py`` take precedence, first hit wins: (STTS tag, form) → lemma from the
gold UD docs (GSD's own conventions, e.g. ``uns`` → ``wir``, ``SPD`` → ``SPD``), (UPOS,
form) → lemma from the gold UD docs, and (STTS tag, form) → lemma from the HanTa silver
lemmas of the GermEval training sentences (open-class tags only).  Last, a noun (``NN``)
that no table knows gets its prefix plus the lemma of the longest known noun it ends in
(``Dünenketten`` → ``Dünenkette``): the edit trees often cut such compounds wrongly.  All
tables are stored inside the model directory, so nothing is loaded from elsewhere at run
time.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path

import numpy
import srsly
from spacy.attrs import LEMMA, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import EditTreeLemmatizer
from spacy.scorer import Scorer
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.training import Example

from .pos_rules import lookup, pair_key

TABLE_FILE = "table.json.gz"
RULES_FILE = "rules.json.gz"
# Which predicted attribute keys each rules table, in order of precedence.
RULE_KEYS = ("tag", "pos", "tag")
DEFAULT_POS = ("NOUN", "VERB")
_ATTRS = [ORTH, TAG, POS, LEMMA]
_NN = get_string_id("NN")
# Compound heads: at least 5 characters, after a prefix of at least 3 (chosen on dev).
MIN_COMPOUND_HEAD = 5
MIN_COMPOUND_PREFIX = 3


class LemmaLookup:
    """Overwrite ``token.lemma_`` from the training tables, then the form → lemma table for
    tokens of the given POS, then compound heads for unknown nouns."""

    def __init__(self, name: str, pos: Iterable[str],
                 edit_trees: EditTreeLemmatizer | None = None) -> None:
        self.name = name
        self.pos = frozenset(pos)
        self.edit_trees = edit_trees
        self.table: dict[str, str] = {}
        self.rules: list[dict[str, str]] = []
        self._index()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array(_ATTRS)
        orths, tags, pos, old = arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]
        known, new = self._table_lemmas(orths, tags, pos, old)
        if self.edit_trees is not None:
            # The edit trees' guess survives only where no table hits, so only those
            # tokens pay for it.  Like the lemmatizer itself (overwrite=False), a lemma an
            # earlier component set is kept.
            todo = ~known if self.edit_trees.overwrite else ~known & (old == 0)
            rows = numpy.flatnonzero(todo)
            new[rows] = edit_tree_lemmas(self.edit_trees, doc, rows)
        changed = new != old
        if changed.any():
            # One array write instead of a Token per lemma; the table lemmas' strings
            # must be in the doc's string store first.
            strings = doc.vocab.strings
            for key in numpy.unique(new[changed]).tolist():
                if key in self._strings:
                    strings.add(self._strings[key])
            doc.from_array([LEMMA], new.reshape(-1, 1))
        if self._heads:
            # Nouns no table knows: compounds whose head noun is known (Rheinfähre).
            unknown = ~known & (tags == _NN) & (pos == POS_IDS["NOUN"])
            for i in numpy.flatnonzero(unknown).tolist():
                lemma = self._compound_lemma(doc[i].text)
                if lemma is not None:
                    doc[i].lemma_ = lemma
        return doc

    def covered(self, doc: Doc) -> numpy.ndarray:
        """Which tokens of ``doc`` a table gives a lemma (compound heads not counted)."""
        if not len(doc):
            return numpy.zeros(0, dtype=bool)
        arr = doc.to_array(_ATTRS)
        return self._table_lemmas(arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3])[0]

    def _table_lemmas(self, orths: numpy.ndarray, tags: numpy.ndarray, pos: numpy.ndarray,
                      old: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The table-hit mask and the lemma hashes after the tables (``old`` elsewhere).

        Vectorised over hash arrays; tables of lower precedence are applied first, so
        later (higher-precedence) hits overwrite them.
        """
        new = old.copy()
        hits, index = lookup(self._table_keys, orths)
        hits &= numpy.isin(pos, self._pos_ids)
        new[hits] = self._table_values[index[hits]]
        known = hits
        for use_tag, keys, values in reversed(self._keyed):
            hits, index = lookup(keys, pair_key(tags if use_tag else pos, orths))
            new[hits] = values[index[hits]]
            known = known | hits
        return known, new

    def score(self, examples: Iterable[Example], **kwargs) -> dict[str, float]:
        """Lemma accuracy, as the lemmatizer reports it (it is disabled where
        ``edit_trees`` runs here, and disabled components are not scored)."""
        return Scorer.score_token_attr(examples, "lemma", **kwargs)

    def _compound_lemma(self, form: str) -> str | None:
        """``prefix + lemma(head)`` for the longest known head noun ending ``form``."""
        heads = self._heads
        for start in range(MIN_COMPOUND_PREFIX, len(form) - MIN_COMPOUND_HEAD + 1):
            head = heads.get(form[start].upper() + form[start + 1:])
            if head is not None:
                return form[:start] + head[0].lower() + head[1:]
        return None

    def _index(self) -> None:
        """Re-key the tables as sorted hash arrays, as ``Doc.to_array`` returns them."""
        self._pos_ids = numpy.array([POS_IDS[p] for p in self.pos], dtype="uint64")
        self._strings: dict[int, str] = {}
        self._table_keys, self._table_values = self._arrays(
            (get_string_id(form), lemma) for form, lemma in self.table.items())
        self._keyed = []
        for key, rule in zip(RULE_KEYS, self.rules, strict=False):
            pairs = []
            for k, lemma in rule.items():
                label, form = k.split("\t", 1)
                attr = get_string_id(label) if key == "tag" else POS_IDS[label]
                pairs.append((int(pair_key(attr, get_string_id(form))), lemma))
            self._keyed.append((key == "tag", *self._arrays(pairs)))
        # Head nouns for compounds: capitalised noun forms of all tables.
        self._heads: dict[str, str] = {}
        nouns = [self.table.items()] + [
            ((k.split("\t", 1)[1], lemma) for k, lemma in rule.items()
             if k.split("\t", 1)[0] in ("NN", "NOUN"))
            for rule in self.rules
        ]
        for pairs in nouns:
            for form, lemma in pairs:
                if form[:1].isupper() and lemma:
                    self._heads.setdefault(form, lemma)

    def _arrays(self, pairs: Iterable[tuple[int, str]]) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Sorted key array and the lemma hashes; remembers each lemma's string."""
        items = sorted(pairs)
        for _, lemma in items:
            self._strings[get_string_id(lemma)] = lemma
        return (numpy.array([k for k, _ in items], dtype="uint64"),
                numpy.array([get_string_id(lemma) for _, lemma in items], dtype="uint64"))

    def set_rules(self, rules: list[dict[str, str]]) -> None:
        """Install the training-data tables: {"TAG\\tform": lemma}, {"UPOS\\tform": lemma},
        {"TAG\\tform": lemma} (gold by tag, gold by UPOS, silver by tag; see module doc)."""
        if len(rules) > len(RULE_KEYS):
            raise ValueError(f"at most {len(RULE_KEYS)} rules tables, got {len(rules)}")
        self.rules = [dict(r) for r in rules]
        self._index()

    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   table: dict[str, str] | None = None) -> None:
        """Load the table: ``table`` if given, else spacy-lookups-data's ``de_lemma_lookup``."""
        if table is None:
            import spacy_lookups_data

            path = Path(spacy_lookups_data.__file__).parent / "data" / "de_lemma_lookup.json.gz"
            with gzip.open(path, "rt", encoding="utf8") as fh:
                table = json.load(fh)
        # Only noun forms (capitalised) and verb forms (lemma ends in -n) can be used, and
        # identity entries change nothing: the rest is left out of the stored table.
        self.table = {
            form: lemma
            for form, lemma in table.items()
            if form != lemma and form and (form[0].isupper() or lemma.endswith("n"))
        }
        self._index()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_gzip_json(path / TABLE_FILE, self.table)
        if self.rules:
            srsly.write_gzip_json(path / RULES_FILE, self.rules)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LemmaLookup:
        path = Path(path)
        self.table = srsly.read_gzip_json(path / TABLE_FILE)
        # Models assembled before the rules tables existed have no rules file.
        rules_path = path / RULES_FILE
        self.set_rules(srsly.read_gzip_json(rules_path) if rules_path.exists() else [])
        return self


@Language.factory("lagebild_lemma_lookup",
                  default_config={"pos": list(DEFAULT_POS), "edit_trees": None})
def make_lemma_lookup(nlp: Language, name: str, pos: list[str],
                      edit_trees: str | None) -> LemmaLookup:
    """Factory for :class:`LemmaLookup` (component name ``lemma_lookup``).

    ``edit_trees`` names an edit-tree lemmatizer of ``nlp`` (created before this component,
    normally disabled) whose model this component runs on the tokens no table covers.
    """
    lemmatizer = None
    if edit_trees is not None:
        if edit_trees not in nlp.component_names:
            raise ValueError(f"lemma_lookup: no component {edit_trees!r} before it in the "
                             f"pipeline {nlp.component_names}")
        lemmatizer = nlp.get_pipe(edit_trees)
        if not isinstance(lemmatizer, EditTreeLemmatizer):
            raise ValueError(f"lemma_lookup: {edit_trees!r} is not an edit-tree lemmatizer")
        if lemmatizer.top_k != 1:
            # With top_k > 1 the lemmatizer tries further trees; only top_k=1 is mirrored.
            raise ValueError(f"lemma_lookup: {edit_trees!r} has top_k={lemmatizer.top_k}, "
                             "only 1 is supported")
    return LemmaLookup(name, pos, lemmatizer)


def edit_tree_lemmas(lemmatizer: EditTreeLemmatizer, doc: Doc,
                     rows: numpy.ndarray) -> numpy.ndarray:
    """The lemma hashes ``lemmatizer`` (top_k=1) would set on the tokens ``doc[rows]``.

    Its model is the upstream tok2vec's ``doc.tensor`` through one linear layer, so the
    layer's scores for just these rows give the same best tree as the full pass; like the
    lemmatizer, a tree that does not apply to the form falls back to ``backoff``.  The
    lemma strings are added to the doc's string store.  A token that gets no lemma keeps
    its current one.
    """
    if not len(rows):
        return numpy.zeros(0, dtype="uint64")
    arr = doc.to_array([ORTH, LEMMA])
    orths, out = arr[:, 0], arr[rows, 1]
    layer = lemmatizer.model.get_ref("output_layer")
    weights, bias = layer.get_param("W"), layer.get_param("b")
    if doc.tensor.size:
        vectors = layer.ops.asarray2f(doc.tensor[rows])
    else:
        # What the listener feeds the lemmatizer when tok2vec set no tensor.
        vectors = layer.ops.alloc2f(len(rows), weights.shape[1])
    # ``affine`` as in the layer's own forward pass, so the scores match it exactly.
    best = layer.ops.to_numpy(layer.ops.affine(vectors, weights, bias).argmax(axis=1))
    labels, trees, backoff = lemmatizer.cfg["labels"], lemmatizer.trees, lemmatizer.backoff
    strings = doc.vocab.strings
    for n, (i, k) in enumerate(zip(rows.tolist(), best.tolist(), strict=True)):
        lemma = trees.apply(labels[k], strings[int(orths[i])])
        if lemma is not None:
            out[n] = strings.add(lemma)
        elif backoff is not None:
            out[n] = getattr(doc[i], backoff)
    return out
