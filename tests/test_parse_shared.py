"""One spaCy pipeline per language per process, shared by every analyser (text.parse)."""

from __future__ import annotations

import threading

import pytest

from crosswire.facts.speaker_parse import speaker_pipeline
from crosswire.text import parse
from crosswire.text.ner import MODELS
from crosswire.text.temporal_syntax import load_parser

spacy = pytest.importorskip("spacy")
EN = MODELS["en"]
if parse.parser("en") is None:
    pytest.skip("the English pipeline is not installed", allow_module_level=True)

TEXTS = [
    'The mayor said,“We will rebuild the pier by June.” Then she left.',
    "Officials told reporters:«nothing is certain» on Friday; the port reopened.",
    "“It was chaos,” said Ada Brennholt, a fisherman at the quay.",
    "SHIPYARD FIRE FORCES EVACUATION OF 300 WORKERS",
]


def test_one_loaded_pipeline_for_every_caller() -> None:
    shared = parse.parser("en")
    speakers = speaker_pipeline(EN)
    dates = load_parser("en")
    assert shared is not None and speakers is not None and dates is not None
    assert shared.nlp is speakers.nlp is dates.nlp
    assert speakers.tokenizer is not shared.tokenizer  # the speakers' own tokenisation


def test_threads_asking_at_once_share_one_pipeline() -> None:
    got: list[object] = []

    def ask() -> None:
        p = parse.pipeline(EN, disable=("ner",))
        got.append(p.nlp if p is not None else None)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(got) == 4 and all(x is got[0] and x is not None for x in got)


def test_speaker_tokenizer_is_the_model_tokenizer_with_quotation_infixes() -> None:
    """The view tokenises as the model's tokenizer with the infixes set on it, as loading a
    second copy of the pipeline and setting them did."""
    fresh = spacy.load(EN)
    infixes = list(fresh.Defaults.infixes or ()) + [r"[“”\"«»„]", r"(?<=\w)[,;:](?=[“\"«„])"]
    fresh.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    view = speaker_pipeline(EN)
    for text in TEXTS:
        assert [t.text for t in view.make_doc(text)] == [t.text for t in fresh.tokenizer(text)]
    assert "“" in [t.text for t in view.make_doc(TEXTS[0])]
    # the shared parse keeps the model's own tokenisation ("said,“We" is not split there)
    plain = spacy.load(EN, exclude=["ner"])
    shared = parse.parser("en")
    assert shared is not None
    for text in TEXTS:
        assert [t.text for t in shared.make_doc(text)] == [t.text for t in plain.tokenizer(text)]


def test_views_run_their_components_only() -> None:
    speakers = speaker_pipeline(EN)
    shared = parse.parser("en")
    assert speakers is not None and shared is not None
    assert "ner" in speakers.pipe_names and "ner" not in shared.pipe_names
    doc = next(iter(speakers.pipe([TEXTS[2]])))
    assert any(e.label_ == "PERSON" for e in doc.ents)
    (sdoc,) = parse.parse([TEXTS[2]], "en") or [None]
    assert sdoc is not None and sdoc.has_annotation("DEP")
    (odoc,) = parse.parse(["The ferry to Morvain sailed late, the harbour master said."], "en") or [None]
    assert odoc is not None and not odoc.ents  # parsed here: no entity recogniser
    # the same parse as a pipeline loaded without the entity recogniser
    plain = spacy.load(EN, exclude=["ner"])
    ref = plain(TEXTS[2])
    assert [(t.text, t.dep_, t.head.i, t.tag_, t.lemma_) for t in sdoc] == \
        [(t.text, t.dep_, t.head.i, t.tag_, t.lemma_) for t in ref]
    assert [(t.text, t.dep_, t.head.i) for t in shared(TEXTS[0])] == \
        [(t.text, t.dep_, t.head.i) for t in plain(TEXTS[0])]


def test_a_text_the_speakers_parsed_is_not_parsed_again() -> None:
    """Each sentence is parsed once: a paragraph the speakers parsed serves the shared parse when
    the model's tokenizer splits it as theirs does; otherwise the shared parse makes its own."""
    speakers = speaker_pipeline(EN)
    assert speakers is not None
    same = "Harbour master Ilse Varno said the quay would reopen on Monday."
    split = 'The skipper said,“Nobody was hurt.”'  # "said,“Nobody": their tokens differ
    docs = list(speakers.pipe([same, split]))
    shared = parse.parse([same, split], "en")
    assert shared is not None
    assert shared[0] is docs[0]
    assert shared[1] is not docs[1]
    assert [t.text for t in shared[1]] == [t.text for t in spacy.load(EN, exclude=["ner"]).tokenizer(split)]
    assert "“" in [t.text for t in docs[1]]
