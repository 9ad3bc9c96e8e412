"""Speakers of quotations in French, read from the parse (skipped without spaCy's French pipeline)."""

from __future__ import annotations

import pytest

from crosswire.facts import speakers

pytestmark = pytest.mark.skipif(not speakers.parser_available("fr"), reason="spaCy French pipeline not installed")


def said(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in speakers.find_quotations(text, "fr") or []}


def test_incise_after_the_quote():
    got = said("Le pont a cédé lundi.\n\n« Nous allons reconstruire ce pont très vite », a déclaré mardi "
               "la maire Jeanne Holt.")
    assert got["Nous allons reconstruire ce pont très vite"] == "Jeanne Holt"


def test_inverted_pronoun_resolved():
    text = ("La maire Jeanne Holt est venue sur place.\n\n"
            "« Ce chantier coûtera très cher à la commune », a-t-elle précisé.")
    assert said(text)["Ce chantier coûtera très cher à la commune"] == "Jeanne Holt"


def test_selon():
    got = said("Le pont a cédé lundi.\n\nSelon le préfet Marc Durand, « la sécurité des habitants est la "
               "priorité absolue ».")
    assert got["la sécurité des habitants est la priorité absolue"] == "Marc Durand"


def test_role_with_its_complement():
    got = said("Le pont a cédé lundi.\n\nLe ministre de l'Intérieur a déclaré : « Nous suivons la situation "
               "de très près. »")
    assert got["Nous suivons la situation de très près."] == "ministre de l'Intérieur"


def test_title_of_a_work_is_not_a_quotation():
    assert said("Le pont a cédé lundi.\n\nIl a publié le livre « Les jours heureux de la ville » en 2020.") == {}


def test_speaker_of_the_sentence_before():
    text = ("Le projet avance.\n\nLe ministre Paul Roux a déclaré lundi que le projet avancerait. « Nous ne "
            "reculerons pas devant les difficultés du terrain. » La séance a été levée.")
    assert said(text)["Nous ne reculerons pas devant les difficultés du terrain."] == "Paul Roux"


def test_sentence_before_without_reporting_verb_abstains():
    text = ("Le projet avance.\n\nLe ministre Paul Roux a visité lundi le chantier. « Nous ne reculerons pas "
            "devant les difficultés du terrain. » La séance a été levée.")
    assert said(text)["Nous ne reculerons pas devant les difficultés du terrain."] is None
