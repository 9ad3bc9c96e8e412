"""French typography in sentence splitting and attribution by the article's language."""

from __future__ import annotations

import pytest

from crosswire import facts
from crosswire.model import Article
from crosswire.text.sentences import split_sentences


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", " ", ""])
def test_a_sentence_opening_with_french_quotes_is_split_from_the_one_before(space):
    text = f"Le maire est parti. «{space}Nous reviendrons{space}», a-t-il dit."
    parts = [s.text for s in split_sentences(text)]
    assert parts == ["Le maire est parti.", f"«{space}Nous reviendrons{space}», a-t-il dit."]


def test_an_abbreviation_before_french_quotes_does_not_split():
    parts = [s.text for s in split_sentences("Il a rencontré M. «\u00a0Bob\u00a0» Durand hier soir au port.")]
    assert len(parts) == 1


def test_attribution_follows_the_articles_language():
    # too short for the text alone to say it is French: the article's language decides
    a = Article(id="fr", language="fr", text="Le port restera fermé jusqu'à lundi, a indiqué la préfecture maritime.")
    sheet = facts.analyze([a], [], embedder=False)
    assert sheet.facts and sheet.facts[0].attributed_to and "préfecture" in sheet.facts[0].attributed_to.lower()
