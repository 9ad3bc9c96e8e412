"""A summary sentence is read without the sentence before it: one that opens on a third-person
pronoun names nobody ("He told reporters ...") and weighs less than one that names its subject.

Every article here is fictional and written for these tests.
"""

from __future__ import annotations

from crosswire import brief, facts
from crosswire.brief.news import news_weights, opens_on_pronoun
from crosswire.brief.summary import SummaryConfig
from crosswire.model import Article
from crosswire.text.sentences import article_sentences


def art(aid: str, text: str, language: str = "en") -> Article:
    return Article(id=aid, text=text, published="2031-06-02", language=language)


def test_opening_pronouns_per_language():
    assert opens_on_pronoun("He told reporters the bridge would reopen.", "en")
    assert opens_on_pronoun("“She's been here since dawn,” a neighbour said.", "en")
    assert opens_on_pronoun("Their boat was found at dawn.", "en")
    assert not opens_on_pronoun("Helen Marsh told reporters the bridge would reopen.", "en")
    assert not opens_on_pronoun("The mayor said he would stay.", "en")
    assert not opens_on_pronoun("Hersham council closed the road.", "en")
    assert opens_on_pronoun("Il a annoncé sa démission mardi.", "fr")
    assert not opens_on_pronoun("Ils-de-France ne sont pas un lieu.", "en")
    assert opens_on_pronoun("Er trat am Dienstag zurück.", "de")
    assert opens_on_pronoun("Ella dimitió el martes.", "es")
    assert not opens_on_pronoun("Elena Ruiz dimitió el martes.", "es")


def test_news_weights_apply_the_pronoun_multiplier():
    a = art("a1", "Helen Marsh resigned as harbour master on Monday. She said the post needed new blood.")
    sents = {"a1": article_sentences(a)}
    texts = [s.text for s in sents["a1"]]
    w = news_weights([a], sents, [[("a1", 0)], [("a1", 1)]], texts, essay=1.0, first=1.0, update=1.0, pronoun=0.5)
    assert list(w) == [1.0, 0.5]


# two reports of one resignation; the sentence both tell nearly alike opens on "She"
BRIDGE = [
    art("a1", "Port officials met on Monday after the Kell Bridge collision. "
              "She said the inquiry into the Kell Bridge collision had made her position as harbour master impossible. "
              "Harbour master Helen Marsh resigned later that day."),
    art("a2", "The port board met on Monday over the Kell Bridge collision. "
              "She told the board the inquiry into the Kell Bridge collision made her position as harbour master "
              "impossible. "
              "Helen Marsh has resigned."),
]


def test_summary_prefers_sentences_that_name_their_subject():
    sheet = facts.analyze(BRIDGE, [], embedder=False, entities=[], lang="en")
    off = brief.summarize(BRIDGE, [], sheet, words=20, lang="en", config=SummaryConfig(pronoun=1.0))
    assert [s.text[:4] for s in off] == ["She "]  # the best-supported sentence, read alone: who is she?
    on = brief.summarize(BRIDGE, [], sheet, words=20, lang="en")
    assert not any(opens_on_pronoun(s.text, "en") for s in on)
    assert any("Helen Marsh resigned" in s.text for s in on)
