"""``lagebild.load(model=…)``: any German spaCy pipeline can replace the shipped core."""

from __future__ import annotations

import pytest
import spacy

import lagebild
from lagebild.errors import ModelError
from lagebild.pipeline import LAGEBILD_COMPONENTS


def _tiny_pipeline(path, lang: str, *, sentences: bool) -> str:
    nlp = spacy.blank(lang)
    if sentences:
        nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return str(path)


@pytest.mark.parametrize("sentences", [True, False])
def test_load_german_pipeline_from_path(tmp_path, sentences):
    path = _tiny_pipeline(tmp_path / "de_tiny", "de", sentences=sentences)
    nlp = lagebild.load(model=path)
    assert nlp.lang == "de"
    assert list(nlp.pipe_names[-len(LAGEBILD_COMPONENTS):]) == list(LAGEBILD_COMPONENTS)
    assert "ner" not in nlp.pipe_names
    doc = nlp("Die Minister beraten am Freitag. Danach reisen sie ab.")
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_non_german_pipeline_is_a_model_error(tmp_path, lang):
    path = _tiny_pipeline(tmp_path / f"{lang}_tiny", lang, sentences=True)
    with pytest.raises(ModelError) as err:
        lagebild.build(model=path)
    assert err.value.code == "E201"
    assert repr(lang) in err.value.message


@pytest.mark.parametrize("name", ["de_core_news_does_not_exist", "/no/such/model/dir"])
def test_missing_pipeline_is_a_model_error(name):
    with pytest.raises(ModelError) as err:
        lagebild.build(model=name)
    assert err.value.code == "E201"


def test_blank_model_gives_sentences_without_statistics():
    nlp = lagebild.build(model="blank")
    assert "parser" not in nlp.pipe_names
    doc = nlp("Die Minister beraten am Freitag. Danach reisen sie ab.")
    assert len(list(doc.sents)) == 2
