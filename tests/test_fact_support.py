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


def test_a_supporting_sentence_must_give_the_facts_count():
    from crosswire.facts.support import gives_figures

    fact = "The survey found that 412 farms in the valley lost their harvest between 2027 and 2030."
    assert gives_figures(fact, "Some 412 farms lost crops, the survey said.")
    assert not gives_figures(fact, "The share of farms losing their harvest stayed flat between 2027 and 2030.")
    assert gives_figures("The valley's farmers met in Corrin on Tuesday.", "Farmers met on Tuesday.")  # counts nothing


def test_a_longer_sentence_sharing_words_but_not_the_count_is_not_cited():
    # the abstract's "overall rate ... stable between 2011 and 2030" shares the count's years, ages and
    # words, but not its count: it is not cited for "812 children ... drowned"
    a = art("a1", "Background Drowning is a leading cause of death among children in Velmark. "
                  "Results The overall drowning rate among children aged 3 to 9 years remained stable between "
                  "2011 to 2015 and 2026 to 2030 (from 2.4 to 2.2 per 1 million). "
                  "However, the drowning rate increased in rural children (from 1.9 to 3.1 per 1 million).")
    b = art("b1", "The overall drowning rate among children between the ages of three and 9 was stable during the "
                  "20 years from 2011 to 2030, researchers in Velmark said. "
                  "The researchers found that 812 children between the ages of three and 9 drowned between 2011 "
                  "and 2030 — an average of nearly 41 children each year. "
                  "The drowning rate increased in rural children from 1.9 per one million to 3.1 per one million.")
    sheet = facts.analyze([a, b], [], embedder=False, entities=[])
    count = [f for f in sheet.facts if "812" in f.text]
    assert count and all(f.articles == ["b1"] for f in count), count
    rural = [f for f in sheet.facts if "rural" in f.text]
    assert any(f.articles == ["a1", "b1"] for f in rural)  # the same figures still support each other


def test_sums_of_money_for_the_same_thing_must_agree():
    # both give "$80 million in commissions"; the sales figures cannot both be true
    from crosswire.facts.contradiction import figures_clash, stated_in

    a = "The market boasted over $1.6 billion in sales from 2029 to 2031, which resulted in $80 million in commissions."
    b = "The market generated $1.2 billion in sales and $80 million in commissions, the complaint said."
    c = "The market generated about $1.2 billion in revenue, prosecutors said."
    assert figures_clash(stated_in(a), stated_in(b))
    # another thing, or no thing named: left as before (the sums are not compared by what they count)
    assert not figures_clash(stated_in(b), stated_in(c))
