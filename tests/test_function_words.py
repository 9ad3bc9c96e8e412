"""Function words of the other languages stories come in are not content: two Spanish sentences do not
share "con", "para" and "una" as if they were news (sentences written for this test)."""

from __future__ import annotations

from crosswire.facts.similarity import common_stems
from crosswire.text.words import content_words


def test_spanish_and_german_function_words_are_not_content():
    es = set(content_words("El alcalde habló con los vecinos para una reunión después de la tormenta"))
    assert not es & {"el", "con", "los", "para", "una", "despues"}
    de = set(content_words("Der Bürgermeister sagte, dass die Stadt auch nicht mit dem Land spricht"))
    assert not de & {"der", "sagte", "dass", "auch", "nicht", "mit"}


def test_english_words_that_are_function_words_elsewhere_stay_content():
    en = set(content_words("The son of the mayor said the war hurt Uber drivers and the ER staff"))
    assert {"son", "war", "uber", "er"} <= en


def test_two_spanish_statements_share_only_what_they_say():
    a = "En una rueda de prensa, el jefe de policía indicó que se hallaron tres farolillos con mensajes."
    b = "Varios testigos vieron las linternas con una pequeña llama, dijo a la prensa el jefe de policía."
    assert common_stems(a) & common_stems(b) <= {"rueda", "prensa", "jefe", "policia", "indico"}
