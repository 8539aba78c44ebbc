"""Package a trained pipeline as lagebild's shipped model ``de_lagebild``.

Sets name, version, license and data sources in ``meta.json``, drops the training-only
parts, and checks that the result holds no corpus text beyond single word forms (the
string store) and stays below the size limit.

Run: ``python training/assemble.py training/output/best src/lagebild/models/de_lagebild``.
"""

from __future__ import annotations

import argparse
import shutil
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import lagebild.models  # noqa: F401  (registers the lemma_lookup/pos_rules factories)

NAME = "lagebild"
VERSION = "0.2.0"
MAX_BYTES = 60 * 1024 * 1024
# STTS tags that fix the major word class: where the morphologizer (trained on 1.6k UD
# sentences) contradicts the tagger (trained on 7x more, partly silver, data) for these, the
# POS is reset to the tag's usual UPOS.  Ambiguous tags (ADJD/ADV, KOKOM, PIS, ...) are left
# to the morphologizer: UD German treebanks disagree on them.
POS_CHECKED_TAGS = (
    "VVFIN", "VVINF", "VVIZU", "VVIMP", "VVPP", "VAFIN", "VAINF", "VAPP", "VMFIN", "VMINF",
    "VMPP", "NN", "NE", "ADJA", "APPRART", "ART", "$.", "$,", "$(", "CARD",
)
MIN_SHARE = 0.02  # a UPOS seen with a tag at least this often is an accepted reading
# UD: auxiliaries and copulas are AUX (100 % of the gold training tokens so attached).
AUX_DEPS = ("aux", "aux:pass", "cop")
# pos_rules tables (thresholds chosen on the dev split, see training/README.md): a tag fixes
# the UPOS (outside / inside predicted entities separately) where it has >= 10 gold tokens
# there and >= 93 % share one UPOS; a (tag, lower-cased form) pair where it is seen twice
# or more and >= 90 % agree.
TAG_POS_SHARE = 0.93
TAG_POS_MIN = 10
FORM_POS_MIN = 2
FORM_POS_SHARE = 0.9
# lemma_lookup rules tables: a (tag or UPOS, form) pair's lemma where >= 80 % of its
# occurrences agree; HanTa silver lemmas only for open-class tags (its function-word
# lemmas follow other conventions than GSD's).
LEMMA_SHARE = 0.8
SILVER_LEMMA_TAGS = ("NN", "VVFIN", "VVINF", "VVPP", "VVIZU", "ADJA", "ADJD")
# Any single string this long in the string store would be a sentence, not a word.
MAX_STRING_CHARS = 200
# Rule components assemble() adds; "attribute_ruler" is the earlier form of pos_rules.
RULE_COMPONENTS = ("attribute_ruler", "pos_rules", "lemma_lookup")
# The edit-tree lemmatizer that lemma_lookup runs (on the tokens its tables leave).
EDIT_TREES = "lemmatizer"

SOURCES = [
    {"name": "UD German-GSD (dev split)", "url": "https://universaldependencies.org/treebanks/de_gsd/",
     "license": "CC BY-SA 4.0"},
    {"name": "UD German-PUD", "url": "https://universaldependencies.org/treebanks/de_pud/",
     "license": "CC BY-SA 3.0"},
    {"name": "GermEval 2014 NER (dev part 2 + test)", "url": "https://sites.google.com/site/germeval2014ner/",
     "license": "CC BY 4.0"},
    {"name": "HanTa (silver STTS tags and lemmas on the GermEval sentences)",
     "url": "https://github.com/wartaal/HanTa", "license": "LGPL-3.0"},
    {"name": "spacy-lookups-data de_lemma_lookup (noun/verb lemma table, lemma_lookup)",
     "url": "https://github.com/explosion/spacy-lookups-data", "license": "MIT"},
    {"name": "spacy-lookups-data de_lexeme_cluster (Brown clusters as static features)",
     "url": "https://github.com/explosion/spacy-lookups-data", "license": "MIT"},
]


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def unique_docs(nlp: Language, path: Path) -> list[Doc]:
    """The docs of a DocBin, each text once (``train/ud`` lists the UD docs three times)."""
    seen: set[str] = set()
    docs = []
    for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
        if doc.text not in seen:
            seen.add(doc.text)
            docs.append(doc)
    return docs


def majority(counts: Counter, min_count: int, min_share: float) -> str | None:
    """The most frequent value if seen ``min_count`` times in all and ``min_share`` of them."""
    if not counts:
        return None
    value, n = counts.most_common(1)[0]
    total = sum(counts.values())
    return value if total >= min_count and n / total >= min_share else None


def with_predicted_entities(nlp: Language, docs: list[Doc]) -> list[Doc]:
    """Copies of ``docs`` (same tokens) carrying the model's own NER, for the entity split."""
    out = []
    for doc in docs:
        copy = Doc(nlp.vocab, words=[t.text for t in doc],
                   spaces=[bool(t.whitespace_) for t in doc])
        for name in ("tok2vec", "ner"):
            copy = nlp.get_pipe(name)(copy)
        out.append(copy)
    return out


def pos_rules(ud_docs: list[Doc], with_tables: bool = True,
              entity_docs: list[Doc] | None = None) -> dict:
    """``pos_rules`` tables counted from the gold UD training docs (see pos_rules.py).

    Only docs with STTS tags count (GSD; PUD has none).  ``entity_docs`` (parallel to
    ``ud_docs``) give the predicted entities for ``tag_pos_ent``.  With
    ``with_tables=False`` the result reproduces the earlier ``attribute_ruler`` (tag
    consistency + aux/cop → AUX).
    """
    checked_counts: dict[str, Counter] = defaultdict(Counter)
    tag_counts: dict[str, Counter] = defaultdict(Counter)
    ent_counts: dict[str, Counter] = defaultdict(Counter)
    form_counts: dict[str, Counter] = defaultdict(Counter)
    for i, doc in enumerate(ud_docs):
        ents = entity_docs[i] if entity_docs is not None else None
        for token in doc:
            if not (token.tag_ and token.pos_):
                continue
            if token.tag_ in POS_CHECKED_TAGS:
                checked_counts[token.tag_][token.pos_] += 1
            # aux/cop tokens are AUX by the first rule; the other rules decide the rest, so
            # sein/haben/modals outside aux/cop count as what they are there (VERB).
            if token.dep_ in AUX_DEPS:
                continue
            inside = ents is not None and ents[token.i].ent_iob_ in ("B", "I")
            (ent_counts if inside else tag_counts)[token.tag_][token.pos_] += 1
            form_counts[f"{token.tag_}\t{token.lower_}"][token.pos_] += 1
    checked = {}
    for tag, c in sorted(checked_counts.items()):
        total = sum(c.values())
        accepted = sorted(pos for pos, n in c.items() if n / total >= MIN_SHARE)
        checked[tag] = [*accepted, c.most_common(1)[0][0]]
    rules: dict = {"aux_deps": list(AUX_DEPS), "checked": checked}
    if with_tables:
        for name, counts in (("tag_pos", tag_counts), ("tag_pos_ent", ent_counts)):
            rules[name] = {tag: pos for tag, c in sorted(counts.items())
                           if (pos := majority(c, TAG_POS_MIN, TAG_POS_SHARE))}
        rules["form_pos"] = {key: pos for key, c in sorted(form_counts.items())
                             if (pos := majority(c, FORM_POS_MIN, FORM_POS_SHARE))}
    return rules


def lemma_rules(ud_docs: list[Doc], ner_docs: list[Doc]) -> list[dict[str, str]]:
    """``lemma_lookup`` rules tables: gold (tag, form), gold (UPOS, form), silver (tag, form)."""
    by_tag: dict[str, Counter] = defaultdict(Counter)
    by_pos: dict[str, Counter] = defaultdict(Counter)
    silver: dict[str, Counter] = defaultdict(Counter)
    for doc in ud_docs:
        for token in doc:
            if token.lemma_:
                if token.tag_:
                    by_tag[f"{token.tag_}\t{token.text}"][token.lemma_] += 1
                if token.pos_:
                    by_pos[f"{token.pos_}\t{token.text}"][token.lemma_] += 1
    for doc in ner_docs:
        for token in doc:
            if token.lemma_ and token.tag_ in SILVER_LEMMA_TAGS:
                silver[f"{token.tag_}\t{token.text}"][token.lemma_] += 1
    # Identity entries stay: they stop the edit trees from cutting endings (Wochenende).
    return [
        {key: lemma for key, c in sorted(table.items())
         if (lemma := majority(c, 1, LEMMA_SHARE))}
        for table in (by_tag, by_pos, silver)
    ]


def assemble(src: Path, dst: Path, ud_train: Path | None = None,
             accuracy: dict | None = None, ner_train: Path | None = None) -> Path:
    """Load ``src``, (re)add the rule components, stamp the metadata, write it to ``dst``.

    Rule components already in ``src`` are replaced, so assembling an assembled model
    again (with the same training data) gives the same model.
    """
    nlp = spacy.load(src)
    for name in RULE_COMPONENTS:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    ud_docs = unique_docs(nlp, ud_train) if ud_train is not None else []
    if ud_docs:
        # Last but one: reads the parser's aux/cop labels and the NER's entities; the
        # lemma_lookup after it reads POS.
        ruler = nlp.add_pipe("lagebild_pos_rules", name="pos_rules", last=True)
        ruler.set_rules(pos_rules(ud_docs, entity_docs=with_predicted_entities(nlp, ud_docs)))
    # Irregular noun/verb lemmas from spacy-lookups-data, stored in the model directory,
    # behind the lemma tables counted from the training data.  The edit-tree lemmatizer's
    # guess is wasted wherever a table hits, so lemma_lookup runs its model on the other
    # tokens only; the lemmatizer stays in the directory (its weights) but disabled.
    config = {"edit_trees": EDIT_TREES} if EDIT_TREES in nlp.component_names else {}
    lookup = nlp.add_pipe("lagebild_lemma_lookup", name="lemma_lookup", last=True,
                          config=config)
    if config:
        nlp.disable_pipe(EDIT_TREES)
    lookup.initialize()
    if ud_docs:
        ner_docs = unique_docs(nlp, ner_train) if ner_train is not None else []
        lookup.set_rules(lemma_rules(ud_docs, ner_docs))
    nlp.meta.update(
        name=NAME,
        version=VERSION,
        description=(
            "lagebild's German core pipeline: STTS tagger, UD morphologizer, dependency "
            "parser, edit-tree lemmatizer, NER (PER/ORG/LOC/MISC), then POS rules and "
            "lemma tables counted from the training data. "
            "Small CNN, CPU-only. Trained by training/build.py."
        ),
        license="CC BY-SA 4.0",
        sources=SOURCES,
        author="lagebild contributors",
        # Same range as lagebild's dependency, so any spaCy 3.8.x loads it without warning.
        spacy_version=">=3.8.0,<3.9.0",
    )
    if accuracy:
        nlp.meta["performance_heldout"] = accuracy
    long_strings = [s for s in nlp.vocab.strings if len(s) > MAX_STRING_CHARS]
    if long_strings:
        raise SystemExit(f"{len(long_strings)} sentence-like strings in the vocab, refusing")
    if dst.exists():
        shutil.rmtree(dst)
    nlp.to_disk(dst)
    size = dir_size(dst)
    if size > MAX_BYTES:
        raise SystemExit(f"{dst} is {size / 2**20:.1f} MiB, above the 60 MiB limit")
    print(f"{dst}: {size / 2**20:.1f} MiB, {len(nlp.vocab.strings)} strings, "
          f"pipeline {nlp.pipe_names}")
    return dst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path)
    ap.add_argument("dst", type=Path)
    ap.add_argument("--ud-train", type=Path, default=Path("training/corpus/train/ud.spacy"),
                    help="gold UD training docs, for the pos_rules and lemma tables")
    ap.add_argument("--ner-train", type=Path, default=Path("training/corpus/train/ner.spacy"),
                    help="GermEval training docs with HanTa silver lemmas")
    args = ap.parse_args()
    assemble(args.src, args.dst, args.ud_train, ner_train=args.ner_train)


if __name__ == "__main__":
    main()
