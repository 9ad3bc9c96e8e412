"""Alignment of paraphrases, near misses, translations and big stories (fictional reports written here)."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire.facts import align, similarity
from crosswire import facts
from crosswire.model import Article, Sentence

DAY = "2031-05-14"  # a Wednesday


def art(aid: str, text: str, language: str = "en") -> Article:
    return Article(id=aid, text=text, published=DAY, language=language)


def sent(article: str, text: str, index: int = 0) -> Sentence:
    return Sentence(article, index, text, 0, len(text))


def analyze(arts):
    return facts.analyze(list(arts), [], embedder=False)


def fact_with(sheet, article: str, index: int):
    return next(f for f in sheet.facts if any(c.article == article and c.sentence == index for c in f.citations))


# Report A tells two facts in its lead; report B tells them in two sentences, in other words.
LEAD_A = ("The health ministers of Norland and Estavia held rare video talks on Wednesday, their first contact since "
          "the border closed in March 2029, discussing the cholera outbreak in the port of Varno.\n\n"
          "Norland's minister, Petra Alving, offered to send water purification units, her ministry said.\n\n"
          "The outbreak has overwhelmed the only hospital in Varno, where tents now line the car park.")
SPLIT_B = ("Norland's and Estavia's health ministers spoke by video link on May 14 in a rare meeting that covered the "
           "cholera outbreak in Varno.\n\n"
           "It was the first contact between the two governments since March 2029, when the border closed, "
           "officials said.\n\n"
           "Alving proposed that Norland ship water purification units to the port, according to her ministry.\n\n"
           "Fishermen in Varno have been told not to sell their catch until further notice.")
OTHER_CLAIM = ("Estavia's government on Wednesday accused Norland of hiding the first cases of the cholera outbreak "
               "in Varno for weeks.\n\n"
               "Schools in the port will stay shut until the end of the month.")


def test_a_lead_telling_two_facts_is_cited_with_both():
    arts = [art("a", LEAD_A), art("b", SPLIT_B), art("c", OTHER_CLAIM)]
    sheet = analyze(arts)
    talks, first_contact = fact_with(sheet, "b", 0), fact_with(sheet, "b", 1)
    assert talks is not first_contact
    assert "a" in talks.articles and talks.independent_sources == 2
    assert "a" in first_contact.articles and first_contact.independent_sources == 2
    # the lead is cited verbatim, once per fact, and each fact has one sentence per article
    for f in (talks, first_contact):
        assert [c.article for c in f.citations].count("a") == 1
        assert len({c.article for c in f.citations}) == len(f.citations)
    offer = fact_with(sheet, "a", 1)
    assert set(offer.articles) == {"a", "b"}


def test_same_names_and_day_but_another_claim_do_not_join():
    sheet = analyze([art("a", LEAD_A), art("b", SPLIT_B), art("c", OTHER_CLAIM)])
    accused = fact_with(sheet, "c", 0)
    assert accused.articles == ["c"] and accused.independent_sources == 1


TALKS = ("Health ministers from Norland and Estavia held rare video talks on Wednesday about cholera in Varno, where "
         "queues of anxious parents stretched around the children's clinic and bakeries ran out of bread.")
TALKS_OTHER_WORDS = ("On May 14 Norland's and Estavia's health ministers spoke in a rare video meeting, the first "
                     "since a diplomatic row over fishing quotas, while cholera kept spreading through the slums "
                     "around Varno.")
RESIGNED = ("On May 14 Norland's health minister resigned over the cholera outbreak in Varno, saying she had been "
            "ignored for weeks.")


def test_paraphrase_with_the_same_day_in_other_words_joins():
    groups, _ = align.align_sentences([sent("a", TALKS), sent("b", TALKS_OTHER_WORDS)],
                                      references={"a": DAY, "b": DAY})
    assert any(g.members == [0, 1] for g in groups)


def test_same_people_place_and_day_with_another_event_do_not_join():
    groups, _ = align.align_sentences([sent("a", TALKS), sent("b", RESIGNED)], references={"a": DAY, "b": DAY})
    assert all(len(g.members) == 1 for g in groups)


def test_a_lead_is_never_cited_with_a_sentence_it_contradicts():
    a = ("A gas explosion destroyed a bakery in the town of Orvel on Tuesday night, killing four people, the "
         "first deadly blast in the town since 2019.")
    b = ("Firefighters in Orvel said a gas leak destroyed the bakery late on Tuesday in a rare deadly blast.\n\n"
         "Three people were killed, the first deaths in a blast in the town since 2019.")
    sheet = analyze([art("a", a), art("b", b)])
    toll_b = fact_with(sheet, "b", 1)
    assert "a" not in toll_b.articles
    assert all(not ({"a", "b"} <= set(f.articles) and any("Three" in c.text for c in f.citations))
               for f in sheet.facts)


def test_translation_in_other_words_joins_with_the_embedding():
    from crosswire.text.embed import default_embedder

    emb = default_embedder()
    if not emb.available:
        pytest.skip("embedding model not installed")
    en = art("en", "The port authority of Varno closed the fish market on Wednesday because of the cholera "
                   "outbreak.\n\nTraders were told to stay at home.")
    de = art("de", "Wegen des Cholera-Ausbruchs hat die Hafenbehörde von Varno am Mittwoch den Fischmarkt "
                   "geschlossen.\n\nIn der Stadt fehlen Ärzte.", language="de")
    sheet = facts.analyze([en, de], [], embedder=emb)
    market = fact_with(sheet, "en", 0)
    assert set(market.articles) == {"en", "de"}
    doctors = fact_with(sheet, "de", 1)
    assert doctors.articles == ["de"]


def test_a_big_story_aligns_like_a_small_one(monkeypatch):
    arts = [art("a", LEAD_A), art("b", SPLIT_B), art("c", OTHER_CLAIM)]

    def cited(sheet):
        return sorted(tuple(sorted((c.article, c.sentence) for c in f.citations)) for f in sheet.facts)

    small = cited(analyze(arts))
    monkeypatch.setattr(similarity, "DENSE_N", 0)  # the path of stories of thousands of sentences
    assert cited(analyze(arts)) == small


def test_pair_scores_read_like_a_matrix(monkeypatch):
    texts = [("a", TALKS), ("a", RESIGNED), ("b", TALKS_OTHER_WORDS), ("c", "Bakeries in Varno ran out of bread.")]
    sentences = [sent(a, t, k) for k, (a, t) in enumerate(texts)]
    _, dense = align.align_sentences(sentences)
    monkeypatch.setattr(similarity, "DENSE_N", 0)
    _, sparse = align.align_sentences(sentences)
    idx = np.arange(len(texts))
    for scores in (dense, sparse):
        assert scores.shape == (4, 4)
        block = scores[np.ix_(idx, idx)]
        assert block.shape == (4, 4)
        assert block[0, 1] == 0.0 and scores[0, 0] == 0.0  # one article
        assert all(abs(scores[i, j] - block[i, j]) < 1e-6 for i in idx for j in idx)
    assert np.allclose(dense[np.ix_(idx, idx)], sparse[np.ix_(idx, idx)], atol=1e-5)
