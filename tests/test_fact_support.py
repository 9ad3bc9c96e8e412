"""A citation is attached only where the sentence states the fact: its figures and its names.

Every article here is fictional and written for these tests.
"""

from __future__ import annotations

from crosswire import facts
from crosswire.facts.support import states
from crosswire.model import Article


def art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, published="2031-05-14", language="en")


def test_states_checks_figures_and_names():
    fact = "The storm destroyed 40 homes in the village of Carrow on Sunday night."
    assert states(fact, "Forty homes in Carrow were destroyed by the storm on Sunday.")
    assert not states(fact, "The storm destroyed 12 homes in the village of Carrow on Sunday night.")
    assert not states(fact, "The storm destroyed 40 homes in the village of Bellmoor on Sunday night.")
    assert states(fact, "The storm destroyed 40 homes on Sunday night.")  # names nothing: no clash
    assert states(fact, "Der Sturm zerstörte 40 Häuser im Dorf Bellmoor.", same_language=False)


def test_a_sentence_naming_others_is_not_cited_for_the_fact():
    a = art("a1", "Mara Lind won the coastal marathon in Porthaven on Sunday in record time. "
                  "Organisers said 3,000 runners took part.")
    b = art("b1", "Ines Vale won the coastal marathon in Dunmore on Sunday in record time. "
                  "The race was held in heavy rain.")
    sheet = facts.analyze([a, b], [], embedder=False, entities=[])
    for f in sheet.facts:
        if "Lind" in f.text:
            assert f.articles == ["a1"], f
        if "Vale" in f.text:
            assert f.articles == ["b1"], f
    assert any("Lind" in f.text for f in sheet.facts) and any("Vale" in f.text for f in sheet.facts)
