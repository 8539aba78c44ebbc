"""Turn the shared corpora into spaCy ``DocBin`` files for training and evaluation.

Splits (fixed, documented in ``training/README.md``):

* ``ud_train``  — UD German-GSD dev + UD German-PUD, minus ``ud_dev`` (gold POS/morph/lemma/deps).
* ``ud_dev``    — every 10th 10-sentence group of the above: checkpoint selection only.
* ``ud_heldout`` — UD German-GSD test: never trained on, the reported tagging/parsing numbers.
* ``ner_train`` — GermEval 2014 test + the second half of GermEval dev (gold NER, silver STTS
  tags and open-class lemmas from HanTa), minus ``ner_dev``.
* ``ner_dev``   — every 20th sentence of ``ner_train``'s pool: checkpoint selection only.
* ``ner_heldout`` — the first 1,100 sentences of GermEval dev: never trained on.

Run: ``python training/prepare.py --corpora ../shared/corpora --out training/corpus``.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

NER_HELDOUT_SENTENCES = 1100
UD_REPEAT = 3
UD_GROUP = 10  # sentences per training doc, so the parser learns sentence boundaries
# GermEval outer types; -deriv/-part are not names of the entity itself and become O.
NER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "“", "'", "..."}
NO_SPACE_AFTER = {"(", "[", "{", "„"}


def read_conllu(path: Path) -> Iterator[list[list[str]]]:
    """Sentences of a (gzipped) CoNLL-U file as lists of raw 10-column rows."""
    rows: list[list[str]] = []
    with gzip.open(path, "rt", encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield rows
                rows = []
            elif not line.startswith("#"):
                rows.append(line.split("\t"))
    if rows:
        yield rows


def _feats(feats: str, drop: tuple[str, ...] = ()) -> str:
    if feats == "_":
        return ""
    return "|".join(f for f in feats.split("|") if f.split("=")[0] not in drop)


def ud_sentence(rows: list[list[str]], keep_xpos: bool) -> dict:
    """One UD sentence as token-level lists, multiword tokens ("im" = in + dem) merged.

    spaCy's German tokenizer keeps contractions whole, so the merged token takes the
    annotation of its first word (the preposition), STTS tag APPRART and the article's
    case/gender/number features.
    """
    words = [r for r in rows if r[0].isdigit()]
    ranges = {}
    for r in rows:
        if "-" in r[0]:
            a, b = (int(x) for x in r[0].split("-"))
            ranges[a] = (b, r)
    out: dict[str, list] = {k: [] for k in
                            ("words", "spaces", "tags", "pos", "morphs", "lemmas", "heads", "deps")}
    old2new: dict[int, int] = {}
    i = 1
    spans = []
    while i <= len(words):
        if i in ranges:
            b, mwt = ranges[i]
            spans.append((i, b, mwt))
            for j in range(i, b + 1):
                old2new[j] = len(spans) - 1
            i = b + 1
        else:
            spans.append((i, i, None))
            old2new[i] = len(spans) - 1
            i += 1
    for a, b, mwt in spans:
        first = words[a - 1]
        inside = words[a - 1 : b]
        misc = (mwt or first)[9]
        out["words"].append((mwt or first)[1])
        out["spaces"].append("SpaceAfter=No" not in misc)
        head = int(first[6])
        if mwt is None:
            out["tags"].append(first[4] if keep_xpos else "")
            out["morphs"].append(_feats(first[5]))
        else:
            xposes = [w[4] for w in inside]
            tag = "APPRART" if xposes[:2] == ["APPR", "ART"] else ""
            out["tags"].append(tag if keep_xpos else "")
            det = next((w for w in inside if w[3] == "DET"), None)
            out["morphs"].append(_feats(det[5], ("PronType", "Definite")) if det else "")
        out["pos"].append(first[3])
        out["lemmas"].append(first[2])
        new_head = old2new[head] if head else None
        own = old2new[a]
        out["heads"].append(own if new_head is None or new_head == own else new_head)
        out["deps"].append("ROOT" if head == 0 else first[7])
    return out


def ud_docs(nlp, paths_xpos: list[tuple[Path, bool]], group: int) -> list[Doc]:
    """UD sentences grouped ``group`` at a time into Docs with gold annotation."""
    sents = [ud_sentence(rows, keep) for path, keep in paths_xpos for rows in read_conllu(path)]
    docs = []
    for start in range(0, len(sents), group):
        chunk = sents[start : start + group]
        merged: dict[str, list] = {k: [] for k in chunk[0]}
        sent_starts = []
        for s in chunk:
            offset = len(merged["words"])
            for k, v in s.items():
                if k == "heads":
                    merged[k].extend(h + offset for h in v)
                else:
                    merged[k].extend(v)
            merged["spaces"][-1] = True
            sent_starts.extend([True] + [False] * (len(s["words"]) - 1))
        tags = merged.pop("tags")
        docs.append(Doc(nlp.vocab, sent_starts=sent_starts,
                        tags=tags if any(tags) else None, **merged))
    return docs


def read_germeval(path: Path) -> Iterator[list[tuple[str, str]]]:
    """GermEval sentences as (token, outer BIO tag) pairs."""
    sent: list[tuple[str, str]] = []
    with gzip.open(path, "rt", encoding="utf8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                if sent:
                    yield sent
                sent = []
                continue
            sent.append((cols[1], cols[2]))
    if sent:
        yield sent


def detokenize(tokens: list[str]) -> list[bool]:
    """Plausible ``spaces`` for pre-tokenized text, so training text looks like real text."""
    spaces = [True] * len(tokens)
    open_quote = False
    for i, tok in enumerate(tokens):
        if tok == '"':
            if open_quote:
                if i:
                    spaces[i - 1] = False
            else:
                spaces[i] = False
            open_quote = not open_quote
        if tok in NO_SPACE_AFTER:
            spaces[i] = False
        if tok in NO_SPACE_BEFORE and i:
            spaces[i - 1] = False
    spaces[-1] = False
    return spaces


# HanTa's own extensions of STTS, mapped back to the tags UD German-GSD uses.
HANTA_TO_STTS = {"$": "$(", "PROAV": "PAV", "NNA": "NN", "NNI": "NN"}


def hanta_tag(tag: str, word: str = "") -> str:
    """STTS for a HanTa tag: ``VV(FIN)`` → ``VVFIN``, ``ADJ(A)`` → ``ADJA``, ``$`` → ``$(``."""
    tag = re.sub(r"[()]", "", tag)
    if tag == "XY" and word and not any(ch.isalnum() for ch in word):
        return "$("
    return HANTA_TO_STTS.get(tag, tag)


def germeval_doc(nlp, sent: list[tuple[str, str]], tagger) -> Doc:
    words = [w for w, _ in sent]
    ents = []
    for _, tag in sent:
        prefix, _, label = tag.partition("-")
        if prefix in ("B", "I") and label in NER_TYPES:
            ents.append(f"{prefix}-{NER_TYPES[label]}")
        else:
            ents.append("O")
    # An I- after an O (its B- was a -deriv/-part) starts a new entity.
    for i, e in enumerate(ents):
        if e.startswith("I-") and (i == 0 or ents[i - 1] == "O" or ents[i - 1][2:] != e[2:]):
            ents[i] = "B-" + e[2:]
    tags = lemmas = None
    if tagger is not None:
        tagged = tagger.tag_sent(words, taglevel=1)
        tags = [hanta_tag(t, w) for w, _, t in tagged]
        lemmas = [lem for _, lem, _ in tagged]
    return Doc(nlp.vocab, words=words, spaces=detokenize(words), ents=ents, tags=tags,
               lemmas=lemmas)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    ap.add_argument("--out", type=Path, default=Path("training/corpus"))
    ap.add_argument("--no-silver", action="store_true", help="skip HanTa silver tags/lemmas")
    args = ap.parse_args()
    nlp = spacy.blank("de")
    c = args.corpora
    args.out.mkdir(parents=True, exist_ok=True)

    pool = ud_docs(nlp, [(c / "ud_german_gsd/de_gsd-ud-dev.conllu.gz", True),
                         (c / "ud_german_pud/de_pud-ud-test.conllu.gz", False)], UD_GROUP)
    held = ud_docs(nlp, [(c / "ud_german_gsd/de_gsd-ud-test.conllu.gz", True)], UD_GROUP)
    splits = {
        "ud_train": [d for i, d in enumerate(pool) if i % 10 != 5],
        "ud_dev": [d for i, d in enumerate(pool) if i % 10 == 5],
        "ud_heldout": held,
    }

    tagger = None
    if not args.no_silver:
        from HanTa import HanoverTagger

        tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    ge = c / "germeval2014_ner"
    dev_sents = list(read_germeval(ge / "NER-de-dev.tsv.gz"))
    test_sents = list(read_germeval(ge / "NER-de-test.tsv.gz"))
    # The held-out part carries no silver labels: nothing about it is learned.
    splits["ner_heldout"] = [germeval_doc(nlp, s, None)
                             for s in dev_sents[:NER_HELDOUT_SENTENCES]]
    ner_pool = [germeval_doc(nlp, s, tagger)
                for s in dev_sents[NER_HELDOUT_SENTENCES:] + test_sents]
    splits["ner_train"] = [d for i, d in enumerate(ner_pool) if i % 20 != 7]
    splits["ner_dev"] = [d for i, d in enumerate(ner_pool) if i % 20 == 7]

    # spaCy reads every .spacy file of a folder: train/, dev/ and heldout/ each hold a UD
    # part and a GermEval part.  The small UD part is seen twice per epoch so that the
    # parser and morphologizer get as many updates as the NER.
    layout = {
        "train/ud.spacy": splits["ud_train"] * UD_REPEAT,
        "train/ner.spacy": splits["ner_train"],
        "dev/ud.spacy": splits["ud_dev"],
        "dev/ner.spacy": splits["ner_dev"],
        "heldout/ud.spacy": splits["ud_heldout"],
        "heldout/ner.spacy": splits["ner_heldout"],
    }
    for name, docs in layout.items():
        (args.out / name).parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(args.out / name)
        print(f"{name}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens")


if __name__ == "__main__":
    main()
