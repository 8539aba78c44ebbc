"""Static word features from the Brown clusters in ``spacy-lookups-data`` (MIT).

``de_lexeme_cluster`` maps ~1M German word forms to 750 Brown clusters (bit paths stored
as integers with the first branch in the lowest bit).  Words in a cluster share one vector:
the sum of random vectors of the cluster's path prefixes, so clusters that split late in
the tree get similar vectors.  The tables hold no corpus text; the result is a spaCy
pipeline directory with only a vocab/vectors, used as ``[initialize] vectors``.

Run: ``python training/make_vectors.py training/output/vectors``.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import numpy
import spacy
import spacy_lookups_data
from spacy.strings import get_string_id
from spacy.vectors import Vectors

DATA = Path(spacy_lookups_data.__file__).parent / "data"
PREFIX_BITS = (2, 4, 6, 8, 10, 12, 14, 16)


def cluster_matrix(clusters: list[int], width: int, seed: int) -> numpy.ndarray:
    """One row per cluster: the sum of random vectors for each of its path prefixes."""
    rng = numpy.random.default_rng(seed)
    prefix_vecs: dict[tuple[int, int], numpy.ndarray] = {}
    rows = numpy.zeros((len(clusters), width), dtype="float32")
    for i, c in enumerate(clusters):
        for bits in PREFIX_BITS:
            key = (bits, c & ((1 << bits) - 1))
            if key not in prefix_vecs:
                prefix_vecs[key] = rng.normal(0, 1 / len(PREFIX_BITS) ** 0.5, width)
            rows[i] += prefix_vecs[key]
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--words", type=int, default=500_000, help="most frequent forms kept")
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    with gzip.open(DATA / "de_lexeme_cluster.json.gz", "rt", encoding="utf8") as fh:
        cluster = json.load(fh)
    with gzip.open(DATA / "de_lexeme_prob.json.gz", "rt", encoding="utf8") as fh:
        prob = json.load(fh)
    # Cluster 0 is the catch-all of the rarest forms: no signal, so those words stay OOV.
    words = sorted((w for w, c in cluster.items() if c), key=lambda w: -prob.get(w, -99.0))
    words = words[: args.words]
    clusters = sorted({cluster[w] for w in words})
    row_of = {c: i for i, c in enumerate(clusters)}
    nlp = spacy.blank("de")
    vectors = Vectors(data=cluster_matrix(clusters, args.width, args.seed), mode="default")
    for w in words:
        vectors.add(get_string_id(w), row=row_of[cluster[w]])
    nlp.vocab.vectors = vectors
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)  # a fresh clone has no output/
    nlp.to_disk(args.out)
    print(f"{len(words)} words, {len(clusters)} clusters, width {args.width} -> {args.out}")


if __name__ == "__main__":
    main()
