"""German quotation marks („…“) open and close sentences like the English ones."""

from crosswire.text.sentences import split_sentences


def test_german_quotation_opens_a_sentence():
    text = "Die Werft hat einen neuen Chef. „Das ist eine gute Nachricht für Kiel“, sagte die Ministerin."
    assert [s.text for s in split_sentences(text)] == [
        "Die Werft hat einen neuen Chef.",
        "„Das ist eine gute Nachricht für Kiel“, sagte die Ministerin.",
    ]


def test_german_quotation_closes_a_sentence():
    text = "Der Chef sagte: „Wir bauen weiter.“ Danach verließ er den Saal."
    assert [s.text for s in split_sentences(text)] == [
        "Der Chef sagte: „Wir bauen weiter.“",
        "Danach verließ er den Saal.",
    ]


def test_english_quotes_unchanged():
    text = "He said: “We will keep building.” Then he left the hall."
    assert len(split_sentences(text)) == 2
