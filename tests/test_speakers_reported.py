"""Quotations inside reported speech, and quotations a new sentence introduces (Spanish sentences
written here; Spanish speakers are read from tokens)."""

from __future__ import annotations

from crosswire.facts.speakers import find_quotations


def speakers(text: str, language: str = "es") -> list[tuple[str, str | None]]:
    return [(q.text[:30], q.speaker) for q in find_quotations(text, language) or []]


def test_a_quotation_inside_the_speech_its_speaker_reports():
    got = speakers(
        'La ministra de Salud, Ana Brel, afirmó hoy que los hospitales de Varno "están preparados para recibir '
        'a todos los heridos del accidente" y pidió calma.'
    )
    assert got and "Ana Brel" in (got[0][1] or "")


def test_a_quotation_a_new_sentence_introduces_is_not_the_last_speakers():
    got = speakers(
        'El alcalde Ivo Dane dijo que "la ciudad cumplirá la ley sin excepciones en todos los barrios". '
        'El artículo 205 del código, más específico, señala: "Será reprimido con prisión de seis meses a dos años".'
    )
    assert got[0][1] and "Dane" in got[0][1]
    assert got[1][1] is None


def test_he_never_means_a_team_named_with_its_article():
    got = speakers(
        "The Bulldogs lost their nerve against the Hornets 12 months ago, losing 27-21, and coach Tomas Reiner is "
        "determined to avoid a repeat when his team faces Orsk on New Year's Day. "
        '"It is a one-game season for us," he said at his press conference last week.',
        "en",
    )
    assert got and got[0][1] == "Tomas Reiner"
