"""The NER worker process: same entities as in this process, never left running, falls back."""

from __future__ import annotations

import json
import os

import pytest

from crosswire.facts import entities
from crosswire.text import ner
from crosswire.model import Article

PARAS = [
    "The mayor of Corvella, Anja Ristovic, opened the new bridge over the Tamsel on Saturday.",
    "Engineers from Halvard Construction said the crossing would carry 9,000 cars a day.",
    "Ristovic thanked the regional council in Brenmoor for its support.",
]

needs_model = pytest.mark.skipif(ner.load_model("en") is None, reason="the English spaCy model is not installed")


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:  # a zombie still answers kill(0): look at its state
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[1].split()[0] == "Z"
    except OSError:
        return True


@needs_model
def test_worker_finds_the_same_spans_as_this_process():
    here = ner.recognize(ner.load_model("en"), PARAS)
    with ner.NerWorker() as worker:
        assert worker.alive
        worker.prefetch("en", PARAS[:2])
        got = worker.spans("en", PARAS + PARAS[:1])
        assert worker.alive  # it answered (a failed worker is replaced by this process)
        pid = worker._proc.pid
    assert got == here + here[:1]
    assert any(label == "PERSON" and PARAS[2][s:e] == "Ristovic" for s, e, label in got[2])
    assert _gone(pid)


@needs_model
@pytest.mark.skipif(ner.load_model("fr") is None, reason="the French spaCy model is not installed")
@needs_model
def test_answers_for_two_languages_waiting_at_once():
    fr = ["La maire de Corvella, Anja Ristovic, a inauguré samedi le nouveau pont sur la Tamsel."]
    with ner.NerWorker() as worker:
        worker.prefetch("en", PARAS)
        worker.prefetch("fr", fr)
        got_fr = worker.spans("fr", fr)  # the English answer comes first and waits its turn
        got_en = worker.spans("en", PARAS)
        assert worker.alive
    assert got_fr == ner.recognize(ner.load_model("fr"), fr)
    assert got_en == ner.recognize(ner.load_model("en"), PARAS)


def test_worker_process_ends_with_the_block_even_unused_or_on_error():
    with pytest.raises(RuntimeError):
        with ner.NerWorker() as worker:
            pid = worker._proc.pid
            raise RuntimeError("the caller failed")
    assert _gone(pid) and not worker.alive


def test_no_model_for_a_language_means_none():
    with ner.NerWorker() as worker:
        assert worker.spans("xx", PARAS) is None


@needs_model
def test_a_dead_worker_is_replaced_by_this_process():
    with ner.NerWorker() as worker:
        worker._proc.kill()
        worker._proc.wait()
        assert worker.spans("en", PARAS) == ner.recognize(ner.load_model("en"), PARAS)


@needs_model
def test_when_no_process_can_start_spacy_runs_here(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no processes left")

    monkeypatch.setattr(ner.subprocess, "Popen", refuse)
    with ner.NerWorker() as worker:
        assert not worker.alive
        assert worker.spans("en", PARAS) == ner.recognize(ner.load_model("en"), PARAS)


@needs_model
def test_brief_with_a_worker_equals_the_brief_without():
    from crosswire.model import to_json
    from crosswire.pipeline import brief_for

    arts = [Article(id="a", title="Bridge opens", text="\n\n".join(PARAS), language="en"),
            Article(id="b", title="New crossing", text="\n\n".join(PARAS[:2]) + "\n\nThe bridge cost 40 million euros.",
                    language="en")]
    plain = to_json(brief_for(arts))
    with ner.NerWorker() as worker:
        pid = worker._proc.pid
        with_worker = to_json(brief_for(arts, ner=worker))
    assert json.dumps(with_worker, sort_keys=True) == json.dumps(plain, sort_keys=True)
    assert any("Ristovic" in e["name"] for e in with_worker["entities"])
    assert _gone(pid)


@needs_model
def test_entities_found_in_a_worker_equal_those_found_here():
    from crosswire import facts

    arts = [Article(id="a", text="\n\n".join(PARAS), language="en")]
    story = facts.read_story(arts, [], embedder=False)
    with ner.NerWorker() as worker:
        in_worker = entities.find_entities(story, ner=worker)
    assert in_worker == entities.find_entities(story)
    assert any("Ristovic" in e.name for e in in_worker)


def test_cli_brief_leaves_no_process_behind(tmp_path, capsys):
    psutil = pytest.importorskip("psutil")
    from crosswire.cli import main

    (tmp_path / "a.txt").write_text("\n\n".join(PARAS), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(reversed(PARAS)), encoding="utf-8")
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    assert main(["brief", str(tmp_path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["entities"]
    assert {p.pid for p in psutil.Process().children(recursive=True)} - before == set()


@needs_model
def test_the_worker_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("CROSSWIRE_NER_WORKER", "0")
    with ner.NerWorker() as worker:
        assert not worker.alive
        assert worker.spans("en", PARAS) == ner.recognize(ner.load_model("en"), PARAS)


@pytest.mark.skipif(ner.load_model("fr") is None, reason="the French spaCy model is not installed")
@needs_model
def test_a_two_language_brief_with_a_worker_equals_the_brief_without():
    from crosswire.model import to_json
    from crosswire.pipeline import brief_for

    arts = [Article(id="en", text="\n\n".join(PARAS), language="en"),
            Article(id="fr", text="La maire de Corvella, Anja Ristovic, a inauguré samedi le nouveau pont sur "
                                  "la Tamsel.\n\nLe chantier a coûté 40 millions d'euros, selon la mairie.",
                    language="fr")]
    plain = to_json(brief_for(arts))
    with ner.NerWorker() as worker:
        with_worker = to_json(brief_for(arts, ner=worker))
    assert json.dumps(with_worker, sort_keys=True) == json.dumps(plain, sort_keys=True)
    assert {a for e in with_worker["entities"] for a in e["articles"]} == {"en", "fr"}
