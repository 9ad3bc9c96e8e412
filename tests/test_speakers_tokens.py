"""Speakers of quotations in German and Spanish, read from tokens and the languages' data (no parser)."""

from __future__ import annotations

from crosswire.facts import speakers


def said(text: str, language: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in speakers.find_quotations(text, language) or []}


def test_german_incise_after_the_quote():
    got = said("Die Brücke wird neu gebaut.\n\n„Wir werden die Brücke noch vor dem Winter wieder aufbauen“, "
               "sagte Bürgermeisterin Jana Holt am Dienstag.", "de")
    assert got["Wir werden die Brücke noch vor dem Winter wieder aufbauen"] == "Bürgermeisterin Jana Holt"


def test_german_name_said_colon():
    got = said("Die Brücke wird neu gebaut.\n\nInnenminister Karl Berg sagte: „Wir beobachten die Lage in "
               "der Stadt sehr genau.“", "de")
    assert got["Wir beobachten die Lage in der Stadt sehr genau."] == "Innenminister Karl Berg"


def test_german_laut_and_guillemets():
    got = said("Die Brücke wird neu gebaut.\n\nLaut Polizeisprecher Tom Weber »gab es bei dem Einsturz keine "
               "Verletzten«.", "de")
    assert got["gab es bei dem Einsturz keine Verletzten"] == "Polizeisprecher Tom Weber"


def test_german_ambiguous_pronoun_abstains():
    text = ("Die Brücke wird neu gebaut.\n\n„Die Arbeiten beginnen schon am kommenden Montag“, sagte sie.")
    assert said(text, "de") == {"Die Arbeiten beginnen schon am kommenden Montag": None}


def test_german_title_of_a_film_is_not_a_quotation():
    assert said("Die Brücke wird neu gebaut.\n\nDer Film „Die glücklichen Tage der Stadt“ lief im Kino.", "de") == {}


def test_spanish_dijo_after_the_quote():
    got = said("El puente será reconstruido.\n\n\"Vamos a reconstruir el puente antes del invierno\", dijo "
               "la alcaldesa Juana Holt el martes.", "es")
    assert got["Vamos a reconstruir el puente antes del invierno"] == "alcaldesa Juana Holt"


def test_spanish_role_and_name_before_colon():
    got = said("El puente será reconstruido.\n\nEl ministro del Interior, Carlos Berg, afirmó: «Seguimos la "
               "situación muy de cerca en la ciudad».", "es")
    assert got["Seguimos la situación muy de cerca en la ciudad"] == "ministro del Interior, Carlos Berg"


def test_spanish_segun_never_a_fragment():
    got = said("El puente será reconstruido.\n\nSegún la portavoz de la policía, \"no hubo heridos en el "
               "derrumbe\".", "es")
    assert got["no hubo heridos en el derrumbe"] == "portavoz de la policía"


def test_spanish_dropped_subject_without_a_previous_speaker_abstains():
    got = said("El puente será reconstruido.\n\nEl martes llovió mucho. \"Las obras empezarán el próximo "
               "lunes por la mañana\", añadió.", "es")
    assert list(got.values()) == [None]


def test_report_groups_by_speaker():
    class A:
        def __init__(self, id_: str, text: str) -> None:
            self.id, self.text, self.language = id_, text, "de"

    groups = speakers.who_said_what([
        A("a1", "Die Brücke.\n\n„Wir bauen die Brücke sehr bald wieder auf“, sagte Karl Berg."),
        A("a2", "Die Brücke.\n\n„Die Arbeiten dauern noch mindestens ein Jahr“, sagte Karl Berg."),
    ])
    assert groups[0]["speaker"] == "Karl Berg" and len(groups[0]["quotes"]) == 2
    md = speakers.render_report(groups, "md")
    assert "## Karl Berg (2)" in md and "a2" in md
    assert speakers.render_report(groups, "jsonl").count("\n") == 1


def test_german_role_noun_phrase_with_adjective_after_the_verb():
    got = said("Das Werk bleibt offen.\n\n„Die Entscheidung ist eine sehr gute Nachricht für die ganze Region“, "
               "sagte der französische Wirtschafts- und Finanzminister am Abend.", "de")
    speaker = got["Die Entscheidung ist eine sehr gute Nachricht für die ganze Region"]
    assert speaker is not None and "Finanzminister" in speaker


def test_german_the_newspaper_told_is_not_the_speaker():
    got = said("Das Werk bleibt offen.\n\n„Wir verhandeln weiter mit allen Beteiligten im Werk“, sagte der "
               "Zeitung ein Sprecher.", "de")
    assert got["Wir verhandeln weiter mit allen Beteiligten im Werk"] == "Sprecher"


def test_german_speaker_of_the_sentence_before():
    got = said("Das Werk bleibt offen.\n\nAm Montag sagte Betriebsratschefin Lena Hoff, die Gespräche gingen "
               "weiter. „Wir verhandeln weiter mit allen Beteiligten im Werk.“", "de")
    assert got["Wir verhandeln weiter mit allen Beteiligten im Werk."] == "Betriebsratschefin Lena Hoff"


def test_german_sentence_before_with_a_pronoun_abstains():
    got = said("Das Werk bleibt offen.\n\nAm Montag sagte er, die Gespräche gingen weiter. „Wir verhandeln "
               "weiter mit allen Beteiligten im Werk.“", "de")
    assert list(got.values()) == [None]


def test_spanish_speaker_of_the_sentence_before():
    got = said("El fuego destruyó el almacén.\n\nLos bomberos llegaron tarde, dijo a la prensa Marta Ibáñez, "
               "portavoz de la policía local. \"Nadie esperaba un incendio tan grande en plena noche\", y el "
               "almacén ardió.", "es")
    assert got["Nadie esperaba un incendio tan grande en plena noche"] == "Marta Ibáñez"


def test_spanish_sentence_before_without_a_reporting_verb_abstains():
    got = said("El fuego destruyó el almacén.\n\nLos bomberos llegaron tarde con Marta Ibáñez. \"Nadie "
               "esperaba un incendio tan grande en plena noche.\"", "es")
    assert list(got.values()) == [None]


def test_german_framing_verb_with_a_role_names_the_speaker():
    got = said("Das Werk bleibt offen.\n\nKonzernchef Paul Amsel nannte den Plan einen „mutigen Schritt für die "
               "ganze Belegschaft des Werks“.", "de")
    assert got["mutigen Schritt für die ganze Belegschaft des Werks"] == "Konzernchef Paul Amsel"


def test_german_framing_verb_after_a_time_phrase_abstains():
    got = said("Das Werk bleibt offen.\n\nAm Montag nannte er den Plan einen „mutigen Schritt für die ganze "
               "Belegschaft des Werks“.", "de")
    assert all(v is None for v in got.values())


def test_spanish_framing_verb():
    got = said("La planta sigue abierta.\n\nLa directora Ana Prieto calificó el plan de \"un paso valiente para "
               "toda la plantilla de la fábrica\".", "es")
    assert got["un paso valiente para toda la plantilla de la fábrica"] == "directora Ana Prieto"


# "sagte er", "dijo ella", "der Minister", "el portavoz": the one person of the article they can mean, else nobody


def test_german_pronoun_resolved_to_the_one_man_named():
    got = said("Die Brücke wird neu gebaut.\n\nInnenminister Karl Berg besuchte am Dienstag die Baustelle. "
               "„Die Arbeiten beginnen schon am kommenden Montag“, sagte er.", "de")
    assert got["Die Arbeiten beginnen schon am kommenden Montag"] == "Innenminister Karl Berg"


def test_german_singular_sie_is_a_woman():
    got = said("Die Brücke wird neu gebaut.\n\nBürgermeisterin Jana Holt besuchte am Dienstag die Baustelle. "
               "„Die Arbeiten beginnen schon am kommenden Montag“, sagte sie.", "de")
    assert got["Die Arbeiten beginnen schon am kommenden Montag"] == "Bürgermeisterin Jana Holt"


def test_german_plural_sie_abstains():
    got = said("Die Brücke wird neu gebaut.\n\nBürgermeisterin Jana Holt und Innenminister Karl Berg besuchten die "
               "Baustelle. „Die Arbeiten beginnen schon am kommenden Montag“, sagten sie.", "de")
    assert got["Die Arbeiten beginnen schon am kommenden Montag"] is None


def test_german_pronoun_with_two_men_named_abstains():
    got = said("Die Brücke wird neu gebaut.\n\nKarl Berg traf am Dienstag Paul Amsel auf der Baustelle. "
               "„Die Arbeiten beginnen schon am kommenden Montag“, sagte er.", "de")
    assert got["Die Arbeiten beginnen schon am kommenden Montag"] is None


def test_german_role_resolved_to_the_person_introduced_with_it():
    got = said("Die Brücke wird neu gebaut.\n\nInnenminister Karl Berg besuchte am Dienstag die Baustelle.\n\n"
               "„Die Arbeiten beginnen schon am kommenden Montag“, sagte der Minister.", "de")
    assert got["Die Arbeiten beginnen schon am kommenden Montag"] == "Innenminister Karl Berg"


def test_german_indefinite_role_is_someone_new():
    got = said("Die Brücke wird neu gebaut.\n\nPolizeisprecher Tom Weber besuchte am Dienstag die Baustelle.\n\n"
               "„Die Arbeiten beginnen schon am kommenden Montag“, sagte ein Sprecher.", "de")
    assert got["Die Arbeiten beginnen schon am kommenden Montag"] == "Sprecher"


def test_german_role_held_by_two_stays_the_role():
    got = said("Die Brücke wird neu gebaut.\n\nInnenminister Karl Berg und Finanzminister Otto Lenz besuchten die "
               "Baustelle.\n\n„Die Arbeiten beginnen schon am kommenden Montag“, sagte der Minister.", "de")
    assert got["Die Arbeiten beginnen schon am kommenden Montag"] == "Minister"


def test_spanish_pronoun_resolved_to_the_one_woman_named():
    got = said("El puente será reconstruido.\n\nLa alcaldesa Juana Holt y el ministro Carlos Berg visitaron las "
               "obras. \"Las obras empezarán el próximo lunes por la mañana\", dijo ella.", "es")
    assert got["Las obras empezarán el próximo lunes por la mañana"] == "alcaldesa Juana Holt"


def test_spanish_pronoun_with_two_women_named_abstains():
    got = said("El puente será reconstruido.\n\nLa alcaldesa Juana Holt y la ministra Ana Prieto visitaron las "
               "obras. \"Las obras empezarán el próximo lunes por la mañana\", dijo ella.", "es")
    assert got["Las obras empezarán el próximo lunes por la mañana"] is None


def test_spanish_role_resolved_to_the_person_introduced_with_it():
    got = said("El puente será reconstruido.\n\nEl portavoz de la policía, Juan García, visitó las obras.\n\n"
               "\"No hubo heridos en el derrumbe de anoche\", dijo el portavoz.", "es")
    assert got["No hubo heridos en el derrumbe de anoche"] == "portavoz de la policía, Juan García"


def test_spanish_pronoun_far_from_any_name_abstains():
    got = said("La alcaldesa Juana Holt visitó las obras.\n\nEl río creció durante la noche.\n\nLas lluvias "
               "siguieron el martes.\n\n\"Las obras empezarán el próximo lunes por la mañana\", dijo ella.", "es")
    assert got["Las obras empezarán el próximo lunes por la mañana"] is None


# a first-person quotation without a frame goes on with the last speaker, when nobody else is named between


def test_german_first_person_quotation_continues_the_last_speaker():
    got = said("Die Brücke wird neu gebaut.\n\n„Die Arbeiten beginnen am Montag“, sagte Bürgermeisterin Jana Holt.\n\n"
               "Die Kosten haben sich verdoppelt. „Ich habe jedes Wochenende auf dieser Baustelle verbracht.“", "de")
    assert got["Die Arbeiten beginnen am Montag"] == "Bürgermeisterin Jana Holt"  # the name ends with its line
    assert got["Ich habe jedes Wochenende auf dieser Baustelle verbracht."] == "Bürgermeisterin Jana Holt"


def test_german_first_person_after_another_person_abstains():
    got = said("Die Brücke wird neu gebaut.\n\n„Die Arbeiten beginnen am Montag“, sagte Bürgermeisterin Jana Holt.\n\n"
               "Die Arbeiten leitet Ingenieur Paul Grant. „Ich habe jedes Wochenende auf dieser Baustelle verbracht.“",
               "de")
    assert got["Ich habe jedes Wochenende auf dieser Baustelle verbracht."] is None


def test_spanish_first_person_quotation_continues_the_last_speaker():
    got = said("El puente será reconstruido.\n\n\"Las obras empezarán el lunes\", dijo la alcaldesa Juana Holt.\n\n"
               "Los costes se han duplicado. \"Yo he pasado todos los fines de semana en esta obra.\"", "es")
    assert got["Yo he pasado todos los fines de semana en esta obra."] == "alcaldesa Juana Holt"


def test_spanish_quotation_not_in_the_first_person_abstains():
    got = said("El puente será reconstruido.\n\n\"Las obras empezarán el lunes\", dijo la alcaldesa Juana Holt.\n\n"
               "Los costes se han duplicado. \"El puente estará listo en primavera.\"", "es")
    assert got.get("El puente estará listo en primavera.") is None


def test_german_pronoun_never_points_to_mere_capitalised_words():
    got = said("Die Brücke wird neu gebaut.\n\nAm Dienstag prüften Stadtwerke Holtdorf die Leitungen. „Die Arbeiten "
               "beginnen schon am kommenden Montag“, sagte er.", "de")
    assert got["Die Arbeiten beginnen schon am kommenden Montag"] is None
