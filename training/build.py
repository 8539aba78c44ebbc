"""Rebuild lagebild's shipped German pipeline from the open corpora — one command.

    python training/build.py [--corpora ../shared/corpora] [--out src/lagebild/models/de_lagebild]

Steps: (1) corpora → spaCy DocBins with fixed train/dev/held-out splits and HanTa silver
labels (``prepare.py``); (2) Brown-cluster static vectors from spacy-lookups-data
(``make_vectors.py``); (3) ``spacy train`` with ``configs/de_lagebild.cfg``; (4) stamp
metadata/licenses and copy the best checkpoint into the package (``assemble.py``);
(5) print held-out accuracy and speed (``benchmarks/nlp_accuracy.py``).
Takes about 15–25 minutes on two CPU cores.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def run(*args: str) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run(args, check=True, cwd=REPO)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    ap.add_argument("--out", type=Path, default=REPO / "src/lagebild/models/de_lagebild")
    ap.add_argument("--work", type=Path, default=HERE / "output" / "build")
    ap.add_argument("--skip-benchmark", action="store_true")
    args = ap.parse_args()
    py = sys.executable
    corpus = HERE / "corpus"
    vectors = HERE / "output" / "vectors"  # git-ignored, like corpus/
    run(py, str(HERE / "prepare.py"), "--corpora", str(args.corpora), "--out", str(corpus))
    run(py, str(HERE / "make_vectors.py"), str(vectors))
    run(py, "-m", "spacy", "train", str(HERE / "configs" / "de_lagebild.cfg"),
        "--output", str(args.work),
        "--paths.train", str(corpus / "train"), "--paths.dev", str(corpus / "dev"),
        "--paths.vectors", str(vectors))
    run(py, str(HERE / "assemble.py"), str(args.work / "model-best"), str(args.out))
    if not args.skip_benchmark:
        run(py, str(REPO / "benchmarks" / "nlp_accuracy.py"), "--model", str(args.out),
            "--corpora", str(args.corpora))


if __name__ == "__main__":
    main()
