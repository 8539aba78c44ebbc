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
from spacy.tokens import DocBin

import lagebild.models  # noqa: F401  (registers the lemma_lookup factory)

NAME = "lagebild"
VERSION = "0.1.0"
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
# Any single string this long in the string store would be a sentence, not a word.
MAX_STRING_CHARS = 200

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


def pos_patterns(nlp: Language, ud_train: Path) -> list[dict]:
    """attribute_ruler patterns that reset a POS contradicting the STTS tag (gold UD counts)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in DocBin().from_disk(ud_train).get_docs(nlp.vocab):
        for token in doc:
            if token.tag_ in POS_CHECKED_TAGS and token.pos_:
                counts[token.tag_][token.pos_] += 1
    patterns = []
    for tag, c in sorted(counts.items()):
        total = sum(c.values())
        accepted = sorted(pos for pos, n in c.items() if n / total >= MIN_SHARE)
        patterns.append({
            "patterns": [[{"TAG": tag, "POS": {"NOT_IN": accepted}}]],
            "attrs": {"POS": c.most_common(1)[0][0]},
        })
    # UD requires AUX for auxiliaries and copulas (100 % of the gold training tokens); the
    # parser's aux/cop decision uses the whole sentence and overrides a VERB reading.
    patterns.append({
        "patterns": [[{"DEP": {"IN": ["aux", "aux:pass", "cop"]}, "POS": {"NOT_IN": ["AUX"]}}]],
        "attrs": {"POS": "AUX"},
    })
    return patterns


def assemble(src: Path, dst: Path, ud_train: Path | None = None,
             accuracy: dict | None = None) -> Path:
    """Load ``src``, add the rule components, stamp the metadata, write it to ``dst``."""
    nlp = spacy.load(src)
    if ud_train is not None and "attribute_ruler" not in nlp.pipe_names:
        # After the parser (which does not read POS), before lemma_lookup (which does).
        ruler = nlp.add_pipe("attribute_ruler", after="parser")
        ruler.add_patterns(pos_patterns(nlp, ud_train))
    if "lemma_lookup" not in nlp.pipe_names:
        # Irregular noun/verb lemmas from spacy-lookups-data, stored in the model directory.
        nlp.add_pipe("lagebild_lemma_lookup", name="lemma_lookup", after="lemmatizer")
        nlp.get_pipe("lemma_lookup").initialize()
    nlp.meta.update(
        name=NAME,
        version=VERSION,
        description=(
            "lagebild's German core pipeline: STTS tagger, UD morphologizer, dependency "
            "parser, edit-tree lemmatizer + noun/verb lemma table, NER (PER/ORG/LOC/MISC). "
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
                    help="gold UD training docs, for the tag/POS consistency patterns")
    args = ap.parse_args()
    assemble(args.src, args.dst, args.ud_train)


if __name__ == "__main__":
    main()
