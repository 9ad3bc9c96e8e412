"""Language identification: plain texts by their function words, the rest by lingua."""

from __future__ import annotations

import pytest

from crosswire.text import langid

EN = ("The council said on Monday that the new bridge over the river would open in the spring, after two years of "
      "delays caused by floods and by a dispute with the builder over the cost of the steel, which has risen by "
      "a third since the work began in the north of the town.")
FR = ("Le conseil a indiqué lundi que le nouveau pont sur la rivière ouvrirait au printemps, après deux ans de "
      "retards dus aux crues et à un différend avec le constructeur sur le coût de l'acier, qui a augmenté d'un "
      "tiers depuis le début des travaux dans le nord de la ville.")
DE = ("Der Rat teilte am Montag mit, dass die neue Brücke über den Fluss im Frühjahr eröffnet werden soll, nach "
      "zwei Jahren Verzögerung durch Hochwasser und einen Streit mit der Baufirma über die Kosten des Stahls, "
      "die seit Beginn der Arbeiten im Norden der Stadt um ein Drittel gestiegen sind.")


@pytest.mark.parametrize("text, lang", [(EN, "en"), (FR, "fr"), (DE, "de")])
def test_plain_text_is_answered_by_its_function_words_alone(monkeypatch, text, lang):
    text = text + " " + text  # long enough to be sure of

    def no_lingua():
        raise AssertionError("lingua asked about a plain text")

    monkeypatch.setattr(langid, "_detector", no_lingua)
    assert langid.plain_language(text) == lang
    assert langid.detect_language(text) == lang


def test_short_or_mixed_text_is_left_to_lingua():
    assert langid.plain_language("The council said on Monday.") is None
    mixed = " ".join(a + " " + b for a, b in zip(EN.split()[:40], FR.split()[:40]))
    assert langid.plain_language(mixed) is None


def test_text_in_a_language_without_a_word_list_goes_to_lingua(monkeypatch):
    asked = []

    class Fake:
        def detect_language_of(self, sample):
            asked.append(sample)
            return None

    monkeypatch.setattr(langid, "_detector", lambda: Fake())
    nl = ("De gemeenteraad zei maandag dat de nieuwe brug over de rivier in het voorjaar opengaat, na twee jaar "
          "vertraging door overstromingen en een geschil met de bouwer over de kosten van het staal.") * 2
    assert langid.detect_language(nl) is None
    assert asked
