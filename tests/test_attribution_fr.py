"""Attribution and quote speakers in French reports (fictional events written here)."""

from __future__ import annotations

import dataclasses

import pytest

from crosswire import facts
from crosswire.facts.cues import FRENCH
from crosswire.facts.attribution import (attribute_article, build_rules, find_attribution, rules_for,
                                   party_key, same_party)
from crosswire.brief import build_brief
from crosswire.model import Article, to_json

NBSP, NNBSP = "\u00a0", "\u202f"


def analyze(*arts: Article):
    return facts.analyze(list(arts), [], embedder=False)


def speakers(sheet) -> dict[str, str | None]:
    return {q.text: q.speaker for q in sheet.quotes}


@pytest.mark.parametrize("sentence, party", [
    ("Le port de Velmora a rouvert mardi, a déclaré le ministère narvalien des Transports.",
     "ministère narvalien des Transports"),
    ("Le port a rouvert, a indiqué jeudi soir la préfecture maritime.", "préfecture maritime"),
    ("Les quais sont vides, a affirmé Ilse Korvath.", "Ilse Korvath"),
    ("La grève est terminée, a annoncé le syndicat des dockers dans un communiqué.", "syndicat des dockers"),
    ("Trois navires attendent au large, a précisé à l'AFP l'entourage du ministre.", "entourage du ministre"),
    ("L'entourage du ministre a indiqué à l'AFP que les négociations reprendraient.", "entourage du ministre"),
    ("Le dialogue reste possible, a assuré le porte-parole du gouvernement, Jean Marlot.",
     "porte-parole du gouvernement Jean Marlot"),
    ("Les salaires seront revus, a souligné Anton Melk, porte-parole des dockers.", "Anton Melk"),
    ("La crise est grave, a estimé vendredi la commission portuaire.", "commission portuaire"),
    ("Les pertes dépassent 40 millions d'euros, selon la chambre de commerce.", "chambre de commerce"),
    ("D'après Ilse Korvath, les pertes dépassent 40 millions d'euros.", "Ilse Korvath"),
    ("Selon un communiqué du ministère de la Mer, les pertes sont lourdes.", "ministère de la Mer"),
    ("Le bilan pourrait s'alourdir, a fait savoir le Kremlin.", "Kremlin"),
    ("Deux dockers ont été blessés, a-t-on appris auprès de la gendarmerie.", "gendarmerie"),
    ("Deux dockers ont été blessés lundi soir, a-t-on appris de source policière.", "source policière"),
    ("Moscou a répondu que ces accusations étaient sans fondement.", "Moscou"),
    ("Le maire Pavel Ostrov a déclaré que la ville porterait plainte.", "maire Pavel Ostrov"),
    ("Réponse de la mairie : aucune décision n'a été prise.", "mairie"),
    ("Le port restera fermé, explique Ilse Korvath.", "Ilse Korvath"),
])
def test_each_french_cue_names_the_credited_party(sentence, party):
    assert find_attribution(sentence, "fr") == party


@pytest.mark.parametrize("sentence, pronoun", [
    ("Le port restera fermé, a-t-il ajouté.", "he"),
    ("Le port restera fermé, a-t-elle déclaré.", "she"),
    ("Le port restera fermé, ont-ils indiqué.", "they"),
    ("Le port restera fermé, estime-t-elle.", "she"),
    ("Il a précisé que le port resterait fermé.", "he"),
    ("Le port restera fermé, selon elle.", "she"),
])
def test_french_pronouns_come_back_as_pronouns_to_resolve(sentence, pronoun):
    assert find_attribution(sentence, "fr") == pronoun


@pytest.mark.parametrize("sentence", [
    "Les tarifs du ferry varient selon les cas.",
    "Les horaires changent selon les saisons et selon les besoins.",
    "On dit que la grève durera longtemps.",
    "Le port a rouvert, a annoncé la fermeture du quai nord.",  # a thing announced, nobody credited
    "Il a lu «Les Naufragés de Velmora» pendant la grève.",
    "Le gouvernement tombera, a-t-on appris.",  # an impersonal "on" names nobody
    # a capital that only starts the sentence is not a name
    "Contrairement à ce qu'il a affirmé, le port n'a pas rouvert.",
    "Trente pour cent des habitants ont déclaré qu'ils resteraient sur l'île.",
])
def test_french_sentences_without_a_party_get_none(sentence):
    assert find_attribution(sentence, "fr") is None


def test_french_pronouns_resolve_to_the_last_person_named():
    got = attribute_article([
        "Le port de Velmora restera fermé, a déclaré le ministère narvalien des Transports.",
        "Il a précisé que les ferries seraient détournés.",  # nobody named yet: "il" is the ministry
        "La maire Ilse Korvath a dénoncé une décision brutale.",
        "«Nous irons devant les juges», a-t-elle ajouté.",
        "Selon le ministère, la fermeture durera une semaine.",
        "Elle a ajouté que la ville porterait plainte.",  # the last person, not the last source
    ], language="fr")
    ministry, mayor = "ministère narvalien des Transports", "maire Ilse Korvath"
    assert got == [ministry, ministry, mayor, mayor, ministry, mayor]


def test_rules_follow_the_language_not_the_reverse():
    fr = "Le port restera fermé, a déclaré le ministère des Transports."
    en = "The port will stay closed, the transport ministry said."
    assert find_attribution(fr, "en") is None
    assert find_attribution(en, "fr") is None
    assert find_attribution(en, "en") == "transport ministry"
    # without a language, the text's own marker words choose
    assert rules_for(None, [fr, "Les dockers sont en grève depuis lundi dans le port."]).language == "fr"
    assert rules_for(None, [en]).language == "en"
    strike = "Les dockers sont en grève depuis une semaine dans le port."
    assert attribute_article([fr, strike]) == ["ministère des Transports", None]
    # Spanish and German share a few short words with French; they are not read as French
    assert rules_for(None, ["Los vendedores les piden apoyo a las autoridades, les dijo el alcalde."]).language == "en"
    assert rules_for(None, ["Der Minister des Landes sagte, du musst warten."]).language == "en"


FR_QUOTES = (
    f"Le maire Pavel Ostrov a déclaré : «{NNBSP}Cette grève a coûté trop cher à notre ville{NNBSP}».\n\n"
    "«Nous sommes prêts», a affirmé Anton Melk, «à reprendre le travail dès lundi».\n\n"
    "«Le dialogue est rompu», a dit Lena Dorsk, présidente des armateurs, «et il faudra du temps».\n\n"
    "La porte-parole des dockers, Ilse Korvath, a répondu aux journalistes.\n\n"
    f"«{NBSP}Personne ne nous a consultés avant la fermeture{NBSP}», a-t-elle ajouté.\n\n"
    "Selon Lena Dorsk, «les armateurs ont perdu des millions cette semaine».\n\n"
    "“Le port ne rouvrira pas avant dimanche”, a indiqué la direction du port."
)


def test_french_quote_speakers_in_every_form():
    sheet = analyze(Article(id="fr", text=FR_QUOTES, language="fr"))
    got = speakers(sheet)
    assert got["Cette grève a coûté trop cher à notre ville"] == "maire Pavel Ostrov"
    # a quote cut by an incise is one quote of the speaker named in the incise
    assert got["Nous sommes prêts à reprendre le travail dès lundi"] == "Anton Melk"
    assert got["Personne ne nous a consultés avant la fermeture"] == "porte-parole des dockers Ilse Korvath"
    assert got["les armateurs ont perdu des millions cette semaine"] == "Lena Dorsk"
    assert got["Le port ne rouvrira pas avant dimanche"] == "direction du port"
    assert got["Le dialogue est rompu et il faudra du temps"] == "Lena Dorsk"
    assert len(sheet.quotes) == 6


def test_two_quotes_and_a_pronoun_incise_in_one_sentence():
    text = ("«Nous tiendrons jusqu'au bout de la semaine», a affirmé Ilse Korvath devant le port, "
            "puis «personne ne reprendra le travail sans accord», a-t-elle ajouté.")
    sheet = analyze(Article(id="fr", text=text, language="fr"))
    assert set(speakers(sheet).values()) == {"Ilse Korvath"}
    assert len(sheet.quotes) == 2


def test_the_party_addressed_is_not_the_speaker():
    text = ("La ministre Lena Dorsk a appelé les armateurs à «revenir à la table des négociations» "
            "et à «cesser toute provocation envers les grévistes».")
    got = speakers(analyze(Article(id="fr", text=text, language="fr")))
    assert got == {"revenir à la table des négociations": "ministre Lena Dorsk",
                   "cesser toute provocation envers les grévistes": "ministre Lena Dorsk"}


def test_titles_and_speech_without_a_party_get_no_speaker():
    text = ("La grève a été votée lundi, a déclaré le syndicat des dockers.\n\n"
            "Le capitaine a relu le livre «Les Naufragés de la baie de Velmora» pendant la nuit.\n\n"
            "On raconte sur les quais que «la grève pourrait durer tout l'hiver».")
    sheet = analyze(Article(id="fr", text=text, language="fr"))
    got = speakers(sheet)
    assert "Les Naufragés de la baie de Velmora" not in got  # a book's title is nobody's words
    assert got == {"la grève pourrait durer tout l'hiver": None}


def test_the_article_language_chooses_the_quote_rules():
    text = "Le maire Pavel Ostrov a déclaré : «Cette grève a coûté trop cher à notre ville»."
    assert speakers(analyze(Article(id="fr", text=text, language="fr"))) == {
        "Cette grève a coûté trop cher à notre ville": "maire Pavel Ostrov"}
    # read as English, the French frame names nobody
    assert speakers(analyze(Article(id="x", text=text, language="en"))) == {
        "Cette grève a coûté trop cher à notre ville": None}


EN_REPORT = (
    "The French foreign ministry said on Tuesday that the ferry link to the island of Velmora would reopen "
    "within a week.\n\n"
    "\"We will not leave the islanders cut off for a single day longer,\" said Ilse Korvath, the "
    "Norland transport commissioner."
)
FR_REPORT = (
    "Le ministère français des Affaires étrangères a annoncé mardi que la liaison par ferry vers l'île de "
    "Velmora rouvrirait d'ici une semaine.\n\n"
    "«Nous ne laisserons pas les insulaires isolés un jour de plus», a déclaré Ilse Korvath, commissaire "
    "aux transports de Norland."
)


def test_a_french_and_an_english_report_credit_the_same_parties():
    arts = [Article(id="en", text=EN_REPORT, language="en", published="2031-03-04"),
            Article(id="fr", text=FR_REPORT, language="fr", published="2031-03-04")]
    sheet = analyze(*arts)
    brief = to_json(build_brief(arts, [], sheet))
    quotes = {q["articles"][0]: q["speaker"] for q in brief["quotes"]}
    assert quotes == {"en": "Ilse Korvath", "fr": "Ilse Korvath"}
    ferry = {f.articles[0]: f.attributed_to for f in sheet.facts if "ferry" in f.text}
    assert ferry["en"] == "French foreign ministry"
    assert ferry["fr"] == "ministère français des Affaires étrangères"
    assert same_party(ferry["en"], ferry["fr"]) and party_key(ferry["fr"]) == "france"


@pytest.mark.parametrize("text", [
    "", "«", "»«", "«»", ", a déclaré", "selon", "a-t-il ajouté", "« , a-t-elle dit, »", "Selon ,",
    "«Oui», a déclaré «non», a-t-il «peut-être»", "d'après " * 50, "\u202f«\u00a0»\u202f",
])
def test_odd_french_input_never_raises(text):
    find_attribution(text, "fr")
    attribute_article([text, text], language="fr")
    analyze(Article(id="fr", text=text, language="fr"))


def test_another_language_is_added_as_data():
    """A (tiny) Spanish table: the same builder reads its news style."""
    spanish = dataclasses.replace(
        FRENCH, language="es", markers=frozenset("el la los las del una es en para que con por se su".split()),
        auxiliaries=r"ha|han|había|habían", participles=("dicho", "declarado", "afirmado", "añadido"),
        finite=("dijo", "declaró", "afirmó", "añadió", "dice", "afirma"), adverbs=r"también|hoy|ayer|el\s+lunes",
        addressees=r"a\s+(?:la\s+)?(?:AFP|prensa)", channels=r"en\s+un\s+comunicado",
        according=r"[Ss]egún", learned=r"se\s+supo", source_from=r"por", unnamed_prefix=r"según",
        unnamed_source=r"fuentes\s+policiales", responses=r"Respuesta", of=r"del\s+|de\s+la\s+|de\s+",
        passive_denials=r"desmentid[oa]", by=r"por", pronouns={"él": "he", "ella": "she", "ellos": "they"},
        impersonal=r"se", inversion=None, determiners=r"el|la|los|las|un|una", elided=r"(?!)",
        conjunctions=r"pero|y", documents=r"comunicado|informe",
        institutions=frozenset("ministerio gobierno portavoz policía".split()),
        titles=frozenset("ministro ministra portavoz alcalde alcaldesa".split()), modifiers=frozenset(),
        not_sources=frozenset({"casos"}), name_links=frozenset({"de", "del", "la"}), works=r"libro|película",
        that=r"que", relatives=r"quien", cited=r"citado", object_clitic=r"lo", possessives=r"su|sus",
        saying=r"\w+ando|\w+iendo", extra_capitals={}, extra_countries={})
    rules = build_rules(spanish)

    def party(text: str) -> str | None:
        return rules.source(rules.raw(text))

    assert party("El puerto reabrirá el lunes, dijo el ministerio de Transporte.") == "ministerio de Transporte"
    assert party("Según la policía, hubo dos heridos.") == "policía"
    assert party("La alcaldesa Ilse Korvath ha declarado que la ciudad denunciará.") == "alcaldesa Ilse Korvath"
    assert party("Los precios cambian según los casos.") is None
    assert party("El puerto sigue cerrado, afirmó ella.") == "she"
